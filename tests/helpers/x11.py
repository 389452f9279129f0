"""A private Xvfb and a child Qt process on it (xcb), for what the offscreen platform cannot show: focus.

The offscreen platform makes every window it shows the active one, so focus tests
run a small Qt program on a real X server and read back what it printed (one JSON
line), plus what X clients see with xprop.
"""
from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


# The start of every focus child: a Qt app, wait(), and the window the agent is typing in ("other"),
# focused before the window under test appears.
FOCUS_PRELUDE = r"""
import json, sys, time
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

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
other.setObjectName("other")
other.show()
other.activateWindow()
focused = wait(lambda: app.focusWindow() is not None and app.focusWindow() == other.windowHandle()
               and other.hasFocus())
"""


def start_xvfb() -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
    ready, _, _ = select.select([proc.stdout], [], [], 10)
    line = proc.stdout.readline().decode().strip() if ready else ""
    if not line.isdigit():
        proc.kill()
        proc.wait()
        pytest.skip("Xvfb did not start")
    return proc, f":{line}"


def xprop(display: str, wid: int, *props: str) -> str:
    return subprocess.run(["xprop", "-display", display, "-id", str(wid), *props], capture_output=True,
                          text=True, timeout=10).stdout


@contextmanager
def qt_child_on_xvfb(code: str, tmp_path: Path) -> Iterator[tuple[dict, str]]:
    """Run *code* (it prints one JSON line, then waits on stdin) on a fresh Xvfb; yield (result, display)."""
    xvfb, display = start_xvfb()
    env = {k: v for k, v in os.environ.items() if k != "WAYLAND_DISPLAY"}
    env.update({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT / "desktop"),
                "XDG_RUNTIME_DIR": str(tmp_path)})
    tmp_path.chmod(0o700)
    child = subprocess.Popen([sys.executable, "-c", code], env=env, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([child.stdout], [], [], 30)
        line = child.stdout.readline() if ready else ""
        if not line:
            child.kill()
            pytest.fail(f"child gave no result: {child.communicate(timeout=10)[1][-2000:]}")
        yield json.loads(line), display
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
