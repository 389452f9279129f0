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
import time
from typing import Any, Callable

log = logging.getLogger("taltio.policy")


class PolicyWatch:
    def __init__(self, sync: Any, interval_s: float) -> None:
        self.sync = sync
        self.interval_s = interval_s
        self.listeners: list[Callable[[Any], None]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._wake = threading.Event()     # stop(), poll_now() or reconfigure(): look again
        self._poll_requested = False
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
        with self._lock:
            self._poll_requested = True
        self._wake.set()

    def reconfigure(self, policy: Any) -> None:
        """New policy settings (`settings.section("policy")`): a changed policy.poll_minutes applies
        without a restart, counted from the last check, so a shorter interval wakes the waiting thread
        (and checks at once if the new interval has already passed). Safe from any thread."""
        interval_s = float(policy.poll_minutes) * 60.0
        with self._lock:
            changed, self.interval_s = interval_s != self.interval_s, interval_s
        if changed:
            log.info("policy checked every %.2f min from now on", interval_s / 60.0)
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
            self._wait_next(time.monotonic())

    def _wait_next(self, last: float) -> None:
        """Until policy.poll_minutes after *last*, or poll_now(); the interval is read again on every wake."""
        while not self._stop.is_set():
            with self._lock:
                if self._poll_requested:
                    self._poll_requested = False
                    return
                wait = last + self.interval_s - time.monotonic()
            if wait <= 0:
                return
            self._wake.wait(wait)
            self._wake.clear()             # before the flag and interval are read again: nothing is missed
