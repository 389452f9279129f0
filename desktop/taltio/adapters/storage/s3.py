"""Storage targets behind one interface: S3-compatible object storage, or a folder.

Objects are write-once: a put never overwrites. If the object is already there
(a retry after a crash or a lost response), the put reports EXISTS, which the
queue treats as done: keys are unique per call, and only this agent can write
under its prefix.
"""
from __future__ import annotations

import base64
import hashlib
import logging
import threading
from pathlib import Path

from taltio.domain.ports import MAX_DOCUMENT, PutResult, StorageError, StorageTarget, UploadJournal
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text
from taltio.adapters.storage.network import _ssl_error_in, _use_os_trust_store, describe_transport_error, os_reason, proxies_for, \
    tls_verify_value

log = logging.getLogger("taltio.storage")


MIB = 1024 * 1024
UNVERIFIED = "!storage-does-not-verify-checksums"    # journal entry: set once, never cleared by the app
SMALL_BODY = 2 * MIB
RESPONSE_TIMEOUT_S = 7          # socket silence before a request is given up (botocore's read_timeout)
#: The user-metadata name (``x-amz-meta-sshsig``) that carries a manifest's signature in S3.
SIGNATURE_METADATA = "sshsig"
_CLIENT_LOCK = threading.Lock()


def _b64(sha256_hex: str) -> str:
    return base64.b64encode(bytes.fromhex(sha256_hex)).decode()


def _code(exc) -> str:  # noqa: ANN001 - botocore ClientError
    return exc.response.get("Error", {}).get("Code", "")


