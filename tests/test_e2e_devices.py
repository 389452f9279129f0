"""Device trouble mid-call on a real (private) PipeWire server: unplug, replug, server crash, one-sided call.

A decoy source carrying a distinct tone is the *default* source throughout: if a stream
were silently moved to the default device (PipeWire's behaviour without
node.dont-reconnect), the tone would land in the recording. It must never.
"""
from __future__ import annotations

import time
from datetime import datetime

import numpy as np
import pytest

from tests.helpers.signals import read_wav, speech, tone, tone_present, write_wav
from tests.helpers.speech_match import match
from tests.helpers.verify import fetch_call
from tests.helpers.waiting import wait_for
from tests.helpers.world import queue_empty, start_recording

pytestmark = pytest.mark.slow

DECOY_TONE = 2345.0
RATE = 16000


def _ts(iso: str) -> float:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


@pytest.fixture
def decoy(world):
    """A default source that plays a tone: what a moved stream would record."""
    audio = world.audio
    audio.null_sink("decoy", description="decoy")
    audio.pactl("set-default-source", "decoy.monitor")
    wav = write_wav(world.root / "decoy.wav", tone(DECOY_TONE, 40.0, amplitude=0.4), RATE)
    player = audio.play("decoy", wav)
    yield
    player.kill()
    audio.unload("sink_name=decoy")


def _warnings(app) -> list[str]:
    st = app.status()
    return [w for c in st.get("calls", []) for w in c.get("warnings", [])] if st else []


def _speech_after(rec: np.ndarray, ch: int, start_s: float) -> np.ndarray:
    return rec[int(start_s * RATE):, ch]


@pytest.mark.evidence("fault")
@pytest.mark.parametrize("side", ["agent", "customer"])
def test_unplugged_device_is_a_gap_and_replug_resumes(world, app_factory, decoy, side):
    audio = world.audio
    app = app_factory(f"unplug-{side}").start()
    cid = f"call-unplug-{side}"
    start_recording(app, cid)
    long_agent = world.root / "agent-long.wav"
    if not long_agent.exists():
        speech(" ".join(["This is the agent speaking about the contract terms."] * 8), long_agent)
    ch = 0 if side == "agent" else 1
    needle, module = (("source_name=agent_mic", "module-remap-source") if side == "agent"
                      else ("sink_name=softphone_out", "module-null-sink"))
    players = [audio.play_mic(long_agent), audio.play_customer(long_agent)]
    time.sleep(2.0)
    unplugged = time.time()
    args = audio.unload(needle)
    for p in players:
        p.kill()              # after the replug only the reference speech plays
    wait_for(lambda: any("Not hearing" in w for w in _warnings(app)), 3.0, message="device-lost warning")
    st = app.status()
    assert st["status"] == "warning" and "Not hearing" in st["text"]
    time.sleep(2.0)
    audio.load(module, args)
    replugged = time.time()
    wait_for(lambda: not _warnings(app), 5.0, message="warning to clear after replug")
    after = [audio.play_mic(world.agent_wav) if side == "agent" else audio.play_customer(world.agent_wav)]
    for p in after:
        p.wait(timeout=60)
    app.hook("ended", cid)
    app.wait_for(queue_empty, timeout=30, what="upload")
    doc, rec, rate = fetch_call(world.s3, cid, world.root / f"verify-unplug-{side}", world.org_key,
                                app.status()["workstation_key"])
    gaps = doc["gaps"]
    assert [g["channel"] for g in gaps] == [side], gaps
    g = gaps[0]
    detected = _ts(g["start"]) - unplugged
    resumed = _ts(g["end"]) - replugged
    print(f"{side}: lost detected after {detected:.2f} s; capture resumed {resumed:.2f} s after replug")
    assert 0 <= detected <= 1.0
    assert resumed <= 2.0
    # Inside the gap: digital silence, never the default source's tone.
    inside = rec[int((g["start_s"] + 0.1) * rate):int((g["end_s"] - 0.1) * rate), ch]
    assert len(inside) > rate and np.sqrt(np.mean(inside ** 2)) < 1e-3
    win = rate // 2
    ratios = [tone_present(rec[i:i + win, c], rate, DECOY_TONE) for c in (0, 1) for i in range(0, len(rec) - win, win)]
    assert max(ratios) < 0.2, f"audio from the default (decoy) source was recorded: {max(ratios):.2f}"
    # After the replug the same channel carries the speech again.
    post = _speech_after(rec, ch, g["end_s"])
    assert match(post, read_wav(world.agent_wav)[0], rate).found >= 0.8


