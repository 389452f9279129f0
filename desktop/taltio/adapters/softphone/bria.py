"""Bria (CounterPath / Alianza) through the Bria Desktop API: a local WebSocket, HTTP-like messages, XML bodies.

Bria pushes ``POST /statusChange`` with ``<event type="call"/>`` whenever any call changes; the event says
nothing about which call or how, so each one is answered with ``GET /status`` (``<type>call</type>``) and the
returned call list is diffed against the last one to produce CallEvents. What the API document says, and what
could not be confirmed, is in docs/softphones.md. Bria itself cannot run here: tests/fixtures/bria_sim.py is a
simulator written from that document.

Whatever Bria (or anything else on that port) sends, the adapter thread does not die: a message it cannot use
is dropped and the *kind* of problem is logged once (a flood of garbage logs one line), messages over
``max_size`` are refused by the WebSocket layer (the connection is then reopened), and a Bria that is not
running or restarts is retried with backoff.
"""
from __future__ import annotations

import dataclasses
import itertools
import logging
import socket
import ssl
import threading
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urlsplit

from taltio.domain.events import SOFTPHONE_LOST, CallEvent, EventError, EventKind
from taltio.adapters.softphone.base import ReaderAdapter, short_error
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger("taltio.softphone.bria")

# The document's URL. cpclientapi.softphone.com is public DNS for 127.0.0.1, and Bria carries a certificate for it.
DEFAULT_URL = "wss://cpclientapi.softphone.com:9002/counterpath/socketapi/v1"
BRIA_HOST = "cpclientapi.softphone.com"
MAX_MESSAGE = 256 * 1024     # a call list of 6 lines is a few KB; anything near this is not Bria talking
MAX_CALLS = 32               # Bria's "maxLines" is typically 6

# participant <state> -> how far the call is; a call is as far as its furthest participant.
_RANK = {"ringing": 1, "connecting": 1, "connected": 2, "failed": 3, "ended": 3}
_HELD = {"localhold", "onhold"}      # remoteHold: the customer holds us; the agent's side is still live


class BriaProtocolError(ValueError):
    """A message that cannot be used. ``kind`` names the class of problem (logged once per kind)."""

    def __init__(self, kind: str, text: str) -> None:
        super().__init__(text)
        self.kind = kind


@dataclass(frozen=True)
class BriaMessage:
    kind: str                 # "event", "response" or "request"
    start: str                # the first line
    headers: dict[str, str]
    body: str
    status: int = 0           # responses: the HTTP-like status code


@dataclass(frozen=True)
class BriaCall:
    id: str
    state: str                # ringing, connecting, connected, failed, ended (the furthest participant's)
    held: bool
    number: str | None


