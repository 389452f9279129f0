"""Shared pieces of the codec, CPU and crash-loss benchmarks.

* Which Taltio code is measured: ``desktop/`` of this checkout, or the directory named by the
  ``TALTIO_DESKTOP`` environment variable (e.g. a ``git archive HEAD desktop`` export, when the
  working tree is mid-edit).
* The test speech: two distinct espeak-ng voices and texts, agent left and customer right.
* Taltio's encode path, exactly as ``core/recorder.py`` builds it: ``taltio.recording.encoder.open_encoder``
  (Ogg Opus through PyAV/FFmpeg's libopus at a bitrate in kbit/s, 200 ms Ogg pages flushed at once;
  FLAC through soundfile) writes into ``EncryptedOggSink``, a sealed age segment per second, then
  ``finalize``. The encoder gets the frames in the capture mixer's ticks (``capture.TICK_S``).
* For one clearly labelled reference row only: the previous Opus encoder (soundfile/libsndfile, whose
  only knob was ``compression_level``), so the old and new figures can be compared in the same run.
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

from taltio.recording import encoder as taltio_encoder  # noqa: E402
from taltio.recording.capture import TICK_S  # noqa: E402
from taltio.recording.segments import EncryptedOggSink  # noqa: E402
from tests.helpers.signals import speech  # noqa: E402

RATE = 16000
BLOCK = int(RATE * TICK_S)    # the capture mixer hands the encoder one tick of frames (TICK_S)
PAGE_DURATION_MS = taltio_encoder.PAGE_DURATION_MS

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


# --------------------------------------------------------------- Taltio's path
def open_encoder(sink, codec: str = "opus", kbps: int = 28):
    """The encoder exactly as recorder.py opens it: taltio.recording.encoder.open_encoder(codec, sink, rate, kbps)."""
    return taltio_encoder.open_encoder(codec, sink, RATE, int(kbps))


def av_libopus_version() -> str:
    """The libopus bundled in PyAV's wheel (asked through its opus_get_version_string), if it can be found."""
    import ctypes
    import glob

    import av

    base = Path(av.__file__).resolve().parent
    for pat in ("../av.libs/libopus*", ".dylibs/libopus*", "../av.libs/opus*.dll", "libopus*"):
        for lib in sorted(glob.glob(str(base / pat))):
            try:
                f = ctypes.CDLL(lib).opus_get_version_string
                f.restype = ctypes.c_char_p
                return f().decode()
            except (OSError, AttributeError):
                continue
    return "libopus (version not found)"


def encoder_settings() -> str:
    """One line saying what the app's encoders are built on, read at run time."""
    import av

    return (f"taltio.recording.encoder: Opus via PyAV {av.__version__} (libavcodec "
            f"{'.'.join(map(str, av.library_versions['libavcodec']))}, {av_libopus_version()}), Ogg pages of "
            f"{PAGE_DURATION_MS} ms; FLAC via soundfile {sf.__version__} (libsndfile {sf.__libsndfile_version__})")


def encode_taltio(x: np.ndarray, call_dir: Path, recipients: list, codec: str = "opus", kbps: int = 28,
                  encoder: str = "taltio") -> dict:
    """Encode + encrypt + write *x* the way the recorder does; returns CPU, sizes and the sealed path.

    Seals once per second *of audio* (the app seals once per wall-clock second while audio arrives in
    real time, so the number of segments is the same). ``encoder="libsndfile"`` swaps in the previous
    Opus encoder (reference rows only; see LibsndfileOpus).
    """
    call_dir.mkdir(parents=True, exist_ok=True)
    sink = EncryptedOggSink(call_dir, recipients, seal_every=1.0)
    t0, w0 = cpu_self(), time.perf_counter()
    enc = LibsndfileOpus(sink, kbps) if encoder == "libsndfile" else open_encoder(sink, codec, kbps)
    sealed_at = 0
    for i in range(0, len(x), BLOCK):
        enc.write(x[i:i + BLOCK])
        if i + BLOCK - sealed_at >= RATE:
            sink.seal()
            sealed_at = i + BLOCK
    enc.close()
    sink.seal()
    segs = sorted(call_dir.glob("seg-*.age"))
    seg_bytes = sum(p.stat().st_size for p in segs)
    out = sink.finalize("call.age")
    cpu = cpu_self() - t0
    return {"cpu": cpu, "wall": time.perf_counter() - w0, "size": out.size, "segments": len(segs),
            "segment_bytes": seg_bytes, "path": out.path}


def warm_up_encoder() -> None:
    """Import PyAV and open/close one encoder, so a measurement does not include the one-off import
    (the app pays it once at start-up, not per call)."""
    import io

    enc = open_encoder(io.BytesIO(), "opus", 28)
    enc.write(np.zeros((BLOCK, 2), np.float32))
    enc.close()


# --------------------------------------------- reference: the previous encoder
SFC_SET_OGG_PAGE_LATENCY_MS = 0x1302


