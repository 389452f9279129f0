"""taltio-admin export: the customer's copy holds exactly their calls, checkable with independent tools.

Against calls the real app recorded (tests/helpers/recorded.py): the audio is compared with what the
`age` CLI decrypts from the stored object, the manifests are checked with the real `ssh-keygen -Y
verify` and the encrypted objects with `sha256sum -c`, the PDF is read back with pdftotext (poppler)
and rendered with pdftoppm. The command runs in-process through a parser built here (main.py
registers it separately).
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import subprocess
import zipfile
from datetime import datetime, timedelta
from html import unescape
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pytest
import soundfile as sf

from taltio.admin import export
from taltio.admin.summary_texts import README, TEXTS
from taltio.domain.events import iso, parse_iso
from tests.helpers.recorded import recorded  # noqa: F401
from tests.helpers.verify import age_decrypt
from tests.test_admin_verify import _flip, make_test_call, mkey, put, restored, trust_file, versions_of  # noqa: F401

NUMBER = "+358401234567"
SAME_WORD = {("sv", "organisation")}       # "Organisation" is Swedish too
CLEAR_FORMS = ("+358401234567", "358401234567", "0401234567", "401234567", "+358 40 123 4567", "40 123 4567")


def cli(*argv: str) -> int:
    """`taltio-admin export ...` through the module's own register()."""
    p = argparse.ArgumentParser(prog="taltio-admin")
    export.register(p.add_subparsers(dest="cmd", required=True))
    ns = p.parse_args(["export", *argv])
    return ns.handler(ns)


@pytest.fixture
def env(recorded, monkeypatch):  # noqa: F811
    for k, v in recorded.admin_env().items():
        if k.startswith("AWS_"):
            monkeypatch.setenv(k, v)
    monkeypatch.delenv("TALTIO_NUMBER_INDEX_KEY", raising=False)
    return recorded


def common(rec, trust: Path, out: Path) -> list[str]:
    return ["--store", rec.store_url, "--identity", str(rec.org_key), "--trust-file", str(trust), "-o", str(out)]


def unzip(path: Path, dst: Path) -> Path:
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        zf.extractall(dst)
    (top,) = list(dst.iterdir())
    return top


def test_texts_have_every_key_in_every_language():
    assert set(TEXTS) == set(README) == {"fi", "sv", "en"}
    for lang in ("fi", "sv"):
        assert set(TEXTS[lang]) == set(TEXTS["en"]), lang
        same = [k for k in TEXTS["en"] if TEXTS[lang][k] == TEXTS["en"][k] and len(TEXTS["en"][k]) > 3
                and (lang, k) not in SAME_WORD]
        assert same == [], f"{lang}: not translated: {same}"


@pytest.mark.slow
def test_export_by_number_is_complete_and_checkable(env, trust_file, tmp_path, capsys):  # noqa: F811
    out = tmp_path / "out"
    out.mkdir()
    assert cli("--number", NUMBER, "--request-id", "REQ-77", "--organisation", "Taltio Oy",
               "--contact", "tietosuoja@example.fi", *common(env, trust_file, out)) == 0, capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["taltio-copy-REQ-77.zip"]        # no temp left
    zpath = out / "taltio-copy-REQ-77.zip"
    top = unzip(zpath, tmp_path / "x")
    assert sorted(p.name for p in (top / "audio").iterdir()) == ["rec-a1.ogg", "rec-a2.ogg"]
    ev = top / "evidence"
    docs = {}
    for cid in ("rec-a1", "rec-a2"):
        key = mkey(env, cid)
        body = (ev / f"{cid}.manifest.json").read_bytes()
        assert body == env.s3.get(key)                                      # byte-identical
        r = subprocess.run(["ssh-keygen", "-Y", "verify", "-f", "allowed_signers", "-I", "workstation", "-n",
                            "taltio-manifest-v1", "-s", f"{cid}.manifest.json.sig"], cwd=ev, input=body,
                           capture_output=True)
        assert r.returncode == 0 and b"Good" in r.stdout, (r.stdout, r.stderr)
        docs[cid] = json.loads(body)
        _same_audio(env, key, top / "audio" / f"{cid}.ogg", tmp_path / "age")
        assert json.loads((ev / f"{cid}.verify.json").read_text())["ok"] is True
    r = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=ev / "encrypted", capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.count(": OK") == 2, r.stdout + r.stderr
    _summary_mentions(top, docs)
    _audit_has_no_number(env, zpath)


