"""Encrypt-as-you-record: the Ogg encoder writes into this sink, never into a file.

Two things happen to the encoded bytes:
* Every ~1 s the bytes since the last seal are encrypted to the org recipients
  as a complete, small age file and made durable (write .part, fsync, rename,
  fsync dir). A crash therefore loses at most about a second of audio, and the
  workstation never holds a file key it could later reuse.
* The encoded stream is also kept in memory (Opus: ~15–30 MB per hour), so at
  the end of the call it is encrypted once more as the single `.ogg.age` file
  that `age -d` turns into a playable Ogg Opus file. Nothing plaintext touches
  the disk at any point.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

import pyrage
from taltio.domain.files import SealedFile, fsync_dir, sha256_file, write_durably

log = logging.getLogger("taltio.segments")

SEGMENT_GLOB = "seg-*.age"


class EncryptedOggSink:
    """A file object for libsndfile's virtual I/O that lives only in memory.

    Ogg is written strictly forward. FLAC seeks back at close to patch its
    STREAMINFO header (length, MD5); that patch lands in the in-memory stream
    and so in the final file, while already sealed crash-recovery segments keep
    the "length unknown" header, which FLAC decoders accept.
    """

    def __init__(self, call_dir: Path, recipients: list, seal_every: float = 1.0) -> None:
        self.call_dir = call_dir
        self.recipients = recipients
        self.seal_every = seal_every
        self._stream = bytearray()     # the whole encoded call, for the final file
        self._pos = 0
        self._sealed_upto = 0
        self._seq = 0
        self._last_seal = time.monotonic()
        self._lock = threading.Lock()
        self._seal_lock = threading.Lock()
        self.destroyed = False

    # -- file-object protocol used by soundfile ---------------------------
    def write(self, data: bytes) -> int:
        with self._lock:
            if self.destroyed:
                return len(data)     # private/declined: swallow, never keep
            b = bytes(data)
            end = self._pos + len(b)
            if self._pos == len(self._stream):
                self._stream += b
            else:
                self._stream[self._pos:end] = b
            self._pos = end
        return len(data)

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = 0) -> int:
        with self._lock:
            base = {0: 0, 1: self._pos, 2: len(self._stream)}[whence]
            self._pos = max(0, min(base + offset, len(self._stream)))
            return self._pos

    def read(self, size: int = -1) -> bytes:
        with self._lock:
            end = len(self._stream) if size < 0 else min(len(self._stream), self._pos + size)
            out = bytes(self._stream[self._pos:end])
            self._pos = end
            return out

    # -- durability --------------------------------------------------------
    def maybe_seal(self) -> None:
        if time.monotonic() - self._last_seal >= self.seal_every:
            self.seal()

    def seal(self) -> None:
        # One seal at a time: two callers must never pick the same segment number.
        with self._seal_lock:
            self._seal()

    def _seal(self) -> None:
        with self._lock:
            if self.destroyed or self._sealed_upto == len(self._stream):
                self._last_seal = time.monotonic()
                return
            start, end = self._sealed_upto, len(self._stream)
            chunk = bytes(self._stream[start:end])
            seq = self._seq + 1
        # Advance only once the segment is durable: after a failed write (disk
        # full) the same bytes are retried in the next segment, none skipped.
        write_durably(self.call_dir / f"seg-{seq:06d}.age", pyrage.encrypt(chunk, self.recipients))
        with self._lock:
            if not self.destroyed:
                self._sealed_upto, self._seq = end, seq
        self._last_seal = time.monotonic()

    def finalize(self, name: str) -> SealedFile:
        """Encrypt the whole stream as one age file, then drop the crash-recovery segments.

        The stream is copied under the lock (a short hold: writers and sealing wait only for the
        copy) and encrypted from the copy straight into the file (pyrage.encrypt_io), so the
        ciphertext is never held in memory as well.
        """
        with self._lock:
            data = bytes(self._stream)
        path = self.call_dir / name
        part = path.with_name(path.name + ".part")
        try:
            with open(part, "wb") as fh:
                pyrage.encrypt_io(_ViewReader(memoryview(data)), fh, self.recipients)
                fh.flush()
                os.fsync(fh.fileno())
        finally:
            del data
        os.replace(part, path)
        fsync_dir(path.parent)
        sealed = SealedFile(path, sha256_file(path), path.stat().st_size)
        for seg in self.call_dir.glob(SEGMENT_GLOB):
            seg.unlink()
        fsync_dir(self.call_dir)
        self.wipe_memory()
        return sealed

    def destroy(self) -> None:
        """Private or declined: nothing captured for this call may survive, sealed or not."""
        with self._lock:
            self.destroyed = True
        self.wipe_memory()
        for seg in list(self.call_dir.glob(SEGMENT_GLOB)) + list(self.call_dir.glob("*.part")):
            seg.unlink(missing_ok=True)
        fsync_dir(self.call_dir)

    def wipe_memory(self) -> None:
        """Overwrite the encoded call in place, a MiB at a time (no second buffer its size), then drop it."""
        zeros = bytes(1 << 20)
        with self._lock:
            n = len(self._stream)
            for i in range(0, n, len(zeros)):
                j = min(n, i + len(zeros))
                self._stream[i:j] = zeros[:j - i]
            self._stream.clear()
            self._sealed_upto = self._pos = 0


class _ViewReader:
    """A read-only file over a memoryview, handing out 1 MiB at a time (for pyrage.encrypt_io)."""

    def __init__(self, view: memoryview) -> None:
        self.view = view
        self.pos = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self.view) if size is None or size < 0 else min(len(self.view), self.pos + size)
        out = self.view[self.pos:end].tobytes()
        self.pos = end
        return out

    def readinto(self, buf) -> int:  # noqa: ANN001 - any writable buffer
        n = min(len(buf), len(self.view) - self.pos)
        buf[:n] = self.view[self.pos:self.pos + n]
        self.pos += n
        return n


def sealed_segments(call_dir: Path) -> list[SealedFile]:
    segs = sorted(call_dir.glob(SEGMENT_GLOB))
    return [SealedFile(p, sha256_file(p), p.stat().st_size) for p in segs]
