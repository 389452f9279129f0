"""An in-process audio backend built on the push-stream base the Windows and macOS backends use.

The test is the OS layer: it calls `deliver()` on each stream. With `VirtualClock` patched into the
capture and push-stream modules, audio can be fed much faster than real time through the real
Capture/Mixer/encoder/segment code: only `time.monotonic()` is virtual there, so the capture thread
still ticks ten times a real second and hands the encoder whatever the virtual clock has passed.
"""
from __future__ import annotations

import logging
import threading
import time as _time
from types import SimpleNamespace

import numpy as np

from taltio.domain.ports import AudioBackend, AudioError, Device
from taltio.adapters.audio.push import PushStream

log = logging.getLogger("tests.push_backend")

MIC = Device("fake-mic", "Fake headset microphone", "mic", True)
LOOP = Device("fake-loop", "Fake softphone output (loopback)", "loopback", True)


class FakeStream(PushStream):
    def __init__(self, backend: "PushBackend", *args) -> None:
        super().__init__(*args)
        self.backend = backend

    def _start_os(self) -> None:
        self.backend.started[self.channel] = self


class PushBackend(AudioBackend):
    name = "fake-push"

    def __init__(self) -> None:
        self.started: dict[int, FakeStream] = {}

    def devices(self) -> list[Device]:
        return [MIC, LOOP]

    def open(self, device: Device, rate: int, channel: int, sink) -> FakeStream:  # noqa: ANN001
        if device not in (MIC, LOOP):
            raise AudioError(f"no such device {device.id}")
        return FakeStream(self, device.name, rate, channel, sink, log)

    def wait_started(self, timeout: float = 5.0) -> tuple[FakeStream, FakeStream]:
        deadline = _time.monotonic() + timeout
        while len(self.started) < 2:
            assert _time.monotonic() < deadline, "capture streams did not start"
            _time.sleep(0.01)
        return self.started[0], self.started[1]


class VirtualClock:
    """`time.monotonic()` that the test advances; everything else is the real `time` module."""

    def __init__(self) -> None:
        self._now = _time.monotonic()
        self._lock = threading.Lock()

    def monotonic(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> float:
        with self._lock:
            self._now += seconds
            return self._now

    def module(self) -> SimpleNamespace:
        ns = SimpleNamespace(**{k: getattr(_time, k) for k in dir(_time) if not k.startswith("__")})
        ns.monotonic = self.monotonic
        return ns


def feed_realtime(streams, stop: threading.Event, rate: int = 16000, block_s: float = 0.02,
                  freqs: tuple[float, float] = (440.0, 660.0)) -> threading.Thread:
    """A feeder thread delivering tones to both streams in real time until `stop` is set."""
    n = int(rate * block_s)

    def run() -> None:
        k = 0
        while not stop.is_set():
            t = (np.arange(n) + k * n) / rate
            for s, f in zip(streams, freqs):
                s.deliver((0.2 * np.sin(2 * np.pi * f * t)).astype(np.float32), rate)
            k += 1
            _time.sleep(block_s)

    th = threading.Thread(target=run, daemon=True)
    th.start()
    return th
