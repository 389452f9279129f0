"""Secrets behind one small interface: the OS keyring, or the environment for tests.

Private keys never go into plain files; the `keyring` library reaches Windows
Credential Manager, macOS Keychain and the Secret Service on Linux.
"""
from __future__ import annotations

import logging
import os
from taltio.domain.ports import Keystore, KeystoreError
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger("taltio.keystore")

SERVICE = "taltio"


class OSKeystore(Keystore):
    def __init__(self) -> None:
        import keyring  # imported lazily: backend discovery costs ~100 ms

        self._keyring = keyring
        backend = keyring.get_keyring()
        self._name = f"{type(backend).__module__}.{type(backend).__name__}"
        if "fail" in self._name.lower() or "null" in self._name.lower():
            raise KeystoreError(Text(QT_TRANSLATE_NOOP("core", "no OS keyring is available (on Linux, start a Secret "
                                                               "Service such as gnome-keyring or KWallet); Taltio "
                                                               "will not keep private keys in plain files")))

    def get(self, name: str) -> str | None:
        try:
            return self._keyring.get_password(SERVICE, name)
        except Exception as exc:  # noqa: BLE001 - backends raise many types
            raise KeystoreError(Text(QT_TRANSLATE_NOOP("core", "keyring read failed ({error})"),
                                     error=f"{type(exc).__name__}: {exc}")) from None

    def set(self, name: str, value: str) -> None:
        try:
            self._keyring.set_password(SERVICE, name, value)
        except Exception as exc:  # noqa: BLE001
            raise KeystoreError(Text(QT_TRANSLATE_NOOP("core", "keyring write failed ({error})"),
                                     error=f"{type(exc).__name__}: {exc}")) from None

    def describe(self) -> str:
        return self._name


def s3_secret(store: Keystore | None, access_key_id: str) -> str | None:
    """The S3 secret: TALTIO_S3_SECRET wins (tests, service accounts), else the keyring."""
    env = os.environ.get("TALTIO_S3_SECRET")
    if env:
        return env
    return store.get(f"s3:{access_key_id}") if store else None
