"""`taltio-admin storage`: set up central storage so that it never loses a recording.

Two commands for IT:

* ``storage init`` prepares the recordings bucket (Object Lock with a COMPLIANCE
  default retention, versioning, a lifecycle rule that aborts forgotten multipart
  uploads) and the fleet bucket (no lock, no versioning) that workstations
  overwrite with a small heartbeat. It is idempotent: run it again and it only
  reports that everything is in place.
* ``storage agent-identity ID`` prints one agent's credentials and policy: put-only
  under ``agents/ID/`` and one heartbeat object ``fleet/ID.json``.

The policy and the bucket set-up live here, once, and the test fixture
(tests/fixtures/s3.py) builds its SeaweedFS from the same functions, so the suite
tests what IT deploys.

Admin credentials come from boto3's default chain (AWS_* variables, profile,
instance role) and are never printed or logged.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import re
import secrets
import string
import sys
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger("taltio.admin")

# Where agents write: storage.url must be s3://BUCKET/agents, so that an agent's
# objects are <bucket>/agents/<agent-id>/... (see docs/design.md, "Storage layout").
AGENTS_PREFIX = "agents"
FLEET_PREFIX = "fleet"
# s3:PutObject covers Create/UploadPart/CompleteMultipartUpload too; listing parts and
# aborting let the uploader resume or drop its own multipart uploads. Nothing reads,
# lists or deletes.
AGENT_ACTIONS = ("s3:PutObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload")
FLEET_ACTIONS = ("s3:PutObject",)
# Supervisor policies (issue 6) are published under <bucket>/policy/; an agent only reads them.
# GetObject alone: no listing (an agent learns no other group's or agent's name), no writing.
POLICY_PREFIX = "policy"
POLICY_ACTIONS = ("s3:GetObject",)
ABORT_RULE_ID = "taltio-abort-incomplete-multipart"
DEFAULT_ABORT_DAYS = 7

_AGENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
_KEY_ALPHABET = string.ascii_uppercase + "234567"
_SECRET_ALPHABET = string.ascii_letters + string.digits


class StorageSetupError(RuntimeError):
    """The storage cannot be set up as asked; the message says what to do instead."""


# --------------------------------------------------------------------------- names


def validate_agent_id(agent_id: str) -> str:
    """Agent ids end up inside an IAM resource ARN and an object key: a ``*``, ``?``,
    ``/`` or ``$`` there would widen the policy to other agents' prefixes."""
    if not _AGENT_ID.match(agent_id or "") or ".." in agent_id:
        raise StorageSetupError(
            f"agent id {agent_id!r} is not usable: use 1-64 ASCII letters, digits, '.', '_' or '-', starting "
            f"with a letter or digit (the same id as the workstation's agent.id setting)")
    return agent_id


def validate_bucket(name: str, what: str = "bucket") -> str:
    if not _BUCKET.match(name or "") or ".." in name:
        raise StorageSetupError(
            f"{what} name {name!r} is not a valid S3 bucket name: use 3-63 lowercase letters, digits, '.' or "
            f"'-', starting and ending with a letter or digit")
    return name


def fleet_bucket_name(bucket: str, fleet_bucket: str | None = None) -> str:
    """The fleet bucket is separate because heartbeats overwrite one object every few
    minutes: in the locked, versioned recordings bucket each one would stay for the
    whole retention period."""
    name = fleet_bucket or f"{bucket}-fleet"
    validate_bucket(name, "fleet bucket")
    if name == bucket:
        raise StorageSetupError("the fleet bucket must differ from the recordings bucket: heartbeats would pile up "
                                "as locked versions there")
    return name


def default_retention_days() -> int:
    from taltio.settings import BY_KEY

    return int(BY_KEY["storage.retention_days"].default)


# --------------------------------------------------------------------------- agent identity


