"""The baresip adapter against what baresip sends, what it might send, and garbage: event mapping (from frames
recorded from baresip 1.0.0 and the fields newer versions add), duplicates and disorder, malformed, truncated and
oversized frames (each kind logged once), and a fake ctrl_tcp server over a real socket for reconnects and a
softphone that dies mid-call."""
from __future__ import annotations

import json
import logging
import socket
import threading
import time

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from taltio.adapters.softphone.baresip import BaresipAdapter, NetstringError, NetstringReader, netstring
from taltio.domain.events import SOFTPHONE_LOST, CallEvent, safe_call_id
from tests.helpers.waiting import wait_for

PEER = "sip:+358401234567@127.0.0.1:53285"
LOG = "taltio.softphone"


def ev(etype: str, cid: str | None = "c1", direction: str = "incoming", peer: str = PEER, **extra) -> dict:
    msg = {"event": True, "type": etype, "class": "call", "accountaor": "sip:agent@127.0.0.1:5080",
           "direction": direction, "peeruri": peer, **extra}
    if cid is not None:
        msg["id"] = cid
    return msg


def frame(msg) -> bytes:
    return netstring(json.dumps(msg).encode() if not isinstance(msg, bytes) else msg)


class Rig:
    def __init__(self, **kw) -> None:
        self.events: list[CallEvent] = []
        self.a = BaresipAdapter("127.0.0.1:1", **kw)
        self.a._sink = self.events.append
        self.reader = NetstringReader(self.a.max_frame, on_oversized=lambda n: self.a._problem("oversized", "big"))

    def send(self, *msgs) -> bool:
        return self.a.feed(self.reader, b"".join(frame(m) for m in msgs))

    def kinds(self, cid: str = "c1") -> list[str]:
        return [e.kind.value for e in self.events if e.call_id == safe_call_id(cid)]


# -- mapping ------------------------------------------------------------------------------------------------
def test_auto_answer_incoming_as_baresip_1_0_sends_it():
    r = Rig()
    r.send(ev("CALL_REMOTE_SDP", param="offer"), ev("CALL_LOCAL_SDP", param="answer"), ev("CALL_RTCP", param="audio"),
           ev("CALL_ESTABLISHED", param=PEER), ev("CALL_RTPESTAB", param="audio"),
           ev("CALL_CLOSED", param="Connection reset by peer"))
    assert r.kinds() == ["incoming", "answered", "ended"]
    assert r.events[0].number == "+358401234567" and r.events[0].direction == "incoming"
    assert r.a.problems == {}


def test_outgoing_ringing_and_display_name():
    r = Rig()
    r.send(ev("CALL_LOCAL_SDP", cid=None, direction="outgoing", param="offer"),      # no id yet: normal
           ev("CALL_RINGING", direction="outgoing", peerdisplayname="Maija M"),
           ev("CALL_RINGING", direction="outgoing"),                                   # duplicate
           ev("CALL_REMOTE_SDP", direction="outgoing", param="answer"),
           ev("CALL_ESTABLISHED", direction="outgoing"), ev("CALL_ESTABLISHED", direction="outgoing"),
           ev("CALL_CLOSED", direction="outgoing", param="Connection reset by user"))
    assert r.kinds() == ["outgoing", "ringing", "answered", "ended"]
    assert r.events[0].display_name == "Maija M" and r.events[0].direction == "outgoing"
    assert r.a.problems == {}


def test_cancelled_busy_and_rejected_never_answer():
    r = Rig()
    r.send(ev("CALL_INCOMING"), ev("CALL_CLOSED", param="Request terminated"))                    # cancelled
    r.send(ev("CALL_CLOSED", cid="c2", direction="outgoing", param="486 Busy Here"))               # busy, never seen
    r.send(ev("CALL_RINGING", cid="c3", direction="outgoing"), ev("CALL_CLOSED", cid="c3", param="603 Decline"))
    assert r.kinds("c1") == ["incoming", "ended"]
    assert r.kinds("c2") == []
    assert r.kinds("c3") == ["outgoing", "ringing", "ended"]
    r.send(ev("CALL_ESTABLISHED", cid="c2"))        # a late event for a closed call resurrects nothing
    assert r.kinds("c2") == []


