"""The control socket's server side: app/control.py's ControlServer (POSIX, no Qt) and the tray's QLocalServer
(ui/ipc_server.py), which share the protocol step. Real sockets; the servers whose file descriptors are counted
run in processes of their own (tests/test_control_server.py is also that child: see ``child_main``)."""
from __future__ import annotations

import json
import logging
import os
import resource
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from taltio.app import control
from taltio.app.control import TOO_DEEP, TOO_LONG, ControlServer, ControlServerError, handle_line, too_deep
from taltio.app.ipc import PROTOCOL_VERSION, request

ROOT = Path(__file__).resolve().parents[1]
MALFORMED = "malformed request (expected one JSON object per line)"
pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="unix sockets")


# -- a server in a child process ----------------------------------------------------------------------------------

CHILD = r"""
import os, sys, threading
def handler(req):
    if req.get("cmd") == "boom":
        raise KeyError("boom")
    return {"ok": True, "pid": os.getpid()}
kind, idle = sys.argv[1], float(sys.argv[2])
if kind == "control":
    from taltio.app.control import ControlServer
    server = ControlServer(handler, idle_timeout=idle)
    server.listen()
    print("ready", flush=True)
    threading.Event().wait()
else:
    from PySide6.QtCore import QCoreApplication
    from taltio.ui.ipc_server import IPCServer
    app = QCoreApplication([])
    IPCServer.IDLE_TIMEOUT = idle
    server = IPCServer(handler)
    server.listen()
    print("ready", flush=True)
    app.exec()
"""


class Child:
    """A control server (KIND ``control`` or ``qt``) in its own process, on TALTIO_RUNTIME_DIR's socket."""

    def __init__(self, kind: str, run_dir: Path, idle: float = 5.0) -> None:
        env = dict(os.environ, TALTIO_RUNTIME_DIR=str(run_dir), QT_QPA_PLATFORM="offscreen",
                   PYTHONPATH=os.pathsep.join([str(ROOT / "desktop"), str(ROOT)]))
        self.sock = str(run_dir / "taltio.sock")
        self.proc = subprocess.Popen([sys.executable, "-c", CHILD, kind, str(idle)], env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if line.strip() != "ready":
            self.proc.kill()
            raise AssertionError(f"server did not start: {line!r} {self.proc.stderr.read()[-2000:]}")

    @property
    def pid(self) -> int:
        return self.proc.pid

    def fds(self) -> int:
        return len(os.listdir(f"/proc/{self.pid}/fd"))

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=5)


@pytest.fixture
def run_dir(tmp_path, monkeypatch) -> Path:
    d = tmp_path / "run"
    d.mkdir(mode=0o700)
    monkeypatch.setenv("TALTIO_RUNTIME_DIR", str(d))
    return d


@pytest.fixture(params=["control", "qt"])
def child(request, run_dir):
    made = []

    def make(idle: float = 5.0) -> Child:
        c = Child(request.param, run_dir, idle)
        made.append(c)
        return c

    yield make
    for c in made:
        c.stop()


def raw_request(path: str, data: bytes, timeout: float = 3.0) -> bytes:
    """Send *data*, read until the server closes (or *timeout*: then what came so far, and TimeoutError)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        s.connect(path)
        s.sendall(data)
        out = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                return out
            out += chunk


def reply_of(data: bytes) -> dict:
    doc = json.loads(data)
    assert doc["v"] == PROTOCOL_VERSION
    return doc


# -- the protocol step ----------------------------------------------------------------------------------------------

def test_handle_line_answers_deep_nesting_and_bad_input_with_a_clear_error():
    ok = lambda req: {"ok": True}  # noqa: E731
    assert handle_line(b"[" * 60000, ok) == {"ok": False, "error": TOO_DEEP}      # RecursionError in json.loads
    assert handle_line(b"{" * 60000, ok) == {"ok": False, "error": TOO_DEEP}
    assert handle_line(b"[" * 100000, ok)["ok"] is False                           # over the line limit anyway
    assert handle_line(b'{"v": 1, "a": ' + b"[" * 33 + b"]" * 33 + b"}", ok)["error"] == TOO_DEEP
    assert handle_line(b'{"v": 1, "a": ' + b"[" * 30 + b"]" * 30 + b"}", ok) == {"ok": True}
    assert handle_line(b'{"v": 1, "label": "' + b"[{" * 5000 + b'"}', ok) == {"ok": True}   # brackets in a string
    assert handle_line(b"not json", ok) == {"ok": False, "error": MALFORMED}
    assert handle_line(b"[1, 2]", ok) == {"ok": False, "error": MALFORMED}
    assert handle_line(b"\xff\xfe", ok) == {"ok": False, "error": MALFORMED}
    assert handle_line(b'{"v": 2}', ok)["error"] == "protocol 2 not supported; this Taltio speaks 1"
    assert handle_line(b"x" * (control.MAX_LINE + 1), ok) == {"ok": False, "error": TOO_LONG}
    assert too_deep(b"[" * 33) and not too_deep(b"[" * 32) and not too_deep(b'"' + b"[" * 99 + b'"')


@pytest.mark.expect_log_errors("taltio.app.control")
def test_a_failing_handler_gets_an_internal_error_reply_and_is_logged_once(caplog):
    class Oops(Exception):
        pass

    def boom(req):
        raise Oops("x")

    with caplog.at_level(logging.ERROR, "taltio.app.control"):
        replies = [handle_line(b'{"v": 1, "cmd": "x"}', boom) for _ in range(3)]
    assert replies == [{"ok": False, "error": "internal error: Oops"}] * 3
    assert sum("handler-Oops" in r.getMessage() for r in caplog.records) == 1
    assert handle_line(b'{"v": 1}', lambda r: "not a dict")["error"] == "internal error: TypeError"
    assert json.loads(control.encode_reply({"ok": True, "x": object()}))["error"] == "internal error: TypeError"


# -- both servers, over real sockets ----------------------------------------------------------------------------------

def test_deeply_nested_json_gets_an_error_reply_not_a_hang(child):
    """Before: RecursionError escaped the QLocalServer's slot and the client waited for an answer forever."""
    c = child()
    assert reply_of(raw_request(c.sock, b"[" * 60000 + b"\n")) == {"v": 1, "ok": False, "error": TOO_DEEP}
    assert request({"cmd": "status"})["pid"] == c.pid                    # and it still serves


