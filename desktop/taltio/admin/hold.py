"""`taltio-admin hold CALL --on|--off --reason TEXT`: put a call under legal hold, or lift it.

A legal hold keeps every object of the call (manifest, its signature, the audio or its segments) from
deletion even after its COMPLIANCE retention ends, until the hold is lifted: for a complaint, a dispute
or an authority's request. Each change is recorded in the store itself as a write-once audit object
``_audit/YYYY/MM/DD/<timestamp>-hold-<call>.json`` (who, when, which call, on/off, why), so the hold's
history cannot be rewritten by whoever lifts it.

The credential needs s3:PutObjectLegalHold on the recordings and s3:PutObject on ``_audit/``.
"""
from __future__ import annotations

import argparse
import getpass
import json
import socket
import sys
from datetime import datetime, timezone

from taltio.admin.store import AUDIT_PREFIX, MANIFEST_SUFFIX, CallRef, Store, StoreError, call_ref, open_store


class HoldError(RuntimeError):
    """The call cannot be found or held as asked; printed as one line, exit 1."""


def resolve(store: Store, call: str) -> CallRef:
    """The call named by a manifest key, ``AGENT/YYYY/MM/DD/CALL-ID``, or a bare call id (searched for)."""
    key = call if call.endswith(MANIFEST_SUFFIX) else f"{call}{MANIFEST_SUFFIX}"
    ref = call_ref(key)
    if ref is not None:
        return ref
    if "/" in call:
        raise HoldError(f"'{call}' is neither a call id nor AGENT/YYYY/MM/DD/CALL-ID")
    found = [r for r in store.manifests() if r.call_id == call]
    if not found:
        raise HoldError(f"no call '{call}' in {store.url}")
    if len(found) > 1:
        raise HoldError(f"call id '{call}' is in {len(found)} places ({', '.join(r.folder for r in found)}); "
                        f"name it as AGENT/YYYY/MM/DD/{call}")
    return found[0]


def objects_of(store: Store, ref: CallRef) -> list[str]:
    """Every stored object of the call: what its manifest names, plus the manifest and its .sig if present."""
    try:
        doc = json.loads(store.get(ref.manifest_key))
    except ValueError:
        raise HoldError(f"{ref.manifest_key} is not JSON; not holding a call whose parts cannot be told") from None
    audio = doc.get("audio") or {}
    parts = ([audio["file"]] if audio.get("file") else []) + list(audio.get("segments") or [])
    names = {ref.manifest_key, ref.key(f"{ref.call_id}{MANIFEST_SUFFIX}.sig")} | {ref.key(p["name"]) for p in parts}
    present = {o.key for o in store.list(ref.key(f"{ref.call_id}."))}
    missing = {ref.key(p["name"]) for p in parts} - present
    if missing:
        raise HoldError(f"the manifest names objects that are not stored: {', '.join(sorted(missing))}")
    return sorted(names & present | {ref.manifest_key})


def audit_record(ref: CallRef, on: bool, reason: str, keys: list[str], when: datetime) -> dict:
    return {"schema": "taltio.audit.hold", "schema_version": 1, "action": "hold" if on else "release",
            "legal_hold": "ON" if on else "OFF", "call": {"agent": ref.agent, "day": ref.day, "call_id": ref.call_id},
            "objects": keys, "reason": reason, "by": {"user": getpass.getuser(), "host": socket.gethostname()},
            "at": when.isoformat().replace("+00:00", "Z")}


def hold(store: Store, call: str, on: bool, reason: str) -> tuple[dict, str]:
    """Set the legal hold on every object of *call*, then write the audit record. Returns (record, its key)."""
    if not reason.strip():
        raise HoldError("--reason must say why (it goes into the audit record)")
    ref = resolve(store, call)
    keys = objects_of(store, ref)
    for k in keys:
        store.set_legal_hold(k, on)
    when = datetime.now(timezone.utc)
    record = audit_record(ref, on, reason.strip(), keys, when)
    key = f"{AUDIT_PREFIX}/{when:%Y/%m/%d}/{when:%Y%m%dT%H%M%S%fZ}-hold-{ref.call_id}.json"
    store.put(key, (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode(), "application/json")
    return record, key


def run(ns: argparse.Namespace) -> int:
    try:
        record, key = hold(open_store(ns.store, ns.endpoint), ns.call, ns.on, ns.reason)
    except (HoldError, StoreError) as exc:
        print(f"taltio-admin: {exc}", file=sys.stderr)
        return 1
    print(f"legal hold {record['legal_hold']} on {len(record['objects'])} object(s) of call "
          f"{record['call']['call_id']}; audit record {key}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add `hold` to taltio-admin."""
    p = sub.add_parser("hold", help="put a call under legal hold or lift it (with an audit record)",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("call", help="CALL-ID, or AGENT/YYYY/MM/DD/CALL-ID when the id is not unique")
    onoff = p.add_mutually_exclusive_group(required=True)
    onoff.add_argument("--on", dest="on", action="store_true", help="set the legal hold")
    onoff.add_argument("--off", dest="on", action="store_false", help="lift the legal hold")
    p.add_argument("--reason", required=True, help="why (a case number, a request); goes into the audit record")
    p.add_argument("--store", required=True, help="s3://BUCKET/PREFIX (the agents' storage.url)")
    p.add_argument("--endpoint", help="S3 endpoint URL (default AWS_ENDPOINT_URL, else AWS)")
    p.set_defaults(handler=run)
