"""Codec sweep: Ogg Opus (two uncoupled mono streams, the app's layout) bitrate, complexity and framing
against size, intelligibility (STOI per channel), cross-talk and CPU; the old stereo layout, opusenc and
FLAC for reference.

Every ``taltio`` row goes through the app's own path: ``taltio.recording.encoder.OpusEncoder`` (what
``open_encoder`` opens; PyAV/FFmpeg libopus, 200 ms Ogg pages flushed at once) writes into
EncryptedOggSink with a real age (pyrage X25519) recipient, fed in the capture mixer's ticks, one sealed
segment per second of audio, then finalize() encrypts the whole call once more. The final file is
decrypted with the identity (pyrage), decoded with soundfile, aligned to the source per channel, and
scored with pystoi against that channel's source. *CPU* is encode + encrypt + write, the median of
--repeats runs; *x peer* divides it by the ``opusenc 24k`` row of the same scene and run (the peer of
issue 16's CPU criterion), because this 2-core machine is shared and absolute CPU figures drift.

The sweep runs in phases, each deciding what the next one sweeps:
1. two-mono at --per-channel kbit/s per side (the setting, audio.opus_bitrate_kbps, is twice that) at the
   module's OPUS_COMPLEXITY, frame length, application and VBR mode; picks the bitrate (rule below);
2. complexity 0-10 at that bitrate and at the swept step below it; picks the complexity;
3. options at the chosen bitrate and complexity: frame_duration 20/40/60 ms, application voip/audio,
   vbr on/constrained/off (what encoder.py's OPUS_FRAME_MS, OPUS_APPLICATION, OPUS_VBR should be);
4. references: the old layout (one coupled stereo stream at 28 kbit/s, the previous default),
   Debian's ``opusenc --cvbr --bitrate K call.wav - | age -r R`` and FLAC.

Scenes: ``double-talk`` (both voices all the time: the worst case for size), ``turns`` (sentence by
sentence) and ``noisy-line`` (double-talk, with the customer as the loopback really carries a phone call:
300-3400 Hz, 8 kHz, G.711 mu-law, line noise at 28 dB SNR; see _common.make_noisy_line_audio). Its STOI
is against what the encoder was given (the line as received), so it measures the codec, not the line.

Choosing rule (docs/performance.md, Codec): a setting passes at *level* (margin, or floor one step down)
when both channels reach STOI >= level in double-talk and turns, >= the noisy level on noisy-line, and
cross-talk <= -30 dB everywhere. The bitrate is the smallest that passes with margin (0.92; noisy 0.87)
and whose swept step below still passes the floor (0.90; noisy 0.85) and stays within --budget KB per
call-minute in double-talk; the complexity is the lowest that passes the same way at that bitrate and the
step below, and at which it and every complexity above it keep STOI within --tolerance (0.01) of
complexity 10's on every channel of every scene (so a cheaper complexity is taken only where it costs no
intelligibility, not merely where it still clears the bar).

    python benchmarks/codec.py [--quick] [--minutes 1] [--repeats 3] [--per-channel 5,6,...] [--json out.json]
"""
from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import numpy as np
import pyrage
import soundfile as sf
from _common import (
    BLOCK,
    RATE,
    EncryptedOggSink,
    cpu_children,
    cpu_self,
    encoder_settings,
    make_call_audio,
    make_noisy_line_audio,
    need,
    ogg_page_ms,
    warm_up_encoder,
)
from taltio.recording import encoder as E

from tests.helpers.signals import best_ncc

PER_CHANNEL_KBPS = [5, 6, 7, 7.5, 8, 9, 10, 12, 14, 16]   # 7.5: the setting is the integer total
PEER_KBPS = [16, 24]          # opusenc on the same audio; 24 is the CPU criterion's peer
PEER_CPU_KBPS = 24
SCENES = ("double-talk", "turns", "noisy-line")
SEPARATION_DB = -30.0         # a two-channel recorder must keep agent and customer apart
BUDGET_KB_PER_MIN = 125.0     # issue 16's bytes criterion, double-talk, Ogg and age overhead included
OPTION_ROWS = [("frame 40 ms", {"frame_ms": 40}), ("frame 60 ms", {"frame_ms": 60}),
               ("frame 20 ms", {"frame_ms": 20}), ("application voip", {"application": "voip"}),
               ("application audio", {"application": "audio"}), ("vbr on", {"vbr": "on"}),
               ("vbr constrained", {"vbr": "constrained"}), ("vbr off", {"vbr": "off"})]


