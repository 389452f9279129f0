"""Which call an event means when the softphone passes no call id (MicroSIP passes only the number),
duplicate and out-of-order events, and a call closed because its softphone was lost.

Through the real Controller (no Qt); the upload queue is not started, so each finished call's
signed manifest stays in its folder to be read.
"""
from __future__ import annotations

import json
import threading
import time
from datetime import timedelta

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from taltio.adapters.storage.folder import FolderTarget
from taltio.recording.controller import Controller
from taltio.domain.events import SOFTPHONE_LOST, CallEvent, EventError, EventKind, utcnow
from taltio.upload.queue import UploadQueue
from taltio.domain.rules import CallRules
from tests.helpers.push_backend import LOOP, MIC, PushBackend, feed_realtime

NUM_A, NUM_B = "+358401234567", "+358409876543"


@pytest.fixture
def ctl(tmp_path):
    queue = UploadQueue(tmp_path / "q.sqlite3", FolderTarget(tmp_path / "store"), 0.5)
    ident = pyrage.x25519.Identity.generate()
    c = Controller(calls_dir=tmp_path / "calls", queue=queue, backend=PushBackend(),
                   recipients=[ident.to_public()], signing_key=Ed25519PrivateKey.generate(), agent_id="a1",
                   workstation_id="w1", mic=MIC.id, loopback=LOOP.id, codec="flac", rules=CallRules())
    c.identity = ident
    yield c
    c.shutdown()


def hook(ctl: Controller, kind: str, number: str | None = None, call_id: str | None = None, **kw) -> str:
    """What `taltio hook KIND [--number N] [--call-id ID]` hands the controller."""
    return ctl.handle(CallEvent.parse(kind, call_id=call_id, number=number, **kw))


def active(ctl: Controller) -> list[str]:
    return [s.call_id for s in ctl.sessions.values() if s.active]


def manifest(ctl: Controller, cid: str) -> dict:
    return json.loads((ctl.calls_dir / cid / "manifest.json").read_text())


def test_microsip_full_call_by_number_only(ctl):
    """cmdIncomingCall, cmdCallAnswer, cmdCallStart, cmdCallEnd, each with only the number."""
    cid = hook(ctl, "incoming", NUM_A)
    assert cid and ctl.sessions[cid].direction == "incoming" and ctl.sessions[cid].number == NUM_A
    assert hook(ctl, "incoming", NUM_A) == cid                       # the same hook fired twice
    assert hook(ctl, "answered", "358 40 123 4567".replace("358", "+358")) == cid   # normalised the same
    assert hook(ctl, "answered", NUM_A) == cid                       # cmdCallAnswer then cmdCallStart
    assert ctl.sessions[cid].state.value == "notice_pending"
    assert hook(ctl, "declined") == cid                              # an agent action: the only call
    assert hook(ctl, "ended", NUM_A) == cid
    assert active(ctl) == [] and manifest(ctl, cid)["outcome"] == "declined"
    assert hook(ctl, "ended", NUM_A) == cid                          # cmdCallEnd twice: nothing happens
    assert hook(ctl, "ended") == cid                                 # nor without the number, just after
    assert hook(ctl, "answered", NUM_A) == cid                       # a late answer does not start a call
    assert active(ctl) == [] and ctl.queue.status().pending == 1


def test_answer_without_incoming_starts_the_call(ctl):
    """MicroSIP configured with cmdCallStart and cmdCallEnd only."""
    cid = hook(ctl, "answered", NUM_A)
    s = ctl.sessions[cid]
    assert s.state.value == "notice_pending" and s.number == NUM_A and s.direction is None
    assert hook(ctl, "answered", NUM_A) == cid
    assert hook(ctl, "ended", NUM_A) == cid and active(ctl) == []
    assert s.outcome.value == "not_recorded"          # no audio: an audit row, no manifest


def test_ended_before_answered(ctl):
    cid = hook(ctl, "incoming", NUM_A)
    assert hook(ctl, "ended", NUM_A) == cid
    assert hook(ctl, "answered", NUM_A) == cid and active(ctl) == []     # late: ignored
    # With the call id the late answer is refused outright: the id belongs to an ended call.
    hook(ctl, "incoming", call_id="c1")
    hook(ctl, "ended", call_id="c1")
    assert hook(ctl, "ended", call_id="c1") == "c1"                      # repeated end: no error
    with pytest.raises(EventError, match="already used for an ended call"):
        hook(ctl, "answered", call_id="c1")
    assert active(ctl) == []


def test_customer_who_calls_back_at_once_is_a_new_call(ctl):
    first = hook(ctl, "incoming", NUM_A)
    hook(ctl, "ended", NUM_A)
    second = hook(ctl, "incoming", NUM_A)
    assert second != first and active(ctl) == [second]
    # An answer long after the first call ended is a new call too, when nothing else is ringing.
    hook(ctl, "ended", NUM_A)
    third = ctl.handle(CallEvent(EventKind.ANSWERED, number=NUM_A, at=utcnow() + timedelta(seconds=10)))
    assert third not in (first, second) and active(ctl) == [third]


