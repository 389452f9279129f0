"""The linphone-daemon adapter: against real daemons (Debian linphone-cli 5.1.65, see tests/fixtures/linphone.py), one
call recorded through the real app, and a fake daemon socket for scenarios, restarts, garbage and fuzz."""
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

from taltio.domain.events import SOFTPHONE_LOST
from taltio.adapters.softphone.linphone import (LinphoneAdapter, LinphoneProtocolError, parse_answer, parse_pop_event,
    split_address)
from taltio import settings as settings_mod
from tests.fixtures.linphone import linphone_factory  # noqa: F401 - fixture
from tests.helpers.waiting import wait_for

LOGGER = "taltio.softphone.linphone"
NUMBER = "+358401234567"
CUSTOMER = f'"Asiakas Oy" <sip:{NUMBER}@127.0.0.1>'


class Sink:
    def __init__(self) -> None:
        self.events = []
        self.cond = threading.Condition()

    def __call__(self, ev) -> None:
        with self.cond:
            self.events.append(ev)
            self.cond.notify_all()

    @property
    def kinds(self) -> list[str]:
        return [e.kind.value for e in self.events]

    def wait_for(self, pred, timeout: float = 10.0) -> list[str]:
        with self.cond:
            assert self.cond.wait_for(lambda: pred(self.kinds), timeout), self.kinds
            return self.kinds


def _logged(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == LOGGER]


# -- real daemons ---------------------------------------------------------------------------------------------------

def test_live_daemon_call_gives_incoming_answered_ended(linphone_factory, caplog):  # noqa: F811
    """The customer's daemon calls the agent's (auto-answer); the adapter on the agent's socket sees exactly
    incoming (number, display name) -> answered -> ended; the customer's hold (PausedByRemote) changes nothing."""
    caplog.set_level(logging.WARNING, LOGGER)
    agent = linphone_factory("agent", auto_answer=True)
    customer = linphone_factory("customer", identity=CUSTOMER)
    sink = Sink()
    adapter = LinphoneAdapter.from_address(agent.address)
    adapter.start(sink)
    try:
        wait_for(lambda: adapter.status.startswith("connected"), 10.0, message=lambda: f"status {adapter.status!r}")
        c = customer.client()
        cid = c.ok("call " + agent.uri)["Id"]
        sink.wait_for(lambda k: k == ["incoming", "answered"])
        # The customer's side may still be settling when the agent's side is connected: wait for its state.
        wait_for(lambda: c.ok(f"call-status {cid}")["State"] == "LinphoneCallStreamsRunning", 10.0,
                 message="customer streams")
        c.ok(f"call-pause {cid}")
        wait_for(lambda: c.ok(f"call-status {cid}")["State"] == "LinphoneCallPaused", 10.0,
                 message="customer paused")
        time.sleep(0.2)
        c.ok(f"call-resume {cid}")
        wait_for(lambda: c.ok(f"call-status {cid}")["State"] == "LinphoneCallStreamsRunning", 10.0,
                 message="customer resumed")
        time.sleep(0.2)
        c.ok(f"terminate {cid}")
        sink.wait_for(lambda k: "ended" in k)
        time.sleep(0.3)                                   # Released comes after End: still one "ended"
    finally:
        adapter.stop()
    assert sink.kinds == ["incoming", "answered", "ended"]
    first = sink.events[0]
    assert first.number == NUMBER and first.display_name == "Asiakas Oy" and first.direction == "incoming"
    assert len({e.call_id for e in sink.events}) == 1 and first.call_id.startswith("linphone-")
    assert adapter.problems == {} and not _logged(caplog)