def test_out_of_order_and_duplicates():
    r = Rig()
    r.send(ev("CALL_ESTABLISHED"), ev("CALL_INCOMING"), ev("CALL_ESTABLISHED"), ev("CALL_CLOSED"), ev("CALL_CLOSED"),
           ev("CALL_INCOMING"))
    assert r.kinds() == ["incoming", "answered", "ended"]


def test_newer_baresip_hold_events_and_audio_directions():
    r = Rig()
    up = {"localaudiodir": "sendrecv", "remoteaudiodir": "sendrecv"}
    r.send(ev("CALL_INCOMING", **up), ev("CALL_ESTABLISHED", **up))
    r.send(ev("CALL_HOLD", remoteaudiodir="sendonly", localaudiodir="sendrecv"))     # the far end holds us
    r.send(ev("CALL_RESUME", **up))
    r.send(ev("CALL_LOCAL_SDP", param="offer", localaudiodir="sendonly", remoteaudiodir="sendrecv"))  # agent holds
    r.send(ev("CALL_REMOTE_SDP", param="answer", localaudiodir="sendonly", remoteaudiodir="recvonly"))
    r.send(ev("CALL_LOCAL_SDP", param="offer", **up))
    r.send(ev("CALL_CLOSED"))
    assert r.kinds() == ["incoming", "answered", "hold", "unhold", "hold", "unhold", "ended"]
    assert r.a._legacy is False


def test_legacy_hold_from_listcalls():
    r = Rig()
    r.send(ev("CALL_REMOTE_SDP", param="offer"), ev("CALL_ESTABLISHED"))
    r.a._probes.add("p1")
    r.send({"response": True, "ok": True, "token": "p1", "data":
            f"\n--- Active calls (1) ---\n> [line 1]  0:00:01  ESTABLISHED  (on hold)  {PEER}\n\n"})
    r.a._probes.add("p2")
    r.send({"response": True, "ok": True, "token": "p2", "data":
            f"\n--- Active calls (1) ---\n> [line 1]  0:00:02  ESTABLISHED             {PEER}\n\n"})
    assert r.kinds() == ["incoming", "answered", "hold", "unhold"]
    r.a._probes.add("p3")
    r.send({"response": True, "ok": True, "token": "p3", "data": "something else entirely"})
    assert r.a.problems == {"listcalls-format": 1}


def test_legacy_swap_between_two_calls():
    r = Rig()
    p2 = "sip:+358409999999@127.0.0.1:47000"
    r.send(ev("CALL_ESTABLISHED"), ev("CALL_ESTABLISHED", cid="c2", peer=p2))
    listing = "\n--- Active calls (2) ---\n{a} [line 1]  0:00:09  ESTABLISHED  {h1} {p1}\n" \
              "{b} [line 2]  0:00:03  ESTABLISHED  {h2} {p2}\n\n"
    for tok, a, b, h1, h2 in (("p1", " ", ">", "", ""), ("p2", " ", ">", "", "(on hold)"),
                              ("p3", ">", " ", "", "(on hold)")):
        r.a._probes.add(tok)
        r.send({"response": True, "ok": True, "token": tok,
                "data": listing.format(a=a, b=b, h1=h1, h2=h2, p1=PEER, p2=p2)})
    # Call 2 put on hold, the agent takes line 1: call 1 is taken back.
    assert r.kinds("c2") == ["incoming", "answered", "hold"]
    assert r.kinds("c1") == ["incoming", "answered", "unhold"]


def test_transfers():
    r = Rig()
    r.send(ev("CALL_ESTABLISHED"), ev("CALL_CLOSED", param="Call transfered"))        # the agent's blind transfer
    r.send(ev("CALL_ESTABLISHED", cid="c2"), ev("TRANSFER", cid="c2", param="sip:colleague@127.0.0.1"),
           ev("CALL_RINGING", cid="c3", direction="outgoing", peer="sip:colleague@127.0.0.1"),
           ev("CALL_CLOSED", cid="c2", param="Connection reset by peer"))               # we are transferred
    r.send(ev("CALL_ESTABLISHED", cid="c4"), ev("TRANSFER", cid="c4"), ev("TRANSFER_FAILED", cid="c4"),
           ev("CALL_CLOSED", cid="c4"))
    assert r.kinds("c1") == ["incoming", "answered", "transferred"]
    assert r.kinds("c2") == ["incoming", "answered", "transferred"]
    assert r.kinds("c3") == ["outgoing", "ringing"]
    assert r.kinds("c4") == ["incoming", "answered", "ended"]


