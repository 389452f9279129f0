"""Netstrings (`<len>:<data>,`), the framing of baresip's ctrl_tcp: read incrementally from any TCP chunking,
written whole."""
from __future__ import annotations

from typing import Callable


class NetstringError(ValueError):
    """The byte stream cannot be framed any more: the connection must be reopened. ``kind`` names the problem."""

    def __init__(self, kind: str, text: str) -> None:
        super().__init__(text)
        self.kind = kind


class NetstringReader:
    """Incremental netstring parser (`<len>:<data>,`), tolerant of arbitrary TCP chunking.

    A frame longer than ``max_size`` is dropped as it streams past, never buffered (its length is known, so
    the stream stays in step), and reported through ``on_oversized``. A stream that is not netstrings at all
    raises NetstringError; nothing more can be read from it.
    """

    MAX = 1 << 20
    MAX_DIGITS = 9       # a length of ten digits or more is not a frame anybody means to send

    def __init__(self, max_size: int = MAX, on_oversized: Callable[[int], None] | None = None) -> None:
        self.max_size = max_size
        self.on_oversized = on_oversized or (lambda n: None)
        self.buf = b""
        self._skip = 0           # payload bytes of an oversized frame still to drop
        self._comma = False      # the ',' ending a dropped frame is still to come

    def feed(self, data: bytes) -> list[bytes]:
        if self._skip:
            dropped = min(self._skip, len(data))
            data, self._skip = data[dropped:], self._skip - dropped
        if self._comma and not self._skip and data:
            if data[:1] != b",":
                raise NetstringError("unterminated", "a frame not terminated by ','")
            data, self._comma = data[1:], False
        self.buf += data
        out = []
        while self.buf and not self._skip and not self._comma:
            colon = self.buf.find(b":", 0, self.MAX_DIGITS + 1)
            head = self.buf[:colon] if colon >= 0 else self.buf
            if not head.isdigit() or (len(head) > 1 and head.startswith(b"0")) \
                    or (colon < 0 and len(self.buf) > self.MAX_DIGITS):
                raise NetstringError("bad-length", "a frame that does not start with '<length>:'")
            if colon < 0:
                break                                  # the length is still arriving
            n = int(head)
            if n > self.max_size:
                self.on_oversized(n)
                rest = self.buf[colon + 1:]
                self.buf = b""
                if len(rest) > n:
                    if rest[n:n + 1] != b",":
                        raise NetstringError("unterminated", "a frame not terminated by ','")
                    self.buf = rest[n + 1:]
                else:
                    self._skip, self._comma = n - len(rest), True
                continue
            end = colon + 1 + n
            if len(self.buf) < end + 1:
                break
            if self.buf[end:end + 1] != b",":
                raise NetstringError("unterminated", "a frame not terminated by ','")
            out.append(self.buf[colon + 1:end])
            self.buf = self.buf[end + 1:]
        return out


def netstring(data: bytes) -> bytes:
    return str(len(data)).encode() + b":" + data + b","
