"""`--original-despite-overwrite`: the original of a call that was overwritten, or hidden by a delete
marker, after it was stored.

verify fails such a call (its write-once check, issue 19.1), and fetch, decrypt and export refuse a call
that failed. Yet the original is still stored, as each object's first version, and every read goes to it
(store.S3Store._first): its signature, signer, call id, hashes and segments are checked like any call's.
A dispute or a customer's copy may need exactly that original. So the flag lets these commands go ahead
when write-once checks are the ONLY failures; anything else (a bad signature, an unknown signer, a hash
that differs, a missing segment, a late notice) still refuses. What is written then says so: the
commands' output, and an export's verification report and audit record, name the later versions and
delete markers and say that the copy is the first version. Without the flag, the refusal names it.
"""
from __future__ import annotations

import argparse

from taltio.admin.verify import WRITE_ONCE, Report
from taltio.domain.texts import escape_controls

FLAG = "--original-despite-overwrite"


def only_write_once(rep: Report) -> bool:
    """Whether the call failed, and every failed check is write-once: the original itself verified."""
    bad = rep.failures()
    return bool(bad) and bool(rep.tampered) and all(c.name.startswith(f"{WRITE_ONCE} ") for c in bad)


def usable(rep: Report, despite_overwrite: bool) -> bool:
    """May the call be decrypted or copied: it passed, or the flag was given and only write-once failed."""
    return rep.ok or (despite_overwrite and only_write_once(rep))


def hint(rep: Report, what: str = "write") -> str:
    """What a refusal adds when the flag would let it through (nothing otherwise): the flag is not guessable."""
    if not only_write_once(rep):
        return ""
    return (f"; only write-once failed, so the original (each object's first version) verified: give {FLAG} "
            f"to {what} that original anyway, said as such")


def later(rep: Report) -> str:
    """What the store holds beside the original, naming the version ids (they come from the store: escaped)."""
    out = []
    for t in rep.tampered:
        ids = t["versions"]
        if t["deleted"]:
            out.append(f"{t['object']} hidden by a delete marker (its {len(ids)} version(s) kept, first {ids[0]})")
        else:
            out.append(f"{t['object']} overwritten ({len(ids)} versions: first {ids[0]}, latest {ids[-1]})")
    return escape_controls("; ".join(out))


def notice(rep: Report) -> str:
    """The plain statement that goes with an original written despite the write-once failures."""
    return escape_controls(f"call {rep.ref.call_id}: the store holds changes made after the call was stored: "
                           f"{later(rep)}. This copy is the first version of every object, the original, whose "
                           f"signature, signer, call id and hashes verified ({FLAG})")


def record(rep: Report) -> dict:
    """The same for an export's audit record, as data."""
    return {"exported_despite": WRITE_ONCE, "exported_version": "first", "tampered": rep.tampered,
            "statement": notice(rep)}


def add_arg(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument(FLAG, action="store_true", dest="original_despite_overwrite",
                   help=f"{what} a call whose ONLY failed checks are write-once (an object overwritten, or hidden "
                        "by a delete marker, after it was stored): the first version, the original, which passed "
                        "every other check; the output says so and names the later versions. Any other failed "
                        "check still refuses")
