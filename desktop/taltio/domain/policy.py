"""Supervisor policy documents: parse, verify and merge (issue 6). Qt-free.

A policy document is a small JSON object signed by a supervisor's Ed25519 key as an
SSH signature (namespace ``taltio-policy@taltio``, so ``ssh-keygen -Y verify`` checks it):

    {"schema": "taltio.policy", "format": 1, "version": 7,
     "issued_at": "2025-03-01T08:00:00Z", "expires_at": "2025-06-01T08:00:00Z",
     "target": "org" | "group:NAME" | "agent:ID",
     "settings": {"privacy.max_private_per_day": 3, ...},
     "comment": "optional free text"}

It is published as ``policy/org.json``, ``policy/group-NAME.json`` or
``policy/agent-ID.json`` with the signature beside it (``<name>.sig``). A workstation
applies org, then its groups in order, then its own (later wins).

``verify`` accepts a document only when every check passes, and otherwise raises
``PolicyError`` with a short machine-readable ``reason`` (``Reason``) and a message
(a translatable ``Text``) that says what is wrong and what to do. It never raises
anything else, whatever the bytes (tests/test_policy_fuzz.py).
"""
from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from taltio.domain import sshsig
from taltio.domain.policy_names import (_NAME, _TIME, check_target, format_time, parse_time,  # noqa: F401
                                        target_file, target_of_file, targets_for, utcnow)
from taltio.domain.ports import SettingSpec
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text, message, shorten

NAMESPACE = sshsig.NS_POLICY
SCHEMA = "taltio.policy"
FORMAT = 1
MAX_BYTES = 256 * 1024          # a policy is a few KB; anything this big is not one
MAX_SIG_BYTES = 8 * 1024
MAX_VERSION = 2 ** 53 - 1       # JSON-safe in every language the admin tools may be written in
CLOCK_SKEW = dt.timedelta(minutes=5)
TOP_KEYS = frozenset({"schema", "format", "version", "issued_at", "expires_at", "target", "settings", "comment"})
REQUIRED_KEYS = ("schema", "format", "version", "issued_at", "expires_at", "target", "settings")


class Reason(str, enum.Enum):
    """Why a document was refused (stable codes: audit log, heartbeat, `taltio status`)."""

    BAD_SIGNATURE = "bad-signature"     # signature missing, unreadable or not matching the bytes
    UNKNOWN_SIGNER = "unknown-signer"   # a valid signature by a key not in policy.allowed_signers
    ROLLBACK = "rollback"               # older than (or a different document with) the version in force
    EXPIRED = "expired"                 # expires_at has passed
    NOT_YET_VALID = "not-yet-valid"     # issued_at more than CLOCK_SKEW in the future
    UNKNOWN_KEY = "unknown-key"         # a top-level or setting key this version does not know
    WRONG_TYPE = "wrong-type"           # a known key with a value of the wrong type or out of range
    NOT_ALLOWED = "not-allowed"         # a setting only machine policy (IT) may set
    MALFORMED = "malformed"             # not JSON, not an object, missing fields, other schema/format
    WRONG_TARGET = "wrong-target"       # the document is for another target than the file it came as
    TRUNCATED = "truncated"             # the document or signature is cut short
    MISSING = "missing"                 # (sync) a document in force disappeared from storage

    def __str__(self) -> str:
        return self.value


class PolicyError(ValueError):
    def __init__(self, reason: Reason, message: Text | str) -> None:
        super().__init__(str(message))
        self.reason = Reason(reason)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


@dataclass(frozen=True)
class Policy:
    target: str
    version: int
    issued_at: dt.datetime
    expires_at: dt.datetime
    settings: dict[str, Any]
    signer: str                     # "ssh-ed25519 AAAA…" of the key that signed it
    raw: bytes = field(repr=False)
    comment: str = ""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    def expired(self, now: dt.datetime | None = None) -> bool:
        return self.expires_at <= (now or utcnow())


# --------------------------------------------------------------------------- allowed signers


def parse_allowed_signers(lines: Iterable[str]) -> dict[bytes, str]:
    """policy.allowed_signers entries ('ssh-ed25519 AAAA… name', or an OpenSSH allowed_signers
    line 'name ssh-ed25519 AAAA…') -> {public key blob: 'ssh-ed25519 AAAA…'}. Other lines are
    skipped: a typo there must not widen trust, and only Ed25519 is accepted anyway."""
    import base64
    import binascii

    out: dict[bytes, str] = {}
    for line in lines:
        if not isinstance(line, str):
            continue
        parts = line.split()
        for i in range(len(parts) - 1):
            if parts[i] == "ssh-ed25519":
                try:
                    blob = base64.b64decode(parts[i + 1], validate=True)
                except (binascii.Error, ValueError):
                    break
                out[blob] = f"ssh-ed25519 {parts[i + 1]}"
                break
    return out