def libsndfile_level(stereo_kbps: float) -> float:
    """libsndfile 1.2.x's only Opus knob: level L gives int((1 - L) * 250000 + 6000) bit/s per channel
    (src/ogg_opus.c); the inverse, for two channels, as the app's old recorder computed it."""
    return min(1.0, max(0.0, 1 - (stereo_kbps / 2 - 6) / 250))


class LibsndfileOpus:
    """The app's Opus encoder before taltio.recording.encoder: soundfile's bundled libsndfile, Ogg Opus at
    ``compression_level`` for *kbps*, 200 ms Ogg pages (SFC_SET_OGG_PAGE_LATENCY_MS). Reference only."""

    def __init__(self, sink, kbps: float) -> None:
        from soundfile import _ffi, _snd  # type: ignore[attr-defined]

        self._sf = sf.SoundFile(sink, mode="w", samplerate=RATE, channels=2, format="OGG", subtype="OPUS",
                                compression_level=libsndfile_level(kbps))
        val = _ffi.new("double*", float(PAGE_DURATION_MS))
        _snd.sf_command(self._sf._file, SFC_SET_OGG_PAGE_LATENCY_MS, val, _ffi.sizeof("double"))

    def write(self, frames: np.ndarray) -> None:
        self._sf.write(frames)

    def close(self) -> None:
        self._sf.close()


def ogg_page_ms(plain: bytes, granule_rate: int = 48000) -> list[float]:
    """Audio per Ogg page (ms), from the granule positions of the audio pages of an Ogg Opus stream."""
    out, prev, pos = [], None, 0
    while True:
        pos = plain.find(b"OggS", pos)
        if pos < 0 or pos + 27 > len(plain):
            break
        granule = int.from_bytes(plain[pos + 6:pos + 14], "little", signed=True)
        nseg = plain[pos + 26]
        body = sum(plain[pos + 27:pos + 27 + nseg])
        if granule > 0:
            if prev is not None:
                out.append((granule - prev) * 1000 / granule_rate)
            prev = granule
        pos += 27 + nseg + body
    return out


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


# ------------------------------------------------------ the customer as the line carries it
def make_noisy_line_audio(tmp: Path, seconds: float, snr_db: float = 28.0, seed: int = 16) -> tuple[np.ndarray, Path]:
    """Like make_call_audio's double-talk, but the customer side (right) as a phone line really carries it.

    Why: the loopback records the softphone's playback of a call that crossed the phone network, so the
    customer's voice reaches the encoder band-limited to 300-3400 Hz, sampled at 8 kHz, G.711 mu-law
    quantised and with line noise; the agent's headset mic (left) is clean wideband. A codec tuned on clean
    speech only could spend its bits badly on that. The chain (sox for the filter, resampling and mu-law):
    16 kHz -> sinc 300-3400 Hz at 8 kHz -> + white noise at *snr_db* below the active speech level (20 ms
    frames within 30 dB of the loudest) -> mu-law encode/decode -> back to 16 kHz.
    Returns (frames x 2 float32, stereo WAV path); also writes the uncoded line signal's clean reference,
    ``call-noisy-line-customer-clean.wav`` (the customer before the line), for scoring the line itself.
    """
    x, _wav = make_call_audio(tmp, seconds, "double-talk")
    clean, line8, noisy8, ulaw = (tmp / n for n in ("cust-clean.wav", "cust-8k.wav", "cust-8k-noisy.wav",
                                                     "cust-8k-ulaw.wav"))
    sf.write(clean, x[:, 1], RATE, subtype="PCM_16")
    import subprocess

    def sox(*args: str) -> None:
        subprocess.run(["sox", "-q", *args], check=True, capture_output=True, timeout=120)

    sox(str(clean), "-r", "8000", str(line8), "sinc", "300-3400")
    y, r8 = sf.read(line8, dtype="float64")
    frames = y[: len(y) // 160 * 160].reshape(-1, 160)
    level = np.sqrt((frames ** 2).mean(axis=1))
    active = level[level > level.max() * 10 ** (-30 / 20)]
    speech_rms = float(np.sqrt((active ** 2).mean())) if len(active) else 0.1
    noise = np.random.default_rng(seed).standard_normal(len(y)) * speech_rms * 10 ** (-snr_db / 20)
    sf.write(noisy8, np.clip(y + noise, -1, 1), r8, subtype="PCM_16")
    sox(str(noisy8), "-e", "mu-law", "-b", "8", str(ulaw))
    back = tmp / "cust-line-16k.wav"
    sox(str(ulaw), "-e", "signed-integer", "-b", "16", "-r", str(RATE), str(back))
    z, _ = sf.read(back, dtype="float32")
    n = min(len(z), len(x))
    out = x.copy()
    out[:, 1] = 0.0
    out[:n, 1] = z[:n]
    wav = tmp / "call-noisy-line.wav"
    sf.write(wav, out, RATE, subtype="PCM_16")
    sf.write(tmp / "call-noisy-line-customer-clean.wav", x[:, 1], RATE, subtype="PCM_16")
    return out, wav
