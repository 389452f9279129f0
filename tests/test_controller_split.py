"""The controller's parts: finishing runs outside the shared lock, events go through a table, the
matcher's memory of ended calls is bounded, and the typed views (CallView, ControllerHealth) say
what the dicts say.

Through the real Controller and UploadQueue (not started, so each finished call stays queued);
no audio backend: calls here are declined or not recorded, which still sign a manifest or write audit rows.
"""
from __future__ import annotations

import threading
import time

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from taltio.adapters.storage.folder import FolderTarget
from taltio.domain import manifest as manifest_mod
from taltio.domain.events import CallEvent, EventError, EventKind
from taltio.domain.rules import CallRules
from taltio.domain.session import Outcome, State
from taltio.recording.controller import Controller
from taltio.upload.queue import UploadQueue
from tests.helpers.waiting import wait_for

PROMPT_S = 3.0      # an event for another call must not wait for a finishing call longer than this


@pytest.fixture
def ctl(tmp_path):
    queue = UploadQueue(tmp_path / "q.sqlite3", FolderTarget(tmp_path / "store"), 0.5)
    c = Controller(calls_dir=tmp_path / "calls", queue=queue, backend=None, recipients=[],  # type: ignore[arg-type]
                   signing_key=Ed25519PrivateKey.generate(), agent_id="a1", workstation_id="w1", mic="m",
                   loopback="l", rules=CallRules())
    yield c
    c.shutdown()


def hook(ctl: Controller, kind: str, call_id: str | None = None, **kw) -> str:
    return ctl.handle(CallEvent.parse(kind, call_id=call_id, **kw))


@pytest.fixture
def slow_signing(monkeypatch):
    """Manifest signing that waits for `release` (set by the test) before it signs: a slow end of a call."""
    entered, release = threading.Event(), threading.Event()
    real = manifest_mod.write_signed

    def slow(d, doc, key):  # noqa: ANN001
        entered.set()
        release.wait(20)
        return real(d, doc, key)

    monkeypatch.setattr(manifest_mod, "write_signed", slow)
    yield entered, release
    release.set()


def _in_thread(fn) -> tuple[threading.Thread, list]:  # noqa: ANN001
    out: list = []

    def run() -> None:
        try:
            out.append(fn())
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            out.append(exc)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t, out


def _declined_call(ctl: Controller, cid: str, **kw) -> None:
    for kind in ("incoming", "answered", "declined"):
        hook(ctl, kind, cid, **kw)


def test_the_lock_is_not_held_while_a_call_is_finished(ctl, slow_signing):
    """While one thread signs an ended call's manifest, another thread's events for a different call
    (a new call ringing and being answered, the status) complete at once."""
    entered, release = slow_signing
    _declined_call(ctl, "c1")
    ender, ended = _in_thread(lambda: hook(ctl, "ended", "c1"))
    assert entered.wait(10), "the end of c1 never reached manifest signing"
    try:
        started = time.monotonic()
        other, got = _in_thread(lambda: (hook(ctl, "incoming", "c2"), hook(ctl, "answered", "c2"),
                                         ctl.snapshot()["calls"], ctl.current().call_id))
        other.join(PROMPT_S)
        assert not other.is_alive(), "another call's events waited for c1's manifest to be signed"
        assert time.monotonic() - started < PROMPT_S
        _ids, _state, calls, current = got[0]
        assert [c["call_id"] for c in calls] == ["c2"] and current == "c2"
        assert ender.is_alive() and not ctl.queue.has_job("c1")        # c1 is still being finished
        assert ctl.sessions["c1"].state == State.ENDED                  # ... but it has ended already
        assert hook(ctl, "ended", "c1") == "c1"                         # a repeated 'ended': nothing to do
        with pytest.raises(EventError, match="no active call"):
            hook(ctl, "pause", "c1")
    finally:
        release.set()
        ender.join(10)
        other.join(10)
    assert ended == ["c1"] and ctl.queue.has_job("c1")
    assert (ctl.calls_dir / "c1" / manifest_mod.MANIFEST).exists()


def test_a_new_call_with_the_same_number_starts_while_the_last_one_finishes(ctl, slow_signing):
    entered, release = slow_signing
    num = "+358401234567"
    first = hook(ctl, "incoming", number=num)
    hook(ctl, "answered", number=num)
    hook(ctl, "declined", number=num)
    ender, _ = _in_thread(lambda: hook(ctl, "ended", number=num))
    assert entered.wait(10)
    try:
        second, got = _in_thread(lambda: hook(ctl, "incoming", number=num))
        second.join(PROMPT_S)
        assert got and isinstance(got[0], str) and got[0] != first, got
        assert ctl.sessions[got[0]].active and not ctl.sessions[first].active
    finally:
        release.set()
        ender.join(10)
    assert ctl.queue.has_job(first) and not ctl.queue.has_job(got[0])


def test_shutdown_waits_for_a_call_another_thread_is_finishing(ctl, slow_signing):
    entered, release = slow_signing
    _declined_call(ctl, "c1")
    _declined_call(ctl, "c2")
    ender, _ = _in_thread(lambda: hook(ctl, "ended", "c1"))
    assert entered.wait(10)
    entered.clear()
    closer, _ = _in_thread(ctl.shutdown)
    try:
        time.sleep(0.3)
        assert closer.is_alive(), "shutdown returned while c1 was still being finished"
    finally:
        release.set()
    closer.join(20)
    ender.join(10)
    assert not closer.is_alive()
    assert ctl.queue.has_job("c1") and ctl.queue.has_job("c2")
    assert any(t.state == "app_closed" for t in ctl.sessions["c2"].transitions)


