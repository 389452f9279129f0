"""Storage targets behind one interface: S3-compatible object storage, or a folder.

Objects are write-once: a put never overwrites. If the object is already there
(a retry after a crash or a lost response), the put reports EXISTS, which the
queue treats as done: keys are unique per call, and only this agent can write
under its prefix.
"""
from __future__ import annotations

import base64
import enum
import hashlib
import logging
import os
import shutil
from abc import ABC, abstractmethod
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..core.segments import sha256_file

log = logging.getLogger("taltio.storage")


class StorageError(RuntimeError):
    """Storage refused or is unreachable; the message says which and what to check."""


class PutResult(enum.Enum):
    STORED = "stored"
    EXISTS = "exists"


class StorageTarget(ABC):
    @abstractmethod
    def put(self, key: str, path: Path, sha256_hex: str) -> PutResult: ...

    @abstractmethod
    def check(self) -> str:
        """Prove storage is reachable and writable; return a short description or raise StorageError."""

    @abstractmethod
    def describe(self) -> str: ...

    def put_status(self, key: str, data: bytes) -> None:
        """Store a small status document (the fleet heartbeat), replacing the previous one.

        Unlike put(), this overwrites on purpose: only the latest heartbeat matters, and it
        must not pile up write-once versions beside the recordings. Raises StorageError.
        """
        raise StorageError(f"{self.describe()} cannot store status documents")


class FolderTarget(StorageTarget):
    def __init__(self, root: Path) -> None:
        self.root = root

    def describe(self) -> str:
        return f"folder {self.root}"

    def put(self, key: str, path: Path, sha256_hex: str) -> PutResult:
        dest = self.root / key
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            if dest.exists():
                if sha256_file(dest) == sha256_hex:
                    return PutResult.EXISTS
                raise StorageError(f"{dest} already exists with other content; refusing to overwrite")
            part = dest.with_name(f".{dest.name}.{os.getpid()}.part")
            shutil.copyfile(path, part)
            with open(part, "rb+") as fh:
                os.fsync(fh.fileno())
            if sha256_file(part) != sha256_hex:
                part.unlink()
                raise StorageError(f"copy to {dest} did not verify (checksum differs)")
            try:
                os.link(part, dest)        # fails if dest appeared meanwhile: never overwrite
            except FileExistsError:
                part.unlink()
                return self.put(key, path, sha256_hex)
            except OSError:
                os.replace(part, dest)     # shares without hard links (SMB)
            part.unlink(missing_ok=True)
            return PutResult.STORED
        except StorageError:
            raise
        except OSError as exc:
            raise StorageError(f"cannot write to {self.root}: {exc.strerror or exc}") from None

    def check(self) -> str:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            probe = self.root / f".taltio-probe-{os.getpid()}"
            probe.write_bytes(b"ok")
            probe.unlink()
        except OSError as exc:
            raise StorageError(f"folder {self.root} is not writable: {exc.strerror or exc}") from None
        return f"folder {self.root} is writable"

    def put_status(self, key: str, data: bytes) -> None:
        """<root>/<key>, replaced atomically so `taltio-admin fleet` never reads half a heartbeat."""
        from ..core.segments import write_durably

        dest = self.root / key
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            write_durably(dest, data)
        except OSError as exc:
            raise StorageError(f"cannot write {key} to {self.root}: {exc.strerror or exc}") from None