# ------------------------------------------------------------------ scoring
def align(ref: np.ndarray, dec: np.ndarray) -> tuple[np.ndarray, float]:
    """*dec* shifted so that it lines up with *ref* (same length), and the lag in ms."""
    _ncc, lag_s = best_ncc(dec, ref, RATE, max_lag_s=0.25)
    lag = round(lag_s * RATE)
    d = dec[lag:lag + len(ref)] if lag >= 0 else np.concatenate([np.zeros(-lag), dec[:len(ref) + lag]])
    if len(d) < len(ref):
        d = np.concatenate([d, np.zeros(len(ref) - len(d))])
    return d, lag_s * 1000


def score(x: np.ndarray, dec: np.ndarray) -> dict:
    """Per channel: STOI against its own source, and cross-talk (level of the other source in it, dB)."""
    from pystoi import stoi

    out = {}
    for ch, name in ((0, "left"), (1, "right")):
        ref = x[:, ch].astype(np.float64)
        d, lag = align(ref, dec[:, ch].astype(np.float64))
        out[f"stoi_{name}"] = float(stoi(ref, d, RATE, extended=False))
        coef = np.linalg.lstsq(x.astype(np.float64), d, rcond=None)[0]     # d ~ a*own + b*other
        own, other = abs(coef[ch]), abs(coef[1 - ch])
        out[f"xtalk_{name}"] = float(20 * np.log10(max(other, 1e-6) / max(own, 1e-9)))
        out[f"lag_{name}_ms"] = lag
    return out


def decode_bytes(plain: bytes) -> tuple[np.ndarray, str]:
    buf = io.BytesIO(plain)
    frames, note = [], ""
    with sf.SoundFile(buf) as f:
        assert f.samplerate == RATE, f.samplerate
        try:
            frames.extend(f.blocks(RATE, dtype="float32", always_2d=True))
        except Exception as exc:  # noqa: BLE001 - report how far it decoded
            note = f"decode stopped: {exc}"
    return (np.concatenate(frames) if frames else np.zeros((0, 2), np.float32)), note


def ogg_overhead_bytes(plain: bytes) -> int:
    """Bytes of Ogg page headers and lacing tables (27 + segment count per page): the container's cost."""
    total, pos = 0, 0
    while (pos := plain.find(b"OggS", pos)) >= 0 and pos + 27 <= len(plain):
        nseg = plain[pos + 26]
        total += 27 + nseg
        pos += 27 + nseg + sum(plain[pos + 27:pos + 27 + nseg])
    return total


# ------------------------------------------------------------------ encoding
def encode_app(x: np.ndarray, call_dir: Path, recipients: list, make) -> dict:
    """The recorder's path (as _common.encode_taltio), but with any encoder *make(sink)* builds."""
    call_dir.mkdir(parents=True, exist_ok=True)
    sink = EncryptedOggSink(call_dir, recipients, seal_every=1.0)
    t0 = cpu_self()
    enc = make(sink)
    sealed_at = 0
    for i in range(0, len(x), BLOCK):
        enc.write(x[i:i + BLOCK])
        if i + BLOCK - sealed_at >= RATE:
            sink.seal()
            sealed_at = i + BLOCK
    enc.close()
    sink.seal()
    out = sink.finalize("call.age")
    return {"cpu": cpu_self() - t0, "size": out.size, "path": out.path}


def encode_opusenc(wav: Path, out: Path, recipient: str, kbps: float) -> dict:
    c0 = cpu_children()
    subprocess.run(f"opusenc --quiet --cvbr --bitrate {kbps:g} '{wav}' - | age -r {recipient} -o '{out}'",
                   shell=True, check=True)
    return {"cpu": cpu_children() - c0, "size": out.stat().st_size, "path": out}


def spec(setting: str, phase: str, kind: str = "opus", kbps: float | None = None, **opts) -> dict:
    """One row to run: *kind* opus (OpusEncoder with *opts*), flac (the app's FLAC) or opusenc (the peer)."""
    full = {"complexity": E.OPUS_COMPLEXITY, "layout": "two-mono", "frame_ms": E.OPUS_FRAME_MS,
            "application": E.OPUS_APPLICATION, "vbr": E.OPUS_VBR}
    full.update(opts)
    return {"setting": setting, "phase": phase, "kind": kind, "kbps": kbps, **(full if kind == "opus" else {})}


