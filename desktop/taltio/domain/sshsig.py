"""SSH signatures (the SSHSIG format of `ssh-keygen -Y sign`) with Ed25519.

Written here because no maintained Python library produces SSHSIG; the format is
small (PROTOCOL.sshsig in OpenSSH) and `ssh-keygen -Y verify` checks our output
in the tests. The crypto itself is `cryptography`'s Ed25519.
"""
from __future__ import annotations

import base64
import hashlib
import struct

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

MAGIC = b"SSHSIG"
# The namespaces the docs tell supervisors and IT to pass to `ssh-keygen -Y verify -n`; the one place they are
# spelled (the policy's was once "taltio-policy-v1" here and "taltio-policy@taltio" in use).
NS_MANIFEST = "taltio-manifest-v1"
NS_POLICY = "taltio-policy@taltio"
_BEGIN = "-----BEGIN SSH SIGNATURE-----"
_END = "-----END SSH SIGNATURE-----"


class SignatureError(ValueError):
    pass


def _string(b: bytes) -> bytes:
    return struct.pack(">I", len(b)) + b


def _read_string(buf: bytes, pos: int) -> tuple[bytes, int]:
    if pos + 4 > len(buf):
        raise SignatureError("truncated signature")
    (n,) = struct.unpack(">I", buf[pos:pos + 4])
    end = pos + 4 + n
    if end > len(buf):
        raise SignatureError("truncated signature")
    return buf[pos + 4:end], end


def public_blob(pub: Ed25519PublicKey) -> bytes:
    return _string(b"ssh-ed25519") + _string(pub.public_bytes(Encoding.Raw, PublicFormat.Raw))


def public_openssh(pub: Ed25519PublicKey, comment: str = "") -> str:
    line = pub.public_bytes(Encoding.OpenSSH, PublicFormat.OpenSSH).decode()
    return f"{line} {comment}".strip()


def _signed_data(namespace: str, message: bytes) -> bytes:
    return (MAGIC + _string(namespace.encode()) + _string(b"") + _string(b"sha512")
            + _string(hashlib.sha512(message).digest()))


def _armor(b64: str) -> str:
    return "\n".join([_BEGIN, *[b64[i:i + 70] for i in range(0, len(b64), 70)], _END]) + "\n"


def sign(key: Ed25519PrivateKey, message: bytes, namespace: str) -> str:
    sig = key.sign(_signed_data(namespace, message))
    blob = (MAGIC + struct.pack(">I", 1) + _string(public_blob(key.public_key())) + _string(namespace.encode())
            + _string(b"") + _string(b"sha512") + _string(_string(b"ssh-ed25519") + _string(sig)))
    return _armor(base64.b64encode(blob).decode())


def to_header(armored: str | bytes) -> str:
    """The signature on one line (its base64 without the armour), for an HTTP header.

    Storage keeps a manifest's signature in the object's own metadata, so the two arrive in
    one write-once PUT (never a manifest without its signature) and a call is two objects, not
    three. ``from_header`` gives back exactly the text ``ssh-keygen -Y verify`` reads.
    """
    text = armored.decode() if isinstance(armored, bytes) else armored
    text = text.strip()
    if not (text.startswith(_BEGIN) and text.endswith(_END)):
        raise SignatureError("not an SSH signature")
    return "".join(text[len(_BEGIN):-len(_END)].split())


def from_header(value: str) -> str:
    """The armoured signature (as ``sign`` wrote it) from ``to_header``'s one line."""
    b64 = "".join(value.split())
    try:
        base64.b64decode(b64, validate=True)
    except ValueError:
        raise SignatureError("signature is not valid base64") from None
    return _armor(b64)


def verify(armored: str, message: bytes, namespace: str) -> Ed25519PublicKey:
    """Check a signature and return the key that made it; the caller decides whether it trusts that key."""
    text = armored.strip()
    if not (text.startswith(_BEGIN) and text.endswith(_END)):
        raise SignatureError("not an SSH signature")
    try:
        blob = base64.b64decode("".join(text[len(_BEGIN):-len(_END)].split()), validate=True)
    except ValueError:
        raise SignatureError("signature is not valid base64") from None
    if not blob.startswith(MAGIC) or blob[6:10] != struct.pack(">I", 1):
        raise SignatureError("unsupported signature version")
    pos = 10
    pk, pos = _read_string(blob, pos)
    ns, pos = _read_string(blob, pos)
    _reserved, pos = _read_string(blob, pos)
    halg, pos = _read_string(blob, pos)
    sigblob, pos = _read_string(blob, pos)
    if pos != len(blob):
        # Strict like the format: one signature, nothing after it (a fuzzer found trailing bytes accepted).
        raise SignatureError("signature has trailing data")
    if ns.decode(errors="replace") != namespace:
        raise SignatureError(f"signature is for namespace '{ns.decode(errors='replace')}', not '{namespace}'")
    if halg != b"sha512":
        raise SignatureError("unsupported hash algorithm")
    ktype, kpos = _read_string(pk, 0)
    raw, _ = _read_string(pk, kpos)
    stype, spos = _read_string(sigblob, 0)
    sig, spos = _read_string(sigblob, spos)
    if spos != len(sigblob):
        raise SignatureError("signature has trailing data")
    if ktype != b"ssh-ed25519" or stype != b"ssh-ed25519" or len(raw) != 32:
        raise SignatureError("only Ed25519 signatures are accepted")
    pub = Ed25519PublicKey.from_public_bytes(raw)
    try:
        pub.verify(sig, _signed_data(namespace, message))
    except InvalidSignature:
        raise SignatureError("signature does not match the document") from None
    return pub
