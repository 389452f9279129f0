"""Audio encoders: stereo float frames in, container bytes out, into a file object (the encrypted sink).

Ogg Opus goes through PyAV (FFmpeg's libopus and Ogg muxer), FLAC through
soundfile (libsndfile). Why not libsndfile for Opus as well, as before:
* it has no bitrate setting, only a `compression_level` that maps linearly to
  a per-channel rate, and no complexity or application setting;
* the libopus inside soundfile's wheel encoded our test call about 3.2x slower
  than the one in PyAV's wheel, and 1.9x slower than `opusenc | age` (measured
  by benchmarks/cpu.py; docs/performance.md), which made Taltio cost more CPU
  per recorded minute than `parecord | opusenc | age` at the same bitrate.
PyAV ships the same FFmpeg build on Windows, macOS and Linux, so the encoder
costs the same everywhere, and it takes the bitrate in bit/s.

Crash loss is bounded by how often bytes leave the encoder: the Ogg muxer
closes a page every PAGE_DURATION_MS and flushes it to the sink at once
(`flush_packets`), so at most that much audio sits in memory between seals.
"""
from __future__ import annotations

import logging
from typing import Protocol

import numpy as np

log = logging.getLogger("taltio.encoder")

PAGE_DURATION_MS = 200
OPUS_RATES = (8000, 12000, 16000, 24000, 48000)
CODECS = {
    # codec name -> (file extension, label in the manifest)
    "opus": ("ogg", "ogg/opus"),
    "flac": ("flac", "flac"),
}
FINAL_EXTENSIONS = tuple(c[0] for c in CODECS.values())


class EncoderError(RuntimeError):
    pass


class Sink(Protocol):
    def write(self, data: bytes) -> int: ...


class Encoder(Protocol):
    extension: str
    label: str

    def write(self, frames: np.ndarray) -> None:
        """frames: (n, 2) float32, agent left, customer right."""

    def close(self) -> None:
        """Flush the last packets and the container trailer into the sink."""


def codec_label(codec: str) -> str:
    return CODECS[codec][1]


class _ForwardOnly:
    """Show FFmpeg a pipe, not a seekable file: every byte it writes goes forward.

    Sealed crash-recovery segments can never be patched afterwards, so a muxer
    must not be given the idea that it may seek back.
    """

    def __init__(self, sink: Sink) -> None:
        self._sink = sink

    def write(self, data) -> int:
        return self._sink.write(bytes(data))

    def flush(self) -> None:
        pass


class OpusEncoder:
    extension, label = CODECS["opus"]

    def __init__(self, sink: Sink, rate: int, bitrate_kbps: int, complexity: int = 10) -> None:
        import av

        if rate not in OPUS_RATES:
            raise EncoderError(f"Opus cannot record at {rate} Hz; use one of {', '.join(map(str, OPUS_RATES))}")
        av.logging.set_level(av.logging.ERROR)
        try:
            self._out = av.open(_ForwardOnly(sink), mode="w", format="ogg",
                                options={"page_duration": str(PAGE_DURATION_MS * 1000), "flush_packets": "1"})
            self._stream = self._out.add_stream("libopus", rate=rate, layout="stereo", format="flt",
                                                options={"b": str(bitrate_kbps * 1000),
                                                         "compression_level": str(complexity),
                                                         "application": "audio", "frame_duration": "20",
                                                         "vbr": "constrained"})
        except Exception as exc:  # noqa: BLE001 - FFmpeg errors come as several types
            raise EncoderError(f"cannot start the Opus encoder: {exc}") from None
        self._rate = rate
        self._pts = 0
        self._av = av

    def write(self, frames: np.ndarray) -> None:
        packed = np.ascontiguousarray(frames, dtype=np.float32).reshape(1, -1)
        frame = self._av.AudioFrame.from_ndarray(packed, format="flt", layout="stereo")
        frame.sample_rate = self._rate
        frame.pts = self._pts
        self._pts += len(frames)
        for packet in self._stream.encode(frame):
            self._out.mux(packet)

    def close(self) -> None:
        for packet in self._stream.encode(None):
            self._out.mux(packet)
        self._out.close()


class FlacEncoder:
    """Lossless. FLAC seeks back at close to patch its header; the sink keeps that in memory."""

    extension, label = CODECS["flac"]

    def __init__(self, sink, rate: int) -> None:
        import soundfile as sf

        self._sf = sf.SoundFile(sink, mode="w", samplerate=rate, channels=2, format="FLAC", subtype="PCM_16")

    def write(self, frames: np.ndarray) -> None:
        self._sf.write(frames)

    def close(self) -> None:
        self._sf.close()


def open_encoder(codec: str, sink, rate: int, opus_kbps: int = 28) -> Encoder:
    if codec == "opus":
        return OpusEncoder(sink, rate, opus_kbps)
    if codec == "flac":
        return FlacEncoder(sink, rate)
    raise EncoderError(f"unknown codec '{codec}'; use 'opus' or 'flac'")
