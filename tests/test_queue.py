"""The queue against a real folder target and SQLite: verified upload, then local delete; restarts."""
import hashlib
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from taltio.adapters.storage.folder import FolderTarget
from taltio.domain.ports import PutResult, StorageError, StorageTarget
from taltio.upload.queue import UploadQueue
from tests.helpers.waiting import wait_for


def _job(tmp: Path, name="c1", size=1000):
    d = tmp / "calls" / name
    d.mkdir(parents=True)
    files = []
    for fn in (f"{name}.ogg.age", "manifest.json"):
        data = os.urandom(size)
        (d / fn).write_bytes(data)
        files.append({"name": fn, "object": fn if fn.startswith(name) else f"{name}.{fn}",
                      "sha256": hashlib.sha256(data).hexdigest(), "size": size})
    return d, files


def _drain(q: UploadQueue) -> None:
    """Run the queue until nothing is pending (fails after 10 s), then stop it."""
    q.start()
    try:
        wait_for(lambda: q.status().pending == 0, 10, interval=0.05, message="the queue to drain")
    finally:
        q.stop()


def test_upload_then_local_copy_removed(tmp_path):
    target = FolderTarget(tmp_path / "store")
    q = UploadQueue(tmp_path / "q.db", target)
    d, files = _job(tmp_path)
    q.enqueue("c1", d, "agent-7/2026/11/28", files)
    _drain(q)
    assert not d.exists()
    stored = tmp_path / "store" / "agent-7/2026/11/28"
    assert sorted(p.name for p in stored.iterdir()) == ["c1.manifest.json", "c1.ogg.age"]
    assert hashlib.sha256((stored / "c1.ogg.age").read_bytes()).hexdigest() == files[0]["sha256"]


class _Flaky(StorageTarget):
    """A real folder target that is 'down' until told otherwise."""

    def __init__(self, root):
        self.inner = FolderTarget(root)
        self.down = True

    def put(self, key, path, sha, journal=None, *, signature=None):
        if self.down:
            raise StorageError("storage unreachable (test)")
        return self.inner.put(key, path, sha, signature=signature)

    def check(self):
        return "x"

    def describe(self):
        return "flaky"


@pytest.mark.evidence("fault")
def test_storage_down_keeps_everything_and_retries(tmp_path):
    target = _Flaky(tmp_path / "store")
    q = UploadQueue(tmp_path / "q.db", target, retry_max_s=0.5)
    d, files = _job(tmp_path)
    q.enqueue("c1", d, "a/2026/11/28", files)
    q.start()
    try:
        wait_for(lambda: q.status().last_error is not None, 10, interval=0.05, message="an upload error")
        assert d.exists() and q.status().pending == 1
        target.down = False
        t0 = time.monotonic()
        wait_for(lambda: q.status().pending == 0, 10, interval=0.05, message="the queue to drain")
        assert time.monotonic() - t0 < 3
    finally:
        q.stop()
    assert not d.exists()


def test_folder_target_never_overwrites(tmp_path):
    t = FolderTarget(tmp_path / "s")
    src = tmp_path / "f"
    src.write_bytes(b"abc")
    sha = hashlib.sha256(b"abc").hexdigest()
    assert t.put("k/f", src, sha) == PutResult.STORED
    assert t.put("k/f", src, sha) == PutResult.EXISTS
    src.write_bytes(b"xyz")
    try:
        t.put("k/f", src, hashlib.sha256(b"xyz").hexdigest())
        raise AssertionError("overwrote")
    except StorageError as exc:
        assert "refusing to overwrite" in str(exc)
    assert (tmp_path / "s/k/f").read_bytes() == b"abc"


@pytest.mark.evidence("crash")
def test_kill_during_upload_resumes_once(tmp_path):
    """SIGKILL a process mid-queue; a new queue finishes the job with every object stored exactly once."""
    d, files = _job(tmp_path, size=200_000)
    script = textwrap.dedent(f"""
        import sys, time, os
        sys.path.insert(0, {str(Path(__file__).resolve().parents[1] / 'desktop')!r})
        from taltio.adapters.storage import FolderTarget
        from taltio.upload.queue import UploadQueue
        class Slow(FolderTarget):
            def put(self, key, path, sha, journal=None, *, signature=None):
                r = super().put(key, path, sha, signature=signature)
                print("PUT", key, flush=True)
                time.sleep(30)   # killed here: the first object is stored, the queue never heard
                return r
        q = UploadQueue(__import__('pathlib').Path({str(tmp_path / 'q.db')!r}), Slow(__import__('pathlib').Path({str(tmp_path / 'store')!r})))
        q.enqueue("c1", __import__('pathlib').Path({str(d)!r}), "a/2026/11/28", {files!r})
        q.start(); time.sleep(60)
    """)
    p = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().startswith("PUT")
    p.kill()
    p.wait()
    q = UploadQueue(tmp_path / "q.db", FolderTarget(tmp_path / "store"))
    assert q.status().pending == 1
    _drain(q)
    stored = sorted((tmp_path / "store/a/2026/11/28").iterdir())
    assert [p.name for p in stored] == ["c1.manifest.json", "c1.ogg.age"]
    assert not d.exists()


