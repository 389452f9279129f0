"""The notice card: what to read to the customer, and the call's recording controls.

It stays on top but never takes keyboard focus: the agent is typing in the
softphone or CRM while it is shown.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from taltio.domain.events import parse_iso
from taltio.domain.session import CallView
from taltio.ui.i18n import LANGUAGE_NAMES
from taltio.ui.icons import icon

# Marked for Qt Linguist here, translated when shown (so a language change applies at once).
STATE_TEXT = {
    "ringing": QT_TRANSLATE_NOOP("NoticeCard", "Call ringing: prepare the notice"),
    "notice_pending": QT_TRANSLATE_NOOP("NoticeCard", "Read the notice, then start recording"),
    "recording": QT_TRANSLATE_NOOP("NoticeCard", "● Recording"),
    "paused": QT_TRANSLATE_NOOP("NoticeCard", "❚❚ Paused: nothing is recorded"),
}


def state_text(state: str) -> str:
    return QCoreApplication.translate("NoticeCard", STATE_TEXT[state]) if state in STATE_TEXT else state


def _fmt(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 60:02d}:{s % 60:02d}"


STYLE = """
            #status { font-size: 16px; font-weight: bold; }
            #noticeFrame { background: #fff8e1; border: 1px solid #e0a100; border-radius: 6px; }
            #noticeText { font-size: 14px; }
            #heading { color: #6b5200; }
            #privacyInfo { background: #ffffff; border: 1px solid #c9b26b; padding: 6px; }
            #error { color: #9d0208; font-weight: bold; }
            #startButton { background: #2a9d8f; color: white; font-weight: bold; padding: 6px; }
        """


class NoticeCard(QWidget):
    action = Signal(str, str)      # (event, call_id)
    language = Signal(str, str)    # (call_id, language)
    label_requested = Signal(str)  # (call_id): the agent wants to name the last agreement mark

    def __init__(self, texts: dict[str, str], infos: dict[str, str] | None = None) -> None:
        """texts/infos: language -> the notice script / the privacy information for a customer who asks."""
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setObjectName("noticeCard")
        self.call_id: str | None = None
        self._view: CallView | None = None
        self.texts = texts
        self.infos = infos or {}
        self.lang = next(iter(texts))
        self.setMinimumWidth(440)

        self.status = QLabel()
        self.status.setObjectName("status")
        self.caller = QLabel()
        self.caller.setObjectName("caller")
        self.notice = QLabel(texts[self.lang])
        self.notice.setWordWrap(True)
        self.notice.setObjectName("noticeText")
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        frame = self._notice_frame(texts)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()

        row1, row2, mark_row = self._action_rows()

        top = QHBoxLayout()
        self.icon = QLabel()
        top.addWidget(self.icon)
        col = QVBoxLayout()
        col.addWidget(self.status)
        col.addWidget(self.caller)
        top.addLayout(col, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(frame)
        lay.addWidget(self.error)
        # Recording controls above the destructive ones; in the pending state row2 is hidden anyway.
        lay.addLayout(row2)
        lay.addLayout(mark_row)
        lay.addLayout(row1)
        self.setStyleSheet(STYLE)
        self._retranslate()
        self.keyboard = False
        self.buttons = [self.btn_start, self.btn_pause, self.btn_resume, self.btn_bookmark, self.btn_label,
                        self.btn_declined, self.btn_private, self.btn_info, *self.lang_buttons.values()]
        # In keyboard mode Esc hands the keyboard back; F-keys reach the main actions from anywhere on the card.
        self._keys = {Qt.Key.Key_F2: self.btn_start, Qt.Key.Key_F3: self.btn_pause, Qt.Key.Key_F4: self.btn_resume,
                      Qt.Key.Key_F5: self.btn_bookmark, Qt.Key.Key_F6: self.btn_declined,
                      Qt.Key.Key_F7: self.btn_private, Qt.Key.Key_F8: self.btn_label}

    def _notice_frame(self, texts: dict[str, str]) -> QFrame:
        """The notice script with its language buttons and the privacy information for a customer who asks."""
        frame = QFrame()
        frame.setObjectName("noticeFrame")
        fl = QVBoxLayout(frame)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        langs = QHBoxLayout()
        langs.addWidget(self.heading, 1)
        self.lang_buttons: dict[str, QPushButton] = {}
        for code in texts:
            b = QPushButton(code.upper())
            b.setObjectName(f"lang_{code}")
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setMaximumWidth(44)
            b.clicked.connect(lambda _c=False, code=code: self._pick_language(code))
            langs.addWidget(b)
            self.lang_buttons[code] = b
        fl.addLayout(langs)
        fl.addWidget(self.notice)
        self.btn_info = QPushButton()
        self.btn_info.setObjectName("infoButton")
        self.btn_info.setCheckable(True)
        self.btn_info.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.btn_info.toggled.connect(self._toggle_info)
        self.info = QLabel()
        self.info.setObjectName("privacyInfo")
        self.info.setWordWrap(True)
        self.info.hide()
        fl.addWidget(self.btn_info)
        fl.addWidget(self.info)
        return frame

    def _action_rows(self) -> tuple[QHBoxLayout, QHBoxLayout, QHBoxLayout]:
        """The call's buttons: notice given / declined / private, pause / resume / mark, and the mark's label."""
        def btn(event: str, name: str) -> QPushButton:
            b = QPushButton()
            b.setObjectName(name)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda: self.call_id and self.action.emit(event, self.call_id))
            return b

        self.btn_start = btn("notice-given", "startButton")
        self.btn_declined = btn("declined", "declinedButton")
        self.btn_private = btn("private", "privateButton")
        self.btn_pause = btn("pause", "pauseButton")
        self.btn_resume = btn("resume", "resumeButton")
        self.btn_bookmark = btn("bookmark", "bookmarkButton")
        # The mark is made at the click (the moment matters); its label is typed afterwards, in a
        # dialog the agent opens on purpose, so the card itself never needs the keyboard.
        self.mark = QLabel()
        self.mark.setObjectName("markInfo")
        self.mark.setWordWrap(True)
        self.btn_label = QPushButton()
        self.btn_label.setObjectName("labelButton")
        self.btn_label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.btn_label.clicked.connect(lambda: self.call_id and self.label_requested.emit(self.call_id))
        mark_row = QHBoxLayout()
        mark_row.addWidget(self.mark, 1)
        mark_row.addWidget(self.btn_label)

        row1 = QHBoxLayout()
        for b in (self.btn_start, self.btn_declined, self.btn_private):
            row1.addWidget(b)
        row2 = QHBoxLayout()
        for b in (self.btn_pause, self.btn_resume, self.btn_bookmark):
            row2.addWidget(b)
        return row1, row2, mark_row

    def set_texts(self, texts: dict[str, str], infos: dict[str, str]) -> None:
        """New notice and privacy texts (a supervisor policy changed them): shown from now on."""
        self.texts, self.infos = texts, infos
        self._set_language(self.lang)
        if self.btn_info.isChecked():
            self.info.setText(self.infos.get(self.lang, ""))

    def _retranslate(self) -> None:
        """Every text of the card's own (not the notice script): at start and on a UI language change."""
        self.setWindowTitle(self.tr("Taltio: call recording"))
        names = {"fi": self.tr("Finnish"), "sv": self.tr("Swedish"), "en": self.tr("English")}
        for code, b in self.lang_buttons.items():
            b.setToolTip(LANGUAGE_NAMES.get(code, code))
            b.setAccessibleName(self.tr("Notice language: {language}").format(language=names.get(code, code)))
        self.btn_info.setText(self.tr("Customer asks about the recording"))
        self.btn_start.setText(self.tr("Notice given: start recording"))
        self.btn_declined.setText(self.tr("Customer declined"))
        self.btn_private.setText(self.tr("Private call"))
        self.btn_pause.setText(self.tr("Pause (card data)"))
        self.btn_resume.setText(self.tr("Resume recording"))
        self.btn_bookmark.setText(self.tr("Mark agreement"))
        self.btn_label.setAccessibleName(self.tr("Add a label to the last agreement mark"))
        if self._view is not None:
            self._render(self._view)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _pick_language(self, code: str) -> None:
        self._set_language(code)
        if self.call_id:
            self.language.emit(self.call_id, code)

    def _set_language(self, code: str) -> None:
        self.lang = code if code in self.texts else self.lang
        self.notice.setText(self.texts[self.lang])
        self.info.setText(self.infos.get(self.lang, ""))
        for c, b in self.lang_buttons.items():
            b.setChecked(c == self.lang)

    def _toggle_info(self, on: bool) -> None:
        self.info.setText(self.infos.get(self.lang, ""))
        self.info.setVisible(on)
        self.adjustSize()

    def show_call(self, view: CallView | dict) -> None:
        """Show a call (a CallView; a view dict, as the app still passes, is converted)."""
        view = CallView.from_dict(view)
        new_call = view.call_id != self.call_id
        self.call_id = view.call_id
        self._view = view
        if new_call or view.language != self.lang:
            self._set_language(view.language or self.lang)
        if new_call:
            self.btn_info.setChecked(False)
        self._render(view)
        if not self.isVisible():
            self.show()

    def _render(self, view: CallView) -> None:
        state = view.state.value
        number = view.number_hint or ""
        if view.direction == "incoming":
            caller = self.tr("Incoming call {number}").format(number=number)
        elif view.direction == "outgoing":
            caller = self.tr("Outgoing call {number}").format(number=number)
        else:
            caller = self.tr("Call {number}").format(number=number)
        self.caller.setText(caller.strip())
        text = state_text(state)
        reminder = view.notice_mode == "on_answer" and not view.notice_given
        failed = view.outcome.value == "failed"
        if failed:
            # The session is still "recording" (the call goes on) but nothing captures it: never say it records.
            text = self.tr("✖ NOT recorded: recording failed")
            state = "failed"
        elif state == "paused" and view.pause_reason in ("hold", "other_call"):
            text = self.tr("❚❚ On hold: nothing is recorded")
        elif state == "paused" and view.paused_since:
            text += f"  {_fmt(time.time() - parse_iso(view.paused_since).timestamp())}"
        elif state == "recording":
            text += f"  {_fmt(view.recorded_s)}"
        self.status.setText(text)
        # The timer ticks every second; everything below changes only with the state, so skip the
        # relayout then (it was most of the app's idle CPU during a call).
        marks = view.bookmarks
        last = marks[-1] if marks else None
        key = (state, reminder, view.pause_reason, self.lang, caller, len(marks),
               last and last.get("label"))
        if key == getattr(self, "_layout_key", None):
            return
        self._layout_key = key
        self.heading.setText(self.tr("Recording started on answer: read this to the customer now:") if reminder
                             else self.tr("Read this to the customer before recording:"))
        self.icon.setPixmap(icon({"recording": "recording", "paused": "paused", "failed": "error"}.get(state, "notice"))
                            .pixmap(32, 32))
        pending = state in ("ringing", "notice_pending")
        self.btn_start.setVisible(pending)
        self.btn_start.setEnabled(state == "notice_pending")
        self.btn_declined.setVisible(pending or state in ("recording", "paused"))
        self.btn_private.setVisible(True)
        self.btn_pause.setVisible(state == "recording")
        self.btn_resume.setVisible(state == "paused")
        self.btn_bookmark.setVisible(state in ("recording", "paused"))
        self.mark.setVisible(last is not None)
        self.btn_label.setVisible(last is not None and state in ("recording", "paused"))
        if last is not None:
            label = last.get("label") or ""
            at = _fmt(last.get("offset_s", 0.0))
            if label and label != "agreement":
                self.mark.setText(self.tr("Agreement marked at {time}: {label}").format(time=at, label=label))
                self.btn_label.setText(self.tr("Change label…"))
            else:
                self.mark.setText(self.tr("Agreement marked at {time}").format(time=at))
                self.btn_label.setText(self.tr("Add label…"))
        self.notice.parentWidget().setVisible(pending or reminder)
        self.adjustSize()

    # -- keyboard ------------------------------------------------------------
    def take_keyboard(self) -> None:
        """The agent asked for the card (tray, `taltio run` again, or a desktop shortcut): let it take the keys.

        Shown by itself, the card never takes focus, and clicks on it leave the focus
        where the agent is typing. Only an explicit request gives it the keyboard:
        Tab moves between the buttons, Space presses one, F2-F7 are the actions, and
        Esc gives the keyboard back.
        """
        if self.keyboard:
            self.activateWindow()
            return
        self.keyboard = True
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, False)
        for b in self.buttons:
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.show()
        self.raise_()
        self.activateWindow()
        first = next((b for b in self.buttons if b.isVisibleTo(self) and b.isEnabled()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def release_keyboard(self) -> None:
        if not self.keyboard:
            return
        self.keyboard = False
        for b in self.buttons:
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        visible = self.isVisible()
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, True)
        if visible:
            self.show()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.key() == Qt.Key.Key_Escape:
            self.release_keyboard()
            return
        b = self._keys.get(event.key())
        if b is not None and b.isVisibleTo(self) and b.isEnabled():
            b.click()
            return
        super().keyPressEvent(event)

    def show_error(self, message: str) -> None:
        if message == self.error.text() and bool(message) == self.error.isVisibleTo(self):
            return
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.adjustSize()

    def close_call(self) -> None:
        self.release_keyboard()
        self.call_id = None
        self._view = None
        self.error.hide()
        self.hide()
