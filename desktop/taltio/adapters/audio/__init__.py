"""Audio backends (the AudioBackend port): list devices, open one device as one input stream, per OS.

Everything that must behave the same on every platform (aligning the two channels, gaps when a device is
lost, drift, reconnecting, the one-sided-call alarm) lives in recording/capture.py and recording/mixer.py.
A backend only knows its OS: which devices exist, which one carries the softphone's playback, and how to
capture one. Backends: pulse (Linux PipeWire/PulseAudio), portaudio (any PortAudio host, devices by name),
windows (WASAPI loopback) and macos (virtual devices / process taps).
"""
from __future__ import annotations

import logging

from taltio.domain.ports import AudioError


def make_backend(kind: str = "auto"):
    """The backend for this platform; `audio.backend` in settings can force one."""
    import sys

    if kind in ("auto", "pulse") and sys.platform.startswith("linux"):
        from taltio.adapters.audio.pulse import PulseBackend

        try:
            b = PulseBackend()
            b.devices()
            return b
        except (AudioError, ImportError) as exc:
            if kind == "pulse":
                raise
            logging.getLogger("taltio.audio").warning("PipeWire/PulseAudio backend unavailable (%s); using PortAudio device names", exc)
    if kind in ("auto", "windows") and sys.platform == "win32":
        from taltio.adapters.audio.windows import WindowsBackend  # type: ignore[import-not-found]

        return WindowsBackend()
    if kind in ("auto", "macos") and sys.platform == "darwin":
        from taltio.adapters.audio.macos import MacBackend  # type: ignore[import-not-found]

        return MacBackend()
    from taltio.adapters.audio.portaudio import PortAudioBackend

    return PortAudioBackend()