def test_queue_from_an_older_version_is_migrated_not_lost(tmp_path):
    """An upgrade must keep the backlog: a database without the byte count gets it from the job rows."""
    import json
    import sqlite3

    d, files = _job(tmp_path, size=3000)
    db = sqlite3.connect(tmp_path / "old.db")
    db.executescript("""
        CREATE TABLE jobs (call_id TEXT PRIMARY KEY, call_dir TEXT NOT NULL, key_prefix TEXT NOT NULL,
                           files TEXT NOT NULL, created_at REAL NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
                           next_at REAL NOT NULL DEFAULT 0, last_error TEXT, done_at REAL);
        CREATE TABLE audit (at REAL NOT NULL, call_id TEXT NOT NULL, event TEXT NOT NULL, detail TEXT);
    """)
    rows = [{**f, "object": f["name"], "done": i == 1} for i, f in enumerate(files)]
    db.execute("INSERT INTO jobs (call_id, call_dir, key_prefix, files, created_at) VALUES (?,?,?,?,?)",
               ("c1", str(d), "a/2026/11/28", json.dumps(rows), time.time() - 7200))
    db.commit()
    db.close()
    q = UploadQueue(tmp_path / "old.db", FolderTarget(tmp_path / "store"))
    st = q.status()
    assert st.pending == 1 and st.pending_bytes == 3000 and st.oldest_age_s > 7000
    _drain(q)
    assert (tmp_path / "store/a/2026/11/28/c1.ogg.age").exists()


def test_backlog_warning_follows_the_organisations_thresholds(tmp_path):
    from taltio.recording.controller import Controller
    from taltio.upload.queue import QueueStatus
    from taltio.domain.rules import CallRules

    from taltio.recording.call_rules import RuleBook

    ctl = Controller.__new__(Controller)        # only the warning logic; no audio, no storage
    ctl.rules = CallRules(backlog_warn_count=20, backlog_warn_s=4 * 3600, queue_quota_bytes=100 * 2**20)
    ctl.calls_dir, ctl.unfinished = tmp_path, {}     # a disk with room: the backlog decides
    ctl.rulebook = RuleBook(ctl)
    assert ctl.backlog_warning(QueueStatus(3, 600.0, None, False, 10 * 2**20)) is None
    many = ctl.backlog_warning(QueueStatus(25, 600.0, None, False, 10 * 2**20))
    assert str(many).startswith("Uploads are behind: 25 calls waiting, the oldest for 0 h 10 min")
    old = ctl.backlog_warning(QueueStatus(2, 5 * 3600 + 120, None, False, 10 * 2**20))
    assert "the oldest for 5 h 2 min" in str(old)
    full = ctl.backlog_warning(QueueStatus(2, 60.0, None, False, 95 * 2**20))
    assert str(full) == "Upload queue nearly full: 95 of 100 MB wait for upload; recording continues"


def test_file_gone_locally_but_stored_counts_as_done(tmp_path):
    """After a power cut that kept the upload but lost its progress mark, the local copy may already be gone:
    the queue asks storage instead of failing forever, and still refuses when storage lacks it."""
    target = FolderTarget(tmp_path / "store")
    d, files = _job(tmp_path)
    audio = d / files[0]["name"]
    target.put(f"a/2026/11/28/{files[0]['object']}", audio, files[0]["sha256"])
    audio.unlink()
    q = UploadQueue(tmp_path / "q.db", target, retry_max_s=0.5)
    q.enqueue("c1", d, "a/2026/11/28", files)
    _drain(q)
    assert (tmp_path / "store/a/2026/11/28/c1.manifest.json").exists()
    d2, files2 = _job(tmp_path, name="c2")
    (d2 / files2[0]["name"]).unlink()                      # gone locally and never stored: kept as an error
    q2 = UploadQueue(tmp_path / "q.db", target, retry_max_s=0.5)
    q2.enqueue("c2", d2, "a/2026/11/28", files2)
    q2.start()
    try:
        wait_for(lambda: q2.status().last_error is not None, 10, interval=0.05, message="an upload error")
        assert "missing from the local queue" in q2.status().last_error and q2.status().pending == 1
    finally:
        q2.stop()