def parse_message(data: str | bytes) -> BriaMessage:
    """Split one WebSocket message into start line, headers and XML body (the format "resembles HTTP")."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        try:
            data = bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            raise BriaProtocolError("not-utf8", "a message that is not UTF-8 text") from None
    if not isinstance(data, str):
        raise BriaProtocolError("not-text", "a message that is not text")
    if "\x00" in data:
        raise BriaProtocolError("nul", "a message containing NUL characters")
    lines = data.replace("\r\n", "\n").split("\n")
    start = lines[0].strip()
    if start.startswith("POST"):
        kind = "event"
    elif start.startswith("HTTP/"):
        kind = "response"
    elif start.startswith("GET"):
        kind = "request"
    else:
        raise BriaProtocolError("no-start-line", "a message that does not start like a Bria API message")
    headers: dict[str, str] = {}
    i = 1
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            break
        if line.lstrip().startswith("<"):    # Bria's own examples sometimes omit the blank line
            break
        name, sep, value = line.partition(":")
        if not sep:
            raise BriaProtocolError("bad-header", "a header line without ':'")
        headers[name.strip().lower()] = value.strip()
        i += 1
    body = "\n".join(lines[i:]).strip()
    status = 0
    if kind == "response":
        parts = start.split(None, 2)
        if len(parts) < 2 or not parts[1].isdigit() or len(parts[1]) != 3:
            raise BriaProtocolError("bad-status-line", "a response without a status code")
        status = int(parts[1])
    return BriaMessage(kind, start, headers, body, status)


def parse_xml(body: str, what: str) -> ET.Element:
    a = "an" if what[0] in "aeiou" else "a"
    if not body:
        raise BriaProtocolError(f"empty-{what}", f"{a} {what} without an XML body")
    # Bria never sends a DTD; refusing one rules out entity expansion and external entities.
    if "<!DOCTYPE" in body or "<!ENTITY" in body:
        raise BriaProtocolError("dtd", f"{a} {what} with a DTD or entity declaration")
    try:
        return ET.fromstring(body.encode("utf-8"))
    except ET.ParseError:
        raise BriaProtocolError(f"bad-xml-{what}", f"{a} {what} that is not well-formed XML (truncated?)") from None


def event_type(body: str) -> str:
    root = parse_xml(body, "event")
    if root.tag != "event":
        raise BriaProtocolError("event-not-event", "a statusChange whose body is not <event>")
    return (root.get("type") or "").strip()


def parse_calls(body: str) -> tuple[str, list[BriaCall]]:
    """A GET /status response body -> (status type, calls). Unknown elements are ignored (newer Bria versions)."""
    root = parse_xml(body, "status")
    if root.tag != "status":
        raise BriaProtocolError("status-not-status", "a response whose body is not <status>")
    stype = (root.get("type") or "").strip()
    if stype != "call":
        return stype, []
    calls: list[BriaCall] = []
    seen: set[str] = set()
    for el in root.findall("call"):
        cid = (el.findtext("id") or "").strip()
        if not cid and len(el) == 0:
            continue                      # "If there are currently no existing calls, the <call> will be empty."
        if not cid:
            raise BriaProtocolError("call-without-id", "a call without an <id>")
        if len(cid) > 200:
            raise BriaProtocolError("call-id-too-long", "a call id longer than 200 characters")
        if cid in seen:
            raise BriaProtocolError("duplicate-call-id", "two calls with the same <id>")
        seen.add(cid)
        # Documented (Bria 5 API guide): <participants><participant><number/><state/>…; the older flat form
        # (<remoteParty>/<number>, <state> directly in <call>) is accepted too.
        parts = el.findall("participants/participant") or [el]
        states = [(p.findtext("state") or "").strip().lower() for p in parts]
        known = [s for s in states if s in _RANK]
        if not known:
            raise BriaProtocolError("unknown-call-state", "a call in none of the documented states "
                                    "(ringing, connecting, connected, failed, ended)")
        live = {s for s in known if _RANK[s] < 3}
        state = ("connected" if "connected" in live else "ringing" if "ringing" in live
                 else "connecting" if live else "ended")
        p0 = parts[0]
        number = (p0.findtext("number") or p0.findtext("remoteParty") or "").strip() or None
        held = (el.findtext("holdStatus") or "").strip().lower() in _HELD
        calls.append(BriaCall(cid, state, held, number))
        if len(calls) > MAX_CALLS:
            raise BriaProtocolError("too-many-calls", f"more than {MAX_CALLS} calls in one status")
    return stype, calls


class BriaAdapter(ReaderAdapter):
    name = "bria"
    peer = "Bria"
    problem_log = log
    ENDED_KEPT = 256

    def __init__(self, url: str = DEFAULT_URL, *, verify_tls: bool = True, ssl_context: ssl.SSLContext | None = None,
                 max_size: int = MAX_MESSAGE, backoff: tuple[float, float] = (0.5, 5.0),
                 response_timeout: float = 5.0, calls_lost_after: float = 15.0) -> None:
        super().__init__()
        parts = urlsplit(url)
        if parts.scheme not in ("ws", "wss") or not parts.hostname:
            raise ValueError(f"not a ws:// or wss:// URL: {url!r}")
        self.url = url
        self.verify_tls = verify_tls
        self._ssl_context = ssl_context
        self.max_size = max_size
        self.backoff = backoff
        self.response_timeout = response_timeout
        # Bria gone this long with calls still known (crashed, quit): those calls are over, a recording must not
        # run on; a Bria back sooner reports its calls again and nothing is lost or repeated.
        self.calls_lost_after = calls_lost_after
        self._ws = None
        self._calls: dict[str, BriaCall] = {}
        self._tid = itertools.count(1)
        self._pending: str | None = None           # Transaction-ID of the GET /status in flight
        self._pending_since = 0.0
        self._dirty = False                        # a statusChange arrived while a request was in flight
        self._lock = threading.Lock()

    @classmethod
    def from_address(cls, address: str) -> "BriaAdapter":
        """The `softphone.address` setting: a ws:// or wss:// URL is used as is; anything else (the baresip-style
        HOST:PORT default) means Bria's own URL."""
        return cls(address if address.startswith(("ws://", "wss://")) else DEFAULT_URL)

    # -- lifecycle ------------------------------------------------------------------------------------
    def _interrupt(self) -> None:
        ws = self._ws
        if ws is not None:
            ws.close()

    def _tls(self):  # noqa: ANN202 - ssl.SSLContext | None
        if urlsplit(self.url).scheme != "wss":
            return None
        if self._ssl_context is not None:
            return self._ssl_context
        if not self.verify_tls:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            return ctx
        try:
            # The OS trust store (Windows and macOS fetch a missing intermediate, which Bria is said to omit).
            import truststore

            return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        except ImportError:
            return ssl.create_default_context()

    def _connect(self):  # noqa: ANN202 - websockets.sync.client.ClientConnection
        from websockets.sync.client import connect

        parts = urlsplit(self.url)
        port = parts.port or (443 if parts.scheme == "wss" else 80)
        host = parts.hostname
        # Bria's name is public DNS for 127.0.0.1: go to the loopback directly (no DNS needed, none to spoof)
        # and still check the certificate against the name.
        sock = socket.create_connection(("127.0.0.1" if host == BRIA_HOST else host, port), timeout=3)
        try:
            return connect(self.url, sock=sock, ssl=self._tls(), server_hostname=host if parts.scheme == "wss"
                           else None, max_size=self.max_size, open_timeout=3, close_timeout=1,
                           user_agent_header="Taltio", compression=None)
        except BaseException:
            sock.close()
            raise

    @property
    def expected_errors(self) -> tuple[type[BaseException], ...]:  # type: ignore[override]
        from websockets.exceptions import InvalidHandshake, InvalidURI

        return (OSError, InvalidHandshake, InvalidURI, TimeoutError, ssl.SSLError)

    def _open(self):  # noqa: ANN202 - websockets.sync.client.ClientConnection
        ws = self._connect()
        self._ws = ws
        return ws

    def _close(self, conn) -> None:  # noqa: ANN001
        self._ws = None
        self._pending, self._dirty = None, False
        try:
            conn.close()
        except Exception:  # noqa: BLE001 - closing a broken WebSocket may fail; it is dropped all the same
            pass

    def _unreachable(self, exc: BaseException, delay: float) -> str:
        return Text(QT_TRANSLATE_NOOP("core", "Bria not reachable at {where} ({error}); retrying"), where=self.url,
                    error=_short(exc))

    def _serve(self, conn) -> str:  # noqa: ANN001
        from websockets.exceptions import ConnectionClosed

        self._set_status(Text(QT_TRANSLATE_NOOP("core", "connected to Bria at {where}"), where=self.url))
        try:
            with conn:
                self._session(conn)
        except ConnectionClosed as exc:
            if _close_code(exc) == 1009:
                self._problem("oversized", f"a message larger than {self.max_size} bytes (refused; reconnecting)")
            return Text(QT_TRANSLATE_NOOP("core", "Bria closed the API connection; reconnecting"))
        except OSError as exc:
            return Text(QT_TRANSLATE_NOOP("core", "Bria connection lost ({error}); reconnecting"), error=_short(exc))
        return Text(QT_TRANSLATE_NOOP("core", "stopped"))

    def _session(self, ws) -> None:  # noqa: ANN001
        self._request_calls(ws)              # sync the call list (calls may have changed while we were away)
        while not self._stop.is_set():
            # Blocks until Bria speaks (stop() closes the connection, which ends the wait); a timeout only
            # while an answer to GET /status is awaited: an idle agent costs no wake-ups.
            wait = None if not self._pending else max(0.01, self._pending_since + self.response_timeout
                                                      - time.monotonic() + 0.01)
            try:
                data = ws.recv(timeout=wait)
            except TimeoutError:
                data = None
            if data is not None:
                self.handle(data, ws.send)
            if self._pending and time.monotonic() - self._pending_since > self.response_timeout:
                self._problem("no-response", "no answer to GET /status within "
                                             f"{self.response_timeout:g} s (asking again)")
                self._pending = None
                self._request_calls(ws)

    def _request_calls(self, ws_or_send) -> None:  # noqa: ANN001
        send = getattr(ws_or_send, "send", ws_or_send)
        tid = f"taltio-{next(self._tid)}"
        body = '<?xml version="1.0" encoding="utf-8" ?>\r\n<status>\r\n<type>call</type>\r\n</status>'
        send("GET /status\r\nUser-Agent: Taltio\r\nTransaction-ID: " + tid +
             "\r\nContent-Type: application/xml\r\nContent-Length: " + str(len(body.encode())) + "\r\n\r\n" + body)
        self._pending, self._pending_since, self._dirty = tid, time.monotonic(), False

    # -- messages ---------------------------------------------------------------------------------------
    def handle(self, data, send) -> None:  # noqa: ANN001 - str | bytes, Callable[[str], None]
        """One message from Bria; *send* sends a reply. Never raises for anything Bria may send."""
        try:
            self._handle(data, send)
        except BriaProtocolError as exc:
            self._problem(exc.kind, str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug here must not end the adapter thread
            from websockets.exceptions import ConnectionClosed

            if isinstance(exc, ConnectionClosed):
                raise
            if isinstance(exc, OSError):
                self._problem("send-failed", f"a message we could not answer ({_short(exc)})")
                return
            self._problem(f"internal-{type(exc).__name__}",
                          f"a message that Taltio failed to handle (a bug: {type(exc).__name__})", exc_info=True)

    def _handle(self, data, send) -> None:  # noqa: ANN001
        if isinstance(data, (str, bytes)) and len(data) > self.max_size:
            raise BriaProtocolError("oversized", f"a message larger than {self.max_size} bytes")
        msg = parse_message(data)
        if msg.kind == "event":
            if not msg.start.split()[1:2] == ["/statusChange"]:
                raise BriaProtocolError("unknown-event", "an event other than POST /statusChange")
            etype = event_type(msg.body)
            if etype.lower() != "call":
                return                       # phone, callHistory, presence, …: "ignore any event you are not interested in"
            if self._pending:
                self._dirty = True           # ask again once the answer in flight is in
            else:
                self._request_calls(send)
        elif msg.kind == "response":
            tid = msg.headers.get("transaction-id")
            ours = tid is not None and tid.startswith("taltio-")
            if tid is not None and not ours:
                return                       # an answer to another API client (Bria may send it to all)
            if self._pending is None or (ours and tid != self._pending):
                # A late answer to an earlier question, or one nobody asked: we only act on the answer to our
                # latest question, so an old call list can never undo a newer one.
                raise BriaProtocolError("unexpected-response", "an answer to a request that is no longer pending "
                                                               "(out of order)")
            self._pending = None                 # answered, usable or not; ask again only on a newer change
            try:
                if msg.status != 200:
                    raise BriaProtocolError(f"http-{msg.status}", f"'{msg.start[:60]}' to GET /status")
                stype, calls = parse_calls(msg.body)
                if stype != "call":
                    raise BriaProtocolError("wrong-status-type", "an answer to GET /status of another type")
                self._apply(calls)
            finally:
                if self._dirty:
                    self._request_calls(send)
        else:
            raise BriaProtocolError("request-from-bria", "a request (Bria only sends events and responses)")

    # -- the diff -----------------------------------------------------------------------------------------
    def _apply(self, calls: list[BriaCall]) -> None:
        """Diff Bria's call list against the last one. Per list: ended, hold, new calls, answered, unhold; so a
        swap reads "hold A, unhold B" and a second call answered after its predecessor went on hold."""
        phases: list[list[tuple[str, BriaCall, str | None]]] = [[], [], [], [], []]
        now = {c.id: c for c in calls}
        for cid, old in list(self._calls.items()):
            if cid not in now:
                phases[0].append(("ended", old, None))
        for c in calls:
            old = self._calls.get(c.id)
            if c.id in self._ended:
                continue                         # already over; a stale row must not restart it
            if c.state in ("failed", "ended"):
                if old is not None:
                    phases[0].append(("ended", old, None))
                else:
                    self._remember_ended(c.id)  # a call that failed before we saw it: nothing to record
                continue
            if old is None:
                direction = "outgoing" if c.state == "connecting" else "incoming"
                phases[2].append((direction, c, direction))
                if c.state == "connected":
                    phases[3].append(("answered", c, direction))
                    if c.held:
                        phases[3].append(("hold", c, direction))
                self._calls[c.id] = BriaCall(c.id, c.state, c.held, c.number)
                continue
            if c.state != "connected" and old.state == "connected":
                self._problem("state-regression", "a call that went from connected back to ringing (out of order); "
                                                  "kept as connected")
                c = BriaCall(c.id, "connected", c.held, c.number)
            if c.state == "connected" and old.state != "connected":
                phases[3].append(("answered", c, None))
            if c.held and not old.held:
                phases[1].append(("hold", c, None))
            elif old.held and not c.held:
                phases[4].append(("unhold", c, None))
            self._calls[c.id] = BriaCall(c.id, c.state, c.held, old.number or c.number)
        for phase in phases:
            for kind, call, direction in phase:
                if kind == "ended":
                    self._calls.pop(call.id, None)
                    self._remember_ended(call.id)
                self._emit(kind, call, direction)

    def _maybe_calls_lost(self, since: float) -> None:
        if self._calls and time.monotonic() - since >= self.calls_lost_after:
            log.warning("Bria has been unreachable for %g s: its %d call(s) are taken as ended",
                        self.calls_lost_after, len(self._calls))
            self._losing = True         # these calls end as interrupted (SOFTPHONE_LOST), recordings kept
            try:
                self._apply([])
            finally:
                self._losing = False

    _losing = False

    def _emit(self, kind: str, call: BriaCall, direction: str | None) -> None:
        number = call.number if kind in ("incoming", "outgoing") else None
        try:
            ev = CallEvent.parse(kind, call_id=call.id, number=number, source="bria", direction=direction)
        except EventError:
            self._problem("bad-number", "a call whose number is not a phone number (recorded without it)")
            ev = CallEvent.parse(kind, call_id=call.id, source="bria", direction=direction)
        if kind == "ended" and self._losing:
            ev = dataclasses.replace(ev, label=SOFTPHONE_LOST)
        if self._sink is not None:
            try:
                self._sink(ev)
            except Exception:  # noqa: BLE001 - the controller's problem must not end the adapter thread
                log.exception("the controller failed on a Bria %s event", kind)


_short = short_error


def _close_code(exc) -> int | None:  # noqa: ANN001 - websockets.exceptions.ConnectionClosed
    for frame in (getattr(exc, "sent", None), getattr(exc, "rcvd", None)):
        if frame is not None and getattr(frame, "code", None) == 1009:
            return 1009
    return None


__all__ = ["BriaAdapter", "BriaCall", "BriaMessage", "BriaProtocolError", "DEFAULT_URL", "EventKind",
           "parse_calls", "parse_message"]
