"""taltio-admin decrypt: what it writes equals the independent tools' reading, and a bad call writes nothing."""
from __future__ import annotations

import io
import json

import numpy as np
import pytest
import soundfile as sf

from tests.helpers.recorded import recorded  # noqa: F401
from tests.helpers.verify import age_decrypt
from tests.test_admin_verify import TEST_AGENT, admin, make_test_call, mkey, put, restored, trust_file  # noqa: F401

pytestmark = pytest.mark.slow


def decrypt(rec, trust, call: str, out, *extra: str, identity=None):
    return admin(rec, "decrypt", call, "--store", rec.store_url, "--trust-file", str(trust),
                 "--identity", str(identity or rec.org_key), "-o", str(out), *extra)


def test_decrypted_audio_equals_age_d_byte_for_byte(recorded, trust_file, tmp_path):  # noqa: F811
    for c in [c for c in recorded.calls if c.with_audio]:
        out = tmp_path / f"{c.call_id}.ogg"
        r = decrypt(recorded, trust_file, c.call_id, out)
        assert r.returncode == 0, r.stderr
        blob = recorded.s3.get(mkey(recorded, c.call_id).replace(".manifest.json", ".ogg.age"))
        assert out.read_bytes() == age_decrypt(tmp_path / "age", blob, recorded.org_key)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []     # no temp left


def test_wav_equals_soundfile_decode_sample_for_sample(recorded, trust_file, tmp_path):  # noqa: F811
    out = tmp_path / "a1.wav"
    r = decrypt(recorded, trust_file, "rec-a1", out, "--wav")
    assert r.returncode == 0, r.stderr
    blob = recorded.s3.get(mkey(recorded, "rec-a1").replace(".manifest.json", ".ogg.age"))
    want, rate = sf.read(io.BytesIO(age_decrypt(tmp_path / "age", blob, recorded.org_key)), dtype="int16",
                         always_2d=True)
    got, got_rate = sf.read(out, dtype="int16", always_2d=True)
    assert sf.info(out).format == "WAV" and got_rate == rate and got.shape == want.shape
    assert np.array_equal(got, want)


def test_segmented_call_decrypts_to_its_segments_in_order(recorded, trust_file, tmp_path):  # noqa: F811
    with restored(recorded):
        key, doc = make_test_call(recorded, "rec-a2", "segd-1", segments=3)
        out = tmp_path / "segd.ogg"
        r = decrypt(recorded, trust_file, "segd-1", out)
        assert r.returncode == 0, r.stderr
        folder = key.rsplit("/", 1)[0]
        parts = [age_decrypt(tmp_path / "age", recorded.s3.get(f"{folder}/{p['name']}"), recorded.org_key)
                 for p in doc["audio"]["segments"]]
    original = recorded.s3.get(mkey(recorded, "rec-a2").replace(".manifest.json", ".ogg.age"))
    assert out.read_bytes() == b"".join(parts) == age_decrypt(tmp_path / "age", original, recorded.org_key)
    assert out.read_bytes()[:4] == b"OggS"


def test_tampered_call_writes_no_file(recorded, trust_file, tmp_path):  # noqa: F811
    key = mkey(recorded, "rec-b1").replace(".manifest.json", ".ogg.age")
    out = tmp_path / "out" / "b1.ogg"
    out.parent.mkdir()
    with restored(recorded, key):
        blob = bytearray(recorded.s3.get(key))
        blob[-1] ^= 0x01
        put(recorded, key, bytes(blob))
        for extra in ((), ("--wav",)):
            r = decrypt(recorded, trust_file, "rec-b1", out, *extra)
            # Reads go to the original; the overwrite is the refusal (issue 19.1).
            assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
            assert "write-once rec-b1.ogg.age: overwritten after it was stored" in r.stderr, r.stderr
            assert list(out.parent.iterdir()) == []


def test_wrong_identity_or_no_audio_writes_no_file(recorded, trust_file, tmp_path):  # noqa: F811
    import pyrage

    other = tmp_path / "other.key"
    other.write_text(f"{pyrage.x25519.Identity.generate()}\n")
    out = tmp_path / "out" / "a1.ogg"
    out.parent.mkdir()
    r = decrypt(recorded, trust_file, "rec-a1", out, identity=other)
    assert r.returncode == 1 and "cannot decrypt" in r.stderr, r.stderr
    r = decrypt(recorded, trust_file, "rec-a3", out)
    assert r.returncode == 1 and "has no audio" in r.stderr, r.stderr
    assert list(out.parent.iterdir()) == []
    assert json.loads(admin(recorded, "trust", "list", "--json", "--trust-file", str(trust_file)).stdout)[TEST_AGENT]
