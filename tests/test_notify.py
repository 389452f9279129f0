"""Desktop notifications over a real, private session D-Bus.

Each test starts its own ``dbus-daemon`` (no service directories, so nothing is
auto-started), a small org.freedesktop.Notifications service on it (jeepney,
in a thread; it checks the call signature the way GDBus-based servers such as
GNOME Shell do), and ``dbus-monitor`` as an independent witness of what went
over the wire.

The "native" backend (desktop-notifier, the Windows/macOS path) is forced here:
on Linux desktop-notifier talks D-Bus (dbus-fast) to the same server, so all of
our code above the platform backend runs for real; WinRT and Cocoa cannot.
"""
from __future__ import annotations

import asyncio
import itertools
import logging
import re
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from taltio.ui.notify import BUS_NAME, NOTIFY_SIGNATURE, Notifier
from taltio.ui.notify import default_backend
from taltio.ui.notify_native import set_process_app_id
from tests.fixtures.audio import kill_process_groups, merged_env, spawn_logged
from tests.helpers.waiting import wait_for

pytestmark = pytest.mark.skipif(shutil.which("dbus-daemon") is None or shutil.which("dbus-monitor") is None,
                                reason="needs dbus-daemon and dbus-monitor")

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={path}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@dataclass
class Bus:
    address: str
    root: Path
    procs: list = field(default_factory=list)

    def monitor(self) -> Path:
        """Start dbus-monitor on the Notifications interface; returns its output file once it listens."""
        out = self.root / f"monitor-{len(self.procs)}.txt"
        proc = spawn_logged(["dbus-monitor", "--address", self.address,
                             f"type='method_call',interface='{BUS_NAME}'"], merged_env({}), out)
        self.procs.append(proc)
        wait_for(lambda: "NameLost" in out.read_text(errors="replace"), 10, message="dbus-monitor to start")
        return out


@pytest.fixture
def bus(tmp_path_factory, monkeypatch):
    root = tmp_path_factory.mktemp("nbus", numbered=True)
    sock = root / "bus"
    (root / "bus.conf").write_text(BUS_CONFIG.format(path=sock))
    address = f"unix:path={sock}"
    daemon = spawn_logged(["dbus-daemon", f"--config-file={root / 'bus.conf'}", f"--address={address}",
                           "--nofork", "--nopidfile", "--nosyslog", "--print-address"], merged_env({}), root / "dbus.log")
    b = Bus(address, root, [daemon])
    try:
        wait_for(lambda: sock.exists() and "unix:path=" in (root / "dbus.log").read_text(), 10,
                 message="dbus-daemon")
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield b
    finally:
        kill_process_groups(list(reversed(b.procs)), grace=1.0)


INTROSPECTION = f"""<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">
<node>
  <interface name="org.freedesktop.DBus.Introspectable">
    <method name="Introspect"><arg direction="out" type="s"/></method>
  </interface>
  <interface name="{BUS_NAME}">
    <method name="GetCapabilities"><arg direction="out" type="as"/></method>
    <method name="Notify">
      <arg direction="in" type="s"/><arg direction="in" type="u"/><arg direction="in" type="s"/>
      <arg direction="in" type="s"/><arg direction="in" type="s"/><arg direction="in" type="as"/>
      <arg direction="in" type="a{{sv}}"/><arg direction="in" type="i"/><arg direction="out" type="u"/>
    </method>
    <method name="CloseNotification"><arg direction="in" type="u"/></method>
    <method name="GetServerInformation">
      <arg direction="out" type="s"/><arg direction="out" type="s"/><arg direction="out" type="s"/>
      <arg direction="out" type="s"/>
    </method>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
  </interface>
</node>
"""