def _same_audio(rec, key: str, got: Path, scratch: Path) -> None:
    """The exported audio is the stored object decrypted by `age -d`, byte for byte and sample for sample."""
    blob = rec.s3.get(key.replace(".manifest.json", ".ogg.age"))
    plain = age_decrypt(scratch, blob, rec.org_key)
    assert got.read_bytes() == plain
    want, rate = sf.read(io.BytesIO(plain), dtype="int16", always_2d=True)
    have, have_rate = sf.read(got, dtype="int16", always_2d=True)
    assert have_rate == rate and have.shape == want.shape and len(have) > rate
    assert np.array_equal(have, want)


def _expected(doc: dict, lang: str) -> tuple[str, str]:
    """The call's start and duration as the summary must show them, worked out here independently."""
    t = doc["times"]
    start = datetime.fromisoformat(next(t[k] for k in ("ring", "answer", "recording_start") if t.get(k))
                                   .replace("Z", "+00:00")).astimezone(ZoneInfo("Europe/Helsinki"))
    day = {"fi": f"{start.day}.{start.month}.{start.year} klo {start:%H.%M.%S}",
           "sv": f"{start:%Y-%m-%d} kl. {start:%H:%M:%S}", "en": f"{start:%Y-%m-%d} {start:%H:%M:%S}"}[lang]
    secs = round(doc["audio"]["duration_s"])
    assert secs < 3600
    m, s = divmod(secs, 60)
    return day, f"{m} min {s:02d} s" if m else f"{s} s"


def _summary_mentions(top: Path, docs: dict[str, dict]) -> None:
    html = (top / "summary.html").read_text("utf-8")
    lang = html.split('<html lang="', 1)[1][:2]
    langs = {d["notice"].get("language") for d in docs.values()}
    assert lang == (langs.pop() if len(langs) == 1 and None not in langs else lang)
    pdf = subprocess.run(["pdftotext", "-raw", str(top / "summary.pdf"), "-"], capture_output=True,
                         text=True, check=True).stdout
    flat = " ".join(pdf.split())
    for cid, doc in docs.items():
        day, dur = _expected(doc, lang)
        assert day in html and dur in html and f"audio/{cid}.ogg" in html, (cid, day, dur)
        assert day in flat and dur in flat and f"audio/{cid}.ogg" in flat, (cid, day, dur, flat[:2000])
    assert "Taltio Oy" in flat and "tietosuoja@example.fi" in flat and "REQ-77" in flat
    assert html.count(TEXTS[lang]["verified_text"]) == 2


def _audit_has_no_number(rec, zpath: Path) -> None:
    keys = [k for k in rec.s3.list_keys("agents/_audit/") if k.endswith("-export-REQ-77.json")]
    assert len(keys) == 1, rec.s3.list_keys("agents/_audit/")
    body = rec.s3.get(keys[0]).decode()
    doc = json.loads(body)
    assert doc["zip"]["sha256"] == hashlib.sha256(zpath.read_bytes()).hexdigest()
    assert sorted(c["call_id"] for c in doc["calls"]) == ["rec-a1", "rec-a2"] and doc["by"]["user"]
    for form in CLEAR_FORMS:
        assert form not in body, form


