"""`taltio-admin trust`: which workstation keys the supervisor trusts, per agent.

A manifest's signature only proves that *some* key signed it; the key it names is its own
claim. So the verifier needs an independent answer to "which keys may sign for agent-7?":
this registry. It is a JSON file (default in the user's config folder for taltio-admin,
``--trust-file`` or ``TALTIO_TRUST_FILE`` to use another), mapping an agent id to the keys
registered for it with where each came from ("enrollment", "heartbeat", "manual", "tofu").
It is written atomically with mode 0600: a half-written or world-writable trust file would
defeat its purpose.

Heartbeats carry each workstation's public key (taltio/upload/heartbeat.py), so
``trust from-heartbeats`` offers them, but adds them only after the supervisor confirms: a
heartbeat is unsigned and anyone holding that agent's storage credential could write it.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlparse

SOURCES = ("enrollment", "heartbeat", "manual", "tofu")
ENV = "TALTIO_TRUST_FILE"
FORMAT = "taltio-admin-trust-v1"


class AdminError(RuntimeError):
    """A supervisor command cannot do what was asked; `taltio-admin: <message>`, exit 1.

    It lives here, the lowest of the admin modules that share it, so verify/decrypt/main
    can all raise and catch it without importing each other in a cycle."""


class TrustError(AdminError):
    """The trust file or a key given to it is unusable."""


def default_path() -> Path:
    """TALTIO_TRUST_FILE, else the per-user config folder of taltio-admin (platformdirs)."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    from platformdirs import user_config_dir

    return Path(user_config_dir("taltio-admin")) / "trusted-keys.json"


