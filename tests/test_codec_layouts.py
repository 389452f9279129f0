"""Both Opus layouts, as the app records them, play in stock tools: `age -d | opusdec` and `age -d | ffmpeg`.

A short two-sided call (espeak-ng: agent left, customer right, partly talking at once) goes through the
app's path: ``open_encoder`` -> ``EncryptedOggSink`` sealed to a real age-keygen recipient -> the final
file. Only Debian's tools read it back (age, opusdec, ffmpeg, opusinfo), through pipes, so no plaintext
audio touches the disk. The two-mono layout must come out as two channels with each voice in its own
channel and nothing of the other side (cross-talk below -30 dB); the old stereo layout must still decode.
The slow test at the end records a call with the real app in each layout and plays, decrypts and exports
it with taltio-admin.
"""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import pyrage
import pytest
import soundfile as sf
from taltio.admin.trust import Registry
from taltio.recording.encoder import (
    OPUS_LAYOUTS,
    EncoderError,
    OpusEncoder,
    _as_family_1,
    open_encoder,
)
from taltio.recording.segments import EncryptedOggSink

from tests.helpers.app_proc import DESKTOP, make_app, org_keypair
from tests.helpers.signals import best_ncc, read_wav, speech
from tests.helpers.speech_match import assert_sides_as_carried, carried, match

RATE = 16000
TOOLS = ("age", "age-keygen", "opusdec", "opusinfo", "ffmpeg", "espeak-ng", "sox")
pytestmark = pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS),
                                reason=f"needs {', '.join(TOOLS)} (scripts/dev installs them)")


