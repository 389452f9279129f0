"""`taltio-admin storage init` / `agent-identity` against a real SeaweedFS.

The CLI runs as a subprocess with admin credentials in the AWS_* variables (the way IT
runs it); an agent identity it prints is merged into a real ``-s3.config`` and the
server restarted, and then the agent's key is tried against everything it must not do.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from botocore.exceptions import ClientError
from botocore.stub import Stubber

from taltio.admin import storage as admin_storage
from taltio.admin.storage import (ABORT_RULE_ID, AGENT_ACTIONS, InitReport, StorageSetupError, agent_policy,
    validate_agent_id)
from tests.fixtures.s3 import S3Server, make_client, start_s3

DESKTOP = Path(__file__).resolve().parents[1] / "desktop"


def sha256_b64(data: bytes) -> str:
    return base64.b64encode(hashlib.sha256(data).digest()).decode()


def code_of(exc: ClientError) -> tuple[str, int]:
    return exc.response["Error"]["Code"], exc.response["ResponseMetadata"]["HTTPStatusCode"]


def admin_env(srv: S3Server | None, tmp: Path) -> dict[str, str]:
    """A clean environment: no AWS_* from the developer's shell, no proxy for loopback,
    the admin key of ``srv`` in the standard variables (boto3's default chain)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(PYTHONPATH=str(DESKTOP), AWS_DEFAULT_REGION="us-east-1", NO_PROXY="127.0.0.1,localhost",
               no_proxy="127.0.0.1,localhost", AWS_CONFIG_FILE=str(tmp / "no-aws-config"),
               AWS_SHARED_CREDENTIALS_FILE=str(tmp / "no-aws-credentials"), AWS_EC2_METADATA_DISABLED="true")
    if srv is not None:
        env.update(AWS_ACCESS_KEY_ID=srv.admin_key, AWS_SECRET_ACCESS_KEY=srv.admin_secret)
    return env


def admin(srv: S3Server | None, tmp: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "taltio.admin", "storage", *args], env=admin_env(srv, tmp),
                          capture_output=True, text=True, timeout=60)


def init(srv: S3Server, tmp: Path, bucket: str, *extra: str) -> subprocess.CompletedProcess:
    return admin(srv, tmp, "init", "--bucket", bucket, "--endpoint", srv.endpoint, *extra)


def fresh_bucket() -> str:
    return f"rec-{uuid.uuid4().hex[:12]}"


def bucket_state(srv: S3Server, bucket: str) -> dict:
    s3 = srv.admin_client()
    state: dict = {"versioning": s3.get_bucket_versioning(Bucket=bucket).get("Status")}
    try:
        state["lock"] = s3.get_object_lock_configuration(Bucket=bucket)["ObjectLockConfiguration"]
    except ClientError as e:
        state["lock"] = code_of(e)[0]
    try:
        state["lifecycle"] = s3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"]
    except ClientError as e:
        state["lifecycle"] = code_of(e)[0]
    return state


# --------------------------------------------------------------------------- init


