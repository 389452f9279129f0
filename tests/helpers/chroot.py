"""A fresh Debian root to install packages into, so that tests never touch this host's /opt, /usr or /etc.

:func:`debootstrap` makes a minimal bookworm root (``--variant=minbase``: the essential packages and apt, nothing
else), which is what proves a package's ``Depends:`` complete: apt has to fetch every library the package needs.

Every command runs through :meth:`Root.prefix`: ``unshare --mount`` gives the command a private mount namespace
in which ``/dev``, ``/proc`` and the :attr:`Root.binds` (host directories seen at the same path inside, e.g. the
test session's temporary folder with the audio server's, D-Bus's and keyring's sockets) are mounted before
``chroot``. Those mounts exist only in that namespace and vanish with its last process, so nothing is ever
mounted on the host and a failing or killed test leaves no mount behind; :func:`remove` still refuses to delete a
root that has a mount under it in this namespace, as a guard against deleting through a bind mount.
"""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

MIRROR = "http://deb.debian.org/debian"
SUITE = "bookworm"
# A PATH for commands run inside the root (dpkg and its maintainer scripts need the sbin directories).
ROOT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


@dataclass(frozen=True)
class Root:
    """A directory holding a Debian system, entered through :meth:`prefix`."""
    path: Path
    binds: tuple[Path, ...] = ()

    def prefix(self) -> tuple[str, ...]:
        """The argv prefix that runs a command (given after it, as a path inside the root) in this root.

        The process keeps the caller's PID (unshare without --fork, then ``exec chroot``), so a signal sent to the
        Popen reaches the program itself, as tests.helpers.app_proc expects."""
        root = shlex.quote(str(self.path))
        lines = ["set -e", f"mount --rbind /dev {root}/dev", f"mount -t proc proc {root}/proc"]
        for b in self.binds:
            inside = shlex.quote(f"{self.path}{b}")
            lines += [f"mkdir -p {inside}", f"mount --bind {shlex.quote(str(b))} {inside}"]
        lines.append(f'exec chroot {root} "$@"')
        return ("unshare", "--mount", "--propagation", "private", "--", "sh", "-c", "\n".join(lines), "chroot")

    def run(self, *argv: str, env: Mapping[str, str] | None = None, timeout: float = 300, check: bool = True,
            input: str | None = None) -> subprocess.CompletedProcess:
        """Run *argv* inside the root to completion (output captured); *check*: fail with its output."""
        full = dict(env) if env is not None else {"PATH": ROOT_PATH, "LANG": "C.UTF-8", "HOME": "/root"}
        r = subprocess.run([*self.prefix(), *argv], env=full, capture_output=True, text=True, timeout=timeout,
                           check=False, input=input, stdin=None if input is not None else subprocess.DEVNULL)
        if check and r.returncode != 0:
            raise AssertionError(f"in {self.path}: {shlex.join(argv)} exited {r.returncode}\n"
                                 f"--- stdout\n{r.stdout[-6000:]}\n--- stderr\n{r.stderr[-6000:]}")
        return r

    def apt(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        """``apt-get -y ARGS`` non-interactively, as IT's deployment tools run it."""
        env = {"PATH": ROOT_PATH, "LANG": "C.UTF-8", "HOME": "/root", "DEBIAN_FRONTEND": "noninteractive"}
        return self.run("apt-get", "-y", "-o", "Dpkg::Use-Pty=0", *args, env=env, timeout=timeout)

    def dpkg(self, *args: str, check: bool = True, timeout: float = 300) -> subprocess.CompletedProcess:
        env = {"PATH": ROOT_PATH, "LANG": "C.UTF-8", "HOME": "/root", "DEBIAN_FRONTEND": "noninteractive"}
        return self.run("dpkg", *args, env=env, check=check, timeout=timeout)

    def host_path(self, inside: str | os.PathLike) -> Path:
        """Where a path inside the root lies on the host (for reading files the package installed)."""
        return self.path / str(inside).lstrip("/")


def debootstrap(dest: Path, *, suite: str = SUITE, mirror: str = MIRROR, timeout: float = 600) -> tuple[Path, float]:
    """A minbase root of *suite* in *dest* (which must not exist yet); returns it and the seconds it took.

    debootstrap leaves apt's package lists of *suite* in the root, so ``apt-get install`` works there without an
    ``apt-get update`` (one less download)."""
    t = time.monotonic()
    r = subprocess.run(["debootstrap", "--variant=minbase", suite, str(dest), mirror], capture_output=True,
                       text=True, timeout=timeout, check=False)
    if r.returncode != 0:
        log = dest / "debootstrap" / "debootstrap.log"
        detail = log.read_text(errors="replace")[-4000:] if log.exists() else r.stderr[-4000:]
        raise AssertionError(f"debootstrap {suite} failed ({r.returncode}):\n{detail}")
    return dest, time.monotonic() - t


def mounts_under(path: Path) -> list[str]:
    """Mount points at or below *path* in this process's mount namespace (/proc/self/mounts)."""
    prefix = str(path.resolve())
    found = []
    with open("/proc/self/mounts") as fh:
        for line in fh:
            point = line.split()[1].replace("\\040", " ")
            if point == prefix or point.startswith(prefix + "/"):
                found.append(point)
    return found


def remove(path: Path) -> None:
    """Delete a root made here; refuses while anything is mounted under it (a bind mount would be deleted
    through). Mounts made by :meth:`Root.prefix` are never visible here, so this only trips on a real leak."""
    if not path.exists():
        return
    leaked = mounts_under(path)
    if leaked:
        raise AssertionError(f"not deleting {path}: mounted under it: {leaked}")
    shutil.rmtree(path)


def package_files(root: Root, package: str) -> list[str]:
    """The paths ``dpkg -L`` lists for an installed *package* in *root*."""
    r = root.dpkg("-L", package)
    return [line for line in r.stdout.splitlines() if line.startswith("/")]


def missing_libraries(root: Root, folder: str, library_path: str) -> list[str]:
    """``ldd`` lines reporting "not found" for the ELF files under *folder* inside *root*, resolved with
    LD_LIBRARY_PATH=*library_path* (what the PyInstaller bootloader sets)."""
    script = (f"find {shlex.quote(folder)} -type f \\( -name '*.so' -o -name '*.so.*' -o -perm -u+x \\) -print0 | "
              f"LD_LIBRARY_PATH={shlex.quote(library_path)} xargs -0 ldd 2>&1 || true")
    out = root.run("sh", "-c", script).stdout
    current, missing = "", []
    for line in out.splitlines():
        if not line.startswith(("\t", " ")) and line.endswith(":"):
            current = line[:-1]
        elif "not found" in line:
            missing.append(f"{current}: {line.strip()}")
    return missing


def in_root_argv(root: Root, program: str) -> tuple[str, ...]:
    """The argv prefix that runs *program* (a path inside the root) there."""
    return (*root.prefix(), program)


__all__: Sequence[str] = ("MIRROR", "ROOT_PATH", "Root", "debootstrap", "in_root_argv", "missing_libraries",
                          "mounts_under", "package_files", "remove")
