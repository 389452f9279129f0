"""Fault evidence (issue 17, point 2): the data dir's disk fills up under the real app.

The app runs as a subprocess with a small tmpfs (or, where tmpfs cannot be mounted, a loop-mounted ext4
image) as its data dir, so every write it makes meets a real ENOSPC: segments, the streamed final file,
the call journal, the manifest and the SQLite queue. Each test shows that what was sealed before the
fault reaches storage byte for byte (decrypted with the org key), that the tray's status and
`taltio doctor` say the disk is full, and that the app recovers by itself once space is freed.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Callable, Iterator

import pytest

from tests.fixtures.faultproxy import FaultProxy
from tests.helpers.app_proc import AppProcess
from tests.helpers.verify import age_decrypt, call_keys, fetch_call, manifest_key, wait_for_keys
from tests.helpers.world import World, queue_empty, start_recording, state_is

pytestmark = [pytest.mark.slow, pytest.mark.evidence("fault")]

DISK_MB = 4
FULL_TEXT = "disk is full"          # what the status and doctor say, in the English UI the tests run


def _mount_small(where: Path, scratch: Path) -> str:
    """A small filesystem at *where*: tmpfs, else a loop-mounted ext4 image; skips if neither is allowed."""
    where.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={DISK_MB}m,mode=0700", "tmpfs", str(where)],
                       capture_output=True, text=True)
    if r.returncode == 0:
        return "tmpfs"
    image = scratch / "disk.img"
    steps = [["truncate", "-s", f"{DISK_MB * 2}M", str(image)], ["mkfs.ext4", "-q", "-F", "-m", "0", str(image)],
             ["mount", "-o", "loop", str(image), str(where)], ["chmod", "0700", str(where)]]
    for step in steps:
        r2 = subprocess.run(step, capture_output=True, text=True)
        if r2.returncode != 0:
            pytest.skip(f"cannot mount a small filesystem: tmpfs: {r.stderr.strip()}; loop ext4: "
                        f"{' '.join(step[:1])}: {r2.stderr.strip()}")
    return "ext4"


@pytest.fixture
def small_disk_app(world: World, tmp_path: Path) -> Iterator[Callable[..., AppProcess]]:
    """Apps whose data dir is a small filesystem of its own; each is stopped before its disk is unmounted."""
    made: list[AppProcess] = []

    def make(name: str, **overrides: object) -> AppProcess:
        app = world.app(name, **overrides)
        _mount_small(app.data_dir, tmp_path)
        made.append(app)
        return app

    yield make
    for app in made:
        app.stop()
        if subprocess.run(["umount", str(app.data_dir)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(app.data_dir)], capture_output=True)


def free_bytes(d: Path) -> int:
    return shutil.disk_usage(d).free


def fill(d: Path, name: str, leave: int = 0) -> Path:
    """Write a ballast file until only *leave* bytes are free (0: until the disk refuses a byte)."""
    path = d / name
    with open(path, "ab") as fh:
        while True:
            want = free_bytes(d) - leave
            if want <= 0:
                break
            try:
                fh.write(b"\0" * min(want, 1 << 20))
                fh.flush()
            except OSError:
                break
    return path


def sealed_plain(call_dir: Path, world: World, tmp: Path) -> bytes:
    """The call's sealed segments as they are now, decrypted with the org key and joined (the Ogg so far)."""
    return b"".join(age_decrypt(tmp, p.read_bytes(), world.org_key) for p in sorted(call_dir.glob("seg-*.age")))


def stored_plain(world: World, cid: str, tmp: Path) -> bytes:
    """The call's audio as storage holds it (its final file or its segments), decrypted and joined."""
    keys = world.s3.list_keys()
    mkey = manifest_key(keys, cid)
    assert mkey, f"no manifest for {cid}"
    audio = json.loads(world.s3.get(mkey))["audio"]
    folder = mkey.rsplit("/", 1)[0]
    parts = [audio["file"]] if audio.get("file") else audio["segments"]
    return b"".join(age_decrypt(tmp, world.s3.get(f"{folder}/{p['name']}"), world.org_key) for p in parts)


def doctor_disk_line(app: AppProcess) -> tuple[int, str]:
    r = app.cli("doctor", timeout=60)
    line = next((ln for ln in r.stdout.splitlines() if "] disk" in ln), "")
    return r.returncode, line


def assert_no_traceback(app: AppProcess) -> None:
    for log in app.logs:
        text = log.read_text(errors="replace")
        assert "Traceback" not in text and "internal error" not in text, f"{log}:\n{app.log_tail(80)}"


def record_call(app: AppProcess, world: World, cid: str, seconds: float) -> None:
    start_recording(app, cid)
    world.audio.play_mic(world.agent_wav)
    world.audio.play_customer(world.customer_wav)
    time.sleep(seconds)


