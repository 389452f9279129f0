"""Client side of the single-instance control socket.

`taltio hook` runs inside the softphone's event handler (MicroSIP blocks its UI
until the command returns), so this module imports nothing heavy: no Qt, no
numpy. The server is app/control.py's ControlServer on Unix (tray and
headless alike; both meet at a 0600 socket in a 0700 directory) and the tray's
QLocalServer on Windows (ui/ipc_server.py; a named pipe restricted to the
user). Both run the same protocol step, app/control.py's handle_line.

Protocol: one JSON object per line, each carrying "v" (PROTOCOL_VERSION); the
server answers one line {"v", "ok", "error"?, ...}.
"""
from __future__ import annotations

import json
import os
import socket
import sys

PROTOCOL_VERSION = 1


class IPCError(RuntimeError):
    pass


def server_name() -> str:
    """What QLocalServer listens on: a full socket path on Unix, a pipe name on Windows."""
    if sys.platform == "win32":
        user = os.environ.get("USERNAME", "user")
        return f"taltio-{user}"
    from taltio.app.paths import socket_path

    return str(socket_path())


def request(payload: dict, timeout: float = 2.0) -> dict:
    msg = (json.dumps({"v": PROTOCOL_VERSION, **payload}) + "\n").encode()
    try:
        # Inside the try: the runtime dir may belong to another user (a softphone run by the wrong account),
        # which is the caller's one-line error, not a traceback.
        name = server_name()
        if sys.platform == "win32":
            with open(rf"\\.\pipe\{name}", "r+b", buffering=0) as pipe:
                pipe.write(msg)
                data = pipe.readline()
        else:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.settimeout(timeout)
                sock.connect(name)
                sock.sendall(msg)
                data = b""
                while not data.endswith(b"\n"):
                    chunk = sock.recv(65536)
                    if not chunk:
                        break
                    data += chunk
    except (FileNotFoundError, ConnectionRefusedError):
        raise IPCError("Taltio is not running (start it with `taltio`)") from None
    except socket.timeout:
        raise IPCError("Taltio did not answer within %.1f s" % timeout) from None
    except OSError as exc:
        where = f" ({exc.filename})" if exc.strerror and exc.filename else ""
        raise IPCError(f"cannot reach Taltio: {exc.strerror or exc}{where}") from None
    try:
        reply = json.loads(data)
    except ValueError:
        raise IPCError("Taltio sent an unreadable answer") from None
    if reply.get("v") != PROTOCOL_VERSION:
        raise IPCError(f"the running Taltio speaks protocol {reply.get('v')}, this command {PROTOCOL_VERSION}; "
                       "restart Taltio after an upgrade")
    return reply