class NotificationServer:
    """A minimal org.freedesktop.Notifications service: a real D-Bus peer, strict about the signature.

    It also introspects (desktop-notifier builds its proxy from that) and closes
    notifications; ``delays`` holds seconds to sleep before answering the next
    Notify calls, one per call (a busy notification daemon).
    """

    def __init__(self, address: str, capabilities: tuple[str, ...] = ("body",),
                 delays: tuple[float, ...] = ()) -> None:
        self.address = address
        self.capabilities = list(capabilities)
        self.delays = list(delays)
        self.calls: list[dict] = []
        self.events: list[tuple] = []       # ("Notify", id) / ("CloseNotification", id), in arrival order
        self.answered = 0                   # Notify replies sent
        self._ids = itertools.count(1)
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="fake-notification-server", daemon=True)

    def start(self) -> NotificationServer:
        self._thread.start()
        if not self._ready.wait(10) or self._error:
            raise RuntimeError(f"notification server did not start: {self._error!r}")
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def _run(self) -> None:
        from jeepney import MessageType, new_error, new_method_return
        from jeepney.bus_messages import DBusNameFlags, message_bus
        from jeepney.io.blocking import open_dbus_connection
        from jeepney.low_level import HeaderFields

        try:
            conn = open_dbus_connection(bus=self.address)
            reply = conn.send_and_get_reply(message_bus.RequestName(BUS_NAME, DBusNameFlags.do_not_queue),
                                            timeout=5)
            assert reply.body[0] == 1, reply.body        # primary owner
        except BaseException as e:  # noqa: BLE001
            self._error = e
            self._ready.set()
            return
        self._ready.set()
        with conn:
            while not self._stop.is_set():
                try:
                    msg = conn.receive(timeout=0.05)
                except TimeoutError:
                    continue
                if msg.header.message_type is not MessageType.method_call:
                    continue
                member = msg.header.fields.get(HeaderFields.member)
                sig = msg.header.fields.get(HeaderFields.signature, "")
                if member == "GetCapabilities":
                    conn.send(new_method_return(msg, "as", (self.capabilities,)))
                elif member == "Introspect":
                    conn.send(new_method_return(msg, "s", (INTROSPECTION,)))
                elif member == "GetServerInformation":
                    conn.send(new_method_return(msg, "ssss", ("fake-notifyd", "taltio-tests", "1", "1.2")))
                elif member == "CloseNotification":
                    self.events.append(("CloseNotification", msg.body[0]))
                    conn.send(new_method_return(msg))
                elif member == "Notify":
                    call = {"signature": sig, "body": msg.body}
                    self.calls.append(call)
                    if sig != NOTIFY_SIGNATURE:
                        conn.send(new_error(msg, "org.freedesktop.DBus.Error.InvalidArgs", "s",
                                            (f"Type of message, '({sig})', does not match '({NOTIFY_SIGNATURE})'",)))
                        continue
                    replaces = msg.body[1]
                    nid = replaces if replaces else next(self._ids)
                    call["id"] = nid
                    self.events.append(("Notify", nid))
                    if self.delays:
                        time.sleep(self.delays.pop(0))
                    conn.send(new_method_return(msg, "u", (nid,)))
                    self.answered += 1
                else:
                    conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", (member or "",)))


@pytest.fixture
def server(bus):
    s = NotificationServer(bus.address).start()
    yield s
    s.stop()