def test_finishing_on_a_full_disk_can_be_retried_without_losing_a_byte(tmp_path):
    """Regression: a call that ends on a full disk is finished again later (controller.FINISH_RETRY_S). The
    sink's finalize must leave everything as it was when its last seal fails, or the retry would end a new,
    empty stream and delete the segments that held the call."""
    import pyrage

    from taltio.recording.segments import EncryptedOggSink

    disk = tmp_path / "disk"
    _mount_small(disk, tmp_path)
    try:
        ident = pyrage.x25519.Identity.generate()
        sink = EncryptedOggSink(disk, [ident.to_public()], seal_every=3600)
        data = os.urandom(50_000)
        sink.write(data[:20_000])
        sink.seal()
        sink.write(data[20_000:])
        ballast = fill(disk, "ballast")
        with pytest.raises(OSError):
            sink.finalize("c.ogg.age")
        ballast.unlink()
        final = sink.finalize("c.ogg.age")
        assert pyrage.decrypt(final.path.read_bytes(), [ident]) == data
        assert not list(disk.glob("seg-*.age"))
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)


def test_log_file_on_a_full_disk_says_so_once_instead_of_a_traceback_per_record(tmp_path, capsys):
    """Regression: logging's default prints a traceback to standard error for every record the log file
    cannot take; on a full disk that is every record. One line says so, one more when it works again."""
    import logging

    from taltio.app.logs import FileLog

    handler = FileLog(tmp_path / "taltio.log")
    real = handler.stream

    class Full:
        def write(self, _s: str) -> None:
            raise OSError(28, "No space left on device")

        def flush(self) -> None:
            pass

    handler.stream = Full()
    for i in range(3):
        handler.emit(logging.LogRecord("taltio.t", logging.INFO, __file__, 1, f"full {i}", None, None))
    handler.stream = real
    handler.emit(logging.LogRecord("taltio.t", logging.INFO, __file__, 1, "room again", None, None))
    handler.close()
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("cannot write the log file") == 1, err
    assert "again" in err and "room again" in (tmp_path / "taltio.log").read_text()


def test_disk_fills_mid_call_keeps_sealed_audio_warns_and_recovers(world, small_disk_app, tmp_path,
                                                                   evidence_figure):
    """The disk fills while a call records: no crash, every sealed byte reaches storage, the tray and doctor
    say the disk is full, and once the ballast goes the call goes on recording and uploads in full."""
    app = small_disk_app("full-mid-call").start()
    ballast = fill(app.data_dir, "ballast", leave=200_000)
    st = app.wait_for(lambda s: FULL_TEXT in s["text"], what="the nearly full disk to be shown while idle")
    assert st["status"] == "warning"
    cid = "call-disk-full-1"
    record_call(app, world, cid, 3.0)
    before = sealed_plain(app.data_dir / "calls" / cid, world, tmp_path / "before")
    assert len(before) > 1000, "nothing sealed before the fault (test precondition)"
    ballast2 = fill(app.data_dir, "ballast2")
    st = app.wait_for(lambda s: s["status"] == "warning" and FULL_TEXT in s["text"], timeout=10,
                      what="the call's disk-full warning")
    assert "kept in memory" in st["text"] and state_is(cid, "recording")(st)
    code, line = doctor_disk_line(app)
    assert code == 1 and "FAIL" in line and "full" in line, line
    app.hook("bookmark", cid)                       # an event while the journal cannot be written
    time.sleep(2.0)
    ballast2.unlink()
    ballast.unlink()
    freed = time.monotonic()
    st = app.wait_for(lambda s: s["status"] == "recording", timeout=15, what="the warning to clear")
    recover_s = time.monotonic() - freed
    time.sleep(1.5)
    app.hook("ended", cid)
    st = app.wait_for(queue_empty, timeout=30, what="upload")
    assert FULL_TEXT not in st["text"] + st["detail"] and "cannot save" not in st["detail"]
    doc, rec, rate = fetch_call(world.s3, cid, tmp_path / "verify", world.org_key, st["workstation_key"])
    assert doc["outcome"] == "recorded" and len(doc["bookmarks"]) == 1
    stored = stored_plain(world, cid, tmp_path / "stored")
    assert stored.startswith(before), "audio sealed before the fault is not in storage as it was"
    assert len(rec) / rate >= 3.0 + 2.0, "the audio held in memory during the fault was lost"
    assert app.alive()
    assert_no_traceback(app)
    evidence_figure("bytes sealed before the fault", len(before))
    evidence_figure("seconds recorded", round(len(rec) / rate, 1))
    evidence_figure("seconds to recover", round(recover_s, 1))
    evidence_figure("calls stored", 1)