# --------------------------------------------------------------------------- verify


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for k, v in pairs:
        if k in seen:
            raise ValueError(f"key '{k}' appears twice")
        seen[k] = v
    return seen


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _truncated(where: str, part: str) -> PolicyError:
    return PolicyError(Reason.TRUNCATED, Text(QT_TRANSLATE_NOOP(
        "core", "The {target} policy's {part} is cut short (truncated). Publish it again; if it keeps "
        "happening, check the storage and the network."), target=where, part=part))


def _not_a_signature(where: str, detail: str) -> PolicyError:
    return PolicyError(Reason.BAD_SIGNATURE, Text(QT_TRANSLATE_NOOP(
        "core", "The {target} policy's signature is not an SSH signature ({detail}). Ask the supervisor to "
        "sign and publish it again."), target=where, detail=detail))


def _looks_truncated(doc: bytes) -> bool:
    """JSON that ends before its top-level value closes (a cut download, a half-written file)."""
    text = doc.decode("utf-8", errors="replace").rstrip()
    if not text:
        return True
    try:
        json.loads(text)
        return False
    except json.JSONDecodeError as exc:
        return exc.pos >= len(text) or exc.msg.startswith("Unterminated string")
    except (ValueError, RecursionError):
        return False


def _sig_truncated(sig: bytes) -> bool:
    text = sig.decode("ascii", errors="replace").strip()
    return text.startswith("-----BEGIN") and not text.endswith("-----END SSH SIGNATURE-----")


def _check_signature(doc: bytes, sig: bytes, trusted: Mapping[bytes, str], where: str) -> str:
    if not sig.strip():
        raise PolicyError(Reason.BAD_SIGNATURE, Text(QT_TRANSLATE_NOOP(
            "core", "The {target} policy has no signature. Ask the supervisor to sign it (taltio-admin policy "
            "sign) and publish it again."), target=where))
    if len(sig) > MAX_SIG_BYTES:
        raise _not_a_signature(where, "too large")
    if _sig_truncated(sig):
        raise _truncated(where, "signature")
    try:
        armored = sig.decode("ascii")
        pub = sshsig.verify(armored, doc, NAMESPACE)
    except (UnicodeDecodeError, sshsig.SignatureError, ValueError) as exc:
        detail = str(exc) if isinstance(exc, sshsig.SignatureError) else "not ASCII"
        if "truncated" in detail:
            raise _truncated(where, "signature") from None
        if "does not match" in detail and _looks_truncated(doc):
            raise _truncated(where, "document") from None
        if "does not match" in detail:
            raise PolicyError(Reason.BAD_SIGNATURE, Text(QT_TRANSLATE_NOOP(
                "core", "The {target} policy does not match its signature: it was changed after it was signed, "
                "or the signature belongs to another document. Ask the supervisor to sign and publish it "
                "again."), target=where)) from None
        raise _not_a_signature(where, detail) from None
    key = sshsig.public_openssh(pub)
    blob = sshsig.public_blob(pub)
    if blob not in trusted:
        raise PolicyError(Reason.UNKNOWN_SIGNER, Text(QT_TRANSLATE_NOOP(
            "core", "The {target} policy is signed by a key this workstation does not trust ({key}). IT lists "
            "the supervisors' keys in policy.allowed_signers."), target=where, key=_short_key(key)))
    return key


def _short_key(key_line: str) -> str:
    b64 = key_line.split()[1] if len(key_line.split()) > 1 else key_line
    return f"ssh-ed25519 …{b64[-12:]}"


_UTC_TIME = Text(QT_TRANSLATE_NOOP("core", "a UTC time like 2025-03-01T08:00:00Z"))


def _type_name(value: Any) -> str:
    # Said in the agent's language too: the refusal reaches the tray ("a supervisor policy was refused: …").
    names = {dict: QT_TRANSLATE_NOOP("core", "object"), list: QT_TRANSLATE_NOOP("core", "list"),
             str: QT_TRANSLATE_NOOP("core", "text"), bool: QT_TRANSLATE_NOOP("core", "true/false"),
             int: QT_TRANSLATE_NOOP("core", "number"), float: QT_TRANSLATE_NOOP("core", "number"),
             type(None): "null"}
    return Text(names[type(value)]) if type(value) in names else type(value).__name__


