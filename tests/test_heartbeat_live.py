"""Settings a supervisor policy changes apply without a restart (issue 13, point 5): a real Heartbeat
writing to a real folder store, and the PolicyWatch clock, reconfigured while their threads wait.

The Heartbeat is the one the app builds (real Controller with an in-process audio backend, real
upload queue, FolderTarget); its interval goes from 10 minutes to 0.02 minutes (1.2 s) through
`reconfigure(settings.section("fleet"))`, the call the app makes when a policy's settings apply.
"""
from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from taltio import settings as settings_mod
from taltio.adapters.storage.folder import FolderTarget
from taltio.app.policy_watch import PolicyWatch
from taltio.domain.events import parse_iso
from taltio.domain.rules import CallRules
from taltio.recording.controller import Controller
from taltio.upload.heartbeat import Heartbeat, fleet_key
from taltio.upload.queue import UploadQueue
from tests.helpers.push_backend import LOOP, MIC, PushBackend

AGENT = "agent-live"
FAST_MIN = 0.02            # the schema's shortest interval: 1.2 s
FAST_S = FAST_MIN * 60


def _settings(tmp_path: Path, minutes: float, warn_count: int = 20) -> settings_mod.Settings:
    machine = tmp_path / f"machine-{minutes}-{warn_count}.toml"
    machine.write_text(f'[agent]\nid = "{AGENT}"\n[storage]\nurl = "file://{tmp_path / "store"}"\n'
                       f'[fleet]\nheartbeat_minutes = {minutes}\nbacklog_warn_count = {warn_count}\n')
    return settings_mod.load(machine, tmp_path / "no-user.toml")


@pytest.fixture
def live(tmp_path):
    """A heartbeat as app.compose builds it (10-minute interval), started; stopped afterwards."""
    settings = _settings(tmp_path, 10.0)
    target = FolderTarget(tmp_path / "store")
    queue = UploadQueue(tmp_path / "q.sqlite3", target, 0.5)
    ctl = Controller(calls_dir=tmp_path / "calls", queue=queue, backend=PushBackend(),
                     recipients=[pyrage.x25519.Identity.generate().to_public()],
                     signing_key=Ed25519PrivateKey.generate(), agent_id=AGENT, workstation_id="ws-live",
                     mic=MIC.id, loopback=LOOP.id, codec="flac", rules=CallRules.from_settings(settings))
    hb = Heartbeat(settings, ctl, queue, target)
    hb.start()
    try:
        yield hb, ctl, tmp_path / "store" / fleet_key(AGENT)
    finally:
        hb.stop()
        ctl.shutdown()


def _wait_writes(hb: Heartbeat, n: int, timeout: float) -> float:
    end = time.monotonic() + timeout
    while hb.writes < n:
        if time.monotonic() > end:
            raise AssertionError(f"{hb.writes} heartbeat(s) after {timeout} s, wanted {n}")
        time.sleep(0.02)
    return time.monotonic()


def _apply_policy(ctl: Controller, hb: Heartbeat, new: settings_mod.Settings) -> None:
    """What the app does when a supervisor policy's settings apply (ui.app / app layer)."""
    ctl.apply_settings(new, {"org": 2})
    hb.reconfigure(new.section("fleet"))


def test_shorter_interval_applies_at_once_not_after_the_old_one(live, tmp_path):
    hb, ctl, path = live
    _wait_writes(hb, 1, 10)                              # the start-up heartbeat
    first = json.loads(path.read_text())
    assert first["heartbeat_minutes"] == pytest.approx(10.0)
    time.sleep(0.5)
    assert hb.writes == 1                                # the next one would be 10 minutes away

    t_new = time.monotonic()
    _apply_policy(ctl, hb, _settings(tmp_path, FAST_MIN, warn_count=3))
    # Due 1.2 s after the start-up beat, which was >= 0.5 s ago: well within 3 s, not 10 minutes.
    t2 = _wait_writes(hb, 2, 3.0)
    assert t2 - t_new <= FAST_S + 0.5
    t5 = _wait_writes(hb, 5, 3 * FAST_S + 3.0)
    assert (t5 - t2) / 3 == pytest.approx(FAST_S, abs=0.5), "not every 1.2 s after the change"
    doc = json.loads(path.read_text())
    assert doc["heartbeat_minutes"] == pytest.approx(FAST_MIN)
    assert doc["backlog"]["warn_count"] == 3 and doc["policy_version"] == {"org": 2}
    assert parse_iso(doc["time"]) > parse_iso(first["time"])


