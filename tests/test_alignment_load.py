"""Issue 16 point 6: the two sides stay aligned within 50 ms while both cores are busy.

The same call and the same alignment check as test_e2e_hook's main test (tests/helpers/alignment.py),
with `stress-ng --cpu N` (N = the machine's cores) running beside the app for the whole call. A
reader thread that is scheduled late must not put its block late on the timeline: blocks are placed
by what the audio server says about when they were captured, not by when Python got to them.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.helpers import alignment
from tests.helpers.signals import stereo_wav
from tests.helpers.verify import fetch_call
from tests.helpers.world import queue_empty, start_recording

pytestmark = pytest.mark.slow

_BUSY_LOOP = "while True: pass"


@contextmanager
def busy_cores(n: int | None = None, limit_s: float = 300.0) -> Iterator[list[subprocess.Popen]]:
    """Keep *n* cores (default: all) busy: stress-ng if installed, else plain busy-loop processes.

    Every process is ended by its own pid when the block exits, and stress-ng's own timeout ends it even if
    this test process dies first.
    """
    n = n or os.cpu_count() or 2
    if shutil.which("stress-ng"):
        procs = [subprocess.Popen(["stress-ng", "--cpu", str(n), "--timeout", f"{int(limit_s)}s", "--quiet"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)]
    else:
        procs = [subprocess.Popen([sys.executable, "-c", _BUSY_LOOP], start_new_session=True) for _ in range(n)]
    try:
        time.sleep(0.5)         # the load is on before the call starts
        assert all(p.poll() is None for p in procs), "the load generator did not start"
        yield procs
    finally:
        for p in procs:
            try:
                os.killpg(p.pid, 15)        # stress-ng's workers are its children, in its own session
            except ProcessLookupError:
                pass
            p.wait(timeout=10)


def _busy_fraction(seconds: float = 1.0) -> float:
    """How busy the CPUs were over *seconds* (from /proc/stat): shows the load really was on."""
    def sample() -> tuple[int, int]:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        idle = v[3] + v[4]
        return sum(v) - idle, sum(v)

    b0, t0 = sample()
    time.sleep(seconds)
    b1, t1 = sample()
    return (b1 - b0) / max(1, t1 - t0)


def test_sides_stay_aligned_with_all_cores_busy(world, app_factory):
    mic, loopback = world.audio.stage()
    app = app_factory("load", **{"audio.mic_device": mic, "audio.loopback_device": loopback}).start()
    wav = stereo_wav(world.root / "load-call.wav", world.agent_wav, world.customer_wav)
    cid = "call-load-1"
    with busy_cores():
        busy = _busy_fraction()
        start_recording(app, cid)
        time.sleep(0.5)
        world.audio.play_stage(wav).wait(timeout=60)
        time.sleep(0.5)
        app.hook("ended", cid)
    assert busy >= 0.9, f"the cores were only {busy:.0%} busy: this measured an idle machine"
    app.wait_for(queue_empty, timeout=60, what="upload")
    _, rec, rate = fetch_call(world.s3, cid, world.root / "verify-load", world.org_key,
                              app.status()["workstation_key"])
    aligned = alignment.measure(rec, rate, world.agent_wav, world.customer_wav)
    print(f"under load (cpu {busy:.0%} busy): {aligned}")
    alignment.assert_aligned(aligned)
