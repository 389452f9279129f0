"""The notice card: what to read to the customer, and the call's recording controls.

It stays on top but never takes keyboard focus: the agent is typing in the
softphone or CRM while it is shown.
"""
from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .icons import icon

STATE_TEXT = {
    "ringing": "Call ringing: prepare the notice",
    "notice_pending": "Read the notice, then start recording",
    "recording": "● Recording",
    "paused": "❚❚ Paused: nothing is recorded",
}


def _epoch(iso_time: str) -> float:
    return datetime.fromisoformat(iso_time.replace("Z", "+00:00")).timestamp()


def _fmt(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 60:02d}:{s % 60:02d}"


class NoticeCard(QWidget):
    action = Signal(str, str)      # (event, call_id)
    language = Signal(str, str)    # (call_id, language)

    def __init__(self, texts: dict[str, str], infos: dict[str, str] | None = None) -> None:
        """texts/infos: language -> the notice script / the privacy information for a customer who asks."""
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowTitle("Taltio: call recording")
        self.setObjectName("noticeCard")
        self.call_id: str | None = None
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
        frame = QFrame()
        frame.setObjectName("noticeFrame")
        fl = QVBoxLayout(frame)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        langs = QHBoxLayout()
        langs.addWidget(self.heading, 1)
        self.lang_buttons: dict[str, QPushButton] = {}
        for code in texts:
            b = QPushButton(code.upper())
            b.setObjectName(f"lang_{code}")
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setMaximumWidth(44)
            b.setAccessibleName(f"Notice language {code}")
            b.clicked.connect(lambda _c=False, code=code: self._pick_language(code))
            langs.addWidget(b)
            self.lang_buttons[code] = b
        fl.addLayout(langs)
        fl.addWidget(self.notice)
        self.btn_info = QPushButton("Customer asks about the recording")
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
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()

        def btn(text: str, event: str, name: str) -> QPushButton:
            b = QPushButton(text)
            b.setObjectName(name)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda: self.call_id and self.action.emit(event, self.call_id))
            return b

        self.btn_start = btn("Notice given: start recording", "notice-given", "startButton")
        self.btn_declined = btn("Customer declined", "declined", "declinedButton")
        self.btn_private = btn("Private call", "private", "privateButton")
        self.btn_pause = btn("Pause (card data)", "pause", "pauseButton")
        self.btn_resume = btn("Resume recording", "resume", "resumeButton")
        self.btn_bookmark = btn("Mark agreement", "bookmark", "bookmarkButton")

        row1 = QHBoxLayout()
        for b in (self.btn_start, self.btn_declined, self.btn_private):
            row1.addWidget(b)
        row2 = QHBoxLayout()
        for b in (self.btn_pause, self.btn_resume, self.btn_bookmark):
            row2.addWidget(b)

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
        lay.addLayout(row1)
        self.setStyleSheet("""
            #status { font-size: 16px; font-weight: bold; }
            #noticeFrame { background: #fff8e1; border: 1px solid #e0a100; border-radius: 6px; }
            #noticeText { font-size: 14px; }
            #heading { color: #6b5200; }
            #privacyInfo { background: #ffffff; border: 1px solid #c9b26b; padding: 6px; }
            #error { color: #9d0208; font-weight: bold; }
            #startButton { background: #2a9d8f; color: white; font-weight: bold; padding: 6px; }
        """)

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

    def show_call(self, view: dict) -> None:
        new_call = view["call_id"] != self.call_id
        self.call_id = view["call_id"]
        state = view["state"]
        if new_call or view.get("language") != self.lang:
            self._set_language(view.get("language") or self.lang)
        if new_call:
            self.btn_info.setChecked(False)
        direction = {"incoming": "Incoming call", "outgoing": "Outgoing call"}.get(view.get("direction") or "", "Call")
        self.caller.setText(f"{direction} {view.get('number_hint', '')}".strip())
        text = STATE_TEXT.get(state, state)
        reminder = view.get("notice_mode") == "on_answer" and not view.get("notice_given")
        if state == "paused" and view.get("pause_reason") in ("hold", "other_call"):
            text = "❚❚ On hold: nothing is recorded"
        elif state == "paused" and view.get("paused_since"):
            text += f"  {_fmt(time.time() - _epoch(view['paused_since']))}"
        elif state == "recording":
            text += f"  {_fmt(view.get('recorded_s', 0.0))}"
        self.status.setText(text)
        self.heading.setText("Recording started on answer: read this to the customer now:" if reminder
                             else "Read this to the customer before recording:")
        self.icon.setPixmap(icon({"recording": "recording", "paused": "paused"}.get(state, "notice")).pixmap(32, 32))
        pending = state in ("ringing", "notice_pending")
        self.btn_start.setVisible(pending)
        self.btn_start.setEnabled(state == "notice_pending")
        self.btn_declined.setVisible(pending or state in ("recording", "paused"))
        self.btn_private.setVisible(True)
        self.btn_pause.setVisible(state == "recording")
        self.btn_resume.setVisible(state == "paused")
        self.btn_bookmark.setVisible(state in ("recording", "paused"))
        self.notice.parentWidget().setVisible(pending or reminder)
        self.adjustSize()
        if not self.isVisible():
            self.show()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def close_call(self) -> None:
        self.call_id = None
        self.error.hide()
        self.hide()
