"""The notice card: what to read to the customer, and the call's recording controls.

It stays on top but never takes keyboard focus: the agent is typing in the
softphone or CRM while it is shown.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .icons import icon

STATE_TEXT = {
    "ringing": "Call ringing: prepare the notice",
    "notice_pending": "Read the notice, then start recording",
    "recording": "● Recording",
    "paused": "❚❚ Paused: nothing is recorded",
}


def _fmt(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 60:02d}:{s % 60:02d}"


class NoticeCard(QWidget):
    action = Signal(str, str)      # (event, call_id)

    def __init__(self, notice_text: str) -> None:
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowTitle("Taltio: call recording")
        self.setObjectName("noticeCard")
        self.call_id: str | None = None
        self.setMinimumWidth(440)

        self.status = QLabel()
        self.status.setObjectName("status")
        self.caller = QLabel()
        self.caller.setObjectName("caller")
        self.notice = QLabel(notice_text)
        self.notice.setWordWrap(True)
        self.notice.setObjectName("noticeText")
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        frame = QFrame()
        frame.setObjectName("noticeFrame")
        fl = QVBoxLayout(frame)
        heading = QLabel("Read this to the customer before recording:")
        heading.setObjectName("heading")
        fl.addWidget(heading)
        fl.addWidget(self.notice)
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
            #error { color: #9d0208; font-weight: bold; }
            #startButton { background: #2a9d8f; color: white; font-weight: bold; padding: 6px; }
        """)

    def show_call(self, view: dict) -> None:
        self.call_id = view["call_id"]
        state = view["state"]
        direction = {"incoming": "Incoming call", "outgoing": "Outgoing call"}.get(view.get("direction") or "", "Call")
        self.caller.setText(f"{direction} {view.get('number_hint', '')}".strip())
        text = STATE_TEXT.get(state, state)
        if state in ("recording", "paused"):
            text += f"  {_fmt(view.get('recorded_s', 0.0))}"
        self.status.setText(text)
        self.icon.setPixmap(icon({"recording": "recording", "paused": "paused"}.get(state, "notice")).pixmap(32, 32))
        pending = state in ("ringing", "notice_pending")
        self.btn_start.setVisible(pending)
        self.btn_start.setEnabled(state == "notice_pending")
        self.btn_declined.setVisible(pending or state in ("recording", "paused"))
        self.btn_private.setVisible(True)
        self.btn_pause.setVisible(state == "recording")
        self.btn_resume.setVisible(state == "paused")
        self.btn_bookmark.setVisible(state in ("recording", "paused"))
        self.notice.parentWidget().setVisible(pending)
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
