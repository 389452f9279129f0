"""verify's checks on the times a manifest signs: the notice came first, and the call's day is the day
folder it is stored under. Apart from verify.py only to keep each module short."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Protocol

from taltio.admin.store import CallRef
from taltio.domain.events import parse_iso


class Checks(Protocol):
    def add(self, name: str, ok: bool, reason: str) -> bool: ...


def quoted(value: Any, limit: int = 80) -> str:
    """A manifest value quoted in a reason: repr-style, and cut, so a 5,000-digit field stays a short line."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"


def when(times: dict, name: str) -> datetime | None:
    """A signed time, which must say its zone: a naive one cannot be ordered against the others."""
    value = times.get(name)
    if not (isinstance(value, str) and value):
        return None
    at = parse_iso(value)
    if at.tzinfo is None:
        raise ValueError(f"times.{name} {quoted(value)} has no time zone (Z or +HH:MM)")
    return at


def notice(doc: dict, rep: Checks) -> None:
    """The customer must have been told before the recording began (or, on_answer, at the answer)."""
    if not doc.get("audio"):
        rep.add("notice", True, "no audio was recorded")
        return
    times, given_notice = doc.get("times") or {}, doc.get("notice") or {}
    try:
        start = when(times, "recording_start")
        given = when(times, "notice_given")
        source = "times.notice_given"
        if given is None and given_notice.get("mode") == "on_answer":
            given, source = when(times, "answer"), "times.answer (notice mode on_answer)"
    except ValueError as exc:
        rep.add("notice", False, f"a time in the manifest is not ISO 8601 ({exc})")
        return
    if start is None:
        rep.add("notice", False, "the manifest has audio but no times.recording_start")
    elif given is None:
        rep.add("notice", False, "the manifest records no notice time (times.notice_given) before the recording")
    elif given > start:
        rep.add("notice", False, f"the notice ({source} {given.isoformat()}) is after the recording started "
                                 f"({start.isoformat()})")
    else:
        rep.add("notice", True, f"{source} {given.isoformat()} is not after recording_start {start.isoformat()}")


def day(ref: CallRef, doc: dict, rep: Checks) -> None:
    """The agent files a call under the UTC day it rang (or was answered): a signed manifest copied
    into another day's folder is not that day's call (issue 19.1). A call with neither time was filed
    when it was sealed, which the manifest does not sign: then only the format is checked."""
    times = doc.get("times") or {}
    try:
        first = when(times, "ring") or when(times, "answer")
    except ValueError as exc:
        rep.add("day", False, f"a time in the manifest is not ISO 8601 ({exc})")
        return
    if first is None:
        rep.add("day", True, f"'{ref.day}' (no ring or answer time to compare: filed when sealed)")
        return
    signed = first.astimezone(timezone.utc).strftime("%Y/%m/%d")
    source = "times.ring" if times.get("ring") else "times.answer"
    rep.add("day", signed == ref.day, f"'{ref.day}' as {source} says" if signed == ref.day
            else f"the manifest's {source} is on {signed} (UTC), the folder it sits under is '{ref.day}'")