def _is_412(exc) -> bool:  # noqa: ANN001
    return _code(exc) == "PreconditionFailed" or exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode") == 412




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
        return Text(QT_TRANSLATE_NOOP("core", "s3://{bucket} at {endpoint}"), bucket=self.bucket,
                    endpoint=self.endpoint or "AWS")

    @property
    def client(self):
        # boto3 costs ~0.3 s to import and configure: only when first needed. Several upload
        # workers may ask at once; one client (thread-safe) serves them all.
        with _CLIENT_LOCK:
            return self._client or self._make_client()

    def _make_client(self):
        if self._client is None:
            if not self.access_key or not self._secret:
                raise StorageError(Text(QT_TRANSLATE_NOOP("core", "no S3 credentials: set storage.access_key_id "
                                                                  "and store the secret with `taltio enroll` (or "
                                                                  "TALTIO_S3_SECRET)")))
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
            raise StorageError(Text(QT_TRANSLATE_NOOP("core", "{storage} stored an object that did not match its "
                                                              "checksum: nothing more is uploaded, and every local "
                                                              "copy is kept, until IT checks the storage (it must "
                                                              "verify x-amz-checksum-sha256)"),
                                    storage=self.describe()))

    def put(self, key: str, path: Path, sha256_hex: str, journal: UploadJournal | None = None, *,
            signature: bytes | None = None) -> PutResult:
        self._refuse_if_unverified(journal)
        key = self._full(key)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise StorageError(Text(QT_TRANSLATE_NOOP("core", "cannot read {file} for upload: {error}"),
                                    file=path.name, error=os_reason(exc))) from None
        meta = {}
        if signature is not None:
            from taltio.domain.sshsig import SignatureError, to_header

            try:
                meta[SIGNATURE_METADATA] = to_header(signature)
            except SignatureError as exc:
                raise StorageError(Text(QT_TRANSLATE_NOOP("core", "the signature of {file} is unreadable ({error}); "
                                                                  "it cannot be uploaded"),
                                        file=path.name, error=exc.args[0] if exc.args else str(exc))) from None
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
            raise StorageError(Text(QT_TRANSLATE_NOOP("core", "storage stored {key} with a different checksum"),
                                    key=key))
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
            opened = self._open_multipart(key, size, part_size, sha256_hex, journal, meta)
            if opened is None:
                return PutResult.EXISTS
            state, listed = opened
            parts = self._send_parts(key, path, count, part_size, state, listed, journal)
            result = self._complete_multipart(key, state, parts)
            if journal:
                journal.save(key, None)
            return result
        except ClientError as exc:
            raise self._refused(key, exc) from None
        except (BotoCoreError, OSError) as exc:
            raise self._unreachable(exc) from None

    def _open_multipart(self, key: str, size: int, part_size: int, sha256_hex: str,
                        journal: UploadJournal | None, meta: dict[str, str]) -> tuple[dict, dict[int, dict]] | None:
        """The journalled upload and the parts storage has of it, or a new upload; None when the
        upload is gone because it completed before a crash (the object exists)."""
        from botocore.exceptions import ClientError

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
                    raise StorageError(Text(QT_TRANSLATE_NOOP("core", "storage gave no upload id for {file} (the "
                                                                      "answer was cut off); retrying"),
                                            file=key.rsplit("/", 1)[-1]))
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
                return None
            state = None
        return state, listed

    def _send_parts(self, key: str, path: Path, count: int, part_size: int, state: dict,
                    listed: dict[int, dict], journal: UploadJournal | None) -> list[dict]:
        """Every part, in order: a listed one that is ours is kept, the others are uploaded.
        Each entry carries its SHA-256 as ``_digest`` for the composite checksum."""
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
        return parts

    def _complete_multipart(self, key: str, state: dict, parts: list[dict]) -> PutResult:
        """Complete write-once (If-None-Match) and check the composite checksum storage echoes."""
        from botocore.exceptions import ClientError

        composite = base64.b64encode(hashlib.sha256(b"".join(p.pop("_digest") for p in parts)).digest()).decode()
        try:
            resp = self.client.complete_multipart_upload(
                Bucket=self.bucket, Key=key, UploadId=state["upload_id"], MultipartUpload={"Parts": parts},
                IfNoneMatch="*")
        except ClientError as exc:
            if not _is_412(exc):
                raise
            return PutResult.EXISTS                         # completed by an earlier attempt whose answer was lost
        echoed = (resp.get("ChecksumSHA256") or "").split("-")[0]
        if echoed and echoed != composite:
            raise StorageError(Text(QT_TRANSLATE_NOOP("core", "storage assembled {file} with a different checksum"),
                                    file=key.rsplit("/", 1)[-1]))
        return PutResult.STORED

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
        raise StorageError(Text(QT_TRANSLATE_NOOP("core", "storage accepted an object that did not match its "
                                                          "checksum ({key}); it cannot be trusted with recordings"),
                                key=key))

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
        # The storage's own message (English, its vendor's words) goes to the log; the agent gets the code
        # and what it means.
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        code = _code(exc) or str(status or "")
        log.info("storage refused %s: %s %s", key.rsplit("/", 1)[-1], code, exc.response.get("Error", {}).get("Message", ""))
        hint = _REFUSAL_HINTS.get(code)
        return StorageError(Text(QT_TRANSLATE_NOOP("core", "storage refused {file}: {code}; {hint}"),
                                 file=key.rsplit("/", 1)[-1], code=code, hint=Text(hint)) if hint else
                            Text(QT_TRANSLATE_NOOP("core", "storage refused {file}: {code}"),
                                 file=key.rsplit("/", 1)[-1], code=code))

    def _unreachable(self, exc: BaseException) -> StorageError:
        from botocore.exceptions import ConnectTimeoutError, ReadTimeoutError

        return StorageError(describe_transport_error(exc, self.endpoint),
                            waited=isinstance(exc, (ConnectTimeoutError, ReadTimeoutError)))

    def check(self) -> str:
        """Agents may only put, so a tiny probe object proves reachability; create-only like every write (the AWS
        agent policy refuses a put without If-None-Match), and 412 (the probe exists) proves it as well as 200."""
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self.client.put_object(Bucket=self.bucket, Key=self._probe_key, Body=b"ok", IfNoneMatch="*")
        except ClientError as exc:
            if _is_412(exc):
                return Text(QT_TRANSLATE_NOOP("core", "{storage} accepts writes"), storage=self.describe())
            code = exc.response.get("Error", {}).get("Code", "")
            raise StorageError(Text(QT_TRANSLATE_NOOP("core", "{storage} refused a test write ({code}); check the "
                                                              "access key and its policy"),
                                    storage=self.describe(), code=code)) from None
        except (BotoCoreError, OSError) as exc:
            raise self._unreachable(exc) from None
        return Text(QT_TRANSLATE_NOOP("core", "{storage} accepts writes"), storage=self.describe())

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
            hint = {"AccessDenied": Text(QT_TRANSLATE_NOOP("core", "the agent's key needs s3:PutObject on {arn}"),
                                         arn=f"arn:aws:s3:::{bucket}/{key}"),
                    "NoSuchBucket": Text(QT_TRANSLATE_NOOP("core", "create the fleet bucket {bucket} (no Object "
                                                                   "Lock) or set fleet.bucket"), bucket=bucket)}
            raise StorageError(_refused_reading(QT_TRANSLATE_NOOP("core", "s3://{bucket} refused {key}: {code}"),
                                                bucket, key, code, hint.get(code))) from None
        except (BotoCoreError, OSError) as exc:
            raise self._unreachable(exc) from None

    def get_if_changed(self, key: str, etag: str | None = None) -> tuple[bytes | None, str | None]:
        """GetObject with If-None-Match: 304 -> unchanged, 404 -> no document. The agent's key may
        GET policy/* only (taltio.admin.agent_identity.agent_policy)."""
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
            hint = {"AccessDenied": Text(QT_TRANSLATE_NOOP("core", "the agent's key needs s3:GetObject on {arn}"),
                                         arn=f"arn:aws:s3:::{self.bucket}/{self._full('*')}"),
                    "NoSuchBucket": Text(QT_TRANSLATE_NOOP("core", "bucket {bucket} does not exist; check "
                                                                   "policy.url"), bucket=self.bucket)}
            raise StorageError(_refused_reading(QT_TRANSLATE_NOOP("core", "s3://{bucket} refused reading {key}: "
                                                                          "{code}"),
                                                self.bucket, self._full(key), code or str(status), hint.get(code))) \
                from None
        except (BotoCoreError, OSError) as exc:
            raise self._unreachable(exc) from None

    def _full(self, key: str) -> str:
        return f"{self.prefix}/{key}" if self.prefix else key


