"""The review window against the calls the real app recorded: search -> badges -> open -> play to the null sink
-> seek on a marker -> export, all from the keyboard; and screenshots in fi, sv and en under Xvfb.

The window reads the SeaweedFS bucket with the supervisor's credential, in this process (pytest-qt, offscreen),
and plays through sounddevice into the private PipeWire server's default sink (softphone_out), whose monitor is
recorded to show the audio really went out.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from taltio.admin import decrypt
from taltio.admin.store import open_store
from taltio.admin.trust import Registry
from taltio.domain import party
from taltio.ui.review.models import BADGE

from tests.helpers.recorded import INDEX_KEY, recorded  # noqa: F401
from tests.helpers.signals import rms
from tests.helpers.x11 import start_xvfb
from tests.test_admin_play import trust  # noqa: F401
from tests.test_admin_verify import mkey, put, restored

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
NUMBER = "+358401234567"           # rec-a1 (incoming) and rec-a2 (outgoing, dialled with spaces)


@pytest.fixture
def in_process(recorded, audio_server_module, monkeypatch):  # noqa: F811
    """This process reads the bucket as the supervisor and plays into the private PipeWire server."""
    for k, v in recorded.admin_env().items():
        if k.startswith("AWS_"):
            monkeypatch.setenv(k, v)
    audio_server_module.apply_to_process()
    yield recorded
    audio_server_module.restore_process()


def make_window(qtbot, rec, trust_path: Path):
    from taltio.ui.review.window import ReviewWindow
    from taltio.ui.review.workers import Context

    ctx = Context(open_store(rec.store_url), Registry.load(trust_path), decrypt.identities(str(rec.org_key)),
                  party.parse_key(INDEX_KEY), None)
    win = ReviewWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)      # window shortcuts (Ctrl+F, Ctrl+E) need the active window
    return win


def search(qtbot, win, number: str = "", agent: str = "") -> None:
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win.number.hasFocus()
    win.number.clear()
    win.agent.setText(agent)
    qtbot.keyClicks(win.number, number)
    gen = win.generation
    qtbot.keyClick(win.number, Qt.Key.Key_Return)
    assert win.generation == gen + 1
    qtbot.waitUntil(lambda: win.search_button.isEnabled(), timeout=30000)
    rows = win.model.rowCount()
    qtbot.waitUntil(lambda: len(win.model.reports) == rows, timeout=30000)
    if rows:
        # The search is over when its summary is shown: it comes after the last badge, and a key pressed in
        # between would have its status line overwritten by it (seen in CI under load).
        qtbot.waitUntil(lambda: "found" in win.status.text(), timeout=30000)


def capture(audio, out: Path) -> subprocess.Popen:
    return subprocess.Popen(["parecord", "--device=softphone_out.monitor", "--raw", "--format=float32le",
                             "--rate=16000", "--channels=1", str(out)], env=audio.child_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_search_badges_play_seek_and_export_by_keyboard(qtbot, in_process, audio_server_module, trust,  # noqa: F811
                                                       tmp_path, monkeypatch):
    win = make_window(qtbot, in_process, trust)
    search(qtbot, win, NUMBER)
    model = win.model
    assert sorted(s.call_id for s in model.calls) == ["rec-a1", "rec-a2"]
    for row in range(2):
        badge = model.index(row, BADGE)
        assert model.data(badge) == "✔ Verified"
        assert "checked" in model.data(badge, Qt.ItemDataRole.AccessibleDescriptionRole)
    # Enter opens the current call, Space plays it.
    win.table.setFocus()
    win.table.selectRow([s.call_id for s in model.calls].index("rec-a1"))
    qtbot.keyClick(win.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.player is not None, timeout=30000)
    assert win.opened.summary.call_id == "rec-a1" and win.waveform.env is not None
    assert win.waveform.env.shape[0] == 2 and np.abs(win.waveform.env).max() > 0.05
    rec = capture(audio_server_module, tmp_path / "cap.raw")
    try:
        time.sleep(0.3)
        qtbot.keyClick(win.table, Qt.Key.Key_Space)
        assert win.player.playing and win.play_button.text() == "&Pause"
        qtbot.waitUntil(lambda: win.player.position_s > 1.5, timeout=10000)
        assert win.waveform.position > 1.0
        qtbot.wait(1500)        # the position is what went into the output buffer; let the sink hear it
    finally:
        rec.terminate()
        rec.wait(timeout=10)
    assert rms(np.fromfile(tmp_path / "cap.raw", dtype="<f4")) > 0.005, "nothing reached the null sink"
    qtbot.keyClick(win.table, Qt.Key.Key_Space)
    assert not win.player.playing
    # A click beside a bookmark seeks exactly to it.
    marks = win.waveform.bookmarks
    assert marks, "the recorded call has a bookmark"
    x = int(win.waveform._x(marks[0][1])) + 3
    qtbot.mouseClick(win.waveform, Qt.MouseButton.LeftButton, pos=QPoint(x, 30))
    assert abs(win.player.position_s - marks[0][1]) < 0.05
    # Ctrl+E exports the selected calls into the chosen folder.
    out = tmp_path / "export"
    out.mkdir()
    monkeypatch.setattr(win, "choose_folder", lambda: out)
    win.table.selectAll()
    try:
        import taltio.admin.export  # noqa: F401
    except ImportError as exc:
        pytest.xfail(f"taltio.admin.export is not there yet ({exc}): the button is wired to it")
    qtbot.keyClick(win, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.last_export is not None or "Could not" in win.status.text(), timeout=60000)
    assert win.last_export is not None, win.status.text()
    assert win.last_export.exists() and win.last_export.suffix == ".zip", win.last_export


def test_a_tampered_call_has_a_failed_badge_and_does_not_open(qtbot, in_process, trust):  # noqa: F811
    key = mkey(in_process, "rec-b1").replace(".manifest.json", ".ogg.age")
    with restored(in_process, key):
        blob = bytearray(in_process.s3.get(key))
        blob[100] ^= 0x01
        put(in_process, key, bytes(blob))
        win = make_window(qtbot, in_process, trust)
        search(qtbot, win, agent="agent-9")
    assert [s.call_id for s in win.model.calls] == ["rec-b1"]
    badge = win.model.index(0, BADGE)
    assert win.model.data(badge) == "✖ Failed"
    # Put over the stored audio: reads go to the original, and the overwrite is the failure (issue 19.1).
    why = "write-once rec-b1.ogg.age: overwritten after it was stored"
    for role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
        assert why in win.model.data(badge, role)
    win.table.setFocus()
    qtbot.keyClick(win.table, Qt.Key.Key_Return)
    qtbot.wait(200)
    assert win.player is None and why in win.status.text()


SHOT = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from taltio.ui import i18n
from taltio.ui.review import context, parser
from taltio.ui.review.window import ReviewWindow

args = json.loads(sys.argv[1])
app = QApplication(sys.argv[:1])
assert i18n.install(args["lang"], Path(args["qm"])) or args["lang"] == "en"
win = ReviewWindow(context(parser().parse_args(args["argv"])))
win.show()

def wait(pred, timeout=60.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if pred():
            return True
        time.sleep(0.02)
    raise SystemExit(f"timed out: {args['lang']}")

win.number.setText(args["number"])
win.search()
wait(lambda: win.search_button.isEnabled() and win.model.rowCount() and len(win.model.reports) == win.model.rowCount())
win.table.setFocus()
win.open_selected()
wait(lambda: win.player is not None)
win.seek(win.waveform.bookmarks[0][1] * 0.5 if win.waveform.bookmarks else 1.0)
end = time.monotonic() + 0.5
while time.monotonic() < end:
    app.processEvents(); time.sleep(0.02)
ok = win.grab().save(args["out"])
print(json.dumps({"saved": ok, "size": [win.width(), win.height()]}))
win.close()
"""