def test_live_daemon_restart_mid_call_ends_the_call_and_reconnects(linphone_factory):  # noqa: F811
    """kill -9 of the agent's daemon during a call; a new daemon on the same socket: the old call is ended (its
    process is gone), the adapter reconnects, and a new call gets a new Taltio call id although the daemon says Id 1."""
    name = f"taltio-lp-{os.getpid()}-restart"
    agent = linphone_factory("agent", auto_answer=True, pipe_name=name)
    customer = linphone_factory("customer", identity=CUSTOMER)
    sink = Sink()
    adapter = LinphoneAdapter(agent.pipe, backoff=(0.1, 0.5))
    adapter.start(sink)
    try:
        wait_for(lambda: adapter.status.startswith("connected"), 10.0, message=lambda: f"status {adapter.status!r}")
        c = customer.client()
        c.ok("call " + agent.uri)
        sink.wait_for(lambda k: k == ["incoming", "answered"])
        agent.proc.kill()
        agent.proc.wait()
        wait_for(lambda: not adapter.status.startswith("connected"), 10.0, message="status after the kill")
        agent2 = linphone_factory("agent", auto_answer=True, pipe_name=name)
        sink.wait_for(lambda k: k == ["incoming", "answered", "ended"])
        wait_for(lambda: adapter.status.startswith("connected"), 10.0, message=lambda: f"status {adapter.status!r}")
        c.ok("terminate")
        customer.client().events()
        c.ok("call " + agent2.uri)
        sink.wait_for(lambda k: k[3:] == ["incoming", "answered"])
    finally:
        adapter.stop()
    assert sink.events[3].call_id != sink.events[0].call_id
    assert adapter.problems == {}


def test_live_daemon_busy_with_another_client_is_retried(linphone_factory):  # noqa: F811
    """The daemon serves one client: while another holds it, the adapter says so and retries; then it connects."""
    agent = linphone_factory("agent", auto_answer=True)
    other = agent.client()
    other.ok("version")
    adapter = LinphoneAdapter(agent.pipe, backoff=(0.1, 0.3))
    adapter.start(Sink())
    try:
        wait_for(lambda: "another client connected?" in adapter.status, 10.0,
                 message=lambda: f"status {adapter.status!r}")
        agent.release()
        wait_for(lambda: adapter.status.startswith("connected"), 10.0, message=lambda: f"status {adapter.status!r}")
    finally:
        adapter.stop()
    assert adapter.problems == {}


@pytest.mark.slow
def test_linphone_call_recorded_end_to_end(qtbot, audio_server, keyring_daemon, s3_server, linphone_factory,  # noqa: F811
                                           tmp_path):
    """One call recorded: the app follows the agent's linphone-daemon, which plays the call into the headset sink;
    the customer's daemon sends a 700 Hz tone into the call, the agent's mic gets 440 Hz. The signed manifest has
    the caller's number and direction, the right channel the customer's tone and the left the agent's. The server's
    default sink and source are ones nobody records (AudioServer.void_defaults): a stream linphone misroutes cannot
    land on the other side's channel."""
    with audio_server.void_defaults():
        _linphone_call(qtbot, audio_server, keyring_daemon, s3_server, linphone_factory, tmp_path)


