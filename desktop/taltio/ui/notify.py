"""Desktop notifications: one ``Notifier.notify(title, body, urgent)`` over several backends.

Backends, chosen once per Notifier (``default_backend``):

- ``"dbus"`` (Linux): org.freedesktop.Notifications over D-Bus with jeepney, below.
- ``"native"`` (Windows, macOS): the OS notification centre through desktop-notifier
  (WinRT toasts; UNUserNotificationCenter), in ``notify_native``.  Our Qt tray notes
  say ``QSystemTrayIcon.showMessage`` is unreliable there: on macOS it is not a
  real notification, on Windows it needs the same AppUserModelID plumbing anyway.
- ``"tray"``: no backend, only the fallback chain.

Whatever the backend, a notification that cannot be delivered falls back to the
tray balloon, else to the log.  Backends share one small interface (``Backend``):
``submit`` never blocks, runs the OS call on a worker thread, and reports an
``Outcome`` once; the Notifier brings it back to the Qt thread through a queued
signal.  Nothing here raises into the caller, and nothing is added to the caller's
text: the caller passes text that is already redacted (no phone numbers).

Why not QtDBus for the Linux path: PySide6 cannot give a D-Bus argument an exact
type.  A Python int is marshalled as int32 (or uint16 through QDBusArgument), an
empty list as ``av``, so Notify goes out as ``(sisssava{sv}i)`` instead of
``(susssasa{sv}i)``; GDBus-based servers (GNOME Shell) reject that with
InvalidArgs, and mako fails on a non-byte "urgency".  jeepney (pure Python,
already installed on Linux as a dependency of keyring/SecretStorage) takes an
explicit signature, so the call is exactly what the specification says.
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

from taltio.ui.notification import Backend, Done, Outcome  # noqa: F401 - re-exported: the notifier's API

log = logging.getLogger(__name__)

BUS_NAME = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
NOTIFY_SIGNATURE = "susssasa{sv}i"
URGENCY_NORMAL = 1
URGENCY_CRITICAL = 2

BACKENDS = ("dbus", "native", "tray")


def session_bus_address() -> str | None:
    """$DBUS_SESSION_BUS_ADDRESS, else the systemd user bus at $XDG_RUNTIME_DIR/bus, else None."""
    addr = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "").strip()
    if addr:
        return addr
    runtime = os.environ.get("XDG_RUNTIME_DIR", "").strip()
    if runtime and (Path(runtime) / "bus").exists():
        return f"unix:path={Path(runtime) / 'bus'}"
    return None


def default_backend(platform: str | None = None) -> str:
    """The backend a Notifier uses unless told otherwise: jeepney on Linux, the OS's own elsewhere."""
    platform = sys.platform if platform is None else platform
    if platform.startswith("linux"):
        return "dbus"
    if platform in ("win32", "darwin"):
        return "native"
    return "tray"