def test_problems_are_logged_once_per_kind(caplog):
    caplog.set_level(logging.WARNING, LOG)
    r = Rig(max_frame=2000)
    for _ in range(50):
        assert r.send(b"not json", b"[1,2]", {"foo": 1}, ev("CALL_ESTABLISHED", cid=None), {"event": True},
                      ev("CALL_ESTABLISHED", cid=7), b"x" * 5000, ev("CALL_INCOMING", cid="n", peer="sip:bob@h"))
    warnings = [rec for rec in caplog.records if rec.name == LOG]
    assert r.a.problems == {"not-json": 50, "not-object": 50, "not-event": 50, "no-call-id": 100, "no-type": 50,
                            "oversized": 50, "bad-number": 1}
    assert len(warnings) == len(r.a.problems)
    assert all("counted, not logged" in w.getMessage() for w in warnings)


# -- the netstring reader ------------------------------------------------------------------------------------
def test_reader_chunking_and_oversized_skip():
    big = []
    rd = NetstringReader(10, on_oversized=big.append)
    stream = netstring(b"hello") + netstring(b"x" * 100) + netstring(b"") + netstring(b"world")
    out = []
    for i in range(len(stream)):
        out += rd.feed(stream[i:i + 1])
    assert out == [b"hello", b"", b"world"] and big == [100]
    for bad in (b"abc:", b"12345678901:", b"5:hello!", b"01:a,", b"-1:"):
        with pytest.raises(NetstringError):
            NetstringReader().feed(bad)


# -- fuzz -----------------------------------------------------------------------------------------------------
TYPES = ["CALL_INCOMING", "CALL_OUTGOING", "CALL_RINGING", "CALL_PROGRESS", "CALL_ANSWERED", "CALL_ESTABLISHED",
         "CALL_CLOSED", "CALL_HOLD", "CALL_RESUME", "CALL_REMOTE_SDP", "CALL_LOCAL_SDP", "CALL_RTCP", "TRANSFER",
         "TRANSFER_FAILED", "REFER", "REGISTER_OK", "MODULE", "?"]
_value = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20), st.lists(st.integers(), max_size=3))
_event = st.fixed_dictionaries(
    {"event": st.just(True), "type": st.sampled_from(TYPES)},
    optional={"id": st.one_of(st.sampled_from(["a", "b", "c"]), _value), "direction":
              st.one_of(st.sampled_from(["incoming", "outgoing"]), _value), "peeruri": st.one_of(st.just(PEER), _value),
              "param": _value, "peerdisplayname": _value, "localaudiodir":
              st.sampled_from(["sendrecv", "sendonly", "inactive", "recvonly"]), "response": _value, "token": _value,
              "data": _value})
_frame = st.one_of(_event.map(lambda m: frame(m)), st.binary(max_size=40).map(netstring), st.binary(max_size=30),
                   _event.map(lambda m: frame(m)[:-3]), st.just(b"99999999:"), st.just(frame(b"y" * 3000)))

# What a controller may be told about one call: introduced once, first; answered at most once; ended last.
_START = {"incoming", "outgoing"}
_END = {"ended", "transferred"}


def _valid(kinds: list[str]) -> bool:
    if not kinds:
        return True
    if kinds[0] not in _START or any(k in _START for k in kinds[1:]):
        return False
    if kinds.count("answered") > 1 or sum(k in _END for k in kinds) > 1:
        return False
    if any(k in _END for k in kinds[:-1]):
        return False
    held = False
    for k in kinds:
        if k in ("hold", "unhold") and "answered" not in kinds[:kinds.index(k)]:
            return False
        if k == "hold":
            if held:
                return False
            held = True
        elif k == "unhold":
            held = False
    return True


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frames=st.lists(_frame, max_size=30), cuts=st.lists(st.integers(1, 50), max_size=10))
def test_fuzz_never_crashes_and_events_stay_well_formed(frames, cuts):
    r = Rig(max_frame=2000)
    logging.getLogger(LOG).setLevel(logging.CRITICAL)
    stream = b"".join(frames)
    pos = 0
    for c in cuts + [len(stream)]:
        if not r.a.feed(r.reader, stream[pos:pos + c]):
            r.reader = NetstringReader(2000)      # the adapter would reconnect: a fresh stream
        pos += c
    assert "internal" not in r.a.problems
    for cid in {e.call_id for e in r.events}:
        kinds = [e.kind.value for e in r.events if e.call_id == cid]
        kinds = [k for k in kinds if k != "ringing"]
        assert _valid(kinds), kinds


