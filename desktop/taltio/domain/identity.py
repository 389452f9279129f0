"""The workstation's signing key and, in standalone mode, a local organisation key.

Both are created on first run and kept only in the OS keyring. The org
*identity* exists on a workstation only in standalone mode (one person both
records and listens); a managed workstation only ever holds public recipients.
"""
from __future__ import annotations

import logging

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, load_pem_private_key

from taltio.domain.ports import Keystore
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text
from taltio.domain import sshsig

log = logging.getLogger("taltio.identity")

WORKSTATION_KEY = "workstation-signing-key"
STANDALONE_ORG = "standalone-org-identity"


class RecipientError(ValueError):
    pass


def workstation_key(store: Keystore) -> Ed25519PrivateKey:
    pem = store.get(WORKSTATION_KEY)
    if pem:
        key = load_pem_private_key(pem.encode(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError("the workstation key in the keyring is not Ed25519")
        return key
    key = Ed25519PrivateKey.generate()
    store.set(WORKSTATION_KEY, key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()).decode())
    log.info("created workstation signing key %s", sshsig.public_openssh(key.public_key()).split()[1][:16])
    return key


def standalone_identity(store: Keystore) -> pyrage.x25519.Identity:
    secret = store.get(STANDALONE_ORG)
    if secret:
        return pyrage.x25519.Identity.from_str(secret)
    ident = pyrage.x25519.Identity.generate()
    store.set(STANDALONE_ORG, str(ident))
    log.info("created standalone organisation key %s", ident.to_public())
    return ident


def parse_recipients(values: list[str]) -> list:
    """Parse age recipients, naming the exact entry that is wrong."""
    out = []
    for i, raw in enumerate(values):
        v = raw.strip()
        try:
            if v.startswith("age1") and not v.startswith("age1tag"):
                out.append(pyrage.x25519.Recipient.from_str(v))
            elif v.startswith(("ssh-ed25519 ", "ssh-rsa ")):
                out.append(pyrage.ssh.Recipient.from_str(v))
            else:
                raise ValueError("unsupported type")
        except Exception as exc:  # noqa: BLE001 - pyrage raises its own error types
            shown = v if len(v) <= 20 else v[:12] + "…" + v[-6:]
            raise RecipientError(Text(QT_TRANSLATE_NOOP("core", "encryption.recipients[{index}] '{recipient}' is not "
                                                                "a valid age recipient (expected age1… or ssh-ed25519 "
                                                                "…)"), index=i, recipient=shown)) from None
    if not out:
        raise RecipientError(Text(QT_TRANSLATE_NOOP("core", "no encryption recipients configured; recordings cannot "
                                                            "be encrypted")))
    return out
