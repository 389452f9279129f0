"""Codec sweep: Ogg Opus bitrate vs size, intelligibility (STOI per channel) and CPU; FLAC for reference.

Every row goes through Taltio's own path (see _common.encode_taltio): soundfile/libsndfile writes
Ogg Opus into EncryptedOggSink with a real age (pyrage X25519) recipient, 200 ms Ogg pages, one
sealed segment per second of audio, then finalize() encrypts the whole call once more. The final
file is decrypted with the identity (pyrage), decoded with soundfile, aligned to the source per
channel, and scored with pystoi against the source speech.

Opus bitrate in soundfile 0.14 / libsndfile 1.2.2: the only knob is ``compression_level`` (0..1),
which libsndfile maps linearly to ``int((1 - level) * 250000 + 6000) * channels`` bit/s (src/ogg_opus.c,
SFC_SET_COMPRESSION_LEVEL -> OPUS_SET_BITRATE). The encoder is OPUS_APPLICATION_AUDIO, complexity 10,
20 ms frames, libopus default (unconstrained) VBR; none of these is exposed. SFC_SET_BITRATE_MODE
(0x1305) is not handled by the Opus codec in 1.2.2 (it returns SF_FALSE), which is why soundfile raises
when ``bitrate_mode`` is passed with ``compression_level``; with ``bitrate_mode`` alone soundfile never
sends it, so it is silently ignored. This script checks both facts at run time.

Two scenes, each --minutes long: ``double-talk`` (both voices all the time: the worst case for size and
for Opus's stereo coding) and ``turns`` (sentence by sentence, each channel silent while the other
speaks). Below about 26 kbit/s, libopus codes a stereo stream partly or wholly as mono (its rate-based
mono/stereo decision; libsndfile cannot force two channels), so agent and customer bleed into each
other: the ``xtalk`` column shows it, and STOI drops in double-talk. Rows ``2x mono`` show the other
layout (one mono Ogg Opus stream per side) that does not have this problem; the app does not use it.

Recommendation rule: the smallest stereo bitrate at which both channels reach STOI >= --margin (0.88;
the product bar is 0.85) and cross-talk <= -30 dB in every scene, and so does every swept bitrate up to
2 kbit/s below it (libopus switches mono/stereo with +-1 kbit/s hysteresis and its own speech/music
estimate, so stay clear of the switch).

    python benchmarks/codec.py [--minutes 2] [--margin 0.88] [--json out.json]
    TALTIO_BENCH_LIBSNDFILE=system python benchmarks/codec.py    # with Debian's libsndfile1 (_libsel.py)
"""
from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _libsel  # noqa: E402 - before soundfile: TALTIO_BENCH_LIBSNDFILE=system picks the distro libsndfile

import numpy as np  # noqa: E402
import pyrage  # noqa: E402
import soundfile as sf  # noqa: E402

from _common import (BLOCK, RATE, SFC_SET_BITRATE_MODE, EncryptedOggSink, cpu_self,  # noqa: E402
                     encode_taltio, make_call_audio, need, opus_bitrate, opus_level, set_page_latency)
from tests.helpers.signals import best_ncc  # noqa: E402

TARGETS_KBPS = [12, 16, 20, 22, 24, 25, 26, 28, 32, 48]
MONO_KBPS = [8, 12]          # per channel, for the two-mono-streams alternative
SCENES = ("double-talk", "turns")
THRESHOLD = 0.85
SEPARATION_DB = -30.0        # a two-channel recorder must keep agent and customer apart
BITRATE_MARGIN_KBPS = 2.0


def align(ref: np.ndarray, dec: np.ndarray) -> tuple[np.ndarray, float]:
    """*dec* shifted so that it lines up with *ref* (same length), and the lag in ms."""
    _ncc, lag_s = best_ncc(dec, ref, RATE, max_lag_s=0.25)
    lag = int(round(lag_s * RATE))
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
        assert f.samplerate == RATE
        try:
            for blk in f.blocks(RATE, dtype="float32", always_2d=True):
                frames.append(blk)
        except Exception as exc:  # noqa: BLE001 - report how far it decoded
            note = f"decode stopped: {exc}"
    return (np.concatenate(frames) if frames else np.zeros((0, 2), np.float32)), note


def decode(path: Path, ident) -> tuple[np.ndarray, str]:
    return decode_bytes(pyrage.decrypt(path.read_bytes(), [ident]))


def encode_two_mono(x: np.ndarray, tmp: Path, recipients: list, ident, kbps_each: float) -> tuple[dict, np.ndarray]:
    """Alternative layout: one mono Ogg Opus stream (own sink, own age file) per channel."""
    lvl = opus_level(int(kbps_each * 1000), channels=1)
    cpu = size = 0.0
    chans = []
    for ch in (0, 1):
        d = tmp / f"ch{ch}"
        d.mkdir(parents=True)
        sink = EncryptedOggSink(d, recipients, seal_every=1.0)
        t0 = cpu_self()
        enc = sf.SoundFile(sink, mode="w", samplerate=RATE, channels=1, format="OGG", subtype="OPUS",
                           compression_level=lvl)
        set_page_latency(enc)
        for n, i in enumerate(range(0, len(x), BLOCK)):
            enc.write(x[i:i + BLOCK, ch])
            if n % 50 == 49:
                sink.seal()
        enc.close()
        sink.seal()
        out = sink.finalize("call.age")
        cpu += cpu_self() - t0
        size += out.size
        dec, _ = decode(out.path, ident)
        chans.append(dec[:, 0])
    n = min(len(c) for c in chans)
    return {"cpu": cpu, "size": size, "level": lvl}, np.stack([c[:n] for c in chans], axis=1)


