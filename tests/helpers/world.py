"""The shared end-to-end world: audio server, keyring, S3, an org key, speech, and app processes."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.app_proc import AppProcess, make_app, org_keypair
from tests.helpers.signals import speech

AGENT = "agent-7"
AGENT_TEXT = ("Good morning, this is Anna from the customer service of North Bank. I can confirm that your new "
              "loan of five thousand euros has a fixed interest rate for three years.")
CUSTOMER_TEXT = ("Hello. I would like to raise the limit of my credit card to two thousand euros, and please "
                 "change my home address to Mannerheimintie twelve in Helsinki.")
PAUSE_TONE = 1777.0
PRIVATE_TONE = 1234.0
SCAN_TONE = 987.0


@dataclass
class World:
    audio: object
    keyring: object
    s3: object
    org_key: Path
    recipient: str
    root: Path
    agent_wav: Path
    customer_wav: Path

    def app(self, name: str, endpoint: str | None = None, **overrides) -> AppProcess:
        key, secret = self.s3.agents[AGENT]
        cfg = {
            "agent.id": AGENT,
            "workstation.id": "ws-test",
            "audio.mic_device": "agent_mic",
            "audio.loopback_device": "softphone_out.monitor",
            "softphone.adapter": "hook",
            "storage.url": f"s3://{self.s3.bucket}/agents",
            "storage.endpoint": endpoint or self.s3.endpoint,
            "storage.access_key_id": key,
            "storage.retry_max_seconds": 1.0,
            "encryption.recipients": [self.recipient],
            "ui.language": "en",          # tests read status texts; the machine locale must not change them
        }
        cfg.update(overrides)
        env = self.audio.child_env(self.keyring.env)
        return make_app(self.root / name, env, cfg, s3_secret=secret)


@pytest.fixture(scope="module")
def world(audio_server_module, keyring_daemon_module, s3_server_module, tmp_path_factory):
    root = tmp_path_factory.mktemp("e2e")
    key, recipient = org_keypair(root)
    agent_wav = speech(AGENT_TEXT, root / "agent.wav", voice="en-us", words_per_minute=150)
    customer_wav = speech(CUSTOMER_TEXT, root / "customer.wav", voice="en+f3", words_per_minute=170)
    return World(audio_server_module, keyring_daemon_module, s3_server_module, key, recipient, root, agent_wav,
                 customer_wav)


@pytest.fixture
def app_factory(world):
    apps: list[AppProcess] = []

    def make(name: str, **kw) -> AppProcess:
        a = world.app(name, **kw)
        apps.append(a)
        return a

    yield make
    for a in apps:
        a.stop()


def state_is(call_id: str, state: str):
    return lambda st: any(c["call_id"] == call_id and c["state"] == state for c in st.get("calls", []))


def queue_empty(st: dict) -> bool:
    return st.get("queue", {}).get("pending") == 0


def start_recording(app: AppProcess, call_id: str, number: str = "+358401234567") -> dict:
    app.hook("incoming", call_id, number)
    app.hook("answered", call_id)
    app.hook("notice-given", call_id)
    return app.wait_for(state_is(call_id, "recording"), what="recording")


def play_both(world: World) -> None:
    pa = world.audio.play_mic(world.agent_wav)
    pc = world.audio.play_customer(world.customer_wav)
    pa.wait(timeout=60)
    pc.wait(timeout=60)


def scan_dirs(app: AppProcess) -> list[Path]:
    return [app.data_dir, Path(app.env["TMPDIR"]), Path("/var/tmp"), Path("/dev/shm")]


