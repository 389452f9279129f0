"""`taltio` entry point. The hook path stays light: MicroSIP freezes its window while the hook runs, so
`taltio hook` imports only this module, ipc and core.paths (tests/test_hook_weight.py) and answers in
well under 100 ms (benchmarks/hook_latency.py)."""
from __future__ import annotations

import os
import sys

HOOK_EVENTS = ("incoming", "outgoing", "ringing", "answered", "ended", "transferred", "hold", "unhold", "private",
               "next-private", "pause", "resume", "notice-given", "declined", "bookmark")
HOOK_OPTIONS = {"--call-id": "call_id", "--number": "number", "--label": "label", "--reason": "label",
                "--queue": "queue", "--name": "display_name"}

USAGE = """usage: taltio [run]                 start the tray app
       taltio run --headless         record with no display and no tray (logs its state; hook/status work)
       taltio hook EVENT [NUMBER | --number N] [--call-id ID] [--name NAME] [--queue NAME] [--label TEXT | --reason TEXT]
       taltio status                 print the running app's state as JSON
       taltio doctor                 check devices, storage, keys, softphone and queue
       taltio --version              the version, the commit and the audio and Qt libraries' versions
       taltio enroll [--access-key-id ID] [--secret-file F]   store the S3 secret (stdin, or a one-time file
                                     that is then deleted) in the OS keyring
events: """ + ", ".join(HOOK_EVENTS)


def _shown(value: str) -> str:
    """A value echoed in an error: at most 40 characters, control characters as '?', so it stays one line."""
    return "".join(c if c.isprintable() else "?" for c in value[:40])


def _fail(msg: str, code: int = 2) -> int:
    print(f"taltio: {msg}", file=sys.stderr)
    return code


def hook(args: list[str]) -> int:
    if not args:
        return _fail("hook needs an event: " + ", ".join(HOOK_EVENTS))
    event, rest = args[0], args[1:]
    if event not in HOOK_EVENTS:
        return _fail(f"unknown hook event '{_shown(event)}'; expected one of: " + ", ".join(HOOK_EVENTS))
    opts: dict[str, str] = {}
    it = iter(rest)
    for a in it:
        if not a.startswith("-") and "number" not in opts:
            # A bare argument is the remote number: MicroSIP appends it to the configured command line.
            # Empty (anonymous) means no number.
            if a.strip():
                opts["number"] = a
            continue
        name, eq, val = a.partition("=")
        if name not in HOOK_OPTIONS:
            return _fail(f"unknown option '{_shown(a)}' for hook; use --call-id ID, --number N, --name NAME (caller), "
                         "--queue NAME (the service line, for language rules), --label TEXT (bookmark) or "
                         "--reason TEXT (private)")
        if not eq:
            val = next(it, "")
        if not val:
            return _fail(f"{name} needs a value")
        opts[HOOK_OPTIONS[name]] = val
    from taltio.app.ipc import IPCError, request

    try:
        reply = request({"cmd": "hook", "event": event, **opts})
    except IPCError as exc:
        return _fail(str(exc), 3)
    if not reply.get("ok"):
        return _fail(reply.get("error", "refused"), 1)
    return 0


def status() -> int:
    import json

    from taltio.app.ipc import IPCError, request

    try:
        reply = request({"cmd": "status"})
    except IPCError as exc:
        return _fail(str(exc), 3)
    print(json.dumps(reply, indent=2))
    return 0


def enroll(args: list[str]) -> int:
    """Put this agent's S3 secret in the OS keyring, from stdin or from the installer's one-time file.

    The file is deleted once the keyring holds the secret (and kept if that fails, so the
    installer can retry); the secret is never printed, logged or written anywhere else.
    """
    import argparse
    from pathlib import Path

    p = argparse.ArgumentParser(prog="taltio enroll")
    p.add_argument("--access-key-id", help="the agent's S3 access key id (default: storage.access_key_id)")
    p.add_argument("--secret-file", type=Path,
                   help="read the secret from this one-time file (e.g. dropped by the installer), then delete it")
    ns = p.parse_args(args)
    key_id = ns.access_key_id
    if not key_id:
        from taltio import settings as settings_mod
        from taltio.app.config import load_settings

        try:
            key_id = load_settings()["storage.access_key_id"]
        except settings_mod.ConfigError as exc:
            return _fail(f"cannot read the settings for storage.access_key_id: {exc}")
        if not key_id:
            return _fail("no access key id: pass --access-key-id, or set storage.access_key_id in the machine config")
    if ns.secret_file:
        try:
            mode = ns.secret_file.stat().st_mode
            secret = ns.secret_file.read_text().strip().splitlines()[0].strip() if ns.secret_file.stat().st_size \
                else ""
        except (OSError, IndexError, UnicodeDecodeError) as exc:
            return _fail(f"cannot read the secret file {ns.secret_file}: {getattr(exc, 'strerror', None) or exc}")
        if mode & 0o077:
            print(f"taltio: warning: {ns.secret_file} was readable by other users; rotate this key if the "
                  "computer is shared", file=sys.stderr)
    else:
        secret = sys.stdin.readline().strip()
    if not secret:
        return _fail("no secret given (standard input or --secret-file was empty)")
    from taltio.domain.ports import KeystoreError
    from taltio.adapters.keystore import OSKeystore

    try:
        OSKeystore().set(f"s3:{key_id}", secret)
    except KeystoreError as exc:
        kept = f"; {ns.secret_file} was kept so you can retry" if ns.secret_file else ""
        return _fail(f"{exc}{kept}", 1)
    if ns.secret_file:
        try:
            ns.secret_file.unlink()
        except OSError as exc:
            return _fail(f"stored the secret, but could not delete {ns.secret_file}: {exc.strerror}; delete it now", 1)
    print(f"stored the S3 secret for access key {key_id} in the OS keyring"
          + (f" and deleted {ns.secret_file}" if ns.secret_file else ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if os.name == "posix":
        # Everything Taltio writes (logs naming call ids, sealed segments, the queue, the journal) is its user's
        # only, also below the 0700 data dir: a copied or restored folder, or a file moved out of it, stays so.
        os.umask(0o077)
    cmd = argv[0] if argv else "run"
    if cmd == "hook":
        return hook(argv[1:])
    if cmd == "status":
        return status()
    if cmd == "doctor":
        from taltio.cli.doctor import main as doctor_main

        return doctor_main(argv[1:])
    if cmd == "enroll":
        return enroll(argv[1:])
    if cmd == "run":
        if "--headless" in argv[1:]:
            from taltio.cli.headless import run as run_headless

            return run_headless([a for a in argv[1:] if a != "--headless"])
        from taltio.ui.main import run

        return run(argv[1:])
    if cmd in ("--version", "-V", "version"):
        from taltio.app.about import version_text

        print(version_text("taltio"))
        return 0
    if cmd in ("-h", "--help", "help"):
        print(USAGE)
        return 0
    return _fail(f"unknown command '{_shown(cmd)}'\n{USAGE}")


if __name__ == "__main__":
    sys.exit(main())