class Scene:
    """One scene's audio, and running rows on it."""

    def __init__(self, name: str, secs: float, tmp: Path, ident, repeats: int) -> None:
        src = tmp / f"src-{name}"
        if name == "noisy-line":
            self.x, self.wav = make_noisy_line_audio(src, secs)
            clean, _ = sf.read(src / "call-noisy-line-customer-clean.wav", dtype="float64")
            from pystoi import stoi
            self.line_stoi = float(stoi(clean, self.x[:, 1].astype(np.float64), RATE, extended=False))
        else:
            self.x, self.wav = make_call_audio(src, secs, name)
            self.line_stoi = None
        self.name, self.secs, self.tmp, self.ident, self.repeats = name, secs, tmp, ident, repeats
        self.rec = ident.to_public()
        self._n = 0

    def run(self, s: dict) -> dict:
        cpus, r = [], {}
        for _ in range(self.repeats):
            self._n += 1
            where = self.tmp / f"{self.name}-{self._n}"
            if s["kind"] == "opusenc":
                r = encode_opusenc(self.wav, where.with_suffix(".age"), str(self.rec), s["kbps"])
            else:
                make = (lambda sink: E.open_encoder("flac", sink, RATE)) if s["kind"] == "flac" else (
                    lambda sink: E.OpusEncoder(sink, RATE, s["kbps"], s["complexity"], s["layout"],
                                               frame_ms=s["frame_ms"], application=s["application"], vbr=s["vbr"]))
                r = encode_app(self.x, where, [self.rec], make)
            cpus.append(r["cpu"])
        plain = pyrage.decrypt(Path(r["path"]).read_bytes(), [self.ident])
        dec, note = decode_bytes(plain)
        pages = ogg_page_ms(plain) if s["kind"] != "flac" else []
        row = {**s, "scene": self.name, "kbit_s": r["size"] * 8 / self.secs / 1000,
               "kb_per_min": r["size"] / self.secs * 60 / 1000, "cpu_per_min": statistics.median(cpus) / self.secs * 60,
               "cpu_runs": [c / self.secs * 60 for c in cpus], "age_overhead_bytes": r["size"] - len(plain),
               "ogg_kbit_s": ogg_overhead_bytes(plain) * 8 / self.secs / 1000 if s["kind"] != "flac" else None,
               "page_ms": statistics.median(pages) if pages else None, "decoded_s": len(dec) / RATE, "note": note,
               **score(self.x, dec)}
        print(f"  [{self.name}] {s['setting']:34s} {row['kb_per_min']:6.1f} KB/min  STOI {row['stoi_left']:.3f}/"
              f"{row['stoi_right']:.3f}  xtalk {max(row['xtalk_left'], -99):.0f}/{max(row['xtalk_right'], -99):.0f}",
              flush=True)
        return row


# ------------------------------------------------------------------ the choosing rule
def level_ok(rows: list[dict], setting: str, level: float, noisy_level: float) -> bool:
    rs = [r for r in rows if r["setting"] == setting]
    return bool(rs) and all(min(r["stoi_left"], r["stoi_right"]) >= (noisy_level if r["scene"] == "noisy-line"
                                                                      else level)
                            and max(r["xtalk_left"], r["xtalk_right"]) <= SEPARATION_DB for r in rs)


def keeps(rows: list[dict], setting: str, best: str, tolerance: float) -> bool:
    """*setting* scores within *tolerance* STOI of *best* on every channel of every scene."""
    ref = {(r["scene"], ch): r[f"stoi_{ch}"] for r in rows if r["setting"] == best for ch in ("left", "right")}
    got = {(r["scene"], ch): r[f"stoi_{ch}"] for r in rows if r["setting"] == setting for ch in ("left", "right")}
    return bool(got) and all(k in ref and v >= ref[k] - tolerance for k, v in got.items())


def double_talk_kb(rows: list[dict], setting: str) -> float:
    return max((r["kb_per_min"] for r in rows if r["setting"] == setting and r["scene"] == "double-talk"),
               default=float("inf"))


def choose(candidates: list, name, rows: list[dict], lv: dict, budget: float) -> tuple[object | None, str]:
    """The first candidate (in preference order) that passes with margin, whose next-worse neighbour
    (``name(c, -1)``) passes the floor, and within *budget* KB per call-minute in double-talk."""
    for c in candidates:
        setting, below = name(c, 0), name(c, -1)
        if below is None:
            continue                  # no evidence of a margin below the lowest swept point
        if (level_ok(rows, setting, lv["margin"], lv["noisy_margin"])
                and level_ok(rows, below, lv["floor"], lv["noisy_floor"]) and double_talk_kb(rows, setting) <= budget):
            return c, setting
    return None, ""


def kbps_label(per_ch: float, **extra) -> str:
    tail = "".join(f" {k}={v}" for k, v in extra.items())
    return f"two-mono {per_ch:g}k/ch{tail}"


