"""Issue 18 point 2: recording pauses while a payment window has the keyboard (PCI DSS), on a real X11 desktop.

Xvfb with the openbox window manager, real windows from other processes, focus moved with xdotool; the app
is the real one (subprocess), recording from the private PipeWire server, and what is checked is the signed
manifest and the decrypted audio: a marker tone played only while the payment window has the keyboard must
not be in it.
"""
from __future__ import annotations

import queue
import time

import pytest

from taltio.adapters.focus.unavailable import UnavailableFocusWatcher
from taltio.adapters.focus.x11 import X11FocusWatcher
from taltio.app.auto_pause import AutoPause
from taltio.domain.payment_windows import check_patterns, matching
from taltio.domain.ports import FocusedWindow
from tests.fixtures.x11 import x11_desktop
from tests.helpers.signals import tone, tone_level, write_wav
from tests.helpers.verify import fetch_call
from tests.helpers.world import queue_empty, start_recording, state_is

RATE = 16000
PAYMENT = "Kassa – Korttimaksu"


def test_patterns_match_title_or_program_case_insensitively():
    pats = ["*korttimaksu*", "payterm.exe"]
    assert matching(FocusedWindow(PAYMENT, "firefox"), pats) == "*korttimaksu*"
    assert matching(FocusedWindow("Receipt", "PayTerm.exe"), pats) == "payterm.exe"
    assert matching(FocusedWindow("CRM – asiakas", "firefox"), pats) is None
    assert matching(None, pats) is None and matching(FocusedWindow(PAYMENT, ""), []) is None


def test_a_pattern_that_matches_every_window_is_refused():
    assert "matches every window" in check_patterns(["*"])
    assert "1 to 200" in check_patterns([""])
    assert check_patterns(["*Maksu*", "pos?.exe"]) is None


def test_the_x11_watcher_reports_focus_and_title_changes(tmp_path):
    """Each change once, from the watcher's thread; a browser switching its tab to the payment page is one."""
    seen: queue.Queue = queue.Queue()
    with x11_desktop(tmp_path) as desk:
        w = X11FocusWatcher(desk.display)
        w.start(seen.put)
        try:
            assert w.unavailable == ""
            assert seen.get(timeout=5) is None                  # nothing focused yet

            def next_title(want: str) -> FocusedWindow:
                while True:
                    got = seen.get(timeout=10)
                    if got is not None and got.title == want:
                        return got

            desk.open_window("CRM")
            assert next_title("CRM").process.startswith("python")
            desk.open_window(PAYMENT)
            next_title(PAYMENT)
            desk.activate("CRM")
            next_title("CRM")
            desk.retitle("CRM", "CRM – Korttimaksu")           # as a browser does when the tab changes
            next_title("CRM – Korttimaksu")
        finally:
            w.close()
    assert X11FocusWatcher("").unavailable


