"""`taltio-admin keys new-supervisor` and `policy sign / verify / publish / show / diff`:
signing keys, signatures, publishing to storage and reviewing what is in force."""
from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from taltio.admin.policy_documents import PolicyAdminError, Store, _current_in_storage, _doc_location
from taltio.domain import policy as pol
from taltio.domain import sshsig
from taltio.settings import BY_KEY


# --------------------------------------------------------------------------- keys


def cmd_new_supervisor(ns: argparse.Namespace) -> int:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    out: Path = ns.output
    if out.exists():
        raise PolicyAdminError(f"{out} already exists; choose another file (a key is never overwritten)")
    key = Ed25519PrivateKey.generate()
    passphrase = os.environ.get(ns.passphrase_env, "") if ns.passphrase_env else ""
    enc = (serialization.BestAvailableEncryption(passphrase.encode()) if passphrase
           else serialization.NoEncryption())
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, enc)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    os.chmod(out, 0o600)
    name = ns.name or f"supervisor@{os.uname().nodename if hasattr(os, 'uname') else 'taltio'}"
    line = sshsig.public_openssh(key.public_key(), name)
    Path(f"{out}.pub").write_text(line + "\n")
    print(line)
    print(f"# Private key: {out} (mode 0600; keep it offline or on the supervisor's own computer).\n"
          f"# IT adds the line above to policy.allowed_signers in the workstations' machine config.",
          file=sys.stderr)
    return 0


