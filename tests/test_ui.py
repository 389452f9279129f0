"""The notice card and status view show the right controls for each state (offscreen Qt)."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from datetime import datetime, timedelta, timezone

from taltio.domain.events import iso
from taltio.ui.notice_card import NoticeCard
from taltio.ui.tray import StatusView


def _visible(card: NoticeCard) -> set[str]:
    names = ("btn_start", "btn_declined", "btn_private", "btn_pause", "btn_resume", "btn_bookmark")
    return {n for n in names if not getattr(card, n).isHidden()}


@pytest.mark.parametrize("state,expected", [
    ("ringing", {"btn_start", "btn_declined", "btn_private"}),
    ("notice_pending", {"btn_start", "btn_declined", "btn_private"}),
    ("recording", {"btn_pause", "btn_bookmark", "btn_private", "btn_declined"}),
    ("paused", {"btn_resume", "btn_bookmark", "btn_private", "btn_declined"}),
])
def test_card_controls_per_state(qtbot, state, expected):
    card = NoticeCard(TEXTS, INFOS)
    qtbot.addWidget(card)
    paused_since = iso(datetime.now(timezone.utc) - timedelta(seconds=14)) if state == "paused" else None
    card.show_call({"call_id": "c1", "state": state, "direction": "incoming", "number_hint": "…567",
                    "recorded_s": 65.0, "paused_since": paused_since, "pause_reason": "agent" if paused_since else None,
                    "language": "fi", "notice_mode": "agent", "notice_given": state in ("recording", "paused")})
    assert _visible(card) == expected
    # Recording cannot be started before the softphone reported the answer.
    assert card.btn_start.isEnabled() == (state == "notice_pending")
    assert ("01:05" in card.status.text()) == (state == "recording")
    assert ("00:14" in card.status.text() or "00:15" in card.status.text()) == (state == "paused")   # pause timer
    assert card.notice.parentWidget().isHidden() == (state in ("recording", "paused"))


TEXTS = {"fi": "Lue tämä", "sv": "Läs detta", "en": "Read me"}
INFOS = {"fi": "Rekisterinpitäjä: Pankki", "sv": "Personuppgiftsansvarig: Banken", "en": "Controller: The Bank"}


def test_card_language_switch_and_customer_asks(qtbot):
    card = NoticeCard(TEXTS, INFOS)
    qtbot.addWidget(card)
    card.show_call({"call_id": "c2", "state": "notice_pending", "direction": "incoming", "number_hint": "…1",
                    "language": "sv"})
    assert card.notice.text() == "Läs detta" and card.lang_buttons["sv"].isChecked()
    with qtbot.waitSignal(card.language) as sig:
        card.lang_buttons["en"].click()                # one click
    assert sig.args == ["c2", "en"] and card.notice.text() == "Read me"
    assert card.info.isHidden()
    card.btn_info.click()
    assert not card.info.isHidden() and card.info.text() == "Controller: The Bank"
    card.lang_buttons["fi"].click()
    assert card.info.text() == "Rekisterinpitäjä: Pankki"


def test_record_on_answer_card_is_a_reminder(qtbot):
    card = NoticeCard(TEXTS, INFOS)
    qtbot.addWidget(card)
    view = {"call_id": "c3", "state": "recording", "direction": "incoming", "number_hint": "…1", "language": "en",
            "notice_mode": "on_answer", "notice_given": False, "recorded_s": 3.0}
    card.show_call(view)
    assert not card.notice.parentWidget().isHidden() and "started on answer" in card.heading.text()
    card.show_call({**view, "notice_given": True})
    assert card.notice.parentWidget().isHidden()


def test_card_emits_actions_with_call_id(qtbot):
    card = NoticeCard(TEXTS, INFOS)
    qtbot.addWidget(card)
    card.show_call({"call_id": "c9", "state": "notice_pending", "direction": "outgoing", "number_hint": "…1"})
    with qtbot.waitSignal(card.action) as sig:
        card.btn_start.click()
    assert sig.args == ["notice-given", "c9"]
    with qtbot.waitSignal(card.action) as sig:
        card.btn_private.click()
    assert sig.args == ["private", "c9"]


def test_status_falls_back_to_window_without_tray(qtbot):
    assert not QSystemTrayIcon.isSystemTrayAvailable()      # offscreen has no tray
    view = StatusView()
    assert view.window is not None and view.window.isVisible()
    view.set_status("private", "Private call: NOT recorded", "1 recording(s) waiting for upload")
    assert "NOT recorded" in view.window.text.text()
    assert "waiting" in view.window.detail.text()
    view.close()


def test_card_keyboard_only_when_asked(qtbot):
    """Shown by itself the card takes no keys; asked for, every action is reachable by keyboard."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QComboBox

    card = NoticeCard(TEXTS, INFOS)
    qtbot.addWidget(card)
    view = {"call_id": "k1", "state": "notice_pending", "direction": "incoming", "number_hint": "…1", "language": "fi"}
    card.show_call(view)
    assert card.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in card.buttons)
    card.take_keyboard()
    assert not card.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    qtbot.waitUntil(lambda: card.focusWidget() is card.btn_start)
    with qtbot.waitSignal(card.action) as sig:
        qtbot.keyClick(card.focusWidget(), Qt.Key.Key_Space)          # the focused button
    assert sig.args == ["notice-given", "k1"]
    card.show_call({**view, "state": "recording", "recorded_s": 1.0})
    for key, event in ((Qt.Key.Key_F3, "pause"), (Qt.Key.Key_F5, "bookmark"), (Qt.Key.Key_F7, "private")):
        with qtbot.waitSignal(card.action) as sig:
            qtbot.keyClick(card, key)
        assert sig.args == [event, "k1"]
    # Tab reaches every visible control.
    reached = set()
    for _ in range(12):
        qtbot.keyClick(card.focusWidget() or card, Qt.Key.Key_Tab)
        reached.add(card.focusWidget())
    assert {b for b in card.buttons if b.isVisibleTo(card)} <= reached
    qtbot.keyClick(card, Qt.Key.Key_Escape)
    assert not card.keyboard and card.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    # Accessible names on every control a screen reader meets.
    for w in card.findChildren(QAbstractButton) + card.findChildren(QComboBox):
        assert w.accessibleName() or w.text(), w.objectName()
