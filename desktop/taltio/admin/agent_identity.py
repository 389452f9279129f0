"""One agent's identity: its put-only policy document and fresh credentials
(`taltio-admin storage agent-identity`)."""
from __future__ import annotations

import json
import secrets
import string
from typing import Any

from taltio.admin.storage_layout import (AGENTS_PREFIX, AGENT_ACTIONS, FLEET_ACTIONS, FLEET_PREFIX, POLICY_ACTIONS,
                                         POLICY_PREFIX, validate_agent_id)

_KEY_ALPHABET = string.ascii_uppercase + "234567"
_SECRET_ALPHABET = string.ascii_letters + string.digits


def agent_policy(bucket: str, agent_id: str, fleet_bucket: str | None = None, *,
                 create_only: bool = False) -> dict[str, Any]:
    """IAM-style policy of one agent: put-only under its own prefix, plus its heartbeat, plus
    reading the signed supervisor policies under policy/.

    No other get, no list or delete: a stolen workstation key can neither read recordings nor
    remove them (and Object Lock stops even the admin from deleting a version).

    *create_only* (the AWS form, issue 19.1): an object under the agent's prefix can only be created
    with ``If-None-Match: *``, so storage itself refuses to overwrite a finished recording or manifest
    (S3's ``s3:if-none-match`` condition key; ``s3:ObjectCreationOperation`` exempts the multipart
    requests that take no condition header, as AWS documents). The uploader sends the header on every
    PutObject and CompleteMultipartUpload (tests/test_storage_faults.py checks each request).
    The SeaweedFS fragment cannot carry it: SeaweedFS 4.48 evaluates conditions but never fills in
    ``s3:if-none-match``, so such a policy refuses every upload (measured). There, the bucket's
    versioning keeps the original and `taltio-admin verify` refuses an object with more than one
    version (docs/storage.md, "Overwrites")."""
    validate_agent_id(agent_id)
    own = [f"arn:aws:s3:::{bucket}/{AGENTS_PREFIX}/{agent_id}/*"]
    if create_only:
        recordings: list[dict[str, Any]] = [
            {"Sid": "TaltioRecordingsCreateOnly", "Effect": "Allow", "Action": ["s3:PutObject"], "Resource": own,
             "Condition": {"Null": {"s3:if-none-match": "false"}}},
            {"Sid": "TaltioRecordingsMultipartSteps", "Effect": "Allow", "Action": ["s3:PutObject"],
             "Resource": own, "Condition": {"Bool": {"s3:ObjectCreationOperation": "false"}}},
            {"Sid": "TaltioRecordingsMultipartResume", "Effect": "Allow",
             "Action": [a for a in AGENT_ACTIONS if a != "s3:PutObject"], "Resource": own},
        ]
    else:
        recordings = [{"Sid": "TaltioRecordings", "Effect": "Allow", "Action": list(AGENT_ACTIONS),
                       "Resource": own}]
    statements: list[dict[str, Any]] = [
        *recordings,
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
