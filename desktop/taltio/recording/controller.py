"""The controller: softphone events and agent actions in, recordings out.

It is the only place that decides whether audio is captured, so every rule
(notice first, private wins, nothing from a pause) is enforced here and in
CallSession, never in the UI. The UI calls its methods and listens to
`listeners`; callbacks may arrive on any thread.
"""
from __future__ import annotations

import json
import logging
import shutil
import threading
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Callable

from taltio.domain.ports import AudioBackend, AudioError, Outbox
from taltio.domain import manifest
from taltio.recording.encoder import codec_label
from taltio.domain.events import (SOFTPHONE_KINDS, SOFTPHONE_LOST, CallEvent, EventError, EventKind, iso, parse_iso,
    redact_number, safe_call_id, utcnow)
from taltio.recording.recorder import CallRecorder
from taltio.domain.notices import LANGUAGES, digest, pick_language
from taltio.domain.rules import CallRules, backlog_warning, clean_label, number_matches
from taltio.domain.files import sha256_file, write_durably
from taltio.domain.session import CallSession, Outcome, State, Transition
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text

NO_SUCH_CALL = QT_TRANSLATE_NOOP("core", "no active call with id '{call}'")
WHICH_CALL = QT_TRANSLATE_NOOP("core", "{count} calls are active and '{event}' does not say which: pass --call-id ID "
                                       "or --number N")
# A repeated or late softphone event without a call id (MicroSIP passes only the number) that matches a
# call ended this recently is a duplicate, not a new call: 'ended' twice, or 'answered' after 'ended'.
LATE_ENDED_S = 30.0
LATE_ANSWER_S = 5.0     # short: a customer who calls back at once must still be a new call

log = logging.getLogger("taltio.controller")

Listener = Callable[[str, dict], None]
JOURNAL = "session.json"


def _mmss(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 60}:{s % 60:02d}"