# ------------------------------------------------------------------ output
def print_table(scene: str, secs: float, rows: list[dict], line_stoi: float | None) -> None:
    print()
    print(f"Scene '{scene}': {secs / 60:g} min, 16 kHz, agent left / customer right")
    if line_stoi is not None:
        print(f"  (the line itself, uncoded: customer STOI {line_stoi:.3f} against the clean voice)")
    hdr = (f"{'setting':38s} {'kbit/s':>6s} {'KB/min':>6s} {'Ogg kb/s':>8s} {'STOI L':>6s} {'STOI R':>6s} "
           f"{'xtalk L/R':>9s} {'CPU s/min':>9s} {'x peer':>6s}")
    print(hdr)
    print("-" * len(hdr))
    peer = next((r["cpu_per_min"] for r in rows if r["kind"] == "opusenc" and r["kbps"] == PEER_CPU_KBPS), None)
    for r in rows:
        xt = f"{max(r['xtalk_left'], -99):.0f}/{max(r['xtalk_right'], -99):.0f}"
        og = "-" if r["ogg_kbit_s"] is None else f"{r['ogg_kbit_s']:.2f}"
        ratio = f"{r['cpu_per_min'] / peer:.2f}" if peer else "-"
        print(f"{r['setting']:38s} {r['kbit_s']:6.1f} {r['kb_per_min']:6.1f} {og:>8s} {r['stoi_left']:6.3f} "
              f"{r['stoi_right']:6.3f} {xt:>9s} {r['cpu_per_min']:9.2f} {ratio:>6s}")


def floats(text: str) -> list[float]:
    return [float(t) for t in text.split(",") if t.strip()]


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="20 s scenes, one CPU run per row (a smoke run)")
    ap.add_argument("--minutes", type=float, default=1.0, help="length of each scene (default 1)")
    ap.add_argument("--repeats", type=int, default=3, help="encodes per row, for the median CPU (default 3)")
    ap.add_argument("--per-channel", default=",".join(map(str, PER_CHANNEL_KBPS)), help="kbit/s per side")
    ap.add_argument("--at", type=float, help="phase 2-3 at this kbit/s per side instead of the chosen one")
    ap.add_argument("--margin", type=float, default=0.92)
    ap.add_argument("--floor", type=float, default=0.90)
    ap.add_argument("--noisy-margin", type=float, default=0.87)
    ap.add_argument("--noisy-floor", type=float, default=0.85)
    ap.add_argument("--tolerance", type=float, default=0.01,
                    help="a lower complexity must keep STOI within this of complexity 10's (default 0.01)")
    ap.add_argument("--budget", type=float, default=BUDGET_KB_PER_MIN, help="KB per call-minute in double-talk")
    ap.add_argument("--peer", default=",".join(map(str, PEER_KBPS)), help="kbit/s for the opusenc rows")
    ap.add_argument("--scenes", default=",".join(SCENES))
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    if args.quick:
        args.minutes, args.repeats = min(args.minutes, 1 / 3), 1
    return args


