"""One call's capture pipeline: devices → stereo frames → Ogg Opus → encrypted segments.

Pausing drops frames before the encoder, so audio from inside a pause exists
nowhere, not even in memory. The encoder runs on the capture's mixer thread.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

from ..adapters.audio import AudioBackend, Device
from .capture import Capture
from .segments import EncryptedOggSink, SealedFile

log = logging.getLogger("taltio.recorder")

# libsndfile's SFC_SET_OGG_PAGE_LATENCY_MS. soundfile has no wrapper for it, so
# it is sent through soundfile's own cffi handle. Without it Ogg flushes a page
# per second of audio, which would double what a crash can lose.
_SFC_SET_OGG_PAGE_LATENCY_MS = 0x1302
PAGE_LATENCY_MS = 200.0
CODECS = {
    # codec name -> (libsndfile format, subtype, file extension, label in the manifest)
    "opus": ("OGG", "OPUS", "ogg", "ogg/opus"),
    "flac": ("FLAC", "PCM_16", "flac", "flac"),
}
FINAL_EXTENSIONS = tuple(c[2] for c in CODECS.values())


def codec_label(codec: str) -> str:
    return CODECS[codec][3]


def opus_compression_level(stereo_kbps: int) -> float:
    """libsndfile's only Opus knob: level L gives (1 - L) * 250 + 6 kbit/s per channel (src/ogg_opus.c)."""
    return min(1.0, max(0.0, 1 - (stereo_kbps / 2 - 6) / 250))


@dataclass
class RecordedAudio:
    file: SealedFile
    duration_s: float
    codec: str


class CallRecorder:
    def __init__(self, call_dir: Path, recipients: list, backend: AudioBackend, mic: Device, loopback: Device,
                 rate: int = 16000, seal_every: float = 1.0, on_error=None, on_event=None,
                 one_sided_after_s: float = 20.0, codec: str = "opus", opus_level: float | None = None,
                 refind=None) -> None:
        self.call_dir = call_dir
        self.codec = codec
        self.rate = rate
        self.sink = EncryptedOggSink(call_dir, recipients, seal_every)
        self._lock = threading.Lock()
        self._paused = False
        self._closed = False
        self.frames_written = 0
        self.on_error = on_error or (lambda msg: None)
        fmt, subtype, self.extension, _label = CODECS[codec]
        extra = {"compression_level": opus_level} if codec == "opus" and opus_level is not None else {}
        self._encoder = sf.SoundFile(self.sink, mode="w", samplerate=rate, channels=2, format=fmt, subtype=subtype,
                                     **extra)
        if codec == "opus":
            self._set_page_latency()
        self.capture = Capture(backend, mic, loopback, rate, self._on_frames, on_event or (lambda k, i: None),
                               one_sided_after_s, refind)

    def _set_page_latency(self) -> None:
        try:
            from soundfile import _ffi, _snd  # type: ignore[attr-defined]

            val = _ffi.new("double*", PAGE_LATENCY_MS)
            _snd.sf_command(self._encoder._file, _SFC_SET_OGG_PAGE_LATENCY_MS, val, _ffi.sizeof("double"))
        except Exception:  # noqa: BLE001 - older libsndfile: 1 s pages, still within budget
            log.warning("could not set Ogg page latency; crash loss may be up to ~2 s")

    def start(self) -> None:
        self.capture.start()

    @property
    def offset_s(self) -> float:
        return self.frames_written / self.rate

    def _on_frames(self, frames: np.ndarray) -> None:
        with self._lock:
            if self._closed or self._paused:
                return
            self._encoder.write(frames)
            self.frames_written += len(frames)
        try:
            self.sink.maybe_seal()
        except OSError as exc:
            log.error("cannot seal audio segment: %s", exc)
            self.on_error(f"cannot save audio ({exc.strerror or exc}); free disk space")

    def pause(self) -> None:
        with self._lock:
            self._paused = True
        self.capture.suspend_alarm(True)     # an agent silent while the customer reads card data is normal

    def resume(self) -> None:
        with self._lock:
            self._paused = False
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
        sealed = self.sink.finalize(final_name)
        return RecordedAudio(sealed, round(self.frames_written / self.rate, 3), codec_label(self.codec))

    def destroy(self) -> None:
        # Mark the sink destroyed first so the encoder's final pages are swallowed too.
        self.sink.destroyed = True
        self.capture.close()
        self._close_encoder()
        self.sink.destroy()
