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

Opus layouts (the manifest's `audio.layout`):
* "two-mono" (the default): agent and customer as two *uncoupled* mono Opus
  streams in one Ogg Opus stream (RFC 7845 §5.1.1: channel mapping family 1,
  2 streams, 0 coupled, mapping [0, 1]). Below about 26 kbit/s a coupled
  stereo stream is coded as mono and each side leaks into the other
  (docs/performance.md); uncoupled streams never mix, so the bitrate can halve.
* "stereo": one coupled stereo stream (mapping family 0), the layout of
  recordings made before; still selectable, and every player reads both.
"""
from __future__ import annotations

import logging
from typing import Protocol

import numpy as np

from taltio.domain.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger("taltio.encoder")

PAGE_DURATION_MS = 200
OPUS_LAYOUTS = ("two-mono", "stereo")
# libopus settings, chosen by benchmarks/codec.py's sweep (docs/performance.md, Codec): see there for the figures.
OPUS_COMPLEXITY = 6          # 7-10 cost up to 1.7x the CPU for <= 0.003 STOI (the sweep)
OPUS_FRAME_MS = 60           # 20, 40 or 60: longer frames mean fewer packets, so less Ogg lacing and TOC bytes
OPUS_APPLICATION = "audio"   # FFmpeg's libopus "application": voip, audio or lowdelay
OPUS_VBR = "constrained"     # FFmpeg's libopus "vbr": on, constrained or off
OPUS_FRAME_CHOICES = (20, 40, 60)
OPUS_APPLICATIONS = ("voip", "audio", "lowdelay")
OPUS_VBR_CHOICES = ("on", "constrained", "off")
DEFAULT_OPUS_KBPS = 15       # the call's total, two-mono: the sweep's choice (settings' audio.opus_bitrate_kbps)
STEREO_MIN_KBPS = 28         # the joint-stereo layout keeps the sides apart only from about here up
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
    layout: str         # the manifest's audio.layout: "two-mono" or "stereo"

    def write(self, frames: np.ndarray) -> None:
        """frames: (n, 2) float32, agent left, customer right."""

    def close(self) -> None:
        """Flush the last packets and the container trailer into the sink."""


def codec_label(codec: str) -> str:
    return CODECS[codec][1]


def layout_of(codec: str, opus_layout: str) -> str:
    """The manifest's audio.layout for a call recorded with these settings."""
    return opus_layout if codec == "opus" else "stereo"


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


_HEAD_FAMILY = 18          # offset of the channel mapping family in the OpusHead packet (RFC 7845 §5.1)


def _as_family_1(head: bytes) -> bytes:
    """FFmpeg's libopus wrapper makes two uncoupled streams only through mapping family 255 ("no
    defined channel meaning"), and libopusfile 0.12 (Debian's opusdec and many players) refuses 255
    with OP_EIMPL. Family 1 with the same stream table is valid (RFC 7845 §5.1.1.2: any stream and
    coupled counts for 1-8 channels, Vorbis order, which for two channels is left, right) and every
    decoder tried plays it: opusdec, FFmpeg, libsndfile. Only the header's family byte differs."""
    # family 255, 2 streams, 0 coupled, channel 0 (agent, left) from stream 0 and channel 1 from stream 1
    if len(head) < 23 or head[:8] != b"OpusHead" or head[_HEAD_FAMILY] != 255 or head[19:23] != b"\x02\x00\x00\x01":
        raise EncoderError(Text(QT_TRANSLATE_NOOP("core", "libopus did not set up two uncoupled streams; this FFmpeg "
                                                          "build cannot record the two-mono layout (set "
                                                          "audio.opus_layout = stereo)")))
    return head[:_HEAD_FAMILY] + b"\x01" + head[_HEAD_FAMILY + 1:]


def _check_options(rate: int, layout: str, complexity: int, frame_ms: int, application: str, vbr: str) -> None:
    """Refuse what libopus would refuse later with a less helpful FFmpeg error."""
    def one_of(what: str, value, choices) -> None:
        if value not in choices:
            raise EncoderError(Text(QT_TRANSLATE_NOOP("core", "Opus cannot use {what} {value}; use one of {choices}"),
                                    what=what, value=repr(value), choices=", ".join(map(str, choices))))

    if rate not in OPUS_RATES:
        raise EncoderError(Text(QT_TRANSLATE_NOOP("core", "Opus cannot record at {rate} Hz; use one of {choices}"),
                                rate=rate, choices=", ".join(map(str, OPUS_RATES))))
    one_of("layout", layout, OPUS_LAYOUTS)
    one_of("complexity", complexity, range(11))
    one_of("frame duration (ms)", frame_ms, OPUS_FRAME_CHOICES)
    one_of("application", application, OPUS_APPLICATIONS)
    one_of("vbr mode", vbr, OPUS_VBR_CHOICES)


class OpusEncoder:
    extension, label = CODECS["opus"]

    def __init__(self, sink: Sink, rate: int, bitrate_kbps: float, complexity: int = OPUS_COMPLEXITY,
                 layout: str = "two-mono", *, frame_ms: int = OPUS_FRAME_MS, application: str = OPUS_APPLICATION,
                 vbr: str = OPUS_VBR) -> None:
        """The keyword-only knobs are not user settings: they exist so that benchmarks/codec.py can
        sweep them through this very class; the app always uses the module's defaults."""
        import av

        _check_options(rate, layout, complexity, frame_ms, application, vbr)
        if layout == "stereo" and bitrate_kbps < STEREO_MIN_KBPS:
            # Below ~26 kbit/s libopus codes joint stereo as mono: each side would hold the other's voice
            # (0 dB cross-talk, docs/performance.md). Evidence needs the sides apart, so the floor wins.
            log.warning("Opus stereo at %s kbit/s would mix the two sides; recording at %d kbit/s",
                        bitrate_kbps, STEREO_MIN_KBPS)
            bitrate_kbps = STEREO_MIN_KBPS
        av.logging.set_level(av.logging.ERROR)
        # The bitrate is the call's total: libopus shares it evenly between the two uncoupled streams.
        options = {"b": str(int(bitrate_kbps * 1000)), "compression_level": str(complexity),
                   "application": application, "frame_duration": str(frame_ms), "vbr": vbr}
        if layout == "two-mono":
            options["mapping_family"] = "255"
        try:
            self._out = av.open(_ForwardOnly(sink), mode="w", format="ogg",
                                options={"page_duration": str(PAGE_DURATION_MS * 1000), "flush_packets": "1"})
            self._stream = self._out.add_stream("libopus", rate=rate, layout="stereo", format="flt",
                                                options=options)
            if layout == "two-mono":
                # The header is written from the opened codec's extradata at the first mux.
                codec = self._stream.codec_context
                codec.open(strict=False)
                codec.extradata = _as_family_1(bytes(codec.extradata))
        except EncoderError:
            raise
        except Exception as exc:  # noqa: BLE001 - FFmpeg errors come as several types
            raise EncoderError(Text(QT_TRANSLATE_NOOP("core", "cannot start the Opus encoder: {error}"),
                                    error=str(exc))) from None
        self.layout = layout
        self._rate = rate
        self._pts = 0
        self._frame_ms = frame_ms
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
        if self._pts == 0:
            # FFmpeg writes the Ogg headers at the first packet, so a recording that never got a frame (a
            # call that ended as it began) would be an empty file, which no player opens; and libsndfile
            # refuses an Ogg Opus stream with headers only. One frame of digital silence makes it a valid
            # recording of nothing; the manifest's duration (0 s) and gaps say what was captured.
            self.write(np.zeros((self._rate * self._frame_ms // 1000, 2), dtype=np.float32))
        for packet in self._stream.encode(None):
            self._out.mux(packet)
        self._out.close()


class FlacEncoder:
    """Lossless. FLAC seeks back at close to patch its header; the sink keeps that in memory."""

    extension, label = CODECS["flac"]
    layout = "stereo"

    def __init__(self, sink, rate: int) -> None:
        import soundfile as sf

        self._sf = sf.SoundFile(sink, mode="w", samplerate=rate, channels=2, format="FLAC", subtype="PCM_16")

    def write(self, frames: np.ndarray) -> None:
        self._sf.write(frames)

    def close(self) -> None:
        self._sf.close()


def open_encoder(codec: str, sink, rate: int, opus_kbps: int = DEFAULT_OPUS_KBPS, opus_layout: str = "two-mono") -> Encoder:
    if codec == "opus":
        return OpusEncoder(sink, rate, opus_kbps, layout=opus_layout)
    if codec == "flac":
        return FlacEncoder(sink, rate)
    raise EncoderError(Text(QT_TRANSLATE_NOOP("core", "unknown codec '{codec}'; use 'opus' or 'flac'"), codec=codec))
