"""A real SIP call between two baresip softphones; the app (in-process, offscreen Qt) follows it through
baresip's ctrl_tcp and the agent clicks the notice card's button."""
from __future__ import annotations


import pytest
from PySide6.QtCore import Qt

from tests.fixtures.baresip import start_pair
from tests.helpers.app_proc import live_app_config, org_keypair
from tests.helpers.in_process import in_process_app
from tests.helpers.signals import best_ncc, read_wav, resample, speech
from tests.helpers.speech_match import assert_sides_as_carried, carried
from tests.helpers.verify import fetch_call, party_of, wait_for_keys

pytestmark = pytest.mark.slow

AGENT = "agent-7"


@pytest.fixture
def env_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("TALTIO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TALTIO_RUNTIME_DIR", str(tmp_path / "run"))
    return tmp_path


def test_baresip_call_recorded_end_to_end(qtbot, audio_server, keyring_daemon, s3_server, env_dirs, monkeypatch):
    audio_server.apply_to_process()
    keyring_daemon.apply_to_process()
    tmp = env_dirs
    key, recipient = org_keypair(tmp)
    # The customer's voice travels as G.711 over RTP: 8 kHz in the softphone.
    cust_text = ("Yes, I accept the offer of twelve monthly payments of forty euros, starting in January. "
                 "Please send the contract to my email address. ") * 3
    customer_wav = speech(cust_text, tmp / "customer8k.wav", rate=8000, voice="en+f3")
    agent_wav = speech("Thank you. I have noted that you accept twelve monthly payments, and I will send the "
                       "contract by email today.", tmp / "agent.wav")
    agent, customer = start_pair(tmp / "sip", audio_server.env, customer_wav)
    try:
        access, secret = s3_server.agents[AGENT]
        monkeypatch.setenv("TALTIO_S3_SECRET", secret)
        cfg = tmp / "taltio.toml"
        live_app_config(cfg, agent_id=AGENT, adapter="baresip", address=f"127.0.0.1:{agent.ctrl_port}",
                        s3=s3_server, access=access, recipient=recipient)
        with in_process_app(tmp, cfg) as app:
            qtbot.waitUntil(lambda: app.adapter.status.startswith("connected"), timeout=10000)
            customer.dial(agent.uri)
            qtbot.waitUntil(lambda: app.card.isVisible() and app.card.btn_start.isEnabled(), timeout=10000)
            assert "North Bank" in app.card.notice.text()
            assert app.view.status == "notice"           # not recording before the notice
            assert not list((tmp / "data" / "calls").rglob("seg-*.age"))
            with carried(audio_server, tmp, 16000) as devices:
                qtbot.mouseClick(app.card.btn_start, Qt.MouseButton.LeftButton)
                qtbot.waitUntil(lambda: app.view.status == "recording", timeout=5000)
                player = audio_server.play_mic(agent_wav)
                qtbot.waitUntil(lambda: player.poll() is not None, timeout=30000)
                qtbot.mouseClick(app.card.btn_bookmark, Qt.MouseButton.LeftButton)
                qtbot.wait(1500)
            customer.hangup()
            qtbot.waitUntil(lambda: not app.card.isVisible(), timeout=10000)
            keys = wait_for_keys(s3_server, lambda ks: any(k.endswith(".manifest.json") for k in ks), timeout=30)
            mkey = [k for k in keys if k.endswith(".manifest.json")][0]
            call_id = mkey.rsplit("/", 1)[1].split(".manifest.json")[0]
            doc, rec, rate = fetch_call(s3_server, call_id, tmp / "verify", key, app.status_doc()["workstation_key"])
    finally:
        agent.stop()
        customer.stop()
        audio_server.restore_process()
    assert doc["direction"] == "incoming" and party_of(doc, key).number == "+358401234567"
    assert "+358401234567" not in str(doc)
    assert doc["outcome"] == "recorded" and len(doc["bookmarks"]) == 1
    cust_ref = resample(read_wav(customer_wav)[0], 8000, rate)
    agent_ref = read_wav(agent_wav)[0]
    # Each side located window by window (tests/helpers/speech_match.py), held to what its device carried: the
    # test server slips a quantum under load, and the customer's side crossed baresip's adaptive jitter buffer,
    # which moves it by frames; the loopback's own capture has those moves too.
    assert_sides_as_carried(rec, rate, {"agent": agent_ref, "customer": cust_ref}, devices)
    n_x1, _ = best_ncc(rec[:, 0], cust_ref, rate)
    n_x2, _ = best_ncc(rec[:, 1], agent_ref, rate)
    print(f"baresip call: cross={n_x1:.3f},{n_x2:.3f}")
    assert n_x1 <= 0.3 and n_x2 <= 0.3
