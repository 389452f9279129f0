"""After a crash or power loss: finish what the last run left in the calls folder.

Private and declined marks are honoured first (their audio is destroyed even
if the crash came before the destroy). Recorded calls go up as "interrupted",
from the final file if it was sealed, else from the sealed segments.
"""
from __future__ import annotations

import json
import logging
import shutil
from datetime import datetime, timezone

from taltio.domain import manifest
from taltio.recording.controller import JOURNAL, Controller
from taltio.recording.finishing import NOT_SEALED
from taltio.recording.encoder import FINAL_EXTENSIONS
from taltio.recording.segments import SEGMENT_GLOB, sealed_segments
from taltio.domain.files import SealedFile, sha256_file
from taltio.domain.session import Outcome, State, Transition, session_from_json

log = logging.getLogger("taltio.recovery")


def recover(ctl: Controller) -> list[str]:
    recovered = []
    if not ctl.calls_dir.exists():
        return recovered
    for d in sorted(p for p in ctl.calls_dir.iterdir() if p.is_dir()):
        call_id = d.name
        if ctl.queue.has_job(call_id):
            continue            # already complete and queued; the queue resumes it
        for part in d.glob("*.part"):
            part.unlink()       # a write that never completed
        try:
            journal = json.loads((d / JOURNAL).read_text())
            s = session_from_json(journal)
        except (OSError, ValueError, KeyError) as exc:
            # Without a journal we cannot know whether the call was private: destroy.
            log.error("call folder %s has no readable journal (%s); its audio is discarded", d.name, exc)
            shutil.rmtree(d, ignore_errors=True)
            continue
        # A call sealed before the crash: its journal holds the sealed party, no longer the number.
        party = journal.get("party", NOT_SEALED)
        if s.outcome in (Outcome.PRIVATE, Outcome.DECLINED, Outcome.NOT_RECORDED) or \
                s.state in (State.RINGING, State.NOTICE_PENDING):
            for f in list(d.glob(SEGMENT_GLOB)) + [p for ext in FINAL_EXTENSIONS for p in d.glob(f"*.{ext}.age")]:
                f.unlink()
            if s.outcome == Outcome.DECLINED:
                s.end(s.end_at)
                ctl.finish(s, party=party)
                recovered.append(call_id)
            else:
                ctl.queue.audit(call_id, s.outcome.value if s.outcome != Outcome.PENDING else "not_recorded",
                                "recovered after restart")
                shutil.rmtree(d, ignore_errors=True)
            continue
        interrupted = s.state != State.ENDED
        final = next((p for p in (d / f"{call_id}.{ext}.age" for ext in FINAL_EXTENSIONS) if p.exists()), None)
        segments = sealed_segments(d)
        last = max((p.stat().st_mtime for p in d.iterdir()), default=None)
        if interrupted:
            s.transitions.append(Transition(datetime.now(timezone.utc), "interrupted",
                                            "recovered after the app stopped unexpectedly"))
            s.end(datetime.fromtimestamp(last, timezone.utc) if last else None)
        for stale in (manifest.MANIFEST, manifest.SIGNATURE):
            (d / stale).unlink(missing_ok=True)
        if final is not None:
            audio = SealedFile(final, sha256_file(final), final.stat().st_size)
            ctl.finish(s, audio=audio, interrupted=interrupted, party=party)
        else:
            ctl.finish(s, segments=segments or None, interrupted=True, party=party)
        log.warning("recovered call %s (%s, %d segments)", call_id, "interrupted" if interrupted else "ended",
                    len(segments))
        recovered.append(call_id)
    return recovered