def test_init_fresh_bucket_then_second_run_changes_nothing(s3_server_module: S3Server, tmp_path: Path):
    srv = s3_server_module
    bucket = fresh_bucket()
    r = init(srv, tmp_path, bucket, "--retention-days", "3")
    assert r.returncode == 0, r.stderr
    assert srv.admin_secret not in r.stdout + r.stderr and srv.admin_key not in r.stdout + r.stderr
    assert f"changed: bucket {bucket}: created with Object Lock" in r.stdout
    assert f"changed: fleet bucket {bucket}-fleet: created" in r.stdout

    st = bucket_state(srv, bucket)
    assert st["lock"] == {"ObjectLockEnabled": "Enabled", "Rule": {"DefaultRetention": {"Mode": "COMPLIANCE", "Days": 3}}}
    assert st["versioning"] == "Enabled"
    # SeaweedFS 4.48 accepts lifecycle rules, so the rule must be there (no refusal note).
    assert [(x["ID"], x["Status"], x["AbortIncompleteMultipartUpload"]) for x in st["lifecycle"]
            if x["ID"] == ABORT_RULE_ID] == [
        (ABORT_RULE_ID, "Enabled", {"DaysAfterInitiation": admin_storage.DEFAULT_ABORT_DAYS})]
    assert "refuse" not in r.stdout

    fleet = bucket_state(srv, f"{bucket}-fleet")
    assert fleet["lock"] == "ObjectLockConfigurationNotFoundError"
    assert fleet["versioning"] in (None, "Suspended")

    # Second run (without --retention-days: an existing retention is kept, never reset to the default).
    r2 = init(srv, tmp_path, bucket)
    assert r2.returncode == 0, r2.stderr
    assert not [ln for ln in r2.stdout.splitlines() if ln.startswith("changed:")], r2.stdout
    assert f"Nothing changed: {bucket} and {bucket}-fleet were already set up." in r2.stdout
    assert "default retention COMPLIANCE 3 days" in r2.stdout
    assert bucket_state(srv, bucket) == st
    assert bucket_state(srv, f"{bucket}-fleet") == fleet

    # An explicit shorter retention is applied, and said to affect new recordings only.
    r3 = init(srv, tmp_path, bucket, "--retention-days", "2")
    assert r3.returncode == 0, r3.stderr
    assert "default retention COMPLIANCE 3 days -> COMPLIANCE 2 days" in r3.stdout
    assert "shortened from 3 to 2 days for NEW recordings" in r3.stdout
    assert bucket_state(srv, bucket)["lock"]["Rule"]["DefaultRetention"] == {"Mode": "COMPLIANCE", "Days": 2}


def test_init_default_retention_comes_from_settings_schema(s3_server_module: S3Server, tmp_path: Path):
    from taltio.settings import BY_KEY

    srv = s3_server_module
    bucket = fresh_bucket()
    r = init(srv, tmp_path, bucket, "--fleet-bucket", f"{bucket}-hb")
    assert r.returncode == 0, r.stderr
    days = BY_KEY["storage.retention_days"].default
    assert days == 365
    assert bucket_state(srv, bucket)["lock"]["Rule"]["DefaultRetention"] == {"Mode": "COMPLIANCE", "Days": days}
    assert f"{bucket}-hb" in {b["Name"] for b in srv.admin_client().list_buckets()["Buckets"]}


def test_init_refuses_existing_bucket_without_object_lock(s3_server_module: S3Server, tmp_path: Path):
    srv = s3_server_module
    bucket = fresh_bucket()
    srv.admin_client().create_bucket(Bucket=bucket)
    r = init(srv, tmp_path, bucket)
    assert r.returncode == 1
    assert f"bucket {bucket} already exists WITHOUT Object Lock" in r.stderr
    assert "can only enable Object Lock when a bucket is created" in r.stderr
    assert "storage init --bucket NEW-NAME" in r.stderr
    assert "Traceback" not in r.stderr
    assert bucket_state(srv, bucket)["lock"] == "ObjectLockConfigurationNotFoundError"
    # Nothing else was created either.
    assert f"{bucket}-fleet" not in {b["Name"] for b in srv.admin_client().list_buckets()["Buckets"]}


def test_init_refuses_a_locked_fleet_bucket(s3_server_module: S3Server, tmp_path: Path):
    srv = s3_server_module
    bucket = fresh_bucket()
    srv.admin_client().create_bucket(Bucket=f"{bucket}-fleet", ObjectLockEnabledForBucket=True)
    r = init(srv, tmp_path, bucket)
    assert r.returncode == 1
    assert "has Object Lock: every heartbeat would stay as a locked version" in r.stderr


def test_init_without_credentials_says_what_to_set(s3_server_module: S3Server, tmp_path: Path):
    r = admin(None, tmp_path, "init", "--bucket", fresh_bucket(), "--endpoint", s3_server_module.endpoint)
    assert r.returncode == 1
    assert "no admin credentials: set AWS_ACCESS_KEY_ID" in r.stderr and "Traceback" not in r.stderr


