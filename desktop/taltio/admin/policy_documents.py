"""`taltio-admin policy new` and `policy edit`: the policy documents themselves, and the policy
folder (s3:// or file://) they are read from and published to.

Shared by the signing and publishing commands (taltio.admin.policy_signing).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from taltio.domain import policy as pol
from taltio.settings import BY_KEY

DEFAULT_DAYS = 90


class PolicyAdminError(RuntimeError):
    """The command cannot do what was asked; the message says what to do instead."""


# --------------------------------------------------------------------------- storage locations


def _split_url(url: str) -> tuple[str, str, str]:
    u = urlparse(url)
    if u.scheme == "s3" and u.netloc:
        return "s3", u.netloc, u.path.strip("/")
    if u.scheme == "file":
        return "file", "", unquote(u.path)
    raise PolicyAdminError(f"{url!r}: use s3://BUCKET/policy or file:///PATH/policy")


class Store:
    """The policy folder at a URL, read and written with the admin's credentials."""

    def __init__(self, url: str, endpoint: str | None = None) -> None:
        self.url = url.rstrip("/")
        self.kind, self.bucket, self.prefix = _split_url(self.url)
        self._s3 = None
        self.endpoint = endpoint

    @property
    def s3(self):
        if self._s3 is None:
            from taltio.admin.storage import admin_client

            self._s3 = admin_client(self.endpoint)
        return self._s3

    def _key(self, name: str) -> str:
        return f"{self.prefix}/{name}" if self.prefix else name

    def get(self, name: str) -> bytes | None:
        if self.kind == "file":
            try:
                return (Path(self.prefix) / name).read_bytes()
            except FileNotFoundError:
                return None
        from botocore.exceptions import ClientError

        try:
            return self.s3.get_object(Bucket=self.bucket, Key=self._key(name))["Body"].read()
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return None
            raise

    def put(self, name: str, data: bytes) -> None:
        if self.kind == "file":
            from taltio.domain.files import write_durably

            folder = Path(self.prefix)
            folder.mkdir(parents=True, exist_ok=True)
            write_durably(folder / name, data)
            return
        import base64
        import hashlib

        # A checksum header: the recordings bucket has Object Lock, where S3 demands one on every put.
        self.s3.put_object(Bucket=self.bucket, Key=self._key(name), Body=data,
                           ChecksumSHA256=base64.b64encode(hashlib.sha256(data).digest()).decode(),
                           ContentType="application/json" if name.endswith(".json") else "text/plain")


def _doc_location(ref: str, target: str | None = None, endpoint: str | None = None) -> tuple[Store, str]:
    """A URL of a policy folder (with --target) or of one document (…/org.json)."""
    base, _, last = ref.rstrip("/").rpartition("/")
    if last.endswith(".json"):
        pol.target_of_file(last)
        return Store(base, endpoint), last
    return Store(ref, endpoint), pol.target_file(target or "org")


# --------------------------------------------------------------------------- documents


def _read_doc(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise PolicyAdminError(f"{path}: cannot read a JSON policy document ({exc})") from None
    if not isinstance(data, dict):
        raise PolicyAdminError(f"{path}: not a policy document (a JSON object is needed)")
    return data


def _write_doc(path: Path, doc: dict[str, Any]) -> bytes:
    raw = pol.dump(doc)
    pol.parse(raw, str(path), schema=BY_KEY)      # never write a document a workstation would refuse
    path.write_bytes(raw)
    return raw


def parse_value(key: str, text: str) -> Any:
    """A --set value typed by the schema: true/false, numbers, lists (JSON or comma-separated), text."""
    setting = BY_KEY.get(key)
    if setting is None:
        raise PolicyAdminError(f"'{key}' is not a setting (see docs/configuration.md)")
    if not setting.settable_by("supervisor"):
        raise PolicyAdminError(f"'{key}' can only be set by IT (machine policy), not by a supervisor policy")
    t = setting.type
    try:
        if t is bool:
            low = text.strip().lower()
            if low not in ("true", "false", "yes", "no", "on", "off", "1", "0"):
                raise ValueError("use true or false")
            value: Any = low in ("true", "yes", "on", "1")
        elif t is int:
            value = int(text)
        elif t is float:
            value = float(text)
        elif t is list:
            stripped = text.strip()
            value = json.loads(stripped) if stripped.startswith("[") else \
                [v for v in (x.strip() for x in text.replace("\n", ",").split(",")) if v]
        else:
            value = text
    except ValueError as exc:
        raise PolicyAdminError(f"{key}: {text!r} is not a {t.__name__} ({exc})") from None
    try:
        return pol.check_setting(key, value, "new", schema=BY_KEY)
    except pol.PolicyError as exc:
        raise PolicyAdminError(str(exc)) from None


def _current_in_storage(store: Store, name: str) -> tuple[int, bytes | None]:
    raw = store.get(name)
    if raw is None:
        return 0, None
    try:
        return pol.parse(raw, name, schema=BY_KEY)["version"], raw
    except pol.PolicyError:
        try:
            v = json.loads(raw).get("version")
            return (v if type(v) is int else 0), raw
        except (ValueError, AttributeError):
            return 0, raw


def cmd_new(ns: argparse.Namespace) -> int:
    target = pol.check_target(ns.target)
    out: Path = ns.output
    if out.exists() and not ns.force:
        raise PolicyAdminError(f"{out} already exists (use --force to replace it, or policy edit)")
    version = ns.version
    if version is None:
        version = 1
        if ns.url:
            store, name = _doc_location(ns.url, target, ns.endpoint)
            version = _current_in_storage(store, name)[0] + 1
    now = pol.utcnow().replace(microsecond=0)
    doc = pol.new_document(target, version, now, now + dt.timedelta(days=ns.days), {}, ns.comment or "")
    _write_doc(out, doc)
    print(f"{out}: {target}, version {version}, expires {doc['expires_at']}. Add settings with "
          f"`taltio-admin policy edit {out} --set KEY=VALUE`, then sign it.")
    return 0


def cmd_edit(ns: argparse.Namespace) -> int:
    path: Path = ns.file
    doc = _read_doc(path)
    settings = dict(doc.get("settings") or {})
    for item in ns.set or []:
        key, eq, value = item.partition("=")
        if not eq:
            raise PolicyAdminError(f"--set {item!r}: use KEY=VALUE")
        settings[key.strip()] = parse_value(key.strip(), value)
    for key in ns.unset or []:
        if key not in settings:
            raise PolicyAdminError(f"--unset {key}: the document does not set it")
        del settings[key]
    doc["settings"] = settings
    sig = Path(f"{path}.sig")
    now = pol.utcnow().replace(microsecond=0)
    if ns.version is not None:
        doc["version"] = ns.version
    elif sig.exists():
        # It was signed, so it may be published: a changed document needs a higher version.
        doc["version"] = int(doc.get("version", 0)) + 1
    doc["issued_at"] = pol.format_time(now)
    if ns.days is not None:
        doc["expires_at"] = pol.format_time(now + dt.timedelta(days=ns.days))
    if ns.comment is not None:
        doc["comment"] = ns.comment
    _write_doc(path, doc)
    if sig.exists():
        sig.unlink()
        print(f"removed {sig}: it signed the old content; sign again")
    print(f"{path}: version {doc['version']}, {len(settings)} setting(s)")
    return 0
