"""Keeps the supervisor policy current while the app runs: poll, verify, hand over what changed.

The verification and the rollback state live in core.policy_sync; this is only the
clock: one poll at start (from the last good state on disk, then the network), then
every policy.poll_minutes, on its own thread so a slow storage never delays a call.
Results go to listeners (the UI applies them on its own thread); nothing here raises
into the app.
"""
from __future__ import annotations

import logging
import threading
from typing import Any, Callable

log = logging.getLogger("taltio.policy")


class PolicyWatch:
    def __init__(self, sync: Any, interval_s: float) -> None:
        self.sync = sync
        self.interval_s = interval_s
        self.listeners: list[Callable[[Any], None]] = []
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_error = ""

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="taltio-policy", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def poll_now(self) -> None:
        """Check at once (e.g. the network came back, or a test)."""
        self._wake.set()

    def poll(self) -> Any | None:
        try:
            result = self.sync.poll()
        except Exception as exc:  # noqa: BLE001 - a policy problem must never stop recording
            message = f"{type(exc).__name__}: {exc}"
            if message != self._last_error:
                log.warning("policy check failed: %s", message)
                self._last_error = message
            return None
        self._last_error = ""
        if result.changed or result.rejections:
            for cb in list(self.listeners):
                try:
                    cb(result)
                except Exception:  # noqa: BLE001
                    log.exception("policy listener failed")
        return result

    def _run(self) -> None:
        while not self._stop.is_set():
            self.poll()
            self._wake.wait(self.interval_s)
            self._wake.clear()
