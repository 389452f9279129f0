"""The "security" evidence suite: the local attack surface of a real running app (issue 17, point 5).

One app, started like a workstation's (its S3 secret enrolled into the keyring, not in its environment; its data,
runtime and config dirs in a home that other users may traverse, as Debian's 0755 homes are), records and uploads
one call. Against it we prove that a second Unix user reaches none of it, that every dir is 0700 and every file
0600 during the call and after, that nothing on the workstation can decrypt what it recorded, and that the keyring
is the only place the S3 secret lives. Each check has a positive control, so a check that cannot see is a failure,
not a pass.
"""
from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pyrage
import pytest

from tests.helpers.app_proc import AppProcess
from tests.helpers.other_user import (REFUSED, current_user, ensure_other_user, mode_offenders, probe_as,
                                      read_files, taltio_as, walk)
from tests.helpers.verify import manifest_key, wait_for_keys
from tests.helpers.world import AGENT, World, play_both, queue_empty, start_recording

pytestmark = [pytest.mark.slow, pytest.mark.evidence("security")]

CALL = "call-sec-1"
AGE_SECRET = re.compile(rb"AGE-SECRET-KEY-1[0-9A-Z]+", re.IGNORECASE)


@dataclass
class Scene:
    """The app under attack, and what its dirs held while the call was live."""
    app: AppProcess
    home: Path
    key_id: str
    secret: str
    live_paths: list[Path] = field(default_factory=list)
    live_offenders: list[str] = field(default_factory=list)
    live_files: dict[Path, bytes] = field(default_factory=dict)
    live_segment: bytes = b""

    @property
    def roots(self) -> list[Path]:
        """Every dir the app keeps files in: data (queue, logs, calls), runtime (socket, lock), user config."""
        return [self.app.data_dir, Path(self.app.env["TALTIO_RUNTIME_DIR"]), self.home / "config" / "Taltio"]

    def paths(self) -> list[Path]:
        """Everything the app created now: its dirs' trees, and whatever it left in its TMPDIR."""
        tmp = Path(self.app.env["TMPDIR"])
        return list(walk(self.roots)) + [p for p in walk([tmp]) if p != tmp]

    def texts(self) -> dict[str, bytes]:
        """Every byte the app wrote that a thief could read: its files (live and now), its logs as captured, its
        machine config, and its process environment."""
        out = {str(p): b for p, b in {**self.live_files, **read_files(self.paths())}.items()}
        for log in self.app.logs:
            out[str(log)] = log.read_bytes()
        out["TALTIO_CONFIG"] = Path(self.app.env["TALTIO_CONFIG"]).read_bytes()
        assert self.app.proc is not None
        out["/proc/app/environ"] = Path(f"/proc/{self.app.proc.pid}/environ").read_bytes()
        return out


def _workstation_app(world: World, home: Path) -> AppProcess:
    """The test app, moved into *home* and with its S3 secret enrolled into the keyring by `taltio enroll`."""
    app = world.app("security")
    secret = app.env.pop("TALTIO_S3_SECRET")
    app.env.update(TALTIO_DATA_DIR=str(home / "data"), TALTIO_RUNTIME_DIR=str(home / "run"),
                   XDG_CONFIG_HOME=str(home / "config"))
    r = subprocess.run([*app.command, "enroll"], env=app.env, input=secret + "\n", capture_output=True, text=True,
                       timeout=30)
    assert r.returncode == 0, r.stderr
    # The agent picked a language once: the tray's Language menu saves it with this call.
    r = subprocess.run([*app.command[:-2], "-c", "from taltio.settings import save_user; "
                        "save_user({'ui.language': 'en'})"], env=app.env, capture_output=True, text=True, timeout=30)
    assert r.returncode == 0, r.stderr
    return app


@pytest.fixture(scope="module")
def scene(world: World) -> Iterator[Scene]:
    """One recorded and uploaded call; the app stays up for the attacks. Snapshots are taken mid-call."""
    home = Path(tempfile.mkdtemp(prefix="taltio-sec-", dir="/tmp"))
    home.chmod(0o755)                       # like a Debian home: others may traverse it and list its names
    app = _workstation_app(world, home)
    sc = Scene(app, home, world.s3.agents[AGENT][0], world.s3.agents[AGENT][1])
    try:
        app.start()
        start_recording(app, CALL)
        time.sleep(2.0)
        sc.live_paths = sc.paths()
        sc.live_offenders = mode_offenders(sc.live_paths)
        sc.live_files = read_files(sc.live_paths)
        segs = sorted(p for p in sc.live_files if p.name.startswith("seg-") and p.suffix == ".age")
        assert segs, f"no sealed segment while recording: {sorted(map(str, sc.live_files))}"
        sc.live_segment = sc.live_files[segs[-1]]
        play_both(world)
        app.hook("ended", CALL)
        app.wait_for(queue_empty, timeout=60, what="upload")
        wait_for_keys(world.s3, lambda ks: manifest_key(ks, CALL) is not None)
        yield sc
    finally:
        app.stop()
        shutil.rmtree(home, ignore_errors=True)


