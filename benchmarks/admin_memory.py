"""taltio-admin decrypt keeps its memory flat on a two-hour call, and runs about as fast as `age -d`.

Builds a synthetic 2-hour, 16 kHz stereo FLAC call (noise + tone, written by soundfile in
blocks, encrypted with pyrage.encrypt_io) in a folder store laid out like the bucket, with a
manifest signed by a test workstation key registered in a trust file. Then runs, each as its
own process, its peak RSS read from /proc (VmHWM):

* the baseline: `taltio-admin --help` (interpreter + argparse);
* `taltio-admin decrypt` of a 1-second call (the same imports and code path, tiny data);
* `taltio-admin decrypt` of the 2-hour call;
* `age -d` of the same object, for the time.

Fails (exit 1) when decrypting the 2-hour call grows RSS by 64 MiB or more over the baseline.
Run: `.venv/bin/python benchmarks/admin_memory.py [--minutes 120] [--keep DIR]`.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyrage
import soundfile as sf
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))
from taltio.domain import sshsig  # noqa: E402

RATE, LIMIT_MIB, AGENT, DAY = 16000, 64, "agent-bench", "2026/01/02"


def _flac(path: Path, seconds: int) -> None:
    """Noise plus a 440 Hz tone, a minute at a time: the generator must not hold two hours either."""
    rng = np.random.default_rng(14)
    with sf.SoundFile(path, "w", RATE, 2, format="FLAC", subtype="PCM_16") as f:
        for start in range(0, seconds, 60):
            n = min(60, seconds - start) * RATE
            t = (np.arange(n) + start * RATE) / RATE
            tone = 0.3 * np.sin(2 * np.pi * 440 * t)
            f.write(np.stack([tone, tone * 0.5], axis=1) + rng.normal(0, 0.05, (n, 2)))


def make_call(store: Path, call_id: str, seconds: int, recipient, key: Ed25519PrivateKey) -> Path:
    folder = store / AGENT / DAY
    folder.mkdir(parents=True, exist_ok=True)
    plain, enc = folder.parent / f"{call_id}.flac", folder / f"{call_id}.flac.age"
    _flac(plain, seconds)
    with open(plain, "rb") as src, open(enc, "wb") as dst:
        pyrage.encrypt_io(src, dst, [recipient])
    plain.unlink()
    h = hashlib.sha256()
    with open(enc, "rb") as fh:
        while b := fh.read(1 << 20):
            h.update(b)
    t0 = "2026-01-02T10:00:00Z"
    doc = {"schema": "taltio.manifest", "schema_version": 1, "call_id": call_id, "agent_id": AGENT,
           "workstation_key": sshsig.public_openssh(key.public_key()), "outcome": "completed",
           "times": {"ring": t0, "answer": t0, "notice_given": t0, "recording_start": t0, "end": t0},
           "notice": {"mode": "agent"}, "pauses": [], "bookmarks": [],
           "audio": {"codec": "flac", "encryption": "age", "sample_rate": RATE, "segments": None,
                     "file": {"name": enc.name, "sha256": h.hexdigest(), "size": enc.stat().st_size}}}
    body = (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode()
    (folder / f"{call_id}.manifest.json").write_bytes(body)
    (folder / f"{call_id}.manifest.json.sig").write_text(sshsig.sign(key, body, sshsig.NS_MANIFEST))
    return enc


def _hwm(pid: int) -> float | None:
    """VmHWM (peak RSS) of a running process in MiB. Not rusage: on Linux ru_maxrss carries the
    parent's RSS across fork+exec, which would hide the child's own figure behind this script's."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


def measure(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(peak RSS in MiB, wall seconds) of one child process, polling its VmHWM until it exits."""
    t = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0.0
    while proc.poll() is None:
        # A zombie has no mm; the peak is monotonic, so the last live reading is (within 10 ms) the peak.
        peak = max(peak, _hwm(proc.pid) or 0.0)
        time.sleep(0.01)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{' '.join(args[:4])}... failed ({proc.returncode}): {err}")
    return peak, wall


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minutes", type=int, default=120)
    ap.add_argument("--keep", type=Path, help="build in this folder and keep it")
    ns = ap.parse_args()
    work = ns.keep or Path(tempfile.mkdtemp(prefix="taltio-admin-mem-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return _run(work, ns.minutes)
    finally:
        if not ns.keep:
            shutil.rmtree(work, ignore_errors=True)


def _run(work: Path, minutes: int) -> int:
    ident = pyrage.x25519.Identity.generate()
    (work / "org.key").write_text(f"{ident}\n")
    key = Ed25519PrivateKey.generate()
    store = work / "store"
    t = time.perf_counter()
    big = make_call(store, "long-1", minutes * 60, ident.to_public(), key)
    make_call(store, "short-1", 1, ident.to_public(), key)
    print(f"built a {minutes} min FLAC call: {big.stat().st_size / 2**20:.0f} MiB encrypted "
          f"({time.perf_counter() - t:.1f} s)")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "desktop"), "TALTIO_TRUST_FILE": str(work / "trust.json")}
    admin = [sys.executable, "-m", "taltio.admin"]
    subprocess.run([*admin, "trust", "add", AGENT, sshsig.public_openssh(key.public_key())], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    common = ["--store", f"file://{store}", "--identity", str(work / "org.key")]
    base, _ = measure([*admin, "--help"], env)
    short, _ = measure([*admin, "decrypt", "short-1", *common, "-o", str(work / "short.flac")], env)
    long_rss, long_s = measure([*admin, "decrypt", "long-1", *common, "-o", str(work / "long.flac")], env)
    age_rss, age_s = measure(["age", "-d", "-i", str(work / "org.key"), "-o", str(work / "age.flac"), str(big)])
    same = _same(work / "long.flac", work / "age.flac")
    growth = long_rss - base
    print(f"peak RSS: --help {base:.1f} MiB, decrypt 1 s call {short:.1f} MiB, decrypt {minutes} min call "
          f"{long_rss:.1f} MiB (growth {growth:+.1f} MiB over --help, {long_rss - short:+.1f} over the 1 s call; "
          f"limit {LIMIT_MIB})")
    print(f"time: taltio-admin decrypt (verify + decrypt) {long_s:.1f} s; age -d {age_s:.1f} s "
          f"(age peak RSS {age_rss:.1f} MiB); outputs identical: {same}")
    return 0 if growth < LIMIT_MIB and same else 1


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while b := fh.read(1 << 20):
            h.update(b)
    return h.hexdigest()


def _same(a: Path, b: Path) -> bool:
    return _digest(a) == _digest(b)


if __name__ == "__main__":
    sys.exit(main())
