"""Always-visible status: a tray icon, or a small window when the desktop has no tray."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QMenu, QPushButton, QSystemTrayIcon, QVBoxLayout,
                               QWidget)

from taltio.ui.i18n import LANGUAGE_NAMES, LANGUAGES
from taltio.ui.icons import icon
from taltio.ui.notify import Notifier


class StatusWindow(QWidget):
    """Fallback for desktops without a tray (stock GNOME, offscreen): the status must still be visible."""

    show_card = Signal()
    show_devices = Signal()
    next_private = Signal()
    language_chosen = Signal(str)
    show_about = Signal()
    show_checks = Signal()
    show_preferences = Signal()
    start_call = Signal()
    end_call = Signal()

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowTitle("Taltio")
        self.locked_language = False
        self.icon = QLabel()
        self.text = QLabel()
        self.text.setObjectName("statusText")
        self.text.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName("statusDetail")
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #555;")
        def button(name: str, signal: Signal) -> QPushButton:
            b = QPushButton()
            b.setObjectName(name)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)      # a click never takes the agent's keyboard
            b.clicked.connect(signal)
            return b

        self.card_button = card = button("cardButton", self.show_card)
        self.devices_button = devices = button("devicesButton", self.show_devices)
        self.private_button = private = button("nextPrivateButton", self.next_private)
        self.prefs_button = prefs = button("preferencesButton", self.show_preferences)
        self.about_button = about = button("aboutButton", self.show_about)
        self.checks_button = checks = button("checksButton", self.show_checks)
        self.start_button = start = button("startCallButton", self.start_call)
        self.end_button = end = button("endCallButton", self.end_call)
        end.setEnabled(False)
        # The language of Taltio's own screens; each named in itself, so it can be found in any language.
        self.language_label = QLabel()
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        self.language.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.language_label.setBuddy(self.language)
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.activated.connect(lambda i: self.language_chosen.emit(self.language.itemData(i)))
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
        calls = QHBoxLayout()
        calls.addWidget(start)
        calls.addWidget(end)
        calls.addStretch(1)
        calls.addWidget(checks)
        lay.addLayout(calls)
        lang_row = QHBoxLayout()
        lang_row.addWidget(prefs)
        lang_row.addWidget(about)
        lang_row.addStretch(1)
        lang_row.addWidget(self.language_label)
        lang_row.addWidget(self.language)
        lay.addLayout(lang_row)
        self.setMinimumWidth(320)
        self._retranslate()

    def set_texts(self, text: str, detail: str) -> None:
        self.text.setText(f"<b>{text}</b>")
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self._grow()

    def _grow(self) -> None:
        """Taller if a longer (or translated) text wraps onto more lines: never cut a line off."""
        lay = self.layout()
        lay.activate()
        need = lay.totalHeightForWidth(self.width()) if lay.hasHeightForWidth() else lay.totalSizeHint().height()
        if need > self.height():
            self.resize(self.width(), need)

    def set_language(self, code: str, locked: bool) -> None:
        """Show *code* as the chosen language; *locked*: set by the organisation, the agent cannot change it."""
        i = self.language.findData(code)
        if i >= 0:
            self.language.setCurrentIndex(i)
        self.locked_language = locked
        self.language.setEnabled(not locked)
        self._retranslate()

    def _retranslate(self) -> None:
        self.card_button.setText(self.tr("Show call card"))
        self.devices_button.setText(self.tr("Audio devices…"))
        self.private_button.setText(self.tr("Next call is private"))
        self.about_button.setText(self.tr("About Taltio…"))
        self.checks_button.setText(self.tr("Check this computer…"))
        self.prefs_button.setText(self.tr("Preferences…"))
        self.start_button.setText(self.tr("Start call…"))
        self.end_button.setText(self.tr("End call"))
        self.language_label.setText(self.tr("&Language:"))
        self.language.setAccessibleName(self.tr("Language of Taltio's screens"))
        self.language.setToolTip(self.tr("Set by your organisation") if self.locked_language
                                 else self.tr("Language of Taltio's screens"))
        self._grow()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class StatusView(QObject):
    show_card = Signal()
    show_devices = Signal()
    next_private = Signal()
    quit_requested = Signal()
    language_chosen = Signal(str)       # "fi", "sv" or "en": the agent picked it
    show_about = Signal()
    show_checks = Signal()
    show_preferences = Signal()
    start_call = Signal()        # the agent starts a call Taltio cannot hear of (no softphone integration)
    end_call = Signal()          # and ends it

    def __init__(self, notify_start_stop: bool = False) -> None:
        super().__init__()
        self.status = "idle"
        self.text = ""
        self.detail = ""
        self.notify_start_stop = notify_start_stop
        self._iconed = False
        self.locked_language = False
        self.lang: str | None = None
        self._relabelled = False            # language changed: the next status is the same one, reworded
        self.tray: QSystemTrayIcon | None = None
        self.window: StatusWindow | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon("idle"))
            menu = QMenu()
            self._menu_status = QAction("Taltio", menu)
            self._menu_status.setEnabled(False)
            menu.addAction(self._menu_status)
            menu.addSeparator()
            self._act_card = menu.addAction("", self.show_card.emit)
            self._act_start = menu.addAction("", self.start_call.emit)
            self._act_end = menu.addAction("", self.end_call.emit)
            self._act_end.setEnabled(False)
            self._act_private = menu.addAction("", self.next_private.emit)
            self._act_devices = menu.addAction("", self.show_devices.emit)
            self._lang_menu = menu.addMenu("")
            self._lang_menu.setObjectName("languageMenu")
            group = QActionGroup(self._lang_menu)
            self._lang_actions: dict[str, QAction] = {}
            for code in LANGUAGES:
                act = QAction(LANGUAGE_NAMES[code], self._lang_menu)
                act.setCheckable(True)
                act.setData(code)
                group.addAction(act)
                self._lang_menu.addAction(act)
                act.triggered.connect(lambda _checked=False, code=code: self.language_chosen.emit(code))
                self._lang_actions[code] = act
            menu.addSeparator()
            self._act_prefs = menu.addAction("", self.show_preferences.emit)
            self._act_checks = menu.addAction("", self.show_checks.emit)
            self._act_about = menu.addAction("", self.show_about.emit)
            self._act_quit = menu.addAction("", self.quit_requested.emit)
            self._menu = menu
            # QMenu is a top-level widget: it gets the LanguageChange that a plain QObject would not.
            menu.installEventFilter(self)
            self._retranslate()
            self.tray.setContextMenu(menu)
            self.tray.activated.connect(lambda _r: self.show_card.emit())
            self.tray.show()
        else:
            self.window = StatusWindow()
            self.window.show_card.connect(self.show_card)
            self.window.show_devices.connect(self.show_devices)
            self.window.next_private.connect(self.next_private)
            self.window.language_chosen.connect(self.language_chosen)
            self.window.show_about.connect(self.show_about)
            self.window.show_checks.connect(self.show_checks)
            self.window.show_preferences.connect(self.show_preferences)
            self.window.start_call.connect(self.start_call)
            self.window.end_call.connect(self.end_call)
            self.window.show()
        self.notifier = Notifier(self.tray, self)

    def set_manual_call(self, active: bool) -> None:
        """A call started by hand is up: "End call" ends it; with none, there is nothing to end."""
        if self.tray:
            self._act_end.setEnabled(active)
        if self.window:
            self.window.end_button.setEnabled(active)

    def set_language(self, code: str, locked: bool = False) -> None:
        """Mark *code* as the current language; *locked*: the organisation chose it (shown, not changeable)."""
        self._relabelled = self.lang is not None and code != self.lang
        self.lang = code
        self.locked_language = locked
        if self.tray:
            for c, act in self._lang_actions.items():
                act.setChecked(c == code)
                act.setEnabled(not locked)
            self._retranslate()
        if self.window:
            self.window.set_language(code, locked)

    def _retranslate(self) -> None:
        if self.tray is None:
            return
        self._act_card.setText(self.tr("Show call card"))
        self._act_start.setText(self.tr("Start call…"))
        self._act_end.setText(self.tr("End call"))
        self._act_private.setText(self.tr("Next call is private"))
        self._act_devices.setText(self.tr("Audio devices…"))
        self._lang_menu.setTitle(self.tr("Language"))
        self._lang_menu.menuAction().setToolTip(self.tr("Set by your organisation") if self.locked_language else "")
        self._act_prefs.setText(self.tr("Preferences…"))
        self._act_about.setText(self.tr("About Taltio…"))
        self._act_checks.setText(self.tr("Check this computer…"))
        self._act_quit.setText(self.tr("Quit Taltio"))
        self.tray.setToolTip(self._tip())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange and obj is self._menu:
            self._retranslate()
        return False

    def _tip(self) -> str:
        return self.tr("Taltio: {status}").format(status=self.text) + (f"\n{self.detail}" if self.detail else "")

    def set_status(self, status: str, text: str, detail: str = "") -> None:
        # The same warning in another language is not news: notify it only once.
        reworded = self._relabelled and status == self.status
        self._relabelled = False
        newly_wrong = status in ("warning", "error") and (status, text) != (self.status, self.text) and not reworded
        started = status == "recording" and self.status not in ("recording", "paused", "warning")
        stopped = self.status in ("recording", "paused") and status not in ("recording", "paused", "warning")
        same = (status, text, detail) == (self.status, self.text, self.detail)
        new_icon = status != self.status or not self._iconed
        self._iconed = True
        self.status, self.text, self.detail = status, text, detail
        if same and not reworded:
            return          # refreshed every second; most seconds nothing changed
        if newly_wrong:
            # A lost headset mid-call must be noticed now, not when someone reads the tooltip.
            self.notifier.notify("Taltio", text, urgent=status == "error")
        elif self.notify_start_stop and (started or stopped):
            self.notifier.notify("Taltio", text)
        if self.tray:
            if new_icon:
                self.tray.setIcon(icon(status))
            self.tray.setToolTip(self._tip())
            self._menu_status.setText(text)
        if self.window:
            if new_icon:
                self.window.setWindowIcon(icon(status))
                self.window.icon.setPixmap(icon(status).pixmap(40, 40))
            self.window.set_texts(text, detail)

    def close(self) -> None:
        self.notifier.close()
        if self.tray:
            self.tray.hide()
        if self.window:
            self.window.close()
