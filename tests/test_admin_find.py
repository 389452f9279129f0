"""`taltio-admin list`, `find`, `hold` and `retention` against calls the real app recorded (tests/helpers/recorded.py).

The handlers run in-process through a parser built here with each module's own ``register`` (the way
admin/main.py adds them), with the supervisor's AWS variables set as ``recorded.admin_env()`` gives them.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from taltio.admin import catalog, hold, retention
from tests.helpers.recorded import INDEX_KEY, recorded  # noqa: F401

pytestmark = pytest.mark.timeout(600)


def admin(*argv: str) -> int:
    p = argparse.ArgumentParser(prog="taltio-admin")
    sub = p.add_subparsers(dest="cmd", required=True)
    for module in (catalog, hold, retention):
        module.register(sub)
    ns = p.parse_args(list(argv))
    return ns.handler(ns)


@pytest.fixture
def env(recorded, monkeypatch, tmp_path):  # noqa: F811
    for k, v in recorded.admin_env().items():
        if k.startswith("AWS_"):
            monkeypatch.setenv(k, v)
    monkeypatch.delenv("TALTIO_NUMBER_INDEX_KEY", raising=False)
    import boto3

    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)     # it caches the first credentials it found
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return recorded


def rows(capsys, *argv: str) -> list[dict]:
    assert admin(*argv, "--json") == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]


def ids(capsys, *argv: str) -> list[str]:
    return sorted(r["call_id"] for r in rows(capsys, *argv))


def schema2(recorded) -> bool:  # noqa: F811
    """Whether the app writes the sealed party (schema 2) rather than remote_number in clear."""
    key = next(k for k in recorded.s3.list_keys("agents/") if k.endswith("rec-a1.manifest.json"))
    return "party" in json.loads(recorded.s3.get(key))


# -- list ------------------------------------------------------------------------------------
def test_list_everything_then_by_agent_direction_outcome(env, capsys):
    url = env.store_url
    assert ids(capsys, "list", "--store", url) == ["rec-a1", "rec-a2", "rec-a3", "rec-b1"]
    assert ids(capsys, "list", "--store", url, "--agent", "agent-9") == ["rec-b1"]
    assert ids(capsys, "list", "--store", url, "--agent", "agent-7") == ["rec-a1", "rec-a2", "rec-a3"]
    assert ids(capsys, "list", "--store", url, "--direction", "outgoing") == ["rec-a2"]
    assert ids(capsys, "list", "--store", url, "--direction", "incoming") == ["rec-a1", "rec-a3", "rec-b1"]
    assert ids(capsys, "list", "--store", url, "--outcome", "declined") == ["rec-a3"]
    assert ids(capsys, "list", "--store", url, "--outcome", "recorded") == ["rec-a1", "rec-a2", "rec-b1"]
    assert ids(capsys, "list", "--store", url, "--agent", "agent-7", "--direction", "incoming",
               "--outcome", "recorded") == ["rec-a1"]


def test_list_by_duration_and_the_json_fields(env, capsys):
    url = env.store_url
    every = {r["call_id"]: r for r in rows(capsys, "list", "--store", url)}
    assert every["rec-a3"]["duration_s"] is None and every["rec-a3"]["outcome"] == "declined"
    assert all(every[c]["duration_s"] > 1 for c in ("rec-a1", "rec-a2", "rec-b1"))
    assert every["rec-b1"]["agent"] == "agent-9" and every["rec-b1"]["manifest"].endswith("rec-b1.manifest.json")
    assert ids(capsys, "list", "--store", url, "--min-duration", "1") == ["rec-a1", "rec-a2", "rec-b1"]
    assert ids(capsys, "list", "--store", url, "--max-duration", "0") == ["rec-a3"]
    longest = max(every[c]["duration_s"] for c in ("rec-a1", "rec-a2", "rec-b1"))
    assert ids(capsys, "list", "--store", url, "--min-duration", str(longest + 1)) == []


def test_list_by_date_uses_day_prefixes(env, capsys):
    url = env.store_url
    days = {"/".join(r["manifest"].split("/")[1:4]) for r in rows(capsys, "list", "--store", url)}
    assert len(days) == 1
    day = datetime.strptime(days.pop(), "%Y/%m/%d").date()
    before, after = (day - timedelta(days=1)).isoformat(), (day + timedelta(days=1)).isoformat()
    assert ids(capsys, "list", "--store", url, "--from", day.isoformat(), "--to", day.isoformat()) == \
        ["rec-a1", "rec-a2", "rec-a3", "rec-b1"]
    assert ids(capsys, "list", "--store", url, "--from", before, "--to", after, "--agent", "agent-9") == ["rec-b1"]
    assert ids(capsys, "list", "--store", url, "--to", before) == []
    assert ids(capsys, "list", "--store", url, "--from", after) == []
    prefixes = catalog.prefixes(catalog.open_store(url), catalog.Filters(since=day - timedelta(days=1), until=day))
    assert sorted(prefixes) == sorted(f"{a}/{d:%Y/%m/%d}/" for a in ("agent-7", "agent-9")
                                      for d in (day - timedelta(days=1), day))


def test_list_limit_and_the_table(env, capsys):
    url = env.store_url
    assert len(rows(capsys, "list", "--store", url, "--limit", "2")) == 2
    assert admin("list", "--store", url, "--agent", "agent-9") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["DATE", "AGENT", "DIRECTION", "DURATION", "OUTCOME", "CALL"]
    assert len(out) == 2 and out[1].split()[2:4] == ["agent-9", "incoming"] and out[1].endswith("rec-b1")


def test_cache_holds_no_number_and_is_used(env, capsys, tmp_path):
    url = env.store_url
    assert ids(capsys, "list", "--store", url) == ["rec-a1", "rec-a2", "rec-a3", "rec-b1"]
    db = next((tmp_path / "cache").rglob("manifests.sqlite"))
    text = db.read_bytes()
    for c in env.calls:
        assert c.number.encode() not in text and catalog.party.normalise(c.number).encode() not in text
    for k in env.s3.list_keys("agents/"):
        if k.endswith(".manifest.json"):
            sealed = (json.loads(env.s3.get(k)).get("party") or {}).get("sealed")
            assert not sealed or sealed[:40].encode() not in text
    # A cached summary is used without reading the manifest again.
    store = catalog.open_store(url)
    cache = catalog.Cache(db)
    objs = list(catalog.manifest_objects(store, catalog.Filters()))
    assert all(cache.get(store.url, o) is not None for o in objs) and len(objs) == 4
    cache.close()


# -- find ------------------------------------------------------------------------------------
def test_find_by_number_with_key_and_identity(env, capsys, tmp_path):
    keyfile = tmp_path / "index.key"
    keyfile.write_text(INDEX_KEY + "\n")
    url = env.store_url
    hits = rows(capsys, "find", "--store", url, "--number", "+358401234567", "--index-key-file", str(keyfile),
                "--identity", str(env.org_key))
    assert sorted(h["call_id"] for h in hits) == ["rec-a1", "rec-a2"]
    assert schema2(env), "the recorded calls are schema 2 (the apps have the index key)"
    assert {h["matched_by"] for h in hits} == {"index"}
    hits = rows(capsys, "find", "--store", url, "--number", "+46 70 123 45 67", "--index-key-file", str(keyfile))
    assert [h["call_id"] for h in hits] == ["rec-b1"]
    assert rows(capsys, "find", "--store", url, "--number", "+358000000000", "--index-key-file", str(keyfile)) == []


def test_find_without_index_key_opens_the_party(env, capsys):
    url = env.store_url
    hits = rows(capsys, "find", "--store", url, "--number", "+358 40 123 4567", "--identity", str(env.org_key))
    assert sorted(h["call_id"] for h in hits) == ["rec-a1", "rec-a2"]
    assert {h["matched_by"] for h in hits} == {"sealed party"}
    hits = rows(capsys, "find", "--store", url, "--number", "+46701234567", "--identity", str(env.org_key))
    assert [h["call_id"] for h in hits] == ["rec-b1"]
    assert admin("find", "--store", url, "--number", "+46701234567", "--identity", str(env.org_key)) == 0
    out = capsys.readouterr().out
    assert "MATCHED_BY" in out and "rec-b1" in out


def test_find_with_a_key_from_the_environment(env, capsys, monkeypatch):
    monkeypatch.setenv("TALTIO_NUMBER_INDEX_KEY", INDEX_KEY)
    hits = rows(capsys, "find", "--store", env.store_url, "--number", "+358401234567")
    assert sorted(h["call_id"] for h in hits) == ["rec-a1", "rec-a2"]
    assert {h["matched_by"] for h in hits} == {"index"}


# -- bad input -------------------------------------------------------------------------------
SCRIPT = ("import argparse, sys\nfrom taltio.admin import catalog\n"
          "p = argparse.ArgumentParser(prog='taltio-admin'); s = p.add_subparsers(dest='cmd', required=True)\n"
          "catalog.register(s); ns = p.parse_args(sys.argv[1:]); sys.exit(ns.handler(ns))\n")


@pytest.mark.parametrize("argv, says", [
    (["list", "--from", "2026-02-30"], "'2026-02-30' is not a date"),
    (["list", "--from", "2026-12-03", "--to", "2026-12-01"], "is before --from"),
    (["list", "--limit", "0"], "--limit must be a positive number"),
    (["find", "--number", "call me"], "'call me' is not a phone number"),
    (["find", "--number", "+358401234567", "--index-key-file", "/nonexistent/key"], "cannot read the index key"),
])
def test_bad_input_is_one_line_and_exit_1(env, argv, says, tmp_path):
    r = subprocess.run([sys.executable, "-c", SCRIPT, *argv, "--store", env.store_url],
                       env={**env.admin_env(), "XDG_CACHE_HOME": str(tmp_path)}, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 1, r.stderr
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("taltio-admin: ") and says in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("store, says", [
    ("s3://no-such-bucket-here/agents", "cannot list"),
    ("file:///nonexistent/folder", "is not a folder"),
    ("ftp://x/y", "is not a store"),
])
def test_unreadable_store_is_one_line_and_exit_1(env, store, says, tmp_path):
    r = subprocess.run([sys.executable, "-c", SCRIPT, "list", "--store", store],
                       env={**env.admin_env(), "XDG_CACHE_HOME": str(tmp_path)}, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 1 and r.stderr.startswith("taltio-admin: ") and says in r.stderr, r.stderr
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr


def test_bad_index_key_is_one_line(env, tmp_path):
    bad = tmp_path / "bad.key"
    bad.write_text("c2hvcnQ=\n")
    r = subprocess.run([sys.executable, "-c", SCRIPT, "find", "--store", env.store_url, "--number", "+358401",
                        "--index-key-file", str(bad)], env=env.admin_env(), capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and "must be 32 bytes" in r.stderr and "Traceback" not in r.stderr


# -- hold and retention (a bucket WITH Object Lock, one recorded call copied into it) --------
@pytest.fixture(scope="module")
def locked(recorded, tmp_path_factory):  # noqa: F811
    """A bucket with Object Lock (1 day COMPLIANCE, as `storage init` sets it up) holding a copy of rec-a1."""
    from tests.fixtures.s3 import start_s3

    srv = start_s3(tmp_path_factory.mktemp("locked") / "s3", retention_days=1)
    src, dst = recorded.s3.admin_client(), srv.admin_client()
    keys = [k for k in recorded.s3.list_keys("agents/") if k.rsplit("/", 1)[-1].startswith("rec-a1.")]
    for k in keys:
        obj = src.get_object(Bucket=recorded.s3.bucket, Key=k)
        dst.put_object(Bucket=srv.bucket, Key=k, Body=obj["Body"].read(), Metadata=obj.get("Metadata") or {},
                       ChecksumAlgorithm="SHA256")
    yield srv, keys
    srv.stop()


def _as(srv, monkeypatch):  # noqa: ANN001
    import boto3

    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)     # it caches the first credentials it found
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", srv.admin_key)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", srv.admin_secret)
    monkeypatch.setenv("AWS_ENDPOINT_URL", srv.endpoint)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    return f"s3://{srv.bucket}/agents"


def test_hold_on_then_off_with_audit_records(locked, monkeypatch, capsys):
    srv, keys = locked
    url = _as(srv, monkeypatch)
    s3 = srv.admin_client()
    assert len(keys) >= 2                                # the manifest and its audio at least
    assert admin("hold", "rec-a1", "--on", "--reason", "complaint 2026-17", "--store", url) == 0
    assert "legal hold ON" in capsys.readouterr().out
    for k in keys:
        assert s3.get_object_legal_hold(Bucket=srv.bucket, Key=k)["LegalHold"]["Status"] == "ON", k
    assert admin("hold", "agent-7/" + keys[0].split("/", 2)[2].rsplit("/", 1)[0] + "/rec-a1", "--off",
                 "--reason", "complaint closed", "--store", url) == 0
    for k in keys:
        assert s3.get_object_legal_hold(Bucket=srv.bucket, Key=k)["LegalHold"]["Status"] == "OFF", k
    audit = sorted(k for k in srv.list_keys("agents/_audit/") if "-hold-rec-a1" in k)
    assert len(audit) == 2
    on, off = (json.loads(srv.get(k)) for k in audit)
    assert (on["legal_hold"], on["reason"], off["legal_hold"], off["reason"]) == \
        ("ON", "complaint 2026-17", "OFF", "complaint closed")
    import getpass

    assert on["by"]["user"] == getpass.getuser() and on["call"]["call_id"] == "rec-a1"
    assert sorted(on["objects"]) == sorted(k.removeprefix("agents/") for k in keys)
    day = datetime.now().strftime("%Y")
    assert all(k.startswith(f"agents/_audit/{day}/") for k in audit)


@pytest.mark.parametrize("argv, says", [
    (["no-such-call", "--on", "--reason", "x"], "no call 'no-such-call'"),
    (["rec-a1", "--on", "--reason", "  "], "--reason must say why"),
])
def test_hold_refuses_clearly(locked, monkeypatch, capsys, argv, says):
    url = _as(locked[0], monkeypatch)
    assert admin("hold", *argv, "--store", url) == 1
    err = capsys.readouterr().err
    assert err.startswith("taltio-admin: ") and says in err and err.count("\n") == 1


def test_retention_shows_retain_until_and_the_lifecycle_rule(locked, monkeypatch, capsys):
    srv, keys = locked
    url = _as(srv, monkeypatch)
    assert admin("retention", "--store", url, "--per-call", "--json") == 0
    first, *calls = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["rule_id"], r["prefix"], r["days"]) for r in first["lifecycle_rules"]] == \
        [("taltio-expire-recordings", "agents/", 1)]
    assert [c["call_id"] for c in calls] == ["rec-a1"]
    c = calls[0]
    until = datetime.fromisoformat(c["retain_until"].replace("Z", "+00:00"))
    now = datetime.now(until.tzinfo)
    assert c["lock_mode"] == "COMPLIANCE" and timedelta(hours=23) < until - now <= timedelta(days=1, minutes=5)
    assert c["lifecycle_expires"] > c["retain_until"]
    assert admin("retention", "--store", url) == 0
    out = capsys.readouterr().out
    assert "lifecycle rule taltio-expire-recordings" in out and "agent-7" in out and "RETAIN_UNTIL_FIRST" in out


def test_retention_without_a_rule_says_so(env, capsys):
    assert admin("retention", "--store", env.store_url, "--json") == 0
    first, *days = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(d["agent"] for d in days) == ["agent-7", "agent-9"] and sum(d["calls"] for d in days) == 4
    assert all(d["retain_until_first"] is None for d in days)     # this bucket has no Object Lock


# -- schema 2 (sealed party + blind index) in a folder store, before the app writes it --------
def _schema2_store(tmp_path: Path):
    """Three schema-2 calls: two indexed with INDEX_KEY, one with another key (rotated), plus one schema 1."""
    import pyrage

    from taltio.domain import party

    ident = pyrage.x25519.Identity.generate()
    key, other = party.parse_key(INDEX_KEY), party.parse_key(party.new_key())
    plan = [("s2-a", "+358401234567", key), ("s2-b", "+358 40 123 4567", other), ("s2-c", "+46701234567", key)]
    folder = tmp_path / "store" / "agent-1" / "2026" / "12" / "01"
    folder.mkdir(parents=True)
    for cid, number, k in plan:
        doc = {"schema_version": 2, "direction": "incoming", "outcome": "recorded", "audio": {"duration_s": 3.0},
               "times": {"ring": "2026-12-01T10:00:00Z"},
               "party": {"sealed": party.seal(party.Party(number, "Name"), [ident.to_public()]),
                         "number_index": party.number_index(k, number), "index_key_id": party.key_id(k)}}
        (folder / f"{cid}.manifest.json").write_text(json.dumps(doc))
    (folder / "s1-d.manifest.json").write_text(json.dumps({"schema_version": 1, "remote_number": "+358401234567",
                                                           "direction": "outgoing", "outcome": "recorded"}))
    idfile = tmp_path / "org.key"
    idfile.write_text(f"{ident}\n")
    keyfile = tmp_path / "index.key"
    keyfile.write_text(INDEX_KEY)
    return tmp_path / "store", idfile, keyfile


def test_find_schema2_index_then_sealed_fallback(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("TALTIO_NUMBER_INDEX_KEY", raising=False)
    store, idfile, keyfile = _schema2_store(tmp_path)
    hits = {h["call_id"]: h["matched_by"] for h in rows(
        capsys, "find", "--store", str(store), "--number", "+358401234567", "--index-key-file", str(keyfile),
        "--identity", str(idfile))}
    assert hits == {"s2-a": "index", "s2-b": "sealed party", "s1-d": "clear number (schema 1)"}
    # Without the identity the call indexed under another key cannot be told, and says so.
    assert admin("find", "--store", str(store), "--number", "+358401234567", "--index-key-file", str(keyfile),
                 "--json") == 0
    out, err = capsys.readouterr()
    assert sorted(json.loads(ln)["call_id"] for ln in out.splitlines()) == ["s1-d", "s2-a"]
    assert "could not check agent-1/2026/12/01/s2-b.manifest.json" in err and "--identity" in err
    # Without a key, the identity opens every sealed party.
    hits = {h["call_id"]: h["matched_by"] for h in rows(
        capsys, "find", "--store", str(store), "--number", "+46 70 123 45 67", "--identity", str(idfile))}
    assert hits == {"s2-c": "sealed party"}
    db = next((tmp_path / "cache").rglob("manifests.sqlite")).read_bytes()
    assert b"+358" not in db and b"Name" not in db