def agent_policy(bucket: str, agent_id: str, fleet_bucket: str | None = None) -> dict[str, Any]:
    """IAM-style policy of one agent: put-only under its own prefix, plus its heartbeat, plus
    reading the signed supervisor policies under policy/.

    No other get, no list or delete: a stolen workstation key can neither read recordings nor
    remove them (and Object Lock stops even the admin from deleting a version)."""
    validate_agent_id(agent_id)
    statements: list[dict[str, Any]] = [
        {
            "Sid": "TaltioRecordings",
            "Effect": "Allow",
            "Action": list(AGENT_ACTIONS),
            "Resource": [f"arn:aws:s3:::{bucket}/{AGENTS_PREFIX}/{agent_id}/*"],
        },
        {
            "Sid": "TaltioPolicyRead",
            "Effect": "Allow",
            "Action": list(POLICY_ACTIONS),
            "Resource": [f"arn:aws:s3:::{bucket}/{POLICY_PREFIX}/*"],
        },
    ]
    if fleet_bucket:
        statements.append(
            {
                "Sid": "TaltioHeartbeat",
                "Effect": "Allow",
                "Action": list(FLEET_ACTIONS),
                "Resource": [f"arn:aws:s3:::{fleet_bucket}/{FLEET_PREFIX}/{agent_id}.json"],
            }
        )
    return {"Version": "2012-10-17", "Statement": statements}


def new_credentials() -> tuple[str, str]:
    """A fresh access key id (20 chars, AWS-like) and secret (40 chars, no symbols, so
    it survives copy and paste into a terminal)."""
    key = "TALTIO" + "".join(secrets.choice(_KEY_ALPHABET) for _ in range(14))
    secret = "".join(secrets.choice(_SECRET_ALPHABET) for _ in range(40))
    return key, secret


def policy_name(agent_id: str) -> str:
    return f"taltio-agent-{agent_id}"


def seaweedfs_identity(agent_id: str, bucket: str, fleet_bucket: str | None, access_key: str,
                       secret_key: str) -> dict[str, list[dict[str, Any]]]:
    """The ``-s3.config`` fragment for one agent: an identity bound to a named policy.
    SeaweedFS wants the policy's ``content`` as a JSON *string*."""
    validate_agent_id(agent_id)
    pname = policy_name(agent_id)
    return {
        "identities": [
            {
                "name": f"agent-{agent_id}",
                "credentials": [{"accessKey": access_key, "secretKey": secret_key}],
                "policyNames": [pname],
            }
        ],
        "policies": [{"name": pname, "content": json.dumps(agent_policy(bucket, agent_id, fleet_bucket))}],
    }


# --------------------------------------------------------------------------- init


@dataclass
class InitReport:
    """What init did: ``changed`` is empty on a second run."""

    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _code(exc: Exception) -> str:
    return str(getattr(exc, "response", {}).get("Error", {}).get("Code", ""))


def _status(exc: Exception) -> int:
    return int(getattr(exc, "response", {}).get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)


def _bucket_exists(s3: Any, bucket: str) -> bool:
    from botocore.exceptions import ClientError

    try:
        s3.head_bucket(Bucket=bucket)
        return True
    except ClientError as exc:
        if _code(exc) in ("404", "NoSuchBucket") or _status(exc) == 404:
            return False
        if _status(exc) == 403:
            raise StorageSetupError(
                f"bucket {bucket} exists but these admin credentials may not use it (403): it may belong to "
                f"another account; pick another name or use that account's credentials") from None
        raise


def _create_bucket(s3: Any, bucket: str, object_lock: bool) -> bool:
    """Create the bucket; False when it already existed (a concurrent init)."""
    from botocore.exceptions import ClientError

    kw: dict[str, Any] = {"Bucket": bucket}
    if object_lock:
        kw["ObjectLockEnabledForBucket"] = True
    region = s3.meta.region_name
    if region and region != "us-east-1":  # AWS refuses a create without it outside us-east-1
        kw["CreateBucketConfiguration"] = {"LocationConstraint": region}
    try:
        s3.create_bucket(**kw)
        return True
    except ClientError as exc:
        if _code(exc) == "BucketAlreadyOwnedByYou":
            return False
        if _code(exc) == "BucketAlreadyExists":
            raise StorageSetupError(f"bucket name {bucket} is taken by another account; pick another name") from None
        raise