def _malformed(where: str, detail: str) -> PolicyError:
    return PolicyError(Reason.MALFORMED, Text(QT_TRANSLATE_NOOP(
        "core", "The {target} policy is not a valid policy document ({detail}). Create it with "
        "taltio-admin policy new/edit and publish it again."), target=where, detail=detail))


def _wrong_type(where: str, key: str, expected: str, value: Any) -> PolicyError:
    return PolicyError(Reason.WRONG_TYPE, Text(QT_TRANSLATE_NOOP(
        "core", "The {target} policy gives '{key}' a wrong value: it must be {expected}, not {actual}. Fix it "
        "with taltio-admin policy edit and publish it again."), target=where, key=key, expected=expected,
        actual=_type_name(value)))


def _load_object(doc: bytes, where: str) -> dict[str, Any]:
    """The bytes as one JSON object: bounded, UTF-8, no duplicate keys, no NaN/Infinity."""
    if not isinstance(doc, (bytes, bytearray)):
        raise _malformed(where, Text(QT_TRANSLATE_NOOP("core", "not bytes")))
    if len(doc) > MAX_BYTES:
        raise _malformed(where, Text(QT_TRANSLATE_NOOP("core", "larger than {size} KiB"), size=MAX_BYTES // 1024))
    try:
        text = bytes(doc).decode("utf-8")
    except UnicodeDecodeError:
        raise _malformed(where, Text(QT_TRANSLATE_NOOP("core", "not UTF-8 text"))) from None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        if _looks_truncated(bytes(doc)):
            raise _truncated(where, "document") from None
        raise _malformed(where, Text(QT_TRANSLATE_NOOP("core", "not JSON: {error} at line {line} column {column}"),
                                           error=exc.msg, line=exc.lineno, column=exc.colno)) from None
    except RecursionError:
        raise _malformed(where, Text(QT_TRANSLATE_NOOP("core", "nested too deeply"))) from None
    except ValueError as exc:
        raise _malformed(where, str(exc)) from None
    if not isinstance(data, dict):
        raise _malformed(where, Text(QT_TRANSLATE_NOOP("core", "a JSON object is needed, not {actual}"),
                                       actual=_type_name(data)))
    return data


def _check_fields(data: dict[str, Any], where: str) -> None:
    """Only known top-level fields, all required ones, this schema and format."""
    for key in data:
        if key not in TOP_KEYS:
            raise PolicyError(Reason.UNKNOWN_KEY, Text(QT_TRANSLATE_NOOP(
                "core", "The {target} policy has a field this version of Taltio does not know: '{key}'. Remove it "
                "(or update Taltio) and publish it again."), target=where, key=_clip(key)))
    missing = [k for k in REQUIRED_KEYS if k not in data]
    if missing:
        raise _malformed(where, Text(QT_TRANSLATE_NOOP("core", "missing {fields}"), fields=", ".join(missing)))
    if data["schema"] != SCHEMA:
        raise _malformed(where, Text(QT_TRANSLATE_NOOP("core", "schema must be '{schema}'"), schema=SCHEMA))
    if type(data["format"]) is not int:
        raise _wrong_type(where, "format", Text(QT_TRANSLATE_NOOP("core", "a whole number")), data["format"])
    if data["format"] != FORMAT:
        raise _malformed(where, Text(QT_TRANSLATE_NOOP("core", "format {format} is not supported (this Taltio reads format "
                                                               "{supported})"), format=data["format"], supported=FORMAT))


def _check_version(version: Any, where: str) -> int:
    if type(version) is not int:
        raise _wrong_type(where, "version", Text(QT_TRANSLATE_NOOP("core", "a whole number")), version)
    if not 0 < version <= MAX_VERSION:
        raise PolicyError(Reason.WRONG_TYPE, Text(QT_TRANSLATE_NOOP(
            "core", "The {target} policy's version must be a whole number from 1 to {max}."), target=where,
            max=MAX_VERSION))
    return version


def _check_times(data: dict[str, Any], where: str) -> dict[str, dt.datetime]:
    """issued_at and expires_at as UTC times, the expiry after the issue."""
    times = {}
    for key in ("issued_at", "expires_at"):
        if not isinstance(data[key], str):
            raise _wrong_type(where, key, _UTC_TIME, data[key])
        try:
            times[key] = parse_time(data[key])
        except ValueError:
            raise PolicyError(Reason.WRONG_TYPE, Text(QT_TRANSLATE_NOOP(
                "core", "The {target} policy gives '{key}' a wrong value: it must be {expected}, not {actual}. Fix "
                "it with taltio-admin policy edit and publish it again."), target=where, key=key,
                expected=_UTC_TIME, actual=repr(_clip(data[key])))) from None
    if times["expires_at"] <= times["issued_at"]:
        raise _malformed(where, Text(QT_TRANSLATE_NOOP("core", "expires_at is not after issued_at")))
    return times


def _check_target_field(target: Any, where: str) -> str:
    if not isinstance(target, str):
        raise _wrong_type(where, "target", Text(QT_TRANSLATE_NOOP("core", "'org', 'group:NAME' or 'agent:ID'")), target)
    try:
        check_target(target)
    except ValueError as exc:
        raise _malformed(where, shorten(message(exc), 160)) from None
    return target


def _check_settings(raw_settings: Any, where: str, schema: Mapping[str, SettingSpec]) -> dict[str, Any]:
    """Only known settings a supervisor may set, each of the type the schema declares."""
    if not isinstance(raw_settings, dict):
        raise _wrong_type(where, "settings", Text(QT_TRANSLATE_NOOP("core", "an object of setting: value")),
                          raw_settings)
    settings: dict[str, Any] = {}
    for key, value in raw_settings.items():
        setting = schema.get(key)
        if setting is None:
            raise PolicyError(Reason.UNKNOWN_KEY, Text(QT_TRANSLATE_NOOP(
                "core", "The {target} policy sets '{key}', which is not a setting this version of Taltio knows "
                "(see docs/configuration.md). Remove it and publish it again."), target=where, key=_clip(key)))
        if not setting.settable_by("supervisor"):
            raise PolicyError(Reason.NOT_ALLOWED, Text(QT_TRANSLATE_NOOP(
                "core", "The {target} policy sets '{key}', which only IT may set (machine policy), never a "
                "supervisor policy. Remove it and publish it again."), target=where, key=key))
        settings[key] = check_setting(key, value, where, schema=schema)
    return settings


def parse(doc: bytes, where: str = "policy", *, schema: Mapping[str, SettingSpec]) -> dict[str, Any]:
    """Bytes -> the document's fields, checked for shape and types (not signature, target or time).

    Returns {"version", "issued_at", "expires_at", "target", "settings", "comment"}; raises PolicyError."""
    data = _load_object(doc, where)
    _check_fields(data, where)
    version = _check_version(data["version"], where)
    times = _check_times(data, where)
    target = _check_target_field(data["target"], where)
    comment = data.get("comment", "")
    if not isinstance(comment, str):
        raise _wrong_type(where, "comment", Text(QT_TRANSLATE_NOOP("core", "text")), comment)
    settings = _check_settings(data["settings"], where, schema)
    return {"version": version, "issued_at": times["issued_at"], "expires_at": times["expires_at"],
            "target": target, "settings": settings, "comment": comment}


def check_setting(key: str, value: Any, where: str = "policy", *, schema: Mapping[str, SettingSpec]) -> Any:
    """One setting's value as a policy may carry it: the JSON type the schema declares (a list must be
    a JSON list, not comma-separated text) and whatever Setting.check demands; PolicyError otherwise."""
    setting = schema[key]
    t = setting.type
    ok = (isinstance(value, list) if t is list else
          (type(value) in (int, float)) if t is float else type(value) is t)
    kinds = {list: QT_TRANSLATE_NOOP("core", "a list of texts"), float: QT_TRANSLATE_NOOP("core", "a number"),
             int: QT_TRANSLATE_NOOP("core", "a whole number"), bool: QT_TRANSLATE_NOOP("core", "true or false"),
             str: QT_TRANSLATE_NOOP("core", "text")}
    expected = Text(kinds[t]) if t in kinds else t.__name__
    if not ok:
        raise PolicyError(Reason.WRONG_TYPE, Text(QT_TRANSLATE_NOOP(
            "core", "The {target} policy gives '{key}' a wrong value: it must be {expected}, not {actual}. Fix it "
            "with taltio-admin policy edit and publish it again."), target=where, key=key, expected=expected,
            actual=_type_name(value)))
    try:
        return setting.check(value, Text(QT_TRANSLATE_NOOP("core", "the {target} policy"), target=where))
    except (ValueError, TypeError) as exc:          # the settings' ConfigError is a ValueError
        raise PolicyError(Reason.WRONG_TYPE, Text(QT_TRANSLATE_NOOP(
            "core", "The {target} policy gives '{key}' a value it cannot use: {detail}. Fix it with taltio-admin "
            "policy edit and publish it again."), target=where, key=key, detail=shorten(message(exc), 200))) from None


def _clip(s: Any, n: int = 64) -> str:
    s = str(s)
    return s if len(s) <= n else s[:n] + "…"


def verify(doc: bytes, sig: bytes, allowed_signers: Iterable[str] | Mapping[bytes, str], last_version: int = 0,
           now: dt.datetime | None = None, *, expected_target: str | None = None, last_sha256: str | None = None,
           check_expiry: bool = True, schema: Mapping[str, SettingSpec]) -> Policy:
    """Accept *doc* only if every check passes; PolicyError(reason, message) otherwise.

    *schema* is the settings schema (``taltio.settings.BY_KEY``): which keys exist, which a supervisor
    may set, and how each value is checked. It is passed in so the domain never imports the settings.

    Order: signature (and trusted signer), shape and types, target, version, time. A version
    equal to *last_version* is accepted only when the bytes are the same (*last_sha256*):
    the same document fetched again. ``check_expiry=False`` re-checks a document that was
    accepted earlier (the last good one, loaded from disk) without refusing it for its age.
    """
    where = expected_target or "policy"
    trusted = allowed_signers if isinstance(allowed_signers, Mapping) else parse_allowed_signers(allowed_signers)
    if not isinstance(doc, (bytes, bytearray)) or not isinstance(sig, (bytes, bytearray)):
        raise PolicyError(Reason.MALFORMED, Text(QT_TRANSLATE_NOOP(
            "core", "The {target} policy is not a valid policy document ({detail}). Create it with "
            "taltio-admin policy new/edit and publish it again."), target=where, detail="not bytes"))
    doc, sig = bytes(doc), bytes(sig)
    if len(doc) > MAX_BYTES:
        parse(doc, where, schema=schema)            # raises the size error
    signer = _check_signature(doc, sig, trusted, where)
    fields = parse(doc, where, schema=schema)
    if expected_target is not None and fields["target"] != expected_target:
        raise PolicyError(Reason.WRONG_TARGET, Text(QT_TRANSLATE_NOOP(
            "core", "The policy published as {target} is written for {actual}. Publish each document under "
            "its own target's name (taltio-admin policy publish does)."), target=where, actual=fields["target"]))
    where = fields["target"]
    version = fields["version"]
    sha = hashlib.sha256(doc).hexdigest()
    if version < last_version or (version == last_version and sha != last_sha256):
        raise PolicyError(Reason.ROLLBACK, Text(QT_TRANSLATE_NOOP(
            "core", "The {target} policy has version {version}, but version {current} is already in force: this "
            "is an older or a different copy. Publish changes with a higher version (taltio-admin policy new "
            "or edit raise it)."), target=where, version=version, current=last_version))
    now = now or utcnow()
    if check_expiry and fields["expires_at"] <= now:
        raise PolicyError(Reason.EXPIRED, Text(QT_TRANSLATE_NOOP(
            "core", "The {target} policy expired at {expires_at}. The supervisor must publish a new version "
            "(or check this computer's clock)."), target=where, expires_at=format_time(fields["expires_at"])))
    if check_expiry and fields["issued_at"] > now + CLOCK_SKEW:
        raise PolicyError(Reason.NOT_YET_VALID, Text(QT_TRANSLATE_NOOP(
            "core", "The {target} policy is issued in the future ({issued_at}). Check this computer's clock "
            "and the supervisor's."), target=where, issued_at=format_time(fields["issued_at"])))
    return Policy(target=fields["target"], version=version, issued_at=fields["issued_at"],
                  expires_at=fields["expires_at"], settings=fields["settings"], signer=signer, raw=doc,
                  comment=fields["comment"])


def merge(policies: Iterable[Policy | None]) -> dict[str, Any]:
    """The settings of *policies* in order (org, groups, agent): a later one wins per setting."""
    out: dict[str, Any] = {}
    for p in policies:
        if p is not None:
            out.update(p.settings)
    return out


# --------------------------------------------------------------------------- authoring (taltio-admin policy)


def new_document(target: str, version: int, issued_at: dt.datetime, expires_at: dt.datetime,
                 settings: Mapping[str, Any] | None = None, comment: str = "") -> dict[str, Any]:
    doc: dict[str, Any] = {"schema": SCHEMA, "format": FORMAT, "version": version,
                           "issued_at": format_time(issued_at), "expires_at": format_time(expires_at),
                           "target": check_target(target), "settings": dict(settings or {})}
    if comment:
        doc["comment"] = comment
    return doc


def dump(doc: Mapping[str, Any]) -> bytes:
    """Canonical bytes for a document: sorted keys, two-space indent, UTF-8, final newline."""
    return (json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def sign(doc: bytes, key: Any) -> bytes:
    """The .sig for *doc* (an Ed25519PrivateKey)."""
    return sshsig.sign(key, doc, NAMESPACE).encode()
