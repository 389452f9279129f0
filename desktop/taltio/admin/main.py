"""`taltio-admin`: supervisor and IT tools.

fetch: download one call, verify it (admin/verify.py: signature, a signer
registered for the agent, hashes, segments, notice time), decrypt it as a stream
with the organisation identity (admin/decrypt.py) and write a playable file.
Nothing is written unless every check passed (or, with --original-despite-overwrite, every
check but write-once: admin/original.py). verify, decrypt and trust are
registered by their own modules.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from taltio.admin import catalog as admin_catalog
from taltio.admin import credentials as admin_credentials
from taltio.admin import decrypt as admin_decrypt
from taltio.admin import export as admin_export
from taltio.admin import fleet as admin_fleet
from taltio.admin import hold as admin_hold
from taltio.admin import original
from taltio.admin import keys as admin_keys
from taltio.admin import play as admin_play
from taltio.admin import policy as admin_policy
from taltio.admin import retention as admin_retention
from taltio.admin import storage as admin_storage
from taltio.admin import trust as admin_trust
from taltio.admin import verify as admin_verify
from taltio.admin.trust import AdminError, Registry
from taltio.domain import sshsig

__all__ = ["AdminError", "fetch", "main"]


def _trusted(allowed: Path | None, key_line: str) -> None:
    """The old --allowed-signers file, kept as an extra restriction on top of the trust registry."""
    if allowed is None:
        return
    wanted = " ".join(key_line.split()[:2])
    for line in allowed.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 3 and " ".join(parts[1:3]) == wanted:
            return
    raise AdminError("the manifest was signed by a workstation key that is not in the allowed signers file")


def fetch(args: argparse.Namespace) -> int:
    """verify_call, then the streaming decrypt: the same checks as `verify`, the same writer as `decrypt`."""
    store, ref = admin_verify.locate(args.url, None, args.endpoint)
    rep = admin_verify.verify_call(store, ref, Registry.for_identity(args.trust_file, args.identity),
                                   trust_on_first_use=args.trust_on_first_use)
    despite = args.original_despite_overwrite
    if not original.usable(rep, despite):
        raise AdminError(admin_decrypt.refusal(rep) + original.hint(rep))
    _trusted(args.allowed_signers, rep.signer or "")
    doc = rep.doc or {}
    if not rep.parts:
        print(f"call {ref.call_id}: outcome {doc.get('outcome')}, no audio (manifest verified)")
    else:
        admin_decrypt.write_call(store, rep, admin_decrypt.identities(args.identity), args.output,
                                 despite_overwrite=despite)
    if args.with_manifest:
        # The evidence beside the copy: `ssh-keygen -Y verify -n taltio-manifest-v1 -s X.sig < X` checks it.
        m = args.output.with_name(f"{args.output.name}.manifest.json")
        m.write_bytes(rep.body or b"")
        m.with_name(f"{m.name}.sig").write_text(rep.signature or "")
        print(f"wrote {m} and {m.name}.sig")
    if rep.parts:
        print(f"call {ref.call_id}: outcome {doc.get('outcome')}, {len(rep.parts)} part(s) verified, "
              f"wrote {args.output}")
    if not rep.ok:
        print(original.notice(rep))
    return 0


class _Version(argparse.Action):
    """--version, computed only when asked: it loads libopus and runs git, which other commands need not wait for."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest=dest, nargs=0, default=argparse.SUPPRESS,
                         help="print the version, the commit and the audio and Qt libraries' versions")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from taltio.app.about import version_text

        print(version_text("taltio-admin"))
        parser.exit()


def main(argv: list[str] | None = None) -> int:
    if os.name == "posix":
        # What taltio-admin writes is evidence or a customer's copy: decrypted audio, exports, keys, manifests.
        # Readable by the supervisor only, whatever their umask; they share a copy on purpose, not by default.
        os.umask(0o077)
    p = argparse.ArgumentParser(prog="taltio-admin", description="Taltio supervisor and IT tools")
    p.add_argument("--version", "-V", action=_Version)
    sub = p.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("fetch", help="download, verify and decrypt one call")
    f.add_argument("url", help="s3://BUCKET/PREFIX/AGENT/YYYY/MM/DD/CALL-ID or file:///FOLDER/CALL-ID")
    f.add_argument("--identity", required=True,
                   help="age identity file of the organisation, or 'keyring' for this computer's standalone key")
    f.add_argument("--allowed-signers", type=Path, help="only accept manifests signed by these workstation keys")
    f.add_argument("--endpoint", help="S3 endpoint URL (credentials from the usual AWS variables)")
    f.add_argument("--trust-on-first-use", action="store_true",
                   help="trust the signer of an agent with no registered key yet, and record it as 'tofu'")
    admin_trust.add_trust_file_arg(f)
    f.add_argument("-o", "--output", type=Path, required=True)
    f.add_argument("--with-manifest", action="store_true",
                   help="also write OUTPUT.manifest.json and its SSH signature (OUTPUT.manifest.json.sig)")
    original.add_arg(f, "fetch")
    d = sub.add_parser("docs", help="print docs/configuration.md from the settings schema")
    d.add_argument("--check", type=Path, help="exit 1 if this file differs from the generated text")
    admin_fleet.register(sub)
    admin_storage.register(sub)
    admin_policy.register(sub)
    admin_keys.register(sub)            # after policy's: it adds new-org and new-index to the same `keys` group
    admin_catalog.register(sub)         # list, find
    admin_hold.register(sub)
    admin_credentials.register(sub)
    admin_retention.register(sub)
    admin_trust.register(sub)
    admin_verify.register(sub)
    admin_decrypt.register(sub)
    admin_export.register(sub)
    admin_play.register(sub)
    admin_play.register_review(sub)     # review: the window, started as `python -m taltio.ui.review` (admin imports no Qt)
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
