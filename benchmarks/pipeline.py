"""CPU cost of Taltio's encode+encrypt path against opusenc | age on the same audio.

Both sides encode the same 16 kHz stereo speech to Ogg Opus and encrypt it with age.
Taltio's side also seals a segment every second, as it does while recording.
"""
from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyrage
import soundfile as sf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))
sys.path.insert(0, str(ROOT))

from taltio.core.segments import EncryptedOggSink  # noqa: E402
from tests.helpers.signals import speech  # noqa: E402

SECONDS = 120
RATE = 16000


def make_audio(tmp: Path) -> tuple[np.ndarray, Path]:
    a = speech("This is the agent speaking about the terms of the agreement. " * 4, tmp / "a.wav")
    c = speech("And this is the customer asking questions about the price. " * 4, tmp / "c.wav", voice="en+f3")
    left, _ = sf.read(a, dtype="float32")
    right, _ = sf.read(c, dtype="float32")
    n = SECONDS * RATE
    x = np.stack([np.resize(left, n), np.resize(right, n)], axis=1)
    wav = tmp / "stereo.wav"
    sf.write(wav, x, RATE)
    return x, wav


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def taltio(x: np.ndarray, tmp: Path, recipient) -> tuple[float, int]:
    d = tmp / "call"
    d.mkdir()
    sink = EncryptedOggSink(d, [recipient], seal_every=1.0)
    t0 = cpu()
    enc = sf.SoundFile(sink, mode="w", samplerate=RATE, channels=2, format="OGG", subtype="OPUS")
    block = RATE // 50
    for i in range(0, len(x), block):
        enc.write(x[i:i + block])
        if (i // block) % 50 == 0:
            sink.seal()         # one seal per second of audio, as when recording
    enc.close()
    out = sink.finalize("call.ogg.age")
    return cpu() - t0, out.size


def peer(wav: Path, tmp: Path, recipient: str) -> tuple[float, int]:
    out = tmp / "peer.ogg.age"
    t0 = children_cpu()
    subprocess.run(f"opusenc --quiet {wav} - | age -r {recipient} -o {out}", shell=True, check=True)
    return children_cpu() - t0, out.stat().st_size


def main() -> None:
    with tempfile.TemporaryDirectory() as td:
        tmp = Path(td)
        x, wav = make_audio(tmp)
        ident = pyrage.x25519.Identity.generate()
        rec = ident.to_public()
        t_cpu, t_size = taltio(x, tmp, rec)
        p_cpu, p_size = peer(wav, tmp, str(rec))
    print(f"{SECONDS} s of 16 kHz stereo speech")
    print(f"taltio  : {t_cpu:6.2f} s CPU, {t_size / 1024:7.0f} KiB")
    print(f"opusenc|age: {p_cpu:6.2f} s CPU, {p_size / 1024:7.0f} KiB")
    print(f"ratio (taltio / peer): CPU {t_cpu / p_cpu:.2f}x, size {t_size / p_size:.2f}x; "
          f"taltio real-time factor {t_cpu / SECONDS:.3f}")


if __name__ == "__main__":
    t = time.time()
    main()
