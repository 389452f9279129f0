"""taltio-admin fetch refuses anything that does not match the signed manifest."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from tests.helpers.app_proc import DESKTOP
from tests.helpers.verify import call_keys, manifest_key, ssh_verify, stored_signature, wait_for_keys
from tests.helpers.world import queue_empty, start_recording

pytestmark = pytest.mark.slow


def _fetch(folder, call, identity, out, allowed=None):
    # A fresh trust file beside the copy: the first fetch trusts the workstation key on first use
    # (recorded as 'tofu'), later ones find it registered for the agent.
    args = [sys.executable, "-m", "taltio.admin", "fetch", f"file://{folder}/{call}", "--identity", str(identity),
            "-o", str(out), "--trust-file", str(folder.parent / "trust.json"), "--trust-on-first-use"]
    if allowed:
        args += ["--allowed-signers", str(allowed)]
    return subprocess.run(args, env={"PYTHONPATH": str(DESKTOP)}, capture_output=True, text=True)


def _recorded_call(world, app_factory, name: str, cid: str) -> tuple[str, list[str]]:
    """Record one call with the real app and wait until it is in storage: (workstation key, object keys)."""
    app = app_factory(name).start()
    start_recording(app, cid)
    world.audio.play_mic(world.agent_wav).wait(timeout=60)
    app.hook("ended", cid)
    app.wait_for(queue_empty, timeout=30, what="upload")
    return app.status()["workstation_key"], wait_for_keys(world.s3, lambda ks: manifest_key(ks, cid) is not None)


def test_fetch_verifies_signature_hash_and_signer(world, app_factory, tmp_path):
    cid = "call-admin-1"
    wskey, keys = _recorded_call(world, app_factory, "admin", cid)
    folder = tmp_path / "copy"
    folder.mkdir()
    for k in call_keys(keys, cid):
        (folder / k.rsplit("/", 1)[1]).write_bytes(world.s3.get(k))
    # A folder copy keeps the signature beside the manifest (in storage it is the manifest's metadata).
    (folder / f"{cid}.manifest.json.sig").write_bytes(stored_signature(world.s3, manifest_key(keys, cid)))
    allowed = tmp_path / "allowed"
    allowed.write_text(f"ws-test {' '.join(wskey.split()[:2])}\n")
    out = tmp_path / "out.ogg"
    r = _fetch(folder, cid, world.org_key, out, allowed)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes()[:4] == b"OggS"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600, oct(out.stat().st_mode)    # a customer's audio, in clear
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
    doc["party"] = {**(doc.get("party") or {}), "number_index": "0" * 64}
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


def _fetch_s3(world, url, out, allowed, *extra):
    env = {**os.environ, "PYTHONPATH": str(DESKTOP), "AWS_ACCESS_KEY_ID": world.s3.admin_key,
           "AWS_SECRET_ACCESS_KEY": world.s3.admin_secret, "AWS_DEFAULT_REGION": "us-east-1",
           "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}
    return subprocess.run([sys.executable, "-m", "taltio.admin", "fetch", url, "--identity", str(world.org_key),
                           "--allowed-signers", str(allowed), "--endpoint", world.s3.endpoint, "-o", str(out),
                           "--trust-file", str(allowed.with_name("trust.json")), "--trust-on-first-use",
                           *extra], env=env, capture_output=True, text=True)


def test_fetch_from_s3_writes_the_evidence_and_reads_calls_stored_the_old_way(world, app_factory, tmp_path):
    """The signature is the manifest's metadata; --with-manifest hands it over as a file ssh-keygen checks.

    Calls uploaded before that (signature as its own `.manifest.json.sig` object) still verify, and a
    manifest whose signature is missing from both places is refused.
    """
    cid = "call-admin-s3"
    wskey, keys = _recorded_call(world, app_factory, "admin-s3", cid)
    mkey = manifest_key(keys, cid)
    assert sorted(k.rsplit("/", 1)[1] for k in call_keys(keys, cid)) == [f"{cid}.manifest.json", f"{cid}.ogg.age"]
    allowed = tmp_path / "allowed"
    allowed.write_text(f"ws-test {' '.join(wskey.split()[:2])}\n")
    base = mkey.rsplit(".manifest.json", 1)[0]

    out = tmp_path / "out.ogg"
    r = _fetch_s3(world, f"s3://{world.s3.bucket}/{base}", out, allowed, "--with-manifest")
    assert r.returncode == 0, r.stderr
    assert out.read_bytes()[:4] == b"OggS"
    body = (tmp_path / "out.ogg.manifest.json").read_bytes()
    assert body == world.s3.get(mkey)
    ssh_verify(tmp_path / "v", body, (tmp_path / "out.ogg.manifest.json.sig").read_bytes(), wskey)

    # The old layout, as a previous version uploaded it: no metadata, the signature as its own object.
    s3 = world.s3.admin_client()
    old = f"legacy/{cid}"
    for k in call_keys(keys, cid):
        s3.put_object(Bucket=world.s3.bucket, Key=f"legacy/{k.rsplit('/', 1)[1]}", Body=world.s3.get(k))
    out2 = tmp_path / "legacy.ogg"
    r = _fetch_s3(world, f"s3://{world.s3.bucket}/{old}", out2, allowed)
    assert r.returncode == 1 and "has no signature" in r.stderr and not out2.exists()     # refused
    s3.put_object(Bucket=world.s3.bucket, Key=f"legacy/{cid}.manifest.json.sig",
                  Body=stored_signature(world.s3, mkey))
    r = _fetch_s3(world, f"s3://{world.s3.bucket}/{old}", out2, allowed)
    assert r.returncode == 0, r.stderr
    assert out2.read_bytes() == out.read_bytes()