@pytest.mark.evidence("fault")
def test_audio_server_crash_keeps_audio_and_recovers(world, app_factory, decoy):
    audio = world.audio
    app = app_factory("server-crash").start()
    cid = "call-crash-1"
    start_recording(app, cid)
    p = audio.play_mic(world.agent_wav)
    p.wait(timeout=60)
    time.sleep(0.3)
    audio.kill_audio()
    killed = time.time()
    wait_for(lambda: sum("Not hearing" in w for w in _warnings(app)) == 2, 3.0, message="both sides lost")
    time.sleep(1.5)
    audio.start_audio()
    audio.null_sink("decoy")
    wait_for(lambda: not _warnings(app), 8.0, message="recovery after the audio server returned")
    assert app.alive()
    audio.play_mic(world.customer_wav).wait(timeout=60)
    app.hook("ended", cid)
    app.wait_for(queue_empty, timeout=30, what="upload")
    doc, rec, rate = fetch_call(world.s3, cid, world.root / "verify-crash", world.org_key,
                                app.status()["workstation_key"])
    assert sorted(g["channel"] for g in doc["gaps"]) == ["agent", "customer"]
    g = doc["gaps"][0]
    assert _ts(g["start"]) - killed <= 1.0
    # Everything captured before the crash is in the recording, and capture resumed after it.
    before = rec[:int(g["start_s"] * rate), 0]
    assert match(before, read_wav(world.agent_wav)[0], rate).found >= 0.8
    after = rec[int(g["end_s"] * rate):, 0]
    assert match(after, read_wav(world.customer_wav)[0], rate).found >= 0.8


def test_one_sided_call_alarm_not_for_normal_pauses(world, app_factory):
    audio = world.audio
    app = app_factory("one-sided", **{"audio.one_sided_alarm_seconds": 5.0}).start()
    cid = "call-one-sided"
    talk, r = read_wav(world.agent_wav)
    gap = np.zeros(int(2.5 * r))
    agent = write_wav(world.root / "agent-pauses.wav", np.concatenate([talk[:4 * r], gap, talk[:4 * r], gap,
                                                                        talk[:4 * r]]), r)
    start_recording(app, cid)
    p = audio.play_mic(agent)      # the agent talks, with normal 2.5 s pauses; the customer is silent
    wait_for(lambda: any("customer has been silent" in w.lower() for w in _warnings(app)), 9.0,
             message="one-sided alarm for the customer")
    t = time.monotonic()
    pc = audio.play_customer(world.customer_wav)
    wait_for(lambda: not any("customer" in w.lower() for w in _warnings(app)), 3.0,
             message="alarm to clear when the customer is heard")
    pc.wait(timeout=60)
    p.wait(timeout=60)
    app.hook("ended", cid)
    app.wait_for(queue_empty, timeout=30, what="upload")
    doc, _, _ = fetch_call(world.s3, cid, world.root / "verify-one-sided", world.org_key,
                           app.status()["workstation_key"])
    assert [a["channel"] for a in doc["alarms"] if a["kind"] == "one_sided"] == ["customer"]  # none for the agent's pauses
    assert doc["alarms"][0]["end"] is not None
    assert t > 0


BACKUP_TONE = 1234.0


