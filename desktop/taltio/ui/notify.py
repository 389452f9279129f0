"""Desktop notifications: org.freedesktop.Notifications over D-Bus on Linux, else the tray balloon, else the log.

Why not QtDBus: PySide6 cannot give a D-Bus argument an exact type.  A Python
int is marshalled as int32 (or uint16 through QDBusArgument), an empty list as
``av``, so Notify goes out as ``(sisssava{sv}i)`` instead of
``(susssasa{sv}i)``; GDBus-based servers (GNOME Shell) reject that with
InvalidArgs, and mako fails on a non-byte "urgency".  jeepney (pure Python,
already installed on Linux as a dependency of keyring/SecretStorage) takes an
explicit signature, so the call is exactly what the specification says.

The call runs on one worker thread (a busy notification daemon must never
freeze the UI); results come back to the Qt thread through queued signals.
Nothing here raises into the caller, and nothing is added to the caller's
text: the caller passes text that is already redacted (no phone numbers).
"""
from __future__ import annotations

import html
import logging
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QSystemTrayIcon

log = logging.getLogger(__name__)

BUS_NAME = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
NOTIFY_SIGNATURE = "susssasa{sv}i"
URGENCY_NORMAL = 1
URGENCY_CRITICAL = 2


def session_bus_address() -> str | None:
    """$DBUS_SESSION_BUS_ADDRESS, else the systemd user bus at $XDG_RUNTIME_DIR/bus, else None."""
    addr = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "").strip()
    if addr:
        return addr
    runtime = os.environ.get("XDG_RUNTIME_DIR", "").strip()
    if runtime and (Path(runtime) / "bus").exists():
        return f"unix:path={Path(runtime) / 'bus'}"
    return None


