"""`taltio-admin keys` and `taltio-admin policy`: write, sign, check and publish supervisor policies.

* ``keys new-supervisor -o FILE``: an Ed25519 key (OpenSSH private key file, mode 0600) and
  the line IT adds to policy.allowed_signers.
* ``policy new --target T -o FILE``: a document skeleton with the next version.
* ``policy edit FILE --set key=value --unset key``: typed by the settings schema; only
  settings a supervisor may set.
* ``policy sign FILE --key KEY``: FILE.sig, an SSH signature (namespace taltio-policy@taltio;
  ``ssh-keygen -Y verify -n taltio-policy@taltio`` checks it).
* ``policy verify FILE``: every check a workstation makes.
* ``policy publish FILE --url URL``: to ``<url>/<target file>`` (+ .sig), only if its version
  is higher than the one in storage.
* ``policy show URL|FILE`` and ``policy diff --url URL FILE``.

Storage credentials (publish, show, diff on s3://) come from boto3's default chain, as for
``taltio-admin storage``; they are never printed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from taltio.domain import policy as pol
from taltio.domain import sshsig
from taltio.settings import BY_KEY

DEFAULT_DAYS = 90


class PolicyAdminError(RuntimeError):
    """The command cannot do what was asked; the message says what to do instead."""


# --------------------------------------------------------------------------- keys


def cmd_new_supervisor(ns: argparse.Namespace) -> int:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    out: Path = ns.output
    if out.exists():
        raise PolicyAdminError(f"{out} already exists; choose another file (a key is never overwritten)")
    key = Ed25519PrivateKey.generate()
    passphrase = os.environ.get(ns.passphrase_env, "") if ns.passphrase_env else ""
    enc = (serialization.BestAvailableEncryption(passphrase.encode()) if passphrase
           else serialization.NoEncryption())
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, enc)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    os.chmod(out, 0o600)
    name = ns.name or f"supervisor@{os.uname().nodename if hasattr(os, 'uname') else 'taltio'}"
    line = sshsig.public_openssh(key.public_key(), name)
    Path(f"{out}.pub").write_text(line + "\n")
    print(line)
    print(f"# Private key: {out} (mode 0600; keep it offline or on the supervisor's own computer).\n"
          f"# IT adds the line above to policy.allowed_signers in the workstations' machine config.",
          file=sys.stderr)
    return 0


def load_key(path: Path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_ssh_private_key

    data = path.read_bytes()
    try:
        key = load_ssh_private_key(data, password=None)
    except (TypeError, ValueError) as exc:
        if "password" not in str(exc).lower() and "encrypted" not in str(exc).lower():
            raise PolicyAdminError(f"{path} is not an OpenSSH private key ({exc})") from None
        pw = os.environ.get("TALTIO_KEY_PASSPHRASE") or getpass.getpass(f"Passphrase for {path}: ")
        try:
            key = load_ssh_private_key(data, password=pw.encode())
        except ValueError as exc2:
            raise PolicyAdminError(f"cannot open {path}: {exc2}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise PolicyAdminError(f"{path} is not an Ed25519 key; make one with `taltio-admin keys new-supervisor`")
    return key


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


def cmd_sign(ns: argparse.Namespace) -> int:
    path: Path = ns.file
    raw = path.read_bytes()
    try:
        fields = pol.parse(raw, str(path), schema=BY_KEY)
    except pol.PolicyError as exc:
        raise PolicyAdminError(f"not signed: {exc} [{exc.reason}]") from None
    key = load_key(ns.key)
    sig_path = Path(f"{path}.sig")
    sig_path.write_bytes(pol.sign(raw, key))
    print(f"{sig_path}: {fields['target']} version {fields['version']} signed by "
          f"{sshsig.public_openssh(key.public_key())}")
    return 0


def _allowed_signers(ns: argparse.Namespace, sig: bytes, raw: bytes) -> tuple[Any, str]:
    if getattr(ns, "allowed_signers", None):
        lines = ns.allowed_signers.read_text().splitlines()
        trusted = pol.parse_allowed_signers(lines)
        if not trusted:
            raise PolicyAdminError(f"{ns.allowed_signers} holds no ssh-ed25519 key")
        return trusted, f"allowed signers {ns.allowed_signers}"
    # No list given: check integrity against the key inside the signature, and say so.
    try:
        pub = sshsig.verify(sig.decode("ascii", errors="replace"), raw, pol.NAMESPACE)
        return pol.parse_allowed_signers([sshsig.public_openssh(pub)]), "the key in the signature (NOT a trust check)"
    except sshsig.SignatureError:
        return {}, "no allowed signers"


def _report(p: pol.Policy, out=None) -> None:
    out = out or sys.stdout
    print(f"target:     {p.target}", file=out)
    print(f"version:    {p.version}", file=out)
    print(f"issued at:  {pol.format_time(p.issued_at)}", file=out)
    print(f"expires at: {pol.format_time(p.expires_at)}", file=out)
    print(f"signed by:  {p.signer}", file=out)
    if p.comment:
        print(f"comment:    {p.comment}", file=out)
    print("settings:" + ("" if p.settings else " (none)"), file=out)
    for k in sorted(p.settings):
        print(f"  {k} = {json.dumps(p.settings[k], ensure_ascii=False)}", file=out)


def cmd_verify(ns: argparse.Namespace) -> int:
    path: Path = ns.file
    raw = path.read_bytes()
    sig_path = ns.sig or Path(f"{path}.sig")
    sig = sig_path.read_bytes() if sig_path.exists() else b""
    trusted, how = _allowed_signers(ns, sig, raw)
    try:
        p = pol.verify(raw, sig, trusted, ns.current_version, expected_target=ns.target, schema=BY_KEY)
    except pol.PolicyError as exc:
        print(f"REFUSED [{exc.reason}]: {exc}", file=sys.stderr)
        return 1
    print(f"OK: {path} verified against {how}")
    _report(p)
    return 0


def cmd_publish(ns: argparse.Namespace) -> int:
    path: Path = ns.file
    raw = path.read_bytes()
    sig_path = Path(f"{path}.sig")
    if not sig_path.exists():
        raise PolicyAdminError(f"{sig_path} is missing: sign the document first (taltio-admin policy sign)")
    sig = sig_path.read_bytes()
    trusted, how = _allowed_signers(ns, sig, raw)
    try:
        p = pol.verify(raw, sig, trusted, schema=BY_KEY)
    except pol.PolicyError as exc:
        raise PolicyAdminError(f"not published: {exc} [{exc.reason}]") from None
    store = Store(ns.url, ns.endpoint)
    name = pol.target_file(p.target)
    current, current_raw = _current_in_storage(store, name)
    if current_raw == raw:
        print(f"{store.url}/{name} already holds this document (version {p.version}); nothing to do")
        return 0
    if p.version <= current:
        raise PolicyAdminError(f"not published: {store.url}/{name} already has version {current}; workstations "
                               f"refuse version {p.version}. Raise it (taltio-admin policy edit {path} --version "
                               f"{current + 1}), sign again and publish")
    # Signature first, then the document: a workstation that reads between the two still has the
    # old document (unchanged, not downloaded) or, on a fresh fetch, retries once.
    store.put(f"{name}.sig", sig)
    store.put(name, raw)
    print(f"published {p.target} version {p.version} to {store.url}/{name} (was {current or 'none'}; checked "
          f"against {how})")
    return 0


def _load_ref(ref: str, target: str | None, endpoint: str | None) -> tuple[str, bytes | None, bytes | None]:
    if "://" in ref:
        store, name = _doc_location(ref, target, endpoint)
        return f"{store.url}/{name}", store.get(name), store.get(f"{name}.sig")
    path = Path(ref)
    sig = Path(f"{ref}.sig")
    return ref, path.read_bytes(), sig.read_bytes() if sig.exists() else None


def cmd_show(ns: argparse.Namespace) -> int:
    where, raw, sig = _load_ref(ns.ref, ns.target, ns.endpoint)
    if raw is None:
        raise PolicyAdminError(f"no document at {where}")
    ns_trust = argparse.Namespace(allowed_signers=ns.allowed_signers)
    trusted, how = _allowed_signers(ns_trust, sig or b"", raw)
    try:
        p = pol.verify(raw, sig or b"", trusted, check_expiry=False, schema=BY_KEY)
    except pol.PolicyError as exc:
        print(f"{where}: REFUSED [{exc.reason}]: {exc}")
        return 1
    state = "EXPIRED" if p.expired() else "valid"
    print(f"{where}: {state}, signature checked against {how}")
    _report(p)
    return 0


def cmd_diff(ns: argparse.Namespace) -> int:
    proposed_raw = ns.file.read_bytes()
    try:
        proposed = pol.parse(proposed_raw, str(ns.file), schema=BY_KEY)
    except pol.PolicyError as exc:
        raise PolicyAdminError(f"{ns.file}: {exc} [{exc.reason}]") from None
    store, name = _doc_location(ns.url, proposed["target"], ns.endpoint)
    current_raw = store.get(name)
    current: dict[str, Any] = {"version": 0, "settings": {}}
    if current_raw is not None:
        try:
            current = pol.parse(current_raw, name, schema=BY_KEY)
        except pol.PolicyError as exc:
            print(f"note: the document in storage is not valid ({exc.reason}); compared with no settings")
    print(f"--- {store.url}/{name} (in force: version {current['version'] or 'none'})")
    print(f"+++ {ns.file} (proposed: version {proposed['version']})")
    if proposed["version"] <= current["version"]:
        print(f"note: version {proposed['version']} is not higher than {current['version']}: workstations "
              f"would refuse it")
    old, new = current["settings"], proposed["settings"]
    changes = 0
    for key in sorted(set(old) | set(new)):
        if key not in new:
            print(f"- {key} = {json.dumps(old[key], ensure_ascii=False)}")
        elif key not in old:
            print(f"+ {key} = {json.dumps(new[key], ensure_ascii=False)}")
        elif old[key] != new[key]:
            print(f"~ {key}: {json.dumps(old[key], ensure_ascii=False)} -> {json.dumps(new[key], ensure_ascii=False)}")
        else:
            continue
        changes += 1
    print(f"{changes} setting(s) differ")
    return 0


# --------------------------------------------------------------------------- CLI


def _guard(fn):
    def run(ns: argparse.Namespace) -> int:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return fn(ns)
        except (PolicyAdminError, pol.PolicyError, OSError, ValueError) as exc:
            print(f"taltio-admin: {exc}", file=sys.stderr)
            return 1
        except (BotoCoreError, ClientError) as exc:
            from taltio.admin.storage import _explain_boto

            print(f"taltio-admin: {_explain_boto(exc)}", file=sys.stderr)
            return 1
    return run


def register(subparsers: Any) -> None:
    k = subparsers.add_parser("keys", help="supervisor signing keys")
    ksub = k.add_subparsers(dest="keys_cmd", required=True)
    kn = ksub.add_parser("new-supervisor", help="make a supervisor's Ed25519 policy signing key")
    kn.add_argument("-o", "--output", type=Path, required=True, help="private key file (OpenSSH format, 0600)")
    kn.add_argument("--name", help="name in the allowed-signers line (default supervisor@HOST)")
    kn.add_argument("--passphrase-env", metavar="VAR", help="encrypt the key with the passphrase in this variable")
    kn.set_defaults(handler=_guard(cmd_new_supervisor))

    p = subparsers.add_parser("policy", help="supervisor policies: new, edit, sign, verify, publish, show, diff")
    psub = p.add_subparsers(dest="policy_cmd", required=True)
    n = psub.add_parser("new", help="a policy document skeleton with the next version")
    n.add_argument("--target", required=True, help="org, group:NAME or agent:ID")
    n.add_argument("--version", type=int, help="version (default: 1, or one more than in storage with --url)")
    n.add_argument("--url", help="policy folder (s3://BUCKET/policy or file:///PATH) to take the next version from")
    n.add_argument("--endpoint", help="S3 endpoint URL (default AWS_ENDPOINT_URL, else AWS)")
    n.add_argument("--days", type=int, default=DEFAULT_DAYS, help=f"valid for (default {DEFAULT_DAYS}) days")
    n.add_argument("--comment")
    n.add_argument("-o", "--output", type=Path, required=True)
    n.add_argument("--force", action="store_true", help="replace an existing file")
    n.set_defaults(handler=_guard(cmd_new))

    e = psub.add_parser("edit", help="set or unset settings (typed by the settings schema)")
    e.add_argument("file", type=Path)
    e.add_argument("--set", action="append", metavar="KEY=VALUE")
    e.add_argument("--unset", action="append", metavar="KEY")
    e.add_argument("--version", type=int, help="set the version (default: one more if it was signed)")
    e.add_argument("--days", type=int, help="valid for this many days from now")
    e.add_argument("--comment")
    e.set_defaults(handler=_guard(cmd_edit))

    s = psub.add_parser("sign", help="sign a document (writes FILE.sig)")
    s.add_argument("file", type=Path)
    s.add_argument("--key", type=Path, required=True, help="the supervisor's private key")
    s.set_defaults(handler=_guard(cmd_sign))

    v = psub.add_parser("verify", help="check a document as a workstation would")
    v.add_argument("file", type=Path)
    v.add_argument("--sig", type=Path, help="signature file (default FILE.sig)")
    v.add_argument("--allowed-signers", type=Path, help="file of trusted keys ('ssh-ed25519 AAAA… name' lines)")
    v.add_argument("--current-version", type=int, default=0, help="version in force (refuse older)")
    v.add_argument("--target", help="the target it must be for")
    v.set_defaults(handler=_guard(cmd_verify))

    pb = psub.add_parser("publish", help="publish a signed document if its version is higher than in storage")
    pb.add_argument("file", type=Path)
    pb.add_argument("--url", required=True, help="policy folder: s3://BUCKET/policy or file:///PATH/policy")
    pb.add_argument("--endpoint", help="S3 endpoint URL (default AWS_ENDPOINT_URL, else AWS)")
    pb.add_argument("--allowed-signers", type=Path, help="refuse unless signed by one of these keys")
    pb.set_defaults(handler=_guard(cmd_publish))

    sh = psub.add_parser("show", help="show a document (a file, or a URL of a document or policy folder)")
    sh.add_argument("ref", metavar="URL|FILE")
    sh.add_argument("--target", help="with a folder URL: which document (default org)")
    sh.add_argument("--endpoint")
    sh.add_argument("--allowed-signers", type=Path)
    sh.set_defaults(handler=_guard(cmd_show))

    d = psub.add_parser("diff", help="settings in force (storage) vs a proposed document")
    d.add_argument("file", type=Path)
    d.add_argument("--url", required=True, help="policy folder (or the document's URL)")
    d.add_argument("--endpoint")
    d.set_defaults(handler=_guard(cmd_diff))