class RecordingTray(QSystemTrayIcon):
    """A real QSystemTrayIcon that records showMessage (the offscreen platform has no tray to show it)."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple] = []

    def showMessage(self, title, msg, icon=QSystemTrayIcon.MessageIcon.Information, msecs=10000):  # noqa: N802
        self.messages.append((title, msg, icon, msecs))


@pytest.fixture
def notifier(qtbot):
    n = Notifier(use_dbus=True)
    yield n
    n.close()


def test_notify_over_dbus_then_replace(bus, server, notifier, qtbot):
    monitor = bus.monitor()
    with qtbot.waitSignal(notifier.sent, timeout=5000) as first:
        notifier.notify("Recording started", "Call …567 is being recorded")
    (nid,) = first.args
    assert nid == 1 and notifier.last_id == 1
    with qtbot.waitSignal(notifier.sent, timeout=5000) as second:
        notifier.notify("Headset lost", "Recording continues from the built-in microphone", urgent=True)
    assert second.args == [nid]                       # the server replaced the first notification

    assert [c["signature"] for c in server.calls] == [NOTIFY_SIGNATURE] * 2
    app, replaces, icon, summary, body, actions, hints, timeout = server.calls[0]["body"]
    assert (app, replaces, summary, body, actions, timeout) == (
        "Taltio", 0, "Recording started", "Call …567 is being recorded", [], -1)
    assert hints == {"urgency": ("y", 1)}
    app, replaces, icon, summary, body, actions, hints, timeout = server.calls[1]["body"]
    assert (replaces, summary, hints) == (nid, "Headset lost", {"urgency": ("y", 2)})

    # An independent D-Bus implementation (libdbus's dbus-monitor) saw the same, with the spec's types.
    wait_for(lambda: monitor.read_text().count("member=Notify") >= 2, 5, message="dbus-monitor output")
    calls = [c for c in monitor.read_text().split("method call ") if "member=Notify" in c]
    assert 'string "Recording started"' in calls[0] and "uint32 0" in calls[0]
    assert re.search(r"variant\s+byte 1", calls[0]), calls[0]
    assert 'string "Headset lost"' in calls[1] and f"uint32 {nid}" in calls[1]
    assert re.search(r"variant\s+byte 2", calls[1]), calls[1]
    assert "int32 -1" in calls[1]


def test_body_markup_is_escaped_only_when_the_server_parses_it(bus, notifier, qtbot):
    server = NotificationServer(bus.address, capabilities=("body", "body-markup")).start()
    try:
        with qtbot.waitSignal(notifier.sent, timeout=5000):
            notifier.notify("Upload failed", "Store said <Error> & gave up")
        assert server.calls[-1]["body"][4] == "Store said &lt;Error&gt; &amp; gave up"
    finally:
        server.stop()


def test_no_notification_service_falls_back_to_the_tray(bus, qtbot):
    tray = RecordingTray()
    n = Notifier(tray, use_dbus=True, call_timeout_s=2.0)
    try:
        with qtbot.waitSignal(n.fell_back, timeout=5000) as sig:
            n.notify("Headset lost", "Check the headset", urgent=True)
        assert sig.args == ["tray"]
        assert tray.messages == [("Headset lost", "Check the headset", QSystemTrayIcon.MessageIcon.Warning, 10000)]
        assert "ServiceUnknown" in n.last_error or "NameHasNoOwner" in n.last_error, n.last_error
    finally:
        n.close()


def test_no_session_bus_uses_tray_then_log(monkeypatch, tmp_path, qtbot, caplog):
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))          # no bus socket there
    tray = RecordingTray()
    n = Notifier(tray, use_dbus=True)
    with qtbot.waitSignal(n.fell_back, timeout=1000) as sig:
        n.notify("Recording stopped", "Saved")
    assert sig.args == ["tray"]
    assert tray.messages[0][:3] == ("Recording stopped", "Saved", QSystemTrayIcon.MessageIcon.Information)

    n.set_tray(None)
    with caplog.at_level(logging.INFO, logger="taltio.ui.notify"), qtbot.waitSignal(n.fell_back) as sig:
        n.notify("Recording stopped", "Saved")
    assert sig.args == ["log"]
    assert any("Recording stopped: Saved" in r.getMessage() for r in caplog.records)
    n.close()


def test_broken_bus_address_never_raises(monkeypatch, qtbot):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/taltio-test-bus")
    n = Notifier(use_dbus=True)
    with qtbot.waitSignal(n.fell_back, timeout=5000) as sig:
        n.notify("t", "b")
    assert sig.args == ["log"]
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "tcp:host=localhost,port=1")   # a transport jeepney lacks
    with qtbot.waitSignal(n.fell_back, timeout=5000):
        n.notify("t", "b")
    n.close()
    with qtbot.waitSignal(n.fell_back, timeout=1000):                             # closed: log only
        n.notify("t", "b")


def test_server_restart_reconnects(bus, notifier, qtbot):
    server = NotificationServer(bus.address).start()
    with qtbot.waitSignal(notifier.sent, timeout=5000):
        notifier.notify("one", "1")
    server.stop()
    # The name is gone: the next call falls back, and the one after finds the new server.
    wait_for(lambda: _name_has_owner(bus.address) is False, 5, message="name release")
    with qtbot.waitSignal(notifier.fell_back, timeout=5000):
        notifier.notify("two", "2")
    server2 = NotificationServer(bus.address).start()
    try:
        with qtbot.waitSignal(notifier.sent, timeout=5000):
            notifier.notify("three", "3")
        assert server2.calls[-1]["body"][3] == "three"
    finally:
        server2.stop()


def _name_has_owner(address: str) -> bool:
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    with open_dbus_connection(bus=address) as conn:
        return bool(conn.send_and_get_reply(message_bus.NameHasOwner(BUS_NAME), timeout=5).body[0])


def test_monitor_sees_nothing_extra(bus, server, notifier, qtbot):
    """Only the caller's text goes out: no numbers, no extra hints or actions are added."""
    monitor = bus.monitor()
    with qtbot.waitSignal(notifier.sent, timeout=5000):
        notifier.notify("Private call", "Not recorded")
    wait_for(lambda: "member=Notify" in monitor.read_text(), 5, message="dbus-monitor output")
    strings = re.findall(r'string "([^"]*)"', monitor.read_text().split("member=Notify", 1)[1])
    assert strings == ["Taltio", "", "Private call", "Not recorded", "urgency"]


