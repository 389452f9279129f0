"""taltio-admin verify against calls the real app recorded, and against each way of forging one.

The bucket has no Object Lock, so each test tampers with what is stored through the S3 admin
client and puts it back afterwards. Calls that need a manifest the real workstations never
signed (a segmented call, a late notice, a malformed document) are signed by a *test
workstation key* registered for a test agent ("agent-t"): the honest stand-in for a workstation,
since the real workstation keys stay in their keyrings. Only the tampering under test fails.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from taltio.domain import sshsig
from taltio.domain.events import iso, parse_iso
from tests.helpers.app_proc import DESKTOP
from tests.helpers.recorded import recorded  # noqa: F401

pytestmark = pytest.mark.slow

TEST_AGENT = "agent-t"
TEST_KEY = Ed25519PrivateKey.generate()


def admin(rec, *args: str) -> subprocess.CompletedProcess:
    env = {**rec.admin_env(), "PYTHONPATH": str(DESKTOP)}
    return subprocess.run([sys.executable, "-m", "taltio.admin", *args], env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def trust_file(recorded, tmp_path_factory) -> Path:  # noqa: F811
    """Both real workstations' keys (as enrollment would register them) and the test workstation's."""
    path = tmp_path_factory.mktemp("trust") / "trusted.json"
    keys = {**recorded.workstation_keys, TEST_AGENT: sshsig.public_openssh(TEST_KEY.public_key())}
    for agent, key in keys.items():
        r = admin(recorded, "trust", "add", agent, key, "--source", "enrollment", "--trust-file", str(path))
        assert r.returncode == 0, r.stderr
    return path


def verify(rec, trust: Path, *calls: str, extra: tuple[str, ...] = ()) -> tuple[int, dict[str, dict]]:
    r = admin(rec, "verify", *calls, "--store", rec.store_url, "--trust-file", str(trust), "--json", *extra)
    assert r.returncode in (0, 1), r.stderr
    assert "Traceback" not in r.stderr, r.stderr
    reports = json.loads(r.stdout) if r.stdout.strip() else []
    return r.returncode, {rep["call_id"] + "@" + str(rep["agent"]): rep for rep in reports} | {
        rep["call_id"]: rep for rep in reports}


def failed(rep: dict) -> dict[str, str]:
    return {c["name"]: c["reason"] for c in rep["checks"] if not c["ok"]}


def mkey(rec, call_id: str, agent: str | None = None) -> str:
    keys = [k for k in rec.s3.list_keys("agents/") if k.endswith(f"/{call_id}.manifest.json")]
    keys = [k for k in keys if agent is None or k.split("/")[1] == agent]
    assert len(keys) == 1, keys
    return keys[0]


def put(rec, key: str, body: bytes, sig: str | None = None) -> None:
    meta = {"sshsig": sshsig.to_header(sig)} if sig else {}
    rec.s3.admin_client().put_object(Bucket=rec.s3.bucket, Key=key, Body=body, Metadata=meta)


def stored(rec, key: str) -> tuple[bytes, str | None]:
    meta = rec.s3.head(key).get("Metadata", {})
    return rec.s3.get(key), sshsig.from_header(meta["sshsig"]) if "sshsig" in meta else None


def versions_of(rec, key: str) -> list[str]:
    """The object's version ids, oldest first, as the admin client lists them (S3 lists newest first)."""
    listed = rec.s3.admin_client().list_object_versions(Bucket=rec.s3.bucket, Prefix=key).get("Versions", [])
    return [v["VersionId"] for v in reversed(listed) if v["Key"] == key]


@contextlib.contextmanager
def restored(rec, *keys: str):
    """Undo what the test put: every version and delete marker it added goes (the bucket is versioned, and
    a re-put original would be a second version, which verify refuses as an overwrite)."""
    from tests.helpers.recorded import drop_versions_since, marker_ids, unhide_since, version_ids

    s3 = rec.s3.admin_client()
    before, markers = version_ids(s3, rec.s3.bucket, "agents/"), marker_ids(s3, rec.s3.bucket, "agents/")
    try:
        yield
    finally:
        unhide_since(s3, rec.s3.bucket, before, markers, "agents/")
        drop_versions_since(s3, rec.s3.bucket, before, "agents/")


