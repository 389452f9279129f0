"""Audio lost on kill -9: N random kills of the real app mid-call, each recovered on restart.

The real app (``python -m taltio.cli run``, offscreen Qt) records from a private PipeWire server
(two voices playing all the time) into a folder storage target (``storage.url = file://...``), with a
gnome-keyring on a private bus and an org key made by ``age-keygen``. Each round:

1. start a call through ``taltio hook`` and let it record for a random 2-8 s;
2. ``kill -9`` the app's whole process group (wall time noted just before the signal);
3. restart the app and wait until the interrupted call has been uploaded (manifest in the folder);
4. check each listed segment's size and SHA-256, decrypt it with ``age -d -i org-key``, join the
   plaintexts (one Ogg Opus stream) and decode with soundfile;
5. lost = (kill time - manifest ``times.recording_start``) - decoded duration.

The app records exactly as shipped: its Linux capture (PulseBackend, libpulse simple API), the capture
mixer and its encoder (taltio.recording.encoder: Ogg Opus via PyAV, 200 ms pages, at the configured
audio.opus_bitrate_kbps; or FLAC with --codec flac). The next round's call is made by the restarted app,
so each round is one kill and one restart.
The manifest's signature is not checked here (tests/test_e2e_hook.py does that).

    python benchmarks/crash_loss.py [--kills 50] [--min 2] [--max 8] [--seed N] [--json out.json]
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import soundfile as sf

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (DESKTOP, RATE, AppWorld, encoder_settings, find_manifest, make_call_audio,  # noqa: E402
                     queue_empty, start_call)

BUDGET_S = 1.0      # issue 16: at most 1 s lost in every kill


def decode_segments(manifest: Path, identity: Path, tmp: Path) -> tuple[dict, float, int]:
    """(manifest doc, decoded seconds, number of segments) using the age CLI for decryption."""
    doc = json.loads(manifest.read_text())
    audio = doc.get("audio") or {}
    parts = [audio["file"]] if audio.get("file") else audio.get("segments", [])
    plain = b""
    for p in parts:
        blob = (manifest.parent / p["name"]).read_bytes()
        if len(blob) != p["size"] or hashlib.sha256(blob).hexdigest() != p["sha256"]:
            raise AssertionError(f"{p['name']}: size/hash differ from the manifest")
        src = tmp / "seg.age"
        src.write_bytes(blob)
        r = subprocess.run(["age", "-d", "-i", str(identity), str(src)], capture_output=True)
        if r.returncode != 0:
            raise AssertionError(f"age -d {p['name']}: {r.stderr.decode(errors='replace')}")
        plain += r.stdout
    if not plain:
        return doc, 0.0, len(parts)
    frames = 0
    with sf.SoundFile(io.BytesIO(plain)) as f:
        assert f.samplerate == RATE and f.channels == 2, (f.samplerate, f.channels)
        doc["_format"] = f"{f.format}/{f.subtype}"
        try:
            # Small blocks: a truncated stream (FLAC) can make the read that crosses its end fail,
            # and that block's frames would not be counted.
            for blk in f.blocks(RATE // 100, dtype="float32"):
                frames += len(blk)
        except Exception:  # noqa: BLE001 - a truncated tail: count what decoded
            pass
    return doc, frames / RATE, len(parts)


def keep_playing(world: AppWorld, wavs: tuple[Path, Path], players: list) -> None:
    """(Re)start the two players if they ended, so there is always speech on both sides."""
    for i, (fn, wav) in enumerate(((world.audio.play_mic, wavs[0]), (world.audio.play_customer, wavs[1]))):
        if players[i] is None or players[i].poll() is not None:
            players[i] = fn(wav)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kills", type=int, default=50)
    ap.add_argument("--min", type=float, default=2.0, help="shortest time recorded before the kill (s)")
    ap.add_argument("--max", type=float, default=8.0, help="longest time recorded before the kill (s)")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--codec", default="opus", choices=("opus", "flac"), help="the app's audio.codec (default opus)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    t_start = time.monotonic()
    rows = []
    with tempfile.TemporaryDirectory(prefix="tcl") as td:   # short: unix socket paths are limited
        tmp = Path(td)
        world = AppWorld(tmp)
        try:
            make_call_audio(tmp / "speech", 120, "double-talk")
            wavs = (tmp / "speech" / "call-double-talk-agent.wav", tmp / "speech" / "call-double-talk-customer.wav")
            players: list = [None, None]
            keep_playing(world, wavs, players)
            app = world.app("app", **{"audio.codec": args.codec}).start()
            for k in range(args.kills):
                cid = f"crash-{k:03d}"
                keep_playing(world, wavs, players)
                start_call(app, cid)
                time.sleep(rng.uniform(args.min, args.max))
                killed_at = app.kill9()
                t_restart = time.monotonic()
                app.start()
                app.wait_for(lambda st, c=cid: queue_empty(st) and find_manifest(world.store, c) is not None,
                             timeout=60, what=f"recovered upload of {cid}")
                recovery_s = time.monotonic() - t_restart
                doc, decoded, nseg = decode_segments(find_manifest(world.store, cid), world.org_key, tmp)
                start = datetime.fromisoformat(doc["times"]["recording_start"].replace("Z", "+00:00")).timestamp()
                recorded_for = killed_at - start
                lost = recorded_for - decoded
                rows.append({"call": cid, "outcome": doc.get("outcome"), "format": doc.get("_format"),
                             "recorded_for": recorded_for,
                             "decoded": decoded, "lost": lost, "segments": nseg, "recovery_s": recovery_s})
                print(f"  kill {k + 1:2d}/{args.kills}: after {recorded_for:5.2f} s, recovered {decoded:5.2f} s in "
                      f"{nseg} segments, lost {lost:5.2f} s ({doc.get('outcome')}; restart+upload "
                      f"{recovery_s:.1f} s)", flush=True)
        finally:
            world.stop()
    lost = [r["lost"] for r in rows]
    over = [r for r in rows if r["lost"] > BUDGET_S]
    print()
    print(f"Crash loss, audio.codec={args.codec}: {len(rows)} x kill -9 of the real app (from {DESKTOP}) after a random "
          f"{args.min:g}-{args.max:g} s of recording; seed {seed}; run took {time.monotonic() - t_start:.0f} s")
    print(f"{'kills':>5s} {'min s':>6s} {'median s':>8s} {'p90 s':>6s} {'max s':>6s} {f'> {BUDGET_S:g} s':>5s}")
    p90 = sorted(lost)[max(0, int(round(0.9 * len(lost))) - 1)]
    print(f"{len(rows):5d} {min(lost):6.2f} {statistics.median(lost):8.2f} {p90:6.2f} {max(lost):6.2f} {len(over):5d}")
    print("lost = (kill time - recording_start in the manifest) - duration decoded from the sealed segments")
    print(encoder_settings())
    if args.json:
        args.json.write_text(json.dumps({"seed": seed, "codec": args.codec, "rows": rows, "over_budget": len(over)},
                                        indent=1))


if __name__ == "__main__":
    main()