def _local_copies(app: AppProcess, cids: list[str]) -> dict[str, str]:
    """sha256 of each queued call's local audio file: what the queue keeps while storage is down."""
    out = {}
    for cid in cids:
        files = list((app.data_dir / "calls" / cid).glob(f"{cid}.*.age"))
        assert files, f"queued call {cid} lost its local copy"
        out[cid] = hashlib.sha256(files[0].read_bytes()).hexdigest()
    return out


def _fill_with_queue(app: AppProcess, world: World, tmp: Path) -> tuple[bytes, list[Path]]:
    """Storage is down: two calls queue up, a third fills the disk mid-call and ends on the full disk,
    and a fourth is refused before its notice. Returns the third call's sealed audio and the ballast."""
    ballast = fill(app.data_dir, "ballast", leave=1_400_000)
    for cid in ("call-q-1", "call-q-2"):
        record_call(app, world, cid, 2.5)
        app.hook("ended", cid)
    app.wait_for(lambda s: s["queue"]["pending"] == 2 and s["queue"]["last_error"], timeout=20,
                 what="two calls waiting for storage")
    record_call(app, world, "call-q-3", 2.5)
    before = sealed_plain(app.data_dir / "calls" / "call-q-3", world, tmp)
    ballast2 = fill(app.data_dir, "ballast2")
    app.wait_for(lambda s: FULL_TEXT in s["text"], timeout=10, what="the disk-full warning mid-call")
    app.hook("ended", "call-q-3")                   # ends on the full disk: finished when there is room
    st = app.wait_for(lambda s: FULL_TEXT in s["text"] and not s["calls"], timeout=10,
                      what="the idle disk-full status")
    assert st["status"] == "warning"
    app.hook("incoming", "call-q-4", "+358401234567")
    app.hook("answered", "call-q-4")
    app.hook("notice-given", "call-q-4")
    st = app.wait_for(lambda s: s["status"] == "error", timeout=10, what="the refused call")
    assert "Not recording" in st["text"] + st["detail"] and FULL_TEXT in st["text"] + st["detail"], st
    assert not list((app.data_dir / "calls" / "call-q-4").glob("seg-*.age"))
    app.hook("ended", "call-q-4")
    return before, [ballast2, ballast]


def test_storage_down_while_queued_calls_fill_the_disk_drains_exactly_once(world, small_disk_app, tmp_path,
                                                                            evidence_figure):
    """Storage is down and the disk fills below the queue quota (when_queue_full = stop): the queue keeps
    its calls, the call that ended on the full disk is not lost, a new call is refused with a clear reason,
    and once storage is back and space is freed every call is stored exactly once and verifies."""
    proxy = FaultProxy("127.0.0.1", int(world.s3.endpoint.rsplit(":", 1)[1]))
    proxy.start()
    try:
        proxy.set_mode("down")
        app = small_disk_app("full-queue", endpoint=proxy.endpoint,
                             **{"storage.when_queue_full": "stop"}).start()
        before, ballast = _fill_with_queue(app, world, tmp_path / "before")
        kept = _local_copies(app, ["call-q-1", "call-q-2"])
        code, line = doctor_disk_line(app)
        assert code == 1 and "FAIL" in line and "full" in line, line
        assert app.alive()
        time.sleep(2.0)
        assert _local_copies(app, ["call-q-1", "call-q-2"]) == kept
        proxy.set_mode("pass")
        for b in ballast:
            b.unlink()
        freed = time.monotonic()
        cids = ["call-q-1", "call-q-2", "call-q-3", "call-q-4"]
        wait_for_keys(world.s3, lambda ks: all(manifest_key(ks, c) for c in cids), timeout=60)
        st = app.wait_for(queue_empty, timeout=30, what="the backlog to drain")
        drain_s = time.monotonic() - freed
        assert FULL_TEXT not in st["text"]
        keys = world.s3.list_keys()
        for cid in cids:
            for k in call_keys(keys, cid):
                assert len([v for v in world.s3.list_versions(k) if v["Key"] == k]) == 1, f"{k} stored twice"
        for cid in cids[:3]:
            doc, rec, _ = fetch_call(world.s3, cid, tmp_path / cid, world.org_key, st["workstation_key"])
            assert doc["outcome"] == "recorded" and rec is not None and len(rec) > 0, cid
        assert stored_plain(world, "call-q-3", tmp_path / "q3").startswith(before)
        refused, _, _ = fetch_call(world.s3, "call-q-4", tmp_path / "q4", world.org_key, st["workstation_key"])
        assert refused["audio"] is None and refused["outcome"] != "recorded"
        assert_no_traceback(app)
        evidence_figure("bytes sealed before the fault", len(before))
        evidence_figure("seconds to drain", round(drain_s, 1))
        evidence_figure("calls stored", len(cids))
    finally:
        proxy.stop()
