"""Softphone adapters behind one interface; each turns a softphone's own signals into CallEvents.

* HookAdapter: the softphone runs `taltio hook …` (MicroSIP, Zoiper, anything
  that can run a command); events arrive over the IPC socket, so the adapter
  itself is passive.
* BaresipAdapter: baresip's ctrl_tcp module, netstring-framed JSON events.
"""
from __future__ import annotations

import json
import logging
import socket
import threading
from abc import ABC, abstractmethod
from typing import Callable

from ..core.events import CallEvent, EventError, EventKind

log = logging.getLogger("taltio.softphone")

EventSink = Callable[[CallEvent], None]


class SoftphoneAdapter(ABC):
    name = "?"

    def __init__(self) -> None:
        self.status = "not started"
        self.on_status: Callable[[str], None] = lambda s: None

    def _set_status(self, status: str) -> None:
        if status != self.status:
            self.status = status
            log.info("%s: %s", self.name, status)
            self.on_status(status)

    @abstractmethod
    def start(self, sink: EventSink) -> None: ...

    @abstractmethod
    def stop(self) -> None: ...


class HookAdapter(SoftphoneAdapter):
    name = "hook"

    def start(self, sink: EventSink) -> None:
        self._set_status("waiting for `taltio hook` commands")

    def stop(self) -> None:
        pass


class NetstringReader:
    """Incremental netstring parser (`<len>:<data>,`), tolerant of arbitrary TCP chunking."""

    MAX = 1 << 20

    def __init__(self) -> None:
        self.buf = b""

    def feed(self, data: bytes) -> list[bytes]:
        self.buf += data
        out = []
        while True:
            colon = self.buf.find(b":")
            if colon < 0:
                if len(self.buf) > 12:
                    raise ValueError("malformed netstring length")
                return out
            head = self.buf[:colon]
            if not head.isdigit() or int(head) > self.MAX:
                raise ValueError("malformed netstring length")
            n = int(head)
            end = colon + 1 + n
            if len(self.buf) < end + 1:
                return out
            if self.buf[end:end + 1] != b",":
                raise ValueError("netstring not terminated by ','")
            out.append(self.buf[colon + 1:end])
            self.buf = self.buf[end + 1:]


def netstring(data: bytes) -> bytes:
    return str(len(data)).encode() + b":" + data + b","


# baresip event type -> our kind. SDP events only introduce a call we have not
# seen (baresip 1.0 sends no CALL_INCOMING when auto-answering).
_BARESIP_KINDS = {
    "CALL_INCOMING": EventKind.INCOMING,
    "CALL_OUTGOING": EventKind.OUTGOING,
    "CALL_RINGING": None,
    "CALL_REMOTE_SDP": None,
    "CALL_LOCAL_SDP": None,
    "CALL_ESTABLISHED": EventKind.ANSWERED,
    "CALL_CLOSED": EventKind.ENDED,
}


class BaresipAdapter(SoftphoneAdapter):
    name = "baresip"

    def __init__(self, address: str) -> None:
        super().__init__()
        host, _, port = address.rpartition(":")
        self.host, self.port = host, int(port)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._sock: socket.socket | None = None
        self._known: set[str] = set()
        self._sink: EventSink | None = None

    def start(self, sink: EventSink) -> None:
        self._sink = sink
        self._thread = threading.Thread(target=self._run, name="taltio-baresip", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._sock:
            try:
                self._sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if self._thread:
            self._thread.join(timeout=3)

    def _run(self) -> None:
        delay = 0.5
        while not self._stop.is_set():
            try:
                with socket.create_connection((self.host, self.port), timeout=3) as sock:
                    self._sock = sock
                    sock.settimeout(None)
                    self._set_status(f"connected to baresip at {self.host}:{self.port}")
                    delay = 0.5
                    self._read(sock)
            except OSError as exc:
                self._set_status(f"baresip at {self.host}:{self.port} unreachable ({exc.strerror or exc}); retrying")
            self._sock = None
            self._stop.wait(delay)
            delay = min(delay * 2, 5.0)

    def _read(self, sock: socket.socket) -> None:
        reader = NetstringReader()
        while not self._stop.is_set():
            data = sock.recv(65536)
            if not data:
                self._set_status("baresip closed the control connection; reconnecting")
                return
            try:
                frames = reader.feed(data)
            except ValueError as exc:
                log.error("baresip sent a malformed frame (%s); reconnecting", exc)
                return
            for frame in frames:
                self._on_frame(frame)

    def _on_frame(self, frame: bytes) -> None:
        try:
            msg = json.loads(frame)
        except ValueError:
            log.error("baresip sent a frame that is not JSON; ignored")
            return
        # SDP events come with class "other", call events with class "call": filter on type only.
        if not isinstance(msg, dict) or not msg.get("event"):
            return
        etype = msg.get("type")
        if etype not in _BARESIP_KINDS:
            return
        raw_id = msg.get("id")
        if not raw_id:
            log.error("baresip %s event without a call id; ignored", etype)
            return
        direction = msg.get("direction") if msg.get("direction") in ("incoming", "outgoing") else None
        events = []
        if raw_id not in self._known and etype != "CALL_CLOSED":
            self._known.add(raw_id)
            events.append("incoming" if direction != "outgoing" else "outgoing")
        kind = _BARESIP_KINDS[etype]
        if kind in (EventKind.ANSWERED, EventKind.ENDED):
            events.append(kind.value)
        if etype == "CALL_CLOSED":
            self._known.discard(raw_id)
        for k in events:
            try:
                ev = CallEvent.parse(k, call_id=raw_id, number=msg.get("peeruri"), source="baresip",
                                     direction=direction)
            except EventError as exc:
                log.error("baresip event %s not understood: %s", etype, exc)
                ev = CallEvent.parse(k, call_id=raw_id, source="baresip", direction=direction)
            if self._sink:
                self._sink(ev)
