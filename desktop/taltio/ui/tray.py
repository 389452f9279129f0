"""Always-visible status: a tray icon, or a small window when the desktop has no tray."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QSystemTrayIcon, QVBoxLayout, QWidget

from .icons import icon
from .notify import Notifier


class StatusWindow(QWidget):
    """Fallback for desktops without a tray (stock GNOME, offscreen): the status must still be visible."""

    show_card = Signal()
    show_devices = Signal()
    next_private = Signal()

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowTitle("Taltio")
        self.icon = QLabel()
        self.text = QLabel()
        self.text.setObjectName("statusText")
        self.text.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName("statusDetail")
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #555;")
        card = QPushButton("Show call card")
        card.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        card.clicked.connect(self.show_card)
        devices = QPushButton("Audio devices…")
        devices.setObjectName("devicesButton")
        devices.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        devices.clicked.connect(self.show_devices)
        private = QPushButton("Next call is private")
        private.setObjectName("nextPrivateButton")
        private.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        private.clicked.connect(self.next_private)
        row = QHBoxLayout()
        row.addWidget(self.icon)
        col = QVBoxLayout()
        col.addWidget(self.text)
        col.addWidget(self.detail)
        row.addLayout(col, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        buttons = QHBoxLayout()
        buttons.addWidget(card)
        buttons.addWidget(private)
        buttons.addWidget(devices)
        lay.addLayout(buttons)
        self.setMinimumWidth(320)


class StatusView(QObject):
    show_card = Signal()
    show_devices = Signal()
    next_private = Signal()
    quit_requested = Signal()

    def __init__(self, notify_start_stop: bool = False) -> None:
        super().__init__()
        self.status = "idle"
        self.text = ""
        self.notify_start_stop = notify_start_stop
        self.tray: QSystemTrayIcon | None = None
        self.window: StatusWindow | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon("idle"))
            menu = QMenu()
            self._menu_status = QAction("Taltio", menu)
            self._menu_status.setEnabled(False)
            menu.addAction(self._menu_status)
            menu.addSeparator()
            menu.addAction("Show call card", self.show_card.emit)
            menu.addAction("Next call is private", self.next_private.emit)
            menu.addAction("Audio devices…", self.show_devices.emit)
            menu.addAction("Quit Taltio", self.quit_requested.emit)
            self._menu = menu
            self.tray.setContextMenu(menu)
            self.tray.activated.connect(lambda _r: self.show_card.emit())
            self.tray.show()
        else:
            self.window = StatusWindow()
            self.window.show_card.connect(self.show_card)
            self.window.show_devices.connect(self.show_devices)
            self.window.next_private.connect(self.next_private)
            self.window.show()
        self.notifier = Notifier(self.tray, self)

    def set_status(self, status: str, text: str, detail: str = "") -> None:
        newly_wrong = status in ("warning", "error") and (status, text) != (self.status, self.text)
        started = status == "recording" and self.status not in ("recording", "paused", "warning")
        stopped = self.status in ("recording", "paused") and status not in ("recording", "paused", "warning")
        self.status, self.text = status, text
        tip = f"Taltio: {text}" + (f"\n{detail}" if detail else "")
        if newly_wrong:
            # A lost headset mid-call must be noticed now, not when someone reads the tooltip.
            self.notifier.notify("Taltio", text, urgent=status == "error")
        elif self.notify_start_stop and (started or stopped):
            self.notifier.notify("Taltio", text)
        if self.tray:
            self.tray.setIcon(icon(status))
            self.tray.setToolTip(tip)
            self._menu_status.setText(text)
        if self.window:
            self.window.setWindowIcon(icon(status))
            self.window.icon.setPixmap(icon(status).pixmap(40, 40))
            self.window.text.setText(f"<b>{text}</b>")
            self.window.detail.setText(detail)
            self.window.detail.setVisible(bool(detail))

    def close(self) -> None:
        self.notifier.close()
        if self.tray:
            self.tray.hide()
        if self.window:
            self.window.close()