# ----------------------------------------------------------------------------------------------------------------
# The "native" backend: desktop-notifier, forced on Linux (on Windows/macOS it is the default).


@pytest.fixture
def native(qtbot):
    n = Notifier(backend="native")
    yield n
    n.close()


def _library_warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name.startswith("desktop_notifier")
            and r.levelno >= logging.WARNING]


def test_native_notify_reaches_the_server_and_replaces_the_previous(bus, server, native, qtbot):
    with qtbot.waitSignal(native.sent, timeout=5000) as first:
        native.notify("Recording started", "Call …567 is being recorded")
    with qtbot.waitSignal(native.sent, timeout=5000) as second:
        native.notify("Headset lost", "Recording continues from the built-in microphone", urgent=True)
    with qtbot.waitSignal(native.sent, timeout=5000):
        native.notify("Recording stopped", "Saved")
    (ref1,), (ref2,) = first.args, second.args
    assert isinstance(ref1, str) and ref1 and ref1 != ref2 and native.last_ref not in (ref1, ref2)

    assert [c["signature"] for c in server.calls] == [NOTIFY_SIGNATURE] * 3
    app, replaces, icon, summary, body, actions, hints, timeout = server.calls[0]["body"]
    # Our name, no icon (not desktop-notifier's Python logo), the caller's text untouched, normal urgency.
    assert (app, replaces, icon, summary, body, timeout) == (
        "Taltio", 0, "", "Recording started", "Call …567 is being recorded", -1)
    assert hints == {"urgency": ("y", 1)}
    assert (server.calls[1]["body"][3], server.calls[1]["body"][6]) == ("Headset lost", {"urgency": ("y", 2)})
    assert server.calls[2]["body"][6] == {"urgency": ("y", 1)}
    # Each notification took the previous one off the screen before it was shown.
    id1, id2, id3 = (c["id"] for c in server.calls)
    assert server.events == [("Notify", id1), ("CloseNotification", id1), ("Notify", id2),
                             ("CloseNotification", id2), ("Notify", id3)]
    assert native.last_error == ""


def test_native_never_blocks_the_qt_thread(bus, qtbot):
    from PySide6.QtCore import QTimer

    server = NotificationServer(bus.address, delays=(1.0,)).start()
    n = Notifier(backend="native")
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    try:
        timer.start()
        t0 = time.monotonic()
        with qtbot.waitSignal(n.sent, timeout=5000):
            n.notify("Recording started", "slow server")
            returned = time.monotonic() - t0
        took = time.monotonic() - t0
        timer.stop()
        assert returned < 0.1, returned                 # first call: starts the thread, imports nothing here
        assert took >= 0.9, took                        # the server really was slow
        gaps = [b - a for a, b in zip([t0, *ticks], ticks)]
        assert len(ticks) >= 30 and max(gaps) < 0.25, (len(ticks), max(gaps))   # Qt kept running meanwhile
    finally:
        n.close()
        server.stop()


