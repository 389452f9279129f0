"""Finishing an ended call: seal the audio, sign the manifest, queue the call for upload.

This is the slow part of a call's end (stopping the recorder ends the final file's age stream and
fsyncs it, every write is fsynced, the manifest is signed), so it runs *outside* the controller's lock: the
controller changes the call's state in memory under the lock, takes an EndJob (a copy of the ended
session and everything the manifest needs), releases the lock and only then calls `Finisher.end`.
Events for other calls (a new call ringing, the agent pausing another call) are handled meanwhile.

Nothing here touches the controller's state: an EndJob is owned by the thread finishing it.

The journal (session.json, mode 0600) never holds the customer's number or name in clear: from its first
write it keeps them as the manifest's sealed ``party`` (sealed to the organisation's recipients, which the
workstation cannot open), the manifest takes that same block, and crash recovery takes it as it is. A
scan of the data dir during a live call finds no number (tests/test_leak_suite.py).
"""
from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from taltio.domain import audit_chain, manifest
from taltio.domain.events import utcnow
from taltio.domain.files import sha256_file, write_durably
from taltio.domain.ports import Outbox
from taltio.domain.session import CallSession, Outcome
from taltio.recording.recorder import CallRecorder

log = logging.getLogger("taltio.controller")

JOURNAL = "session.json"
JOURNAL_MODE = 0o600            # the journal holds the call's history (its party only sealed)
NOT_SEALED = object()           # `party=` default: seal the session's own number and name now


@dataclass
class EndJob:
    """An ended call to finish, taken under the controller's lock."""
    session: CallSession          # a copy: the finisher's own, so no lock is needed to read it
    recorder: CallRecorder | None
    interrupted: bool             # the softphone was lost mid-call (the manifest says "interrupted")
    codec: str                    # the codec label, in case no recorder says otherwise
    layout: str                   # the channel layout (encoder.layout_of), likewise
    sample_rate: int
    staff_ack: dict | None        # the staff-notice acknowledgement this manifest carries
    result: object = None         # the recorder's RecordedAudio once it stopped (a retry does not stop it again)
    attempts: int = 0             # finishing attempts the disk refused (controller: tried again until it works)


@dataclass
class Finished:
    """What finishing found: the device history for the live session, and whether it worked."""
    ok: bool
    gaps: list
    alarms: list
    devices: list


