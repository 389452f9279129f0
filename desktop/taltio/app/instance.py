"""One Taltio per user: a lock file in the runtime dir, held for the whole life of the process.

Why a lock and not just the control socket: a socket file says nothing about whether its owner is alive. A
Taltio that is stopped (``kill -STOP``), swapping, or stuck in a long call does not answer a connect, and a
second launch used to take that for "stale", unlink the live socket and run crash recovery over the first
one's live call folders. The kernel lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) is released only
when its holder dies, so "I could not connect" and "nobody holds the lock" are kept apart: a socket file is
removed only by the process that holds the lock.

The holder writes its pid into the file, so whoever finds the lock taken can say which process it is.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

log = logging.getLogger("taltio.app.instance")

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    # Lock one byte far past the pid, so another process can still read the pid (a locked range cannot be read).
    _WIN_LOCK_OFFSET = 1 << 30
else:
    import fcntl

_HELD: dict[str, "SingleInstance"] = {}     # lock path -> the object of this process that holds it


def default_lock_path() -> Path:
    from taltio.app.paths import lock_path

    return lock_path()


class SingleInstance:
    """The per-user instance lock. ``acquire()`` never blocks; the lock goes with the process (or ``release()``).

    Within one process the lock is taken once: a second object for the same file gets False from ``acquire()``
    (flock locks belong to an open file, so two opens in one process would exclude each other anyway); use
    :func:`held_lock` to find the one this process holds.
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_lock_path()
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """True when this process now holds the lock; False when another live process (or object) holds it."""
        if self._fd is not None:
            return True
        key = str(self.path.absolute())
        if key in _HELD:
            return False
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        try:
            if not _try_lock(fd):
                os.close(fd)
                return False
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        _HELD[key] = self
        log.debug("instance lock %s taken by pid %d", self.path, os.getpid())
        return True

    def release(self) -> None:
        """Give the lock up (the file stays: unlinking it would let two processes lock two different files)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        _HELD.pop(str(self.path.absolute()), None)
        try:
            os.ftruncate(fd, 0)
            _unlock(fd)
        finally:
            os.close(fd)

    def holder_pid(self) -> int | None:
        """The pid the holder wrote into the lock file (None if unknown); only a hint: pids are reused."""
        try:
            text = self.path.read_text(encoding="ascii", errors="replace").strip()
        except OSError:
            return None
        return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else None

    def __enter__(self) -> "SingleInstance":
        if not self.acquire():
            raise AlreadyRunning(self.path, self.holder_pid())
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


class AlreadyRunning(RuntimeError):
    """Another live process holds the instance lock."""

    def __init__(self, path: Path, pid: int | None) -> None:
        super().__init__(f"another Taltio holds {path} (pid {pid if pid is not None else 'unknown'})")
        self.path = path
        self.pid = pid


def lock_for(server: str) -> Path:
    """The lock that guards a control socket: next to it (``x.sock`` -> ``x.lock``); for a Windows pipe name, the
    runtime dir's. Every process serving a name agrees on one lock file."""
    p = Path(server)
    if p.is_absolute() and len(p.parts) > 1 and not server.startswith("\\\\"):
        return p.with_suffix(".lock") if p.suffix != ".lock" else p.with_name(p.name + ".lock")
    return default_lock_path()


def held_lock(path: Path | str | None = None) -> SingleInstance | None:
    """The lock this process holds for *path* (default: the runtime dir's), or None."""
    p = Path(path) if path is not None else default_lock_path()
    return _HELD.get(str(p.absolute()))


def not_answering_message(pid: int | None) -> str:
    """What to tell the user when the lock is held but the control socket does not answer."""
    who = f"pid {pid}?" if pid is not None else "pid unknown"
    end = f"`kill {pid}`" if pid is not None and sys.platform != "win32" else "end it in the task manager"
    return (f"another Taltio is running but not answering ({who}); it may be busy or stopped. Wait a moment "
            f"and try again; if it stays like this, {end} and start Taltio again")


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    fcntl.flock(fd, fcntl.LOCK_UN)


__all__ = ["AlreadyRunning", "SingleInstance", "held_lock", "lock_for", "not_answering_message"]
