"""What every softphone adapter shares: problem logging (once per kind), a bounded memory of ended
calls, status reporting, and a reader thread for the adapters that read their softphone themselves."""
from __future__ import annotations

import logging
import threading
from abc import abstractmethod
from typing import Callable

from taltio.domain.ports import EventSink, Softphone

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
        self.status = "not started"
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
    """An adapter that reads its softphone on a thread of its own (``_run``) until stopped."""

    def __init__(self) -> None:
        super().__init__()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._sink: EventSink | None = None

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

    @abstractmethod
    def _run(self) -> None: ...

    @abstractmethod
    def _interrupt(self) -> None:
        """Wake the reader thread out of a blocking read (shut down or close its connection)."""
