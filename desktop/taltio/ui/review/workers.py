"""What the review window does off the GUI thread: search, verify, decrypt and decode, export.

Each of these reads the store over the network (or a large folder) and may take seconds; on the
GUI thread that freezes the window, and a supervisor cannot even cancel. A Job runs one plain
function on the window's thread pool and hands its result back by signal; the signal object is
created on the GUI thread, so the connected slots run there (queued), and widgets are never
touched from a worker. The functions themselves are Qt-free, on top of the admin library.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from taltio.admin import catalog, play
from taltio.admin.store import CallRef, Store, StoreError
from taltio.admin.trust import AdminError, Registry
from taltio.admin.verify import Report, verify_call
from taltio.domain import party

log = logging.getLogger("taltio.ui.review.workers")

SEARCH_LIMIT = 1000
ENVELOPE_BUCKETS = 2000
# Failures a supervisor can act on: shown as their message, no traceback.
EXPECTED = (AdminError, StoreError, party.PartyError, OSError, ValueError)


@dataclass
class Context:
    """What every job needs: the store, whom to trust, and the keys to open calls with."""
    store: Store
    registry: Registry
    identities: list | None = None       # the organisation's age identities (None: cannot play or find sealed)
    index_key: bytes | None = None       # the number-index key (blind index search)
    cache_path: Path | None = None       # the manifest cache; None: read every manifest
    device: str | None = None            # the audio output (None: the system's default)


@dataclass(frozen=True)
class Query:
    number: str = ""
    agent: str = ""
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class Found:
    calls: list[catalog.Summary]
    unchecked: list[tuple[str, str]]      # (manifest key, why): could not be told whether it is with the number


@dataclass(frozen=True)
class Opened:
    summary: catalog.Summary
    report: Report
    audio: play.DecodedCall
    envelope: Any                         # numpy (channels, buckets, 2)


class _Signals(QObject):
    # Each carries its job, so one slot (a bound method of a GUI-thread object: queued) serves many jobs.
    done = Signal(object, object)
    failed = Signal(object, str)
    progress = Signal(object, object)


class Job(QRunnable):
    """``fn(progress, *args)`` on a pool thread; then ``signals.done(job, result)`` or
    ``signals.failed(job, message)``. ``generation`` is the window's search it belongs to."""

    def __init__(self, fn: Callable[..., Any], *args: Any, generation: int = 0) -> None:
        super().__init__()
        self.setAutoDelete(False)               # the window holds it until its signal arrived
        self.signals = _Signals()
        self.fn, self.args, self.generation = fn, args, generation

    def run(self) -> None:
        name = getattr(self.fn, "__name__", "job")
        try:
            result = self.fn(lambda value: self.signals.progress.emit(self, value), *self.args)
        except EXPECTED as exc:
            log.warning("%s failed: %s", name, exc)
            self.signals.failed.emit(self, str(exc))
        except Exception as exc:
            log.exception("%s crashed", name)
            self.signals.failed.emit(self, f"{type(exc).__name__}: {exc}")
        else:
            self.signals.done.emit(self, result)


def ref_of(s: catalog.Summary) -> CallRef:
    return CallRef(s.agent, s.day, s.call_id)


# -- the jobs' functions (no Qt) ------------------------------------------------------------------
def search(_progress: Callable, ctx: Context, q: Query) -> Found:
    """Calls matching the query, newest first: by number through catalog.find, else catalog.calls."""
    f = catalog.Filters(agent=q.agent.strip() or None, since=q.since, until=q.until)
    cache = catalog.Cache(ctx.cache_path)
    unknown: list[tuple[catalog.Summary, str]] = []
    try:
        if q.number.strip():
            hits, unknown = catalog.find(ctx.store, q.number, ctx.index_key, ctx.identities, f, cache)
            for s, why in unknown:
                log.info("could not check %s: %s", s.key, why)
            found = [h.call for h in hits]
        else:
            found = list(catalog.calls(ctx.store, f, cache, SEARCH_LIMIT))
    finally:
        cache.close()
    return Found(sorted(found, key=lambda s: s.started or s.day, reverse=True), [(s.key, why) for s, why in unknown])


def verify_each(progress: Callable, ctx: Context, calls: list[catalog.Summary]) -> int:
    """Verify the calls one by one, reporting (manifest key, Report) as each is done."""
    for s in calls:
        progress((s.key, verify_call(ctx.store, ref_of(s), ctx.registry)))
    return len(calls)


def open_call(_progress: Callable, ctx: Context, s: catalog.Summary, rep: Report | None) -> Opened:
    """Verify (unless a passing report is at hand), decrypt into memory, and compute the waveform."""
    if ctx.identities is None:
        raise AdminError("no organisation identity was given (--identity): calls cannot be opened")
    if rep is None or not rep.ok:
        rep = verify_call(ctx.store, ref_of(s), ctx.registry)
    audio = play.decode_call(ctx.store, rep, ctx.identities)
    return Opened(s, rep, audio, play.envelope(audio, ENVELOPE_BUCKETS))


def export(_progress: Callable, ctx: Context, calls: list[catalog.Summary], folder: Path,
           language: str | None) -> Path:
    """The subject export (admin/export.py) of these calls into *folder*; the path of what it wrote."""
    try:
        from taltio.admin.export import export_calls
    except ImportError as exc:
        raise AdminError(f"the subject export is not in this version of taltio-admin ({exc})") from None
    return export_calls(ctx.store, [ref_of(s) for s in calls], ctx.registry, ctx.identities or [], folder,
                        language=language)
