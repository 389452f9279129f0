"""No softphone adapter's reader thread may die, whatever comes over its connection.

Regression: linphone-daemon answering ``Size: 0²`` (a Unicode digit: ``str.isdigit()`` is True, ``int()`` raises
ValueError) ended the Linphone adapter's thread for good, so no call was detected until Taltio was restarted.
Now that answer is one more kind of bad input, and the shared reader loop (adapters/softphone/base.py) catches
anything a session raises: logged once per kind, shown as the status, reconnected with the backoff.
Real unix sockets and real adapters throughout."""
from __future__ import annotations

import logging
import os
import shutil
import socket
import tempfile
import threading
import time
from collections import deque

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taltio.adapters.softphone.base import ReaderAdapter
from taltio.adapters.softphone.linphone import LinphoneAdapter
from tests.helpers.evidence import scale

pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="unix sockets")

EMPTY = b"Status: Ok\n\nSize: 0\n\n"
NO_CALL = b"Status: Error\nReason: No call with such id.\n"
CUSTOMER = '"Asiakas Oy" <sip:+358401234567@127.0.0.1>'


def answer(state: str, cid: int, size: str = "0") -> bytes:
    """A pop-event answer as linphone-daemon 5.1 writes it; *size* as given (it is the field under test)."""
    return (f"Status: Ok\n\nSize: {size}\nEvent-type: call-state-changed\n\nEvent: LinphoneCall{state}\n"
            f"From: {CUSTOMER}\nId: {cid}\n\n\n").encode()


def wait_until(pred, timeout: float = 10.0, what: str = "") -> None:
    end = time.monotonic() + timeout
    while not pred():
        assert time.monotonic() < end, f"timed out waiting for {what}"
        time.sleep(0.02)


class Daemon:
    """A unix socket that answers like linphone-daemon, one client at a time: each ``pop-event`` gets the next
    scripted answer (bytes as they are) or an empty queue; ``call-status`` says there is no such call."""

    def __init__(self) -> None:
        self.dir = tempfile.mkdtemp(prefix="tat", dir="/tmp")
        self.path = os.path.join(self.dir, "pipe")
        self.answers: deque[bytes] = deque()
        self.lock = threading.Lock()
        self.connections = 0
        self.srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.srv.bind(self.path)
        self.srv.listen(4)
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def push(self, *items: bytes) -> None:
        with self.lock:
            self.answers.extend(items)

    def drained(self) -> bool:
        with self.lock:
            return not self.answers

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.srv.accept()
            except OSError:
                return
            self.connections += 1
            with conn:
                try:
                    self._talk(conn)
                except OSError:
                    pass

    def _talk(self, conn: socket.socket) -> None:
        buf = b""
        while True:
            data = conn.recv(4096)
            if not data:
                return
            buf += data
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                if line.startswith(b"pop-event"):
                    with self.lock:
                        item = self.answers.popleft() if self.answers else EMPTY
                    conn.sendall(item)
                else:
                    conn.sendall(NO_CALL)

    def close(self) -> None:
        try:
            self.srv.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.srv.close()
        self.thread.join(timeout=2)
        shutil.rmtree(self.dir, ignore_errors=True)


class Sink:
    def __init__(self) -> None:
        self.events: list = []

    def __call__(self, ev) -> None:
        self.events.append(ev)

    def kinds(self, cid: int) -> list[str]:
        return [e.kind.value for e in self.events if e.call_id.endswith(f"-{cid}")]


@pytest.fixture
def daemon():
    d = Daemon()
    yield d
    d.close()


@pytest.fixture
def linphone(daemon):
    a = LinphoneAdapter(daemon.path, poll_interval=0.02, backoff=(0.05, 0.2), response_timeout=0.3)
    sink = Sink()
    a.start(sink)
    wait_until(lambda: a.status.startswith("connected"), what="connected")
    yield a, sink
    a.stop()


def test_a_unicode_digit_size_does_not_kill_the_linphone_thread(daemon, linphone, caplog):
    caplog.set_level(logging.WARNING, "taltio.softphone.linphone")
    a, sink = linphone
    daemon.push(answer("IncomingReceived", 1, size="0²"), answer("IncomingReceived", 2, size="٣"),
                answer("IncomingReceived", 3, size="0²"))
    wait_until(daemon.drained, what="the daemon's answers taken")
    time.sleep(0.2)
    assert a._thread.is_alive()
    assert a.problems.get("bad-size") == 3
    assert sum("without a valid 'Size'" in r.getMessage() for r in caplog.records) == 1     # logged once
    daemon.push(answer("IncomingReceived", 7), answer("Connected", 7), answer("End", 7))
    wait_until(lambda: sink.kinds(7) == ["incoming", "answered", "ended"], what="the later call")
    assert a._thread.is_alive() and a.status.startswith("connected")


SIZES = st.text(alphabet=st.characters(categories=["Nd", "No", "Nl"]), min_size=1, max_size=4)
HOSTILE = st.one_of(st.binary(max_size=200), SIZES.map(lambda s: answer("IncomingReceived", 5, size=s)),
                    st.text(max_size=200).map(lambda t: ("Status: Ok\n\n" + t + "\n\n").encode()))


