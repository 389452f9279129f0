"""The controller: softphone events and agent actions in, recordings out.

It is the only place that decides whether audio is captured, so every rule
(notice first, private wins, nothing from a pause) is enforced here, in the
rule book (call_rules.py) and in CallSession, never in the UI. The UI calls its
methods and listens to `listeners`; callbacks may arrive on any thread.

Its parts: the matcher (matcher.py) says which call an event is about; the rule
book applies the organisation's rules; the finisher (finishing.py) seals, signs
and queues an ended call. One lock guards the calls in memory; a call's
finishing runs after the lock is released, so a slow end never holds up the
other threads (GUI, softphone adapter, IPC).
"""
from __future__ import annotations

import copy
import json
import logging
import threading
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Callable, NamedTuple

from taltio.domain.events import SOFTPHONE_LOST, CallEvent, EventError, EventKind, iso, redact_number, utcnow
from taltio.domain.ports import AudioBackend, AudioError, Outbox, QueueStatus
from taltio.domain.rules import CallRules, clean_label
from taltio.domain.session import CallSession, CallView, ControllerHealth, Outcome, State, Transition
from taltio.domain import texts
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text
from taltio.recording.call_rules import RuleBook, backlog_text, check_language, device_warning, seal_warning
from taltio.recording.encoder import DEFAULT_OPUS_KBPS, EncoderError, codec_label, layout_of
from taltio.recording.finishing import JOURNAL, NOT_SEALED, EndJob, Finisher
from taltio.recording.matcher import NO_SUCH_CALL, CallMatcher
from taltio.recording.recorder import CallRecorder
from taltio.recording.status import health_of

__all__ = ["JOURNAL", "Controller"]

log = logging.getLogger("taltio.controller")

# (kind, payload): "session" (a call changed: its CallView dict), "error" ({"message"}), "next_private", and
# "finished" ({"call_id", "ok"}: an ended call is sealed and queued, or given up, and its buffers are freed).
Listener = Callable[[str, dict], None]
SHUTDOWN_WAIT_S = 60.0      # how long shutdown waits for calls other threads are still finishing
FINISH_RETRY_S = 2.0        # an ended call the disk could not take is finished again this often


class _Step(NamedTuple):
    """What one event did: the call it was about, other calls it changed, an ended call to finish."""
    session: CallSession
    others: list = []
    job: EndJob | None = None
    journal: bool = True


