"""One call's life: ringing → notice pending → recording ⇄ paused → ended.

The state machine is deliberately strict. Recording can only begin from
"notice pending" (the customer must be told first), and the two outcomes that
capture nothing (private, declined) are terminal for capture: once a call is
private it can never start recording again.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from taltio.domain.texts import QT_TRANSLATE_NOOP, Text
from taltio.domain.events import iso, parse_iso, redact_number, utcnow


class State(str, enum.Enum):
    RINGING = "ringing"
    NOTICE_PENDING = "notice_pending"
    RECORDING = "recording"
    PAUSED = "paused"
    ENDED = "ended"


class Outcome(str, enum.Enum):
    """What happened to the audio; decided when the call ends (or earlier)."""
    PENDING = "pending"
    RECORDED = "recorded"
    PRIVATE = "private"              # nothing captured, nothing uploaded
    DECLINED = "declined"            # nothing captured; the refusal itself is evidence
    NOT_RECORDED = "not_recorded"    # ended before the notice was given
    INTERRUPTED = "interrupted"      # app or machine died mid-call; recovered on restart
    FAILED = "failed"                # capture could not run (device missing, ...)


class TransitionError(RuntimeError):
    """The requested action makes no sense in the call's current state."""


_ALLOWED: dict[State, set[State]] = {
    State.RINGING: {State.NOTICE_PENDING, State.ENDED},
    State.NOTICE_PENDING: {State.RECORDING, State.ENDED},
    State.RECORDING: {State.PAUSED, State.ENDED},
    State.PAUSED: {State.RECORDING, State.ENDED},
    State.ENDED: set(),
}


@dataclass
class Transition:
    at: datetime
    state: str
    note: str = ""

    def to_json(self) -> dict:
        return {"at": iso(self.at), "state": self.state, **({"note": self.note} if self.note else {})}


