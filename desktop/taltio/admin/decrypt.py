"""`taltio-admin decrypt`: a verified call, decrypted as a stream into one playable file.

Nothing is decrypted before `verify_call` passed (or failed only its write-once checks, with
--original-despite-overwrite: admin/original.py), and nothing is left behind when anything
fails: the output is written to a hidden temp file beside it and renamed only at the end.
The objects stream from storage through age (pyrage.decrypt_io) into that file, so a
two-hour call needs no more memory than a short one; each object is hashed again while it is
decrypted, so an object replaced between the check and the read is caught too.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from taltio.admin import original
from taltio.admin.flac import complete_length_file
from taltio.admin.store import Store, StoreError
from taltio.admin.identities import load as load_identities
from taltio.admin.trust import AdminError, Registry
from taltio.admin.verify import Report, add_call_args, locate, verify_call

WAV_BLOCK = 65536          # frames per block when decoding to WAV


class DecryptError(AdminError):
    """The call was refused (it failed verification) or could not be decrypted or written."""


def identities(source: str) -> list:
    """Org identities from an age identity file (plain keys or a hardware token's plugin), or `keyring`."""
    return load_identities(source)


class _Hashing:
    """A reader that hashes what passes through it (what age decrypted is what was verified)."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw, self.sha, self.size = raw, hashlib.sha256(), 0

    def read(self, n: int = -1) -> bytes:
        b = self.raw.read(n) if n is not None and n >= 0 else self.raw.read()
        self.sha.update(b)
        self.size += len(b)
        return b


@contextmanager
def temp_beside(output: Path, suffix: str = "") -> Iterator[Path]:
    """A hidden temp file in the output's folder (so the final rename is atomic); removed on failure."""
    fd, name = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=f"{suffix}.part")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
    finally:
        tmp.unlink(missing_ok=True)


def decrypt_parts(store: Store, rep: Report, idents: list, out: BinaryIO) -> None:
    """Decrypt a verified call's objects, in order, into *out* (a file, or memory for `play`).

    Each object is hashed again as it streams through age: one changed after verification is refused."""
    import pyrage

    for p in rep.parts:
        try:
            src = _Hashing(store.open(rep.ref.key(p["name"])))
            try:
                pyrage.decrypt_io(src, out, idents)
                while src.read(1 << 20):       # what age did not need still counts for the hash
                    pass
            finally:
                src.raw.close()
        except StoreError as exc:
            raise DecryptError(str(exc)) from None
        except pyrage.DecryptError as exc:
            raise DecryptError(f"{p['name']}: cannot decrypt with this identity ({exc})") from None
        if src.sha.hexdigest() != p["sha256"] or src.size != p["size"]:
            raise DecryptError(f"{p['name']} changed after it was verified (hash differs); nothing written")


def _decrypt_parts(store: Store, rep: Report, idents: list, dst: Path) -> None:
    with open(dst, "wb") as out:
        decrypt_parts(store, rep, idents, out)
        out.flush()
        os.fsync(out.fileno())


def _to_wav(src: Path, dst: Path) -> None:
    """Ogg/Opus or FLAC to 16-bit WAV, a block at a time (libsndfile decodes both)."""
    import soundfile as sf

    try:
        with sf.SoundFile(src) as inp, sf.SoundFile(dst, "w", samplerate=inp.samplerate, channels=inp.channels,
                                                    format="WAV", subtype="PCM_16") as out:
            for block in inp.blocks(blocksize=WAV_BLOCK, dtype="int16", always_2d=True):
                out.write(block)
    except (RuntimeError, sf.LibsndfileError) as exc:
        raise DecryptError(f"cannot decode the decrypted audio to WAV: {exc}") from None


def write_call(store: Store, rep: Report, idents: list, output: Path, wav: bool = False, *,
               despite_overwrite: bool = False) -> None:
    """Decrypt a verified call into ``output`` (its segments in order form one file); all or nothing.

    *despite_overwrite*: also a call whose only failures are write-once (its original, admin/original.py)."""
    if not original.usable(rep, despite_overwrite):
        raise DecryptError(refusal(rep) + original.hint(rep))
    if not rep.parts:
        raise DecryptError(f"call {rep.ref.call_id} has no audio (outcome {(rep.doc or {}).get('outcome')})")
    with temp_beside(output) as plain:
        _decrypt_parts(store, rep, idents, plain)
        complete_length_file(plain)        # a streamed FLAC says "length unknown"; libsndfile needs it
        if not wav:
            os.replace(plain, output)
            return
        with temp_beside(output, ".wav") as decoded:
            _to_wav(plain, decoded)
            os.replace(decoded, output)


def refusal(rep: Report) -> str:
    return (f"call {rep.ref.call_id} failed verification, nothing written: "
            + "; ".join(f"{c.name}: {c.reason}" for c in rep.failures()))


def run(ns: argparse.Namespace) -> int:
    try:
        store, ref = locate(ns.call, ns.store, ns.endpoint)
        rep = verify_call(store, ref, Registry.for_identity(ns.trust_file, ns.identity), trust_on_first_use=ns.trust_on_first_use)
        despite = ns.original_despite_overwrite
        if not rep.ok:
            print(rep.text(), file=sys.stderr)
        if not original.usable(rep, despite):
            raise DecryptError(refusal(rep) + original.hint(rep))
        write_call(store, rep, identities(ns.identity), ns.output, ns.wav, despite_overwrite=despite)
    except AdminError as exc:
        print(f"taltio-admin: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"taltio-admin: cannot write {ns.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"call {ref.call_id}: {len(rep.parts)} part(s) verified, wrote {ns.output}")
    if not rep.ok:
        print(original.notice(rep))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `decrypt` to taltio-admin."""
    p = subparsers.add_parser("decrypt", help="verify one call, then decrypt it (streaming) into one file",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("call", metavar="CALL", help="a call id (searched under --store), a manifest key or URL")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--wav", action="store_true", help="decode to 16-bit WAV instead of the stored Ogg/FLAC")
    p.add_argument("--identity", required=True,
                   help="age identity file of the organisation, or 'keyring' for this computer's standalone key")
    add_call_args(p)
    original.add_arg(p, "decrypt")
    p.set_defaults(handler=run)
