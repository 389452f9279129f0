"""Test-signal tools: make speech and tones, find them again in recordings.

Why: end-to-end tests play known audio into the test audio server (or through
a real softphone call) and must decide, robustly and quickly, whether a
recording contains it, at what delay, and whether anything on disk still holds
plaintext audio.  Everything here is numpy + soundfile only (no scipy), so it
runs wherever the app's own dependencies are installed.

Conventions: sample arrays are float32/float64 mono in [-1, 1] unless noted;
lags are in seconds.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import soundfile as sf

__all__ = [
    "speech",
    "tone",
    "write_wav",
    "read_wav",
    "resample",
    "rms",
    "best_ncc",
    "windowed_ncc",
    "tone_present",
    "scan_for_plaintext",
]


# --------------------------------------------------------------- generation
def speech(text: str, path: Path | str, rate: int = 16000, voice: str = "en", *, words_per_minute: int = 160,
           amplitude: int = 100) -> Path:
    """Synthesize *text* with espeak-ng into a mono 16-bit WAV at *rate*.

    Real speech (not tones) exercises codecs, VAD and correlation the way real
    calls do.  espeak-ng writes 22.05 kHz; sox resamples with a proper filter.
    Repeat the text (or concatenate files) for long clips.
    """
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            raise RuntimeError(f"{tool} is not installed (apt-get install {tool})")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as td:
        raw = Path(td) / "espeak.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(words_per_minute), "-a", str(amplitude),
                        "-w", str(raw), text], check=True, capture_output=True, timeout=120)
        subprocess.run(["sox", "-q", str(raw), "-r", str(rate), "-c", "1", "-b", "16", "-e", "signed-integer",
                        str(path)], check=True, capture_output=True, timeout=120)
    return path


def tone(freq: float, seconds: float, rate: int = 16000, amplitude: float = 0.5) -> np.ndarray:
    """A sine of *freq* Hz as float32, with 5 ms fades so it does not click."""
    n = int(round(seconds * rate))
    t = np.arange(n) / rate
    y = amplitude * np.sin(2 * np.pi * freq * t)
    fade = min(n // 2, int(0.005 * rate))
    if fade:
        ramp = np.linspace(0.0, 1.0, fade)
        y[:fade] *= ramp
        y[n - fade:] *= ramp[::-1]
    return y.astype(np.float32)


def write_wav(path: Path | str, samples: np.ndarray, rate: int, subtype: str = "PCM_16") -> Path:
    """Write samples (frames x channels, or 1-D mono) as WAV; returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sf.write(str(path), np.asarray(samples), rate, subtype=subtype, format="WAV")
    return path


def stereo_wav(path: Path | str, left: Path | str | np.ndarray, right: Path | str | np.ndarray,
               rate: int | None = None) -> Path:
    """One stereo WAV from two mono signals or files (the shorter padded with silence): a stage player's input."""
    sides = []
    for side in (left, right):
        if isinstance(side, np.ndarray):
            if rate is None:
                raise ValueError("stereo_wav: give the rate with array inputs")
            sides.append((np.asarray(side, dtype=np.float64), rate))
        else:
            sides.append(read_wav(side))
    if sides[0][1] != sides[1][1]:
        raise ValueError(f"stereo_wav: the sides have different rates ({sides[0][1]} and {sides[1][1]} Hz)")
    n = max(len(x) for x, _ in sides)
    frames = np.zeros((n, 2))
    for i, (x, _) in enumerate(sides):
        frames[:len(x), i] = x
    return write_wav(path, frames, sides[0][1])


def read_wav(path: Path | str, mono: bool = True) -> tuple[np.ndarray, int]:
    """Read any soundfile-readable file as float64; average channels if *mono*."""
    data, rate = sf.read(str(path), dtype="float64", always_2d=True)
    return (data.mean(axis=1) if mono else data), rate


