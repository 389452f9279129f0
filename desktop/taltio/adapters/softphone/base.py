"""What every softphone adapter shares: problem logging (once per kind), a bounded memory of ended
calls, status reporting, and a reader thread for the adapters that read their softphone themselves."""
from __future__ import annotations

import logging
import threading
import time
from abc import abstractmethod
from typing import Callable

from taltio.domain.ports import EventSink, Softphone
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text, reason, shorten

log = logging.getLogger("taltio.softphone")

MAX_PROBLEM_KINDS = 64        # distinct kinds of bad input counted per adapter; more are counted as "other"


class SoftphoneAdapter(Softphone):
    name = "?"
    # For the adapters that talk to a softphone: who "sent" a bad message, where it is logged, and how
    # many ended call ids are remembered so a late event cannot bring a call back.
    peer = "the softphone"
    problem_log = log
    ENDED_KEPT = 512

    def __init__(self) -> None:
        self.status: str = Text(QT_TRANSLATE_NOOP("core", "not started"))
        self.on_status: Callable[[str], None] = lambda s: None
        self._problems: dict[str, int] = {}
        self._problems_lock = threading.Lock()
        self._ended: dict[str, None] = {}        # ids already ended, oldest first (bounded by ENDED_KEPT)

    @property
    def problems(self) -> dict[str, int]:
        """How often each kind of problem occurred (each kind is logged only the first time)."""
        with self._problems_lock:
            return dict(self._problems)

    def _problem(self, kind: str, text: str, exc_info: bool = False) -> None:
        """Bad input from the softphone: logged once per kind (a flood gives one line), then only counted."""
        with self._problems_lock:
            if kind not in self._problems and len(self._problems) >= MAX_PROBLEM_KINDS:
                kind = "other"
            n = self._problems.get(kind, 0)
            self._problems[kind] = n + 1
        if n == 0:
            self.problem_log.warning("%s sent %s; dropped. Further problems of this kind (%s) are counted, not "
                                     "logged.", self.peer, text, kind, exc_info=exc_info)

    def _remember_ended(self, call_id: str) -> None:
        self._ended[call_id] = None
        while len(self._ended) > self.ENDED_KEPT:
            self._ended.pop(next(iter(self._ended)))

    def _set_status(self, status: str) -> None:
        if status != self.status:
            self.status = status
            log.info("%s: %s", self.name, status)
            self.on_status(status)

    @abstractmethod
    def start(self, sink: EventSink) -> None: ...

    @abstractmethod
    def stop(self) -> None: ...


