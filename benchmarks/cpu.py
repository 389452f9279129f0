"""CPU per recorded minute: Taltio against `parecord | opusenc | age` at the same Opus bitrate.

Two parts, both against Debian's opus-tools 0.2 (libopus 1.3.1) and age 1.1 in the same run:

A. encode + encrypt + write, no capture: N minutes of two-voice 16 kHz stereo speech through Taltio's
   path (_common.encode_taltio: libsndfile -> EncryptedOggSink, 200 ms pages, an age segment sealed per
   second, final age file) against ``opusenc --cvbr --bitrate K call.wav - | age -r R -o out``; median
   of 3 runs. Taltio's side runs in a child process, once with soundfile's bundled libsndfile ("wheel",
   what the app ships today) and once with Debian's libsndfile1 ("system", see _libsel.py).

B. real-time capture from a private PipeWire server (tests/fixtures/audio.py) for --seconds (default
   60: one minute of real time), all contenders recording the same playback at the same time:
   * ``taltio capture@K (lib)``: a separate process with the app's capture shape (HEAD's
     SoundDeviceCapture): two sounddevice InputStreams on the ALSA aliases ``agent_mic`` and
     ``softphone_loopback`` with 20 ms blocks, a mixer thread pairing them into stereo frames, the
     encoder at the compression_level for K kbit/s, EncryptedOggSink.maybe_seal() after each write,
     finalize() at the end. CPU from just before the streams open to after finalize (interpreter
     start-up and imports excluded). Variants: 100 ms blocks, and capture alone (frames dropped).
   * ``taltio app``: the real app (``taltio run``, offscreen Qt, folder storage target) recording one
     call started with ``taltio hook``, with whatever encoder settings it has; CPU of its process from
     the first hook to the end of the upload, read from /proc (gross, and net of its idle rate).
   * ``parecord|opusenc|age@K``: ``parecord --device=softphone_out.monitor --raw --rate=16000
     --channels=2 | opusenc --raw ... --cvbr --bitrate K - - | age -r R -o out``; CPU of each of the
     three from wait4().
   The softphone sink plays a stereo file (agent left, customer right) and the mic plays the agent, so
   the peer's stereo holds both voices; Taltio's loopback channel is the sink's mono downmix. Both
   encode two channels of speech at 16 kHz.

    python benchmarks/cpu.py [--kbps 28] [--minutes 3] [--seconds 60] [--json out.json]
"""
from __future__ import annotations

import argparse
import io
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _libsel  # noqa: E402,F401 - before soundfile: TALTIO_BENCH_LIBSNDFILE=system picks the distro libsndfile

import numpy as np  # noqa: E402
import pyrage  # noqa: E402
import soundfile as sf  # noqa: E402

from _common import (DESKTOP, RATE, ROOT, AppWorld, cpu_children, cpu_self,  # noqa: E402
                     encode_taltio, find_manifest, make_call_audio, need, opus_level, proc_cpu,
                     queue_empty, start_call)

DEFAULT_KBPS = 56     # libsndfile's Opus default for 16 kHz stereo (OPUS_AUTO: 60*Fs/frame + Fs*channels)
# Constrained VBR: with plain VBR opusenc overshoots at 56 kbit/s on 16 kHz input (98 kbit/s measured);
# at 28 kbit/s --vbr and --cvbr give the same bytes and CPU. libsndfile uses libopus' default VBR.
PEER_VBR = "--cvbr"


def level_for(kbps: float) -> float | None:
    """compression_level for *kbps*; None (the app's current call, no level) for the libsndfile default."""
    return None if kbps == DEFAULT_KBPS else opus_level(int(kbps * 1000))


def ogg_seconds(plain: bytes) -> float:
    with sf.SoundFile(io.BytesIO(plain)) as f:
        n = 0
        try:
            for blk in f.blocks(RATE * 10, dtype="float32"):
                n += len(blk)
        except Exception:  # noqa: BLE001
            pass
        return n / f.samplerate


# ------------------------------------------------------------------------ part A
LIBS = ("wheel", "system")