def _expiry(srv: S3Server, bucket: str) -> list[tuple]:
    from taltio.admin.buckets import EXPIRE_RULE_ID

    return [(x["ID"], x["Status"], x.get("Filter", {}).get("Prefix"), x["Expiration"].get("Days"),
             x.get("NoncurrentVersionExpiration", {}).get("NoncurrentDays"))
            for x in bucket_state(srv, bucket)["lifecycle"] if x["ID"] == EXPIRE_RULE_ID]


def test_init_adds_a_rule_that_expires_recordings_after_retention(s3_server_module: S3Server, tmp_path: Path):
    """Recordings (agents/) expire when storage.retention_days has passed; the abort rule stays; idempotent."""
    from taltio.admin.buckets import EXPIRE_RULE_ID

    srv = s3_server_module
    bucket = fresh_bucket()
    r = init(srv, tmp_path, bucket, "--retention-days", "3")
    assert r.returncode == 0, r.stderr
    assert _expiry(srv, bucket) == [(EXPIRE_RULE_ID, "Enabled", "agents/", 3, 1)]
    assert f"changed: bucket {bucket}: lifecycle rule {EXPIRE_RULE_ID} expires recordings (agents/) 3 days" in r.stdout
    assert {x["ID"] for x in bucket_state(srv, bucket)["lifecycle"]} == {ABORT_RULE_ID, EXPIRE_RULE_ID}
    r2 = init(srv, tmp_path, bucket)
    assert r2.returncode == 0 and "Nothing changed" in r2.stdout, r2.stdout
    assert _expiry(srv, bucket) == [(EXPIRE_RULE_ID, "Enabled", "agents/", 3, 1)]
    r3 = init(srv, tmp_path, bucket, "--retention-days", "5")       # the rule follows the retention
    assert r3.returncode == 0, r3.stderr
    assert _expiry(srv, bucket) == [(EXPIRE_RULE_ID, "Enabled", "agents/", 5, 1)]
    assert {x["ID"] for x in bucket_state(srv, bucket)["lifecycle"]} == {ABORT_RULE_ID, EXPIRE_RULE_ID}


def test_init_keeps_lifecycle_rules_of_others(s3_server_module: S3Server, tmp_path: Path):
    from taltio.admin.buckets import EXPIRE_RULE_ID

    srv = s3_server_module
    bucket = fresh_bucket()
    assert init(srv, tmp_path, bucket, "--retention-days", "3").returncode == 0
    s3 = srv.admin_client()
    rules = s3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"]
    theirs = {"ID": "it-tmp", "Status": "Enabled", "Filter": {"Prefix": "tmp/"}, "Expiration": {"Days": 2}}
    s3.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration={"Rules": rules + [theirs]})
    assert init(srv, tmp_path, bucket, "--retention-days", "4").returncode == 0
    ids = {x["ID"] for x in bucket_state(srv, bucket)["lifecycle"]}
    assert ids == {ABORT_RULE_ID, EXPIRE_RULE_ID, "it-tmp"}
    assert _expiry(srv, bucket)[0][3] == 4


def test_lifecycle_refusal_is_a_note_not_a_failure():
    """A server without lifecycle support (SeaweedFS has it; some Ceph/NAS gateways
    do not) must not stop init."""
    import boto3

    s3 = boto3.session.Session().client("s3", region_name="us-east-1", aws_access_key_id="x",
                                        aws_secret_access_key="y", endpoint_url="http://127.0.0.1:9")
    report = InitReport()
    with Stubber(s3) as stub:
        stub.add_client_error("get_bucket_lifecycle_configuration", service_error_code="NotImplemented",
                              http_status_code=501)
        admin_storage._ensure_abort_rule(s3, "b", 7, report)
        stub.assert_no_pending_responses()
    assert report.changed == []
    assert len(report.notes) == 1 and "refuses lifecycle configuration (NotImplemented)" in report.notes[0]


# --------------------------------------------------------------------------- agent identity


@pytest.mark.parametrize("bad", ["", "../x", "a*", "a/b", "agent 7", "-x", "a?", "äiti", "x" * 65, "a..b"])
def test_bad_agent_id_is_refused_clearly(bad: str, tmp_path: Path):
    r = admin(None, tmp_path, "agent-identity", "--bucket", "taltio-rec", "--", bad)
    assert r.returncode == 1
    assert "is not usable: use 1-64 ASCII letters" in r.stderr
    assert r.stdout == ""
    with pytest.raises(StorageSetupError):
        validate_agent_id(bad)