class ReaderAdapter(SoftphoneAdapter):
    """An adapter that reads its softphone on a thread of its own until stopped.

    The thread runs one loop for every such adapter (baresip, Bria, Linphone each had a copy of it): connect
    (``_open``), read one session (``_serve``) until the connection ends, close it (``_close``), wait out the
    backoff, reconnect; while the softphone is away its calls end after ``calls_lost_after`` seconds
    (``_maybe_calls_lost``). The loop outlives anything: an unexpected exception while connecting or reading
    is a bug, but it is logged once per kind (``problems``), shown as the status, and the connection is
    reopened with the backoff, so one bad answer cannot stop call detection for the rest of the day.
    """

    backoff: tuple[float, float] = (0.5, 5.0)       # first and longest wait between connection attempts
    expected_errors: tuple[type[BaseException], ...] = (OSError,)   # a softphone away or gone, not a bug

    def __init__(self) -> None:
        super().__init__()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._sink: EventSink | None = None
        self._lost_since: float | None = None      # since when the softphone has been away (None: never was)
        self._status_failed = False

    def start(self, sink: EventSink) -> None:
        self._sink = sink
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"taltio-{self.name}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        try:
            self._interrupt()
        except Exception:  # noqa: BLE001 - closing a dead connection must not keep the app from quitting
            pass
        if self._thread:
            self._thread.join(timeout=3)

    def _set_status(self, status: str) -> None:
        try:
            super()._set_status(status)
        except Exception:  # noqa: BLE001 - the tray's status callback must not end the reader thread
            if not self._status_failed:
                self._status_failed = True
                log.exception("%s: showing the status %r failed (further failures are not logged)", self.name,
                              status[:80])

    # -- the loop ------------------------------------------------------------------------------------------------
    def _run(self) -> None:
        delay = self.backoff[0]
        while not self._stop.is_set():
            try:
                conn = self._open()
            except Exception as exc:  # noqa: BLE001 - expected ones are "not reachable"; the rest are bugs
                if not isinstance(exc, self.expected_errors):
                    self._bug(exc, "connecting")
                self._lost_since = self._lost_since or time.monotonic()
                self._set_status(self._unreachable(exc, delay))
                self._maybe_calls_lost(self._lost_since)
                self._stop.wait(delay)
                delay = min(delay * 2, self.backoff[1])
                continue
            if self._stop.is_set():
                self._close_quietly(conn)
                break
            reason, healthy = self._session_guarded(conn)
            if self._stop.is_set():
                break
            if healthy:
                delay, self._lost_since = self.backoff[0], time.monotonic()
            else:
                self._lost_since = self._lost_since or time.monotonic()
                self._maybe_calls_lost(self._lost_since)
            self._set_status(self._away(reason, delay))
            self._stop.wait(delay)
            if not healthy:
                delay = min(delay * 2, self.backoff[1])
        self._set_status(Text(QT_TRANSLATE_NOOP("core", "stopped")))

    def _session_guarded(self, conn: object) -> tuple[str, bool]:
        """One session -> (why it ended, whether it was a real one: the backoff starts over only then)."""
        try:
            reason, healthy = self._serve(conn), self._healthy()
        except Exception as exc:  # noqa: BLE001 - no input may end the reader thread
            self._bug(exc, "reading")
            reason, healthy = f"reading {self.peer} failed: {type(exc).__name__}; reconnecting", False
        finally:
            self._close_quietly(conn)
        return reason, healthy

    def _bug(self, exc: BaseException, doing: str) -> None:
        self._problem(f"internal-{type(exc).__name__}", f"something Taltio failed on while {doing} (a bug: "
                      f"{type(exc).__name__}; the connection is reopened)", exc_info=True)

    def _close_quietly(self, conn: object) -> None:
        try:
            self._close(conn)
        except Exception as exc:  # noqa: BLE001 - a connection that will not close is dropped all the same
            self._problem(f"close-{type(exc).__name__}", f"a connection that could not be closed ({exc!r:.60})")

    # -- what each adapter says ------------------------------------------------------------------------------------
    @abstractmethod
    def _open(self) -> object:
        """Connect; on success keep the connection where ``_interrupt`` finds it. Raises when not reachable."""

    @abstractmethod
    def _serve(self, conn: object) -> str:
        """Read one session until the connection ends (or stop()); return the status to show (why it ended)."""

    @abstractmethod
    def _close(self, conn: object) -> None:
        """Close the connection and forget it (``_interrupt`` must not find it any more)."""

    @abstractmethod
    def _interrupt(self) -> None:
        """Wake the reader thread out of a blocking read (shut down or close its connection)."""

    @abstractmethod
    def _unreachable(self, exc: BaseException, delay: float) -> str:
        """The status while the softphone cannot be reached (*exc*: why; *delay*: until the next attempt)."""

    def _healthy(self) -> bool:
        """Whether the session that just ended was a real one (then the backoff starts over)."""
        return True

    def _away(self, reason: str, delay: float) -> str:
        """The status after a session ended with *reason*, for the *delay* before the next attempt."""
        return reason

    def _maybe_calls_lost(self, since: float) -> None:
        """The softphone has been away since *since*: end its calls once that is ``calls_lost_after`` ago."""


def short_error(exc: BaseException) -> str:
    """An exception in a few words for a status line (the common OS errors in the agent's language)."""
    return shorten(reason(exc) or type(exc).__name__, 120)
