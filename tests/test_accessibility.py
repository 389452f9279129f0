"""Every control a screen reader reaches has a name, in every language, in every state of every window.

The name is read the way assistive technology reads it: through Qt's accessibility
interface (QAccessible), which takes a button's text, a label's buddy, or an explicit
accessible name. A control that only shows an icon or a symbol, or a combo box without
a label, has no name there and fails this test.
"""
from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (QAbstractButton, QAbstractSlider, QComboBox, QLineEdit, QProgressBar, QTextEdit,
                               QWidget)

from taltio import settings as settings_mod
from taltio.ui import i18n
from taltio.ui.notice_card import NoticeCard
from taltio.ui.pill import StatusPill
from taltio.ui.staff_notice import StaffNoticeDialog
from taltio.ui.tray import StatusWindow

INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QTextEdit, QAbstractSlider, QProgressBar)

STATES = [
    {"state": "ringing"},
    {"state": "notice_pending"},
    {"state": "recording", "recorded_s": 12.0, "bookmarks": [{"offset_s": 7.0, "label": "agreement"}]},
    {"state": "paused", "paused_since": "2026-11-28T10:00:00.000Z", "pause_reason": "agent"},
    {"state": "recording", "notice_mode": "on_answer", "notice_given": False},
]


def accessible_name(w: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(w)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else ""


def unnamed(top: QWidget) -> list[str]:
    """Visible interactive controls under *top* that a screen reader would announce without a name."""
    missing = []
    for w in [top, *top.findChildren(QWidget)]:
        if isinstance(w, INTERACTIVE) and w.isVisibleTo(top) and not accessible_name(w):
            missing.append(f"{type(w).__name__}#{w.objectName() or '?'}")
    return missing


@pytest.fixture(params=["en", "fi", "sv"])
def language(request, qapp):
    i18n.install(request.param)
    yield request.param
    i18n.uninstall()


def _card(qtbot) -> NoticeCard:
    texts = {"fi": "Puhelu tallennetaan.", "sv": "Samtalet spelas in.", "en": "This call is recorded."}
    card = NoticeCard(texts, {k: f"info {k}" for k in texts})
    qtbot.addWidget(card)
    return card


@pytest.mark.parametrize("extra", STATES, ids=lambda v: v["state"] + ("-reminder" if "notice_mode" in v else ""))
def test_card_controls_are_named_in_every_state(qtbot, language, extra):
    card = _card(qtbot)
    view = {"call_id": "c1", "direction": "incoming", "number_hint": "…567", "language": "fi", **extra}
    card.show_call(view)
    card.btn_info.setChecked(True)
    card.show_error("Not hearing your microphone")
    assert unnamed(card) == []
    # The test can fail: an icon-only button without a name is caught.
    card.btn_label.setText("")
    card.btn_label.setAccessibleName("")
    card.btn_label.setVisible(True)
    assert "QPushButton#labelButton" in unnamed(card)


def test_status_window_pill_and_staff_notice_are_named(qtbot, language):
    win = StatusWindow()
    qtbot.addWidget(win)
    win.show()
    assert unnamed(win) == []
    pill = StatusPill()
    qtbot.addWidget(pill)
    for status in ("recording", "paused", "private", "declined", "error", "idle"):
        pill.set_status(status, f"state {status}", since=None)
        pill.show()
        assert accessible_name(pill), status
        assert unnamed(pill) == []
    dlg = StaffNoticeDialog("Calls are recorded.", "0" * 64, language)
    qtbot.addWidget(dlg)
    dlg.show()
    assert unnamed(dlg) == []


@pytest.mark.slow
def test_devices_dialog_is_named(qtbot, language, audio_server, tmp_path, monkeypatch):
    from taltio.adapters.audio import make_backend
    from taltio.ui.devices_dialog import DevicesDialog

    monkeypatch.setattr(settings_mod, "user_config_path", lambda: tmp_path / "user.toml")
    settings = settings_mod.load(tmp_path / "none.toml", tmp_path / "user.toml")
    dlg = DevicesDialog(make_backend("auto"), settings)
    qtbot.addWidget(dlg)
    dlg.show()
    try:
        assert unnamed(dlg) == []
    finally:
        dlg.close()


def test_preferences_are_named(qtbot, language, tmp_path):
    from taltio.ui.preferences import PreferencesDialog

    machine = tmp_path / "m.toml"
    machine.write_text('[ui]\nnotify_start_stop = true\n')            # one locked: still named
    dlg = PreferencesDialog(settings_mod.load(machine, tmp_path / "u.toml"))
    qtbot.addWidget(dlg)
    dlg.show()
    assert unnamed(dlg) == []
