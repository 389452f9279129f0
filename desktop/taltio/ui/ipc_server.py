"""Single-instance control socket (QLocalServer): `taltio hook`, `taltio status`, a second launch."""
from __future__ import annotations

import json
import logging
import os
import sys
from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from taltio.app.ipc import PROTOCOL_VERSION, server_name

log = logging.getLogger("taltio.app.ipc")

Handler = Callable[[dict], dict]


class IPCServer(QObject):
    MAX_LINE = 64 * 1024

    def __init__(self, handler: Handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.handler = handler
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self.name = server_name()

    def listen(self) -> None:
        # Only called after a connect attempt failed, so a leftover socket file is stale.
        QLocalServer.removeServer(self.name)
        if not self.server.listen(self.name):
            raise RuntimeError(f"cannot listen on {self.name}: {self.server.errorString()}")
        if sys.platform != "win32":
            os.chmod(self.name, 0o600)
        log.info("control socket at %s", self.name)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(sock.deleteLater)

    def _read(self, sock: QLocalSocket) -> None:
        if not sock.canReadLine():
            if sock.bytesAvailable() > self.MAX_LINE:
                self._reply(sock, {"ok": False, "error": "request too long"})
            return
        raw = bytes(sock.readLine().data())
        try:
            req = json.loads(raw)
            if not isinstance(req, dict):
                raise ValueError("not an object")
        except ValueError:
            self._reply(sock, {"ok": False, "error": "malformed request (expected one JSON object per line)"})
            return
        if req.get("v") != PROTOCOL_VERSION:
            self._reply(sock, {"ok": False, "error": f"protocol {req.get('v')} not supported; "
                                                      f"this Taltio speaks {PROTOCOL_VERSION}"})
            return
        try:
            reply = self.handler(req)
        except Exception as exc:  # noqa: BLE001 - a bad request must never take the app down
            log.exception("IPC handler failed")
            reply = {"ok": False, "error": f"internal error: {type(exc).__name__}"}
        self._reply(sock, reply)

    def _reply(self, sock: QLocalSocket, reply: dict) -> None:
        sock.write((json.dumps({"v": PROTOCOL_VERSION, **reply}) + "\n").encode())
        sock.flush()
        sock.disconnectFromServer()
