"""`taltio-admin verify`: is this call what the workstation recorded, and may we believe it?

The order matters. The signature is checked on the manifest's raw bytes before any JSON is
parsed (an attacker's document is never interpreted); the signer must be a key the supervisor
registered for the agent whose prefix the call sits under (admin/trust.py), because the key a
manifest names is only its own claim. Then the manifest must describe *this* place (call id =
file name, agent id = prefix), every object must hash to what it says (streamed, never held in
memory), a segmented call must have all its segments and no strays, the notice must precede the
recording, and Object Lock facts are reported. Every check is in the report with its reason;
nothing raises for a bad call.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from taltio.admin import audit as admin_audit, verify_times
from taltio.admin.store import (DELETED_AFTER, MANIFEST_SUFFIX, OVERWRITTEN_AFTER, CallRef, Store, StoreError,
                                 call_ref, open_store)
from taltio.admin.trust import AdminError, Registry, add_trust_file_arg
from taltio.admin.verify_times import quoted as _quoted
from taltio.domain import sshsig
from taltio.domain.texts import escape_controls

SCHEMA = "taltio.manifest"
SCHEMA_VERSIONS = (1, 2)
CHUNK = 1 << 20
WRITE_ONCE = "write-once"     # the check's name; `write-once OBJECT` for each object that fails it
MAX_DEPTH = 32          # a manifest nests 4 levels; deeper is not ours, and would overflow the report's encoder
_SEGMENT = re.compile(r"\.seg-(\d{6})\.age$")


class VerifyError(AdminError):
    """The call could not even be located (the report covers everything after that)."""


@dataclass(frozen=True)
class LooseRef(CallRef):
    """A call outside the store layout (a folder copy, an old export): no agent in its path.

    Its agent is then the one the signed manifest names, and the signer must be registered for it."""
    where: str = ""

    @property
    def folder(self) -> str:
        return self.where

    @property
    def manifest_key(self) -> str:
        return self.key(f"{self.call_id}{MANIFEST_SUFFIX}")

    def key(self, name: str) -> str:
        return f"{self.where}/{name}" if self.where else name


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    reason: str


@dataclass
class Report:
    store: str
    ref: CallRef
    checks: list[Check] = field(default_factory=list)
    doc: dict | None = None
    body: bytes | None = None
    signature: str | None = None
    signer: str | None = None
    parts: list[dict] = field(default_factory=list)     # verified audio objects, in order: name, sha256, size
    # Objects changed after they were stored (the write-once check): object, versions (oldest first), deleted.
    tampered: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    def add(self, name: str, ok: bool, reason: str) -> bool:
        # Names and reasons quote the signed manifest, which anyone with a key may fill: escaped, never raw.
        self.checks.append(Check(escape_controls(name), ok, escape_controls(reason)))
        return ok

    def failures(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]

    def to_json(self) -> dict[str, Any]:
        d = self.doc or {}
        return {"call_id": self.ref.call_id, "agent": self.ref.agent or d.get("agent_id"),
                "manifest": f"{self.store}/{self.ref.manifest_key}", "ok": self.ok, "signer": self.signer,
                "checks": [{"name": c.name, "ok": c.ok, "reason": c.reason} for c in self.checks],
                "pauses": d.get("pauses"), "bookmarks": d.get("bookmarks"), "objects": self.parts,
                "tampered": self.tampered}

    def text(self) -> str:
        lines = [f"{self.ref.call_id} ({self.store}/{self.ref.manifest_key}): {'OK' if self.ok else 'FAILED'}"]
        lines += [f"  {'ok  ' if c.ok else 'FAIL'}  {c.name}: {c.reason}" for c in self.checks]
        return "\n".join(lines)


# -- locating ----------------------------------------------------------------------------------
def locate(arg: str, store_url: str | None, endpoint: str | None = None) -> tuple[Store, CallRef]:
    """CALL as a call id (searched under --store), a manifest key in --store, or a URL.

    A URL in the layout (…/<agent>/<YYYY>/<MM>/<DD>/<call-id>[.manifest.json]) gives both the store
    root and the call; any other URL is a loose call in its folder (``LooseRef``)."""
    try:
        if "://" in arg:
            return _from_url(arg, endpoint)
        if store_url is None:
            raise VerifyError(f"'{arg}' is not a URL: give --store s3://BUCKET/PREFIX or file:///FOLDER to search")
        store = open_store(store_url, endpoint)
        key = arg if arg.endswith(MANIFEST_SUFFIX) else f"{arg}{MANIFEST_SUFFIX}"
        ref = call_ref(key) if "/" in arg else None
        return store, ref or _search(store, arg)
    except StoreError as exc:
        raise VerifyError(str(exc)) from None


def _from_url(url: str, endpoint: str | None) -> tuple[Store, CallRef]:
    u = urlparse(url)
    path = u.path.rstrip("/")
    if not path.endswith(MANIFEST_SUFFIX):
        path += MANIFEST_SUFFIX
    parts = path.strip("/").split("/")
    ref = call_ref("/".join(parts[-5:])) if len(parts) >= 5 else None
    root_parts = parts[:-5] if ref else parts[:-1]
    root = "/".join(root_parts)
    store = open_store(f"s3://{u.netloc}/{root}" if u.scheme == "s3" else f"file:///{root}", endpoint)
    if ref is None:
        ref = LooseRef("", "", parts[-1][: -len(MANIFEST_SUFFIX)])
    return store, ref


def _search(store: Store, call_id: str) -> CallRef:
    found = [r for r in store.manifests() if r.call_id == call_id]
    if not found:
        raise VerifyError(f"no call '{call_id}' in {store.url}")
    if len(found) > 1:
        raise VerifyError(f"'{call_id}' is ambiguous in {store.url}: "
                          + ", ".join(r.manifest_key for r in found) + "; give the manifest key")
    return found[0]


# -- the checks --------------------------------------------------------------------------------
def verify_call(store: Store, ref: CallRef, registry: Registry, *, trust_on_first_use: bool = False) -> Report:
    """Every check on one call, in the order that keeps untrusted bytes uninterpreted as long as possible.

    Stops early only where later checks would be meaningless (no valid signature, unparseable
    manifest); a TOFU key is recorded in the registry (and saved) only when the whole call passed."""
    rep = Report(store.url, ref)
    if not _signature(store, ref, rep):
        return rep
    tofu = False
    if ref.agent:
        trusted, tofu = _signer_trusted(ref.agent, rep, registry, trust_on_first_use)
        if not trusted:
            return rep
    if not _parse(rep):
        return rep
    doc = rep.doc or {}
    agent = ref.agent or str(doc.get("agent_id"))
    if not ref.agent:
        trusted, tofu = _signer_trusted(agent, rep, registry, trust_on_first_use)
        if not trusted:
            return rep
    _identity(ref, doc, rep)
    if not isinstance(ref, LooseRef):
        verify_times.day(ref, doc, rep)
    _objects(store, ref, doc, rep)
    _write_once(store, ref, rep)
    verify_times.notice(doc, rep)
    _listed(doc, rep)
    _lock(store, ref, rep)
    if tofu:
        if rep.ok:
            registry.add(agent, rep.signer or "", "tofu", f"first seen on {ref.call_id}")
            registry.save()
        else:
            rep.add("trust on first use", False, f"the key was NOT recorded for {agent}: the call failed other checks")
    return rep


def _signature(store: Store, ref: CallRef, rep: Report) -> bool:
    key = ref.manifest_key
    try:
        rep.body = store.get(key)
        rep.signature = store.signature(key)
    except StoreError as exc:
        return rep.add("signature", False, str(exc))
    if rep.signature is None:
        return rep.add("signature", False, f"{key} has no signature (neither x-amz-meta-sshsig nor {key}.sig): "
                                           "it cannot be trusted")
    try:
        pub = sshsig.verify(rep.signature, rep.body, sshsig.NS_MANIFEST)
    except sshsig.SignatureError as exc:
        return rep.add("signature", False, f"the manifest does not match its signature ({exc})")
    rep.signer = sshsig.public_openssh(pub)
    return rep.add("signature", True, f"valid SSH signature by {rep.signer}")


def _signer_trusted(agent: str, rep: Report, registry: Registry, tofu: bool) -> tuple[bool, bool]:
    """(trusted, by first use). TOFU only where the agent has no key at all: a *different* key for
    an agent we already know is exactly what a forger would present."""
    signer = rep.signer or ""
    if registry.own_key and " ".join(signer.split()[:2]) == registry.own_key:
        return rep.add("signer trusted", True, "this computer's own workstation key (from the keyring)"), False
    if registry.is_trusted(agent, signer):
        src = next(k.source for k in registry.keys_for(agent) if k.key == " ".join(signer.split()[:2]))
        return rep.add("signer trusted", True, f"registered for {agent} ({src})"), False
    elsewhere = registry.agents_of(signer)
    if elsewhere:
        return rep.add("signer trusted", False, f"signed by the key registered for {', '.join(elsewhere)}, "
                                                f"not for {agent} whose prefix the call sits under"), False
    if tofu and not registry.keys_for(agent):
        return rep.add("signer trusted", True, f"not registered before: trusted on first use for {agent}, "
                                               "recorded as 'tofu' if the call passes"), True
    known = len(registry.keys_for(agent))
    why = (f"{agent} has {known} other registered key(s)" if known else f"no key is registered for {agent}")
    return rep.add("signer trusted", False, f"signed by an unknown key {signer} ({why}; register it with "
                                            f"`taltio-admin trust add` after checking it)"), False


def _parse(rep: Report) -> bool:
    try:
        doc = json.loads(rep.body or b"")
    except (ValueError, UnicodeDecodeError) as exc:
        return rep.add("manifest", False, f"not JSON ({exc})")
    except RecursionError:
        return rep.add("manifest", False, f"JSON nested deeper than {MAX_DEPTH} levels")
    problem = f"JSON nested deeper than {MAX_DEPTH} levels" if _too_deep(doc) else _shape(doc)
    if problem:
        return rep.add("manifest", False, problem)
    rep.doc = doc
    return rep.add("manifest", True, f"{SCHEMA} version {doc['schema_version']}")


def _too_deep(doc: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether *doc* nests lists/objects deeper than *limit*; iterative, as deep input is what it looks for."""
    stack = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > limit:
                return True
            stack.extend((v, depth + 1) for v in (value.values() if isinstance(value, dict) else value))
    return False


