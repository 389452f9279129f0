"""The durable upload queue: SQLite in WAL mode in the data dir.

A job is one call: its files, in upload order (audio first, the manifest
last, so a manifest in storage means the call is complete there; its
signature file is named in the manifest's entry and stored with it in the
same write). Each file is
marked done only after storage confirmed it, and the local call folder is
deleted only when every file is done. A crash at any point leaves either a
pending file (retried; a 412 proves it is already stored) or a done one.
"""
from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import sqlite3
import threading
import time
from pathlib import Path
from typing import Callable

from taltio.domain import audit_chain, texts
from taltio.domain.files import sha256_file, write_durably
from taltio.domain.ports import QueueStatus, PutResult, StorageError, StorageTarget
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger("taltio.queue")
_SWEPT = "!uploaded-leftovers-removed-until"     # journal entry: when the last start looked for leftovers
_AUDIT_SENT = "!audit-queued-until"              # journal entry: the last audit seq handed to an upload job
AUDIT_JOB = "_audit/"                            # call ids of audit batch jobs start so; they are no call
AUDIT_BATCH_MAX = 500                            # entries per uploaded object (a migrated log goes up in parts)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    call_id     TEXT PRIMARY KEY,
    call_dir    TEXT NOT NULL,
    key_prefix  TEXT NOT NULL,
    files       TEXT NOT NULL,           -- JSON list of {name, object, sha256, size, done[, signature]}
    created_at  REAL NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    next_at     REAL NOT NULL DEFAULT 0,
    last_error  TEXT,
    done_at     REAL
);
CREATE INDEX IF NOT EXISTS jobs_waiting ON jobs (done_at, created_at);
CREATE TABLE IF NOT EXISTS multipart (
    object_key  TEXT PRIMARY KEY,        -- a multipart upload in progress: resumed after a restart
    state       TEXT NOT NULL            -- JSON {upload_id, size, part_size, sha256}
);
CREATE TABLE IF NOT EXISTS audit (
    at      REAL NOT NULL,
    call_id TEXT NOT NULL,
    event   TEXT NOT NULL,
    detail  TEXT,
    seq     INTEGER,                     -- the hash chain (domain/audit_chain.py): 1, 2, ...
    prev    TEXT,                        -- hex sha256 of the previous entry (64 zeros for seq 1)
    hash    TEXT                         -- hex sha256 of this entry's canonical JSON
);
"""


class UploadQueue:
    def __init__(self, db_path: Path, target: StorageTarget, retry_max_s: float = 5.0, workers: int = 4) -> None:
        self.db_path = db_path
        self.target = target
        self.retry_max_s = retry_max_s
        # Several calls go up at once: one connection's round trips (and storage's fsync per object)
        # would otherwise cap a backlog drain after a day offline. Files within a call stay in order.
        self.workers = max(1, workers)
        self._db = sqlite3.connect(db_path, check_same_thread=False, isolation_level=None, timeout=10)
        if os.name == "posix" and db_path.exists():
            # Audit rows hold the agent's private-call reasons: the owner's only (SQLite gives its -wal and
            # -shm files the database's mode).
            os.chmod(db_path, 0o600)
        self._db.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: a commit survives a crash of the app; after a power cut the last
        # progress marks may be gone, which only means a re-upload that storage answers with 412
        # (stored), or a local file already removed that the existence probe then finds stored.
        # Enqueueing, the one write that must survive a power cut, is synced in full (enqueue).
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        self._migrate()
        self._lock = threading.RLock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._claimed: set[str] = set()        # call ids a worker is uploading now
        self.listeners: list[Callable[[QueueStatus], None]] = []
        self._active = 0

    def _migrate(self) -> None:
        """Queues written by older versions survive an upgrade: add what they lack, from what they have."""
        cols = {row[1] for row in self._db.execute("PRAGMA table_info(jobs)")}
        if "bytes" not in cols:
            self._db.execute("ALTER TABLE jobs ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0")
            for call_id, files in self._db.execute("SELECT call_id, files FROM jobs WHERE done_at IS NULL").fetchall():
                size = sum(f.get("size", 0) for f in json.loads(files) if not f.get("done"))
                self._db.execute("UPDATE jobs SET bytes=? WHERE call_id=?", (size, call_id))
        self._migrate_audit()

    def _migrate_audit(self) -> None:
        """An audit log from before the hash chain becomes one: its rows are chained in the order they
        were written (time, then insertion), their private reasons cleaned like new ones.

        This runs once, at the first open by a version with the chain: the columns are added and every
        row chained in one transaction, so a crash midway leaves the old table to be chained again, and
        a chained table is never chained a second time (the seq column exists from then on)."""
        cols = {row[1] for row in self._db.execute("PRAGMA table_info(audit)")}
        if "seq" not in cols:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for col in ("seq INTEGER", "prev TEXT", "hash TEXT"):
                    self._db.execute(f"ALTER TABLE audit ADD COLUMN {col}")
                prev: dict | None = None
                for rowid, at, call_id, event, detail in self._db.execute(
                        "SELECT rowid, at, call_id, event, detail FROM audit ORDER BY at, rowid").fetchall():
                    prev = audit_chain.append(prev, at=audit_chain.iso_at(at), event=event, call_id=call_id,
                                              detail=audit_chain.clean_detail(event, detail or ""))
                    self._db.execute("UPDATE audit SET seq=?, prev=?, hash=?, detail=? WHERE rowid=?",
                                     (prev["seq"], prev["prev"], prev["hash"], prev["detail"], rowid))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            if prev is not None:
                log.info("audit log: %d earlier entries chained (once, on upgrade)", prev["seq"])
        self._db.execute("CREATE UNIQUE INDEX IF NOT EXISTS audit_seq ON audit (seq)")

    # -- producer side -----------------------------------------------------
    def enqueue(self, call_id: str, call_dir: Path, key_prefix: str, files: list[dict]) -> None:
        rows = [{"name": f["name"], "object": f.get("object", f["name"]), "sha256": f["sha256"], "size": f["size"],
                 "done": False, **({"signature": f["signature"]} if f.get("signature") else {})} for f in files]
        with self._lock:
            self._db.execute("PRAGMA synchronous=FULL")
            try:
                self._db.execute("INSERT OR IGNORE INTO jobs (call_id, call_dir, key_prefix, files, created_at, "
                                 "bytes) VALUES (?,?,?,?,?,?)", (call_id, str(call_dir), key_prefix, json.dumps(rows),
                                                                 time.time(), sum(int(r["size"]) for r in rows)))
            except sqlite3.Error as exc:
                # A full disk ("database or disk is full"): an OSError like any other local write, so the
                # caller keeps the call and tries again (Outbox.enqueue).
                code = errno.ENOSPC if "full" in str(exc) else errno.EIO
                raise OSError(code, f"the upload queue cannot take call {call_id}: {exc}") from exc
            finally:
                self._db.execute("PRAGMA synchronous=NORMAL")
        log.info("queued call %s (%d files)", call_id, len(rows))
        self._wake.set()
        self._notify()

    def has_job(self, call_id: str) -> bool:
        with self._lock:
            return self._db.execute("SELECT 1 FROM jobs WHERE call_id=?", (call_id,)).fetchone() is not None

    def audit(self, call_id: str, event: str, detail: str = "") -> None:
        """Append an entry to the audit chain. Under the lock: two threads never take the same seq or
        link to the same predecessor. A private reason is cleaned of numbers before it is kept."""
        with self._lock:
            last, at = self._last_entry(), time.time()
            # The row keeps the float; the entry's time is derived from it the same way every time.
            e = audit_chain.append(last, at=audit_chain.iso_at(at), event=event, call_id=call_id,
                                   detail=audit_chain.clean_detail(event, detail or ""))
            self._db.execute("INSERT INTO audit (at, call_id, event, detail, seq, prev, hash) VALUES (?,?,?,?,?,?,?)",
                             (at, call_id, event, e["detail"], e["seq"], e["prev"], e["hash"]))

    def audit_rows(self, event: str | None = None, since: float = 0.0) -> list[tuple]:
        """(at, call_id, event, detail), oldest first; only *event*'s rows from *since* on when given."""
        q, args = "SELECT at, call_id, event, detail FROM audit WHERE at >= ?", [since]
        if event is not None:
            q, args = q + " AND event = ?", args + [event]
        with self._lock:
            return self._db.execute(q + " ORDER BY seq", args).fetchall()

    def audit_head(self) -> dict:
        """{seq, hash} of the newest audit entry ({0, 64 zeros} when there is none): what manifests and
        heartbeats carry, so a supervisor can tell the uploaded chain was not cut short or rewritten."""
        with self._lock:
            last = self._last_entry()
        return {"seq": last["seq"], "hash": last["hash"]} if last else audit_chain.head([])

    def audit_entries(self, after: int = 0, limit: int | None = None) -> list[dict]:
        """The chain's entries after seq *after*, in order, each with its hash."""
        with self._lock:
            rows = self._db.execute("SELECT seq, at, event, call_id, detail, prev, hash FROM audit WHERE seq > ? "
                                    "ORDER BY seq LIMIT ?", (after, -1 if limit is None else limit)).fetchall()
        return [self._entry(r) for r in rows]

    def _last_entry(self) -> dict | None:
        row = self._db.execute("SELECT seq, at, event, call_id, detail, prev, hash FROM audit "
                               "ORDER BY seq DESC LIMIT 1").fetchone()
        return self._entry(row) if row else None

    @staticmethod
    def _entry(row: tuple) -> dict:
        seq, at, event, call_id, detail, prev, h = row
        return {"seq": seq, "at": audit_chain.iso_at(at), "event": event, "call_id": call_id, "detail": detail or "",
                "prev": prev, "hash": h}

    def publish_audit(self, key_prefix: str) -> dict:
        """Hand the audit entries not yet queued to the upload queue, as write-once objects
        ``<key_prefix>/<seq-from>-<seq-to>.json``, and return the head of what is now queued.

        Through the durable queue, like a call: the batch file is written (fsynced) to the data dir first,
        then its job and the new "queued until" mark are committed together, so storage being down, or a
        crash at any point, loses nothing and queues nothing twice. Callers (the finisher, the heartbeat)
        know the agent; the queue does not. A local write failure is logged and retried next time."""
        with self._lock:
            done = int((self.load(_AUDIT_SENT) or {}).get("seq", 0))
            while True:
                entries = self.audit_entries(after=done, limit=AUDIT_BATCH_MAX)
                if not entries:
                    break
                try:
                    self._queue_audit_batch(key_prefix, entries)
                except OSError as exc:
                    log.warning("audit entries from seq %d not queued for upload yet: %s", entries[0]["seq"], exc)
                    break
                done = entries[-1]["seq"]
            last = self.audit_entries(after=done - 1, limit=1) if done else []
        queued = {"seq": last[0]["seq"], "hash": last[0]["hash"]} if last else audit_chain.head([])
        if done:
            self._wake.set()
        return queued

    def _queue_audit_batch(self, key_prefix: str, entries: list[dict]) -> None:
        name = audit_chain.object_name(entries[0]["seq"], entries[-1]["seq"])
        job = f"{AUDIT_JOB}{name[:-len('.json')]}"
        d = self.db_path.parent / "audit-outbox" / name[:-len(".json")]
        d.mkdir(parents=True, exist_ok=True)
        write_durably(d / name, audit_chain.batch(entries), mode=0o600)     # private reasons: the owner's only
        files = [{"name": name, "object": name, "sha256": sha256_file(d / name), "size": (d / name).stat().st_size,
                  "done": False}]
        self._db.execute("PRAGMA synchronous=FULL")
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("INSERT OR IGNORE INTO jobs (call_id, call_dir, key_prefix, files, created_at, bytes) "
                             "VALUES (?,?,?,?,?,?)", (job, str(d), key_prefix, json.dumps(files), time.time(),
                                                      files[0]["size"]))
            self._db.execute("INSERT OR REPLACE INTO multipart VALUES (?,?)",
                             (_AUDIT_SENT, json.dumps({"seq": entries[-1]["seq"]})))
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        finally:
            self._db.execute("PRAGMA synchronous=NORMAL")
        log.info("audit entries %d-%d queued for upload", entries[0]["seq"], entries[-1]["seq"])

    def status(self) -> QueueStatus:
        with self._lock:
            # Calls only: an audit batch is a few hundred bytes and no call the agent waits for.
            n, oldest, size = self._db.execute(
                "SELECT COUNT(*), MIN(created_at), COALESCE(SUM(bytes), 0) FROM jobs WHERE done_at IS NULL "
                "AND call_id NOT LIKE ?", (AUDIT_JOB + "%",)).fetchone()
            # The newest error of a call still waiting: one worker's success must not hide another's failure.
            row = self._db.execute("SELECT last_error FROM jobs WHERE done_at IS NULL AND last_error IS NOT NULL "
                                   "ORDER BY next_at DESC LIMIT 1").fetchone()
        return QueueStatus(n, time.time() - oldest if oldest else None, texts.load(row[0]) if row else None, self._active > 0,
                           size)

    # -- the multipart journal (adapters.storage.UploadJournal) ---------------
    def load(self, key: str) -> dict | None:
        with self._lock:
            row = self._db.execute("SELECT state FROM multipart WHERE object_key=?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def save(self, key: str, state: dict | None) -> None:
        with self._lock:
            if state is None:
                self._db.execute("DELETE FROM multipart WHERE object_key=?", (key,))
            else:
                self._db.execute("INSERT OR REPLACE INTO multipart VALUES (?,?)", (key, json.dumps(state)))

    def last_upload_at(self) -> float | None:
        """When storage last confirmed a whole call (epoch seconds), from the database, so it survives restarts.

        The fleet heartbeat reports it: a workstation with calls but no recent upload is in trouble even when
        no single attempt has failed yet.
        """
        with self._lock:
            (at,) = self._db.execute("SELECT MAX(done_at) FROM jobs WHERE call_id NOT LIKE ?",
                                     (AUDIT_JOB + "%",)).fetchone()
        return at

    # -- worker ------------------------------------------------------------
    def start(self) -> None:
        self._remove_uploaded_leftovers()
        self._threads = [threading.Thread(target=self._run, name=f"taltio-upload-{i}", daemon=True)
                         for i in range(self.workers)]
        for t in self._threads:
            t.start()

    def _remove_uploaded_leftovers(self) -> None:
        """Local copies of calls storage has already confirmed: a crash came between the job's "done"
        and the removal. Nothing else would ever remove them (a done job is never taken again).

        Only the jobs done since the previous start can have one, so only those are looked at (done
        jobs are kept as history; checking every one of them would make each start slower than the
        last). A day's margin covers a clock set back.
        """
        since = (self.load(_SWEPT) or {}).get("at", 0.0) - 86400
        now = time.time()
        with self._lock:
            rows = self._db.execute("SELECT call_id, call_dir FROM jobs WHERE done_at >= ?", (since,)).fetchall()
        for call_id, call_dir in rows:
            if Path(call_dir).is_dir():
                shutil.rmtree(call_dir, ignore_errors=True)
                log.info("call %s: removed the local copy left after its upload was confirmed", call_id)
        self.save(_SWEPT, {"at": now})

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        deadline = time.monotonic() + 35
        for t in self._threads:
            t.join(timeout=max(0.1, deadline - time.monotonic()))

    def kick(self) -> None:
        """Try now (e.g. the network came back); clears the backoff."""
        with self._lock:
            self._db.execute("UPDATE jobs SET next_at=0 WHERE done_at IS NULL")
        self._wake.set()

    def _notify(self) -> None:
        st = self.status()
        for cb in list(self.listeners):
            try:
                cb(st)
            except Exception:  # noqa: BLE001
                log.exception("queue listener failed")

    def _next_job(self) -> tuple | None:
        """Claim the oldest due job no other worker has."""
        with self._lock:
            rows = self._db.execute(
                "SELECT call_id, call_dir, key_prefix, files, attempts FROM jobs WHERE done_at IS NULL AND next_at <= ? "
                "ORDER BY created_at LIMIT ?", (time.time(), len(self._claimed) + 1)).fetchall()
            for row in rows:
                if row[0] not in self._claimed:
                    self._claimed.add(row[0])
                    return row
        return None

    def _seconds_to_next(self) -> float:
        """Until the next job that no worker holds is due (a held one is not this worker's business)."""
        with self._lock:
            held = list(self._claimed)
            row = self._db.execute(
                f"SELECT MIN(next_at) FROM jobs WHERE done_at IS NULL AND call_id NOT IN ({','.join('?' * len(held))})",
                held).fetchone()
        if row[0] is None:
            return 3600.0
        return max(0.0, row[0] - time.time())

    def _run(self) -> None:
        while not self._stop.is_set():
            # Clear before looking: a wake-up (new job, kick, a worker done) after this is never lost.
            self._wake.clear()
            if self._stop.is_set():
                break
            job = self._next_job()
            if job is None:
                self._wake.wait(timeout=min(self._seconds_to_next(), 60.0))
                continue
            try:
                self._upload(*job)
            except sqlite3.Error as exc:
                # The job's progress could not be noted (the disk is full). Nothing is lost: what storage
                # confirmed answers 412 next time. The worker lives on and tries again a little later.
                log.warning("upload of call %s: the queue could not note its progress (%s); trying again",
                            job[0], exc)
                self._stop.wait(self.retry_max_s)
            finally:
                with self._lock:
                    self._claimed.discard(job[0])
                self._wake.set()                # a finished or failed job may unblock the others' view

    def _upload(self, call_id: str, call_dir: str, key_prefix: str, files_json: str, attempts: int) -> None:
        files = json.loads(files_json)
        with self._lock:
            self._active += 1
        self._notify()
        try:
            for f in files:
                if f["done"]:
                    continue
                path = Path(call_dir) / f["name"]
                key = f"{key_prefix}/{f['object']}"
                if not path.exists():
                    # Only after a power cut that took the last progress marks but not the removal.
                    if not self.target.stored(key, f["sha256"], journal=self):
                        raise StorageError(Text(QT_TRANSLATE_NOOP("core", "{path} is missing from the local queue; "
                                                                          "it cannot be uploaded"), path=str(path)))
                    result = PutResult.EXISTS
                else:
                    signature = None
                    if f.get("signature"):       # a manifest: its signature goes up in the same write
                        try:
                            signature = (Path(call_dir) / f["signature"]).read_bytes()
                        except OSError as exc:
                            raise StorageError(Text(QT_TRANSLATE_NOOP("core", "cannot read {file} of call {call}: "
                                                                              "{error}"),
                                                    file=f["signature"], call=call_id, error=texts.os_error(exc))) \
                                from None
                    result = self.target.put(key, path, f["sha256"], journal=self, signature=signature)
                f["done"] = True
                if f is not files[-1]:        # the last one is recorded by the job's own "done" below
                    with self._lock:
                        self._db.execute("UPDATE jobs SET files=? WHERE call_id=?", (json.dumps(files), call_id))
                log.info("call %s: %s %s", call_id, f["object"], result.value)
        except Exception as exc:  # noqa: BLE001 - StorageError, or a bug: the worker must live on either way
            if not isinstance(exc, StorageError):
                # Never a dead upload thread (a recording would wait for ever): log it, retry like an outage.
                log.exception("upload of call %s hit an unexpected error", call_id)
                exc = StorageError(Text(QT_TRANSLATE_NOOP("core", "unexpected error while uploading: {error}"),
                                        error=f"{type(exc).__name__}: {exc}"))
            # After a timeout the attempt has waited already: again at once (it takes seconds either way).
            delay = 0.0 if getattr(exc, "waited", False) else min(self.retry_max_s, 0.5 * (2 ** min(attempts, 16)))
            with self._lock:
                self._db.execute("UPDATE jobs SET attempts=attempts+1, next_at=?, last_error=? WHERE call_id=?",
                                 (time.time() + delay, texts.dump(texts.message(exc)), call_id))
            log.warning("upload of call %s failed (attempt %d), retrying in %.1f s: %s", call_id, attempts + 1,
                        delay, exc)
        else:
            with self._lock:
                self._db.execute("UPDATE jobs SET done_at=?, last_error=NULL WHERE call_id=?", (time.time(), call_id))
            # Only now, with every object confirmed by storage, does the local copy go.
            shutil.rmtree(call_dir, ignore_errors=True)
            log.info("call %s uploaded; local copy removed", call_id)
        finally:
            with self._lock:
                self._active -= 1
            self._notify()