@pytest.mark.parametrize("good", ["agent-7", "anna.k", "A_1"])
def test_good_agent_ids(good: str):
    assert validate_agent_id(good) == good


def test_agent_identity_seaweedfs_fragment(tmp_path: Path):
    r = admin(None, tmp_path, "agent-identity", "agent-9", "--bucket", "taltio-rec")
    assert r.returncode == 0, r.stderr
    frag = json.loads(r.stdout)
    (ident,) = frag["identities"]
    (pol,) = frag["policies"]
    assert ident["name"] == "agent-agent-9" and ident["policyNames"] == [pol["name"]] and "actions" not in ident
    (cred,) = ident["credentials"]
    assert len(cred["accessKey"]) == 20 and len(cred["secretKey"]) == 40
    doc = json.loads(pol["content"])
    assert doc == agent_policy("taltio-rec", "agent-9", "taltio-rec-fleet")
    assert [(s["Action"], s["Resource"]) for s in doc["Statement"]] == [
        (list(AGENT_ACTIONS), ["arn:aws:s3:::taltio-rec/agents/agent-9/*"]),
        (["s3:GetObject"], ["arn:aws:s3:::taltio-rec/policy/*"]),
        (["s3:PutObject"], ["arn:aws:s3:::taltio-rec-fleet/fleet/agent-9.json"]),
    ]
    assert f"taltio enroll --access-key-id {cred['accessKey']}" in r.stderr
    assert "-s3.config" in r.stderr and "once" in r.stderr
    assert cred["secretKey"] not in r.stderr
    # A fresh key every time.
    again = json.loads(admin(None, tmp_path, "agent-identity", "agent-9", "--bucket", "taltio-rec").stdout)
    assert again["identities"][0]["credentials"][0]["secretKey"] != cred["secretKey"]


def test_agent_identity_aws_policy(tmp_path: Path):
    r = admin(None, tmp_path, "agent-identity", "agent-9", "--bucket", "rec", "--fleet-bucket", "rec-hb",
              "--format", "aws")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc == agent_policy("rec", "agent-9", "rec-hb", create_only=True)
    assert "secret" not in r.stdout.lower() and "accessKey" not in r.stdout
    # Storage refuses an overwrite (issue 19.1): a PutObject under the agent's prefix is allowed only with
    # If-None-Match, or as a multipart step that creates nothing; nothing else grants s3:PutObject there.
    own = ["arn:aws:s3:::rec/agents/agent-9/*"]
    puts = [st for st in doc["Statement"] if "s3:PutObject" in st["Action"] and st["Resource"] == own]
    assert sorted(json.dumps(st["Condition"], sort_keys=True) for st in puts) == [
        '{"Bool": {"s3:ObjectCreationOperation": "false"}}', '{"Null": {"s3:if-none-match": "false"}}']
    assert all(st["Effect"] == "Allow" and st["Action"] == ["s3:PutObject"] for st in puts)
    assert "taltio enroll" in r.stderr


# --------------------------------------------------------------------------- the printed identity, deployed


@pytest.fixture(scope="module")
def deployed(tmp_path_factory: pytest.TempPathFactory):
    """A SeaweedFS whose -s3.config is the admin plus the CLI's printed fragments for
    agent-5 and agent-6 (merged as the CLI's stderr says), then restarted; buckets
    made by `storage init`."""
    tmp = tmp_path_factory.mktemp("deployed")
    srv = start_s3(tmp / "s3", bucket="rec-deployed", agent_ids=(), retention_days=None)
    try:
        config = json.loads(srv.config_path.read_text())
        creds: dict[str, tuple[str, str]] = {}
        for aid in ("agent-5", "agent-6"):
            r = admin(None, tmp, "agent-identity", aid, "--bucket", "rec-locked")
            assert r.returncode == 0, r.stderr
            frag = json.loads(r.stdout)
            config["identities"] += frag["identities"]
            config["policies"] += frag["policies"]
            c = frag["identities"][0]["credentials"][0]
            creds[aid] = (c["accessKey"], c["secretKey"])
        srv.stop()
        srv.config_path.write_text(json.dumps(config, indent=2))
        srv.start()
        r = init(srv, tmp, "rec-locked", "--retention-days", "1")
        assert r.returncode == 0, r.stderr
        yield srv, creds
    finally:
        srv.stop()