def _lock_configuration(s3: Any, bucket: str) -> dict[str, Any] | None:
    """The bucket's Object Lock configuration, or None when Object Lock is off."""
    from botocore.exceptions import ClientError

    try:
        cfg = s3.get_object_lock_configuration(Bucket=bucket)["ObjectLockConfiguration"]
    except ClientError as exc:
        if _code(exc) in ("ObjectLockConfigurationNotFoundError", "ObjectLockConfigurationNotFound") \
                or _status(exc) == 404:
            return None
        if _code(exc) in ("NotImplemented", "MethodNotAllowed"):
            raise StorageSetupError(
                f"this S3 server does not support Object Lock ({_code(exc)}); Taltio needs it so that no one can "
                f"delete a recording before its retention ends. Use SeaweedFS, MinIO or AWS S3") from None
        raise
    return cfg if cfg.get("ObjectLockEnabled") == "Enabled" else None


def _retention_days(cfg: dict[str, Any]) -> tuple[str | None, int | None]:
    rule = cfg.get("Rule", {}).get("DefaultRetention", {})
    days = rule.get("Days")
    if days is None and rule.get("Years") is not None:
        days = int(rule["Years"]) * 365
    return rule.get("Mode"), days


def _ensure_retention(s3: Any, bucket: str, cfg: dict[str, Any], days: int | None, report: InitReport) -> None:
    mode, have = _retention_days(cfg)
    if days is None:  # not asked for: keep what is there, else the schema default
        days = have if (mode == "COMPLIANCE" and have) else default_retention_days()
    if mode == "COMPLIANCE" and have == days:
        report.unchanged.append(f"bucket {bucket}: default retention COMPLIANCE {days} days")
        return
    s3.put_object_lock_configuration(
        Bucket=bucket,
        ObjectLockConfiguration={"ObjectLockEnabled": "Enabled",
                                 "Rule": {"DefaultRetention": {"Mode": "COMPLIANCE", "Days": days}}},
    )
    mode2, have2 = _retention_days(s3.get_object_lock_configuration(Bucket=bucket)["ObjectLockConfiguration"])
    if (mode2, have2) != ("COMPLIANCE", days):
        raise StorageSetupError(f"bucket {bucket}: the server kept default retention {mode2} {have2} days after "
                                f"we set COMPLIANCE {days} days; check the server's Object Lock support")
    before = f"{mode} {have} days" if mode else "none"
    report.changed.append(f"bucket {bucket}: default retention {before} -> COMPLIANCE {days} days")
    if mode and have and days < have:
        report.notes.append(f"bucket {bucket}: retention shortened from {have} to {days} days for NEW recordings; "
                            f"versions already stored keep their own retain-until date")
    elif mode:
        report.notes.append("a changed default retention applies to recordings stored from now on only")


def _ensure_versioning(s3: Any, bucket: str, want: str, report: InitReport) -> None:
    status = s3.get_bucket_versioning(Bucket=bucket).get("Status") or "Off"
    ok = status == want or (want == "Suspended" and status == "Off")
    if ok:
        report.unchanged.append(f"bucket {bucket}: versioning {status}")
        return
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": want})
    now = s3.get_bucket_versioning(Bucket=bucket).get("Status") or "Off"
    if now != want:
        raise StorageSetupError(f"bucket {bucket}: versioning stayed {now} after setting it {want}")
    report.changed.append(f"bucket {bucket}: versioning {status} -> {want}")


def _ensure_abort_rule(s3: Any, bucket: str, abort_days: int, report: InitReport) -> None:
    """Incomplete multipart uploads of a workstation that never came back hold storage
    (and are invisible in listings); a lifecycle rule aborts them. Optional: a server
    without lifecycle support gets a note, not a failure."""
    from botocore.exceptions import ClientError

    try:
        rules = s3.get_bucket_lifecycle_configuration(Bucket=bucket).get("Rules", [])
    except ClientError as exc:
        if _code(exc) == "NoSuchLifecycleConfiguration":
            rules = []
        else:
            report.notes.append(f"bucket {bucket}: the server refuses lifecycle configuration ({_code(exc) or exc}); "
                                f"incomplete multipart uploads are not aborted automatically (list them with "
                                f"`aws s3api list-multipart-uploads` now and then)")
            return
    ours = {"ID": ABORT_RULE_ID, "Status": "Enabled", "Filter": {"Prefix": ""},
            "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": abort_days}}
    current = next((r for r in rules if r.get("ID") == ABORT_RULE_ID), None)
    if current and current.get("Status") == "Enabled" and \
            current.get("AbortIncompleteMultipartUpload", {}).get("DaysAfterInitiation") == abort_days:
        report.unchanged.append(f"bucket {bucket}: lifecycle aborts incomplete multipart uploads after "
                                f"{abort_days} days")
        return
    others = [r for r in rules if r.get("ID") != ABORT_RULE_ID]
    try:
        s3.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration={"Rules": others + [ours]})
    except ClientError as exc:
        report.notes.append(f"bucket {bucket}: the server refused the lifecycle rule ({_code(exc) or exc}); "
                            f"incomplete multipart uploads are not aborted automatically")
        return
    report.changed.append(f"bucket {bucket}: lifecycle rule {ABORT_RULE_ID} aborts incomplete multipart uploads "
                          f"after {abort_days} days")


