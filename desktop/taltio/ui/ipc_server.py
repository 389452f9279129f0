"""Single-instance control socket (QLocalServer): `taltio hook`, `taltio status`, a second launch.

Kept for Windows, where Python has no AF_UNIX and QLocalServer gives a named pipe restricted to the user; on
POSIX app/control.py's ControlServer does the same without Qt. Both run the protocol step of app/control.py
(``handle_line``), and both keep to the same limits: a connection cap (the longest-waiting unfinished request
is closed to make room), an idle timeout, and a socket file that is removed only while this process holds the
single-instance lock (app/instance.py), never because a connect to it failed: a stopped or busy Taltio does
not answer a connect either, and unlinking its socket cut it off from its softphones.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from typing import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from taltio.app.control import (IDLE_TIMEOUT, MAX_CONNECTIONS, MAX_LINE, TOO_LONG, AlreadyServing, encode_reply,
                                handle_line)
from taltio.app.instance import SingleInstance, held_lock, lock_for
from taltio.app.ipc import server_name

log = logging.getLogger("taltio.app.ipc")

Handler = Callable[[dict], dict]


class IPCServer(QObject):
    MAX_LINE = MAX_LINE
    MAX_CONNECTIONS = MAX_CONNECTIONS
    IDLE_TIMEOUT = IDLE_TIMEOUT

    def __init__(self, handler: Handler, parent: QObject | None = None, *,
                 instance: SingleInstance | None = None) -> None:
        super().__init__(parent)
        self.handler = handler
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self.name = server_name()
        self.instance = instance
        self.refused = 0
        self._own_lock: SingleInstance | None = None
        self._open: dict[QLocalSocket, float] = {}      # connections without an answer yet -> when opened

    def listen(self) -> None:
        """Take the single-instance lock (unless this process holds it), then replace a stale socket and listen.

        Raises AlreadyServing (a RuntimeError) when another live process holds the lock; its socket is left
        alone."""
        lock = self.instance or held_lock(lock_for(self.name))
        if lock is None:
            lock = self._own_lock = SingleInstance(lock_for(self.name))
        if not lock.acquire():
            self._own_lock = None
            pid = lock.holder_pid()
            raise AlreadyServing(f"another Taltio (pid {pid if pid is not None else 'unknown'}) holds {lock.path}; "
                                 f"leaving its socket {self.name} alone", pid)
        # With the lock held, a socket file left here belongs to a process that is gone: stale.
        QLocalServer.removeServer(self.name)
        if not self.server.listen(self.name):
            self._release()
            raise RuntimeError(f"cannot listen on {self.name}: {self.server.errorString()}")
        if sys.platform != "win32":
            os.chmod(self.name, 0o600)
        log.info("control socket at %s", self.name)

    def close(self) -> None:
        self.server.close()
        for sock in list(self._open):
            sock.abort()
        self._open.clear()
        self._release()

    def _release(self) -> None:
        own, self._own_lock = self._own_lock, None
        if own is not None:
            own.release()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            if sock is None:
                return
            if len(self._open) >= self.MAX_CONNECTIONS:
                self.refused += 1
                if self.refused == 1:
                    log.warning("control socket: more than %d connections at once; the oldest unfinished ones "
                                "are closed (further closings are counted, not logged)", self.MAX_CONNECTIONS)
                oldest = min(self._open, key=self._open.__getitem__)
                self._forget(oldest)
                oldest.abort()
                oldest.deleteLater()
            self._open[sock] = time.monotonic()
            timer = QTimer(sock)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda s=sock: self._expire(s))
            timer.start(int(self.IDLE_TIMEOUT * 1000))
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(lambda s=sock: self._forget(s))
            sock.disconnected.connect(sock.deleteLater)

    def _forget(self, sock: QLocalSocket) -> None:
        self._open.pop(sock, None)

    def _expire(self, sock: QLocalSocket) -> None:
        """No whole line within IDLE_TIMEOUT: close it (the client itself gives up after 2 s)."""
        if sock in self._open:
            self._forget(sock)
            sock.abort()
            sock.deleteLater()

    def _read(self, sock: QLocalSocket) -> None:
        if sock not in self._open:
            return                                # answered already, or closed to make room
        if not sock.canReadLine():
            if sock.bytesAvailable() > self.MAX_LINE:
                self._reply(sock, {"ok": False, "error": TOO_LONG})
            return
        raw = bytes(sock.readLine(self.MAX_LINE + 2).data()).rstrip(b"\n")
        self._reply(sock, handle_line(raw, self.handler))

    def _reply(self, sock: QLocalSocket, reply: dict) -> None:
        self._forget(sock)
        sock.write(encode_reply(reply))
        sock.flush()
        sock.disconnectFromServer()
