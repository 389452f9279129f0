"""`taltio-admin trust`: keys pinned by hand and keys offered by heartbeats, added only once confirmed."""
from __future__ import annotations

import json
import subprocess
import sys

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from taltio.domain import sshsig
from tests.helpers.app_proc import DESKTOP


def _key() -> str:
    return sshsig.public_openssh(Ed25519PrivateKey.generate().public_key())


def _admin(tmp_path, *argv: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(DESKTOP), "TALTIO_TRUST_FILE": str(tmp_path / "trust.json"), "PATH": "/usr/bin:/bin",
           "HOME": str(tmp_path)}
    return subprocess.run([sys.executable, "-m", "taltio.admin", *argv], env=env, input=stdin, capture_output=True,
                          text=True, timeout=60)


def _fleet(tmp_path, beats: dict[str, dict]) -> str:
    folder = tmp_path / "fleet-store" / "fleet"
    folder.mkdir(parents=True)
    for name, doc in beats.items():
        (folder / f"{name}.json").write_text(json.dumps(doc))
    return f"file://{tmp_path / 'fleet-store'}"


def test_heartbeat_keys_are_added_only_when_confirmed(tmp_path):
    k7, k9, forged = _key(), _key(), _key()
    url = _fleet(tmp_path, {
        "agent-7": {"agent_id": "agent-7", "workstation_id": "ws-7", "workstation_key": k7, "time": "2026-12-03T10:00:00Z"},
        "agent-9": {"agent_id": "agent-9", "workstation_id": "ws-9", "workstation_key": k9, "time": "2026-12-03T10:00:00Z"},
        # A heartbeat under agent-8's name that claims to be agent-7: the name is what storage policy restricts.
        "agent-8": {"agent_id": "agent-7", "workstation_key": forged},
    })
    refused = _admin(tmp_path, "trust", "from-heartbeats", "--fleet", url, stdin="")
    assert refused.returncode == 1 and "--yes" in refused.stderr, refused.stdout + refused.stderr
    assert not (tmp_path / "trust.json").exists(), "nothing may be trusted without a confirmation"

    r = _admin(tmp_path, "trust", "from-heartbeats", "--fleet", url, "--yes")
    assert r.returncode == 0, r.stderr
    listed = json.loads(_admin(tmp_path, "trust", "list", "--json").stdout)
    assert sorted(listed) == ["agent-7", "agent-9"]
    assert [e["key"] for e in listed["agent-7"]] == [" ".join(k7.split()[:2])]
    assert all(e["source"] == "heartbeat" for es in listed.values() for e in es)
    assert " ".join(forged.split()[:2]) not in json.dumps(listed)
    assert (tmp_path / "trust.json").stat().st_mode & 0o777 == 0o600


def test_a_bad_key_is_refused_by_name(tmp_path):
    r = _admin(tmp_path, "trust", "add", "agent-7", "ssh-rsa", "AAAAB3NzaC1yc2E")
    assert r.returncode == 1 and "Traceback" not in r.stderr and r.stderr.startswith("taltio-admin:"), r.stderr
