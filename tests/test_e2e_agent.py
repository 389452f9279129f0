"""The agent's flows through the real app (subprocess, `taltio hook`), checked in storage and on disk.

Private calls by rule and before dialling, the organisation's limits on private
marks, the pause reminder and maximum, recording on answer, two calls at once,
hold, bookmark labels, and a pause across a device loss. Every test looks at
what was stored (manifest, audio, audit log) or at the absence of audio.
"""
from __future__ import annotations

import json
import sqlite3
import time

import pytest

from tests.helpers.signals import scan_for_plaintext, tone, tone_level, write_wav
from tests.helpers.verify import call_keys, fetch_call
from tests.helpers.world import queue_empty, scan_dirs, start_recording, state_is

pytestmark = pytest.mark.slow

RATE = 16000


def _tone(world, freq: float, seconds: float):
    return write_wav(world.root / f"tone-{int(freq)}-{seconds}.wav", tone(freq, seconds, amplitude=0.4), RATE)


def _audit(app) -> list[tuple[str, str, dict]]:
    db = sqlite3.connect(app.data_dir / "queue.sqlite3")
    try:
        return [(cid, ev, json.loads(d) if d else {}) for _at, cid, ev, d in
                db.execute("SELECT at, call_id, event, detail FROM audit ORDER BY at")]
    finally:
        db.close()


def _fetch(world, app, cid: str, tag: str):
    app.wait_for(queue_empty, timeout=30, what="upload")
    return fetch_call(world.s3, cid, world.root / f"verify-{tag}", world.org_key, app.status()["workstation_key"])


@pytest.mark.evidence("leak")
def test_always_private_numbers_and_next_call_private(world, app_factory):
    """Calls to listed numbers, and the call after "next call is private", capture nothing at all."""
    app = app_factory("private-rules", **{"privacy.always_private_numbers": ["+358 10 555*"]}).start()
    t0 = time.time()
    wav = _tone(world, 1777.0, 2.0)
    # 1. A number on the always-private list (occupational health).
    app.hook("incoming", "call-oh", "+358105551234")
    app.hook("answered", "call-oh")
    assert app.status()["status"] == "private"
    r = app.hook("notice-given", "call-oh", check=False)
    assert r.returncode == 1 and "will not be recorded" in r.stderr
    world.audio.play_mic(wav).wait(timeout=30)
    app.hook("ended", "call-oh")
    # 2. "Next call is private", before dialling; it applies to that one call only.
    app.hook("next-private")
    st = app.status()
    assert st["next_private"] and st["status"] == "private" and "Next call" in st["text"]
    app.hook("outgoing", "call-next", "+358401112223")
    app.hook("answered", "call-next")
    assert not app.status()["next_private"]
    world.audio.play_mic(wav).wait(timeout=30)
    app.hook("ended", "call-next")
    # 3. The call after that is recorded as usual.
    start_recording(app, "call-after")
    world.audio.play_mic(wav).wait(timeout=30)
    app.hook("ended", "call-after")
    doc, rec, rate = _fetch(world, app, "call-after", "after")
    assert doc["outcome"] == "recorded" and tone_level(rec, rate, 1777.0) > 0.1
    keys = world.s3.list_keys()
    assert call_keys(keys, "call-oh") == [] and call_keys(keys, "call-next") == []
    assert scan_for_plaintext(scan_dirs(app), since=t0, tone_freq=1777.0) == []
    audit = {(cid, ev): d for cid, ev, d in _audit(app)}
    assert audit[("call-oh", "private-marked")]["reason"] == "number on the organisation's always-private list"
    assert audit[("call-next", "private-marked")]["reason"] == "marked private before the call"
    assert audit[("call-oh", "private")]["duration_s"] >= 2.0      # when and how long, never audio or number
    assert "5551234" not in (app.data_dir / "queue.sqlite3").read_bytes().decode("latin-1")


