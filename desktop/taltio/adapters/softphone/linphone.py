"""Linphone through ``linphone-daemon``: a local unix socket, one text command per line, events polled.

``linphone-daemon --pipe NAME`` (liblinphone 5.1, Debian ``linphone-cli``) listens on ``/tmp/NAME``. It queues a
``call-state-changed`` event for every state a call passes through; ``pop-event`` takes the oldest one::

    Status: Ok

    Size: 2                                  <- events still queued after this one
    Event-type: call-state-changed

    Event: LinphoneCallIncomingReceived
    From: "Name" <sip:+358401234567@host>    <- the call log's From: the caller (on an outgoing call: us)
    Id: 1                                    <- the daemon's own call number, 1, 2, 3… from each start

``call-status ID`` answers ``State``, ``From`` (the remote party, either direction) and ``Direction: in|out``. The
daemon serves one client at a time (a second connection is reset at once) and its answers carry no terminator,
so an answer is read until it ends in a blank line (or an ``Error`` with its reason) or until nothing more comes.

States map to CallEvents: IncomingReceived → incoming (with the caller's number and display name);
OutgoingInit/OutgoingProgress → outgoing (the number from ``call-status``); OutgoingRinging → ringing;
Connected/StreamsRunning → answered (once); Paused (the agent's hold) → hold, Resuming or StreamsRunning after it
→ unhold; End/Error/Released → ended (once). PausedByRemote (the customer holds) changes nothing: the agent's side
is still live. A call first seen in a later state (Taltio started mid-call) is introduced by incoming/outgoing
as ``call-status`` says. Taltio's call id is ``linphone-<token>-<Id>`` with a token per daemon process, since the
daemon's numbers restart at 1.

Whatever comes over the socket, the adapter thread does not die: an answer it cannot use is dropped and the
*kind* of problem is logged once (a flood logs one line); an answer over ``max_size`` drops the connection, which
is reopened (the stream cannot be trusted after it). A daemon that is not running, busy with another client, or
restarted is retried with backoff; calls of a daemon that restarted, or that stays away ``calls_lost_after``
seconds, are ended.
"""
from __future__ import annotations

import dataclasses
import logging
import os
import re
import select
import socket
import struct
import threading
import time
import uuid
from dataclasses import dataclass

from taltio.domain.events import SOFTPHONE_LOST, CallEvent, EventError
from taltio.adapters.softphone.base import ReaderAdapter, short_error
from taltio.domain import texts
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger("taltio.softphone.linphone")

DEFAULT_PIPE = "/tmp/linphone-daemon"      # linphone-daemon --pipe linphone-daemon
MAX_RESPONSE = 64 * 1024                   # an event is ~200 bytes; anything near this is not the daemon talking
MAX_CALLS = 32
MAX_POPS_PER_ROUND = 256                   # then look at stop() again
IDLE_POLL_FACTOR = 5                       # no call known: poll this many times less often

_INCOMING = {"IncomingReceived", "PushIncomingReceived", "IncomingEarlyMedia"}
_OUTGOING = {"OutgoingInit", "OutgoingProgress", "OutgoingRinging", "OutgoingEarlyMedia"}
_TERMINAL = {"End", "Error", "Released"}
# Seen, but they change nothing for the recording (PausedByRemote: the customer holds; the agent is still live).
_NEUTRAL = {"Idle", "Pausing", "PausedByRemote", "UpdatedByRemote", "Updating", "EarlyUpdating",
            "EarlyUpdatedByRemote", "Referred"}
_KNOWN = _INCOMING | _OUTGOING | _TERMINAL | _NEUTRAL | {"Connected", "StreamsRunning", "Paused", "Resuming"}
_ID = re.compile(r"^[0-9]{1,9}$")


class LinphoneProtocolError(ValueError):
    """An answer that cannot be used. ``kind`` names the class of problem (logged once per kind)."""

    def __init__(self, kind: str, text: str) -> None:
        super().__init__(text)
        self.kind = kind


class _Reconnect(Exception):
    """The connection cannot be used any more (the stream is out of step, or the daemon went quiet)."""


@dataclass(frozen=True)
class Answer:
    ok: bool
    fields: dict[str, str]
    reason: str = ""


@dataclass(frozen=True)
class DaemonEvent:
    type: str
    state: str | None = None      # without the "LinphoneCall" prefix
    remote: str | None = None     # the From: value
    id: str | None = None