class S3Target(StorageTarget):
    def __init__(self, bucket: str, prefix: str, endpoint: str | None, region: str, access_key: str,
                 secret: str | None, probe_key: str = "") -> None:
        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self._probe_key = self._full(probe_key or "taltio-probe")
        self.endpoint = endpoint or None
        self.region = region
        self.access_key = access_key
        self._secret = secret
        self._client = None

    def describe(self) -> str:
        return f"s3://{self.bucket} at {self.endpoint or 'AWS'}"

    @property
    def client(self):
        # boto3 costs ~0.3 s to import and configure: only when first needed.
        if self._client is None:
            if not self.access_key or not self._secret:
                raise StorageError("no S3 credentials: set storage.access_key_id and store the secret with "
                                   "`taltio enroll` (or TALTIO_S3_SECRET)")
            import boto3
            from botocore.config import Config

            self._client = boto3.client(
                "s3", endpoint_url=self.endpoint, region_name=self.region,
                aws_access_key_id=self.access_key, aws_secret_access_key=self._secret,
                config=Config(signature_version="s3v4", s3={"addressing_style": "path"},
                              retries={"mode": "standard", "total_max_attempts": 2},
                              connect_timeout=3, read_timeout=30,
                              request_checksum_calculation="when_required",
                              response_checksum_validation="when_required"))
        return self._client

    def put(self, key: str, path: Path, sha256_hex: str) -> PutResult:
        from botocore.exceptions import BotoCoreError, ClientError

        # The checksum is not optional: SeaweedFS 4.48 stores an *empty* object when a
        # PUT without one is cut before its body, and the If-None-Match retry would
        # then see 412 and believe the recording stored (tests/test_s3_fixture.py).
        b64 = base64.b64encode(bytes.fromhex(sha256_hex)).decode()
        key = self._full(key)
        try:
            with open(path, "rb") as body:
                resp = self.client.put_object(Bucket=self.bucket, Key=key, Body=body, ChecksumSHA256=b64,
                                              IfNoneMatch="*")
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
            if code == "PreconditionFailed" or status == 412:
                return PutResult.EXISTS
            raise StorageError(f"storage refused {key.rsplit('/', 1)[-1]}: {code or status} "
                               f"{exc.response.get('Error', {}).get('Message', '')}".strip()) from None
        except (BotoCoreError, OSError) as exc:
            raise StorageError(f"storage unreachable at {self.endpoint or 'AWS'}: {type(exc).__name__}") from None
        echoed = resp.get("ChecksumSHA256")
        if echoed and echoed != b64:
            raise StorageError(f"storage stored {key} with a different checksum")
        return PutResult.STORED

    def check(self) -> str:
        """Agents may only put, so reachability is proven with a put of a tiny probe object."""
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self.client.put_object(Bucket=self.bucket, Key=self._probe_key, Body=b"ok")
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            raise StorageError(f"{self.describe()} refused a test write ({code}); check the access key and "
                               f"its policy") from None
        except (BotoCoreError, OSError) as exc:
            raise StorageError(f"{self.describe()} is unreachable ({type(exc).__name__})") from None
        return f"{self.describe()} accepts writes"

    # Set by app_core.make_target from fleet.bucket; empty means "<bucket>-fleet".
    status_bucket: str = ""

    def put_status(self, key: str, data: bytes) -> None:
        """Overwrite *key* in the fleet bucket (not the write-once recordings bucket, no prefix).

        The recordings bucket is under COMPLIANCE Object Lock: every heartbeat there would be
        a locked version kept for years. The fleet bucket has neither lock nor versioning.
        """
        from botocore.exceptions import BotoCoreError, ClientError

        bucket = self.status_bucket or f"{self.bucket}-fleet"
        b64 = base64.b64encode(hashlib.sha256(data).digest()).decode()
        try:
            self.client.put_object(Bucket=bucket, Key=key, Body=data, ChecksumSHA256=b64,
                                   ContentType="application/json")
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "") or str(
                exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", ""))
            hint = {"AccessDenied": f"the agent's key needs s3:PutObject on arn:aws:s3:::{bucket}/{key}",
                    "NoSuchBucket": f"create the fleet bucket {bucket} (no Object Lock) or set fleet.bucket"}
            raise StorageError(f"s3://{bucket} refused {key}: {code}"
                               + (f"; {hint[code]}" if code in hint else "")) from None
        except (BotoCoreError, OSError) as exc:
            raise StorageError(f"storage unreachable at {self.endpoint or 'AWS'}: {type(exc).__name__}") from None

    def _full(self, key: str) -> str:
        return f"{self.prefix}/{key}" if self.prefix else key


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