def normalise_key(text: str) -> str:
    """`ssh-ed25519 AAAA...` without the comment; refuses anything that is not an Ed25519 key.

    Manifests are signed with Ed25519 only (domain/sshsig.py), so any other key could never
    match and is a mistake worth saying so."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.serialization import load_ssh_public_key

    parts = text.strip().split()
    if len(parts) < 2 or parts[0] != "ssh-ed25519":
        raise TrustError(f"'{text.strip()[:60]}' is not an ssh-ed25519 public key")
    try:
        key = load_ssh_public_key(f"{parts[0]} {parts[1]}".encode())
    except (ValueError, TypeError):
        raise TrustError(f"'{parts[1][:40]}...' is not a valid ssh-ed25519 public key") from None
    if not isinstance(key, Ed25519PublicKey):
        raise TrustError("only ssh-ed25519 keys sign manifests")
    return f"{parts[0]} {parts[1]}"


@dataclass(frozen=True)
class TrustedKey:
    key: str
    added: str
    source: str
    note: str = ""


class Registry:
    """The agent -> trusted keys map, loaded from and saved to one file."""

    def __init__(self, path: Path, agents: dict[str, list[TrustedKey]] | None = None) -> None:
        self.path = path
        self.agents: dict[str, list[TrustedKey]] = agents or {}
        # This computer's own workstation key, trusted for whatever it signed, never saved: on a standalone
        # computer the recorder and the supervisor are one machine and one keyring (see trust_this_computer).
        self.own_key: str | None = None

    @classmethod
    def for_identity(cls, path: Path | None, identity: str | None) -> "Registry":
        """The registry a decrypting command checks with: with `--identity keyring` also this computer's key."""
        reg = cls.load(path)
        if identity == "keyring":
            reg.trust_this_computer()
        return reg

    def trust_this_computer(self) -> bool:
        """Trust the workstation key in this user's keyring (a standalone install reading its own recordings).

        Only with `--identity keyring`: whoever can read that keyring holds the recording computer's own keys,
        so its signature needs no registry. The key is read, never created. Returns whether there was one."""
        from taltio.adapters.keystore import OSKeystore
        from taltio.domain.identity import WORKSTATION_KEY

        pem = OSKeystore().get(WORKSTATION_KEY)
        if not pem:
            return False
        from cryptography.hazmat.primitives.serialization import load_pem_private_key

        from taltio.domain import sshsig

        key = load_pem_private_key(pem.encode(), password=None)
        self.own_key = " ".join(sshsig.public_openssh(key.public_key()).split()[:2])  # type: ignore[arg-type]
        return True

    @classmethod
    def load(cls, path: Path | None = None) -> "Registry":
        """A missing file is an empty registry (nothing trusted yet); a broken one is an error."""
        path = path or default_path()
        try:
            doc = json.loads(path.read_text())
        except FileNotFoundError:
            return cls(path)
        except RecursionError:           # JSON nested thousands deep: not ours, and not a traceback either
            raise TrustError(f"cannot read the trust file {path}: JSON nested too deeply") from None
        except (OSError, ValueError) as exc:
            raise TrustError(f"cannot read the trust file {path}: {exc}") from None
        try:
            agents = {str(a): [TrustedKey(str(e["key"]), str(e.get("added", "")), str(e.get("source", "manual")),
                                          str(e.get("note", ""))) for e in entries]
                      for a, entries in doc["agents"].items()}
        except (KeyError, TypeError, AttributeError) as exc:
            raise TrustError(f"the trust file {path} is not a taltio-admin trust file ({exc})") from None
        return cls(path, agents)

    def save(self) -> None:
        """Atomically (temp file beside it, then rename) and readable by this user only."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        doc = {"format": FORMAT,
               "agents": {a: [asdict(k) for k in ks] for a, ks in sorted(self.agents.items()) if ks}}
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w") as fh:
                json.dump(doc, fh, indent=2, sort_keys=True)
                fh.write("\n")
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def keys_for(self, agent: str) -> list[TrustedKey]:
        return list(self.agents.get(agent, []))

    def is_trusted(self, agent: str, key: str) -> bool:
        want = " ".join(key.split()[:2])
        return any(k.key == want for k in self.agents.get(agent, []))

    def agents_of(self, key: str) -> list[str]:
        """Every agent this key is registered for (to say so when it signs under another prefix)."""
        want = " ".join(key.split()[:2])
        return sorted(a for a, ks in self.agents.items() if any(k.key == want for k in ks))

    def add(self, agent: str, key: str, source: str, note: str = "") -> bool:
        """Register a key; False when it already was (the first registration and its source stay)."""
        if source not in SOURCES:
            raise TrustError(f"source must be one of {', '.join(SOURCES)}")
        if not agent or "/" in agent:
            raise TrustError(f"'{agent}' is not an agent id")
        key = normalise_key(key)
        if self.is_trusted(agent, key):
            return False
        added = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        self.agents.setdefault(agent, []).append(TrustedKey(key, added, source, note))
        return True

    def remove(self, agent: str, key: str) -> bool:
        want = normalise_key(key)
        before = self.agents.get(agent, [])
        self.agents[agent] = [k for k in before if k.key != want]
        return len(self.agents[agent]) != len(before)


# -- heartbeats ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Offered:
    agent: str
    key: str
    workstation: str
    seen: str


def heartbeat_keys(fleet_url: str, endpoint: str | None = None) -> list[Offered]:
    """The workstation key of each heartbeat in the fleet bucket (s3://BUCKET-fleet) or folder.

    The agent is taken from the object's name (fleet/<agent>.json), which the agent's storage
    policy restricts, not from the document's own agent_id; a heartbeat whose two disagree is
    skipped."""
    from taltio.admin import fleet

    u = urlparse(fleet_url)
    try:
        if u.scheme == "s3" and u.netloc:
            rows = fleet._read_s3(u.netloc, endpoint)
        elif u.scheme == "file" or not u.scheme:
            rows = fleet._read_folder(Path(u.path if u.scheme else fleet_url))
        else:
            raise TrustError("--fleet must be s3://BUCKET-fleet or file:///FOLDER")
    except fleet.FleetReadError as exc:
        raise TrustError(str(exc)) from None
    out = []
    for key, _at, body in rows:
        agent = key[len(fleet.PREFIX):].removesuffix(".json")
        try:
            doc = json.loads(body)
            if doc.get("agent_id") != agent or not doc.get("workstation_key"):
                continue
            out.append(Offered(agent, normalise_key(doc["workstation_key"]), str(doc.get("workstation_id") or "-"),
                               str(doc.get("time") or "-")))
        except (ValueError, AttributeError, TrustError):
            continue
    return out


# -- command ---------------------------------------------------------------------------------
def _key_arg(ns: argparse.Namespace) -> str:
    if ns.from_file:
        return ns.from_file.read_text().strip()
    if not ns.key:
        raise TrustError("give the key (ssh-ed25519 AAAA...) or --from-file FILE")
    return " ".join(ns.key)


def _add(ns: argparse.Namespace, reg: Registry) -> int:
    added = reg.add(ns.agent, _key_arg(ns), ns.source, ns.note or "")
    reg.save()
    print(f"{'added' if added else 'already trusted'}: {ns.agent} {reg.keys_for(ns.agent)[-1].key if added else ''}"
          .rstrip() + f" ({reg.path})")
    return 0


def _list(ns: argparse.Namespace, reg: Registry) -> int:
    if ns.json:
        json.dump({a: [asdict(k) for k in ks] for a, ks in sorted(reg.agents.items()) if ks}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    if not any(reg.agents.values()):
        print(f"no trusted keys in {reg.path}")
    for agent, keys in sorted(reg.agents.items()):
        for k in keys:
            print(f"{agent}  {k.key}  {k.source}  {k.added}  {k.note}".rstrip())
    return 0


def _remove(ns: argparse.Namespace, reg: Registry) -> int:
    if not reg.remove(ns.agent, " ".join(ns.key)):
        raise TrustError(f"that key is not registered for {ns.agent}")
    reg.save()
    print(f"removed from {ns.agent} ({reg.path})")
    return 0


def _from_heartbeats(ns: argparse.Namespace, reg: Registry) -> int:
    offered = [o for o in heartbeat_keys(ns.fleet, ns.endpoint) if not reg.is_trusted(o.agent, o.key)]
    if not offered:
        print("no new workstation keys in the heartbeats")
        return 0
    for o in offered:
        others = "" if not reg.keys_for(o.agent) else f"  (REPLACES OR ADDS TO {len(reg.keys_for(o.agent))} key(s))"
        print(f"{o.agent}  {o.key}  workstation {o.workstation}, heartbeat {o.seen}{others}")
    if not ns.yes:
        if not sys.stdin.isatty():
            raise TrustError("not adding anything: confirm with --yes (compare the keys with the workstations first)")
        if input(f"trust these {len(offered)} key(s)? [y/N] ").strip().lower() not in ("y", "yes"):
            print("nothing added")
            return 0
    for o in offered:
        reg.add(o.agent, o.key, "heartbeat", f"workstation {o.workstation}")
    reg.save()
    print(f"added {len(offered)} key(s) to {reg.path}")
    return 0


def run(ns: argparse.Namespace) -> int:
    try:
        reg = Registry.load(ns.trust_file)
        return {"add": _add, "list": _list, "remove": _remove, "from-heartbeats": _from_heartbeats}[ns.trust_cmd](
            ns, reg)
    except (AdminError, OSError) as exc:
        print(f"taltio-admin: {exc}", file=sys.stderr)
        return 1


def add_trust_file_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--trust-file", type=Path, default=None,
                   help=f"the trusted workstation keys (default ${ENV}, else the user config folder)")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `trust` and its subcommands to taltio-admin."""
    p = subparsers.add_parser("trust", help="the workstation keys trusted to sign each agent's manifests",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="trust_cmd", required=True)
    a = sub.add_parser("add", help="trust a key for an agent")
    a.add_argument("agent")
    a.add_argument("key", nargs="*", help="ssh-ed25519 AAAA... [comment]")
    a.add_argument("--from-file", type=Path, help="read the key from a .pub file")
    a.add_argument("--source", choices=SOURCES, default="manual")
    a.add_argument("--note")
    ls = sub.add_parser("list", help="the trusted keys")
    ls.add_argument("--json", action="store_true")
    r = sub.add_parser("remove", help="stop trusting a key for an agent")
    r.add_argument("agent")
    r.add_argument("key", nargs="+")
    h = sub.add_parser("from-heartbeats", help="offer the keys the workstations report in their heartbeats")
    h.add_argument("--fleet", required=True, help="s3://BUCKET-fleet or file:///FOLDER (heartbeats in fleet/)")
    h.add_argument("--endpoint", help="S3 endpoint URL (default AWS_ENDPOINT_URL)")
    h.add_argument("--yes", action="store_true", help="add them without asking")
    for q in (a, ls, r, h):
        add_trust_file_arg(q)
    p.set_defaults(handler=run)
