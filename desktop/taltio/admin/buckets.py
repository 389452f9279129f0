"""`taltio-admin storage init`: the recordings bucket (Object Lock, COMPLIANCE default retention,
versioning, the multipart abort rule, the rule that expires recordings once their retention has passed) and the
fleet bucket (no lock, no versioning). Idempotent."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from taltio.admin.storage_layout import (ABORT_RULE_ID, AGENTS_PREFIX, DEFAULT_ABORT_DAYS, StorageSetupError,
                                         default_retention_days, fleet_bucket_name, validate_bucket)


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


EXPIRE_RULE_ID = "taltio-expire-recordings"


def _wanted_rules(abort_days: int, expire_days: int | None) -> list[dict[str, Any]]:
    """Our lifecycle rules: abort forgotten multipart uploads everywhere; expire recordings after retention.

    The expiry rule covers only the recordings (``agents/``), not the supervisors' policies beside them.
    In a versioned bucket ``Expiration`` only puts a delete marker on the current version; the
    ``NoncurrentVersionExpiration`` then removes the version itself, which Object Lock allows only once
    its own retain-until date has passed (so the rule can never cut a retention short)."""
    rules: list[dict[str, Any]] = [{"ID": ABORT_RULE_ID, "Status": "Enabled", "Filter": {"Prefix": ""},
                                    "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": abort_days}}]
    if expire_days is not None:
        rules.append({"ID": EXPIRE_RULE_ID, "Status": "Enabled", "Filter": {"Prefix": f"{AGENTS_PREFIX}/"},
                      "Expiration": {"Days": expire_days},
                      "NoncurrentVersionExpiration": {"NoncurrentDays": 1}})
    return rules


def _same_rule(have: dict[str, Any] | None, want: dict[str, Any]) -> bool:
    if not have or have.get("Status") != "Enabled":
        return False
    keys = ("AbortIncompleteMultipartUpload", "Expiration", "NoncurrentVersionExpiration")
    if any((have.get(k) or None) != (want.get(k) or None) for k in keys):
        return False
    return (have.get("Filter") or {}).get("Prefix", have.get("Prefix", "")) == want["Filter"]["Prefix"]


def _describe(rule: dict[str, Any]) -> str:
    if rule["ID"] == ABORT_RULE_ID:
        return (f"lifecycle rule {ABORT_RULE_ID} aborts incomplete multipart uploads after "
                f"{rule['AbortIncompleteMultipartUpload']['DaysAfterInitiation']} days")
    return (f"lifecycle rule {EXPIRE_RULE_ID} expires recordings ({rule['Filter']['Prefix']}) "
            f"{rule['Expiration']['Days']} days after they were stored")


def _ensure_abort_rule(s3: Any, bucket: str, abort_days: int, report: InitReport,
                       expire_days: int | None = None) -> None:
    """The bucket's lifecycle rules (the name is from when there was one): incomplete multipart uploads of a
    workstation that never came back hold storage (and are invisible in listings), and recordings past
    storage.retention_days are kept by no one's choice. Optional: a server without lifecycle support gets
    a note, not a failure. Rules of others in the same configuration are kept."""
    from botocore.exceptions import ClientError

    try:
        rules = s3.get_bucket_lifecycle_configuration(Bucket=bucket).get("Rules", [])
    except ClientError as exc:
        if _code(exc) == "NoSuchLifecycleConfiguration":
            rules = []
        else:
            report.notes.append(f"bucket {bucket}: the server refuses lifecycle configuration ({_code(exc) or exc}); "
                                f"incomplete multipart uploads are not aborted automatically (list them with "
                                f"`aws s3api list-multipart-uploads` now and then), and recordings past their "
                                f"retention are not deleted automatically")
            return
    wanted = _wanted_rules(abort_days, expire_days)
    ids = {r["ID"] for r in wanted}
    stale = [w for w in wanted if not _same_rule(next((r for r in rules if r.get("ID") == w["ID"]), None), w)]
    for w in wanted:
        if w not in stale:
            report.unchanged.append(f"bucket {bucket}: {_describe(w)}")
    if not stale:
        return
    others = [r for r in rules if r.get("ID") not in ids]
    try:
        s3.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration={"Rules": others + wanted})
    except ClientError as exc:
        report.notes.append(f"bucket {bucket}: the server refused the lifecycle rules ({_code(exc) or exc}); "
                            f"incomplete multipart uploads are not aborted and recordings past their retention "
                            f"are not deleted automatically")
        return
    for w in stale:
        report.changed.append(f"bucket {bucket}: {_describe(w)}")


def _expire_days(s3: Any, bucket: str, retention_days: int | None, object_lock: bool) -> int:
    """Recordings expire when their retention ends: the bucket's COMPLIANCE default retention if it has one."""
    if object_lock:
        cfg = _lock_configuration(s3, bucket)
        days = _retention_days(cfg)[1] if cfg else None
        if days:
            return int(days)
    return retention_days or default_retention_days()


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
    _ensure_abort_rule(s3, bucket, abort_days, report, _expire_days(s3, bucket, retention_days, object_lock))
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