@settings(max_examples=scale(12, 60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payloads=st.lists(HOSTILE, min_size=1, max_size=6))
def test_hostile_answers_over_the_socket_never_end_the_linphone_thread(daemon, linphone, payloads):
    a, sink = linphone
    daemon.push(*payloads)
    wait_until(daemon.drained, timeout=20, what="the daemon's answers taken")
    assert a._thread.is_alive()
    assert not [k for k in a.problems if k.startswith("internal")], a.problems


# -- the shared reader loop ----------------------------------------------------------------------------------------

class LineAdapter(ReaderAdapter):
    """The smallest real reader adapter: one event name per line over a unix socket. A line "boom" makes its
    session raise RuntimeError (a bug in an adapter, as the Unicode Size was), "bad" a KeyError."""

    name = "lines"
    peer = "the line server"

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.backoff = (0.05, 0.4)
        self.lines: list[str] = []
        self.statuses: list[str] = []
        self.on_status = self.statuses.append
        self._sock: socket.socket | None = None

    def _open(self) -> socket.socket:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(self.path)
        self._sock = s
        return s

    def _serve(self, conn) -> str:  # noqa: ANN001
        self._set_status("connected")
        f = conn.makefile("rb")
        for raw in f:
            line = raw.decode().strip()
            if line == "boom":
                raise RuntimeError("a bug")
            if line == "bad":
                raise KeyError(line)
            self.lines.append(line)
        return "the line server closed the connection; reconnecting"

    def _close(self, conn) -> None:  # noqa: ANN001
        self._sock = None
        conn.close()

    def _interrupt(self) -> None:
        if self._sock is not None:
            self._sock.shutdown(socket.SHUT_RDWR)

    def _unreachable(self, exc: BaseException, delay: float) -> str:
        return f"not reachable ({exc}); retrying in {delay:g} s"


class LineServer:
    """Accepts connections one after another and sends each the next script of lines (then keeps it open)."""

    def __init__(self, scripts: list[list[str]]) -> None:
        self.dir = tempfile.mkdtemp(prefix="tal", dir="/tmp")
        self.path = os.path.join(self.dir, "s")
        self.scripts = deque(scripts)
        self.accepted: list[float] = []
        self.conns: list[socket.socket] = []
        self.srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.srv.bind(self.path)
        self.srv.listen(4)
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.srv.accept()
            except OSError:
                return
            self.accepted.append(time.monotonic())
            self.conns.append(conn)
            lines = self.scripts.popleft() if self.scripts else []
            conn.sendall("".join(f"{x}\n" for x in lines).encode())

    def close(self) -> None:
        self.srv.close()
        for c in self.conns:
            c.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def test_the_reader_loop_survives_a_failing_session_and_reconnects_with_backoff(caplog):
    caplog.set_level(logging.WARNING, "taltio.softphone")
    server = LineServer([["incoming", "boom"], ["boom"], ["bad"], ["boom"], ["answered", "ended"]])
    a = LineAdapter(server.path)
    a.start(lambda ev: None)
    try:
        wait_until(lambda: a.lines == ["incoming", "answered", "ended"], what=f"lines {a.lines}")
        assert a._thread.is_alive()
    finally:
        a.stop()
        server.close()
    assert a.problems == {"internal-RuntimeError": 3, "internal-KeyError": 1}
    logged = [r for r in caplog.records if "internal-" in r.getMessage()]
    assert len(logged) == 2 and all(r.exc_info for r in logged)              # once per kind, with the traceback
    assert "reading the line server failed: RuntimeError; reconnecting" in a.statuses
    assert "reading the line server failed: KeyError; reconnecting" in a.statuses
    gaps = [b - a_ for a_, b in zip(server.accepted, server.accepted[1:])]
    assert len(gaps) == 4 and gaps[1] > gaps[0] * 1.5 and gaps[2] > gaps[1] * 1.5, gaps    # the backoff grows
    assert a.status == "stopped"


@pytest.mark.expect_log_errors("taltio.softphone")
@pytest.mark.parametrize("make", ["linphone", "baresip", "bria"])
def test_a_failing_status_callback_does_not_end_the_thread(make, tmp_path):
    """The tray's status callback raising (a bug in the ui) must not stop call detection either."""
    from taltio.adapters.softphone.baresip import BaresipAdapter
    from taltio.adapters.softphone.bria import BriaAdapter

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]                 # free, and nothing listens there
    a = {"linphone": lambda: LinphoneAdapter(str(tmp_path / "none"), backoff=(0.02, 0.05)),
         "baresip": lambda: BaresipAdapter(f"127.0.0.1:{port}", backoff=(0.02, 0.05)),
         "bria": lambda: BriaAdapter(f"ws://127.0.0.1:{port}/x", backoff=(0.02, 0.05))}[make]()
    calls = []

    def on_status(text: str) -> None:
        calls.append(text)
        raise ValueError("the tray failed")

    a.on_status = on_status
    a.start(lambda ev: None)
    try:
        wait_until(lambda: len(calls) >= 1, what="a status")
        time.sleep(0.3)
        assert a._thread.is_alive()
    finally:
        a.stop()
    assert a.status == "stopped" and not a._thread.is_alive()