class Notifier(QObject):
    """``notify(title, body, urgent=False)``: show a desktop notification, never raising.

    Successive notifications replace each other (the server's id is passed back
    as replaces_id), so repeated warnings do not pile up.

    Signals (for diagnostics and tests; emitted on the Qt thread):
      ``sent(int)``      the notification server accepted it; its id
      ``fell_back(str)`` it was shown another way: "tray" or "log"
    """

    sent = Signal(int)
    fell_back = Signal(str)
    # Worker thread -> Qt thread.
    _dbus_ok = Signal(int)
    _dbus_failed = Signal(str, str, bool, str)

    def __init__(self, tray: QSystemTrayIcon | None = None, parent: QObject | None = None, *,
                 app_name: str = "Taltio", app_icon: str = "", expire_timeout_ms: int = -1,
                 call_timeout_s: float = 3.0, use_dbus: bool | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notifier")
        self.tray = tray
        self.app_name = app_name
        self.app_icon = app_icon
        self.expire_timeout_ms = expire_timeout_ms
        self.call_timeout_s = call_timeout_s
        self.use_dbus = sys.platform.startswith("linux") if use_dbus is None else use_dbus
        self.last_id = 0                    # the server's id of our last notification (replaces_id)
        self.last_error = ""
        self._conn = None                   # jeepney connection, only touched on the worker thread
        self._conn_address: str | None = None
        self._markup = False                # the server parses body markup: escape & < >
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None
        self._closed = False
        self._dbus_ok.connect(self._on_dbus_ok)
        self._dbus_failed.connect(self._on_dbus_failed)

    # ----------------------------------------------------------------- API
    def set_tray(self, tray: QSystemTrayIcon | None) -> None:
        self.tray = tray

    def notify(self, title: str, body: str, urgent: bool = False) -> None:
        try:
            title, body = str(title), str(body)
            if self._closed:
                self._fallback(title, body, urgent, "notifier closed")
                return
            if self.use_dbus:
                address = session_bus_address()
                if address and self._dbus_importable():
                    self._submit(address, title, body, urgent)
                    return
                why = "no session bus" if not address else "jeepney missing"
                self._fallback(title, body, urgent, why)
                return
            self._fallback(title, body, urgent, "no D-Bus on this platform")
        except Exception:  # noqa: BLE001 - a notification must never break the caller
            log.warning("notification failed", exc_info=True)

    def close(self) -> None:
        """Stop the worker and close the bus connection (idempotent)."""
        self._closed = True
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.submit(self._disconnect)
            pool.shutdown(wait=False, cancel_futures=False)

    # ------------------------------------------------------------ internals
    @staticmethod
    def _dbus_importable() -> bool:
        try:
            import jeepney  # noqa: F401
            import jeepney.io.blocking  # noqa: F401
        except Exception:  # noqa: BLE001
            return False
        return True

    def _submit(self, address: str, title: str, body: str, urgent: bool) -> None:
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="taltio-notify")
            self._pool.submit(self._send, address, title, body, urgent)

    def _connect(self, address: str):  # noqa: ANN202 - jeepney type, imported lazily
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        if self._conn is not None and self._conn_address == address:
            return self._conn
        self._disconnect()
        conn = open_dbus_connection(bus=address, auth_timeout=self.call_timeout_s)
        self._conn, self._conn_address = conn, address
        self._markup = False
        try:
            target = DBusAddress(OBJECT_PATH, bus_name=BUS_NAME, interface=INTERFACE)
            reply = conn.send_and_get_reply(new_method_call(target, "GetCapabilities"), timeout=self.call_timeout_s)
            if reply.header.fields.get(_signature_field()) == "as":
                self._markup = "body-markup" in reply.body[0]
        except Exception:  # noqa: BLE001 - capabilities are optional; Notify will tell if the server is missing
            log.debug("GetCapabilities failed", exc_info=True)
        return conn

    def _disconnect(self) -> None:
        conn, self._conn, self._conn_address = self._conn, None, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001
                pass

    def _send(self, address: str, title: str, body: str, urgent: bool) -> None:
        """Worker thread: one Notify call; reports back through queued signals."""
        try:
            from jeepney import DBusAddress, MessageType, new_method_call

            conn = self._connect(address)
            text = html.escape(body, quote=False) if self._markup else body
            hints = {"urgency": ("y", URGENCY_CRITICAL if urgent else URGENCY_NORMAL)}
            msg = new_method_call(DBusAddress(OBJECT_PATH, bus_name=BUS_NAME, interface=INTERFACE), "Notify",
                                  NOTIFY_SIGNATURE, (self.app_name, self.last_id, self.app_icon, title, text, [],
                                                     hints, self.expire_timeout_ms))
            reply = conn.send_and_get_reply(msg, timeout=self.call_timeout_s)
            if reply.header.message_type is MessageType.error:
                name = reply.header.fields.get(_error_name_field(), "error")
                detail = reply.body[0] if reply.body else ""
                raise RuntimeError(f"{name}: {detail}")
            self.last_id = int(reply.body[0])
            self._emit(self._dbus_ok, self.last_id)
        except Exception as e:  # noqa: BLE001
            # A broken connection is reopened next time (the session bus may come back).
            self._disconnect()
            self._emit(self._dbus_failed, title, body, urgent, f"{type(e).__name__}: {e}")

    @staticmethod
    def _emit(signal, *args) -> None:  # noqa: ANN001
        try:
            signal.emit(*args)
        except RuntimeError:          # the Notifier was deleted while the call was in flight
            pass

    @Slot(int)
    def _on_dbus_ok(self, nid: int) -> None:
        self.last_error = ""
        self.sent.emit(nid)

    @Slot(str, str, bool, str)
    def _on_dbus_failed(self, title: str, body: str, urgent: bool, why: str) -> None:
        self._fallback(title, body, urgent, f"D-Bus notification failed ({why})")

    def _fallback(self, title: str, body: str, urgent: bool, why: str) -> None:
        self.last_error = why
        tray = self.tray
        if tray is not None:
            try:
                icon = QSystemTrayIcon.MessageIcon.Warning if urgent else QSystemTrayIcon.MessageIcon.Information
                tray.showMessage(title, body, icon, 10000)
                log.debug("notification shown by the tray icon: %s", why)
                self.fell_back.emit("tray")
                return
            except Exception:  # noqa: BLE001
                log.debug("tray notification failed", exc_info=True)
        log.log(logging.WARNING if urgent else logging.INFO, "notification (%s): %s: %s", why, title, body)
        self.fell_back.emit("log")


def _signature_field():  # noqa: ANN202
    from jeepney.low_level import HeaderFields

    return HeaderFields.signature


def _error_name_field():  # noqa: ANN202
    from jeepney.low_level import HeaderFields

    return HeaderFields.error_name
