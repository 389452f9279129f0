"""The customer's number and name in a manifest: sealed to the organisation, findable through a blind index.

A manifest sits in a bucket that IT staff, auditors and backup tools can read, so it must not say
who the customer was. It carries the party (number and the name the softphone showed) age-encrypted
to the organisation's recipients, which only the holder of the org identity can open, and
``number_index``: an HMAC-SHA256 of the normalised number under a key the supervisor distributes by
policy. A supervisor who has the key finds every call with a number by computing its index, without
decrypting anything. Without the key the index says only "these calls share a number".

Why an HMAC and not a plain hash: a phone number has about 10^9 plausible values, so an unkeyed hash
is reversed by trying them all in minutes. With the key the same is true, which is why the key is
distributed only to workstations and supervisors, never stored in the bucket.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from dataclasses import dataclass

from taltio.domain.texts import QT_TRANSLATE_NOOP, Text

INDEX_SCHEME = "hmac-sha256-v1"
KEY_BYTES = 32


class PartyError(ValueError):
    """A sealed party that cannot be opened or an index key that is not usable; the message says which."""


@dataclass(frozen=True)
class Party:
    number: str | None
    display_name: str | None


def normalise(number: str) -> str:
    """The form numbers are indexed in: digits and a leading '+', nothing else ('+358 40-123 4567' -> '+358401234567').

    Only separators are dropped. National and international forms of the same number ('040 123 4567',
    '+358 40 123 4567') index differently: which country a national number belongs to is not known here,
    so a supervisor searching for a national number also searches its international form (the CLI does).
    """
    n = re.sub(r"[\s().\-/]", "", number.strip())
    if n.startswith("00"):
        n = "+" + n[2:]
    if not re.fullmatch(r"\+?[0-9*#]+", n):
        raise PartyError(Text(QT_TRANSLATE_NOOP("core", "'{number}' is not a phone number (digits, an optional "
                                                        "leading +, spaces and dashes)"), number=number))
    return n


def parse_key(text: str) -> bytes:
    """The index key as policies and files carry it: base64 of 32 random bytes."""
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (ValueError, TypeError):
        raise PartyError(Text(QT_TRANSLATE_NOOP("core", "the number-index key is not base64"))) from None
    if len(key) != KEY_BYTES:
        raise PartyError(Text(QT_TRANSLATE_NOOP("core", "the number-index key must be {size} bytes (base64 of 32 "
                                                        "random bytes), not {actual}; make one with `taltio-admin keys "
                                                        "new-index`"), size=KEY_BYTES, actual=len(key)))
    return key


def new_key() -> str:
    import secrets

    return base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode()


def number_index(key: bytes, number: str) -> str:
    """The blind index of *number*: hex HMAC-SHA256 of its normalised form."""
    return hmac.new(key, normalise(number).encode(), hashlib.sha256).hexdigest()


def seal(party: Party, recipients: list) -> str:
    """The party as base64 of an age file to *recipients* (pyrage recipient objects)."""
    import pyrage

    body = json.dumps({"number": party.number, "display_name": party.display_name}, ensure_ascii=False).encode()
    return base64.b64encode(pyrage.encrypt(body, recipients)).decode()


def open_sealed(sealed: str, identities: list) -> Party:
    """Decrypt what :func:`seal` made, with the org identities (pyrage identity objects)."""
    import pyrage

    try:
        blob = base64.b64decode(sealed, validate=True)
    except (ValueError, TypeError):
        raise PartyError("the sealed party is not base64") from None
    try:
        doc = json.loads(pyrage.decrypt(blob, identities))
    except pyrage.DecryptError as exc:
        raise PartyError(f"the sealed party does not open with this identity ({exc})") from None
    except ValueError:
        raise PartyError("the sealed party opened but is not the JSON Taltio writes") from None
    if not isinstance(doc, dict):
        raise PartyError("the sealed party opened but is not the JSON Taltio writes")
    return Party(_text(doc.get("number")), _text(doc.get("display_name")))


def of_manifest(doc: dict, identities: list | None) -> Party:
    """The party of any manifest: schema 1 has it in clear; schema 2 sealed (None fields without identities)."""
    if "remote_number" in doc or "remote_display_name" in doc:
        return Party(_text(doc.get("remote_number")), _text(doc.get("remote_display_name")))
    sealed = (doc.get("party") or {}).get("sealed") if isinstance(doc.get("party"), dict) else None
    if not sealed or identities is None:
        return Party(None, None)
    return open_sealed(sealed, identities)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def key_id(key: bytes) -> str:
    """A short public name for an index key (the manifest says which key made its index; keys can be rotated)."""
    return hashlib.sha256(b"taltio-number-index-key\0" + key).hexdigest()[:16]


def manifest_block(party: Party, recipients: list, key: bytes | None) -> dict | None:
    """The manifest's ``party`` (schema 2): sealed to *recipients*, with the number's index under *key*.

    None (the manifest says ``"party": null``) when the softphone reported neither a number nor a name:
    there is nothing to seal. ``number_index`` and ``index_key_id`` are null without a key, without a
    number, or when the number is not one (a SIP address, "anonymous"): only a real number is indexed.
    ``sealed`` is null without *recipients* (nobody to seal to: the number and name are then kept
    nowhere, never in clear; the app always has recipients, bare test controllers may not).
    """
    if not party.number and not party.display_name:
        return None
    index = None
    if key is not None and party.number:
        try:
            index = number_index(key, party.number)
        except PartyError:
            index = None        # not a phone number: sealed, not indexed
    return {"sealed": seal(party, recipients) if recipients else None, "number_index": index, "index_scheme": INDEX_SCHEME,
            "index_key_id": key_id(key) if index is not None else None}
