"""`taltio-admin`: supervisor and IT tools.

fetch: download one call, check the manifest signature and every object's
hash, decrypt with the organisation identity and write a playable Ogg file.
Nothing is written unless every check passed.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path
from urllib.parse import urlparse

from taltio.admin import storage as admin_storage
from taltio.admin import fleet as admin_fleet
from taltio.admin import policy as admin_policy
from taltio.domain import sshsig


class AdminError(RuntimeError):
    pass


def _reader(url: str, endpoint: str | None):
    """Returns (get(name), signed(name), call id) for objects beside the call URL (s3://bucket/prefix or file:///dir).

    signed(name) gives a manifest and its SSH signature: in S3 the signature is the object's own
    ``x-amz-meta-sshsig``; calls uploaded before that (and folders) have it as ``<name>.sig``.
    """
    u = urlparse(url)
    if u.scheme == "file":
        base = Path(u.path)

        def read(name: str) -> bytes:
            return (base.parent / name).read_bytes()

        return read, lambda name: (read(name), read(f"{name}.sig").decode()), base.name
    if u.scheme == "s3":
        import boto3
        from botocore.config import Config
        from botocore.exceptions import ClientError

        from taltio.adapters.storage import SIGNATURE_METADATA

        client = boto3.client("s3", endpoint_url=endpoint or os.environ.get("AWS_ENDPOINT_URL"),
                              config=Config(signature_version="s3v4", s3={"addressing_style": "path"}))
        key = u.path.lstrip("/")
        folder, _, call = key.rpartition("/")

        def get(name: str) -> bytes:
            return client.get_object(Bucket=u.netloc, Key=f"{folder}/{name}")["Body"].read()

        def signed(name: str) -> tuple[bytes, str]:
            resp = client.get_object(Bucket=u.netloc, Key=f"{folder}/{name}")
            body = resp["Body"].read()
            one_line = (resp.get("Metadata") or {}).get(SIGNATURE_METADATA)
            if one_line:
                try:
                    return body, sshsig.from_header(one_line)
                except sshsig.SignatureError as exc:
                    raise AdminError(f"{name}: the signature in its metadata is unreadable ({exc})") from None
            try:
                return body, get(f"{name}.sig").decode()
            except ClientError as exc:
                if exc.response.get("Error", {}).get("Code") not in ("NoSuchKey", "404"):
                    raise
            raise AdminError(f"{name} has no signature (neither x-amz-meta-{SIGNATURE_METADATA} nor {name}.sig): "
                             "it cannot be trusted")

        return get, signed, call
    raise AdminError("URL must be s3://BUCKET/KEY-PREFIX/CALL-ID or file:///FOLDER/CALL-ID")


def _trusted(allowed: Path | None, key_line: str) -> None:
    if allowed is None:
        return
    wanted = " ".join(key_line.split()[:2])
    for line in allowed.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 3 and " ".join(parts[1:3]) == wanted:
            return
    raise AdminError("the manifest was signed by a workstation key that is not in the allowed signers file")


def _identities(source: str) -> list:
    """Org identities from an age identity file, or `keyring` for this computer's standalone key."""
    import pyrage

    if source == "keyring":
        from taltio.adapters.keystore import OSKeystore
        from taltio.domain.identity import STANDALONE_ORG

        secret = OSKeystore().get(STANDALONE_ORG)
        if not secret:
            raise AdminError("no standalone key in this user's keyring; is this the computer that recorded?")
        return [pyrage.x25519.Identity.from_str(secret)]
    keys = [ln.strip() for ln in Path(source).read_text().splitlines() if ln.strip().startswith("AGE-SECRET-KEY-")]
    if not keys:
        raise AdminError(f"{source} holds no AGE-SECRET-KEY line")
    return [pyrage.x25519.Identity.from_str(k) for k in keys]


def fetch(args: argparse.Namespace) -> int:
    import pyrage

    get, signed, call = _reader(args.url, args.endpoint)
    body, sig = signed(f"{call}.manifest.json")
    doc = json.loads(body)
    pub = sshsig.verify(sig, body, sshsig.NS_MANIFEST)
    if sshsig.public_openssh(pub).split()[:2] != doc["workstation_key"].split()[:2]:
        raise AdminError("manifest signature key differs from the key named in the manifest")
    _trusted(args.allowed_signers, doc["workstation_key"])
    if args.with_manifest:
        # The evidence beside the copy: `ssh-keygen -Y verify -n taltio-manifest-v1 -s X.sig < X` checks it.
        m = args.output.with_name(f"{args.output.name}.manifest.json")
        m.write_bytes(body)
        m.with_name(f"{m.name}.sig").write_text(sig)
        print(f"wrote {m} and {m.name}.sig")
    audio = doc.get("audio")
    if not audio:
        print(f"call {call}: outcome {doc['outcome']}, no audio (manifest verified)")
        return 0
    parts = [audio["file"]] if audio.get("file") else audio["segments"]
    idents = _identities(args.identity)
    plain = bytearray()
    for p in parts:
        blob = get(p["name"])
        if hashlib.sha256(blob).hexdigest() != p["sha256"]:
            raise AdminError(f"{p['name']} does not match the signed manifest (hash differs)")
        plain += pyrage.decrypt(blob, idents)
    args.output.write_bytes(bytes(plain))
    print(f"call {call}: outcome {doc['outcome']}, {len(parts)} part(s) verified, wrote {args.output}")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="taltio-admin", description="Taltio supervisor and IT tools")
    sub = p.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("fetch", help="download, verify and decrypt one call")
    f.add_argument("url", help="s3://BUCKET/PREFIX/AGENT/YYYY/MM/DD/CALL-ID or file:///FOLDER/CALL-ID")
    f.add_argument("--identity", required=True,
                   help="age identity file of the organisation, or 'keyring' for this computer's standalone key")
    f.add_argument("--allowed-signers", type=Path, help="only accept manifests signed by these workstation keys")
    f.add_argument("--endpoint", help="S3 endpoint URL (credentials from the usual AWS variables)")
    f.add_argument("-o", "--output", type=Path, required=True)
    f.add_argument("--with-manifest", action="store_true",
                   help="also write OUTPUT.manifest.json and its SSH signature (OUTPUT.manifest.json.sig)")
    d = sub.add_parser("docs", help="print docs/configuration.md from the settings schema")
    d.add_argument("--check", type=Path, help="exit 1 if this file differs from the generated text")
    admin_fleet.register(sub)
    admin_storage.register(sub)
    admin_policy.register(sub)
    ns = p.parse_args(argv)
    if getattr(ns, "handler", None):  # subcommands registered by their own module
        return ns.handler(ns)
    try:
        if ns.cmd == "fetch":
            return fetch(ns)
        if ns.cmd == "docs":
            from taltio.settings import docs_markdown

            text = docs_markdown()
            if ns.check:
                return 0 if ns.check.read_text() == text else 1
            sys.stdout.write(text)
            return 0
    except (AdminError, sshsig.SignatureError, OSError, KeyError, ValueError) as exc:
        print(f"taltio-admin: {exc}", file=sys.stderr)
        return 1
    return 2


if __name__ == "__main__":
    sys.exit(main())
