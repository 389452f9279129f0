"""`taltio-admin export`: the customer's copy of their calls (GDPR Art. 15), one zip per request.

Every call is verified first (admin/verify.py); if any fails, the export is refused as a whole and
nothing is written: a copy that silently leaves out a call, or carries one we cannot vouch for, is
worse than none. The one exception is asked for by name: with --original-despite-overwrite a call whose
only failures are write-once (overwritten, or hidden by a delete marker, after it was stored) goes in as
its original, the first version, and its report, the audit record and the output say so
(admin/original.py). The zip then holds, per call, the complete decrypted audio as recorded, the signed
manifest byte for byte with its SSH signature, the verification report, and the encrypted objects
as stored, plus a summary (HTML and PDF, in the customer's language) and a README saying how anyone
re-checks it with ssh-keygen and sha256sum.

Why the encrypted objects too: the manifest signs the hash of the *ciphertext*. Without the
ciphertext in the zip nobody outside the organisation could connect anything to that signature;
with it, `sha256sum -c` ties the stored objects to the signed manifest, and whoever holds the org
key (the organisation, or an authority it works with) ties the audio to them with `age -d | cmp`.

Memory: the audio is decrypted by decrypt.write_call (streaming, hash re-checked while reading)
into a hidden work folder beside the output, and copied into the zip in chunks; the encrypted
objects stream from storage into the zip. A two-hour call needs no more RAM than a short one. The
zip is a hidden temp file renamed only at the end, after the audit record (who, when, which calls,
the zip's sha256; never the customer's number, at most its blind index) is in the bucket's _audit/.
"""
from __future__ import annotations

import argparse
import getpass
import hashlib
import json
import os
import re
import shutil
import socket
import sys
import tempfile
import zipfile
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

from taltio.admin import catalog, original
from taltio.admin.decrypt import temp_beside, identities as load_identities, refusal, write_call
from taltio.admin.store import AUDIT_PREFIX, CallRef, Store, StoreError, open_store
from taltio.admin.summary import CallInfo, Meta, render_html, render_pdf, sections
from taltio.admin.summary_texts import LANGUAGES, readme
from taltio.admin.trust import AdminError, Registry, add_trust_file_arg
from taltio.admin.verify import Report, locate, verify_call
from taltio.domain import notices, party

CHUNK = 1 << 20
_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
_EXT = {"ogg/opus": "ogg", "flac": "flac"}


class ExportError(AdminError):
    """The export was refused or could not be written; nothing is left behind."""


# -- what goes in --------------------------------------------------------------------------------
def verified(store: Store, refs: list[CallRef], registry: Registry, despite_overwrite: bool = False) -> list[Report]:
    """Every call verified, or ExportError naming each failed call and why (no TOFU: a copy for a
    customer carries only calls signed by keys the supervisor registered). *despite_overwrite* lets through
    a call whose only failures are write-once: its original (admin/original.py)."""
    if not refs:
        raise ExportError("no calls to export")
    reports = [verify_call(store, r, registry) for r in refs]
    bad = [r for r in reports if not original.usable(r, despite_overwrite)]
    if bad:
        raise ExportError("export refused, nothing written: "
                          + " | ".join(refusal(r) + original.hint(r, "export") for r in bad))
    return reports


def known_notice_texts(extra: list[str] | None = None) -> dict[str, str]:
    """sha256 -> text for the shipped notices and any the organisation gives (its own wording):
    a text goes into the copy only if it hashes to what the signed manifest recorded."""
    texts = [notices.shipped("notice", lang) for lang in notices.LANGUAGES] + list(extra or [])
    return {notices.digest(x): x for x in texts}