def _linphone_call(qtbot, audio_server, keyring_daemon, s3_server, linphone_factory, tmp_path):  # noqa: ANN001, F811
    from PySide6.QtCore import Qt

    from tests.helpers.app_proc import live_app_config, org_keypair
    from tests.helpers.in_process import in_process_app
    from tests.helpers.signals import tone, tone_level, write_wav
    from tests.helpers.verify import fetch_call, party_of, wait_for_keys

    key, recipient = org_keypair(tmp_path)
    cust_wav = write_wav(tmp_path / "customer8k.wav", tone(700, 8.0, 8000), 8000)
    agent_wav = write_wav(tmp_path / "agent.wav", tone(440, 2.0, 16000), 16000)
    agent = linphone_factory("agent", auto_answer=True, env=audio_server.env, playback="softphone_out",
                             capture="agent_mic")
    # The customer's own mic: a silent source (any existing source would carry the agent's mic back as an echo).
    # linphone names a pulse device by its description, so each gets its name as description.
    audio_server.null_sink("customer_mouth", description="customer_mouth")
    audio_server.remap_source("customer_mic", "customer_mouth.monitor", description="customer_mic")
    customer = linphone_factory("customer", identity=CUSTOMER, env=audio_server.env, playback="customer_ear",
                                capture="customer_mic")
    access, secret = s3_server.agents["agent-7"]
    cfg = live_app_config(tmp_path / "taltio.toml", agent_id="agent-7", adapter="linphone", address=agent.address,
                          s3=s3_server, access=access, recipient=recipient)
    with in_process_app(tmp_path, cfg, audio=audio_server, keyring=keyring_daemon, start=False,
                        TALTIO_S3_SECRET=secret) as app:
        assert isinstance(app.adapter, LinphoneAdapter) and app.adapter.path == agent.pipe
        app.start()
        if app.staff_dialog is not None:
            app.staff_dialog.button.click()
        qtbot.waitUntil(lambda: app.adapter.status.startswith("connected"), timeout=10000)
        c = customer.client()
        cid = c.ok("call " + agent.uri)["Id"]
        qtbot.waitUntil(lambda: app.card.isVisible() and app.card.btn_start.isEnabled(), timeout=10000)
        assert app.view.status == "notice"
        qtbot.mouseClick(app.card.btn_start, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: app.view.status == "recording", timeout=5000)
        c.ok(f"incall-player-start {cust_wav} {cid}")
        qtbot.wait(500)
        # Where every stream went, for the failure message: a tone in the wrong channel means a stream was
        # routed to another device than the one named (seen once in CI: the customer's tone under the agent's).
        routing = "\n".join(audio_server.pactl("list", "short", kind) for kind in ("sink-inputs", "source-outputs",
                                                                                 "sinks", "sources"))
        player = audio_server.play_mic(agent_wav)
        qtbot.waitUntil(lambda: player.poll() is not None, timeout=10000)
        qtbot.wait(1500)
        c.ok(f"terminate {cid}")
        qtbot.waitUntil(lambda: not app.card.isVisible(), timeout=10000)
        keys = wait_for_keys(s3_server, lambda ks: any(k.endswith(".manifest.json") for k in ks), timeout=30)
        mkey = [k for k in keys if k.endswith(".manifest.json")][0]
        call_id = mkey.rsplit("/", 1)[1].split(".manifest.json")[0]
        doc, rec, rate = fetch_call(s3_server, call_id, tmp_path / "verify", key, app.status_doc()["workstation_key"])
        problems = app.adapter.problems
    assert call_id.startswith("linphone-")
    assert doc["direction"] == "incoming" and party_of(doc, key).number == NUMBER and doc["outcome"] == "recorded"
    assert NUMBER not in str(doc)
    left_440, left_700 = tone_level(rec, rate, 440, channel=0), tone_level(rec, rate, 700, channel=0)
    right_700, right_440 = tone_level(rec, rate, 700, channel=1), tone_level(rec, rate, 440, channel=1)
    print(f"linphone call: left 440={left_440:.3f} 700={left_700:.3f}, right 700={right_700:.3f} 440={right_440:.3f}")
    assert right_700 > 0.05 and left_440 > 0.05            # each side's tone in its own channel…
    assert left_700 < right_700 / 10 and right_440 < left_440 / 10, routing   # …and not in the other
    assert problems == {}


# -- a fake daemon --------------------------------------------------------------------------------------------------

def event(state: str, cid: int | str = 1, frm: str = CUSTOMER) -> dict:
    return {"Event": f"LinphoneCall{state}", "From": frm, "Id": str(cid)}


def render(ev: dict, size: int) -> bytes:
    """What linphone-daemon 5.1.65 writes for pop-event (verbatim layout, blank lines included)."""
    body = "".join(f"{k}: {v}\n" for k, v in ev.items())
    return f"Status: Ok\n\nSize: {size}\nEvent-type: call-state-changed\n\n{body}\n\n\n".encode()


EMPTY = b"Status: Ok\n\nSize: 0\n\n"
NO_CALL = b"Status: Error\nReason: No call with such id.\n"


