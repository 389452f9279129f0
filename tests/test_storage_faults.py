"""Uploads that survive a bad network and a crashing store: real SeaweedFS, the real queue, a fault proxy.

After every fault each recording must be in the bucket exactly once (one version),
its bytes must match, the queue must be empty and the local copies gone. Large
files go up in parts (multipart), which resume from what storage says it has.
"""
from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from taltio.adapters.storage import MIB, S3Target
from taltio.domain.ports import PutResult, StorageError
from taltio.upload.queue import UploadQueue
from taltio.settings import BY_KEY
from tests.fixtures.faultproxy import FaultProxy
from tests.helpers.waiting import wait_for

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
PART = 5 * MIB


@pytest.fixture
def proxy(s3_server_module):
    p = FaultProxy("127.0.0.1", s3_server_module.ports["s3"]).start()
    try:
        yield p
    finally:
        p.stop()


def _target(srv, endpoint: str) -> S3Target:
    agent, (key, secret) = next(iter(srv.agents.items()))
    t = S3Target(srv.bucket, f"agents/{agent}", endpoint, "us-east-1", key, secret)
    t.multipart_threshold = PART          # the smallest S3 allows, so tests stay quick
    t.part_size = PART
    return t


def _job(root: Path, call_id: str, size: int) -> tuple[Path, list[dict]]:
    d = root / "calls" / call_id
    d.mkdir(parents=True)
    files = []
    for name, n in ((f"{call_id}.ogg.age", size), ("manifest.json", 600)):
        data = os.urandom(n)
        (d / name).write_bytes(data)
        files.append({"name": name, "object": name if name.startswith(call_id) else f"{call_id}.{name}",
                      "sha256": hashlib.sha256(data).hexdigest(), "size": n})
    return d, files


def _stored_once(srv, target: S3Target, call_id: str, files: list[dict]) -> None:
    for f in files:
        key = f"{target.prefix}/{call_id}/{f['object']}"
        versions = [v for v in srv.list_versions(key) if v["Key"] == key]
        assert len(versions) == 1, f"{key}: {len(versions)} versions"
        assert hashlib.sha256(srv.get(key)).hexdigest() == f["sha256"], f"{key}: content differs"


def _queue(tmp_path: Path, target: S3Target, retry_max_s: float = 0.5) -> UploadQueue:
    return UploadQueue(tmp_path / "queue.sqlite3", target, retry_max_s=retry_max_s, workers=3)


def test_multipart_upload_is_verified_and_write_once(s3_server_module, tmp_path):
    srv = s3_server_module
    target = _target(srv, srv.endpoint)
    d, files = _job(tmp_path, "mp-1", 2 * PART + 12345)          # three parts
    key = f"mp-1/{files[0]['object']}"
    assert target.put(key, d / files[0]["name"], files[0]["sha256"]) == PutResult.STORED
    assert target.put(key, d / files[0]["name"], files[0]["sha256"]) == PutResult.EXISTS
    head = srv.admin_client().head_object(Bucket=srv.bucket, Key=f"{target.prefix}/{key}", ChecksumMode="ENABLED")
    assert head["ChecksumSHA256"].endswith("-3")                   # a part checksum for each of the three parts
    assert hashlib.sha256(srv.get(f"{target.prefix}/{key}")).hexdigest() == files[0]["sha256"]
    # A changed local file cannot take the key over: write-once holds for multipart too.
    other = tmp_path / "other"
    other.write_bytes(os.urandom(PART + 1))
    assert target.put(key, other, hashlib.sha256(other.read_bytes()).hexdigest()) == PutResult.EXISTS
    assert len([v for v in srv.list_versions(f"{target.prefix}/{key}")]) == 1


def test_existence_probe_stores_nothing(s3_server_module, tmp_path):
    """The put-only credential learns whether a key exists without ever writing to it."""
    srv = s3_server_module
    target = _target(srv, srv.endpoint)
    sha = hashlib.sha256(b"x" * 100).hexdigest()
    assert target._exists(f"{target.prefix}/probe/absent", sha) is False
    assert srv.list_keys(f"{target.prefix}/probe/") == []
    src = tmp_path / "f"
    src.write_bytes(b"x" * 100)
    target.put("probe/present", src, sha)
    assert target._exists(f"{target.prefix}/probe/present", sha) is True
    assert len(srv.list_versions(f"{target.prefix}/probe/present")) == 1


def _creates_an_object(request) -> str | None:  # noqa: ANN001 - botocore AWSPreparedRequest
    """PutObject or CompleteMultipartUpload (S3's "object creation operations"), else None."""
    from urllib.parse import parse_qs, urlsplit

    query = parse_qs(urlsplit(request.url).query, keep_blank_values=True)
    if request.method == "PUT" and "partNumber" not in query:
        return "PutObject"
    if request.method == "POST" and "uploadId" in query:
        return "CompleteMultipartUpload"
    return None