@pytest.mark.expect_log_errors("taltio.app.control")
def test_errors_are_answered_in_the_same_words_by_both_servers(child):
    c = child()
    assert reply_of(raw_request(c.sock, b"nope\n"))["error"] == MALFORMED
    assert reply_of(raw_request(c.sock, b'{"v": 9}\n'))["error"] == "protocol 9 not supported; this Taltio speaks 1"
    assert reply_of(raw_request(c.sock, b"x" * (control.MAX_LINE + 10)))["error"] == TOO_LONG
    assert reply_of(raw_request(c.sock, b'{"v": 1, "cmd": "boom"}\n'))["error"] == "internal error: KeyError"
    assert stat.S_IMODE(os.stat(c.sock).st_mode) == 0o600
    assert request({"cmd": "status"})["ok"] is True


def _raise_fd_limit(n: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < n:
        if hard != resource.RLIM_INFINITY and hard < n:
            pytest.skip(f"needs {n} file descriptors, the hard limit is {hard}")
        resource.setrlimit(resource.RLIMIT_NOFILE, (n, hard))


def _connect(path: str, timeout: float = 10.0) -> socket.socket:
    """Connect, waiting while the listen backlog is full (a unix socket says EAGAIN rather than queue)."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(5)
    end = time.monotonic() + timeout
    while True:
        try:
            s.connect(path)
            return s
        except BlockingIOError:
            if time.monotonic() > end:
                s.close()
                raise
            time.sleep(0.002)


@pytest.mark.evidence("security")
def test_two_thousand_held_connections_cost_the_server_a_bounded_number_of_fds(child):
    """Before: each held connection kept a descriptor in the app (14 -> 2,014), and they never timed out."""
    _raise_fd_limit(2300)
    c = child(idle=30.0)
    assert request({"cmd": "status"})["ok"]
    base = c.fds()
    held = []
    try:
        for i in range(2000):
            s = _connect(c.sock)
            if i % 2:
                s.sendall(b'{"v": 1, "cmd": ')                # half of them start a request and never finish it
            held.append(s)
        time.sleep(0.5)
        during = c.fds()
        assert during <= base + control.MAX_CONNECTIONS + 4, (base, during)
        t0 = time.monotonic()
        assert request({"cmd": "status"}, timeout=2.0)["pid"] == c.pid     # a real client still gets in
        assert time.monotonic() - t0 < 2.0
    finally:
        for s in held:
            s.close()
    assert c.fds() <= base + control.MAX_CONNECTIONS + 4


def test_an_idle_connection_is_closed_after_the_timeout(child):
    c = child(idle=1.0)
    for opening in (b"", b'{"v": 1, "cmd": "sta'):
        t0 = time.monotonic()
        try:
            got = raw_request(c.sock, opening, timeout=4.0)
        except TimeoutError:
            pytest.fail(f"a connection that sent {opening!r} was still open after 4 s")
        took = time.monotonic() - t0
        assert got == b"" and 0.8 <= took < 3.0, took
    assert request({"cmd": "status"})["ok"]


# -- ControlServer in this process -------------------------------------------------------------------------------------

def test_control_server_in_process_serves_concurrently_and_closes_cleanly(run_dir):
    import threading

    gate = threading.Event()

    def handler(req):
        if req.get("cmd") == "slow":
            gate.wait(5)
        return {"ok": True, "cmd": req.get("cmd")}

    server = ControlServer(handler)
    server.listen()
    try:
        sock = str(run_dir / "taltio.sock")
        slow = threading.Thread(target=lambda: raw_request(sock, b'{"v": 1, "cmd": "slow"}\n', timeout=6))
        slow.start()
        time.sleep(0.2)
        assert request({"cmd": "fast"})["cmd"] == "fast"          # a slow handler holds up nobody else
        gate.set()
        slow.join(6)
        assert stat.S_IMODE(os.stat(sock).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(run_dir).st_mode) == 0o700
    finally:
        server.close()
    assert not os.path.exists(run_dir / "taltio.sock")
    again = ControlServer(handler)                                # the lock was given back: listening again works
    again.listen()
    again.close()


@pytest.mark.evidence("security")
def test_control_server_refuses_a_directory_others_can_enter(tmp_path):
    d = tmp_path / "open"
    d.mkdir()
    d.chmod(0o755)
    with pytest.raises(ControlServerError, match="not a private directory"):
        ControlServer(lambda r: r, str(d / "taltio.sock")).listen()
    assert not (d / "taltio.sock").exists()
