"""Pieces shared by backends whose OS layer hands over blocks by a read loop (Windows, macOS).

A push stream reads on its own thread, converts to the requested rate and mono, runs its own
watchdog, and reports loss exactly once; close() never blocks on a wedged driver.
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Any

import numpy as np

from taltio.domain.ports import BlockSink, Stream
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger("taltio.audio.push")


class Converter:
    """Downmix to mono and change the rate, keeping state across blocks so block edges do not click.

    numpy only: a 95-tap Blackman-windowed sinc low-pass (cut-off 0.9 x the new
    Nyquist frequency; about 1 ms delay at 48 kHz) stops speech harmonics above
    the new band from folding back, then linear interpolation picks the samples.
    """

    TAPS = 95

    def __init__(self, src_rate: int, dst_rate: int) -> None:
        self.src_rate, self.dst_rate = int(src_rate), int(dst_rate)
        self._step = self.src_rate / self.dst_rate
        self._taps: np.ndarray | None = None
        if self.dst_rate < self.src_rate:
            n = np.arange(self.TAPS) - (self.TAPS - 1) / 2
            fc = 0.45 * self.dst_rate / self.src_rate          # cycles per input sample
            h = 2 * fc * np.sinc(2 * fc * n) * np.blackman(self.TAPS)
            self._taps = (h / h.sum()).astype(np.float32)
            self._hist = np.zeros(self.TAPS - 1, dtype=np.float32)
        self._prev: np.float32 | None = None
        self._t = 0.0                                           # next output time, in input samples

    def process(self, frames: np.ndarray) -> np.ndarray:
        x = np.asarray(frames, dtype=np.float32)
        if x.ndim == 2:
            x = x.mean(axis=1, dtype=np.float32) if x.shape[1] > 1 else x[:, 0]
        if self.src_rate == self.dst_rate:
            return np.array(x, dtype=np.float32)                # a copy: the OS may reuse its buffer
        if self._taps is not None:
            buf = np.concatenate([self._hist, x])
            self._hist = buf[len(buf) - (self.TAPS - 1):]
            x = np.convolve(buf, self._taps, mode="valid").astype(np.float32)
        b = x if self._prev is None else np.concatenate([[self._prev], x])
        if len(b) == 0:
            return np.zeros(0, dtype=np.float32)
        last = len(b) - 1
        count = int(np.floor((last - self._t) / self._step)) + 1 if last >= self._t else 0
        times = self._t + self._step * np.arange(count)
        out = np.interp(times, np.arange(len(b)), b).astype(np.float32)
        self._t = self._t + count * self._step - last
        self._prev = b[-1]
        return out


def adc_age(time_info: Any, frames: int, rate: int) -> float | None:
    """Seconds since the last sample of a PortAudio callback's block was captured, from its time_info.

    PortAudio stamps the block's first sample (inputBufferAdcTime) and the callback (currentTime) on the
    stream's own clock, so their difference is how long the block waited, whatever clock that is. None when
    the host API leaves them zero or the difference is implausible: the block is then placed by its arrival.
    """
    try:
        adc, now = float(time_info.inputBufferAdcTime), float(time_info.currentTime)
    except (AttributeError, TypeError, ValueError):
        return None
    if adc <= 0.0 or now <= 0.0:
        return None
    age = now - (adc + frames / rate)
    return age if -0.005 <= age <= 1.0 else None


class PushStream(Stream):
    """Hands converted blocks to the sink and reports loss exactly once.

    Loss has three sources: the OS layer (an error or end-of-stream), `check()`
    (e.g. a default-device switch), and a watchdog for blocks that stop coming
    (a hung driver; a vanished Core Audio device just stops calling back).
    Pushes happen under the lock that `fail()` and `close()` take, so nothing
    reaches the sink after either. `close()` hands the OS stop to a daemon
    thread: stopping a dead device can block for seconds (NOTES: 17 s).
    """

    STALL_S = 0.8          # blocks come every 10-20 ms; 0.8 s plus one 50 ms poll stays under 1 s
    FIRST_BLOCK_S = 2.0    # opening a device may take longer than a running one may stall
    POLL_S = 0.05

    def __init__(self, label: str, rate: int, channel: int, sink: BlockSink, logger: logging.Logger) -> None:
        self.label, self.rate, self.channel, self.sink, self.log = label, rate, channel, sink, logger
        self._lock = threading.Lock()
        self._done = False      # lost or closed: the sink hears nothing more
        self._closed = False
        self._stopping = False
        self._converter: Converter | None = None
        self._started = 0.0
        self._last: float | None = None

    # subclasses: start and stop the OS stream; check() returns a cause to end the stream
    def _start_os(self) -> None: ...

    def _stop_os(self) -> None: ...

    def check(self) -> str | None:
        return None

    def start(self) -> None:
        self._started = time.monotonic()
        threading.Thread(target=self._watch, name=f"taltio-audio-watch-{self.channel}", daemon=True).start()
        try:
            self._start_os()
        except Exception as exc:  # noqa: BLE001 - any start failure is a lost device for the core
            self.fail(Text(QT_TRANSLATE_NOOP("core", "cannot start {device}: {error}"), device=self.label,
                           error=str(exc)))

    def close(self) -> None:
        with self._lock:
            self._closed = self._done = True
        self._stop_in_background()

    def deliver(self, frames: np.ndarray, src_rate: int, age_s: float | None = None) -> None:
        """Called by the OS layer's thread for every block, in order.

        age_s: how long ago the block's last sample was captured, when the OS layer knows it (PortAudio's
        time_info; see adc_age). The block is then placed where it was captured, not where it arrived, so a
        callback that ran late does not put one side late against the other.
        """
        now = time.monotonic()
        self._last = now
        t = now - age_s if age_s is not None else now
        if self._done:
            return
        conv = self._converter
        if conv is None or conv.src_rate != int(src_rate):
            conv = self._converter = Converter(int(src_rate), self.rate)
        mono = conv.process(frames)
        with self._lock:
            if not self._done and len(mono):
                self.sink.push(self.channel, mono, t)

    def fail(self, cause: str) -> None:
        with self._lock:
            if self._done:
                return
            self._done = True
        self.log.warning("%s lost: %s", self.label, cause)
        try:
            self.sink.lost(self.channel, cause)
        except Exception:  # noqa: BLE001 - the sink's problem must not kill the OS thread
            self.log.exception("sink.lost failed")
        self._stop_in_background()

    def _stop_in_background(self) -> None:
        with self._lock:
            if self._stopping:
                return
            self._stopping = True
        threading.Thread(target=self._stop_quietly, name=f"taltio-audio-stop-{self.channel}", daemon=True).start()

    def _stop_quietly(self) -> None:
        try:
            self._stop_os()
        except Exception:  # noqa: BLE001
            self.log.debug("stopping %s failed", self.label, exc_info=True)

    def _watch(self) -> None:
        while not self._done:
            time.sleep(self.POLL_S)
            if self._done:
                return
            try:
                cause = self.check()
            except Exception:  # noqa: BLE001 - a failing probe is not a lost device
                self.log.debug("device check failed", exc_info=True)
                cause = None
            now, last = time.monotonic(), self._last
            if cause is None and last is None and now - self._started > self.FIRST_BLOCK_S:
                cause = Text(QT_TRANSLATE_NOOP("core", "no audio from {device} within {seconds} s of opening it"),
                             device=self.label, seconds=f"{self.FIRST_BLOCK_S:.0f}")
            elif cause is None and last is not None and now - last > self.STALL_S:
                cause = Text(QT_TRANSLATE_NOOP("core", "no audio from {device} for {seconds} s"), device=self.label,
                             seconds=f"{now - last:.1f}")
            if cause:
                self.fail(cause)
                return


def process_matches(actual: str, wanted: str) -> bool:
    """'microsip' or 'MicroSIP.exe' finds 'MicroSIP.exe'; a substring, as audio_pulse matches its proplist."""
    def norm(s: str) -> str:
        return s.strip().lower().removesuffix(".exe").removesuffix(".app")
    return bool(norm(wanted)) and norm(wanted) in norm(actual or "")