def _shape(doc: Any) -> str | None:
    """What is wrong with the fields the checks read, or None: named, so no check meets a wrong type."""
    if not isinstance(doc, dict):
        return "not a JSON object"
    # type() is int: True == 1 and 2.0 == 2 would otherwise pass as versions.
    if doc.get("schema") != SCHEMA or type(doc.get("schema_version")) is not int \
            or doc["schema_version"] not in SCHEMA_VERSIONS:
        return (f"schema {_quoted(doc.get('schema'))} version {_quoted(doc.get('schema_version'))} "
                f"is not {SCHEMA} 1 or 2")
    for name in ("call_id", "agent_id", "workstation_key"):
        if not isinstance(doc.get(name), str) or not doc[name]:
            return f"field '{name}' is missing or not a string"
    for name, kind in (("times", dict), ("notice", dict), ("pauses", list), ("bookmarks", list)):
        if name in doc and doc[name] is not None and not isinstance(doc[name], kind):
            return f"field '{name}' is not a {'JSON object' if kind is dict else 'list'}"
    audio = doc.get("audio")
    if audio is None:
        return None
    if not isinstance(audio, dict):
        return "field 'audio' is not a JSON object"
    parts = [audio["file"]] if audio.get("file") else audio.get("segments")
    if not isinstance(parts, list) or not parts:
        return "field 'audio' names neither a file nor segments"
    for p in parts:
        if not (isinstance(p, dict) and isinstance(p.get("name"), str) and isinstance(p.get("sha256"), str)
                and isinstance(p.get("size"), int)):
            return "an audio object lacks name, sha256 or size"
    return None