@dataclass
class CallSession:
    call_id: str
    direction: str | None = None
    number: str | None = None
    state: State = State.RINGING
    outcome: Outcome = Outcome.PENDING
    ring_at: datetime | None = None
    answer_at: datetime | None = None
    notice_at: datetime | None = None
    record_start_at: datetime | None = None
    end_at: datetime | None = None
    pauses: list[dict] = field(default_factory=list)      # {"start","end","offset_s"}
    bookmarks: list[dict] = field(default_factory=list)   # {"at","offset_s","label"}
    transitions: list[Transition] = field(default_factory=list)
    error: str | None = None
    gaps: list[dict] = field(default_factory=list)      # device lost: channel, cause, start/end
    alarms: list[dict] = field(default_factory=list)    # one-sided call: channel, start/end
    devices: list[dict] = field(default_factory=list)   # which device fed each channel from when (fallbacks)
    notice_mode: str = "agent"          # "agent": the agent confirmed the notice; "on_answer": recorded on answer
    private_reason: str | None = None
    notice_language: str = "fi"
    notice_sha256: str | None = None    # of the text shown when the notice was given: evidence of what was read
    queue: str | None = None            # the service line the call came through, when the softphone says
    display_name: str | None = None     # the remote party's name as the softphone showed it
    policy_versions: dict = field(default_factory=dict)  # supervisor policies in force when the call began
    holds: list[dict] = field(default_factory=list)      # holds that did not pause capture (recording.on_hold)
    started_by: str | None = None       # what reported the call first: a softphone adapter, "hook", or "manual"

    def __post_init__(self) -> None:
        if not self.transitions:
            self._log(self.state.value, self.ring_at or utcnow())

    # -- transitions -------------------------------------------------------
    def _log(self, what: str, at: datetime, note: str = "") -> None:
        self.transitions.append(Transition(at, what, note))

    def _move(self, to: State, at: datetime | None = None, note: str = "") -> datetime:
        if to not in _ALLOWED[self.state]:
            raise TransitionError(Text(QT_TRANSLATE_NOOP("core", "call {call} is {state}; cannot go to {target}"),
                                       call=self.call_id, state=self.state.value.replace("_", " "),
                                       target=to.value.replace("_", " ")))
        at = at or utcnow()
        self.state = to
        self._log(to.value, at, note)
        return at

    @property
    def capture_allowed(self) -> bool:
        return self.outcome not in (Outcome.PRIVATE, Outcome.DECLINED, Outcome.FAILED)

    @property
    def active(self) -> bool:
        return self.state != State.ENDED

    def answered(self, at: datetime | None = None) -> None:
        if self.state == State.RINGING:
            self.answer_at = self._move(State.NOTICE_PENDING, at)
        # A duplicate "answered" (hook and adapter both firing) is harmless.

    def notice_given(self, at: datetime | None = None) -> datetime:
        if not self.capture_allowed:
            raise TransitionError(Text(QT_TRANSLATE_NOOP("core", "call {call} is marked {outcome}; it will not be recorded"),
                                       call=self.call_id, outcome=self.outcome.value))
        if self.state == State.RINGING:
            raise TransitionError(Text(QT_TRANSLATE_NOOP("core", "the call is not answered yet; give the notice once the customer is on the line")))
        if self.notice_mode == "on_answer" and self.state in (State.RECORDING, State.PAUSED):
            # Recording began on answer; this only notes when the agent read the notice.
            at = at or utcnow()
            if self.notice_at is None:
                self.notice_at = at
                self._log("notice given", at)
            return at
        at = self._move(State.RECORDING, at, "notice given")
        self.notice_at = self.record_start_at = at
        self.outcome = Outcome.RECORDED
        return at

    def record_on_answer(self, at: datetime | None = None) -> datetime:
        """The organisation records from the answer on; the notice card is then only a reminder."""
        if not self.capture_allowed:
            raise TransitionError(Text(QT_TRANSLATE_NOOP("core", "call {call} is marked {outcome}; it will not be recorded"),
                                       call=self.call_id, outcome=self.outcome.value))
        self.notice_mode = "on_answer"
        at = self._move(State.RECORDING, at, "recording on answer")
        self.record_start_at = at
        self.outcome = Outcome.RECORDED
        return at

    def pause(self, offset_s: float, at: datetime | None = None, reason: str = "agent") -> None:
        """reason: "agent" (card data), "hold" (the softphone held the call), "other_call" (another was taken)."""
        if self.state != State.RECORDING:
            raise TransitionError(Text(QT_TRANSLATE_NOOP("core", "call {call} is not recording; nothing to pause"), call=self.call_id))
        at = self._move(State.PAUSED, at, reason)
        self.pauses.append({"start": iso(at), "end": None, "offset_s": round(offset_s, 3), "reason": reason})

    @property
    def pause_reason(self) -> str | None:
        return self.pauses[-1].get("reason", "agent") if self.state == State.PAUSED and self.pauses else None

    def resume(self, at: datetime | None = None, auto: bool = False) -> None:
        if self.state != State.PAUSED:
            raise TransitionError(Text(QT_TRANSLATE_NOOP("core", "call {call} is not paused"), call=self.call_id))
        at = self._move(State.RECORDING, at, "automatic" if auto else "")
        self.pauses[-1]["end"] = iso(at)
        if auto:
            self.pauses[-1]["auto_resumed"] = True

    def bookmark(self, offset_s: float, label: str = "agreement", at: datetime | None = None) -> None:
        if self.state not in (State.RECORDING, State.PAUSED):
            raise TransitionError(Text(QT_TRANSLATE_NOOP("core", "call {call} is not being recorded; nothing to bookmark"),
                                       call=self.call_id))
        at = at or utcnow()
        self.bookmarks.append({"at": iso(at), "offset_s": round(offset_s, 3), "label": label})
        self._log("bookmark", at, label)

    def label_bookmark(self, label: str) -> dict:
        """The agent names the last mark after making it: the click fixes the moment, typing comes after."""
        if not self.active:
            ended = QT_TRANSLATE_NOOP("core", "the call has ended; its agreement mark was kept without a label")
            raise TransitionError(Text(ended))
        if not self.bookmarks:
            raise TransitionError(Text(QT_TRANSLATE_NOOP("core", "call {call} has no agreement mark to label"),
                                       call=self.call_id))
        mark = self.bookmarks[-1]
        mark["label"] = label
        self._log("bookmark-label", utcnow(), label)
        return mark

    def mark_private(self, at: datetime | None = None, reason: str | None = None) -> None:
        """Private wins over everything: it can be set in any state, even after recording began."""
        at = at or utcnow()
        self.outcome = Outcome.PRIVATE
        self.private_reason = reason
        self._log("private", at, reason or "")

    def decline(self, at: datetime | None = None) -> None:
        if self.outcome == Outcome.PRIVATE:
            raise TransitionError(Text(QT_TRANSLATE_NOOP("core", "the call is private; nothing is recorded anyway")))
        at = at or utcnow()
        self.outcome = Outcome.DECLINED
        self._log("declined", at)

    def fail(self, reason: str, at: datetime | None = None) -> None:
        self.outcome = Outcome.FAILED
        self.error = reason
        self._log("error", at or utcnow(), reason)

    def end(self, at: datetime | None = None) -> None:
        if self.state == State.ENDED:
            return
        if self.state == State.PAUSED and self.pauses and self.pauses[-1]["end"] is None:
            self.pauses[-1]["end"] = iso(at or utcnow())
        if self.outcome == Outcome.PENDING:
            self.outcome = Outcome.NOT_RECORDED
        self.end_at = self._move(State.ENDED, at)

    def to_json(self) -> dict:
        return {
            "call_id": self.call_id,
            "direction": self.direction,
            "number": self.number,
            "state": self.state.value,
            "outcome": self.outcome.value,
            "ring_at": iso(self.ring_at),
            "answer_at": iso(self.answer_at),
            "notice_at": iso(self.notice_at),
            "record_start_at": iso(self.record_start_at),
            "end_at": iso(self.end_at),
            "pauses": self.pauses,
            "bookmarks": self.bookmarks,
            "transitions": [t.to_json() for t in self.transitions],
            "error": self.error,
            "gaps": self.gaps,
            "alarms": self.alarms,
            "devices": self.devices,
            "notice_mode": self.notice_mode,
            "private_reason": self.private_reason,
            "notice_language": self.notice_language,
            "notice_sha256": self.notice_sha256,
            "queue": self.queue,
            "display_name": self.display_name,
            "policy_versions": self.policy_versions,
            "holds": self.holds,
            "started_by": self.started_by,
        }


