"""taltio-admin decrypt: what it writes equals the independent tools' reading, and a bad call writes nothing."""
from __future__ import annotations

import io
import json
from datetime import timedelta

import numpy as np
import pytest
import soundfile as sf

from taltio.domain.events import iso, parse_iso
from tests.helpers.recorded import recorded  # noqa: F401
from tests.helpers.verify import age_decrypt
from tests.test_admin_verify import (TEST_AGENT, _flip, admin, make_test_call, mkey, put, restored,  # noqa: F401
                                     trust_file, versions_of)

FLAG = "--original-despite-overwrite"

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


def test_an_overwritten_call_is_decrypted_and_fetched_as_its_original_only_when_asked(recorded, trust_file,  # noqa: F811
                                                                                       tmp_path):
    """Issue 19.1: a changed copy put over rec-b1's audio. decrypt and fetch refuse it and name the flag; with
    the flag each writes the first version, the original (as `age -d` reads it), and says so, naming both
    version ids. A call that fails anything besides write-once is refused with the flag too."""
    key = mkey(recorded, "rec-b1").replace(".manifest.json", ".ogg.age")
    url = f"s3://{recorded.s3.bucket}/{mkey(recorded, 'rec-b1')[: -len('.manifest.json')]}"
    out, fetched = tmp_path / "out" / "b1.ogg", tmp_path / "out" / "b1-fetched.ogg"
    out.parent.mkdir()
    fetch = ("fetch", url, "--identity", str(recorded.org_key), "--trust-file", str(trust_file), "-o", str(fetched))
    with restored(recorded):
        blob = recorded.s3.get(key)
        put(recorded, key, _flip(blob))
        first, latest = versions_of(recorded, key)
        for r in (decrypt(recorded, trust_file, "rec-b1", out), admin(recorded, *fetch)):
            assert r.returncode == 1 and f"give {FLAG}" in r.stderr and "Traceback" not in r.stderr, r.stderr
        assert list(out.parent.iterdir()) == []
        plain = age_decrypt(tmp_path / "age", blob, recorded.org_key)
        for r, path in ((decrypt(recorded, trust_file, "rec-b1", out, FLAG), out),
                        (admin(recorded, *fetch, FLAG), fetched)):
            assert r.returncode == 0, r.stderr
            assert path.read_bytes() == plain
            assert (f"rec-b1.ogg.age overwritten (2 versions: first {first}, latest {latest})" in r.stdout
                    and "This copy is the first version of every object, the original" in r.stdout), r.stdout
        # Late notice AND an overwrite: the flag covers write-once only (a copy of rec-a1: rec-b1's latest is forged).
        doc = json.loads(recorded.s3.get(mkey(recorded, "rec-a1")))
        late = iso(parse_iso(doc["times"]["recording_start"]) + timedelta(seconds=5))
        test_key, _ = make_test_call(recorded, "rec-a1", "late-3", times__notice_given=late)
        audio = test_key.replace(".manifest.json", ".ogg.age")
        put(recorded, audio, recorded.s3.get(audio))
        r = decrypt(recorded, trust_file, "late-3", tmp_path / "out" / "late.ogg", FLAG)
        assert r.returncode == 1 and "notice:" in r.stderr and "write-once late-3.ogg.age" in r.stderr, r.stderr
        assert f"give {FLAG}" not in r.stderr
    assert sorted(p.name for p in out.parent.iterdir()) == ["b1-fetched.ogg", "b1.ogg"]
