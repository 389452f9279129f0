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
from pathlib import Path
from typing import Callable

from ..adapters.audio import AudioBackend, AudioError
from . import manifest
from .events import CallEvent, EventError, EventKind, redact_number, safe_call_id, utcnow
from .queue import UploadQueue
from .encoder import codec_label
from .recorder import CallRecorder
from .segments import sha256_file, write_durably
from .session import CallSession, Outcome, State, Transition

log = logging.getLogger("taltio.controller")

Listener = Callable[[str, dict], None]
JOURNAL = "session.json"


class Controller:
    def __init__(self, *, calls_dir: Path, queue: UploadQueue, backend: AudioBackend, recipients: list,
                 signing_key, agent_id: str, workstation_id: str, mic: str, loopback: str,
                 sample_rate: int = 16000, seal_every: float = 1.0, one_sided_after_s: float = 20.0,
                 codec: str = "opus", opus_kbps: int = 28, mic_fallback: str = "",
                 loopback_fallback: str = "") -> None:
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
                "paused_since": s.pauses[-1]["start"] if s.state == State.PAUSED else None}

    def snapshot(self) -> dict:
        with self._lock:
            calls = [self.view(s) for s in self.sessions.values() if s.active]
        st = self.queue.status()
        return {"calls": calls, "queue": {"pending": st.pending, "oldest_age_s": st.oldest_age_s,
                                          "last_error": st.last_error, "uploading": st.uploading},
                "last_error": self.last_error}

    def set_devices(self, mic: str, loopback: str, mic_fallback: str = "", loopback_fallback: str = "") -> None:
        """New device choice (from the settings page); applies from the next recording on."""
        with self._lock:
            self.mic, self.loopback = mic, loopback
            self.fallbacks = (mic_fallback, loopback_fallback)

    # -- lookup --------------------------------------------------------------
    def current(self) -> CallSession | None:
        active = [s for s in self.sessions.values() if s.active]
        return active[-1] if active else None

    def _find(self, ev: CallEvent) -> CallSession:
        if ev.call_id:
            s = self.sessions.get(ev.call_id)
            if s is None or not s.active:
                raise EventError(f"no active call with id '{ev.call_id}'")
            return s
        s = self.current()
        if s is None:
            raise EventError(f"'{ev.kind.value}' needs an active call, and there is none")
        return s

    # -- the event entry point ------------------------------------------------
    def handle(self, ev: CallEvent) -> str:
        """Apply one event. Raises EventError/TransitionError with a one-line reason for bad input."""
        with self._lock:
            if ev.kind in (EventKind.INCOMING, EventKind.OUTGOING):
                s = self._start_session(ev)
            elif ev.kind == EventKind.ANSWERED:
                s = self.sessions.get(ev.call_id) if ev.call_id else self._ringing()
                if s is None or not s.active:
                    # Hook softphones (MicroSIP cmdCallStart) may report only the answer.
                    s = self._start_session(ev)
                s.answered(ev.at)
            else:
                s = self._find(ev)
                if ev.kind == EventKind.ENDED:
                    self._end(s, ev)
                elif ev.kind == EventKind.NOTICE_GIVEN:
                    self._notice_given(s)
                elif ev.kind == EventKind.PRIVATE:
                    self._private(s)
                elif ev.kind == EventKind.DECLINED:
                    self._declined(s)
                elif ev.kind == EventKind.PAUSE:
                    rec = self.recorders.get(s.call_id)
                    s.pause(rec.offset_s if rec else 0.0)
                    if rec:
                        rec.pause()
                elif ev.kind == EventKind.RESUME:
                    s.resume()
                    if s.call_id in self.recorders:
                        self.recorders[s.call_id].resume()
                elif ev.kind == EventKind.BOOKMARK:
                    rec = self.recorders.get(s.call_id)
                    s.bookmark(rec.offset_s if rec else 0.0)
            self._journal(s)
        self._changed(s)
        return s.call_id

    def _ringing(self) -> CallSession | None:
        ringing = [s for s in self.sessions.values() if s.state == State.RINGING]
        return ringing[-1] if ringing else None

    def _start_session(self, ev: CallEvent) -> CallSession:
        call_id = ev.call_id or safe_call_id(None)
        existing = self.sessions.get(call_id)
        if existing and existing.active:
            return existing      # duplicate event
        if existing:
            raise EventError(f"call id '{call_id}' was already used for an ended call")
        s = CallSession(call_id=call_id, direction=ev.direction, number=ev.number, ring_at=ev.at)
        self.sessions[call_id] = s
        (self.calls_dir / call_id).mkdir(parents=True, exist_ok=True, mode=0o700)
        log.info("call %s %s from/to %s", call_id, ev.direction or "?", redact_number(ev.number))
        return s

    def _journal(self, s: CallSession) -> None:
        """Persist the session so a crash can be recovered (and a private mark honoured)."""
        d = self.calls_dir / s.call_id
        if not d.exists():
            return
        doc = s.to_json()
        doc["agent_id"], doc["workstation_id"], doc["sample_rate"] = self.agent_id, self.workstation_id, self.rate
        write_durably(d / JOURNAL, json.dumps(doc).encode())

    def _notice_given(self, s: CallSession) -> None:
        s.notice_given()
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

    def _refind(self, channel: int):
        spec, role = (self.mic, "mic") if channel == 0 else (self.loopback, "loopback")
        return self.backend.find(spec, role)

    def _fallback(self, channel: int):
        spec = self.fallbacks[channel]
        return self.backend.find(spec, ("mic", "loopback")[channel]) if spec else None

    def _capture_event(self, call_id: str, kind: str, info: dict) -> None:
        """Device trouble is shown to the agent at once and ends up in the manifest."""
        side = "your microphone" if info["channel"] == "agent" else "the customer's side"
        with self._lock:
            s = self.sessions.get(call_id)
            if s is None:
                return
            key = info["channel"] + ":device"
            if kind == "device_lost":
                then = ("switching to the fallback device" if self.fallbacks[0 if info["channel"] == "agent" else 1]
                        else "waiting for it to return")
                self.warnings[call_id][key] = \
                    f"Not hearing {side}: '{info['device']}' stopped ({info['cause']}); {then}"
            elif kind == "device_back" and info.get("fallback"):
                self.warnings[call_id][key] = (f"Hearing {side} through the fallback '{info['device']}' until "
                                               f"'{info['preferred']}' returns")
            elif kind == "device_back":
                self.warnings[call_id].pop(key, None)
            elif kind == "one_sided":
                who = "Your microphone" if info["channel"] == "agent" else "The customer"
                self.warnings[call_id][info["channel"] + ":silent"] = \
                    f"{who} has been silent for {self.one_sided_after_s:.0f} s: check the headset and the call"
            elif kind == "one_sided_cleared":
                self.warnings[call_id].pop(info["channel"] + ":silent", None)
            s.transitions.append(Transition(utcnow(), kind, f"{info['channel']}: {info.get('device', '')}"))
            self._journal(s)
        self._changed(s)

    def _private(self, s: CallSession) -> None:
        s.mark_private()
        self._journal(s)      # first, so a crash right now still honours the mark
        self._discard_audio(s)
        log.info("call %s marked private; nothing of it is kept", s.call_id)

    def _declined(self, s: CallSession) -> None:
        s.decline()
        self._journal(s)
        self._discard_audio(s)

    def _discard_audio(self, s: CallSession) -> None:
        rec = self.recorders.pop(s.call_id, None)
        if rec:
            rec.destroy()

    def _end(self, s: CallSession, ev: CallEvent) -> None:
        rec = self.recorders.pop(s.call_id, None)
        s.end(ev.at)
        self._journal(s)
        d = self.calls_dir / s.call_id
        if s.outcome in (Outcome.PRIVATE, Outcome.NOT_RECORDED):
            self.queue.audit(s.call_id, s.outcome.value)
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
        self.finish(s, audio=audio, duration_s=duration, codec=codec)

    def finish(self, s: CallSession, *, audio=None, segments=None, duration_s=None, interrupted=False,
               codec: str | None = None) -> None:
        d = self.calls_dir / s.call_id
        doc = manifest.build(s, agent_id=self.agent_id, workstation_id=self.workstation_id, key=self.key,
                             audio=audio, segments=segments, duration_s=duration_s, interrupted=interrupted,
                             sample_rate=self.rate,
                             codec=codec or codec_label(self.codec))
        manifest.write_signed(d, doc, self.key)
        # Local file name -> object name: every object of a call is named <call-id>.<what>,
        # so several calls share a day folder in storage. Audio first, manifest last.
        files = [audio.to_json()] if audio else []
        files += [{**f.to_json(), "object": manifest.object_name(s.call_id, f.path.name)} for f in segments or []]
        for name in (manifest.SIGNATURE, manifest.MANIFEST):
            p = d / name
            files.append({"name": name, "object": manifest.object_name(s.call_id, name), "sha256": sha256_file(p),
                          "size": p.stat().st_size})
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
