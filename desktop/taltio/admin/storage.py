"""`taltio-admin storage`: set up central storage so that it never loses a recording.

Two commands for IT:

* ``storage init`` prepares the recordings bucket (Object Lock with a COMPLIANCE
  default retention, versioning, a lifecycle rule that aborts forgotten multipart
  uploads) and the fleet bucket (no lock, no versioning) that workstations
  overwrite with a small heartbeat. It is idempotent: run it again and it only
  reports that everything is in place.
* ``storage agent-identity ID`` prints one agent's credentials and policy: put-only
  under ``agents/ID/`` and one heartbeat object ``fleet/ID.json``.

The policy and the bucket set-up live once, in taltio.admin.agent_identity and
taltio.admin.buckets (names and checks in taltio.admin.storage_layout); this module
is the command line and re-exports them. The test fixture (tests/fixtures/s3.py)
builds its SeaweedFS from the same functions, so the suite tests what IT deploys.

Admin credentials come from boto3's default chain (AWS_* variables, profile,
instance role) and are never printed or logged.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from typing import Any

from taltio.admin.agent_identity import (_KEY_ALPHABET, _SECRET_ALPHABET, agent_policy,  # noqa: F401
                                         new_credentials, policy_name, seaweedfs_identity)
from taltio.admin.buckets import (InitReport, _bucket_exists, _code, _create_bucket,  # noqa: F401
                                  _ensure_abort_rule, _ensure_retention, _ensure_versioning, _lock_configuration,
                                  _retention_days, _status, init_fleet_bucket, init_recordings_bucket, init_storage)
from taltio.admin.storage_layout import (_AGENT_ID, _BUCKET, ABORT_RULE_ID, AGENT_ACTIONS,  # noqa: F401
                                         AGENTS_PREFIX, DEFAULT_ABORT_DAYS, FLEET_ACTIONS, FLEET_PREFIX,
                                         POLICY_ACTIONS, POLICY_PREFIX, StorageSetupError, default_retention_days,
                                         fleet_bucket_name, validate_agent_id, validate_bucket)

log = logging.getLogger("taltio.admin")


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
        print(json.dumps(agent_policy(bucket, agent_id, fleet, create_only=True), indent=2))
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