def test_two_calls_are_told_apart_by_number_and_never_guessed(ctl):
    a = hook(ctl, "incoming", NUM_A)
    hook(ctl, "answered", NUM_A)
    b = hook(ctl, "incoming", NUM_B)                                  # call waiting
    assert a != b and sorted(active(ctl)) == sorted([a, b])
    for kind in ("ended", "private", "hold", "bookmark"):
        with pytest.raises(EventError) as e:
            hook(ctl, kind)
        msg = str(e.value)
        assert "2 calls are active" in msg and "--call-id" in msg and "--number" in msg, msg
    assert active(ctl) == [a, b]
    assert hook(ctl, "answered") == b                  # only one call rings: that is the one answered
    assert hook(ctl, "ended", NUM_A) == a and active(ctl) == [b]
    assert hook(ctl, "ended") == b                                    # one left: no doubt which
    assert active(ctl) == []


def test_unknown_or_shared_number_is_refused_with_a_clear_reason(ctl):
    hook(ctl, "incoming", NUM_A)
    with pytest.raises(EventError) as e:
        hook(ctl, "ended", NUM_B)
    assert "no active call with number …543" in str(e.value) and NUM_B not in str(e.value)
    hook(ctl, "incoming", NUM_B, call_id="x1")
    hook(ctl, "incoming", NUM_B, call_id="x2")                        # two calls, same number, own ids
    with pytest.raises(EventError, match="2 active calls have the number …543: pass --call-id ID"):
        hook(ctl, "ended", NUM_B)
    assert hook(ctl, "ended", NUM_B, call_id="x2") == "x2"


def test_anonymous_duplicates_collapse_into_one_call(ctl):
    a = hook(ctl, "incoming", "anonymous")
    assert hook(ctl, "incoming") == a and hook(ctl, "ringing") == a
    assert active(ctl) == [a]
    assert hook(ctl, "answered") == a
    assert hook(ctl, "ended") == a and active(ctl) == []


def test_outgoing_then_ringing_by_number_is_one_call(ctl):
    cid = hook(ctl, "outgoing", NUM_B)
    assert hook(ctl, "ringing", NUM_B) == cid and active(ctl) == [cid]
    assert hook(ctl, "answered", NUM_B) == cid
    assert hook(ctl, "ended", NUM_B) == cid


def _record(ctl, cid: str):
    hook(ctl, "incoming", NUM_A, call_id=cid, source="baresip")
    hook(ctl, "answered", call_id=cid)
    hook(ctl, "notice-given", call_id=cid)
    streams = ctl.backend.wait_started()
    stop = threading.Event()
    feeder = feed_realtime(streams, stop)
    deadline = time.monotonic() + 10
    while ctl.recorders[cid].offset_s < 1.0:
        assert time.monotonic() < deadline, "nothing recorded"
        time.sleep(0.05)
    return stop, feeder


def test_softphone_lost_keeps_the_recording_as_interrupted(ctl):
    stop, feeder = _record(ctl, "lost-1")
    hook(ctl, "incoming", NUM_B, call_id="hook-1")                      # another adapter's call stays
    since = utcnow() - timedelta(seconds=0.5)
    assert ctl.adapter_lost("baresip", since) == ["lost-1"]
    stop.set()
    feeder.join()
    assert active(ctl) == ["hook-1"]
    doc = manifest(ctl, "lost-1")
    assert doc["outcome"] == "interrupted" and doc["times"]["end"] is not None
    assert any(t["state"] == "softphone_lost" and "baresip" in t["note"] for t in doc["transitions"])
    assert doc["audio"]["duration_s"] >= 1.0 and doc["audio"]["codec"] == "flac"
    age = ctl.calls_dir / "lost-1" / doc["audio"]["file"]["name"]
    assert age.stat().st_size == doc["audio"]["file"]["size"]
    assert pyrage.decrypt(age.read_bytes(), [ctl.identity])[:4] == b"fLaC"
    assert ctl.queue.status().pending == 1                              # queued for upload
    # The adapter's own ENDED after its timeout does the same; a second one changes nothing.
    assert ctl.handle(CallEvent(EventKind.ENDED, call_id="lost-1", source="baresip", label=SOFTPHONE_LOST)) \
        == "lost-1"
    assert ctl.adapter_lost("baresip") == []


def test_softphone_lost_event_before_the_notice_records_nothing(ctl):
    hook(ctl, "incoming", NUM_A, call_id="l2", source="linphone")
    ctl.handle(CallEvent(EventKind.ENDED, call_id="l2", source="linphone", label=SOFTPHONE_LOST))
    assert ctl.sessions["l2"].outcome.value == "not_recorded" and not (ctl.calls_dir / "l2").exists()
    assert active(ctl) == []
