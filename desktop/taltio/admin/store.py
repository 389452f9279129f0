"""The recordings store as supervisors read it: list, read and inspect objects in a bucket or a folder.

One interface for S3 (the fleet's bucket) and a folder (a standalone computer's store, or an export),
so `list`, `find`, `verify` and `export` are written once. Calls sit at
``<root>/<agent>/<YYYY>/<MM>/<DD>/<call-id>.<what>``; a manifest's SSH signature is the object's own
``x-amz-meta-sshsig`` in S3 and ``<name>.sig`` beside it in a folder (and in S3 for calls uploaded
before the metadata form).

Credentials for S3 come from the usual AWS variables or profile (boto3's chain), else from the
keyring (`taltio-admin credentials set`, admin/credentials.py); the supervisor's credential needs read access, plus PutObject on ``<root>/_audit/`` for the export log and
PutObjectLegalHold for `hold`.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlparse

from taltio.domain import sshsig

log = logging.getLogger("taltio.admin.store")

MANIFEST_SUFFIX = ".manifest.json"
AUDIT_PREFIX = "_audit"


class StoreError(RuntimeError):
    """The store cannot be read as asked; the message says what and where."""


@dataclass(frozen=True)
class ObjectInfo:
    key: str                   # relative to the store's root: "agent-7/2026/12/03/call-1.manifest.json"
    size: int
    modified: datetime | None = None
    versions: tuple[str, ...] = ()   # version ids, oldest first, where the listing gave them (list_stored)
    deleted: bool = False            # a delete marker hides it (list_stored only: a plain listing never shows it)


@dataclass(frozen=True)
class CallRef:
    """Where a call's manifest is, from its key alone (nothing read yet)."""
    agent: str
    day: str                   # "YYYY/MM/DD"
    call_id: str

    @property
    def folder(self) -> str:
        return f"{self.agent}/{self.day}"

    @property
    def manifest_key(self) -> str:
        return f"{self.folder}/{self.call_id}{MANIFEST_SUFFIX}"

    def key(self, name: str) -> str:
        return f"{self.folder}/{name}"


@dataclass(frozen=True)
class LockInfo:
    mode: str | None           # "COMPLIANCE", "GOVERNANCE" or None
    retain_until: datetime | None
    legal_hold: bool | None    # None: the store cannot say (a folder, or no permission)


def call_ref(key: str) -> CallRef | None:
    """The call a manifest key names, or None for any other key (audio, the audit log, stray objects)."""
    parts = key.strip("/").split("/")
    if len(parts) != 5 or not parts[4].endswith(MANIFEST_SUFFIX) or parts[0] == AUDIT_PREFIX:
        return None
    agent, y, m, d, name = parts
    if not (len(y) == 4 and len(m) == 2 and len(d) == 2 and (y + m + d).isdigit()):
        return None
    call_id = name[: -len(MANIFEST_SUFFIX)]
    return CallRef(agent, f"{y}/{m}/{d}", call_id) if call_id else None


class Store:
    """Base: the operations every command needs. Keys are relative to the store's root."""

    url: str

    def list(self, prefix: str = "") -> Iterator[ObjectInfo]:
        raise NotImplementedError

    def get(self, key: str) -> bytes:
        raise NotImplementedError

    def folders(self, prefix: str = "") -> list[str]:
        """The names of the folders directly under *prefix* ("" or "agent-7/"), without listing what is in them."""
        raise NotImplementedError

    def open(self, key: str) -> BinaryIO:
        """A stream of the object, for reading calls larger than memory."""
        raise NotImplementedError

    def info(self, key: str) -> ObjectInfo:
        raise NotImplementedError

    def signature(self, key: str) -> str | None:
        """The armored SSH signature of a manifest, or None if it has none."""
        raise NotImplementedError

    def list_stored(self, prefix: str = "") -> Iterator[ObjectInfo]:
        """Every object stored under *prefix*, those a delete marker hides too (issue 19.1: a plain listing
        leaves them out, and a call hidden that way must still be seen). A store that keeps no versions can
        hide nothing, so this is its plain listing."""
        return self.list(prefix)

    def versions(self, key: str) -> list[str]:
        """The object's version ids, oldest first; empty where the store keeps no versions (a folder) or
        cannot list them. More than one means it was overwritten (issue 19.1); every read goes to the first."""
        return []

    def deleted(self, key: str) -> bool:
        """The object's latest version is a delete marker: someone hid it after it was stored (its versions
        are still there, and reads still go to the first)."""
        return False

    def lock(self, key: str) -> LockInfo:
        return LockInfo(None, None, None)

    def put(self, key: str, body: bytes, content_type: str = "application/octet-stream") -> None:
        raise NotImplementedError

    def set_legal_hold(self, key: str, on: bool) -> None:
        raise StoreError(f"{self.url} is a folder: legal hold needs S3 Object Lock")

    def manifests(self, prefix: str = "") -> Iterator[CallRef]:
        """Every call under *prefix*, one a delete marker hides too: a call searched for by id must be found."""
        for obj in self.list_stored(prefix):
            ref = call_ref(obj.key)
            if ref is not None:
                yield ref

    def signed(self, key: str) -> tuple[bytes, str]:
        body = self.get(key)
        sig = self.signature(key)
        if sig is None:
            raise StoreError(f"{key} has no signature (neither x-amz-meta-sshsig nor {key}.sig): it cannot be trusted")
        return body, sig


