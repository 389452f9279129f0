"""The workstation's audit log as a hash chain (issue 14 point 8, last bullet).

Unit tests of the pure chain (every kind of tampering is found and named by seq), the queue's
migration of a database from before the chain, and end to end: the real app marks calls private,
the chain's objects reach SeaweedFS through the upload queue, the manifest and the heartbeat carry
its head, `taltio-admin verify --audit` passes; then an object is altered or deleted in storage (a
bucket without Object Lock) and verify fails naming the seq.
"""
from __future__ import annotations

import json
import sqlite3
import time

import pytest

from taltio.adapters.storage.folder import FolderTarget
from taltio.admin import audit as admin_audit
from taltio.admin.main import main as admin_main
from taltio.admin.store import FolderStore
from taltio.domain import audit_chain as ac
from taltio.upload.queue import UploadQueue


def _chain(n: int) -> list[dict]:
    out: list[dict] = []
    for i in range(n):
        out.append(ac.append(out[-1] if out else None, at=ac.iso_at(1_800_000_000 + i), event="private-marked",
                             call_id=f"c{i + 1}", detail=json.dumps({"reason": f"reason {i + 1}"})))
    return out


def _strip(entries: list[dict]) -> list[dict]:
    """Without their own "hash": what a forger would upload, so only the links can tell."""
    return [{k: v for k, v in e.items() if k != "hash"} for e in entries]


# --------------------------------------------------------------------------- the pure chain

def test_entry_shape_and_canonical_hash():
    first, second = _chain(2)
    assert first["seq"] == 1 and first["prev"] == ac.GENESIS and second["prev"] == first["hash"]
    assert set(first) == {"seq", "at", "event", "call_id", "detail", "prev", "hash"}
    assert first["at"].endswith("Z") and first["at"].startswith("2027-01-15T")
    body = ac.canonical(first)
    assert body == json.dumps({k: first[k] for k in ac.FIELDS}, sort_keys=True, separators=(",", ":")).encode()
    assert body.startswith(b'{"at":"2027-01-15T') and b'","seq":1}' in body          # sorted keys, no spaces
    import hashlib

    assert first["hash"] == hashlib.sha256(body).hexdigest()
    assert ac.head([]) == {"seq": 0, "hash": ac.GENESIS}
    assert ac.head([first, second]) == {"seq": 2, "hash": second["hash"]}
    assert ac.verify_chain([first, second], ac.head([first, second])) == []
    assert ac.verify_chain([]) == []


@pytest.mark.parametrize("with_hash", [True, False])
def test_changed_entry_is_named(with_hash):
    chain = _chain(5)
    chain = chain if with_hash else _strip(chain)
    chain[2] = {**chain[2], "detail": json.dumps({"reason": "something else"})}
    problems = ac.verify_chain(chain)
    assert problems and all("seq 3" in p or "seq 4" in p for p in problems)
    assert any("seq 3" in p for p in problems)
    # The last entry changed: only its hash (or the head) can tell.
    tail = _chain(3)
    good_head = ac.head(tail)
    tail[2] = {**tail[2], "event": "staff-notice-ack"}
    assert any("seq 3" in p for p in ac.verify_chain(_strip(tail) if not with_hash else tail, good_head))


def test_dropped_entry_is_named():
    chain = _strip(_chain(5))
    del chain[1]
    problems = ac.verify_chain(chain)
    assert any("seq 3" in p and "expected seq 2" in p for p in problems)
    # The newest dropped: the chain alone looks whole; the head says otherwise.
    chain = _chain(4)
    assert ac.verify_chain(chain[:3]) == []
    assert any("seq 4" in p for p in ac.verify_chain(chain[:3], ac.head(chain)))


def test_reordered_entries_are_named():
    chain = _strip(_chain(5))
    chain[1], chain[2] = chain[2], chain[1]
    problems = ac.verify_chain(chain)
    assert any(p.startswith("seq 3:") for p in problems) and any(p.startswith("seq 2:") for p in problems)


