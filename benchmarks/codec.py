"""Codec sweep: Ogg Opus bitrate vs size, intelligibility (STOI per channel) and CPU; FLAC for reference.

Every ``taltio`` row goes through the app's own path (see _common.encode_taltio): the app's encoder
(``taltio.recording.encoder.open_encoder``: PyAV/FFmpeg libopus at the bitrate in kbit/s, complexity 10,
application audio, 20 ms frames, constrained VBR, 200 ms Ogg pages flushed at once) writes into
EncryptedOggSink with a real age (pyrage X25519) recipient, one sealed segment per second of audio,
then finalize() encrypts the whole call once more. The final file is decrypted with the identity
(pyrage), decoded with soundfile, aligned to the source per channel, and scored with pystoi against
the source speech.

Reference rows, not the app's path, clearly named as such:
* ``opusenc K`` - Debian's ``opusenc --cvbr --bitrate K call.wav - | age -r R`` (libopus 1.3.1), the
  peer of cpu.py, on the same audio;
* ``libsndfile K (previous)`` - the app's previous Opus encoder (soundfile's bundled libsndfile,
  ``compression_level`` for K, 200 ms pages) through the same sink, so old and new compare in one run;
* ``2x mono K`` - another layout (one mono Ogg Opus stream per side, PyAV with the app's settings but
  mono, own sink each); the app does not use it.

Two scenes, each --minutes long: ``double-talk`` (both voices all the time: the worst case for size and
for Opus's stereo coding) and ``turns`` (sentence by sentence, each channel silent while the other
speaks). At low bitrates libopus codes a stereo stream partly or wholly as mono (its rate-based
mono/stereo decision), so agent and customer bleed into each other: the ``xtalk`` column shows it,
and STOI drops in double-talk.

Recommendation rule: the smallest stereo bitrate at which both channels reach STOI >= --margin (0.88;
the product bar is 0.85) and cross-talk <= -30 dB in every scene, and so does every swept bitrate down
to 2 kbit/s below it (libopus switches mono/stereo with hysteresis and its own speech/music estimate,
so stay clear of the switch). That bitrate is the value for the app's ``audio.opus_bitrate_kbps``.

    python benchmarks/codec.py [--minutes 2] [--margin 0.88] [--targets 16,20,...] [--json out.json]
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
import numpy as np  # noqa: E402
import pyrage  # noqa: E402
import soundfile as sf  # noqa: E402

from _common import (BLOCK, PAGE_DURATION_MS, RATE, EncryptedOggSink, cpu_children, cpu_self,  # noqa: E402
                     encode_taltio, encoder_settings, make_call_audio, need, ogg_page_ms, warm_up_encoder)
from tests.helpers.signals import best_ncc  # noqa: E402

TARGETS_KBPS = [12, 14, 16, 18, 20, 22, 24, 26, 28, 32, 48]
PEER_KBPS = [16, 24, 28]     # opusenc on the same audio
PREVIOUS_KBPS = [28]         # the previous encoder (libsndfile), at the app's default before this change
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
        assert f.samplerate == RATE, f.samplerate
        try:
            for blk in f.blocks(RATE, dtype="float32", always_2d=True):
                frames.append(blk)
        except Exception as exc:  # noqa: BLE001 - report how far it decoded
            note = f"decode stopped: {exc}"
    return (np.concatenate(frames) if frames else np.zeros((0, 2), np.float32)), note


def median_page_ms(plain: bytes) -> float | None:
    pages = ogg_page_ms(plain)
    return statistics.median(pages) if pages else None


class MonoOpus:
    """One mono Ogg Opus stream through PyAV with the app's encoder options, only the layout differs.

    The options are local to OpusEncoder's constructor, so they are restated here; keep them in step
    with taltio/core/encoder.py. Rows made with this are labelled "not the app's".
    """

    def __init__(self, sink, kbps: float) -> None:
        import av

        from taltio.recording.encoder import _ForwardOnly

        self._av = av
        self._out = av.open(_ForwardOnly(sink), mode="w", format="ogg",
                            options={"page_duration": str(PAGE_DURATION_MS * 1000), "flush_packets": "1"})
        self._st = self._out.add_stream("libopus", rate=RATE, layout="mono", format="flt",
                                        options={"b": str(int(kbps * 1000)), "compression_level": "10",
                                                 "application": "audio", "frame_duration": "20",
                                                 "vbr": "constrained"})
        self._pts = 0

    def write(self, mono: np.ndarray) -> None:
        fr = self._av.AudioFrame.from_ndarray(np.ascontiguousarray(mono, np.float32).reshape(1, -1), format="flt",
                                              layout="mono")
        fr.sample_rate, fr.pts = RATE, self._pts
        self._pts += len(mono)
        for p in self._st.encode(fr):
            self._out.mux(p)

    def close(self) -> None:
        for p in self._st.encode(None):
            self._out.mux(p)
        self._out.close()


def encode_two_mono(x: np.ndarray, tmp: Path, recipients: list, ident, kbps_each: float) -> tuple[dict, np.ndarray]:
    """Alternative layout: one mono Ogg Opus stream (own sink, own age file) per channel."""
    cpu = size = 0.0
    chans = []
    for ch in (0, 1):
        d = tmp / f"ch{ch}"
        d.mkdir(parents=True)
        sink = EncryptedOggSink(d, recipients, seal_every=1.0)
        t0 = cpu_self()
        enc = MonoOpus(sink, kbps_each)
        for n, i in enumerate(range(0, len(x), BLOCK)):
            enc.write(x[i:i + BLOCK, ch])
            if n % (RATE // BLOCK) == RATE // BLOCK - 1:
                sink.seal()
        enc.close()
        sink.seal()
        out = sink.finalize("call.age")
        cpu += cpu_self() - t0
        size += out.size
        dec, _ = decode_bytes(pyrage.decrypt(out.path.read_bytes(), [ident]))
        chans.append(dec[:, 0])
    n = min(len(c) for c in chans)
    return {"cpu": cpu, "size": size}, np.stack([c[:n] for c in chans], axis=1)


def encode_opusenc(wav: Path, out: Path, recipient: str, kbps: float) -> dict:
    c0 = cpu_children()
    subprocess.run(f"opusenc --quiet --cvbr --bitrate {kbps:g} '{wav}' - | age -r {recipient} -o '{out}'",
                   shell=True, check=True)
    return {"cpu": cpu_children() - c0, "size": out.stat().st_size, "path": out}


def run_scene(scene: str, secs: float, tmp: Path, targets: list[int], peer_kbps: list[int], prev_kbps: list[int],
              mono_kbps: list[int], ident, rec) -> list[dict]:
    x, wav = make_call_audio(tmp / "src", secs, scene)
    rows = []

    def add(setting: str, encoder: str, fmt: str, target, r: dict, plain: bytes) -> None:
        dec, note = decode_bytes(plain)
        rows.append({"scene": scene, "setting": setting, "encoder": encoder, "format": fmt, "target_kbps": target,
                     "kbps": r["size"] * 8 / secs / 1000, "kb_per_min": r["size"] / secs * 60 / 1000,
                     "cpu_per_min": r["cpu"] / secs * 60, "segments": r.get("segments"),
                     "page_ms": median_page_ms(plain) if fmt != "flac" else None,
                     "decoded_s": len(dec) / RATE, "note": note, **score(x, dec)})
        print(f"  [{scene}] {setting:24s} done", flush=True)

    def plain_of(path: Path) -> bytes:
        return pyrage.decrypt(path.read_bytes(), [ident])

    for kbps in targets:
        r = encode_taltio(x, tmp / f"{scene}-opus{kbps}", [rec], "opus", kbps)
        add(f"taltio opus {kbps}k", "taltio", "opus", kbps, r, plain_of(r["path"]))
    r = encode_taltio(x, tmp / f"{scene}-flac", [rec], "flac")
    add("taltio flac", "taltio", "flac", None, r, plain_of(r["path"]))
    for kbps in prev_kbps:
        r = encode_taltio(x, tmp / f"{scene}-prev{kbps}", [rec], "opus", kbps, encoder="libsndfile")
        add(f"libsndfile {kbps}k (previous)", "libsndfile", "opus", kbps, r, plain_of(r["path"]))
    for kbps in peer_kbps:
        r = encode_opusenc(wav, tmp / f"{scene}-opusenc{kbps}.age", str(rec), kbps)
        add(f"opusenc {kbps}k", "opusenc", "opus", kbps, r, plain_of(r["path"]))
    for kb in mono_kbps:
        r, dec = encode_two_mono(x, tmp / f"{scene}-mono{kb}", [rec], ident, kb)
        rows.append({"scene": scene, "setting": f"2x mono {kb}k (not the app's)", "encoder": "pyav-mono",
                     "format": "opus-2mono", "target_kbps": 2 * kb, "kbps": r["size"] * 8 / secs / 1000,
                     "kb_per_min": r["size"] / secs * 60 / 1000, "cpu_per_min": r["cpu"] / secs * 60,
                     "page_ms": None, "decoded_s": len(dec) / RATE, "note": "", **score(x, dec)})
        print(f"  [{scene}] 2x mono {kb}k done", flush=True)
    return rows


def print_table(scene: str, secs: float, rows: list[dict]) -> None:
    print()
    print(f"Scene '{scene}': {secs / 60:g} min, 16 kHz stereo, agent left / customer right")
    hdr = (f"{'setting':29s} {'target':>6s} {'kbit/s':>6s} {'KB/call-min':>11s} {'STOI L':>6s} {'STOI R':>6s} "
           f"{'xtalk L/R dB':>12s} {'page ms':>7s} {'CPU s/rec-min':>13s}")
    print(hdr)
    print("-" * len(hdr))
    for r in rows:
        tgt = "-" if r["target_kbps"] is None else f"{r['target_kbps']:g}"
        xt = f"{max(r['xtalk_left'], -99):.0f}/{max(r['xtalk_right'], -99):.0f}"
        pg = "-" if r.get("page_ms") is None else f"{r['page_ms']:.0f}"
        print(f"{r['setting']:29s} {tgt:>6s} {r['kbps']:6.1f} {r['kb_per_min']:11.1f} "
              f"{r['stoi_left']:6.3f} {r['stoi_right']:6.3f} {xt:>12s} {pg:>7s} {r['cpu_per_min']:13.2f}")


def passes(rows: list[dict], setting: str, floor: float, sep: float | None) -> bool:
    rs = [r for r in rows if r["setting"] == setting]
    return bool(rs) and all(min(r["stoi_left"], r["stoi_right"]) >= floor
                            and (sep is None or max(r["xtalk_left"], r["xtalk_right"]) <= sep) for r in rs)


def ints(text: str) -> list[int]:
    return [int(t) for t in text.split(",") if t.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minutes", type=float, default=2.0, help="length of each test call (default 2)")
    ap.add_argument("--margin", type=float, default=0.88,
                    help="STOI both channels must reach for the recommendation (default 0.88; the bar is 0.85)")
    ap.add_argument("--targets", default=",".join(map(str, TARGETS_KBPS)), help="stereo kbit/s through the app")
    ap.add_argument("--peer", default=",".join(map(str, PEER_KBPS)), help="kbit/s for the opusenc rows ('' none)")
    ap.add_argument("--previous", default=",".join(map(str, PREVIOUS_KBPS)),
                    help="kbit/s for the previous-encoder (libsndfile) rows ('' none)")
    ap.add_argument("--mono", default=",".join(map(str, MONO_KBPS)), help="kbit/s per side for 2x mono ('' none)")
    ap.add_argument("--scenes", default=",".join(SCENES))
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    need("espeak-ng", "sox", "opusenc", "age")
    secs = args.minutes * 60
    targets = sorted(ints(args.targets))
    ident = pyrage.x25519.Identity.generate()
    rec = ident.to_public()
    rows: list[dict] = []
    scenes = [s for s in args.scenes.split(",") if s]
    warm_up_encoder()
    with tempfile.TemporaryDirectory() as td:
        for scene in scenes:
            rows += run_scene(scene, secs, Path(td), targets, ints(args.peer), ints(args.previous), ints(args.mono),
                              ident, rec)

    print()
    print(encoder_settings())
    print("taltio rows: the app's encoder -> EncryptedOggSink (real age recipient), a sealed age segment per second,")
    print("finalize(); decrypted with the identity, decoded with soundfile. Other rows are references (see --help).")
    print("KB = 1000 bytes of the final .age file (kbit/s likewise, Ogg + age overhead included). STOI per channel")
    print("against its own source; xtalk = level of the other side's source in this channel (-99: none);")
    print("page ms = median audio per Ogg page (what the encoder may hold back before bytes reach the sink).")
    for scene in scenes:
        print_table(scene, secs, [r for r in rows if r["scene"] == scene])

    name = {r["target_kbps"]: r["setting"] for r in rows if r["encoder"] == "taltio" and r["format"] == "opus"}
    stereo = sorted(name)
    ok85 = [t for t in stereo if passes(rows, name[t], THRESHOLD, None)]
    okm = [t for t in stereo if passes(rows, name[t], args.margin, SEPARATION_DB)]
    # Bitrate margin: libopus decides mono/stereo per frame from the target bitrate and its own speech/music
    # estimate (with hysteresis), so stay clear of the last failing bitrate. Needs a swept point at or below
    # t - margin, or there is no evidence of the margin.
    safe = [t for t in okm if any(u <= t - BITRATE_MARGIN_KBPS for u in stereo)
            and all(u in okm for u in stereo if t - BITRATE_MARGIN_KBPS <= u <= t)]
    print()
    if ok85:
        t = ok85[0]
        worst = max(r["kb_per_min"] for r in rows if r["setting"] == name[t])
        print(f"smallest stereo Opus through the app with STOI >= {THRESHOLD} on both channels in every scene: "
              f"{name[t]} (at most {worst:.0f} KB/call-min)")
    if safe:
        t = safe[0]
        rs = [r for r in rows if r["setting"] == name[t]]
        worst = max(r["kb_per_min"] for r in rs)
        low = min(min(r["stoi_left"], r["stoi_right"]) for r in rs)
        xt = max(max(r["xtalk_left"], r["xtalk_right"]) for r in rs)
        print(f"RECOMMENDED: audio.opus_bitrate_kbps = {t} ({name[t]}: STOI >= {args.margin} (lowest {low:.3f}) and "
              f"cross-talk <= {SEPARATION_DB:g} dB (worst {xt:.0f}) on both channels in every scene, also "
              f"{BITRATE_MARGIN_KBPS:g} kbit/s below; at most {worst:.0f} KB/call-min)")
    else:
        print("no stereo Opus bitrate met the recommendation rule")
    for fl in (r for r in rows if r["format"] == "flac"):
        whole = abs(fl["decoded_s"] - secs) < 0.05 and not fl["note"]
        print(f"FLAC (lossless option), {fl['scene']}: {fl['kb_per_min']:.0f} KB/call-min; the final file decodes "
              f"{fl['decoded_s']:.2f} of {secs:.0f} s" + ("" if whole else f" - INCOMPLETE {fl['note']}"))
    if args.json:
        args.json.write_text(json.dumps({"seconds": secs, "rows": rows, "margin": args.margin,
                                         "encoder": encoder_settings(),
                                         "recommended_kbps": safe[0] if safe else None,
                                         "min85_kbps": ok85[0] if ok85 else None}, indent=1, default=str))


if __name__ == "__main__":
    main()