class FakeDaemon:
    """A unix socket that answers like linphone-daemon: one client at a time, scripted pop-event answers (dicts are
    rendered with the right Size, bytes are sent as they are), call-status from ``status``."""

    def __init__(self) -> None:
        self.dir = tempfile.mkdtemp(prefix="tlp", dir="/tmp")
        self.path = os.path.join(self.dir, "pipe")
        self.queue: deque = deque()
        self.status: dict[str, bytes] = {}
        self.connections = 0
        self.lock = threading.Lock()
        self.client: socket.socket | None = None
        self.srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.srv.bind(self.path)
        self.srv.listen(4)
        self.closed = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def push(self, *items) -> None:
        with self.lock:
            self.queue.extend(items)

    def drained(self) -> bool:
        with self.lock:
            return not self.queue

    def _serve(self) -> None:
        while not self.closed:
            try:
                conn, _ = self.srv.accept()
            except OSError:
                return
            self.connections += 1
            self.client = conn
            try:
                self._talk(conn)
            except OSError:
                pass
            finally:
                conn.close()
                self.client = None

    def _talk(self, conn: socket.socket) -> None:
        buf = b""
        while True:
            data = conn.recv(4096)
            if not data:
                return
            buf += data
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                words = line.decode().split()
                if words[:1] == ["pop-event"]:
                    with self.lock:
                        item = self.queue.popleft() if self.queue else EMPTY
                        rest = len(self.queue)
                    if item == "drop":
                        return
                    conn.sendall(render(item, rest) if isinstance(item, dict) else item)
                elif words[:1] == ["call-status"]:
                    conn.sendall(self.status.get(words[1] if len(words) > 1 else "", NO_CALL))
                else:
                    conn.sendall(b"Status: Error\nReason: Unknown command.\n")

    def close(self) -> None:
        self.closed = True
        try:
            self.srv.shutdown(socket.SHUT_RDWR)         # wakes accept()
        except OSError:
            pass
        self.srv.close()
        if self.client is not None:
            try:
                self.client.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self.thread.join(timeout=2)
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def fake():
    d = FakeDaemon()
    yield d
    d.close()


@pytest.fixture
def adapter(fake):
    started = []

    def make(**kw):
        a = LinphoneAdapter(fake.path, poll_interval=0.02, backoff=(0.05, 0.2), **kw)
        sink = Sink()
        a.start(sink)
        started.append(a)
        wait_for(lambda: a.status.startswith("connected"), 10.0, message=lambda: f"status {a.status!r}")
        return a, sink

    yield make
    for a in started:
        a.stop()


