"""Softphone adapters behind one interface; each turns a softphone's own signals into CallEvents.

* HookAdapter: the softphone runs `taltio hook …` (MicroSIP, Zoiper, anything
  that can run a command); events arrive over the IPC socket, so the adapter
  itself is passive.
* BaresipAdapter: baresip's ctrl_tcp module, netstring-framed JSON events
  (what baresip sends, version by version, is in the class docstring).
"""
from __future__ import annotations

import itertools
import json
import logging
import re
import socket
import threading
import time
from dataclasses import dataclass

from taltio.adapters.softphone.netstring import NetstringError, NetstringReader, netstring  # noqa: F401
from taltio.domain.events import SOFTPHONE_LOST, CallEvent, EventError, EventKind, safe_call_id, utcnow
from taltio.adapters.softphone.base import ReaderAdapter, short_error
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger("taltio.softphone")

_HELD_DIRS = ("sendonly", "inactive")       # our side sends at most: the call is on hold
# `listcalls` (baresip 1.0): "> [line 1]  0:00:01  ESTABLISHED  (on hold)  sip:+358…@host:port"
_LISTCALLS_LINE = re.compile(r"^(?P<cur>[> ])\s*\[line (?P<line>\d+)\]\s+\S+\s+(?P<state>[A-Z_]+)\s+"
                             r"(?P<hold>\(on hold\)\s+)?(?P<peer>\S+)\s*$")
_LISTCALLS_HEAD = re.compile(r"^--- Active calls \((?P<n>\d+)\) ---$")


@dataclass
class _Call:
    id: str
    direction: str | None
    peeruri: str | None
    established: bool = False
    ringing: bool = False         # 'ringing' was reported
    local_hold: bool = False      # the agent put the call on hold
    remote_hold: bool = False     # the far end put us on hold (CALL_HOLD in newer baresip)
    held: bool = False            # what the controller was last told
    transfer: bool = False        # a REFER (TRANSFER event) is under way: closing means transferred
    current: bool = False         # baresip's current line (`>` in listcalls)


