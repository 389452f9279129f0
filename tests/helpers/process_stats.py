"""What this test process holds and spends, read from /proc (Linux): for soak and leak evidence.

Counted, not sampled by a tool, so a figure in the evidence report is exactly what an assertion checked:
resident memory after a full garbage collection, open file descriptors, threads (Python's and the native
ones /proc lists: PyAV's, pyrage's, SQLite's), and CPU seconds per thread, so a busy idle names its thread.
"""
from __future__ import annotations

import gc
import os
import threading
from dataclasses import dataclass
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK")
MIB = 1024 * 1024


@dataclass(frozen=True)
class Holdings:
    """One reading of what the process holds."""
    rss_bytes: int
    fd_targets: tuple[str, ...]   # what each open descriptor points at, sorted (see open_fds)
    tasks: int                    # threads the kernel lists (/proc/self/task), native ones included
    py_threads: tuple[str, ...]   # threading.enumerate() names, sorted

    @property
    def rss_mib(self) -> float:
        return self.rss_bytes / MIB

    @property
    def fds(self) -> int:
        return len(self.fd_targets)


def rss_bytes() -> int:
    """VmRSS of this process, after a full collection so garbage waiting for the collector is not counted."""
    gc.collect()
    with open("/proc/self/status") as f:
        kib = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
    return kib * 1024


def open_fds() -> list[str]:
    """What each open descriptor points at (socket:[…], a path, pipe:[…]), without the one listing them."""
    out = []
    for name in os.listdir("/proc/self/fd"):
        try:
            out.append(os.readlink(f"/proc/self/fd/{name}"))
        except OSError:
            continue                # the listing's own descriptor, closed meanwhile
    return sorted(out)


def holdings() -> Holdings:
    return Holdings(rss_bytes(), tuple(open_fds()), len(os.listdir("/proc/self/task")),
                    tuple(sorted(t.name for t in threading.enumerate())))


def thread_cpu() -> dict[str, float]:
    """CPU seconds so far of each thread of this process, by "name/tid" (the kernel's 15-character name)."""
    out: dict[str, float] = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            stat = (task / "stat").read_text()
        except OSError:
            continue                # it ended meanwhile
        comm, rest = stat.split("(", 1)[1].rsplit(")", 1)
        fields = rest.split()
        out[f"{comm}/{task.name}"] = (int(fields[11]) + int(fields[12])) / _TICK
    return out
