"""The staff notice: what agents are told about recording, shown on first run and whenever its text changes.

The Working Life Privacy Act requires that staff know what is recorded and
why; the acknowledgement (which text, by its SHA-256, in which language, when)
goes to the local audit log and into the next manifest.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget


class StaffNoticeDialog(QDialog):
    acknowledged = Signal(str, str)        # sha256 of the text, language

    def __init__(self, text: str, sha256: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffNotice")
        self.setWindowTitle(self.tr("Taltio: how your calls are recorded"))
        self.sha256, self.language = sha256, language
        heading = QLabel(self.tr("Please read how call recording works on this workstation."))
        heading.setObjectName("staffHeading")
        heading.setWordWrap(True)
        body = QLabel(text)
        body.setObjectName("staffText")
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.setAccessibleName(self.tr("Staff notice text"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.button = QPushButton(self.tr("I have read this"))
        self.button.setObjectName("acknowledgeButton")
        self.button.setAccessibleName(self.tr("Acknowledge the staff notice"))
        self.button.setDefault(True)
        self.button.clicked.connect(self._ack)
        lay = QVBoxLayout(self)
        lay.addWidget(heading)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.button)
        self.resize(560, 420)

    def _ack(self) -> None:
        self.acknowledged.emit(self.sha256, self.language)
        self.accept()
