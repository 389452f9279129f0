"""Fleet health: the heartbeat each workstation writes to `fleet/<agent-id>.json`.

IT cannot walk to every desk to find the one whose uploads stopped, whose
headset is not the configured one, or that still runs last year's version.
So every `fleet.heartbeat_minutes` (and once at start-up) the core writes one
small JSON document, overwriting the previous one, to the fleet bucket (never
the write-once recordings bucket). `taltio-admin fleet` reads them all and
flags stale, erroring and backlogged workstations.

What goes in is chosen so that it can be shown to any IT person: versions,
the public signing key, queue counts and ages, error texts with digit runs
removed, and device names. Never a customer number or a secret.
"""
from __future__ import annotations

import json
import logging
import socket
import threading
import time
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Callable

from taltio import __version__
from taltio.domain.ports import StorageError, StorageTarget
from taltio.domain import audit_chain, sshsig
from taltio.domain.events import iso
from taltio.domain.rules import backlog_warning, redact_numbers  # noqa: F401 - admin fleet uses the same rule

if TYPE_CHECKING:
    from taltio.domain.session import ControllerHealth
    from taltio.recording.controller import Controller
    from taltio.upload.queue import QueueStatus, UploadQueue
    from taltio.settings import Settings

log = logging.getLogger("taltio.fleet")

SCHEMA = "taltio-fleet-v1"
# A recording error keeps the workstation flagged this long: long enough for a supervisor's
# periodic check to see it, short enough that one bad call does not flag the desk all week.
RECORDING_ERROR_KEEP_S = 3600.0
ERROR_TEXT_LIMIT = 300


def fleet_key(agent_id: str) -> str:
    """The heartbeat's object key; the agent's policy allows exactly this key in the fleet bucket."""
    return f"fleet/{agent_id}.json"


def _iso_ts(ts: float | None) -> str | None:
    return iso(datetime.fromtimestamp(ts, timezone.utc)) if ts is not None else None


def _safe_text(text: object) -> str:
    """Error text as it may leave the workstation: printable, no runs of 6+ digits (numbers, card data)."""
    return redact_numbers(str(text), ERROR_TEXT_LIMIT) or "(no message)"


def config_digest(settings: "Settings") -> str | None:
    """SHA-256 of the machine policy values (file, files, registry or profile alike): shows IT which
    workstations have the current config."""
    return settings.machine_digest


