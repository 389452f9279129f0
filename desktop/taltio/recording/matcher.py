"""Which call an event belongs to.

Softphones identify calls differently: by id (baresip), by number only (MicroSIP's hooks), or not at
all (an agent's keyboard shortcut). The matcher keeps the calls and answers "which call is this
about?", refusing to guess when several calls fit. Repeated and late events (a second 'ended', an
'answered' after 'ended') are recognised so that they change nothing. Ended calls are remembered
only boundedly: the last MAX_ENDED sessions (for late events and lookups) and the last MAX_ENDED_IDS
ids (so an id is never reused for a new call).

Not thread-safe by itself: the controller calls it with its lock held.
"""
from __future__ import annotations

from collections import OrderedDict

from taltio.domain.events import SOFTPHONE_KINDS, CallEvent, EventError, EventKind, redact_number, safe_call_id
from taltio.domain.session import CallSession, State
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text

NO_SUCH_CALL = QT_TRANSLATE_NOOP("core", "no active call with id '{call}'")
WHICH_CALL = QT_TRANSLATE_NOOP("core", "{count} calls are active and '{event}' does not say which: pass --call-id ID "
                                       "or --number N")
# A repeated or late softphone event without a call id (MicroSIP passes only the number) that matches a
# call ended this recently is a duplicate, not a new call: 'ended' twice, or 'answered' after 'ended'.
LATE_ENDED_S = 30.0
LATE_ANSWER_S = 5.0     # short: a customer who calls back at once must still be a new call
# Ended sessions kept: late events need seconds and lookups the last few calls. Few, because each kept session
# pins the allocator pages its objects were spread over during the call (about 0.35 MiB each, measured by the
# soak: 60 kept sessions were 20 MiB of resident memory, 8 were none), and it holds the customer's number.
MAX_ENDED = 16
MAX_ENDED_IDS = 10_000  # ended call ids remembered, so that an id is not reused by a new call
ON_LINE_EXCLUDED = ("hold", "other_call")


