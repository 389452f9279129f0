"""The status model: what the agent is told about recording right now, decided once for every front end.

`decide` turns the facts (configuration, the current call, the upload queue, the softphone, policies)
into a `StatusLine`: a status kind, a message key with its parameters, and detail items. The tray
translates the keys (ui/app.py holds the same sentences in tr()); the headless runner and
`taltio status` use the English below. The decision itself exists only here.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable

from taltio.domain.events import parse_iso
from taltio.domain.ports import QueueStatus
from taltio.domain.session import CallView

#: A message key -> its English text. "%n" is the plural count (Qt's convention), "{x}" a parameter.
#: "message" carries a core.texts.Text (or plain text) as it is.
ENGLISH: dict[str, str] = {
    "message": "{message}",
    "config_error": "Not recording: configuration problem",
    "starting": "Starting: not recording yet",
    "switched_off": "Recording is switched off by your organisation",
    "call_private": "Private call: NOT recorded",
    "call_declined": "Customer declined: NOT recorded",
    "call_failed": "Recording failed",
    "recording": "Recording call {number} ({seconds} s)",
    "on_hold": "Call on hold: nothing is recorded",
    "call_waiting": "Call waiting: nothing is recorded",
    "paused": "Paused {time}: nothing is recorded",
    "notice": "Call active: read the notice; not recording yet",
    "next_private": "Next call is private: it will not be recorded",
    "last_private": "Last call was private: not recorded",
    "last_declined": "Last call declined: not recorded",
    "waiting_unreachable": "%n recording(s) waiting: storage unreachable",
    "uploading": "Uploading %n recording(s)",
    "standalone": "Standalone: recordings stay on this computer",
    "ready": "Ready: no call",
    # detail items
    "softphone": "softphone: {state}",
    "backlog": "%n recording(s) waiting for upload",
    "oldest": "(oldest {age})",
    "upload_error": "last upload error: {error}",
    "policy_refused": "a supervisor policy was refused: {reason}",
    "policy_expired": "the policy {targets} has expired; it stays in force until a new version is published",
    "saved_to": "Saved to {place}",
}

Item = tuple[str, dict[str, Any]]


@dataclass(frozen=True)
class Facts:
    config_error: str | None = None
    starting: bool = False                   # the tray is up, the core (keys, storage, recorder) not yet
    enabled: bool = True
    view: CallView | None = None             # the current call, if any
    queue: QueueStatus | None = None
    behind: Any = None                       # the backlog warning (core.texts.Text), if any
    next_private: bool = False
    recent: str | None = None                # a call just ended with this outcome
    standalone: bool = False
    storage: str = ""
    softphone: str = ""
    softphone_passive: bool = False          # the hook adapter: nothing to be connected to
    last_error: str = ""
    policy_refusal: Any = None
    policy_expired: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StatusLine:
    status: str                              # idle, recording, paused, notice, private, declined, warning, …
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    detail: list[Item] = field(default_factory=list)


def _detail(f: Facts) -> list[Item]:
    out: list[Item] = []
    st = f.softphone or ""
    if not (f.softphone_passive or st.startswith("connected") or st in ("not started", "stopped", "")):
        out.append(("softphone", {"state": st}))
    q = f.queue
    if q is not None and q.pending:
        out.append(("backlog", {"n": q.pending}))
        out.append(("oldest", {"age": backlog_age(q.oldest_age_s or 0)}))
    if q is not None and q.last_error:
        out.append(("upload_error", {"error": q.last_error}))
    if f.last_error:
        out.append(("message", {"message": f.last_error}))
    if f.policy_refusal is not None:
        out.append(("policy_refused", {"reason": f.policy_refusal}))
    elif f.policy_expired:
        out.append(("policy_expired", {"targets": ", ".join(f.policy_expired)}))
    return out


def backlog_age(seconds: float) -> str:
    """The oldest waiting call's age, in seconds only for the first minute: a status that counts seconds
    needs a wake-up every second, and for a backlog the minutes are what the agent acts on."""
    age = int(seconds)
    if age < 60:
        return f"{age} s"
    if age < 3600:
        return f"{age // 60} min"
    return f"{age // 3600} h {age % 3600 // 60} min"


def next_change_s(f: Facts) -> float | None:
    """Seconds until the status decided from *f* changes with nothing happening, None if it never does.

    Every change with a cause (a call's events, the queue, the softphone, a policy) reaches the front end
    as an event; what changes by itself is a call's running time (the front end ticks while a call is up),
    the backlog's age (above: each second for the first minute, then each minute) and the "last call was
    private" note (the front end knows when it noted that). So an idle app without a backlog sleeps.
    """
    q = f.queue
    if f.config_error or f.view is not None or q is None or not q.pending:
        return None
    age = q.oldest_age_s or 0.0
    step = 1.0 if age < 60 else 60.0
    return step - age % step


def _call(f: Facts, detail: list[Item]) -> StatusLine:
    v = f.view
    assert v is not None
    if v.outcome == "private":
        return StatusLine("private", "call_private", detail=detail)
    if v.outcome == "declined":
        return StatusLine("declined", "call_declined", detail=detail)
    if v.outcome == "failed":
        return StatusLine("error", "call_failed", detail=[("message", {"message": v.error})] if v.error else detail)
    if v.warnings and v.state in ("recording", "paused"):
        # Device lost or one side silent: the agent must see it now, not after the call.
        first, *rest = v.warnings
        return StatusLine("warning", "message", {"message": first},
                          [("message", {"message": w}) for w in rest] + detail)
    if v.state == "recording":
        return StatusLine("recording", "recording", {"number": v.number_hint, "seconds": int(v.recorded_s)},
                          detail)
    if v.state == "paused":
        if v.pause_reason == "hold":
            return StatusLine("paused", "on_hold", detail=detail)
        if v.pause_reason == "other_call":
            return StatusLine("paused", "call_waiting", detail=detail)
        since = v.paused_since
        held = int(time.time() - parse_iso(since).timestamp()) if since else 0
        return StatusLine("paused", "paused", {"time": f"{held // 60}:{held % 60:02d}"}, detail)
    return StatusLine("notice", "notice", detail=detail)


def decide(f: Facts) -> StatusLine:
    if f.config_error:
        return StatusLine("error", "config_error", detail=[("message", {"message": f.config_error})])
    if f.starting:
        return StatusLine("idle", "starting")
    if not f.enabled and f.view is None:
        return StatusLine("idle", "switched_off")
    detail = _detail(f)
    if f.view is not None:
        return _call(f, detail)
    if f.next_private:
        return StatusLine("private", "next_private", detail=detail)
    if f.recent in ("private", "declined"):
        return StatusLine(f.recent, f"last_{f.recent}", detail=detail)
    if f.behind is not None:
        return StatusLine("warning", "message", {"message": f.behind}, detail)
    q = f.queue
    if q is not None and q.pending:
        key = "waiting_unreachable" if q.last_error else "uploading"
        return StatusLine("error" if q.last_error else "uploading", key, {"n": q.pending}, detail)
    if f.standalone:
        return StatusLine("standalone", "standalone", detail=[("saved_to", {"place": f.storage}), *detail])
    return StatusLine("idle", "ready", detail=detail)


def render(key: str, params: dict[str, Any], templates: dict[str, str] = ENGLISH) -> str:
    text = templates[key]
    if "n" in params:
        text = text.replace("%n", str(params["n"]))
    return text.format(**{k: str(v) for k, v in params.items()})


def texts(line: StatusLine, text: Callable[[str, dict[str, Any]], str]) -> tuple[str, str]:
    """(text, detail) of a status line through *text* (key, params) -> sentence; a detail's backlog count
    and its oldest age read as one item. Every front end renders through this, in its own language."""
    parts: list[str] = []
    for key, params in line.detail:
        s = text(key, params)
        if key == "oldest" and parts:
            parts[-1] += " " + s
        else:
            parts.append(s)
    return text(line.key, line.params), "; ".join(parts)


def render_english(line: StatusLine) -> tuple[str, str]:
    """(text, detail) in English: logs, and `taltio status` from the headless runner."""
    return texts(line, render)