def test_private_limits_reason_and_business_lines(world, app_factory):
    app = app_factory("private-limits", **{"privacy.reason_required": True, "privacy.max_private_per_day": 1,
                                           "privacy.never_private_numbers": ["+35880*"]}).start()
    start_recording(app, "call-lim-a")
    r = app.hook("private", "call-lim-a", check=False)
    assert r.returncode == 1 and "reason" in r.stderr
    assert app.status()["status"] == "recording"            # refused: still recorded
    app.hook("private", "call-lim-a", extra=["--reason", "my doctor called back 0401234567"])
    app.hook("ended", "call-lim-a")
    start_recording(app, "call-lim-b")
    r = app.hook("private", "call-lim-b", check=False, extra=["--reason", "family"])
    assert r.returncode == 1 and "1 calls private today" in r.stderr
    app.hook("ended", "call-lim-b")
    app.hook("incoming", "call-lim-c", "+358800123123")
    app.hook("answered", "call-lim-c")
    r = app.hook("private", "call-lim-c", check=False, extra=["--reason", "x"])
    assert r.returncode == 1 and "business line" in r.stderr
    app.hook("ended", "call-lim-c")
    doc, rec, rate = _fetch(world, app, "call-lim-b", "limits-b")
    assert doc["outcome"] == "recorded" and doc["audio"] is not None
    # A call this short (a refused mark, then hang-up) still holds the moments it lasted, in a file that opens.
    assert doc["audio"]["duration_s"] > 0 and abs(len(rec) / rate - doc["audio"]["duration_s"]) < 0.1
    assert call_keys(world.s3.list_keys(), "call-lim-a") == []
    marks = [(cid, d) for cid, ev, d in _audit(app) if ev == "private-marked"]
    # The reason is kept, without the number the agent typed into it.
    assert marks == [("call-lim-a", {"reason": "my doctor called back [digits removed]"})]


def test_pause_reminder_then_automatic_resume(world, app_factory):
    app = app_factory("pause-limit", **{"recording.pause_reminder_seconds": 1.0,
                                        "recording.max_pause_seconds": 4.0}).start()
    start_recording(app, "call-p")
    world.audio.play_mic(_tone(world, 700.0, 1.5)).wait(timeout=30)
    app.hook("pause", "call-p")
    secret = world.audio.play_mic(_tone(world, 2900.0, 3.0))        # the card number being read
    app.wait_for(lambda st: "resume when the card details are done" in st["text"], timeout=5, what="reminder")
    secret.wait(timeout=30)
    app.wait_for(state_is("call-p", "recording"), timeout=5, what="automatic resume")
    world.audio.play_mic(_tone(world, 700.0, 1.5)).wait(timeout=30)
    app.hook("ended", "call-p")
    doc, rec, rate = _fetch(world, app, "call-p", "pause")
    (p,) = doc["pauses"]
    assert p["reason"] == "agent" and p["auto_resumed"] is True
    assert any(t["state"] == "recording" and t["note"] == "automatic" for t in doc["transitions"])
    assert tone_level(rec, rate, 2900.0) == 0.0                      # nothing from inside the pause
    assert tone_level(rec, rate, 700.0, start_s=p["offset_s"] + 0.2) > 0.1     # recording went on after it


def test_record_on_answer_mode_says_so_in_the_manifest(world, app_factory):
    app = app_factory("on-answer", **{"recording.start": "answer",
                                      "notice.language_rules": ["queue:Kundtj*=sv", "+358*=fi"]}).start()
    app.hook("incoming", "call-ans", "+358401234567", extra=["--queue", "Kundtjänst Vasa"])
    app.hook("answered", "call-ans")
    app.wait_for(state_is("call-ans", "recording"), what="recording on answer")
    world.audio.play_mic(_tone(world, 900.0, 1.5)).wait(timeout=30)
    app.hook("notice-given", "call-ans")          # the card was a reminder; its time is still noted
    app.hook("ended", "call-ans")
    doc, rec, rate = _fetch(world, app, "call-ans", "on-answer")
    assert doc["notice"]["mode"] == "on_answer" and doc["notice"]["given"] is not None
    # The Swedish service line wins over the Finnish number (notice.language_rules by queue).
    assert doc["queue"] == "Kundtjänst Vasa" and doc["notice"]["language"] == "sv"
    assert doc["times"]["recording_start"] < doc["notice"]["given"]
    assert tone_level(rec, rate, 900.0) > 0.1


