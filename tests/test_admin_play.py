"""taltio-admin play on the private PipeWire server: what reaches the speaker is the chosen channel of the call
from the chosen place, and --bookmarks lists what the signed manifest has.

The player's output goes to the server's default sink (the null sink softphone_out); its monitor is recorded
with parecord while the command plays, and the capture is correlated with the call decrypted independently
(the age CLI, then libsndfile): the customer's channel from that offset must match, the agent's must not.
"""
from __future__ import annotations

import io
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from taltio.admin.trust import Registry
from taltio.domain import sshsig

from tests.fixtures.audio import read_raw
from tests.helpers.app_proc import DESKTOP
from tests.helpers.recorded import recorded  # noqa: F401
from tests.helpers.signals import resample, rms
from tests.helpers.speech_match import match
from tests.helpers.verify import age_decrypt
from tests.test_admin_verify import TEST_AGENT, TEST_KEY, make_test_call, mkey, restored

pytestmark = pytest.mark.slow

RATE = 16000
MARKS = [{"at": "2026-01-01T00:00:01+00:00", "offset_s": 1.2, "label": "price quoted"},
         {"at": "2026-01-01T00:00:03+00:00", "offset_s": 3.4, "label": ""}]


@pytest.fixture(scope="module")
def trust(recorded, tmp_path_factory) -> Path:  # noqa: F811
    """The real workstations' keys and the test workstation's, registered as enrollment would."""
    path = tmp_path_factory.mktemp("trust") / "trusted.json"
    reg = Registry.load(path)
    for agent, key in {**recorded.workstation_keys, TEST_AGENT: sshsig.public_openssh(TEST_KEY.public_key())}.items():
        reg.add(agent, key, "enrollment")
    reg.save()
    return path


def play(rec, audio, trust: Path, call: str, *args: str) -> subprocess.CompletedProcess:
    env = audio.child_env({**{k: v for k, v in rec.admin_env().items() if k.startswith("AWS_")},
                           "PYTHONPATH": str(DESKTOP)})
    return subprocess.run([sys.executable, "-m", "taltio.admin.play", call, "--store", rec.store_url,
                           "--identity", str(rec.org_key), "--trust-file", str(trust), *args],
                          env=env, capture_output=True, text=True, timeout=120, check=False)


def decoded(rec, tmp: Path, call_id: str) -> tuple[np.ndarray, int]:
    """The call as the independent tools read it: age -d, then libsndfile; (frames x 2, rate)."""
    key = mkey(rec, call_id)
    doc_audio = __import__("json").loads(rec.s3.get(key))["audio"]["file"]["name"]
    blob = rec.s3.get(f"{key.rsplit('/', 1)[0]}/{doc_audio}")
    return sf.read(io.BytesIO(age_decrypt(tmp / "age", blob, rec.org_key)), dtype="float64", always_2d=True)


def capture_while(audio, out: Path, run) -> tuple[np.ndarray, object]:
    """Record softphone_out's monitor (mono, 16 kHz float) around *run*()."""
    rec = audio.record("softphone_out.monitor", out, RATE)
    try:
        time.sleep(0.5)
        result = run()
        time.sleep(0.5)
    finally:
        rec.terminate()
        rec.wait(timeout=10)
    return read_raw(out), result