def test_native_hung_server_times_out_to_the_tray_then_recovers(bus, qtbot):
    server = NotificationServer(bus.address, delays=(2.0,)).start()
    tray = RecordingTray()
    n = Notifier(tray, backend="native", call_timeout_s=0.5)
    try:
        t0 = time.monotonic()
        with qtbot.waitSignal(n.fell_back, timeout=5000) as sig:
            n.notify("Headset lost", "Check the headset", urgent=True)
        assert sig.args == ["tray"] and time.monotonic() - t0 < 1.5
        assert "no answer within 0.5 s" in n.last_error, n.last_error
        assert tray.messages == [("Headset lost", "Check the headset", QSystemTrayIcon.MessageIcon.Warning, 10000)]
        wait_for(lambda: server.answered == 1, 5, message="the slow answer")
        with qtbot.waitSignal(n.sent, timeout=5000):          # a fresh connection next time
            n.notify("Recording stopped", "Saved")
        assert server.calls[-1]["body"][3] == "Recording stopped" and len(tray.messages) == 1
    finally:
        n.close()
        server.stop()


def test_native_server_gone_falls_back_to_tray_then_log_and_recovers(bus, qtbot, caplog):
    server = NotificationServer(bus.address).start()
    tray = RecordingTray()
    n = Notifier(tray, backend="native")
    caplog.set_level(logging.INFO)
    try:
        with qtbot.waitSignal(n.sent, timeout=5000):
            n.notify("one", "1")
        server.stop()
        wait_for(lambda: _name_has_owner(bus.address) is False, 5, message="name release")
        with qtbot.waitSignal(n.fell_back, timeout=5000) as sig:
            n.notify("two", "2")
        assert sig.args == ["tray"] and tray.messages[-1][:2] == ("two", "2")
        assert "ServiceUnknown" in n.last_error or "NameHasNoOwner" in n.last_error, n.last_error
        n.set_tray(None)
        with qtbot.waitSignal(n.fell_back, timeout=5000) as sig:
            n.notify("three", "3", urgent=True)
        assert sig.args == ["log"]
        assert any(r.levelno == logging.WARNING and "three: 3" in r.getMessage() for r in caplog.records)
        # Said once for the outage, in our words; desktop-notifier's own warning is not repeated per call.
        said = [r.getMessage() for r in caplog.records if "notifications unavailable" in r.getMessage()]
        assert len(said) == 1 and "native" in said[0], said
        assert _library_warnings(caplog) == []

        server2 = NotificationServer(bus.address).start()
        try:
            with qtbot.waitSignal(n.sent, timeout=5000):
                n.notify("four", "4")
            assert server2.calls[-1]["body"][3] == "four"
            assert any("work again" in r.getMessage() for r in caplog.records)
        finally:
            server2.stop()
    finally:
        n.close()


def test_native_without_a_bus_never_raises(monkeypatch, qtbot):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/taltio-test-bus")
    n = Notifier(backend="native")
    with qtbot.waitSignal(n.fell_back, timeout=5000) as sig:
        n.notify("t", "b")
    assert sig.args == ["log"] and "native notification failed" in n.last_error
    n.close()
    with qtbot.waitSignal(n.fell_back, timeout=1000) as sig:        # closed: log only
        n.notify("t", "b")
    assert sig.args == ["log"] and n.last_error == "notifier closed"


