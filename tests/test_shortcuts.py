"""Issue 18 point 1: Start call / End call from any program by a global shortcut, on a real X11 desktop.

Xvfb with openbox, the keys pressed with xdotool (XTEST: through the X server, as a keyboard would), so what
is tested is the passive grab itself: the combination reaches Taltio whichever window has the keyboard, a
combination another program holds is reported, and rebinding lets the old one go.
"""
from __future__ import annotations

import queue
from contextlib import ExitStack

import pytest

from taltio.adapters.shortcuts.unavailable import UnavailableShortcuts
from taltio.adapters.shortcuts.x11 import X11Shortcuts
from taltio.app.shortcuts import Shortcuts
from taltio.domain import shortcuts
from taltio.domain.ports import TAKEN
from taltio.settings import Settings
from tests.fixtures.x11 import x11_desktop
from tests.helpers.in_process import in_process_app, local_config

START = shortcuts.parse("Ctrl+Alt+Shift+S")


@pytest.mark.parametrize("text, want", [
    ("Ctrl+Alt+Shift+S", "Ctrl+Alt+Shift+S"), ("shift+ctrl+alt+s", "Ctrl+Alt+Shift+S"),
    ("Control+F9", "Ctrl+F9"), ("F13", "F13"), ("Super+pgdown", "Meta+PgDown"), ("Alt+7", "Alt+7"),
])
def test_shortcuts_are_read_in_qts_portable_form(text, want):
    assert str(shortcuts.parse(text)) == want


@pytest.mark.parametrize("text, says", [
    ("S", "every program"), ("Shift+S", "every program"), ("F9", "every program"),
    ("Hyper+S", "not a modifier"), ("Ctrl+Ä", "not a key"), ("Ctrl++", "keys joined by +"),
    ("Ctrl+Alt+\x1b[31m", "\\x1b"),
])
def test_a_shortcut_that_would_steal_typing_or_cannot_be_read_is_refused(text, says):
    problem = shortcuts.check(text)
    assert problem and says in problem and "\x1b" not in problem
    assert shortcuts.check("") is None and shortcuts.check("  ") is None       # empty: no shortcut


def _presses() -> tuple[queue.Queue, callable]:
    q: queue.Queue = queue.Queue()
    return q, q.put


def test_the_combination_reaches_taltio_whichever_window_has_the_keyboard(tmp_path):
    with x11_desktop(tmp_path) as desk:
        desk.open_window("CRM")
        keys = X11Shortcuts(desk.display)
        q, on_press = _presses()
        try:
            assert keys.bind({"start_call": START, "end_call": shortcuts.parse("Ctrl+Alt+Shift+E")}, on_press) == {}
            desk.xdotool("key", "ctrl+alt+shift+s")
            assert q.get(timeout=5) == "start_call"
            desk.xdotool("key", "Num_Lock")                          # Num Lock on: still the same combination
            desk.xdotool("key", "ctrl+alt+shift+e")
            assert q.get(timeout=5) == "end_call"
            desk.xdotool("key", "Num_Lock")
            desk.xdotool("type", "se")                              # plain typing is not ours
            desk.xdotool("key", "ctrl+s")
            with pytest.raises(queue.Empty):
                q.get(timeout=1)
        finally:
            keys.close()


def test_a_combination_another_program_holds_is_reported_and_a_rebind_lets_go(tmp_path):
    with x11_desktop(tmp_path) as desk:
        other, ours = X11Shortcuts(desk.display), X11Shortcuts(desk.display)
        q, on_press = _presses()
        try:
            assert other.bind({"theirs": START}, lambda _a: None) == {}
            assert ours.bind({"start_call": START}, on_press) == {"start_call": TAKEN}
            other.bind({"theirs": shortcuts.parse("Ctrl+Alt+Shift+T")}, lambda _a: None)   # it lets S go
            assert ours.bind({"start_call": START}, on_press) == {}
            desk.xdotool("key", "ctrl+alt+shift+s")
            assert q.get(timeout=5) == "start_call"
            ours.bind({"start_call": shortcuts.parse("Ctrl+Alt+Shift+R")}, on_press)
            desk.xdotool("key", "ctrl+alt+shift+s")                   # the old combination is no longer ours
            desk.xdotool("key", "ctrl+alt+shift+r")
            assert q.get(timeout=5) == "start_call" and q.empty()
        finally:
            ours.close()
            other.close()


def _settings(**values) -> Settings:
    from taltio.settings import SCHEMA

    base = {s.key: s.default for s in SCHEMA}
    return Settings({**base, **values}, {k: "user (test)" for k in values})


