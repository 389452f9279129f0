"""The organisation's call rules, applied to the controller's calls.

Private (the agent's mark, "next call is private", always/never-private numbers, the per-day limit and
the required reason), declined, pauses (card data, hold, another call taken), the pause reminder and
maximum, the notice language and text, and the upload-quota stop. The rules (domain.rules.CallRules)
come from the settings; a call keeps the rules it began with.

Every method is called with the controller's lock held and changes only memory, the call's journal
and the local audit log; capture itself is the recorder's.
"""
from __future__ import annotations

import errno
import json
import logging
import shutil
from datetime import datetime
from typing import TYPE_CHECKING

from taltio.domain.events import CallEvent, EventError, iso, parse_iso
from taltio.domain.notices import LANGUAGES, digest, pick_language
from taltio.domain.rules import CallRules, backlog_warning, number_matches
from taltio.domain.session import CallSession, Outcome, State
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text, os_error

if TYPE_CHECKING:
    from taltio.recording.controller import Controller

log = logging.getLogger("taltio.controller")

ALWAYS_PRIVATE = "number on the organisation's always-private list"
# Less free than this where the calls are kept: the disk is full for recording (a few minutes of a call's
# segments and final file). Below the queue quota too: the disk, not the quota, is then the limit.
DISK_FULL_BYTES = 1 << 20
NEXT_PRIVATE_DEFAULT = "marked private before the call"


def _mmss(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 60}:{s % 60:02d}"


def check_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise EventError(Text(QT_TRANSLATE_NOOP("core", "unknown language '{language}'; use one of {languages}"),
                              language=lang[:8], languages=", ".join(LANGUAGES)))


