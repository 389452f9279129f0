"""The notice card and status view show the right controls for each state (offscreen Qt)."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

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
    card = NoticeCard("Read me")
    qtbot.addWidget(card)
    card.show_call({"call_id": "c1", "state": state, "direction": "incoming", "number_hint": "…567",
                    "recorded_s": 65.0})
    assert _visible(card) == expected
    # Recording cannot be started before the softphone reported the answer.
    assert card.btn_start.isEnabled() == (state == "notice_pending")
    assert ("01:05" in card.status.text()) == (state in ("recording", "paused"))
    assert card.notice.parentWidget().isHidden() == (state in ("recording", "paused"))


def test_card_emits_actions_with_call_id(qtbot):
    card = NoticeCard("Read me")
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
