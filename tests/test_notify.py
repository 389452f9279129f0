"""Desktop notifications over a real, private session D-Bus.

Each test starts its own ``dbus-daemon`` (no service directories, so nothing is
auto-started), a small org.freedesktop.Notifications service on it (jeepney,
in a thread; it checks the call signature the way GDBus-based servers such as
GNOME Shell do), and ``dbus-monitor`` as an independent witness of what went
over the wire.
"""
from __future__ import annotations

import itertools
import logging
import re
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from taltio.ui.notify import BUS_NAME, NOTIFY_SIGNATURE, Notifier
from tests.fixtures.audio import kill_process_groups, merged_env, spawn_logged

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
        _wait(lambda: "NameLost" in out.read_text(errors="replace"), 10, "dbus-monitor to start")
        return out


def _wait(pred, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        time.sleep(0.01)


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
        _wait(lambda: sock.exists() and "unix:path=" in (root / "dbus.log").read_text(), 10, "dbus-daemon")
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield b
    finally:
        kill_process_groups(list(reversed(b.procs)), grace=1.0)


class NotificationServer:
    """A minimal org.freedesktop.Notifications service: a real D-Bus peer, strict about the signature."""

    def __init__(self, address: str, capabilities: tuple[str, ...] = ("body",)) -> None:
        self.address = address
        self.capabilities = list(capabilities)
        self.calls: list[dict] = []
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
                    conn.send(new_method_return(msg, "u", (nid,)))
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
    _wait(lambda: monitor.read_text().count("member=Notify") >= 2, 5, "dbus-monitor output")
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
    _wait(lambda: _name_has_owner(bus.address) is False, 5, "name release")
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
    _wait(lambda: "member=Notify" in monitor.read_text(), 5, "dbus-monitor output")
    strings = re.findall(r'string "([^"]*)"', monitor.read_text().split("member=Notify", 1)[1])
    assert strings == ["Taltio", "", "Private call", "Not recorded", "urgency"]