@pytest.fixture(scope="module")
def qm_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("qm")
    for lang in ("fi", "sv", "en"):
        r = subprocess.run([str(Path(sys.executable).parent / "pyside6-lrelease"),
                            str(ROOT / "resources" / "translations" / f"taltio_{lang}.ts"), "-qm",
                            str(out / f"taltio_{lang}.qm")], capture_output=True, text=True, timeout=120, check=False)
        assert r.returncode == 0, r.stdout + r.stderr
    return out


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_screenshots(recorded, audio_server_module, trust, qm_dir, tmp_path, lang):  # noqa: F811
    """The window on a real X server (xcb), a call open and verified. Into docs/screenshots/review-<lang>.png with
    TALTIO_WRITE_SCREENSHOTS=1 (then look at them before committing); else into the test's temp folder, so a test
    run does not rewrite tracked files."""
    xvfb, display = start_xvfb()
    folder = ROOT / "docs" / "screenshots" if os.environ.get("TALTIO_WRITE_SCREENSHOTS") == "1" else tmp_path
    out = folder / f"review-{lang}.png"
    env = audio_server_module.child_env({k: v for k, v in recorded.admin_env().items() if k.startswith("AWS_")})
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT / "desktop"),
               TALTIO_NUMBER_INDEX_KEY=INDEX_KEY)
    env.pop("WAYLAND_DISPLAY", None)
    args = {"lang": lang, "qm": str(qm_dir), "number": NUMBER, "out": str(out),
            "argv": ["--store", recorded.store_url, "--identity", str(recorded.org_key), "--trust-file", str(trust),
                     "--no-cache"]}
    try:
        r = subprocess.run([sys.executable, "-c", SHOT, json.dumps(args)], env=env, capture_output=True, text=True, check=False,
                           timeout=120)
    finally:
        xvfb.kill()
        xvfb.wait()
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout.strip().splitlines()[-1])["saved"], r.stderr
    assert out.stat().st_size > 10000
    assert os.environ.get("DISPLAY") != display


