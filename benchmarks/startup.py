"""Start-up: `taltio` start to tray-ready, against an empty PySide6 tray app, side by side.

**Tray-ready** means: the process has built its tray icon (or, where the desktop has no tray, the fallback
window that stands in for it) and shown it, and Qt's event loop has made its first pass. Both programs
report it identically: just before ``exec()`` they post a zero-delay ``QTimer.singleShot`` that writes
``time.time()`` to the file named by ``TALTIO_READY_FILE`` (``taltio.ui.main.mark_ready``; the empty app
below does the same in its own three lines). The time counted is from just before ``Popen`` to the
time in that file: interpreter start, imports, the settings and the saved supervisor policy, the widgets
(the tray saying "Starting") and the first loop pass.

Taltio builds its core (keyring, storage, the recorder, the audio server) on that first pass, after the
marker, and opens its control socket only then. **Core up**, for information, is the time until that
socket first accepts a connection: from then on a call is served.

Contenders, started alternately N times (default 7) on the same machine, same platform plugin:

* ``taltio``: the real app (``python -m taltio.cli run``, as the ``taltio`` command) on the private PipeWire
  server, with gnome-keyring, a folder storage target and an org age key (``_common.AppWorld``, the same set-up
  as benchmarks/cpu.py); its data folder is kept between starts, as on a workstation (the first start, which
  makes the workstation key, is a warm-up and not counted);
* ``empty tray app``: EMPTY_TRAY below, a QSystemTrayIcon with a one-item menu, or a QLabel window when
  there is no tray;
* ``python -c pass``: the interpreter floor (information only).

``QT_QPA_PLATFORM`` is ``offscreen`` by default (no tray there: both show their fallback window); under
``xvfb-run`` pass ``--platform xcb``. ``--importtime`` adds the slowest imports of one more taltio start
(``python -X importtime``), to see where the time goes.

    python benchmarks/startup.py [--runs 7] [--platform offscreen|xcb] [--importtime] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DESKTOP, AppWorld

READY_ENV = "TALTIO_READY_FILE"

EMPTY_TRAY = r"""
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QSystemTrayIcon

app = QApplication(sys.argv)
app.setQuitOnLastWindowClosed(False)
pixmap = QPixmap(22, 22)
pixmap.fill(QColor("#2e7d32"))
if QSystemTrayIcon.isSystemTrayAvailable():
    tray = QSystemTrayIcon(QIcon(pixmap))
    menu = QMenu()
    menu.addAction("Quit", app.quit)
    tray.setContextMenu(menu)
    tray.show()
else:
    window = QLabel("Ready: no call")
    window.setWindowIcon(QIcon(pixmap))
    window.show()
def ready():
    with open(os.environ["TALTIO_READY_FILE"], "w") as f:
        f.write(f"{time.time():.6f}\n")
