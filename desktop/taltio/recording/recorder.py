"""One call's capture pipeline: devices → stereo frames → encoder (Ogg Opus/FLAC) → encrypted segments.

Pausing drops frames before the encoder, so audio from inside a pause exists
nowhere, not even in memory. The encoder runs on the capture's mixer thread.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from taltio.domain.ports import AudioBackend, Device
from taltio.recording.capture import Capture
from taltio.recording.encoder import DEFAULT_OPUS_KBPS, open_encoder
from taltio.recording.segments import EncryptedOggSink, FinalStreamLost
from taltio.domain.files import SealedFile

log = logging.getLogger("taltio.recorder")

# Frames reach the encoder up to a block plus the mixer's hold-back after they were captured, so
# pause and resume act on the capture timeline, not on when frames arrive here. Without that, the
# first frames after "resume" would carry the last ~0.2 s of the pause: card data. The guard also
# drops this much after the resume click, for blocks that arrive a little late.
RESUME_GUARD_S = 0.1


@dataclass
class RecordedAudio:
    file: SealedFile | None          # the call's one final file; None if it could not be written ...
    duration_s: float
    codec: str
    layout: str
    segments: list[SealedFile] | None = None     # ... and then the call is its sealed segments


class CallRecorder:
    def __init__(self, call_dir: Path, recipients: list, backend: AudioBackend, mic: Device, loopback: Device,
                 rate: int = 16000, seal_every: float = 1.0, on_error=None, on_event=None,
                 one_sided_after_s: float = 20.0, codec: str = "opus", opus_kbps: int = DEFAULT_OPUS_KBPS,
                 refind=None, fallback=None, opus_layout: str = "two-mono", on_seal=None) -> None:
        self.call_dir = call_dir
        self.codec = codec
        self.rate = rate
        self.sink = EncryptedOggSink(call_dir, recipients, seal_every)
        self._lock = threading.Lock()
        self._paused = False
        self._cuts: list[list] = []      # [from, to or None]: timeline ranges that are never encoded
        self._closed = False
        self.frames_written = 0
        self.on_error = on_error or (lambda msg: None)
        # on_seal(exc): sealing failed (the first of a streak); on_seal(None): it works again
        self.on_seal = on_seal or (lambda exc: self.on_error(f"cannot save audio ({exc.strerror or exc})")
                                   if exc is not None else None)
        self._encoder = open_encoder(codec, self.sink, rate, opus_kbps, opus_layout)
        self.extension = self._encoder.extension
        self.capture = Capture(backend, mic, loopback, rate, self._on_frames, on_event or (lambda k, i: None),
                               one_sided_after_s, refind, fallback)

    def start(self) -> None:
        # Sealing runs on its own thread, on the bytes the encoder writes, not on the mixer's batches:
        # the crash loss stays under capture block + mixer hold-back and tick + one Ogg page + seal_every
        # (benchmarks/crash_loss.py), and a slow disk never holds up the mixer thread.
        self.sink.start_sealing(self._seal_failed, lambda: self.on_seal(None))
        try:
            self.capture.start()
        except BaseException:
            self.sink.stop_sealing()
            raise

    @property
    def offset_s(self) -> float:
        return self.frames_written / self.rate

    def _keep(self, frames: np.ndarray, start: int) -> np.ndarray:
        end = start + len(frames)
        keep = None
        for a, b in self._cuts:
            b = end if b is None else b
            if b <= start or a >= end:
                continue
            if keep is None:
                keep = np.ones(len(frames), dtype=bool)
            keep[max(0, a - start):min(len(frames), b - start)] = False
        return frames if keep is None else frames[keep]

    def _on_frames(self, frames: np.ndarray, start: int) -> None:
        with self._lock:
            if self._closed:
                return
            frames = self._keep(frames, start)
            if not len(frames):
                return
            self._encoder.write(frames)
            self.frames_written += len(frames)

    def _seal_failed(self, exc: OSError) -> None:
        """The sealer thread could not make a segment durable (said once per failing streak)."""
        log.error("cannot seal audio segment: %s", exc)
        self.on_seal(exc)

    def pause(self) -> None:
        with self._lock:
            if not self._paused:
                self._paused = True
                self._cuts.append([self.capture.index_now(), None])
        self.capture.suspend_alarm(True)     # an agent silent while the customer reads card data is normal

    def resume(self) -> None:
        with self._lock:
            if self._paused:
                self._paused = False
                self._cuts[-1][1] = self.capture.index_now() + int(RESUME_GUARD_S * self.rate)
        self.capture.suspend_alarm(False)

    def _close_encoder(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._encoder.close()

    def stop(self, final_name: str) -> RecordedAudio:
        self.capture.close()
        self._close_encoder()
        duration = round(self.frames_written / self.rate, 3)
        try:
            sealed = self.sink.finalize(final_name)
        except FinalStreamLost as lost:
            return RecordedAudio(None, duration, self._encoder.label, self._encoder.layout, lost.segments)
        return RecordedAudio(sealed, duration, self._encoder.label, self._encoder.layout)

    def destroy(self) -> None:
        # Mark the sink destroyed first so the encoder's final pages are swallowed too.
        self.sink.destroyed = True
        self.capture.close()
        self._close_encoder()
        self.sink.destroy()