def test_language_switch_tab_order_and_nothing_read_before_a_search(qtbot, qm_dir, tmp_path):
    """fi/sv/en while open, Tab walks the layout top to bottom, and an empty folder store is not read until asked."""
    from PySide6.QtWidgets import QApplication
    from taltio.ui import i18n
    from taltio.ui.review.window import ReviewWindow
    from taltio.ui.review.workers import Context

    win = ReviewWindow(Context(open_store(str(tmp_path)), Registry(tmp_path / "trust.json")))
    qtbot.addWidget(win)
    win.show()
    english = (win.windowTitle(), win.search_button.text(), win.export_button.text(), win.model.headers())
    try:
        for lang, title in (("fi", "Taltio: puheluiden tarkastelu"), ("sv", "Taltio: granska samtal")):
            assert i18n.install(lang, qm_dir)
            QApplication.processEvents()
            assert win.windowTitle() == title
            now = (win.windowTitle(), win.search_button.text(), win.export_button.text(), win.model.headers())
            assert all(a != b for a, b in zip(now[:3], english[:3])) and now[3] != english[3]
            assert win.waveform.lane_names[1] in ("Asiakas", "Kund")
    finally:
        i18n.uninstall()
        QApplication.processEvents()
    assert (win.windowTitle(), win.search_button.text()) == english[:2]
    order, w = [], win.number
    for _ in range(9):
        order.append(w.objectName())
        w = w.nextInFocusChain()
        while w.focusPolicy() == Qt.FocusPolicy.NoFocus or not w.objectName() or w.objectName().startswith("qt_"):
            w = w.nextInFocusChain()
    assert order == ["numberEdit", "agentEdit", "sinceEdit", "untilEdit", "searchButton", "callsTable", "waveform",
                     "playButton", "exportButton"]
    assert win.model.rowCount() == 0 and "nothing is read" in win.status.text()
    win.search()
    qtbot.waitUntil(win.search_button.isEnabled, timeout=5000)
    assert win.status.text() == "No calls match."
