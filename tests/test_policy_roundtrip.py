"""A supervisor publishes a signed policy; the running app (real SeaweedFS, `taltio hook`) follows it without a restart.

The policy changes the Finnish notice text and adds an always-private number pattern.
The app must pick it up within its poll interval; the next private-by-rule call leaves no
audio; the next recorded call's manifest names the policy version and the hash of the
new notice text. A forged update is refused, reported in `taltio status`, and the good
policy stays in force.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from taltio.domain import policy as pol
from taltio.domain import sshsig
from tests.helpers.signals import tone, write_wav
from tests.helpers.verify import fetch_call
from tests.helpers.world import queue_empty, start_recording

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
NEW_TEXT = "Tämä puhelu tallennetaan sopimuksen todentamiseksi (käytäntö 1). Voit kieltäytyä."


def _admin(world, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "desktop"), AWS_ACCESS_KEY_ID=world.s3.admin_key,
               AWS_SECRET_ACCESS_KEY=world.s3.admin_secret, AWS_DEFAULT_REGION="us-east-1",
               AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull, AWS_EC2_METADATA_DISABLED="true",
               NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
    return subprocess.run([sys.executable, "-m", "taltio.admin", *args], env=env, capture_output=True, text=True,
                          timeout=60)


def _signed(tmp: Path, key: Ed25519PrivateKey, version: int, settings: dict) -> Path:
    now = dt.datetime.now(dt.timezone.utc)
    raw = pol.dump(pol.new_document("org", version, now - dt.timedelta(minutes=1), now + dt.timedelta(days=30),
                                    settings))
    path = tmp / f"org-v{version}.json"
    path.write_bytes(raw)
    path.with_name(path.name + ".sig").write_bytes(pol.sign(raw, key))
    return path


def _publish(world, tmp: Path, key: Ed25519PrivateKey, version: int, settings: dict) -> Path:
    path = _signed(tmp, key, version, settings)
    r = _admin(world, "policy", "publish", str(path), "--url", f"s3://{world.s3.bucket}/policy", "--endpoint",
               world.s3.endpoint)
    assert r.returncode == 0, r.stdout + r.stderr
    return path


def test_published_policy_applies_without_restart_and_is_named_in_the_manifest(world, app_factory, tmp_path):
    sup = Ed25519PrivateKey.generate()
    app = app_factory("policy-rt", **{"policy.allowed_signers": [sshsig.public_openssh(sup.public_key(), "anna")],
                                      "policy.poll_minutes": 0.05}).start()          # every 3 s
    assert app.status()["policy"] == {}
    _publish(world, tmp_path, sup, 1, {"notice.text_fi": NEW_TEXT,
                                       "privacy.always_private_numbers": ["+358 40 999*"]})
    t0 = time.monotonic()
    app.wait_for(lambda st: st.get("policy") == {"org": 1}, timeout=20, what="the policy to apply")
    print(f"policy applied {time.monotonic() - t0:.1f} s after publishing (poll every 3 s)")

    # The new always-private pattern: nothing of this call is captured or stored.
    app.hook("incoming", "rt-private", "+358409991234")
    app.wait_for(lambda st: any(c["call_id"] == "rt-private" and c["outcome"] == "private" for c in st["calls"]),
                 what="private by the policy's number rule")
    app.hook("answered", "rt-private")
    app.hook("ended", "rt-private")

    # The next recorded call names the policy and the notice text it was given with.
    start_recording(app, "rt-rec", "+358401234567")
    _audio_flowing(app, "rt-rec")
    world.audio.play_mic(write_wav(tmp_path / "t.wav", tone(700.0, 1.0, amplitude=0.4), 16000)).wait(timeout=30)
    app.hook("ended", "rt-rec")
    app.wait_for(queue_empty, timeout=30, what="upload")
    doc, rec, _rate = fetch_call(world.s3, "rt-rec", tmp_path / "verify", world.org_key,
                                 app.status()["workstation_key"])
    assert doc["policy"]["versions"] == {"org": 1}
    assert doc["notice"]["language"] == "fi"
    assert doc["notice"]["text_sha256"] == hashlib.sha256(NEW_TEXT.encode()).hexdigest()
    assert rec is not None and len(rec) > 0
    assert not [k for k in world.s3.list_keys("agents/") if "rt-private" in k]

    # A forged v2 (body changed after signing) is refused; v1 stays in force, and status says why.
    # Written straight to storage (never the genuine v2 first: the app polls every 3 s and could apply it).
    forged = _signed(tmp_path, sup, 2, {"notice.text_fi": "forged"})
    s3 = world.s3.admin_client()
    s3.put_object(Bucket=world.s3.bucket, Key="policy/org.json.sig",
                  Body=forged.with_name(forged.name + ".sig").read_bytes())
    s3.put_object(Bucket=world.s3.bucket, Key="policy/org.json",
                  Body=forged.read_bytes().replace(b"forged", b"FORGED"))
    st = app.wait_for(lambda st: st.get("policy_refused"), timeout=20, what="the forged policy to be refused")
    assert st["policy"] == {"org": 1}
    assert st["policy_refused"][0]["reason"] == "bad-signature"
    start_recording(app, "rt-rec2", "+358401234567")
    _audio_flowing(app, "rt-rec2")
    app.hook("ended", "rt-rec2")
    app.wait_for(queue_empty, timeout=30, what="upload")
    doc2, _rec, _ = fetch_call(world.s3, "rt-rec2", tmp_path / "verify2", world.org_key,
                               app.status()["workstation_key"])
    assert doc2["policy"]["versions"] == {"org": 1}
    assert doc2["notice"]["text_sha256"] == hashlib.sha256(NEW_TEXT.encode()).hexdigest()
    rows = [json.loads(d) for _at, _c, ev, d in _audit(app) if ev == "policy-rejected"]
    assert rows and rows[0]["target"] == "org" and rows[0]["reason"] == "bad-signature"
    # `taltio doctor --settings`: each effective value and where it came from.
    d = app.cli("doctor", "--settings")
    assert d.returncode == 0, d.stderr
    lines = {ln.split()[0]: ln for ln in d.stdout.splitlines() if ln.strip()}
    assert "supervisor policy org v1" in lines["notice.text_fi"]
    assert "machine (" in lines["storage.url"] and "[locked]" in lines["storage.url"]
    assert lines["ui.status_pill"].rstrip().endswith("(set by: user)")
    assert world.s3.agents["agent-7"][1] not in d.stdout


def _audio_flowing(app, cid: str) -> None:
    """Under load the first audio blocks can take a moment: a call ended before any is an empty recording."""
    app.wait_for(lambda st: any(c["call_id"] == cid and c["recorded_s"] > 0.5 for c in st["calls"]),
                 timeout=20, what=f"{cid}'s audio flowing")


def _audit(app):
    import sqlite3

    db = sqlite3.connect(app.data_dir / "queue.sqlite3")
    try:
        return db.execute("SELECT at, call_id, event, detail FROM audit ORDER BY at").fetchall()
    finally:
        db.close()