class Heartbeat:
    """Writes the heartbeat on its own thread; never raises into the app.

    Storage being down must not disturb recording, so every failure is caught,
    logged once per distinct message (not every interval), and reported in the
    next heartbeat that gets through.
    """

    def __init__(self, settings: "Settings", controller: "Controller", queue: "UploadQueue",
                 target: StorageTarget, interval_s: float | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.settings = settings
        self.controller = controller
        self.queue = queue
        self.target = target
        self.key = fleet_key(settings.agent_id)
        fleet = settings.section("fleet")
        self.interval_s = interval_s if interval_s is not None else fleet.heartbeat_minutes * 60.0
        self.warn_count: int = fleet.backlog_warn_count
        self.warn_hours: float = fleet.backlog_warn_hours
        self._clock = clock
        self.started_at = clock()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._wake = threading.Event()  # stop() or reconfigure(): the waiting thread looks at the clock again
        self._thread: threading.Thread | None = None
        # source -> (message, since): errors still current (upload, heartbeat) or recent (recording).
        self._errors: dict[str, tuple[str, float]] = {}
        self._logged_failure: str | None = None
        self._backlog_warned = False
        self.writes = 0                 # successful writes, for `taltio status` and tests
        queue.listeners.append(self._on_queue)
        controller.listeners.append(self._on_controller)

    def reconfigure(self, fleet: Any) -> None:
        """New fleet settings (a supervisor policy changed them): `settings.section("fleet")`.

        Takes effect without a restart: a changed interval counts from the last heartbeat, so a
        shorter one wakes the waiting thread and the next heartbeat is written as soon as it is
        due (at once if it already is), not after the old interval. Safe from any thread."""
        interval_s = float(fleet.heartbeat_minutes) * 60.0
        with self._lock:
            changed = interval_s != self.interval_s
            self.interval_s = interval_s
            self.warn_count, self.warn_hours = fleet.backlog_warn_count, fleet.backlog_warn_hours
        if changed:
            log.info("heartbeat every %.2f min from now on", interval_s / 60.0)
        self._wake.set()

    # -- error tracking ---------------------------------------------------------------
    def _on_queue(self, st: "QueueStatus") -> None:
        self._note("upload", st.last_error)

    def _on_controller(self, kind: str, payload: dict) -> None:
        if kind == "error":
            self._note("recording", payload.get("message"), replace=True)

    def _note(self, source: str, message: object | None, replace: bool = False) -> None:
        with self._lock:
            if message is None:
                self._errors.pop(source, None)
                return
            text = _safe_text(message)
            old = self._errors.get(source)
            if replace or old is None or old[0] != text:
                self._errors[source] = (text, self._clock())

    def _current_errors(self, now: float) -> list[dict]:
        self._note("upload", self.queue.status().last_error)
        with self._lock:
            rec = self._errors.get("recording")
            if rec and now - rec[1] > RECORDING_ERROR_KEEP_S:
                del self._errors["recording"]
            items = sorted(self._errors.items(), key=lambda kv: kv[1][1], reverse=True)
        return [{"source": src, "message": msg, "since": _iso_ts(since)} for src, (msg, since) in items]

    # -- the document -----------------------------------------------------------------
    @staticmethod
    def _audio(h: "ControllerHealth") -> dict:
        """Configured devices per side, and those capturing now (with fallback), by name and stable id."""
        configured = {"agent": (h.mic, h.mic_fallback), "customer": (h.loopback, h.loopback_fallback)}
        out: dict[str, Any] = {side: {"configured": dev or "(default)", "fallback": fb or None, "in_use": []}
                               for side, (dev, fb) in configured.items()}
        for d in h.devices_in_use:
            entry = {"name": d.name, "id": d.id, "fallback": d.fallback}
            if entry not in out[d.side]["in_use"]:
                out[d.side]["in_use"].append(entry)
        return out

    def _thresholds(self, h: "ControllerHealth") -> tuple[int, float, float]:
        """(warn count, warn hours, interval s) now. The controller's rules carry the organisation's
        current backlog thresholds (a supervisor policy changes them); without any, the fleet settings'."""
        with self._lock:
            if h.backlog_warn_count:
                self.warn_count, self.warn_hours = h.backlog_warn_count, h.backlog_warn_s / 3600
            return self.warn_count, self.warn_hours, self.interval_s

    def _backlog(self, st: "QueueStatus", warn_count: int, warn_hours: float) -> dict:
        backlogged = backlog_warning(st.pending, st.oldest_age_s, warn_count, warn_hours)
        if backlogged != self._backlog_warned:
            self._backlog_warned = backlogged
            if backlogged:
                log.warning("upload backlog: %d call(s) waiting, oldest %.1f h (warning at %d or %.1f h)",
                            st.pending, (st.oldest_age_s or 0) / 3600, warn_count, warn_hours)
            else:
                log.info("upload backlog cleared (%d waiting)", st.pending)
        return {"count": st.pending, "oldest_age_s": round(st.oldest_age_s, 1) if st.oldest_age_s is not None else None,
                "uploading": st.uploading, "warning": backlogged, "warn_count": warn_count, "warn_hours": warn_hours}

    def document(self) -> dict:
        """The heartbeat as a dict. Safe to call from any thread."""
        now = self._clock()
        st = self.queue.status()
        errors = self._current_errors(now)
        h = self.controller.health()            # one consistent read, under the controller's lock
        warn_count, warn_hours, interval_s = self._thresholds(h)
        return {
            "schema": SCHEMA,
            "agent_id": self.settings.agent_id,
            "workstation_id": self.settings.workstation_id,
            "hostname": socket.gethostname(),
            "time": _iso_ts(now),
            "started_at": _iso_ts(self.started_at),
            "heartbeat_minutes": interval_s / 60.0,
            "app_version": __version__,
            # The supervisor policies in force ({target: version}; {} when none) and any refused one.
            "policy_version": dict(h.policy_versions),
            "policy_rejections": [dict(p) for p in h.policy_rejections],
            "config_sha256": config_digest(self.settings),
            "workstation_key": sshsig.public_openssh(h.public_key) if h.public_key is not None else None,
            "storage": self.target.describe(),
            "backlog": self._backlog(st, warn_count, warn_hours),
            "last_upload": _iso_ts(self.queue.last_upload_at()),
            "last_error": errors[0] if errors else None,
            "errors": errors,
            "calls_active": h.calls_active,
            "audio_devices": self._audio(h),
            # The head of the local audit chain ({seq, hash}): `taltio-admin verify --audit` checks that the
            # chain in storage reaches it, so an entry dropped before upload is found within one interval.
            "audit_head": self.queue.audit_head(),
        }

    # -- writing ----------------------------------------------------------------------
    def beat(self) -> bool:
        """Write one heartbeat now; False (and the error kept for the next one) if it did not get through."""
        try:
            # Entries no call has queued (a refused policy, a recovery) go up at least once an interval.
            self.queue.publish_audit(audit_chain.object_prefix(self.settings.agent_id))
            data = json.dumps(self.document(), indent=2, sort_keys=True).encode() + b"\n"
            self.target.put_status(self.key, data)
        except StorageError as exc:
            self._failed(str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - a heartbeat bug must never reach the app
            log.exception("heartbeat could not be built")
            self._failed(f"heartbeat failed: {type(exc).__name__}")
            return False
        self.writes += 1
        self._note("heartbeat", None)
        if self._logged_failure is not None:
            log.info("heartbeat to %s works again", self.key)
            self._logged_failure = None
        return True

    def _failed(self, message: str) -> None:
        self._note("heartbeat", message)
        text = _safe_text(message)
        if text != self._logged_failure:           # once per change, not every interval
            log.warning("heartbeat %s not written: %s", self.key, text)
            self._logged_failure = text

    def _interval(self) -> float:
        with self._lock:
            return self.interval_s

    def _run(self) -> None:
        # Fixed rate: a slow write (first boto3 import, a storage timeout) does not push later beats back.
        slot = time.monotonic()                 # when the beat being written was due
        while not self._stop.is_set():
            self.beat()
            slot = self._wait_next(slot)

    def _wait_next(self, slot: float) -> float:
        """Sleep until the beat after the one due at *slot* is due, and return when that is. The
        interval is read again whenever reconfigure() wakes us, so a new one applies at once."""
        if slot + self._interval() < time.monotonic():   # a write took longer than the interval:
            slot = time.monotonic()                      # no burst to catch up
        while not self._stop.is_set():
            due = slot + self._interval()
            wait = due - time.monotonic()
            if wait <= 0:
                return due
            self._wake.wait(wait)
            self._wake.clear()                  # before the interval is read again: no change is missed
        return slot

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="taltio-heartbeat", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
