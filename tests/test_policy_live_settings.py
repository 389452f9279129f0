"""A signed supervisor policy that changes `fleet.heartbeat_minutes` takes effect without a restart.

The whole path, in process and without Qt: the headless runner on the application layer, a folder store
with a policy folder, a policy signed with an Ed25519 key that machine policy lists in
`policy.allowed_signers`, the policy thread fetching and verifying it, the runner applying it, and the
heartbeat thread switching from its 5-minute default to 1.2 s while it waits.
"""
from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from taltio import settings as settings_mod
from taltio.app.agent import AgentApp
from taltio.cli.headless import HeadlessRunner
from taltio.domain import policy as pol
from taltio.domain import sshsig
from taltio.upload.heartbeat import fleet_key
from tests.helpers.in_process import local_config
from tests.helpers.push_backend import PushBackend
from tests.helpers.waiting import wait_for

AGENT = "agent-7"


def _publish(folder, key: Ed25519PrivateKey, version: int, settings: dict) -> None:
    now = dt.datetime.now(dt.timezone.utc)
    raw = pol.dump(pol.new_document("org", version, now - dt.timedelta(minutes=1), now + dt.timedelta(days=30),
                                    settings))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "org.json.sig").write_bytes(pol.sign(raw, key))
    (folder / "org.json").write_bytes(raw)


@pytest.fixture
def runner(tmp_path, monkeypatch, keyring_daemon):
    keyring_daemon.apply_to_process()
    monkeypatch.setenv("TALTIO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TALTIO_RUNTIME_DIR", str(tmp_path / "run"))
    supervisor = Ed25519PrivateKey.generate()
    signer = f"supervisor@example.fi {sshsig.public_openssh(supervisor.public_key())}"
    cfg = tmp_path / "taltio.toml"
    cfg.write_text(local_config(tmp_path, f'[policy]\nallowed_signers = {json.dumps([signer])}\n'
                                          "poll_minutes = 0.02\n"))
    settings = settings_mod.load(cfg, tmp_path / "nouser.toml")
    agent = AgentApp(settings, backend=PushBackend())
    run = HeadlessRunner(agent)
    run.start()
    thread = threading.Thread(target=run.run, daemon=True)
    thread.start()
    try:
        yield run, supervisor, tmp_path / "store"
    finally:
        run.stop()
        thread.join(timeout=5)


def test_a_supervisor_policy_changes_the_heartbeat_interval_without_a_restart(runner):
    run, supervisor, store = runner
    hb = run.agent.core.heartbeat
    beat = store / fleet_key(AGENT)
    wait_for(lambda: hb.writes >= 1, timeout=10, message="the start-up heartbeat")
    assert json.loads(beat.read_text())["heartbeat_minutes"] == pytest.approx(5.0)
    before = hb.writes
    _publish(store / "policy", supervisor, 1, {"fleet.heartbeat_minutes": 0.02})
    wait_for(lambda: run.agent.settings["fleet.heartbeat_minutes"] == pytest.approx(0.02), timeout=10,
             message=lambda: f"the policy applied; status {run.agent.status_doc().get('policy_versions')}")
    # At 5 minutes the next beat would be minutes away; at 1.2 s three more come within a few seconds.
    wait_for(lambda: hb.writes >= before + 3, timeout=8, message=lambda: f"{hb.writes - before} new heartbeats")
    doc = json.loads(beat.read_text())
    assert doc["heartbeat_minutes"] == pytest.approx(0.02) and doc["policy_version"] == {"org": 1}
    assert run.agent.core.controller.policy_versions == {"org": 1}
