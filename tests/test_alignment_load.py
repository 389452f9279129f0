"""Issue 16 point 6: the two sides stay aligned within 50 ms while both cores are busy.

The same call and the same alignment check as test_e2e_hook's main test (tests/helpers/alignment.py),
with `stress-ng --cpu N` (N = the machine's cores) running beside the app for the whole call. A
reader thread that is scheduled late must not put its block late on the timeline: blocks are placed
by what the audio server says about when they were captured, not by when Python got to them.
"""
from __future__ import annotations

import time

import pytest

from tests.helpers import alignment
from tests.helpers.load import busy_cores, busy_fraction
from tests.helpers.signals import stereo_wav
from tests.helpers.verify import fetch_call
from tests.helpers.world import queue_empty, start_recording

pytestmark = pytest.mark.slow

def test_sides_stay_aligned_with_all_cores_busy(world, app_factory):
    mic, loopback = world.audio.stage()
    app = app_factory("load", **{"audio.mic_device": mic, "audio.loopback_device": loopback}).start()
    wav = stereo_wav(world.root / "load-call.wav", world.agent_wav, world.customer_wav)
    cid = "call-load-1"
    with busy_cores():
        busy = busy_fraction()
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
