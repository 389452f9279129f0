"""The control socket's server side, without Qt: `taltio hook`, `taltio status` and a second launch talk to it.

Both the tray app and the headless runner use :class:`ControlServer` on POSIX (one I/O thread, a selector,
and a short-lived thread per request so a slow handler holds up nobody else). On Windows, where Python has
no AF_UNIX, the tray keeps its QLocalServer (ui/ipc_server.py), which runs the same protocol step,
:func:`handle_line`, so the two cannot drift apart.

What the server guards against, each learnt the hard way:

* A request nested very deeply (``"[" * 60000``) made ``json.loads`` raise RecursionError, which escaped the
  old server and left the client hanging: nesting is checked before parsing (and RecursionError caught too).
* Connections nobody finishes: at most ``max_connections`` are open at once, and one that has not sent a
  whole line within ``idle_timeout`` seconds is closed. At the cap the connection that has waited longest
  without a whole line is closed to make room, so a runaway client holding connections open cannot lock
  `taltio hook` out (2,000 held connections used to cost the app 2,000 file descriptors).
* Takeover of a live instance: the socket file is removed only while this process holds the single-instance
  lock (app/instance.py), so a stopped or busy Taltio keeps its socket.

Protocol (app/ipc.py): one JSON object per line with "v" (PROTOCOL_VERSION); one line back,
``{"v", "ok", "error"?, ...}``; then the server closes the connection.
"""
from __future__ import annotations

import json
import logging
import os
import re
import selectors
import socket
import stat
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from taltio.app.instance import SingleInstance, held_lock, lock_for
from taltio.app.ipc import PROTOCOL_VERSION, server_name
from taltio.domain.texts import escape_controls

log = logging.getLogger("taltio.app.control")

Handler = Callable[[dict], dict]

MAX_LINE = 64 * 1024             # a request is a few hundred bytes
MAX_DEPTH = 32                   # a request is an object of scalars: nesting past this is not a client of ours
MAX_CONNECTIONS = 32             # `taltio hook` opens one per event; a handful at once is already a lot
IDLE_TIMEOUT = 5.0               # seconds to send one whole line (the client itself gives up after 2 s)

MALFORMED = "malformed request (expected one JSON object per line)"
TOO_LONG = "request too long"
TOO_DEEP = f"malformed request (JSON nested deeper than {MAX_DEPTH} levels)"

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(rb"[\[\]{}]")


class ControlServerError(RuntimeError):
    """The control socket cannot be served (another instance has it, or its directory is not private)."""


class AlreadyServing(ControlServerError):
    """Another live process holds the single-instance lock: its socket is left alone."""

    def __init__(self, text: str, pid: int | None) -> None:
        super().__init__(text)
        self.pid = pid


# -- the protocol step (shared with ui/ipc_server.py) ----------------------------------------------------------