def _identity(ref: CallRef, doc: dict, rep: Report) -> None:
    same = doc["call_id"] == ref.call_id
    rep.add("call id", same, f"'{ref.call_id}' as its file name says" if same
            else f"the manifest says {_quoted(doc['call_id'])}, its file name says '{ref.call_id}'")
    if ref.agent:
        same = doc["agent_id"] == ref.agent
        rep.add("agent", same, f"'{ref.agent}' as its prefix says" if same
                else f"the manifest says {_quoted(doc['agent_id'])}, the prefix it sits under is '{ref.agent}'")
    else:
        rep.add("agent", True, f"{_quoted(doc['agent_id'])} from the manifest (this copy is outside the store layout)")
    named = " ".join(doc["workstation_key"].split()[:2])
    signer = " ".join((rep.signer or "").split()[:2])
    rep.add("workstation key", named == signer,
            "the key the manifest names is the signer" if named == signer
            else f"the manifest names {named}, but {signer} signed it")


def hash_stream(stream: Any) -> tuple[str, int]:
    """sha256 and length of a stream, a chunk at a time: calls can be larger than memory."""
    h, n = hashlib.sha256(), 0
    try:
        while chunk := stream.read(CHUNK):
            h.update(chunk)
            n += len(chunk)
    finally:
        stream.close()
    return h.hexdigest(), n


