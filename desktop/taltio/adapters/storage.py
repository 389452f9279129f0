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
import threading
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlparse

from ..core.segments import sha256_file

log = logging.getLogger("taltio.storage")


MIB = 1024 * 1024
UNVERIFIED = "!storage-does-not-verify-checksums"    # journal entry: set once, never cleared by the app
SMALL_BODY = 2 * MIB
RESPONSE_TIMEOUT_S = 7          # socket silence before a request is given up (botocore's read_timeout)
#: The user-metadata name (``x-amz-meta-sshsig``) that carries a manifest's signature in S3.
SIGNATURE_METADATA = "sshsig"
_CLIENT_LOCK = threading.Lock()


class UploadJournal(Protocol):
    """Where a multipart upload's id is kept between attempts and restarts (the upload queue's database)."""

    def load(self, key: str) -> dict | None: ...

    def save(self, key: str, state: dict | None) -> None: ...


def _b64(sha256_hex: str) -> str:
    return base64.b64encode(bytes.fromhex(sha256_hex)).decode()


def _code(exc) -> str:  # noqa: ANN001 - botocore ClientError
    return exc.response.get("Error", {}).get("Code", "")


def _is_412(exc) -> bool:  # noqa: ANN001
    return _code(exc) == "PreconditionFailed" or exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode") == 412


class StorageError(RuntimeError):
    """Storage refused or is unreachable; the message says which and what to check.

    ``waited`` is set when the attempt ended in a timeout: it has already spent its wait, so the
    queue tries again at once instead of backing off on top (uploads resume within seconds of the
    network coming back, not a timeout plus a backoff later).
    """

    def __init__(self, message: str, *, waited: bool = False) -> None:
        super().__init__(message)
        self.waited = waited


class PutResult(enum.Enum):
    STORED = "stored"
    EXISTS = "exists"


class StorageTarget(ABC):
    @abstractmethod
    def put(self, key: str, path: Path, sha256_hex: str, journal: UploadJournal | None = None, *,
            signature: bytes | None = None) -> PutResult:
        """Store *path* under *key* exactly once; EXISTS when it already is (a retry). Raises StorageError.

        *signature* (a manifest's SSH signature) is stored with the object in the same write: in S3
        as the object's ``x-amz-meta-sshsig`` (one line, :func:`taltio.core.sshsig.to_header`), in a
        folder as ``<key>.sig`` beside it. A manifest is then never in storage without its signature.
        """

    def stored(self, key: str, sha256_hex: str, journal: UploadJournal | None = None) -> bool:
        """Whether *key* is already in storage (with a put-only credential where needed)."""
        raise StorageError(f"{self.describe()} cannot tell whether {key} is stored")

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

    def get_if_changed(self, key: str, etag: str | None = None) -> tuple[bytes | None, str | None]:
        """Read a small document (a supervisor policy) unless it is unchanged since *etag*.

        Returns (data, etag) when it changed or *etag* is None; (None, etag) when it is unchanged
        (a conditional GET answered 304); (None, None) when there is no such document. Raises
        StorageError when storage refuses or cannot be reached."""
        raise StorageError(f"{self.describe()} cannot read documents")


