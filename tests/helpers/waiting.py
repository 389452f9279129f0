"""Waiting for something to become true, in one place.

``wait_for`` polls a predicate with the GIL released between polls (``time.sleep``), so the app's own
threads (capture, upload, adapters) run while a test waits. ``wait_for_qt`` and ``wait_ms`` also let Qt
deliver events, for in-process apps. Neither uses ``qtbot.wait`` / ``QTest.qWait``: under PySide6 that
holds the GIL for the whole wait and starves the capture threads (see scripts/screenshots.py ``_wait_ms``).
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

Message = str | Callable[[], str]


def _text(message: Message) -> str:
    return message() if callable(message) else message


def wait_for(predicate: Callable[[], T], timeout: float = 10.0, interval: float = 0.02,
             message: Message = "condition", *, between: Callable[[], object] | None = None) -> T:
    """Call *predicate* until it returns something truthy, and return that.

    After *timeout* seconds raises AssertionError naming *message* (a string, or a callable giving one
    at that moment: ``message=lambda: adapter.status``) and the predicate's last value. *between* runs
    before each poll (``wait_for_qt`` processes Qt events there).
    """
    deadline = time.monotonic() + timeout
    while True:
        if between is not None:
            between()
        last = predicate()
        if last:
            return last
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {_text(message)} "
                                 f"(last value: {last!r})")
        time.sleep(interval)


def _process_events() -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()


def wait_for_qt(predicate: Callable[[], T], timeout: float = 10.0, interval: float = 0.01,
                message: Message = "condition") -> T:
    """``wait_for`` that lets Qt deliver events before each poll (an in-process TaltioApp's signals and timers),
    sleeping between polls so other threads run (unlike ``qtbot.waitUntil``'s qWait)."""
    return wait_for(predicate, timeout, interval, message, between=_process_events)


def wait_ms(ms: int) -> None:
    """Let Qt and the app's threads run for *ms* milliseconds: events processed, GIL released in between."""
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        _process_events()
        time.sleep(0.01)
