"""Calls recorded by the real pipeline into a bucket the supervisor tools read (issue 14's acceptance world).

The real app (a subprocess, hook adapter) on a private PipeWire server records a few calls with
known numbers, directions and lengths into SeaweedFS. The bucket has no Object Lock
(``retention_days=None``), so tests can tamper with what is stored; the S3 admin credential plays
the supervisor's read credential.

The recording costs ~35 s, so it happens once per test session (``recorded_session``, registered in
tests/conftest.py) and every module that asks for ``recorded`` shares it. Isolation between those modules:

* ``recorded`` (module scope) puts the store back as the recording left it, when the module starts and when
  it ends: an object a module added (a planted call, an export's audit record) is deleted, one it changed or
  deleted is put back (body, metadata, content type), in every bucket of the server. A bucket a module
  created is removed and fails that module's teardown (make it on an S3 server of the module's own).
* ``calls`` and ``workstation_keys`` are read-only (a tuple, a mapping proxy).
* The recording's own PipeWire server and keyrings are never applied to this process and are stopped once the
  calls are uploaded. ``recorded`` still brings the module's ``audio_server_module`` (applied to this process:
  HOME, XDG_*, the session bus), as when each module recorded on it, so a module's in-process admin code keeps
  writing its caches under that server's HOME rather than the real one.
* Whatever else a module makes from ``recorded`` (a trust registry, exports) lives under its own
  ``tmp_path``/``tmp_path_factory`` folders; ``root`` is the session's, for reading (the organisation key).
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import pytest

from tests.fixtures.audio import start_audio_server
from tests.fixtures.keyring_daemon import start_keyring
from tests.fixtures.s3 import start_s3
from tests.helpers.app_proc import AppProcess, make_app, org_keypair
from tests.helpers.signals import speech
from tests.helpers.world import (
    AGENT,
    AGENT_TEXT,
    CUSTOMER_TEXT,
    queue_empty,
    start_recording,
    state_is,
)

log = logging.getLogger(__name__)

INDEX_KEY = "dGFsdGlvLXRlc3QtbnVtYmVyLWluZGV4LWtleS0zMmI="     # base64 of 32 bytes, tests only
AGENT_B = "agent-9"


@dataclass(frozen=True)
class Call:
    call_id: str
    agent: str
    number: str
    direction: str
    with_audio: bool


@dataclass(frozen=True)
class _Stored:
    """One object as the recording left it."""
    stamp: tuple                # (ETag, size, content type, user metadata): what tells a changed object
    body: bytes
    metadata: dict
    content_type: str


@dataclass
class Recorded:
    s3: object                 # tests.fixtures.s3.S3Server (admin credential = the supervisor's)
    root: Path
    org_key: Path              # the organisation's age identity file
    recipient: str
    calls: Sequence[Call] = ()
    workstation_keys: Mapping[str, str] = field(default_factory=dict)     # agent -> "ssh-ed25519 AAAA..."
    _buckets: frozenset = field(default=frozenset(), repr=False)
    _objects: dict = field(default_factory=dict, repr=False)            # (bucket, key) -> _Stored
    _versions: dict = field(default_factory=dict, repr=False)           # bucket -> {(key, version id)}
    _markers: dict = field(default_factory=dict, repr=False)            # bucket -> {(key, delete marker id)}

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

    # -- the store as recorded -------------------------------------------------------------------------------
    def _stamps(self) -> tuple[set[str], dict[tuple[str, str], tuple]]:
        """Every bucket of the server, and every current object's stamp."""
        client = self.s3.admin_client()
        buckets = {b["Name"] for b in client.list_buckets()["Buckets"]}
        stamps = {}
        for b in buckets:
            for page in client.get_paginator("list_objects_v2").paginate(Bucket=b):
                for o in page.get("Contents", []):
                    head = client.head_object(Bucket=b, Key=o["Key"])
                    stamps[(b, o["Key"])] = (head["ETag"], head["ContentLength"], head.get("ContentType", ""),
                                             tuple(sorted((head.get("Metadata") or {}).items())))
        return buckets, stamps

    def keep_as_recorded(self) -> None:
        """Remember every object of every bucket as it is now (right after the recording)."""
        client = self.s3.admin_client()
        buckets, stamps = self._stamps()
        self._versions = {b: version_ids(client, b) for b in buckets}
        self._markers = {b: marker_ids(client, b) for b in buckets}
        objects = {}
        for (b, k), stamp in stamps.items():
            obj = client.get_object(Bucket=b, Key=k)
            objects[(b, k)] = _Stored(stamp, obj["Body"].read(), dict(obj.get("Metadata") or {}),
                                      obj.get("ContentType", ""))
        self._buckets, self._objects = frozenset(buckets), objects

    def restore(self) -> list[str]:
        """Put the store back as the recording left it; returns what had to be put right."""
        client = self.s3.admin_client()
        fixed = [f"unhid {b}/{k} (delete marker {v})" for b in sorted(self._buckets)
                 for k, v in unhide_since(client, b, self._versions.get(b, set()), self._markers.get(b, set()))]
        fixed += [f"dropped {b}/{k} version {v}" for b in sorted(self._buckets)
                  for k, v in drop_versions_since(client, b, self._versions.get(b, set()))]
        buckets, stamps = self._stamps()
        for (b, k) in sorted(set(stamps) - set(self._objects)):
            client.delete_object(Bucket=b, Key=k)
            fixed.append(f"deleted {b}/{k}")
        for (b, k), obj in sorted(self._objects.items()):
            if stamps.get((b, k)) != obj.stamp:
                client.put_object(Bucket=b, Key=k, Body=obj.body, Metadata=obj.metadata,
                                  ContentType=obj.content_type)
                fixed.append(f"put back {b}/{k}")
        if fixed:
            # A re-put object has the same body, metadata and type; only a multipart upload's ETag differs.
            _, now = self._stamps()
            self._objects.update({bk: _Stored(now[bk], o.body, o.metadata, o.content_type)
                                  for bk, o in self._objects.items() if now.get(bk) != o.stamp})
            log.info("the recorded store put right: %s", ", ".join(fixed))
        extra = sorted(buckets - self._buckets)
        for b in extra:         # removed, so that only the module that made it fails
            for page in client.get_paginator("list_object_versions").paginate(Bucket=b):
                for v in page.get("Versions", []) + page.get("DeleteMarkers", []):
                    client.delete_object(Bucket=b, Key=v["Key"], VersionId=v["VersionId"])
            client.delete_bucket(Bucket=b)
        if extra:
            raise AssertionError(f"bucket(s) {extra} were created on the shared recorded store (session-wide); "
                                 f"make them on a server of the module's own (tests.fixtures.s3.start_s3)")
        return fixed


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