@pytest.mark.evidence("fault")
@pytest.mark.parametrize("side", ["agent", "customer"])
def test_configured_fallback_bridges_an_unplug_and_the_device_comes_back(world, app_factory, decoy, side):
    """With a fallback configured, an unplug switches to it (shown, listed), and the replug switches back.

    The fallback carries BACKUP_TONE; the default source keeps carrying the decoy tone, which must
    never be recorded: the only substitute allowed is the one IT configured.
    """
    audio = world.audio
    ch = 0 if side == "agent" else 1
    if side == "agent":
        audio.null_sink("backup_feed")
        audio.remap_source("backup_mic", "backup_feed.monitor", description="Built-in_mic")
        key, fb = "audio.mic_fallback_device", "backup_mic"
    else:
        audio.null_sink("backup_feed", channels=2, description="Built-in_speakers")
        key, fb = "audio.loopback_fallback_device", "backup_feed.monitor"
    backup = audio.play("backup_feed", write_wav(world.root / "backup.wav", tone(BACKUP_TONE, 40.0, amplitude=0.4),
                                                 RATE))
    try:
        app = app_factory(f"fallback-{side}", **{key: fb}).start()
        cid = f"call-fallback-{side}"
        start_recording(app, cid)
        (audio.play_mic if side == "agent" else audio.play_customer)(world.agent_wav).wait(timeout=60)
        needle, module = (("source_name=agent_mic", "module-remap-source") if side == "agent"
                          else ("sink_name=softphone_out", "module-null-sink"))
        args = audio.unload(needle)
        wait_for(lambda: any("through the fallback" in w for w in _warnings(app)), 3.0, message="fallback warning")
        time.sleep(2.0)
        audio.load(module, args)
        wait_for(lambda: not _warnings(app), 5.0, message="warning to clear once the chosen device is back")
        (audio.play_mic if side == "agent" else audio.play_customer)(world.customer_wav).wait(timeout=60)
        app.hook("ended", cid)
        app.wait_for(queue_empty, timeout=30, what="upload")
        doc, rec, rate = fetch_call(world.s3, cid, world.root / f"verify-fallback-{side}", world.org_key,
                                    app.status()["workstation_key"])
    finally:
        backup.kill()
        audio.unload("sink_name=backup_feed")
    mine = [d for d in doc["devices"] if d["channel"] == side]
    assert [d["fallback"] for d in mine] == [False, True, False], doc["devices"]
    on_fb, back = mine[1]["from_s"], mine[2]["from_s"]
    gaps = [g for g in doc["gaps"] if g["channel"] == side]
    assert len(gaps) == 2 and all(g["end_s"] - g["start_s"] < 1.0 for g in gaps), gaps
    win = rate // 2

    def tone_in(a: float, b: float, freq: float, c: int = ch) -> float:
        """Loudest half second of [a, b) in which *freq* dominates (RMS; the tones play at 0.28).

        Both tests are needed: speech has some energy at any frequency (a ratio alone would not
        do for loud speech), and Opus's joint stereo leaks a faint trace of one channel into a
        silent other (the ratio is high there, the level tiny).
        """
        levels = [0.0]
        for i in range(int(a * rate), max(int(a * rate) + 1, int(b * rate) - win), win):
            w = rec[i:i + win, c]
            if tone_present(w, rate, freq) > 0.5:
                levels.append(float(np.sqrt(np.mean(w.astype(np.float64) ** 2))))
        return max(levels)

    # The fallback fed the channel while on it, and only then; the default (decoy) source never did.
    assert tone_in(on_fb + 0.2, back - 0.6, BACKUP_TONE) > 0.15
    assert tone_in(0, mine[1]["from_s"] - 1.0, BACKUP_TONE) < 0.05
    assert tone_in(back + 0.5, len(rec) / rate, BACKUP_TONE) < 0.05
    assert max(tone_in(0, len(rec) / rate, DECOY_TONE, c) for c in (0, 1)) < 0.05
    # The other channel never heard the fallback, and after the switch back the speech is there again.
    assert tone_in(0, len(rec) / rate, BACKUP_TONE, 1 - ch) < 0.05
    post = _speech_after(rec, ch, back)
    assert match(post, read_wav(world.customer_wav)[0], rate).found >= 0.8
