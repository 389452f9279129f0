"""Calls recorded by the real pipeline into a bucket the supervisor tools read (issue 14's acceptance world).

The real app (a subprocess, hook adapter) on the private PipeWire server records a few calls with
known numbers, directions and lengths into SeaweedFS. The bucket has no Object Lock
(``retention_days=None``), so tests can tamper with what is stored; the S3 admin credential plays
the supervisor's read credential.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.fixtures.keyring_daemon import start_keyring
from tests.fixtures.s3 import start_s3
from tests.helpers.app_proc import AppProcess, make_app, org_keypair
from tests.helpers.signals import speech
from tests.helpers.world import AGENT, AGENT_TEXT, CUSTOMER_TEXT, queue_empty, start_recording, state_is

INDEX_KEY = "dGFsdGlvLXRlc3QtbnVtYmVyLWluZGV4LWtleS0zMmI="     # base64 of 32 bytes, tests only
AGENT_B = "agent-9"


@dataclass(frozen=True)
class Call:
    call_id: str
    agent: str
    number: str
    direction: str
    with_audio: bool


@dataclass
class Recorded:
    s3: object                 # tests.fixtures.s3.S3Server (admin credential = the supervisor's)
    root: Path
    org_key: Path              # the organisation's age identity file
    recipient: str
    calls: list[Call] = field(default_factory=list)
    workstation_keys: dict[str, str] = field(default_factory=dict)     # agent -> "ssh-ed25519 AAAA..."

    @property
    def store_url(self) -> str:
        return f"s3://{self.s3.bucket}/agents"

    def admin_env(self) -> dict[str, str]:
        """Environment for a `taltio-admin` subprocess reading this bucket as a supervisor."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update(AWS_ACCESS_KEY_ID=self.s3.admin_key, AWS_SECRET_ACCESS_KEY=self.s3.admin_secret,
                   AWS_ENDPOINT_URL=self.s3.endpoint, AWS_DEFAULT_REGION="us-east-1")
        return env

    def by_number(self, number: str) -> list[Call]:
        return [c for c in self.calls if c.number == number]


def _app(world_parts: dict, name: str, agent: str, **overrides) -> AppProcess:
    s3 = world_parts["s3"]
    key, secret = s3.agents[agent]
    cfg = {
        "agent.id": agent, "workstation.id": f"ws-{agent}",
        "audio.mic_device": "agent_mic", "audio.loopback_device": "softphone_out.monitor",
        "softphone.adapter": "hook",
        "storage.url": f"s3://{s3.bucket}/agents", "storage.endpoint": s3.endpoint,
        "storage.access_key_id": key, "storage.retry_max_seconds": 1.0,
        "encryption.recipients": [world_parts["recipient"]],
        "ui.language": "en",
    }
    cfg.update(overrides)
    env = world_parts["audio"].child_env(world_parts["keyring"].env)
    return make_app(world_parts["root"] / name, env, cfg, s3_secret=secret)


def _workstation_keyring(audio, root: Path):  # noqa: ANN001, ANN202
    """A keyring of this workstation's own (its own data folder): each workstation has its own signing key."""
    data = root / "keyring-data"
    data.mkdir(parents=True)
    return start_keyring({**audio.env, "XDG_DATA_HOME": str(data)}, log=root / "gnome-keyring.log")


def _record(app: AppProcess, audio, agent_wav: Path, customer_wav: Path, call_id: str, number: str,
            direction: str) -> None:
    if direction == "incoming":
        start_recording(app, call_id, number)
    else:
        app.hook("outgoing", call_id, number)
        app.hook("answered", call_id)
        app.hook("notice-given", call_id)
        app.wait_for(state_is(call_id, "recording"), what="recording")
    pa, pc = audio.play_mic(agent_wav), audio.play_customer(customer_wav)
    pa.wait(timeout=60)
    pc.wait(timeout=60)
    app.hook("bookmark", call_id)
    app.hook("ended", call_id)


@pytest.fixture(scope="module")
def recorded(audio_server_module, tmp_path_factory) -> Recorded:
    """Four calls by two agents: two with the same customer (one incoming, one outgoing), one other customer,
    and one declined call (no audio). Uploaded, with the workstation keys the apps reported."""
    root = tmp_path_factory.mktemp("recorded")
    s3 = start_s3(root / "s3", agent_ids=(AGENT, AGENT_B), retention_days=None)
    key, recipient = org_keypair(root)
    parts = {"s3": s3, "audio": audio_server_module, "root": root, "recipient": recipient}
    agent_wav = speech(AGENT_TEXT, root / "agent.wav", voice="en-us", words_per_minute=180)
    customer_wav = speech(CUSTOMER_TEXT[:90], root / "customer.wav", voice="en+f3", words_per_minute=190)
    rec = Recorded(s3, root, key, recipient)
    index = {"encryption.number_index_key": INDEX_KEY}
    try:
        plan = [(AGENT, "rec-a1", "+358401234567", "incoming"), (AGENT, "rec-a2", "+358 40 123 4567", "outgoing"),
                (AGENT_B, "rec-b1", "+46701234567", "incoming")]
        for agent in (AGENT, AGENT_B):
            # One workstation at a time, each with its own keyring (one secrets service per session bus).
            parts["keyring"] = _workstation_keyring(audio_server_module, root / f"ws-{agent}")
            app = _app(parts, f"app-{agent}", agent, **index).start()
            try:
                for a, cid, number, direction in plan:
                    if a == agent:
                        _record(app, audio_server_module, agent_wav, customer_wav, cid, number, direction)
                        rec.calls.append(Call(cid, agent, number, direction, True))
                if agent == AGENT:
                    app.hook("incoming", "rec-a3", "+358509876543")
                    app.hook("answered", "rec-a3")
                    app.hook("declined", "rec-a3")
                    app.hook("ended", "rec-a3")
                    rec.calls.append(Call("rec-a3", agent, "+358509876543", "incoming", False))
                app.wait_for(queue_empty, timeout=60, what="uploads")
                rec.workstation_keys[agent] = app.status()["workstation_key"]
            finally:
                app.stop()
                parts["keyring"].stop()
    except BaseException:
        s3.stop()
        raise
    yield rec
    s3.stop()

