"""Supervisor policies (issue 6): forged and stale documents are refused, the last good one stays.

Good documents are published to a real SeaweedFS by `taltio-admin policy publish` (the admin's
key from the AWS_* variables); forged ones are written straight into storage with the admin key,
as an attacker with write access would. The workstation fetches with the agent's own key
(GetObject on policy/* only) through PolicySync and the product's S3Target.
"""
from __future__ import annotations

import base64
import hashlib
import datetime as dt
import json
import subprocess
import uuid
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from taltio.settings import BY_KEY
from taltio.admin import main as admin
from taltio.adapters.storage.folder import FolderTarget
from taltio.adapters.storage import S3Target, policy_reader
from taltio.domain import policy as pol
from taltio.domain import sshsig
from taltio.app.policy_marks import PolicyMarks
from taltio.app.policy_sync import PolicySync
from taltio.domain.texts import Text
from tests.fixtures.s3 import S3Server, start_s3

AGENT = "agent-7"
NOW = pol.utcnow().replace(microsecond=0)


@pytest.fixture(scope="module")
def srv(tmp_path_factory: pytest.TempPathFactory):
    s = start_s3(tmp_path_factory.mktemp("s3"), agent_ids=(AGENT,))
    try:
        yield s
    finally:
        s.stop()


@pytest.fixture(scope="module")
def sup() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def env(srv: S3Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The admin's key in boto3's default chain (as IT runs taltio-admin); loopback without a proxy."""
    for k in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", srv.admin_key)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", srv.admin_secret)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


class Counting:
    """The agent's reader, recording every get_if_changed and what storage answered."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.calls: list[tuple[str, str | None, str]] = []

    def get_if_changed(self, key, etag=None):
        data, tag = self.inner.get_if_changed(key, etag)
        self.calls.append((key, etag, "data" if data is not None else "not-modified" if tag else "missing"))
        return data, tag


def agent_reader(srv: S3Server) -> Counting:
    key, secret = srv.agents[AGENT]
    recordings = S3Target(srv.bucket, "agents", srv.endpoint, "us-east-1", key, secret)
    return Counting(policy_reader("", recordings))


def doc(target: str, version: int, settings: dict, issued: dt.datetime | None = None,
        expires: dt.datetime | None = None, **extra) -> bytes:
    issued = issued or NOW - dt.timedelta(hours=1)
    d = pol.new_document(target, version, issued, expires or issued + dt.timedelta(days=30), settings)
    d.update(extra)
    return pol.dump(d)


def publish(srv: S3Server, tmp: Path, key: Ed25519PrivateKey, raw: bytes) -> None:
    """Sign and publish through `taltio-admin policy sign/publish` (in-process, the admin's env)."""
    target = json.loads(raw)["target"]
    path = tmp / f"{uuid.uuid4().hex[:8]}-{pol.target_file(target)}"
    path.write_bytes(raw)
    path.with_name(path.name + ".sig").write_bytes(pol.sign(raw, key))
    rc = admin.main(["policy", "publish", str(path), "--url", f"s3://{srv.bucket}/policy", "--endpoint",
                     srv.endpoint])
    assert rc == 0


def plant(srv: S3Server, target: str, raw: bytes, sig: bytes) -> None:
    """Write straight into storage (an attacker or a broken copy), bypassing every check."""
    name = pol.target_file(target)
    s3 = srv.admin_client()
    s3.put_object(Bucket=srv.bucket, Key=f"policy/{name}.sig", Body=sig)
    s3.put_object(Bucket=srv.bucket, Key=f"policy/{name}", Body=raw)


def new_group() -> str:
    return f"g{uuid.uuid4().hex[:10]}"


def sync_for(srv, sup, tmp: Path, group: str, **kw) -> PolicySync:
    return PolicySync(kw.pop("reader", None) or agent_reader(srv), [sshsig.public_openssh(sup.public_key(), "sup")],
                      tmp / "state", AGENT, [group], marks=kw.pop("marks", None))


# --------------------------------------------------------------------------- accepted, not modified, persisted


def test_published_policy_is_applied_and_an_unchanged_one_is_not_downloaded_again(srv, sup, env, tmp_path):
    g = new_group()
    publish(srv, tmp_path, sup, doc(f"group:{g}", 1, {"privacy.max_private_per_day": 3,
                                                      "privacy.allow_private": False}))
    sync = sync_for(srv, sup, tmp_path, g)
    r = sync.poll()
    assert r.changed and r.rejections == [] and r.errors == []
    assert r.settings == {"privacy.max_private_per_day": 3, "privacy.allow_private": False}
    assert r.versions == {f"group:{g}": 1}
    assert r.fetched == 2   # the document and its signature

    calls_before = len(sync.reader.calls)
    r2 = sync.poll()
    assert not r2.changed and r2.settings == r.settings and r2.fetched == 0 and r2.not_modified == 1
    new_calls = sync.reader.calls[calls_before:]
    doc_call = [c for c in new_calls if c[0] == f"group-{g}.json"]
    assert doc_call and doc_call[0][1] is not None and doc_call[0][2] == "not-modified"   # a real 304
    assert not [c for c in new_calls if c[0].endswith(".sig")]   # the signature is not fetched either


def test_http_304_comes_from_storage(srv, env):
    """The conditional GET itself: storage answers 304 for the ETag it gave (no body)."""
    srv.admin_client().put_object(Bucket=srv.bucket, Key="policy/probe.json", Body=b"{}")
    r = agent_reader(srv).inner
    data, etag = r.get_if_changed("probe.json")
    assert data == b"{}" and etag
    assert r.get_if_changed("probe.json", etag) == (None, etag)
    assert r.get_if_changed("nothing-here.json") == (None, None)


def test_org_group_agent_merge_later_wins(srv, sup, env, tmp_path):
    g1, g2 = new_group(), new_group()
    folder = tmp_path / "policy"
    reader = FolderTarget(folder)
    items = [("org", {"privacy.max_private_per_day": 1, "recording.start": "answer"}),
             (f"group:{g1}", {"privacy.max_private_per_day": 2, "privacy.reason_required": True}),
             (f"group:{g2}", {"privacy.max_private_per_day": 3}),
             (f"agent:{AGENT}", {"privacy.reason_required": False})]
    for target, settings in items:
        raw = doc(target, 1, settings)
        assert admin.main(["policy", "publish", str(_signed(tmp_path, sup, raw)), "--url",
                           folder.as_uri()]) == 0
    r = PolicySync(reader, [sshsig.public_openssh(sup.public_key())], tmp_path / "st", AGENT, [g1, g2]).poll()
    assert r.rejections == [] and r.errors == []
    assert r.settings == {"privacy.max_private_per_day": 3, "recording.start": "answer",
                          "privacy.reason_required": False}
    assert list(r.versions) == ["org", f"group:{g1}", f"group:{g2}", f"agent:{AGENT}"]


def _signed(tmp: Path, key, raw: bytes) -> Path:
    p = tmp / f"{uuid.uuid4().hex[:8]}.json"
    p.write_bytes(raw)
    p.with_name(p.name + ".sig").write_bytes(pol.sign(raw, key))
    return p


def test_last_good_policy_survives_a_restart_offline_and_keeps_rollback_protection(srv, sup, env, tmp_path):
    g = new_group()
    t = f"group:{g}"
    v1 = doc(t, 1, {"privacy.max_private_per_day": 1})
    v2 = doc(t, 2, {"privacy.max_private_per_day": 2})
    publish(srv, tmp_path, sup, v1)
    assert sync_for(srv, sup, tmp_path, g).poll().versions == {t: 1}
    publish(srv, tmp_path, sup, v2)
    assert sync_for(srv, sup, tmp_path, g).poll().settings == {"privacy.max_private_per_day": 2}

    # Restart with storage unreachable: the saved v2 is in force, storage trouble is reported, nothing raises.
    key, secret = srv.agents[AGENT]
    dead = S3Target(srv.bucket, "policy", "http://127.0.0.1:9", "us-east-1", key, secret)
    offline = sync_for(srv, sup, tmp_path, g, reader=dead)
    assert offline.current().settings == {"privacy.max_private_per_day": 2}
    r = offline.poll()
    assert r.settings == {"privacy.max_private_per_day": 2} and r.versions == {t: 2}
    assert r.errors and all("127.0.0.1:9" in m for _t, m in r.errors) and r.rejections == []

    # Restart, then someone replays v1 into storage: refused, v2 stays.
    plant(srv, t, v1, pol.sign(v1, sup))
    r = sync_for(srv, sup, tmp_path, g).poll()
    assert [(x[0], x[1]) for x in r.rejections] == [(t, "rollback")]
    assert r.settings == {"privacy.max_private_per_day": 2}

    # IT removes the supervisor's key: the saved documents it signed no longer count.
    other = Ed25519PrivateKey.generate()
    s = PolicySync(None, [sshsig.public_openssh(other.public_key())], tmp_path / "state", AGENT, [g])
    cur = s.current()
    assert cur.settings == {} and [(x[0], x[1]) for x in cur.rejections] == [(t, "unknown-signer")]

    # The saved copy edited on disk is not applied either.
    state = tmp_path / "state" / pol.target_file(t)
    state.write_bytes(state.read_bytes().replace(b'"privacy.max_private_per_day": 2', b'"privacy.max_private_per_day": 9'))
    assert sync_for(srv, sup, tmp_path, g, reader=dead).current().settings == {}


def _keyring_marks(keyring_daemon) -> PolicyMarks:
    from taltio.adapters.keystore import OSKeystore

    return PolicyMarks(OSKeystore(), AGENT)


@pytest.mark.parametrize("local_reset", ["state-deleted", "older-copy-put-in-place"])
def test_resetting_the_saved_state_does_not_let_an_older_policy_back(srv, sup, env, tmp_path, keyring_daemon,
                                                                    local_reset):
    """Issue 19.2: the version marks are in the (real) keyring too. Without them (the old code) the older
    document is accepted and the assertions after plant() fail."""
    import shutil

    g = new_group()
    t = f"group:{g}"
    v1 = doc(t, 1, {"privacy.max_private_per_day": 1})
    v2 = doc(t, 2, {"privacy.max_private_per_day": 2})
    publish(srv, tmp_path, sup, v1)
    assert sync_for(srv, sup, tmp_path, g, marks=_keyring_marks(keyring_daemon)).poll().versions == {t: 1}
    publish(srv, tmp_path, sup, v2)
    assert sync_for(srv, sup, tmp_path, g, marks=_keyring_marks(keyring_daemon)).poll().versions == {t: 2}
    saved_v1 = tmp_path / "saved-v1"
    state = tmp_path / "state"

    # The agent's user resets the local state (or puts back a copy saved while v1 was in force, with a
    # state.json that matches it), and an older signed document is served again.
    shutil.rmtree(state)
    state.mkdir()
    if local_reset == "older-copy-put-in-place":
        name = pol.target_file(t)
        (state / name).write_bytes(v1)
        (state / f"{name}.sig").write_bytes(pol.sign(v1, sup))
        (state / "state.json").write_text(json.dumps({"targets": {t: {
            "version": 1, "sha256": hashlib.sha256(v1).hexdigest(), "etag": None}}}))
        saved_v1.write_text("kept")
        # Started without the keyring (agent._saved_policy), the copy verifies: what the app starts with.
        assert sync_for(srv, sup, tmp_path, g).current().versions == {t: 1}
    plant(srv, t, v1, pol.sign(v1, sup))

    sync = sync_for(srv, sup, tmp_path, g, marks=_keyring_marks(keyring_daemon))
    r = sync.poll()
    assert r.settings == {} and r.versions == {}
    assert (t, "rollback") in [(x[0], x[1]) for x in r.rejections]
    # The app had started with the saved v1: this first result must make it drop it.
    assert r.changed is saved_v1.exists()

    # The supervisor publishes again (v2, or a new v3): applied as usual.
    publish(srv, tmp_path, sup, v2)
    r = sync.poll()
    assert r.versions == {t: 2} and r.settings == {"privacy.max_private_per_day": 2} and r.changed


def test_a_removed_signers_marks_no_longer_count_and_a_locked_keyring_does_not_stop_a_policy(
        srv, sup, env, tmp_path, keyring_daemon):
    g = new_group()
    t = f"group:{g}"
    publish(srv, tmp_path, sup, doc(t, 7, {"privacy.max_private_per_day": 7}))
    assert sync_for(srv, sup, tmp_path, g, marks=_keyring_marks(keyring_daemon)).poll().versions == {t: 7}

    # IT replaces the supervisor's key (say it was stolen and pushed version 7); the new key starts at 1.
    new_sup = Ed25519PrivateKey.generate()
    v1 = doc(t, 1, {"privacy.max_private_per_day": 1})
    plant(srv, t, v1, pol.sign(v1, new_sup))     # `policy publish` refuses to go below the published 7
    sync = sync_for(srv, new_sup, tmp_path, g, marks=_keyring_marks(keyring_daemon))
    keyring_daemon.lock()
    r = sync.poll()
    assert r.versions == {t: 1} and [(x[0], x[1]) for x in r.rejections] == [(t, "unknown-signer")]   # saved v7
    # The locked keyring cannot take the new mark: said, and the policy still applies.
    assert [x[0] for x in r.errors] == [t] and "keyring" in r.errors[0][1]
    keyring_daemon.unlock()
    r = sync_for(srv, new_sup, tmp_path, g, marks=_keyring_marks(keyring_daemon))
    assert r.current().versions == {t: 1}


# --------------------------------------------------------------------------- refusals


def _flip_signature(sig: bytes) -> bytes:
    """Change one byte of the Ed25519 signature itself (the last 64 bytes of the blob)."""
    lines = sig.decode().strip().splitlines()
    blob = bytearray(base64.b64decode("".join(lines[1:-1])))
    blob[-10] ^= 0x01
    b64 = base64.b64encode(bytes(blob)).decode()
    return "\n".join([lines[0], *[b64[i:i + 70] for i in range(0, len(b64), 70)], lines[-1]]).encode() + b"\n"


def _case(name: str, t: str, sup, good: bytes) -> tuple[bytes, bytes]:
    """A forged, stale or broken version 2 of target *t* (whose good version 1 is *good*)."""
    v2 = doc(t, 2, {"privacy.max_private_per_day": 7})
    if name == "tampered-body":
        sig = pol.sign(v2, sup)
        return v2.replace(b'"privacy.max_private_per_day": 7', b'"privacy.max_private_per_day": 0'), sig
    if name == "tampered-signature":
        return v2, _flip_signature(pol.sign(v2, sup))
    if name == "unknown-signer":
        return v2, pol.sign(v2, Ed25519PrivateKey.generate())
    if name == "replayed-older":
        return good, b""     # filled in by the test: v1 bytes + v1 signature after v2 was accepted
    if name == "expired":
        raw = doc(t, 2, {"privacy.max_private_per_day": 7}, issued=NOW - dt.timedelta(days=40),
                  expires=NOW - dt.timedelta(days=10))
        return raw, pol.sign(raw, sup)
    if name == "unknown-top-key":
        raw = doc(t, 2, {}, policy_admin="me")
        return raw, pol.sign(raw, sup)
    if name == "unknown-setting":
        raw = doc(t, 2, {"privacy.max_private_per_week": 7})
        return raw, pol.sign(raw, sup)
    if name == "wrong-type":
        raw = doc(t, 2, {"privacy.max_private_per_day": "7"})
        return raw, pol.sign(raw, sup)
    if name == "wrong-type-version":
        raw = doc(t, 2, {}).replace(b'"version": 2', b'"version": "2"')
        return raw, pol.sign(raw, sup)
    if name == "out-of-range":
        raw = doc(t, 2, {"privacy.max_private_per_day": 5000})
        return raw, pol.sign(raw, sup)
    if name == "not-allowed":
        raw = doc(t, 2, {"storage.url": "s3://evil/agents"})
        return raw, pol.sign(raw, sup)
    if name == "wrong-target":
        raw = doc("org", 2, {"privacy.max_private_per_day": 7})
        return raw, pol.sign(raw, sup)
    if name == "truncated":
        return v2[: len(v2) // 2], pol.sign(v2, sup)
    if name == "truncated-signature":
        sig = pol.sign(v2, sup)
        return v2, sig[: len(sig) // 2]
    if name == "no-signature":
        return v2, b""
    if name == "future":
        raw = doc(t, 2, {"privacy.max_private_per_day": 7}, issued=NOW + dt.timedelta(hours=2))
        return raw, pol.sign(raw, sup)
    raise AssertionError(name)


CASES = {
    "tampered-body": "bad-signature",
    "tampered-signature": "bad-signature",
    "unknown-signer": "unknown-signer",
    "replayed-older": "rollback",
    "expired": "expired",
    "unknown-top-key": "unknown-key",
    "unknown-setting": "unknown-key",
    "wrong-type": "wrong-type",
    "wrong-type-version": "wrong-type",
    "out-of-range": "wrong-type",
    "not-allowed": "not-allowed",
    "wrong-target": "wrong-target",
    "truncated": "truncated",
    "truncated-signature": "truncated",
    "no-signature": "bad-signature",
    "future": "not-yet-valid",
}


@pytest.mark.parametrize("case", list(CASES))
def test_forged_or_stale_policy_is_refused_and_the_last_good_stays(srv, sup, env, tmp_path, case):
    g = new_group()
    t = f"group:{g}"
    v1 = doc(t, 1, {"privacy.max_private_per_day": 3})
    publish(srv, tmp_path, sup, v1)
    sync = sync_for(srv, sup, tmp_path, g)
    good = sync.poll()
    assert good.versions == {t: 1} and good.rejections == []
    expect_settings, expect_versions = {"privacy.max_private_per_day": 3}, {t: 1}

    raw, sig = _case(case, t, sup, v1)
    if case == "replayed-older":
        v2 = doc(t, 2, {"privacy.max_private_per_day": 4})
        publish(srv, tmp_path, sup, v2)
        assert sync.poll().versions == {t: 2}
        expect_settings, expect_versions = {"privacy.max_private_per_day": 4}, {t: 2}
        sig = pol.sign(v1, sup)
    plant(srv, t, raw, sig)

    r = sync.poll()
    assert [(x[0], x[1]) for x in r.rejections] == [(t, CASES[case])], r.rejections
    message = r.rejections[0][2]
    assert isinstance(message, Text) and message.template and len(str(message)) > 20
    assert "{" not in str(message)          # every placeholder filled
    assert r.settings == expect_settings and r.versions == expect_versions and not r.changed
    assert r.standing[t][0] == CASES[case]

    # The next poll does not report it again (the audit log gets it once), but it still stands.
    r2 = sync.poll()
    assert r2.settings == expect_settings
    assert r2.standing[t][0] == CASES[case]
    assert r2.rejections == []               # looked at again each poll (a late signature), reported once
    # A restarted workstation keeps the last good one too.
    again = sync_for(srv, sup, tmp_path, g)
    assert again.current().settings == expect_settings
    assert [(x[0], x[1]) for x in again.poll().rejections] == [(t, CASES[case])]

    # And a good higher version is accepted afterwards.
    publish(srv, tmp_path, sup, doc(t, 5, {"privacy.max_private_per_day": 5}))
    r3 = sync.poll()
    assert r3.versions == {t: 5} and r3.settings == {"privacy.max_private_per_day": 5} and t not in r3.standing


@pytest.mark.parametrize("first", ["no-signature-yet", "signed-by-the-wrong-key"])
def test_a_signature_published_after_the_document_applies_on_the_next_poll(srv, sup, env, tmp_path, first):
    """Issue 19.2: the refused document's etag was kept, every later poll got 304 and never read the .sig."""
    g = new_group()
    t = f"group:{g}"
    publish(srv, tmp_path, sup, doc(t, 1, {"privacy.max_private_per_day": 3}))
    sync = sync_for(srv, sup, tmp_path, g)
    assert sync.poll().versions == {t: 1}
    v2 = doc(t, 2, {"privacy.max_private_per_day": 4})
    plant(srv, t, v2, pol.sign(v2, Ed25519PrivateKey.generate()))     # the document up, its signature wrong
    s3 = srv.admin_client()
    if first == "no-signature-yet":
        s3.delete_object(Bucket=srv.bucket, Key=f"policy/{pol.target_file(t)}.sig")
    refused = sync.poll()
    want = {"no-signature-yet": "bad-signature", "signed-by-the-wrong-key": "unknown-signer"}[first]
    assert [x[1] for x in refused.rejections] == [want] and refused.versions == {t: 1}
    assert sync.poll().versions == {t: 1}                                  # still refused, polled again
    s3.put_object(Bucket=srv.bucket, Key=f"policy/{pol.target_file(t)}.sig", Body=pol.sign(v2, sup))   # only the .sig
    r = sync.poll()
    assert r.versions == {t: 2} and r.settings == {"privacy.max_private_per_day": 4} and t not in r.standing


def test_same_version_different_bytes_is_a_fork(sup):
    allowed = [sshsig.public_openssh(sup.public_key())]
    a = doc("org", 3, {"privacy.max_private_per_day": 1})
    b = doc("org", 3, {"privacy.max_private_per_day": 2})
    p = pol.verify(a, pol.sign(a, sup), allowed, 0, schema=BY_KEY)
    assert pol.verify(a, pol.sign(a, sup), allowed, 3, last_sha256=p.sha256, schema=BY_KEY).version == 3   # same document again
    with pytest.raises(pol.PolicyError) as ei:
        pol.verify(b, pol.sign(b, sup), allowed, 3, last_sha256=p.sha256, schema=BY_KEY)
    assert ei.value.reason is pol.Reason.ROLLBACK


def test_a_document_that_disappears_stays_in_force_and_is_reported(srv, sup, env, tmp_path):
    g = new_group()
    t = f"group:{g}"
    publish(srv, tmp_path, sup, doc(t, 1, {"privacy.max_private_per_day": 3}))
    sync = sync_for(srv, sup, tmp_path, g)
    assert sync.poll().versions == {t: 1}
    srv.admin_client().delete_object(Bucket=srv.bucket, Key=f"policy/{pol.target_file(t)}")
    r = sync.poll()
    assert [(x[0], x[1]) for x in r.rejections] == [(t, "missing")] and r.versions == {t: 1}


def test_publish_refuses_a_version_not_above_storage(srv, sup, env, tmp_path, capsys):
    g = new_group()
    t = f"group:{g}"
    publish(srv, tmp_path, sup, doc(t, 4, {}))
    path = _signed(tmp_path, sup, doc(t, 4, {"privacy.max_private_per_day": 1}))
    rc = admin.main(["policy", "publish", str(path), "--url", f"s3://{srv.bucket}/policy", "--endpoint", srv.endpoint])
    err = capsys.readouterr().err
    assert rc == 1 and "already has version 4" in err and "--version 5" in err
    # A bad document is not published at all.
    bad = _signed(tmp_path, sup, doc(t, 9, {"storage.url": "s3://x/y"}))
    assert admin.main(["policy", "publish", str(bad), "--url", f"s3://{srv.bucket}/policy", "--endpoint",
                       srv.endpoint]) == 1
    assert "[not-allowed]" in capsys.readouterr().err
    assert json.loads(srv.get(f"policy/{pol.target_file(t)}"))["version"] == 4


# --------------------------------------------------------------------------- admin commands, OpenSSH


def test_admin_workflow_and_ssh_keygen_accepts_our_signature(tmp_path, capsys):
    key = tmp_path / "sup"
    assert admin.main(["keys", "new-supervisor", "-o", str(key), "--name", "anna"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("ssh-ed25519 AAAA") and line.endswith(" anna")
    assert (key.stat().st_mode & 0o777) == 0o600
    assert admin.main(["keys", "new-supervisor", "-o", str(key)]) == 1          # never overwritten

    f = tmp_path / "org.json"
    assert admin.main(["policy", "new", "--target", "org", "--days", "10", "-o", str(f)]) == 0
    assert admin.main(["policy", "edit", str(f), "--set", "privacy.max_private_per_day=3", "--set",
                       "privacy.allow_private=false", "--set", "notice.language_rules=+46*=sv,+*=en"]) == 0
    assert admin.main(["policy", "edit", str(f), "--set", "privacy.max_private_per_day=lots"]) == 1
    assert admin.main(["policy", "edit", str(f), "--set", "storage.url=s3://evil/x"]) == 1
    assert admin.main(["policy", "edit", str(f), "--set", "no.such=1"]) == 1
    assert admin.main(["policy", "sign", str(f), "--key", str(key)]) == 0
    d = json.loads(f.read_bytes())
    assert d["version"] == 1 and d["settings"] == {"privacy.max_private_per_day": 3, "privacy.allow_private": False,
                                                   "notice.language_rules": ["+46*=sv", "+*=en"]}
    allowed = tmp_path / "allowed"
    allowed.write_text(f"anna {' '.join(line.split()[:2])}\n")
    capsys.readouterr()
    r = subprocess.run(["ssh-keygen", "-Y", "verify", "-f", str(allowed), "-I", "anna", "-n", "taltio-policy@taltio",
                        "-s", f"{f}.sig"], input=f.read_bytes(), capture_output=True)
    assert r.returncode == 0, r.stderr
    assert b'Good "taltio-policy@taltio" signature for anna' in r.stdout
    r = subprocess.run(["ssh-keygen", "-Y", "verify", "-f", str(allowed), "-I", "anna", "-n", "taltio-manifest-v1",
                        "-s", f"{f}.sig"], input=f.read_bytes(), capture_output=True)
    assert r.returncode != 0

    # verify with the allowed-signers file (OpenSSH's format works as is), then as another workstation would not.
    assert admin.main(["policy", "verify", str(f), "--allowed-signers", str(allowed)]) == 0
    assert "OK:" in capsys.readouterr().out
    assert admin.main(["policy", "verify", str(f), "--allowed-signers", str(allowed), "--current-version", "2"]) == 1
    assert "REFUSED [rollback]" in capsys.readouterr().err
    other = tmp_path / "other"
    other.write_text(sshsig.public_openssh(Ed25519PrivateKey.generate().public_key(), "x") + "\n")
    assert admin.main(["policy", "verify", str(f), "--allowed-signers", str(other)]) == 1
    assert "REFUSED [unknown-signer]" in capsys.readouterr().err

    # Publish to a folder, edit (the version goes up because it was signed), diff against what is in force.
    folder = tmp_path / "store" / "policy"
    assert admin.main(["policy", "publish", str(f), "--url", folder.as_uri()]) == 0
    assert admin.main(["policy", "edit", str(f), "--set", "privacy.max_private_per_day=5", "--unset",
                       "privacy.allow_private"]) == 0
    assert json.loads(f.read_bytes())["version"] == 2 and not Path(f"{f}.sig").exists()
    capsys.readouterr()
    assert admin.main(["policy", "diff", str(f), "--url", folder.as_uri()]) == 0
    out = capsys.readouterr().out
    assert "~ privacy.max_private_per_day: 3 -> 5" in out and "- privacy.allow_private = false" in out
    assert "2 setting(s) differ" in out and "notice.language_rules" not in out
    assert admin.main(["policy", "publish", str(f), "--url", folder.as_uri()]) == 1     # not signed
    assert admin.main(["policy", "show", (folder / "org.json").as_uri(), "--allowed-signers", str(allowed)]) == 0
    assert "privacy.max_private_per_day = 3" in capsys.readouterr().out


def test_signatures_made_by_ssh_keygen_are_accepted(tmp_path):
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "sup", "-f", str(tmp_path / "k")],
                   check=True)
    raw = doc("org", 1, {"privacy.max_private_per_day": 2})
    (tmp_path / "org.json").write_bytes(raw)
    subprocess.run(["ssh-keygen", "-Y", "sign", "-f", str(tmp_path / "k"), "-n", pol.NAMESPACE,
                    str(tmp_path / "org.json")], check=True, capture_output=True)
    allowed = [(tmp_path / "k.pub").read_text().strip()]
    p = pol.verify(raw, (tmp_path / "org.json.sig").read_bytes(), allowed, 0, expected_target="org", schema=BY_KEY)
    assert p.settings == {"privacy.max_private_per_day": 2}
    # And the admin tool signs with a key made by ssh-keygen.
    assert admin.main(["policy", "sign", str(tmp_path / "org.json"), "--key", str(tmp_path / "k")]) == 0


def test_agent_credential_reads_policies_only(srv, env):
    """GetObject on policy/* only: the agent cannot list the policy folder or write a policy."""
    from botocore.exceptions import ClientError

    srv.admin_client().put_object(Bucket=srv.bucket, Key="policy/readable.json", Body=b"{}")
    c = srv.agent_client(AGENT, retries={"mode": "standard", "total_max_attempts": 1})
    assert c.get_object(Bucket=srv.bucket, Key="policy/readable.json")["Body"].read() == b"{}"
    for call in (lambda: c.list_objects_v2(Bucket=srv.bucket, Prefix="policy/"),
                 lambda: c.put_object(Bucket=srv.bucket, Key="policy/org.json", Body=b"{}"),
                 lambda: c.delete_object(Bucket=srv.bucket, Key="policy/readable.json")):
        with pytest.raises(ClientError) as ei:
            call()
        assert ei.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