def test_inserted_entry_is_named():
    chain = _strip(_chain(4))
    # A forged seq 3 linked to seq 2, the old 3 and 4 renumbered after it.
    forged = _strip([ac.append(chain[1], at=chain[1]["at"], event="private", call_id="x", detail="{}")])[0]
    renumbered = [{**e, "seq": e["seq"] + 1} for e in chain[2:]]
    problems = ac.verify_chain(chain[:2] + [forged] + renumbered)
    assert any(p.startswith("seq 4:") and "prev" in p for p in problems)
    # A relinked forgery is whole as a chain; the head that the old seq 4 had is what finds it.
    original = _chain(4)
    rebuilt = original[:2]
    rebuilt.append(ac.append(rebuilt[-1], at=rebuilt[-1]["at"], event="private", call_id="x", detail="{}"))
    for e in original[2:]:
        rebuilt.append(ac.append(rebuilt[-1], at=e["at"], event=e["event"], call_id=e["call_id"], detail=e["detail"]))
    assert ac.verify_chain(rebuilt) == []
    assert any("seq 4" in p for p in ac.verify_chain(rebuilt, ac.head(original)))


def test_private_reasons_lose_numbers_other_details_do_not():
    spaced = ac.clean_detail("private-marked", json.dumps({"reason": "call back +358 40 123 4567 or 0401234567"}))
    assert json.loads(spaced)["reason"] == "call back [digits removed] or [digits removed]"
    assert "040-123" not in ac.clean_detail("private", json.dumps({"reason": "040-123 4567", "duration_s": 3.0}))
    ack = json.dumps({"at": "2026-12-03T10:11:12Z", "sha256": "0123456789" * 6 + "abcd"})
    assert ac.clean_detail("staff-notice-ack", ack) == ack
    assert ac.clean_detail("private", "recovered after restart") == "recovered after restart"


# --------------------------------------------------------------------------- the queue

def test_queue_chains_cleans_and_reports_head(tmp_path):
    q = UploadQueue(tmp_path / "q.db", FolderTarget(tmp_path / "store"))
    assert q.audit_head() == {"seq": 0, "hash": ac.GENESIS}
    q.audit("c1", "private-marked", json.dumps({"reason": "my doctor, 040 123 4567"}))
    q.audit("c1", "private", json.dumps({"duration_s": 4.0, "reason": "my doctor, 040 123 4567"}))
    q.audit("-", "staff-notice-ack", json.dumps({"at": "2026-12-03T10:11:12Z", "sha256": "ab" * 32}))
    entries = q.audit_entries()
    assert [e["seq"] for e in entries] == [1, 2, 3] and ac.verify_chain(entries, q.audit_head()) == []
    assert q.audit_head() == {"seq": 3, "hash": entries[-1]["hash"]}
    assert all("123 4567" not in e["detail"] for e in entries)
    assert [r[2] for r in q.audit_rows()] == ["private-marked", "private", "staff-notice-ack"]
    # Reopened: the same chain, rebuilt from the rows, hashes the same.
    q2 = UploadQueue(tmp_path / "q.db", FolderTarget(tmp_path / "store"))
    assert q2.audit_entries() == entries


def test_old_audit_log_is_chained_once_on_upgrade(tmp_path):
    db = sqlite3.connect(tmp_path / "old.db")
    db.executescript("CREATE TABLE audit (at REAL NOT NULL, call_id TEXT NOT NULL, event TEXT NOT NULL, detail TEXT);")
    rows = [(1_790_000_002.5, "c2", "private", json.dumps({"reason": "bank 4000 1234 5678 9010"})),
            (1_790_000_001.25, "c1", "private-marked", json.dumps({"reason": "school"})),
            (1_790_000_003.0, "-", "staff-notice-ack", None)]
    db.executemany("INSERT INTO audit VALUES (?,?,?,?)", rows)
    db.commit()
    db.close()
    q = UploadQueue(tmp_path / "old.db", FolderTarget(tmp_path / "store"))
    entries = q.audit_entries()
    assert [(e["seq"], e["call_id"]) for e in entries] == [(1, "c1"), (2, "c2"), (3, "-")]    # in time order
    assert ac.verify_chain(entries) == [] and "5678" not in entries[1]["detail"]
    head = q.audit_head()
    q.audit("c4", "not_recorded", "{}")
    # A second open does not chain again: the old entries keep their hashes, the new one follows them.
    q2 = UploadQueue(tmp_path / "old.db", FolderTarget(tmp_path / "store"))
    again = q2.audit_entries()
    assert again[:3] == entries and again[3]["seq"] == 4 and again[3]["prev"] == head["hash"]
    assert ac.verify_chain(again) == []


