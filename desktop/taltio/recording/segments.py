"""Encrypt-as-you-record: the encoder writes into this sink, never into a file.

Every encoded byte goes two ways, and neither keeps the call in memory:
* **Sealed segments, for a crash.** A sealer thread encrypts the bytes written since the last seal to
  the org recipients as a complete small age file and makes it durable (write .part, fsync, rename,
  fsync dir) as soon as they arrive, at most once every ``seal_every`` seconds. A crash loses only
  what the capture pipeline and the encoder still held, plus at most ``seal_every``.
* **The final file, streamed.** One age stream (``pyrage.encrypt_io`` in its own thread, reading from
  a bounded in-memory queue) writes ``final.age.part`` as ciphertext while the call runs; `finalize`
  ends the stream, fsyncs, renames it to the call's ``<call>.<ext>.age`` and only then deletes the
  segments. Memory is age's 64 KiB chunk plus the queue, whatever the call's length.

Why this and not "assemble the final file from the segments at the end": the workstation only holds
the org's *public* recipients, so it can never decrypt its own segments again; the only way to end up
with one ``age -d``-able file without holding the whole call (a 2-hour FLAC call is ~500 MiB) is to
encrypt it as it is made. A crash leaves that stream incomplete: ``final.age.part`` is removed by
recovery (it matches ``*.part``), and the sealed segments are the recording, as before.

Nothing is ever plaintext on disk. Neither thread can stall the encoder: `write` only appends to
memory. If the disk does not take the final stream (full, or so slow that the queue passes
STREAM_QUEUE_BYTES), the final file is given up (`FinalStreamLost` at `finalize`) and the call is
kept as its sealed segments; if sealing fails, the bytes stay pending and go into the next segment.

The sink is forward-only. FLAC (libsndfile) seeks back at close to patch STREAMINFO (length, MD5);
those bytes would land behind what is already sealed and encrypted, so they are dropped, and both the
segments and the final file keep the header as first written: length and MD5 "unknown", which the FLAC
format allows and ffmpeg, libsndfile and the admin tools decode to the end.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from collections import deque
from pathlib import Path
from typing import Callable

import pyrage
from taltio.domain.files import SealedFile, fsync_dir, sha256_file, write_durably

log = logging.getLogger("taltio.segments")

SEGMENT_GLOB = "seg-*.age"
STREAM_PART = "final.age.part"      # the final file while it is being written (ciphertext, incomplete)
SEAL_MAX_BYTES = 1 << 20            # seal early once this much waits: memory stays flat even when audio comes faster
                                    # than real time (a backlog after a stall, the long-call test)
STREAM_QUEUE_BYTES = 8 << 20         # FLAC: ~4 min of audio the disk may fall behind by before the final file is given up


class FinalStreamLost(OSError):
    """The final file could not be written; the call is complete in its sealed segments (`segments`)."""

    def __init__(self, reason: str, segments: list[SealedFile]) -> None:
        super().__init__(reason)
        self.segments = segments


class EncryptedOggSink:
    """A write-only file object for the encoders (PyAV's Ogg muxer, libsndfile's virtual I/O)."""

    def __init__(self, call_dir: Path, recipients: list, seal_every: float = 1.0,
                 queue_limit: int = STREAM_QUEUE_BYTES) -> None:
        self.call_dir = call_dir
        self.recipients = recipients
        self.seal_every = seal_every
        self._queue_limit = queue_limit
        self._pending = bytearray()    # written since the last seal: what a crash would lose now
        self._pos = 0                  # the encoder's position (tell/seek)
        self._end = 0                  # bytes taken so far
        self._dropped = 0              # bytes written behind the end (FLAC's header patch), never stored
        self._seq = 0
        self._last_seal = time.monotonic()
        self._lock = threading.Lock()
        self._cond = threading.Condition(self._lock)
        self._seal_lock = threading.Lock()
        self._final: _FinalStream | None = None
        self._sealer: threading.Thread | None = None
        self._stop_sealing = False
        self.destroyed = False

    # -- file-object protocol used by the encoders -------------------------
    def write(self, data: bytes) -> int:
        n = len(data)
        with self._lock:
            if self.destroyed:
                return n     # private/declined: swallow, never keep
            behind = min(n, max(0, self._end - self._pos))
            if behind:       # a seek back (FLAC's STREAMINFO patch): it cannot land in sealed bytes
                self._dropped += behind
                log.debug("dropped %d bytes written behind the end of the stream", behind)
            self._pos += n
            if n > behind:
                b = bytes(memoryview(data)[behind:]) if behind else bytes(data)
                self._end += len(b)
                if not self._pending or len(self._pending) + len(b) >= SEAL_MAX_BYTES > len(self._pending):
                    self._cond.notify_all()
                self._pending += b
                if self._final is None:
                    self._final = _FinalStream(self.call_dir / STREAM_PART, self.recipients, self._queue_limit)
                self._final.put(b)
        return n

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = 0) -> int:
        with self._lock:
            base = {0: 0, 1: self._pos, 2: self._end}[whence]
            self._pos = max(0, min(base + offset, self._end))
            return self._pos

    def read(self, size: int = -1) -> bytes:
        return b""           # write-only: nothing is kept to read back

    @property
    def bytes_written(self) -> int:
        return self._end

    @property
    def buffered_bytes(self) -> int:
        """Encoded bytes held in memory now (not yet sealed, plus the final stream's queue)."""
        with self._lock:
            return len(self._pending) + (self._final.queued if self._final else 0)

    # -- sealing -----------------------------------------------------------
    def start_sealing(self, on_error: Callable[[OSError], None] | None = None,
                      on_recovered: Callable[[], None] | None = None) -> None:
        """Seal on a thread of its own: as soon as bytes arrive, at most once every `seal_every` s.

        Driven by the bytes reaching the sink, not by the encoder's batches, so the crash loss does not
        grow with the batch size, and a slow disk never holds up the encoder. *on_error* hears of the first
        failure of a streak, *on_recovered* of the first seal after it (the agent's warning goes away)."""
        if self._sealer is None:
            self._sealer = threading.Thread(target=self._run_sealer, args=(on_error, on_recovered),
                                            name="taltio-sealer", daemon=True)
            self._sealer.start()

    def stop_sealing(self) -> None:
        with self._lock:
            self._stop_sealing = True
            self._cond.notify_all()
        if self._sealer is not None and self._sealer is not threading.current_thread():
            self._sealer.join()

    def _run_sealer(self, on_error: Callable[[OSError], None] | None,
                    on_recovered: Callable[[], None] | None = None) -> None:
        failing = False
        while True:
            with self._lock:
                while not self._stop_sealing and not (self._pending and not self.destroyed):
                    self._cond.wait()
                if self._stop_sealing:
                    return
                wait = self._last_seal + self.seal_every - time.monotonic()
                if wait > 0 and len(self._pending) < SEAL_MAX_BYTES:
                    self._cond.wait(wait)
                    continue
            try:
                self.seal()
            except OSError as exc:
                self._last_seal = time.monotonic()      # retry after seal_every, not in a busy loop
                if not failing and on_error is not None:
                    on_error(exc)
                failing = True
            except Exception:  # noqa: BLE001 - no thread may die; the bytes stay pending
                self._last_seal = time.monotonic()
                log.exception("sealing failed")
            else:
                if failing:
                    log.warning("audio segments are being sealed again")
                    if on_recovered is not None:
                        on_recovered()
                failing = False

    def maybe_seal(self) -> None:
        if time.monotonic() - self._last_seal >= self.seal_every:
            self.seal()

    def seal(self) -> None:
        # One seal at a time: two callers must never pick the same segment number.
        with self._seal_lock:
            self._seal()

    def _seal(self) -> None:
        with self._lock:
            if self.destroyed or not self._pending:
                self._last_seal = time.monotonic()
                return
            chunk, self._pending = self._pending, bytearray()
            seq = self._seq + 1
        try:
            write_durably(self.call_dir / f"seg-{seq:06d}.age", pyrage.encrypt(bytes(chunk), self.recipients))
        except BaseException:
            # Not durable: the same bytes go first into the next segment, none skipped (disk full).
            with self._lock:
                if not self.destroyed:
                    self._pending[0:0] = chunk
            _zero(chunk)
            raise
        with self._lock:
            self._seq = seq
        _zero(chunk)
        self._last_seal = time.monotonic()

    # -- the end of the call -------------------------------------------------
    def finalize(self, name: str) -> SealedFile:
        """End the final age stream and make it the call's file, then drop the crash-recovery segments.

        Raises FinalStreamLost (with the call's sealed segments) if the final file could not be made,
        and OSError if the last bytes could not be sealed (the disk is full): then nothing has changed, the
        bytes are still held here, and finalize may be called again once the disk takes them."""
        self.stop_sealing()
        # The encoder's last pages first: the segments stay complete until the rename. A failure leaves the
        # final stream untouched, so a retry ends the same stream (never a new, empty one).
        self.seal()
        with self._lock:
            final, self._final = self._final, None
        if final is None:        # nothing was ever written
            final = _FinalStream(self.call_dir / STREAM_PART, self.recipients, self._queue_limit)
        error = final.finish()
        if error is not None:
            log.warning("the final audio file could not be written (%s); the call is kept as its sealed segments",
                        error)
            raise FinalStreamLost(str(error), sealed_segments(self.call_dir))
        path = self.call_dir / name
        os.replace(final.part, path)
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
            final, self._final = self._final, None
        self.stop_sealing()
        if final is not None:
            final.abort()
        self.wipe_memory()
        with self._seal_lock:    # a seal in flight finishes first, then its segment goes too
            for seg in list(self.call_dir.glob(SEGMENT_GLOB)) + list(self.call_dir.glob("*.part")):
                seg.unlink(missing_ok=True)
        fsync_dir(self.call_dir)

    def wipe_memory(self) -> None:
        """Overwrite what is held of the encoded call in place, then drop it."""
        with self._lock:
            _zero(self._pending)
            self._pending = bytearray()
            if self._final is not None:
                self._final.wipe()


def _remove(path: Path) -> None:
    """Delete an incomplete ciphertext file; if that fails, recovery removes it at the next start."""
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("cannot remove %s: %s", path.name, exc)


def _zero(buf: bytearray) -> None:
    buf[:] = bytes(len(buf))
    buf.clear()


class _FinalStream:
    """One age stream into *part*: `put` never blocks; a thread runs pyrage.encrypt_io, reading from the queue.

    The queue is bounded: if the disk falls STREAM_QUEUE_BYTES behind, the stream is given up rather
    than the call held in memory (the sealed segments still have every byte)."""

    def __init__(self, part: Path, recipients: list, limit: int) -> None:
        self.part = part
        self._limit = limit
        self._cond = threading.Condition()
        self._chunks: deque[bytearray] = deque()
        self.queued = 0
        self._eof = False
        self._aborted = False
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(recipients,), name="taltio-final-stream",
                                        daemon=True)
        self._thread.start()

    def put(self, data: bytes) -> None:
        with self._cond:
            if self._aborted or self.error is not None:
                return
            if self.queued + len(data) > self._limit:
                self.error = OSError(f"the disk fell {self.queued >> 20} MiB behind the recording")
                self._stop()
                return
            self._chunks.append(bytearray(data))
            self.queued += len(data)
            self._cond.notify_all()

    def finish(self) -> BaseException | None:
        """End of stream: wait for the thread to write the last chunk and fsync. Returns its error, if any."""
        with self._cond:
            self._eof = True
            self._cond.notify_all()
        self._thread.join()
        if self.error is not None:
            _remove(self.part)
        return self.error

    def abort(self) -> None:
        with self._cond:
            self._stop()
        self._thread.join()
        _remove(self.part)

    def wipe(self) -> None:
        with self._cond:
            for c in self._chunks:
                _zero(c)
            self._chunks.clear()
            self.queued = 0

    def _stop(self) -> None:      # under self._cond
        self._aborted = True
        for c in self._chunks:
            _zero(c)
        self._chunks.clear()
        self.queued = 0
        self._cond.notify_all()

    # -- the reader pyrage.encrypt_io pulls from (its thread) ---------------
    def read(self, size: int = -1) -> bytes:
        with self._cond:
            while not self._chunks and not self._eof and not self._aborted:
                self._cond.wait()
            if self._aborted:
                raise OSError("final stream given up")
            want = sum(map(len, self._chunks)) if size is None or size < 0 else size
            out = bytearray()
            while self._chunks and len(out) < want:
                c = self._chunks.popleft()
                take = want - len(out)
                if len(c) > take:
                    out += c[:take]
                    c[:take] = bytes(take)
                    del c[:take]
                    self._chunks.appendleft(c)
                else:
                    out += c
                    _zero(c)
            self.queued -= len(out)
        data = bytes(out)
        _zero(out)
        return data

    def _run(self, recipients: list) -> None:
        try:
            fd = os.open(self.part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
            with open(fd, "wb") as fh:
                pyrage.encrypt_io(self, fh, recipients)
                fh.flush()
                os.fsync(fh.fileno())
        except BaseException as exc:  # noqa: BLE001 - no thread may die; the segments keep the call
            with self._cond:
                if self.error is None:
                    self.error = exc if not self._aborted else OSError("final stream given up")
                self._stop()
            _remove(self.part)


def sealed_segments(call_dir: Path) -> list[SealedFile]:
    segs = sorted(call_dir.glob(SEGMENT_GLOB))
    return [SealedFile(p, sha256_file(p), p.stat().st_size) for p in segs]
