"""`taltio-admin fleet`: one look at every workstation's heartbeat.

Each workstation overwrites `fleet/<agent-id>.json` in the fleet bucket every
`fleet.heartbeat_minutes` (taltio/core/fleet.py). This lists them worst first
and flags:

* STALE: no heartbeat for `--stale-minutes` (the workstation is off, the app is
  not running, or it cannot reach storage at all);
* ERROR: the workstation reports a current upload or heartbeat error, or a
  recording error in the last hour;
* BACKLOG: at least `--backlog-count` calls wait for upload, or the oldest has
  waited `--backlog-hours`;
* POLICY: the workstation refused a supervisor policy it was sent (a bad signature, an unknown
  signer, an older version than it had accepted: a rollback attempt, or an expired one);
* MALFORMED: the object is not a heartbeat this version understands.

The POLICY column shows the supervisor policy versions each workstation has in force, so one left
on an older version (it could not fetch, or its local state was reset) stands out.

It is a report: the exit code is 0 whatever is flagged, and 1 only when the
heartbeats could not be read at all. Credentials come from the boto3 default
chain (environment, ~/.aws, instance role) and are never printed.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from taltio.domain.events import parse_iso
from taltio.domain.texts import escape_controls
from taltio.upload.heartbeat import SCHEMA, backlog_warning
from taltio.settings import BY_KEY

PREFIX = "fleet/"
FLAG_WEIGHT = {"MALFORMED": 8, "STALE": 4, "ERROR": 2, "BACKLOG": 1, "POLICY": 1}


class FleetReadError(RuntimeError):
    """The heartbeats could not be listed or read at all; the message says what to check."""


@dataclass
class Entry:
    key: str
    stored_at: float | None               # storage's own timestamp of the object (server clock)
    doc: dict | None = None
    problem: str | None = None            # why it is malformed
    flags: list[str] = field(default_factory=list)
    age_s: float | None = None

    @property
    def weight(self) -> int:
        return sum(FLAG_WEIGHT[f] for f in self.flags)


# -- reading ---------------------------------------------------------------------------------
def _read_s3(bucket: str, endpoint: str | None) -> list[tuple[str, float | None, bytes]]:
    import boto3
    from botocore.config import Config
    from botocore.exceptions import BotoCoreError, ClientError

    client = boto3.client("s3", endpoint_url=endpoint or os.environ.get("AWS_ENDPOINT_URL"),
                          config=Config(signature_version="s3v4", s3={"addressing_style": "path"},
                                        retries={"mode": "standard", "total_max_attempts": 2},
                                        connect_timeout=3, read_timeout=20))
    where = f"s3://{bucket}/{PREFIX} at {endpoint or 'AWS'}"
    out = []
    try:
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=PREFIX):
            for obj in page.get("Contents", []):
                key = obj["Key"]
                try:
                    body = client.get_object(Bucket=bucket, Key=key)["Body"].read()
                except ClientError as exc:
                    # One unreadable object is that workstation's problem, not the report's.
                    body = f"unreadable: {exc.response.get('Error', {}).get('Code', '')}".encode()
                out.append((key, obj["LastModified"].timestamp(), body))
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code", "") or "error"
        hint = {"NoSuchBucket": "check --bucket (the fleet bucket, default '<recordings bucket>-fleet')",
                "AccessDenied": "the admin credentials need s3:ListBucket and s3:GetObject on it",
                "InvalidAccessKeyId": "check the admin credentials (AWS_ACCESS_KEY_ID, ~/.aws)",
                "SignatureDoesNotMatch": "check the admin credentials (AWS_SECRET_ACCESS_KEY, ~/.aws)"}
        raise FleetReadError(f"cannot read {where}: {code}" + (f"; {hint[code]}" if code in hint else "")) from None
    except (BotoCoreError, OSError) as exc:
        raise FleetReadError(f"cannot reach {where}: {type(exc).__name__}; check --endpoint, the network and "
                             f"the credentials") from None
    return out


def _read_folder(root: Path) -> list[tuple[str, float | None, bytes]]:
    folder = root / PREFIX.rstrip("/")
    if not folder.is_dir():
        raise FleetReadError(f"{folder} does not exist; give the folder of the file:// storage URL")
    out = []
    for p in sorted(folder.glob("*.json")):
        try:
            out.append((f"{PREFIX}{p.name}", p.stat().st_mtime, p.read_bytes()))
        except OSError as exc:
            out.append((f"{PREFIX}{p.name}", None, f"unreadable: {exc.strerror}".encode()))
    return out


# -- judging ---------------------------------------------------------------------------------
def _parse(key: str, stored_at: float | None, body: bytes) -> Entry:
    e = Entry(key, stored_at)
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        e.problem = "not JSON"
        return e
    if not isinstance(doc, dict):
        e.problem = "not a JSON object"
        return e
    if doc.get("schema") != SCHEMA:
        e.problem = f"schema is {str(doc.get('schema'))[:40]!r}, expected {SCHEMA!r}"
        return e
    try:
        parse_iso(doc["time"])
        backlog = doc["backlog"]
        int(backlog["count"])
        if backlog.get("oldest_age_s") is not None:
            float(backlog["oldest_age_s"])
        if doc.get("last_error") is not None and not isinstance(doc["last_error"], dict):
            raise TypeError("last_error")
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        e.problem = f"missing or bad field {exc}"
        return e
    e.doc = doc
    return e


def judge(e: Entry, now: float, stale_s: float, backlog_count: int, backlog_hours: float) -> Entry:
    if e.doc is None:
        e.flags = ["MALFORMED"]
        if e.stored_at is not None:
            e.age_s = max(0.0, now - e.stored_at)
        return e
    beat = parse_iso(e.doc["time"]).timestamp()
    # The older of the workstation's own time and storage's: a clock running behind shows up too.
    seen = min(beat, e.stored_at) if e.stored_at is not None else beat
    e.age_s = max(0.0, now - seen)
    flags = []
    if e.age_s > stale_s:
        flags.append("STALE")
    if e.doc.get("last_error"):
        flags.append("ERROR")
    b = e.doc["backlog"]
    if backlog_warning(int(b["count"]), b.get("oldest_age_s"), backlog_count, backlog_hours):
        flags.append("BACKLOG")
    if e.doc.get("policy_rejections"):
        flags.append("POLICY")
    e.flags = flags
    return e


def collect(rows: list[tuple[str, float | None, bytes]], now: float, stale_s: float, backlog_count: int,
            backlog_hours: float) -> list[Entry]:
    entries = [judge(_parse(k, t, b), now, stale_s, backlog_count, backlog_hours) for k, t, b in rows]
    return sorted(entries, key=lambda e: (-e.weight, -(e.age_s or 0.0), e.key))


# -- output ----------------------------------------------------------------------------------
def _ago(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds < 120:
        return f"{seconds:.0f}s"
    if seconds < 7200:
        return f"{seconds / 60:.0f}m"
    if seconds < 172800:
        return f"{seconds / 3600:.1f}h"
    return f"{seconds / 86400:.1f}d"


def _since(value: str | None, now: float) -> str:
    if not value:
        return "never"
    try:
        return _ago(now - parse_iso(value).timestamp())
    except ValueError:
        return "?"


def as_json(e: Entry, now: float) -> dict[str, Any]:
    d = e.doc or {}
    b = d.get("backlog") or {}
    return {"key": e.key, "agent_id": d.get("agent_id", e.key[len(PREFIX):].removesuffix(".json")),
            "workstation_id": d.get("workstation_id"), "hostname": d.get("hostname"),
            "app_version": d.get("app_version"), "policy_version": d.get("policy_version"),
            "policy_rejections": d.get("policy_rejections") or [],
            "heartbeat_time": d.get("time"),
            "stored_at": datetime.fromtimestamp(e.stored_at, timezone.utc).isoformat() if e.stored_at else None,
            "age_s": round(e.age_s, 1) if e.age_s is not None else None,
            "backlog_count": b.get("count"), "backlog_oldest_age_s": b.get("oldest_age_s"),
            "last_upload": d.get("last_upload"), "last_error": d.get("last_error"),
            "flags": e.flags, "malformed": e.problem, "heartbeat": e.doc}


def _policies(versions: Any) -> str:
    """{target: version} as 'org v3,group:sales v2'; '-' for none (or an older app's other form)."""
    if not isinstance(versions, dict) or not versions:
        return "-"
    return ",".join(f"{escape_controls(str(t))[:40]} v{escape_controls(str(v))[:12]}" for t, v in versions.items())


def _table(entries: list[Entry], now: float) -> str:
    head = ("FLAGS", "AGENT", "WORKSTATION", "VERSION", "POLICY", "SEEN", "BACKLOG", "OLDEST", "LAST UPLOAD",
            "LAST ERROR")
    rows = []
    for e in entries:
        d = e.doc or {}
        b = d.get("backlog") or {}
        err = d.get("last_error") or {}
        rows.append((",".join(e.flags) or "ok", d.get("agent_id") or e.key[len(PREFIX):].removesuffix(".json"),
                     str(d.get("workstation_id") or "-"), str(d.get("app_version") or "-"),
                     _policies(d.get("policy_version")),
                     f"{_ago(e.age_s)} ago" if e.age_s is not None else "-",
                     str(b.get("count", "-")), _ago(b.get("oldest_age_s")),
                     _since(d.get("last_upload"), now) if e.doc else "-",
                     (f"[{err.get('source', '?')}] {err.get('message', '')}" if err else "")
                     if e.doc else f"malformed: {e.problem}"))
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head[:-1])]
    lines = []
    for r in (head, *rows):
        lines.append("  ".join(c.ljust(w) for c, w in zip(r[:-1], widths)) + "  " + r[-1][:120])
    return "\n".join(line.rstrip() for line in lines)