@pytest.mark.evidence("leak")
def test_two_calls_only_the_active_one_is_captured(world, app_factory):
    """Call waiting: taking B holds A's recording; when B ends A resumes. Hold/unhold too."""
    app = app_factory("two-calls").start()
    start_recording(app, "call-a", "+358401111111")
    world.audio.play_mic(_tone(world, 600.0, 1.5)).wait(timeout=30)
    app.hook("incoming", "call-b", "+358402222222")
    app.hook("answered", "call-b")
    st = app.wait_for(state_is("call-a", "paused"), what="A held")
    assert st["calls"][-1]["call_id"] == "call-b"
    app.hook("notice-given", "call-b")
    app.wait_for(lambda st: any(c["call_id"] == "call-b" and c["recorded_s"] > 0.2 for c in st["calls"]),
                 what="B's audio flowing")
    world.audio.play_mic(_tone(world, 1300.0, 1.5)).wait(timeout=30)
    app.hook("bookmark", "call-b", extra=["--label", "agreed: 24 months, card 4111 1111 1111 1111"])
    app.hook("ended", "call-b")
    app.wait_for(state_is("call-a", "recording"), what="A taken back")
    world.audio.play_mic(_tone(world, 2100.0, 1.5)).wait(timeout=30)
    app.hook("hold", "call-a")
    app.wait_for(state_is("call-a", "paused"), what="A on hold")
    world.audio.play_mic(_tone(world, 3100.0, 1.5)).wait(timeout=30)
    app.hook("unhold", "call-a")
    world.audio.play_mic(_tone(world, 600.0, 1.0)).wait(timeout=30)
    app.hook("ended", "call-a")
    doc_a, rec_a, rate = _fetch(world, app, "call-a", "two-a")
    doc_b, rec_b, _ = _fetch(world, app, "call-b", "two-b")
    assert [p["reason"] for p in doc_a["pauses"]] == ["other_call", "hold"]
    assert all(p["end"] for p in doc_a["pauses"])
    assert tone_level(rec_a, rate, 600.0) > 0.1 and tone_level(rec_a, rate, 2100.0) > 0.1
    assert tone_level(rec_a, rate, 1300.0) == 0.0, "B's audio landed in A's recording"
    assert tone_level(rec_a, rate, 3100.0) == 0.0, "audio from the hold was recorded"
    assert tone_level(rec_b, rate, 1300.0) > 0.1
    assert tone_level(rec_b, rate, 600.0) == 0.0 and tone_level(rec_b, rate, 2100.0) == 0.0
    (bm,) = doc_b["bookmarks"]
    assert bm["label"] == "agreed: 24 months, card [digits removed]" and bm["offset_s"] > 0.5


@pytest.mark.evidence("leak")
def test_pause_across_a_device_loss(world, app_factory):
    app = app_factory("pause-device").start()
    start_recording(app, "call-pd")
    world.audio.play_mic(_tone(world, 800.0, 1.5)).wait(timeout=30)
    app.hook("pause", "call-pd")
    args = world.audio.unload("source_name=agent_mic")
    time.sleep(1.5)
    world.audio.load("module-remap-source", args)
    time.sleep(1.5)
    secret = world.audio.play_mic(_tone(world, 2900.0, 1.5))
    secret.wait(timeout=30)
    app.hook("resume", "call-pd")
    world.audio.play_mic(_tone(world, 800.0, 1.5)).wait(timeout=30)
    app.hook("ended", "call-pd")
    doc, rec, rate = _fetch(world, app, "call-pd", "pause-device")
    assert len(doc["pauses"]) == 1 and doc["pauses"][0]["end"]
    assert [g["channel"] for g in doc["gaps"]] == ["agent"]
    assert tone_level(rec, rate, 2900.0) == 0.0
    assert tone_level(rec, rate, 800.0, start_s=doc["pauses"][0]["offset_s"] + 0.2) > 0.1


def test_hold_keeps_recording_when_the_organisation_says_so(world, app_factory):
    """recording.on_hold = "continue": capture goes on through a hold, and the manifest lists the hold's times."""
    app = app_factory("hold-continue", **{"recording.on_hold": "continue"}).start()
    start_recording(app, "call-hc", "+358401234567")
    world.audio.play_mic(_tone(world, 600.0, 1.0)).wait(timeout=30)
    app.hook("hold", "call-hc")
    world.audio.play_mic(_tone(world, 1700.0, 1.5)).wait(timeout=30)       # said while the customer waits
    app.hook("unhold", "call-hc")
    app.hook("ended", "call-hc")
    doc, rec, rate = _fetch(world, app, "call-hc", "hold-continue")
    assert doc["pauses"] == []
    (hold,) = doc["holds"]
    assert hold["start"] and hold["end"] and hold["start"] < hold["end"]
    assert tone_level(rec, rate, 1700.0) > 0.1, "the hold was not recorded although the setting says continue"
