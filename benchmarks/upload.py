"""Uploads: Taltio's durable queue against rclone, to the same SeaweedFS on loopback, in the same run.

Storage is the test suite's SeaweedFS (tests/fixtures/s3.py ``start_s3``): the product's bucket set-up
(Object Lock, COMPLIANCE default retention, versioning), an admin identity and one put-only agent
identity. Taltio's side is the app's own upload path, built as ``core/app_core.py`` builds it:
``UploadQueue(db, S3Target(bucket, "agents", endpoint, region, agent key, secret), retry_max_s)`` with
jobs shaped as ``Controller.finish`` enqueues them (audio ``<call>.opus.age`` first, then
``manifest.json`` as ``<call>.manifest.json`` carrying ``manifest.json.sig`` as its
``x-amz-meta-sshsig``: two objects per call; key prefix ``<agent>/<YYYY/MM/DD>``), using only the queue's public API (``enqueue``, ``start``, ``stop``,
``status``, ``listeners``), so the benchmark keeps working whatever the queue and ``S3Target.put``
do inside. File contents are random bytes of the real sizes (the audio is age ciphertext, which is
incompressible; the manifest is ~2 KB of JSON and its SSH signature ~0.3 KB).

A. Call end -> objects verified in storage, per call (criterion: p95 <= 1 s on loopback).
   --calls N calls, each with a 5-minute call's files (218 KB per call-minute: the Opus 28 kbit/s
   figure of docs/performance.md, so 1.09 MB of audio), enqueued one at a time into a running queue.
   Latency = from ``enqueue`` (the call has ended and the recorder has sealed its files) to the queue's
   own confirmation (a listener sees the job done: storage accepted every object with its SHA-256).
   After each call, outside the timing, the admin client HEADs every object (``ChecksumMode=ENABLED``)
   and compares size and ``ChecksumSHA256``. One untimed warm-up call first (boto3's client set-up).
   Peer: ``rclone copy CALLDIR remote:BUCKET/PREFIX/DAY/`` of the call folder's three files (same names),
   one rclone process per call, timed from spawn to exit: what a script uploading each call would do.

B. Backlog drain: --backlog N jobs of --size-kb KB audio + manifest + signature, all enqueued before
   ``start()``; time from ``start()`` to the queue reporting nothing pending (a fresh queue and
   S3Target, as after an app restart). Peer: ``rclone copy`` of the same files (hard links, so the
   same bytes; same object names) into a fresh prefix each time, with the admin identity: rclone's
   defaults (``--transfers 4``) once before and once after Taltio's drain, and ``--transfers 1`` for
   information. MB/s and files/s; the figure is the ratio taltio / rclone's defaults (the mean of the
   before and after runs). CPU of the client (this process for Taltio, rclone's from wait4) and of
   the SeaweedFS process during each, from /proc.

rclone is configured only through RCLONE_CONFIG_BENCH_* environment variables (RCLONE_CONFIG points
to an empty file in the temp dir): no secrets on disk outside the temp dir. It is installed with
apt-get when missing (Debian 12: rclone 1.60).

    python benchmarks/upload.py [--calls 30] [--backlog 1000] [--size-kb 500] [--call-minutes 5]
                                [--json out.json]
"""
from __future__ import annotations

import argparse
import base64
import datetime as dt
import hashlib
import json
import os
import platform
import resource
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DESKTOP, ROOT  # noqa: E402,F401  (puts DESKTOP and ROOT on sys.path)

from taltio.adapters.storage import S3Target  # noqa: E402
from taltio.upload.queue import UploadQueue  # noqa: E402
from tests.fixtures.s3 import REGION, start_s3  # noqa: E402

AGENT = "agent-bench"
KB_PER_CALL_MINUTE = 218          # Opus 28 kbit/s, double-talk, final .age (docs/performance.md)
MANIFEST_BYTES = 2000
SIG_BYTES = 300
TARGET_P95_S = 1.0

