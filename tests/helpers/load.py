"""A CPU hog beside a test: both cores busy while the app records (issues 16.6 and 19.5)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

_BUSY_LOOP = "while True: pass"


@contextmanager
def busy_cores(n: int | None = None, limit_s: float = 300.0) -> Iterator[list[subprocess.Popen]]:
    """Keep *n* cores (default: all) busy: stress-ng if installed, else plain busy-loop processes.

    Every process is ended by its own pid when the block exits, and stress-ng's own timeout ends it even if
    this test process dies first.
    """
    n = n or os.cpu_count() or 2
    if shutil.which("stress-ng"):
        procs = [subprocess.Popen(["stress-ng", "--cpu", str(n), "--timeout", f"{int(limit_s)}s", "--quiet"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)]
    else:
        procs = [subprocess.Popen([sys.executable, "-c", _BUSY_LOOP], start_new_session=True) for _ in range(n)]
    try:
        time.sleep(0.5)         # the load is on before the call starts
        assert all(p.poll() is None for p in procs), "the load generator did not start"
        yield procs
    finally:
        for p in procs:
            try:
                os.killpg(p.pid, 15)        # stress-ng's workers are its children, in its own session
            except ProcessLookupError:
                pass
            p.wait(timeout=10)


def busy_fraction(seconds: float = 1.0) -> float:
    """How busy the CPUs were over *seconds* (from /proc/stat): shows the load really was on."""
    def sample() -> tuple[int, int]:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        idle = v[3] + v[4]
        return sum(v) - idle, sum(v)

    b0, t0 = sample()
    time.sleep(seconds)
    b1, t1 = sample()
    return (b1 - b0) / max(1, t1 - t0)