class Controller:
    def __init__(self, *, calls_dir: Path, queue: Outbox, backend: AudioBackend, recipients: list,
                 signing_key, agent_id: str, workstation_id: str, mic: str, loopback: str,
                 sample_rate: int = 16000, seal_every: float = 1.0, one_sided_after_s: float = 20.0,
                 codec: str = "opus", opus_kbps: int = DEFAULT_OPUS_KBPS, opus_layout: str = "two-mono",
                 mic_fallback: str = "",
                 loopback_fallback: str = "", rules: CallRules | None = None,
                 index_key: bytes | None = None) -> None:
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
        self.codec, self.opus_kbps, self.opus_layout = codec, opus_kbps, opus_layout
        self.warnings: dict[str, dict[str, str]] = defaultdict(dict)   # call id -> {key: message}
        self.matcher = CallMatcher()
        self.recorders: dict[str, CallRecorder] = {}
        self.listeners: list[Listener] = []
        self._lock = threading.RLock()
        self._idle = threading.Condition(self._lock)    # notified when a call finished finishing
        self._finishing: set[str] = set()               # ended calls being sealed and queued now
        self.unfinished: dict[str, EndJob] = {}         # ended calls the disk refused: tried again (FINISH_RETRY_S)
        self.last_error: str | None = None
        self.rules = rules or CallRules()
        self.rulebook = RuleBook(self)
        self.finisher = Finisher(calls_dir=calls_dir, queue=queue, key=signing_key, agent_id=agent_id,
                                 workstation_id=workstation_id, on_error=self.error, recipients=recipients,
                                 index_key=index_key)
        # The supervisor policies in force ({target: version}) and when they were applied: every
        # manifest carries them, so a recording shows which rules and notice texts applied.
        self.policy_versions: dict[str, int] = {}
        self.policy_rejections: list[dict] = []     # the latest refusal per target, for the heartbeat and tray
        self.next_private: str | None = None     # reason, once the agent marked the next call private
        self.pending_staff_ack: dict | None = None   # goes into the next manifest
        self._steps: dict[EventKind, Callable[[CallEvent], _Step]] = {
            EventKind.INCOMING: self._on_new_call, EventKind.OUTGOING: self._on_new_call,
            EventKind.RINGING: self._on_ringing, EventKind.ANSWERED: self._on_answered,
            EventKind.ENDED: self._on_ended, EventKind.TRANSFERRED: self._on_ended,
            EventKind.NOTICE_GIVEN: self._on_notice_given, EventKind.PRIVATE: self._on_private,
            EventKind.DECLINED: self._on_declined, EventKind.PAUSE: self._on_pause,
            EventKind.RESUME: self._on_resume, EventKind.HOLD: self._on_hold, EventKind.UNHOLD: self._on_unhold,
            EventKind.BOOKMARK: self._on_bookmark,
        }

    @property
    def sessions(self) -> dict[str, CallSession]:
        """The calls by id: every active one and the most recent ended ones (see matcher.MAX_ENDED)."""
        return self.matcher.sessions

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

    # -- what the UI, the status command and the heartbeat see -----------------
    def call_view(self, s: CallSession) -> CallView:
        with self._lock:
            rec = self.recorders.get(s.call_id)
            return CallView.of(s, recorded_s=rec.offset_s if rec else 0.0,
                               warnings=self.warnings.get(s.call_id, {}).values())

    def view(self, s: CallSession) -> dict:
        """The call as a dict (CallView.to_dict): what the listeners get."""
        return self.call_view(s).to_dict()

    def snapshot(self, queue_status: QueueStatus | None = None) -> dict:
        """*queue_status*: the one the caller's status line was decided from, so the document never says
        "uploading" beside a queue that reports an error (two reads a moment apart can differ)."""
        with self._lock:
            calls = [self.view(s) for s in self.matcher.active()]
        st = queue_status or self.queue.status()
        return {"calls": calls, "queue": {"pending": st.pending, "oldest_age_s": st.oldest_age_s,
                                          "last_error": st.last_error, "uploading": st.uploading},
                "last_error": self.last_error, "next_private": self.next_private is not None,
                "private_today": self.private_marks_today(), "policy": dict(self.policy_versions),
                "policy_refused": list(self.policy_rejections)}

    def health(self) -> ControllerHealth:
        """What the heartbeat reports: devices configured and in use, thresholds, policies, active calls."""
        with self._lock:
            return health_of(self)

    def set_devices(self, mic: str, loopback: str, mic_fallback: str = "", loopback_fallback: str = "") -> None:
        """New device choice (from the settings page); applies from the next recording on."""
        with self._lock:
            self.mic, self.loopback = mic, loopback
            self.fallbacks = (mic_fallback, loopback_fallback)

    def active_started_by(self, source: str) -> list[str]:
        """Ids of the active calls *source* started, oldest first (any thread: copied under the lock)."""
        with self._lock:
            return [s.call_id for s in self.matcher.sessions.values() if s.active and s.started_by == source]

    def pause_recording(self, reason: str) -> list[str]:
        """Pause every call being recorded, for *reason* (a payment window took the keyboard); their ids."""
        return self._apply_to(lambda s: s.state == State.RECORDING, lambda s: self.rulebook.pause(s, reason))

    def resume_recording(self, reason: str) -> list[str]:
        """Resume the calls paused for *reason*, the way the agent's Resume does; a pause of the agent's own
        (or a hold) is left alone. Their ids."""
        return self._apply_to(lambda s: s.pause_reason == reason, self.rulebook.resume)

    def _apply_to(self, which: Callable[[CallSession], bool], change: Callable[[CallSession], None]) -> list[str]:
        """*change* each call *which* picks, journaled under the lock; listeners told after it is released."""
        with self._lock:
            hit = [s for s in self.matcher.sessions.values() if which(s)]
            for s in hit:
                change(s)
                self._journal(s)
        for s in hit:
            self._changed(s)
        return [s.call_id for s in hit]

    def current(self) -> CallSession | None:
        """The call the agent is on: not one on hold or waiting, unless there is no other."""
        with self._lock:
            return self.matcher.current()

    # -- the event entry point ------------------------------------------------
    def handle(self, ev: CallEvent) -> str:
        """Apply one event. Raises EventError/TransitionError with a one-line reason for bad input.

        The call's state changes under the lock; an ended call is sealed and queued after it is released."""
        if not self.rules.enabled and not self.matcher.any_active():
            # IT switched recording off (recording.enabled): calls are not even tracked, so no card
            # asks the agent to read a notice about a recording that will not happen. A call already
            # in progress when the policy arrived is finished normally.
            log.debug("recording is off by machine policy; %s ignored", ev.kind.value)
            return ev.call_id or ""
        if ev.kind == EventKind.NEXT_PRIVATE:      # about no call yet
            return self._next_private(ev.label)
        with self._lock:
            repeat = self._repeat(ev)
            if repeat is not None:
                return repeat
            step = self._steps[ev.kind](ev)
            s = step.session
            if s.active and step.journal:
                # An ended call is journaled by its finishing, before its folder goes to the upload queue,
                # whose worker may already be deleting it: writing again here would race with that.
                self._journal(s)
            for o in step.others:
                self._journal(o)
        if step.job is not None:
            self._finish_ended(step.job)
        for o in step.others:
            self._changed(o)
        self._changed(s)
        return s.call_id

    def _repeat(self, ev: CallEvent) -> str | None:
        """A repeated 'ended' or a late 'answered' for a call that has ended: its id, and nothing to do."""
        if ev.kind in (EventKind.ENDED, EventKind.TRANSFERRED):
            done = self.matcher.duplicate_end(ev)
            if done is not None:
                log.info("call %s: repeated '%s' ignored (the call has ended)", done, ev.kind.value)
            return done
        if ev.kind == EventKind.ANSWERED:
            late = self.matcher.late_answer(ev)
            if late is not None:
                log.info("call %s: 'answered' after 'ended' ignored", late)
            return late
        return None

    # -- one method per event kind (called with the lock held) ---------------------
    def _on_ringing(self, ev: CallEvent) -> _Step:
        # The far end rings: the call is already known from 'outgoing' (or starts here if a softphone
        # reports only this); nothing changes for recording.
        s = self.matcher.existing(ev)
        if s is not None:
            return _Step(s, journal=False)
        s = self._start_session(CallEvent(EventKind.OUTGOING, ev.call_id, ev.number, "outgoing", ev.source, ev.at,
                                          queue=ev.queue, display_name=ev.display_name))
        return _Step(s)

    def _on_new_call(self, ev: CallEvent) -> _Step:
        return _Step(self.matcher.existing(ev) or self._start_session(ev))

    def _on_answered(self, ev: CallEvent) -> _Step:
        # Hook softphones (MicroSIP cmdCallStart) may report only the answer.
        s = self.matcher.existing(ev) or self._start_session(ev)
        was_ringing = s.state == State.RINGING
        s.answered(ev.at)
        others: list[CallSession] = []
        if was_ringing:
            others = self.rulebook.hold_others(s)
            if self.rules.start == "answer" and s.capture_allowed:
                self._start_recording(s, on_answer=True)
        return _Step(s, others)

    def _on_ended(self, ev: CallEvent) -> _Step:
        s = self.matcher.find(ev)
        job = self._end(s, ev)
        return _Step(s, self.rulebook.take_back_after(s), job)

    def _on_notice_given(self, ev: CallEvent) -> _Step:
        s = self.matcher.find(ev)
        others = self.rulebook.hold_others(s) if s.state == State.NOTICE_PENDING else []
        self._start_recording(s)
        return _Step(s, others)

    def _on_private(self, ev: CallEvent) -> _Step:
        s = self.matcher.find(ev)
        self.rulebook.private(s, ev.label)
        return _Step(s)

    def _on_declined(self, ev: CallEvent) -> _Step:
        s = self.matcher.find(ev)
        self.rulebook.declined(s)
        return _Step(s)

    def _on_pause(self, ev: CallEvent) -> _Step:
        s = self.matcher.find(ev)
        self.rulebook.pause(s, "agent")
        return _Step(s)

    def _on_resume(self, ev: CallEvent) -> _Step:
        s = self.matcher.find(ev)
        self.rulebook.resume(s)
        return _Step(s)

    def _on_hold(self, ev: CallEvent) -> _Step:
        s = self.matcher.find(ev)
        self.rulebook.hold(s, ev)
        return _Step(s)

    def _on_unhold(self, ev: CallEvent) -> _Step:
        s = self.matcher.find(ev)
        return _Step(s, self.rulebook.unhold(s, ev))

    def _on_bookmark(self, ev: CallEvent) -> _Step:
        s = self.matcher.find(ev)
        rec = self.recorders.get(s.call_id)
        s.bookmark(rec.offset_s if rec else 0.0, ev.label or "agreement")
        return _Step(s)

    # -- notice language and the staff notice ----------------------------------
    def set_language(self, call_id: str, lang: str) -> None:
        """The agent switched the notice card's language (one click)."""
        check_language(lang)
        with self._lock:
            s = self.matcher.active_by_id(call_id)
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

    # -- timers (called about once a second by the UI) ----------------------
    def tick(self, now: datetime | None = None) -> None:
        """Pause reminders and the maximum pause: a forgotten pause must not eat the rest of the call."""
        with self._lock:
            changed = self.rulebook.pause_timers(now or utcnow())
        for s in changed:
            self._changed(s)

    # -- private calls and the backlog (the rule book's) ---------------------------
    def private_marks_today(self) -> int:
        return self.rulebook.private_marks_today()

    def _next_private(self, reason: str | None) -> str:
        with self._lock:
            kept = self.rulebook.next_private(reason)
        log.info("the next call is private")
        self._emit("next_private", {"reason": kept})
        return ""

    def backlog_warning(self, st=None) -> Text | None:  # noqa: ANN001 - QueueStatus
        """What the agent should know about the upload backlog (the thresholds are the organisation's),
        a full disk first: calls cannot be saved at all then."""
        return self.rulebook.disk_full() or backlog_text(self.rules, st or self.queue.status())

    # -- a call's start ---------------------------------------------------------
    def _start_session(self, ev: CallEvent) -> CallSession:
        s = self.matcher.add(ev)
        if s is None:                                   # duplicate event
            return self.matcher.sessions[ev.call_id]
        s.started_by = ev.source
        (self.calls_dir / s.call_id).mkdir(parents=True, exist_ok=True, mode=0o700)
        log.info("call %s %s from/to %s", s.call_id, ev.direction or "?", redact_number(ev.number))
        self.rulebook.new_call(s, ev)
        return s

    def _journal(self, s: CallSession) -> None:
        """Persist the session so a crash can be recovered (and a private mark honoured).

        A full disk does not refuse the event: it applies in memory and reaches the manifest, and the
        journal is written again with the next change. A call that must leave no audio loses its old
        journal instead, so a crash now discards the call rather than recovering it as recorded."""
        try:
            self.finisher.journal(s, self.rate)
        except OSError as exc:
            log.warning("call %s: journal not saved (%s); written again with the next change", s.call_id,
                        exc.strerror or exc)
            if s.outcome in (Outcome.PRIVATE, Outcome.DECLINED, Outcome.NOT_RECORDED):
                try:
                    (self.calls_dir / s.call_id / JOURNAL).unlink(missing_ok=True)
                except OSError:
                    log.warning("call %s: its old journal could not be removed either", s.call_id)

    def _start_recording(self, s: CallSession, on_answer: bool = False) -> None:
        if s.call_id in self.recorders:      # on_answer mode: the notice only gets its time noted
            s.notice_given()
            s.notice_sha256 = s.notice_sha256 or self.rulebook.notice_digest(s)
            return
        if on_answer:
            s.record_on_answer()
        else:
            s.notice_given()
            s.notice_sha256 = self.rulebook.notice_digest(s)
        full = self.rulebook.queue_full()
        if full is not None:
            # storage.when_queue_full = "stop": waiting recordings are never deleted for room, so this
            # call is not captured; its manifest (tiny) says why, as evidence.
            s.fail(full)
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
                               opus_kbps=self.opus_kbps, refind=self._refind, fallback=self._fallback,
                               opus_layout=self.opus_layout,
                               on_seal=lambda exc, cid=s.call_id: self._seal_state(cid, exc))
            rec.start()
        except (AudioError, EncoderError, OSError) as exc:
            # EncoderError too: a codec that cannot open leaves no recorder, and the call must not stay
            # "recording" with nothing capturing it.
            reason = texts.reason(exc)
            s.fail(reason)
            self._journal(s)
            self.error(Text(QT_TRANSLATE_NOOP("core", "recording did not start: {reason}"), reason=reason),
                       s.call_id)
            return
        self.recorders[s.call_id] = rec

    def apply_settings(self, settings, policy_versions: dict[str, int]) -> None:  # noqa: ANN001 - Settings
        """Settings changed by a supervisor policy: they apply from the next call on; a call in progress
        keeps the notice and rules it started with (its manifest names the policy versions)."""
        with self._lock:
            self.rules = CallRules.from_settings(settings)
            self.codec, self.opus_kbps = settings["audio.codec"], settings["audio.opus_bitrate_kbps"]
            self.opus_layout = settings["audio.opus_layout"]
            self.rate = settings["audio.sample_rate"]
            self.one_sided_after_s = settings["audio.one_sided_alarm_seconds"]
            self.policy_versions = dict(policy_versions)
        log.info("settings updated (policy %s)", ", ".join(f"{t} v{v}" for t, v in policy_versions.items()) or "-")

    def set_index_key(self, key: bytes | None) -> None:
        """The number-index key changed (a policy): every call sealed from now on is indexed under it."""
        self.finisher.index_key = key

    # -- devices -------------------------------------------------------------------
    def _refind(self, channel: int):
        spec, role = (self.mic, "mic") if channel == 0 else (self.loopback, "loopback")
        return self.backend.find(spec, role)

    def _fallback(self, channel: int):
        spec = self.fallbacks[channel]
        return self.backend.find(spec, ("mic", "loopback")[channel]) if spec else None

    def _capture_event(self, call_id: str, kind: str, info: dict) -> None:
        """Device trouble is shown to the agent at once and ends up in the manifest."""
        with self._lock:
            s = self.sessions.get(call_id)
            if s is None or not s.active:
                # The call ended and is being finished: its gaps and alarms come from the recorder itself.
                return
            key, text = device_warning(kind, info, bool(self.fallbacks[0 if info["channel"] == "agent" else 1]),
                                       self.one_sided_after_s)
            if key and text is not None:
                self.warnings[call_id][key] = text
            elif key:
                self.warnings[call_id].pop(key, None)
            s.transitions.append(Transition(utcnow(), kind, f"{info['channel']}: {info.get('device', '')}"))
            self._journal(s)
        self._changed(s)

    def _seal_state(self, call_id: str, exc: OSError | None) -> None:
        """Sealing failed (*exc*, the disk is full) or works again (None). The agent sees it on the call at
        once and it goes away by itself: nothing is lost while the app runs (the bytes wait in memory and go
        into the next segment), so it is the call's warning, not its failure."""
        with self._lock:
            s = self.sessions.get(call_id)
            if s is None or not s.active:
                return
            if exc is None:
                self.warnings[call_id].pop("disk", None)
            else:
                self.warnings[call_id]["disk"] = seal_warning(exc)
        self._changed(s)

    # -- a call's end ------------------------------------------------------------------
    def adapter_lost(self, source: str, since: datetime | None = None) -> list[str]:
        """The adapter `source` lost its softphone mid-call (it crashed, or stayed unreachable past the
        adapter's timeout): every active call it reported ends at `since` (when it was last seen), and a
        recording is kept and uploaded with the outcome "interrupted". Returns the call ids ended."""
        with self._lock:
            ids = self.matcher.from_source(source)
        for cid in ids:
            try:
                self.handle(CallEvent(EventKind.ENDED, call_id=cid, source=source, label=SOFTPHONE_LOST,
                                      at=since or utcnow()))
            except Exception:  # noqa: BLE001 - the other calls matter too; recovery picks this one up
                log.exception("could not close call %s after its softphone was lost", cid)
        return ids

    def _end(self, s: CallSession, ev: CallEvent) -> EndJob:
        """The in-memory part of a call's end (lock held): what the finisher needs, as an EndJob."""
        rec = self.recorders.pop(s.call_id, None)
        lost = ev.kind == EventKind.ENDED and ev.label == SOFTPHONE_LOST
        if lost:
            s.transitions.append(Transition(utcnow(), "softphone_lost",
                                            f"{ev.source}: the softphone was lost; last seen {iso(ev.at)}"))
            log.warning("call %s: %s lost its softphone; the call is closed as interrupted", s.call_id, ev.source)
        s.end(ev.at)
        self.matcher.ended(s)
        self.rulebook.forget(s.call_id)
        staff_ack = None
        if s.outcome not in (Outcome.PRIVATE, Outcome.NOT_RECORDED):
            staff_ack, self.pending_staff_ack = self.pending_staff_ack, None
        self._finishing.add(s.call_id)
        return EndJob(copy.deepcopy(s), rec, lost, codec_label(self.codec), layout_of(self.codec, self.opus_layout),
                      self.rate, staff_ack)

    def _finish_ended(self, job: EndJob) -> None:
        """Seal, sign and queue an ended call: without the lock, which is taken again only to note the result."""
        try:
            done = self.finisher.end(job)
        except OSError as exc:
            self._finish_later(job, exc)
            return
        except BaseException:
            self._finished(job, None)
            raise
        self._finished(job, done)

    def _finish_later(self, job: EndJob, exc: OSError) -> None:
        """The disk refused to seal or queue an ended call: try again every FINISH_RETRY_S until it works.
        The status says the disk is full meanwhile (rulebook.disk_full). Shutdown does not wait for it: what
        is sealed stays on disk and recovery finishes it at the next start, as after a crash."""
        cid = job.session.call_id
        job.attempts += 1
        (log.error if job.attempts == 1 else log.debug)(
            "call %s could not be saved (%s); trying again every %.0f s", cid, exc.strerror or exc, FINISH_RETRY_S)
        with self._idle:
            self.unfinished[cid] = job
            self._finishing.discard(cid)
            self._idle.notify_all()
            live = self.sessions.get(cid)
        timer = threading.Timer(FINISH_RETRY_S, self._finish_ended, args=(job,))
        timer.name, timer.daemon = "taltio-finish-retry", True
        timer.start()
        if live is not None and job.attempts == 1:
            self._changed(live)

    def _finished(self, job: EndJob, done) -> None:  # noqa: ANN001 - Finished | None
        """Note a finishing's result under the lock (the device history, the staff acknowledgement)."""
        cid = job.session.call_id
        with self._idle:
            retried = self.unfinished.pop(cid, None) is not None
            live = self.sessions.get(cid)
            if done is not None and live is not None:
                live.gaps, live.alarms, live.devices = done.gaps, done.alarms, done.devices
            if done is not None and done.ok:
                self.warnings.pop(cid, None)
            elif job.staff_ack and self.pending_staff_ack is None:
                self.pending_staff_ack = job.staff_ack      # not in a manifest: the next one carries it
            self._finishing.discard(cid)
            self._idle.notify_all()
        if retried:
            log.warning("call %s saved and queued after %d attempt(s) the disk refused", cid, job.attempts)
            if live is not None:
                self._changed(live)
        self._emit("finished", {"call_id": cid, "ok": bool(done is not None and done.ok)})

    def finish(self, s: CallSession, *, audio=None, segments=None, duration_s=None, interrupted=False,
               codec: str | None = None, party: object = NOT_SEALED) -> None:
        """Sign and queue an ended call (crash recovery calls this with what the last run left, and with the
        sealed party its journal holds once the call was sealed)."""
        with self._lock:
            staff_ack, self.pending_staff_ack = self.pending_staff_ack, None
            self.rulebook.forget(s.call_id)
            rate, codec = self.rate, codec or codec_label(self.codec)
            layout = layout_of(self.codec, self.opus_layout)
        self.finisher.seal(s, audio=audio, segments=segments, duration_s=duration_s, interrupted=interrupted,
                           codec=codec, layout=layout, sample_rate=rate, staff_ack=staff_ack, party=party)

    def shutdown(self) -> None:
        """A clean exit ends active calls properly so their recordings are kept and queued, and waits for
        calls that other threads are still finishing.

        (A crash instead leaves the journal and sealed segments for recovery.)
        """
        with self._lock:
            active = self.matcher.active()
            for s in active:
                s.transitions.append(Transition(utcnow(), "app_closed", "Taltio was closed mid-call"))
        for s in active:
            try:
                self.handle(CallEvent(EventKind.ENDED, call_id=s.call_id, source="shutdown"))
            except Exception:  # noqa: BLE001 - keep going: the other calls matter too
                log.exception("could not close call %s cleanly; it will be recovered at next start", s.call_id)
        with self._idle:
            if not self._idle.wait_for(lambda: not self._finishing, timeout=SHUTDOWN_WAIT_S):
                log.error("calls %s were still finishing at exit; they will be recovered at next start",
                          ", ".join(sorted(self._finishing)))
