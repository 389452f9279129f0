"""`taltio run`: one instance, the tray first, the core on the event loop's first pass, and signals that
reach Python while Qt's loop sleeps. The tray application itself is taltio.ui.app.TaltioApp."""
from __future__ import annotations

import logging
import os
import signal
import sys
import time

from taltio.ui.app import TaltioApp  # isort: skip - the Qt-free layers before PySide6 (see taltio.ui.app)

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

log = logging.getLogger("taltio.app")


READY_FILE_ENV = "TALTIO_READY_FILE"


def mark_ready(path: str) -> None:
    """Tray-ready for benchmarks/startup.py: the event loop's first pass after the tray icon (or the
    fallback window) and the pill were shown. The empty tray app there writes the same marker the same way."""
    try:
        with open(path, "w", encoding="ascii") as f:
            f.write(f"{time.time():.6f}\n")
    except OSError as exc:
        log.warning("could not write the ready marker %s: %s", path, exc)


def _signal_wakeup(parent: QObject) -> QObject:
    """Let Python's signal handlers run while Qt's loop sleeps, without waking it up for nothing.

    Python runs a handler only when it next runs bytecode; inside Qt's C++ loop that may be never. The
    C-level handler writes the signal number to a socket (signal.set_wakeup_fd); Qt watches the other end
    and calls back into Python, which runs the handler. Where that cannot be set up, a 250 ms timer does
    the same job by polling (four wake-ups a second: the old way, kept only as the fallback)."""
    import socket

    from PySide6.QtCore import QSocketNotifier

    try:
        rsock, wsock = socket.socketpair()
        for sock in (rsock, wsock):
            sock.setblocking(False)
        signal.set_wakeup_fd(wsock.fileno(), warn_on_full_buffer=False)
    except (OSError, ValueError, AttributeError) as exc:
        log.debug("signal wake-up socket unavailable (%s); polling for signals every 250 ms", exc)
        timer = QTimer(parent)
        timer.timeout.connect(lambda: None)
        timer.start(250)
        return timer
    notifier = QSocketNotifier(rsock.fileno(), QSocketNotifier.Type.Read, parent)

    def drain() -> None:
        try:
            while rsock.recv(64):
                pass
        except OSError:            # BlockingIOError: drained
            pass

    notifier.activated.connect(drain)
    notifier._socks = (rsock, wsock)  # type: ignore[attr-defined] - closed with the notifier
    return notifier


def run(argv: list[str]) -> int:
    from taltio.app.instance import SingleInstance, lock_for, not_answering_message
    from taltio.app.ipc import IPCError, request, server_name

    try:
        request({"cmd": "show"}, timeout=1.0)
        print("Taltio is already running.", file=sys.stderr)
        return 0
    except IPCError:
        pass
    # No answer is not "not running": a stopped or busy Taltio still holds the lock, and a second one must
    # neither take its socket nor run recovery over its live calls.
    instance = SingleInstance(lock_for(server_name()))
    if not instance.acquire():
        print(f"Taltio: {not_answering_message(instance.holder_pid())}", file=sys.stderr)
        return 1
    from taltio.app.logs import setup_logging

    setup_logging()
    if sys.platform == "win32":
        # Before any window: the taskbar, toasts and the installer's Start-menu shortcut are one app.
        from taltio.ui.notify_native import set_process_app_id

        set_process_app_id("Taltio")
    qapp = QApplication.instance() or QApplication([sys.argv[0], *argv])
    qapp.setApplicationName("Taltio")
    qapp.setQuitOnLastWindowClosed(False)
    # The tray first, the core on the loop's first pass: the agent sees Taltio at once ("Starting"),
    # and the control socket opens only when the core is there to answer it.
    app = TaltioApp(defer_core=True)
    app.start()
    # Let Python see SIGTERM/SIGINT while Qt's loop runs: quit cleanly, keeping sealed audio.
    signal.signal(signal.SIGTERM, lambda *_: QApplication.quit())
    signal.signal(signal.SIGINT, lambda *_: QApplication.quit())
    wakeup = _signal_wakeup(qapp)     # noqa: F841 - kept alive for the loop's lifetime
    ready_file = os.environ.get(READY_FILE_ENV)
    if ready_file:
        QTimer.singleShot(0, lambda: mark_ready(ready_file))
    QTimer.singleShot(0, app.finish_start)
    try:
        return qapp.exec()
    finally:
        app.shutdown()
