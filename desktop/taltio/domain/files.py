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


def write_durably(path: Path, data: bytes) -> None:
    """Write a whole file so that after a crash it is either complete or absent."""
    part = path.with_name(path.name + ".part")
    with open(part, "wb") as fh:
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