SCENARIOS = {
    "incoming_answered_hold_unhold_ended": (
        ["IncomingReceived", "Connected", "StreamsRunning", "Pausing", "Paused", "Resuming", "StreamsRunning", "End",
         "Released"], ["incoming", "answered", "hold", "unhold", "ended"]),
    "customer_holds_us": (
        ["IncomingReceived", "Connected", "StreamsRunning", "PausedByRemote", "StreamsRunning", "End", "Released"],
        ["incoming", "answered", "ended"]),
    "missed": (["IncomingReceived", "End", "Released"], ["incoming", "ended"]),
    "outgoing": (["OutgoingInit", "OutgoingProgress", "OutgoingRinging", "Connected", "StreamsRunning", "Error",
                  "Released"], ["outgoing", "ringing", "answered", "ended"]),
    # out of order and repeated: answered before incoming, Released before End, a late StreamsRunning
    "disorder": (["StreamsRunning", "IncomingReceived", "Connected", "StreamsRunning", "Released", "End",
                  "StreamsRunning"], ["incoming", "answered", "ended"]),
    "over_before_seen": (["End", "Released", "Connected"], []),
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_scenario_gives_the_exact_event_sequence(fake, adapter, name, caplog):
    caplog.set_level(logging.WARNING, LOGGER)
    states, want = SCENARIOS[name]
    fake.status["1"] = (f"Status: Ok\n\nState: LinphoneCall{states[0]}\nFrom: <sip:{NUMBER}@127.0.0.1>\n"
                        f"Direction: {'out' if name == 'outgoing' else 'in'}\nDuration: 0\n\n").encode()
    a, sink = adapter()
    fake.push(*[event(s) for s in states])
    wait_for(fake.drained, 10.0)
    time.sleep(0.1)
    assert sink.kinds == want
    if want:
        assert sink.events[0].number == NUMBER
        assert sink.events[0].direction == ("outgoing" if name == "outgoing" else "incoming")
    assert a.problems == {} and not _logged(caplog)


def test_two_calls_and_other_event_types(fake, adapter):
    a, sink = adapter()
    other = b"Status: Ok\n\nSize: 0\nEvent-type: call-stats\n\nId: 1\nType: Audio\nJitter: 3\n\n\n\n"
    fake.push(event("IncomingReceived", 1), event("Connected", 1), other, event("IncomingReceived", 2),
              event("Paused", 1), event("Connected", 2), event("End", 2), event("Resuming", 1), event("End", 1))
    sink.wait_for(lambda k: len(k) == 8)
    got = [(e.kind.value, e.call_id.rsplit("-", 1)[1]) for e in sink.events]
    assert got == [("incoming", "1"), ("answered", "1"), ("incoming", "2"), ("hold", "1"), ("answered", "2"),
                   ("ended", "2"), ("unhold", "1"), ("ended", "1")]
    assert a.problems == {}


def test_calls_end_when_the_daemon_stays_away(fake, adapter):
    a, sink = adapter(calls_lost_after=0.3)
    fake.push(event("IncomingReceived"), event("Connected"))
    sink.wait_for(lambda k: k == ["incoming", "answered"])
    fake.close()
    sink.wait_for(lambda k: k == ["incoming", "answered", "ended"], timeout=5)
    assert "not reachable" in a.status
    assert sink.events[-1].label == SOFTPHONE_LOST        # ends as interrupted, the recording kept


def test_a_call_gone_while_the_connection_was_down_ends_on_reconnect(fake, adapter):
    a, sink = adapter()
    fake.push(event("IncomingReceived"), event("Connected"), "drop")
    sink.wait_for(lambda k: k == ["incoming", "answered"])
    wait_for(lambda: fake.connections >= 2, 10.0, message="reconnect")   # call-status 1: "No call with such id"
    sink.wait_for(lambda k: k == ["incoming", "answered", "ended"], timeout=5)


def test_a_busy_or_absent_daemon_is_retried_without_crashing():
    d = tempfile.mkdtemp(prefix="tlp", dir="/tmp")
    try:
        a = LinphoneAdapter(os.path.join(d, "none"), backoff=(0.05, 0.1))
        a.start(Sink())
        wait_for(lambda: "not reachable" in a.status, 10.0)
        time.sleep(0.3)
        assert a._thread.is_alive()
        a.stop()
        assert a.status == "stopped"
    finally:
        shutil.rmtree(d)


def test_address_setting():
    assert LinphoneAdapter.from_address("unix:/run/user/1000/lp").path == "/run/user/1000/lp"
    assert LinphoneAdapter.from_address("unix:taltio").path == "/tmp/taltio"          # as --pipe taltio makes
    assert LinphoneAdapter.from_address("127.0.0.1:4444").path == "/tmp/linphone-daemon"
    spec = {s.key: s for s in settings_mod.SCHEMA}
    assert "linphone" in spec["softphone.adapter"].choices
    assert spec["softphone.address"].validate("unix:/tmp/linphone-daemon") is None
    assert spec["softphone.address"].validate("unix:") is not None


def test_parser_reads_what_the_daemon_writes():
    # Verbatim from linphone-daemon 5.1.65 on this machine.
    ev, queued = parse_pop_event(b'Status: Ok\n\nSize: 2\nEvent-type: call-state-changed\n\nEvent: '
                                 b'LinphoneCallIncomingReceived\nFrom: "Asiakas Oy" <sip:+358401234567@[fd00::2]>\n'
                                 b'Id: 1\n\n\n\n')
    assert (ev.state, ev.id, queued) == ("IncomingReceived", "1", 2)
    assert split_address(ev.remote) == ("Asiakas Oy", "sip:+358401234567@[fd00::2]")
    assert parse_pop_event(EMPTY) == (None, 0)
    st_ = parse_answer(b"Status: Ok\n\nState: LinphoneCallStreamsRunning\nFrom: sip:agent@127.0.0.1:49775\n"
                       b"Direction: out\nDuration: 4\n\n\n")
    assert st_.ok and st_.fields["Direction"] == "out" and st_.fields["From"] == "sip:agent@127.0.0.1:49775"
    err = parse_answer(NO_CALL)
    assert not err.ok and err.reason == "No call with such id."
    assert split_address("sip:+3589@h") == (None, "sip:+3589@h")
    assert split_address('Bob <sip:100@h>') == ("Bob", "sip:100@h")
    with pytest.raises(LinphoneProtocolError) as e:
        parse_pop_event(b"Status: Ok\n\nSize: 0\nEvent-type: call-state-changed\n\nEvent: LinphoneCallConn")
    assert e.value.kind == "unknown-state"


# -- garbage, truncation, oversize, fuzz ----------------------------------------------------------------------------

GOOD = render(event("IncomingReceived"), 0)
BAD = {
    "not-utf8": b"Status: Ok\n\nSize: 0\nEvent-type: call-state-changed\n\nEvent: \xff\xfe\n\n",
    "no-status": b"HTTP/1.1 200 OK\r\n\r\n",
    "bad-size": b"Status: Ok\n\nSize: many\n\n",
    "event-without-state": b"Status: Ok\n\nSize: 0\nEvent-type: call-state-changed\n\nFrom: x\nId: 1\n\n",
    "bad-call-id": render({"Event": "LinphoneCallConnected", "From": "x", "Id": "../../etc"}, 0),
    "unknown-state": render({"Event": "LinphoneCallDancing", "Id": "3"}, 0),
    "duplicate-field": GOOD[:-3] + GOOD,
    "bad-line": b"Status: Ok\n\nSize: 0\ngarbage without colon\n\n",
    "pop-event-error": b"Status: Error\nReason: the daemon is confused\n",
    "nul": b"Status: Ok\n\nSize: 0\x00\n\n",
    "event-without-type": b"Status: Ok\n\nSize: 0\nEvent: LinphoneCallEnd\nId: 1\n\n",
}


def test_each_kind_of_bad_answer_is_logged_once_and_calls_still_work(fake, adapter, caplog):
    caplog.set_level(logging.WARNING, LOGGER)
    a, sink = adapter()
    for _ in range(3):
        fake.push(*BAD.values())
    fake.push(GOOD[:40])                                    # truncated: nothing more comes, parsed as it is
    fake.push(event("IncomingReceived", 7), event("Connected", 7), event("End", 7))
    sink.wait_for(lambda k: k == ["incoming", "answered", "ended"])
    lines = _logged(caplog)
    assert set(a.problems) >= set(BAD) and a.problems["unknown-state"] >= 3
    assert len(lines) == len(a.problems), lines                 # once per kind, however often
    assert all("linphone-daemon sent" in m and "counted, not logged" in m for m in lines)
    assert NUMBER not in "\n".join(lines)                       # personal data stays out of the log
    assert a._thread.is_alive()


def test_an_oversized_answer_drops_the_connection_which_is_reopened(fake, adapter, caplog):
    caplog.set_level(logging.WARNING, LOGGER)
    a, sink = adapter()
    fake.push(b"Status: Ok\n\nSize: 0\nEvent-type: call-stats\n" + b"X: " + b"y" * 200_000 + b"\n\n")
    fake.push(event("IncomingReceived"), event("End"))
    sink.wait_for(lambda k: k == ["incoming", "ended"])
    assert fake.connections >= 2 and a.problems.get("oversized") == 1
    assert sum("larger than" in m for m in _logged(caplog)) == 1


def test_unsolicited_bytes_are_dropped_and_the_stream_stays_in_step(fake, adapter, caplog):
    caplog.set_level(logging.WARNING, LOGGER)
    a, sink = adapter()
    fake.push(EMPTY + EMPTY + render(event("Connected", 9), 0))     # three answers to one question
    fake.push(event("IncomingReceived", 4), event("End", 4))
    sink.wait_for(lambda k: k[-2:] == ["incoming", "ended"])
    assert a.problems.get("unsolicited") == 1 or a.problems.get("duplicate-field") == 1


STATES = ["IncomingReceived", "OutgoingInit", "OutgoingProgress", "OutgoingRinging", "Connected", "StreamsRunning",
          "Pausing", "Paused", "Resuming", "PausedByRemote", "UpdatedByRemote", "End", "Error", "Released", "Idle",
          "Referred", "Bogus"]
FIELDS = st.fixed_dictionaries({}, optional={
    "Event": st.one_of(st.sampled_from(STATES).map(lambda s: "LinphoneCall" + s), st.text(max_size=20)),
    "Id": st.one_of(st.sampled_from(["1", "2", "3"]), st.text(max_size=12)),
    "From": st.one_of(st.just(CUSTOMER), st.just("sip:linphone@[fd00::2]"), st.text(max_size=60)),
})
STRUCTURED = st.builds(lambda f, size, cut: render(f, size)[:cut] if cut else render(f, size),
                       FIELDS, st.integers(0, 3), st.one_of(st.none(), st.integers(0, 120)))
PAYLOADS = st.one_of(STRUCTURED, STRUCTURED, st.binary(max_size=300), st.text(max_size=300).map(str.encode),
                     st.builds(lambda a, b: a + b, STRUCTURED, STRUCTURED))
STATUS = st.one_of(st.just(NO_CALL), st.just(b"Status: Ok\n\nState: x\nFrom: sip:+3589@h\nDirection: out\n\n"),
                   st.binary(max_size=80))


def _valid_sequences(events) -> bool:
    by_call: dict[str, list[str]] = {}
    for e in events:
        by_call.setdefault(e.call_id, []).append(e.kind.value)
    for kinds in by_call.values():
        if kinds[0] not in ("incoming", "outgoing") or kinds.count("answered") > 1 or kinds.count("ended") > 1:
            return False
        if "ended" in kinds and kinds[-1] != "ended":
            return False
        if kinds[1:].count("incoming") + kinds[1:].count("outgoing"):
            return False
    return True


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payloads=st.lists(PAYLOADS, min_size=1, max_size=12), status=STATUS)
def test_fuzz_the_answer_handler(payloads, status, caplog):
    """Random, truncated, joined and reordered answers: nothing escapes, no 'internal' problem (a bug), each kind
    logged once, and every call's events still make sense (starts once, answered once, ended once and last)."""
    caplog.clear()
    a = LinphoneAdapter("/nonexistent")
    sink = Sink()
    a._sink = sink
    with caplog.at_level(logging.WARNING, LOGGER):
        for p in payloads + payloads[::-1]:                 # everything again, in reverse order
            a.handle(p, lambda line: status)
    assert not [k for k in a.problems if k.startswith("internal")], a.problems
    assert len(_logged(caplog)) == len(a.problems)
    assert _valid_sequences(sink.events), [(e.call_id, e.kind.value) for e in sink.events]


def test_fuzz_over_the_socket(fake, adapter):
    a, sink = adapter(response_timeout=0.5)                 # an empty payload is "no answer": reconnect

    @settings(max_examples=25, deadline=None)
    @given(payload=PAYLOADS)
    def send(payload):
        fake.push(payload)

    send()
    wait_for(fake.drained, 20.0, message="the fake daemon to be drained")
    n = len(sink.events)
    fake.push(event("IncomingReceived", 77), event("Connected", 77), event("End", 77))
    sink.wait_for(lambda k: k[n:] == ["incoming", "answered", "ended"], timeout=10)
    assert not [k for k in a.problems if k.startswith("internal")], a.problems
    assert a._thread.is_alive() and _valid_sequences(sink.events)
