"""Audio capture behind one small interface: two input devices in, aligned stereo out.

The Linux implementation uses sounddevice (PortAudio). On PipeWire/PulseAudio
the customer's side is the softphone sink's monitor source; ALSA aliases or the
`pulse` device make those visible to PortAudio. Windows (WASAPI loopback) and
macOS backends plug in behind the same `AudioBackend` interface (issue 3).
"""
from __future__ import annotations

import logging
import threading
import time
from abc import ABC, abstractmethod
from collections import deque
from typing import Callable

import numpy as np

log = logging.getLogger("taltio.audio")

FramesCallback = Callable[[np.ndarray], None]
ErrorCallback = Callable[[str], None]


class AudioError(RuntimeError):
    """A device problem, phrased for the agent or IT."""


class Capture(ABC):
    @abstractmethod
    def start(self) -> None: ...

    @abstractmethod
    def close(self) -> None: ...


class AudioBackend(ABC):
    @abstractmethod
    def input_devices(self) -> list[str]: ...

    @abstractmethod
    def resolve(self, name: str, role: str) -> str:
        """Return the device's full name, or raise AudioError naming what is available."""

    @abstractmethod
    def open(self, mic: str, loopback: str, rate: int, on_frames: FramesCallback,
             on_error: ErrorCallback) -> Capture: ...


class _Channel:
    """One device's blocks placed on a shared sample timeline.

    The first block is positioned by its arrival time; later blocks follow
    contiguously so scheduling jitter does not smear the alignment.
    """

    def __init__(self) -> None:
        self.blocks: deque[np.ndarray] = deque()
        self.start_idx: int | None = None
        self.available = 0           # samples queued
        self.last_callback = 0.0


class _Mixer:
    """Aligns the two channels and hands out stereo frames (agent left, customer right)."""

    STALL_S = 0.5   # a channel silent for longer than this is padded with zeros

    def __init__(self, rate: int, on_frames: FramesCallback) -> None:
        self.rate = rate
        self.on_frames = on_frames
        self.ch = (_Channel(), _Channel())
        self.t0 = time.monotonic()
        self.pos: int | None = None
        self.cond = threading.Condition()
        self.running = True
        self.padded_samples = 0

    def push(self, idx: int, data: np.ndarray) -> None:
        now = time.monotonic()
        with self.cond:
            c = self.ch[idx]
            if c.start_idx is None:
                c.start_idx = int(round((now - len(data) / self.rate - self.t0) * self.rate))
            c.blocks.append(data.copy())
            c.available += len(data)
            c.last_callback = now
            self.cond.notify()

    def _take(self, c: _Channel, n: int) -> np.ndarray:
        out = np.empty(n, dtype=np.float32)
        got = 0
        while got < n:
            b = c.blocks[0]
            k = min(len(b), n - got)
            out[got:got + k] = b[:k]
            if k == len(b):
                c.blocks.popleft()
            else:
                c.blocks[0] = b[k:]
            got += k
        c.available -= n
        c.start_idx = (c.start_idx or 0) + n
        return out

    def _drop_until(self, c: _Channel, pos: int) -> None:
        if c.start_idx is not None and c.start_idx < pos:
            n = min(pos - c.start_idx, c.available)
            if n:
                self._take(c, n)
            c.start_idx = pos if c.available == 0 else c.start_idx

    def run(self) -> None:
        while True:
            with self.cond:
                self.cond.wait(0.05)
                if not self.running:
                    return
                a, b = self.ch
                if a.start_idx is None or b.start_idx is None:
                    continue
                if self.pos is None:
                    self.pos = max(a.start_idx, b.start_idx)
                self._drop_until(a, self.pos)
                self._drop_until(b, self.pos)
                now = time.monotonic()
                for c, other in ((a, b), (b, a)):
                    # A stalled device must not stall the recording of the other side.
                    if c.available == 0 and other.available > self.STALL_S * self.rate \
                            and now - c.last_callback > self.STALL_S:
                        pad = other.available
                        c.blocks.append(np.zeros(pad, dtype=np.float32))
                        c.available += pad
                        self.padded_samples += pad
                n = min(a.available, b.available)
                if n <= 0:
                    continue
                left, right = self._take(a, n), self._take(b, n)
                self.pos += n
            frames = np.stack([left, right], axis=1)
            try:
                self.on_frames(frames)
            except Exception:  # noqa: BLE001 - must not kill the capture thread silently
                log.exception("frame consumer failed")


class SoundDeviceCapture(Capture):
    def __init__(self, mic: int | str, loopback: int | str, rate: int, on_frames: FramesCallback,
                 on_error: ErrorCallback) -> None:
        import sounddevice as sd

        self._sd = sd
        self.mixer = _Mixer(rate, on_frames)
        self.on_error = on_error
        self.streams = []
        self._closing = False
        blocksize = rate // 50    # 20 ms blocks: small alignment error, modest wakeups
        for idx, dev in enumerate((mic, loopback)):
            def cb(indata, frames, time_info, status, idx=idx):  # noqa: ARG001
                self.mixer.push(idx, indata[:, 0])
            try:
                self.streams.append(sd.InputStream(device=dev, channels=1, samplerate=rate, dtype="float32",
                                                   blocksize=blocksize, callback=cb,
                                                   finished_callback=lambda d=dev: self._finished(d)))
            except Exception as exc:  # noqa: BLE001 - PortAudio errors vary by host API
                self.close()
                raise AudioError(f"cannot open '{dev}' at {rate} Hz: {exc}") from None
        self.thread = threading.Thread(target=self.mixer.run, name="taltio-mixer", daemon=True)

    def _finished(self, dev: int | str) -> None:
        if not self._closing:
            log.error("audio stream on '%s' stopped unexpectedly", dev)
            self.on_error(f"audio device '{dev}' stopped; check the headset")

    def start(self) -> None:
        self.mixer.t0 = time.monotonic()
        self.thread.start()
        for s in self.streams:
            s.start()

    def close(self) -> None:
        self._closing = True
        for s in self.streams:
            try:
                s.abort()   # abort, not stop: stop() can block for seconds on a suspended sink
                s.close()
            except Exception:  # noqa: BLE001
                log.debug("closing stream failed", exc_info=True)
        with self.mixer.cond:
            self.mixer.running = False
            self.mixer.cond.notify()
        if self.thread.is_alive():
            self.thread.join(timeout=2)


class SoundDeviceBackend(AudioBackend):
    def __init__(self) -> None:
        import sounddevice as sd

        self._sd = sd

    def input_devices(self) -> list[str]:
        return [d["name"] for d in self._sd.query_devices() if d["max_input_channels"] > 0]

    def resolve(self, name: str, role: str) -> str:
        if not name:
            try:
                return self._sd.query_devices(kind="input")["name"]
            except Exception:  # noqa: BLE001
                raise AudioError(f"no {role} configured and no default input device") from None
        try:
            return self._sd.query_devices(name, "input")["name"]
        except ValueError as exc:
            avail = ", ".join(self.input_devices()) or "none"
            reason = "matches several devices" if "Multiple" in str(exc) else "was not found"
            raise AudioError(f"{role} '{name}' {reason}; available inputs: {avail}") from None

    def open(self, mic: str, loopback: str, rate: int, on_frames: FramesCallback,
             on_error: ErrorCallback) -> Capture:
        # Open by index resolved just now: names can be substrings of each other.
        m = self._sd.query_devices(self.resolve(mic, "microphone"), "input")["index"]
        lb = self._sd.query_devices(self.resolve(loopback, "loopback device"), "input")["index"]
        return SoundDeviceCapture(m, lb, rate, on_frames, on_error)