@pytest.mark.expect_log_errors("taltio.controller")
def test_a_failed_finish_is_retried_reported_and_frees_shutdown(ctl, monkeypatch):
    """A disk that refuses the end of a call (full) does not refuse the softphone's 'ended': the call is
    shown as waiting for disk space, finished by itself once the disk takes it, and never holds up an exit."""
    from taltio.recording import controller as controller_mod

    original = manifest_mod.write_signed

    def broken(d, doc, key):  # noqa: ANN001
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(controller_mod, "FINISH_RETRY_S", 0.1)
    monkeypatch.setattr(manifest_mod, "write_signed", broken)
    finished: list[dict] = []
    ctl.listeners.append(lambda kind, p: finished.append(p) if kind == "finished" else None)
    _declined_call(ctl, "c1")
    hook(ctl, "ended", "c1")
    assert not ctl._finishing and "c1" in ctl.unfinished
    assert finished == []               # not finished: its buffers are still held for the retry
    assert "disk is full" in str(ctl.backlog_warning())
    ctl.shutdown()                      # does not wait for it
    monkeypatch.setattr(manifest_mod, "write_signed", original)
    wait_for(lambda: ctl.queue.has_job("c1"), 10, message="the retried finish to queue c1")
    wait_for(lambda: not ctl.unfinished, 5, message="c1 to leave the unfinished calls")
    wait_for(lambda: finished, 5, message="the 'finished' notice of c1")
    assert finished == [{"call_id": "c1", "ok": True}]


def test_every_event_kind_has_its_step():
    ctl = Controller(calls_dir=None, queue=None, backend=None, recipients=[], signing_key=None,  # type: ignore
                     agent_id="a", workstation_id="w", mic="", loopback="")
    assert set(ctl._steps) | {EventKind.NEXT_PRIVATE} == set(EventKind)


def test_the_memory_of_ended_calls_is_bounded(ctl, monkeypatch):
    from taltio.recording import matcher

    monkeypatch.setattr(matcher, "MAX_ENDED", 3)
    monkeypatch.setattr(matcher, "MAX_ENDED_IDS", 5)
    for i in range(8):
        hook(ctl, "incoming", f"e{i}")
        hook(ctl, "ended", f"e{i}")
    assert list(ctl.sessions) == ["e5", "e6", "e7"]
    assert hook(ctl, "ended", "e4") == "e4"                 # forgotten session, remembered id: a repeat
    with pytest.raises(EventError, match="already used"):
        hook(ctl, "incoming", "e3")
    assert hook(ctl, "incoming", "e0") == "e0"              # beyond the bound: a new call
    assert ctl.sessions["e0"].active
    assert not ctl.matcher._sources.keys() - {"e0"}


def test_call_view_is_the_view_dict(ctl):
    from taltio.domain.session import CallView

    hook(ctl, "incoming", "v1", number="+358401234567")
    s = ctl.sessions["v1"]
    cv = ctl.call_view(s)
    assert isinstance(cv, CallView) and cv.state == State.RINGING and cv.outcome == Outcome.PENDING
    d = ctl.view(s)
    assert d == cv.to_dict() and CallView.from_dict(d) == cv
    assert set(d) == {"call_id", "state", "outcome", "direction", "number_hint", "recorded_s", "error", "warnings",
                      "paused_since", "pause_reason", "notice_mode", "language", "notice_given", "bookmarks",
                      "recording_since"}
    assert d["state"] == "ringing" and d["number_hint"] != "+358401234567" and d["recorded_s"] == 0.0
    with pytest.raises(Exception):
        cv.state = State.ENDED                              # type: ignore[misc]
    assert CallView.from_dict({"call_id": "x", "state": "recording"}).outcome == Outcome.PENDING


def test_health_has_what_the_heartbeat_reads(ctl):
    from taltio.domain.session import ControllerHealth

    ctl.set_devices("mic-1", "loop-1", "mic-fb", "")
    ctl.policy_versions = {"org": 3}
    ctl.policy_rejections = [{"target": "org", "reason": "bad signature"}]
    hook(ctl, "incoming", "h1")
    h = ctl.health()
    assert isinstance(h, ControllerHealth)
    assert (h.mic, h.loopback, h.mic_fallback, h.loopback_fallback) == ("mic-1", "loop-1", "mic-fb", "")
    assert h.devices_in_use == () and h.calls_active == 1
    assert (h.backlog_warn_count, h.backlog_warn_s) == (ctl.rules.backlog_warn_count, ctl.rules.backlog_warn_s)
    assert h.policy_versions == {"org": 3} and h.policy_versions is not ctl.policy_versions
    assert h.policy_rejections == ({"target": "org", "reason": "bad signature"},)
    assert h.public_key.public_bytes_raw() == ctl.key.public_key().public_bytes_raw()


def test_the_pill_timer_comes_from_the_call_view(ctl):
    from taltio.ui.pill import timer_start

    hook(ctl, "incoming", "p1")
    cv = ctl.call_view(ctl.sessions["p1"])
    assert timer_start("notice", cv) is None and timer_start("recording", None) is None
    assert timer_start("recording", {**cv.to_dict(), "recording_since": 123.0}) == 123.0
    paused = {**cv.to_dict(), "state": "paused", "paused_since": "2024-01-01T00:00:00Z", "recording_since": 1.0}
    assert timer_start("paused", paused) == 1704067200.0
