"""An idle Taltio does not wake up: no repaint and no timer while nothing changes; the pill animates while recording.

Counted, not timed: an application-wide event filter counts every paint and every timer event the GUI thread
delivers while the real in-process app (offscreen Qt) sits idle, then while a real call records from the
private PipeWire server. CPU figures are in benchmarks/idle.py, not here.
"""
from __future__ import annotations

import dataclasses
from collections import Counter
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from taltio.app.status import Facts, backlog_age, decide, next_change_s
from taltio.domain.events import CallEvent
from taltio.domain.ports import QueueStatus

from tests.helpers.in_process import in_process_app, local_config

TEST_TIMER = "testWait"
QUIET_MS = 2500          # longer than the old 1 s refresh and the 250 ms signal poll, twice over


class _Counter(QObject):
    """Counts paints (by widget object name, else class) and timer events (by the receiver's) on the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.paints: Counter[str] = Counter()
        self.timers: Counter[str] = Counter()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Paint and isinstance(obj, QWidget):
            self.paints[obj.objectName() or type(obj).__name__] += 1
        elif kind == QEvent.Type.Timer and obj.objectName() != TEST_TIMER:
            self.timers[obj.objectName() or type(obj).__name__] += 1
        return False


@contextmanager
def counting():
    counter = _Counter()
    QApplication.instance().installEventFilter(counter)
    try:
        yield counter
    finally:
        QApplication.instance().removeEventFilter(counter)


def quiet_wait(ms: int) -> None:
    """qtbot.wait, with its own timer named so that it is not counted as the app's."""
    loop = QEventLoop()
    timer = QTimer()
    timer.setObjectName(TEST_TIMER)
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(ms)
    loop.exec()


def _repeating_timers(app) -> list[str]:
    """Active repeating QTimers owned by the app or any of its windows."""
    owners = [app, *QApplication.topLevelWidgets()]
    return [t.objectName() or repr(t) for o in owners for t in o.findChildren(QTimer)
            if t.isActive() and not t.isSingleShot()]


@pytest.fixture
def idle_app(qtbot, keyring_daemon, tmp_path):
    with in_process_app(tmp_path, local_config(tmp_path), keyring=keyring_daemon,
                        acknowledge_staff_notice=True) as app:
        qtbot.waitUntil(lambda: app.pill is not None and app.pill.isVisible())
        qtbot.wait(300)                               # the first show's paints and layout are done
        yield app


def test_idle_app_neither_repaints_nor_wakes_up(qtbot, idle_app):
    app = idle_app
    assert app.compute_status()[0] in ("idle", "standalone")
    assert _repeating_timers(app) == []
    assert not app.timer.isActive() and not app._later.isActive()
    with counting() as seen:
        quiet_wait(QUIET_MS)
    assert dict(seen.paints) == {}, "the idle UI repainted"
    assert dict(seen.timers) == {}, "the idle GUI thread woke up for a timer"


def test_idle_app_repaints_only_what_changed(qtbot, idle_app):
    """A refresh with nothing new (a queue notification, a softphone status) changes nothing on screen."""
    app = idle_app
    with counting() as seen:
        for _ in range(5):
            app.refresh()
        quiet_wait(200)
    assert dict(seen.paints) == {}
    assert _repeating_timers(app) == []


def test_a_signal_still_queued_at_shutdown_wakes_nothing(qtbot, keyring_daemon, tmp_path):
    """The upload thread's last status can still be on its way to the GUI thread when the app shuts down. It
    showed the closed pill again and started the status timer of an app that was gone, which then woke the
    next app's GUI thread (this file's first test failed after test_app_flows' full-queue test)."""
    with in_process_app(tmp_path, local_config(tmp_path), keyring=keyring_daemon,
                        acknowledge_staff_notice=True) as app:
        qtbot.waitUntil(lambda: app.pill is not None and app.pill.isVisible())
        queue_status = app.core.queue.status()
    app.bridge.on_queue(dataclasses.replace(queue_status, pending=1, oldest_age_s=7200.0, last_error="storage down"))
    with counting() as seen:
        quiet_wait(300)
    assert not app.pill.isVisible() and not app._later.isActive() and not app.timer.isActive()
    app_timers = {"statusChange", "callClock", "pillTimer"}    # Qt's own (a closed list's layout) may still fire
    assert not app_timers & set(seen.timers), dict(seen.timers)
    assert "statusPill" not in seen.paints and "pillText" not in seen.paints, dict(seen.paints)


@pytest.mark.slow
def test_pill_animates_while_recording_and_stops_after(qtbot, keyring_daemon, audio_server, tmp_path):
    config = local_config(tmp_path, '[audio]\nmic_device = "agent_mic"\nloopback_device = "softphone_out.monitor"\n')
    audio_server.apply_to_process()
    try:
        with in_process_app(tmp_path, config, keyring=keyring_daemon, acknowledge_staff_notice=True) as app:
            ctl = app.core.controller
            for event in ("incoming", "answered", "notice-given"):
                ctl.handle(CallEvent.parse(event, call_id="c-idle", number="+358401234567"))
            qtbot.waitUntil(lambda: app.pill.status == "recording", timeout=10000)
            assert app.timer.isActive()               # the call's clock runs while a call is up
            first = app.pill.label.text()
            with counting() as seen:
                qtbot.waitUntil(lambda: app.pill.label.text() != first, timeout=QUIET_MS)
                qtbot.wait(1100)
            assert app.pill.label.text().startswith("REC ")
            assert seen.paints["pillText"] >= 1, dict(seen.paints)      # the timer shown counts up
            assert seen.timers["pillTimer"] >= 1 and seen.timers["callClock"] >= 1, dict(seen.timers)
            ctl.handle(CallEvent.parse("ended", call_id="c-idle"))
            qtbot.waitUntil(lambda: app.pill.status != "recording", timeout=10000)
            qtbot.waitUntil(lambda: not app.timer.isActive(), timeout=5000)
            assert not app.pill._timer.isActive()
            assert _repeating_timers(app) == []
    finally:
        audio_server.restore_process()


def test_status_changes_by_itself_only_with_a_backlog():
    """What the idle front end must wake up for: nothing without a backlog; with one, when its age as shown
    changes (seconds in the first minute, then minutes)."""
    assert next_change_s(Facts()) is None
    assert next_change_s(Facts(queue=QueueStatus(0, None, None, False, 0))) is None

    def due(age: float) -> float | None:
        return next_change_s(Facts(queue=QueueStatus(2, age, None, False, 100)))

    assert due(10.25) == pytest.approx(0.75)
    assert due(125.0) == pytest.approx(55.0)
    assert due(7200.5) == pytest.approx(59.5)
    assert (backlog_age(59), backlog_age(61), backlog_age(3725)) == ("59 s", "1 min", "1 h 2 min")
    line = decide(Facts(queue=QueueStatus(2, 125.0, None, False, 100)))
    assert ("oldest", {"age": "2 min"}) in line.detail
