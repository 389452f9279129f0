"""taltio-admin fetch refuses anything that does not match the signed manifest."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.helpers.app_proc import DESKTOP
from tests.helpers.verify import call_keys, wait_for_keys, manifest_key
from tests.helpers.world import queue_empty, start_recording

pytestmark = pytest.mark.slow


def _fetch(folder, call, identity, out, allowed=None):
    args = [sys.executable, "-m", "taltio.admin", "fetch", f"file://{folder}/{call}", "--identity", str(identity),
            "-o", str(out)]
    if allowed:
        args += ["--allowed-signers", str(allowed)]
    return subprocess.run(args, env={"PYTHONPATH": str(DESKTOP)}, capture_output=True, text=True)


def test_fetch_verifies_signature_hash_and_signer(world, app_factory, tmp_path):
    app = app_factory("admin").start()
    cid = "call-admin-1"
    start_recording(app, cid)
    world.audio.play_mic(world.agent_wav).wait(timeout=60)
    app.hook("ended", cid)
    app.wait_for(queue_empty, timeout=30, what="upload")
    wskey = app.status()["workstation_key"]
    keys = wait_for_keys(world.s3, lambda ks: manifest_key(ks, cid) is not None)
    folder = tmp_path / "copy"
    folder.mkdir()
    for k in call_keys(keys, cid):
        (folder / k.rsplit("/", 1)[1]).write_bytes(world.s3.get(k))
    allowed = tmp_path / "allowed"
    allowed.write_text(f"ws-test {' '.join(wskey.split()[:2])}\n")
    out = tmp_path / "out.ogg"
    r = _fetch(folder, cid, world.org_key, out, allowed)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes()[:4] == b"OggS"
    out.unlink()

    # A workstation key we do not trust.
    other = tmp_path / "other"
    other.write_text("ws-x ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOZ7mZkJfT3n5tFZ8d9JtS0fHdJd3iK1m3u5Z0oQZ1cQ\n")
    r = _fetch(folder, cid, world.org_key, out, other)
    assert r.returncode == 1 and "not in the allowed signers" in r.stderr and not out.exists()

    # A tampered manifest (e.g. a changed number).
    m = folder / f"{cid}.manifest.json"
    original = m.read_bytes()
    doc = json.loads(original)
    doc["remote_number"] = "+358409999999"
    m.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n")
    r = _fetch(folder, cid, world.org_key, out, allowed)
    assert r.returncode == 1 and "does not match" in r.stderr and not out.exists()
    m.write_bytes(original)

    # A swapped audio object.
    a = folder / f"{cid}.ogg.age"
    blob = bytearray(a.read_bytes())
    blob[-1] ^= 1
    a.write_bytes(bytes(blob))
    r = _fetch(folder, cid, world.org_key, out, allowed)
    assert r.returncode == 1 and "hash differs" in r.stderr and not out.exists()
