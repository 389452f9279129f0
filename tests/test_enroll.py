"""`taltio enroll`: the agent's S3 secret goes into the real OS keyring (gnome-keyring here), nowhere else."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SECRET = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY"


def _run(keyring_daemon, tmp_path: Path, *args: str, stdin: str = "", config: str = "") -> subprocess.CompletedProcess:
    cfg = tmp_path / "taltio.toml"
    cfg.write_text(config)
    env = keyring_daemon.child_env({"PYTHONPATH": str(ROOT / "desktop"), "TALTIO_CONFIG": str(cfg),
                                    "XDG_CONFIG_HOME": str(tmp_path / "config")})
    return subprocess.run([sys.executable, "-m", "taltio.cli", "enroll", *args], input=stdin, env=env,
                          capture_output=True, text=True, timeout=60)


def _keyring_get(keyring_daemon, key: str) -> str | None:
    code = ("import sys; sys.path.insert(0, %r); from taltio.adapters.keystore import OSKeystore; "
            "print(OSKeystore().get(%r) or '')" % (str(ROOT / "desktop"), key))
    r = subprocess.run([sys.executable, "-c", code], env=keyring_daemon.child_env(), capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    return r.stdout.strip() or None


def test_one_time_file_is_stored_then_deleted(keyring_daemon, tmp_path):
    secret_file = tmp_path / "taltio-enroll.secret"
    secret_file.write_text(SECRET + "\n")
    os.chmod(secret_file, 0o600)
    r = _run(keyring_daemon, tmp_path, "--secret-file", str(secret_file),
             config='[storage]\naccess_key_id = "AKAGENT7"\n')        # the key id from the machine policy
    assert r.returncode == 0, r.stderr
    assert not secret_file.exists()
    assert _keyring_get(keyring_daemon, "s3:AKAGENT7") == SECRET
    assert SECRET not in r.stdout + r.stderr
    assert not any(SECRET in p.read_text(errors="ignore") for p in tmp_path.rglob("*") if p.is_file())


def test_stdin_and_refusals(keyring_daemon, tmp_path):
    r = _run(keyring_daemon, tmp_path, "--access-key-id", "AKSTDIN", stdin=SECRET + "\n")
    assert r.returncode == 0 and SECRET not in r.stdout + r.stderr
    assert _keyring_get(keyring_daemon, "s3:AKSTDIN") == SECRET
    r = _run(keyring_daemon, tmp_path, "--access-key-id", "AKEMPTY", stdin="\n")
    assert r.returncode == 2 and "no secret given" in r.stderr
    r = _run(keyring_daemon, tmp_path, stdin=SECRET)                   # no key id anywhere
    assert r.returncode == 2 and "--access-key-id" in r.stderr
    r = _run(keyring_daemon, tmp_path, "--access-key-id", "AKX", "--secret-file", str(tmp_path / "missing"))
    assert r.returncode == 2 and "cannot read the secret file" in r.stderr


def test_file_is_kept_when_the_keyring_refuses(keyring_daemon, tmp_path):
    """A locked keyring: the secret is not stored, and the installer's file stays for a retry."""
    secret_file = tmp_path / "one-time"
    secret_file.write_text(SECRET)
    os.chmod(secret_file, 0o644)                                        # too open: warned about
    keyring_daemon.lock()
    try:
        r = _run(keyring_daemon, tmp_path, "--access-key-id", "AKLOCKED", "--secret-file", str(secret_file))
    finally:
        keyring_daemon.unlock()
    assert r.returncode == 1, r.stdout + r.stderr
    assert "was kept so you can retry" in r.stderr and "readable by other users" in r.stderr
    assert secret_file.exists() and SECRET not in r.stderr