# Loopback only: never through a proxy from the environment (boto3 and rclone both honour NO_PROXY).
os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"


# ------------------------------------------------------------------ helpers
def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pct(xs: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    s = sorted(xs)
    k = max(0, min(len(s) - 1, int(round(p / 100 * len(s) + 0.5)) - 1))
    return s[k]


def summary(xs: list[float]) -> dict:
    return {"n": len(xs), "min": min(xs), "p50": statistics.median(xs), "p95": pct(xs, 95), "max": max(xs),
            "mean": statistics.fmean(xs)}


def cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def proc_cpu(pid: int) -> float:
    """utime + stime of a process and its waited-for children, seconds, from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / os.sysconf("SC_CLK_TCK")


def tree_cpu(pid: int) -> float:
    """CPU of a process and every live descendant (weed mini runs its parts in one process, but be safe)."""
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        total += proc_cpu(p)
        try:
            for t in Path(f"/proc/{p}/task").iterdir():
                todo.extend(int(c) for c in (t / "children").read_text().split())
        except OSError:
            pass
    return total


def ensure_rclone() -> str:
    """rclone on PATH, installed with apt-get when missing (benchmarks install their own peer tools)."""
    exe = shutil.which("rclone")
    if exe:
        return exe
    print("rclone missing: apt-get install -y rclone", flush=True)
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    r = subprocess.run([*sudo, "apt-get", "install", "-y", "--no-install-recommends", "rclone"], env=env)
    if r.returncode != 0:
        subprocess.run([*sudo, "apt-get", "update"], env=env, check=True)
        subprocess.run([*sudo, "apt-get", "install", "-y", "--no-install-recommends", "rclone"], env=env, check=True)
    exe = shutil.which("rclone")
    if not exe:
        raise SystemExit("rclone could not be installed")
    return exe


def rclone_version(exe: str) -> str:
    out = subprocess.run([exe, "version"], capture_output=True, text=True).stdout
    return out.splitlines()[0].strip() if out else "rclone (unknown version)"


class Rclone:
    """rclone with an ``bench:`` remote for the SeaweedFS admin identity, configured by environment only."""

    def __init__(self, exe: str, srv, tmp: Path) -> None:
        self.exe = exe
        cfg = tmp / "rclone.conf"
        cfg.write_text("")        # empty: no remote and no secret in it; keeps rclone off ~/.config
        # No AWS_* from the environment: rclone's AWS SDK refuses AWS_CA_BUNDLE with its own transport
        # (LoadCustomCABundleError), and the endpoint is plain http on loopback anyway.
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        self.env.update({
            "RCLONE_CONFIG": str(cfg),
            "RCLONE_CONFIG_BENCH_TYPE": "s3",
            "RCLONE_CONFIG_BENCH_PROVIDER": "Other",
            "RCLONE_CONFIG_BENCH_ENDPOINT": srv.endpoint,
            "RCLONE_CONFIG_BENCH_REGION": REGION,
            "RCLONE_CONFIG_BENCH_ACCESS_KEY_ID": srv.admin_key,
            "RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY": srv.admin_secret,
            "RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE": "true",
        })
        self.bucket = srv.bucket

    def copy(self, src: Path, prefix: str, *extra: str) -> tuple[float, float]:
        """``rclone copy SRC bench:BUCKET/PREFIX``; returns (wall s, CPU s of rclone)."""
        c0 = cpu_children()
        t0 = time.perf_counter()
        r = subprocess.run([self.exe, "copy", str(src), f"bench:{self.bucket}/{prefix}", *extra],
                           env=self.env, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if r.returncode != 0:
            raise RuntimeError(f"rclone copy failed ({r.returncode}): {r.stderr[-2000:]}")
        return wall, cpu_children() - c0


# ------------------------------------------------------------------ call files
def make_call(calls_dir: Path, call_id: str, audio_bytes: int) -> tuple[Path, list[dict], list[dict]]:
    """A call folder as the recorder and Controller.finish leave it.

    Returns (dir, its three files, the job's file list). The job, as Controller.finish enqueues it,
    has two entries: the audio, and the manifest naming its signature file (stored with it as the
    object's metadata, one PUT). rclone copies the three files of the folder.
    """
    d = calls_dir / call_id
    d.mkdir(parents=True)
    audio_name = f"{call_id}.opus.age"
    audio = os.urandom(audio_bytes)    # age ciphertext: indistinguishable from random bytes
    body = json.dumps({"call_id": call_id, "agent_id": AGENT, "pad": secrets.token_hex(MANIFEST_BYTES)})
    manifest = body.encode()[:MANIFEST_BYTES - 2] + b'"}'
    sig = b"-----BEGIN SSH SIGNATURE-----\n" + base64.encodebytes(os.urandom(SIG_BYTES - 60)) + \
        b"-----END SSH SIGNATURE-----\n"
    files = []
    for name, obj, data in ((audio_name, audio_name, audio),
                            ("manifest.json.sig", f"{call_id}.manifest.json.sig", sig),
                            ("manifest.json", f"{call_id}.manifest.json", manifest)):
        (d / name).write_bytes(data)
        files.append({"name": name, "object": obj, "sha256": sha256_hex(data), "size": len(data)})
    job = [files[0], {**files[2], "signature": files[1]["name"]}]
    return d, files, job


def signatures(call_dir: Path, job: list[dict]) -> dict[str, bytes]:
    """object -> the signature its job entry names (read before the queue removes the folder)."""
    return {f["object"]: (call_dir / f["signature"]).read_bytes() for f in job if f.get("signature")}


def link_for_rclone(call_dir: Path, files: list[dict], dest: Path) -> None:
    """Hard-link the call's files into *dest* under their object names (the queue deletes call_dir)."""
    dest.mkdir(parents=True, exist_ok=True)
    for f in files:
        os.link(call_dir / f["name"], dest / f["object"])


class Done:
    """Queue listener: set when the queue reports no job pending (every file of every job confirmed)."""

    def __init__(self) -> None:
        self.ev = threading.Event()
        self.at: float | None = None

    def __call__(self, st) -> None:
        if st.pending == 0:
            if not self.ev.is_set():
                self.at = time.perf_counter()
            self.ev.set()

    def arm(self) -> None:
        self.at = None
        self.ev.clear()


def verify(srv, key_prefix: str, files: list[dict], sigs: dict[str, bytes]) -> None:
    """Admin HEAD of every object with ChecksumMode=ENABLED: size and SHA-256 as enqueued, and a
    manifest's signature (x-amz-meta-sshsig) as in the call folder (*sigs*: object -> signature)."""
    from taltio.domain.sshsig import to_header

    s3 = srv.admin_client()
    for f in files:
        key = f"{key_prefix}/{f['object']}"
        h = s3.head_object(Bucket=srv.bucket, Key=key, ChecksumMode="ENABLED")
        if f.get("signature") and h.get("Metadata", {}).get("sshsig") != to_header(sigs[f["object"]]):
            raise AssertionError(f"{key}: stored without its signature ({h.get('Metadata')})")
        if h["ContentLength"] != f["size"]:
            raise AssertionError(f"{key}: size {h['ContentLength']} != {f['size']}")
        want = base64.b64encode(bytes.fromhex(f["sha256"])).decode()
        if h.get("ChecksumSHA256") != want:
            raise AssertionError(f"{key}: ChecksumSHA256 {h.get('ChecksumSHA256')} != {want}")


def count_objects(srv, prefix: str) -> tuple[int, int]:
    n = size = 0
    for page in srv.admin_client().get_paginator("list_objects_v2").paginate(Bucket=srv.bucket, Prefix=prefix):
        for o in page.get("Contents", []):
            n += 1
            size += o["Size"]
    return n, size



def _default_workers() -> int:
    from taltio.settings import BY_KEY

    return BY_KEY["storage.parallel_uploads"].default


WORKERS = _default_workers()

def make_queue(tmp: Path, name: str, srv) -> UploadQueue:
    key, secret = srv.agents[AGENT]
    target = S3Target(srv.bucket, "agents", srv.endpoint, REGION, key, secret,
                      probe_key=f"{AGENT}/_probe/ws-bench")
    return UploadQueue(tmp / f"{name}.sqlite3", target, 1.0, workers=WORKERS)


# ------------------------------------------------------------------ part A
def part_a(srv, rc: Rclone, tmp: Path, calls: int, minutes: float, gap: float) -> dict:
    audio_bytes = int(KB_PER_CALL_MINUTE * 1000 * minutes)
    day = dt.datetime.now(dt.timezone.utc).strftime("%Y/%m/%d")
    key_prefix = f"{AGENT}/{day}"
    q = make_queue(tmp, "queue-a", srv)
    done = Done()
    q.listeners.append(done)
    q.start()
    lat_t, lat_r, cpu_r = [], [], []
    try:
        for i in range(-1, calls):           # i = -1: untimed warm-up (boto3 client, first connection)
            call_id = f"a{i + 1:04d}-{secrets.token_hex(4)}" if i >= 0 else f"warmup-{secrets.token_hex(4)}"
            d, files, job = make_call(tmp / "calls-a", call_id, audio_bytes)
            sigs = signatures(d, job)
            src = tmp / "rclone-a" / call_id
            link_for_rclone(d, files, src)
            time.sleep(gap)
            done.arm()
            t0 = time.perf_counter()
            q.enqueue(call_id, d, key_prefix, job)
            if not done.ev.wait(60):
                raise RuntimeError(f"call {call_id} not uploaded in 60 s: {q.status()}")
            took = done.at - t0
            verify(srv, f"agents/{key_prefix}", job, sigs)       # outside the timing
            if d.exists():
                raise AssertionError(f"{d} still there after the job was done")
            time.sleep(gap)
            wall, cpu = rc.copy(src, f"rclone-a/{day}")
            if i >= 0:
                lat_t.append(took)
                lat_r.append(wall)
                cpu_r.append(cpu)
                print(f"  call {i + 1:3d}/{calls}: taltio {took * 1000:7.1f} ms   rclone {wall * 1000:7.1f} ms",
                      flush=True)
            shutil.rmtree(src)
    finally:
        q.stop()
    n, _ = count_objects(srv, f"rclone-a/{day}/a")
    if n != 3 * calls:
        raise AssertionError(f"rclone stored {n} objects, expected {3 * calls}")
    t, r = summary(lat_t), summary(lat_r)
    return {"calls": calls, "call_minutes": minutes, "audio_bytes": audio_bytes,
            "call_bytes": audio_bytes + MANIFEST_BYTES + SIG_BYTES, "taltio_s": t, "rclone_s": r,
            "ratio_p95": t["p95"] / r["p95"], "ratio_p50": t["p50"] / r["p50"], "target_p95_s": TARGET_P95_S,
            "met": t["p95"] <= TARGET_P95_S, "rclone_cpu_s_per_call": statistics.fmean(cpu_r),
            "taltio_raw_s": lat_t, "rclone_raw_s": lat_r}


# ------------------------------------------------------------------ part B
def part_b(srv, rc: Rclone, tmp: Path, backlog: int, size_kb: float) -> dict:
    audio_bytes = int(size_kb * 1000)
    day = dt.datetime.now(dt.timezone.utc).strftime("%Y/%m/%d")
    key_prefix = f"{AGENT}/{day}"
    src = tmp / "rclone-b"
    q = make_queue(tmp, "queue-b", srv)
    jobs = []
    t_make = time.perf_counter()
    for i in range(backlog):
        call_id = f"b{i:05d}-{secrets.token_hex(4)}"
        d, files, job = make_call(tmp / "calls-b", call_id, audio_bytes)
        link_for_rclone(d, files, src)
        jobs.append((job, signatures(d, job), sum(f["size"] for f in files)))
        q.enqueue(call_id, d, key_prefix, job)
    total_bytes = sum(size for _, _, size in jobs)        # the three files of each call folder
    n_files = 3 * backlog
    print(f"  {backlog} jobs ({n_files} files, {total_bytes / 1e6:.1f} MB) queued in "
          f"{time.perf_counter() - t_make:.1f} s", flush=True)
    if q.status().pending != backlog:
        raise AssertionError(f"{q.status().pending} pending, expected {backlog}")
    os.sync()                               # the page cache holds the sources for everyone alike

    weed_pid = srv._proc.pid

    def rclone_row(*extra: str) -> dict:
        prefix = f"rclone-b-{secrets.token_hex(3)}/{day}"
        w0 = tree_cpu(weed_pid)
        wall, cpu = rc.copy(src, prefix, *extra)
        row = {"wall_s": wall, "cpu_s": cpu, "storage_cpu_s": tree_cpu(weed_pid) - w0}
        n, size = count_objects(srv, prefix)
        if (n, size) != (n_files, total_bytes):
            raise AssertionError(f"rclone {extra}: stored {n} objects / {size} B, expected {n_files} / {total_bytes}")
        print(f"  rclone copy {' '.join(extra) or '(defaults)'}: {wall:.2f} s", flush=True)
        return row

    # rclone's defaults run before and after Taltio (the baseline is their mean), so neither side
    # gets a fresher or emptier store, or a quieter minute of a shared machine, than the other.
    rows = {"rclone (before)": rclone_row()}
    # Taltio: start() -> nothing pending.
    done = Done()
    q.listeners.append(done)
    w0, c0, t0 = tree_cpu(weed_pid), cpu_self(), time.perf_counter()
    q.start()
    if not done.ev.wait(3600):
        raise RuntimeError(f"backlog not drained: {q.status()}")
    wall = done.at - t0
    cpu, wcpu = cpu_self() - c0, tree_cpu(weed_pid) - w0
    q.stop()
    rows["taltio"] = {"wall_s": wall, "cpu_s": cpu, "storage_cpu_s": wcpu}
    print(f"  taltio queue: {wall:.2f} s", flush=True)
    t_ver = time.perf_counter()
    for job, sigs, _ in jobs:
        verify(srv, f"agents/{key_prefix}", job, sigs)
    print(f"  verified {2 * backlog} objects (HEAD + ChecksumSHA256 + signature metadata) in "
          f"{time.perf_counter() - t_ver:.1f} s", flush=True)
    left = list((tmp / "calls-b").iterdir())
    if left:
        raise AssertionError(f"{len(left)} call folders left after the drain")
    rows["rclone (after)"] = rclone_row()
    rows["rclone --transfers 1"] = rclone_row("--transfers", "1")

    for row in rows.values():
        row["mb_s"] = total_bytes / 1e6 / row["wall_s"]
        row["files_s"] = n_files / row["wall_s"]
        row["jobs_s"] = backlog / row["wall_s"]
    # Baseline: rclone's defaults, the mean of the runs before and after Taltio's.
    base = statistics.fmean([rows["rclone (before)"]["mb_s"], rows["rclone (after)"]["mb_s"]])
    for row in rows.values():
        row["ratio"] = row["mb_s"] / base
    return {"backlog": backlog, "size_kb": size_kb, "files": n_files, "bytes": total_bytes, "rows": rows,
            "rclone_mb_s": base, "ratio": rows["taltio"]["ratio"], "met": rows["taltio"]["ratio"] >= 1.0}


# ------------------------------------------------------------------ main
def machine() -> dict:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import boto3
    import botocore

    weed = subprocess.run([shutil.which("weed") or str(Path(sys.executable).parent / "weed"), "version"],
                          capture_output=True, text=True).stdout.strip().splitlines()
    return {"cpu": cpu, "cores": os.cpu_count(), "kernel": platform.release(), "python": platform.python_version(),
            "boto3": boto3.__version__, "botocore": botocore.__version__, "weed": weed[0] if weed else "?"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--calls", type=int, default=30, help="part A: calls (0 skips part A)")
    ap.add_argument("--call-minutes", type=float, default=5.0, help="part A: call length in minutes")
    ap.add_argument("--gap", type=float, default=0.2, help="part A: idle seconds before each upload")
    ap.add_argument("--backlog", type=int, default=1000, help="part B: queued jobs (0 skips part B)")
    ap.add_argument("--size-kb", type=float, default=500, help="part B: audio KB (1000 B) per job")
    ap.add_argument("--workers", type=int, default=None,
                    help="upload workers (default: the storage.parallel_uploads default)")
    ap.add_argument("--json", type=Path, help="write the results here")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir")
    a = ap.parse_args()
    global WORKERS
    if a.workers:
        WORKERS = a.workers

    exe = ensure_rclone()
    tmp = Path(tempfile.mkdtemp(prefix="taltio-upload-bench-"))
    srv = None
    out: dict = {}
    try:
        srv = start_s3(tmp / "s3", agent_ids=(AGENT,))
        rc = Rclone(exe, srv, tmp)
        out["machine"] = {**machine(), "rclone": rclone_version(exe), "desktop": str(DESKTOP)}
        print("machine:", json.dumps(out["machine"]), flush=True)
        if a.calls > 0:
            print(f"A. call end -> verified in storage, {a.calls} calls of {a.call_minutes:g} min", flush=True)
            out["latency"] = part_a(srv, rc, tmp, a.calls, a.call_minutes, a.gap)
        if a.backlog > 0:
            print(f"B. backlog drain, {a.backlog} jobs of {a.size_kb:g} KB", flush=True)
            out["drain"] = part_b(srv, rc, tmp, a.backlog, a.size_kb)
    finally:
        if srv is not None:
            srv.stop()
        if a.keep:
            print("kept", tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    print()
    if "latency" in out:
        L = out["latency"]
        print(f"A. call end -> objects verified in storage: {L['calls']} calls of {L['call_minutes']:g} min "
              f"({L['call_bytes'] / 1e6:.2f} MB each: audio + manifest + signature)")
        print("| uploader | p50 ms | p95 ms | max ms |")
        print("|---|---|---|---|")
        for name, k in (("taltio queue (S3Target, agent key)", "taltio_s"), ("rclone copy (one process per call)",
                                                                             "rclone_s")):
            s = L[k]
            print(f"| {name} | {s['p50'] * 1000:.1f} | {s['p95'] * 1000:.1f} | {s['max'] * 1000:.1f} |")
        print(f"ratio p95 taltio/rclone = {L['ratio_p95']:.2f} (p50 {L['ratio_p50']:.2f}); "
              f"taltio p95 {L['taltio_s']['p95'] * 1000:.0f} ms against the {TARGET_P95_S * 1000:.0f} ms target: "
              f"{'met' if L['met'] else 'NOT met'}")
    if "drain" in out:
        D = out["drain"]
        print(f"\nB. backlog drain: {D['backlog']} jobs, {D['files']} files, {D['bytes'] / 1e6:.1f} MB")
        print("| uploader | s | MB/s | files/s | calls/s | ratio vs rclone defaults | client CPU s | storage CPU s |")
        print("|---|---|---|---|---|---|---|---|")
        for name, r in D["rows"].items():
            print(f"| {name} | {r['wall_s']:.2f} | {r['mb_s']:.2f} | {r['files_s']:.1f} | {r['jobs_s']:.1f} | "
                  f"{r['ratio']:.2f} | {r['cpu_s']:.2f} | {r['storage_cpu_s']:.2f} |")
        print(f"ratio taltio/rclone (defaults: --transfers 4; mean of before and after, {D['rclone_mb_s']:.2f} MB/s) "
              f"= {D['ratio']:.2f}: {'met' if D['met'] else 'NOT met'}")
    if a.json:
        a.json.write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
