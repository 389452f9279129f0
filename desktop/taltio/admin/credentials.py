"""The supervisor's storage credential kept in the OS keyring instead of a shell variable or ~/.aws.

A supervisor's read credential opens every customer's recordings (with the org identity), so it
should not sit in a plain-text profile on a laptop. `taltio-admin credentials set --store URL` asks
for the access key id and secret and keeps them in the user's keyring (the same backends the agent
app uses: Windows Credential Manager, macOS Keychain, the Secret Service); every command that opens
that store uses them when the usual AWS chain (variables, profile, instance role) has none.
"""
from __future__ import annotations

import argparse
import getpass
import json
import sys

from taltio.admin.trust import AdminError

_PREFIX = "admin-s3:"


class CredentialError(AdminError):
    """The keyring cannot be used or holds nothing for the store."""


def _name(bucket: str, endpoint: str | None) -> str:
    return f"{_PREFIX}{endpoint or 'aws'}/{bucket}"


def _keystore():  # noqa: ANN202 - taltio.domain.ports.Keystore
    from taltio.adapters.keystore import OSKeystore

    return OSKeystore()


def lookup(bucket: str, endpoint: str | None) -> tuple[str, str] | None:
    """(access key id, secret) kept for this bucket and endpoint, or None."""
    from taltio.domain.ports import KeystoreError

    try:
        raw = _keystore().get(_name(bucket, endpoint))
    except KeystoreError:
        return None
    if not raw:
        return None
    try:
        doc = json.loads(raw)
        return str(doc["access_key_id"]), str(doc["secret"])
    except (ValueError, KeyError, TypeError):
        raise CredentialError(f"the keyring entry {_name(bucket, endpoint)} is damaged; set it again with "
                              "`taltio-admin credentials set`") from None


def store_credentials(bucket: str, endpoint: str | None, access_key_id: str, secret: str) -> str:
    from taltio.domain.ports import KeystoreError

    try:
        ks = _keystore()
        ks.set(_name(bucket, endpoint), json.dumps({"access_key_id": access_key_id, "secret": secret}))
    except KeystoreError as exc:
        raise CredentialError(f"cannot write to the keyring: {exc}") from None
    return ks.describe()


def run_set(ns: argparse.Namespace) -> int:
    import os
    from urllib.parse import urlparse

    u = urlparse(ns.store)
    endpoint = ns.endpoint or os.environ.get("AWS_ENDPOINT_URL") or None     # as S3Store resolves it
    try:
        if u.scheme != "s3" or not u.netloc:
            raise CredentialError(f"'{ns.store}' is not an S3 store (s3://BUCKET/PREFIX); a folder needs no credential")
        key_id = ns.access_key_id or input("S3 access key id: ").strip()
        secret = sys.stdin.readline().strip() if ns.secret_stdin else getpass.getpass("S3 secret access key: ")
        if not key_id or not secret:
            raise CredentialError("both the access key id and the secret are needed")
        where = store_credentials(u.netloc, endpoint, key_id, secret)
    except AdminError as exc:
        print(f"taltio-admin: {exc}", file=sys.stderr)
        return 1
    print(f"kept the credential for s3://{u.netloc} in {where}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add `credentials set` to taltio-admin."""
    c = sub.add_parser("credentials", help="keep the supervisor's storage credential in the OS keyring",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    cs = c.add_subparsers(dest="credentials_cmd", required=True)
    s = cs.add_parser("set", help="ask for an S3 access key id and secret and keep them for one store")
    s.add_argument("--store", required=True, help="s3://BUCKET/PREFIX")
    s.add_argument("--endpoint", help="S3 endpoint URL (default: AWS)")
    s.add_argument("--access-key-id", help="the access key id (asked when not given)")
    s.add_argument("--secret-stdin", action="store_true", help="read the secret from standard input (scripts)")
    s.set_defaults(handler=run_set)