def worker_env(lib: str, base: dict | None = None) -> dict:
    env = dict(base if base is not None else os.environ)
    env.update(PYTHONPATH=str(DESKTOP) + os.pathsep + str(ROOT), TALTIO_DESKTOP=str(DESKTOP),
               TALTIO_BENCH_LIBSNDFILE=lib)
    return env


def run_worker(args: list[str], env: dict, timeout: float) -> dict:
    r = subprocess.run([sys.executable, __file__, *args], env=env, capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        raise RuntimeError(f"worker {args} failed: {r.stderr[-2000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def offline_worker(wav: Path, kbps: float, out_dir: Path, recipient: str) -> None:
    """Runs in its own process (so the libsndfile choice applies): Taltio's path on *wav*; prints JSON."""
    x, rate = sf.read(wav, dtype="float32", always_2d=True)
    assert rate == RATE
    r = encode_taltio(x, out_dir, [pyrage.x25519.Recipient.from_str(recipient)], "opus", level_for(kbps))
    print(json.dumps({"cpu": r["cpu"], "size": r["size"], "lib": _libsel.describe()}), flush=True)


def offline(x: np.ndarray, wav: Path, tmp: Path, kbps_list: list[float], repeats: int) -> list[dict]:
    ident = pyrage.x25519.Identity.generate()
    rec = str(ident.to_public())
    secs = len(x) / RATE
    rows = []
    for kbps in kbps_list:
        runs: dict[str, list[float]] = {lib: [] for lib in LIBS}
        sizes: dict[str, int] = {}
        libnames: dict[str, str] = {}
        p_cpu, p_size = [], 0
        for k in range(repeats):
            for lib in LIBS:
                r = run_worker(["--offline-worker", "--wav", str(wav), "--kbps", f"{kbps:g}", "--out",
                                str(tmp / f"off-{lib}-{kbps:g}-{k}"), "--recipient", rec], worker_env(lib), 600)
                runs[lib].append(r["cpu"])
                sizes[lib] = r["size"]
                libnames[lib] = r["lib"]
            out = tmp / f"off-peer-{kbps:g}-{k}.age"
            c0 = cpu_children()
            subprocess.run(f"opusenc --quiet {PEER_VBR} --bitrate {kbps:g} '{wav}' - | age -r {rec} -o '{out}'",
                           shell=True, check=True)
            p_cpu.append(cpu_children() - c0)
            p_size = out.stat().st_size
        p = statistics.median(p_cpu)
        row = {"kbps": kbps, "seconds": secs, "peer_cpu": p, "peer_kbps": p_size * 8 / secs / 1000,
               "peer_per_min": p / secs * 60, "peer_runs": p_cpu}
        for lib in LIBS:
            t = statistics.median(runs[lib])
            row[lib] = {"cpu": t, "kbps": sizes[lib] * 8 / secs / 1000, "per_min": t / secs * 60, "ratio": t / p,
                        "runs": runs[lib], "lib": libnames[lib]}
        rows.append(row)
        print(f"  offline {kbps:g} kbit/s done", flush=True)
    return rows


# ------------------------------------------------------------------------ part B
def capture_worker(kbps: float, seconds: float, out_dir: Path, recipient: str, block_ms: float = 20.0,
                   encode: bool = True) -> None:
    """Runs in its own process: the app's own CallRecorder (capture + mixer + encoder + sink); prints JSON.

    The audio backend is the app's (make_backend("auto"): PipeWire/PulseAudio sources by name, captured
    through PortAudio). With encode=False only the app's Capture runs and its frames are dropped (the
    cost of capture alone). block_ms != 20 forces that PortAudio block size (an experiment; the app
    uses 20 ms).
    """
    import sounddevice as sd

    if block_ms != 20.0:
        orig = sd.InputStream.__init__

        def init(self, *a, **kw):
            kw["blocksize"] = int(RATE * block_ms / 1000)
            orig(self, *a, **kw)

        sd.InputStream.__init__ = init  # type: ignore[method-assign]

    from taltio.adapters.audio import make_backend
    from taltio.core.capture import Capture
    from taltio.core.recorder import CallRecorder

    out_dir.mkdir(parents=True, exist_ok=True)
    backend = make_backend("auto")
    mic = backend.find("agent_mic", "mic")
    loop = backend.find("softphone_out.monitor", "loopback")
    size = 0
    c0 = cpu_self()
    if encode:
        rec = CallRecorder(out_dir, [pyrage.x25519.Recipient.from_str(recipient)], backend, mic, loop, rate=RATE,
                           seal_every=1.0, opus_level=level_for(kbps))
        rec.start()
        time.sleep(seconds)
        res = rec.stop("call.age")
        frames, size = rec.frames_written, res.file.size
    else:
        count = [0]

        def on_frames(f: np.ndarray) -> None:
            count[0] += len(f)

        cap = Capture(backend, mic, loop, RATE, on_frames, lambda *a: None)
        cap.start()
        time.sleep(seconds)
        cap.close()
        frames = count[0]
    cpu = cpu_self() - c0
    print(json.dumps({"cpu": cpu, "frames": frames, "size": size, "lib": _libsel.describe(),
                      "backend": type(backend).__name__}), flush=True)


def start_peer(env: dict, kbps: float, recipient: str, out: Path, latency_ms: float | None = None) \
        -> list[subprocess.Popen]:
    lat = [f"--latency-msec={latency_ms:g}"] if latency_ms else []
    p1 = subprocess.Popen(["parecord", "--device=softphone_out.monitor", "--raw", "--format=s16le",
                           f"--rate={RATE}", "--channels=2", *lat], stdout=subprocess.PIPE, env=env)
    p2 = subprocess.Popen(["opusenc", "--quiet", "--raw", "--raw-bits", "16", f"--raw-rate={RATE}", "--raw-chan",
                           "2", PEER_VBR, "--bitrate", f"{kbps:g}", "-", "-"], stdin=p1.stdout,
                          stdout=subprocess.PIPE, env=env)
    p3 = subprocess.Popen(["age", "-r", recipient, "-o", str(out)], stdin=p2.stdout, env=env)
    p1.stdout.close()
    p2.stdout.close()
    return [p1, p2, p3]


def stop_peer(procs: list[subprocess.Popen]) -> list[float]:
    """SIGINT parecord, let opusenc and age finish; CPU of each of the three (wait4 rusage)."""
    procs[0].send_signal(signal.SIGINT)
    out = []
    for p in procs:
        _pid, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        out.append(ru.ru_utime + ru.ru_stime)
    return out


def realtime(tmp: Path, seconds: float, kbps_list: list[float], log=print) -> tuple[list[dict], dict]:
    world = AppWorld(tmp)
    ident = pyrage.x25519.Identity.from_str(
        next(ln for ln in world.org_key.read_text().splitlines() if ln.startswith("AGE-SECRET-KEY-")))
    try:
        env = world.audio.child_env()
        make_call_audio(tmp / "speech", seconds + 30, "double-talk")
        agent_wav = tmp / "speech" / "call-double-talk-agent.wav"
        stereo_wav = tmp / "speech" / "call-double-talk.wav"
        app = world.app("app").start()
        time.sleep(2.0)
        i0, t0 = proc_cpu(app.proc.pid), time.monotonic()
        time.sleep(8.0)
        idle_rate = (proc_cpu(app.proc.pid) - i0) / (time.monotonic() - t0)

        world.audio.play_mic(agent_wav)
        world.audio.play_customer(stereo_wav)
        time.sleep(0.5)
        workers = []
        variants = [(kbps, lib, 20.0, True) for kbps in kbps_list for lib in LIBS]
        variants += [(kbps_list[0], "system", 100.0, True), (0.0, "wheel", 20.0, False), (0.0, "wheel", 100.0, False)]
        for kbps, lib, block_ms, encode in variants:
            name = (f"taltio recorder@{kbps:g} ({lib}" + (f", {block_ms:g} ms)" if block_ms != 20 else ")")
                    if encode else f"capture only, {block_ms:g} ms blocks")
            workers.append((name, kbps if encode else None, subprocess.Popen(
                [sys.executable, __file__, "--capture-worker", "--kbps", f"{kbps or kbps_list[0]:g}",
                 "--seconds", str(seconds), "--block-ms", f"{block_ms:g}", *([] if encode else ["--no-encode"]),
                 "--out", str(tmp / f"worker-{len(workers)}"), "--recipient", world.recipient],
                env=worker_env(lib, env), stdout=subprocess.PIPE, text=True)))
        # (name, kbps, latency): the peer as the issue names it, plus one asking PulseAudio for 20 ms
        # fragments like the app's 20 ms PortAudio blocks (information only; ratios use the plain peer).
        pspecs = [(f"parecord|opusenc|age@{k:g}", k, None) for k in kbps_list]
        pspecs.append((f"parecord(20 ms)|opusenc|age@{kbps_list[0]:g}", kbps_list[0], 20.0))
        peers = [(name, k, lat, tmp / f"peer-{i}.age") for i, (name, k, lat) in enumerate(pspecs)]
        peers = [(name, k, lat, out, start_peer(env, k, world.recipient, out, lat)) for name, k, lat, out in peers]
        a0, ta = proc_cpu(app.proc.pid), time.monotonic()
        cid = "cpu-bench"
        start_call(app, cid)
        time.sleep(seconds)
        app.hook("ended", cid)
        peer_cpu = {name: stop_peer(procs) for name, _k, _lat, _out, procs in peers}
        app.wait_for(lambda st: queue_empty(st) and find_manifest(world.store, cid) is not None, timeout=60,
                     what="upload")
        app_cpu, app_wall = proc_cpu(app.proc.pid) - a0, time.monotonic() - ta
        rows = []
        for name, kbps, w in workers:
            out, _ = w.communicate(timeout=seconds + 60)
            r = json.loads(out.strip().splitlines()[-1])
            secs = r["frames"] / RATE
            rows.append({"pipeline": name, "kbps_target": kbps, "cpu": r["cpu"], "capture_only": kbps is None,
                         "seconds": secs, "kbps": r["size"] * 8 / secs / 1000, "per_min": r["cpu"] / secs * 60,
                         "lib": r["lib"]})
        for name, kbps, lat, out, _procs in peers:
            plain = pyrage.decrypt(out.read_bytes(), [ident])
            secs = ogg_seconds(plain)
            cpu = sum(peer_cpu[name])
            rows.append({"pipeline": name, "kbps_target": kbps, "cpu": cpu, "peer": True, "latency_ms": lat,
                         "seconds": secs, "kbps": out.stat().st_size * 8 / secs / 1000, "per_min": cpu / secs * 60,
                         "parts_per_min": {n: c / secs * 60 for n, c in zip(("parecord", "opusenc", "age"),
                                                                            peer_cpu[name])}})
        m = find_manifest(world.store, cid)
        doc = json.loads(m.read_text())
        secs = float(doc["audio"]["duration_s"])
        size = sum((m.parent / p["name"]).stat().st_size
                   for p in ([doc["audio"]["file"]] if doc["audio"].get("file") else doc["audio"]["segments"]))
        net = app_cpu - idle_rate * app_wall
        rows.append({"pipeline": "taltio app (whole process)", "kbps_target": None, "cpu": app_cpu, "seconds": secs,
                     "kbps": size * 8 / secs / 1000, "per_min": app_cpu / secs * 60,
                     "net_per_min": net / secs * 60, "idle_cpu_per_min": idle_rate * 60})
        return rows, {"idle_rate": idle_rate, "app_wall": app_wall}
    finally:
        world.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kbps", type=float, default=28.0, help="Opus bitrate under test, stereo kbit/s (default 28)")
    ap.add_argument("--minutes", type=float, default=3.0, help="audio for part A (default 3)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=60.0, help="real-time capture for part B (default 60)")
    ap.add_argument("--skip-realtime", action="store_true")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--capture-worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--offline-worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--block-ms", type=float, default=20.0, help=argparse.SUPPRESS)
    ap.add_argument("--no-encode", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--wav", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--recipient", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.capture_worker:
        capture_worker(args.kbps, args.seconds, args.out, args.recipient, args.block_ms, not args.no_encode)
        return
    if args.offline_worker:
        offline_worker(args.wav, args.kbps, args.out, args.recipient)
        return
    need("opusenc", "age", "parecord", "espeak-ng", "sox")
    kbps_list = [args.kbps] + ([DEFAULT_KBPS] if args.kbps != DEFAULT_KBPS else [])
    print(f"Taltio code from {DESKTOP}", flush=True)
    with tempfile.TemporaryDirectory(prefix="tcpu") as td:
        tmp = Path(td)
        x, wav = make_call_audio(tmp / "src", args.minutes * 60, "double-talk")
        off = offline(x, wav, tmp, kbps_list, args.repeats)
        rt, extra = ([], {}) if args.skip_realtime else realtime(tmp / "rt", args.seconds, kbps_list)

    print()
    print(f"A. encode + encrypt + write, no capture: {args.minutes:g} min of two-voice 16 kHz stereo speech, "
          f"median of {args.repeats}; CPU s per recorded minute")
    hdr = (f"{'target kbit/s':>13s} {'pipeline':36s} {'kbit/s':>6s} {'CPU s/min':>9s} {'ratio vs peer':>13s}")
    print(hdr)
    print("-" * len(hdr))
    for r in off:
        tag = f"{r['kbps']:g}" + (" (default)" if r["kbps"] == DEFAULT_KBPS else "")
        for lib in LIBS:
            t = r[lib]
            print(f"{tag:>13s} {'taltio, ' + t['lib']:32s} {t['kbps']:6.1f} {t['per_min']:9.2f} {t['ratio']:13.2f}")
        print(f"{tag:>13s} {'opusenc ' + PEER_VBR + ' | age':32s} {r['peer_kbps']:6.1f} {r['peer_per_min']:9.2f} "
              f"{'1.00':>13s}")
    print("taltio = libsndfile -> EncryptedOggSink (segments + final file), wheel = soundfile's bundled "
          "libsndfile, system = Debian's libsndfile1")
    if rt:
        print()
        print(f"B. real-time capture from a private PipeWire server, {args.seconds:g} s of real time, "
              f"all pipelines at once on the same playback")
        hdr = (f"{'pipeline':36s} {'kbit/s':>6s} {'recorded s':>10s} {'CPU s':>6s} {'CPU s/rec-min':>13s} "
               f"{'ratio vs peer':>13s}")
        print(hdr)
        print("-" * len(hdr))
        peers = {r["kbps_target"]: r for r in rt if r.get("peer") and not r.get("latency_ms")}
        for r in rt:
            ref = peers.get(r["kbps_target"])
            if r.get("capture_only"):
                ref = None
            elif r["kbps_target"] is None:     # the app: compare with the peer whose target is nearest its bitrate
                ref = min(peers.values(), key=lambda p: abs(p["kbps_target"] - r["kbps"]))
                r["compared_with"] = ref["pipeline"]
            ratio = r["per_min"] / ref["per_min"] if ref and not r.get("peer") else None
            r["ratio"] = ratio
            rs = "-" if ratio is None else f"{ratio:.2f}" + (f" (@{ref['kbps_target']:g})"
                                                            if r["kbps_target"] is None else "")
            kb = "-" if r.get("capture_only") else f"{r['kbps']:6.1f}"
            print(f"{r['pipeline']:36s} {kb:>6s} {r['seconds']:10.1f} {r['cpu']:6.2f} {r['per_min']:13.2f} "
                  f"{rs:>13s}")
        for r in rt:
            if "parts_per_min" in r:
                print(f"{r['pipeline']}: " + ", ".join(f"{n} {c:.2f}" for n, c in r["parts_per_min"].items())
                      + " CPU s/rec-min")
        app = next(r for r in rt if r["pipeline"].startswith("taltio app"))
        print(f"taltio app: idle {app['idle_cpu_per_min']:.2f} CPU s/min before the call; net of idle "
              f"{app['net_per_min']:.2f} CPU s/rec-min. The app runs whatever encoder settings it has now "
              f"(from {DESKTOP}).")
    if args.json:
        args.json.write_text(json.dumps({"offline": off, "realtime": rt, "extra": extra, "kbps": args.kbps},
                                        indent=1, default=str))


if __name__ == "__main__":
    main()
