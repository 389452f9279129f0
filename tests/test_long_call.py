"""A long call, fed faster than real time through the real recording path: 15.5 minutes in CI, over two hours
(issue 16's figure) in `scripts/dev evidence full`.

Controller → CallRecorder → Capture/Mixer → FLAC or Opus encoder → encrypted segments → final age file,
with the push-stream backend the Windows/macOS backends share (tests/helpers/push_backend.py). Only
`time.monotonic()` in the capture and push-stream modules is virtual; segment sealing runs on real
time (about once a real second), as does the capture thread's tick.

Memory must stay flat (issue 16: RSS growth <= 32 MiB over the call): the final file is streamed as
ciphertext while the call runs (recording/segments.py), so nothing in memory grows with the call.
"""
from __future__ import annotations

import io
import json
import os
import threading
import time
import tracemalloc

import numpy as np
import pyrage
import pytest
import soundfile as sf

from taltio.admin.flac import complete_length
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from taltio.adapters.audio import push as audio_push
from taltio.adapters.storage.folder import FolderTarget
from taltio.recording import capture
from taltio.recording.controller import Controller
from taltio.domain.events import CallEvent
from taltio.upload.queue import UploadQueue
from tests.helpers.evidence import scale
from tests.helpers.push_backend import LOOP, MIC, PushBackend, VirtualClock

pytestmark = [pytest.mark.slow, pytest.mark.evidence("soak")]

RATE = 16000
CALL_S = scale(15 * 60 + 30, 2 * 3600 + 90)     # of audio; the two hours took 3.7 CI minutes for both codecs, 25.5 min 56 s
BLOCK_S = 0.25                  # under the capture watchdog (0.5 s) between two virtual-clock steps
AHEAD_S = 10                    # the feeder stays at most this far ahead of the encoder (raw audio it queues)
FREQS = (440.0, 660.0)          # agent left, customer right


def _rss_kib() -> int:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))


def _dominant_hz(x: np.ndarray) -> float:
    spec = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.argmax(spec) * RATE / len(x))