def _drain(q: UploadQueue, timeout: float = 15.0) -> None:
    q.start()
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if q._db.execute("SELECT COUNT(*) FROM jobs WHERE done_at IS NULL").fetchone()[0] == 0:
                return
            time.sleep(0.05)
        raise AssertionError("the queue did not drain")
    finally:
        q.stop()


def test_chain_goes_up_in_batches_and_verify_reads_it_from_a_folder(tmp_path, capsys):
    store = tmp_path / "store"
    q = UploadQueue(tmp_path / "q.db", FolderTarget(store))
    q.audit("c1", "private-marked", json.dumps({"reason": "personal"}))
    assert q.publish_audit(ac.object_prefix("agent-1")) == q.audit_head()
    assert q.status().pending == 0                   # an audit batch is no call waiting
    q.audit("c1", "private", json.dumps({"duration_s": 2.0}))
    q.audit("c2", "not_recorded", "{}")
    head = q.publish_audit(ac.object_prefix("agent-1"))
    assert q.publish_audit(ac.object_prefix("agent-1")) == head        # nothing new: nothing queued twice
    _drain(q)
    names = sorted(p.name for p in (store / "agent-1" / "_audit").iterdir())
    assert names == ["0000000001-0000000001.json", "0000000002-0000000003.json"]
    assert not list((tmp_path / "audit-outbox").iterdir())           # local batch copies gone once stored
    rep = admin_audit.verify_audit(FolderStore(store), "agent-1")
    assert rep.ok and len(rep.entries) == 3, rep.problems
    assert admin_main(["verify", "--audit", "agent-1", "--store", f"file://{store}"]) == 0
    assert "3 entries" in capsys.readouterr().out
    # Altered in the folder: named by seq.
    p = store / "agent-1" / "_audit" / names[1]
    doc = json.loads(p.read_text())
    doc["entries"][0]["call_id"] = "other"
    p.write_text(json.dumps(doc))
    assert admin_main(["verify", "--audit", "agent-1", "--store", f"file://{store}"]) == 1
    out = capsys.readouterr().out
    assert "FAIL seq 2:" in out, out


# --------------------------------------------------------------------------- end to end

@pytest.fixture(scope="module")
def unlocked(audio_server_module, keyring_daemon_module, tmp_path_factory):
    """The e2e world, with a bucket without Object Lock so the test can tamper with what is stored."""
    from tests.fixtures.s3 import start_s3
    from tests.helpers.app_proc import org_keypair
    from tests.helpers.world import AGENT, World

    root = tmp_path_factory.mktemp("audit-e2e")
    s3 = start_s3(root / "s3", agent_ids=(AGENT,), retention_days=None)
    key, recipient = org_keypair(root)
    try:
        yield World(audio_server_module, keyring_daemon_module, s3, key, recipient, root, root, root)
    finally:
        s3.stop()


def _admin_env(monkeypatch, s3) -> None:  # noqa: ANN001
    for k in [k for k in __import__("os").environ if k.startswith("AWS_")]:
        monkeypatch.delenv(k)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", s3.admin_key)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", s3.admin_secret)
    monkeypatch.setenv("AWS_ENDPOINT_URL", s3.endpoint)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")


