"""The organisation's age identities as `taltio-admin` takes them: a file, a hardware token's plugin, or the keyring.

An identity file may hold plain X25519 keys (``AGE-SECRET-KEY-1…``, what `keys new-org` writes) and
plugin identities (``AGE-PLUGIN-YUBIKEY-1…``, what ``age-plugin-yubikey --identity`` prints for a key
that never leaves the token). A plugin identity is handed to its plugin binary (``age-plugin-<name>``
on PATH) through pyrage's plugin support, the same protocol the stock `age` CLI speaks, so any
plugin that works with `age -d -i` works here; the plugin asks for the PIN or a touch through the
callbacks below, on the terminal.

`keyring` is the standalone computer's own key (a single-computer install keeps its org identity in
the user's keyring).
"""
from __future__ import annotations

import getpass
import re
import shutil
import sys
from pathlib import Path

from taltio.admin.trust import AdminError

_PLUGIN = re.compile(r"^AGE-PLUGIN-([A-Z0-9]+)-1[0-9A-Z]+$")


class IdentityError(AdminError):
    """The identity cannot be used; the message says which file or plugin and what to do."""


def load(source: str) -> list:
    """Identities for pyrage.decrypt/decrypt_io from *source* (a path, or ``keyring``)."""
    if source == "keyring":
        return [_standalone()]
    try:
        lines = [ln.strip() for ln in Path(source).read_text().splitlines()]
    except OSError as exc:
        raise IdentityError(f"cannot read the identity file {source}: {exc.strerror}") from None
    import pyrage

    plain = [pyrage.x25519.Identity.from_str(ln) for ln in lines if ln.startswith("AGE-SECRET-KEY-")]
    plugged = _plugin_identities([ln for ln in lines if ln.startswith("AGE-PLUGIN-")], source)
    if not plain and not plugged:
        raise IdentityError(f"{source} holds no AGE-SECRET-KEY-1… or AGE-PLUGIN-…-1… line: is it an age identity "
                            "file? (the recipient, age1…, only encrypts)")
    return plain + plugged


def _standalone():  # noqa: ANN202 - a pyrage identity
    import pyrage

    from taltio.adapters.keystore import OSKeystore
    from taltio.domain.identity import STANDALONE_ORG

    secret = OSKeystore().get(STANDALONE_ORG)
    if not secret:
        raise IdentityError("no standalone key in this user's keyring; is this the computer that recorded?")
    return pyrage.x25519.Identity.from_str(secret)


def _plugin_identities(lines: list[str], source: str) -> list:
    """One pyrage plugin identity per plugin named in *lines*; each plugin must be installed."""
    import pyrage
    from pyrage import plugin

    by_name: dict[str, list] = {}
    for ln in lines:
        m = _PLUGIN.match(ln.upper())
        if not m:
            raise IdentityError(f"{source}: '{ln[:24]}…' is not a plugin identity (AGE-PLUGIN-NAME-1…)")
        try:
            by_name.setdefault(m.group(1).lower(), []).append(plugin.Identity.from_str(ln))
        except pyrage.IdentityError as exc:
            raise IdentityError(f"{source}: a plugin identity is damaged ({exc})") from None
    out = []
    for name, idents in by_name.items():
        if shutil.which(f"age-plugin-{name}") is None:
            raise IdentityError(f"{source} needs the age plugin 'age-plugin-{name}', which is not installed here "
                                f"(install it, e.g. the package or release of age-plugin-{name}, and check "
                                f"that `age -d -i {source}` works)")
        out.append(plugin.IdentityPluginV1(name, idents, TerminalCallbacks()))
    return out


class TerminalCallbacks:
    """What a plugin may ask for (a PIN, a touch, a yes/no), asked on the terminal; refused without one."""

    def display_message(self, message: str) -> None:
        print(message, file=sys.stderr)

    def confirm(self, message: str, yes_string: str, no_string: str | None) -> bool | None:
        if not sys.stdin.isatty():
            return None
        answer = input(f"{message} [{yes_string}/{no_string or 'no'}] ").strip().lower()
        return answer == yes_string.lower()

    def request_public(self, message: str) -> str | None:
        return input(f"{message} ") if sys.stdin.isatty() else None

    def request_secret(self, message: str) -> str | None:
        return getpass.getpass(f"{message} ") if sys.stdin.isatty() else None
