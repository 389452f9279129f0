"""The fuzz targets: each takes one hostile input, runs the real parser on it and checks the property.

Shared by tests/test_fuzz_parsers.py (hypothesis) and tests/fuzz/atheris_parsers.py (coverage-guided), so
both fuzzers test the same code the same way. A target raises AssertionError when the property fails and
returns what happened otherwise ("ok" or the error text), for the callers' statistics.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import json
from pathlib import Path
from typing import Any, Callable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.helpers.fuzz import assert_clear, no_hang

AGENT = "agent-t"
DAY = "2025/06/01"
CALL = "c1"
BUDGET_S = 10.0


class ManifestTarget:
    """A call in a folder store, signed by a test workstation key registered for AGENT: every mutated
    manifest is signed again with that key, so verify's parser and checks (not the signature) meet it."""

    def __init__(self, root: Path) -> None:
        import pyrage

        from taltio.admin.trust import Registry
        from taltio.domain import sshsig

        self.root, self.key = root, Ed25519PrivateKey.generate()
        self.identity = pyrage.x25519.Identity.generate()
        (root / "id.txt").write_text(f"{self.identity}\n")
        self.trust = root / "trust.json"
        reg = Registry(self.trust)
        reg.add(AGENT, sshsig.public_openssh(self.key.public_key()), "manual")
        reg.save()
        self.folder = root / "store" / AGENT / DAY
        self.folder.mkdir(parents=True)
        blob = pyrage.encrypt(b"OggS" + bytes(200), [self.identity.to_public()])
        (self.folder / f"{CALL}.ogg.age").write_bytes(blob)
        self.base = {
            "schema": "taltio.manifest", "schema_version": 2, "call_id": CALL, "agent_id": AGENT,
            "workstation_key": sshsig.public_openssh(self.key.public_key()), "outcome": "completed",
            "direction": "incoming", "queue": None, "party": None,
            "times": {"ring": "2025-06-01T10:00:00.000Z", "answer": "2025-06-01T10:00:01.000Z",
                      "notice_given": "2025-06-01T10:00:04.000Z", "recording_start": "2025-06-01T10:00:05.000Z",
                      "end": "2025-06-01T10:05:00.000Z"},
            "notice": {"mode": "agent", "given": "2025-06-01T10:00:04.000Z", "language": "fi"},
            "pauses": [{"start": "2025-06-01T10:01:00.000Z", "end": "2025-06-01T10:01:30.000Z"}],
            "bookmarks": [{"at": "2025-06-01T10:02:00.000Z", "label": "agreement"}],
            "audio": {"codec": "ogg/opus", "file": {"name": f"{CALL}.ogg.age", "sha256": hashlib.sha256(blob).hexdigest(),
                                                    "size": len(blob)}, "segments": None, "duration_s": 295.0},
        }

    def encode(self, doc: Any) -> bytes:
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode("utf-8", "surrogatepass")

    def _store(self, body: bytes) -> None:
        from taltio.domain import sshsig

        (self.folder / f"{CALL}.manifest.json").write_bytes(body)
        (self.folder / f"{CALL}.manifest.json.sig").write_text(sshsig.sign(self.key, body, sshsig.NS_MANIFEST))

    def check(self, body: bytes) -> str:
        """Sign *body* as the manifest, then `taltio-admin fetch` it and `verify --json` it."""
        self._store(body)
        with no_hang(BUDGET_S):
            fetched = self._fetch()
            verified = self._verify()
        assert (fetched == "ok") == (verified == "ok"), (fetched, verified)
        return fetched

    def _fetch(self) -> str:
        from taltio.admin import main as admin_main

        out = self.root / "out.ogg"
        for p in (out, out.with_name("out.ogg.manifest.json"), out.with_name("out.ogg.manifest.json.sig")):
            p.unlink(missing_ok=True)
        argv = ["fetch", f"file://{self.folder}/{CALL}", "--identity", str(self.root / "id.txt"), "-o", str(out),
                "--trust-file", str(self.trust), "--with-manifest"]
        said = io.StringIO()
        rc, err = run_quietly(lambda: admin_main.main(argv), said)
        assert rc in (0, 1), (rc, err)
        if rc == 0:                    # a playable file, or a verified call that recorded no audio
            assert (out.exists() or "no audio (manifest verified)" in said.getvalue()) and not err.strip(), err
            return "ok"
        assert not out.exists(), "a refused call left its output behind"
        return assert_clear(err, names="taltio-admin: ")

    def _verify(self) -> str:
        """The same call through `verify --json`: one report, every check named and its reason readable."""
        from taltio.admin import main as admin_main

        stdout = io.StringIO()
        argv = ["verify", f"file://{self.folder}/{CALL}", "--trust-file", str(self.trust), "--json"]
        rc, err = run_quietly(lambda: admin_main.main(argv), stdout)
        assert rc in (0, 1) and not err.strip(), (rc, err)
        [report] = json.loads(stdout.getvalue())
        for c in report["checks"]:
            assert_clear(c["name"])
            assert_clear(c["reason"], max_len=None if c["name"] in ("pauses", "bookmarks") else 2000)
        assert report["ok"] == (rc == 0)
        return "ok" if rc == 0 else "refused"


