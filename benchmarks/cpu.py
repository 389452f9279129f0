"""CPU per recorded minute: Taltio against `parecord | opusenc | age` at the same Opus bitrate.

Two parts, both against Debian's opus-tools 0.2 (libopus 1.3.1) and age 1.1 in the same run:

A. encode + encrypt + write, no capture: N minutes of two-voice 16 kHz stereo speech through Taltio's
   path (_common.encode_taltio: the app's encoder ``taltio.recording.encoder.open_encoder("opus", sink,
   16000, K)``, PyAV/FFmpeg libopus, fed in the mixer's ticks (capture.TICK_S, 100 ms) -> EncryptedOggSink, an age segment
   sealed per second, final age file) against ``opusenc --cvbr --bitrate K call.wav - | age -r R -o out``;
   median of 3 runs. Each run is a child process; the one-off PyAV import is done before measuring.
   Reference row: the previous encoder (soundfile's bundled libsndfile at the compression_level for K)
   through the same sink.

B. real-time capture from a private PipeWire server (tests/fixtures/audio.py) for --seconds (default
   60: one minute of real time), all contenders recording the same playback at the same time:
   * ``taltio recorder@K``: a separate process running the app's own CallRecorder(opus_kbps=K) on the
     app's Linux backend (taltio.adapters.audio.pulse.PulseBackend: libpulse simple API, 100 ms blocks,
     sources ``agent_mic`` and ``softphone_out.monitor`` by name) with the capture mixer, encoder and
     EncryptedOggSink. CPU from just before the streams open to after stop()/finalize (interpreter
     start-up, imports and device enumeration excluded).
   * ``capture only``: the app's Capture on PulseBackend, frames dropped (the cost of capture alone);
     also at 20 and 50 ms blocks (an experiment: audio_pulse.BLOCK_MS overridden in that process), and
     through PortAudio's ALSA ``pulse`` plugin at 20 ms (the previous Linux path; reference only).
   * ``taltio app``: the real app (``taltio run``, offscreen Qt, folder storage target,
     audio.opus_bitrate_kbps = K) recording one call started with ``taltio hook``; CPU of its process
     from the first hook to the end of the upload, read from /proc (gross, and net of its idle rate).
   * ``parecord|opusenc|age@K``: ``parecord --device=softphone_out.monitor --raw --rate=16000
     --channels=2 | opusenc --raw ... --cvbr --bitrate K - - | age -r R -o out``; CPU of each of the
     three from wait4(). Also one with ``--latency-msec=50`` (the app's block size; information only).
   The softphone sink plays a stereo file (agent left, customer right) and the mic plays the agent, so
   the peer's stereo holds both voices; Taltio's loopback channel is the sink's mono downmix. Both
   encode two channels of speech at 16 kHz.

    python benchmarks/cpu.py [--kbps 28[,K2...]] [--minutes 3] [--seconds 60] [--json out.json]
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
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import numpy as np  # noqa: E402
import pyrage  # noqa: E402
import soundfile as sf  # noqa: E402

from _common import (DESKTOP, RATE, ROOT, AppWorld, cpu_children, cpu_self, encode_taltio,  # noqa: E402
                     encoder_settings, find_manifest, make_call_audio, need, proc_cpu, queue_empty, start_call,
                     warm_up_encoder)

# Constrained VBR, as the app's encoder: with plain VBR opusenc overshoots at 56 kbit/s on 16 kHz input
# (98 kbit/s measured); at 28 kbit/s --vbr and --cvbr give the same bytes and CPU.
PEER_VBR = "--cvbr"
ENCODERS = ("taltio", "libsndfile")    # libsndfile: the previous encoder, reference row only
ENCODER_LABEL = {"taltio": "taltio (app's encoder, PyAV)", "libsndfile": "previous: libsndfile (wheel)"}


def ogg_seconds(plain: bytes) -> float:
    with sf.SoundFile(io.BytesIO(plain)) as f:
        n = 0
        try:
            for blk in f.blocks(RATE * 10, dtype="float32"):
                n += len(blk)
        except Exception:  # noqa: BLE001
            pass
        return n / f.samplerate


def worker_env(base: dict | None = None) -> dict:
    env = dict(base if base is not None else os.environ)
    env.update(PYTHONPATH=str(DESKTOP) + os.pathsep + str(ROOT), TALTIO_DESKTOP=str(DESKTOP))
    return env


# ------------------------------------------------------------------------ part A
def run_worker(args: list[str], env: dict, timeout: float) -> dict:
    r = subprocess.run([sys.executable, __file__, *args], env=env, capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        raise RuntimeError(f"worker {args} failed: {r.stderr[-2000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def offline_worker(wav: Path, kbps: int, out_dir: Path, recipient: str, encoder: str) -> None:
    """Runs in its own process: Taltio's path (or the previous encoder) on *wav*; prints JSON."""
    x, rate = sf.read(wav, dtype="float32", always_2d=True)
    assert rate == RATE
    warm_up_encoder()
    r = encode_taltio(x, out_dir, [pyrage.x25519.Recipient.from_str(recipient)], "opus", kbps, encoder=encoder)
    print(json.dumps({"cpu": r["cpu"], "size": r["size"]}), flush=True)


