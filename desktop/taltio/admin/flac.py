"""FLAC recordings say "length unknown" in their header; fill the length in before libsndfile reads them.

The recorder streams the final file as age ciphertext while the call runs (recording/segments.py), so
the FLAC encoder's seek back at close (to write the length and MD5 into STREAMINFO) cannot land; a
call recovered from its crash segments is the same. "Unknown" (0) is valid FLAC (RFC 9639 §8.2) and
ffmpeg and the `flac` tool decode such files to the end, but libsndfile then reports a length of
2**63 - 1 frames and fails the read that reaches the end of the file ("Internal psf_fseek() failed"),
losing the last block. So the admin tools count the samples once with FFmpeg (PyAV, the app's own
encoder library) and write the count into the decrypted copy, which then reads like any FLAC file.
"""
from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger("taltio.admin.flac")

_TOTAL_AT = 18                 # "fLaC" + block header (4) + min/max block (4) + min/max frame (6)
_TOTAL_MASK = (1 << 36) - 1    # the low 36 bits of those 8 bytes: total samples per channel


def _unknown_length(head: bytes) -> bool:
    """A FLAC stream whose first metadata block (STREAMINFO, type 0) gives 0 total samples."""
    return (len(head) >= _TOTAL_AT + 8 and head[:4] == b"fLaC" and (head[4] & 0x7F) == 0
            and not int.from_bytes(head[_TOTAL_AT:_TOTAL_AT + 8], "big") & _TOTAL_MASK)


def _count_samples(src: BinaryIO) -> int:
    """Samples per channel FFmpeg decodes; a stream cut short by a crash counts up to its last whole frame."""
    import av

    n = 0
    with av.open(src, format="flac") as container:
        try:
            for frame in container.decode(audio=0):
                n += frame.samples
        except av.FFmpegError as exc:
            log.warning("the FLAC stream ends in an incomplete frame (%s); %d samples decode", exc, n)
    return n


def _with_total(head: bytes, total: int) -> bytes:
    field = int.from_bytes(head[_TOTAL_AT:_TOTAL_AT + 8], "big")
    return ((field & ~_TOTAL_MASK) | min(total, _TOTAL_MASK)).to_bytes(8, "big")


def complete_length(data: bytes) -> bytes:
    """*data* with its STREAMINFO length filled in, or unchanged (not FLAC, or the length is known)."""
    if not _unknown_length(data[:_TOTAL_AT + 8]):
        return data
    total = _count_samples(io.BytesIO(data))
    return data[:_TOTAL_AT] + _with_total(data, total) + data[_TOTAL_AT + 8:]


def complete_length_file(path: Path) -> None:
    """As `complete_length`, in place, for a decrypted file the admin is exporting."""
    with open(path, "r+b") as fh:
        head = fh.read(_TOTAL_AT + 8)
        if not _unknown_length(head):
            return
        fh.seek(0)
        total = _count_samples(fh)
        fh.seek(_TOTAL_AT)
        fh.write(_with_total(head, total))