def test_every_object_the_agent_creates_is_create_only(s3_server_module, tmp_path):
    """The AWS agent identity (`storage agent-identity --format aws`) only lets an object be created
    with If-None-Match (issue 19.1): every request of the agent's that creates one (single and multipart
    upload, the existence probe, the storage check) must carry it, or uploads would fail on AWS."""
    srv = s3_server_module
    target = _target(srv, srv.endpoint)
    sent: list = []
    target.client.meta.events.register("before-send.s3", lambda request, **_kw: sent.append(request))
    d, files = _job(tmp_path, "co-1", PART + 1)                   # a multipart audio file and a small manifest
    for f in files:
        assert target.put(f"co-1/{f['object']}", d / f["name"], f["sha256"]) == PutResult.STORED
        assert target.put(f"co-1/{f['object']}", d / f["name"], f["sha256"]) == PutResult.EXISTS
    target.check()
    target.check()
    creating = [(_creates_an_object(r), r.headers.get("If-None-Match")) for r in sent if _creates_an_object(r)]
    assert {kind for kind, _h in creating} == {"PutObject", "CompleteMultipartUpload"}
    assert len(creating) >= 6 and all(h in ("*", b"*") for _k, h in creating), creating


@pytest.mark.evidence("fault")
def test_multipart_resumes_only_the_missing_parts(s3_server_module, proxy, tmp_path):
    """The connection dies in part 2: the next attempt lists the parts and sends only 2 and 3."""
    srv = s3_server_module
    target = _target(srv, proxy.endpoint)
    q = _queue(tmp_path, target)
    d, files = _job(tmp_path, "mp-resume", 2 * PART + 999)
    proxy.drop_requests("partNumber=2", after_bytes=PART // 2)
    q.enqueue("mp-resume", d, "mp-resume", files)
    q.start()
    try:
        wait_for(lambda: q.status().last_error is not None, 20, interval=0.05, message="the cut part to fail")
        assert q.load(f"{target.prefix}/mp-resume/{files[0]['object']}") is not None   # the upload id is kept
        proxy.release()
        wait_for(lambda: q.status().pending == 0, 30, interval=0.05, message="the upload to finish")
    finally:
        q.stop()
    puts = [r.target for r in proxy.requests if r.method == "PUT" and "uploadId=" in r.target]
    assert sum("partNumber=1&" in t or t.endswith("partNumber=1") for t in puts) == 1, puts
    assert len(proxy.requests_matching("uploads", "POST")) >= 1
    assert len([r for r in proxy.requests if r.method == "GET" and "uploadId=" in r.target]) >= 1   # ListParts
    _stored_once(srv, target, "mp-resume", files)
    assert not d.exists()
    assert q.load(f"{target.prefix}/mp-resume/{files[0]['object']}") is None


@pytest.mark.evidence("fault")
def test_completion_answer_lost_is_proven_by_412(s3_server_module, proxy, tmp_path):
    """Storage assembled the object but the answer never came: the retry must not store it twice."""
    srv = s3_server_module
    target = _target(srv, proxy.endpoint)
    d, files = _job(tmp_path, "mp-lost", PART + 5000)
    key = f"mp-lost/{files[0]['object']}"
    journal = _queue(tmp_path, target)
    proxy.lose_responses("?uploadId=", method="POST")         # CompleteMultipartUpload (parts are PUTs)
    with pytest.raises(StorageError, match="closed the connection|unreachable"):
        target.put(key, d / files[0]["name"], files[0]["sha256"], journal)
    assert proxy.held.is_set()
    completes = proxy.requests_matching("?uploadId=", "POST")
    assert completes and completes[0].status == 200          # storage did assemble it
    proxy.release()
    assert journal.load(f"{target.prefix}/{key}") is not None
    assert target.put(key, d / files[0]["name"], files[0]["sha256"], journal) == PutResult.EXISTS
    versions = srv.list_versions(f"{target.prefix}/{key}")
    assert len(versions) == 1
    assert hashlib.sha256(srv.get(f"{target.prefix}/{key}")).hexdigest() == files[0]["sha256"]


@pytest.mark.parametrize("fault", ["drop-mid-upload", "latency", "slow-link", "blackhole", "long-blackhole",
                                   "storage-restart"])
@pytest.mark.evidence("fault")
def test_every_recording_lands_exactly_once_after_a_fault(s3_server_module, proxy, tmp_path, fault):
    srv = s3_server_module
    target = _target(srv, proxy.endpoint)
    # The app's own retry setting: "uploads resume within 10 s of connectivity returning" is about it.
    q = _queue(tmp_path, target, BY_KEY["storage.retry_max_seconds"].default)
    jobs = {}
    for i, size in enumerate((300_000, PART + 70_000, 40_000, 2 * PART + 1)):
        cid = f"fault-{fault}-{i}"
        jobs[cid] = _job(tmp_path, cid, size)
    if fault == "drop-mid-upload":
        proxy.drop_requests("ogg.age", after_bytes=100_000)
    elif fault == "latency":
        proxy.latency_s = 0.15
    elif fault == "slow-link":
        proxy.rate_bps = 4 * MIB
    elif fault in ("blackhole", "long-blackhole"):
        proxy.blackhole()
    elif fault == "storage-restart":
        srv.stop()
    for cid, (d, files) in jobs.items():
        q.enqueue(cid, d, cid, files)
    q.start()
    try:
        recovers = fault in ("drop-mid-upload", "blackhole", "long-blackhole", "storage-restart")
        if recovers:
            # A long outage ends while requests are deep in their silence timeout (and a retry of it).
            time.sleep(12.0 if fault == "long-blackhole" else 2.0)
            assert q.status().pending == len(jobs)       # nothing is lost while it fails
            if fault == "storage-restart":
                assert q.status().last_error is not None
                srv.start()
            else:
                proxy.release() if fault == "drop-mid-upload" else proxy.set_mode("pass")
            back = time.monotonic()
        wait_for(lambda: q.status().pending == 0, 90, interval=0.05, message=f"the queue to drain after {fault}")
        if recovers:
            took = time.monotonic() - back
            print(f"{fault}: drained {took:.1f} s after recovery")
            # Requests stuck on a dead connection give up after their silence timeout and go again at
            # once; the rest is uploading about 16 MB on loopback.
            assert took <= 10.0, f"{fault}: uploads took {took:.1f} s to finish after the network came back"
    finally:
        q.stop()
        proxy.latency_s = 0.0
        proxy.rate_bps = 0.0
        if not srv.running:
            srv.start()
    for cid, (d, files) in jobs.items():
        _stored_once(srv, target, cid, files)
        assert not d.exists(), f"{cid}: local copy kept after upload"
    assert q.status().last_error is None


@pytest.mark.evidence("crash")
def test_kill9_during_multipart_at_random_points(s3_server_module, proxy, tmp_path):
    """20 calls, each upload SIGKILLed at a random point; after a restart all 20 are stored once and correct.

    The link is capped at 24 MiB/s so each 3-part upload lasts about 0.6 s and the kill lands
    anywhere in it: creating the upload, a part in flight, between parts, completing.
    """
    srv = s3_server_module
    agent, (key_id, secret) = next(iter(srv.agents.items()))
    jobs = {f"mp-kill-{i}": _job(tmp_path, f"mp-kill-{i}", 3 * PART - 1000 * i) for i in range(20)}
    proxy.rate_bps = 24 * MIB
    script = textwrap.dedent(f"""
        import json, sys, time
        sys.path.insert(0, {str(ROOT / 'desktop')!r})
        from pathlib import Path
        from taltio.adapters.storage import S3Target
        from taltio.upload.queue import UploadQueue
        t = S3Target({srv.bucket!r}, {f'agents/{agent}'!r}, {proxy.endpoint!r}, "us-east-1", {key_id!r}, {secret!r})
        t.multipart_threshold = t.part_size = {PART}
        call = sys.argv[1]
        q = UploadQueue(Path({str(tmp_path / 'q.sqlite3')!r}), t, retry_max_s=0.2, workers=1 if call != "all" else 4)
        if call != "all":
            d, files = json.loads(sys.argv[2])
            q.enqueue(call, Path(d), call, files)
        t.client                      # boto3 set up before the clock starts
        print("GO", flush=True)
        q.start()
        while q.status().pending:
            time.sleep(0.01)
        print("DONE", flush=True)
        q.stop()
    """)
    import json

    rng = random.Random(1234)
    killed = 0
    try:
        for call, (d, files) in jobs.items():
            p = subprocess.Popen([sys.executable, "-c", script, call, json.dumps([str(d), files])],
                                 stdout=subprocess.PIPE, text=True)
            assert p.stdout is not None
            assert p.stdout.readline().strip() == "GO"
            try:
                p.wait(timeout=rng.uniform(0.0, 0.8))
            except subprocess.TimeoutExpired:
                p.kill()
                killed += 1
            p.wait()
            p.stdout.close()
        proxy.rate_bps = 0.0
        r = subprocess.run([sys.executable, "-c", script, "all"], capture_output=True, text=True, timeout=300)
        assert "DONE" in r.stdout, r.stderr[-2000:]
    finally:
        proxy.rate_bps = 0.0
    print(f"killed {killed} of {len(jobs)} uploads mid-way")
    assert killed >= 15, "most uploads finished before their kill: the test did not test anything"
    t = _target(srv, srv.endpoint)
    for call, (d, files) in jobs.items():
        _stored_once(srv, t, call, files)
        assert not d.exists()