def offline(wav: Path, secs: float, tmp: Path, kbps_list: list[int], repeats: int) -> list[dict]:
    ident = pyrage.x25519.Identity.generate()
    rec = str(ident.to_public())
    rows = []
    for kbps in kbps_list:
        runs: dict[str, list[float]] = {e: [] for e in ENCODERS}
        sizes: dict[str, int] = {}
        p_cpu, p_size = [], 0
        for k in range(repeats):
            for e in ENCODERS:
                r = run_worker(["--offline-worker", "--wav", str(wav), "--kbps", str(kbps), "--encoder", e,
                                "--out", str(tmp / f"off-{e}-{kbps}-{k}"), "--recipient", rec], worker_env(), 600)
                runs[e].append(r["cpu"])
                sizes[e] = r["size"]
            out = tmp / f"off-peer-{kbps}-{k}.age"
            c0 = cpu_children()
            subprocess.run(f"opusenc --quiet {PEER_VBR} --bitrate {kbps} '{wav}' - | age -r {rec} -o '{out}'",
                           shell=True, check=True)
            p_cpu.append(cpu_children() - c0)
            p_size = out.stat().st_size
        p = statistics.median(p_cpu)
        row = {"kbps": kbps, "seconds": secs, "peer_cpu": p, "peer_kbps": p_size * 8 / secs / 1000,
               "peer_per_min": p / secs * 60, "peer_runs": p_cpu}
        for e in ENCODERS:
            t = statistics.median(runs[e])
            row[e] = {"cpu": t, "kbps": sizes[e] * 8 / secs / 1000, "per_min": t / secs * 60, "ratio": t / p,
                      "runs": runs[e]}
        rows.append(row)
        print(f"  offline {kbps} kbit/s done", flush=True)
    return rows


# ------------------------------------------------------------------------ part B
def thread_cpu() -> dict[str, float]:
    """CPU s so far per thread of this process, by Python thread name (other threads: by their comm)."""
    names = {t.native_id: t.name for t in threading.enumerate()}
    tick = os.sysconf("SC_CLK_TCK")
    out: dict[str, float] = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            stat = (task / "stat").read_text()
        except OSError:
            continue
        comm, rest = stat.split("(", 1)[1].rsplit(")", 1)
        f = rest.split()
        name = names.get(int(task.name)) or f"native:{comm}"
        name = name.rstrip("-0123456789") if name.startswith("taltio-pulse") else name
        out[name] = out.get(name, 0.0) + (int(f[11]) + int(f[12])) / tick
    return out


