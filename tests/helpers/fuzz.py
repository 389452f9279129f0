"""Shared pieces of the fuzz evidence suite (tests/test_fuzz_parsers.py, tests/fuzz/atheris_parsers.py).

Two kinds of hostile input, because they find different bugs: *structured* values (hypothesis strategies
that build well-formed JSON/TOML with wrong types, huge numbers, deep nesting), which get past the
syntax check into the code that interprets fields; and *byte-level* mutations of a valid input (flip,
insert, delete bytes; Unicode digits in numbers; lone surrogates; control characters), which find the
decoder's and the tokenizer's edges. ``mutate`` is deterministic in its ops, so hypothesis shrinks a
failure to the one edit that matters, and atheris can drive the same function from raw bytes.

The property every target checks is the same: a clear error (``assert_clear``) or a valid result, no
exception escaping, nothing hanging (``no_hang``).
"""
from __future__ import annotations

import contextlib
import re
import signal
import threading
from collections.abc import Iterator
from typing import Any

from hypothesis import strategies as st

# C0, DEL and C1 controls: never raw in an error a person reads (issue 19). Lone surrogates neither: they
# cannot even be written to a UTF-8 terminal or log.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")

UNICODE_DIGITS = ["١", "５", "۳", "߂", "᠑", "𝟗", "²", "Ⅻ"]
HOSTILE_BYTES = [b"\x00", b"\x1b[31m", b"\n", b"\r", b"\x85", b"\xc2\x85", b"\xed\xa0\x80", b"\\ud800", b"\\udfff",
                 b"\xff", b"\xef\xbb\xbf", b'"', b"\\", b"[", b"{", b"}", b"]", b",", b":", b"=", b"#",
                 b"9" * 400, b"1e999999", b"-0", b"NaN", b"Infinity", b"null", b"true", b"[]", b"{}",
                 b"[" * 3000, b"{\"a\":" * 1500] + [d.encode() for d in UNICODE_DIGITS]


class Hang(AssertionError):
    """An input took longer than its budget: a parser that loops or blows up quadratically."""


@contextlib.contextmanager
def no_hang(seconds: float) -> Iterator[None]:
    """Fail the example if its body runs longer than *seconds* (SIGALRM; main thread only, else a no-op
    and the caller's join timeout is the guard)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: Any) -> None:
        raise Hang(f"no answer within {seconds} s")

    old = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def assert_clear(message: object, *, names: str | None = None, max_len: int | None = 2000) -> str:
    """The error is one readable line: a non-empty string, no raw control character, not a traceback, and
    (given *names*) mentioning that file or field, so the reader knows what to fix. *max_len* None: a listing
    (verify's pauses) may be as long as what it lists."""
    assert isinstance(message, str), f"the error is {type(message).__name__}, not text: {message!r}"
    text = message.strip()
    assert text, "an empty error"
    assert "\n" not in text, f"the error is not one line: {text!r}"
    bad = CONTROL.search(text)
    assert bad is None, f"the error echoes a raw control character {bad.group()!r}: {text!r}"
    assert "Traceback" not in text, text[:500]
    assert max_len is None or len(text) <= max_len, f"a {len(text)}-character error: {text[:300]}…"
    if names is not None:
        assert names in text, f"the error does not name {names!r}: {text!r}"
    return text


# -- byte-level mutation ------------------------------------------------------------------------------------

# One edit: (kind, position as a fraction of the length in 0..1, payload index, count).
Op = tuple[str, float, int, int]
KINDS = ("flip", "insert", "delete", "replace", "digit", "dup")


def _digit_positions(data: bytes) -> list[int]:
    return [i for i, b in enumerate(data) if 0x30 <= b <= 0x39]


def apply_op(data: bytes, op: Op) -> bytes:
    """*data* with one edit; positions are fractions so an op stays meaningful as the input changes size."""
    kind, where, pick, count = op
    pos = min(int(where * (len(data) + 1)), len(data))
    payload = HOSTILE_BYTES[pick % len(HOSTILE_BYTES)]
    if kind == "flip" and data:
        i = min(pos, len(data) - 1)
        return data[:i] + bytes([data[i] ^ (1 << (count % 8))]) + data[i + 1:]
    if kind == "insert":
        return data[:pos] + payload + data[pos:]
    if kind == "delete":
        return data[:pos] + data[pos + 1 + count % 64:]
    if kind == "replace":
        return data[:pos] + payload + data[pos + len(payload):]
    if kind == "digit":                      # a Unicode digit in a number, a length, a version
        digits = _digit_positions(data)
        if digits:
            i = digits[min(int(where * len(digits)), len(digits) - 1)]
            return data[:i] + UNICODE_DIGITS[pick % len(UNICODE_DIGITS)].encode() + data[i + 1:]
        return data
    if kind == "dup":                        # repeat a slice: long lines, doubled keys
        return data[:pos] + data[pos:pos + 1 + count % 200] * (1 + count % 7) + data[pos:]
    return data


def mutate(data: bytes, ops: list[Op]) -> bytes:
    for op in ops:
        data = apply_op(data, op)
    return data


ops = st.lists(st.tuples(st.sampled_from(KINDS), st.floats(0, 1), st.integers(0, 10 ** 6), st.integers(0, 10 ** 6)),
               min_size=1, max_size=6)


def ops_from_bytes(raw: bytes) -> list[Op]:
    """Edits from raw fuzzer bytes (atheris): 4 bytes an op, so any input is a valid program of edits."""
    out: list[Op] = []
    for i in range(0, len(raw) - 3, 4):
        k, w, p, c = raw[i:i + 4]
        out.append((KINDS[k % len(KINDS)], w / 255, p, c))
    return out[:8]


# -- structured values ---------------------------------------------------------------------------------------

nasty_text = st.one_of(
    st.text(max_size=24),
    st.sampled_from(["", " ", "\x00", "\x1b[2J", "a\nb", "\ud800", "x\udfff", "\u0085", "\u202e", "١٢٣", "５",
                     "9" * 5000, "../../etc", "a/b", "c1.ogg.age", "2025-06-01T10:00:00", "2025-06-01T10:00:00Z"]),
    st.text(st.characters(codec=None, categories=["Cc", "Cs", "Nd", "Zl"]), max_size=8),
)
scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2 ** 80), max_value=2 ** 80),
                    st.sampled_from([10 ** 400, -(10 ** 400)]), st.floats(allow_nan=True, allow_infinity=True),
                    nasty_text)
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(nasty_text, inner, max_size=4), max_leaves=10)


def nested(depth: int, leaf: Any = 0) -> Any:
    """A value *depth* lists deep, built without recursion (it is what recursion limits are tested with)."""
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


def paths(doc: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path into *doc* (dict keys and list indexes), the root included: where a mutation can land."""
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += paths(v, prefix + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += paths(v, prefix + (i,))
    return out


def replaced(doc: Any, path: tuple, value: Any, delete: bool = False) -> Any:
    """A copy of *doc* with the value at *path* replaced (or, *delete*, removed)."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    copy = dict(doc) if isinstance(doc, dict) else list(doc)
    if delete and not rest:
        del copy[head]
    else:
        copy[head] = replaced(copy[head], rest, value, delete)
    return copy
