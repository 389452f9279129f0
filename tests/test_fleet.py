"""Fleet health: heartbeats from a running app to the real SeaweedFS fleet bucket, and `taltio-admin fleet`."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import taltio
from taltio.upload import heartbeat as fleet
from taltio.domain import sshsig
from taltio.domain.events import parse_iso
from tests.fixtures.faultproxy import FaultProxy
from tests.fixtures.ports import free_port
from tests.helpers.app_proc import DESKTOP
from tests.helpers.verify import manifest_key, ssh_verify, stored_signature, wait_for_keys
from tests.helpers.world import AGENT, queue_empty, start_recording

pytestmark = pytest.mark.slow

KEY = f"fleet/{AGENT}.json"
NUMBER = "+358401234567"


def _fleet_bucket(world) -> str:
    return f"{world.s3.bucket}-fleet"


def _heartbeat(world) -> tuple[dict, bytes] | None:
    from botocore.exceptions import ClientError

    try:
        body = world.s3.admin_client().get_object(Bucket=_fleet_bucket(world), Key=KEY)["Body"].read()
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
            return None
        raise
    return json.loads(body), body


def _wait_heartbeat(world, pred, timeout: float = 20.0, what: str = "heartbeat") -> tuple[dict, bytes]:
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        got = _heartbeat(world)
        if got is not None:
            last = got[0]
            if pred(got[0]):
                return got
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}; last heartbeat {json.dumps(last, indent=1)}")


def _ts(value: str) -> float:
    return parse_iso(value).timestamp()


def _admin(world, *args: str, endpoint: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(DESKTOP), "AWS_ACCESS_KEY_ID": world.s3.admin_key,
           "AWS_SECRET_ACCESS_KEY": world.s3.admin_secret, "AWS_DEFAULT_REGION": "us-east-1"}
    env.pop("AWS_ENDPOINT_URL", None)
    r = subprocess.run([sys.executable, "-m", "taltio.admin", "fleet", "--endpoint", endpoint or world.s3.endpoint,
                        *args], env=env, capture_output=True, text=True, timeout=60)
    for secret in (world.s3.admin_secret, world.s3.admin_key):
        assert secret not in r.stdout + r.stderr, "taltio-admin fleet printed a credential"
    return r


def test_running_app_heartbeat_has_every_field_and_the_manifest_signing_key(world, app_factory, tmp_path):
    t0 = time.time()
    app = app_factory("fleet-fields", **{"fleet.heartbeat_minutes": 0.05, "workstation.id": "ws-fleet"}).start()
    doc, _ = _wait_heartbeat(world, lambda d: d.get("workstation_id") == "ws-fleet" and _ts(d["started_at"]) >= t0 - 1,
                             what="the start-up heartbeat")
    status = app.status()
    assert doc["schema"] == fleet.SCHEMA
    assert doc["agent_id"] == AGENT
    assert doc["hostname"] == socket.gethostname()
    assert doc["app_version"] == taltio.__version__ == status["version"]
    assert doc["policy_version"] == {} and doc["policy_rejections"] == []       # no supervisor policy yet
    from taltio import settings as settings_mod

    machine = settings_mod.load(app.workdir / "taltio.toml", app.workdir / "none.toml")
    assert doc["config_sha256"] == machine.machine_digest and len(doc["config_sha256"]) == 64
    assert doc["workstation_key"] == status["workstation_key"]
    assert abs(_ts(doc["time"]) - time.time()) < 30
    assert doc["heartbeat_minutes"] == pytest.approx(0.05)
    assert doc["backlog"]["count"] == 0 and doc["backlog"]["oldest_age_s"] is None
    assert doc["backlog"]["warning"] is False
    assert doc["last_upload"] is None          # a fresh queue has uploaded nothing yet
    assert doc["last_error"] is None and doc["errors"] == []
    assert doc["calls_active"] == 0
    assert doc["audio_devices"]["agent"] == {"configured": "agent_mic", "fallback": None, "in_use": []}
    assert doc["audio_devices"]["customer"] == {"configured": "softphone_out.monitor", "fallback": None,
                                                "in_use": []}

    cid = "call-fleet-1"
    t_rec = time.time()
    start_recording(app, cid, NUMBER)
    doc, raw = _wait_heartbeat(world, lambda d: d["calls_active"] == 1 and _ts(d["time"]) > t_rec,
                               what="a heartbeat during the call")
    in_use = {side: [(d["id"], d["fallback"]) for d in doc["audio_devices"][side]["in_use"]]
              for side in ("agent", "customer")}
    assert in_use == {"agent": [("agent_mic", False)], "customer": [("softphone_out.monitor", False)]}
    assert NUMBER[1:] not in raw.decode() and NUMBER[4:] not in raw.decode()   # never the customer's number

    time.sleep(1.0)
    app.hook("ended", cid)
    app.wait_for(queue_empty, timeout=30, what="upload")
    t_up = time.time()
    doc, raw = _wait_heartbeat(world, lambda d: d["last_upload"] is not None and d["calls_active"] == 0,
                               what="a heartbeat with the last upload")
    assert t_rec - 1 <= _ts(doc["last_upload"]) <= t_up + 1
    assert doc["backlog"]["count"] == 0 and doc["last_error"] is None
    assert world.s3.agents[AGENT][1] not in raw.decode()                         # never the secret

    # The heartbeat's key is the one that signs this workstation's manifests: checked by our verifier
    # and by ssh-keygen with only the heartbeat's key as the allowed signer.
    keys = wait_for_keys(world.s3, lambda ks: manifest_key(ks, cid) is not None)
    mkey = manifest_key(keys, cid)
    body, sig = world.s3.get(mkey), stored_signature(world.s3, mkey)
    pub = sshsig.verify(sig.decode(), body, sshsig.NS_MANIFEST)
    assert sshsig.public_openssh(pub).split()[:2] == doc["workstation_key"].split()[:2]
    ssh_verify(tmp_path / "sig", body, sig, doc["workstation_key"])


def test_heartbeat_once_at_start_then_every_interval_overwriting_one_object(world, app_factory):
    # A long interval: the only heartbeat that can appear is the start-up one.
    t0 = time.time()
    slow = app_factory("fleet-start", **{"fleet.heartbeat_minutes": 60.0, "workstation.id": "ws-fleet-start"}).start()
    first, _ = _wait_heartbeat(world, lambda d: d.get("workstation_id") == "ws-fleet-start", timeout=15,
                               what="the heartbeat written at start-up")
    assert _ts(first["time"]) >= t0 - 1
    time.sleep(4.0)
    again, _ = _heartbeat(world)
    assert again["time"] == first["time"], "a 60-minute heartbeat was written again within seconds"
    slow.stop()

    # 0.05 min = 3 s: collect the distinct heartbeat times for ~13 s.
    interval = 3.0
    t1 = time.time()
    app_factory("fleet-interval", **{"fleet.heartbeat_minutes": interval / 60, "workstation.id": "ws-fleet-int"}).start()
    times: list[float] = []
    end = time.monotonic() + 13.0
    while time.monotonic() < end:
        got = _heartbeat(world)
        if got and got[0].get("workstation_id") == "ws-fleet-int" and _ts(got[0]["time"]) >= t1 - 1:
            t = _ts(got[0]["time"])
            if not times or t != times[-1]:
                times.append(t)
        time.sleep(0.1)
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(times) >= 4, f"heartbeats at {times}"
    assert all(interval - 0.5 <= g <= interval + 1.5 for g in gaps), f"gaps {gaps}"

    # Overwritten, not piled up: one current object and no stack of versions in the fleet bucket.
    versions = world.s3.admin_client().list_object_versions(Bucket=_fleet_bucket(world), Prefix=KEY)
    assert len([v for v in versions.get("Versions", []) if v["Key"] == KEY]) == 1
    assert world.s3.list_keys("fleet/") == []      # and nothing in the write-once recordings bucket


@pytest.mark.evidence("fault")
def test_storage_down_no_crash_next_heartbeat_carries_the_error(world, app_factory):
    proxy = FaultProxy("127.0.0.1", int(world.s3.endpoint.rsplit(":", 1)[1]))
    proxy.start()
    try:
        app = app_factory("fleet-down", endpoint=proxy.endpoint,
                          **{"fleet.heartbeat_minutes": 0.05, "workstation.id": "ws-fleet-down"}).start()
        _wait_heartbeat(world, lambda d: d.get("workstation_id") == "ws-fleet-down" and d["last_error"] is None,
                        what="a healthy heartbeat")
        proxy.set_mode("down")
        t_down = time.time()
        # Recording goes on while storage (and so the heartbeat) is down.
        cid = "call-fleet-down"
        start_recording(app, cid)
        time.sleep(1.0)
        app.hook("ended", cid)
        app.wait_for(lambda s: s["queue"]["pending"] == 1 and s["queue"]["last_error"], timeout=20,
                     what="the upload failure")
        time.sleep(max(0.0, t_down + 10.0 - time.time()))        # >= 3 failed heartbeat attempts
        assert app.alive() and app.status() is not None
        got = _heartbeat(world)
        assert got is not None and _ts(got[0]["time"]) < t_down, "a heartbeat got through a closed proxy"

        proxy.set_mode("pass")
        doc, _ = _wait_heartbeat(world, lambda d: _ts(d["time"]) > t_down, what="the first heartbeat after")
        sources = {e["source"]: e for e in doc["errors"]}
        assert "heartbeat" in sources, doc["errors"]
        assert "unreachable" in sources["heartbeat"]["message"]
        assert t_down - 1 <= _ts(sources["heartbeat"]["since"]) <= t_down + 6
        assert doc["last_error"] == doc["errors"][0]
        # Once storage works again the errors clear (upload done, heartbeat written).
        app.wait_for(queue_empty, timeout=20, what="the queue to drain")
        _wait_heartbeat(world, lambda d: d["last_error"] is None and d["last_upload"] is not None, timeout=15,
                        what="a clean heartbeat")
        log = Path(app.logs[-1]).read_text(errors="replace")
        failures = [ln.split("taltio.fleet: ", 1)[1] for ln in log.splitlines()
                    if "taltio.fleet" in ln and "not written" in ln]
        # Logged once per change of the failure (>= 3 attempts failed), never once per attempt.
        assert 1 <= len(failures) <= 2 and all(a != b for a, b in zip(failures, failures[1:])), failures
        assert "works again" in log
        assert world.s3.agents[AGENT][1] not in log
    finally:
        proxy.stop()


def _doc(agent: str, **changes) -> dict:
    now = datetime.now(timezone.utc)
    d = {"schema": fleet.SCHEMA, "agent_id": agent, "workstation_id": f"ws-{agent}", "hostname": "pc",
         "time": now.isoformat().replace("+00:00", "Z"), "started_at": now.isoformat().replace("+00:00", "Z"),
         "app_version": "0.1.0", "policy_version": "none", "workstation_key": "ssh-ed25519 AAAA",
         "backlog": {"count": 0, "oldest_age_s": None, "uploading": False, "warning": False},
         "last_upload": None, "last_error": None, "errors": [], "calls_active": 0, "audio_devices": {}}
    for k, v in changes.items():
        if k.startswith("backlog_"):
            d["backlog"][k[len("backlog_"):]] = v
        else:
            d[k] = v
    return d


def test_admin_fleet_flags_stale_erroring_backlogged_and_malformed(world):
    s3 = world.s3.admin_client()
    bucket = "fleet-report"
    s3.create_bucket(Bucket=bucket)
    old = (datetime.now(timezone.utc) - timedelta(hours=2)).isoformat().replace("+00:00", "Z")
    err = {"source": "upload", "message": "storage unreachable at https://s3.example: EndpointConnectionError",
           "since": old}
    objects = {
        "ok": _doc("ok"),
        "stale": _doc("stale", time=old),
        "erroring": _doc("erroring", last_error=err, errors=[err]),
        "many": _doc("many", backlog_count=50, backlog_oldest_age_s=600.0),
        "oldest": _doc("oldest", backlog_count=1, backlog_oldest_age_s=5 * 3600.0),
        "refused": _doc("refused", policy_version={"org": 3, "group:sales": 2}, policy_rejections=[
            {"target": "org", "reason": "rollback", "message": "The org policy version 2 is older than 3"}]),
        "broken": None,
        "wrong": None,
    }
    for name, d in objects.items():
        body = json.dumps(d).encode() if d else (b"{not json" if name == "broken" else b"[1, 2]")
        s3.put_object(Bucket=bucket, Key=f"fleet/{name}.json", Body=body)
    want = {"ok": [], "stale": ["STALE"], "erroring": ["ERROR"], "many": ["BACKLOG"], "oldest": ["BACKLOG"],
            "refused": ["POLICY"],
            "broken": ["MALFORMED"], "wrong": ["MALFORMED"]}

    r = _admin(world, "--bucket", bucket, "--json")
    assert r.returncode == 0, r.stderr
    got = {e["agent_id"]: e for e in json.loads(r.stdout)}
    assert {a: e["flags"] for a, e in got.items()} == want
    assert got["erroring"]["last_error"]["message"].startswith("storage unreachable")
    assert got["many"]["backlog_count"] == 50 and got["stale"]["age_s"] >= 7100
    assert got["broken"]["malformed"] == "not JSON" and got["broken"]["heartbeat"] is None
    assert [r["reason"] for r in got["refused"]["policy_rejections"]] == ["rollback"]
    order = [e["agent_id"] for e in json.loads(r.stdout)]
    assert order[:2] == ["broken", "wrong"] and order[2] == "stale" and order[-1] == "ok"   # worst first

    r = _admin(world, "--bucket", bucket)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert lines[0].split()[:2] == ["FLAGS", "AGENT"]
    rows = {ln.split()[1]: ln.split()[0] for ln in lines[1:] if ln.strip() and not ln.startswith("8 ")}
    assert {a: (f.split(",") if f != "ok" else []) for a, f in rows.items()} == want
    assert "storage unreachable" in next(ln for ln in lines if " erroring " in ln)
    assert "malformed: not JSON" in next(ln for ln in lines if " broken " in ln)
    assert lines[-1].startswith("8 workstation(s): 1 ok, 1 stale, 1 erroring, 2 backlogged, 1 refusing a policy, "
                                "2 malformed")
    assert "org v3,group:sales v2" in next(ln for ln in lines if " refused " in ln)
    assert lines[1].split()[0] == "MALFORMED" and lines[-3].split()[0] == "ok"

    # The thresholds are the admin's to choose.
    r = _admin(world, "--bucket", bucket, "--json", "--stale-minutes", "180", "--backlog-count", "100",
               "--backlog-hours", "6")
    flags = {e["agent_id"]: e["flags"] for e in json.loads(r.stdout)}
    assert flags["stale"] == [] and flags["many"] == [] and flags["oldest"] == [] and flags["erroring"] == ["ERROR"]


def test_admin_fleet_exit_1_when_storage_unreachable_or_bucket_missing(world):
    r = _admin(world, "--bucket", "fleet-report", endpoint=f"http://127.0.0.1:{free_port()}")
    assert r.returncode == 1 and "cannot reach" in r.stderr and r.stdout == ""
    r = _admin(world, "--bucket", "no-such-fleet-bucket", "--json")
    assert r.returncode == 1 and "NoSuchBucket" in r.stderr and "--bucket" in r.stderr


@pytest.mark.evidence("security")
def test_agent_credential_writes_only_its_own_fleet_key(world):
    from botocore.exceptions import ClientError

    agent = world.s3.agent_client(AGENT)
    fleet_bucket = _fleet_bucket(world)
    body = json.dumps(_doc(AGENT)).encode()
    agent.put_object(Bucket=fleet_bucket, Key=KEY, Body=body)          # its own: allowed
    for bucket, key in ((fleet_bucket, "fleet/agent-8.json"), (fleet_bucket, "fleet/other/agent-7.json"),
                        (world.s3.bucket, KEY)):
        with pytest.raises(ClientError) as exc:
            agent.put_object(Bucket=bucket, Key=key, Body=body)
        assert exc.value.response["Error"]["Code"] == "AccessDenied", (bucket, key)
    with pytest.raises(ClientError) as exc:                            # and it reads no heartbeat
        agent.get_object(Bucket=fleet_bucket, Key=KEY)
    assert exc.value.response["Error"]["Code"] in ("AccessDenied", "403")
    assert world.s3.admin_client().list_objects_v2(Bucket=fleet_bucket, Prefix="fleet/agent-8").get("KeyCount") == 0


def test_file_storage_heartbeat_in_the_folder_and_admin_reads_it(world, app_factory, tmp_path):
    store = tmp_path / "share"
    app = app_factory("fleet-folder", **{"storage.url": f"file://{store}", "fleet.heartbeat_minutes": 0.05,
                                         "workstation.id": "ws-fleet-folder"}).start()
    path = store / "fleet" / f"{AGENT}.json"
    end = time.monotonic() + 15
    while not path.exists() and time.monotonic() < end:
        time.sleep(0.1)
    first = json.loads(path.read_text())
    assert first["workstation_id"] == "ws-fleet-folder" and first["workstation_key"] == app.status()["workstation_key"]
    end = time.monotonic() + 10
    while json.loads(path.read_text())["time"] == first["time"] and time.monotonic() < end:
        time.sleep(0.1)
    assert json.loads(path.read_text())["time"] != first["time"], "the folder heartbeat was not replaced"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]     # replaced in place, no .part left
    env = {**os.environ, "PYTHONPATH": str(DESKTOP)}
    r = subprocess.run([sys.executable, "-m", "taltio.admin", "fleet", "--folder", str(store), "--json"], env=env,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    (entry,) = json.loads(r.stdout)
    assert entry["agent_id"] == AGENT and entry["flags"] == [] and entry["workstation_id"] == "ws-fleet-folder"
