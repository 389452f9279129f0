"""Check what Taltio put in storage with independent tools: age CLI, ssh-keygen, soundfile."""
from __future__ import annotations

import hashlib
import io
import json
import subprocess
from pathlib import Path

import numpy as np
import soundfile as sf

from taltio.admin.flac import complete_length
from taltio.domain.party import Party
from tests.helpers.waiting import wait_for


def wait_for_keys(s3, predicate, timeout: float = 30.0, prefix: str = "") -> list[str]:
    keys: list[str] = []

    def ready() -> bool:
        keys[:] = s3.list_keys(prefix)
        return predicate(keys)

    wait_for(ready, timeout, interval=0.2, message=lambda: f"objects; have {keys}")
    return keys


def every_object(s3) -> list[tuple[str, str, bytes, dict]]:  # noqa: ANN001
    """(bucket, key, body, head) of every current object in every bucket of the server: calls, audit chain,
    heartbeats. What a leak scan of storage must read, since a number can hide in any of them."""
    client = s3.admin_client()
    out = []
    for b in client.list_buckets()["Buckets"]:
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=b["Name"]):
            for o in page.get("Contents", []):
                body = client.get_object(Bucket=b["Name"], Key=o["Key"])["Body"].read()
                out.append((b["Name"], o["Key"], body, client.head_object(Bucket=b["Name"], Key=o["Key"])))
    return out


def call_keys(keys: list[str], call_id: str) -> list[str]:
    return [k for k in keys if k.rsplit("/", 1)[-1].startswith(call_id + ".")]


def manifest_key(keys: list[str], call_id: str) -> str | None:
    for k in call_keys(keys, call_id):
        if k.endswith(".manifest.json"):
            return k
    return None


def stored_signature(s3, mkey: str) -> bytes:
    """The manifest's SSH signature as storage holds it: the object's own x-amz-meta-sshsig, re-armoured."""
    from taltio.domain.sshsig import from_header

    meta = s3.head(mkey).get("Metadata", {})
    assert "sshsig" in meta, f"{mkey} was stored without its signature (metadata {meta})"
    return from_header(meta["sshsig"]).encode()


def ssh_verify(tmp: Path, body: bytes, sig: bytes, signer_key: str, identity: str = "workstation",
               namespace: str = "taltio-manifest-v1") -> None:
    tmp.mkdir(parents=True, exist_ok=True)
    allowed = tmp / "allowed_signers"
    allowed.write_text(f"{identity} {' '.join(signer_key.split()[:2])}\n")
    (tmp / "m.sig").write_bytes(sig)
    r = subprocess.run(["ssh-keygen", "-Y", "verify", "-f", str(allowed), "-I", identity, "-n", namespace,
                        "-s", str(tmp / "m.sig")], input=body, capture_output=True)
    assert r.returncode == 0, f"ssh-keygen -Y verify failed: {r.stdout!r} {r.stderr!r}"


def age_decrypt(tmp: Path, blob: bytes, identity: Path) -> bytes:
    tmp.mkdir(parents=True, exist_ok=True)
    src = tmp / f"in-{hashlib.sha256(blob).hexdigest()[:8]}.age"
    src.write_bytes(blob)
    r = subprocess.run(["age", "-d", "-i", str(identity), str(src)], capture_output=True)
    assert r.returncode == 0, f"age -d failed: {r.stderr.decode(errors='replace')}"
    src.unlink()
    return r.stdout


def party_of(doc: dict, identity_path: Path, tmp: Path | None = None) -> Party:
    """The customer a schema-2 manifest names, opened with the age CLI (`age -d -i`) from its sealed party:
    an independent tool checks what Taltio sealed. A manifest without a party names nobody."""
    import base64
    import tempfile

    assert "remote_number" not in doc and "remote_display_name" not in doc, "the manifest names the customer in clear"
    block = doc.get("party")
    if block is None:
        return Party(None, None)
    assert set(block) == {"sealed", "number_index", "index_scheme", "index_key_id"}, block
    with tempfile.TemporaryDirectory() as scratch:
        plain = age_decrypt(tmp or Path(scratch), base64.b64decode(block["sealed"], validate=True), identity_path)
    opened = json.loads(plain)
    assert set(opened) == {"number", "display_name"}, opened
    return Party(opened["number"], opened["display_name"])


def fetch_call(s3, call_id: str, tmp: Path, identity: Path, signer_key: str) -> tuple[dict, np.ndarray | None, int]:
    """Verify manifest (ssh-keygen) and hashes, decrypt (age CLI), decode (soundfile)."""
    keys = s3.list_keys()
    mkey = manifest_key(keys, call_id)
    assert mkey, f"no manifest for {call_id} in {keys}"
    body = s3.get(mkey)
    ssh_verify(tmp, body, stored_signature(s3, mkey), signer_key)
    doc = json.loads(body)
    audio = doc["audio"]
    if not audio:
        return doc, None, 0
    folder = mkey.rsplit("/", 1)[0]
    parts = [audio["file"]] if audio.get("file") else audio["segments"]
    plain = b""
    for p in parts:
        blob = s3.get(f"{folder}/{p['name']}")
        assert hashlib.sha256(blob).hexdigest() == p["sha256"], f"{p['name']} hash differs from manifest"
        assert len(blob) == p["size"]
        plain += age_decrypt(tmp, blob, identity)
    if audio["codec"] == "flac":
        plain = complete_length(plain)    # streamed FLAC says "length unknown"; fill it in as taltio-admin does
    info = sf.info(io.BytesIO(plain))
    if audio["codec"] == "flac":
        assert plain[:4] == b"fLaC", "decrypted audio is not a FLAC stream"
        assert info.format == "FLAC" and info.channels == 2, info
    else:
        assert audio["codec"] == "ogg/opus"
        assert plain[:4] == b"OggS", "decrypted audio is not an Ogg stream"
        assert info.format == "OGG" and info.subtype == "OPUS" and info.channels == 2, info
    data, rate = sf.read(io.BytesIO(plain), dtype="float32", always_2d=True)
    return doc, data, rate