class _Refusing(UnavailableShortcuts):
    def __init__(self) -> None:
        super().__init__("")

    def bind(self, bindings, on_press):
        return {action: TAKEN for action in bindings}


def test_what_the_desktop_refused_is_said_in_the_agents_terms():
    keys = Shortcuts(_Refusing, {})
    keys.configure(_settings())
    assert [p.template for p in keys.problems] == [keys.problems[0].template] * 2
    assert "Ctrl+Alt+Shift+S (Start call) is used by another program" in keys.problems[0]
    quiet = Shortcuts(lambda: UnavailableShortcuts("Wayland"), {})
    quiet.configure(_settings())                                   # the shipped keys on Wayland: no news
    assert quiet.problems == []
    told = Shortcuts(lambda: UnavailableShortcuts("Wayland"), {})
    told.configure(_settings(**{"ui.shortcut_start_call": "Ctrl+F9"}))   # the agent chose one: say why not
    assert len(told.problems) == 1 and "do not work on this desktop" in told.problems[0]
    off = Shortcuts(_Refusing, {})
    off.configure(_settings(**{"ui.shortcut_start_call": "", "ui.shortcut_end_call": ""}))
    assert off.adapter is None and off.problems == []


@pytest.mark.slow
def test_start_call_and_end_call_by_shortcut_in_the_tray_app(qtbot, keyring_daemon, tmp_path, monkeypatch):
    """The agent in the CRM presses the shortcut: the number dialog opens; Enter starts the call (the card
    asks for the notice); the end shortcut ends it."""
    with x11_desktop(tmp_path / "x") as desk, ExitStack() as apps:
        desk.open_window("CRM")
        monkeypatch.setenv("DISPLAY", desk.display)
        app = apps.enter_context(in_process_app(tmp_path, local_config(tmp_path), keyring=keyring_daemon,
                                                acknowledge_staff_notice=True))
        assert app.agent.shortcuts.bound and app.agent.shortcuts.problems == []
        desk.xdotool("key", "ctrl+alt+shift+s")
        qtbot.waitUntil(lambda: app.number_dialog is not None and app.number_dialog.isVisible(), timeout=5000)
        first = app.number_dialog
        desk.xdotool("key", "ctrl+alt+shift+s")                       # again: the same dialog, not a second
        qtbot.wait(300)
        assert app.number_dialog is first
        first.setTextValue("040 123 4567")
        first.accept()
        qtbot.waitUntil(lambda: app.agent.manual_call() is not None)
        call_id = app.agent.manual_call()
        qtbot.waitUntil(lambda: app.card.isVisible() and app.card.call_id == call_id)
        desk.xdotool("key", "ctrl+alt+shift+e")
        qtbot.waitUntil(lambda: app.agent.manual_call() is None, timeout=5000)
        assert app.core.controller.sessions[call_id].outcome.value == "not_recorded"


def test_windows_hot_keys_reach_taltio_taken_ones_are_reported_and_a_rebind_lets_go():
    """RegisterHotKey through a stand-in for user32: the combination with MOD_NOREPEAT on the thread that hears
    it; one another program registered is refused as TAKEN; a rebind unregisters the old keys; close() ends the
    thread and leaves nothing registered."""
    from taltio.adapters.shortcuts.windows import MOD_ALT, MOD_CONTROL, MOD_SHIFT, WindowsShortcuts
    from tests.helpers.fake_win32 import FakeDesktop

    desk = FakeDesktop()
    desk.held_by_others.add((MOD_CONTROL | MOD_ALT | MOD_SHIFT, ord("E")))
    keys = WindowsShortcuts(desk)
    q, on_press = _presses()
    try:
        refused = keys.bind({"start_call": START, "end_call": shortcuts.parse("Ctrl+Alt+Shift+E")}, on_press)
        assert refused == {"end_call": TAKEN}
        assert list(desk.registered.values()) == [(MOD_CONTROL | MOD_ALT | MOD_SHIFT, ord("S"))]
        desk.press(MOD_CONTROL | MOD_ALT | MOD_SHIFT, ord("S"))
        assert q.get(timeout=5) == "start_call"
        assert keys.bind({"start_call": shortcuts.parse("Ctrl+F9")}, on_press) == {}
        assert list(desk.registered.values()) == [(MOD_CONTROL, 0x78)]          # VK_F9; the old S is let go
        desk.press(MOD_CONTROL | MOD_ALT | MOD_SHIFT, ord("S"))
        desk.press(MOD_CONTROL, 0x78)
        assert q.get(timeout=5) == "start_call" and q.empty()
    finally:
        keys.close()
    assert desk.registered == {}
