"""Which window has the keyboard: one module per desktop system (X11, Windows, macOS)."""
from __future__ import annotations

import logging
from typing import Callable

from taltio.domain.ports import FocusedWindow

log = logging.getLogger("taltio.focus")


class ChangeReporter:
    """What every watcher does with what it sees: pass on a window only when it differs from the last one
    passed on, and never let a consumer's bug end the watcher's thread."""

    def __init__(self, on_change: Callable[[FocusedWindow | None], None]) -> None:
        self._on_change = on_change
        self._last: object = object()

    def __call__(self, now: FocusedWindow | None) -> None:
        if now == self._last:
            return
        self._last = now
        try:
            self._on_change(now)
        except Exception:  # noqa: BLE001 - the watcher thread must not die on a consumer's bug
            log.exception("focus change handler failed")
