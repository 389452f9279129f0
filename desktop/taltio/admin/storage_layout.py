"""Names and places of the central storage: prefixes, the actions each one grants, and the
checks on bucket names and agent ids (shared by the bucket set-up and the agent identities)."""
from __future__ import annotations

import re

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

