"""Issue 14 point 3, "no number in clear": a manifest (schema 2) carries the customer's number and display
name only sealed to the organisation's age recipients, with a keyed blind index of the number; the live-call
journal is 0600 and forgets the number once the call is sealed; crash recovery keeps the sealed party; and
nothing the real app puts in storage holds a number in any form.

The sealed party is opened with the age CLI (tests/helpers/verify.party_of) and the index recomputed with
Python's hmac, so neither check trusts taltio.domain.party.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import stat
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from taltio import settings as settings_mod
from taltio.adapters.storage.folder import FolderTarget
from taltio.app import compose
from taltio.domain import manifest, party
from taltio.domain.events import CallEvent
from taltio.domain.files import write_durably
from taltio.recording.controller import JOURNAL, Controller
from taltio.recording.recovery import recover
from taltio.upload.queue import UploadQueue
from tests.helpers.app_proc import org_keypair
from tests.helpers.recorded import INDEX_KEY, recorded  # noqa: F401
from tests.helpers.verify import every_object, party_of

NUMBER, NAME = "+358401234567", "Maija Meikäläinen"
KEY_TEXT = base64.b64encode(bytes(range(32))).decode()
KEY = bytes(range(32))
# Every form a number of the recorded calls could take in storage (international, without '+', national,
# with the separators a softphone shows).
FORMS = ("+358401234567", "358401234567", "0401234567", "+358 40 123 4567", "40 123 4567",
         "+46701234567", "46701234567", "0701234567",
         "+358509876543", "358509876543", "0509876543")


def _hmac(key: bytes, number: str) -> str:
    return hmac.new(key, number.encode(), hashlib.sha256).hexdigest()


@pytest.fixture
def org(tmp_path) -> tuple[Path, str]:
    return org_keypair(tmp_path)


def _controller(tmp_path: Path, recipient: str, index_key: bytes | None = KEY, queue_name: str = "q.sqlite3",
                signing_key: Ed25519PrivateKey | None = None) -> Controller:
    queue = UploadQueue(tmp_path / queue_name, FolderTarget(tmp_path / "store"), 0.5)   # not started: folders stay
    return Controller(calls_dir=tmp_path / "calls", queue=queue, backend=None,  # type: ignore[arg-type]
                      recipients=[pyrage.x25519.Recipient.from_str(recipient)],
                      signing_key=signing_key or Ed25519PrivateKey.generate(), agent_id="a1", workstation_id="w1",
                      mic="m", loopback="l", index_key=index_key)


def _declined_call(ctl: Controller, cid: str, number: str | None = NUMBER, name: str | None = NAME,
                   end: bool = True) -> Path:
    """A call with a manifest and no audio (no backend needed): incoming, answered, declined, ended."""
    ctl.handle(CallEvent.parse("incoming", call_id=cid, number=number, display_name=name))
    ctl.handle(CallEvent.parse("answered", call_id=cid))
    ctl.handle(CallEvent.parse("declined", call_id=cid))
    if end:
        ctl.handle(CallEvent.parse("ended", call_id=cid))
    return ctl.calls_dir / cid


def _journal(d: Path) -> dict:
    return json.loads((d / JOURNAL).read_text())


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


# -- the manifest --------------------------------------------------------------------------------------------
def test_schema_2_has_the_number_only_sealed_and_indexed(tmp_path, org):
    key_file, recipient = org
    d = _declined_call(_controller(tmp_path, recipient), "p1")
    body = (d / manifest.MANIFEST).read_bytes()
    doc = json.loads(body)
    assert doc["schema_version"] == 2 and doc["outcome"] == "declined"
    assert "remote_number" not in doc and "remote_display_name" not in doc
    for form in FORMS[:5]:
        assert form.encode() not in body, form
    assert "Maija".encode() not in body and "Meik" not in body.decode()
    block = doc["party"]
    assert block["index_scheme"] == "hmac-sha256-v1"
    assert block["number_index"] == _hmac(KEY, NUMBER)
    assert block["index_key_id"] == hashlib.sha256(b"taltio-number-index-key\0" + KEY).hexdigest()[:16]
    assert party_of(doc, key_file, tmp_path / "age") == party.Party(NUMBER, NAME)     # age -d opens it


def test_the_index_is_of_the_normalised_number(tmp_path, org):
    """'+358 40-123 4567' as a softphone shows it indexes like +358401234567; the seal keeps what was shown."""
    key_file, recipient = org
    ctl = _controller(tmp_path, recipient)
    doc = json.loads((_declined_call(ctl, "p2", number="+358 40-123 4567", name=None) / manifest.MANIFEST)
                     .read_text())
    assert doc["party"]["number_index"] == _hmac(KEY, NUMBER)
    assert party_of(doc, key_file, tmp_path / "age").display_name is None


def test_without_an_index_key_the_index_is_null_and_the_party_still_sealed(tmp_path, org):
    key_file, recipient = org
    doc = json.loads((_declined_call(_controller(tmp_path, recipient, index_key=None), "p3") / manifest.MANIFEST)
                     .read_text())
    assert doc["party"]["number_index"] is None and doc["party"]["index_key_id"] is None
    assert party_of(doc, key_file, tmp_path / "age") == party.Party(NUMBER, NAME)


def test_a_call_without_number_or_name_has_a_null_party(tmp_path, org):
    _key_file, recipient = org
    doc = json.loads((_declined_call(_controller(tmp_path, recipient), "p4", number=None, name=None)
                      / manifest.MANIFEST).read_text())
    assert "party" in doc and doc["party"] is None


def test_a_sealed_party_opens_only_with_the_org_identity(tmp_path, org):
    _key_file, recipient = org
    doc = json.loads((_declined_call(_controller(tmp_path, recipient), "p5") / manifest.MANIFEST).read_text())
    other = tmp_path / "other-key.txt"
    subprocess.run(["age-keygen", "-o", str(other)], check=True, capture_output=True)
    blob = tmp_path / "sealed.age"
    blob.write_bytes(base64.b64decode(doc["party"]["sealed"]))
    r = subprocess.run(["age", "-d", "-i", str(other), str(blob)], capture_output=True)
    assert r.returncode != 0 and NUMBER.encode() not in r.stdout


# -- the setting ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("value,match", [("not base64!", "not base64"),
                                         (base64.b64encode(b"short").decode(), "must be 32 bytes")])
def test_a_bad_index_key_is_a_clear_config_error(tmp_path, value, match):
    m = tmp_path / "m.toml"
    m.write_text(f'[encryption]\nnumber_index_key = "{value}"\n')
    with pytest.raises(settings_mod.ConfigError, match=match) as err:
        settings_mod.load(m, tmp_path / "u.toml")
    assert "encryption.number_index_key" in str(err.value)
    assert value not in str(err.value)            # a secret: the message never repeats it


def test_a_supervisor_policy_sets_the_key_and_machine_policy_locks_it(tmp_path):
    other = base64.b64encode(b"\x07" * 32).decode()
    s = settings_mod.load(tmp_path / "none.toml", tmp_path / "u.toml", policy={"encryption.number_index_key": KEY_TEXT})
    assert s["encryption.number_index_key"] == KEY_TEXT
    m = tmp_path / "m.toml"
    m.write_text(f'[encryption]\nnumber_index_key = "{other}"\n')
    s = settings_mod.load(m, tmp_path / "u.toml", policy={"encryption.number_index_key": KEY_TEXT})
    assert s["encryption.number_index_key"] == other and s.origins["encryption.number_index_key"].startswith("machine")
    u = tmp_path / "u2.toml"
    u.write_text(f'[encryption]\nnumber_index_key = "{other}"\n')
    assert settings_mod.load(tmp_path / "none.toml", u)["encryption.number_index_key"] == ""   # not the agent's


def test_the_key_is_a_supervisor_setting_marked_secret():
    from taltio.settings.schema import BY_KEY

    s = BY_KEY["encryption.number_index_key"]
    assert s.scope == "supervisor" and s.secret and s.default == "" and s.type is str
    assert [k for k, v in BY_KEY.items() if v.secret] == ["encryption.number_index_key"]


def test_a_policy_change_of_the_key_applies_to_the_next_call(tmp_path, org):
    _key_file, recipient = org
    ctl = _controller(tmp_path, recipient, index_key=None)
    first = json.loads((_declined_call(ctl, "k1") / manifest.MANIFEST).read_text())
    s = settings_mod.load(tmp_path / "none.toml", tmp_path / "u.toml", policy={"encryption.number_index_key": KEY_TEXT})
    compose.reconfigure(SimpleNamespace(controller=ctl, heartbeat=None, policy=None), s)  # type: ignore[arg-type]
    second = json.loads((_declined_call(ctl, "k2") / manifest.MANIFEST).read_text())
    assert first["party"]["number_index"] is None
    assert second["party"]["number_index"] == _hmac(KEY, NUMBER)


@pytest.mark.evidence("leak")
# -- the journal ---------------------------------------------------------------------------------------------
def test_the_journal_is_0600_and_never_holds_the_number_in_clear(tmp_path, org):
    """Before: the live journal kept the number and name in clear until the call was sealed (issue 18)."""
    key_file, recipient = org
    ctl = _controller(tmp_path, recipient)
    d = _declined_call(ctl, "j1", end=False)
    live = _journal(d)
    assert "number" not in live and "display_name" not in live
    assert NUMBER not in (d / JOURNAL).read_text() and "Maija" not in (d / JOURNAL).read_text()
    assert party_of({"party": live["party"]}, key_file, tmp_path / "age") == party.Party(NUMBER, NAME)
    assert _mode(d / JOURNAL) == 0o600
    ctl.handle(CallEvent.parse("ended", call_id="j1"))
    done = _journal(d)
    assert "number" not in done and "display_name" not in done
    assert NUMBER not in (d / JOURNAL).read_text() and "Maija" not in (d / JOURNAL).read_text()
    assert done["party"] == live["party"] == json.loads((d / manifest.MANIFEST).read_text())["party"]
    assert _mode(d / JOURNAL) == 0o600
    ctl.finisher.journal(ctl.sessions["j1"], 16000)    # any later write of the ended call keeps it sealed
    assert "number" not in _journal(d) and _journal(d)["party"] == done["party"]
    assert party_of({"party": done["party"]}, key_file, tmp_path / "age").number == NUMBER


def test_write_durably_mode_applies_to_a_part_file_left_by_a_crash(tmp_path):
    p = tmp_path / "f.json"
    (tmp_path / "f.json.part").write_bytes(b"old")
    os.chmod(tmp_path / "f.json.part", 0o644)
    write_durably(p, b"new", mode=0o600)
    assert p.read_bytes() == b"new" and _mode(p) == 0o600


# -- crash recovery ------------------------------------------------------------------------------------------
def test_recovery_of_a_crashed_live_call_keeps_the_party_the_journal_sealed(tmp_path, org):
    key_file, recipient = org
    d = _declined_call(_controller(tmp_path, recipient), "r1", end=False)    # the app dies here
    assert "number" not in _journal(d) and _journal(d)["party"]["sealed"]
    ctl = _controller(tmp_path, recipient, queue_name="q2.sqlite3")
    assert recover(ctl) == ["r1"]
    doc = json.loads((d / manifest.MANIFEST).read_text())
    assert party_of(doc, key_file, tmp_path / "age") == party.Party(NUMBER, NAME)
    assert doc["party"]["number_index"] == _hmac(KEY, NUMBER)
    assert "number" not in _journal(d) and NUMBER not in (d / manifest.MANIFEST).read_text()


def test_recovery_of_a_sealed_call_keeps_its_sealed_party(tmp_path, org):
    """Sealed (journal without the number) but not queued when the app died: recovery signs a new manifest
    with the very party the journal kept, though the number is nowhere in clear any more."""
    key_file, recipient = org
    d = _declined_call(_controller(tmp_path, recipient), "r2")
    sealed = _journal(d)["party"]
    (d / manifest.MANIFEST).unlink()
    ctl = _controller(tmp_path, recipient, index_key=None, queue_name="q2.sqlite3")   # not queued in this DB
    assert recover(ctl) == ["r2"]
    doc = json.loads((d / manifest.MANIFEST).read_text())
    assert doc["party"] == sealed and doc["party"]["number_index"] == _hmac(KEY, NUMBER)
    assert party_of(doc, key_file, tmp_path / "age") == party.Party(NUMBER, NAME)


@pytest.mark.evidence("leak")
# -- end to end: the real app, SeaweedFS ---------------------------------------------------------------------
@pytest.mark.timeout(600)
def test_no_number_in_any_object_key_or_metadata_in_storage(recorded):  # noqa: F811
    keys = recorded.s3.list_keys()
    assert any(k.endswith("rec-a1.manifest.json") for k in keys), keys
    objects = every_object(recorded.s3)
    assert {k for b, k, _, _ in objects if b == recorded.s3.bucket} == set(keys)
    found = []
    for bucket, key, body, head in objects:
        meta = json.dumps({k: v for k, v in head.items() if k != "ResponseMetadata"}, default=str)
        for form in FORMS:
            for where, text in (("key", key.encode()), ("body", body), ("metadata", meta.encode())):
                if form.encode() in text:
                    found.append((bucket, key, where, form))
    assert not found, found
    # ... and yet the numbers are all there for the organisation: sealed, and indexed under the policy's key.
    index_key = base64.b64decode(INDEX_KEY)
    for call in recorded.calls:
        mkey = next(k for k in keys if k.endswith(f"{call.call_id}.manifest.json"))
        doc = json.loads(recorded.s3.get(mkey))
        number = call.number.replace(" ", "")        # the app keeps the number without separators
        assert party_of(doc, recorded.org_key, recorded.root / "age-e2e").number == number
        assert doc["party"]["number_index"] == _hmac(index_key, number)
    a1, a2 = (json.loads(recorded.s3.get(next(k for k in keys if k.endswith(f"{c}.manifest.json"))))
              for c in ("rec-a1", "rec-a2"))
    assert a1["party"]["number_index"] == a2["party"]["number_index"]      # one customer, found as one
    assert a1["party"]["sealed"] != a2["party"]["sealed"]


# -- other places a number could leave in clear ----------------------------------------------------------------
@pytest.mark.parametrize("text", ["no active call for +358 40 123 4567", "call 040-123 4567 failed",
                                  "(040) 123 4567 busy", "+358401234567"])
def test_heartbeat_error_text_drops_numbers_as_people_write_them(text):
    from taltio.upload.heartbeat import _safe_text

    cleaned = _safe_text(text)
    assert "[digits removed]" in cleaned and "4567" not in cleaned


def test_heartbeat_error_text_keeps_addresses_and_times():
    from taltio.upload.heartbeat import _safe_text

    assert _safe_text("connect 192.168.1.10:9000 refused at 12:30") == "connect 192.168.1.10:9000 refused at 12:30"


@pytest.mark.evidence("security")
@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_the_upload_queue_database_is_the_owners_only(tmp_path):
    q = UploadQueue(tmp_path / "q.sqlite3", FolderTarget(tmp_path / "store"), 0.5)
    q.audit("c1", "private-marked", json.dumps({"reason": "lääkäri"}))
    assert _mode(tmp_path / "q.sqlite3") == 0o600
    assert all(_mode(p) == 0o600 for p in tmp_path.glob("q.sqlite3-*")), list(tmp_path.glob("q.sqlite3-*"))


@pytest.mark.evidence("leak")
def test_doctor_settings_never_prints_the_index_key(tmp_path, monkeypatch, capsys):
    """`taltio doctor --settings` goes into support tickets: the key shows only as set."""
    from taltio.cli import doctor
    from taltio.domain import party as party_mod
    from tests.helpers.app_proc import toml_config

    key = party_mod.new_key()
    cfg = toml_config(tmp_path / "taltio.toml", {"agent.id": "a1", "encryption.number_index_key": key})
    monkeypatch.setenv("TALTIO_CONFIG", str(cfg))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user-config"))
    assert doctor.print_settings() == 0
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if ln.startswith("encryption.number_index_key"))
    assert "<set, not shown>" in line and key not in out and key[:12] not in out