@pytest.fixture(scope="module")
def voices(tmp_path_factory) -> np.ndarray:
    """(frames x 2): agent left, customer right; they overlap for about a second (double-talk)."""
    d = tmp_path_factory.mktemp("voices")
    ag = read_wav(speech("Good morning, this is Anna from North Bank, how can I help you today?", d / "a.wav",
                         voice="en-us", words_per_minute=150))[0]
    cu = read_wav(speech("Hello. I would like to raise the limit of my credit card, please.", d / "c.wav",
                         voice="en+f3", words_per_minute=170))[0]
    start = max(0, len(ag) - RATE)            # the customer starts a second before the agent ends
    x = np.zeros((start + len(cu) + RATE // 2, 2), np.float32)
    x[:len(ag), 0] = ag
    x[start:start + len(cu), 1] = cu
    return x


def record(x: np.ndarray, where: Path, recipient: str, layout: str) -> Path:
    """The recorder's encode path: 50 ms writes, a sealed segment per second, then the final file."""
    where.mkdir(parents=True, exist_ok=True)
    sink = EncryptedOggSink(where, [pyrage.x25519.Recipient.from_str(recipient)], seal_every=1.0)
    enc = open_encoder("opus", sink, RATE, 16 if layout == "two-mono" else 28, layout)
    step = RATE // 20
    for i in range(0, len(x), step):
        enc.write(x[i:i + step])
        if (i // step) % 20 == 19:
            sink.seal()
    enc.close()
    sink.seal()
    return sink.finalize("call.age").path


def through(key: Path, file: Path, cmd: list[str]) -> bytes:
    """`age -d -i KEY FILE | cmd`, its stdout (the plaintext only ever in the pipe)."""
    age = subprocess.Popen(["age", "-d", "-i", str(key), str(file)], stdout=subprocess.PIPE)
    try:
        out = subprocess.run(cmd, stdin=age.stdout, capture_output=True, timeout=60, check=False)
    finally:
        age.stdout.close()
        assert age.wait(timeout=30) == 0, "age -d failed"
    assert out.returncode == 0, out.stderr.decode(errors="replace")
    return out.stdout


DECODERS = {
    "opusdec": ["opusdec", "--quiet", "--rate", str(RATE), "--force-wav", "-", "-"],
    "ffmpeg": ["ffmpeg", "-loglevel", "error", "-i", "-", "-ar", str(RATE), "-f", "wav", "-"],
}


def cross_talk_db(x: np.ndarray, got: np.ndarray, ch: int) -> tuple[float, float]:
    """(ncc of channel *ch* with its own source, level of the other source in it in dB), after alignment."""
    ncc, lag = best_ncc(got[:, ch], x[:, ch], RATE, max_lag_s=0.2)
    shift = round(lag * RATE)
    d = got[shift:shift + len(x), ch] if shift >= 0 else np.concatenate([np.zeros(-shift), got[:len(x) + shift, ch]])
    d = np.concatenate([d, np.zeros(len(x) - len(d))])
    own, other = np.abs(np.linalg.lstsq(x.astype(np.float64), d, rcond=None)[0][[ch, 1 - ch]])
    return ncc, 20 * np.log10(max(other, 1e-6) / own)


@pytest.fixture(scope="module")
def calls(voices, tmp_path_factory) -> dict:
    d = tmp_path_factory.mktemp("calls")
    key, recipient = org_keypair(d)
    return {"key": key, **{layout: record(voices, d / layout, recipient, layout) for layout in OPUS_LAYOUTS}}


@pytest.mark.parametrize("layout", OPUS_LAYOUTS)
@pytest.mark.parametrize("decoder", sorted(DECODERS))
def test_stock_tools_decode_both_sides(calls, voices, layout, decoder):
    got, rate = sf.read(io.BytesIO(through(calls["key"], calls[layout], DECODERS[decoder])), always_2d=True)
    assert rate == RATE and got.shape[1] == 2, (rate, got.shape)
    assert abs(len(got) - len(voices)) < 0.1 * RATE, (len(got), len(voices))
    for ch, side in ((0, "agent"), (1, "customer")):
        ncc, xt = cross_talk_db(voices, got, ch)
        assert ncc > 0.8, f"{layout} via {decoder}: the {side}'s channel does not hold the {side} (ncc {ncc:.2f})"
        if layout == "two-mono":
            assert xt < -30, f"{layout} via {decoder}: the other side leaks into the {side}'s channel ({xt:.0f} dB)"


def test_opusinfo_sees_two_uncoupled_streams_in_family_1(calls):
    two = through(calls["key"], calls["two-mono"], ["opusinfo", "/dev/stdin"]).decode()
    assert "Channel Mapping Family: 1" in two and "Streams: 2, Coupled: 0" in two, two
    old = through(calls["key"], calls["stereo"], ["opusinfo", "/dev/stdin"]).decode()
    # family 0 (one coupled stereo stream): opusinfo prints no mapping table
    assert "Channels: 2" in old and "Channel Mapping Family" not in old and "Streams:" not in old, old


@pytest.mark.parametrize("layout", OPUS_LAYOUTS)
def test_a_recording_that_got_no_frames_is_still_a_file_players_open(tmp_path, layout):
    """A call that ended as it began: FFmpeg alone would write nothing at all (its Ogg headers wait for
    the first packet), and the stored file would be an empty age payload."""
    key, recipient = org_keypair(tmp_path)
    (tmp_path / "rec").mkdir()
    sink = EncryptedOggSink(tmp_path / "rec", [pyrage.x25519.Recipient.from_str(recipient)], seal_every=1.0)
    enc = open_encoder("opus", sink, RATE, 16, layout)
    enc.close()
    sink.seal()
    path = sink.finalize("call.age").path
    plain = through(key, path, ["cat"])
    assert plain[:4] == b"OggS"
    info = sf.info(io.BytesIO(plain))
    assert info.channels == 2 and info.frames < 0.1 * RATE, info
    got, _ = sf.read(io.BytesIO(plain), always_2d=True)
    assert np.abs(got).max() < 1e-3                              # silence, nothing made up
    wav, _ = sf.read(io.BytesIO(through(key, path, DECODERS["opusdec"])), always_2d=True)
    assert wav.shape[1] == 2


def test_a_header_without_two_uncoupled_streams_is_refused():
    """If an FFmpeg build's libopus ignored mapping_family 255, the encoder must say so, not record a
    file whose layout differs from what the manifest will claim."""
    coupled = OpusEncoder(io.BytesIO(), RATE, 28, layout="stereo")._stream.codec_context
    coupled.open(strict=False)
    family0 = bytes(coupled.extradata)                 # a real coupled header: family 0, no stream table
    two = bytes(OpusEncoder(io.BytesIO(), RATE, 16)._stream.codec_context.extradata)
    real255 = two[:18] + b"\xff" + two[19:]            # what libopus made, before it became family 1
    assert _as_family_1(real255)[18] == 1
    bad = {"family 0": family0, "one coupled stream": real255[:19] + b"\x01\x01\x00\x00",
           "swapped channels": real255[:21] + b"\x01\x00", "truncated": real255[:20], "not a header": b"x" * 23}
    for head in bad.values():
        with pytest.raises(EncoderError, match="two uncoupled streams"):
            _as_family_1(head)


@pytest.mark.parametrize("option", [{"frame_ms": 30}, {"application": "music"}, {"vbr": "sometimes"},
                                    {"complexity": 11}])
def test_bad_options_are_refused_with_the_choices(option):
    with pytest.raises(EncoderError, match="use one of"):
        OpusEncoder(io.BytesIO(), RATE, 16, **option)


def test_the_call_folder_holds_only_age_files(calls):
    """The encoder never writes around the sink: every file beside the call is an age file."""
    for layout in OPUS_LAYOUTS:
        files = list(calls[layout].parent.iterdir())
        assert files and all(p.read_bytes().startswith(b"age-encryption.org/v1") for p in files), files


# ----------------------------------------------------------------- the real app, then taltio-admin
def admin(app, *argv: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "taltio.admin", *argv], env={**app.env, "PYTHONPATH": str(DESKTOP)},
                          capture_output=True, text=True, timeout=timeout, check=False)


def trusted(doc: dict, path: Path) -> Path:
    """The recording workstation's key registered as enrollment would (the manifest names it)."""
    reg = Registry.load(path)
    reg.add(doc["agent_id"], doc["workstation_key"], "enrollment")
    reg.save()
    return path


@pytest.mark.slow
@pytest.mark.parametrize("layout", OPUS_LAYOUTS)
def test_the_app_records_each_layout_and_taltio_admin_plays_and_exports_it(
        layout, audio_server_module, keyring_daemon_module, tmp_path):
    from tests.helpers.world import (
        AGENT_TEXT,
        CUSTOMER_TEXT,
        queue_empty,
        start_recording,
    )
    from tests.test_admin_play import capture_while

    audio = audio_server_module
    key, recipient = org_keypair(tmp_path)
    store = tmp_path / "store"
    agent_wav = speech(AGENT_TEXT, tmp_path / "agent.wav", voice="en-us", words_per_minute=150)
    customer_wav = speech(CUSTOMER_TEXT, tmp_path / "customer.wav", voice="en+f3", words_per_minute=170)
    app = make_app(tmp_path / "app", audio.child_env(keyring_daemon_module.env), {
        "agent.id": "agent-7", "workstation.id": "ws-test", "audio.mic_device": "agent_mic",
        "audio.loopback_device": "softphone_out.monitor", "softphone.adapter": "hook", "ui.language": "en",
        "storage.url": f"file://{store}", "storage.retry_max_seconds": 1.0, "encryption.recipients": [recipient],
        "audio.opus_layout": layout})
    try:
        app.start()
        start_recording(app, f"lay-{layout}")
        # What the two devices really carried, beside the recorder: the reference for "recorded right".
        with carried(audio, tmp_path, RATE) as devices:
            players = [audio.play_mic(agent_wav), audio.play_customer(customer_wav)]
            for p in players:
                p.wait(timeout=60)
            app.hook("ended", f"lay-{layout}")
            time.sleep(0.3)
        app.wait_for(queue_empty, timeout=60, what="upload")
    finally:
        app.stop()
    manifest = next(store.rglob(f"lay-{layout}.manifest.json"))
    doc = json.loads(manifest.read_text())
    assert doc["audio"]["layout"] == layout and doc["audio"]["codec"] == "ogg/opus", doc["audio"]
    trust = trusted(doc, tmp_path / "trusted.json")
    call = ("--store", f"file://{store}", "--identity", str(key), "--trust-file", str(trust))

    # decrypt --wav: two channels, the agent left and the customer right
    out = tmp_path / "call.wav"
    r = admin(app, "decrypt", f"lay-{layout}", "-o", str(out), "--wav", *call)
    assert r.returncode == 0, r.stderr
    got, rate = sf.read(out, always_2d=True)
    out.unlink()
    assert rate == RATE and got.shape[1] == 2
    agent, customer = read_wav(agent_wav)[0], read_wav(customer_wav)[0]
    assert_sides_as_carried(got, RATE, {"agent": agent, "customer": customer}, devices,
                            flagged=frozenset(g["channel"] for g in doc["gaps"] + doc["alarms"]))
    assert best_ncc(got[:, 0], customer, RATE)[0] < 0.3, "the customer is in the agent's channel"

    # export: the zip holds the call's audio, which decodes as two channels
    zdir = tmp_path / "export"
    zdir.mkdir()
    r = admin(app, "export", f"lay-{layout}", "--request-id", "REQ-1", "-o", str(zdir), *call)
    assert r.returncode == 0, r.stderr
    with zipfile.ZipFile(zdir / "taltio-copy-REQ-1.zip") as z:
        name = next(n for n in z.namelist() if n.endswith(f"audio/lay-{layout}.ogg"))
        exported, _ = sf.read(io.BytesIO(z.read(name)), always_2d=True)
    assert exported.shape[1] == 2 and abs(len(exported) - len(got)) < RATE // 10

    # play --channel customer: what reaches the speaker is the customer, not the agent
    heard, r = capture_while(audio, tmp_path / "cap.raw", lambda: admin(
        app, "play", f"lay-{layout}", "--channel", "customer", "--duration", "3", *call))
    assert r.returncode == 0, r.stderr
    heard_c, heard_a = match(heard, customer, RATE), match(heard, agent, RATE)
    # 3 s heard in 0.5 s windows: the first and the last hold the start and the end of playback, half silence
    assert heard_c.found >= 0.5 and heard_a.found <= 0.2, (heard_c, heard_a)