class FolderTarget(StorageTarget):
    def __init__(self, root: Path) -> None:
        self.root = root

    def describe(self) -> str:
        return f"folder {self.root}"

    def put(self, key: str, path: Path, sha256_hex: str, journal: UploadJournal | None = None, *,
            signature: bytes | None = None) -> PutResult:
        dest = self.root / key
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            if signature is not None:
                # A folder has no object metadata: the signature goes beside the file, first, so a
                # manifest is never there without it (the same layout as the call folder), stored
                # write-once the same way as any file.
                src = dest.with_name(f".{dest.name}.sig.{os.getpid()}.src")
                src.write_bytes(signature)
                try:
                    self.put(f"{key}.sig", src, hashlib.sha256(signature).hexdigest())
                finally:
                    src.unlink(missing_ok=True)
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
                return self.put(key, path, sha256_hex, journal)
            except OSError:
                os.replace(part, dest)     # shares without hard links (SMB)
            part.unlink(missing_ok=True)
            return PutResult.STORED
        except StorageError:
            raise
        except OSError as exc:
            raise StorageError(f"cannot write to {self.root}: {exc.strerror or exc}") from None

    def stored(self, key: str, sha256_hex: str, journal: UploadJournal | None = None) -> bool:
        dest = self.root / key
        try:
            return dest.exists() and sha256_file(dest) == sha256_hex
        except OSError as exc:
            raise StorageError(f"cannot read {self.root}: {exc.strerror or exc}") from None

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

    def get_if_changed(self, key: str, etag: str | None = None) -> tuple[bytes | None, str | None]:
        """<root>/<key>; the etag is the file's inode, size and modification time, so an unchanged
        file is not read again (documents are replaced whole, never edited in place)."""
        path = self.root / key
        try:
            st = path.stat()
            tag = f"{st.st_ino:x}-{st.st_size:x}-{st.st_mtime_ns:x}"
            if etag is not None and tag == etag:
                return None, etag
            with open(path, "rb") as fh:
                data = fh.read(MAX_DOCUMENT + 1)
                after = os.fstat(fh.fileno())
        except FileNotFoundError:
            return None, None
        except OSError as exc:
            raise StorageError(f"cannot read {key} from {self.root}: {exc.strerror or exc}") from None
        return data, f"{after.st_ino:x}-{after.st_size:x}-{after.st_mtime_ns:x}"


# Largest document get_if_changed reads whole (a policy is a few KB; more is cut and then refused).
MAX_DOCUMENT = 1 * MIB


def _no_expect_for_small_bodies(model, params, **_kw) -> None:
    if model.name in ("PutObject", "UploadPart") and params.get("headers", {}).get("Expect"):
        size = params["headers"].get("Content-Length")
        body = params.get("body")
        if size is None and hasattr(body, "getbuffer"):
            size = body.getbuffer().nbytes
        if size is not None and int(size) < SMALL_BODY:
            del params["headers"]["Expect"]


