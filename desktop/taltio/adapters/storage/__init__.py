"""Storage targets behind the StorageTarget port: a folder, or S3-compatible object storage.

Objects are write-once: a put never overwrites. If the object is already there (a retry after a crash or
a lost response), the put reports EXISTS, which the queue treats as done: keys are unique per call, and
only this agent can write under its prefix.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from taltio.domain.ports import PutResult, StorageError, StorageTarget
from taltio.adapters.storage.folder import FolderTarget
from taltio.adapters.storage.s3 import MIB, SIGNATURE_METADATA, S3Target, _s3_like

__all__ = ["MIB", "SIGNATURE_METADATA", "FolderTarget", "PutResult", "S3Target", "StorageError", "StorageTarget",
           "parse_url", "policy_reader"]


def policy_reader(policy_url: str, storage: StorageTarget) -> StorageTarget:
    """Where this workstation reads supervisor policies (policy.url), built from the recordings
    target so it uses the same endpoint, credential, proxy and TLS settings.

    Empty *policy_url*: s3://<storage bucket>/policy for S3 storage, <folder>/policy for folder
    storage. Raises StorageError for a URL it cannot use."""
    if not policy_url:
        if isinstance(storage, S3Target):
            return _s3_like(storage, storage.bucket, "policy")
        if isinstance(storage, FolderTarget):
            return FolderTarget(storage.root / "policy")
        raise StorageError(f"set policy.url: {storage.describe()} has no policy folder")
    scheme, bucket, prefix = parse_url(policy_url)
    if scheme == "file":
        return FolderTarget(Path(prefix))
    if not isinstance(storage, S3Target):
        raise StorageError(f"policy.url {policy_url} is S3 but storage.url is not: set storage.endpoint and the "
                           "access key (storage.url = s3://…) or use a file:/// policy.url")
    return _s3_like(storage, bucket, prefix)


def parse_url(url: str) -> tuple[str, str, str]:
    """s3://bucket/prefix → ("s3", bucket, prefix); file:///p → ("file", "", "/p")."""
    u = urlparse(url)
    if u.scheme == "s3":
        if not u.netloc:
            raise StorageError(f"storage.url '{url}' has no bucket; use s3://BUCKET/PREFIX")
        return "s3", u.netloc, u.path.strip("/")
    if u.scheme == "file":
        return "file", "", unquote(u.path)
    raise StorageError(f"storage.url '{url}' must start with s3:// or file://")