def test_plays_the_customer_channel_from_an_offset(recorded, audio_server_module, trust, tmp_path):  # noqa: F811
    call, rate = decoded(recorded, tmp_path, "rec-a1")
    start, dur = 1.0, 3.0
    got, r = capture_while(audio_server_module, tmp_path / "cap.raw",
                           lambda: play(recorded, audio_server_module, trust, "rec-a1", "--channel", "customer",
                                        "--start", str(start), "--duration", str(dur)))
    assert r.returncode == 0, r.stderr
    assert "playing the customer channel from 00:01.0" in r.stderr
    assert rms(got) > 0.005, "nothing reached the sink"
    seg = slice(int(start * rate), int((start + dur) * rate))
    customer, agent = (resample(call[seg, i], rate, RATE) for i in (1, 0))
    assert rms(customer) > 0.01 and rms(agent) > 0.01, "the test needs both sides speaking in this stretch"
    # Located window by window (tests/helpers/speech_match.py): the capture beside the player slips a quantum
    # under load, which one lag over the whole stretch read as the wrong audio (NCC 0.48 in one CI run).
    heard_c, heard_a = match(got, customer, RATE), match(got, agent, RATE)
    # 3 s heard in 0.5 s windows: the first and the last hold the start and the end of playback, part silence
    assert heard_c.found >= 0.5 and heard_a.found <= 0.2, (heard_c, heard_a)
    # Where in the call: the heard stretch sits in the whole customer channel at --start.
    whole = match(got, resample(call[:, 1], rate, RATE), RATE)
    assert abs((heard_c.offset_s - whole.offset_s) - start) < 0.05, (heard_c, whole)


def test_bookmarks_list_what_the_manifest_has_and_play_from_one(recorded, audio_server_module, trust,  # noqa: F811
                                                               tmp_path):
    r = play(recorded, audio_server_module, trust, "rec-a1", "--bookmarks")
    assert r.returncode == 0, r.stderr
    doc = __import__("json").loads(recorded.s3.get(mkey(recorded, "rec-a1")))
    lines = r.stdout.strip().splitlines()
    assert len(lines) == len(doc["bookmarks"]) >= 1
    assert lines[0].split("\t")[0] == "1"
    with restored(recorded):
        make_test_call(recorded, "rec-a1", "play-1", bookmarks=MARKS)
        r = play(recorded, audio_server_module, trust, "play-1", "--bookmarks")
        assert r.returncode == 0, r.stderr
        assert r.stdout.splitlines() == ["1\t00:01.2\tprice quoted", "2\t00:03.4\t"]
        r = play(recorded, audio_server_module, trust, "play-1", "--from-bookmark", "2", "--channel", "agent",
                 "--duration", "0.5")
        assert r.returncode == 0 and "agent channel from 00:03.4" in r.stderr, r.stderr
        r = play(recorded, audio_server_module, trust, "play-1", "--from-bookmark", "3")
        assert r.returncode == 1 and "no bookmark 3" in r.stderr, r.stderr


def test_a_tampered_call_is_not_played(recorded, audio_server_module, trust, tmp_path):  # noqa: F811
    from tests.test_admin_verify import put

    key = mkey(recorded, "rec-b1").replace(".manifest.json", ".ogg.age")
    with restored(recorded, key):
        blob = bytearray(recorded.s3.get(key))
        blob[-1] ^= 0x01
        put(recorded, key, bytes(blob))
        got, r = capture_while(audio_server_module, tmp_path / "cap.raw",
                               lambda: play(recorded, audio_server_module, trust, "rec-b1", "--duration", "1"))
    assert r.returncode == 1 and "failed verification" in r.stderr and "not played" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr
    assert rms(got) < 1e-4


def test_review_hands_over_to_the_window_with_the_same_options(monkeypatch):
    """`taltio-admin review` starts `python -m taltio.ui.review` (admin does not import the ui)."""
    import argparse

    from taltio.admin import play as admin_play
    from taltio.ui.review import parser as window_parser

    p = argparse.ArgumentParser()
    admin_play.register_review(p.add_subparsers(dest="cmd"))
    argv = ["--store", "s3://b/agents", "--identity", "org.key", "--lang", "sv", "--no-cache", "--trust-file", "t.json"]
    ns = p.parse_args(["review", *argv])
    calls = []
    monkeypatch.setattr("subprocess.call", lambda cmd: calls.append(cmd) or 0)
    assert ns.handler(ns) == 0
    assert calls[0][:3] == [sys.executable, "-m", "taltio.ui.review"]
    assert vars(window_parser().parse_args(calls[0][3:])) == {k: v for k, v in vars(ns).items()
                                                             if k not in ("cmd", "handler")}