def _targets(sc: Scene) -> dict[str, tuple[str, str]]:
    data, run = sc.app.data_dir, Path(sc.app.env["TALTIO_RUNTIME_DIR"])
    return {"socket": ("connect", str(run / "taltio.sock")), "runtime dir": ("list", str(run)),
            "data dir": ("list", str(data)), "queue.sqlite3": ("read", str(data / "queue.sqlite3")),
            "log": ("read", str(data / "taltio.log")), "config dir": ("list", str(sc.roots[2])),
            "config": ("read", str(sc.roots[2] / "settings.toml"))}


def test_other_user_reaches_neither_socket_nor_files(scene: Scene, evidence_figure) -> None:
    """Modes and ownership are the only guard of the control socket (anyone who connects can mark calls private
    or pause recording) and of the queue, logs and config: a second Unix user must be refused at each, and the
    same probe as the owner must get through, or the refusals prove nothing."""
    other, me = ensure_other_user(), current_user()
    targets = _targets(scene)
    as_me = probe_as(me, targets)
    assert as_me == {name: "ok" for name in targets}, f"positive control: the owner's probe failed: {as_me}"
    as_other = probe_as(other, targets)
    let_in = {name: got for name, got in as_other.items() if got not in REFUSED}
    assert not let_in, f"{other.name} got through (expected EACCES/EPERM): {let_in}"
    evidence_figure("targets probed as another user", len(targets))
    evidence_figure("refused", len(as_other) - len(let_in))


def test_other_user_hook_is_refused_in_one_line(scene: Scene, evidence_figure) -> None:
    """A second user's `taltio hook` must neither reach the app nor crash with a traceback: a softphone run by the
    wrong account shows the agent that one line. `taltio status` as the owner, on the same clean environment and
    interpreter, answers, so the refusal is the guard's and not a broken command line."""
    other, me = ensure_other_user(), current_user()
    env = {"TALTIO_RUNTIME_DIR": scene.app.env["TALTIO_RUNTIME_DIR"]}
    ok = taltio_as(me, ["status"], env)
    assert ok.returncode == 0 and '"calls"' in ok.stdout, f"positive control: {ok.returncode} {ok.stderr}"
    runs = {cmd: taltio_as(other, cmd.split(), env) for cmd in
            ("hook incoming --call-id intruder --number +358401111111", "hook private --call-id intruder",
             "status")}
    for cmd, r in runs.items():
        err = r.stderr.strip()
        assert r.returncode != 0, f"`taltio {cmd}` as {other.name} succeeded: {r.stdout}"
        assert "Traceback" not in err and len(err.splitlines()) == 1 and err.startswith("taltio: "), \
            f"`taltio {cmd}` as {other.name} did not refuse in one line ({r.returncode}):\n{err}"
        assert "another user" in err, err
    st = scene.app.status()
    assert st is not None and all(c["call_id"] != "intruder" for c in st.get("calls", [])), st
    evidence_figure("commands refused as another user", len(runs))


def test_dirs_are_0700_and_files_0600_live_and_after_upload(scene: Scene, evidence_figure) -> None:
    """Call folders hold encrypted audio and the customer's number until sealed, the queue holds private-call
    reasons, the logs call ids: nothing the app makes may be readable by anyone but its user, at any moment."""
    after = scene.paths()
    names = {p.name for p in scene.live_paths}
    for expected in ("taltio.sock", "queue.sqlite3", "taltio.log", "settings.toml", CALL):
        assert expected in names, f"the walk missed {expected}: it cannot vouch for what it did not see"
    offenders = scene.live_offenders + [f"{p} (after upload)" for p in mode_offenders(after)]
    assert not offenders, "not 0700 (dirs) / 0600 (files):\n" + "\n".join(offenders)
    evidence_figure("paths checked during the call", len(scene.live_paths))
    evidence_figure("paths checked after upload", len(after))