def agent(srv: S3Server, creds: dict, aid: str = "agent-5"):
    return make_client(srv.endpoint, *creds[aid], retries={"mode": "standard", "total_max_attempts": 1})


def test_deployed_agent_can_put_recordings_and_heartbeat(deployed):
    srv, creds = deployed
    c = agent(srv, creds)
    key = f"agents/agent-5/{uuid.uuid4().hex}.ogg.age"
    body = os.urandom(2000)
    c.put_object(Bucket="rec-locked", Key=key, Body=body, ChecksumSHA256=sha256_b64(body), IfNoneMatch="*")
    s3 = srv.admin_client()
    assert s3.get_object(Bucket="rec-locked", Key=key)["Body"].read() == body
    head = s3.head_object(Bucket="rec-locked", Key=key)
    assert head["ObjectLockMode"] == "COMPLIANCE"
    left = head["ObjectLockRetainUntilDate"] - dt.datetime.now(dt.timezone.utc)
    assert dt.timedelta(hours=23) < left <= dt.timedelta(days=1, minutes=5)

    # The heartbeat overwrites one object; no versions pile up.
    for i in range(3):
        c.put_object(Bucket="rec-locked-fleet", Key="fleet/agent-5.json", Body=json.dumps({"n": i}).encode())
    assert json.loads(s3.get_object(Bucket="rec-locked-fleet", Key="fleet/agent-5.json")["Body"].read()) == {"n": 2}
    versions = s3.list_object_versions(Bucket="rec-locked-fleet", Prefix="fleet/agent-5.json").get("Versions", [])
    assert len(versions) == 1


@pytest.mark.parametrize("op", ["get", "head", "list", "list_versions", "delete", "delete_version", "overwrite_412",
                                "other_agent", "bucket_root", "other_heartbeat", "heartbeat_in_recordings",
                                "read_heartbeat", "delete_heartbeat", "list_uploads", "list_policy", "put_policy",
                                "delete_policy", "get_outside_policy"])
def test_deployed_agent_cannot(deployed, op: str):
    srv, creds = deployed
    c = agent(srv, creds)
    own = f"agents/agent-5/{uuid.uuid4().hex}.bin"
    first = c.put_object(Bucket="rec-locked", Key=own, Body=b"mine", ChecksumSHA256=sha256_b64(b"mine"),
                         IfNoneMatch="*")
    c.put_object(Bucket="rec-locked-fleet", Key="fleet/agent-5.json", Body=b"{}")
    b = "rec-locked"
    calls = {
        "get": lambda: c.get_object(Bucket=b, Key=own),
        "head": lambda: c.head_object(Bucket=b, Key=own),
        "list": lambda: c.list_objects_v2(Bucket=b, Prefix="agents/agent-5/"),
        "list_versions": lambda: c.list_object_versions(Bucket=b, Prefix="agents/agent-5/"),
        "delete": lambda: c.delete_object(Bucket=b, Key=own),
        "delete_version": lambda: c.delete_object(Bucket=b, Key=own, VersionId=first["VersionId"]),
        "overwrite_412": lambda: c.put_object(Bucket=b, Key=own, Body=b"evil", ChecksumSHA256=sha256_b64(b"evil"),
                                              IfNoneMatch="*"),
        "other_agent": lambda: c.put_object(Bucket=b, Key=f"agents/agent-6/{uuid.uuid4().hex}", Body=b"x"),
        "bucket_root": lambda: c.put_object(Bucket=b, Key=f"{uuid.uuid4().hex}.bin", Body=b"x"),
        "other_heartbeat": lambda: c.put_object(Bucket="rec-locked-fleet", Key="fleet/agent-6.json", Body=b"{}"),
        "heartbeat_in_recordings": lambda: c.put_object(Bucket=b, Key="fleet/agent-5.json", Body=b"{}"),
        "read_heartbeat": lambda: c.get_object(Bucket="rec-locked-fleet", Key="fleet/agent-5.json"),
        "delete_heartbeat": lambda: c.delete_object(Bucket="rec-locked-fleet", Key="fleet/agent-5.json"),
        "list_uploads": lambda: c.list_multipart_uploads(Bucket=b, Prefix="agents/agent-5/"),
        "list_policy": lambda: c.list_objects_v2(Bucket=b, Prefix="policy/"),
        "put_policy": lambda: c.put_object(Bucket=b, Key="policy/org.json", Body=b"{}",
                                           ChecksumSHA256=sha256_b64(b"{}")),
        "delete_policy": lambda: c.delete_object(Bucket=b, Key="policy/org.json"),
        "get_outside_policy": lambda: c.get_object(Bucket=b, Key="policyx/org.json"),
    }
    with pytest.raises(ClientError) as ei:
        calls[op]()
    code, status = code_of(ei.value)
    if op == "overwrite_412":
        assert (code, status) == ("PreconditionFailed", 412)
    elif op == "head":
        assert status == 403
    else:
        assert (code, status) == ("AccessDenied", 403), (code, status)
    # Whatever was tried, the recording is intact, and still its only version.
    s3 = srv.admin_client()
    assert s3.get_object(Bucket=b, Key=own)["Body"].read() == b"mine"
    assert [v["VersionId"] for v in s3.list_object_versions(Bucket=b, Prefix=own).get("Versions", [])] == [
        first["VersionId"]]