class S3Target(StorageTarget):
    def __init__(self, bucket: str, prefix: str, endpoint: str | None, region: str, access_key: str,
                 secret: str | None, probe_key: str = "", *, ca_bundle: str = "", use_os_trust_store: bool = True,
                 proxy: str = "", insecure_tls: bool = False) -> None:
        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self._probe_key = self._full(probe_key or "taltio-probe")
        self.endpoint = endpoint or None
        self.region = region
        self.access_key = access_key
        self._secret = secret
        self._client = None
        # Transport (docs/storage-network.md): TLS is always verified, against the OS trust store
        # and/or ca_bundle; insecure_tls (storage.dev_insecure_tls) is for development only.
        self.ca_bundle = ca_bundle
        self.use_os_trust_store = use_os_trust_store
        self.proxy = proxy
        self.insecure_tls = insecure_tls

    def describe(self) -> str:
        return f"s3://{self.bucket} at {self.endpoint or 'AWS'}"

    @property
    def client(self):
        # boto3 costs ~0.3 s to import and configure: only when first needed. Several upload
        # workers may ask at once; one client (thread-safe) serves them all.
        with _CLIENT_LOCK:
            return self._client or self._make_client()

    def _make_client(self):
        if self._client is None:
            if not self.access_key or not self._secret:
                raise StorageError("no S3 credentials: set storage.access_key_id and store the secret with "
                                   "`taltio enroll` (or TALTIO_S3_SECRET)")
            import boto3
            from botocore.config import Config

            verify = tls_verify_value(self.ca_bundle, self.use_os_trust_store, self.insecure_tls)
            if verify is False:
                log.warning("TLS CERTIFICATE VERIFICATION IS OFF for storage at %s (storage.dev_insecure_tls): "
                            "ANYONE ON THE NETWORK PATH CAN READ AND CHANGE UPLOADS. DEVELOPMENT ONLY: remove "
                            "it from the machine config.", self.endpoint or "AWS")
            client = boto3.client(
                "s3", endpoint_url=self.endpoint, region_name=self.region,
                aws_access_key_id=self.access_key, aws_secret_access_key=self._secret,
                verify=verify,
                # No SigV4 hash of the body: the x-amz-checksum-sha256 header (which is signed) already
                # binds the body, and storage verifies it; hashing twice cost a full pass per upload.
                config=Config(signature_version="s3v4",
                              s3={"addressing_style": "path", "payload_signing_enabled": False},
                              retries={"mode": "standard", "total_max_attempts": 2},
                              # Every request is built here from known-good values; botocore's schema walk
                              # of each one is pure per-request CPU in a backlog drain.
                              parameter_validation=False,
                              max_pool_connections=20,      # up to 16 upload workers share this client
                              # A request whose connection died mid-flight (sleep, a roam, a VPN
                              # reconnect) is given up after RESPONSE_TIMEOUT_S of silence and retried
                              # at once: uploads resume within 10 s of the network coming back.
                              # Storage answers a PUT in well under a second; a slow one is retried,
                              # and If-None-Match turns a retry of a stored object into a 412.
                              connect_timeout=3, read_timeout=RESPONSE_TIMEOUT_S,
                              request_checksum_calculation="when_required",
                              response_checksum_validation="when_required",
                              proxies=proxies_for(self.endpoint, self.proxy)))
            if verify is not False and self.use_os_trust_store:
                _use_os_trust_store(client, verify)
            # A certificate problem is never transient: every call (single put, multipart,
            # probe, heartbeat) ends in a StorageError that says what to do.
            endpoint = self.endpoint

            def _tls_failure(exception: BaseException, **_kw) -> None:
                if _ssl_error_in(exception) is not None:
                    raise StorageError(describe_transport_error(exception, endpoint)) from None

            client.meta.events.register("after-call-error.s3", _tls_failure)
            # botocore asks for "100 Continue" before every PutObject body (it wraps bytes in a file),
            # so each upload waits a round trip plus storage's header checks before sending a byte.
            # Worth it for a big body storage may refuse (a 412 retry, a revoked key); not for a
            # manifest or a short call. Last, so it runs after botocore's own handler.
            client.meta.events.register_last("before-call.s3", _no_expect_for_small_bodies)
            self._client = client
        return self._client

    # Files from this size on go up in parts (a long call on a flaky network need not start over);
    # set from storage.multipart_threshold_mb / storage.part_size_mb by app_core.
    multipart_threshold: int = 16 * MIB
    part_size: int = 8 * MIB

    unverified = False      # set for good once storage is caught storing what does not match its checksum

    def _refuse_if_unverified(self, journal: UploadJournal | None = None) -> None:
        if journal is not None and journal.load(UNVERIFIED) is not None:
            self.unverified = True          # remembered across restarts (the queue database)
        if self.unverified:
            raise StorageError(f"{self.describe()} stored an object that did not match its checksum: nothing more is "
                               "uploaded, and every local copy is kept, until IT checks the storage (it must verify "
                               "x-amz-checksum-sha256)")

    def put(self, key: str, path: Path, sha256_hex: str, journal: UploadJournal | None = None, *,
            signature: bytes | None = None) -> PutResult:
        self._refuse_if_unverified(journal)
        key = self._full(key)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise StorageError(f"cannot read {path.name} for upload: {exc.strerror or exc}") from None
        meta = {}
        if signature is not None:
            from ..core.sshsig import SignatureError, to_header

            try:
                meta[SIGNATURE_METADATA] = to_header(signature)
            except SignatureError as exc:
                raise StorageError(f"the signature of {path.name} is unreadable ({exc}); it cannot be uploaded") \
                    from None
        if size >= self.multipart_threshold:
            return self._put_multipart(key, path, size, sha256_hex, journal, meta)
        return self._put_single(key, path, sha256_hex, meta)

    def _put_single(self, key: str, path: Path, sha256_hex: str, meta: dict[str, str]) -> PutResult:
        from botocore.exceptions import BotoCoreError, ClientError

        # The checksum is not optional: SeaweedFS 4.48 stores an *empty* object when a
        # PUT without one is cut before its body, and the If-None-Match retry would
        # then see 412 and believe the recording stored (tests/test_s3_fixture.py).
        b64 = _b64(sha256_hex)
        try:
            with open(path, "rb") as fh:
                # A small file is read whole (its "Expect: 100-continue" is dropped: see _make_client);
                # a big one streams from the file.
                body = fh.read() if path.stat().st_size < SMALL_BODY else fh
                resp = self.client.put_object(Bucket=self.bucket, Key=key, Body=body, ChecksumSHA256=b64,
                                              IfNoneMatch="*", **({"Metadata": meta} if meta else {}))
        except ClientError as exc:
            if _is_412(exc):
                return PutResult.EXISTS
            raise self._refused(key, exc) from None
        except (BotoCoreError, OSError) as exc:
            raise self._unreachable(exc) from None
        echoed = resp.get("ChecksumSHA256")
        if echoed and echoed != b64:
            raise StorageError(f"storage stored {key} with a different checksum")
        return PutResult.STORED

    # -- multipart -------------------------------------------------------------
    def _put_multipart(self, key: str, path: Path, size: int, sha256_hex: str,
                       journal: UploadJournal | None, meta: dict[str, str]) -> PutResult:
        """Create (or resume) a multipart upload, send the parts storage lacks, complete it write-once.

        Resuming trusts storage, not memory: ListParts says which parts arrived, and each
        is re-checked against the local file (size, and the ETag, which is the part's MD5).
        The upload id is journalled before the first part, so a crash anywhere resumes the
        same upload; one left behind (a crash between create and journal) is aborted by the
        bucket's lifecycle rule (`taltio-admin storage init`).
        """
        from botocore.exceptions import BotoCoreError, ClientError

        part_size = max(self.part_size, 5 * MIB)          # S3's minimum for every part but the last
        count = -(-size // part_size)
        try:
            state = journal.load(key) if journal else None
            if state and (state.get("size"), state.get("part_size"), state.get("sha256")) != \
                    (size, part_size, sha256_hex):
                self._abort(key, state["upload_id"])          # the file or the part size changed: start over
                state = None
            for _ in range(2):
                if state is None:
                    up = self.client.create_multipart_upload(Bucket=self.bucket, Key=key, ChecksumAlgorithm="SHA256",
                                                             **({"Metadata": meta} if meta else {}))
                    if not up.get("UploadId"):
                        # Seen when a dropped connection left botocore an empty body to parse.
                        raise StorageError(f"storage gave no upload id for {key.rsplit('/', 1)[-1]} (the answer "
                                           "was cut off); retrying")
                    state = {"upload_id": up["UploadId"], "size": size, "part_size": part_size, "sha256": sha256_hex}
                    if journal:
                        journal.save(key, state)
                    listed: dict[int, dict] = {}
                    break
                try:
                    listed = self._list_parts(key, state["upload_id"])
                    break
                except ClientError as exc:
                    if _code(exc) != "NoSuchUpload":
                        raise
                # The upload is gone: completed before a crash (the object exists), or aborted.
                if self._exists(key, sha256_hex, journal):
                    if journal:
                        journal.save(key, None)
                    return PutResult.EXISTS
                state = None
            parts = []
            with open(path, "rb") as fh:
                for number in range(1, count + 1):
                    data = fh.read(part_size)
                    digest = hashlib.sha256(data).digest()
                    md5 = '"' + hashlib.md5(data, usedforsecurity=False).hexdigest() + '"'
                    have = listed.get(number)
                    # A listed part is ours if storage's ETag is the one it gave us for this part (kept in the
                    # journal; storage checked its SHA-256 then), or the MD5 of the local bytes (plain S3 and
                    # SeaweedFS; with SSE-KMS/SSE-C an ETag is not an MD5, so the journal is what counts).
                    known = (state.get("etags") or {}).get(str(number))
                    if have and have["Size"] == len(data) and have["ETag"] in (known, md5):
                        etag = have["ETag"]
                    else:
                        resp = self.client.upload_part(Bucket=self.bucket, Key=key, UploadId=state["upload_id"],
                                                       PartNumber=number, Body=data,
                                                       ChecksumSHA256=base64.b64encode(digest).decode())
                        etag = resp.get("ETag") or md5
                        state.setdefault("etags", {})[str(number)] = etag
                        if journal:
                            journal.save(key, state)
                    parts.append({"PartNumber": number, "ETag": etag,
                                  "ChecksumSHA256": base64.b64encode(digest).decode(), "_digest": digest})
            composite = base64.b64encode(hashlib.sha256(b"".join(p.pop("_digest") for p in parts)).digest()).decode()
            try:
                resp = self.client.complete_multipart_upload(
                    Bucket=self.bucket, Key=key, UploadId=state["upload_id"], MultipartUpload={"Parts": parts},
                    IfNoneMatch="*")
            except ClientError as exc:
                if not _is_412(exc):
                    raise
                result = PutResult.EXISTS                   # completed by an earlier attempt whose answer was lost
            else:
                echoed = (resp.get("ChecksumSHA256") or "").split("-")[0]
                if echoed and echoed != composite:
                    raise StorageError(f"storage assembled {key.rsplit('/', 1)[-1]} with a different checksum")
                result = PutResult.STORED
            if journal:
                journal.save(key, None)
            return result
        except ClientError as exc:
            raise self._refused(key, exc) from None
        except (BotoCoreError, OSError) as exc:
            raise self._unreachable(exc) from None

    def _list_parts(self, key: str, upload_id: str) -> dict[int, dict]:
        parts: dict[int, dict] = {}
        marker = 0
        while True:
            resp = self.client.list_parts(Bucket=self.bucket, Key=key, UploadId=upload_id, PartNumberMarker=marker)
            for p in resp.get("Parts", []):
                parts[p["PartNumber"]] = p
            if not resp.get("IsTruncated"):
                return parts
            marker = resp["NextPartNumberMarker"]

    def _exists(self, key: str, sha256_hex: str, journal: UploadJournal | None = None) -> bool:
        """Whether *key* is stored, with a put-only credential (no GET/HEAD allowed).

        An empty PUT carrying the whole file's checksum and If-None-Match: an existing key
        answers 412 before the body is looked at; a missing one fails the checksum
        (BadDigest) and nothing is stored. Checked against SeaweedFS in tests/test_storage_multipart.py.
        """
        from botocore.exceptions import ClientError

        try:
            self.client.put_object(Bucket=self.bucket, Key=key, Body=b"", ChecksumSHA256=_b64(sha256_hex),
                                   IfNoneMatch="*")
        except ClientError as exc:
            if _is_412(exc):
                return True
            if _code(exc) in ("BadDigest", "XAmzContentSHA256Mismatch", "InvalidDigest"):
                return False
            raise
        # Storage accepted an empty object under the checksum of a non-empty file: it does not verify
        # checksums, and the empty object now holds the key (a retry would see 412 and believe the
        # recording stored). From here on nothing is reported stored, so no local copy is ever deleted.
        self.unverified = True
        if journal is not None:
            journal.save(UNVERIFIED, {"key": key})
        raise StorageError(f"storage accepted an object that did not match its checksum ({key}); it cannot be "
                           "trusted with recordings")

    def stored(self, key: str, sha256_hex: str, journal: UploadJournal | None = None) -> bool:
        from botocore.exceptions import BotoCoreError, ClientError

        self._refuse_if_unverified(journal)
        try:
            return self._exists(self._full(key), sha256_hex, journal)
        except ClientError as exc:
            raise self._refused(key, exc) from None
        except (BotoCoreError, OSError) as exc:
            raise self._unreachable(exc) from None

    def _abort(self, key: str, upload_id: str) -> None:
        try:
            self.client.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload_id)
        except Exception as exc:  # noqa: BLE001 - best effort; the lifecycle rule removes it otherwise
            log.info("could not abort an old multipart upload of %s: %s", key.rsplit("/", 1)[-1], type(exc).__name__)

    def _refused(self, key: str, exc) -> StorageError:  # noqa: ANN001 - botocore ClientError
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        return StorageError(f"storage refused {key.rsplit('/', 1)[-1]}: {_code(exc) or status} "
                            f"{exc.response.get('Error', {}).get('Message', '')}".strip())

    def _unreachable(self, exc: BaseException) -> StorageError:
        from botocore.exceptions import ConnectTimeoutError, ReadTimeoutError

        return StorageError(describe_transport_error(exc, self.endpoint),
                            waited=isinstance(exc, (ConnectTimeoutError, ReadTimeoutError)))

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
            raise self._unreachable(exc) from None
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
        try:
            self.client.put_object(Bucket=bucket, Key=key, Body=data, ChecksumSHA256=_b64(hashlib.sha256(data).hexdigest()),
                                   ContentType="application/json")
        except ClientError as exc:
            code = _code(exc) or str(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", ""))
            hint = {"AccessDenied": f"the agent's key needs s3:PutObject on arn:aws:s3:::{bucket}/{key}",
                    "NoSuchBucket": f"create the fleet bucket {bucket} (no Object Lock) or set fleet.bucket"}
            raise StorageError(f"s3://{bucket} refused {key}: {code}"
                               + (f"; {hint[code]}" if code in hint else "")) from None
        except (BotoCoreError, OSError) as exc:
            raise self._unreachable(exc) from None

    def get_if_changed(self, key: str, etag: str | None = None) -> tuple[bytes | None, str | None]:
        """GetObject with If-None-Match: 304 -> unchanged, 404 -> no document. The agent's key may
        GET policy/* only (taltio.admin_storage.agent_policy)."""
        from botocore.exceptions import BotoCoreError, ClientError

        kw = {"IfNoneMatch": etag} if etag else {}
        try:
            resp = self.client.get_object(Bucket=self.bucket, Key=self._full(key), **kw)
            with resp["Body"] as body:
                data = body.read(MAX_DOCUMENT + 1)
            return data, resp.get("ETag") or None
        except ClientError as exc:
            status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
            code = _code(exc)
            if status == 304 or code in ("304", "NotModified"):
                return None, etag
            if status == 404 or code in ("NoSuchKey", "404"):
                return None, None
            hint = {"AccessDenied": f"the agent's key needs s3:GetObject on arn:aws:s3:::{self.bucket}/"
                                   f"{self._full('*')}",
                    "NoSuchBucket": f"bucket {self.bucket} does not exist; check policy.url"}
            raise StorageError(f"s3://{self.bucket} refused reading {self._full(key)}: {code or status}"
                               + (f"; {hint[code]}" if code in hint else "")) from None
        except (BotoCoreError, OSError) as exc:
            raise self._unreachable(exc) from None

    def _full(self, key: str) -> str:
        return f"{self.prefix}/{key}" if self.prefix else key


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


def _s3_like(base: S3Target, bucket: str, prefix: str) -> S3Target:
    t = S3Target(bucket, prefix, base.endpoint, base.region, base.access_key, base._secret,
                 ca_bundle=base.ca_bundle, use_os_trust_store=base.use_os_trust_store, proxy=base.proxy,
                 insecure_tls=base.insecure_tls)
    return t


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


# --------------------------------------------------------------------------- transport: proxy and TLS


def mask_proxy(url: str) -> str:
    """The proxy URL without its password (http://user:***@host:port)."""
    u = urlparse(url)
    if u.password is None:
        return url
    return u._replace(netloc=f"{u.username}:***@{u.netloc.rpartition('@')[2]}").geturl()


def proxies_for(endpoint: str | None, proxy: str = "") -> dict[str, str] | None:
    """botocore's ``proxies`` for *endpoint*: None lets botocore read HTTPS_PROXY/HTTP_PROXY/NO_PROXY
    (and the OS proxy settings on Windows/macOS) as usual; a storage.proxy is used for both
    schemes unless NO_PROXY exempts the endpoint; {} means direct."""
    if not proxy:
        return None
    from botocore.utils import should_bypass_proxies

    if endpoint and should_bypass_proxies(endpoint):
        return {}
    return {"http": proxy, "https": proxy}


def transport_summary(endpoint: str | None, ca_bundle: str = "", use_os_trust_store: bool = True,
                      proxy: str = "", insecure_tls: bool = False) -> str:
    """How storage is reached, for `taltio doctor` (proxy passwords masked, no secrets)."""
    from urllib.request import getproxies

    from botocore.utils import should_bypass_proxies

    if endpoint and endpoint.startswith("http://"):
        tls = "plain HTTP, no TLS (storage.endpoint is http://)"
    elif insecure_tls:
        tls = "TLS NOT VERIFIED (storage.dev_insecure_tls)"
    else:
        trust = [t for t in ("OS trust store" if use_os_trust_store else "",
                             f"storage.ca_bundle {ca_bundle}" if ca_bundle else "") if t]
        tls = "TLS verified against " + (" + ".join(trust) or "the CA list shipped with Taltio")
    url = endpoint or "https://s3.amazonaws.com"
    configured, source = (proxy, "storage.proxy") if proxy else \
        (getproxies().get(urlparse(url).scheme or "https", ""), "environment")
    if not configured:
        route = "direct (no proxy)"
    elif should_bypass_proxies(url):
        route = f"direct (NO_PROXY exempts {urlparse(url).hostname})"
    else:
        route = f"proxy {mask_proxy(configured)} (from {source})"
    return f"{tls}; {route}"


def tls_verify_value(ca_bundle: str, use_os_trust_store: bool, insecure: bool) -> str | bool:
    """botocore's ``verify``: False only for storage.dev_insecure_tls; the CA bundle path when set
    (checked here, so a wrong file is a clear error rather than a failed handshake); else True."""
    if insecure:
        return False
    if not ca_bundle:
        return True
    import ssl

    try:
        with open(ca_bundle, "rb") as fh:
            text = fh.read()
    except OSError as exc:
        raise StorageError(f"storage.ca_bundle {ca_bundle} cannot be read ({exc.strerror or exc}); put the "
                           "organisation's CA certificate (PEM) there or fix the setting") from None
    if b"-----BEGIN CERTIFICATE-----" not in text:
        raise StorageError(f"storage.ca_bundle {ca_bundle} holds no PEM certificate (no '-----BEGIN "
                           "CERTIFICATE-----'); export the CA as PEM (Base64), not DER") from None
    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).load_verify_locations(cafile=ca_bundle)
    except ssl.SSLError as exc:
        raise StorageError(f"storage.ca_bundle {ca_bundle} is not a usable PEM CA file ({exc.reason or exc})") \
            from None
    return ca_bundle


