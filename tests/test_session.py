"""The state machine enforces notice-before-recording and private-wins."""
import pytest

from taltio.domain.events import CallEvent, EventError, normalise_number, safe_call_id
from taltio.domain.session import CallSession, Outcome, State, TransitionError, session_from_json


def test_recording_needs_answer_and_notice():
    s = CallSession("c1", direction="incoming")
    with pytest.raises(TransitionError):
        s.notice_given()
    s.answered()
    assert s.state == State.NOTICE_PENDING
    s.notice_given()
    assert s.state == State.RECORDING and s.outcome == Outcome.RECORDED and s.notice_at is not None
    s.pause(3.0)
    with pytest.raises(TransitionError):
        s.pause(3.0)
    s.resume()
    s.end()
    assert s.state == State.ENDED
    assert s.pauses[0]["start"] and s.pauses[0]["end"] and s.pauses[0]["offset_s"] == 3.0
    assert [t.state for t in s.transitions] == ["ringing", "notice_pending", "recording", "paused", "recording",
                                                "ended"]
    assert all(t.at.tzinfo is not None for t in s.transitions)


def test_private_can_never_record():
    s = CallSession("c2")
    s.answered()
    s.mark_private()
    with pytest.raises(TransitionError):
        s.notice_given()
    with pytest.raises(TransitionError):
        s.decline()
    s.end()
    assert s.outcome == Outcome.PRIVATE


def test_end_before_notice_is_not_recorded_and_roundtrips():
    s = CallSession("c3", number="+358401234567", started_by="manual")
    s.answered()
    s.end()
    assert s.outcome == Outcome.NOT_RECORDED
    again = session_from_json(s.to_json())
    assert again.to_json() == s.to_json() and again.started_by == "manual"   # a recovered call keeps its source


def test_event_parsing_rejects_bad_input():
    with pytest.raises(EventError, match="unknown event"):
        CallEvent.parse("explode")
    with pytest.raises(EventError, match="not a phone number"):
        CallEvent.parse("incoming", number="DROP TABLE")
    assert normalise_number("sip:+358401234567@10.0.0.1;user=phone") == "+358401234567"
    assert normalise_number("<sip:anonymous@x>") is None
    assert safe_call_id("abc-1") == "abc-1"
    hashed = safe_call_id("a8f3@192.168.1.1")
    assert hashed.startswith("h") and "@" not in hashed and hashed == safe_call_id("a8f3@192.168.1.1")
    assert safe_call_id("../../etc") != "../../etc"