def test_deployed_agent_can_read_supervisor_policies(deployed):
    """GetObject on policy/* (signed supervisor policies, issue 6) and nothing more there."""
    srv, creds = deployed
    s3 = srv.admin_client()
    s3.put_object(Bucket="rec-locked", Key="policy/org.json", Body=b'{"v": 1}', ChecksumSHA256=sha256_b64(b'{"v": 1}'))
    c = agent(srv, creds)
    assert c.get_object(Bucket="rec-locked", Key="policy/org.json")["Body"].read() == b'{"v": 1}'
    assert agent(srv, creds, "agent-6").get_object(Bucket="rec-locked", Key="policy/org.json")["Body"].read()


def test_deployed_agent_other_identity_is_separate(deployed):
    """agent-6's key works for agent-6 only (the policies are per identity)."""
    srv, creds = deployed
    c6 = agent(srv, creds, "agent-6")
    c6.put_object(Bucket="rec-locked", Key=f"agents/agent-6/{uuid.uuid4().hex}", Body=b"6")
    with pytest.raises(ClientError) as ei:
        c6.put_object(Bucket="rec-locked", Key=f"agents/agent-5/{uuid.uuid4().hex}", Body=b"6")
    assert code_of(ei.value) == ("AccessDenied", 403)


def test_overwrite_without_if_none_match_keeps_the_locked_original(deployed):
    """s3:PutObject cannot be limited to new keys on SeaweedFS: a put without
    If-None-Match adds a version. The original version stays, locked; the signed
    manifest's hash tells which version is the recording (docs/storage.md)."""
    srv, creds = deployed
    c = agent(srv, creds)
    key = f"agents/agent-5/{uuid.uuid4().hex}.bin"
    first = c.put_object(Bucket="rec-locked", Key=key, Body=b"original")
    c.put_object(Bucket="rec-locked", Key=key, Body=b"replaced")
    s3 = srv.admin_client()
    versions = s3.list_object_versions(Bucket="rec-locked", Prefix=key)["Versions"]
    assert len(versions) == 2
    assert s3.get_object(Bucket="rec-locked", Key=key, VersionId=first["VersionId"])["Body"].read() == b"original"


