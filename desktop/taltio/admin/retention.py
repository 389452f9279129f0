"""`taltio-admin retention`: what expires when.

Two things decide when a recording goes: its own Object Lock retain-until date (COMPLIANCE: nobody can
delete it before then, a legal hold keeps it after) and the bucket's lifecycle rule that expires
recordings once storage.retention_days has passed (set by `storage init`). This shows both, per day
folder (the default) or per call, so a supervisor can answer "until when do we have the calls of
March?" and IT can see a bucket whose rule is missing (then nothing is ever deleted).
"""
from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone

from taltio.admin.catalog import CatalogError, Filters, filters_of, manifest_objects
from taltio.admin.store import LockInfo, ObjectInfo, Store, StoreError, call_ref, open_store


@dataclass(frozen=True)
class Rule:
    rule_id: str
    prefix: str
    days: int


@dataclass(frozen=True)
class CallRetention:
    agent: str
    day: str
    call_id: str
    stored: datetime | None
    lock: LockInfo
    expires: datetime | None     # when the lifecycle rule would delete it (None: no rule)


def expiry_rules(store: Store) -> tuple[list[Rule], str | None]:
    """The bucket's enabled expiry rules that cover the recordings, and a note when it cannot say."""
    client = getattr(store, "client", None)
    if client is None:
        return [], "a folder store has no lifecycle: nothing is deleted automatically"
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        rules = client.get_bucket_lifecycle_configuration(Bucket=store.bucket).get("Rules", [])  # type: ignore
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code", "")
        if code == "NoSuchLifecycleConfiguration":
            return [], "the bucket has no lifecycle rule: recordings are never deleted automatically"
        return [], f"cannot read the bucket's lifecycle rules ({code or exc})"
    except BotoCoreError as exc:
        return [], f"cannot read the bucket's lifecycle rules ({exc})"
    root = f"{store.prefix}/" if store.prefix else ""     # type: ignore[attr-defined]
    out = []
    for r in rules:
        prefix = (r.get("Filter") or {}).get("Prefix", r.get("Prefix", "")) or ""
        days = (r.get("Expiration") or {}).get("Days")
        if r.get("Status") == "Enabled" and days and (root.startswith(prefix) or prefix.startswith(root)):
            out.append(Rule(r.get("ID", "?"), prefix, int(days)))
    note = None if out else "no lifecycle rule expires the recordings: they are never deleted automatically"
    return out, note


def expires(stored: datetime | None, rules: list[Rule]) -> datetime | None:
    """S3 expires an object at the first midnight UTC after stored + days (the shortest matching rule)."""
    if stored is None or not rules:
        return None
    day = (stored.astimezone(timezone.utc) + timedelta(days=min(r.days for r in rules))).date() + timedelta(days=1)
    return datetime.combine(day, time(), timezone.utc)


def calls(store: Store, f: Filters, rules: list[Rule]) -> list[CallRetention]:
    """Each call's lock facts (read in parallel: one HEAD per manifest)."""
    objs: list[ObjectInfo] = list(manifest_objects(store, f))

    def one(o: ObjectInfo) -> CallRetention:
        ref = call_ref(o.key)
        assert ref is not None
        return CallRetention(ref.agent, ref.day, ref.call_id, o.modified, store.lock(o.key), expires(o.modified, rules))

    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(one, objs))


def _iso(t: datetime | None) -> str | None:
    return t.astimezone(timezone.utc).isoformat().replace("+00:00", "Z") if t else None


def per_call(c: CallRetention) -> dict:
    return {"agent": c.agent, "day": c.day.replace("/", "-"), "call_id": c.call_id, "stored": _iso(c.stored),
            "lock_mode": c.lock.mode, "retain_until": _iso(c.lock.retain_until), "legal_hold": c.lock.legal_hold,
            "lifecycle_expires": _iso(c.expires)}


def per_day(items: list[CallRetention]) -> list[dict]:
    """Day folders: how many calls, the retain-until range, holds, and when the rule deletes the last."""
    groups: dict[tuple[str, str], list[CallRetention]] = {}
    for c in items:
        groups.setdefault((c.agent, c.day), []).append(c)
    out = []
    for (agent, day), cs in sorted(groups.items()):
        until = [c.lock.retain_until for c in cs if c.lock.retain_until]
        exp = [c.expires for c in cs if c.expires]
        out.append({"agent": agent, "day": day.replace("/", "-"), "calls": len(cs),
                    "retain_until_first": _iso(min(until)) if until else None,
                    "retain_until_last": _iso(max(until)) if until else None,
                    "legal_holds": sum(bool(c.lock.legal_hold) for c in cs),
                    "lifecycle_expires_last": _iso(max(exp)) if exp else None})
    return out


def _table(rows: list[dict]) -> str:
    if not rows:
        return "no calls"
    head = list(rows[0])
    cells = [["-" if r[h] is None else str(r[h]) for h in head] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(head)]
    return "\n".join("  ".join(v.ljust(w) for v, w in zip(line, widths)).rstrip()
                     for line in [[h.upper() for h in head], *cells])


def run(ns: argparse.Namespace) -> int:
    try:
        store = open_store(ns.store, ns.endpoint)
        f = filters_of(ns)
        rules, note = expiry_rules(store)
        items = calls(store, f, rules)
    except (CatalogError, StoreError) as exc:
        print(f"taltio-admin: {exc}", file=sys.stderr)
        return 1
    rows = [per_call(c) for c in items] if ns.per_call else per_day(items)
    if ns.json:
        print(json.dumps({"lifecycle_rules": [r.__dict__ for r in rules], "note": note}))
        for r in rows:
            print(json.dumps(r))
        return 0
    for r in rules:
        print(f"lifecycle rule {r.rule_id}: objects under '{r.prefix}' expire {r.days} days after they were stored")
    if note:
        print(f"note: {note}")
    print(_table(rows))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add `retention` to taltio-admin."""
    p = sub.add_parser("retention", help="what expires when (retain-until dates and the lifecycle rule)",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--store", required=True, help="s3://BUCKET/PREFIX (the agents' storage.url) or file:///FOLDER")
    p.add_argument("--endpoint", help="S3 endpoint URL (default AWS_ENDPOINT_URL, else AWS)")
    p.add_argument("--agent", help="only this agent's calls")
    p.add_argument("--from", dest="since", metavar="DATE", help="day folders on or after this day (YYYY-MM-DD)")
    p.add_argument("--to", dest="until", metavar="DATE", help="day folders on or before this day (YYYY-MM-DD)")
    p.add_argument("--per-call", action="store_true", help="one row per call instead of per day folder")
    p.add_argument("--json", action="store_true", help="a first line with the rules, then one object per row")
    p.set_defaults(handler=run)