def check_bitrate_mode_commands() -> list[str]:
    """What libsndfile says to the bitrate-mode command on an Ogg Opus encoder (documented facts, re-checked)."""
    from soundfile import _ffi, _snd  # type: ignore[attr-defined]

    out = []
    try:
        sf.SoundFile(io.BytesIO(), "w", RATE, 2, format="OGG", subtype="OPUS", compression_level=0.98,
                     bitrate_mode="CONSTANT")
        out.append("compression_level + bitrate_mode: accepted")
    except Exception as exc:  # noqa: BLE001
        out.append(f"compression_level + bitrate_mode: raises {type(exc).__name__}: {exc}")
    with sf.SoundFile(io.BytesIO(), "w", RATE, 2, format="OGG", subtype="OPUS") as enc:
        for name, mode in (("CONSTANT", 0), ("AVERAGE", 1), ("VARIABLE", 2)):
            p = _ffi.new("int[1]", [mode])
            r = _snd.sf_command(enc._file, SFC_SET_BITRATE_MODE, p, _ffi.sizeof(p))
            out.append(f"sf_command(SFC_SET_BITRATE_MODE=0x1305, {name}) -> {r} "
                       f"({'SF_TRUE' if r == 1 else 'SF_FALSE: not supported for Opus'})")
    with sf.SoundFile(io.BytesIO(), "w", RATE, 2, format="OGG", subtype="OPUS", bitrate_mode="CONSTANT") as enc:
        out.append(f"bitrate_mode alone: accepted by soundfile but never sent (bitrate_mode={enc.bitrate_mode!r}, "
                   "no compression_level)")
    return out


def run_scene(scene: str, secs: float, tmp: Path, targets: list[float], ident, rec) -> list[dict]:
    x, _wav = make_call_audio(tmp / "src", secs, scene)
    rows = []
    settings: list[tuple[str, str, float | None, int | None]] = []
    for kbps in targets:
        lvl = opus_level(int(kbps * 1000))
        settings.append((f"opus {kbps:g}k", "opus", lvl, opus_bitrate(lvl)))
    settings.append(("opus default", "opus", None, None))
    settings.append(("flac", "flac", None, None))
    for i, (name, fmt, lvl, target) in enumerate(settings):
        r = encode_taltio(x, tmp / f"{scene}-{i}", [rec], fmt, lvl)
        dec, note = decode(r["path"], ident)
        row = {"scene": scene, "setting": name, "format": fmt, "compression_level": lvl,
               "target_kbps": None if target is None else target / 1000,
               "kbps": r["size"] * 8 / secs / 1000, "kb_per_min": r["size"] / secs * 60 / 1000,
               "cpu_per_min": r["cpu"] / secs * 60, "segments": r["segments"],
               "segment_kb_per_min": r["segment_bytes"] / secs * 60 / 1000,
               "decoded_s": len(dec) / RATE, "note": note, **score(x, dec)}
        rows.append(row)
        print(f"  [{scene}] {name:13s} done", flush=True)
    for kb in MONO_KBPS:
        r, dec = encode_two_mono(x, tmp / f"{scene}-mono{kb}", [rec], ident, kb)
        rows.append({"scene": scene, "setting": f"2x mono {kb:g}k", "format": "opus-2mono",
                     "compression_level": r["level"], "target_kbps": 2 * kb,
                     "kbps": r["size"] * 8 / secs / 1000, "kb_per_min": r["size"] / secs * 60 / 1000,
                     "cpu_per_min": r["cpu"] / secs * 60, "decoded_s": len(dec) / RATE, "note": "",
                     **score(x, dec)})
        print(f"  [{scene}] 2x mono {kb:g}k done", flush=True)
    return rows


def print_table(scene: str, secs: float, rows: list[dict]) -> None:
    print()
    print(f"Scene '{scene}': {secs / 60:g} min, 16 kHz stereo, agent left / customer right")
    hdr = (f"{'setting':13s} {'compression_level':>17s} {'target':>6s} {'kbit/s':>6s} {'KB/call-min':>11s} "
           f"{'STOI L':>6s} {'STOI R':>6s} {'xtalk L/R dB':>12s} {'CPU s/rec-min':>13s}")
    print(hdr)
    print("-" * len(hdr))
    for r in rows:
        lvl = "-" if r["compression_level"] is None else f"{r['compression_level']:.6f}"
        tgt = "-" if r["target_kbps"] is None else f"{r['target_kbps']:g}"
        xt = f"{max(r['xtalk_left'], -99):.0f}/{max(r['xtalk_right'], -99):.0f}"
        print(f"{r['setting']:13s} {lvl:>17s} {tgt:>6s} {r['kbps']:6.1f} {r['kb_per_min']:11.1f} "
              f"{r['stoi_left']:6.3f} {r['stoi_right']:6.3f} {xt:>12s} {r['cpu_per_min']:13.2f}")