def _dt(v: str | None) -> datetime | None:
    return parse_iso(v) if v else None


def session_from_json(doc: dict) -> CallSession:
    """Rebuild a session from its journal (crash recovery)."""
    s = CallSession(
        call_id=doc["call_id"], direction=doc.get("direction"), number=doc.get("number"),
        state=State(doc["state"]), outcome=Outcome(doc["outcome"]), ring_at=_dt(doc.get("ring_at")),
        answer_at=_dt(doc.get("answer_at")), notice_at=_dt(doc.get("notice_at")),
        record_start_at=_dt(doc.get("record_start_at")), end_at=_dt(doc.get("end_at")),
        pauses=doc.get("pauses", []), bookmarks=doc.get("bookmarks", []),
        transitions=[Transition(_dt(t["at"]) or utcnow(), t["state"], t.get("note", ""))
                     for t in doc.get("transitions", [])],
        error=doc.get("error"), gaps=doc.get("gaps", []), alarms=doc.get("alarms", []),
        devices=doc.get("devices", []), notice_mode=doc.get("notice_mode", "agent"),
        private_reason=doc.get("private_reason"), notice_language=doc.get("notice_language", "fi"),
        notice_sha256=doc.get("notice_sha256"), queue=doc.get("queue"), display_name=doc.get("display_name"),
        policy_versions=doc.get("policy_versions", {}), holds=doc.get("holds", []),
        started_by=doc.get("started_by"))
    return s