def _wait(pred, timeout: float = 30.0, what: str = "condition"):  # noqa: ANN001, ANN202
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = pred()
        if got:
            return got
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_e2e_chain_reaches_storage_heads_match_and_tampering_is_named(unlocked, monkeypatch, capsys):
    from tests.helpers.world import AGENT, queue_empty

    s3 = unlocked.s3
    app = unlocked.app("audit", **{"fleet.heartbeat_minutes": 0.05}).start()
    try:
        for cid in ("audit-private-1", "audit-private-2"):
            app.hook("incoming", cid, "+358401234567")
            app.hook("answered", cid)
            app.hook("private", cid)
            app.wait_for(lambda st, c=cid: any(x["call_id"] == c and x["outcome"] == "private" for x in st["calls"]),
                         what="private")
            app.hook("ended", cid)
        app.hook("incoming", "audit-declined", "+358401234567")     # a manifest that names the head
        app.hook("answered", "audit-declined")
        app.hook("declined", "audit-declined")
        app.hook("ended", "audit-declined")
        app.wait_for(queue_empty, timeout=60, what="uploads")
        prefix = f"agents/{AGENT}/_audit/"
        manifest = _wait(lambda: [k for k in s3.list_keys(f"agents/{AGENT}/") if k.endswith("audit-declined.manifest.json")],
                         what="the manifest")[0]
        doc = json.loads(s3.get(manifest))
        head = doc["audit_head"]
        assert head["seq"] >= 4 and len(head["hash"]) == 64
        entries = _wait(lambda: _stored_entries(s3, prefix, head["seq"]), what="the audit objects")
        assert ac.on_chain(entries, head) is None
        events = [(e["call_id"], e["event"]) for e in entries]
        assert ("audit-private-1", "private-marked") in events and ("audit-private-2", "private") in events
        assert not any("358401234567" in json.dumps(e) for e in entries)
        fleet_doc = _wait(lambda: _heartbeat_at(s3, AGENT, head["seq"]), what="a heartbeat with the head")
        assert fleet_doc["audit_head"]["seq"] >= head["seq"]
    finally:
        app.stop()
    _admin_env(monkeypatch, s3)
    args = ["verify", "--audit", AGENT, "--store", f"s3://{s3.bucket}/agents", "--fleet", f"s3://{s3.fleet_bucket}"]
    assert admin_main(args) == 0, capsys.readouterr()
    assert "every head is on it" in capsys.readouterr().out
    _tamper_and_check(s3, prefix, args, capsys)


def _stored_entries(s3, prefix: str, upto: int) -> list[dict] | None:  # noqa: ANN001
    entries = [e for k in sorted(s3.list_keys(prefix)) for e in ac.parse_batch(s3.get(k))]
    return entries if entries and entries[-1]["seq"] >= upto else None


def _heartbeat_at(s3, agent: str, seq: int) -> dict | None:  # noqa: ANN001
    try:
        body = s3.admin_client().get_object(Bucket=s3.fleet_bucket, Key=f"fleet/{agent}.json")["Body"].read()
    except Exception:  # noqa: BLE001 - not written yet
        return None
    doc = json.loads(body)
    return doc if (doc.get("audit_head") or {}).get("seq", 0) >= seq else None


def _tamper_and_check(s3, prefix: str, args: list[str], capsys) -> None:  # noqa: ANN001
    """Alter the first object, then delete it: each time verify exits 1 naming the seq."""
    client = s3.admin_client()
    key = sorted(s3.list_keys(prefix))[0]
    original = s3.get(key)
    doc = json.loads(original)
    first = doc["entries"][0]["seq"]
    doc["entries"][0]["detail"] = json.dumps({"reason": "nothing to see"})
    client.put_object(Bucket=s3.bucket, Key=key, Body=json.dumps(doc).encode())
    assert admin_main(args) == 1
    out = capsys.readouterr().out
    # Reads go to the first version (the original), and the overwrite is named (issue 19.1).
    assert f"FAIL seq {first}-" in out and "was overwritten after it was stored (2 versions" in out, out
    client.delete_object(Bucket=s3.bucket, Key=key)
    assert admin_main(args) == 1
    out = capsys.readouterr().out
    last = doc["entries"][-1]["seq"]
    assert f"expected seq {first}" in out or f"seq {last}: named by a head" in out, out
    assert "missing" in out or "not in the chain" in out, out