def main() -> None:
    args = parse_args()
    need("espeak-ng", "sox", "opusenc", "age")
    secs = args.minutes * 60
    lv = {"margin": args.margin, "floor": args.floor, "noisy_margin": args.noisy_margin,
          "noisy_floor": args.noisy_floor}
    per_ch = sorted(floats(args.per_channel))
    ident = pyrage.x25519.Identity.generate()
    rows: list[dict] = []
    warm_up_encoder()
    default_c = E.OPUS_COMPLEXITY

    def lab(p: float, c: int = default_c, **opt) -> str:
        return kbps_label(p, **({"c": c} if c != default_c else {}), **opt)

    def below(p: float) -> float | None:
        lower = [u for u in per_ch if u < p]
        return lower[-1] if lower else None

    with tempfile.TemporaryDirectory() as td:
        scenes = [Scene(n, secs, Path(td), ident, args.repeats) for n in args.scenes.split(",") if n]

        def run(s: dict) -> None:
            if not any(r["setting"] == s["setting"] for r in rows):
                rows.extend(sc.run(s) for sc in scenes)

        print(f"phase 1: two-mono bitrate per channel {per_ch} at complexity {default_c}", flush=True)
        for p in per_ch:
            run(spec(lab(p), "bitrate", kbps=2 * p))
        chosen, _ = choose(per_ch, lambda p, d: lab(p) if d == 0 else (lab(below(p)) if below(p) else None),
                           rows, lv, args.budget)
        p = args.at or chosen or per_ch[len(per_ch) // 2]
        pn = below(p)
        print(f"phase 2: complexity 0-10 at {p:g} and {pn} kbit/s per channel", flush=True)
        for c in range(10, -1, -1):
            for q in (p, pn):
                if q is not None:
                    run(spec(lab(q, c), "complexity", kbps=2 * q, complexity=c))
        cc = next((c for c in range(11) if all(level_ok(rows, lab(p, k), lv["margin"], lv["noisy_margin"])
                                               and keeps(rows, lab(p, k), lab(p, 10), args.tolerance)
                                               for k in range(c, 11))
                   and pn is not None and level_ok(rows, lab(pn, c), lv["floor"], lv["noisy_floor"])
                   and double_talk_kb(rows, lab(p, c)) <= args.budget), default_c)
        print(f"phase 3: options at {p:g} (and {pn}) kbit/s per channel, complexity {cc}", flush=True)
        defaults = {"frame_ms": E.OPUS_FRAME_MS, "application": E.OPUS_APPLICATION, "vbr": E.OPUS_VBR}
        for _title, opt in OPTION_ROWS:
            (k, v), = opt.items()
            if defaults[k] != v:
                for q in (p, pn):
                    if q is not None:
                        run(spec(lab(q, cc, **{k: v}), "options", kbps=2 * q, complexity=cc, **opt))
        print("phase 4: references", flush=True)
        # The previous default. The stereo layout cannot go lower: below 28 kbit/s the encoder raises it
        # (STEREO_MIN_KBPS), because libopus then codes joint stereo as mono and mixes the two sides.
        run(spec("stereo 28k (the previous default)", "reference", kbps=28, layout="stereo", complexity=10,
                 frame_ms=20, application="audio", vbr="constrained"))
        for k in floats(args.peer):
            run(spec(f"opusenc {k:g}k (coupled stereo)", "reference", kind="opusenc", kbps=k))
        run(spec("taltio flac", "reference", kind="flac"))
        line = {sc.name: sc.line_stoi for sc in scenes}

    print()
    print(encoder_settings())
    print(f"module defaults: OPUS_COMPLEXITY={E.OPUS_COMPLEXITY} OPUS_FRAME_MS={E.OPUS_FRAME_MS} "
          f"OPUS_APPLICATION={E.OPUS_APPLICATION} OPUS_VBR={E.OPUS_VBR}; rows name what they change")
    print("taltio rows: OpusEncoder -> EncryptedOggSink (real age recipient), a sealed age segment per second,")
    print("finalize(); decrypted, decoded with soundfile. KB = 1000 bytes of the final .age file per call-minute")
    print("(Ogg + age overhead included); 'Ogg kb/s' = page headers and lacing alone; STOI per channel against its")
    print(f"own source; xtalk dB = the other side's source in this channel (-99: none); CPU = median of {args.repeats}")
    print(f"encodes (encode+encrypt+write), 'x peer' = CPU / opusenc {PEER_CPU_KBPS}k's in the same scene and run.")
    for name, line_stoi in line.items():
        print_table(name, secs, [r for r in rows if r["scene"] == name], line_stoi)

    print()
    ok = chosen is not None and args.at is None
    if ok:
        rs = [r for r in rows if r["setting"] == lab(p, cc)]
        low = {r["scene"]: min(r["stoi_left"], r["stoi_right"]) for r in rs}
        xt = max(max(r["xtalk_left"], r["xtalk_right"]) for r in rs)
        print(f"RECOMMENDED: audio.opus_bitrate_kbps = {2 * p:g} ({p:g} kbit/s per side), OPUS_COMPLEXITY = {cc}: "
              f"{double_talk_kb(rows, lab(p, cc)):.1f} KB/call-min in double-talk, lowest STOI "
              + ", ".join(f"{k} {v:.3f}" for k, v in low.items()) + f", cross-talk <= {xt:.0f} dB; "
              f"{pn:g} kbit/s per side still passes STOI >= {args.floor} (noisy {args.noisy_floor})")
    else:
        print("no two-mono bitrate met the choosing rule" if chosen is None else f"phases 2-3 ran at --at {p:g}")
    if args.json:
        args.json.write_text(json.dumps({
            "seconds": secs, "rows": rows, "levels": lv, "budget_kb_per_min": args.budget,
            "encoder": encoder_settings(), "line_stoi": line,
            "recommended_kbps": int(2 * p) if ok else None, "recommended_per_channel_kbps": p if ok else None,
            "recommended_complexity": cc if ok else None}, indent=1, default=str))


if __name__ == "__main__":
    main()