@dataclass(frozen=True)
class CallView:
    """What the UI shows of one call: a copy taken under the controller's lock, safe on any thread.

    Field names are the keys of the dict `Controller.view()` returns (to_dict/from_dict convert).
    """
    call_id: str
    state: State
    outcome: Outcome = Outcome.PENDING
    direction: str | None = None
    number_hint: str | None = None          # the redacted number (…567), never the number
    recorded_s: float = 0.0                 # audio captured so far (0 once the call ended)
    error: str | None = None
    warnings: tuple = ()                    # Text or str, device and pause warnings in the order raised
    paused_since: str | None = None         # ISO time the current pause began, when paused
    pause_reason: str | None = None         # "agent", "hold" or "other_call" while paused
    notice_mode: str = "agent"
    language: str = "fi"                    # the notice card's language
    notice_given: bool = False
    bookmarks: tuple = ()                   # copies of {"at", "offset_s", "label"}
    recording_since: float | None = None    # epoch seconds recording began

    @classmethod
    def of(cls, s: CallSession, recorded_s: float = 0.0, warnings=()) -> "CallView":  # noqa: ANN001
        return cls(call_id=s.call_id, state=s.state, outcome=s.outcome, direction=s.direction,
                   number_hint=redact_number(s.number), recorded_s=recorded_s, error=s.error,
                   warnings=tuple(warnings),
                   paused_since=s.pauses[-1]["start"] if s.state == State.PAUSED else None,
                   pause_reason=s.pause_reason, notice_mode=s.notice_mode, language=s.notice_language,
                   notice_given=s.notice_at is not None, bookmarks=tuple(dict(b) for b in s.bookmarks),
                   recording_since=s.record_start_at.timestamp() if s.record_start_at else None)

    def to_dict(self) -> dict:
        """The dict form the listeners and `Controller.view()` give (state and outcome as strings)."""
        return {"call_id": self.call_id, "state": self.state.value, "outcome": self.outcome.value,
                "direction": self.direction, "number_hint": self.number_hint, "recorded_s": self.recorded_s,
                "error": self.error, "warnings": list(self.warnings), "paused_since": self.paused_since,
                "pause_reason": self.pause_reason, "notice_mode": self.notice_mode, "language": self.language,
                "notice_given": self.notice_given, "bookmarks": [dict(b) for b in self.bookmarks],
                "recording_since": self.recording_since}

    @classmethod
    def from_dict(cls, d: "dict | CallView") -> "CallView":
        """From a view dict (missing keys take their defaults); a CallView is returned as it is."""
        if isinstance(d, CallView):
            return d
        return cls(call_id=d["call_id"], state=State(d["state"]), outcome=Outcome(d.get("outcome") or "pending"),
                   direction=d.get("direction"), number_hint=d.get("number_hint"),
                   recorded_s=d.get("recorded_s") or 0.0, error=d.get("error"),
                   warnings=tuple(d.get("warnings") or ()), paused_since=d.get("paused_since"),
                   pause_reason=d.get("pause_reason"), notice_mode=d.get("notice_mode") or "agent",
                   language=d.get("language") or "fi", notice_given=bool(d.get("notice_given")),
                   bookmarks=tuple(dict(b) for b in d.get("bookmarks") or ()),
                   recording_since=d.get("recording_since"))


@dataclass(frozen=True)
class DeviceInUse:
    """One device capturing for a call now."""
    side: str            # "agent" (the mic) or "customer" (the loopback)
    name: str
    id: str
    fallback: bool       # the configured fallback, while the chosen device is away


@dataclass(frozen=True)
class ControllerHealth:
    """What the heartbeat reports of the controller, read in one go under its lock."""
    mic: str                         # configured devices ("" = the default device)
    loopback: str
    mic_fallback: str
    loopback_fallback: str
    devices_in_use: tuple            # DeviceInUse per active recorder and side, in recorder order
    backlog_warn_count: int          # the organisation's backlog thresholds (current rules)
    backlog_warn_s: float
    policy_versions: dict            # a copy: {target: version}
    policy_rejections: tuple         # copies of the latest refusal per target
    public_key: object               # the workstation's Ed25519 public key (manifest signing)
    calls_active: int
