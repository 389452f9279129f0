"""taltio-admin's identity loader: plain X25519 keys, plugin identities (hardware tokens), clear refusals."""
from __future__ import annotations

import subprocess

import pyrage
import pytest

from taltio.admin import identities


def _bech32(hrp: str, data: bytes) -> str:
    """BIP-173 bech32 (what age uses for its keys), to make a well-formed plugin identity without the plugin.
    Written out because it is only needed here and is 20 lines of the standard's reference algorithm."""
    charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

    def polymod(values: list[int]) -> int:
        gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
        chk = 1
        for v in values:
            b = chk >> 25
            chk = (chk & 0x1FFFFFF) << 5 ^ v
            for i in range(5):
                chk ^= gen[i] if (b >> i) & 1 else 0
        return chk

    acc, bits, five = 0, 0, []
    for byte in data:
        acc, bits = (acc << 8) | byte, bits + 8
        while bits >= 5:
            bits -= 5
            five.append((acc >> bits) & 31)
    if bits:
        five.append((acc << (5 - bits)) & 31)
    expand = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    mod = polymod(expand + five + [0] * 6) ^ 1
    check = [(mod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(charset[d] for d in five + check)


def test_plain_identity_file_decrypts_what_age_encrypts(tmp_path):
    ident = pyrage.x25519.Identity.generate()
    f = tmp_path / "org.txt"
    f.write_text(f"# created: today\n# public key: {ident.to_public()}\n{ident}\n")
    blob = subprocess.run(["age", "-r", str(ident.to_public())], input=b"hello", capture_output=True, check=True).stdout
    assert pyrage.decrypt(blob, identities.load(str(f))) == b"hello"


def test_a_recipient_file_is_refused_with_what_it_is(tmp_path):
    f = tmp_path / "recipient.txt"
    f.write_text(str(pyrage.x25519.Identity.generate().to_public()) + "\n")
    with pytest.raises(identities.IdentityError, match="age1.*only encrypts"):
        identities.load(str(f))


def test_plugin_identity_without_its_plugin_names_the_plugin(tmp_path, monkeypatch):
    line = _bech32("age-plugin-yubikey-", bytes(range(20))).upper()
    pyrage.plugin.Identity.from_str(line)          # well-formed: pyrage accepts it
    f = tmp_path / "token.txt"
    f.write_text(f"# serial 123, slot 1\n{line}\n")
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    with pytest.raises(identities.IdentityError, match="age-plugin-yubikey.*not installed"):
        identities.load(str(f))


def test_plugin_identity_goes_to_the_installed_plugin(tmp_path, monkeypatch):
    """With the plugin on PATH the identity is handed to it (pyrage's plugin protocol, as `age -d -i` does)."""
    line = _bech32("age-plugin-yubikey-", bytes(range(20))).upper()
    f = tmp_path / "token.txt"
    f.write_text(line + "\n")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "age-plugin-yubikey"
    fake.write_text("#!/bin/sh\nexit 1\n")     # a plugin that fails: we check the hand-over, not a token
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    loaded = identities.load(str(f))
    assert len(loaded) == 1 and isinstance(loaded[0], pyrage.plugin.IdentityPluginV1)
    blob = pyrage.encrypt(b"x", [pyrage.x25519.Identity.generate().to_public()])
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(blob, loaded)
