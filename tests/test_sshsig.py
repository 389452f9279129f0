"""Manifest signatures must verify with stock OpenSSH, and tampering must be caught."""
import subprocess

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from taltio.domain import sshsig


def _ssh_verify(tmp_path, key, data: bytes, sig: str, namespace: str) -> subprocess.CompletedProcess:
    (tmp_path / "allowed").write_text(f"ws-1 {sshsig.public_openssh(key.public_key())}\n")
    (tmp_path / "doc.sig").write_text(sig)
    return subprocess.run(["ssh-keygen", "-Y", "verify", "-f", str(tmp_path / "allowed"), "-I", "ws-1",
                           "-n", namespace, "-s", str(tmp_path / "doc.sig")], input=data, capture_output=True)


def test_ssh_keygen_verifies_our_signature(tmp_path):
    key = Ed25519PrivateKey.generate()
    data = b'{"call_id": "c1"}\n'
    sig = sshsig.sign(key, data, sshsig.NS_MANIFEST)
    r = _ssh_verify(tmp_path, key, data, sig, sshsig.NS_MANIFEST)
    assert r.returncode == 0, r.stderr
    assert b"Good" in r.stdout


def test_ssh_keygen_rejects_tampered_document_and_other_namespace(tmp_path):
    key = Ed25519PrivateKey.generate()
    sig = sshsig.sign(key, b"original", sshsig.NS_MANIFEST)
    assert _ssh_verify(tmp_path, key, b"tampered", sig, sshsig.NS_MANIFEST).returncode != 0
    assert _ssh_verify(tmp_path, key, b"original", sig, sshsig.NS_POLICY).returncode != 0


def test_our_verify_accepts_ssh_keygen_signatures(tmp_path):
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(tmp_path / "k")], check=True)
    (tmp_path / "msg").write_bytes(b"hello")
    subprocess.run(["ssh-keygen", "-Y", "sign", "-f", str(tmp_path / "k"), "-n", sshsig.NS_POLICY,
                    str(tmp_path / "msg")], check=True, capture_output=True)
    sig = (tmp_path / "msg.sig").read_text()
    pub = sshsig.verify(sig, b"hello", sshsig.NS_POLICY)
    assert sshsig.public_openssh(pub).split()[1] == (tmp_path / "k.pub").read_text().split()[1]
    with pytest.raises(sshsig.SignatureError):
        sshsig.verify(sig, b"hellO", sshsig.NS_POLICY)
    with pytest.raises(sshsig.SignatureError):
        sshsig.verify(sig, b"hello", sshsig.NS_MANIFEST)
    with pytest.raises(sshsig.SignatureError):
        sshsig.verify(sig.replace("A", "B", 3), b"hello", sshsig.NS_POLICY)


def test_trailing_bytes_after_the_signature_are_refused():
    """Found by the policy fuzzer: a blob with extra bytes after the signature used to verify."""
    import base64

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from taltio.domain import sshsig as s

    key = Ed25519PrivateKey.generate()
    armored = s.sign(key, b"doc", "taltio-test")
    s.verify(armored, b"doc", "taltio-test")
    lines = armored.strip().splitlines()
    blob = base64.b64decode("".join(lines[1:-1]))
    b64 = base64.b64encode(blob + b"\x0f").decode()
    padded = "\n".join([lines[0], *[b64[i:i + 70] for i in range(0, len(b64), 70)], lines[-1]]) + "\n"
    with pytest.raises(s.SignatureError, match="trailing data"):
        s.verify(padded, b"doc", "taltio-test")


@pytest.mark.parametrize("kind", ["manifest", "policy"])
def test_what_the_app_signs_verifies_with_the_namespace_the_docs_name(tmp_path, kind):
    """The namespace a supervisor types (docs/design.md, docs/supervisors.md) against what the code signs with:
    NS_POLICY once said taltio-policy-v1 while policies were signed taltio-policy@taltio."""
    from taltio.domain import policy as pol
    key = Ed25519PrivateKey.generate()
    doc = b'{"version": 1}\n'
    sig = pol.sign(doc, key).decode() if kind == "policy" else sshsig.sign(key, doc, sshsig.NS_MANIFEST)
    documented = {"manifest": "taltio-manifest-v1", "policy": "taltio-policy@taltio"}[kind]
    r = _ssh_verify(tmp_path, key, doc, sig, documented)
    assert r.returncode == 0, r.stderr
    other = {"manifest": "taltio-policy@taltio", "policy": "taltio-manifest-v1"}[kind]
    assert _ssh_verify(tmp_path, key, doc, sig, other).returncode != 0
    assert sshsig.verify(sig, doc, {"manifest": sshsig.NS_MANIFEST, "policy": sshsig.NS_POLICY}[kind])
