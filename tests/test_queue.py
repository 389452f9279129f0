"""The queue against a real folder target and SQLite: verified upload, then local delete; restarts."""
import hashlib
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from taltio.adapters.storage import FolderTarget, PutResult, StorageError, StorageTarget
from taltio.core.queue import UploadQueue


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


def _wait(pred, timeout=10.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(0.05)
    return False


def test_upload_then_local_copy_removed(tmp_path):
    target = FolderTarget(tmp_path / "store")
    q = UploadQueue(tmp_path / "q.db", target)
    d, files = _job(tmp_path)
    q.enqueue("c1", d, "agent-7/2026/11/28", files)
    q.start()
    try:
        assert _wait(lambda: q.status().pending == 0)
    finally:
        q.stop()
    assert not d.exists()
    stored = tmp_path / "store" / "agent-7/2026/11/28"
    assert sorted(p.name for p in stored.iterdir()) == ["c1.manifest.json", "c1.ogg.age"]
    assert hashlib.sha256((stored / "c1.ogg.age").read_bytes()).hexdigest() == files[0]["sha256"]


class _Flaky(StorageTarget):
    """A real folder target that is 'down' until told otherwise."""

    def __init__(self, root):
        self.inner = FolderTarget(root)
        self.down = True

    def put(self, key, path, sha, journal=None):
        if self.down:
            raise StorageError("storage unreachable (test)")
        return self.inner.put(key, path, sha)

    def check(self):
        return "x"

    def describe(self):
        return "flaky"


def test_storage_down_keeps_everything_and_retries(tmp_path):
    target = _Flaky(tmp_path / "store")
    q = UploadQueue(tmp_path / "q.db", target, retry_max_s=0.5)
    d, files = _job(tmp_path)
    q.enqueue("c1", d, "a/2026/11/28", files)
    q.start()
    try:
        assert _wait(lambda: q.status().last_error is not None)
        assert d.exists() and q.status().pending == 1
        target.down = False
        t0 = time.monotonic()
        assert _wait(lambda: q.status().pending == 0, 10)
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


def test_kill_during_upload_resumes_once(tmp_path):
    """SIGKILL a process mid-queue; a new queue finishes the job with every object stored exactly once."""
    d, files = _job(tmp_path, size=200_000)
    script = textwrap.dedent(f"""
        import sys, time, os
        sys.path.insert(0, {str(Path(__file__).resolve().parents[1] / 'desktop')!r})
        from taltio.adapters.storage import FolderTarget
        from taltio.core.queue import UploadQueue
        class Slow(FolderTarget):
            def put(self, key, path, sha, journal=None):
                r = super().put(key, path, sha)
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
    q.start()
    try:
        assert _wait(lambda: q.status().pending == 0)
    finally:
        q.stop()
    stored = sorted((tmp_path / "store/a/2026/11/28").iterdir())
    assert [p.name for p in stored] == ["c1.manifest.json", "c1.ogg.age"]
    assert not d.exists()
