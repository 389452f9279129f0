"""The workstation's audit log as a hash chain (issue 14 point 8).

The local audit log (private marks and their reasons, not-recorded calls, staff-notice
acknowledgements, refused policies) is evidence for the agent as much as for the organisation: a
supervisor must be able to tell that no entry was removed, reordered, changed or slipped in later.
So every entry names the hash of the one before it, and the hash of the newest entry (the *head*)
travels in every signed manifest and every heartbeat. The entries themselves go to the agent's own
prefix in the write-once bucket (``<agent>/_audit/<seq-from>-<seq-to>.json``), where
`taltio-admin verify --audit AGENT` checks them against those heads.

Everything here is pure: no clock, no storage; the upload queue keeps the chain in SQLite.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from typing import Any

from taltio.domain import rules

GENESIS = "0" * 64                  # the "prev" of the first entry
SCHEMA = "taltio-audit-v1"          # the schema of an uploaded batch
FIELDS = ("seq", "at", "event", "call_id", "detail", "prev")
REASON_LIMIT = 200
# Events whose detail holds the agent's own words (the reason of a private call).
AGENT_WORDS = ("private-marked", "private")


# --------------------------------------------------------------------------- entries

def canonical(entry: dict[str, Any]) -> bytes:
    """The bytes an entry's hash is taken over: its six fields, sorted keys, no spaces, UTF-8.

    Anything else in the dict (its own "hash") is left out, so a stored entry can be re-hashed as is."""
    body = {k: entry.get(k) for k in FIELDS}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def entry_hash(entry: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(entry)).hexdigest()


def iso_at(epoch: float) -> str:
    """The entry's time, ISO 8601 UTC with microseconds: the same float always gives the same text,
    so an entry rebuilt from the database hashes the same as when it was appended."""
    return datetime.fromtimestamp(epoch, timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")


def append(prev_entry: dict[str, Any] | None, *, at: str, event: str, call_id: str, detail: str) -> dict[str, Any]:
    """The entry after *prev_entry* (None: the first), with its "hash"."""
    entry = {"seq": (int(prev_entry["seq"]) + 1) if prev_entry else 1, "at": at, "event": event,
             "call_id": call_id, "detail": detail, "prev": entry_hash(prev_entry) if prev_entry else GENESIS}
    entry["hash"] = entry_hash(entry)
    return entry


def head(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """{seq, hash} of the newest entry; {0, GENESIS} for an empty chain."""
    if not entries:
        return {"seq": 0, "hash": GENESIS}
    last = max(entries, key=lambda e: int(e["seq"]))
    return {"seq": int(last["seq"]), "hash": entry_hash(last)}


# --------------------------------------------------------------------------- checking

def verify_chain(entries: list[dict[str, Any]], expected_head: dict[str, Any] | None = None) -> list[str]:
    """What is wrong with *entries* (in the order given) as a chain from seq 1; [] when nothing is.

    Each problem names the seq it is found at: a changed entry breaks the link of the one after it
    (or the expected head); a removed one leaves a gap; a reordered or inserted one is out of sequence
    or does not link to its predecessor."""
    problems: list[str] = []
    prev: dict[str, Any] | None = None
    for i, e in enumerate(entries):
        shape = _shape(e)
        if shape:
            problems.append(f"entry {i + 1} in order: {shape}")
            prev = None
            continue
        seq, want = int(e["seq"]), (int(prev["seq"]) + 1 if prev else 1)
        if seq != want:
            what = "missing" if seq > want else "out of order or repeated"
            problems.append(f"seq {seq}: expected seq {want} here (entries {what})")
        link = entry_hash(prev) if prev else (GENESIS if seq == 1 else None)
        if link is not None and e["prev"] != link:
            problems.append(f"seq {seq}: its prev does not match the hash of the entry before it "
                            f"(seq {prev['seq'] if prev else 0}): an entry was changed, removed or inserted here")
        if "hash" in e and e["hash"] != entry_hash(e):
            problems.append(f"seq {seq}: its content does not match its hash (changed)")
        prev = e
    if expected_head is not None:
        problems += _head_problems(entries, expected_head)
    return problems


def _shape(e: Any) -> str | None:
    if not isinstance(e, dict):
        return "not a JSON object"
    if not isinstance(e.get("seq"), int) or isinstance(e.get("seq"), bool) or e["seq"] < 1:
        return "no positive integer seq"
    for name in ("at", "event", "call_id", "detail", "prev"):
        if not isinstance(e.get(name), str):
            return f"seq {e['seq']}: field '{name}' is missing or not a string"
    return None


def _head_problems(entries: list[dict[str, Any]], expected: dict[str, Any]) -> list[str]:
    found = on_chain(entries, expected)
    return [] if found is None else [found]


def on_chain(entries: list[dict[str, Any]], wanted: dict[str, Any]) -> str | None:
    """None when *wanted* ({seq, hash}) is the hash of the chain's entry of that seq; else why not."""
    try:
        seq, want = int(wanted["seq"]), str(wanted["hash"])
    except (KeyError, TypeError, ValueError):
        return f"head {wanted!r} is not {{seq, hash}}"
    if seq == 0:
        return None if want == GENESIS else "head seq 0 with a hash that is not the empty chain's"
    match = [e for e in entries if isinstance(e, dict) and e.get("seq") == seq]
    if not match:
        return f"seq {seq}: named by a head but not in the chain (removed, or not uploaded yet)"
    if entry_hash(match[0]) != want:
        return f"seq {seq}: its hash differs from the head that names it (changed)"
    return None


# --------------------------------------------------------------------------- what may be written

def redact_numbers(text: str, limit: int = REASON_LIMIT) -> str | None:
    """The agent's free text as it may enter the chain (and so the bucket): see rules.redact_numbers."""
    return rules.redact_numbers(text, limit)


def clean_detail(event: str, detail: str) -> str:
    """*detail* with the agent's words cleaned: the "reason" of a private mark or a private call.

    Only those: the other details hold times and hashes that the number filter would mangle."""
    if event not in AGENT_WORDS or not detail:
        return detail
    try:
        doc = json.loads(detail)
    except ValueError:
        return redact_numbers(detail) or ""
    if isinstance(doc, dict) and isinstance(doc.get("reason"), str):
        doc["reason"] = redact_numbers(doc["reason"])
        return json.dumps(doc, ensure_ascii=False)
    return detail


# --------------------------------------------------------------------------- the uploaded form

def object_prefix(agent_id: str) -> str:
    """Where the agent's chain goes, relative to its storage prefix: under the agent's own folder,
    the only place its credential may write."""
    return f"{agent_id}/_audit"


def object_name(seq_from: int, seq_to: int) -> str:
    """Zero-padded, so the names list in seq order."""
    return f"{seq_from:010d}-{seq_to:010d}.json"


def batch(entries: list[dict[str, Any]]) -> bytes:
    """One uploaded object: the entries (each with its hash, for a reader's convenience)."""
    doc = {"schema": SCHEMA, "entries": [{**{k: e[k] for k in FIELDS}, "hash": entry_hash(e)} for e in entries]}
    return (json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def parse_batch(body: bytes) -> list[dict[str, Any]]:
    """The entries of an uploaded object; ValueError when it is not one."""
    doc = json.loads(body)
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA or not isinstance(doc.get("entries"), list):
        raise ValueError(f"not a {SCHEMA} batch")
    return doc["entries"]