def _workstation_keyring(audio, root: Path):
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


def _record_calls(rec: Recorded, audio) -> None:
    root = rec.root
    parts = {"s3": rec.s3, "audio": audio, "root": root, "recipient": rec.recipient}
    agent_wav = speech(AGENT_TEXT, root / "agent.wav", voice="en-us", words_per_minute=180)
    customer_wav = speech(CUSTOMER_TEXT[:90], root / "customer.wav", voice="en+f3", words_per_minute=190)
    index = {"encryption.number_index_key": INDEX_KEY}
    calls: list[Call] = []
    keys: dict[str, str] = {}
    plan = [(AGENT, "rec-a1", "+358401234567", "incoming"), (AGENT, "rec-a2", "+358 40 123 4567", "outgoing"),
            (AGENT_B, "rec-b1", "+46701234567", "incoming")]
    for agent in (AGENT, AGENT_B):
        # One workstation at a time, each with its own keyring (one secrets service per session bus).
        parts["keyring"] = _workstation_keyring(audio, root / f"ws-{agent}")
        app = _app(parts, f"app-{agent}", agent, **index).start()
        try:
            for a, cid, number, direction in plan:
                if a == agent:
                    _record(app, audio, agent_wav, customer_wav, cid, number, direction)
                    calls.append(Call(cid, agent, number, direction, True))
            if agent == AGENT:
                app.hook("incoming", "rec-a3", "+358509876543")
                app.hook("answered", "rec-a3")
                app.hook("declined", "rec-a3")
                app.hook("ended", "rec-a3")
                calls.append(Call("rec-a3", agent, "+358509876543", "incoming", False))
            app.wait_for(queue_empty, timeout=60, what="uploads")
            keys[agent] = app.status()["workstation_key"]
        finally:
            app.stop()
            parts["keyring"].stop()
    rec.calls, rec.workstation_keys = tuple(calls), MappingProxyType(keys)