class BaresipAdapter(ReaderAdapter):
    """baresip through its ctrl_tcp module: netstring-framed JSON events in, CallEvents out.

    What baresip sends, measured with Debian 12's baresip 1.0.0 (`baresip-core` 1.0.0-4) on loopback, and
    read from the current source (3.x/4.x, ``src/event.c``); tests/test_baresip_live.py drives the real one:

    * Events: ``{"event":true,"type":…,"class":…,"accountaor":…,"direction":"incoming"|"outgoing",
      "peeruri":…,"id":<SIP Call-ID>,"param":…}``; newer versions add ``peerdisplayname`` (1.0.0 too, when
      the peer sent a display name), ``localaudiodir``/``remoteaudiodir``/``audiodir`` (sendrecv, sendonly,
      recvonly, inactive) and ``userdata``. The SDP events of a call we dial come before it has an id
      (``CALL_LOCAL_SDP`` "offer" without ``id``): normal, ignored.
    * 1.0.0 event types: CALL_INCOMING (manual answer only: an auto-answering account sends none, the first
      event is CALL_REMOTE_SDP "offer"), CALL_RINGING (we dialled, 180 came), CALL_PROGRESS, CALL_ESTABLISHED,
      CALL_CLOSED (param: the reason, e.g. "Connection reset by peer", "Call transfered", or the SIP status
      of a refused call), TRANSFER (the far end REFERs us elsewhere; param is the target; baresip then dials
      the target as a new outgoing call and the old one closes), TRANSFER_FAILED, CALL_RTPESTAB, CALL_RTCP
      (every ~5 s), CALL_LOCAL_SDP / CALL_REMOTE_SDP (param "offer"/"answer"), CALL_DTMF_*, CALL_MENC.
      Newer versions add CALL_OUTGOING, CALL_ANSWERED, CALL_HOLD / CALL_RESUME (the *far end* put us on hold
      or took us back: its re-INVITE stopped or restarted our receiving), CALL_REDIRECT, REFER.
    * Hold in 1.0.0: no hold event at all. A re-INVITE shows only as CALL_REMOTE_SDP ("offer" when the far
      end sent it, "answer" when we did), with no direction in the event. So the adapter asks ``listcalls``
      after each SDP event of an answered call, and every ``poll_s`` while calls are up: it marks a call the
      agent put on hold "(on hold)" and the current line with ">". Listing lines carry the peer URI, not the
      call id, so calls are matched by peer URI (two calls from the same URI: their hold is not followed).
      A hold by the *far end* is invisible in 1.0.0 (neither events nor listcalls/callstat show the SDP
      direction); newer versions report it with CALL_HOLD/CALL_RESUME and ``remoteaudiodir``.
    * Transfers: a blind transfer the agent makes (``transfer URI``) ends the call with CALL_CLOSED "Call
      transfered" and no other event; being transferred by the far end gives TRANSFER on the old call. Both
      become 'transferred'. baresip 1.0.0 has no attended-transfer command.
    * Two calls: an auto-answering 1.0.0 answers a second call while the first is up, without holding it
      (the controller then captures only the newer one); ``line N`` switches the current call.
    * ctrl_tcp serves ONE client: another connection silently drops ours (we reconnect with backoff, which
      drops theirs). Commands get ``{"response":true,"ok":…,"data":…,"token":…}`` answers; an unknown command
      is ``ok: false`` with "command not found".

    Robustness: duplicate events are dropped (a call is introduced, answered and ended once); events may come
    out of order (CALL_ESTABLISHED before anything else introduces and answers the call; a late event for a
    closed call resurrects nothing). Garbage, truncated, oversized or unknown frames are dropped and each
    *kind* of problem is logged once, then counted (``problems``). When the connection is lost with calls in
    progress, they are kept for ``calls_lost_after`` seconds; if baresip is back sooner, ``listcalls`` tells
    which of them still exist (baresip restarted: none), and the others end as interrupted; if it is not
    back, they all end as interrupted (the controller keeps what was captured and marks the manifest).
    """

    name = "baresip"
    peer = "baresip"

    def __init__(self, address: str, *, calls_lost_after: float = 30.0, backoff: tuple[float, float] = (0.5, 5.0),
                 max_frame: int = NetstringReader.MAX, poll_s: float = 2.0) -> None:
        super().__init__()
        host, _, port = address.rpartition(":")
        self.host, self.port = host or "127.0.0.1", int(port)
        self.calls_lost_after = calls_lost_after
        self.backoff = backoff
        self.max_frame = max_frame
        self.poll_s = poll_s
        self._sock: socket.socket | None = None
        self._send_lock = threading.Lock()
        self._lock = threading.RLock()               # call state: reader thread vs. lost-calls timer
        self._calls: dict[str, _Call] = {}
        self._tokens = itertools.count(1)
        self._waiting: dict[str, dict | None] = {}   # token -> response, for command()
        self._probes: set[str] = set()               # tokens of our own listcalls
        self._cond = threading.Condition()
        self._legacy = True                          # no *audiodir fields seen: baresip 1.0-style hold
        self._next_poll = 0.0
        self._reconcile_pending = False              # after a reconnect: the next listcalls says which calls live
        self._last_seen = utcnow()                   # when baresip last talked to us (the lost calls' end time)
        self.reconnects = 0
        self.connected = False

    # -- lifecycle -------------------------------------------------------------------------------------
    def _interrupt(self) -> None:
        sock = self._sock
        if sock:
            sock.shutdown(socket.SHUT_RDWR)

    @property
    def calls(self) -> list[str]:
        """The ids of the calls baresip has reported and not yet ended."""
        with self._lock:
            return list(self._calls)

    # -- commands ----------------------------------------------------------------------------------------
    def command(self, cmd: str, params: str | None = None, timeout: float = 5.0) -> dict:
        """Run a ctrl_tcp command (``hold``, ``resume``, ``dial``, ``transfer``, ``line``…) on the connection the
        adapter holds (baresip allows only one); returns baresip's response. Raises OSError/TimeoutError."""
        token = self._send(cmd, params)
        deadline = time.monotonic() + timeout
        with self._cond:
            self._waiting.setdefault(token, None)
            while self._waiting.get(token) is None:
                left = deadline - time.monotonic()
                if left <= 0 or not self.connected:
                    self._waiting.pop(token, None)
                    raise TimeoutError(f"baresip did not answer '{cmd}'")
                self._cond.wait(min(left, 0.2))
            return self._waiting.pop(token) or {}

    def _send(self, cmd: str, params: str | None = None) -> str:
        token = f"taltio-{next(self._tokens)}"
        msg: dict = {"command": cmd, "token": token}
        if params is not None:
            msg["params"] = params
        sock = self._sock
        if sock is None:
            raise ConnectionError("not connected to baresip")
        with self._cond:
            self._waiting[token] = None
        with self._send_lock:
            sock.sendall(netstring(json.dumps(msg).encode()))
        return token

    def _probe(self) -> None:
        """Ask `listcalls` (answered asynchronously, in the reader thread)."""
        self._next_poll = time.monotonic() + self.poll_s
        try:
            token = self._send("listcalls")
        except OSError:
            return
        with self._cond:
            self._waiting.pop(token, None)
        self._probes.add(token)

    # -- the connection ------------------------------------------------------------------------------------
    def _open(self) -> socket.socket:
        sock = socket.create_connection((self.host, self.port), timeout=3)
        self._sock = sock
        return sock

    def _close(self, conn: object) -> None:
        self.connected = False
        self._sock = None
        with self._cond:
            self._cond.notify_all()                  # command() waiters: no answer is coming
        self._probes.clear()
        conn.close()  # type: ignore[attr-defined]

    def _unreachable(self, exc: BaseException, delay: float) -> str:
        return self._away_status(Text(QT_TRANSLATE_NOOP("core", "baresip at {where} unreachable ({error})"),
                                      where=f"{self.host}:{self.port}", error=short_error(exc)), delay)

    def _away(self, reason: str, delay: float) -> str:
        return self._away_status(reason, delay)

    def _serve(self, conn: object) -> str:
        sock: socket.socket = conn  # type: ignore[assignment]
        self.connected = True
        if self._lost_since is not None:
            self.reconnects += 1
        self._set_status(Text(QT_TRANSLATE_NOOP("core", "connected to baresip at {where}"),
                              where=f"{self.host}:{self.port}"))
        try:
            self._session(sock)
        except OSError as exc:
            return Text(QT_TRANSLATE_NOOP("core", "baresip connection lost ({error})"), error=short_error(exc))
        return Text(QT_TRANSLATE_NOOP("core", "baresip closed the control connection"))

    def _away_status(self, reason: str, delay: float) -> str:
        with self._lock:
            n = len(self._calls)
        if n:
            return Text(QT_TRANSLATE_NOOP("core", "{reason}; {count} call(s) in progress are kept for {kept} s; "
                                                  "retrying in {delay} s"),
                        reason=reason, count=n, kept=f"{self.calls_lost_after:g}", delay=f"{delay:g}")
        return Text(QT_TRANSLATE_NOOP("core", "{reason}; retrying in {delay} s"), reason=reason, delay=f"{delay:g}")

    def _session(self, sock: socket.socket) -> None:
        reader = NetstringReader(self.max_frame, on_oversized=lambda n: self._problem(
            "oversized", f"a frame of {n} bytes (over {self.max_frame}; skipped)"))
        with self._lock:
            self._reconcile_pending = bool(self._calls)
        if self._reconcile_pending:
            self._probe()                 # which of our calls survived? (a restarted baresip has none)
        while not self._stop.is_set():
            # Blocks until baresip speaks (stop() shuts the socket down, which ends the wait at once); a
            # timeout only while an answered call's hold must be polled (see _poll_wait).
            sock.settimeout(self._poll_wait())
            try:
                data = sock.recv(65536)
            except TimeoutError:
                data = None
            if data == b"":
                return
            if data:
                self._last_seen = utcnow()
                try:
                    frames = reader.feed(data)
                except NetstringError as exc:
                    self._problem(exc.kind, f"{exc} (the stream cannot be followed; reconnecting)")
                    return
                for frame in frames:
                    self.handle_frame(frame)
            if self._legacy and time.monotonic() >= self._next_poll:
                with self._lock:
                    up = any(c.established for c in self._calls.values())
                if up:
                    self._probe()

    def _poll_wait(self) -> float | None:
        """How long the reader may wait for baresip: until the next ``listcalls`` while an answered call's hold
        is followed by polling (1.0-style baresip), else for ever: an idle agent costs no wake-ups."""
        if not self._legacy:
            return None
        with self._lock:
            up = any(c.established for c in self._calls.values())
        return max(0.01, self._next_poll - time.monotonic()) if up else None

    def _maybe_calls_lost(self, since: float) -> None:
        if time.monotonic() - since < self.calls_lost_after:
            return
        with self._lock:
            lost = list(self._calls.values())
        if lost:
            log.warning("baresip has been unreachable for %g s: its %d call(s) are taken as ended (interrupted)",
                        self.calls_lost_after, len(lost))
            for call in lost:
                self._end(call, "ended", interrupted=True)

    # -- frames ----------------------------------------------------------------------------------------------
    def feed(self, reader: NetstringReader, data: bytes) -> bool:
        """Bytes as they came off the socket (tests); False when the stream cannot be followed any more."""
        try:
            frames = reader.feed(data)
        except NetstringError as exc:
            self._problem(exc.kind, f"{exc} (the stream cannot be followed; reconnecting)")
            return False
        for frame in frames:
            self.handle_frame(frame)
        return True

    def handle_frame(self, frame: bytes) -> None:
        """One netstring payload. Never raises for anything baresip (or anyone on its port) may send."""
        try:
            self._handle_frame(frame)
        except Exception:  # noqa: BLE001 - a bug here must not end the adapter thread
            self._problem("internal", "a frame that Taltio failed to handle (a bug)", exc_info=True)

    def _handle_frame(self, frame: bytes) -> None:
        if len(frame) > self.max_frame:
            self._problem("oversized", f"a frame over {self.max_frame} bytes")
            return
        try:
            msg = json.loads(frame)
        except (ValueError, UnicodeDecodeError):
            self._problem("not-json", "a frame that is not JSON")
            return
        if not isinstance(msg, dict):
            self._problem("not-object", "a frame that is not a JSON object")
            return
        if msg.get("response") is True:
            self._on_response(msg)
            return
        if msg.get("event") is not True:
            self._problem("not-event", "a JSON object that is neither an event nor a response")
            return
        etype = msg.get("type")
        if not isinstance(etype, str):
            self._problem("no-type", "an event without a type")
            return
        if not etype.startswith("CALL_") and etype not in ("TRANSFER", "TRANSFER_FAILED", "REFER"):
            return                      # registration, module, VU, application events: not about calls
        if etype in ("CALL_RTCP", "CALL_RTPESTAB", "CALL_DTMF_START", "CALL_DTMF_END", "CALL_MENC"):
            return
        raw_id = msg.get("id")
        if raw_id is None and etype in ("CALL_LOCAL_SDP", "CALL_REMOTE_SDP"):
            return                      # the offer of a call we dial, before it has a Call-ID
        if not isinstance(raw_id, str) or not raw_id or len(raw_id) > 512:
            self._problem("no-call-id", f"a {etype[:40]} event without a usable call id")
            return
        for key in ("direction", "peeruri", "param", "peerdisplayname", "localaudiodir", "remoteaudiodir"):
            if key in msg and not isinstance(msg[key], str):
                self._problem("bad-field", f"an event whose '{key}' is not text")
                msg.pop(key)
        with self._lock:
            self._on_event(etype, raw_id, msg)

    def _on_event(self, etype: str, raw_id: str, msg: dict) -> None:
        if raw_id in self._ended:
            return                      # a duplicate or late event of a call that is over
        call = self._calls.get(raw_id)
        direction = msg.get("direction") if msg.get("direction") in ("incoming", "outgoing") else None
        if etype == "CALL_CLOSED":
            if call is None:
                # Refused, busy or cancelled before we ever saw it (e.g. a dialled call answered 486): no session,
                # nothing recorded; remember it so a late event does not start one.
                self._remember_ended(raw_id)
                return
            param = msg.get("param") or ""
            self._end(call, "transferred" if call.transfer or "transfer" in param.lower() else "ended")
            return
        if etype == "TRANSFER_FAILED":
            if call is not None:
                call.transfer = False
            return
        if call is None:
            if etype == "CALL_RINGING" and direction is None:
                direction = "outgoing"
            call = _Call(raw_id, direction, msg.get("peeruri"))
            self._calls[raw_id] = call
            self._emit("outgoing" if direction == "outgoing" else "incoming", call, msg)
        if etype == "CALL_RINGING" and call.direction == "outgoing" and not call.established and not call.ringing:
            call.ringing = True
            self._emit("ringing", call, msg)
        elif etype == "CALL_ESTABLISHED" and not call.established:
            call.established = True
            self._emit("answered", call, msg)
        elif etype in ("TRANSFER", "REFER"):
            call.transfer = True
        elif etype == "CALL_HOLD":
            call.remote_hold = True
        elif etype == "CALL_RESUME":
            call.remote_hold = False
        if "localaudiodir" in msg:
            self._legacy = False
            if call.established:
                call.local_hold = msg["localaudiodir"] in _HELD_DIRS
        if call.established:
            self._sync_hold(call, msg)
            if self._legacy and etype in ("CALL_REMOTE_SDP", "CALL_LOCAL_SDP"):
                self._probe()           # 1.0: a re-INVITE; is the call on hold now?

    def _sync_hold(self, call: _Call, msg: dict | None = None) -> None:
        held = call.local_hold or call.remote_hold
        if held != call.held and call.established:
            call.held = held
            self._emit("hold" if held else "unhold", call, msg)

    def _on_response(self, msg: dict) -> None:
        token = msg.get("token")
        if not isinstance(token, str):
            return
        if token in self._probes:
            self._probes.discard(token)
            data = msg.get("data")
            if msg.get("ok") and isinstance(data, str):
                with self._lock:
                    self._on_listcalls(data)
            return
        with self._cond:
            if token in self._waiting:
                self._waiting[token] = msg
                self._cond.notify_all()

    def _on_listcalls(self, text: str) -> None:
        rows, count = [], None
        for line in text.splitlines():
            line = line.rstrip()
            if not line.strip():
                continue
            m = _LISTCALLS_HEAD.match(line.strip())
            if m:
                count = int(m["n"])
                continue
            m = _LISTCALLS_LINE.match(line)
            if m:
                rows.append(m)
        if count is None or count != len(rows):
            self._problem("listcalls-format", "a call list in a format Taltio does not know (hold not followed)")
            return
        peers = {}
        for m in rows:
            peers.setdefault(m["peer"], []).append(m)
        if self._reconcile_pending:
            self._reconcile_pending = False
            gone = [c for c in self._calls.values() if c.peeruri not in peers]
            for call in gone:
                log.warning("call %s is no longer in baresip's call list (baresip restarted?): ended, interrupted",
                            call.id[:8])
                self._end(call, "ended", interrupted=True)
        by_peer: dict[str, list[_Call]] = {}
        for c in self._calls.values():
            by_peer.setdefault(c.peeruri or "", []).append(c)
        took = None
        for peer, ms in peers.items():
            cs = by_peer.get(peer, [])
            if len(ms) != 1 or len(cs) != 1:
                continue                 # ambiguous (or not ours yet): leave it alone
            call, m = cs[0], ms[0]
            if not call.established:
                continue
            if self._legacy:
                call.local_hold = bool(m["hold"])
            current = m["cur"] == ">"
            if current and not call.current and not call.held and not call.local_hold:
                took = call
            call.current = current
            self._sync_hold(call)
        if took is not None and any(c.held for c in self._calls.values() if c is not took):
            # The agent switched lines (call waiting: hold one, take the other): the current call is the live one.
            self._emit("unhold", took, None)

    def _end(self, call: _Call, kind: str, interrupted: bool = False) -> None:
        with self._lock:
            if self._calls.pop(call.id, None) is None:
                return
            self._remember_ended(call.id)
        if interrupted:
            # Ends when baresip was last heard from; the controller keeps the recording, marked interrupted.
            self._deliver(CallEvent(EventKind.ENDED, call_id=safe_call_id(call.id), source="baresip",
                                    direction=call.direction, label=SOFTPHONE_LOST, at=self._last_seen))
        else:
            self._emit(kind, call, None)

    def _emit(self, kind: str, call: _Call, msg: dict | None) -> None:
        number = name = None
        if kind in ("incoming", "outgoing") and msg is not None:
            number, name = msg.get("peeruri"), msg.get("peerdisplayname") or None
        try:
            ev = CallEvent.parse(kind, call_id=call.id, number=number, source="baresip", direction=call.direction,
                                 display_name=name)
        except EventError:
            self._problem("bad-number", "a peer URI whose user part is not a phone number (the call is kept "
                                        "without a number)")
            ev = CallEvent.parse(kind, call_id=call.id, source="baresip", direction=call.direction,
                                 display_name=name)
        self._deliver(ev)

    def _deliver(self, ev: CallEvent) -> None:
        kind = ev.kind.value
        if self._sink is not None:
            try:
                self._sink(ev)
            except Exception:  # noqa: BLE001 - the controller's problem must not end the adapter thread
                log.exception("the controller failed on a baresip %s event", kind)