# -- over a real socket: a fake ctrl_tcp ------------------------------------------------------------------------
class FakeCtrl:
    """A ctrl_tcp stand-in: accepts one client at a time, sends what the test says, answers listcalls."""

    def __init__(self, port: int = 0) -> None:
        self.srv = socket.create_server(("127.0.0.1", port))
        self.port = self.srv.getsockname()[1]
        self.conn: socket.socket | None = None
        self.accepted = threading.Event()
        self.listing = "\n--- Active calls (0) ---\n\n"
        self.commands: list[dict] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.srv.accept()
            except OSError:
                return
            self.conn = conn
            self.accepted.set()
            rd = NetstringReader()
            while True:
                try:
                    data = conn.recv(65536)
                except OSError:
                    break
                if not data:
                    break
                for f in rd.feed(data):
                    cmd = json.loads(f)
                    self.commands.append(cmd)
                    answer = self.listing if cmd["command"] == "listcalls" else ""
                    try:
                        conn.sendall(frame({"response": True, "ok": True, "data": answer, "token": cmd["token"]}))
                    except OSError:
                        break

    def send(self, data: bytes) -> None:
        assert self.conn is not None
        self.conn.sendall(data)

    def drop(self) -> None:
        self.accepted.clear()
        if self.conn:
            self.conn.close()

    def close(self) -> None:
        self.drop()
        self.srv.close()


def test_socket_garbage_reconnect_and_lost_calls(caplog):
    caplog.set_level(logging.INFO, LOG)
    fake = FakeCtrl()
    events: list[CallEvent] = []
    a = BaresipAdapter(f"127.0.0.1:{fake.port}", calls_lost_after=1.0, backoff=(0.1, 0.2), max_frame=1000)
    a.start(events.append)
    try:
        assert fake.accepted.wait(5)
        wait_for(lambda: a.status.startswith("connected"), 5.0)
        fake.send(frame(b"garbage") + frame(b"z" * 5000) + frame(ev("CALL_ESTABLISHED", cid="k1"))
                  + frame(ev("CALL_ESTABLISHED", cid="k2", peer="sip:+358409999999@h")))
        wait_for(lambda: len(events) == 4, 5.0)
        # A stream that cannot be followed: dropped, reconnected; the calls are kept (baresip still has k1).
        fake.listing = f"\n--- Active calls (1) ---\n> [line 1]  0:00:05  ESTABLISHED             {PEER}\n\n"
        fake.send(b"xyz:garbage,")
        wait_for(lambda: a.reconnects == 1 and a.status.startswith("connected"), 5.0)
        wait_for(lambda: a.calls == ["k1"], 5.0)          # k2 is not in baresip's list any more: interrupted
        assert [(e.kind.value, e.label) for e in events[4:]] == [("ended", SOFTPHONE_LOST)]
        fake.send(frame(ev("CALL_INCOMING", cid="k1")))     # no duplicate 'incoming' after a reconnect
        # baresip dies: nobody listens; after calls_lost_after the call ends as interrupted.
        port = fake.port
        fake.close()
        wait_for(lambda: "unreachable" in a.status, 5.0)
        assert "1 call(s) in progress" in a.status
        wait_for(lambda: len(events) == 6, 5.0)
        assert (events[5].kind.value, events[5].label, events[5].call_id) == ("ended", SOFTPHONE_LOST, "k1")
        # It comes back: connected again, nothing repeated.
        fake = FakeCtrl(port)
        wait_for(lambda: a.status.startswith("connected"), 5.0)
        time.sleep(0.3)
        assert len(events) == 6
    finally:
        a.stop()
        fake.close()
    assert a.status == "stopped"
    problems = [r for r in caplog.records if r.name == LOG and "counted, not logged" in r.getMessage()]
    assert sorted(a.problems) == ["bad-length", "not-json", "oversized"] and len(problems) == 3