@pytest.mark.parametrize("codec", ["flac", "opus"])
def test_a_long_call_faster_than_real_time_keeps_memory_flat(codec, tmp_path, monkeypatch, evidence_figure):
    clock = VirtualClock()
    monkeypatch.setattr(capture, "time", clock.module())
    monkeypatch.setattr(audio_push, "time", clock.module())
    backend = PushBackend()
    ident = pyrage.x25519.Identity.generate()
    queue = UploadQueue(tmp_path / "q.sqlite3", FolderTarget(tmp_path / "store"), 0.5)
    ctl = Controller(calls_dir=tmp_path / "calls", queue=queue, backend=backend, recipients=[ident.to_public()],
                     signing_key=Ed25519PrivateKey.generate(), agent_id="a1", workstation_id="w1", mic=MIC.id,
                     loopback=LOOP.id, sample_rate=RATE, codec=codec, seal_every=1.0)
    cid = "long-1"
    for kind in ("incoming", "answered", "notice-given"):
        ctl.handle(CallEvent.parse(kind, call_id=cid, number="+358401234567"))
    agent, customer = backend.wait_started()
    rec = ctl.recorders[cid]
    n = int(RATE * BLOCK_S)
    # Each block is a whole number of cycles of both tones, so one array serves every block, and a
    # -26 dBFS level with a little noise keeps FLAC from shrinking it to nothing.
    t = np.arange(n) / RATE
    rng = np.random.default_rng(7)
    blocks = [(0.05 * np.sin(2 * np.pi * f * t) + 0.002 * rng.standard_normal(n)).astype(np.float32) for f in FREQS]

    rss_before, rss_max = _rss_kib(), 0
    sampling = threading.Event()

    def sample_rss() -> None:
        nonlocal rss_max
        while not sampling.is_set():
            rss_max = max(rss_max, _rss_kib())
            time.sleep(0.1)

    sampler = threading.Thread(target=sample_rss, daemon=True)
    sampler.start()
    tracemalloc.start()
    wall0 = time.perf_counter()
    seg_counts = []
    steps = int(CALL_S / BLOCK_S)
    for k in range(steps):
        clock.advance(BLOCK_S)
        agent.deliver(blocks[0], RATE)
        customer.deliver(blocks[1], RATE)
        while (k + 1) * BLOCK_S - rec.offset_s > AHEAD_S:
            time.sleep(0.005)
        if k % 800 == 0:                 # every 200 s of audio
            seg_counts.append(len(list((ctl.calls_dir / cid).glob("seg-*.age"))))
    # Let the mixer hand over the last blocks (it holds back 0.12 s), then seal what is there.
    clock.advance(0.3)
    deadline = time.monotonic() + 10
    while rec.offset_s < CALL_S - 0.5:
        assert time.monotonic() < deadline, f"encoder stuck at {rec.offset_s:.1f} s"
        time.sleep(0.01)
    _cur, peak_call = tracemalloc.get_traced_memory()
    rss_call = rss_max
    in_memory = rec.sink.buffered_bytes          # encoded bytes not yet sealed or streamed to disk
    rec.sink.seal()
    segments = sorted((ctl.calls_dir / cid).glob("seg-*.age"))
    tracemalloc.reset_peak()
    ctl.handle(CallEvent.parse("ended", call_id=cid))        # finalize: end the final file's age stream
    wall = time.perf_counter() - wall0
    _cur, peak_end = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    sampling.set()
    sampler.join()

    doc = json.loads((ctl.calls_dir / cid / "manifest.json").read_text())
    assert doc["outcome"] == "recorded" and doc["audio"]["codec"] == {"flac": "flac", "opus": "ogg/opus"}[codec]
    duration = doc["audio"]["duration_s"]
    assert abs(duration - CALL_S) < 1.0, duration
    assert doc["gaps"] == [] and doc["alarms"] == []
    # Segments were sealed all along (about one per real second); finalize removed them.
    assert len(segments) >= 3 and seg_counts[-1] >= 1, (len(segments), seg_counts)
    assert not list((ctl.calls_dir / cid).glob("seg-*.age"))

    age = ctl.calls_dir / cid / doc["audio"]["file"]["name"]
    plain = pyrage.decrypt(age.read_bytes(), [ident])
    assert plain[:4] == {"flac": b"fLaC", "opus": b"OggS"}[codec]
    with sf.SoundFile(io.BytesIO(complete_length(plain))) as f:     # a streamed FLAC: length unknown
        assert f.samplerate == RATE and f.channels == 2
        assert abs(f.frames / RATE - duration) < {"flac": 0.01, "opus": 0.1}[codec], (f.frames, duration)
        for at in (5.0, CALL_S / 2, CALL_S - 5.0):       # the right tone on the right side, early, mid, late
            f.seek(int(at * RATE))
            x = f.read(RATE // 2, dtype="float32")
            assert abs(_dominant_hz(x[:, 0]) - FREQS[0]) < 5 and abs(_dominant_hz(x[:, 1]) - FREQS[1]) < 5, at

    mib = 2**20
    report = (f"{duration:.1f} s of audio in {wall:.1f} s wall ({duration / wall:.0f}x real time); "
              f"{len(segments)} segments; final file {doc['audio']['file']['size'] / mib:.1f} MiB; "
              f"encoded stream held in memory {in_memory / mib:.1f} MiB; tracemalloc peak while recording "
              f"{peak_call / mib:.1f} MiB, while finishing {peak_end / mib:.1f} MiB; RSS {rss_before / 1024:.0f} "
              f"-> max {rss_call / 1024:.0f} MiB while recording, {rss_max / 1024:.0f} MiB while finishing")
    print(report)
    evidence_figure(f"{codec} call min", round(duration / 60, 1))
    evidence_figure(f"{codec} RSS growth MiB", round((rss_max - rss_before) / 1024, 1))
    evidence_figure(f"{codec} tracemalloc peak MiB", round(max(peak_call, peak_end) / mib, 1))
    (tmp_path / "report.txt").write_text(report)
    if os.environ.get("TALTIO_LONG_CALL_REPORT"):
        with open(os.environ["TALTIO_LONG_CALL_REPORT"], "w") as out:
            out.write(report + "\n")
    # Issue 16: flat memory whatever the call's length. The final file is streamed as ciphertext while the
    # call runs, so nothing grows with the call (the old design held the ~500 MiB encoded call in memory).
    assert rss_max - rss_before <= 32 * 1024, report
    assert peak_call < 32 * mib and peak_end < 32 * mib and in_memory < 16 * mib, report
