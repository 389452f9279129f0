"""The staff notice: what agents are told about recording, shown on first run and whenever its text changes.

The Working Life Privacy Act requires that staff know what is recorded and
why; the acknowledgement (which text, by its SHA-256, in which language, when)
goes to the local audit log and into the next manifest.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget


class StaffNoticeDialog(QDialog):
    acknowledged = Signal(str, str)        # sha256 of the text, language

    def __init__(self, text: str, sha256: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffNotice")
        self.sha256, self.language = sha256, language
        self.heading = QLabel()
        self.heading.setObjectName("staffHeading")
        self.heading.setWordWrap(True)
        # The notice itself is in *language* (its acknowledgement records which text was read);
        # the app opens a new dialog in the new language if the agent switches before acknowledging.
        self.body = QLabel(text)
        self.body.setObjectName("staffText")
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        self.button = QPushButton()
        self.button.setObjectName("acknowledgeButton")
        self.button.setDefault(True)
        self.button.clicked.connect(self._ack)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.button)
        self._retranslate()
        self.resize(560, 420)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Taltio: how your calls are recorded"))
        self.heading.setText(self.tr("Please read how call recording works on this workstation."))
        self.body.setAccessibleName(self.tr("Staff notice text"))
        self.button.setText(self.tr("I have read this"))
        self.button.setAccessibleName(self.tr("Acknowledge the staff notice"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _ack(self) -> None:
        self.acknowledged.emit(self.sha256, self.language)
        self.accept()