def parse_answer(data: bytes) -> Answer:
    """One answer: ``Status: Ok|Error``, then ``Reason: …`` or ``Key: value`` lines. A key given twice is refused."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise LinphoneProtocolError("not-utf8", "an answer that is not UTF-8 text") from None
    if "\x00" in text:
        raise LinphoneProtocolError("nul", "an answer containing NUL characters")
    lines = text.replace("\r\n", "\n").split("\n")
    first = lines[0].strip()
    if first not in ("Status: Ok", "Status: Error"):
        raise LinphoneProtocolError("no-status", "an answer that does not start with 'Status: Ok' or 'Status: Error'")
    fields: dict[str, str] = {}
    for line in lines[1:]:
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        key = key.strip()
        if not sep or not key or " " in key:
            raise LinphoneProtocolError("bad-line", "an answer with a line that is not 'Key: value'")
        if key in fields:
            raise LinphoneProtocolError("duplicate-field", f"an answer with two '{key[:20]}' lines (two messages "
                                                           "run together?)")
        fields[key] = value.strip()
    if first == "Status: Error":
        return Answer(False, fields, fields.get("Reason", ""))
    return Answer(True, fields)


def parse_pop_event(data: bytes) -> tuple[DaemonEvent | None, int]:
    """A ``pop-event`` answer -> (the event or None, how many are still queued)."""
    ans = parse_answer(data)
    if not ans.ok:
        raise LinphoneProtocolError("pop-event-error", "an error answer to pop-event")
    f = ans.fields
    size = f.get("Size")
    # isascii: "0²" and other Unicode digits pass isdigit() but int() refuses them.
    if size is None or not size.isascii() or not size.isdigit() or len(size) > 9:
        raise LinphoneProtocolError("bad-size", "a pop-event answer without a valid 'Size'")
    queued = int(size)
    etype = f.get("Event-type")
    if etype is None:
        if len(f) > 1:
            raise LinphoneProtocolError("event-without-type", "an event without 'Event-type' (truncated?)")
        return None, queued
    if etype != "call-state-changed":
        return DaemonEvent(etype), queued          # call-stats, registration, messages…: not ours
    state = f.get("Event")
    if not state:
        raise LinphoneProtocolError("event-without-state", "a call-state-changed event without 'Event' (truncated?)")
    state = state.removeprefix("LinphoneCall")
    if state not in _KNOWN:
        raise LinphoneProtocolError("unknown-state", "a call-state-changed event with an unknown state (truncated?)")
    cid = f.get("Id")
    if cid is None or not _ID.match(cid):
        raise LinphoneProtocolError("bad-call-id", "a call-state-changed event without a numeric 'Id' (truncated?)")
    return DaemonEvent(etype, state, f.get("From") or None, cid), queued


def split_address(value: str | None) -> tuple[str | None, str | None]:
    """``"Name" <sip:user@host>`` / ``Name <sip:…>`` / ``sip:…`` -> (display name, URI)."""
    if not value:
        return None, None
    value = value.strip()
    name = None
    if value.startswith('"'):
        end = value.find('"', 1)
        while end > 0 and value[end - 1] == "\\":
            end = value.find('"', end + 1)
        if end < 0:
            return None, None
        name = value[1:end].replace('\\"', '"')
        value = value[end + 1:].strip()
    elif "<" in value:
        name = value[:value.index("<")].strip() or None
        value = value[value.index("<"):]
    if value.startswith("<"):
        value = value[1:value.index(">")] if ">" in value else ""
    return (name or None), (value or None)


def _complete(buf: bytes) -> bool:
    """An answer is whole when it ends in a blank line, or is an error with its reason line."""
    return buf.endswith(b"\n\n") or (buf.startswith(b"Status: Error") and b"\nReason:" in buf and buf.endswith(b"\n"))


@dataclass
class _Call:
    call_id: str
    direction: str
    answered: bool = False
    held: bool = False
    rang: bool = False


class LinphoneAdapter(ReaderAdapter):
    name = "linphone"
    peer = "linphone-daemon"
    problem_log = log
    ENDED_KEPT = 1024

    def __init__(self, path: str = DEFAULT_PIPE, *, poll_interval: float = 0.1, max_size: int = MAX_RESPONSE,
                 backoff: tuple[float, float] = (0.5, 5.0), response_timeout: float = 3.0,
                 calls_lost_after: float = 15.0, idle_poll_interval: float | None = None) -> None:
        super().__init__()
        self.path = path
        # The daemon cannot push events, so they are polled: every poll_interval while a call is known (its
        # answer, hold and end are timed to that), and IDLE_POLL_FACTOR times less often while there is none
        # (a new call is seen within 0.5 s, and an idle agent's Taltio wakes 2 times a second, not 10).
        self.poll_interval = poll_interval
        self.idle_poll_interval = poll_interval * IDLE_POLL_FACTOR if idle_poll_interval is None \
            else idle_poll_interval
        self.max_size = max_size
        self.backoff = backoff
        self.response_timeout = response_timeout
        self.calls_lost_after = calls_lost_after
        self._sock: socket.socket | None = None
        self._calls: dict[str, _Call] = {}          # daemon Id -> call (of the current daemon process)
        self._daemon_pid: int | None = None
        self._answered = False
        self._token = uuid.uuid4().hex[:8]
        self._lock = threading.Lock()

    @classmethod
    def from_address(cls, address: str) -> "LinphoneAdapter":
        """The `softphone.address` setting: ``unix:/path`` is the socket; ``unix:NAME`` is /tmp/NAME (what
        ``--pipe NAME`` creates); anything else (the baresip-style HOST:PORT default) means /tmp/linphone-daemon."""
        if address.startswith("unix:") and len(address) > 5:
            path = address[5:]
            return cls(path if "/" in path else "/tmp/" + path)
        return cls(DEFAULT_PIPE)

    # -- lifecycle ------------------------------------------------------------------------------------
    def _interrupt(self) -> None:
        sock = self._sock
        if sock is not None:
            sock.shutdown(socket.SHUT_RDWR)

    # -- connection -----------------------------------------------------------------------------------
    def _connect(self) -> socket.socket:
        if not hasattr(socket, "AF_UNIX"):
            raise OSError("unix sockets are not available on this system")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.settimeout(3)
            sock.connect(self.path)
            pid, uid = _peer(sock)
            if uid is not None and hasattr(os, "getuid") and uid != os.getuid():
                # /tmp is shared: a socket of another user could feed us calls that never were.
                raise PermissionError(f"the socket belongs to another user (uid {uid})")
        except BaseException:
            sock.close()
            raise
        return sock

    def _open(self) -> socket.socket:
        sock = self._connect()
        self._sock = sock
        self._answered = False
        return sock

    def _close(self, conn: object) -> None:
        self._sock = None
        conn.close()  # type: ignore[attr-defined]

    def _unreachable(self, exc: BaseException, delay: float) -> str:
        return Text(QT_TRANSLATE_NOOP("core", "linphone-daemon not reachable at {where} ({error}); retrying"),
                    where=str(self.path), error=_short(exc))

    def _healthy(self) -> bool:
        # A second client is accepted and reset before any answer: that was no session, so the backoff grows.
        return self._answered

    def _serve(self, conn: object) -> str:
        sock: socket.socket = conn  # type: ignore[assignment]
        try:
            pid, _ = _peer(sock)
            self._session(sock, pid)
        except _Reconnect as exc:
            return Text(QT_TRANSLATE_NOOP("core", "linphone-daemon at {where}: {problem}; reconnecting"),
                        where=str(self.path), problem=texts.message(exc))
        except OSError as exc:
            # A second client is accepted and reset at once: "busy" looks exactly like this.
            return Text(QT_TRANSLATE_NOOP("core", "linphone-daemon at {where} dropped the connection ({error}; "
                                                  "another client connected?); retrying"),
                        where=str(self.path), error=_short(exc))
        return Text(QT_TRANSLATE_NOOP("core", "stopped"))

    def _session(self, sock: socket.socket, pid: int | None) -> None:
        while not self._stop.is_set():
            queued, pops = 1, 0
            while queued and pops < MAX_POPS_PER_ROUND and not self._stop.is_set():
                data = self._exchange(sock, "pop-event")
                pops += 1
                if not self._answered:  # the daemon answered: connected for real (not a reset "busy" connection)
                    self._answered = True
                    self._on_connected(sock, pid)
                queued = self.handle(data, lambda line: self._exchange(sock, line))
            if not queued:       # (_calls is this thread's own)
                self._stop.wait(self.poll_interval if self._calls else self.idle_poll_interval)

    def _on_connected(self, sock: socket.socket, pid: int | None) -> None:
        restarted = pid is not None and self._daemon_pid is not None and pid != self._daemon_pid
        if pid is not None:
            self._daemon_pid = pid
        # A fresh token for every connection: where the peer's pid is unknown (not Linux) a restarted
        # daemon counting its ids from 1 again must not hit an ended call's id. Known calls keep theirs.
        self._token = uuid.uuid4().hex[:8]
        if restarted:
            self._end_all("linphone-daemon restarted: its earlier calls are over")
        else:
            # Still there? (A daemon restarted without us noticing knows none of them.)
            for cid in list(self._calls):
                try:
                    ans = parse_answer(self._exchange(sock, f"call-status {cid}"))
                except LinphoneProtocolError:
                    continue
                if not ans.ok and "no call" in ans.reason.lower():
                    self._finish(cid, lost=True)
        self._set_status(Text(QT_TRANSLATE_NOOP("core", "connected to linphone-daemon at {where}"),
                              where=str(self.path)))

    def _exchange(self, sock: socket.socket, line: str) -> bytes:
        """Send one command, read its answer (no terminator: until it looks whole, or nothing more comes)."""
        # Bytes nobody asked for (an answer that came late, two run together) would shift every answer after it.
        stray = 0
        while select.select([sock], [], [], 0)[0]:
            chunk = sock.recv(65536)
            if not chunk:
                raise _Reconnect(Text(QT_TRANSLATE_NOOP("core", "the daemon closed the connection (another client "
                                                                  "connected?)")))
            stray += len(chunk)
            if stray > self.max_size:
                raise _Reconnect(Text(QT_TRANSLATE_NOOP("core", "the daemon floods the connection")))
        if stray:
            self._problem("unsolicited", "bytes nobody asked for (a late or doubled answer)")
        sock.sendall(line.encode() + b"\n")
        buf = b""
        deadline = time.monotonic() + self.response_timeout
        while True:
            wait = deadline - time.monotonic() if not buf else 0.2
            if wait <= 0 or not select.select([sock], [], [], wait)[0]:
                if not buf:
                    raise _Reconnect(Text(QT_TRANSLATE_NOOP("core", "no answer to '{command}' within {seconds} s"),
                                          command=line.split()[0], seconds=f"{self.response_timeout:g}"))
                return buf                   # nothing more came: take it as it is (the parser judges)
            chunk = sock.recv(65536)
            if not chunk:
                if buf:
                    return buf
                raise OSError(Text(QT_TRANSLATE_NOOP("core", "connection closed by the daemon")))
            buf += chunk
            if len(buf) > self.max_size:
                self._problem("oversized", f"an answer larger than {self.max_size} bytes (the connection is reopened)")
                raise _Reconnect(Text(QT_TRANSLATE_NOOP("core", "an oversized answer")))
            if _complete(buf):
                return buf

    # -- events -----------------------------------------------------------------------------------------
    def handle(self, data: bytes, ask=None) -> int:  # noqa: ANN001 - ask: Callable[[str], bytes] | None
        """One ``pop-event`` answer; *ask* sends a command and returns its answer (``call-status``). Returns how
        many events are still queued (0 when unknown). Never raises for anything the daemon may send."""
        try:
            event, queued = parse_pop_event(data)
        except LinphoneProtocolError as exc:
            self._problem(exc.kind, str(exc))
            return 0
        try:
            if event is not None and event.state is not None:
                self._apply(event, ask)
        except (_Reconnect, OSError):
            raise
        except Exception as exc:  # noqa: BLE001 - a bug here must not end the adapter thread
            self._problem(f"internal-{type(exc).__name__}",
                          f"an event that Taltio failed to handle (a bug: {type(exc).__name__})", exc_info=True)
        return min(queued, 1_000_000)

    def _call_id(self, cid: str) -> str:
        return f"linphone-{self._token}-{cid}"

    def _apply(self, ev: DaemonEvent, ask) -> None:  # noqa: ANN001
        cid, state = ev.id, ev.state
        assert cid is not None and state is not None
        call = self._calls.get(cid)
        if call is None:
            call_id = self._call_id(cid)
            if call_id in self._ended:
                return                          # a late or repeated event of a call that is over
            if state in _TERMINAL:
                self._remember_ended(call_id)   # over before we saw it: nothing to record
                return
            if state in ("Idle", "Referred"):
                return
            if len(self._calls) >= MAX_CALLS:
                self._problem("too-many-calls", f"more than {MAX_CALLS} calls at once")
                return
            direction = "incoming" if state in _INCOMING else "outgoing" if state in _OUTGOING else None
            remote = ev.remote if direction == "incoming" else None
            if (direction != "incoming" or not remote) and ask is not None:
                status = self._status(cid, ask)
                if status is not None:
                    remote = status.get("From") or remote
                    direction = direction or {"in": "incoming", "out": "outgoing"}.get(status.get("Direction", ""))
                elif direction is None:
                    self._remember_ended(call_id)       # gone already
                    return
            direction = direction or "incoming"
            call = self._calls[cid] = _Call(call_id, direction)
            name, uri = split_address(remote)
            self._emit(direction, call, number=uri, display_name=name)
        if state in _TERMINAL:
            self._finish(cid)
        elif state == "OutgoingRinging":
            if not call.rang and not call.answered:
                call.rang = True
                self._emit("ringing", call)
        elif state in ("Connected", "StreamsRunning"):
            if not call.answered:
                call.answered = True
                self._emit("answered", call)
            elif call.held and state == "StreamsRunning":
                call.held = False
                self._emit("unhold", call)
        elif state == "Paused":
            if call.answered and not call.held:
                call.held = True
                self._emit("hold", call)
        elif state == "Resuming":
            if call.held:
                call.held = False
                self._emit("unhold", call)

    def _status(self, cid: str, ask) -> dict[str, str] | None:  # noqa: ANN001
        try:
            ans = parse_answer(ask(f"call-status {cid}"))
        except LinphoneProtocolError as exc:
            self._problem(exc.kind, f"{exc} (to call-status)")
            return {}
        return ans.fields if ans.ok else None

    def _finish(self, cid: str, lost: bool = False) -> None:
        call = self._calls.pop(cid, None)
        if call is not None:
            self._remember_ended(call.call_id)
            self._emit("ended", call, lost=lost)

    def _end_all(self, why: str) -> None:
        """The daemon is gone or restarted: its calls end as interrupted (SOFTPHONE_LOST), recordings kept."""
        if self._calls:
            log.warning("%s: %d call(s) taken as ended", why, len(self._calls))
        for cid in list(self._calls):
            self._finish(cid, lost=True)

    def _maybe_calls_lost(self, since: float) -> None:
        if self._calls and time.monotonic() - since >= self.calls_lost_after:
            self._end_all(f"linphone-daemon has been unreachable for {self.calls_lost_after:g} s")

    def _emit(self, kind: str, call: _Call, number: str | None = None, display_name: str | None = None,
              lost: bool = False) -> None:
        try:
            ev = CallEvent.parse(kind, call_id=call.call_id, number=number, source="linphone",
                                 direction=call.direction, display_name=display_name)
        except EventError:
            self._problem("bad-number", "a call whose remote address is not a phone number (recorded without it)")
            try:
                ev = CallEvent.parse(kind, call_id=call.call_id, source="linphone", direction=call.direction,
                                     display_name=display_name)
            except EventError:
                ev = CallEvent.parse(kind, call_id=call.call_id, source="linphone", direction=call.direction)
        if lost:
            ev = dataclasses.replace(ev, label=SOFTPHONE_LOST)
        if self._sink is not None:
            try:
                self._sink(ev)
            except Exception:  # noqa: BLE001 - the controller's problem must not end the adapter thread
                log.exception("the controller failed on a linphone %s event", kind)


def _peer(sock: socket.socket) -> tuple[int | None, int | None]:
    """The daemon's pid and uid (Linux SO_PEERCRED), or (None, None) where the system does not say."""
    opt = getattr(socket, "SO_PEERCRED", None)
    if opt is None:
        return None, None
    try:
        pid, uid, _gid = struct.unpack("3i", sock.getsockopt(socket.SOL_SOCKET, opt, struct.calcsize("3i")))
    except OSError:
        return None, None
    return pid, uid


_short = short_error


__all__ = ["Answer", "DaemonEvent", "DEFAULT_PIPE", "LinphoneAdapter", "LinphoneProtocolError", "parse_answer",
           "parse_pop_event", "split_address"]