def _objects(store: Store, ref: CallRef, doc: dict, rep: Report) -> None:
    audio = doc.get("audio")
    if not audio:
        rep.add("audio", True, f"no audio (outcome {doc.get('outcome')})")
        return
    segmented = not audio.get("file")
    parts = audio["segments"] if segmented else [audio["file"]]
    good = True
    for p in parts:
        good = _object(store, ref, p, rep) and good
    if segmented:
        good = _segments(store, ref, parts, rep) and good
    if good:
        rep.parts = [{"name": p["name"], "sha256": p["sha256"], "size": p["size"]} for p in parts]


def _object(store: Store, ref: CallRef, part: dict, rep: Report) -> bool:
    name = part["name"]
    what = f"object {name}"
    if "/" in name or not name.startswith(f"{ref.call_id}."):
        return rep.add(what, False, f"'{name}' is not an object of call {ref.call_id}")
    try:
        digest, size = hash_stream(store.open(ref.key(name)))
    except (StoreError, OSError) as exc:
        return rep.add(what, False, f"cannot read it: {exc}")
    if size != part["size"]:
        return rep.add(what, False, f"size {size} differs from the signed manifest's {part['size']}")
    if digest != part["sha256"]:
        return rep.add(what, False, f"sha256 {digest} does not match the signed manifest (hash differs)")
    return rep.add(what, True, f"sha256 and size ({size} bytes) match the signed manifest")


def _segments(store: Store, ref: CallRef, parts: list[dict], rep: Report) -> bool:
    """All present (each checked above), numbered 1..n in order, and nothing else of this call's.

    A stray segment beside the call is a sign of a removed or replaced one, even if what the
    manifest lists is all there."""
    names = [p["name"] for p in parts]
    seqs = [int(m.group(1)) if (m := _SEGMENT.search(n)) else None for n in names]
    if None in seqs or seqs != list(range(1, len(seqs) + 1)):
        return rep.add("segments", False, f"the segments are not numbered 1..{len(seqs)} in order: {names}")
    prefix = ref.key(f"{ref.call_id}.")
    try:
        present = {o.key.rsplit("/", 1)[-1] for o in store.list(prefix)}
    except StoreError as exc:
        return rep.add("segments", False, f"cannot list the call's objects: {exc}")
    extra = sorted(n for n in present if _SEGMENT.search(n) and n not in names)
    if extra:
        return rep.add("segments", False, f"objects beside the call that the manifest does not list: {extra}")
    return rep.add("segments", True, f"{len(names)} segment(s), complete and in order")


def _listed(doc: dict, rep: Report) -> None:
    pauses, marks = doc.get("pauses") or [], doc.get("bookmarks") or []
    rep.add("pauses", True, f"{len(pauses)} pause(s)" + "".join(f"; {json.dumps(p, sort_keys=True)}" for p in pauses))
    rep.add("bookmarks", True, f"{len(marks)} bookmark(s)"
            + "".join(f"; {json.dumps(b, sort_keys=True)}" for b in marks))