class DBusBackend:
    """org.freedesktop.Notifications with jeepney, on one worker thread.

    Successive notifications replace each other (the server's id is passed back
    as replaces_id), so repeated warnings do not pile up.  One worker thread,
    because a busy notification daemon must never freeze the UI.
    """

    name = "dbus"
    label = "D-Bus"

    def __init__(self, app_name: str, app_icon: str, expire_timeout_ms: int, call_timeout_s: float) -> None:
        self.app_name = app_name
        self.app_icon = app_icon
        self.expire_timeout_ms = expire_timeout_ms
        self.call_timeout_s = call_timeout_s
        self.last_id = 0                    # the server's id of our last notification (replaces_id)
        self._conn = None                   # jeepney connection, only touched on the worker thread
        self._conn_address: str | None = None
        self._markup = False                # the server parses body markup: escape & < >
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None

    def submit(self, title: str, body: str, urgent: bool, done: Done) -> str:
        address = session_bus_address()
        if not address:
            return "no session bus"
        if not self._dbus_importable():
            return "jeepney missing"
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="taltio-notify")
            self._pool.submit(self._send, address, title, body, urgent, done)
        return ""

    def close(self) -> None:
        """Stop the worker and close the bus connection (idempotent, does not wait)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.submit(self._disconnect)
            pool.shutdown(wait=False, cancel_futures=False)

    @staticmethod
    def _dbus_importable() -> bool:
        try:
            import jeepney  # noqa: F401
            import jeepney.io.blocking  # noqa: F401
        except Exception:  # noqa: BLE001
            return False
        return True

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

    def _send(self, address: str, title: str, body: str, urgent: bool, done: Done) -> None:
        """Worker thread: one Notify call; reports through ``done``."""
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
            outcome = Outcome(True, self.last_id)
        except Exception as e:  # noqa: BLE001
            # A broken connection is reopened next time (the session bus may come back).
            self._disconnect()
            outcome = Outcome(False, why=f"{type(e).__name__}: {e}")
        done(outcome)


class Notifier(QObject):
    """``notify(title, body, urgent=False)``: show a desktop notification, never raising.

    Successive notifications replace each other where the platform allows, so
    repeated warnings do not pile up.  ``urgent`` maps to the platform's critical
    level (D-Bus urgency 2, a high-priority toast, a time-sensitive macOS alert).

    ``backend``: "dbus", "native" or "tray" (see the module docstring); default
    ``default_backend()``.  ``use_dbus`` is the older switch: True is "dbus",
    False is "tray".

    Signals (for diagnostics and tests; emitted on the Qt thread):
      ``sent(object)``   the service accepted it; its ref (D-Bus id: int; native: str)
      ``fell_back(str)`` it was shown another way: "tray" or "log"
    """

    sent = Signal(object)
    fell_back = Signal(str)
    # Worker thread -> Qt thread (queued: the Notifier lives on the Qt thread).
    _outcome = Signal(object, str, str, bool)

    def __init__(self, tray: QSystemTrayIcon | None = None, parent: QObject | None = None, *,
                 app_name: str = "Taltio", app_icon: str = "", expire_timeout_ms: int = -1,
                 call_timeout_s: float = 3.0, use_dbus: bool | None = None, backend: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notifier")
        self.tray = tray
        self.app_name = app_name
        self.app_icon = app_icon
        self.expire_timeout_ms = expire_timeout_ms
        self.call_timeout_s = call_timeout_s
        if backend is None:
            backend = default_backend() if use_dbus is None else ("dbus" if use_dbus else "tray")
        if backend not in BACKENDS:
            raise ValueError(f"unknown notification backend {backend!r}; one of {', '.join(BACKENDS)}")
        self.backend_name = backend
        self.last_error = ""
        self.last_ref: int | str = 0        # the service's handle of our last delivered notification
        self._closed = False
        self._degraded = False              # the backend failed since it last worked: said so once
        self._backend: Backend | None = self._make_backend(backend)
        self._outcome.connect(self._on_outcome)

    @property
    def last_id(self) -> int:
        """The D-Bus server's id of our last notification (0 for other backends)."""
        return self._backend.last_id if isinstance(self._backend, DBusBackend) else 0

    # ----------------------------------------------------------------- API
    def set_tray(self, tray: QSystemTrayIcon | None) -> None:
        self.tray = tray

    def notify(self, title: str, body: str, urgent: bool = False) -> None:
        try:
            title, body = str(title), str(body)
            if self._closed:
                self._fallback(title, body, urgent, "notifier closed")
                return
            backend = self._backend
            if backend is None:
                self._fallback(title, body, urgent, "no notification service on this platform")
                return

            def done(outcome: Outcome) -> None:      # worker thread
                try:
                    self._outcome.emit(outcome, title, body, urgent)
                except RuntimeError:                 # the Notifier was deleted while the call was in flight
                    pass

            why = backend.submit(title, body, urgent, done)
            if why:
                self._fallback(title, body, urgent, why, degraded=True)
        except Exception:  # noqa: BLE001 - a notification must never break the caller
            log.warning("notification failed", exc_info=True)

    def close(self) -> None:
        """Stop the backend's worker (idempotent, does not wait)."""
        self._closed = True
        backend = self._backend
        if backend is not None:
            try:
                backend.close()
            except Exception:  # noqa: BLE001
                log.debug("closing the notification backend failed", exc_info=True)

    # ------------------------------------------------------------ internals
    def _make_backend(self, name: str) -> Backend | None:
        if name == "dbus":
            return DBusBackend(self.app_name, self.app_icon, self.expire_timeout_ms, self.call_timeout_s)
        if name == "native":
            from taltio.ui.notify_native import NativeBackend

            return NativeBackend(self.app_name, self.app_icon, self.expire_timeout_ms, self.call_timeout_s)
        return None

    @Slot(object, str, str, bool)
    def _on_outcome(self, outcome: Outcome, title: str, body: str, urgent: bool) -> None:
        if outcome.ok:
            if self._degraded:
                log.info("%s notifications work again", self._label())
            self._degraded = False
            self.last_error = ""
            self.last_ref = outcome.ref
            self.sent.emit(outcome.ref)
            return
        self._fallback(title, body, urgent, f"{self._label()} notification failed ({outcome.why})", degraded=True)

    def _label(self) -> str:
        return getattr(self._backend, "label", self.backend_name)

    def _fallback(self, title: str, body: str, urgent: bool, why: str, degraded: bool = False) -> None:
        self.last_error = why
        if degraded and not self._degraded:
            # Said once per outage (e.g. an unsigned macOS bundle, no notification daemon), not per notification.
            self._degraded = True
            log.warning("%s notifications unavailable, using the %s instead: %s", self._label(),
                        "tray" if self.tray is not None else "log", why)
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
