"""The per-call manifest: what was recorded, when, and the hash of the ciphertext, signed.

age does not authenticate who encrypted a file, so the signed manifest is what
ties an object in storage to this workstation and this call.

Schema 2 never names the customer in clear: ``party`` holds the number and display name sealed to the
organisation's age recipients, and a keyed blind index of the number (see domain/party.py). It is
``null`` when the softphone reported neither. Schema 1 (``remote_number``, ``remote_display_name``)
is still read by ``party.of_manifest``.
"""
from __future__ import annotations

import json
import platform
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from taltio import __version__
from taltio.domain import party as party_mod
from taltio.domain import sshsig
from taltio.domain.events import iso
from taltio.domain.files import SealedFile, write_durably
from taltio.domain.session import CallSession

SCHEMA_VERSION = 2
MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.sig"


def build(session: CallSession, *, agent_id: str, workstation_id: str, key: Ed25519PrivateKey,
          audio: SealedFile | None, segments: list[SealedFile] | None = None, duration_s: float | None = None,
          codec: str | None = None, interrupted: bool = False, sample_rate: int | None = None,
          layout: str | None = None,
          staff_ack: dict | None = None, policy: dict | None = None, party: dict | None = None,
          audit_head: dict | None = None) -> dict:
    """The manifest of *session*. *party* is its sealed party block (:func:`party_block`); the session's
    own number and display name are never written. *audit_head* ({seq, hash}) is the head of the
    workstation's audit chain when the call was sealed: signed here, it pins the chain up to that entry."""
    doc = {
        "schema": "taltio.manifest",
        "schema_version": SCHEMA_VERSION,
        "app_version": __version__,
        "platform": platform.system(),
        "call_id": session.call_id,
        "agent_id": agent_id,
        "workstation_id": workstation_id,
        "workstation_key": sshsig.public_openssh(key.public_key()),
        "direction": session.direction,
        # Who said the call began: a softphone integration ("baresip", "hook", ...) or the agent by hand
        # ("manual", a phone Taltio cannot hear of): a dispute over a call's start reads this first.
        "started_by": session.started_by,
        "queue": session.queue,
        "party": party,
        "outcome": "interrupted" if interrupted else session.outcome.value,
        "times": _times(session),
        # "agent": recording began when the agent confirmed the notice was given; "on_answer": the
        # organisation records from the answer on and the notice card was a reminder.
        "notice": {"mode": session.notice_mode, "given": iso(session.notice_at), "language": session.notice_language,
                   "text_sha256": session.notice_sha256},
        "pauses": session.pauses,
        # Holds during which capture went on (recording.on_hold = "continue"); a pausing hold is in "pauses".
        "holds": session.holds,
        "bookmarks": session.bookmarks,
        # Stretches where a device delivered nothing (silence was recorded instead of
        # anyone else's audio), and one-sided-call alarms shown to the agent.
        "gaps": session.gaps,
        "alarms": session.alarms,
        "devices": session.devices,
        "transitions": [t.to_json() for t in session.transitions],
        "audio": None,
    }
    if session.error:
        doc["error"] = session.error
    # Which supervisor policy versions were in force: the notice text and rules of this call.
    doc["policy"] = policy or {"versions": {}}
    if audit_head is not None:
        doc["audit_head"] = {"seq": int(audit_head["seq"]), "hash": str(audit_head["hash"])}
    if staff_ack:
        # The agent acknowledged the staff notice (first run, or it changed) since the last manifest.
        doc["staff_notice_ack"] = staff_ack
    if audio or segments:
        doc["audio"] = _audio(session, audio, segments, duration_s, codec, sample_rate, layout)
    return doc


def party_block(session: CallSession, recipients: list, index_key: bytes | None) -> dict | None:
    """The session's number and display name sealed to *recipients*, indexed under *index_key*."""
    return party_mod.manifest_block(party_mod.Party(session.number, session.display_name), recipients, index_key)


def _times(session: CallSession) -> dict:
    return {
        "ring": iso(session.ring_at),
        "answer": iso(session.answer_at),
        "notice_given": iso(session.notice_at),
        "recording_start": iso(session.record_start_at),
        "end": iso(session.end_at),
    }


def _audio(session: CallSession, audio: SealedFile | None, segments: list[SealedFile] | None,
           duration_s: float | None, codec: str | None, sample_rate: int | None, layout: str | None) -> dict:
    return {
        "codec": codec or "ogg/opus",
        # "two-mono": two uncoupled Opus streams (mapping family 1, 2 streams, none coupled), one per
        # side; "stereo": one coupled stereo stream (or FLAC). Either plays as a two-channel file.
        "layout": layout or "stereo",
        "channels": {"left": "agent", "right": "customer"},
        "sample_rate": sample_rate,
        "encryption": "age",
        "duration_s": duration_s,
        "file": audio.to_json() if audio else None,
        # After a crash the audio exists only as sealed segments; their
        # decrypted contents, concatenated in this order, form one Ogg file.
        "segments": [{**s.to_json(), "name": object_name(session.call_id, s.path.name)} for s in segments]
        if segments else None,
    }


def object_name(call_id: str, local_name: str) -> str:
    return local_name if local_name.startswith(call_id) else f"{call_id}.{local_name}"


def encode(doc: dict) -> bytes:
    return (json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def write_signed(call_dir: Path, doc: dict, key: Ed25519PrivateKey) -> tuple[Path, Path]:
    body = encode(doc)
    sig = sshsig.sign(key, body, sshsig.NS_MANIFEST).encode()
    # Signature first: a manifest on disk always has its signature beside it.
    write_durably(call_dir / SIGNATURE, sig)
    write_durably(call_dir / MANIFEST, body)
    return call_dir / MANIFEST, call_dir / SIGNATURE