class Finisher:
    def __init__(self, *, calls_dir: Path, queue: Outbox, key, agent_id: str, workstation_id: str,  # noqa: ANN001
                 on_error: Callable[[str, str], None], recipients: list | None = None,
                 index_key: bytes | None = None) -> None:
        self.calls_dir = calls_dir
        # The party is sealed to these (the org recipients the audio is encrypted to) and its number indexed
        # under index_key (None: no index); the controller replaces both when a policy changes them.
        self.recipients = list(recipients or [])
        self.index_key = index_key
        self.queue = queue
        self.key = key
        self.agent_id = agent_id
        self.workstation_id = workstation_id
        self.on_error = on_error
        # call id -> ((number, display name), its sealed party): a journal write re-seals only when the
        # softphone has told us another number or name, and the manifest takes the journal's very block.
        self._sealed: dict[str, tuple[tuple, dict | None]] = {}

    def live_party(self, s: CallSession) -> dict | None:
        """The session's party sealed to the current recipients, sealed once per number and name."""
        ident = (s.number, s.display_name)
        hit = self._sealed.get(s.call_id)
        if hit is None or hit[0] != ident:
            hit = self._sealed[s.call_id] = (ident, manifest.party_block(s, self.recipients, self.index_key))
        return hit[1]

    def forget(self, call_id: str) -> None:
        """The call has left the finisher's hands (queued or destroyed): drop its sealed party."""
        self._sealed.pop(call_id, None)

    def journal(self, s: CallSession, sample_rate: int, party: object = NOT_SEALED) -> None:
        """Persist the session so a crash can be recovered (and a private mark honoured).

        The number and display name are never written: *party* (the manifest's sealed party block), or
        an ended call's sealed party already in its journal, or else the session's party sealed now."""
        d = self.calls_dir / s.call_id
        if not d.exists():
            return
        doc = s.to_json()
        doc["agent_id"], doc["workstation_id"], doc["sample_rate"] = self.agent_id, self.workstation_id, sample_rate
        if party is NOT_SEALED and not s.active:
            party = sealed_party(d)
        if party is NOT_SEALED:
            party = self.live_party(s)
        doc.pop("number", None)
        doc.pop("display_name", None)
        doc["party"] = party
        write_durably(d / JOURNAL, json.dumps(doc).encode(), mode=JOURNAL_MODE)

    def end(self, job: EndJob) -> Finished:
        """Journal the ended call, then: no audio -> an audit row and the folder removed; else stop the
        recorder (the final encrypted file) and seal the manifest. Called without the controller's lock.

        Raises OSError when the disk refuses a step (full): the job keeps what is done, nothing is lost while
        the app runs, and calling `end` again with the same job carries on from there."""
        s = job.session
        try:
            self.journal(s, job.sample_rate)
        except OSError as exc:          # written again below, when the call is sealed
            log.warning("call %s: journal not saved at its end (%s)", s.call_id, exc.strerror or exc)
        if s.outcome in (Outcome.PRIVATE, Outcome.NOT_RECORDED):
            # No audio and no number: when, how long, and why (the agent's reason for a private call).
            began = s.answer_at or s.ring_at
            detail = {"duration_s": round((s.end_at - began).total_seconds(), 1) if began and s.end_at else None}
            if s.outcome == Outcome.PRIVATE:
                detail["reason"] = s.private_reason
            self.queue.audit(s.call_id, s.outcome.value, json.dumps(detail))
            self.publish_audit()
            shutil.rmtree(self.calls_dir / s.call_id, ignore_errors=True)
            self.forget(s.call_id)
            return Finished(True, s.gaps, s.alarms, s.devices)
        audio = segments = duration = codec = layout = None
        rec = job.recorder
        if rec is not None:
            if job.result is None:
                # OSError (the last bytes could not be sealed) leaves them in the recorder for the next try.
                job.result = rec.stop(f"{s.call_id}.{rec.extension}.age")
            result = job.result
            audio, duration, codec, layout = result.file, result.duration_s, result.codec, result.layout
            segments = result.segments      # the final file could not be written: the call is its segments
            s.gaps, s.alarms = rec.capture.manifest_gaps(), rec.capture.manifest_alarms()
            s.devices = rec.capture.manifest_devices()
        self.seal(s, audio=audio, segments=segments, duration_s=duration, codec=codec or job.codec,
                  layout=layout or job.layout, sample_rate=job.sample_rate,
                  staff_ack=job.staff_ack, interrupted=job.interrupted and s.outcome == Outcome.RECORDED)
        return Finished(True, s.gaps, s.alarms, s.devices)

    def seal(self, s: CallSession, *, audio=None, segments=None, duration_s=None, interrupted=False,  # noqa: ANN001
             codec: str, sample_rate: int, staff_ack: dict | None, party: object = NOT_SEALED,
             layout: str | None = None) -> None:
        """Sign the call's manifest and hand the call's folder to the upload queue.

        *party*: the sealed party a journal already holds (crash recovery); by default the one the live
        journal has held since the call began."""
        d = self.calls_dir / s.call_id
        if party is NOT_SEALED:
            party = self.live_party(s)
            if party is not None and party["sealed"] is None:
                log.warning("call %s: no organisation recipients, so its number and name are not kept", s.call_id)
        self.journal(s, sample_rate, party=party)
        head = self.publish_audit()
        doc = manifest.build(s, agent_id=self.agent_id, workstation_id=self.workstation_id, key=self.key,
                             audio=audio, segments=segments, duration_s=duration_s, interrupted=interrupted,
                             sample_rate=sample_rate, codec=codec, layout=layout, staff_ack=staff_ack,
                             policy={"versions": dict(s.policy_versions)}, party=party, audit_head=head)
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
        self.forget(s.call_id)

    def publish_audit(self) -> dict:
        """Queue the audit entries written since the last time (a private mark, a staff-notice
        acknowledgement) for upload under the agent's prefix, before a manifest names their head: the
        chain reaches storage through the same durable queue as the calls. Returns that head."""
        return self.queue.publish_audit(audit_chain.object_prefix(self.agent_id))


def sealed_party(call_dir: Path) -> object:
    """The sealed party the call's journal holds (a dict, or None for a call without one), or NOT_SEALED."""
    try:
        doc = json.loads((call_dir / JOURNAL).read_text())
    except (OSError, ValueError):
        return NOT_SEALED
    return doc["party"] if isinstance(doc, dict) and "party" in doc else NOT_SEALED