def summary(entries: list[Entry]) -> str:
    count = {f: sum(f in e.flags for e in entries) for f in FLAG_WEIGHT}
    ok = sum(not e.flags for e in entries)
    return (f"{len(entries)} workstation(s): {ok} ok, {count['STALE']} stale, {count['ERROR']} erroring, "
            f"{count['BACKLOG']} backlogged, {count['POLICY']} refusing a policy, {count['MALFORMED']} malformed")


# -- command ---------------------------------------------------------------------------------
def run(ns: argparse.Namespace) -> int:
    now = time.time()
    try:
        rows = _read_folder(ns.folder) if ns.folder else _read_s3(ns.bucket, ns.endpoint)
    except FleetReadError as exc:
        print(f"taltio-admin fleet: {exc}", file=sys.stderr)
        return 1
    entries = collect(rows, now, ns.stale_minutes * 60.0, ns.backlog_count, ns.backlog_hours)
    if ns.json:
        json.dump([as_json(e, now) for e in entries], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    where = str(ns.folder / PREFIX) if ns.folder else f"s3://{ns.bucket}/{PREFIX}"
    if not entries:
        print(f"no heartbeats in {where}: is this the fleet bucket (fleet.bucket, default "
              f"'<recordings bucket>-fleet'), and have the workstations been started?")
        return 0
    print(_table(entries, now))
    print()
    print(f"{summary(entries)} (stale after {ns.stale_minutes:g} min; backlog at {ns.backlog_count} calls "
          f"or {ns.backlog_hours:g} h)")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `fleet` to taltio-admin; defaults come from the fleet.* settings' defaults."""
    p = subparsers.add_parser("fleet", help="list the workstations' heartbeats; flag stale, erroring, backlogged",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--bucket", help="the fleet bucket (fleet.bucket; default '<recordings bucket>-fleet')")
    where.add_argument("--folder", type=Path, help="the folder of file:// storage (heartbeats in FOLDER/fleet/)")
    p.add_argument("--endpoint", help="S3 endpoint URL (default AWS_ENDPOINT_URL, else AWS); credentials from "
                                      "the usual AWS variables or ~/.aws")
    p.add_argument("--json", action="store_true", help="a JSON list of workstations with their flags")
    p.add_argument("--stale-minutes", type=float, default=BY_KEY["fleet.stale_minutes"].default,
                   help="flag STALE after this long without a heartbeat (default %(default)s)")
    p.add_argument("--backlog-count", type=int, default=BY_KEY["fleet.backlog_warn_count"].default,
                   help="flag BACKLOG at this many calls waiting (default %(default)s)")
    p.add_argument("--backlog-hours", type=float, default=BY_KEY["fleet.backlog_warn_hours"].default,
                   help="flag BACKLOG when the oldest waiting call is this old (default %(default)s)")
    p.set_defaults(handler=run)