def init_recordings_bucket(s3: Any, bucket: str, retention_days: int | None = None,
                           abort_days: int = DEFAULT_ABORT_DAYS, report: InitReport | None = None,
                           object_lock: bool = True) -> InitReport:
    """Recordings bucket: Object Lock + COMPLIANCE default retention + versioning + the
    multipart abort rule. ``retention_days=None`` keeps an existing COMPLIANCE retention
    (a re-run must never shorten it by accident), else uses the schema default.

    ``object_lock=False`` is only for test set-ups that model a store without Object
    Lock; the CLI always asks for it."""
    report = report if report is not None else InitReport()
    validate_bucket(bucket)
    if retention_days is not None and retention_days <= 0:
        raise StorageSetupError("--retention-days must be a positive number of days")
    if abort_days <= 0:
        raise StorageSetupError("--abort-multipart-days must be a positive number of days")
    existed = _bucket_exists(s3, bucket)
    if not existed:
        existed = not _create_bucket(s3, bucket, object_lock)
    if existed:
        report.unchanged.append(f"bucket {bucket}: exists")
    else:
        report.changed.append(f"bucket {bucket}: created" + (" with Object Lock" if object_lock else ""))
    if object_lock:
        cfg = _lock_configuration(s3, bucket)
        if cfg is None:
            if not existed:
                raise StorageSetupError(
                    f"bucket {bucket} was created but the server did not enable Object Lock on it; this server "
                    f"cannot keep recordings write-once. Delete the empty bucket and use a server with Object "
                    f"Lock (SeaweedFS, MinIO, AWS S3)")
            raise StorageSetupError(
                f"bucket {bucket} already exists WITHOUT Object Lock. Many servers (SeaweedFS, MinIO) can only "
                f"enable Object Lock when a bucket is created, so Taltio will not use this bucket: without the lock "
                f"a recording could be deleted. Run `taltio-admin storage init --bucket NEW-NAME` with a new bucket "
                f"name (and set storage.url = \"s3://NEW-NAME/{AGENTS_PREFIX}\"). On AWS S3 you may instead enable "
                f"Object Lock on this bucket (versioning on, then `aws s3api put-object-lock-configuration`) and "
                f"run init again")
        report.unchanged.append(f"bucket {bucket}: Object Lock enabled")
        _ensure_retention(s3, bucket, cfg, retention_days, report)
    _ensure_versioning(s3, bucket, "Enabled", report)
    _ensure_abort_rule(s3, bucket, abort_days, report)
    return report


def init_fleet_bucket(s3: Any, fleet_bucket: str, report: InitReport | None = None) -> InitReport:
    """Fleet bucket: heartbeats overwrite ``fleet/<agent-id>.json``; without lock and
    versioning each overwrite replaces the object instead of adding a version."""
    report = report if report is not None else InitReport()
    validate_bucket(fleet_bucket, "fleet bucket")
    if _bucket_exists(s3, fleet_bucket) or not _create_bucket(s3, fleet_bucket, object_lock=False):
        report.unchanged.append(f"fleet bucket {fleet_bucket}: exists")
        if _lock_configuration(s3, fleet_bucket) is not None:
            raise StorageSetupError(
                f"fleet bucket {fleet_bucket} has Object Lock: every heartbeat would stay as a locked version "
                f"until its retention ends. Give a bucket without Object Lock with --fleet-bucket NEW-NAME")
    else:
        report.changed.append(f"fleet bucket {fleet_bucket}: created (no Object Lock)")
    _ensure_versioning(s3, fleet_bucket, "Suspended", report)
    return report


