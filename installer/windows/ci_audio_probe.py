"""The Windows capture path against the real WASAPI, for .github/workflows/windows.yml (Windows only).

tests/test_audio_platforms.py drives WindowsBackend through a fake OS layer; this probe drives it through the
real one (soundcard's WASAPI loopback) on a runner where the workflow installed the Scream virtual sound card
as the default playback endpoint: its loopback must be listed, and a tone played to the default output must
come back through Taltio's stream, as a softphone's playback would. Exit 0 on success; 1 with the reason.
Not run yet: written on Linux.
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


def main() -> int:
    """List the endpoints, then record 2 s from the default output's loopback while playing 440 Hz to it."""
    import sounddevice as sd
    from taltio.adapters.audio.windows import WindowsBackend

    backend = WindowsBackend()
    devices = backend.devices()
    for d in devices:
        print(f"device {d.role:8} default={d.default!s:5} id={d.id!r} name={d.name!r}")
    loop = next((d for d in devices if d.role == "loopback" and d.default), None) or \
        next((d for d in devices if d.role == "loopback"), None)
    if loop is None:
        print("FAIL: no loopback endpoint is listed (is the virtual sound card installed and Audiosrv running?)",
              file=sys.stderr)
        return 1
    sink = Sink()
    stream = backend.open(loop, 16000, 1, sink)
    stream.start()
    try:
        rate = 48000
        t = np.arange(int(rate * 2.0)) / rate
        tone = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
        sd.play(np.column_stack([tone, tone]), rate, blocking=True)
        time.sleep(0.3)
    finally:
        stream.close()
    with sink.lock:
        audio = np.concatenate(sink.blocks) if sink.blocks else np.zeros(0, np.float32)
    rms = float(np.sqrt(np.mean(audio ** 2))) if audio.size else 0.0
    print(f"captured {audio.size} samples from {loop.name!r}, rms {rms:.4f}, lost: {sink.lost_cause}")
    if audio.size < 16000:
        print("FAIL: under 1 s of audio arrived from the loopback stream", file=sys.stderr)
        return 1
    if rms < 0.01:
        print("FAIL: the tone did not come back through the loopback (was it played to another endpoint?)",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
