"""Idle CPU: the whole `taltio` app process with no call, and its GUI thread while a call records.

The real app (``taltio run``, offscreen Qt, hook adapter, folder storage target) runs on the private PipeWire
server with gnome-keyring, as in benchmarks/cpu.py (``_common.AppWorld``). CPU is read from /proc: the whole
process from /proc/PID/stat, each thread from /proc/PID/task/TID/stat; the main thread (TID == PID) is the GUI
thread, where Qt's event loop, the tray, the pill and the status run.

A. idle: --seconds (default 60) with no call, after a 3 s settle, --repeats times (default 3); CPU s per idle
   minute of the whole process, and its resident memory (VmRSS) at the end of each window. Peer, side by side in the same windows: the empty PySide6 tray app of
   benchmarks/startup.py (its process's CPU).
B. recording: one call per repeat started with ``taltio hook`` (incoming, answered, notice-given) while the test
   speech plays into the mic and the softphone sink; --seconds of recording; CPU s per recorded minute of the GUI
   thread (the acceptance figure) and of the whole process, with the other threads for information.

``--compare DIR`` runs a second app from another copy of ``desktop/`` (e.g. ``git archive OLD desktop``) beside
the first, in the same windows and on the same audio, so a before/after is one run.

    python benchmarks/idle.py [--seconds 60] [--repeats 3] [--compare DIR] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DESKTOP, ROOT, AppWorld, make_call_audio, proc_cpu, start_call
from startup import EMPTY_TRAY

TICK = os.sysconf("SC_CLK_TCK")


def thread_cpu(pid: int) -> dict[str, float]:
    """CPU s so far of each thread of *pid*: "gui" for the main thread, else "comm/TID"."""
    out: dict[str, float] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            stat = (task / "stat").read_text()
        except OSError:
            continue                     # ended meanwhile
        comm, rest = stat.split("(", 1)[1].rsplit(")", 1)
        f = rest.split()
        name = "gui" if int(task.name) == pid else f"{comm}/{task.name}"
        out[name] = (int(f[11]) + int(f[12])) / TICK
    return out


def rss_mib(pid: int) -> float:
    """Resident memory of *pid* (VmRSS), MiB: the idle footprint a workstation pays all shift."""
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) / 1024


def delta(after: dict[str, float], before: dict[str, float]) -> dict[str, float]:
    return {k: v - before.get(k, 0.0) for k, v in after.items()}


def per_min(cpu: float, seconds: float) -> float:
    return cpu / seconds * 60


def idle_window(apps: dict[str, int], seconds: float) -> dict[str, dict]:
    """Whole-process and GUI-thread CPU s/min of each pid in *apps* over the same *seconds*."""
    p0 = {n: proc_cpu(pid) for n, pid in apps.items()}
    t0 = {n: thread_cpu(pid) for n, pid in apps.items()}
    w0 = time.monotonic()
    time.sleep(seconds)
    wall = time.monotonic() - w0
    out = {}
    for n, pid in apps.items():
        threads = delta(thread_cpu(pid), t0[n])
        out[n] = {"process": per_min(proc_cpu(pid) - p0[n], wall), "gui": per_min(threads.get("gui", 0.0), wall),
                  "threads": {k: per_min(v, wall) for k, v in threads.items() if v > 0}, "rss_mib": rss_mib(pid)}
    return out


def record_window(world: AppWorld, apps: dict[str, object], seconds: float, speech: Path, k: int) -> dict[str, dict]:
    """One call on every app at once, *seconds* of recording; CPU s per recorded minute (process, GUI, threads)."""
    players = [world.audio.play_mic(speech / "call-double-talk-agent.wav"),
               world.audio.play_customer(speech / "call-double-talk.wav")]
    time.sleep(0.5)
    try:
        for n, a in apps.items():
            start_call(a, f"idle-{n}-{k}")
        p0 = {n: proc_cpu(a.proc.pid) for n, a in apps.items()}
        t0 = {n: thread_cpu(a.proc.pid) for n, a in apps.items()}
        w0 = time.monotonic()
        time.sleep(seconds)
        wall = time.monotonic() - w0
        out = {}
        for n, a in apps.items():
            threads = delta(thread_cpu(a.proc.pid), t0[n])
            out[n] = {"process": per_min(proc_cpu(a.proc.pid) - p0[n], wall),
                      "gui": per_min(threads.get("gui", 0.0), wall),
                      "threads": {t: per_min(v, wall) for t, v in threads.items() if v > 0}}
        for n, a in apps.items():
            a.hook("ended", f"idle-{n}-{k}")
        for a in apps.values():
            a.wait_for(lambda st: not st.get("calls") and st.get("queue", {}).get("pending") == 0, timeout=60,
                       what="call ended and uploaded")
        return out
    finally:
        for p in players:
            p.terminate()
            p.wait()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=60.0, help="each idle and each recording window (default 60)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--compare", type=Path, help="also run the app from this copy of desktop/, side by side")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    print(f"Taltio code from {DESKTOP}" + (f"; compared with {args.compare}" if args.compare else ""), flush=True)
    with tempfile.TemporaryDirectory(prefix="tidle") as td:
        tmp = Path(td)
        world = AppWorld(tmp)
        empty = None
        try:
            make_call_audio(tmp / "speech", args.seconds + 30, "double-talk")
            apps = {"taltio": world.app("app")}
            if args.compare:
                ref = world.app("compare")
                ref.env["PYTHONPATH"] = str(args.compare.resolve()) + os.pathsep + str(ROOT)
                apps["compared"] = ref
            for a in apps.values():
                a.start()
            empty = subprocess.Popen([sys.executable, "-c", EMPTY_TRAY], stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     env={**world.audio.child_env(), "QT_QPA_PLATFORM": "offscreen",
                                          "TALTIO_READY_FILE": str(tmp / "empty-ready")})
            time.sleep(3.0)
            idle, rec = [], []
            for k in range(args.repeats):
                pids = {n: a.proc.pid for n, a in apps.items()} | {"empty tray app": empty.pid}
                idle.append(idle_window(pids, args.seconds))
                print(f"  idle window {k + 1} done", flush=True)
                rec.append(record_window(world, apps, args.seconds, tmp / "speech", k))
                print(f"  recording window {k + 1} done", flush=True)
                time.sleep(3.0)          # the upload and the "last call" note are over before the next idle window
        finally:
            if empty is not None:
                empty.terminate()
                empty.wait()
            world.stop()
    report(idle, rec, args)


def med(rows: list[dict], name: str, key: str) -> float:
    return statistics.median(r[name][key] for r in rows)


def report(idle: list[dict], rec: list[dict], args: argparse.Namespace) -> None:
    names = list(idle[0])
    print()
    print(f"A. idle, no call: CPU s per idle minute, median of {args.repeats} windows of {args.seconds:g} s "
          "(all processes in the same windows)")
    print(f"{'process':16s} {'whole process':>13s} {'GUI thread':>10s} {'vs empty app':>12s}  runs (process)")
    empty = med(idle, "empty tray app", "process")
    for n in names:
        p = med(idle, n, "process")
        ratio = f"{p / empty:.2f}" if empty > 0 else "-"
        print(f"{n:16s} {p:13.3f} {med(idle, n, 'gui'):10.3f} {ratio:>12s}  "
              + ", ".join(f"{r[n]['process']:.3f}" for r in idle))
    print("target: taltio whole process <= 0.05 CPU s per idle minute")
    print(f"idle RSS at the end of each window, MiB (median): " + ", ".join(
        f"{n} {med(idle, n, 'rss_mib'):.1f}" for n in names) + f"; taltio / empty tray app "
        f"{med(idle, names[0], 'rss_mib') / med(idle, 'empty tray app', 'rss_mib'):.2f}")
    print()
    print(f"B. recording one call: CPU s per recorded minute, median of {args.repeats} calls of {args.seconds:g} s")
    print(f"{'process':16s} {'GUI thread':>10s} {'whole process':>13s}  runs (GUI)")
    for n in rec[0]:
        print(f"{n:16s} {med(rec, n, 'gui'):10.3f} {med(rec, n, 'process'):13.3f}  "
              + ", ".join(f"{r[n]['gui']:.3f}" for r in rec))
        last = sorted(rec[-1][n]["threads"].items(), key=lambda kv: -kv[1])
        print(f"  {n}, by thread (last call): " + ", ".join(f"{t} {c:.2f}" for t, c in last if c >= 0.005))
    print("target: taltio GUI thread <= 0.2 CPU s per recorded minute")
    if args.json:
        args.json.write_text(json.dumps({"idle": idle, "recording": rec, "seconds": args.seconds,
                                         "desktop": str(DESKTOP), "compare": str(args.compare or "")}, indent=1))


if __name__ == "__main__":
    main()
