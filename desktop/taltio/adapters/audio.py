"""The audio backend interface: enumerate devices, open one device as one input stream.

Everything that must behave the same on every platform (aligning the two
channels, gaps when a device is lost, drift, reconnecting, the one-sided-call
alarm) lives in core/capture.py. A backend only knows its OS: which devices
exist, which one carries the softphone's playback, and how to capture one.

Backends: audio_pulse (Linux PipeWire/PulseAudio), audio_portaudio (any
PortAudio host, devices by name), audio_windows (WASAPI loopback) and
audio_macos (virtual devices / process taps).
"""
from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Protocol

import numpy as np


class AudioError(RuntimeError):
    """A device problem, phrased for the agent or IT."""


@dataclass(frozen=True)
class Device:
    id: str            # stable across replugs and reboots: PulseAudio source name, WASAPI endpoint id, CoreAudio UID
    name: str          # what a person sees
    role: str          # "mic" or "loopback"
    default: bool = False


class BlockSink(Protocol):
    """Where a stream delivers audio; implemented by core.capture.Capture."""

    def push(self, channel: int, data: np.ndarray, t: float) -> None:
        """A block of mono float32 samples; t = time.monotonic() when the block's last sample arrived."""

    def lost(self, channel: int, cause: str) -> None:
        """The stream ended by itself (device unplugged, audio server gone)."""


class Stream(ABC):
    @abstractmethod
    def start(self) -> None: ...

    @abstractmethod
    def close(self) -> None:
        """Stop at once; must not block on a dead device."""


class AudioBackend(ABC):
    name = "?"

    @abstractmethod
    def devices(self) -> list[Device]:
        """Every device that can be captured: microphones and loopback (playback monitor) sources."""

    @abstractmethod
    def open(self, device: Device, rate: int, channel: int, sink: BlockSink) -> Stream:
        """Open (not start) one mono input stream; raise AudioError if the device is not there."""

    def suggest_loopback(self, softphone: str | None = None) -> Device | None:
        """The loopback device that carries the softphone's playback (default: the default output's)."""
        loops = [d for d in self.devices() if d.role == "loopback"]
        return next((d for d in loops if d.default), loops[0] if loops else None)

    def available(self, device: Device) -> bool:
        return any(d.id == device.id for d in self.devices())

    def find(self, spec: str, role: str) -> Device:
        """A device by stable id, else by a name substring that matches exactly one device of that role."""
        devs = self.devices()
        label = "microphone" if role == "mic" else "loopback device"
        if not spec:
            if role == "loopback":
                d = self.suggest_loopback()
            else:
                d = next((x for x in devs if x.role == "mic" and x.default),
                         next((x for x in devs if x.role == "mic"), None))
            if d is None:
                raise AudioError(f"no {label} configured and none found")
            return d
        for d in devs:
            if d.id == spec:
                return d
        matches = [d for d in devs if d.role == role and spec.lower() in d.name.lower()]
        if len(matches) == 1:
            return matches[0]
        avail = ", ".join(f"'{d.name}'" for d in devs if d.role == role) or "none"
        reason = "matches several devices" if matches else "was not found"
        raise AudioError(f"{label} '{spec}' {reason}; available: {avail}")


def make_backend(kind: str = "auto"):
    """The backend for this platform; `audio.backend` in settings can force one."""
    import sys

    if kind in ("auto", "pulse") and sys.platform.startswith("linux"):
        from .audio_pulse import PulseBackend

        try:
            b = PulseBackend()
            b.devices()
            return b
        except (AudioError, ImportError) as exc:
            if kind == "pulse":
                raise
            logging.getLogger("taltio.audio").warning("PipeWire/PulseAudio backend unavailable (%s); using PortAudio device names", exc)
    if kind in ("auto", "windows") and sys.platform == "win32":
        from .audio_windows import WindowsBackend  # type: ignore[import-not-found]

        return WindowsBackend()
    if kind in ("auto", "macos") and sys.platform == "darwin":
        from .audio_macos import MacBackend  # type: ignore[import-not-found]

        return MacBackend()
    from .audio_portaudio import PortAudioBackend

    return PortAudioBackend()