def test_admin_cannot_delete_a_locked_version_before_retention_ends(deployed):
    srv, creds = deployed
    key = f"agents/agent-5/{uuid.uuid4().hex}.bin"
    v = agent(srv, creds).put_object(Bucket="rec-locked", Key=key, Body=b"keep")["VersionId"]
    s3 = srv.admin_client()
    with pytest.raises(ClientError) as ei:
        s3.delete_object(Bucket="rec-locked", Key=key, VersionId=v)
    assert code_of(ei.value) == ("AccessDenied", 403)
    # Shortening the retention of the version is refused too (COMPLIANCE).
    with pytest.raises(ClientError):
        s3.put_object_retention(Bucket="rec-locked", Key=key, VersionId=v,
                                Retention={"Mode": "COMPLIANCE",
                                           "RetainUntilDate": dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=1)})
    # A plain delete only hides it behind a delete marker; the version is still there.
    s3.delete_object(Bucket="rec-locked", Key=key)
    assert s3.get_object(Bucket="rec-locked", Key=key, VersionId=v)["Body"].read() == b"keep"


@pytest.mark.parametrize("args", [("--retention-days", "0"), ("--abort-multipart-days", "-1")])
def test_init_refuses_non_positive_days(s3_server_module: S3Server, tmp_path: Path, args: tuple[str, str]):
    srv = s3_server_module
    bucket = fresh_bucket()
    r = init(srv, tmp_path, bucket, *args)
    assert r.returncode == 1 and "must be a positive number of days" in r.stderr
    assert bucket not in {b["Name"] for b in srv.admin_client().list_buckets()["Buckets"]}


def test_an_agent_overwriting_its_own_manifest_is_reported_as_tampering_naming_the_versions(deployed):
    """Issue 19.1: the agent's put-only key can overwrite (storage answers 200 without If-None-Match); the
    locked bucket keeps the original as an older version, and verify refuses the call on the versions, while
    every read (and a legal hold) goes to the original."""
    from taltio.admin.store import CallRef, S3Store
    from taltio.admin.verify import Report, _write_once

    srv, creds = deployed
    c = agent(srv, creds)
    call = f"c{uuid.uuid4().hex[:8]}"
    key = f"agents/agent-5/2026/12/07/{call}.manifest.json"
    c.put_object(Bucket="rec-locked", Key=key, Body=b'{"v": 1}', ChecksumSHA256=sha256_b64(b'{"v": 1}'),
                 IfNoneMatch="*")
    store = S3Store("rec-locked", "agents", client=srv.admin_client())
    ref = CallRef("agent-5", "2026/12/07", call)
    once = Report(store.url, ref)
    _write_once(store, ref, once)
    assert [(ch.name, ch.ok) for ch in once.checks] == [("write-once", True)]

    try:
        c.put_object(Bucket="rec-locked", Key=key, Body=b'{"v": 2}', ChecksumSHA256=sha256_b64(b'{"v": 2}'))
    except ClientError as exc:   # a store that refuses the overwrite itself is the better outcome
        assert code_of(exc)[1] in (403, 412), exc
        print('storage refused the overwrite')
        return
    ids = [v["VersionId"] for v in srv.admin_client().list_object_versions(Bucket="rec-locked", Prefix=key)["Versions"]]
    assert len(ids) == 2
    fresh = S3Store("rec-locked", "agents", client=srv.admin_client())
    rep = Report(fresh.url, ref)
    _write_once(fresh, ref, rep)
    bad = [ch for ch in rep.checks if not ch.ok]
    assert len(bad) == 1 and bad[0].name == f"write-once {call}.manifest.json", rep.checks
    assert "2 versions" in bad[0].reason and all(i in bad[0].reason for i in ids), bad[0].reason
    assert fresh.versions(ref.manifest_key) == list(reversed(ids))      # oldest first
    # Every read goes to the first version: verify, play and export judge the original, not the overwrite.
    assert fresh.get(ref.manifest_key) == b'{"v": 1}' and fresh.info(ref.manifest_key).size == 8
    assert srv.admin_client().get_object(Bucket="rec-locked", Key=key)["Body"].read() == b'{"v": 2}'   # the latest
    fresh.set_legal_hold(ref.manifest_key, True)
    assert [srv.admin_client().get_object_legal_hold(Bucket="rec-locked", Key=key, VersionId=i)["LegalHold"]["Status"]
            for i in ids] == ["ON", "ON"]                                 # the original is held too
    fresh.set_legal_hold(ref.manifest_key, False)
    print('overwritten, reported', bad[0].reason)