class RuleBook:
    def __init__(self, ctl: "Controller") -> None:
        self.ctl = ctl
        self._at_start: dict[str, CallRules] = {}    # call id -> the rules when it began

    @property
    def rules(self) -> CallRules:
        return self.ctl.rules

    def rules_for(self, s: CallSession) -> CallRules:
        """The rules in force when the call began: a policy arriving mid-call applies to the next one."""
        return self._at_start.get(s.call_id, self.rules)

    def forget(self, call_id: str) -> None:
        self._at_start.pop(call_id, None)

    # -- a new call ------------------------------------------------------------
    def new_call(self, s: CallSession, ev: CallEvent) -> None:
        """The notice language, the policy versions, and private by number or by "next call is private"."""
        r = self.rules
        s.policy_versions = dict(self.ctl.policy_versions)
        self._at_start[s.call_id] = r
        s.notice_language = pick_language(ev.number, r.language_rules, r.default_language, queue=ev.queue)
        if number_matches(ev.number, r.always_private):
            self.mark_private(s, ALWAYS_PRIVATE)
        elif self.ctl.next_private:
            reason, self.ctl.next_private = self.ctl.next_private, None
            self.mark_private(s, reason)

    def notice_digest(self, s: CallSession) -> str:
        """SHA-256 of the notice text shown in the call's language (the texts of the rules it began with)."""
        return digest(self.rules_for(s).notice_texts.get(s.notice_language, ""))

    # -- private and declined ----------------------------------------------------
    def private(self, s: CallSession, reason: str | None) -> None:
        if s.outcome == Outcome.PRIVATE:
            return
        self.private_allowed(s.number, reason)
        self.mark_private(s, reason)

    def mark_private(self, s: CallSession, reason: str | None) -> None:
        s.mark_private(reason=reason)
        self.ctl._journal(s)      # first, so a crash right now still honours the mark
        self.discard_audio(s)
        self.ctl.queue.audit(s.call_id, "private-marked", json.dumps({"reason": reason}))
        log.info("call %s marked private; nothing of it is kept", s.call_id)

    def declined(self, s: CallSession) -> None:
        s.decline()
        self.ctl._journal(s)
        self.discard_audio(s)

    def discard_audio(self, s: CallSession) -> None:
        rec = self.ctl.recorders.pop(s.call_id, None)
        if rec:
            rec.destroy()

    def private_allowed(self, number: str | None, reason: str | None) -> None:
        r = self.rules
        if not r.allow_private:
            raise EventError(Text(QT_TRANSLATE_NOOP("core", "your organisation does not allow marking calls private; every call is recorded")))
        if number_matches(number, r.never_private):
            raise EventError(Text(QT_TRANSLATE_NOOP("core", "this number is a business line: its calls cannot be marked private")))
        if r.private_reason_required and not reason:
            raise EventError(Text(QT_TRANSLATE_NOOP("core", "give a short reason to mark this call private (taltio hook private --reason TEXT)")))
        if r.max_private_per_day:
            used = self.private_marks_today()
            if used >= r.max_private_per_day:
                raise EventError(Text(QT_TRANSLATE_NOOP("core", "you have marked {count} calls private today, the most your organisation allows"), count=used))

    def private_marks_today(self) -> int:
        midnight = datetime.now().astimezone().replace(hour=0, minute=0, second=0, microsecond=0).timestamp()
        return len(self.ctl.queue.audit_rows("private-marked", since=midnight))

    def next_private(self, reason: str | None) -> str:
        """The agent marks the next call private before it starts; returns the reason kept."""
        self.private_allowed(None, reason)
        self.ctl.next_private = reason or NEXT_PRIVATE_DEFAULT
        return self.ctl.next_private

    # -- pauses, hold and several calls at once ------------------------------------
    def pause(self, s: CallSession, reason: str) -> None:
        rec = self.ctl.recorders.get(s.call_id)
        s.pause(rec.offset_s if rec else 0.0, reason=reason)
        if rec:
            rec.pause()

    def resume(self, s: CallSession, auto: bool = False) -> None:
        s.resume(auto=auto)
        self.ctl.warnings.get(s.call_id, {}).pop("pause", None)
        rec = self.ctl.recorders.get(s.call_id)
        if rec:
            rec.resume()

    def hold(self, s: CallSession, ev: CallEvent) -> None:
        if s.state == State.RECORDING and self.rules_for(s).pause_on_hold:
            self.pause(s, "hold")
        else:
            # recording.on_hold = "continue" (or not recording): the hold is noted, capture goes on.
            s.holds.append({"start": iso(ev.at), "end": None})

    def unhold(self, s: CallSession, ev: CallEvent) -> list[CallSession]:
        others = self.hold_others(s)
        if s.holds and s.holds[-1]["end"] is None:
            s.holds[-1]["end"] = iso(ev.at)
        if s.pause_reason in ("hold", "other_call"):
            self.resume(s)
        return others

    def hold_others(self, s: CallSession) -> list[CallSession]:
        """Only the call the agent is talking on is captured: taking one holds the others' recording."""
        held = []
        for o in self.ctl.sessions.values():
            if o is not s and o.state == State.RECORDING:
                self.pause(o, "other_call")
                held.append(o)
        return held

    def take_back_after(self, ended: CallSession) -> list[CallSession]:
        """A call held because another was taken resumes when that other one ends (call waiting)."""
        sessions = self.ctl.sessions.values()
        if any(o.state == State.RECORDING for o in sessions):
            return []
        waiting = [o for o in sessions if o.active and o.pause_reason == "other_call"]
        if not waiting:
            return []
        back = waiting[-1]
        self.resume(back)
        return [back]

    def pause_timers(self, now: datetime) -> list[CallSession]:
        """Pause reminders and the maximum pause: a forgotten pause must not eat the rest of the call."""
        changed = []
        r = self.rules
        for s in list(self.ctl.sessions.values()):
            if s.pause_reason != "agent":
                continue
            paused_s = (now - parse_iso(s.pauses[-1]["start"])).total_seconds()
            warnings = self.ctl.warnings[s.call_id]
            if r.max_pause_s and paused_s >= r.max_pause_s:
                self.resume(s, auto=True)
                self.ctl._journal(s)
                log.warning("call %s: pause reached %.0f s; recording resumed", s.call_id, r.max_pause_s)
                changed.append(s)
            elif r.pause_reminder_s and paused_s >= r.pause_reminder_s and "pause" not in warnings:
                warnings["pause"] = Text(
                    QT_TRANSLATE_NOOP("core", "Paused for {paused}: resume when the card details are done; recording resumes by itself at {limit}"),
                    paused=_mmss(r.pause_reminder_s), limit=_mmss(r.max_pause_s)) if r.max_pause_s else Text(
                    QT_TRANSLATE_NOOP("core", "Paused for {paused}: resume when the card details are done"),
                    paused=_mmss(r.pause_reminder_s))
                changed.append(s)
        return changed

    # -- the upload backlog and the disk ---------------------------------------------------
    def disk_free(self) -> int | None:
        """Bytes free on the disk that holds the calls (None if it cannot be told). Before the first call
        the calls folder may not exist yet: the data dir holding it is on the same disk."""
        for where in (self.ctl.calls_dir, self.ctl.calls_dir.parent):
            try:
                return shutil.disk_usage(where).free
            except OSError:
                continue
        return None

    def disk_full(self) -> Text | None:
        """The disk is full (or an ended call waits for room to be saved): what the agent is told."""
        free = self.disk_free()
        if (free is None or free >= DISK_FULL_BYTES) and not self.ctl.unfinished:
            return None
        return Text(QT_TRANSLATE_NOOP("core", "This computer's disk is full ({free} KB free): recordings cannot "
                                              "be saved until disk space is freed"),
                    free=(free or 0) // 1024)

    def queue_full(self) -> Text | None:
        r = self.rules
        if not r.stop_when_queue_full:
            return None
        free = self.disk_free()
        if free is not None and free < DISK_FULL_BYTES:
            return Text(QT_TRANSLATE_NOOP("core", "Not recording: this computer's disk is full ({free} KB free); "
                                                  "recording resumes when disk space is freed"),
                        free=free // 1024)
        if not r.queue_quota_bytes:
            return None
        st = self.ctl.queue.status()
        if st.pending_bytes < r.queue_quota_bytes:
            return None
        return Text(QT_TRANSLATE_NOOP("core", "Not recording: the calls waiting for upload fill this computer's "
                                              "quota ({used} of {quota} MB); recording resumes when uploads make "
                                              "room: check the network"),
                    used=st.pending_bytes // 2**20, quota=r.queue_quota_bytes // 2**20)


def backlog_text(r: CallRules, st) -> Text | None:  # noqa: ANN001 - QueueStatus
    """What the agent should know about the upload backlog `st` (the thresholds are the organisation's)."""
    if r.queue_quota_bytes and st.pending_bytes >= 0.9 * r.queue_quota_bytes:
        then = Text(QT_TRANSLATE_NOOP("core", "new calls will not be recorded when it is full")) \
            if r.stop_when_queue_full else Text(QT_TRANSLATE_NOOP("core", "recording continues"))
        return Text(QT_TRANSLATE_NOOP("core", "Upload queue nearly full: {used} of {quota} MB wait for upload; "
                                              "{then}"),
                    used=st.pending_bytes // 2**20, quota=r.queue_quota_bytes // 2**20, then=then)
    age = st.oldest_age_s or 0.0
    if st.pending and backlog_warning(st.pending, age, r.backlog_warn_count or 2**31,
                                      r.backlog_warn_s / 3600 if r.backlog_warn_s else float("inf")):
        return Text(QT_TRANSLATE_NOOP("core", "Uploads are behind: {count} calls waiting, the oldest for "
                                              "{age}; check the network"),
                    count=st.pending, age=f"{int(age // 3600)} h {int(age % 3600 // 60)} min")
    return None


def seal_warning(exc: OSError) -> Text:
    """The call's warning while its audio cannot be saved (the sealer fails; the bytes wait in memory)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return Text(QT_TRANSLATE_NOOP("core", "Cannot save this call's audio: the disk is full. It is kept in "
                                              "memory until there is room: free disk space now"))
    return Text(QT_TRANSLATE_NOOP("core", "Cannot save this call's audio ({error}): it is kept in memory until "
                                          "it can be saved"), error=os_error(exc))


def device_warning(kind: str, info: dict, has_fallback: bool, one_sided_after_s: float) -> tuple[str, Text | None]:
    """The warning a capture event sets (key, text) or clears (key, None); ("", None) for none."""
    agent = info["channel"] == "agent"
    side = Text(QT_TRANSLATE_NOOP("core", "your microphone")) if agent \
        else Text(QT_TRANSLATE_NOOP("core", "the customer's side"))
    key = info["channel"] + ":device"
    if kind == "device_lost":
        then = Text(QT_TRANSLATE_NOOP("core", "switching to the fallback device")) \
            if has_fallback else Text(QT_TRANSLATE_NOOP("core", "waiting for it to return"))
        return key, Text(QT_TRANSLATE_NOOP("core", "Not hearing {side}: '{device}' stopped ({cause}); {then}"),
                         side=side, device=info["device"], cause=info["cause"], then=then)
    if kind == "device_back" and info.get("fallback"):
        return key, Text(QT_TRANSLATE_NOOP("core", "Hearing {side} through the fallback '{device}' until '{preferred}' returns"), side=side, device=info["device"],
                         preferred=info["preferred"])
    if kind == "device_back":
        return key, None
    if kind == "one_sided":
        text = QT_TRANSLATE_NOOP("core", "Your microphone has been silent for {seconds} s: check the headset and the call") if agent else \
            QT_TRANSLATE_NOOP("core", "The customer has been silent for {seconds} s: check the headset and the call")
        return info["channel"] + ":silent", Text(text, seconds=f"{one_sided_after_s:.0f}")
    if kind == "one_sided_cleared":
        return info["channel"] + ":silent", None
    if kind == "realigned_cleared":
        return info["channel"] + ":timing", None
    if kind == "realigned":
        # Until the side has been in step for REALIGNED_SHOWN_S (realigned_cleared); the manifest keeps it.
        return info["channel"] + ":timing", Text(QT_TRANSLATE_NOOP(
            "core", "The computer is too busy: {side} fell {ms} ms out of step and was lined up again; the "
                    "recording's manifest notes it"), side=side, ms=str(info["ms"]))
    return "", None
