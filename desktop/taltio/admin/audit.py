"""`taltio-admin verify --audit AGENT`: is the agent's audit log in storage whole and unaltered?

A workstation uploads its local audit log (private marks and their reasons, calls not recorded,
staff-notice acknowledgements, refused policies) as a hash chain (domain/audit_chain.py) in
write-once objects ``<agent>/_audit/<seq-from>-<seq-to>.json``. The chain alone shows entries
changed, reordered or inserted in the middle; only the heads the workstation published elsewhere
show that the end was not cut off or rewritten. So every head named in the agent's manifests (and
in its latest heartbeat with ``--fleet``) must be an entry of the chain, with that hash.

The manifests' own signatures are the business of `taltio-admin verify CALL`; here a manifest is
only the place a head was written at the time of the call.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from typing import Any

from taltio.admin.store import OVERWRITTEN_AFTER, Store, StoreError, open_store
from taltio.domain import audit_chain

_NAME = re.compile(r"^(\d+)-(\d+)\.json$")


@dataclass
class AuditReport:
    agent: str
    entries: list[dict[str, Any]] = field(default_factory=list)
    objects: int = 0
    heads: list[tuple[str, dict[str, Any]]] = field(default_factory=list)     # (where, {seq, hash})
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        last = self.entries[-1]["seq"] if self.entries else 0
        return {"agent": self.agent, "ok": self.ok, "objects": self.objects, "entries": len(self.entries),
                "last_seq": last, "heads_checked": [{"where": w, **h} for w, h in self.heads],
                "problems": self.problems}

    def text(self) -> str:
        last = self.entries[-1]["seq"] if self.entries else 0
        lines = [f"audit log of {self.agent}: {len(self.entries)} entries (seq 1-{last}) in {self.objects} object(s); "
                 f"{len(self.heads)} head(s) checked"]
        lines += [f"  FAIL {p}" for p in self.problems]
        lines.append("  ok: the chain is whole and every head is on it" if self.ok
                     else f"  {len(self.problems)} problem(s): the audit log in storage cannot be trusted as it is")
        return "\n".join(lines)


def read_chain(store: Store, agent: str, rep: AuditReport) -> None:
    """The agent's uploaded entries, in seq order; unreadable or misnamed objects are problems."""
    prefix = audit_chain.object_prefix(agent) + "/"
    objs = sorted((o for o in store.list(prefix)), key=lambda o: o.key)
    for o in objs:
        name = o.key[len(prefix):]
        m = _NAME.match(name)
        if not m:
            rep.problems.append(f"object {o.key}: not an audit batch name (<seq-from>-<seq-to>.json)")
            continue
        lo, hi = int(m.group(1)), int(m.group(2))
        rep.objects += 1
        _write_once(store, o.key, f"seq {lo}-{hi}", rep)
        try:
            entries = audit_chain.parse_batch(store.get(o.key))
        except (ValueError, UnicodeDecodeError, StoreError) as exc:
            rep.problems.append(f"seq {lo}-{hi}: object {o.key} is unreadable ({exc})")
            continue
        seqs = [e.get("seq") if isinstance(e, dict) else None for e in entries]
        if seqs != list(range(lo, hi + 1)):
            rep.problems.append(f"seq {lo}-{hi}: object {o.key} holds seq {_span(seqs)}, not what its name says")
        rep.entries += entries
    rep.entries.sort(key=lambda e: e.get("seq") if isinstance(e, dict) and isinstance(e.get("seq"), int) else 0)


def _write_once(store: Store, key: str, what: str, rep: AuditReport) -> None:
    """Reads go to an object's first version (store.S3Store._first), so an overwrite changes nothing that
    is read; the overwrite itself is the tampering, named here with its version ids."""
    try:
        ids = store.versions(key)
    except StoreError:
        return
    if len(ids) > 1:
        rep.problems.append(f"{what}: object {key} was {OVERWRITTEN_AFTER} ({len(ids)} versions, "
                            f"first {ids[0]}, latest {ids[-1]}); the first is what is read")


def _span(seqs: list[Any]) -> str:
    return ", ".join(str(s) for s in seqs[:8]) + (" …" if len(seqs) > 8 else "") if seqs else "nothing"


def manifest_heads(store: Store, agent: str, rep: AuditReport) -> None:
    """The audit heads the agent's manifests name (older manifests have none)."""
    for ref in store.manifests(f"{agent}/"):
        try:
            doc = json.loads(store.get(ref.manifest_key))
        except (ValueError, UnicodeDecodeError, StoreError) as exc:
            rep.problems.append(f"manifest {ref.manifest_key} is unreadable ({exc}); its audit head cannot be checked")
            continue
        head = doc.get("audit_head") if isinstance(doc, dict) else None
        if head is not None:
            rep.heads.append((f"manifest of call {ref.call_id}", head))


def heartbeat_head(fleet_url: str, agent: str, endpoint: str | None, rep: AuditReport) -> None:
    """The head in the agent's latest heartbeat (fleet/<agent>.json in the fleet bucket or folder)."""
    key = f"fleet/{agent}.json"
    try:
        doc = json.loads(open_store(fleet_url, endpoint, first_versions=False).get(key))   # overwritten by design
    except (ValueError, UnicodeDecodeError, StoreError) as exc:
        rep.problems.append(f"heartbeat {key} in {fleet_url} is unreadable ({exc})")
        return
    head = doc.get("audit_head") if isinstance(doc, dict) else None
    if head is None:
        rep.problems.append(f"heartbeat {key} names no audit head (a workstation older than the chain?)")
    else:
        rep.heads.append(("latest heartbeat", head))


def verify_audit(store: Store, agent: str, *, fleet_url: str | None = None, endpoint: str | None = None) -> AuditReport:
    """Every check, in one report: nothing raises for a bad log (a store that cannot be listed does)."""
    rep = AuditReport(agent)
    read_chain(store, agent, rep)
    rep.problems += audit_chain.verify_chain(rep.entries)
    manifest_heads(store, agent, rep)
    if fleet_url:
        heartbeat_head(fleet_url, agent, endpoint, rep)
    for where, head in rep.heads:
        found = audit_chain.on_chain(rep.entries, head)
        if found is not None:
            rep.problems.append(f"{found} [head in the {where}]")
    return rep


def run(ns: argparse.Namespace) -> int:
    """`verify --audit AGENT --store URL [--fleet URL] [--json]`: exit 1 naming what failed."""
    if not ns.store:
        print("taltio-admin verify: --audit needs --store s3://BUCKET/PREFIX or file:///FOLDER", file=sys.stderr)
        return 2
    try:
        rep = verify_audit(open_store(ns.store, ns.endpoint), ns.audit, fleet_url=getattr(ns, "fleet", None),
                           endpoint=ns.endpoint)
    except StoreError as exc:
        print(f"taltio-admin: {exc}", file=sys.stderr)
        return 1
    if ns.json:
        json.dump(rep.to_json(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(rep.text())
    return 0 if rep.ok else 1


def add_args(p: argparse.ArgumentParser) -> None:
    """The options `verify` gains for the audit log."""
    p.add_argument("--audit", metavar="AGENT", help="check AGENT's audit log chain in --store instead of calls")
    p.add_argument("--fleet", metavar="URL", help="with --audit: also check the head in the agent's latest "
                                                  "heartbeat (s3://FLEET-BUCKET or file:///FOLDER)")
