"""The macOS capture path against the real Core Audio, for .github/workflows/macos.yml (macOS only).

The unit tests (tests/test_audio_platforms.py) drive MacBackend through a fake OS layer; this probe drives it
through the real CoreAudioLayer (sounddevice/PortAudio, and catap where it imports) on a runner with the
BlackHole 2ch virtual device: BlackHole must be listed as a "loopback" device, and a tone played to
BlackHole's output must come back through Taltio's stream from BlackHole's input, as it would from a softphone
routed through a Multi-Output Device. Exit 0 on success; 1 with the reason otherwise.
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
    """List devices, then record 2 s from BlackHole while playing a 440 Hz tone into it."""
    import sounddevice as sd
    from taltio.adapters.audio.macos import MacBackend

    backend = MacBackend()
    devices = backend.devices()
    for d in devices:
        print(f"device {d.role:8} default={d.default!s:5} id={d.id!r} name={d.name!r}")
    hole = next((d for d in devices if "blackhole" in f"{d.id} {d.name}".lower()), None)
    if hole is None or hole.role != "loopback":
        print("FAIL: BlackHole is not listed as a loopback device", file=sys.stderr)
        return 1

    out_index = next(i for i, d in enumerate(sd.query_devices())
                     if "blackhole" in d["name"].lower() and d["max_output_channels"] > 0)
    sink = Sink()
    stream = backend.open(hole, 16000, 1, sink)
    stream.start()
    try:
        rate = 48000
        t = np.arange(int(rate * 2.0)) / rate
        tone = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
        sd.play(np.column_stack([tone, tone]), rate, device=out_index, blocking=True)
        time.sleep(0.3)
    finally:
        stream.close()
    with sink.lock:
        audio = np.concatenate(sink.blocks) if sink.blocks else np.zeros(0, np.float32)
    rms = float(np.sqrt(np.mean(audio ** 2))) if audio.size else 0.0
    print(f"captured {audio.size} samples from {hole.name!r}, rms {rms:.4f}, lost: {sink.lost_cause}")
    if audio.size < 16000:
        print("FAIL: under 1 s of audio arrived from the stream", file=sys.stderr)
        return 1
    if rms < 0.01:
        # Core Audio delivers zeros when TCC has not granted microphone access to the process running this.
        print("FAIL: the tone did not come back (silence: microphone permission (TCC) for this runner's "
              "process?)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