def capture_worker(kbps: int, seconds: float, out_dir: Path, recipient: str, backend_kind: str = "pulse",
                   block_ms: float | None = None, encode: bool = True) -> None:
    """Runs in its own process: the app's own CallRecorder (capture + mixer + encoder + sink); prints JSON.

    backend_kind "pulse": the app's Linux backend (PulseBackend); "portaudio": PortAudio through the
    ALSA pulse plugin (aliases agent_mic / softphone_loopback), the previous Linux capture path.
    With encode=False only the app's Capture runs and its frames are dropped. block_ms overrides
    audio_pulse.BLOCK_MS in this process (an experiment; the app uses its own default).
    """
    from taltio.adapters.audio import pulse as audio_pulse
    from taltio.recording.capture import Capture
    from taltio.recording.recorder import CallRecorder

    if backend_kind == "pulse":
        if block_ms is not None:
            audio_pulse.BLOCK_MS = int(block_ms)
        backend = audio_pulse.PulseBackend()
        mic = backend.find("agent_mic", "mic")
        loop = backend.find("softphone_out.monitor", "loopback")
        blk = audio_pulse.BLOCK_MS
    else:
        from taltio.adapters.audio.portaudio import PortAudioBackend

        backend = PortAudioBackend()
        mic = backend.find("agent_mic", "mic")
        loop = backend.find("softphone_loopback", "loopback")
        blk = 1000 // 50
    warm_up_encoder()
    out_dir.mkdir(parents=True, exist_ok=True)
    size = 0
    base = thread_cpu()
    c0 = cpu_self()
    if encode:
        rec = CallRecorder(out_dir, [pyrage.x25519.Recipient.from_str(recipient)], backend, mic, loop, rate=RATE,
                           seal_every=1.0, opus_kbps=kbps)
        rec.start()
        time.sleep(seconds)
        threads = thread_cpu()        # before stop(): the capture threads end there
        res = rec.stop("call.age")
        frames, size = rec.frames_written, res.file.size
    else:
        count = [0]

        def on_frames(f: np.ndarray, _start: int = 0) -> None:
            count[0] += len(f)

        cap = Capture(backend, mic, loop, RATE, on_frames, lambda *a: None)
        cap.start()
        time.sleep(seconds)
        threads = thread_cpu()
        cap.close()
        frames = count[0]
    cpu = cpu_self() - c0
    print(json.dumps({"cpu": cpu, "frames": frames, "size": size, "backend": type(backend).__name__,
                      "block_ms": blk, "threads": {n: c - base.get(n, 0.0) for n, c in threads.items()}}), flush=True)