def passes(rows: list[dict], setting: str, floor: float, sep: float | None) -> bool:
    rs = [r for r in rows if r["setting"] == setting]
    return bool(rs) and all(min(r["stoi_left"], r["stoi_right"]) >= floor
                            and (sep is None or max(r["xtalk_left"], r["xtalk_right"]) <= sep) for r in rs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minutes", type=float, default=2.0, help="length of each test call (default 2)")
    ap.add_argument("--margin", type=float, default=0.88,
                    help="STOI both channels must reach for the recommendation (default 0.88; the bar is 0.85)")
    ap.add_argument("--targets", default=",".join(map(str, TARGETS_KBPS)), help="stereo kbit/s targets")
    ap.add_argument("--scenes", default=",".join(SCENES))
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    need("espeak-ng", "sox")
    secs = args.minutes * 60
    targets = [float(t) for t in args.targets.split(",") if t]
    ident = pyrage.x25519.Identity.generate()
    rec = ident.to_public()
    rows: list[dict] = []
    scenes = [s for s in args.scenes.split(",") if s]
    with tempfile.TemporaryDirectory() as td:
        for scene in scenes:
            rows += run_scene(scene, secs, Path(td), targets, ident, rec)

    print()
    print(f"libsndfile: {_libsel.describe()}")
    print("Codec sweep through Taltio's path: libsndfile -> EncryptedOggSink (real age recipient), 200 ms Ogg pages,")
    print("a sealed age segment per second, finalize(); decrypted with the identity, decoded with soundfile.")
    print("KB = 1000 bytes of the final .age file (kbit/s likewise, Ogg + age overhead included). STOI per channel")
    print("against its own source; xtalk = level of the other side's source in this channel (-99: none).")
    for scene in scenes:
        print_table(scene, secs, [r for r in rows if r["scene"] == scene])

    stereo = sorted({r["target_kbps"] for r in rows if r["format"] == "opus" and r["target_kbps"]})
    name = {r["target_kbps"]: r["setting"] for r in rows if r["format"] == "opus" and r["target_kbps"]}
    ok85 = [t for t in stereo if passes(rows, name[t], THRESHOLD, None)]
    okm = [t for t in stereo if passes(rows, name[t], args.margin, SEPARATION_DB)]
    # Bitrate margin: libopus decides mono/stereo per frame from the target bitrate and its own speech/music
    # estimate (+-1 kbit/s hysteresis), so stay clear of the last failing bitrate.
    safe = [t for t in okm if all(u in okm for u in stereo if t - BITRATE_MARGIN_KBPS <= u <= t)]
    print()
    if ok85:
        print(f"smallest stereo Opus with STOI >= {THRESHOLD} on both channels in every scene: {name[ok85[0]]}")
    if safe:
        t = safe[0]
        r0 = next(r for r in rows if r["setting"] == name[t] and r["scene"] == scenes[0])
        worst = max(r["kb_per_min"] for r in rows if r["setting"] == name[t])
        print(f"RECOMMENDED: {name[t]} (STOI >= {args.margin} and cross-talk <= {SEPARATION_DB:g} dB on both "
              f"channels in every scene, also {BITRATE_MARGIN_KBPS:g} kbit/s below): "
              f"sf.SoundFile(sink, mode='w', samplerate=16000, channels=2, format='OGG', subtype='OPUS', "
              f"compression_level={r0['compression_level']:.6f})  # no bitrate_mode; "
              f"then sf_command(SFC_SET_OGG_PAGE_LATENCY_MS=0x1302, 200.0) as now; "
              f"target {t:g} kbit/s, at most {worst:.0f} KB/call-min")
    else:
        print("no stereo Opus setting met the recommendation rule")
    for fl in (r for r in rows if r["format"] == "flac"):
        whole = abs(fl["decoded_s"] - secs) < 0.05 and not fl["note"]
        print(f"FLAC (lossless option), {fl['scene']}: {fl['kb_per_min']:.0f} KB/call-min; the final file decodes "
              f"{fl['decoded_s']:.2f} of {secs:.0f} s" + ("" if whole else f" - INCOMPLETE {fl['note']}"))
    print("libsndfile bitrate-mode commands on Ogg Opus:")
    facts = check_bitrate_mode_commands()
    for f in facts:
        print(f"  {f}")
    if args.json:
        args.json.write_text(json.dumps({"seconds": secs, "rows": rows, "margin": args.margin,
                                         "recommended_kbps": safe[0] if safe else None,
                                         "min85_kbps": ok85[0] if ok85 else None,
                                         "bitrate_mode_facts": facts}, indent=1, default=str))


if __name__ == "__main__":
    main()