def load_key(path: Path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_ssh_private_key

    data = path.read_bytes()
    try:
        key = load_ssh_private_key(data, password=None)
    except (TypeError, ValueError) as exc:
        if "password" not in str(exc).lower() and "encrypted" not in str(exc).lower():
            raise PolicyAdminError(f"{path} is not an OpenSSH private key ({exc})") from None
        pw = os.environ.get("TALTIO_KEY_PASSPHRASE") or getpass.getpass(f"Passphrase for {path}: ")
        try:
            key = load_ssh_private_key(data, password=pw.encode())
        except ValueError as exc2:
            raise PolicyAdminError(f"cannot open {path}: {exc2}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise PolicyAdminError(f"{path} is not an Ed25519 key; make one with `taltio-admin keys new-supervisor`")
    return key


def cmd_sign(ns: argparse.Namespace) -> int:
    path: Path = ns.file
    raw = path.read_bytes()
    try:
        fields = pol.parse(raw, str(path), schema=BY_KEY)
    except pol.PolicyError as exc:
        raise PolicyAdminError(f"not signed: {exc} [{exc.reason}]") from None
    key = load_key(ns.key)
    sig_path = Path(f"{path}.sig")
    sig_path.write_bytes(pol.sign(raw, key))
    print(f"{sig_path}: {fields['target']} version {fields['version']} signed by "
          f"{sshsig.public_openssh(key.public_key())}")
    return 0


def _allowed_signers(ns: argparse.Namespace, sig: bytes, raw: bytes) -> tuple[Any, str]:
    if getattr(ns, "allowed_signers", None):
        lines = ns.allowed_signers.read_text().splitlines()
        trusted = pol.parse_allowed_signers(lines)
        if not trusted:
            raise PolicyAdminError(f"{ns.allowed_signers} holds no ssh-ed25519 key")
        return trusted, f"allowed signers {ns.allowed_signers}"
    # No list given: check integrity against the key inside the signature, and say so.
    try:
        pub = sshsig.verify(sig.decode("ascii", errors="replace"), raw, pol.NAMESPACE)
        return pol.parse_allowed_signers([sshsig.public_openssh(pub)]), "the key in the signature (NOT a trust check)"
    except sshsig.SignatureError:
        return {}, "no allowed signers"


def _report(p: pol.Policy, out=None) -> None:
    out = out or sys.stdout
    print(f"target:     {p.target}", file=out)
    print(f"version:    {p.version}", file=out)
    print(f"issued at:  {pol.format_time(p.issued_at)}", file=out)
    print(f"expires at: {pol.format_time(p.expires_at)}", file=out)
    print(f"signed by:  {p.signer}", file=out)
    if p.comment:
        print(f"comment:    {p.comment}", file=out)
    print("settings:" + ("" if p.settings else " (none)"), file=out)
    for k in sorted(p.settings):
        print(f"  {k} = {json.dumps(p.settings[k], ensure_ascii=False)}", file=out)


def cmd_verify(ns: argparse.Namespace) -> int:
    path: Path = ns.file
    raw = path.read_bytes()
    sig_path = ns.sig or Path(f"{path}.sig")
    sig = sig_path.read_bytes() if sig_path.exists() else b""
    trusted, how = _allowed_signers(ns, sig, raw)
    try:
        p = pol.verify(raw, sig, trusted, ns.current_version, expected_target=ns.target, schema=BY_KEY)
    except pol.PolicyError as exc:
        print(f"REFUSED [{exc.reason}]: {exc}", file=sys.stderr)
        return 1
    print(f"OK: {path} verified against {how}")
    _report(p)
    return 0


def cmd_publish(ns: argparse.Namespace) -> int:
    path: Path = ns.file
    raw = path.read_bytes()
    sig_path = Path(f"{path}.sig")
    if not sig_path.exists():
        raise PolicyAdminError(f"{sig_path} is missing: sign the document first (taltio-admin policy sign)")
    sig = sig_path.read_bytes()
    trusted, how = _allowed_signers(ns, sig, raw)
    try:
        p = pol.verify(raw, sig, trusted, schema=BY_KEY)
    except pol.PolicyError as exc:
        raise PolicyAdminError(f"not published: {exc} [{exc.reason}]") from None
    store = Store(ns.url, ns.endpoint)
    name = pol.target_file(p.target)
    current, current_raw = _current_in_storage(store, name)
    if current_raw == raw:
        print(f"{store.url}/{name} already holds this document (version {p.version}); nothing to do")
        return 0
    if p.version <= current:
        raise PolicyAdminError(f"not published: {store.url}/{name} already has version {current}; workstations "
                               f"refuse version {p.version}. Raise it (taltio-admin policy edit {path} --version "
                               f"{current + 1}), sign again and publish")
    # Signature first, then the document: a workstation that reads between the two still has the
    # old document (unchanged, not downloaded) or, on a fresh fetch, retries once.
    store.put(f"{name}.sig", sig)
    store.put(name, raw)
    print(f"published {p.target} version {p.version} to {store.url}/{name} (was {current or 'none'}; checked "
          f"against {how})")
    return 0


def _load_ref(ref: str, target: str | None, endpoint: str | None) -> tuple[str, bytes | None, bytes | None]:
    if "://" in ref:
        store, name = _doc_location(ref, target, endpoint)
        return f"{store.url}/{name}", store.get(name), store.get(f"{name}.sig")
    path = Path(ref)
    sig = Path(f"{ref}.sig")
    return ref, path.read_bytes(), sig.read_bytes() if sig.exists() else None


def cmd_show(ns: argparse.Namespace) -> int:
    where, raw, sig = _load_ref(ns.ref, ns.target, ns.endpoint)
    if raw is None:
        raise PolicyAdminError(f"no document at {where}")
    ns_trust = argparse.Namespace(allowed_signers=ns.allowed_signers)
    trusted, how = _allowed_signers(ns_trust, sig or b"", raw)
    try:
        p = pol.verify(raw, sig or b"", trusted, check_expiry=False, schema=BY_KEY)
    except pol.PolicyError as exc:
        print(f"{where}: REFUSED [{exc.reason}]: {exc}")
        return 1
    state = "EXPIRED" if p.expired() else "valid"
    print(f"{where}: {state}, signature checked against {how}")
    _report(p)
    return 0


def cmd_diff(ns: argparse.Namespace) -> int:
    proposed_raw = ns.file.read_bytes()
    try:
        proposed = pol.parse(proposed_raw, str(ns.file), schema=BY_KEY)
    except pol.PolicyError as exc:
        raise PolicyAdminError(f"{ns.file}: {exc} [{exc.reason}]") from None
    store, name = _doc_location(ns.url, proposed["target"], ns.endpoint)
    current_raw = store.get(name)
    current: dict[str, Any] = {"version": 0, "settings": {}}
    if current_raw is not None:
        try:
            current = pol.parse(current_raw, name, schema=BY_KEY)
        except pol.PolicyError as exc:
            print(f"note: the document in storage is not valid ({exc.reason}); compared with no settings")
    print(f"--- {store.url}/{name} (in force: version {current['version'] or 'none'})")
    print(f"+++ {ns.file} (proposed: version {proposed['version']})")
    if proposed["version"] <= current["version"]:
        print(f"note: version {proposed['version']} is not higher than {current['version']}: workstations "
              f"would refuse it")
    old, new = current["settings"], proposed["settings"]
    changes = 0
    for key in sorted(set(old) | set(new)):
        if key not in new:
            print(f"- {key} = {json.dumps(old[key], ensure_ascii=False)}")
        elif key not in old:
            print(f"+ {key} = {json.dumps(new[key], ensure_ascii=False)}")
        elif old[key] != new[key]:
            print(f"~ {key}: {json.dumps(old[key], ensure_ascii=False)} -> {json.dumps(new[key], ensure_ascii=False)}")
        else:
            continue
        changes += 1
    print(f"{changes} setting(s) differ")
    return 0
