""""Check this computer": the checks of `taltio doctor`, run from the tray and shown in the agent's language.

When recording fails, support asks the agent to check the computer; a terminal is the wrong place for that.
This runs the very same checks (app/checks.py, as `taltio doctor`: keyring, recipients, devices, storage, disk, softphone,
queue) on a worker thread, so the tray never freezes on a storage timeout, and shows each line translated.
"Copy for IT" copies the English lines, exactly as `taltio doctor` prints them, for the ticket.
"""
from __future__ import annotations

import logging
import threading
from typing import Callable

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (QApplication, QDialog, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from taltio.domain.texts import QT_TRANSLATE_NOOP, Text
from taltio.ui.core_text import render

log = logging.getLogger("taltio.ui.checks")

Result = tuple[str, str, str]          # (ok / FAIL / warn, name, detail): app/checks.run_checks
GLYPHS = {"ok": ("✔", "#1b7f3b"), "warn": ("⚠", "#8a5a00"), "FAIL": ("✖", "#9d0208")}


class ChecksWindow(QDialog):
    _done = Signal(object)             # the results, from the worker thread to the GUI thread

    def __init__(self, run: Callable[[], list[Result]] | None = None, parent: QWidget | None = None, *,
                 softphone_status: Callable[[], str] | None = None) -> None:
        """*run*: the checks (default: app/checks.run_checks, told the app's own *softphone_status*)."""
        super().__init__(parent)
        self.setObjectName("checksWindow")
        if run is None:
            from taltio.app.checks import run_checks

            def run() -> list[Result]:
                return run_checks(softphone_status)
        self._run = run
        self.results: list[Result] = []
        self._worker: threading.Thread | None = None
        self.summary = QLabel()
        self.summary.setObjectName("checksSummary")
        self.summary.setWordWrap(True)
        self._rows = QWidget()
        self._grid = QGridLayout(self._rows)
        self._grid.setColumnStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._rows)
        scroll.setMinimumHeight(380)        # every check's line at once; the wrapped reasons would hide it
        self.again = QPushButton()
        self.again.setObjectName("runAgainButton")
        self.again.clicked.connect(self.start)
        self.copy = QPushButton()
        self.copy.setObjectName("copyButton")
        self.copy.clicked.connect(self.copy_for_it)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.again)
        buttons.addWidget(self.copy)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(scroll, 1)
        lay.addLayout(buttons)
        self.resize(self.sizeHint())
        self._done.connect(self._show)
        self._retranslate()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(820, 520)              # the scroll area's own hint is tiny

    # -- running ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Run the checks on a worker thread (storage and the softphone may take seconds to answer)."""
        if self._worker is not None and self._worker.is_alive():
            return
        self.again.setEnabled(False)
        self.copy.setEnabled(False)
        self.summary.setText(self.tr("Checking this computer…"))
        self._worker = threading.Thread(target=self._work, name="taltio-checks", daemon=True)
        self._worker.start()

    def _work(self) -> None:
        try:
            results = self._run()
        except Exception as exc:  # noqa: BLE001 - a check that crashes is one failed line, never a dead window
            log.exception("the checks failed")
            results = [("FAIL", Text(QT_TRANSLATE_NOOP("core", "checks")), f"{type(exc).__name__}: {exc}")]
        self._done.emit(results)

    def _show(self, results: list[Result]) -> None:
        self.results = results
        self.again.setEnabled(True)
        self.copy.setEnabled(True)
        self._fill()

    def _fill(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for row, (status, name, detail) in enumerate(self.results):
            glyph, colour = GLYPHS.get(status, ("?", "#000000"))
            mark = QLabel(glyph)
            mark.setStyleSheet(f"color: {colour}; font-weight: bold;")
            mark.setAccessibleName(self._status_word(status))
            label = QLabel(f"<b>{render(name)}</b>")
            label.setTextFormat(Qt.TextFormat.RichText)
            text = QLabel(render(detail))
            text.setTextFormat(Qt.TextFormat.PlainText)         # a device or path name is never markup
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            for col, widget in enumerate((mark, label, text)):
                self._grid.addWidget(widget, row, col, Qt.AlignmentFlag.AlignTop)
        self._grid.setRowStretch(len(self.results), 1)
        failed = sum(1 for r in self.results if r[0] == "FAIL")
        self.summary.setText(self.tr("%n problem(s) found.", "", failed) if failed
                             else self.tr("All checks passed."))

    def _status_word(self, status: str) -> str:
        return {"ok": self.tr("OK"), "warn": self.tr("Warning"), "FAIL": self.tr("Problem")}.get(status, status)

    # -- for IT ------------------------------------------------------------------------------------
    def english_report(self) -> str:
        """The lines as `taltio doctor` prints them: a ticket is read by IT, in the language of the logs."""
        from taltio.app.about import version_text
        from taltio.app.checks import report_lines

        return version_text("taltio") + "\n\n" + "\n".join(report_lines(self.results)) + "\n"

    def copy_for_it(self) -> None:
        QApplication.clipboard().setText(self.english_report())
        self.summary.setText(self.tr("Copied: paste it into your message to IT."))

    # -- language ------------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Taltio: check this computer"))
        self.again.setText(self.tr("Check again"))
        self.copy.setText(self.tr("Copy for IT"))
        self.close_button.setText(self.tr("Close"))
        if self.results:
            self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