class FolderStore(Store):
    def __init__(self, root: Path) -> None:
        self.root = root
        self.url = f"file://{root}"
        if not root.is_dir():
            raise StoreError(f"{root} is not a folder")

    def _path(self, key: str) -> Path:
        p = (self.root / key).resolve()
        if self.root.resolve() not in p.parents and p != self.root.resolve():
            raise StoreError(f"{key} is outside the store")
        return p

    def list(self, prefix: str = "") -> Iterator[ObjectInfo]:
        base = self._path(prefix.rsplit("/", 1)[0]) if "/" in prefix else self.root
        if not base.exists():
            return
        for p in sorted(base.rglob("*")):
            rel = p.relative_to(self.root).as_posix()
            if p.is_file() and rel.startswith(prefix) and not rel.endswith(".sig"):
                st = p.stat()
                yield ObjectInfo(rel, st.st_size, datetime.fromtimestamp(st.st_mtime).astimezone())

    def folders(self, prefix: str = "") -> list[str]:
        base = self._path(prefix.strip("/")) if prefix.strip("/") else self.root
        return [p.name for p in sorted(base.iterdir()) if p.is_dir()] if base.is_dir() else []

    def get(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            raise StoreError(f"{key} is not in {self.url}") from None

    def open(self, key: str) -> BinaryIO:
        try:
            return open(self._path(key), "rb")
        except FileNotFoundError:
            raise StoreError(f"{key} is not in {self.url}") from None

    def info(self, key: str) -> ObjectInfo:
        try:
            st = self._path(key).stat()
        except FileNotFoundError:
            raise StoreError(f"{key} is not in {self.url}") from None
        return ObjectInfo(key, st.st_size, datetime.fromtimestamp(st.st_mtime).astimezone())

    def signature(self, key: str) -> str | None:
        p = self._path(f"{key}.sig")
        return p.read_text() if p.exists() else None

    def put(self, key: str, body: bytes, content_type: str = "application/octet-stream") -> None:
        p = self._path(key)
        p.parent.mkdir(parents=True, exist_ok=True)
        with open(p, "xb") as fh:         # write-once here too
            fh.write(body)


class S3Store(Store):
    PAGE_SIZE: int | None = None     # entries per listing page; None: the server's (1000). Tests make it small.

    def __init__(self, bucket: str, prefix: str, endpoint: str | None = None, client=None,  # noqa: ANN001
                 use_keyring: bool = True, first_versions: bool = True) -> None:
        self.bucket, self.prefix = bucket, prefix.strip("/")
        self.first_versions = first_versions     # False for objects that are overwritten by design (heartbeats)
        self.url = f"s3://{bucket}/{self.prefix}".rstrip("/")
        self.endpoint = endpoint or os.environ.get("AWS_ENDPOINT_URL") or None
        self.client = client if client is not None else self._client(use_keyring)
        self._versions: dict[str, list[str]] = {}
        self._deleted: dict[str, bool] = {}
        self._versioned: bool | None = None

    def _client(self, use_keyring: bool):  # noqa: ANN202 - a botocore S3 client
        """boto3's usual chain first (variables, profile, role); else the credential kept in the keyring."""
        import boto3
        from botocore.config import Config

        # A session of its own: boto3's default session keeps the first credentials it found, so a
        # second store (or a test's second bucket) in one process would read with the wrong ones.
        session = boto3.session.Session()
        kept = None
        if use_keyring and session.get_credentials() is None:
            from taltio.admin.credentials import lookup

            kept = lookup(self.bucket, self.endpoint)
        keys = {"aws_access_key_id": kept[0], "aws_secret_access_key": kept[1]} if kept else {}
        return session.client("s3", endpoint_url=self.endpoint, **keys,
                              config=Config(signature_version="s3v4", s3={"addressing_style": "path"},
                                            retries={"max_attempts": 3, "mode": "standard"}))

    def _explain(self, exc: Exception) -> str:
        from botocore.exceptions import NoCredentialsError

        if isinstance(exc, NoCredentialsError):
            return (f"no credential for {self.url}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or AWS_PROFILE, "
                    f"or keep one in the keyring with `taltio-admin credentials set --store {self.url}`")
        return str(exc)

    def _k(self, key: str) -> str:
        return f"{self.prefix}/{key}" if self.prefix else key

    def _rel(self, full: str) -> str:
        return full[len(self.prefix) + 1:] if self.prefix else full

    def _call(self, what: str, key: str, fn, **kw):  # noqa: ANN001, ANN202
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return fn(Bucket=self.bucket, **kw)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code in ("NoSuchKey", "404", "NotFound"):
                raise StoreError(f"{key} is not in {self.url}") from None
            if code in ("AccessDenied", "403"):
                raise StoreError(f"{what} {key}: access denied; the credential needs read access to {self.url}") from None
            raise StoreError(f"{what} {key}: {code or exc}") from None
        except BotoCoreError as exc:
            raise StoreError(f"{what} {key}: {self._explain(exc)}") from None

    def list(self, prefix: str = "") -> Iterator[ObjectInfo]:
        paginator = self.client.get_paginator("list_objects_v2")
        try:
            for page in paginator.paginate(Bucket=self.bucket, Prefix=self._k(prefix)):
                for o in page.get("Contents", []):
                    yield ObjectInfo(self._rel(o["Key"]), o["Size"], o.get("LastModified"))
        except Exception as exc:  # noqa: BLE001 - botocore's errors come as several types
            raise StoreError(f"cannot list {self.url}/{prefix}: {self._explain(exc)}") from None

    def folders(self, prefix: str = "") -> list[str]:
        """On a versioned bucket from the version listing: a folder whose every object a delete marker hides
        (an agent's whole prefix) is not in a plain listing's CommonPrefixes."""
        full = "/".join(x for x in (self.prefix, prefix.strip("/")) if x)
        full = f"{full}/" if full else ""
        how = "list_object_versions" if self.versioned() else "list_objects_v2"
        try:
            out = []
            for page in self.client.get_paginator(how).paginate(Bucket=self.bucket, Prefix=full, Delimiter="/"):
                out += [p["Prefix"][len(full):].strip("/") for p in page.get("CommonPrefixes", [])]
        except Exception as exc:  # noqa: BLE001 - botocore's errors come as several types
            if how == "list_object_versions" and _refused(exc):
                log.warning(_NO_VERSIONS, self.url, self._explain(exc))
                self._versioned = False
                return self.folders(prefix)
            raise StoreError(f"cannot list {self.url}/{prefix}: {self._explain(exc)}") from None
        return out

    def versioned(self) -> bool:
        """Whether the bucket keeps versions (Enabled, or Suspended: the old ones stay), asked once. Only then
        can a delete marker hide an object. A bucket that will not say counts as versioned: listing versions
        costs a little more than a plain listing, missing a hidden call costs the evidence."""
        if self._versioned is None:
            try:
                status = self.client.get_bucket_versioning(Bucket=self.bucket).get("Status")
                self._versioned = status in ("Enabled", "Suspended")
            except Exception:  # noqa: BLE001 - not allowed, or not supported
                log.debug("cannot tell whether %s keeps versions", self.url, exc_info=True)
                self._versioned = True
        return self._versioned

    def list_stored(self, prefix: str = "") -> Iterator[ObjectInfo]:
        """ListObjectVersions instead of ListObjectsV2 on a versioned bucket (the same number of requests where
        each object has one version), grouped by key across pages. Size and time are the first version's (the
        one every read goes to); a key with only delete markers has nothing stored and is left out."""
        if not self.versioned():
            yield from self.list(prefix)
            return
        key: str | None = None
        found: tuple[list[dict], list[dict]] = ([], [])
        started = False
        try:
            pages = {"PaginationConfig": {"PageSize": self.PAGE_SIZE}} if self.PAGE_SIZE else {}
            for page in self.client.get_paginator("list_object_versions").paginate(Bucket=self.bucket,
                                                                                 Prefix=self._k(prefix), **pages):
                started = True
                for k, versions, markers in _by_key(page):
                    if k != key:
                        if key is not None and (obj := self._stored(key, *found)):
                            yield obj
                        key, found = k, ([], [])
                    found[0].extend(versions)
                    found[1].extend(markers)
        except Exception as exc:  # noqa: BLE001 - botocore's errors come as several types
            if started or not _refused(exc):
                raise StoreError(f"cannot list {self.url}/{prefix}: {self._explain(exc)}") from None
            log.warning(_NO_VERSIONS, self.url, self._explain(exc))
            self._versioned = False
            yield from self.list(prefix)
            return
        if key is not None and (obj := self._stored(key, *found)):
            yield obj

    def _stored(self, full: str, versions: list[dict], markers: list[dict]) -> ObjectInfo | None:
        if not versions:
            return None
        ordered = _oldest_first(versions)
        ids = tuple(v["VersionId"] for v in ordered if v.get("VersionId") not in (None, "null"))
        rel, deleted = self._rel(full), any(m.get("IsLatest") for m in markers)
        # What versions() would list for this key again: kept, so verifying a listed call asks only once.
        self._versions[rel], self._deleted[rel] = list(ids), deleted
        return ObjectInfo(rel, ordered[0]["Size"], ordered[0].get("LastModified"), ids, deleted)

    def versions(self, key: str) -> list[str]:
        if key not in self._versions:         # a key with nothing listed yet is looked up again
            full, found, markers = self._k(key), [], []
            try:
                for page in self.client.get_paginator("list_object_versions").paginate(Bucket=self.bucket,
                                                                                     Prefix=full):
                    found += [v for v in page.get("Versions", []) if v["Key"] == full]
                    markers += [m for m in page.get("DeleteMarkers", []) if m["Key"] == full]
            except Exception:  # noqa: BLE001 - not allowed or not supported: read the latest, as before
                log.debug("cannot list the versions of %s", key, exc_info=True)
                found, markers = [], []
            self._deleted[key] = bool(found) and any(m.get("IsLatest") for m in markers)
            found = _oldest_first(found)
            ids = [v["VersionId"] for v in found if v.get("VersionId") not in (None, "null")]
            if not found:
                return ids                    # not there (yet), or not listable: not cached
            # Cached once listed, an unversioned object's [] too: every read asks for its first version,
            # and without this each read of an unversioned bucket would list its versions again.
            self._versions[key] = ids
        return self._versions[key]

    def deleted(self, key: str) -> bool:
        self.versions(key)
        return self._deleted.get(key, False)

    def _first(self, key: str) -> dict:
        """Where to read *key*: its first version, the one stored when the call was made. An overwrite (a
        put-only agent key on a store with no write-once condition, issue 19.1) adds a later version, and
        reading the latest would verify, play and export the forgery; the original is what the evidence is."""
        ids = self.versions(key) if self.first_versions else []
        return {"Key": self._k(key), **({"VersionId": ids[0]} if ids else {})}

    def get(self, key: str) -> bytes:
        return self._call("reading", key, self.client.get_object, **self._first(key))["Body"].read()

    def open(self, key: str) -> BinaryIO:
        return self._call("reading", key, self.client.get_object, **self._first(key))["Body"]

    def info(self, key: str) -> ObjectInfo:
        h = self._call("reading", key, self.client.head_object, **self._first(key))
        return ObjectInfo(key, h["ContentLength"], h.get("LastModified"))

    def signature(self, key: str) -> str | None:
        from taltio.adapters.storage import SIGNATURE_METADATA

        h = self._call("reading", key, self.client.head_object, **self._first(key))
        one_line = (h.get("Metadata") or {}).get(SIGNATURE_METADATA)
        if one_line:
            try:
                return sshsig.from_header(one_line)
            except sshsig.SignatureError as exc:
                raise StoreError(f"{key}: the signature in its metadata is unreadable ({exc})") from None
        try:
            return self.get(f"{key}.sig").decode()
        except StoreError:
            return None

    def lock(self, key: str) -> LockInfo:
        h = self._call("reading", key, self.client.head_object, **self._first(key))
        hold = h.get("ObjectLockLegalHoldStatus")
        return LockInfo(h.get("ObjectLockMode"), h.get("ObjectLockRetainUntilDate"),
                        None if hold is None else hold == "ON")

    def put(self, key: str, body: bytes, content_type: str = "application/octet-stream") -> None:
        import hashlib
        import base64

        self._call("writing", key, self.client.put_object, Key=self._k(key), Body=body, ContentType=content_type,
                   ChecksumSHA256=base64.b64encode(hashlib.sha256(body).digest()).decode(), IfNoneMatch="*")

    def set_legal_hold(self, key: str, on: bool) -> None:
        """On every version: a hold on the latest alone would leave an overwritten original unheld."""
        for vid in self.versions(key) or [None]:
            self._call("setting the legal hold of", key, self.client.put_object_legal_hold, Key=self._k(key),
                       LegalHold={"Status": "ON" if on else "OFF"}, **({"VersionId": vid} if vid else {}))


# What was done to an object after it was stored (issue 19.1), in the words verify, the audit check and the
# listing all use, so a supervisor meets one phrase for one thing.
DELETED_AFTER = "deleted after it was stored"
OVERWRITTEN_AFTER = "overwritten after it was stored"

_NO_VERSIONS = ("cannot list the versions in %s (%s): listing without them, so a call a delete marker hides is "
                "not shown; the credential needs s3:ListBucketVersions")


def _refused(exc: Exception) -> bool:
    """The server will not list versions for this credential (or at all): worth a plain listing. Any other error
    (no such bucket, no connection) would fail that too, and is reported as it is."""
    code = str(getattr(exc, "response", {}).get("Error", {}).get("Code", ""))
    return code in ("AccessDenied", "403", "NotImplemented", "501", "MethodNotAllowed", "405")


def _oldest_first(versions: list[dict]) -> list[dict]:
    """S3 lists a key's versions newest first; LastModified has one-second resolution on some stores, so the
    listing's order breaks ties."""
    return [v for _, v in sorted(enumerate(versions), key=lambda nv: (nv[1].get("LastModified"), -nv[0]))]


def _by_key(page: dict) -> list[tuple[str, list[dict], list[dict]]]:
    """One ListObjectVersions page as (key, versions, delete markers), in key order; each list in the listing's
    order (newest first). A key's entries may go on in the next page."""
    groups: dict[str, tuple[list[dict], list[dict]]] = {}
    for v in page.get("Versions", []):
        groups.setdefault(v["Key"], ([], []))[0].append(v)
    for m in page.get("DeleteMarkers", []):
        groups.setdefault(m["Key"], ([], []))[1].append(m)
    return [(k, *groups[k]) for k in sorted(groups)]


def open_store(url: str, endpoint: str | None = None, *, credentials: bool = True,
               first_versions: bool = True) -> Store:
    """``s3://BUCKET/PREFIX`` (the storage.url the agents upload to) or ``file:///FOLDER``.

    *credentials* False: do not look in the keyring (for the command that puts a credential there).
    *first_versions* False: read the latest version (a heartbeat, overwritten by design), not the first."""
    u = urlparse(url)
    if u.scheme == "s3" and u.netloc:
        return S3Store(u.netloc, u.path, endpoint, use_keyring=credentials, first_versions=first_versions)
    if u.scheme == "file":
        return FolderStore(Path(u.path))
    if not u.scheme and url:
        return FolderStore(Path(url))
    raise StoreError(f"'{url}' is not a store: give s3://BUCKET/PREFIX (the agents' storage.url) or file:///FOLDER")
