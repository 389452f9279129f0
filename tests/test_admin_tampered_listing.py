"""`taltio-admin list` and `find` show a call tampered with after it was stored (issue 19.1), on a real SeaweedFS.

A delete marker hides an object from a plain listing (ListObjectsV2) while its versions stay; the listing
would silently leave out the call. On a versioned bucket the catalog lists versions instead, reads every
manifest at its first version and marks the call. The manifests here are small schema-2 documents put by
the admin client (no recording needed: only listing is under test); each test has a server of its own.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
from pathlib import Path

import pytest

from taltio.admin import catalog
from taltio.admin.store import S3Store, open_store
from taltio.domain import party
from tests.fixtures.s3 import S3Server, start_s3
from tests.helpers.recorded import INDEX_KEY

DAY = "2026/12/01"
NUMBER = "+358401234567"
CALLS = {"keep-1": "agent-1", "hide-1": "agent-1", "over-1": "agent-1", "gone-1": "agent-2"}


def admin(*argv: str) -> int:
    p = argparse.ArgumentParser(prog="taltio-admin")
    catalog.register(p.add_subparsers(dest="cmd", required=True))
    ns = p.parse_args(list(argv))
    return ns.handler(ns)


def key(call_id: str) -> str:
    return f"agents/{CALLS[call_id]}/{DAY}/{call_id}.manifest.json"


def manifest(call_id: str, outcome: str = "recorded") -> bytes:
    index = party.parse_key(INDEX_KEY)
    return json.dumps({"schema_version": 2, "call_id": call_id, "direction": "incoming", "outcome": outcome,
                       "audio": {"duration_s": 3.0}, "times": {"ring": "2026-12-01T10:00:00Z"},
                       "party": {"number_index": party.number_index(index, NUMBER),
                                 "index_key_id": party.key_id(index)}}).encode()


@pytest.fixture
def s3(tmp_path, monkeypatch) -> S3Server:
    """A versioned bucket (no Object Lock, as the recorded calls' store) holding CALLS, each put once."""
    srv = start_s3(tmp_path / "s3", agent_ids=("agent-1",), retention_days=None)
    for k, v in {"AWS_ACCESS_KEY_ID": srv.admin_key, "AWS_SECRET_ACCESS_KEY": srv.admin_secret,
                 "AWS_ENDPOINT_URL": srv.endpoint, "AWS_DEFAULT_REGION": "us-east-1"}.items():
        monkeypatch.setenv(k, v)
    import boto3

    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    client = srv.admin_client()
    for cid in CALLS:
        client.put_object(Bucket=srv.bucket, Key=key(cid), Body=manifest(cid))
        client.put_object(Bucket=srv.bucket, Key=key(cid).replace(".manifest.json", ".ogg.age"), Body=b"audio")
    yield srv
    srv.stop()


def tamper(srv: S3Server) -> dict[str, list[str]]:
    """hide-1's manifest behind a delete marker, a changed over-1 put over its own, every object of agent-2
    (its one call) hidden; the version ids of each manifest, oldest first."""
    client = srv.admin_client()
    client.delete_object(Bucket=srv.bucket, Key=key("hide-1"))
    client.put_object(Bucket=srv.bucket, Key=key("over-1"), Body=manifest("over-1", outcome="interrupted"))
    for k in srv.list_keys("agents/agent-2/"):
        client.delete_object(Bucket=srv.bucket, Key=k)
    assert sorted(srv.list_keys("agents/")) == sorted(       # what a plain listing shows: no hide-1, no agent-2
        k for cid in ("keep-1", "hide-1", "over-1") for k in (key(cid), key(cid).replace(".manifest.json", ".ogg.age"))
        if k != key("hide-1"))
    listed = {cid: client.list_object_versions(Bucket=srv.bucket, Prefix=key(cid))["Versions"] for cid in CALLS}
    # S3 lists a key's versions newest first.
    return {cid: [v["VersionId"] for v in reversed(vs) if v["Key"] == key(cid)] for cid, vs in listed.items()}


def rows(capsys, *argv: str) -> tuple[dict[str, dict], str]:
    assert admin(*argv, "--json") == 0
    out, err = capsys.readouterr()
    return {r["call_id"]: r for r in map(json.loads, out.splitlines())}, err


def test_a_call_hidden_or_overwritten_after_it_was_stored_is_listed_and_marked(s3, capsys, tmp_path):
    url = f"s3://{s3.bucket}/agents"
    before, _ = rows(capsys, "list", "--store", url)         # fills the cache before the tampering
    assert sorted(before) == sorted(CALLS) and not any(r["tampered"] for r in before.values()), before
    ids = tamper(s3)
    for extra in ((), ("--no-cache",), ("--from", "2026-12-01", "--to", "2026-12-01")):
        got, err = rows(capsys, "list", "--store", url, *extra)
        assert sorted(got) == sorted(CALLS), (extra, got)
        assert {c: r["tampered"] for c, r in got.items()} == {
            "keep-1": None, "hide-1": "deleted after it was stored", "over-1": "overwritten after it was stored",
            "gone-1": "deleted after it was stored"}, extra
        assert {c: r["manifest_versions"] for c, r in got.items()} == ids and len(ids["over-1"]) == 2
        assert got["over-1"]["outcome"] == "recorded"                # the first version, not the overwrite
        for cid in ("hide-1", "over-1", "gone-1"):
            said = f"call {cid}: its manifest {got[cid]['manifest']} was {got[cid]['tampered']}"
            assert said in err and ids[cid][0] in err, err
        assert "call keep-1" not in err
    assert sorted(rows(capsys, "list", "--store", url, "--agent", "agent-2")[0]) == ["gone-1"]
    assert sorted(rows(capsys, "list", "--store", url, "--outcome", "interrupted")[0]) == []
    # The marks come from the listing each time: the cache holds none.
    db = sqlite3.connect(next((tmp_path / "cache").rglob("manifests.sqlite")))
    docs = [json.loads(d) for (d,) in db.execute("SELECT doc FROM summary")]
    assert docs and all("deleted" not in d and "versions" not in d for d in docs), docs


def test_the_table_gets_a_tampered_column_only_when_a_call_was(s3, capsys):
    url = f"s3://{s3.bucket}/agents"
    assert admin("list", "--store", url) == 0
    assert capsys.readouterr().out.splitlines()[0].split() == ["DATE", "AGENT", "DIRECTION", "DURATION",
                                                               "OUTCOME", "CALL"]
    tamper(s3)
    assert admin("list", "--store", url) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[-1] == "TAMPERED", out
    marks = {line.split()[7]: line.split(None, 8)[8] for line in out[1:]}     # date and duration are 2 words
    assert marks == {"keep-1": "-", "hide-1": "deleted after it was stored", "over-1": "overwritten after it was "
                     "stored", "gone-1": "deleted after it was stored"}, out


def test_find_shows_a_hidden_call_with_the_number(s3, capsys, tmp_path):
    keyfile = tmp_path / "index.key"
    keyfile.write_text(INDEX_KEY)
    tamper(s3)
    got, _ = rows(capsys, "find", "--store", f"s3://{s3.bucket}/agents", "--number", NUMBER,
                  "--index-key-file", str(keyfile))
    assert sorted(got) == sorted(CALLS) and {r["matched_by"] for r in got.values()} == {"index"}
    assert got["hide-1"]["tampered"] == got["gone-1"]["tampered"] == "deleted after it was stored"
    # A search by call id (verify, export, hold) finds the hidden call too.
    assert [r.call_id for r in open_store(f"s3://{s3.bucket}/agents").manifests() if r.call_id == "hide-1"] == [
        "hide-1"]


def test_a_keys_versions_are_one_entry_across_listing_pages(s3, monkeypatch):
    """Two entries a page: over-1's two versions, hide-1's version and its marker, each fall across pages."""
    ids = tamper(s3)
    whole = list(open_store(f"s3://{s3.bucket}/agents").list_stored())
    monkeypatch.setattr(S3Store, "PAGE_SIZE", 2)
    paged = list(open_store(f"s3://{s3.bucket}/agents").list_stored())
    assert paged == whole and len(paged) == 2 * len(CALLS), paged
    by_key = {o.key: o for o in paged}
    for cid in CALLS:
        m = by_key[key(cid)[len("agents/"):]]
        assert list(m.versions) == ids[cid] and m.deleted == (cid in ("hide-1", "gone-1"))
        assert m.size == len(manifest(cid))                  # the first version's size


def test_an_unversioned_bucket_is_listed_plainly(s3, capsys):
    """The fleet bucket keeps no versions: no version listing, and nothing to mark."""
    client = s3.admin_client()
    client.put_object(Bucket=s3.fleet_bucket, Key=f"x/agent-1/{DAY}/plain-1.manifest.json", Body=manifest("plain-1"))
    store = open_store(f"s3://{s3.fleet_bucket}/x")
    assert store.versioned() is False
    got, err = rows(capsys, "list", "--store", f"s3://{s3.fleet_bucket}/x")
    assert list(got) == ["plain-1"] and got["plain-1"]["tampered"] is None and err == ""


def test_a_credential_that_may_not_list_versions_gets_the_plain_listing_and_a_warning(caplog):
    """AccessDenied on ListObjectVersions: warned (a hidden call would not show), then listed as before.
    Stubbed: SeaweedFS's admin may do everything, and this is the server's answer, not its behaviour."""
    import boto3
    from botocore.stub import Stubber

    client = boto3.session.Session().client("s3", region_name="us-east-1", aws_access_key_id="k",
                                            aws_secret_access_key="s")
    stub = Stubber(client)
    stub.add_response("get_bucket_versioning", {"Status": "Enabled"}, {"Bucket": "b"})
    stub.add_client_error("list_object_versions", "AccessDenied", http_status_code=403,
                          expected_params={"Bucket": "b", "Prefix": "agents/agent-1/"})
    stub.add_response("list_objects_v2", {"Contents": [{"Key": f"agents/agent-1/{DAY}/keep-1.manifest.json",
                                                        "Size": 7}], "IsTruncated": False},
                      {"Bucket": "b", "Prefix": "agents/agent-1/"})
    with stub, caplog.at_level("WARNING", logger="taltio.admin.store"):
        got = list(S3Store("b", "agents", client=client).list_stored("agent-1/"))
    assert [(o.key, o.size, o.deleted) for o in got] == [(f"agent-1/{DAY}/keep-1.manifest.json", 7, False)]
    assert "needs s3:ListBucketVersions" in caplog.text and "AccessDenied" in caplog.text