QTimer.singleShot(0, ready)
sys.exit(app.exec())
"""


def _answers(sock_path: Path) -> bool:
    """The control socket accepts a connection: the core is built and `taltio hook` would be served."""
    with socket.socket(socket.AF_UNIX) as s:
        try:
            s.connect(str(sock_path))
            return True
        except OSError:
            return False


def start_to_ready(argv: list[str], env: dict, marker: Path, timeout: float = 60.0,
                   sock_path: Path | None = None, served: list[float] | None = None) -> float:
    """Seconds from just before Popen to the time the process wrote in *marker*; then it is stopped.

    With *sock_path*, the seconds until that control socket first accepts a connection (the core is up)
    are appended to *served* before the process is stopped."""
    marker.unlink(missing_ok=True)
    if sock_path is not None:
        sock_path.unlink(missing_ok=True)
    t0 = time.time()
    p = subprocess.Popen(argv, env={**env, READY_ENV: str(marker)}, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        ready = None
        while True:
            text = marker.read_text() if marker.exists() else ""
            if ready is None and text.endswith("\n"):
                ready = float(text) - t0
            if ready is not None and (sock_path is None or _answers(sock_path)):
                if sock_path is not None and served is not None:
                    served.append(time.time() - t0)
                return ready
            if p.poll() is not None:
                raise RuntimeError(f"{argv[-2:]} exited with {p.returncode} before it was ready: "
                                   f"{p.stderr.read().decode(errors='replace')[-2000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{argv[-2:]} not ready within {timeout:g} s")
            time.sleep(0.005)
    finally:
        if p.poll() is None:
            p.terminate()
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
        p.stderr.close()


def importtime(argv: list[str], env: dict, marker: Path, top: int = 15) -> list[tuple[str, float]]:
    """The slowest imports (cumulative, seconds) of one taltio start under ``python -X importtime``."""
    log = marker.with_suffix(".importtime")
    marker.unlink(missing_ok=True)
    with open(log, "wb") as err:
        p = subprocess.Popen([argv[0], "-X", "importtime", *argv[1:]], env={**env, READY_ENV: str(marker)},
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        deadline = time.monotonic() + 60
        while not (marker.exists() and marker.read_text().endswith("\n")) and time.monotonic() < deadline \
                and p.poll() is None:
            time.sleep(0.01)
        p.terminate()
        p.wait(timeout=30)
    rows = []
    for line in log.read_text(errors="replace").splitlines():
        if line.startswith("import time:") and "|" in line:
            _self, cum, name = line[len("import time:"):].split("|")
            if cum.strip().isdigit():
                rows.append((name.rstrip(), int(cum) / 1e6))
    return sorted(rows, key=lambda r: -r[1])[:top]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=7, help="starts of each, alternating (default 7, at least 5)")
    ap.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM for both (default offscreen)")
    ap.add_argument("--importtime", action="store_true", help="also list the slowest imports of a taltio start")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    print(f"Taltio code from {DESKTOP}; QT_QPA_PLATFORM={args.platform}", flush=True)
    # An installed app starts from byte code; a source tree run with PYTHONDONTWRITEBYTECODE (as the test
    # environment sets it) would compile every module on every start and measure the compiler.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(DESKTOP / "taltio")], check=True,
                   stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory(prefix="tstart") as td:
        tmp = Path(td)
        world = AppWorld(tmp)
        try:
            app = world.app("app")
            env = {**app.env, "QT_QPA_PLATFORM": args.platform}
            taltio = [*app.command, *app.run_args]
            empty = [sys.executable, "-c", EMPTY_TRAY]
            floor = [sys.executable, "-c", "pass"]
            marker = tmp / "ready"
            start_to_ready(taltio, env, marker)          # warm-up: first start makes keys; page cache
            start_to_ready(empty, env, marker)
            times: dict[str, list[float]] = {"taltio": [], "empty tray app": []}
            floor_runs: list[float] = []
            served: list[float] = []
            sock = Path(env["TALTIO_RUNTIME_DIR"]) / "taltio.sock"
            for i in range(args.runs):
                pair = [("taltio", taltio), ("empty tray app", empty)]
                for name, argv in pair if i % 2 == 0 else pair[::-1]:
                    extra = {"sock_path": sock, "served": served} if name == "taltio" else {}
                    times[name].append(start_to_ready(argv, env, marker, **extra))
                t0 = time.perf_counter()
                subprocess.run(floor, env=env, check=True)
                floor_runs.append(time.perf_counter() - t0)
            slow = importtime(taltio, env, marker) if args.importtime else []
        finally:
            world.stop()
    med = {name: statistics.median(v) for name, v in times.items()}
    ratio = med["taltio"] / med["empty tray app"]
    print()
    print(f"start to tray-ready, {args.runs} alternating starts each, QT_QPA_PLATFORM={args.platform}")
    hdr = f"{'program':22s} {'median s':>9s} {'min s':>7s} {'max s':>7s} {'ratio':>6s}"
    print(hdr)
    print("-" * len(hdr))
    for name, v in times.items():
        print(f"{name:22s} {med[name]:9.3f} {min(v):7.3f} {max(v):7.3f} {med[name] / med['empty tray app']:6.2f}")
    print(f"{'python -c pass':22s} {statistics.median(floor_runs):9.3f} {min(floor_runs):7.3f} "
          f"{max(floor_runs):7.3f}      -  (interpreter floor, information)")
    print(f"{'taltio, core up':22s} {statistics.median(served):9.3f} {min(served):7.3f} {max(served):7.3f}      -  "
          "(its control socket answers: calls are served; information)")
    print(f"taltio / empty tray app = {ratio:.2f} (target <= 2)")
    if slow:
        print("slowest imports of one taltio start (cumulative s): "
              + ", ".join(f"{n.strip()} {s:.3f}" for n, s in slow))
    if args.json:
        args.json.write_text(json.dumps({"runs": times, "median": med, "ratio": ratio, "floor": floor_runs, "core_up": served,
                                         "platform": args.platform, "importtime": slow}, indent=1))


if __name__ == "__main__":
    main()
