"""`taltio-admin keys`: make the organisation's age identity and the number-index key.

``keys new-org`` makes the identity every recording is encrypted to (its recipient goes into
``encryption.recipients``). Whoever holds it can play every call, so it is written mode 0600, never over
an existing file, and for a key ceremony it can instead (or also) be written as *copies*: one age file
per custodian, each encrypted to that custodian's own passphrase (age's scrypt passphrase mode). Any one
custodian can restore it with the plain `age -d` CLI, without Taltio.

Why copies and not an N-of-M split (Shamir): PyPI has several Shamir packages (pyshamir, horcrux,
secretsharing, pysss, ...) but none is both widely used and kept up (none is among PyPI's 15,000 most
downloaded; the older ones are unmaintained since 2014-2021), and a secret-sharing scheme written or
reviewed by one person is a worse risk for the key to every recording than N passphrase copies. Copies
protect against loss (any custodian can restore), not against one custodian acting alone; an
organisation that needs that keeps the copies sealed (envelope, safe) under dual control.

``keys new-index`` prints a new number-index key (``encryption.number_index_key``, distributed by signed
policy): the HMAC key of the manifests' blind index of the customer's number.
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

from taltio.domain import party


class KeysError(RuntimeError):
    """A key file cannot be written as asked; printed as one line, exit 1."""


def write_secret(path: Path, data: bytes) -> None:
    """Create *path* mode 0600 from the start (never a moment readable by others); refuse an existing file."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise KeysError(f"{path} exists: Taltio never overwrites a key file (move it away first)") from None
    except OSError as exc:
        raise KeysError(f"cannot create {path}: {exc.strerror}") from None
    try:
        os.fchmod(fd, 0o600)          # whatever the umask was
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def identity_text(identity) -> str:  # noqa: ANN001 - pyrage.x25519.Identity
    """The identity file in age-keygen's own format (so `age -d -i FILE` reads it)."""
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    return (f"# created: {now}\n# public key: {identity.to_public()}\n"
            f"# Taltio organisation identity: it opens every recording; keep it offline.\n{identity}\n")


def read_passphrases(custodians: list[str]) -> list[str]:
    """One passphrase per custodian: asked twice on a terminal, else one line each from standard input."""
    out = []
    tty = sys.stdin.isatty()
    for name in custodians:
        if tty:
            first = getpass.getpass(f"passphrase for {name}'s copy: ")
            if getpass.getpass(f"again, for {name}: ") != first:
                raise KeysError(f"the two passphrases for {name} differ")
        else:
            first = sys.stdin.readline().rstrip("\n")
        if len(first) < 12:
            raise KeysError(f"the passphrase for {name} is shorter than 12 characters")
        out.append(first)
    return out


def new_org(out: Path | None, copies_dir: Path | None, custodians: list[str]) -> tuple[str, list[Path]]:
    """Make the identity; write it to *out* and/or one passphrase copy per custodian. Returns (recipient, files)."""
    import pyrage

    if out is None and not custodians:
        raise KeysError("give --out FILE, or --custodian NAME (repeated) for passphrase copies, or both")
    if custodians and len(set(custodians)) != len(custodians):
        raise KeysError("each --custodian name must be given once")
    copies_dir = copies_dir or Path(".")
    targets = [copies_dir / f"taltio-org-identity.{name}.age" for name in custodians]
    for t in [out, *targets]:
        if t is not None and t.exists():
            raise KeysError(f"{t} exists: Taltio never overwrites a key file (move it away first)")
    secrets = read_passphrases(custodians)
    ident = pyrage.x25519.Identity.generate()
    text = identity_text(ident).encode()
    written = []
    if out is not None:
        write_secret(out, text)
        written.append(out)
    for t, pw in zip(targets, secrets):
        write_secret(t, pyrage.passphrase.encrypt(text, pw))
        written.append(t)
    return str(ident.to_public()), written


def run_new_org(ns: argparse.Namespace) -> int:
    try:
        recipient, files = new_org(ns.out, ns.copies_dir, ns.custodian or [])
    except KeysError as exc:
        print(f"taltio-admin: {exc}", file=sys.stderr)
        return 1
    for f in files:
        print(f"wrote {f} (mode 0600)", file=sys.stderr)
    print("put this recipient into encryption.recipients (it is public):", file=sys.stderr)
    print(recipient)
    return 0


def run_new_index(ns: argparse.Namespace) -> int:
    key = party.new_key()
    print(f"key id {party.key_id(party.parse_key(key))}; distribute it by signed policy as "
          f"encryption.number_index_key, and give it to supervisors for `taltio-admin find`", file=sys.stderr)
    if ns.out is not None:
        try:
            write_secret(ns.out, (key + "\n").encode())
        except KeysError as exc:
            print(f"taltio-admin: {exc}", file=sys.stderr)
            return 1
        print(f"wrote {ns.out} (mode 0600)", file=sys.stderr)
        return 0
    print(key)
    return 0


def _keys_subparsers(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The `keys` group's own subcommands: admin/policy.py may have made `keys` already (new-supervisor);
    these join it, since argparse refuses a second `keys`."""
    k = sub.choices.get("keys")
    if k is None:
        k = sub.add_parser("keys", help="make keys: the organisation identity, the number-index key, ...",
                           description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
        return k.add_subparsers(dest="keys_cmd", required=True)
    return next(a for a in k._actions if isinstance(a, argparse._SubParsersAction))


def register(sub: argparse._SubParsersAction) -> None:
    """Add `keys new-org` and `keys new-index` to taltio-admin (after admin/policy.py's register, if both)."""
    ks = _keys_subparsers(sub)
    o = ks.add_parser("new-org", help="make the organisation's age identity (prints its recipient)",
                      description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    o.add_argument("--out", type=Path, help="write the identity here (mode 0600; never overwrites)")
    o.add_argument("--custodian", action="append", metavar="NAME",
                   help="also (or instead) write a copy encrypted to NAME's passphrase; repeat for each custodian "
                        "(passphrases asked on the terminal, or one line each on standard input)")
    o.add_argument("--copies-dir", type=Path, help="where the copies go (default: here), as "
                                                   "taltio-org-identity.NAME.age; restore one with `age -d`")
    o.set_defaults(handler=run_new_org)
    i = ks.add_parser("new-index", help="print a new number-index key (encryption.number_index_key)")
    i.add_argument("--out", type=Path, help="write it to this file (mode 0600) instead of printing it")
    i.set_defaults(handler=run_new_index)
