"""`taltio-admin keys`: the organisation identity works with the age CLI, is private, never overwritten;
its passphrase copies open with their passphrases; `new-index` makes a usable number-index key."""
from __future__ import annotations

import argparse
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pyrage
import pytest

from taltio.admin import keys
from taltio.domain import party

AGE = shutil.which("age")
SCRIPT = ("import argparse, sys\nfrom taltio.admin import keys\n"
          "p = argparse.ArgumentParser(prog='taltio-admin'); s = p.add_subparsers(dest='cmd', required=True)\n"
          "keys.register(s); ns = p.parse_args(sys.argv[1:]); sys.exit(ns.handler(ns))\n")


def admin(*argv: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SCRIPT, *argv], input=stdin, capture_output=True, text=True,
                          timeout=60)


def test_parser_registers_both_commands():
    p = argparse.ArgumentParser()
    keys.register(p.add_subparsers(dest="cmd"))
    assert p.parse_args(["keys", "new-org", "--out", "x"]).handler is keys.run_new_org
    assert p.parse_args(["keys", "new-index"]).handler is keys.run_new_index


@pytest.mark.skipif(AGE is None, reason="the Debian age CLI is not installed")
def test_new_org_identity_opens_what_the_age_cli_encrypts(tmp_path: Path):
    out = tmp_path / "org.key"
    r = admin("keys", "new-org", "--out", str(out))
    assert r.returncode == 0, r.stderr
    recipient = r.stdout.strip()
    assert recipient.startswith("age1") and "\n" not in recipient
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert f"# public key: {recipient}" in out.read_text()
    blob = subprocess.run([AGE, "-r", recipient], input=b"a call", capture_output=True, check=True).stdout
    ident = pyrage.x25519.Identity.from_str(next(ln for ln in out.read_text().splitlines()
                                                 if ln.startswith("AGE-SECRET-KEY-")))
    assert pyrage.decrypt(blob, [ident]) == b"a call"
    # And the age CLI itself reads the file as an identity file.
    plain = subprocess.run([AGE, "-d", "-i", str(out)], input=blob, capture_output=True, check=True).stdout
    assert plain == b"a call"


def test_new_org_refuses_to_overwrite(tmp_path: Path):
    out = tmp_path / "org.key"
    out.write_text("precious\n")
    r = admin("keys", "new-org", "--out", str(out))
    assert r.returncode == 1 and r.stderr.startswith("taltio-admin: ") and "exists" in r.stderr
    assert "Traceback" not in r.stderr and out.read_text() == "precious\n"


def test_new_org_private_under_a_permissive_umask(tmp_path: Path):
    old = os.umask(0)
    try:
        recipient, files = keys.new_org(tmp_path / "org.key", None, [])
    finally:
        os.umask(old)
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600 and recipient.startswith("age1")


def test_new_org_needs_somewhere_to_write():
    r = admin("keys", "new-org")
    assert r.returncode == 1 and "give --out FILE" in r.stderr and r.stderr.count("\n") == 1


def _open_with_age_cli(path: Path, passphrase: str) -> bytes | None:
    """`age -d` asks for a passphrase only on a terminal: give it one with util-linux `script`."""
    script = shutil.which("script")
    if AGE is None or script is None:
        return None
    out = path.with_suffix(".plain")
    r = subprocess.run([script, "-qec", f"{AGE} -d -o {out} {path}", "/dev/null"], input=f"{passphrase}\n".encode(),
                       capture_output=True, timeout=60)
    return out.read_bytes() if r.returncode == 0 and out.exists() else None


def test_copies_open_with_each_custodians_passphrase(tmp_path: Path):
    pws = {"alice": "correct horse battery", "bob": "staple paperclip lamp"}
    r = admin("keys", "new-org", "--custodian", "alice", "--custodian", "bob", "--copies-dir", str(tmp_path),
              stdin="".join(f"{p}\n" for p in pws.values()))
    assert r.returncode == 0, r.stderr
    recipient = r.stdout.strip()
    for name, pw in pws.items():
        copy = tmp_path / f"taltio-org-identity.{name}.age"
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        text = pyrage.passphrase.decrypt(copy.read_bytes(), pw).decode()
        assert f"# public key: {recipient}" in text
        ident = pyrage.x25519.Identity.from_str(next(ln for ln in text.splitlines() if ln.startswith("AGE-SECRET")))
        assert str(ident.to_public()) == recipient
        with pytest.raises(pyrage.DecryptError):
            pyrage.passphrase.decrypt(copy.read_bytes(), "wrong passphrase!")
        via_cli = _open_with_age_cli(copy, pw)
        if AGE and shutil.which("script"):      # the custodian's restore needs nothing but age
            assert via_cli is not None and via_cli.decode() == text
    assert not list(tmp_path.glob("*.key"))        # no plain identity unless --out is given


def test_copies_refuse_short_passphrases_and_duplicates(tmp_path: Path):
    r = admin("keys", "new-org", "--custodian", "alice", "--copies-dir", str(tmp_path), stdin="short\n")
    assert r.returncode == 1 and "shorter than 12" in r.stderr and not list(tmp_path.iterdir())
    r = admin("keys", "new-org", "--custodian", "a", "--custodian", "a", "--copies-dir", str(tmp_path),
              stdin="x" * 20 + "\n" + "y" * 20 + "\n")
    assert r.returncode == 1 and "once" in r.stderr


def test_new_index_prints_a_usable_key(tmp_path: Path):
    r = admin("keys", "new-index")
    assert r.returncode == 0
    key = party.parse_key(r.stdout.strip())
    assert len(key) == 32 and party.key_id(key) in r.stderr
    out = tmp_path / "index.key"
    assert admin("keys", "new-index", "--out", str(out)).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and len(party.parse_key(out.read_text())) == 32
    assert admin("keys", "new-index", "--out", str(out)).returncode == 1


def test_joins_the_keys_group_of_policy_commands():
    """admin/policy.py registers `keys new-supervisor`; main.py registers keys after it and both work."""
    from taltio.admin import policy

    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd")
    policy.register(sub)
    keys.register(sub)
    assert p.parse_args(["keys", "new-org", "--out", "x"]).handler is keys.run_new_org
    assert p.parse_args(["keys", "new-index"]).handler is keys.run_new_index
    assert p.parse_args(["keys", "new-supervisor", "-o", "x"]).handler is not None