class Controller:
    def __init__(self, *, calls_dir: Path, queue: Outbox, backend: AudioBackend, recipients: list,
                 signing_key, agent_id: str, workstation_id: str, mic: str, loopback: str,
                 sample_rate: int = 16000, seal_every: float = 1.0, one_sided_after_s: float = 20.0,
                 codec: str = "opus", opus_kbps: int = 28, mic_fallback: str = "",
                 loopback_fallback: str = "", rules: CallRules | None = None) -> None:
        self.calls_dir = calls_dir
        self.queue = queue
        self.backend = backend
        self.recipients = recipients
        self.key = signing_key
        self.agent_id = agent_id
        self.workstation_id = workstation_id
        self.mic = mic
        self.loopback = loopback
        self.fallbacks = (mic_fallback, loopback_fallback)
        self.rate = sample_rate
        self.seal_every = seal_every
        self.one_sided_after_s = one_sided_after_s
        self.codec, self.opus_kbps = codec, opus_kbps
        self.warnings: dict[str, dict[str, str]] = defaultdict(dict)   # call id -> {key: message}
        self.sessions: dict[str, CallSession] = {}
        self.recorders: dict[str, CallRecorder] = {}
        self.listeners: list[Listener] = []
        self._lock = threading.RLock()
        self.last_error: str | None = None
        self.rules = rules or CallRules()
        # The supervisor policies in force ({target: version}) and when they were applied: every
        # manifest carries them, so a recording shows which rules and notice texts applied.
        self.policy_versions: dict[str, int] = {}
        self._rules_at_start: dict[str, CallRules] = {}    # call id -> the rules when it began
        self.policy_rejections: list[dict] = []     # the latest refusal per target, for the heartbeat and tray
        self.next_private: str | None = None     # reason, once the agent marked the next call private
        self.pending_staff_ack: dict | None = None   # goes into the next manifest
        self._generated: set[str] = set()    # call ids made up here (the softphone passed none)
        self._sources: dict[str, str] = {}   # call id -> the adapter that reported it (for adapter_lost)

    # -- notifications -----------------------------------------------------
    def _emit(self, kind: str, payload: dict) -> None:
        for cb in list(self.listeners):
            try:
                cb(kind, payload)
            except Exception:  # noqa: BLE001
                log.exception("listener failed")

    def _changed(self, s: CallSession) -> None:
        self._emit("session", self.view(s))

    def error(self, message: str, call_id: str | None = None) -> None:
        self.last_error = message
        log.error("%s", message)
        self._emit("error", {"message": message, "call_id": call_id})

    def view(self, s: CallSession) -> dict:
        rec = self.recorders.get(s.call_id)
        return {"call_id": s.call_id, "state": s.state.value, "outcome": s.outcome.value,
                "direction": s.direction, "number_hint": redact_number(s.number),
                "recorded_s": rec.offset_s if rec else 0.0, "error": s.error,
                "warnings": list(self.warnings.get(s.call_id, {}).values()),
                "paused_since": s.pauses[-1]["start"] if s.state == State.PAUSED else None,
                "pause_reason": s.pause_reason, "notice_mode": s.notice_mode, "language": s.notice_language,
                "notice_given": s.notice_at is not None, "bookmarks": [dict(b) for b in s.bookmarks],
                "recording_since": s.record_start_at.timestamp() if s.record_start_at else None}

    def snapshot(self) -> dict:
        with self._lock:
            calls = [self.view(s) for s in self.sessions.values() if s.active]
        st = self.queue.status()
        return {"calls": calls, "queue": {"pending": st.pending, "oldest_age_s": st.oldest_age_s,
                                          "last_error": st.last_error, "uploading": st.uploading},
                "last_error": self.last_error, "next_private": self.next_private is not None,
                "private_today": self.private_marks_today(), "policy": dict(self.policy_versions),
                "policy_refused": list(self.policy_rejections)}

    def set_devices(self, mic: str, loopback: str, mic_fallback: str = "", loopback_fallback: str = "") -> None:
        """New device choice (from the settings page); applies from the next recording on."""
        with self._lock:
            self.mic, self.loopback = mic, loopback
            self.fallbacks = (mic_fallback, loopback_fallback)

    # -- lookup --------------------------------------------------------------
    def current(self) -> CallSession | None:
        """The call the agent is on: not one on hold or waiting, unless there is no other."""
        active = [s for s in self.sessions.values() if s.active]
        if not active:
            return None
        on_line = [s for s in active if s.pause_reason not in ("hold", "other_call")]
        return (on_line or active)[-1]

    def _find(self, ev: CallEvent) -> CallSession:
        """The active call an event is about: by id; else by number (hooks like MicroSIP's pass only the
        number); else the only active call. Never a guess: with several calls and nothing to tell them
        apart the event is refused. An agent action (pause, bookmark, ...) without either goes to the one
        call the agent is talking on, when exactly one is not on hold."""
        if ev.call_id:
            s = self.sessions.get(ev.call_id)
            if s is None or not s.active:
                raise EventError(Text(NO_SUCH_CALL, call=ev.call_id))
            return s
        active = [s for s in self.sessions.values() if s.active]
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
            on_line = [s for s in active if s.pause_reason not in ("hold", "other_call")]
            if len(on_line) == 1:
                return on_line[0]
        raise EventError(Text(WHICH_CALL, count=len(active), event=ev.kind.value))

    def _existing(self, ev: CallEvent) -> CallSession | None:
        """For incoming/outgoing/ringing/answered: the active call this event repeats or continues, or None
        for a new call. Without an id the number decides; without either, only an unambiguous match."""
        active = [s for s in self.sessions.values() if s.active]
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

    def _late(self, ev: CallEvent, window_s: float) -> CallSession | None:
        """An ended call that this event (with no id) repeats: same number, or any call if none is given."""
        if ev.call_id:
            return None
        for s in reversed(list(self.sessions.values())):
            if not s.active and s.end_at and (ev.at - s.end_at).total_seconds() < window_s \
                    and (ev.number is None or s.number == ev.number):
                return s
        return None

    def _duplicate_end(self, ev: CallEvent) -> CallSession | None:
        """'ended' (or 'transferred') for a call that has ended already: nothing to do, and not an error."""
        if ev.call_id:
            s = self.sessions.get(ev.call_id)
            return s if s is not None and not s.active else None
        if any(s.active and (ev.number is None or s.number == ev.number) for s in self.sessions.values()):
            return None
        return self._late(ev, LATE_ENDED_S)

    # -- the event entry point ------------------------------------------------
    def handle(self, ev: CallEvent) -> str:
        """Apply one event. Raises EventError/TransitionError with a one-line reason for bad input."""
        if not self.rules.enabled and not any(s.active for s in self.sessions.values()):
            # IT switched recording off (recording.enabled): calls are not even tracked, so no card
            # asks the agent to read a notice about a recording that will not happen. A call already
            # in progress when the policy arrived is finished normally.
            log.debug("recording is off by machine policy; %s ignored", ev.kind.value)
            return ev.call_id or ""
        if ev.kind == EventKind.NEXT_PRIVATE:
            return self._next_private(ev.label)
        with self._lock:
            if ev.kind in (EventKind.ENDED, EventKind.TRANSFERRED):
                done = self._duplicate_end(ev)
                if done is not None:
                    log.info("call %s: repeated '%s' ignored (the call has ended)", done.call_id, ev.kind.value)
                    return done.call_id
            elif ev.kind == EventKind.ANSWERED and not ev.call_id and self._existing(ev) is None:
                late = self._late(ev, LATE_ANSWER_S)
                if late is not None:
                    log.info("call %s: 'answered' after 'ended' ignored", late.call_id)
                    return late.call_id
        if ev.kind == EventKind.RINGING:
            # The far end rings: the call is already known from 'outgoing' (or starts here if a softphone
            # reports only this); nothing changes for recording.
            with self._lock:
                s = self._existing(ev)
                if s is None:
                    s = self._start_session(CallEvent(EventKind.OUTGOING, ev.call_id, ev.number, "outgoing",
                                                      ev.source, ev.at, queue=ev.queue,
                                                      display_name=ev.display_name))
                    self._journal(s)
            self._changed(s)
            return s.call_id
        others: list[CallSession] = []
        with self._lock:
            if ev.kind in (EventKind.INCOMING, EventKind.OUTGOING):
                s = self._existing(ev) or self._start_session(ev)
            elif ev.kind == EventKind.ANSWERED:
                s = self._existing(ev)
                if s is None:
                    # Hook softphones (MicroSIP cmdCallStart) may report only the answer.
                    s = self._start_session(ev)
                was_ringing = s.state == State.RINGING
                s.answered(ev.at)
                if was_ringing:
                    others = self._hold_others(s)
                    if self.rules.start == "answer" and s.capture_allowed:
                        self._start_recording(s, on_answer=True)
            else:
                s = self._find(ev)
                if ev.kind in (EventKind.ENDED, EventKind.TRANSFERRED):
                    self._end(s, ev)
                    others = self._take_back_after(s)
                elif ev.kind == EventKind.NOTICE_GIVEN:
                    if s.state == State.NOTICE_PENDING:
                        others = self._hold_others(s)
                    self._start_recording(s)
                elif ev.kind == EventKind.PRIVATE:
                    self._private(s, ev.label)
                elif ev.kind == EventKind.DECLINED:
                    self._declined(s)
                elif ev.kind == EventKind.PAUSE:
                    self._pause(s, "agent")
                elif ev.kind == EventKind.RESUME:
                    self._resume(s)
                elif ev.kind == EventKind.HOLD:
                    if s.state == State.RECORDING and self._rules_at_start.get(s.call_id, self.rules).pause_on_hold:
                        self._pause(s, "hold")
                    else:
                        # recording.on_hold = "continue" (or not recording): the hold is noted, capture goes on.
                        s.holds.append({"start": iso(ev.at), "end": None})
                elif ev.kind == EventKind.UNHOLD:
                    others = self._hold_others(s)
                    if s.holds and s.holds[-1]["end"] is None:
                        s.holds[-1]["end"] = iso(ev.at)
                    if s.pause_reason in ("hold", "other_call"):
                        self._resume(s)
                elif ev.kind == EventKind.BOOKMARK:
                    rec = self.recorders.get(s.call_id)
                    s.bookmark(rec.offset_s if rec else 0.0, ev.label or "agreement")
            if s.active:
                # An ended call was journaled in _end before its folder went to the upload queue,
                # whose worker may already be deleting it: writing again here raced with that.
                self._journal(s)
            for o in others:
                self._journal(o)
        for o in others:
            self._changed(o)
        self._changed(s)
        return s.call_id

    # -- notice language and the staff notice ----------------------------------
    def set_language(self, call_id: str, lang: str) -> None:
        """The agent switched the notice card's language (one click)."""
        if lang not in LANGUAGES:
            raise EventError(Text(QT_TRANSLATE_NOOP("core", "unknown language '{language}'; use one of {languages}"),
                                  language=lang[:8], languages=", ".join(LANGUAGES)))
        with self._lock:
            s = self.sessions.get(call_id)
            if s is None or not s.active:
                raise EventError(Text(NO_SUCH_CALL, call=call_id))
            if s.notice_at is None:
                s.notice_language = lang
                self._journal(s)
        self._changed(s)

    def label_bookmark(self, call_id: str, label: str) -> dict:
        """Name the call's last agreement mark (the card's "Add label…"); digit runs are removed."""
        cleaned = clean_label(label) or ""
        with self._lock:
            s = self.sessions.get(call_id)
            if s is None:
                raise EventError(Text(NO_SUCH_CALL, call=call_id))
            mark = s.label_bookmark(cleaned)
            self._journal(s)
        self._changed(s)
        return dict(mark)

    def staff_notice_needed(self, text_sha256: str) -> bool:
        acks = [d for _at, _cid, _ev, d in self.queue.audit_rows("staff-notice-ack")]
        return not acks or json.loads(acks[-1] or "{}").get("sha256") != text_sha256

    def staff_notice_acknowledged(self, text_sha256: str, language: str) -> None:
        ack = {"at": iso(utcnow()), "sha256": text_sha256, "language": language, "agent_id": self.agent_id}
        self.queue.audit("-", "staff-notice-ack", json.dumps(ack))
        with self._lock:
            self.pending_staff_ack = ack
        log.info("staff notice acknowledged (%s, %s…)", language, text_sha256[:12])

    # -- several calls at once ---------------------------------------------
    def _hold_others(self, s: CallSession) -> list[CallSession]:
        """Only the call the agent is talking on is captured: taking one holds the others' recording."""
        held = []
        for o in self.sessions.values():
            if o is not s and o.state == State.RECORDING:
                self._pause(o, "other_call")
                held.append(o)
        return held

    def _take_back_after(self, ended: CallSession) -> list[CallSession]:
        """A call held because another was taken resumes when that other one ends (call waiting)."""
        if any(o.state == State.RECORDING for o in self.sessions.values()):
            return []
        waiting = [o for o in self.sessions.values() if o.active and o.pause_reason == "other_call"]
        if not waiting:
            return []
        back = waiting[-1]
        self._resume(back)
        return [back]

    def _pause(self, s: CallSession, reason: str) -> None:
        rec = self.recorders.get(s.call_id)
        s.pause(rec.offset_s if rec else 0.0, reason=reason)
        if rec:
            rec.pause()

    def _resume(self, s: CallSession, auto: bool = False) -> None:
        s.resume(auto=auto)
        self.warnings.get(s.call_id, {}).pop("pause", None)
        if s.call_id in self.recorders:
            self.recorders[s.call_id].resume()

    # -- timers (called about once a second by the UI) ----------------------
    def tick(self, now: datetime | None = None) -> None:
        """Pause reminders and the maximum pause: a forgotten pause must not eat the rest of the call."""
        now = now or utcnow()
        changed = []
        with self._lock:
            for s in list(self.sessions.values()):
                if s.pause_reason != "agent":
                    continue
                paused_s = (now - parse_iso(s.pauses[-1]["start"])).total_seconds()
                r = self.rules
                if r.max_pause_s and paused_s >= r.max_pause_s:
                    self._resume(s, auto=True)
                    self._journal(s)
                    log.warning("call %s: pause reached %.0f s; recording resumed", s.call_id, r.max_pause_s)
                    changed.append(s)
                elif r.pause_reminder_s and paused_s >= r.pause_reminder_s and "pause" not in self.warnings[s.call_id]:
                    self.warnings[s.call_id]["pause"] = Text(
                        QT_TRANSLATE_NOOP("core", "Paused for {paused}: resume when the card details are done; recording resumes by itself at {limit}"),
                        paused=_mmss(r.pause_reminder_s), limit=_mmss(r.max_pause_s)) if r.max_pause_s else Text(
                        QT_TRANSLATE_NOOP("core", "Paused for {paused}: resume when the card details are done"),
                        paused=_mmss(r.pause_reminder_s))
                    changed.append(s)
        for s in changed:
            self._changed(s)

    # -- private calls ---------------------------------------------------------
    def _private_allowed(self, number: str | None, reason: str | None) -> None:
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
        return len(self.queue.audit_rows("private-marked", since=midnight))

    def _next_private(self, reason: str | None) -> str:
        with self._lock:
            self._private_allowed(None, reason)
            self.next_private = reason or "marked private before the call"
        log.info("the next call is private")
        self._emit("next_private", {"reason": self.next_private})
        return ""

    def _start_session(self, ev: CallEvent) -> CallSession:
        call_id = ev.call_id or safe_call_id(None)
        existing = self.sessions.get(call_id)
        if existing and existing.active:
            return existing      # duplicate event
        if existing:
            raise EventError(Text(QT_TRANSLATE_NOOP("core", "call id '{call}' was already used for an ended call"),
                                  call=call_id))
        s = CallSession(call_id=call_id, direction=ev.direction, number=ev.number, ring_at=ev.at, queue=ev.queue,
                        display_name=ev.display_name)
        self.sessions[call_id] = s
        s.policy_versions = dict(self.policy_versions)
        self._rules_at_start[call_id] = self.rules
        self._sources[call_id] = ev.source
        if not ev.call_id:
            self._generated.add(call_id)
        (self.calls_dir / call_id).mkdir(parents=True, exist_ok=True, mode=0o700)
        log.info("call %s %s from/to %s", call_id, ev.direction or "?", redact_number(ev.number))
        s.notice_language = pick_language(ev.number, self.rules.language_rules, self.rules.default_language,
                                          queue=ev.queue)
        if number_matches(ev.number, self.rules.always_private):
            self._mark_private(s, "number on the organisation's always-private list")
        elif self.next_private:
            reason, self.next_private = self.next_private, None
            self._mark_private(s, reason)
        return s

    def _journal(self, s: CallSession) -> None:
        """Persist the session so a crash can be recovered (and a private mark honoured)."""
        d = self.calls_dir / s.call_id
        if not d.exists():
            return
        doc = s.to_json()
        doc["agent_id"], doc["workstation_id"], doc["sample_rate"] = self.agent_id, self.workstation_id, self.rate
        write_durably(d / JOURNAL, json.dumps(doc).encode())

    def _start_recording(self, s: CallSession, on_answer: bool = False) -> None:
        if s.call_id in self.recorders:      # on_answer mode: the notice only gets its time noted
            s.notice_given()
            s.notice_sha256 = s.notice_sha256 or digest(self._texts_for(s).get(s.notice_language, ""))
            return
        if on_answer:
            s.record_on_answer()
        else:
            s.notice_given()
            s.notice_sha256 = digest(self._texts_for(s).get(s.notice_language, ""))
        full = self._queue_full()
        if full is not None:
            # storage.when_queue_full = "stop": waiting recordings are never deleted for room, so this
            # call is not captured; its manifest (tiny) says why, as evidence.
            s.fail(str(full))
            self._journal(s)
            self.error(full, s.call_id)
            return
        try:
            mic = self.backend.find(self.mic, "mic")
            loopback = self.backend.find(self.loopback, "loopback")
            rec = CallRecorder(self.calls_dir / s.call_id, self.recipients, self.backend, mic, loopback,
                               self.rate, self.seal_every, on_error=lambda m, cid=s.call_id: self.error(m, cid),
                               on_event=lambda k, i, cid=s.call_id: self._capture_event(cid, k, i),
                               one_sided_after_s=self.one_sided_after_s, codec=self.codec,
                               opus_kbps=self.opus_kbps, refind=self._refind, fallback=self._fallback)
            rec.start()
        except (AudioError, OSError) as exc:
            s.fail(str(exc))
            self._journal(s)
            self.error(f"recording did not start: {exc}", s.call_id)
            return
        self.recorders[s.call_id] = rec

    def _queue_full(self) -> Text | None:
        r = self.rules
        if not (r.stop_when_queue_full and r.queue_quota_bytes):
            return None
        st = self.queue.status()
        if st.pending_bytes < r.queue_quota_bytes:
            return None
        return Text(QT_TRANSLATE_NOOP("core", "Not recording: the calls waiting for upload fill this computer's "
                                              "quota ({used} of {quota} MB); recording resumes when uploads make "
                                              "room: check the network"),
                    used=st.pending_bytes // 2**20, quota=r.queue_quota_bytes // 2**20)

    def _texts_for(self, s: CallSession) -> dict:
        """The notice texts in force when the call began: a policy arriving mid-call applies to the next one."""
        rules = self._rules_at_start.get(s.call_id, self.rules)
        return rules.notice_texts

    def apply_settings(self, settings, policy_versions: dict[str, int]) -> None:  # noqa: ANN001 - Settings
        """Settings changed by a supervisor policy: they apply from the next call on; a call in progress
        keeps the notice and rules it started with (its manifest names the policy versions)."""
        with self._lock:
            self.rules = CallRules.from_settings(settings)
            self.codec, self.opus_kbps = settings["audio.codec"], settings["audio.opus_bitrate_kbps"]
            self.rate = settings["audio.sample_rate"]
            self.one_sided_after_s = settings["audio.one_sided_alarm_seconds"]
            self.policy_versions = dict(policy_versions)
        log.info("settings updated (policy %s)", ", ".join(f"{t} v{v}" for t, v in policy_versions.items()) or "-")

    def backlog_warning(self, st=None) -> Text | None:  # noqa: ANN001 - QueueStatus
        """What the agent should know about the upload backlog (the thresholds are the organisation's)."""
        r = self.rules
        st = st or self.queue.status()
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

    def _refind(self, channel: int):
        spec, role = (self.mic, "mic") if channel == 0 else (self.loopback, "loopback")
        return self.backend.find(spec, role)

    def _fallback(self, channel: int):
        spec = self.fallbacks[channel]
        return self.backend.find(spec, ("mic", "loopback")[channel]) if spec else None

    def _capture_event(self, call_id: str, kind: str, info: dict) -> None:
        """Device trouble is shown to the agent at once and ends up in the manifest."""
        agent = info["channel"] == "agent"
        side = Text(QT_TRANSLATE_NOOP("core", "your microphone")) if agent \
            else Text(QT_TRANSLATE_NOOP("core", "the customer's side"))
        with self._lock:
            s = self.sessions.get(call_id)
            if s is None:
                return
            key = info["channel"] + ":device"
            if kind == "device_lost":
                then = Text(QT_TRANSLATE_NOOP("core", "switching to the fallback device")) \
                    if self.fallbacks[0 if agent else 1] else Text(QT_TRANSLATE_NOOP("core", "waiting for it to return"))
                self.warnings[call_id][key] = Text(
                    QT_TRANSLATE_NOOP("core", "Not hearing {side}: '{device}' stopped ({cause}); {then}"),
                    side=side, device=info["device"], cause=info["cause"], then=then)
            elif kind == "device_back" and info.get("fallback"):
                self.warnings[call_id][key] = Text(
                    QT_TRANSLATE_NOOP("core", "Hearing {side} through the fallback '{device}' until '{preferred}' returns"), side=side, device=info["device"],
                    preferred=info["preferred"])
            elif kind == "device_back":
                self.warnings[call_id].pop(key, None)
            elif kind == "one_sided":
                text = QT_TRANSLATE_NOOP("core", "Your microphone has been silent for {seconds} s: check the headset and the call") if agent else \
                    QT_TRANSLATE_NOOP("core", "The customer has been silent for {seconds} s: check the headset and the call")
                self.warnings[call_id][info["channel"] + ":silent"] = Text(text, seconds=f"{self.one_sided_after_s:.0f}")
            elif kind == "one_sided_cleared":
                self.warnings[call_id].pop(info["channel"] + ":silent", None)
            s.transitions.append(Transition(utcnow(), kind, f"{info['channel']}: {info.get('device', '')}"))
            self._journal(s)
        self._changed(s)

    def _private(self, s: CallSession, reason: str | None) -> None:
        if s.outcome == Outcome.PRIVATE:
            return
        self._private_allowed(s.number, reason)
        self._mark_private(s, reason)

    def _mark_private(self, s: CallSession, reason: str | None) -> None:
        s.mark_private(reason=reason)
        self._journal(s)      # first, so a crash right now still honours the mark
        self._discard_audio(s)
        self.queue.audit(s.call_id, "private-marked", json.dumps({"reason": reason}))
        log.info("call %s marked private; nothing of it is kept", s.call_id)

    def _declined(self, s: CallSession) -> None:
        s.decline()
        self._journal(s)
        self._discard_audio(s)

    def _discard_audio(self, s: CallSession) -> None:
        rec = self.recorders.pop(s.call_id, None)
        if rec:
            rec.destroy()

    def adapter_lost(self, source: str, since: datetime | None = None) -> list[str]:
        """The adapter `source` lost its softphone mid-call (it crashed, or stayed unreachable past the
        adapter's timeout): every active call it reported ends at `since` (when it was last seen), and a
        recording is kept and uploaded with the outcome "interrupted". Returns the call ids ended."""
        with self._lock:
            ids = [cid for cid, src in self._sources.items() if src == source and self.sessions[cid].active]
        for cid in ids:
            try:
                self.handle(CallEvent(EventKind.ENDED, call_id=cid, source=source, label=SOFTPHONE_LOST,
                                      at=since or utcnow()))
            except Exception:  # noqa: BLE001 - the other calls matter too; recovery picks this one up
                log.exception("could not close call %s after its softphone was lost", cid)
        return ids

    def _end(self, s: CallSession, ev: CallEvent) -> None:
        rec = self.recorders.pop(s.call_id, None)
        lost = ev.kind == EventKind.ENDED and ev.label == SOFTPHONE_LOST
        if lost:
            s.transitions.append(Transition(utcnow(), "softphone_lost",
                                            f"{ev.source}: the softphone was lost; last seen {iso(ev.at)}"))
            log.warning("call %s: %s lost its softphone; the call is closed as interrupted", s.call_id, ev.source)
        s.end(ev.at)
        self._journal(s)
        d = self.calls_dir / s.call_id
        if s.outcome in (Outcome.PRIVATE, Outcome.NOT_RECORDED):
            # No audio and no number: when, how long, and why (the agent's reason for a private call).
            began = s.answer_at or s.ring_at
            detail = {"duration_s": round((s.end_at - began).total_seconds(), 1) if began and s.end_at else None}
            if s.outcome == Outcome.PRIVATE:
                detail["reason"] = s.private_reason
            self.queue.audit(s.call_id, s.outcome.value, json.dumps(detail))
            shutil.rmtree(d, ignore_errors=True)
            return
        audio = duration = codec = None
        if rec is not None:
            try:
                result = rec.stop(f"{s.call_id}.{rec.extension}.age")
                audio, duration, codec = result.file, result.duration_s, result.codec
                s.gaps, s.alarms = rec.capture.manifest_gaps(), rec.capture.manifest_alarms()
                s.devices = rec.capture.manifest_devices()
            except OSError as exc:
                # The sealed segments are still on disk; recovery at next start uploads them.
                self.error(f"could not finish the recording of call {s.call_id}: {exc}", s.call_id)
                return
        self.warnings.pop(s.call_id, None)
        self.finish(s, audio=audio, duration_s=duration, codec=codec,
                    interrupted=lost and s.outcome == Outcome.RECORDED)

    def finish(self, s: CallSession, *, audio=None, segments=None, duration_s=None, interrupted=False,
               codec: str | None = None) -> None:
        d = self.calls_dir / s.call_id
        doc = manifest.build(s, agent_id=self.agent_id, workstation_id=self.workstation_id, key=self.key,
                             audio=audio, segments=segments, duration_s=duration_s, interrupted=interrupted,
                             sample_rate=self.rate, codec=codec or codec_label(self.codec),
                             staff_ack=self.pending_staff_ack, policy={"versions": dict(s.policy_versions)})
        self.pending_staff_ack = None
        self._rules_at_start.pop(s.call_id, None)
        manifest.write_signed(d, doc, self.key)
        # Local file name -> object name: every object of a call is named <call-id>.<what>,
        # so several calls share a day folder in storage. Audio first, manifest last.
        files = [audio.to_json()] if audio else []
        files += [{**f.to_json(), "object": manifest.object_name(s.call_id, f.path.name)} for f in segments or []]
        # The manifest's signature travels with it (object metadata), not as an object of its own.
        p = d / manifest.MANIFEST
        files.append({"name": manifest.MANIFEST, "object": manifest.object_name(s.call_id, manifest.MANIFEST),
                      "sha256": sha256_file(p), "size": p.stat().st_size, "signature": manifest.SIGNATURE})
        when = s.ring_at or s.answer_at or utcnow()
        self.queue.enqueue(s.call_id, d, f"{self.agent_id}/{when:%Y/%m/%d}", files)

    def shutdown(self) -> None:
        """A clean exit ends active calls properly so their recordings are kept and queued.

        (A crash instead leaves the journal and sealed segments for recovery.)
        """
        with self._lock:
            active = [s for s in self.sessions.values() if s.active]
        for s in active:
            try:
                s.transitions.append(Transition(utcnow(), "app_closed", "Taltio was closed mid-call"))
                self.handle(CallEvent(EventKind.ENDED, call_id=s.call_id, source="shutdown"))
            except Exception:  # noqa: BLE001 - keep going: the other calls matter too
                log.exception("could not close call %s cleanly; it will be recovered at next start", s.call_id)
