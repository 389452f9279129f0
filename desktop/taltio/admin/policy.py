"""`taltio-admin keys` and `taltio-admin policy`: write, sign, check and publish supervisor policies.

* ``keys new-supervisor -o FILE``: an Ed25519 key (OpenSSH private key file, mode 0600) and
  the line IT adds to policy.allowed_signers.
* ``policy new --target T -o FILE``: a document skeleton with the next version.
* ``policy edit FILE --set key=value --unset key``: typed by the settings schema; only
  settings a supervisor may set.
* ``policy sign FILE --key KEY``: FILE.sig, an SSH signature (namespace taltio-policy@taltio;
  ``ssh-keygen -Y verify -n taltio-policy@taltio`` checks it).
* ``policy verify FILE``: every check a workstation makes.
* ``policy publish FILE --url URL``: to ``<url>/<target file>`` (+ .sig), only if its version
  is higher than the one in storage.
* ``policy show URL|FILE`` and ``policy diff --url URL FILE``.


The document commands (new, edit) are in taltio.admin.policy_documents, keys, signing,
publishing and review in taltio.admin.policy_signing; this module is the command line and
re-exports them.

Storage credentials (publish, show, diff on s3://) come from boto3's default chain, as for
``taltio-admin storage``; they are never printed.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from taltio.admin.policy_documents import (DEFAULT_DAYS, PolicyAdminError, Store, _current_in_storage,  # noqa: F401
                                           _doc_location, _read_doc, _split_url, _write_doc, cmd_edit, cmd_new,
                                           parse_value)
from taltio.admin.policy_signing import (_allowed_signers, _load_ref, _report, cmd_diff,  # noqa: F401
                                         cmd_new_supervisor, cmd_publish, cmd_show, cmd_sign, cmd_verify, load_key)
from taltio.domain import policy as pol


# --------------------------------------------------------------------------- CLI


def _guard(fn):
    def run(ns: argparse.Namespace) -> int:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return fn(ns)
        except (PolicyAdminError, pol.PolicyError, OSError, ValueError) as exc:
            print(f"taltio-admin: {exc}", file=sys.stderr)
            return 1
        except (BotoCoreError, ClientError) as exc:
            from taltio.admin.storage import _explain_boto

            print(f"taltio-admin: {_explain_boto(exc)}", file=sys.stderr)
            return 1
    return run


def _register_keys(subparsers: Any) -> None:
    k = subparsers.add_parser("keys", help="supervisor signing keys")
    ksub = k.add_subparsers(dest="keys_cmd", required=True)
    kn = ksub.add_parser("new-supervisor", help="make a supervisor's Ed25519 policy signing key")
    kn.add_argument("-o", "--output", type=Path, required=True, help="private key file (OpenSSH format, 0600)")
    kn.add_argument("--name", help="name in the allowed-signers line (default supervisor@HOST)")
    kn.add_argument("--passphrase-env", metavar="VAR", help="encrypt the key with the passphrase in this variable")
    kn.set_defaults(handler=_guard(cmd_new_supervisor))


def _register_new(psub: Any) -> None:
    n = psub.add_parser("new", help="a policy document skeleton with the next version")
    n.add_argument("--target", required=True, help="org, group:NAME or agent:ID")
    n.add_argument("--version", type=int, help="version (default: 1, or one more than in storage with --url)")
    n.add_argument("--url", help="policy folder (s3://BUCKET/policy or file:///PATH) to take the next version from")
    n.add_argument("--endpoint", help="S3 endpoint URL (default AWS_ENDPOINT_URL, else AWS)")
    n.add_argument("--days", type=int, default=DEFAULT_DAYS, help=f"valid for (default {DEFAULT_DAYS}) days")
    n.add_argument("--comment")
    n.add_argument("-o", "--output", type=Path, required=True)
    n.add_argument("--force", action="store_true", help="replace an existing file")
    n.set_defaults(handler=_guard(cmd_new))


def _register_edit(psub: Any) -> None:
    e = psub.add_parser("edit", help="set or unset settings (typed by the settings schema)")
    e.add_argument("file", type=Path)
    e.add_argument("--set", action="append", metavar="KEY=VALUE")
    e.add_argument("--unset", action="append", metavar="KEY")
    e.add_argument("--version", type=int, help="set the version (default: one more if it was signed)")
    e.add_argument("--days", type=int, help="valid for this many days from now")
    e.add_argument("--comment")
    e.set_defaults(handler=_guard(cmd_edit))


def _register_sign(psub: Any) -> None:
    s = psub.add_parser("sign", help="sign a document (writes FILE.sig)")
    s.add_argument("file", type=Path)
    s.add_argument("--key", type=Path, required=True, help="the supervisor's private key")
    s.set_defaults(handler=_guard(cmd_sign))


def _register_verify(psub: Any) -> None:
    v = psub.add_parser("verify", help="check a document as a workstation would")
    v.add_argument("file", type=Path)
    v.add_argument("--sig", type=Path, help="signature file (default FILE.sig)")
    v.add_argument("--allowed-signers", type=Path, help="file of trusted keys ('ssh-ed25519 AAAA… name' lines)")
    v.add_argument("--current-version", type=int, default=0, help="version in force (refuse older)")
    v.add_argument("--target", help="the target it must be for")
    v.set_defaults(handler=_guard(cmd_verify))


def _register_publish(psub: Any) -> None:
    pb = psub.add_parser("publish", help="publish a signed document if its version is higher than in storage")
    pb.add_argument("file", type=Path)
    pb.add_argument("--url", required=True, help="policy folder: s3://BUCKET/policy or file:///PATH/policy")
    pb.add_argument("--endpoint", help="S3 endpoint URL (default AWS_ENDPOINT_URL, else AWS)")
    pb.add_argument("--allowed-signers", type=Path, help="refuse unless signed by one of these keys")
    pb.set_defaults(handler=_guard(cmd_publish))


def _register_show(psub: Any) -> None:
    sh = psub.add_parser("show", help="show a document (a file, or a URL of a document or policy folder)")
    sh.add_argument("ref", metavar="URL|FILE")
    sh.add_argument("--target", help="with a folder URL: which document (default org)")
    sh.add_argument("--endpoint")
    sh.add_argument("--allowed-signers", type=Path)
    sh.set_defaults(handler=_guard(cmd_show))


def _register_diff(psub: Any) -> None:
    d = psub.add_parser("diff", help="settings in force (storage) vs a proposed document")
    d.add_argument("file", type=Path)
    d.add_argument("--url", required=True, help="policy folder (or the document's URL)")
    d.add_argument("--endpoint")
    d.set_defaults(handler=_guard(cmd_diff))


def register(subparsers: Any) -> None:
    _register_keys(subparsers)
    p = subparsers.add_parser("policy", help="supervisor policies: new, edit, sign, verify, publish, show, diff")
    psub = p.add_subparsers(dest="policy_cmd", required=True)
    for add in (_register_new, _register_edit, _register_sign, _register_verify, _register_publish,
                _register_show, _register_diff):
        add(psub)
