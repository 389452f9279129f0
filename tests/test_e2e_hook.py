"""End to end through `taltio hook` (the MicroSIP path), with real parts only:
a private PipeWire server as the sound card, gnome-keyring, SeaweedFS, the app as
a subprocess; results checked with the age CLI, ssh-keygen and soundfile.
"""
from __future__ import annotations

import io
import os
import subprocess
import sys
import time

import pytest
import soundfile as sf

from tests.fixtures.faultproxy import FaultProxy
from tests.helpers import alignment
from tests.helpers.app_proc import DESKTOP
from tests.helpers.signals import read_wav, scan_for_plaintext, speech, stereo_wav, tone, tone_present, write_wav
from tests.helpers.speech_match import assert_speech
from tests.helpers.verify import call_keys, fetch_call, manifest_key, party_of, wait_for_keys
from tests.helpers.world import (AGENT, AGENT_TEXT, PAUSE_TONE, PRIVATE_TONE, SCAN_TONE, queue_empty as _queue_empty,
                                 scan_dirs as _scan_dirs, start_recording as _start_recording, state_is as _state)

pytestmark = pytest.mark.slow


@pytest.mark.evidence("leak")
def test_hook_call_recorded_encrypted_signed_uploaded(world, app_factory):
    # Both sides come from one stereo player (the stage), so the lag between the channels is the recorder's,
    # not the difference between two players' start-up times.
    mic, loopback = world.audio.stage()
    app = app_factory("hook", **{"audio.mic_device": mic, "audio.loopback_device": loopback}).start()
    t0 = time.time()
    cid = "call-hook-1"
    st = _start_recording(app, cid)
    assert st["status"] == "recording"
    time.sleep(0.5)
    both = world.audio.play_stage(stereo_wav(world.root / "hook-call.wav", world.agent_wav, world.customer_wav))
    time.sleep(3.0)
    # Mid-call: encrypted segments exist, plaintext nowhere.
    segs = list((app.data_dir / "calls" / cid).glob("seg-*.age"))
    assert segs, "no sealed segments while recording"
    assert scan_for_plaintext(_scan_dirs(app), since=t0) == []
    both.wait(timeout=60)
    time.sleep(0.5)
    # Pause for card data: a tone played now must not be in the recording.
    app.hook("pause", cid)
    app.wait_for(_state(cid, "paused"), what="paused")
    pause_tone = tone(PAUSE_TONE, 2.0)
    world.audio.play_stage(stereo_wav(world.root / "pause-tone.wav", pause_tone, pause_tone, 16000)).wait(timeout=30)
    app.hook("resume", cid)
    app.wait_for(_state(cid, "recording"), what="resumed")
    time.sleep(1.0)
    app.hook("bookmark", cid)
    app.hook("ended", cid)
    app.wait_for(_queue_empty, timeout=30, what="upload")
    status = app.status()

    keys = wait_for_keys(world.s3, lambda ks: manifest_key(ks, cid) is not None)
    names = sorted(k.rsplit("/", 1)[-1] for k in call_keys(keys, cid))
    # Two objects: the signature rides in the manifest's own metadata (one write-once PUT).
    assert names == [f"{cid}.manifest.json", f"{cid}.ogg.age"]
    today = time.strftime("%Y/%m/%d", time.gmtime())
    assert manifest_key(keys, cid).startswith(f"agents/{AGENT}/{today}/")

    doc, rec, rate = fetch_call(world.s3, cid, world.root / "verify-hook", world.org_key, status["workstation_key"])
    assert rate == 16000 and rec.shape[1] == 2
    assert doc["schema_version"] == 2 and doc["outcome"] == "recorded"
    assert doc["call_id"] == cid and doc["agent_id"] == AGENT and doc["workstation_id"] == "ws-test"
    assert party_of(doc, world.org_key).number == "+358401234567" and doc["direction"] == "incoming"
    assert "+358401234567" not in str(doc)
    for t in ("ring", "answer", "notice_given", "recording_start", "end"):
        assert doc["times"][t], t
    assert len(doc["pauses"]) == 1 and doc["pauses"][0]["start"] and doc["pauses"][0]["end"]
    assert len(doc["bookmarks"]) == 1
    assert doc["audio"]["codec"] == "ogg/opus"
    assert abs(doc["audio"]["duration_s"] - len(rec) / rate) < 0.5

    aligned = alignment.measure(rec, rate, world.agent_wav, world.customer_wav)
    print(aligned)
    alignment.assert_aligned(aligned)

    # The pause tone is nowhere in the recording (checked in 0.5 s windows).
    win = rate // 2
    ratios = [tone_present(rec[i:i + win, ch], rate, PAUSE_TONE) for ch in (0, 1)
              for i in range(0, len(rec) - win, win // 2)]
    assert max(ratios) < 0.2, f"pause tone found in recording (ratio {max(ratios):.2f})"
    # Logs never hold the customer's number or the S3 secret in clear.
    secret = world.s3.agents[AGENT][1]
    for log in [*app.logs, app.data_dir / "taltio.log"]:
        text = log.read_text(errors="replace")
        assert "+358401234567" not in text and "358401234567" not in text, log
        assert secret not in text, log
    assert "…567" in (app.data_dir / "taltio.log").read_text()      # redacted form is what is logged
    # And the local copy is gone, no plaintext anywhere.
    assert not (app.data_dir / "calls" / cid).exists()
    assert scan_for_plaintext(_scan_dirs(app), since=t0, tone_freq=PAUSE_TONE) == []


@pytest.mark.evidence("leak")
def test_private_and_declined_calls_leave_no_audio(world, app_factory):
    app = app_factory("private").start()
    t0 = time.time()
    tone_wav = write_wav(world.root / "private-tone.wav", tone(PRIVATE_TONE, 3.0), 16000)
    results = {}
    for cid, action in (("call-private-1", "private"), ("call-declined-1", "declined")):
        _start_recording(app, cid)
        p1, p2 = world.audio.play_mic(tone_wav), world.audio.play_customer(tone_wav)
        p1.wait(timeout=30)
        p2.wait(timeout=30)
        call_dir = app.data_dir / "calls" / cid
        assert list(call_dir.glob("seg-*.age")), "segments should exist before the mark (test precondition)"
        app.hook(action, cid)
        # Everything captured so far is destroyed at once, not at call end.
        assert not list(call_dir.glob("seg-*.age")) and not list(call_dir.glob("*.ogg.age"))
        st = app.status()
        assert st["status"] == action
        r = app.hook("notice-given", cid, check=False)
        assert r.returncode != 0 and "will not be recorded" in r.stderr
        app.hook("ended", cid)
        results[cid] = action
    app.wait_for(_queue_empty, timeout=30, what="upload")
    time.sleep(1.0)
    keys = world.s3.list_keys()
    assert call_keys(keys, "call-private-1") == [], "a private call left objects in storage"
    declined = sorted(k.rsplit("/", 1)[-1] for k in call_keys(keys, "call-declined-1"))
    assert declined == ["call-declined-1.manifest.json"]
    doc, rec, _ = fetch_call(world.s3, "call-declined-1", world.root / "verify-declined", world.org_key,
                             app.status()["workstation_key"])
    assert doc["outcome"] == "declined" and doc["audio"] is None and rec is None
    assert any(t["state"] == "declined" for t in doc["transitions"])
    # The tone is nowhere: not in the data dir, not in temp dirs, not in the bucket.
    assert scan_for_plaintext(_scan_dirs(app), since=t0, tone_freq=PRIVATE_TONE) == []
    for k in keys:
        blob = world.s3.get(k)
        assert b"OggS" not in blob[:4]
        if k.endswith(".age"):
            from tests.helpers.verify import age_decrypt
            import io
            import soundfile as sf

            data, rate = sf.read(io.BytesIO(age_decrypt(world.root / "scan", blob, world.org_key)))
            assert tone_present(data, rate, PRIVATE_TONE) < 0.05, f"private tone found in {k}"
    assert not (app.data_dir / "calls" / "call-private-1").exists()


@pytest.mark.evidence("crash")
def test_kill9_mid_call_recovers_interrupted_recording(world, app_factory):
    app = app_factory("kill-mid").start()
    cid = "call-kill-1"
    _start_recording(app, cid)
    long_wav = world.root / "agent-long.wav"
    if not long_wav.exists():
        speech(" ".join([AGENT_TEXT] * 3), long_wav, voice="en-us")
    world.audio.play_mic(long_wav)
    world.audio.play_customer(world.customer_wav)
    time.sleep(6.0)
    killed_at = app.kill9()
    # Restart: the interrupted call is recovered and uploaded.
    app.start()
    app.wait_for(_queue_empty, timeout=30, what="recovered upload")
    keys = wait_for_keys(world.s3, lambda ks: manifest_key(ks, cid) is not None)
    doc, rec, rate = fetch_call(world.s3, cid, world.root / "verify-kill", world.org_key,
                                app.status()["workstation_key"])
    assert doc["outcome"] == "interrupted"
    assert doc["audio"]["segments"], "interrupted call should be uploaded as its sealed segments"
    from datetime import datetime

    start = datetime.fromisoformat(doc["times"]["recording_start"].replace("Z", "+00:00")).timestamp()
    recorded = len(rec) / rate
    lost = (killed_at - start) - recorded
    print(f"kill -9 after {killed_at - start:.2f} s of recording; recovered {recorded:.2f} s; lost {lost:.2f} s")
    assert lost <= 2.0
    assert recorded > 2.0
    assert_speech(rec[:, 0], read_wav(long_wav)[0], rate, "the recovered agent channel")
    assert not (app.data_dir / "calls" / cid).exists()
    # The supervisor tool joins the verified segments into one playable file.
    out = world.root / "kill-admin.ogg"
    admin_fetch(world, f"s3://{world.s3.bucket}/{manifest_key(keys, cid).rsplit('.manifest.json', 1)[0]}",
                out, app.status()["workstation_key"])
    data, r = sf.read(io.BytesIO(out.read_bytes()))
    assert r == rate and abs(len(data) - len(rec)) < rate * 0.1


def admin_fetch(world, url: str, out, signer_key: str) -> None:
    """`taltio-admin fetch` as a supervisor runs it: the workstation's key pinned in the trust registry first."""
    trust = world.root / "trusted-keys-admin.json"
    env = {**os.environ, "PYTHONPATH": str(DESKTOP), "AWS_ACCESS_KEY_ID": world.s3.admin_key,
           "AWS_SECRET_ACCESS_KEY": world.s3.admin_secret, "AWS_DEFAULT_REGION": "us-east-1"}
    if not trust.exists():
        r = subprocess.run([sys.executable, "-m", "taltio.admin", "trust", "add", AGENT, *signer_key.split()[:2],
                            "--source", "enrollment", "--trust-file", str(trust)], env=env, capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
    r = subprocess.run([sys.executable, "-m", "taltio.admin", "fetch", url, "--identity", str(world.org_key),
                        "--trust-file", str(trust), "--endpoint", world.s3.endpoint, "-o", str(out)],
                       env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


@pytest.mark.evidence("crash")
@pytest.mark.parametrize("mode", ["response-lost", "mid-body"])
def test_kill9_during_upload_stores_object_exactly_once(world, app_factory, mode):
    proxy = FaultProxy("127.0.0.1", int(world.s3.endpoint.rsplit(":", 1)[1]))
    proxy.start()
    try:
        app = app_factory(f"kill-upload-{mode}", endpoint=proxy.endpoint).start()
        cid = f"call-upload-{mode}"
        _start_recording(app, cid)
        time.sleep(2.0)
        if mode == "response-lost":
            proxy.hold_responses(f"{cid}.ogg.age")
            event = proxy.held
        else:
            proxy.stall_requests(f"{cid}.ogg.age")
            event = proxy.stalled
        app.hook("ended", cid)
        assert event.wait(20), "the upload never reached the proxy"
        app.kill9()
        proxy.release() if mode == "response-lost" else proxy.set_mode("pass")
        app.start()
        app.wait_for(_queue_empty, timeout=30, what="upload after restart")
        keys = wait_for_keys(world.s3, lambda ks: manifest_key(ks, cid) is not None)
        for k in call_keys(keys, cid):
            versions = world.s3.list_versions(k)
            assert len([v for v in versions if v["Key"] == k]) == 1, f"{k} stored {len(versions)} times"
        doc, rec, _ = fetch_call(world.s3, cid, world.root / f"verify-{mode}", world.org_key,
                                 app.status()["workstation_key"])
        assert doc["outcome"] == "recorded" and rec is not None and len(rec) > 0
    finally:
        proxy.stop()


@pytest.mark.evidence("fault")
def test_storage_down_during_call_uploads_within_10s_of_return(world, app_factory):
    proxy = FaultProxy("127.0.0.1", int(world.s3.endpoint.rsplit(":", 1)[1]))
    proxy.start()
    try:
        proxy.set_mode("down")
        app = app_factory("storage-down", endpoint=proxy.endpoint).start()
        cid = "call-down-1"
        _start_recording(app, cid)
        time.sleep(2.0)
        app.hook("ended", cid)
        st = app.wait_for(lambda s: s["queue"]["pending"] == 1 and s["queue"]["last_error"], timeout=20,
                          what="upload failure to be reported")
        assert "unreachable" in st["queue"]["last_error"]
        assert st["status"] == "error" and "waiting" in st["text"]
        assert list((app.data_dir / "calls" / cid).glob(f"{cid}.ogg.age"))
        time.sleep(3.0)
        proxy.set_mode("pass")
        back = time.monotonic()
        wait_for_keys(world.s3, lambda ks: manifest_key(ks, cid) is not None, timeout=15)
        took = time.monotonic() - back
        print(f"uploaded {took:.1f} s after storage came back")
        assert took <= 10.0
        app.wait_for(_queue_empty, timeout=10, what="queue to drain")
    finally:
        proxy.stop()


@pytest.mark.evidence("leak")
def test_no_plaintext_pcm_on_disk_during_and_after_recording(world, app_factory):
    """A steady tone is recorded; repeated scans during the call and one after find it nowhere in clear."""
    app = app_factory("scan").start()
    t0 = time.time()
    cid = "call-scan-1"
    _start_recording(app, cid)
    tone_wav = write_wav(world.root / "scan-tone.wav", tone(SCAN_TONE, 6.0), 16000)
    p1, p2 = world.audio.play_mic(tone_wav), world.audio.play_customer(tone_wav)
    findings = []
    for _ in range(4):
        time.sleep(1.2)
        findings += scan_for_plaintext(_scan_dirs(app), since=t0, tone_freq=SCAN_TONE)
    p1.wait(timeout=30)
    p2.wait(timeout=30)
    assert list((app.data_dir / "calls" / cid).glob("seg-*.age")), "nothing was being recorded"
    app.hook("ended", cid)
    app.wait_for(_queue_empty, timeout=30, what="upload")
    findings += scan_for_plaintext(_scan_dirs(app), since=t0, tone_freq=SCAN_TONE)
    assert findings == []
    # The scanner does find the tone in clear PCM (so the check above can fail).
    raw = app.data_dir / "probe.raw"
    raw.write_bytes((tone(SCAN_TONE, 1.0) * 32767).astype("<i2").tobytes())
    assert scan_for_plaintext([raw], tone_freq=SCAN_TONE)
    raw.unlink()
    # And the recording itself holds it, decrypted by the org key.
    doc, rec, rate = fetch_call(world.s3, cid, world.root / "verify-scan", world.org_key,
                                app.status()["workstation_key"])
    assert tone_present(rec[:, 0], rate, SCAN_TONE) > 0.5 and tone_present(rec[:, 1], rate, SCAN_TONE) > 0.5


def test_quit_mid_call_keeps_the_recording(world, app_factory):
    """SIGTERM (logout, update) ends the call cleanly: the audio is sealed, queued and uploaded."""
    app = app_factory("quit").start()
    cid = "call-quit-1"
    _start_recording(app, cid)
    world.audio.play_mic(world.agent_wav).wait(timeout=60)
    app.stop()
    assert app.proc.returncode == 0, app.log_tail()
    app.start()
    app.wait_for(_queue_empty, timeout=30, what="upload after restart")
    doc, rec, rate = fetch_call(world.s3, cid, world.root / "verify-quit", world.org_key,
                                app.status()["workstation_key"])
    assert doc["outcome"] == "recorded"
    assert any(t["state"] == "app_closed" for t in doc["transitions"])
    assert_speech(rec[:, 0], read_wav(world.agent_wav)[0], rate, "the agent channel")


def test_flac_codec_records_lossless(world, app_factory):
    app = app_factory("flac", **{"audio.codec": "flac"}).start()
    cid = "call-flac-1"
    _start_recording(app, cid)
    world.audio.play_mic(world.agent_wav).wait(timeout=60)
    app.hook("ended", cid)
    app.wait_for(_queue_empty, timeout=30, what="upload")
    keys = wait_for_keys(world.s3, lambda ks: manifest_key(ks, cid) is not None)
    assert any(k.endswith(f"{cid}.flac.age") for k in keys)
    doc, rec, rate = fetch_call(world.s3, cid, world.root / "verify-flac", world.org_key,
                                app.status()["workstation_key"])
    assert doc["audio"]["codec"] == "flac" and rate == 16000
    m = assert_speech(rec[:, 0], read_wav(world.agent_wav)[0], rate, "the agent channel", found=0.9)
    assert m.median_ncc >= 0.95, f"lossless, yet: {m}"
