"""The payment-window auto-pause (PCI DSS): the focus watcher's reports turned into pauses and resumes.

While a window the organisation listed (recording.auto_pause_windows) has the keyboard, every call being
recorded is paused with the reason "payment-window", and a call whose recording starts meanwhile is paused
at once; when the focus leaves, the calls paused for that reason resume. Pauses of the agent's own, and
holds, are never touched. Qt-free: the watcher's thread calls in, the controller locks its own state.
"""
from __future__ import annotations

import logging
import threading
from typing import Callable

from taltio.domain.payment_windows import PAUSE_REASON, matching
from taltio.domain.ports import FocusedWindow, FocusWatcher
from taltio.domain.session import State

log = logging.getLogger("taltio.auto_pause")


class AutoPause:
    def __init__(self, controller, make_watcher: Callable[[], FocusWatcher]) -> None:  # noqa: ANN001 - Controller
        self.controller = controller
        self._make_watcher = make_watcher
        self.watcher: FocusWatcher | None = None
        self.patterns: list[str] = []
        self.focused = False            # a payment window has the keyboard now
        self.unavailable = ""           # why this desktop cannot tell (said once, then empty)
        self._lock = threading.Lock()

    def configure(self, patterns: list[str]) -> None:
        """Start, stop or re-aim the watcher for the organisation's patterns (a policy changes them live)."""
        self.patterns = list(patterns)
        if self.patterns and self.watcher is None:
            self.watcher = self._make_watcher()
            self.watcher.start(self._changed)
            if self.watcher.unavailable:
                self.unavailable = self.watcher.unavailable
                log.warning("auto-pause on payment windows is not available here: %s", self.unavailable)
        elif not self.patterns and self.watcher is not None:
            self.close()
            self._set(False)

    def _changed(self, window: FocusedWindow | None) -> None:
        hit = matching(window, self.patterns)
        if hit is not None and not self.focused:
            log.info("a payment window has the keyboard (pattern %r): recording paused", hit)
        self._set(hit is not None)

    def _set(self, focused: bool) -> None:
        with self._lock:
            was, self.focused = self.focused, focused
        if focused:
            self.controller.pause_recording(PAUSE_REASON)
        elif was:
            self.controller.resume_recording(PAUSE_REASON)

    def on_core(self, kind: str, payload: dict) -> None:
        """A controller listener: a call that starts recording while the payment window has the keyboard."""
        if kind == "session" and self.focused and payload.get("state") == State.RECORDING.value:
            self.controller.pause_recording(PAUSE_REASON)

    def close(self) -> None:
        if self.watcher is not None:
            self.watcher.close()
            self.watcher = None