def _when(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")) if isinstance(value, str) and value else None
    except ValueError:
        return None


def call_info(rep: Report, idents: list, texts: dict[str, str]) -> CallInfo:
    """The summary's view of one verified call; the number from the sealed party (schema 2) or in clear (1)."""
    doc = rep.doc or {}
    times, notice, audio = doc.get("times") or {}, doc.get("notice") or {}, doc.get("audio") or {}
    started = next((_when(times.get(k)) for k in ("ring", "answer", "recording_start", "end") if times.get(k)), None)
    try:
        number = party.of_manifest(doc, idents).number
    except party.PartyError as exc:
        raise ExportError(f"call {rep.ref.call_id}: cannot open the customer's number ({exc})") from None
    sha = notice.get("text_sha256") if isinstance(notice.get("text_sha256"), str) else None
    given = _when(times.get("notice_given")) or (_when(times.get("answer")) if notice.get("mode") == "on_answer"
                                                  else None)
    return CallInfo(rep.ref.call_id, str(doc.get("agent_id") or rep.ref.agent), started, doc.get("direction"),
                    audio.get("duration_s"), number, notice.get("mode"), given, sha, texts.get(sha or ""),
                    notice_language=notice.get("language"), pauses=list(doc.get("pauses") or []),
                    bookmarks=list(doc.get("bookmarks") or []), audio_file=audio_member(rep) if rep.parts else None)


def audio_member(rep: Report) -> str:
    codec = ((rep.doc or {}).get("audio") or {}).get("codec")
    return f"audio/{_UNSAFE.sub('_', rep.ref.call_id)}.{_EXT.get(codec, 'ogg')}"


def pick_language(reports: list[Report], asked: str | None) -> str:
    """The one asked for, else the language the notice was given in (the most common one), else English."""
    if asked:
        if asked not in LANGUAGES:
            raise ExportError(f"--language must be one of {', '.join(LANGUAGES)}, not '{asked}'")
        return asked
    langs = [((r.doc or {}).get("notice") or {}).get("language") for r in reports]
    counted = Counter(x for x in langs if x in LANGUAGES)
    return counted.most_common(1)[0][0] if counted else "en"


# -- writing the zip -----------------------------------------------------------------------------
def _member(zf: zipfile.ZipFile, name: str, compress: bool = False) -> BinaryIO:
    info = zipfile.ZipInfo(name, datetime.now().timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED   # Ogg is compressed already
    return zf.open(info, "w", force_zip64=True)     # size unknown in advance: allow > 4 GiB


def _copy_object(zf: zipfile.ZipFile, store: Store, rep: Report, part: dict, name: str) -> None:
    """An encrypted object from storage into the zip, hashed on the way: it must still be what was verified."""
    h, n = hashlib.sha256(), 0
    try:
        src = store.open(rep.ref.key(part["name"]))
    except StoreError as exc:
        raise ExportError(str(exc)) from None
    try:
        with _member(zf, name) as dst:
            while chunk := src.read(CHUNK):
                h.update(chunk)
                n += len(chunk)
                dst.write(chunk)
    finally:
        src.close()
    if h.hexdigest() != part["sha256"] or n != part["size"]:
        raise ExportError(f"{part['name']} changed after it was verified (hash differs); export refused, "
                          "nothing written")


def _add_call(zf: zipfile.ZipFile, top: str, store: Store, rep: Report, idents: list, work: Path) -> list[str]:
    """One call's members; returns its SHA256SUMS lines for the encrypted objects."""
    base = _UNSAFE.sub("_", rep.ref.call_id)
    # A failed call is here only as verified() let it through: --original-despite-overwrite, write-once alone.
    despite = not rep.ok
    report, text = rep.to_json(), rep.text()
    if despite:
        report["exported"] = original.record(rep)
        text += f"\n\n{original.notice(rep)}"
    zf.writestr(f"{top}/evidence/{base}.manifest.json", rep.body or b"")
    zf.writestr(f"{top}/evidence/{base}.manifest.json.sig", rep.signature or "")
    zf.writestr(f"{top}/evidence/{base}.verify.json",
                json.dumps(report, indent=2, default=str, ensure_ascii=False) + "\n", zipfile.ZIP_DEFLATED)
    zf.writestr(f"{top}/evidence/{base}.verify.txt", text + "\n", zipfile.ZIP_DEFLATED)
    sums = []
    for p in rep.parts:
        obj = _UNSAFE.sub("_", p["name"])
        _copy_object(zf, store, rep, p, f"{top}/evidence/encrypted/{obj}")
        sums.append(f"{p['sha256']}  {obj}")
    if rep.parts:
        plain = work / f"{base}.audio"
        write_call(store, rep, idents, plain, despite_overwrite=despite)     # checks it again
        with open(plain, "rb") as src, _member(zf, f"{top}/{audio_member(rep)}") as dst:
            shutil.copyfileobj(src, dst, CHUNK)
        plain.unlink()
    return sums


def allowed_signers(reports: list[Report]) -> str:
    """The workstation keys that signed these manifests, in ssh-keygen's allowed_signers format."""
    lines = ["# Workstation keys that signed the manifests in this package (principal 'workstation')."]
    by_key: dict[str, list[str]] = {}
    for r in reports:
        key = " ".join((r.signer or "").split()[:2])
        by_key.setdefault(key, []).append(f"{r.ref.agent or (r.doc or {}).get('agent_id')}: {r.ref.call_id}")
    for key, calls in by_key.items():
        lines.append(f"# {', '.join(calls)}")
        lines.append(f'workstation namespaces="taltio-manifest-v1" {key}')
    return "\n".join(lines) + "\n"


def _write_zip(path: Path, top: str, store: Store, reports: list[Report], infos: list[CallInfo], idents: list,
               lang: str, meta: Meta, work: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        zf.writestr(f"{top}/README.txt", readme(lang))
        secs = sections(infos, lang, meta)
        zf.writestr(f"{top}/summary.html", render_html(secs, lang))
        render_pdf(secs, lang, work / "summary.pdf")
        zf.write(work / "summary.pdf", f"{top}/summary.pdf")
        zf.writestr(f"{top}/evidence/allowed_signers", allowed_signers(reports))
        sums: list[str] = []
        for rep in reports:
            sums += _add_call(zf, top, store, rep, idents, work)
        zf.writestr(f"{top}/evidence/encrypted/SHA256SUMS", "".join(f"{s}\n" for s in sums))


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


# -- audit -------------------------------------------------------------------------------------
def audit(store: Store, reports: list[Report], request_id: str, zip_path: Path, final_name: str, lang: str,
          when: datetime, number_index: str | None) -> str:
    """The export's record in _audit/ (write-once). Names calls by key; the number at most by its blind index."""
    record = {"schema": "taltio.audit.export", "schema_version": 1, "action": "export", "request_id": request_id,
              "by": {"user": getpass.getuser(), "host": socket.gethostname()},
              "at": when.isoformat().replace("+00:00", "Z"), "language": lang,
              "number_index": number_index,
              "calls": [{"agent": r.ref.agent, "day": r.ref.day, "call_id": r.ref.call_id,
                         "manifest": r.ref.manifest_key, "manifest_sha256": hashlib.sha256(r.body or b"").hexdigest(),
                         **({} if r.ok else {"write_once": original.record(r)})}
                        for r in reports],
              "original_despite_overwrite": any(not r.ok for r in reports),
              "zip": {"name": final_name, "sha256": file_sha256(zip_path), "size": zip_path.stat().st_size}}
    key = f"{AUDIT_PREFIX}/{when:%Y/%m/%d}/{when:%Y%m%dT%H%M%S%fZ}-export-{request_id}.json"
    try:
        store.put(key, (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode(), "application/json")
    except StoreError as exc:
        raise ExportError(f"cannot write the audit record {key} ({exc}); export refused, nothing written") from None
    return key


# -- the library functions -----------------------------------------------------------------------
def export_calls(store: Store, refs: list[CallRef], registry: Registry, identities: list, out_dir: Path, *,
                 language: str | None = None, request_id: str | None = None, organisation: str | None = None,
                 contact: str | None = None, notice_texts: list[str] | None = None, tz: str = "Europe/Helsinki",
                 number_index: str | None = None, original_despite_overwrite: bool = False,
                 notes: list[str] | None = None) -> Path:
    """Verify *refs*, write ``out_dir/taltio-copy-<request id>.zip`` and its audit record; the zip's path.

    All or nothing: any failure (verification, decrypting, a changed object, the audit write)
    leaves no zip and no temp file behind. *notes* gets the statement of each call copied as its original
    despite an overwrite (admin/original.py), for the caller to show."""
    when = datetime.now(timezone.utc)
    request_id = request_id or f"{when:%Y%m%dT%H%M%SZ}"
    if not _REQUEST_ID.fullmatch(request_id):
        raise ExportError(f"--request-id '{request_id}' must be letters, digits, '.', '_' or '-' (at most 64)")
    reports = verified(store, refs, registry, original_despite_overwrite)
    lang = pick_language(reports, language)
    texts = known_notice_texts(notice_texts)
    infos = [call_info(r, identities, texts) for r in reports]
    meta = Meta(organisation, contact, request_id, when, tz)
    final = out_dir / f"taltio-copy-{request_id}.zip"
    if final.exists():
        raise ExportError(f"{final} exists already: give another --request-id or move it away")
    top = final.stem
    with temp_beside(final) as tmp, tempfile.TemporaryDirectory(dir=out_dir, prefix=".taltio-export-") as work:
        _write_zip(tmp, top, store, reports, infos, identities, lang, meta, Path(work))
        audit(store, reports, request_id, tmp, final.name, lang, when, number_index)
        os.replace(tmp, final)
    if notes is not None:
        notes += [original.notice(r) for r in reports if not r.ok]
    return final


def export_by_number(store: Store, number: str, registry: Registry, identities: list, out_dir: Path, *,
                     index_key: bytes | None = None, **kw: object) -> Path:
    """Every call with *number* (catalog.find: blind index, else the sealed party), exported as one zip.

    Refused if any call could not be checked for the number: the copy must be complete."""
    wanted = party.normalise(number)
    hits, unknown = catalog.find(store, wanted, index_key, identities, catalog.Filters(), catalog.Cache(None))
    if unknown:
        raise ExportError("export refused, the copy would not be complete: could not check "
                          + "; ".join(f"{s.key}: {why}" for s, why in unknown))
    if not hits:
        raise ExportError(f"no call with {wanted} in {store.url}; nothing written")
    calls = sorted(hits, key=lambda h: (h.call.started or h.call.day, h.call.call_id))
    refs = [CallRef(h.call.agent, h.call.day, h.call.call_id) for h in calls]
    index = party.number_index(index_key, wanted) if index_key else None
    return export_calls(store, refs, registry, identities, out_dir, number_index=index, **kw)  # type: ignore[arg-type]


# -- command -------------------------------------------------------------------------------------
def _read_texts(paths: list[str] | None) -> list[str]:
    out = []
    for p in paths or []:
        try:
            out.append(Path(p).read_text("utf-8").strip())
        except (OSError, UnicodeDecodeError) as exc:
            raise ExportError(f"cannot read the notice text {p}: {exc}") from None
    return out


def run(ns: argparse.Namespace) -> int:
    try:
        if bool(ns.number) == bool(ns.calls):
            raise ExportError("give either --number N or one or more CALLs")
        if not ns.output.is_dir():
            raise ExportError(f"{ns.output} is not a folder")
        store = open_store(ns.store, ns.endpoint)
        registry, idents = Registry.for_identity(ns.trust_file, ns.identity), load_identities(ns.identity)
        notes: list[str] = []
        kw = {"language": ns.language, "request_id": ns.request_id, "organisation": ns.organisation,
              "contact": ns.contact, "notice_texts": _read_texts(ns.notice_text), "tz": ns.timezone,
              "original_despite_overwrite": ns.original_despite_overwrite, "notes": notes}
        if ns.number:
            path = export_by_number(store, ns.number, registry, idents, ns.output,
                                    index_key=catalog.index_key(ns), **kw)
        else:
            refs = [locate(c, ns.store, ns.endpoint)[1] for c in ns.calls]
            path = export_calls(store, refs, registry, idents, ns.output, **kw)  # type: ignore[arg-type]
    except (AdminError, StoreError, party.PartyError) as exc:
        print(f"taltio-admin: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"taltio-admin: cannot write in {ns.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    for note in notes:
        print(note)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add `export` to taltio-admin."""
    p = sub.add_parser("export", help="the customer's copy (GDPR Art. 15): verified calls, summary, evidence, "
                                      "one zip", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("calls", nargs="*", metavar="CALL", help="call ids or manifest keys (or use --number)")
    p.add_argument("--number", help="every call with this customer number, e.g. +358401234567")
    p.add_argument("--store", required=True, help="s3://BUCKET/PREFIX (the agents' storage.url) or file:///FOLDER")
    p.add_argument("--endpoint", help="S3 endpoint URL (default AWS_ENDPOINT_URL); credentials from the AWS chain")
    p.add_argument("--identity", required=True, help="the organisation's age identity file, or 'keyring'")
    p.add_argument("-o", "--output", type=Path, required=True, help="folder for the zip")
    p.add_argument("--language", choices=LANGUAGES, help="of the summary (default: the notice's language, else en)")
    p.add_argument("--request-id", help="the customer's request id (names the zip and the audit record)")
    p.add_argument("--index-key-file", help="the number-index key (default: env TALTIO_NUMBER_INDEX_KEY)")
    p.add_argument("--organisation", help="the organisation's name as the customer knows it")
    p.add_argument("--contact", help="where the customer asks questions (e-mail, phone, address)")
    p.add_argument("--notice-text", action="append", metavar="FILE",
                   help="the organisation's own notice text; included where its sha256 matches the manifest")
    p.add_argument("--timezone", default="Europe/Helsinki", help="for the times in the summary")
    add_trust_file_arg(p)
    original.add_arg(p, "export")
    p.set_defaults(handler=run)