_REFUSAL_HINTS = {
    "AccessDenied": QT_TRANSLATE_NOOP("core", "this computer's access key may not write there: ask IT to check "
                                              "its storage policy"),
    "InvalidAccessKeyId": QT_TRANSLATE_NOOP("core", "storage does not know this computer's access key: ask IT to "
                                                    "enrol the computer again"),
    "SignatureDoesNotMatch": QT_TRANSLATE_NOOP("core", "the stored secret does not match the access key: ask IT to "
                                                       "enrol the computer again"),
    "NoSuchBucket": QT_TRANSLATE_NOOP("core", "the bucket does not exist: check storage.url"),
    "RequestTimeTooSkewed": QT_TRANSLATE_NOOP("core", "this computer's clock is wrong: set the date and time"),
}


def _refused_reading(template: str, bucket: str, key: str, code: str, hint: Text | None) -> Text:
    """"s3://b refused k: code", with what to do when the code is a known one."""
    text = Text(template, bucket=bucket, key=key, code=code)
    return Text(QT_TRANSLATE_NOOP("core", "{problem}; {hint}"), problem=text, hint=hint) if hint else text


def _s3_like(base: S3Target, bucket: str, prefix: str) -> S3Target:
    t = S3Target(bucket, prefix, base.endpoint, base.region, base.access_key, base._secret,
                 ca_bundle=base.ca_bundle, use_os_trust_store=base.use_os_trust_store, proxy=base.proxy,
                 insecure_tls=base.insecure_tls)
    return t