def test_longer_interval_applies_too_and_stop_is_prompt(live, tmp_path):
    hb, ctl, _ = live
    _apply_policy(ctl, hb, _settings(tmp_path, FAST_MIN))
    _wait_writes(hb, 3, 2 * FAST_S + 4.0)
    _apply_policy(ctl, hb, _settings(tmp_path, 60.0))   # back to slow: no more 1.2-s beats
    n = hb.writes
    time.sleep(3 * FAST_S)
    assert hb.writes <= n + 1                            # at most one that was already being written
    t0 = time.monotonic()
    hb.stop()
    assert time.monotonic() - t0 < 2.0 and not hb._thread.is_alive()


def test_reconfigure_from_many_threads_while_beating(live, tmp_path):
    """reconfigure() is thread-safe: interleaved calls leave one consistent interval, the thread beating."""
    hb, _, _ = live
    fleets = [_settings(tmp_path, m).section("fleet") for m in (FAST_MIN, 0.05, FAST_MIN)]

    def hammer(f) -> None:  # noqa: ANN001 - a fleet section
        for _ in range(200):
            hb.reconfigure(f)

    threads = [threading.Thread(target=hammer, args=(f,)) for f in fleets]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    hb.reconfigure(fleets[0])
    assert hb.interval_s == pytest.approx(FAST_S)
    n = hb.writes
    _wait_writes(hb, n + 2, 2 * FAST_S + 3.0)


class _CountingSync:
    """The policy sync's poll(): PolicyWatch is only the clock, so count when it is called."""

    def __init__(self) -> None:
        self.polls: list[float] = []

    def poll(self):  # noqa: ANN201 - a SyncResult
        self.polls.append(time.monotonic())
        return type("Result", (), {"changed": False, "rejections": []})()


def test_policy_watch_poll_interval_reconfigured_without_restart(tmp_path):
    sync = _CountingSync()
    watch = PolicyWatch(sync, 600.0)
    watch.start()
    try:
        end = time.monotonic() + 5
        while not sync.polls and time.monotonic() < end:
            time.sleep(0.02)
        time.sleep(0.5)
        assert len(sync.polls) == 1                      # the start-up check; the next in 10 minutes
        policy = settings_mod.load(tmp_path / "none.toml", tmp_path / "none2.toml").section("policy")
        assert policy.poll_minutes == 5.0
        fast = type(policy)(**{**{f: getattr(policy, f) for f in type(policy).KEYS}, "poll_minutes": FAST_MIN})
        t_new = time.monotonic()
        watch.reconfigure(fast)
        end = time.monotonic() + 3 * FAST_S + 3
        while len(sync.polls) < 4 and time.monotonic() < end:
            time.sleep(0.02)
        assert len(sync.polls) >= 4, sync.polls
        assert sync.polls[1] - t_new <= FAST_S + 0.5
        watch.reconfigure(policy)                        # back to 5 minutes: quiet again
        n = len(sync.polls)
        time.sleep(2 * FAST_S)
        assert len(sync.polls) <= n + 1                  # at most one that was already under way
        n = len(sync.polls)
        t_now = time.monotonic()
        watch.poll_now()                                 # and a check on demand still works
        end = t_now + 3
        while len(sync.polls) == n and time.monotonic() < end:
            time.sleep(0.02)
        assert len(sync.polls) == n + 1 and sync.polls[-1] >= t_now
    finally:
        watch.stop()