def signed_by(key: Ed25519PrivateKey, doc: dict) -> tuple[bytes, str]:
    body = (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode()
    return body, sshsig.sign(key, body, sshsig.NS_MANIFEST)


def make_test_call(rec, source_call: str, call_id: str, segments: int = 0, *, signer: Ed25519PrivateKey = TEST_KEY,
                   stored=None, says: str | None = None, **changes) -> tuple[str, dict]:  # noqa: ANN001
    """A copy of a real call as the test workstation's: its real encrypted audio (or that audio
    decrypted, cut in ``segments`` pieces and each sealed to the org recipient, as the recorder's
    crash segments are), a manifest signed by *signer* (TEST_KEY). ``stored(audio)`` is what is put in
    place of the audio the manifest describes; *says* the call id the manifest names, if not its own key's.
    Returns (manifest key, manifest).

    Tampering is done on copies: each object is put once, so it is its own first version, the one every
    read goes to (an overwrite of a real call leaves the original first, and verify judges that)."""
    src = mkey(rec, source_call)
    doc = json.loads(rec.s3.get(src))
    folder = f"agents/{TEST_AGENT}/{src.split('/', 2)[2].rsplit('/', 1)[0]}"
    audio = rec.s3.get(f"{src.rsplit('/', 1)[0]}/{doc['audio']['file']['name']}")
    doc.update(call_id=call_id, agent_id=TEST_AGENT, workstation_key=sshsig.public_openssh(signer.public_key()))
    if segments:
        plain = pyrage.decrypt(audio, [pyrage.x25519.Identity.from_str(_org_secret(rec))])
        cut = [plain[i * len(plain) // segments:(i + 1) * len(plain) // segments] for i in range(segments)]
        parts = []
        for i, chunk in enumerate(cut, 1):
            blob = pyrage.encrypt(chunk, [pyrage.x25519.Recipient.from_str(rec.recipient)])
            parts.append({"name": f"{call_id}.seg-{i:06d}.age", "sha256": hashlib.sha256(blob).hexdigest(),
                          "size": len(blob)})
            put(rec, f"{folder}/{parts[-1]['name']}", blob)
        doc["audio"] = {**doc["audio"], "file": None, "segments": parts}
    else:
        name = f"{call_id}.ogg.age"
        put(rec, f"{folder}/{name}", stored(audio) if stored else audio)
        doc["audio"] = {**doc["audio"], "file": {"name": name, "sha256": hashlib.sha256(audio).hexdigest(),
                                                 "size": len(audio)}}
    for path, value in changes.items():
        section, _, field = path.partition("__")
        (doc[section].__setitem__(field, value) if field else doc.__setitem__(section, value))
    if says is not None:
        doc["call_id"] = says
    body, sig = signed_by(signer, doc)
    key = f"{folder}/{call_id}.manifest.json"
    put(rec, key, body, sig)
    return key, doc




def _org_secret(rec) -> str:
    return next(ln.strip() for ln in rec.org_key.read_text().splitlines() if ln.startswith("AGE-SECRET-KEY-"))


def test_untouched_calls_pass_and_list_pauses_bookmarks_and_lock(recorded, trust_file):  # noqa: F811
    rc, reps = verify(recorded, trust_file, *(c.call_id for c in recorded.calls))
    assert rc == 0, {k: failed(v) for k, v in reps.items()}
    for c in recorded.calls:
        rep = reps[c.call_id]
        assert rep["ok"] and rep["agent"] == c.agent
        names = {ch["name"] for ch in rep["checks"]}
        assert {"signature", "signer trusted", "manifest", "call id", "agent", "day", "workstation key", "notice",
                "pauses", "bookmarks", f"lock {c.call_id}.manifest.json"} <= names
        if c.with_audio:
            assert len(rep["objects"]) == 1 and rep["bookmarks"], rep
    human = admin(recorded, "verify", "rec-a1", "--store", recorded.store_url, "--trust-file", str(trust_file))
    assert human.returncode == 0 and "rec-a1" in human.stdout and "OK" in human.stdout, human.stdout


def test_no_registered_key_fails_unless_trusted_on_first_use(recorded, tmp_path):  # noqa: F811
    empty = tmp_path / "trust.json"
    rc, reps = verify(recorded, empty, "rec-b1")
    assert rc == 1 and "no key is registered for agent-9" in failed(reps["rec-b1"])["signer trusted"]
    rc, reps = verify(recorded, empty, "rec-b1", extra=("--trust-on-first-use",))
    assert rc == 0 and "trusted on first use" in json.dumps(reps["rec-b1"]["checks"])
    listed = json.loads(admin(recorded, "trust", "list", "--json", "--trust-file", str(empty)).stdout)
    assert [(k["key"], k["source"]) for k in listed["agent-9"]] == [
        (" ".join(recorded.workstation_keys["agent-9"].split()[:2]), "tofu")]
    assert oct(empty.stat().st_mode & 0o777) == "0o600"
    rc, _ = verify(recorded, empty, "rec-b1")        # now registered
    assert rc == 0


def _flip(blob: bytes) -> bytes:
    out = bytearray(blob)
    out[len(out) // 2] ^= 0x01
    return bytes(out)


def test_one_changed_byte_of_audio_fails_its_hash(recorded, trust_file):  # noqa: F811
    with restored(recorded):
        make_test_call(recorded, "rec-a1", "flip-1", stored=_flip)
        make_test_call(recorded, "rec-a1", "kept-2")
        rc, reps = verify(recorded, trust_file, "flip-1", "kept-2")
    assert rc == 1
    assert "hash differs" in failed(reps["flip-1"])["object flip-1.ogg.age"]
    assert list(failed(reps["flip-1"])) == ["object flip-1.ogg.age"] and reps["kept-2"]["ok"]


def test_overwriting_a_stored_call_fails_write_once_and_the_original_still_verifies(recorded, trust_file):  # noqa: F811
    """Issue 19.1: a changed byte put over rec-a1's audio, and rec-a2's manifest put over rec-a1's. Every read
    goes to the first version, so the original passes each check; the overwrites fail write-once, naming both
    version ids. The latest (the forgery) is never what verify judges."""
    audio, manifest = (mkey(recorded, "rec-a1").replace(".manifest.json", x) for x in (".ogg.age", ".manifest.json"))
    s3 = recorded.s3.admin_client()
    with restored(recorded, audio, manifest):
        put(recorded, audio, _flip(recorded.s3.get(audio)))
        put(recorded, manifest, *stored(recorded, mkey(recorded, "rec-a2")))
        ids = {k: [v["VersionId"] for v in s3.list_object_versions(Bucket=recorded.s3.bucket, Prefix=k)["Versions"]
                   if v["Key"] == k] for k in (audio, manifest)}
        rc, reps = verify(recorded, trust_file, "rec-a1")
    f = failed(reps["rec-a1"])
    assert rc == 1 and set(f) == {"write-once rec-a1.ogg.age", "write-once rec-a1.manifest.json"}, f
    for k, name in ((audio, "rec-a1.ogg.age"), (manifest, "rec-a1.manifest.json")):
        assert len(ids[k]) == 2 and all(i in f[f"write-once {name}"] for i in ids[k]), (ids, f)
    ok = {c["name"] for c in reps["rec-a1"]["checks"] if c["ok"]}
    assert {"signature", "signer trusted", "call id", "object rec-a1.ogg.age"} <= ok, reps["rec-a1"]["checks"]


def test_swapped_manifests_fail_the_call_id(recorded, trust_file):  # noqa: F811
    with restored(recorded):
        make_test_call(recorded, "rec-a1", "swap-1", says="swap-2")
        make_test_call(recorded, "rec-a2", "swap-2", says="swap-1")
        rc, reps = verify(recorded, trust_file, "swap-1", "swap-2")
    assert rc == 1
    for mine, other in (("swap-1", "swap-2"), ("swap-2", "swap-1")):
        f = failed(reps[mine])
        assert f"the manifest says '{other}', its file name says '{mine}'" == f["call id"], f
        assert "signature" not in f and "signer trusted" not in f


def test_resigned_with_an_untrusted_key_fails_the_signer(recorded, trust_file):  # noqa: F811
    fresh = Ed25519PrivateKey.generate()
    with restored(recorded):
        make_test_call(recorded, "rec-a2", "resigned-1", signer=fresh, remote_number="+358409999999")
        rc, reps = verify(recorded, trust_file, "resigned-1", extra=("--trust-on-first-use",))
    reason = failed(reps["resigned-1"])["signer trusted"]
    assert rc == 1 and "unknown key" in reason and f"{TEST_AGENT} has 1 other registered key(s)" in reason, reason
    assert [c["name"] for c in reps["resigned-1"]["checks"]] == ["signature", "signer trusted"]   # never parsed


def test_planted_call_over_real_audio_fails_the_signer(recorded, trust_file):  # noqa: F811
    src = mkey(recorded, "rec-a1")
    folder = src.rsplit("/", 1)[0]
    fresh = Ed25519PrivateKey.generate()
    audio = recorded.s3.get(f"{folder}/rec-a1.ogg.age")
    doc = json.loads(recorded.s3.get(src))
    doc.update(call_id="made-up-1", workstation_key=sshsig.public_openssh(fresh.public_key()),
               remote_number="+358401111111")
    doc["audio"]["file"] = {"name": "made-up-1.ogg.age", "sha256": hashlib.sha256(audio).hexdigest(),
                            "size": len(audio)}
    with restored(recorded):
        put(recorded, f"{folder}/made-up-1.ogg.age", audio)
        put(recorded, f"{folder}/made-up-1.manifest.json", *signed_by(fresh, doc))
        rc, reps = verify(recorded, trust_file, "made-up-1", extra=("--trust-on-first-use",))
    assert rc == 1 and not reps["made-up-1"]["ok"]
    assert "unknown key" in failed(reps["made-up-1"])["signer trusted"]
    assert "part(s) verified" not in json.dumps(reps)


def test_agent_a_key_under_agent_b_prefix_fails_the_signer(recorded, trust_file):  # noqa: F811
    src = mkey(recorded, "rec-a1")
    moved = src.replace("/agent-7/", "/agent-9/")
    with restored(recorded):
        put(recorded, moved, *stored(recorded, src))
        put(recorded, moved.replace(".manifest.json", ".ogg.age"),
            recorded.s3.get(src.replace(".manifest.json", ".ogg.age")))
        rc, reps = verify(recorded, trust_file, moved[len("agents/"):])
    rep = reps["rec-a1"]
    assert rc == 1 and rep["agent"] == "agent-9"
    assert failed(rep) == {"signer trusted": "signed by the key registered for agent-7, not for agent-9 whose "
                                             "prefix the call sits under"}


def test_notice_after_recording_start_fails_only_the_notice(recorded, trust_file):  # noqa: F811
    doc = json.loads(recorded.s3.get(mkey(recorded, "rec-b1")))
    late = iso(parse_iso(doc["times"]["recording_start"]) + timedelta(seconds=5))
    with restored(recorded):
        make_test_call(recorded, "rec-b1", "late-1", times__notice_given=late)
        make_test_call(recorded, "rec-b1", "fine-1")
        rc, reps = verify(recorded, trust_file, "late-1", "fine-1")
    assert rc == 1 and reps["fine-1"]["ok"], failed(reps["fine-1"])
    f = failed(reps["late-1"])
    assert list(f) == ["notice"] and "is after the recording started" in f["notice"], f


def test_a_call_filed_under_another_day_fails_only_the_day(recorded, trust_file):  # noqa: F811
    """Issue 19.1: a signed manifest must sit under the UTC day its call rang. The copy signs a ring time
    a day earlier than the folder the copy is put in; the control copy keeps the real one."""
    doc = json.loads(recorded.s3.get(mkey(recorded, "rec-b1")))
    ring = parse_iso(doc["times"]["ring"] or doc["times"]["answer"])
    with restored(recorded):
        make_test_call(recorded, "rec-b1", "moved-1", times__ring=iso(ring - timedelta(days=1)))
        make_test_call(recorded, "rec-b1", "kept-1")
        rc, reps = verify(recorded, trust_file, "moved-1", "kept-1")
    assert rc == 1 and reps["kept-1"]["ok"], failed(reps["kept-1"])
    f = failed(reps["moved-1"])
    assert list(f) == ["day"], f
    assert f"is on {(ring - timedelta(days=1)):%Y/%m/%d} (UTC), the folder it sits under is '{ring:%Y/%m/%d}'" in f["day"]


def test_segmented_call_passes_and_a_removed_or_extra_segment_fails(recorded, trust_file):  # noqa: F811
    with restored(recorded):
        key, doc = make_test_call(recorded, "rec-a2", "seg-1", segments=3)
        rc, reps = verify(recorded, trust_file, "seg-1")
        assert rc == 0, failed(reps["seg-1"])
        assert "3 segment(s), complete and in order" in json.dumps(reps["seg-1"]["checks"])
        folder = key.rsplit("/", 1)[0]
        second = f"{folder}/seg-1.seg-000002.age"
        blob = recorded.s3.get(second)
        recorded.s3.admin_client().delete_object(Bucket=recorded.s3.bucket, Key=second)
        rc, reps = verify(recorded, trust_file, "seg-1")
        # Versioned: the delete only hid it behind a marker. The original is still read, and the hiding named.
        assert rc == 1 and "deleted after it was stored" in failed(reps["seg-1"])["write-once seg-1.seg-000002.age"]
        assert "object seg-1.seg-000002.age" not in failed(reps["seg-1"])
        put(recorded, second, blob)
        put(recorded, f"{folder}/seg-1.seg-000004.age", blob)
        rc, reps = verify(recorded, trust_file, "seg-1")
    assert rc == 1 and "seg-1.seg-000004.age" in failed(reps["seg-1"])["segments"]


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]", b'{"schema": "taltio.manifest", "schema_version": 1}',
                                  b'{"schema": "taltio.manifest", "schema_version": 1, "call_id": "bad-1", '
                                  b'"agent_id": "agent-t", "workstation_key": "x", "audio": {"file": 3}}'])
def test_malformed_signed_manifest_is_a_named_failure(recorded, trust_file, body):  # noqa: F811
    day = mkey(recorded, "rec-b1").split("/", 2)[2].rsplit("/", 1)[0]
    key = f"agents/{TEST_AGENT}/{day}/bad-1.manifest.json"
    with restored(recorded):
        put(recorded, key, body, sshsig.sign(TEST_KEY, body, sshsig.NS_MANIFEST))
        rc, reps = verify(recorded, trust_file, "bad-1")
    assert rc == 1 and list(failed(reps["bad-1"])) == ["manifest"], reps["bad-1"]