def too_deep(raw: bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether *raw* nests arrays/objects deeper than *limit* (brackets inside strings do not count)."""
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return False
    depth = 0
    for m in _BRACKET.finditer(_STRING.sub(b'""', raw)):
        if m.group() in (b"[", b"{"):
            depth += 1
            if depth > limit:
                return True
        else:
            depth = max(depth - 1, 0)
    return False


_faults_logged: set[str] = set()
_faults_lock = threading.Lock()


def log_fault_once(kind: str, exc: BaseException) -> None:
    """Log an unexpected exception with its traceback the first time its kind is seen (a flood gives one)."""
    with _faults_lock:
        first = kind not in _faults_logged and len(_faults_logged) < 256
        _faults_logged.add(kind)
    if first:
        log.error("control socket: %s failed (%s); further failures of this kind are not logged", kind,
                  type(exc).__name__, exc_info=exc)


def handle_line(raw: bytes, handler: Handler) -> dict:
    """One request line -> the reply (without "v"; :func:`encode_reply` adds it). Never raises.

    The error quotes the request (an unknown command, an event name): control characters are escaped, so
    `taltio hook` prints one line and a hostile client cannot write escape sequences into a terminal."""
    reply = _reply(raw, handler)
    error = reply.get("error")
    return {**reply, "error": escape_controls(error)} if isinstance(error, str) else reply


def _reply(raw: bytes, handler: Handler) -> dict:
    if len(raw) > MAX_LINE:
        return {"ok": False, "error": TOO_LONG}
    if too_deep(raw):
        return {"ok": False, "error": TOO_DEEP}
    try:
        req = json.loads(raw)
    except RecursionError:
        return {"ok": False, "error": TOO_DEEP}
    except ValueError:           # UnicodeDecodeError included
        return {"ok": False, "error": MALFORMED}
    if not isinstance(req, dict):
        return {"ok": False, "error": MALFORMED}
    if req.get("v") != PROTOCOL_VERSION:
        return {"ok": False, "error": f"protocol {str(req.get('v'))[:20]} not supported; "
                                      f"this Taltio speaks {PROTOCOL_VERSION}"}
    try:
        reply = handler(req)
        if not isinstance(reply, dict):
            raise TypeError(f"the handler returned {type(reply).__name__}, not a dict")
    except Exception as exc:  # noqa: BLE001 - a bad request must never take the app down
        log_fault_once(f"handler-{type(exc).__name__}", exc)
        return {"ok": False, "error": f"internal error: {type(exc).__name__}"}
    return reply


def encode_reply(reply: dict) -> bytes:
    """The reply as one line with "v"; a reply that is not JSON becomes an internal error (never raises)."""
    try:
        return (json.dumps({"v": PROTOCOL_VERSION, **reply}) + "\n").encode()
    except (TypeError, ValueError) as exc:
        log_fault_once(f"reply-{type(exc).__name__}", exc)
        return (json.dumps({"v": PROTOCOL_VERSION, "ok": False,
                            "error": f"internal error: {type(exc).__name__}"}) + "\n").encode()


# -- the server -----------------------------------------------------------------------------------------------

@dataclass(eq=False)
class _Conn:
    sock: socket.socket
    opened: float
    buf: bytearray = field(default_factory=bytearray)


class ControlServer:
    """The control socket on POSIX: ``listen()``, then requests are served on daemon threads until ``close()``.

    *handler* is called on a server thread, one call per request (several may run at once); it may raise.
    *instance* is the single-instance lock; by default the one this process already holds for this socket
    (app/instance.py ``held_lock``), else the server takes it itself in ``listen()`` and gives it up in
    ``close()``.
    """

    def __init__(self, handler: Handler, name: str | None = None, *, instance: SingleInstance | None = None,
                 max_connections: int = MAX_CONNECTIONS, idle_timeout: float = IDLE_TIMEOUT) -> None:
        self.handler = handler
        self.name = name or server_name()
        self.instance = instance
        self.max_connections = max_connections
        self.idle_timeout = idle_timeout
        self.refused = 0                      # connections closed to keep within max_connections
        self.timed_out = 0                    # connections closed for not sending a line in time
        self._own_lock: SingleInstance | None = None
        self._listener: socket.socket | None = None
        self._inode: tuple[int, int] | None = None
        self._sel: selectors.BaseSelector | None = None
        self._wake_r: socket.socket | None = None
        self._wake_w: socket.socket | None = None
        self._reading: dict[socket.socket, _Conn] = {}
        self._busy = 0
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._thread: threading.Thread | None = None

    # -- lifecycle --------------------------------------------------------------------------------------------
    def listen(self) -> None:
        """Take the lock (unless held), replace a stale socket file, listen 0600, start the I/O thread.

        Raises AlreadyServing when another live process holds the lock (its socket is not touched) and
        ControlServerError when the socket's directory is not a private (0700, ours) one."""
        if not hasattr(socket, "AF_UNIX"):
            raise ControlServerError("this system has no unix sockets; the tray's QLocalServer serves here")
        path = Path(self.name)
        _check_private_dir(path.parent)
        self._take_lock(path)
        try:
            self._bind(path)
        except BaseException:
            self._drop_lock()
            raise
        self._closing.clear()
        self._thread = threading.Thread(target=self._loop, name="taltio-control", daemon=True)
        self._thread.start()
        log.info("control socket at %s", path)

    def close(self) -> None:
        """Stop serving: close every connection, remove our socket file (not a successor's), drop our lock."""
        self._closing.set()
        if self._wake_w is not None:
            try:
                self._wake_w.send(b"x")
            except OSError:
                pass
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=3)
        self._thread = None
        self._drop_lock()

    def __enter__(self) -> "ControlServer":
        self.listen()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def connections(self) -> int:
        """Connections open now (reading a request, or being answered)."""
        with self._lock:
            return len(self._reading) + self._busy

    def _take_lock(self, path: Path) -> None:
        lock = self.instance or held_lock(lock_for(str(path)))
        if lock is None:
            lock = self._own_lock = SingleInstance(lock_for(str(path)))
        if not lock.acquire():
            self._own_lock = None
            pid = lock.holder_pid()
            raise AlreadyServing(f"another Taltio (pid {pid if pid is not None else 'unknown'}) holds {lock.path}; "
                                 f"leaving its socket {path} alone", pid)

    def _drop_lock(self) -> None:
        own, self._own_lock = self._own_lock, None
        if own is not None:
            own.release()

    def _bind(self, path: Path) -> None:
        # We hold the lock: whoever made a socket file here is gone (or it is ours from before), so it is stale.
        if os.path.lexists(path):
            path.unlink()
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(str(path))
            os.chmod(path, 0o600)     # the 0700 dir already keeps others out; this says so on the file too
            listener.listen(64)
            listener.setblocking(False)
            st = os.stat(path)
        except BaseException:
            listener.close()
            raise
        self._listener, self._inode = listener, (st.st_dev, st.st_ino)
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._sel = selectors.DefaultSelector()
        self._sel.register(listener, selectors.EVENT_READ)
        self._sel.register(self._wake_r, selectors.EVENT_READ)

    # -- the I/O thread ------------------------------------------------------------------------------------------
    def _loop(self) -> None:
        while not self._closing.is_set():
            try:
                self._step()
            except Exception as exc:  # noqa: BLE001 - the accept loop must outlive any one fault
                log_fault_once(f"loop-{type(exc).__name__}", exc)
                time.sleep(0.05)
        self._shutdown()

    def _step(self) -> None:
        assert self._sel is not None
        with self._lock:
            first = min((c.opened for c in self._reading.values()), default=None)
        timeout = None if first is None else max(first + self.idle_timeout - time.monotonic(), 0) + 0.01
        for key, _ in self._sel.select(timeout):
            if key.fileobj is self._listener:
                self._accept()
            elif key.fileobj is self._wake_r:
                try:
                    self._wake_r.recv(4096)
                except OSError:
                    pass
            else:
                self._read(key.data)
        self._expire()

    def _accept(self) -> None:
        assert self._listener is not None and self._sel is not None
        for _ in range(256):                       # then look at the other sockets again
            try:
                sock, _ = self._listener.accept()
            except BlockingIOError:
                return
            except OSError as exc:                 # EMFILE and friends: wait a little rather than spin
                log_fault_once(f"accept-{exc.errno}", exc)
                time.sleep(0.05)
                return
            sock.setblocking(False)
            self._make_room(sock)

    def _make_room(self, sock: socket.socket) -> None:
        """Keep within max_connections: close the longest-waiting unfinished request, or (none) the newcomer."""
        with self._lock:
            full = len(self._reading) + self._busy >= self.max_connections
            victim = min(self._reading.values(), key=lambda c: c.opened) if full and self._reading else None
        if full:
            self.refused += 1
            if self.refused == 1:
                log.warning("control socket: more than %d connections at once; the oldest unfinished ones are "
                            "closed (further closings are counted, not logged)", self.max_connections)
            if victim is None:
                sock.close()
                return
            self._drop(victim)
        conn = _Conn(sock, time.monotonic())
        with self._lock:
            self._reading[sock] = conn
        assert self._sel is not None
        self._sel.register(sock, selectors.EVENT_READ, conn)

    def _read(self, conn: _Conn) -> None:
        try:
            data = conn.sock.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            self._drop(conn)
            return
        if not data:                               # the client half-closed: its last line needs no newline
            if conn.buf:
                self._dispatch(conn, bytes(conn.buf))
            else:
                self._drop(conn)
            return
        start = max(len(conn.buf) - 1, 0)
        conn.buf += data
        nl = conn.buf.find(b"\n", start)
        if nl >= 0:
            self._dispatch(conn, bytes(conn.buf[:nl]))
        elif len(conn.buf) > MAX_LINE:
            self._dispatch(conn, None)

    def _expire(self) -> None:
        now = time.monotonic()
        with self._lock:
            stale = [c for c in self._reading.values() if now - c.opened >= self.idle_timeout]
        for conn in stale:
            self.timed_out += 1
            log.debug("control socket: a connection sent no whole line in %g s; closed", self.idle_timeout)
            self._drop(conn)

    def _drop(self, conn: _Conn) -> None:
        with self._lock:
            self._reading.pop(conn.sock, None)
        try:
            assert self._sel is not None
            self._sel.unregister(conn.sock)
        except (KeyError, ValueError):
            pass
        conn.sock.close()

    def _dispatch(self, conn: _Conn, line: bytes | None) -> None:
        """Hand a whole line (None: too long) to a thread of its own; the handler may take its time."""
        assert self._sel is not None
        self._sel.unregister(conn.sock)
        with self._lock:
            self._reading.pop(conn.sock, None)
            self._busy += 1
        try:
            threading.Thread(target=self._answer, args=(conn.sock, line), name="taltio-control-req",
                             daemon=True).start()
        except RuntimeError as exc:                # no more threads: this one request goes unanswered
            log_fault_once("thread-start", exc)
            conn.sock.close()
            with self._lock:
                self._busy -= 1

    def _answer(self, sock: socket.socket, line: bytes | None) -> None:
        try:
            reply = {"ok": False, "error": TOO_LONG} if line is None else handle_line(line, self.handler)
            sock.settimeout(self.idle_timeout)
            sock.sendall(encode_reply(reply))
        except OSError:
            pass                                   # the client went away: nothing to tell it
        except Exception as exc:  # noqa: BLE001 - never let a request thread die with a traceback
            log_fault_once(f"answer-{type(exc).__name__}", exc)
        finally:
            sock.close()
            with self._lock:
                self._busy -= 1

    def _shutdown(self) -> None:
        with self._lock:
            conns = list(self._reading.values())
        for conn in conns:
            self._drop(conn)
        for s in (self._listener, self._wake_r, self._wake_w):
            if s is not None:
                s.close()
        if self._sel is not None:
            self._sel.close()
        self._listener = self._wake_r = self._wake_w = self._sel = None
        try:
            st = os.stat(self.name)
            if (st.st_dev, st.st_ino) == self._inode:     # ours, not a successor's
                os.unlink(self.name)
        except OSError:
            pass


def _check_private_dir(d: Path) -> None:
    """The socket's directory must be ours and 0700: file modes on sockets are not honoured everywhere."""
    try:
        st = d.stat()
    except OSError as exc:
        raise ControlServerError(f"cannot use {d} for the control socket: {exc.strerror or exc}") from None
    if st.st_uid != os.getuid() or stat.S_IMODE(st.st_mode) & 0o077:
        raise ControlServerError(f"{d} is not a private directory (mode {stat.S_IMODE(st.st_mode):o}, uid "
                                 f"{st.st_uid}); the control socket needs one that only this user can enter")


__all__ = ["AlreadyServing", "ControlServer", "ControlServerError", "MAX_CONNECTIONS", "IDLE_TIMEOUT", "MAX_LINE",
           "encode_reply", "handle_line", "too_deep"]