def init_storage(s3: Any, bucket: str, retention_days: int | None = None, fleet_bucket: str | None = None,
                 abort_days: int = DEFAULT_ABORT_DAYS, object_lock: bool = True) -> InitReport:
    """Both buckets, recordings first (the one that matters if the fleet one fails)."""
    fleet = fleet_bucket_name(bucket, fleet_bucket)
    report = init_recordings_bucket(s3, bucket, retention_days, abort_days, object_lock=object_lock)
    init_fleet_bucket(s3, fleet, report)
    return report


# --------------------------------------------------------------------------- CLI


def admin_client(endpoint: str | None) -> Any:
    """boto3 client with the default credential chain; path-style for self-hosted
    endpoints (SeaweedFS/MinIO), checksums only where S3 requires them."""
    import boto3
    from botocore.config import Config

    endpoint = endpoint or os.environ.get("AWS_ENDPOINT_URL") or None
    session = boto3.session.Session()
    cfg = Config(signature_version="s3v4", s3={"addressing_style": "path"} if endpoint else {},
                 retries={"mode": "standard", "total_max_attempts": 3},
                 request_checksum_calculation="when_required", response_checksum_validation="when_required")
    return session.client("s3", endpoint_url=endpoint, region_name=session.region_name or "us-east-1", config=cfg)


