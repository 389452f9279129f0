"""The notice card never takes focus from the window the agent is typing in (X11, Xvfb, xcb)."""
from __future__ import annotations

import shutil

import pytest

from tests.helpers.x11 import FOCUS_PRELUDE, qt_child_on_xvfb, xprop

CHILD = FOCUS_PRELUDE + r"""
from taltio.ui.notice_card import NoticeCard

card = NoticeCard({"fi": "Lue tämä", "sv": "Läs detta", "en": "Read me"})
for state in ("ringing", "notice_pending", "recording"):     # a call rings, is answered, is recorded
    card.show_call({"call_id": "c1", "state": state, "direction": "incoming", "number_hint": "…1",
                    "language": "fi", "recorded_s": 1.0})
    wait(lambda: card.isVisible())
    end = time.monotonic() + 0.3
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
after_show = {"focus": app.focusWindow() is not None and app.focusWindow() == other.windowHandle(),
              "other_has_focus": other.hasFocus()}
card.btn_pause.click()                  # the agent clicks Pause while typing in the CRM
end = time.monotonic() + 0.3
while time.monotonic() < end:
    app.processEvents()
    time.sleep(0.01)
print(json.dumps({"focused_before": focused, "after_show": after_show,
                  "after_click": other.hasFocus() and app.activeWindow() is other,
                  "card": int(card.winId())}), flush=True)
sys.stdin.readline()
"""


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb")
def test_notice_card_never_takes_focus_on_x11(tmp_path):
    with qt_child_on_xvfb(CHILD, tmp_path) as (r, display):
        assert r["focused_before"], r
        assert r["after_show"] == {"focus": True, "other_has_focus": True}, r
        assert r["after_click"], r
        if shutil.which("xprop"):
            hints = xprop(display, r["card"], "WM_HINTS", "_NET_WM_STATE", "_NET_WM_USER_TIME")
            assert "accepts input or input focus: False" in hints, hints
            assert "_NET_WM_STATE_ABOVE" in hints, hints
            assert "_NET_WM_USER_TIME(CARDINAL) = 0" in hints, hints