def resample(samples: np.ndarray, rate_in: int, rate_out: int) -> np.ndarray:
    """Band-limited resampling by FFT (adequate for test references)."""
    x = np.asarray(samples, dtype=np.float64)
    if rate_in == rate_out or x.size == 0:
        return x
    n_out = int(round(x.size * rate_out / rate_in))
    X = np.fft.rfft(x)
    n_bins = n_out // 2 + 1
    if n_bins <= X.size:
        Y = X[:n_bins]
    else:
        Y = np.concatenate([X, np.zeros(n_bins - X.size, dtype=X.dtype)])
    return np.fft.irfft(Y, n_out) * (n_out / x.size)


def rms(samples: np.ndarray) -> float:
    """Root-mean-square level (0.0 for an empty array)."""
    x = np.asarray(samples, dtype=np.float64)
    return float(np.sqrt(np.mean(x * x))) if x.size else 0.0


# ----------------------------------------------------------------- analysis
def _as_mono(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    if x.ndim == 2:
        x = x.mean(axis=1)
    return x - x.mean() if x.size else x


def best_ncc(recorded: np.ndarray, reference: np.ndarray, rate: int, max_lag_s: float | None = None,
             min_overlap: float = 0.5) -> tuple[float, float]:
    """Normalised cross-correlation of *reference* in *recorded*, maximised over lag.

    Returns ``(ncc, lag_s)``: ``ncc`` in [-1, 1] (1 = identical shape up to
    gain), ``lag_s`` the time in *recorded* where ``reference[0]`` lines up
    (negative if the recording started part-way through the reference).
    Either signal may be the longer one; the correlation at each lag is
    normalised over the *overlapping* part only, and lags whose overlap is
    shorter than ``min_overlap`` x the shorter signal are ignored (a tiny
    overlap can correlate perfectly by chance).  ``max_lag_s`` bounds |lag|.
    Computed with one FFT, so minutes of audio take well under a second.
    """
    x = _as_mono(recorded)
    y = _as_mono(reference)
    n, m = x.size, y.size
    if n == 0 or m == 0:
        return 0.0, 0.0
    size = 1 << int(np.ceil(np.log2(n + m - 1)))
    c = np.fft.irfft(np.fft.rfft(x, size) * np.conj(np.fft.rfft(y, size)), size)
    # Lags L = -(m-1) .. (n-1); c[L mod size] = sum_k x[k] * y[k-L].
    lags = np.arange(-(m - 1), n)
    num = c[lags % size]
    cx = np.concatenate([[0.0], np.cumsum(x * x)])
    cy = np.concatenate([[0.0], np.cumsum(y * y)])
    a = np.maximum(lags, 0)  # overlap in x: [a, b)
    b = np.minimum(n, lags + m)
    ex = cx[b] - cx[a]
    ey = cy[b - lags] - cy[a - lags]
    overlap = b - a
    valid = overlap >= max(1, int(min_overlap * min(n, m)))
    if max_lag_s is not None:
        valid &= np.abs(lags) <= int(max_lag_s * rate)
    # Ignore lags where either side is (near) silent over the overlap.
    floor = 1e-9 * max(cx[-1], cy[-1], 1e-30)
    valid &= (ex > floor) & (ey > floor)
    if not valid.any():
        return 0.0, 0.0
    ncc = np.zeros_like(num)
    ncc[valid] = num[valid] / np.sqrt(ex[valid] * ey[valid])
    i = int(np.argmax(np.where(valid, ncc, -np.inf)))
    return float(ncc[i]), float(lags[i]) / rate


def windowed_ncc(recorded: np.ndarray, reference: np.ndarray, rate: int, window_s: float = 2.0,
                 min_rms: float = 0.01) -> float:
    """Median over *recorded*'s windows of each window's best NCC against *reference*.

    Why: audio that crossed a softphone went through an adaptive jitter buffer,
    which may drop or repeat a frame mid-call; one lag then cannot fit the
    whole signal although every stretch of it is the right speech. Each window
    gets its own lag. Windows quieter than *min_rms* (pauses) are skipped.
    """
    x = np.asarray(recorded, dtype=np.float64)
    n = int(window_s * rate)
    scores = [best_ncc(x[i:i + n], reference, rate)[0] for i in range(0, x.size - n + 1, n)
              if rms(x[i:i + n]) >= min_rms]
    return float(np.median(scores)) if scores else 0.0


def tone_present(samples: np.ndarray, rate: int, freq: float, bandwidth_hz: float = 30.0) -> float:
    """Fraction of the signal's energy within ``freq +- bandwidth_hz``.

    ~1.0 for a clean tone, ~2*bandwidth/(rate/2) for white noise, 0.0 for
    digital silence.  A ratio (not an absolute level) so tests can threshold
    it independently of gain; check :func:`rms` as well if level matters.
    """
    x = _as_mono(samples)
    if x.size < 16:
        return 0.0
    spec = np.abs(np.fft.rfft(x * np.hanning(x.size))) ** 2
    total = spec.sum()
    if total <= 1e-20:
        return 0.0
    f = np.fft.rfftfreq(x.size, 1.0 / rate)
    band = (f >= freq - bandwidth_hz) & (f <= freq + bandwidth_hz)
    return float(spec[band].sum() / total)


# ------------------------------------------------------------ plaintext scan
# Stricter than the bare 4-byte magics so that encrypted (random-looking)
# data of tens of MiB practically never matches by chance:
#   Ogg page: "OggS", stream version 0, header-type flags 0..7
#   WAV:      "RIFF" <4-byte size> "WAVE"
#   FLAC:     "fLaC" then a STREAMINFO block header (type 0, length 34)
_MAGIC = re.compile(rb"OggS\x00[\x00-\x07]|RIFF.{4}WAVE|fLaC[\x00\x80]\x00\x00\x22", re.DOTALL)
_MAGIC_NAMES = {b"OggS": "Ogg page (OggS)", b"RIFF": "RIFF/WAVE header", b"fLaC": "FLAC stream (fLaC)"}


def _iter_files(paths: Iterable[Path | str]) -> Iterable[Path]:
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for dirpath, _dirs, files in os.walk(p):
                for name in sorted(files):
                    yield Path(dirpath) / name
        elif p.is_file():
            yield p


def _tone_in_pcm(data: bytes, rate: int, freq: float, threshold: float, max_block: int = 8192) -> str | None:
    """Look for *freq* in *data* read as int16 or float32 PCM, mono or stereo."""
    views: list[tuple[str, np.ndarray]] = []
    for off in (0, 1):
        buf = data[off:]
        buf = buf[: len(buf) // 2 * 2]
        views.append((f"int16@{off}", np.frombuffer(buf, dtype="<i2").astype(np.float32) / 32768.0))
    for off in range(4):
        buf = data[off:]
        buf = buf[: len(buf) // 4 * 4]
        views.append((f"float32@{off}", np.frombuffer(buf, dtype="<f4")))
    for name, x in views:
        for ch_name, sig in (("mono", x), ("stereo-L", x[0::2]), ("stereo-R", x[1::2])):
            if sig.size < 1024:
                continue
            block = min(max_block, 1 << (int(sig.size).bit_length() - 1))
            f = np.fft.rfftfreq(block, 1.0 / rate)
            band = (f >= freq - 30) & (f <= freq + 30)
            win = np.hanning(block).astype(np.float32)
            nblk = sig.size // block
            for start in range(0, nblk, 128):
                blocks = sig[start * block:min(nblk, start + 128) * block].reshape(-1, block)
                with np.errstate(all="ignore"):
                    ok = np.isfinite(blocks).all(axis=1) & (np.abs(blocks).max(axis=1) <= 2.0)
                    blocks = blocks[ok]
                    if blocks.size == 0:
                        continue
                    blocks = blocks - blocks.mean(axis=1, keepdims=True)
                    spec = np.abs(np.fft.rfft(blocks * win, axis=1)) ** 2
                    total = spec.sum(axis=1)
                    ratio = np.where(total > 1e-6, spec[:, band].sum(axis=1) / np.maximum(total, 1e-30), 0.0)
                if (ratio > threshold).any():
                    return f"{name}/{ch_name} block ratio {float(ratio.max()):.2f}"
    return None


def scan_for_plaintext(paths: list[Path], since: float | None = None, tone_freq: float | None = None,
                       rate: int = 16000, max_bytes: int = 64 << 20, tone_threshold: float = 0.5) -> list[str]:
    """Report files (under *paths*, recursively) that hold unencrypted audio.

    Why: recordings must only ever touch disk encrypted.  A finding is any
    Ogg/WAV/FLAC container signature anywhere in the first *max_bytes*, or --
    if *tone_freq* is given -- raw int16/float32 PCM (mono or interleaved
    stereo, any alignment) in which that tone carries more than
    *tone_threshold* of a block's energy.  Play a tone during the test and
    pass its frequency to catch headerless PCM dumps too.

    ``since`` (a ``time.time()`` value) skips files not modified since then.
    Returns human-readable findings, ``"<path>: <what>"``; empty means clean.
    """
    findings: list[str] = []
    for path in _iter_files(paths):
        try:
            st = path.stat()
            if since is not None and st.st_mtime < since:
                continue
            with open(path, "rb") as fh:
                data = fh.read(max_bytes)
        except OSError:
            continue  # vanished or unreadable (e.g. a socket); not our concern
        m = _MAGIC.search(data)
        if m:
            findings.append(f"{path}: {_MAGIC_NAMES[m.group()[:4]]} at offset {m.start()}")
            continue
        if tone_freq is not None and len(data) >= 4096:
            hit = _tone_in_pcm(data, rate, tone_freq, tone_threshold)
            if hit:
                findings.append(f"{path}: raw PCM with {tone_freq:g} Hz tone ({hit})")
    return findings


def tone_level(rec: np.ndarray, rate: int, freq: float, start_s: float = 0.0, end_s: float | None = None,
               channel: int = 0, window_s: float = 0.5) -> float:
    """Loudest window of rec[start_s:end_s] in which *freq* dominates, as the RMS of *freq* alone (0.0: never).

    Both conditions matter: speech has some energy at any frequency (a ratio
    alone would flag loud speech), and Opus's joint stereo leaks a faint trace
    of one channel into a silent other (the ratio is high there, the level tiny).
    The level is the tone's own, measured through the same window as the ratio:
    the RMS of the whole window would count a loud other sound at the window's
    edge, where the Hann window hides it from the ratio (a 440 Hz tone ending
    as the window begins made a -35 dB trace of 700 Hz read as -14 dB).
    """
    win = int(window_s * rate)
    a = int(start_s * rate)
    b = len(rec) if end_s is None else min(len(rec), int(end_s * rate))
    best = 0.0
    for i in range(a, max(a + 1, b - win + 1), win // 2):
        w = rec[i:i + win, channel] if rec.ndim == 2 else rec[i:i + win]
        if len(w) >= win // 2 and tone_present(w, rate, freq) > 0.5:
            best = max(best, band_rms(w, rate, freq))
    return best


def band_rms(samples: np.ndarray, rate: int, freq: float, bandwidth_hz: float = 30.0) -> float:
    """RMS of the part of *samples* within ``freq +- bandwidth_hz`` (Hann-windowed, window loss undone)."""
    x = _as_mono(samples).astype(np.float64)
    if x.size < 16:
        return 0.0
    hann = np.hanning(x.size)
    spec = np.abs(np.fft.rfft(x * hann)) ** 2
    f = np.fft.rfftfreq(x.size, 1.0 / rate)
    band = (f >= freq - bandwidth_hz) & (f <= freq + bandwidth_hz)
    # Parseval for a one-sided spectrum: mean square = 2 * sum|X|^2 / N^2; the window's mean square undone.
    mean_square = 2.0 * spec[band].sum() / (x.size ** 2) / float(np.mean(hann ** 2))
    return float(np.sqrt(mean_square))