def test_native_unsupported_here_falls_back_for_good_and_says_why_once(bus, server, monkeypatch, qtbot, caplog):
    """desktop-notifier's dummy backend (macOS outside a bundle, old Windows) shows nothing: use the tray."""
    import desktop_notifier.main
    from desktop_notifier.backends.dummy import DummyNotificationCenter

    asked: list[int] = []

    def no_bundle():
        asked.append(1)
        logging.getLogger("desktop_notifier.main").warning("Notification Center can only be used from an app bundle")
        return DummyNotificationCenter

    monkeypatch.setattr(desktop_notifier.main, "get_backend_class", no_bundle)
    caplog.set_level(logging.DEBUG)
    tray = RecordingTray()
    n = Notifier(tray, backend="native")
    try:
        for i in range(3):
            with qtbot.waitSignal(n.fell_back, timeout=5000) as sig:
                n.notify("Recording started", f"call {i}")
            assert sig.args == ["tray"]
        assert [m[1] for m in tray.messages] == ["call 0", "call 1", "call 2"]
        assert server.calls == [] and len(asked) == 1          # decided once, not retried per notification
        said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        assert len(said) == 1 and "can only be used from an app bundle" in said[0], said
    finally:
        n.close()


def test_native_waits_for_the_permission_prompt_without_holding_notifications(bus, server, monkeypatch, qtbot):
    from desktop_notifier.backends.dbus import DBusDesktopNotifier

    asked: list[float] = []

    async def slow_prompt(self):
        asked.append(time.monotonic())
        await asyncio.sleep(1.0)          # the user reads the macOS prompt
        return True

    monkeypatch.setattr(DBusDesktopNotifier, "request_authorisation", slow_prompt)
    tray = RecordingTray()
    n = Notifier(tray, backend="native", call_timeout_s=0.3)
    try:
        for text in ("first", "second"):
            with qtbot.waitSignal(n.fell_back, timeout=5000) as sig:
                n.notify("Taltio", text)
            assert sig.args == ["tray"] and "waiting for the user" in n.last_error
        assert len(asked) == 1                           # one prompt, not one per notification
        qtbot.wait(int((asked[0] + 1.2 - time.monotonic()) * 1000))
        with qtbot.waitSignal(n.sent, timeout=5000):
            n.notify("Taltio", "third")
        assert [c["body"][4] for c in server.calls] == ["third"] and [m[1] for m in tray.messages] == [
            "first", "second"]
    finally:
        n.close()


def test_native_not_allowed_falls_back_to_the_tray(bus, server, monkeypatch, qtbot):
    from desktop_notifier.backends.dbus import DBusDesktopNotifier

    async def denied(self):
        return False

    monkeypatch.setattr(DBusDesktopNotifier, "request_authorisation", denied)
    tray = RecordingTray()
    n = Notifier(tray, backend="native")
    try:
        with qtbot.waitSignal(n.fell_back, timeout=5000) as sig:
            n.notify("Upload failed", "Retrying", urgent=True)
        assert sig.args == ["tray"] and "not allowed" in n.last_error
        assert server.calls == []
    finally:
        n.close()


def test_backend_choice(monkeypatch, qtbot):
    assert [default_backend(p) for p in ("linux", "win32", "darwin", "freebsd14")] == ["dbus", "native", "native",
                                                                                       "tray"]
    assert Notifier().backend_name == "dbus"                       # this machine is Linux
    assert Notifier(use_dbus=False).backend_name == "tray"
    with pytest.raises(ValueError):
        Notifier(backend="growl")
    tray = RecordingTray()
    n = Notifier(tray, backend="tray")
    with qtbot.waitSignal(n.fell_back, timeout=1000) as sig:
        n.notify("Recording started", "x")
    assert sig.args == ["tray"] and tray.messages[0][:2] == ("Recording started", "x")


def test_windows_process_app_id():
    class Shell32:
        def __init__(self, hr: int) -> None:
            self.hr, self.ids = hr, []

        def SetCurrentProcessExplicitAppUserModelID(self, app_id):  # noqa: N802 - the Win32 name
            self.ids.append(app_id)
            return self.hr

    ok = Shell32(0)
    assert set_process_app_id("Taltio", ok) is True and ok.ids == ["Taltio"]
    assert set_process_app_id("Taltio", Shell32(-2147024809)) is False           # E_INVALIDARG
    assert set_process_app_id("Taltio", object()) is False                      # no such API: no exception