@pytest.fixture(scope="session")
def recorded_session(tmp_path_factory) -> Iterator[Recorded]:
    """Four calls by two agents: two with the same customer (one incoming, one outgoing), one other customer,
    and one declined call (no audio). Uploaded, with the workstation keys the apps reported. Once per session,
    on a PipeWire server of its own (stopped once recorded, never applied to this process); ask for
    ``recorded``, which puts the store back as recorded around each module."""
    root = tmp_path_factory.mktemp("recorded")
    s3 = start_s3(root / "s3", agent_ids=(AGENT, AGENT_B), retention_days=None)
    try:
        key, recipient = org_keypair(root)
        rec = Recorded(s3, root, key, recipient)
        audio = start_audio_server(root / "audio")
        try:
            _record_calls(rec, audio)
        finally:
            audio.stop()
        rec.keep_as_recorded()
    except BaseException:
        s3.stop()
        raise
    yield rec
    s3.stop()


@pytest.fixture(scope="module")
def recorded(recorded_session, audio_server_module) -> Iterator[Recorded]:
    """The session's recorded calls for one module, the store as recorded when it starts and when it ends."""
    recorded_session.restore()
    yield recorded_session
    recorded_session.restore()


def version_ids(client, bucket: str, prefix: str = "") -> set[tuple[str, str]]:  # noqa: ANN001
    """Every (key, version id) of the objects in a versioned bucket (delete markers are no object version:
    taltio-admin's write-once check does not count them)."""
    out = set()
    for page in client.get_paginator("list_object_versions").paginate(Bucket=bucket, Prefix=prefix):
        for v in page.get("Versions", []):
            if v.get("VersionId") not in (None, "null"):
                out.add((v["Key"], v["VersionId"]))
    return out


def marker_ids(client, bucket: str, prefix: str = "") -> set[tuple[str, str]]:  # noqa: ANN001
    """Every (key, version id) of the delete markers in a versioned bucket."""
    out = set()
    for page in client.get_paginator("list_object_versions").paginate(Bucket=bucket, Prefix=prefix):
        out |= {(m["Key"], m["VersionId"]) for m in page.get("DeleteMarkers", [])}
    return out


def unhide_since(client, bucket: str, versions: set[tuple[str, str]], markers: set[tuple[str, str]],  # noqa: ANN001
                 prefix: str = "") -> list[tuple[str, str]]:
    """Delete the delete markers put since *markers* on keys that had versions then (*versions*): a test that
    hides a recorded object leaves it as recorded (putting it back would add a version, which verify refuses).
    The markers on keys a test made stay: drop_versions_since puts them there on purpose."""
    kept = {k for k, _ in versions}
    added = sorted((k, v) for k, v in marker_ids(client, bucket, prefix) - markers if k in kept)
    for key, vid in added:
        client.delete_object(Bucket=bucket, Key=key, VersionId=vid)
    return added


def drop_versions_since(client, bucket: str, before: set[tuple[str, str]],  # noqa: ANN001
                        prefix: str = "") -> list[tuple[str, str]]:
    """Delete every object version made since *before*: the bucket is versioned, so putting the original back
    would only add a version, and verify refuses an object with more than one (issue 19.1: an overwrite is
    tampering). A key the test made is then hidden with a delete marker as well: SeaweedFS still lists the
    folder of a key whose versions are all gone, and a day listing would show it."""
    added = sorted(version_ids(client, bucket, prefix) - before)
    for key, vid in added:
        client.delete_object(Bucket=bucket, Key=key, VersionId=vid)
    for key in {k for k, _ in added} - {k for k, _ in before}:
        client.delete_object(Bucket=bucket, Key=key)
    return added
