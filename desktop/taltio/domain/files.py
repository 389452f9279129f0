"""Durable files: the one way anything that must survive a crash is written, and how it is hashed."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path


def fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open directories; NTFS journals the rename itself
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_durably(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write a whole file so that after a crash it is either complete or absent.

    *mode* (e.g. 0o600 for a file holding personal data) is set on the file before any byte is written,
    so it is never readable by others, not even for a moment; None: the default (umask) permissions."""
    part = path.with_name(path.name + ".part")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(part, flags, 0o666 if mode is None else mode)
    with open(fd, "wb") as fh:
        if mode is not None and os.name == "posix":
            os.fchmod(fh.fileno(), mode)    # a .part left by a crash keeps its old mode otherwise
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(part, path)
    fsync_dir(path.parent)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class SealedFile:
    path: Path
    sha256: str
    size: int

    def to_json(self) -> dict:
        return {"name": self.path.name, "sha256": self.sha256, "size": self.size}
