"""The normalised call-event model every softphone adapter maps onto.

Adapters differ wildly (hook commands, TCP event streams, WebSockets); the
controller only ever sees these events, so a bug in one adapter cannot change
what recording means.
"""
from __future__ import annotations

import enum
import hashlib
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone

from taltio.domain.texts import QT_TRANSLATE_NOOP, Text


class EventError(ValueError):
    """An event that cannot be acted on; the message is shown to a person as is."""


class EventKind(str, enum.Enum):
    INCOMING = "incoming"       # ringing, customer calls in
    OUTGOING = "outgoing"       # agent dialled
    RINGING = "ringing"         # the far end rings (an outgoing call); changes nothing but is seen
    ANSWERED = "answered"       # media flows
    ENDED = "ended"
    TRANSFERRED = "transferred" # the agent's leg ends; the customer talks to someone else now
    HOLD = "hold"               # this call is on hold: not captured until it is taken back
    UNHOLD = "unhold"
    # Agent actions that a hook or desktop shortcut can also trigger.
    PRIVATE = "private"
    PAUSE = "pause"
    RESUME = "resume"
    NOTICE_GIVEN = "notice-given"
    DECLINED = "declined"
    BOOKMARK = "bookmark"
    NEXT_PRIVATE = "next-private"   # before dialling: the next call is private


# `CallEvent(EventKind.ENDED, call_id, source=..., label=SOFTPHONE_LOST, at=<when it was last seen>)`:
# the adapter lost its softphone mid-call (crash, killed, unreachable past its timeout). The recording
# is kept and uploaded with the manifest outcome "interrupted" and a "softphone_lost" transition.
SOFTPHONE_LOST = "softphone-lost"

SOFTPHONE_KINDS = {EventKind.INCOMING, EventKind.OUTGOING, EventKind.RINGING, EventKind.ANSWERED, EventKind.ENDED,
                   EventKind.TRANSFERRED, EventKind.HOLD, EventKind.UNHOLD}

# Call ids end up in object keys and file names, so they are restricted to a
# safe alphabet; anything else (SIP Call-IDs contain '@' and more) is hashed.
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,80}$")
_NUMBER = re.compile(r"^\+?[0-9*#]{1,32}$")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def iso(ts: datetime | None) -> str | None:
    return ts.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z") if ts else None


def parse_iso(value: str) -> datetime:
    """The inverse of iso(): manifests and journals write UTC with a trailing Z."""
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def safe_call_id(raw: str | None) -> str:
    """Turn a softphone's call id into one that is safe as a file and object name."""
    if not raw:
        return uuid.uuid4().hex
    # fullmatch: re's "$" also matches before a final newline, which would let "id\n" through as safe.
    if _SAFE_ID.fullmatch(raw) and raw not in (".", ".."):
        return raw
    # surrogatepass: a JSON "\ud800" or a non-UTF-8 argv byte (surrogateescape) is a lone surrogate,
    # which plain UTF-8 cannot encode; it still hashes to a stable, safe id.
    return "h" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def normalise_number(raw: str | None) -> str | None:
    """Extract the dialable number from a SIP URI or a hook argument.

    Returns None for anonymous callers; raises EventError for something that is
    clearly not a number, because a wrong number in a manifest is worse than none.
    """
    if raw is None or raw == "":
        return None
    s = raw.strip()
    m = re.match(r"^(?:sips?:|tel:)?([^@;>]+)", s.strip("<>"))
    if m:
        s = m.group(1)
    s = re.sub(r"[\s().-]", "", s)
    if s.lower() in ("anonymous", "unknown", "restricted"):
        return None
    if not _NUMBER.match(s):
        msg = QT_TRANSLATE_NOOP("core", "'{value}' is not a phone number (digits, optional leading +)")
        raise EventError(Text(msg, value=_redact(raw)))
    return s


def _redact(value: str) -> str:
    return value if len(value) <= 4 else value[:2] + "…" + value[-2:]


def redact_number(number: str | None) -> str:
    """Numbers are personal data: logs only ever get the last three digits."""
    if not number:
        return "-"
    return "…" + number[-3:]


@dataclass(frozen=True)
class CallEvent:
    kind: EventKind
    call_id: str | None = None          # None: "the current call"
    number: str | None = None
    direction: str | None = None        # "incoming" / "outgoing" when known
    source: str = "hook"                # which adapter produced it
    at: datetime = field(default_factory=utcnow)
    label: str | None = None            # bookmark label, or the reason for a private mark
    queue: str | None = None            # the contact-centre queue (service line), when the softphone knows it
    display_name: str | None = None     # the caller's name as the softphone shows it (personal data: never logged)

    @staticmethod
    def parse(kind: str, call_id: str | None = None, number: str | None = None,
              source: str = "hook", direction: str | None = None, label: str | None = None,
              queue: str | None = None, display_name: str | None = None) -> "CallEvent":
        try:
            k = EventKind(kind)
        except ValueError:
            raise EventError(Text(QT_TRANSLATE_NOOP("core", "unknown event '{event}'; expected one of: {events}"),
                                  event=kind[:40], events=", ".join(e.value for e in EventKind))) from None
        if k == EventKind.INCOMING:
            direction = "incoming"
        elif k == EventKind.OUTGOING:
            direction = "outgoing"
        from taltio.domain.rules import clean_label

        if not all(v is None or isinstance(v, str) for v in (call_id, number)):
            raise EventError(Text(QT_TRANSLATE_NOOP("core", "a call id or number must be text")))
        for value in (label, queue, display_name):
            if value is not None and not isinstance(value, str):
                raise EventError(Text(QT_TRANSLATE_NOOP("core", "a label, reason or queue must be text")))
        return CallEvent(kind=k, call_id=safe_call_id(call_id) if call_id else None,
                         number=normalise_number(number), direction=direction, source=source,
                         label=clean_label(label), queue=clean_label(queue, limit=64),
                         display_name=clean_label(display_name, limit=80))
