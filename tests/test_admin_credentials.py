"""The supervisor's S3 credential in the real OS keyring (gnome-keyring on a private session bus)."""
from __future__ import annotations

import subprocess
import sys

from tests.helpers.app_proc import DESKTOP


def _admin(audio_server, keyring_daemon, tmp_path, *argv: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {k: v for k, v in audio_server.child_env(keyring_daemon.env).items() if not k.startswith("AWS_")}
    env.update(PYTHONPATH=str(DESKTOP), AWS_CONFIG_FILE=str(tmp_path / "no-aws-config"),
               AWS_SHARED_CREDENTIALS_FILE=str(tmp_path / "no-aws-credentials"), AWS_DEFAULT_REGION="us-east-1",
               AWS_EC2_METADATA_DISABLED="true", XDG_CACHE_HOME=str(tmp_path / "cache"))
    return subprocess.run([sys.executable, "-m", "taltio.admin", *argv], env=env, input=stdin, capture_output=True,
                          text=True, timeout=60)


def test_a_credential_kept_in_the_keyring_opens_the_store(audio_server, keyring_daemon, s3_server, tmp_path):
    url = f"s3://{s3_server.bucket}/agents"
    listing = ("list", "--store", url, "--endpoint", s3_server.endpoint, "--json", "--no-cache")
    before = _admin(audio_server, keyring_daemon, tmp_path, *listing)
    assert before.returncode == 1 and "credentials set" in before.stderr and "Traceback" not in before.stderr, before.stderr

    r = _admin(audio_server, keyring_daemon, tmp_path, "credentials", "set", "--store", url, "--endpoint",
               s3_server.endpoint, "--access-key-id", s3_server.admin_key, "--secret-stdin",
               stdin=s3_server.admin_secret + "\n")
    assert r.returncode == 0, r.stderr
    assert s3_server.admin_secret not in r.stdout + r.stderr

    after = _admin(audio_server, keyring_daemon, tmp_path, *listing)
    assert after.returncode == 0, after.stderr


def test_a_folder_store_needs_no_credential(audio_server, keyring_daemon, tmp_path):
    r = _admin(audio_server, keyring_daemon, tmp_path, "credentials", "set", "--store", f"file://{tmp_path}",
               "--access-key-id", "x", "--secret-stdin", stdin="y\n")
    assert r.returncode == 1 and "needs no credential" in r.stderr, r.stderr