class CallMatcher:
    def __init__(self) -> None:
        self.sessions: dict[str, CallSession] = {}    # active calls, then the last MAX_ENDED ended ones
        self._ended_ids: OrderedDict[str, None] = OrderedDict()
        self._generated: set[str] = set()    # call ids made up here (the softphone passed none)
        self._sources: dict[str, str] = {}   # call id -> the adapter that reported it (for adapter_lost)

    # -- the calls -----------------------------------------------------------
    def active(self) -> list[CallSession]:
        return [s for s in self.sessions.values() if s.active]

    def any_active(self) -> bool:
        return any(s.active for s in self.sessions.values())

    def current(self) -> CallSession | None:
        """The call the agent is on: not one on hold or waiting, unless there is no other."""
        active = self.active()
        if not active:
            return None
        on_line = [s for s in active if s.pause_reason not in ON_LINE_EXCLUDED]
        return (on_line or active)[-1]

    def active_by_id(self, call_id: str) -> CallSession:
        s = self.sessions.get(call_id)
        if s is None or not s.active:
            raise EventError(Text(NO_SUCH_CALL, call=call_id))
        return s

    def from_source(self, source: str) -> list[str]:
        """The active calls that the adapter `source` reported."""
        return [cid for cid, src in self._sources.items()
                if src == source and cid in self.sessions and self.sessions[cid].active]

    def add(self, ev: CallEvent) -> CallSession | None:
        """Register the new call `ev` starts; None if it is a repeat of an active one (same id).
        An id already used by an ended call is refused."""
        call_id = ev.call_id or safe_call_id(None)
        existing = self.sessions.get(call_id)
        if existing and existing.active:
            return None
        if existing or call_id in self._ended_ids:
            raise EventError(Text(QT_TRANSLATE_NOOP("core", "call id '{call}' was already used for an ended call"),
                                  call=call_id))
        s = CallSession(call_id=call_id, direction=ev.direction, number=ev.number, ring_at=ev.at, queue=ev.queue,
                        display_name=ev.display_name)
        self.sessions[call_id] = s
        self._sources[call_id] = ev.source
        if not ev.call_id:
            self._generated.add(call_id)
        return s

    def ended(self, s: CallSession) -> None:
        """`s` has ended: remember its id, and forget the oldest ended calls beyond the bounds."""
        self._ended_ids[s.call_id] = None
        self._ended_ids.move_to_end(s.call_id)
        while len(self._ended_ids) > MAX_ENDED_IDS:
            self._ended_ids.popitem(last=False)
        self._sources.pop(s.call_id, None)
        self._generated.discard(s.call_id)
        gone = [cid for cid, o in self.sessions.items() if not o.active]
        for cid in gone[:max(0, len(gone) - MAX_ENDED)]:
            del self.sessions[cid]

    # -- which call ----------------------------------------------------------
    def find(self, ev: CallEvent) -> CallSession:
        """The active call an event is about: by id; else by number (hooks like MicroSIP's pass only the
        number); else the only active call. Never a guess: with several calls and nothing to tell them
        apart the event is refused. An agent action (pause, bookmark, ...) without either goes to the one
        call the agent is talking on, when exactly one is not on hold."""
        if ev.call_id:
            return self.active_by_id(ev.call_id)
        active = self.active()
        if ev.number:
            same = [s for s in active if s.number == ev.number]
            if len(same) == 1:
                return same[0]
            if not same:
                raise EventError(Text(QT_TRANSLATE_NOOP("core", "no active call with number {number}"),
                                      number=redact_number(ev.number)))
            raise EventError(Text(QT_TRANSLATE_NOOP("core", "{count} active calls have the number {number}: pass "
                                                            "--call-id ID"),
                                  count=len(same), number=redact_number(ev.number)))
        if not active:
            raise EventError(Text(QT_TRANSLATE_NOOP("core", "'{event}' needs an active call, and there is none"),
                                  event=ev.kind.value))
        if len(active) == 1:
            return active[0]
        if ev.kind not in SOFTPHONE_KINDS:
            on_line = [s for s in active if s.pause_reason not in ON_LINE_EXCLUDED]
            if len(on_line) == 1:
                return on_line[0]
        raise EventError(Text(WHICH_CALL, count=len(active), event=ev.kind.value))

    def existing(self, ev: CallEvent) -> CallSession | None:
        """For incoming/outgoing/ringing/answered: the active call this event repeats or continues, or None
        for a new call. Without an id the number decides; without either, only an unambiguous match."""
        active = self.active()
        if ev.call_id:
            s = self.sessions.get(ev.call_id)
            return s if s is not None and s.active else None
        if ev.number:
            same = [s for s in active if s.number == ev.number]
            return same[-1] if same else None
        if ev.kind == EventKind.ANSWERED:
            ringing = [s for s in active if s.state == State.RINGING]
            if len(ringing) == 1:
                return ringing[0]
            if len(ringing) > 1 or len(active) > 1:
                raise EventError(Text(WHICH_CALL, count=len(ringing) or len(active), event=ev.kind.value))
            return active[0] if active else None       # a repeated answer (cmdCallAnswer and cmdCallStart)
        # Anonymous and no id: a repeat of a ringing call that had neither (the same hook fired twice).
        anon = [s for s in active if s.state == State.RINGING and s.number is None and s.call_id in self._generated
                and (ev.kind == EventKind.RINGING or s.direction == ev.direction)]
        return anon[-1] if anon else None

    def late(self, ev: CallEvent, window_s: float) -> CallSession | None:
        """An ended call that this event (with no id) repeats: same number, or any call if none is given."""
        if ev.call_id:
            return None
        for s in reversed(list(self.sessions.values())):
            if not s.active and s.end_at and (ev.at - s.end_at).total_seconds() < window_s \
                    and (ev.number is None or s.number == ev.number):
                return s
        return None

    def duplicate_end(self, ev: CallEvent) -> str | None:
        """'ended' (or 'transferred') for a call that has ended already (its id): nothing to do, no error."""
        if ev.call_id:
            s = self.sessions.get(ev.call_id)
            if s is not None:
                return None if s.active else s.call_id
            return ev.call_id if ev.call_id in self._ended_ids else None
        if any(s.active and (ev.number is None or s.number == ev.number) for s in self.sessions.values()):
            return None
        late = self.late(ev, LATE_ENDED_S)
        return late.call_id if late else None

    def late_answer(self, ev: CallEvent) -> str | None:
        """'answered' without an id, for no active call but one that ended moments ago: a late repeat."""
        if ev.call_id or self.existing(ev) is not None:
            return None
        late = self.late(ev, LATE_ANSWER_S)
        return late.call_id if late else None