@pytest.mark.slow
def test_tampered_call_refuses_the_whole_export(env, trust_file, tmp_path, capsys):  # noqa: F811
    key = mkey(env, "rec-a2").replace(".manifest.json", ".ogg.age")
    out = tmp_path / "out"
    out.mkdir()
    before = env.s3.list_keys("agents/_audit/")
    with restored(env, key):
        blob = bytearray(env.s3.get(key))
        blob[len(blob) // 2] ^= 0x01
        put(env, key, bytes(blob))
        assert cli("--number", NUMBER, "--request-id", "REQ-T", *common(env, trust_file, out)) == 1
    err = capsys.readouterr().err
    # Put over the stored audio: reads go to the original, and the overwrite itself is the refusal (issue 19.1).
    assert err.startswith("taltio-admin: export refused") and "rec-a2" in err, err
    assert "write-once rec-a2.ogg.age: overwritten after it was stored" in err, err
    assert "rec-a1" not in err and "Traceback" not in err
    assert list(out.iterdir()) == []
    assert env.s3.list_keys("agents/_audit/") == before


@pytest.mark.slow
def test_an_overwritten_or_hidden_call_is_exported_as_its_original_only_when_asked(env, trust_file, tmp_path,  # noqa: F811
                                                                                   capsys):
    """Issue 19.1: a changed copy put over rec-a2's audio, and rec-a1's manifest hidden by a delete marker (both
    calls are the customer's). Without the flag the export is refused and names it. With it the copy holds each
    object's first version (the audio as `age -d` reads the original), and each call's verification report, the
    audit record and the output say that the store holds a later version or a delete marker, naming the ids."""
    a1, audio = mkey(env, "rec-a1"), mkey(env, "rec-a2").replace(".manifest.json", ".ogg.age")
    out = tmp_path / "out"
    out.mkdir()
    s3 = env.s3.admin_client()
    with restored(env):
        manifest, blob = env.s3.get(a1), env.s3.get(audio)
        put(env, audio, _flip(blob))
        s3.delete_object(Bucket=env.s3.bucket, Key=a1)
        (a1_first,), (first, latest) = versions_of(env, a1), versions_of(env, audio)
        assert cli("--number", NUMBER, "--request-id", "REQ-O1", *common(env, trust_file, out)) == 1
        err = capsys.readouterr().err
        assert err.startswith("taltio-admin: export refused") and err.count("give --original-despite-overwrite") == 2
        assert list(out.iterdir()) == []
        assert cli("--number", NUMBER, "--request-id", "REQ-O2", "--original-despite-overwrite",
                   *common(env, trust_file, out)) == 0, capsys.readouterr().err
        said = capsys.readouterr().out
        (record,) = [json.loads(env.s3.get(k)) for k in env.s3.list_keys("agents/_audit/") if "REQ-O2" in k]
    top = unzip(out / "taltio-copy-REQ-O2.zip", tmp_path / "x")
    assert (top / "audio" / "rec-a2.ogg").read_bytes() == age_decrypt(tmp_path / "age", blob, env.org_key)
    assert (top / "evidence" / "rec-a1.manifest.json").read_bytes() == manifest
    later = {"rec-a1": f"rec-a1.manifest.json hidden by a delete marker (its 1 version(s) kept, first {a1_first})",
             "rec-a2": f"rec-a2.ogg.age overwritten (2 versions: first {first}, latest {latest})"}
    for cid, what in later.items():
        text = (top / "evidence" / f"{cid}.verify.txt").read_text()
        assert what in text and "This copy is the first version of every object, the original" in text, text
        assert what in said, said
        report = json.loads((top / "evidence" / f"{cid}.verify.json").read_text())
        assert report["exported"]["exported_version"] == "first" and what in report["exported"]["statement"]
    assert record["original_despite_overwrite"] is True
    tampered = {c["call_id"]: c["write_once"]["tampered"] for c in record["calls"]}
    assert tampered == {"rec-a1": [{"object": "rec-a1.manifest.json", "versions": [a1_first], "deleted": True}],
                        "rec-a2": [{"object": "rec-a2.ogg.age", "versions": [first, latest], "deleted": False}]}


@pytest.mark.slow
def test_the_flag_covers_write_once_only(env, trust_file, tmp_path, capsys):  # noqa: F811
    """A call with a late notice, its audio put again: the flag does not export it, and the refusal offers none."""
    doc = json.loads(env.s3.get(mkey(env, "rec-b1")))
    out = tmp_path / "out"
    out.mkdir()
    with restored(env):
        key, _ = make_test_call(env, "rec-b1", "late-4",
                                times__notice_given=iso(parse_iso(doc["times"]["recording_start"]) + timedelta(seconds=5)))
        audio = key.replace(".manifest.json", ".ogg.age")
        put(env, audio, env.s3.get(audio))
        assert cli("late-4", "--request-id", "REQ-O3", "--original-despite-overwrite",
                   *common(env, trust_file, out)) == 1
    err = capsys.readouterr().err
    assert "notice:" in err and "write-once late-4.ogg.age: overwritten" in err and "give --original" not in err, err
    assert list(out.iterdir()) == []


@pytest.mark.slow
@pytest.mark.parametrize("argv, says", [
    (["rec-a1", "--number", NUMBER], "either --number"),
    (["--number", "+358000000000"], "no call with +358000000000"),
    (["no-such-call"], "no call 'no-such-call'"),
    (["rec-a1", "--request-id", "../x"], "--request-id"),
])
def test_bad_input_is_one_line_and_writes_nothing(env, trust_file, tmp_path, capsys, argv, says):  # noqa: F811
    out = tmp_path / "out"
    out.mkdir()
    assert cli(*argv, *common(env, trust_file, out)) == 1
    err = capsys.readouterr().err
    assert err.startswith("taltio-admin: ") and says in err and err.count("\n") == 1, err
    assert list(out.iterdir()) == []


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_summary_renders_in_each_language(env, trust_file, tmp_path, lang):  # noqa: F811
    """By CALL, through the library function; the first PDF page as PNG (docs/screenshots by hand)."""
    from PIL import Image

    from taltio.admin.decrypt import identities
    from taltio.admin.store import open_store
    from taltio.admin.trust import Registry
    from taltio.admin.verify import locate

    store = open_store(env.store_url)
    refs = [locate(c, env.store_url)[1] for c in ("rec-a1", "rec-a2")]
    path = export.export_calls(store, refs, Registry.load(trust_file), identities(str(env.org_key)), tmp_path,
                               language=lang, request_id=f"2026-0042-{lang}",
                               organisation="Esimerkki Oy / Exempel Ab", contact="tietosuoja@example.fi")
    top = unzip(path, tmp_path / "x")
    html = (top / "summary.html").read_text("utf-8")
    assert f'<html lang="{lang}">' in html and TEXTS[lang]["title"] in html
    readme = (top / "README.txt").read_text("utf-8")
    assert "ssh-keygen -Y verify -f allowed_signers -I workstation -n taltio-manifest-v1" in readme
    assert ("WHAT THIS PACKAGE HOLDS" in readme) and (lang == "en" or TEXTS[lang]["readme_title"] in readme)
    png = tmp_path / f"export-summary-{lang}"
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(top / "summary.pdf"),
                    str(png)], check=True)
    img = Image.open(f"{png}.png").convert("L")
    lo, hi = img.getextrema()
    assert hi - lo > 128 and img.size[0] > 400, (lo, hi, img.size)
    dark = sum(img.histogram()[:128])
    assert dark > 0.01 * img.size[0] * img.size[1]          # text on it, not a blank page


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_pauses_marks_and_an_unknown_notice_text_in_html_and_pdf(tmp_path, lang):
    """What the recorded calls lack (a pause, an organisation's own notice text) is said in both formats."""
    from datetime import timezone

    from taltio.admin.summary import CallInfo, Meta, render_html, render_pdf, sections

    utc = timezone.utc
    call = CallInfo("c-1", "agent-7", datetime(2026, 12, 3, 10, 0, tzinfo=utc), "outgoing", 3725.4, "+46701234567",
                    "on_answer", datetime(2026, 12, 3, 10, 0, 5, tzinfo=utc), "ab" * 32, None,
                    pauses=[{"start": "2026-12-03T10:10:00Z", "end": "2026-12-03T10:11:30Z", "offset_s": 595.0}],
                    bookmarks=[{"at": "2026-12-03T10:20:00Z", "offset_s": 1195.0, "label": "agreement"}],
                    audio_file="audio/c-1.ogg")
    secs = sections([call], lang, Meta("Åbo Öy", None, "R-1", datetime(2026, 12, 4, tzinfo=utc)))
    html = unescape(render_html(secs, lang))
    render_pdf(secs, lang, tmp_path / "s.pdf")
    pdf = " ".join(subprocess.run(["pdftotext", "-raw", str(tmp_path / "s.pdf"), "-"], capture_output=True,
                                  text=True, check=True).stdout.split())
    words = {"fi": ("1 t 02 min 05 s", "9:55", "19:55"), "sv": ("1 tim 02 min 05 s", "9:55", "19:55"),
             "en": ("1 h 02 min 05 s", "9:55", "19:55")}[lang]
    for text in (TEXTS[lang]["pauses_note"], TEXTS[lang]["mark_note"], TEXTS[lang]["outgoing"], "Åbo Öy", *words):
        assert text in html and text in pdf, text
    missing = TEXTS[lang]["notice_text_missing"].split("{sha}")[0]
    assert missing in html and " ".join(missing.split()) in pdf and "ab" * 32 in html
    assert ": agreement" not in html