@pytest.mark.evidence("crash")
def test_a_crash_between_confirmation_and_removal_leaves_no_local_copy(tmp_path, monkeypatch):
    """kill -9 after the job's "done" commit but before its folder went (seen in the 20-kill test): the next
    start removes the folder, and nothing is uploaded again."""
    import taltio.upload.queue as queue_mod

    store = tmp_path / "store"
    d, files = _job(tmp_path)
    q = UploadQueue(tmp_path / "q.db", FolderTarget(store), retry_max_s=0.5, workers=1)
    monkeypatch.setattr(queue_mod.shutil, "rmtree", lambda *a, **kw: None)    # "killed" before the removal
    q.enqueue("c1", d, "a/2026/11/28", files)
    _drain(q)
    assert d.exists()
    monkeypatch.undo()
    stored = sorted(p.stat().st_mtime_ns for p in store.rglob("*") if p.is_file())

    q2 = UploadQueue(tmp_path / "q.db", FolderTarget(store), retry_max_s=0.5, workers=1)
    q2.start()
    try:
        wait_for(lambda: not d.exists(), 10, interval=0.05, message="the local copy to be removed")
        assert q2.status().pending == 0
    finally:
        q2.stop()
    assert sorted(p.stat().st_mtime_ns for p in store.rglob("*") if p.is_file()) == stored     # not re-uploaded


@pytest.mark.evidence("fault")
@pytest.mark.expect_log_errors("taltio.queue")   # the planted bug is logged with its traceback
def test_a_bug_in_the_target_never_kills_the_upload_worker(tmp_path):
    """An unexpected exception (not a StorageError) is retried like an outage; the worker thread survives."""
    class Buggy(FolderTarget):
        fail = 2

        def put(self, key, path, sha, journal=None, *, signature=None):
            if Buggy.fail:
                Buggy.fail -= 1
                raise KeyError("UploadId")
            return super().put(key, path, sha, journal)

    q = UploadQueue(tmp_path / "q.db", Buggy(tmp_path / "store"), retry_max_s=0.5, workers=1)
    d, files = _job(tmp_path)
    q.enqueue("c1", d, "a/2026/11/28", files)
    q.start()
    try:
        wait_for(lambda: q.status().pending == 0, 15, interval=0.05, message="the queue to drain")
        assert all(t.is_alive() for t in q._threads)
    finally:
        q.stop()
    assert (tmp_path / "store/a/2026/11/28/c1.manifest.json").exists()


@pytest.mark.evidence("fault")
def test_storage_that_ignores_checksums_is_never_trusted_again(tmp_path):
    """A store that accepts an empty PUT under a non-empty file's checksum (the existence probe) would make the
    next retry see 412 and the queue delete the only copy. Taltio stops reporting anything as stored, for good."""
    from taltio.adapters.storage import S3Target

    class Lax:                                   # stands in for a store that does not check x-amz-checksum-sha256
        def put_object(self, **kw):
            return {}

    journal = UploadQueue(tmp_path / "q.db", FolderTarget(tmp_path / "unused"))
    t = S3Target("b", "agents/a", "http://127.0.0.1:9", "us-east-1", "k", "s")
    t._client = Lax()
    try:
        t.stored("x/y", "00" * 32, journal=journal)
        raise AssertionError("a lax store was trusted")
    except StorageError as exc:
        assert "did not match its checksum" in str(exc)
    src = tmp_path / "f"
    src.write_bytes(b"abc")
    t2 = S3Target("b", "agents/a", "http://127.0.0.1:9", "us-east-1", "k", "s")     # e.g. after a restart
    t2._client = Lax()
    for call in (lambda: t2.put("x/z", src, hashlib.sha256(b"abc").hexdigest(), journal=journal),
                 lambda: t2.stored("x/y", "00" * 32, journal=journal)):
        try:
            call()
            raise AssertionError("reported stored")
        except StorageError as exc:
            assert "every local copy is kept" in str(exc)