class _Controller:
    """Records what AutoPause asks of the controller (the real one is in the end-to-end test below)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def pause_recording(self, reason: str) -> list[str]:
        self.calls.append(("pause", reason))
        return []

    def resume_recording(self, reason: str) -> list[str]:
        self.calls.append(("resume", reason))
        return []


def test_auto_pause_says_once_when_the_desktop_cannot_tell():
    ctl = _Controller()
    ap = AutoPause(ctl, lambda: UnavailableFocusWatcher("Wayland"))
    ap.configure([])
    assert ap.watcher is None and not ap.unavailable             # nothing listed: nothing watched, nothing said
    ap.configure(["*Maksu*"])
    assert ap.unavailable == "Wayland" and ctl.calls == []


@pytest.mark.slow
def test_a_payment_window_pauses_the_recording_and_nothing_from_it_is_kept(world, app_factory, tmp_path):
    tone_wav = {f: write_wav(tmp_path / f"t{f}.wav", tone(f, 1.2, amplitude=0.4), RATE) for f in (700.0, 2900.0)}
    with x11_desktop(tmp_path / "x") as desk:
        desk.open_window("CRM")
        app = app_factory("auto-pause", **{"recording.auto_pause_windows": ["*korttimaksu*"]})
        app.env["DISPLAY"] = desk.display
        app.start()
        start_recording(app, "call-pay")
        world.audio.play_mic(tone_wav[700.0]).wait(timeout=30)
        desk.open_window(PAYMENT)                               # the agent opens the payment page
        app.wait_for(state_is("call-pay", "paused"), timeout=5, what="the auto-pause")
        world.audio.play_mic(tone_wav[2900.0]).wait(timeout=30)  # the card number, read aloud
        desk.activate("CRM")
        app.wait_for(state_is("call-pay", "recording"), timeout=5, what="the resume")
        world.audio.play_mic(tone_wav[700.0]).wait(timeout=30)
        app.hook("ended", "call-pay")
        app.wait_for(queue_empty, timeout=30, what="upload")
        doc, rec, rate = fetch_call(world.s3, "call-pay", tmp_path / "verify", world.org_key,
                                    app.status()["workstation_key"])
    (p,) = doc["pauses"]
    assert p["reason"] == "payment-window" and p["end"] is not None
    assert tone_level(rec, rate, 2900.0) == 0.0                 # nothing from inside the pause
    assert tone_level(rec, rate, 700.0, start_s=p["offset_s"] + 0.2) > 0.1      # recording went on after it
    assert tone_level(rec, rate, 700.0, end_s=p["offset_s"]) > 0.1


def test_a_call_that_starts_recording_while_the_payment_window_has_the_keyboard_is_paused_at_once():
    ctl = _Controller()
    ap = AutoPause(ctl, lambda: UnavailableFocusWatcher("-"))
    ap.patterns = ["*korttimaksu*"]
    ap.on_core("session", {"state": "recording"})
    assert ctl.calls == []                                      # no payment window: nothing to do
    ap._changed(FocusedWindow(PAYMENT, "firefox"))
    ap.on_core("session", {"state": "recording"})
    ap.on_core("session", {"state": "notice_pending"})
    assert ctl.calls == [("pause", "payment-window")] * 2
    ap._changed(FocusedWindow("CRM", "firefox"))
    ap._changed(FocusedWindow("CRM 2", "firefox"))              # a second harmless window: one resume only
    assert ctl.calls[2:] == [("resume", "payment-window")]


def test_the_windows_watcher_reports_foreground_and_title_changes_once_each():
    """The WinEvent-driven watcher, through a stand-in for user32: the first window at start, each foreground
    change and a title change of the foreground window once; a title change elsewhere is not a change; a window
    that vanishes while asked about counts as none; close() ends its message loop."""
    from taltio.adapters.focus.windows import WindowsFocusWatcher
    from tests.helpers.fake_win32 import FakeDesktop

    desk = FakeDesktop()
    crm = desk.open("CRM", "crm.exe")
    seen: queue.Queue = queue.Queue()
    w = WindowsFocusWatcher(desk)
    w.start(seen.put)
    try:
        assert w.unavailable == "" and seen.get(timeout=5) == FocusedWindow("CRM", "crm.exe")
        pay = desk.open("Kassa", "chrome.exe")
        assert seen.get(timeout=5) == FocusedWindow("Kassa", "chrome.exe")
        desk.retitle(crm, "CRM – Asiakas 123")                  # not the foreground window: nothing changes
        desk.activate(pay)                                      # again the same window: nothing changes
        desk.retitle(pay, PAYMENT)                              # the browser moves to its payment tab
        assert seen.get(timeout=5) == FocusedWindow(PAYMENT, "chrome.exe")
        desk.broken_describe = True
        desk.activate(crm)
        assert seen.get(timeout=5) is None
        desk.broken_describe = False
        desk.activate(crm)
        assert seen.get(timeout=5) == FocusedWindow("CRM – Asiakas 123", "crm.exe")
        assert seen.empty()
    finally:
        w.close()
    assert not w._thread.is_alive()


def test_the_windows_watcher_feeds_auto_pause():
    """End to end through AutoPause: the payment window pauses (reason payment-window), leaving it resumes."""
    from taltio.adapters.focus.windows import WindowsFocusWatcher
    from tests.helpers.fake_win32 import FakeDesktop

    desk = FakeDesktop()
    crm = desk.open("CRM", "crm.exe")
    ctl = _Controller()
    ap = AutoPause(ctl, lambda: WindowsFocusWatcher(desk))
    ap.configure(["*Korttimaksu*"])
    try:
        desk.open(PAYMENT, "chrome.exe")
        deadline = time.monotonic() + 5
        while ctl.calls != [("pause", "payment-window")] and time.monotonic() < deadline:
            time.sleep(0.01)
        desk.activate(crm)
        while len(ctl.calls) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert ctl.calls == [("pause", "payment-window"), ("resume", "payment-window")], ctl.calls
    finally:
        ap.close()


class _FakeWorkspace:
    """Stands in for NSWorkspace and the window list (this machine has no macOS): what is frontmost now."""

    def __init__(self) -> None:
        self.now: FocusedWindow | None = FocusedWindow("", "Finder")
        self.asked = 0

    def frontmost(self) -> FocusedWindow | None:
        self.asked += 1
        if isinstance(self.now, Exception):
            raise self.now
        return self.now


def test_the_macos_watcher_reports_each_change_once_and_survives_an_app_quitting():
    from taltio.adapters.focus.macos import MacFocusWatcher

    ws = _FakeWorkspace()
    seen: queue.Queue = queue.Queue()
    w = MacFocusWatcher(ws, poll_s=0.01)
    w.start(seen.put)
    try:
        assert seen.get(timeout=5) == FocusedWindow("", "Finder")
        ws.now = FocusedWindow("", "Payterm")           # no Screen Recording permission: no title, the app name
        assert seen.get(timeout=5) == FocusedWindow("", "Payterm")
        ws.now = RuntimeError("the app quit while asked")
        assert seen.get(timeout=5) is None
        ws.now = FocusedWindow(PAYMENT, "Safari")
        assert seen.get(timeout=5) == FocusedWindow(PAYMENT, "Safari")
        asked = ws.asked
        time.sleep(0.1)
        assert ws.asked > asked and seen.empty()         # still asking, nothing new to say
    finally:
        w.close()
    assert not w._thread.is_alive()
    assert matching(FocusedWindow("", "Payterm"), ["payterm*"]) == "payterm*"
