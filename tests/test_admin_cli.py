"""A supervisor's dispute, through the installed entry point: pin the workstations' keys, find the customer's
calls by number, verify them, decrypt one. Each step is the `taltio-admin` a supervisor types (a subprocess of
`python -m taltio.admin`), so the commands are checked as they are wired in admin/main.py, not only as modules.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.helpers.app_proc import DESKTOP
from tests.helpers.recorded import INDEX_KEY, recorded  # noqa: F401
from tests.helpers.verify import age_decrypt

pytestmark = pytest.mark.slow


def _admin(rec, tmp_path, *argv: str) -> subprocess.CompletedProcess:
    env = {**rec.admin_env(), "PYTHONPATH": str(DESKTOP), "TALTIO_TRUST_FILE": str(tmp_path / "trust.json"),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    return subprocess.run([sys.executable, "-m", "taltio.admin", *argv], env=env, capture_output=True, text=True,
                          timeout=120)


def test_dispute_find_verify_decrypt(recorded, tmp_path):  # noqa: F811
    for agent, key in recorded.workstation_keys.items():
        r = _admin(recorded, tmp_path, "trust", "add", agent, *key.split()[:2], "--source", "enrollment")
        assert r.returncode == 0, r.stderr
    index_file = tmp_path / "number-index.key"
    index_file.write_text(INDEX_KEY + "\n")

    r = _admin(recorded, tmp_path, "find", "--store", recorded.store_url, "--number", "+358 40 123 4567",
               "--index-key-file", str(index_file), "--json")
    assert r.returncode == 0, r.stderr
    found = sorted(json.loads(line)["call_id"] for line in r.stdout.splitlines() if line.strip())
    assert found == sorted(c.call_id for c in recorded.by_number("+358401234567")
                           + recorded.by_number("+358 40 123 4567"))

    r = _admin(recorded, tmp_path, "verify", "--store", recorded.store_url, *found, "--json")
    assert r.returncode == 0, r.stdout + r.stderr
    reports = json.loads(r.stdout)
    assert len(reports) == len(found) and all(rep["ok"] for rep in reports)

    out = tmp_path / "call.ogg"
    r = _admin(recorded, tmp_path, "decrypt", "--store", recorded.store_url, found[0], "--identity",
               str(recorded.org_key), "-o", str(out))
    assert r.returncode == 0, r.stderr
    stored = next(k for k in recorded.s3.list_keys("agents/") if k.endswith(f"{found[0]}.ogg.age"))
    assert out.read_bytes() == age_decrypt(tmp_path / "age", recorded.s3.get(stored), recorded.org_key)


def test_unknown_signer_is_refused_with_a_reason(recorded, tmp_path):  # noqa: F811
    """Nothing registered: verify fails and says how to register, decrypt writes nothing."""
    call = recorded.calls[0].call_id
    r = _admin(recorded, tmp_path, "verify", "--store", recorded.store_url, call)
    assert r.returncode == 1 and "trust add" in (r.stdout + r.stderr), r.stdout + r.stderr
    out = tmp_path / "refused.ogg"
    r = _admin(recorded, tmp_path, "decrypt", "--store", recorded.store_url, call, "--identity",
               str(recorded.org_key), "-o", str(out))
    assert r.returncode == 1 and not out.exists() and "Traceback" not in r.stderr, r.stderr