def _write_once(store: Store, ref: CallRef, rep: Report) -> None:
    """An object with more than one version was overwritten: tampering, whoever did it. A put-only
    agent key can overwrite on stores with no write-once condition (issue 19.1); Object Lock keeps the
    original as an older version, which is why it is still there to verify: every read goes to the first
    version (store.S3Store._first), so the checks above judge the original, and this one the overwrite."""
    keys = [ref.manifest_key, f"{ref.manifest_key}.sig", *(ref.key(p["name"]) for p in rep.parts)]
    versioned = overwritten = False
    for key in keys:
        try:
            ids = store.versions(key)
        except StoreError:
            continue
        versioned |= bool(ids)
        name, deleted = key.rsplit('/', 1)[-1], bool(ids) and store.deleted(key)
        if deleted or len(ids) > 1:
            rep.tampered.append({"object": escape_controls(name), "versions": ids, "deleted": deleted})
        if deleted:
            overwritten = True
            rep.add(f"{WRITE_ONCE} {name}", False,
                    f"{DELETED_AFTER}: a delete marker hides its {len(ids)} version(s) (first "
                    f"{ids[0]}); the checks above read the first")
        elif len(ids) > 1:
            overwritten = True
            rep.add(f"{WRITE_ONCE} {name}", False,
                    f"{OVERWRITTEN_AFTER}: {len(ids)} versions (first {ids[0]}, latest {ids[-1]}); "
                    f"the checks above read the first, the original")
    if versioned and not overwritten:
        rep.add(WRITE_ONCE, True, "every object has one version")


def _lock(store: Store, ref: CallRef, rep: Report) -> None:
    """Reported, not judged: a folder or an unlocked test bucket has none, and that is a fact to show."""
    for key in [ref.manifest_key, *(ref.key(p["name"]) for p in rep.parts)]:
        try:
            lk = store.lock(key)
        except StoreError as exc:
            rep.add(f"lock {key.rsplit('/', 1)[-1]}", True, f"unknown ({exc})")
            continue
        mode = lk.mode or "no Object Lock retention"
        until = f" until {lk.retain_until.isoformat()}" if lk.retain_until else ""
        hold = {True: "legal hold ON", False: "legal hold off", None: "legal hold unknown"}[lk.legal_hold]
        rep.add(f"lock {key.rsplit('/', 1)[-1]}", True, f"{mode}{until}; {hold}")


# -- command -----------------------------------------------------------------------------------
def run(ns: argparse.Namespace) -> int:
    if getattr(ns, "audit", None):
        return admin_audit.run(ns)
    if not ns.calls:
        print("taltio-admin verify: name a CALL, or --audit AGENT", file=sys.stderr)
        return 2
    try:
        registry = Registry.load(ns.trust_file)
        reports = []
        for call in ns.calls:
            store, ref = locate(call, ns.store, ns.endpoint)
            reports.append(verify_call(store, ref, registry, trust_on_first_use=ns.trust_on_first_use))
    except AdminError as exc:
        print(f"taltio-admin: {exc}", file=sys.stderr)
        return 1
    if ns.json:
        json.dump([r.to_json() for r in reports], sys.stdout, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        print("\n\n".join(r.text() for r in reports))
    return 0 if all(r.ok for r in reports) else 1


def add_call_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", help="the store: s3://BUCKET/PREFIX (the agents' storage.url) or file:///FOLDER")
    p.add_argument("--endpoint", help="S3 endpoint URL (default AWS_ENDPOINT_URL); credentials from the AWS chain")
    p.add_argument("--trust-on-first-use", action="store_true",
                   help="trust the signer of an agent with no registered key yet, and record it as 'tofu'")
    add_trust_file_arg(p)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `verify` to taltio-admin."""
    p = subparsers.add_parser("verify", help="check calls' signatures, signers, hashes, segments and notice time",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("calls", nargs="*", metavar="CALL", help="a call id (searched under --store), a manifest key, "
                                                            "or a manifest URL")
    p.add_argument("--json", action="store_true")
    add_call_args(p)
    admin_audit.add_args(p)
    p.set_defaults(handler=run)