def _key_like(texts: dict[str, bytes], secrets: list[str]) -> list[object]:
    """Every identity the workstation's bytes could yield: age keys in any file, keyring secrets as age keys,
    SSH keys (age decrypts to ssh-ed25519) and, as PEM, the workstation's Ed25519 key converted to OpenSSH."""
    from cryptography.hazmat.primitives import serialization

    found: list[object] = []
    blobs = [m.group(0).upper() for b in texts.values() for m in AGE_SECRET.finditer(b)]
    blobs += [s.encode() for s in secrets]
    for blob in blobs:
        for parse in (lambda b: pyrage.x25519.Identity.from_str(b.decode().strip()), pyrage.ssh.Identity.from_buffer):
            try:
                found.append(parse(blob))
            except Exception:  # noqa: BLE001 - most blobs are no key of that kind
                pass
        if b"PRIVATE KEY" in blob:
            key = serialization.load_pem_private_key(blob, password=None)
            found.append(pyrage.ssh.Identity.from_buffer(key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, serialization.NoEncryption())))
    return found


def _keyring_items() -> list[tuple[str, dict, str]]:
    """(label, attributes, secret) of every item in every collection of the test Secret Service."""
    import secretstorage

    conn = secretstorage.dbus_init()
    try:
        return [(i.get_label(), i.get_attributes(), i.get_secret().decode(errors="replace"))
                for c in secretstorage.get_all_collections(conn) for i in c.get_all_items()]
    finally:
        conn.close()


def test_no_key_on_the_workstation_decrypts_a_recording(scene: Scene, world: World, evidence_figure) -> None:
    """The workstation encrypts to the organisation and must never be able to listen: no age secret key in any
    file the app wrote or any keyring item it stored, and no key-like thing found there opens a live segment,
    which the organisation's key (positive control) does."""
    texts, items = scene.texts(), _keyring_items()
    assert any(attrs.get("service") == "taltio" for _, attrs, _ in items), f"no taltio keyring item: {items}"
    holders = [name for name, b in texts.items() if AGE_SECRET.search(b)]
    holders += [label for label, _, s in items if AGE_SECRET.search(s.encode())]
    assert not holders, f"an age secret key is on the workstation, in: {holders}"
    org = pyrage.x25519.Identity.from_str(next(ln for ln in world.org_key.read_text().splitlines()
                                               if ln.startswith("AGE-SECRET-KEY-")))
    assert pyrage.decrypt(scene.live_segment, [org]), "positive control: the org key opens no live segment"
    keys = _key_like(texts, [s for _, _, s in items])
    assert any(isinstance(k, pyrage.ssh.Identity) for k in keys), "the workstation key was not tried"
    opened = []
    for key in keys:
        try:
            pyrage.decrypt(scene.live_segment, [key])
            opened.append(key)
        except pyrage.DecryptError:
            pass
    for _, _, s in items:
        try:
            pyrage.passphrase.decrypt(scene.live_segment, s)
            opened.append("a keyring secret as passphrase")
        except pyrage.DecryptError:
            pass
    assert not opened, f"the workstation can decrypt its own recording with: {opened}"
    evidence_figure("files scanned", len(texts))
    evidence_figure("keyring items scanned", len(items))
    evidence_figure("keys tried", len(keys) + len(items))


def _encodings(secret: str) -> dict[str, bytes]:
    """The S3 secret as raw, base64 (every alignment, standard and URL-safe), hex, URL-encoded, UTF-16."""
    raw = secret.encode()
    forms = {"raw": raw, "url": urllib.parse.quote(secret, safe="").encode(), "utf-16": secret.encode("utf-16-le"),
             "hex": raw.hex().encode()}
    for k in range(3):
        for name, enc in (("b64", base64.b64encode), ("b64url", base64.urlsafe_b64encode)):
            text = enc(b"\0" * k + raw)
            forms[f"{name}+{k}"] = text[(0, 2, 3)[k]:-4]      # the part that depends on the secret's bytes only
    return forms


def test_s3_secret_is_only_in_the_keyring(scene: Scene, evidence_figure) -> None:
    """A file copy or a backup of the workstation must not carry the agent's storage credential: the secret is
    in no file, log or environment of the app in any cheap encoding, yet it is in the keyring, from where the
    app took it to upload the call."""
    import keyring

    assert "TALTIO_S3_SECRET" not in scene.app.env
    assert keyring.get_password("taltio", f"s3:{scene.key_id}") == scene.secret
    texts, forms = scene.texts(), _encodings(scene.secret)
    found = [f"{name} ({form})" for name, b in texts.items() for form, needle in forms.items()
             if needle in (b.lower() if form == "hex" else b)]
    assert not found, "the S3 secret is on disk:\n" + "\n".join(found)
    evidence_figure("files scanned", len(texts))
    evidence_figure("bytes scanned", sum(map(len, texts.values())))
    evidence_figure("encodings", len(forms))
