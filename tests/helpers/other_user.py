"""Attack the app's local surface from a second Unix user, and walk the files the app created.

Why a real second user: the control socket and the data dir are guarded by file modes and ownership only, and
root ignores both, so the only honest test is a process whose uid and gid are someone else's. The probe below runs
in that process on the *system* Python (the venv's interpreter lives under /root, which the other user cannot
traverse), so this file imports nothing outside the standard library at module level and doubles as the probe
script: ``python3 other_user.py '<json targets>'`` prints one JSON verdict per target.
"""
from __future__ import annotations

import errno
import json
import os
import pwd
import shutil
import socket
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Mapping

OTHER_USER = "taltio-other"
SYSTEM_PYTHON = "/usr/bin/python3"
ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "desktop"
REFUSED = {"EACCES", "EPERM"}


@dataclass(frozen=True)
class User:
    name: str
    uid: int
    gid: int


def ensure_other_user(name: str = OTHER_USER) -> User:
    """The unprivileged user to attack from: created (system, no home, no login) when running as root.

    Skips the calling test, saying why, when the user is missing and we cannot create it."""
    import pytest

    try:
        pw = pwd.getpwnam(name)
    except KeyError:
        if os.geteuid() != 0 or shutil.which("useradd") is None:
            pytest.skip(f"needs a second Unix user '{name}': run as root (it is then created) or create it with "
                        f"`useradd --system --no-create-home {name}`")
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
                       check=True, capture_output=True)
        pw = pwd.getpwnam(name)
    if pw.pw_uid == 0:
        raise AssertionError(f"user {name} is uid 0: it cannot stand for another user")
    return User(name, pw.pw_uid, pw.pw_gid)


def current_user() -> User:
    """This process's own user: the positive control runs the same probe as it."""
    return User(pwd.getpwuid(os.getuid()).pw_name, os.getuid(), os.getgid())


def clean_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """A minimal environment: nothing of ours (no HOME, bus, keyring or secret) leaks into the other user's child."""
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/nonexistent"}
    env.update(extra or {})
    return env


def run_as(user: User, argv: list[str], env: Mapping[str, str] | None = None, timeout: float = 30,
           ) -> subprocess.CompletedProcess[str]:
    """Run *argv* as *user* (uid, gid, no supplementary groups) in `/`, with *env* on top of clean_env()."""
    same = user.uid == os.getuid()
    return subprocess.run(argv, env=clean_env(env), cwd="/", capture_output=True, text=True, timeout=timeout,
                          user=None if same else user.uid, group=None if same else user.gid,
                          extra_groups=None if same else [])


def taltio_as(user: User, args: list[str], env: Mapping[str, str] | None = None,
              ) -> subprocess.CompletedProcess[str]:
    """`taltio ARGS` from the source tree as *user*, on the system Python with the venv's pure-Python packages."""
    site = next((ROOT / ".venv" / "lib").glob("python3*/site-packages"))
    path = {"PYTHONPATH": f"{DESKTOP}{os.pathsep}{site}", "PYTHONDONTWRITEBYTECODE": "1"}
    return run_as(user, [SYSTEM_PYTHON, "-m", "taltio.cli", *args], {**path, **(env or {})})


def probe_as(user: User, targets: Mapping[str, tuple[str, str]]) -> dict[str, str]:
    """{name: (op, path)} → {name: "ok" or the errno name} as seen by *user*; op is connect, list or read."""
    r = run_as(user, [SYSTEM_PYTHON, str(Path(__file__).resolve()), json.dumps(targets)])
    if r.returncode != 0:
        raise AssertionError(f"the probe failed as {user.name} ({r.returncode}): {r.stderr.strip()}")
    return json.loads(r.stdout)


def _try(op: str, path: str) -> str:
    try:
        if op == "connect":
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                s.settimeout(2)
                s.connect(path)
        elif op == "list":
            os.listdir(path)
        elif op == "read":
            with open(path, "rb") as fh:
                fh.read(1)
        else:
            return f"unknown op {op}"
    except OSError as exc:
        return errno.errorcode.get(exc.errno or 0, type(exc).__name__)
    return "ok"


# -- the app's files ---------------------------------------------------------------------------------------------

def walk(roots: Iterable[Path]) -> Iterator[Path]:
    """Every directory and file under *roots* (the roots included), symlinks not followed; gone paths skipped."""
    for root in roots:
        if not os.path.lexists(root):
            continue
        yield root
        for dirpath, dirnames, filenames in os.walk(root, onerror=lambda e: None):
            for name in dirnames + filenames:
                yield Path(dirpath) / name


def mode_offenders(paths: Iterable[Path], dir_mode: int = 0o700, file_mode: int = 0o600) -> list[str]:
    """'PATH MODE' for each directory whose mode is not *dir_mode* and each other entry (file, socket) whose mode
    is not *file_mode*, or that another user owns; paths that vanished while we looked are skipped."""
    bad = []
    for p in paths:
        try:
            st = os.lstat(p)
        except FileNotFoundError:
            continue
        want = dir_mode if stat.S_ISDIR(st.st_mode) else file_mode
        if stat.S_IMODE(st.st_mode) != want or st.st_uid != os.getuid():
            bad.append(f"{p} {stat.S_IMODE(st.st_mode):04o} uid={st.st_uid}")
    return bad


def read_files(paths: Iterable[Path]) -> dict[Path, bytes]:
    """The contents of the regular files among *paths* (sockets and files that vanished are left out)."""
    out = {}
    for p in paths:
        try:
            if stat.S_ISREG(os.lstat(p).st_mode):
                out[p] = p.read_bytes()
        except FileNotFoundError:
            continue
    return out


if __name__ == "__main__":
    print(json.dumps({name: _try(op, path) for name, (op, path) in json.loads(sys.argv[1]).items()}))