def _explain_boto(exc: Exception) -> str:
    """A boto error as one line with what to check; never includes credentials."""
    from botocore.exceptions import ClientError, EndpointConnectionError, NoCredentialsError

    if isinstance(exc, NoCredentialsError):
        return ("no admin credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) for an "
                "identity allowed to create and configure buckets")
    if isinstance(exc, EndpointConnectionError):
        return f"cannot reach the S3 endpoint ({exc}); check --endpoint / AWS_ENDPOINT_URL"
    if isinstance(exc, ClientError):
        code = _code(exc)
        op = getattr(exc, "operation_name", "request")
        if code in ("AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "403"):
            return (f"the server refused {op} ({code}): the admin credentials lack permission or are wrong; "
                    f"use the storage admin's keys")
        return f"the server refused {op} ({code}): {exc}"
    return f"{type(exc).__name__}: {exc}"


def cmd_init(ns: argparse.Namespace) -> int:
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        fleet = fleet_bucket_name(validate_bucket(ns.bucket), ns.fleet_bucket)
        s3 = admin_client(ns.endpoint)
        report = init_storage(s3, ns.bucket, ns.retention_days, fleet, ns.abort_multipart_days)
    except StorageSetupError as exc:
        print(f"taltio-admin storage init: {exc}", file=sys.stderr)
        return 1
    except (BotoCoreError, ClientError) as exc:
        print(f"taltio-admin storage init: {_explain_boto(exc)}", file=sys.stderr)
        return 1
    for line in report.changed:
        print(f"changed: {line}")
    for line in report.unchanged:
        print(f"ok:      {line}")
    for line in report.notes:
        print(f"note:    {line}")
    if report.changed:
        print(f"Storage ready. Workstations: storage.url = \"s3://{ns.bucket}/{AGENTS_PREFIX}\"; create each "
              f"agent's key with `taltio-admin storage agent-identity AGENT-ID --bucket {ns.bucket}`.")
    else:
        print(f"Nothing changed: {ns.bucket} and {fleet} were already set up.")
    log.info("storage init %s/%s: %d change(s)", ns.bucket, fleet, len(report.changed))
    return 0


def _bucket_from_settings() -> str | None:
    try:
        from taltio.adapters.storage import parse_url
        from taltio.app.config import load_settings

        url = load_settings().values.get("storage.url") or ""
        if url.startswith("s3://"):
            return parse_url(url)[1]
    except Exception as exc:  # noqa: BLE001 - only a convenience default
        log.debug("no bucket from settings: %s", exc)
    return None


def cmd_agent_identity(ns: argparse.Namespace) -> int:
    try:
        agent_id = validate_agent_id(ns.agent_id)
        bucket = ns.bucket or _bucket_from_settings()
        if not bucket:
            raise StorageSetupError("give --bucket (the recordings bucket; storage.url is not set here)")
        validate_bucket(bucket)
        fleet = fleet_bucket_name(bucket, ns.fleet_bucket)
    except StorageSetupError as exc:
        print(f"taltio-admin storage agent-identity: {exc}", file=sys.stderr)
        return 1
    if ns.format == "aws":
        print(json.dumps(agent_policy(bucket, agent_id, fleet), indent=2))
        print(f"# AWS IAM policy for agent {agent_id}. Create an IAM user (e.g. {policy_name(agent_id)}), attach "
              f"this policy as its only permission, create an access key for it (AWS shows the secret once), then on "
              f"the workstation run `taltio enroll --access-key-id KEY-ID` and paste the secret.", file=sys.stderr)
        return 0
    key, secret = new_credentials()
    print(json.dumps(seaweedfs_identity(agent_id, bucket, fleet, key, secret), indent=2))
    print(f"# SeaweedFS identity for agent {agent_id} (access key id {key}).\n"
          f"# Merge it into the file given to `weed ... -s3.config`: append the \"identities\" entry to its "
          f"\"identities\" list and the \"policies\" entry to its \"policies\" list, then restart the S3 gateway.\n"
          f"# The secret is printed only here, once: give it to the agent's workstation with\n"
          f"#   taltio enroll --access-key-id {key}    (reads the secret from stdin)\n"
          f"# and set storage.url = \"s3://{bucket}/{AGENTS_PREFIX}\", agent.id = \"{agent_id}\".",
          file=sys.stderr)
    log.info("agent identity for %s issued (access key id %s)", agent_id, key)
    return 0


def register(subparsers: Any) -> None:
    """Add ``storage init`` and ``storage agent-identity`` to taltio-admin; each parser
    sets ``handler`` so admin.main only calls ``ns.handler(ns)``."""
    st = subparsers.add_parser("storage", help="set up central storage (buckets, agent identities)")
    ssub = st.add_subparsers(dest="storage_cmd", required=True)

    i = ssub.add_parser("init", help="create/check the recordings bucket (Object Lock) and the fleet bucket",
                        description="Prepare the recordings bucket (Object Lock, COMPLIANCE default retention, "
                                    "versioning, multipart abort rule) and the fleet bucket. Safe to run again. "
                                    "Admin credentials from the usual AWS variables or profile.")
    i.add_argument("--bucket", required=True, help="recordings bucket")
    i.add_argument("--endpoint", help="S3 endpoint URL (SeaweedFS, MinIO); default AWS_ENDPOINT_URL, else AWS")
    i.add_argument("--retention-days", type=int, default=None,
                   help=f"COMPLIANCE retention of each recording in days (new bucket default: "
                        f"storage.retention_days = {default_retention_days()}; an existing bucket keeps its own)")
    i.add_argument("--fleet-bucket", help="bucket for workstation heartbeats (default BUCKET-fleet)")
    i.add_argument("--abort-multipart-days", type=int, default=DEFAULT_ABORT_DAYS,
                   help=f"abort multipart uploads still incomplete after this many days "
                        f"(default {DEFAULT_ABORT_DAYS})")
    i.set_defaults(handler=cmd_init)

    a = ssub.add_parser("agent-identity", help="print one agent's put-only identity and policy",
                        description="Print a SeaweedFS -s3.config fragment with fresh credentials (or, with "
                                    "--format aws, an IAM policy) that only lets agent ID put under agents/ID/ "
                                    "and its heartbeat fleet/ID.json.")
    a.add_argument("agent_id", metavar="ID", help="the agent's id (agent.id on the workstation)")
    a.add_argument("--bucket", help="recordings bucket (default: from storage.url)")
    a.add_argument("--fleet-bucket", help="heartbeat bucket (default BUCKET-fleet)")
    a.add_argument("--format", choices=("seaweedfs", "aws"), default="seaweedfs")
    a.set_defaults(handler=cmd_agent_identity)
