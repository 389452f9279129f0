"""A stopped Taltio keeps its place: a second `taltio run` neither takes its socket nor recovers its live call.

Before the instance lock, a second launch that got no answer from a `kill -STOP`ped first one took the socket
for stale, unlinked it, started listening itself and ran crash recovery over the first one's live call
folder; when it exited, softphones could no longer reach the first.
"""
from __future__ import annotations

import os
import signal

import pytest

from tests.helpers.app_proc import AppProcess
from tests.helpers.waiting import wait_for
from tests.helpers.world import state_is

pytestmark = pytest.mark.slow


def test_a_second_launch_leaves_a_stopped_taltio_and_its_live_call_alone(app_factory):
    first = app_factory("si-first").start()
    call_id = "si-call-1"
    first.hook("incoming", call_id, "+358401234567")
    first.hook("answered", call_id)
    first.hook("notice-given", call_id)
    first.wait_for(state_is(call_id, "recording"), timeout=10, what="recording")
    call_dir = first.data_dir / "calls" / call_id
    wait_for(lambda: list(call_dir.glob("seg-*.age")), timeout=10, message="a sealed segment")
    sock = first.workdir / "run" / "taltio.sock"
    inode = os.stat(sock).st_ino
    os.kill(first.proc.pid, signal.SIGSTOP)
    second = AppProcess(first.workdir, dict(first.env))
    try:
        second.start(wait=False)
        try:
            second.proc.wait(timeout=40)
        except Exception:                       # noqa: BLE001 - on the old code the second one keeps running
            second.stop()
            raise AssertionError(f"the second launch took over:\n{second.log_tail()}") from None
        out = second.log_tail()
        assert second.proc.returncode == 1, out
        assert "another Taltio is running but not answering" in out and f"pid {first.proc.pid}" in out, out
        assert os.stat(sock).st_ino == inode, "the live socket was replaced"
        assert not (call_dir / "manifest.json").exists() and not list(first.data_dir.rglob("*.manifest.json")), \
            "recovery ran over the live call"
    finally:
        os.kill(first.proc.pid, signal.SIGCONT)
    # It was frozen, so its capture saw a gap (a warning, in the manifest); it records on all the same.
    st = first.wait_for(state_is(call_id, "recording"), timeout=10, what="the first one answering again")
    assert st["status"] in ("recording", "warning"), st
    first.hook("ended", call_id)
    first.wait_for(lambda s: not s.get("calls"), timeout=20, what="the call finished by the first one")