def _use_os_trust_store(client, verify: str | bool) -> None:  # noqa: ANN001 - a boto3 S3 client
    """Make *client* verify against the OS trust store (the ``truststore`` package: Windows
    CryptoAPI, macOS Security framework, OpenSSL's system CA list on Linux), plus *verify* when it
    is a CA bundle path. botocore has no option for it, so the client's HTTP session is replaced by
    one whose SSL context comes from truststore; everything else is built from the client's config."""
    import socket
    import ssl

    import truststore
    from botocore.httpsession import URLLib3Session
    from botocore.utils import get_environ_proxies

    class OSTrustSession(URLLib3Session):
        def _get_ssl_context(self):  # noqa: ANN202
            ctx = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.options |= ssl.OP_NO_COMPRESSION | ssl.OP_NO_TICKET
            return ctx

        def _setup_ssl_cert(self, conn, url, verify):  # noqa: ANN001, ANN202
            super()._setup_ssl_cert(conn, url, verify)
            if verify is True:
                conn.ca_certs = None     # the OS store alone, not the CA list botocore ships

    cfg = client.meta.config
    proxies = cfg.proxies if cfg.proxies is not None else get_environ_proxies(client.meta.endpoint_url)
    session = OSTrustSession(verify=verify, proxies=proxies, timeout=(cfg.connect_timeout, cfg.read_timeout),
                             max_pool_connections=cfg.max_pool_connections,
                             socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)],
                             client_cert=cfg.client_cert, proxies_config=cfg.proxies_config)
    endpoint = client._endpoint    # noqa: SLF001 - the only way to give botocore an SSL context
    endpoint.http_session.close()
    endpoint.http_session = session