def run_quietly(fn: Callable[[], int], stdout: io.StringIO | None = None) -> tuple[int, str]:
    """Run a command's main(), returning its exit code and what it wrote to stderr; stdout goes to *stdout*
    (discarded by default)."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(stdout or io.StringIO()):
        try:
            rc = fn()
        except SystemExit as exc:      # argparse's usage errors
            rc = exc.code if isinstance(exc.code, int) else 2
    return rc, err.getvalue()


class ConfigTarget:
    """The settings loader over a machine and a user file; the other one is a valid file."""

    def __init__(self, root: Path) -> None:
        self.machine, self.user = root / "taltio.toml", root / "settings.toml"
        self.machine.write_bytes(MACHINE_TOML)
        self.user.write_bytes(USER_TOML)

    def check(self, raw: bytes, which: str = "machine") -> str:
        from taltio import settings as settings_mod

        path = self.machine if which == "machine" else self.user
        path.write_bytes(raw)
        try:
            with no_hang(BUDGET_S):
                s = settings_mod.load(self.machine, self.user)
        except settings_mod.ConfigError as exc:
            return assert_clear(str(exc), names=str(path))
        finally:
            self.machine.write_bytes(MACHINE_TOML)
            self.user.write_bytes(USER_TOML)
        assert s.values["agent.id"] is not None
        return "ok"


MACHINE_TOML = (b'[taltio]\nformat = 1\n[agent]\nid = "agent-7"\n[storage]\nurl = "s3://bucket/agents"\n'
                b'retry_max_seconds = 300\n[encryption]\nrecipients = ["age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqy'
                b'qszqgpqyqs3290gq"]\n[audio]\nsample_rate = 48000\nsegment_seconds = 0.25\n'
                b'[privacy]\nmax_private_per_day = 3\n')
USER_TOML = b'[taltio]\nformat = 1\n[ui]\nlanguage = "fi"\n'


def check_trust_file(path: Path, raw: bytes) -> str:
    """The supervisor's trust registry (JSON): loaded, or a TrustError naming the file."""
    from taltio.admin.trust import Registry, TrustError

    path.write_bytes(raw)
    try:
        with no_hang(BUDGET_S):
            reg = Registry.load(path)
    except TrustError as exc:
        return assert_clear(str(exc), names=str(path))
    assert all(isinstance(k.key, str) for ks in reg.agents.values() for k in ks)
    return "ok"


def check_ipc_line(raw: bytes, handler: Callable[[dict], dict]) -> dict:
    """One control-socket line through the shared protocol step: one reply, a clear error if refused, and
    never an "internal error" (that is a bug in the handler, not bad input)."""
    from taltio.app.control import encode_reply, handle_line

    with no_hang(BUDGET_S):
        reply = handle_line(raw, handler)
        line = encode_reply(reply)
    assert line.endswith(b"\n") and line.count(b"\n") == 1, line
    back = json.loads(line)
    assert back["v"] == 1 and isinstance(back.get("ok"), bool), back
    if not back["ok"]:
        msg = assert_clear(back.get("error"))
        assert not msg.startswith("internal error"), (raw[:200], msg)
    return back
