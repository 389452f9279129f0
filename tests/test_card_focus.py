"""The notice card never takes focus from the window the agent is typing in (X11, Xvfb, xcb)."""
from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_pill import _start_xvfb, _xprop

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys, time
from PySide6.QtWidgets import QApplication, QLineEdit
from taltio.ui.notice_card import NoticeCard

app = QApplication(sys.argv)

def wait(pred, timeout=5.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if pred():
            return True
        time.sleep(0.01)
    return False

other = QLineEdit()
other.setObjectName("crm")
other.show()
other.activateWindow()
focused = wait(lambda: app.focusWindow() == other.windowHandle() and other.hasFocus())
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
    xvfb, display = _start_xvfb()
    env = {k: v for k, v in os.environ.items() if k != "WAYLAND_DISPLAY"}
    env.update({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT / "desktop"),
                "XDG_RUNTIME_DIR": str(tmp_path)})
    tmp_path.chmod(0o700)
    child = subprocess.Popen([sys.executable, "-c", CHILD], env=env, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([child.stdout], [], [], 30)
        line = child.stdout.readline() if ready else ""
        if not line:
            child.kill()
            pytest.fail(f"child gave no result: {child.communicate(timeout=10)[1][-2000:]}")
        r = json.loads(line)
        assert r["focused_before"], r
        assert r["after_show"] == {"focus": True, "other_has_focus": True}, r
        assert r["after_click"], r
        if shutil.which("xprop"):
            hints = _xprop(display, r["card"], "WM_HINTS", "_NET_WM_STATE", "_NET_WM_USER_TIME")
            assert "accepts input or input focus: False" in hints, hints
            assert "_NET_WM_STATE_ABOVE" in hints, hints
            assert "_NET_WM_USER_TIME(CARDINAL) = 0" in hints, hints
    finally:
        if child.poll() is None:
            child.stdin.close()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        for stream in (child.stdout, child.stderr):
            stream.close()
        xvfb.kill()
        xvfb.wait()
        xvfb.stdout.close()
