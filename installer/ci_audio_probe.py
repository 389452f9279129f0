"""The real capture path on Windows and macOS, for .github/workflows/windows.yml and macos.yml.

tests/test_audio_platforms.py drives WindowsBackend and MacBackend through fake OS layers; this probe drives the
real ones on a runner where the workflow installed a virtual sound card: Scream on Windows (the default
playback endpoint, captured through Taltio's WASAPI loopback), BlackHole 2ch on macOS (listed as a "loopback"
device, as a softphone routed through a Multi-Output Device would be). A 440 Hz tone played to that card must
come back through Taltio's stream. Exit 0 on success; 1 with the reason otherwise. Not run yet: written on Linux.
"""
from __future__ import annotations

import sys
import threading
import time

import numpy as np


class Sink:
    """Collects what the stream pushes (a BlockSink), so the probe can measure it."""

    def __init__(self) -> None:
        self.blocks: list[np.ndarray] = []
        self.lost_cause: str | None = None
        self.lock = threading.Lock()

    def push(self, channel: int, data: np.ndarray, t: float) -> None:
        with self.lock:
            self.blocks.append(np.array(data, dtype=np.float32))

    def lost(self, channel: int, cause: str) -> None:
        self.lost_cause = cause


def _windows():
    """The default output's loopback (Scream's speaker), and None: the tone goes to the default output."""
    from taltio.adapters.audio.windows import WindowsBackend

    backend = WindowsBackend()
    devices = backend.devices()
    loops = [d for d in devices if d.role == "loopback"]
    loop = next((d for d in loops if d.default), loops[0] if loops else None)
    why = "no loopback endpoint is listed (is the virtual sound card installed and Audiosrv running?)"
    return backend, devices, loop, None, why


def _macos():
    """BlackHole as a loopback device, and BlackHole's output as where the tone goes."""
    import sounddevice as sd
    from taltio.adapters.audio.macos import MacBackend

    backend = MacBackend()
    devices = backend.devices()
    hole = next((d for d in devices if "blackhole" in f"{d.id} {d.name}".lower()), None)
    if hole is not None and hole.role != "loopback":
        hole = None
    out = next((i for i, d in enumerate(sd.query_devices())
                if "blackhole" in d["name"].lower() and d["max_output_channels"] > 0), None)
    if out is None:
        return backend, devices, None, None, "BlackHole offers no output to play the tone into"
    return backend, devices, hole, out, "BlackHole is not listed as a loopback device"


# Why a silent capture on each system: what to look at when the tone does not come back.
SILENCE = {"win32": "was it played to another endpoint?",
           "darwin": "Core Audio delivers zeros when TCC has not granted microphone access to this runner's process"}


def main() -> int:
    """List the devices, then record 2 s from the virtual card's loopback while playing 440 Hz into it."""
    import sounddevice as sd

    pick = {"win32": _windows, "darwin": _macos}.get(sys.platform)
    if pick is None:
        print(f"FAIL: the probe is for Windows and macOS, not {sys.platform}", file=sys.stderr)
        return 1
    backend, devices, loop, out_device, why = pick()
    for d in devices:
        print(f"device {d.role:8} default={d.default!s:5} id={d.id!r} name={d.name!r}")
    if loop is None:
        print(f"FAIL: {why}", file=sys.stderr)
        return 1
    sink = Sink()
    stream = backend.open(loop, 16000, 1, sink)
    stream.start()
    try:
        rate = 48000
        t = np.arange(int(rate * 2.0)) / rate
        tone = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
        sd.play(np.column_stack([tone, tone]), rate, device=out_device, blocking=True)
        time.sleep(0.3)
    finally:
        stream.close()
    with sink.lock:
        audio = np.concatenate(sink.blocks) if sink.blocks else np.zeros(0, np.float32)
    rms = float(np.sqrt(np.mean(audio ** 2))) if audio.size else 0.0
    print(f"captured {audio.size} samples from {loop.name!r}, rms {rms:.4f}, lost: {sink.lost_cause}")
    if audio.size < 16000:
        print("FAIL: under 1 s of audio arrived from the stream", file=sys.stderr)
        return 1
    if rms < 0.01:
        print(f"FAIL: the tone did not come back (silence: {SILENCE[sys.platform]})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
