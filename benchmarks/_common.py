"""Shared pieces of the codec, CPU and crash-loss benchmarks.

* Which Taltio code is measured: ``desktop/`` of this checkout, or the directory named by the
  ``TALTIO_DESKTOP`` environment variable (e.g. a ``git archive HEAD desktop`` export, when the
  working tree is mid-edit).
* The test speech: two distinct espeak-ng voices and texts, agent left and customer right.
* The Opus bitrate <-> ``compression_level`` mapping of libsndfile 1.2.2 (see ``opus_level``).
* Taltio's encode path, exactly as ``core/recorder.py`` builds it: soundfile writes Ogg Opus into
  ``EncryptedOggSink``, page latency 200 ms, a sealed age segment per second, then ``finalize``.
"""
from __future__ import annotations

import os
import resource
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = Path(os.environ.get("TALTIO_DESKTOP") or ROOT / "desktop").resolve()
sys.path.insert(0, str(DESKTOP))
sys.path.insert(0, str(ROOT))

from taltio.core.segments import EncryptedOggSink  # noqa: E402
from tests.helpers.signals import speech  # noqa: E402

RATE = 16000
BLOCK = RATE // 50            # the capture hands the encoder 20 ms blocks
PAGE_LATENCY_MS = 200.0       # recorder.py
SFC_SET_OGG_PAGE_LATENCY_MS = 0x1302
SFC_SET_BITRATE_MODE = 0x1305

AGENT_SENTENCES = [
    "Good morning, this is Anna from the customer service of North Bank, how can I help you today?",
    "I can confirm that your new loan of five thousand euros has a fixed interest rate for three years.",
    "The first instalment is due on the fifteenth of next month, and you can pay it early without a fee.",
    "Let me check the limit of your credit card; it is currently one thousand five hundred euros.",
    "For security reasons I need to ask you a few questions before I can change your address.",
    "Your new address will be shown in the online bank within two working days.",
    "If you want, I can also send the contract to your email so that you can read it in peace.",
    "Is there anything else I can help you with regarding your accounts or your insurance?",
]
CUSTOMER_SENTENCES = [
    "Hello. I would like to raise the limit of my credit card to two thousand euros, please.",
    "And please change my home address to Mannerheimintie twelve in Helsinki, postal code zero zero one hundred.",
    "I moved last week, and the letters are still going to my old flat in Tampere.",
    "How much does the early repayment cost if I pay the whole loan back next summer?",
    "My date of birth is the third of March, nineteen eighty four, and my mother's name is Helena.",
    "Could you also tell me why there was a service charge of four euros on my last statement?",
    "Yes, please send the contract by email, my address is the same as before.",
    "No, that was everything, thank you very much for your help, have a nice day.",
]


def cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def need(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        raise SystemExit(f"missing tools: {', '.join(missing)} (apt-get install opus-tools age sox espeak-ng "
                         "pulseaudio-utils pipewire ...)")


# ------------------------------------------------------------------ test speech
def _sentences(sentences: list[str], tmp: Path, tag: str, voice: str, wpm: int) -> list[np.ndarray]:
    out = []
    for i, text in enumerate(sentences):
        wav = speech(text, tmp / f"{tag}-{i}.wav", voice=voice, words_per_minute=wpm)
        y, r = sf.read(wav, dtype="float32")
        assert r == RATE
        out.append(y)
    return out


def make_call_audio(tmp: Path, seconds: float, scene: str = "double-talk") -> tuple[np.ndarray, Path]:
    """(frames x 2 float32, stereo WAV path): agent (espeak-ng en-us) left, customer (en+f3) right.

    Two distinct texts (AGENT_SENTENCES, CUSTOMER_SENTENCES), repeated as needed.
    * ``double-talk``: both talk all the time (worst case for size, and for Opus's stereo coding);
    * ``turns``: they take turns, sentence by sentence, with 0.3 s gaps; each channel is silent while
      the other speaks (the usual shape of a call).
    """
    tmp.mkdir(parents=True, exist_ok=True)
    ag = _sentences(AGENT_SENTENCES, tmp, "agent", "en-us", 150)
    cu = _sentences(CUSTOMER_SENTENCES, tmp, "customer", "en+f3", 170)
    n = int(seconds * RATE)
    x = np.zeros((n, 2), np.float32)
    gap = int(0.3 * RATE)
    if scene == "double-talk":
        for ch, parts in ((0, ag), (1, cu)):
            pos, i = 0, 0
            while pos < n:
                y = parts[i % len(parts)][: n - pos]
                x[pos:pos + len(y), ch] = y
                pos += len(y) + gap // 3
                i += 1
    elif scene == "turns":
        pos, i = 0, 0
        while pos < n:
            ch, y = (0, ag[(i // 2) % len(ag)]) if i % 2 == 0 else (1, cu[(i // 2) % len(cu)])
            y = y[: n - pos]
            x[pos:pos + len(y), ch] = y
            pos += len(y) + gap
            i += 1
    else:
        raise ValueError(scene)
    wav = tmp / f"call-{scene}.wav"
    sf.write(wav, x, RATE, subtype="PCM_16")
    sf.write(tmp / f"call-{scene}-agent.wav", x[:, 0], RATE, subtype="PCM_16")
    sf.write(tmp / f"call-{scene}-customer.wav", x[:, 1], RATE, subtype="PCM_16")
    return x, wav


# --------------------------------------------------------- Opus bitrate mapping
def opus_bitrate(level: float, channels: int = 2) -> int:
    """Target bit/s libsndfile 1.2.2 gives Opus for SFC_SET_COMPRESSION_LEVEL *level* (src/ogg_opus.c).

    ``bitrate = (int)((1 - level) * 250000 + 6000) * channels``: 6..256 kbit/s per channel, linear.
    """
    return int((1.0 - level) * 250000.0 + 6000.0) * channels


def opus_level(bitrate: int, channels: int = 2) -> float:
    """The compression_level that gives *bitrate* (bit/s, all channels) - the inverse of opus_bitrate."""
    per_ch = bitrate / channels
    if not 6000 <= per_ch <= 256000:
        raise ValueError(f"Opus via libsndfile reaches 6..256 kbit/s per channel, not {per_ch / 1000:g}")
    level = 1.0 - (per_ch - 6000.0) / 250000.0
    # Round to 6 decimals, then nudge so the C (int) cast lands exactly on the target.
    level = round(level, 6)
    while opus_bitrate(level, channels) < bitrate:
        level = round(level - 1e-6, 6)
    return level


# --------------------------------------------------------------- Taltio's path
def set_page_latency(enc: sf.SoundFile, ms: float = PAGE_LATENCY_MS) -> None:
    from soundfile import _ffi, _snd  # type: ignore[attr-defined]

    val = _ffi.new("double*", ms)
    _snd.sf_command(enc._file, SFC_SET_OGG_PAGE_LATENCY_MS, val, _ffi.sizeof("double"))


def open_encoder(sink, fmt: str = "opus", level: float | None = None) -> sf.SoundFile:
    """The encoder as recorder.py opens it (plus the compression_level under test)."""
    if fmt == "flac":
        return sf.SoundFile(sink, mode="w", samplerate=RATE, channels=2, format="FLAC", subtype="PCM_16")
    kw = {} if level is None else {"compression_level": level}
    enc = sf.SoundFile(sink, mode="w", samplerate=RATE, channels=2, format="OGG", subtype="OPUS", **kw)
    set_page_latency(enc)
    return enc


def encode_taltio(x: np.ndarray, call_dir: Path, recipients: list, fmt: str = "opus", level: float | None = None) -> dict:
    """Encode + encrypt + write *x* the way the recorder does; returns CPU, sizes and the sealed path.

    Seals once per second *of audio* (the app seals once per wall-clock second while audio arrives in
    real time, so the number of segments is the same).
    """
    call_dir.mkdir(parents=True, exist_ok=True)
    sink = EncryptedOggSink(call_dir, recipients, seal_every=1.0)
    t0, w0 = cpu_self(), time.perf_counter()
    enc = open_encoder(sink, fmt, level)
    per_seal = RATE // BLOCK
    for n, i in enumerate(range(0, len(x), BLOCK)):
        enc.write(x[i:i + BLOCK])
        if n % per_seal == per_seal - 1:
            sink.seal()
    enc.close()
    sink.seal()
    segs = sorted(call_dir.glob("seg-*.age"))
    seg_bytes = sum(p.stat().st_size for p in segs)
    out = sink.finalize("call.age")
    cpu = cpu_self() - t0
    return {"cpu": cpu, "wall": time.perf_counter() - w0, "size": out.size, "segments": len(segs),
            "segment_bytes": seg_bytes, "path": out.path}


# ------------------------------------------------------------- the real app
class AppWorld:
    """Private PipeWire server + gnome-keyring + an org age key + a folder storage target, for the real app.

    The app runs from DESKTOP (see above) with ``storage.url = file://<tmp>/store``, so no S3 is needed.
    """

    def __init__(self, tmp: Path) -> None:
        from tests.fixtures.audio import start_audio_server
        from tests.fixtures.keyring_daemon import start_keyring
        from tests.helpers.app_proc import org_keypair

        need("age", "age-keygen", "paplay", "pipewire", "wireplumber", "pipewire-pulse", "gnome-keyring-daemon")
        self.tmp = tmp
        self.audio = start_audio_server(tmp / "audio")
        try:
            self.keyring = start_keyring(self.audio.env)
        except BaseException:
            self.audio.stop()
            raise
        self.org_key, self.recipient = org_keypair(tmp)
        self.store = tmp / "store"
        self.apps: list = []

    def app(self, name: str, **overrides):
        from tests.helpers.app_proc import make_app

        cfg = {
            "agent.id": "agent-bench",
            "workstation.id": "ws-bench",
            "audio.mic_device": "agent_mic",
            "audio.loopback_device": "softphone_out.monitor",
            "softphone.adapter": "hook",
            "storage.url": f"file://{self.store}",
            "storage.retry_max_seconds": 1.0,
            "encryption.recipients": [self.recipient],
        }
        cfg.update(overrides)
        a = make_app(self.tmp / name, self.audio.child_env(self.keyring.env), cfg)
        a.env["PYTHONPATH"] = str(DESKTOP) + os.pathsep + str(ROOT)
        self.apps.append(a)
        return a

    def stop(self) -> None:
        for a in self.apps:
            try:
                a.stop()
            except Exception:  # noqa: BLE001
                pass
        self.keyring.stop()
        self.audio.stop()


def start_call(app, call_id: str, number: str = "+358401234567") -> dict:
    app.hook("incoming", call_id, number)
    app.hook("answered", call_id)
    app.hook("notice-given", call_id)
    return app.wait_for(lambda st: any(c["call_id"] == call_id and c["state"] == "recording"
                                       for c in st.get("calls", [])), what=f"{call_id} recording")


def queue_empty(st: dict) -> bool:
    return st.get("queue", {}).get("pending") == 0


def find_manifest(store: Path, call_id: str) -> Path | None:
    hits = list(store.rglob(f"{call_id}.manifest.json"))
    return hits[0] if hits else None


def proc_cpu(pid: int) -> float:
    """utime + stime (+ waited-for children) of a running process, seconds, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / tick