def _ssl_error_in(exc: BaseException) -> BaseException | None:
    """The ssl.SSLError inside a botocore/urllib3 exception (else their own SSLError), or None."""
    import ssl

    wrapper = None
    for e in _chain(exc):
        if isinstance(e, ssl.SSLError):
            return e
        if wrapper is None and type(e).__name__ == "SSLError":     # botocore's / urllib3's, by name
            wrapper = e
    return wrapper


def _chain(exc: BaseException) -> list[BaseException]:
    """*exc* and every exception it wraps (cause, context, args, urllib3 reason, botocore error)."""
    out: list[BaseException] = []
    todo: list[object] = [exc]
    while todo and len(out) < 50:
        e = todo.pop(0)
        if not isinstance(e, BaseException) or any(e is o for o in out):
            continue
        out.append(e)
        kwargs = getattr(e, "kwargs", None)
        todo += [e.__cause__, e.__context__, getattr(e, "reason", None),
                 kwargs.get("error") if isinstance(kwargs, dict) else None, *getattr(e, "args", ())]
    return out


def describe_transport_error(exc: BaseException, endpoint: str | None) -> str:
    """One sentence for a failure below HTTP (TLS, proxy, connect, timeout): what happened and
    what to do. For put() paths: ``raise StorageError(describe_transport_error(exc, self.endpoint))``."""
    import ssl

    where = endpoint or "AWS"
    err = _ssl_error_in(exc)
    if err is not None:
        text = str(err)
        reason = getattr(err, "verify_message", "") or getattr(err, "reason", "") or text
        if isinstance(err, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in text:
            if getattr(err, "verify_code", 0) in (62, 64) or "mismatch" in str(reason).lower():
                return (f"storage at {where} presented a certificate for another name (CERTIFICATE_VERIFY_FAILED: "
                        f"{reason}): storage.endpoint must use a host name the certificate lists")
            if getattr(err, "verify_code", 0) == 10 or "expired" in str(reason).lower():
                return (f"storage at {where} presented an expired certificate (CERTIFICATE_VERIFY_FAILED: "
                        f"{reason}): renew it on the storage (or check this computer's clock)")
            return (f"storage at {where} presented a certificate this computer does not trust "
                    f"(CERTIFICATE_VERIFY_FAILED: {reason}): set storage.ca_bundle to your organisation's CA, "
                    "or install it in the OS trust store (if a proxy inspects TLS, it is the proxy's CA)")
        return (f"TLS handshake with storage at {where} failed ({reason}): check that storage.endpoint has "
                "the right scheme (https://) and port, and storage.proxy")
    from botocore import exceptions as bx

    detail = _os_reason(exc)
    if isinstance(exc, bx.ProxyConnectionError):
        return (f"cannot reach storage at {where} through proxy {exc.kwargs.get('proxy_url', '')} ({detail}): "
                "check storage.proxy (or HTTPS_PROXY / NO_PROXY)")
    if isinstance(exc, bx.ConnectTimeoutError):
        return f"storage at {where} did not answer in time (connect timeout): check the network and storage.proxy"
    if isinstance(exc, bx.ReadTimeoutError):
        return f"storage at {where} stopped answering (read timeout)"
    if isinstance(exc, bx.EndpointConnectionError):
        return f"storage unreachable at {where}: cannot connect ({detail})"
    if isinstance(exc, bx.ConnectionClosedError):
        return f"storage at {where} closed the connection mid-request"
    return f"storage unreachable at {where}: {type(exc).__name__}"


def _os_reason(exc: BaseException) -> str:
    """The innermost OSError's text (e.g. 'Connection refused'), never a whole repr."""
    texts = [e.strerror for e in _chain(exc) if isinstance(e, OSError) and e.strerror]
    return texts[-1] if texts else type(exc).__name__