def start_peer(env: dict, kbps: int, recipient: str, out: Path, latency_ms: float | None = None) \
        -> list[subprocess.Popen]:
    lat = [f"--latency-msec={latency_ms:g}"] if latency_ms else []
    p1 = subprocess.Popen(["parecord", "--device=softphone_out.monitor", "--raw", "--format=s16le",
                           f"--rate={RATE}", "--channels=2", *lat], stdout=subprocess.PIPE, env=env)
    p2 = subprocess.Popen(["opusenc", "--quiet", "--raw", "--raw-bits", "16", f"--raw-rate={RATE}", "--raw-chan",
                           "2", PEER_VBR, "--bitrate", str(kbps), "-", "-"], stdin=p1.stdout,
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


def realtime(tmp: Path, seconds: float, kbps_list: list[int]) -> tuple[list[dict], dict]:
    world = AppWorld(tmp)
    ident = pyrage.x25519.Identity.from_str(
        next(ln for ln in world.org_key.read_text().splitlines() if ln.startswith("AGE-SECRET-KEY-")))
    k0 = kbps_list[0]
    try:
        env = world.audio.child_env()
        make_call_audio(tmp / "speech", seconds + 30, "double-talk")
        agent_wav = tmp / "speech" / "call-double-talk-agent.wav"
        stereo_wav = tmp / "speech" / "call-double-talk.wav"
        app = world.app("app", **{"audio.opus_bitrate_kbps": k0}).start()
        time.sleep(2.0)
        i0, t0 = proc_cpu(app.proc.pid), time.monotonic()
        time.sleep(8.0)
        idle_rate = (proc_cpu(app.proc.pid) - i0) / (time.monotonic() - t0)

        world.audio.play_mic(agent_wav)
        world.audio.play_customer(stereo_wav)
        time.sleep(0.5)
        # (name, kbps or None for capture only, backend, block_ms override, reference/experiment)
        variants: list[tuple[str, int | None, str, float | None, str]] = [
            (f"taltio recorder@{k}", k, "pulse", None, "") for k in kbps_list]
        variants += [
            ("capture only (app's: pulse, 100 ms)", None, "pulse", None, ""),
            ("capture only, pulse 20 ms blocks", None, "pulse", 20.0, "experiment"),
            ("capture only, pulse 50 ms blocks", None, "pulse", 50.0, "experiment"),
            ("capture only, PortAudio/ALSA 20 ms", None, "portaudio", None, "previous Linux path"),
        ]
        workers = []
        for name, kbps, kind, block_ms, note in variants:
            args = [sys.executable, __file__, "--capture-worker", "--kbps", str(kbps or k0), "--seconds",
                    str(seconds), "--backend", kind, "--out", str(tmp / f"worker-{len(workers)}"),
                    "--recipient", world.recipient]
            if block_ms is not None:
                args += ["--block-ms", f"{block_ms:g}"]
            if kbps is None:
                args.append("--no-encode")
            workers.append((name, kbps, note, subprocess.Popen(args, env=worker_env(env), stdout=subprocess.PIPE,
                                                               text=True)))
        # (name, kbps, latency): the peer as the criterion names it, plus one asking PulseAudio for 50 ms
        # fragments like the app's blocks (information only; ratios use the plain peer).
        pspecs = [(f"parecord|opusenc|age@{k}", k, None) for k in kbps_list]
        pspecs.append((f"parecord(50 ms)|opusenc|age@{k0}", k0, 50.0))
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
        for name, kbps, note, w in workers:
            out, _ = w.communicate(timeout=seconds + 60)
            if w.returncode != 0:
                raise RuntimeError(f"capture worker '{name}' failed (exit {w.returncode})")
            r = json.loads(out.strip().splitlines()[-1])
            secs = r["frames"] / RATE
            rows.append({"pipeline": name, "kbps_target": kbps, "cpu": r["cpu"], "capture_only": kbps is None,
                         "seconds": secs, "kbps": r["size"] * 8 / secs / 1000, "per_min": r["cpu"] / secs * 60,
                         "backend": r["backend"], "block_ms": r["block_ms"], "note": note,
                         "threads_per_min": {n: c / secs * 60 for n, c in r["threads"].items()}})
        for name, kbps, lat, out, _procs in peers:
            plain = pyrage.decrypt(out.read_bytes(), [ident])
            secs = ogg_seconds(plain)
            cpu = sum(peer_cpu[name])
            rows.append({"pipeline": name, "kbps_target": kbps, "cpu": cpu, "peer": True, "latency_ms": lat,
                         "seconds": secs, "kbps": out.stat().st_size * 8 / secs / 1000, "per_min": cpu / secs * 60,
                         "note": "information" if lat else "",
                         "parts_per_min": {n: c / secs * 60 for n, c in zip(("parecord", "opusenc", "age"),
                                                                            peer_cpu[name])}})
        m = find_manifest(world.store, cid)
        doc = json.loads(m.read_text())
        secs = float(doc["audio"]["duration_s"])
        size = sum((m.parent / p["name"]).stat().st_size
                   for p in ([doc["audio"]["file"]] if doc["audio"].get("file") else doc["audio"]["segments"]))
        net = app_cpu - idle_rate * app_wall
        rows.append({"pipeline": "taltio app (whole process)", "kbps_target": k0, "app": True, "cpu": app_cpu,
                     "seconds": secs, "kbps": size * 8 / secs / 1000, "per_min": app_cpu / secs * 60,
                     "net_per_min": net / secs * 60, "idle_cpu_per_min": idle_rate * 60, "note": ""})
        return rows, {"idle_rate": idle_rate, "app_wall": app_wall}
    finally:
        world.stop()


def print_offline(off: list[dict], minutes: float, repeats: int) -> None:
    print()
    print(f"A. encode + encrypt + write, no capture: {minutes:g} min of two-voice 16 kHz stereo speech, "
          f"median of {repeats}; CPU s per recorded minute")
    hdr = f"{'target kbit/s':>13s} {'pipeline':34s} {'kbit/s':>6s} {'CPU s/min':>9s} {'ratio vs peer':>13s}"
    print(hdr)
    print("-" * len(hdr))
    for r in off:
        for e in ENCODERS:
            t = r[e]
            print(f"{r['kbps']:>13d} {ENCODER_LABEL[e]:34s} {t['kbps']:6.1f} {t['per_min']:9.2f} {t['ratio']:13.2f}")
        print(f"{r['kbps']:>13d} {'opusenc ' + PEER_VBR + ' | age (peer)':34s} {r['peer_kbps']:6.1f} "
              f"{r['peer_per_min']:9.2f} {'1.00':>13s}")
    print("taltio = taltio.recording.encoder.open_encoder -> EncryptedOggSink (segments + final file); "
          "previous = the same sink fed by the old libsndfile encoder (reference only)")


def print_realtime(rt: list[dict], seconds: float) -> None:
    print()
    print(f"B. real-time capture from a private PipeWire server, {seconds:g} s of real time, "
          f"all pipelines at once on the same playback")
    hdr = (f"{'pipeline':38s} {'kbit/s':>6s} {'recorded s':>10s} {'CPU s':>6s} {'CPU s/rec-min':>13s} "
           f"{'ratio vs peer':>13s}  note")
    print(hdr)
    print("-" * len(hdr))
    peers = {r["kbps_target"]: r for r in rt if r.get("peer") and not r.get("latency_ms")}
    for r in rt:
        ref = None if r.get("capture_only") or r.get("peer") else peers.get(r["kbps_target"])
        ratio = r["per_min"] / ref["per_min"] if ref else None
        r["ratio"] = ratio
        if ref:
            r["compared_with"] = ref["pipeline"]
        rs = "-" if ratio is None else f"{ratio:.2f}"
        kb = "-" if r.get("capture_only") else f"{r['kbps']:6.1f}"
        print(f"{r['pipeline']:38s} {kb:>6s} {r['seconds']:10.1f} {r['cpu']:6.2f} {r['per_min']:13.2f} "
              f"{rs:>13s}  {r.get('note', '')}")
    for r in rt:
        if "threads_per_min" in r:
            parts = sorted(r["threads_per_min"].items(), key=lambda kv: -kv[1])
            print(f"{r['pipeline']}, by thread (until stop): "
                  + ", ".join(f"{n} {c:.2f}" for n, c in parts if c >= 0.005) + " CPU s/rec-min")
    for r in rt:
        if "parts_per_min" in r:
            print(f"{r['pipeline']}: " + ", ".join(f"{n} {c:.2f}" for n, c in r["parts_per_min"].items())
                  + " CPU s/rec-min")
    app = next(r for r in rt if r.get("app"))
    net_ratio = app["net_per_min"] / peers[app["kbps_target"]]["per_min"]
    app["net_ratio"] = net_ratio
    print(f"taltio app: idle {app['idle_cpu_per_min']:.2f} CPU s/min before the call; net of idle "
          f"{app['net_per_min']:.2f} CPU s/rec-min (ratio {net_ratio:.2f}); audio.opus_bitrate_kbps = "
          f"{app['kbps_target']}, code from {DESKTOP}.")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kbps", default="28",
                    help="Opus bitrate(s) under test, stereo kbit/s, comma-separated; the app runs at the first "
                         "(default 28)")
    ap.add_argument("--minutes", type=float, default=3.0, help="audio for part A (default 3)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=60.0, help="real-time capture for part B (default 60)")
    ap.add_argument("--skip-offline", action="store_true")
    ap.add_argument("--skip-realtime", action="store_true")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--capture-worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--offline-worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--backend", default="pulse", help=argparse.SUPPRESS)
    ap.add_argument("--block-ms", type=float, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--encoder", default="taltio", choices=ENCODERS, help=argparse.SUPPRESS)
    ap.add_argument("--no-encode", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--wav", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--recipient", help=argparse.SUPPRESS)
    args = ap.parse_args()
    kbps_list = list(dict.fromkeys(int(float(k)) for k in args.kbps.split(",") if k.strip()))
    if args.capture_worker:
        capture_worker(kbps_list[0], args.seconds, args.out, args.recipient, args.backend, args.block_ms,
                       not args.no_encode)
        return
    if args.offline_worker:
        offline_worker(args.wav, kbps_list[0], args.out, args.recipient, args.encoder)
        return
    need("opusenc", "age", "parecord", "espeak-ng", "sox")
    print(f"Taltio code from {DESKTOP}", flush=True)
    print(encoder_settings(), flush=True)
    with tempfile.TemporaryDirectory(prefix="tcpu") as td:
        tmp = Path(td)
        off: list[dict] = []
        if not args.skip_offline:
            _x, wav = make_call_audio(tmp / "src", args.minutes * 60, "double-talk")
            off = offline(wav, args.minutes * 60, tmp, kbps_list, args.repeats)
        rt, extra = ([], {}) if args.skip_realtime else realtime(tmp / "rt", args.seconds, kbps_list)

    if off:
        print_offline(off, args.minutes, args.repeats)
    if rt:
        print_realtime(rt, args.seconds)
    if args.json:
        args.json.write_text(json.dumps({"offline": off, "realtime": rt, "extra": extra, "kbps": kbps_list,
                                         "encoder": encoder_settings()}, indent=1, default=str))


if __name__ == "__main__":
    main()
