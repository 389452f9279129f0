"""The supervisor's review window: find calls, see whether each is genuine, listen, export for a subject.

Every read of the store runs as a Job on the window's thread pool (workers.py) and comes back
by signal; the window only ever waits on its own event loop. A search starts a new generation:
results and badges of an older search that arrive late are dropped, so a fast typist never sees
the previous query's calls under the new one.

Keyboard: Ctrl+F goes to the number field (Enter there searches), Enter on a call opens it,
Space plays or pauses (on the list, the waveform or the play button), Ctrl+E exports the
selected calls. The tab order follows the layout, top to bottom.
"""
from __future__ import annotations

import itertools
import logging
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt, QThreadPool, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from taltio.admin import play
from taltio.admin.catalog import Summary
from taltio.ui import i18n
from taltio.ui.review import workers
from taltio.ui.review.models import CallsModel
from taltio.ui.review.waveform import WaveformWidget

log = logging.getLogger("taltio.ui.review.window")

TICK_MS = 50
DEFAULT_DAYS = 30


class ReviewWindow(QMainWindow):
    def __init__(self, ctx: workers.Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewWindow")
        self.ctx = ctx
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)             # a search and the badges of the previous one, at most
        self.jobs: set[workers.Job] = set()
        self.generation = 0
        self.player: play.Player | None = None
        self.opened: workers.Opened | None = None
        self.last_export: Path | None = None
        self.model = CallsModel(self)
        self._build()
        self._shortcuts()
        self.timer = QTimer(self, interval=TICK_MS, timeout=self._tick)
        self._retranslate()
        self.resize(980, 640)

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.number = QLineEdit(objectName="numberEdit", clearButtonEnabled=True)
        self.agent = QLineEdit(objectName="agentEdit", clearButtonEnabled=True)
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-DEFAULT_DAYS), objectName="sinceEdit", calendarPopup=True)
        self.until = QDateEdit(today, objectName="untilEdit", calendarPopup=True)
        for d in (self.since, self.until):
            d.setDisplayFormat("yyyy-MM-dd")
        self.search_button = QPushButton(objectName="searchButton", autoDefault=True)
        self.labels = {k: QLabel() for k in ("number", "agent", "since", "until")}
        for k, w in zip(self.labels, (self.number, self.agent, self.since, self.until)):
            self.labels[k].setBuddy(w)
        self.table = QTableView(objectName="callsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)
        self.call_title = QLabel(objectName="callTitle", wordWrap=True)
        self.waveform = WaveformWidget()
        self.play_button = QPushButton(objectName="playButton", enabled=False)
        self.position = QLabel(objectName="positionLabel")
        self.export_button = QPushButton(objectName="exportButton", enabled=False)
        self.status = QLabel(objectName="statusLabel", wordWrap=True)
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        form = QGridLayout()
        for col, (k, w) in enumerate(zip(self.labels, (self.number, self.agent, self.since, self.until))):
            form.addWidget(self.labels[k], 0, col)
            form.addWidget(w, 1, col)
        form.addWidget(self.search_button, 1, 4)
        form.setColumnStretch(0, 3)
        form.setColumnStretch(1, 2)
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.position)
        controls.addStretch(1)
        controls.addWidget(self.export_button)
        root = QVBoxLayout()
        root.addLayout(form)
        root.addWidget(self.table, 1)
        root.addWidget(self.call_title)
        root.addWidget(self.waveform)
        root.addLayout(controls)
        root.addWidget(self.status)
        central = QWidget()
        central.setLayout(root)
        self.setCentralWidget(central)
        order = [self.number, self.agent, self.since, self.until, self.search_button, self.table, self.waveform,
                 self.play_button, self.export_button]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)

    def _connect(self) -> None:
        for w in (self.number, self.agent):
            w.returnPressed.connect(self.search)
        self.search_button.clicked.connect(self.search)
        self.table.activated.connect(self.open_index)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.play_button.clicked.connect(self.toggle_play)
        self.export_button.clicked.connect(self.export)
        self.waveform.seek_requested.connect(self.seek)

    def _shortcuts(self) -> None:
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        QShortcut(QKeySequence("Ctrl+E"), self, activated=self.export)
        for w in (self.table, self.waveform):
            QShortcut(QKeySequence(Qt.Key.Key_Space), w, activated=self.toggle_play,
                      context=Qt.ShortcutContext.WidgetShortcut)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Taltio: review calls"))
        texts = {"number": self.tr("Customer's &number"), "agent": self.tr("&Agent"), "since": self.tr("&From"),
                 "until": self.tr("&To")}
        for k, text in texts.items():
            self.labels[k].setText(text)
        self.number.setPlaceholderText(self.tr("any number, e.g. +358401234567"))
        self.agent.setPlaceholderText(self.tr("any agent"))
        self.search_button.setText(self.tr("&Search"))
        self.search_button.setToolTip(self.tr("Search the store (Ctrl+F goes to the number)"))
        self.table.setAccessibleName(self.tr("Calls found"))
        self.table.setAccessibleDescription(self.tr("Enter opens the call, Space plays or pauses it"))
        self.export_button.setText(self.tr("&Export for the data subject…"))
        self.export_button.setToolTip(self.tr("Export the selected calls into a folder (Ctrl+E)"))
        self.model.retranslate()
        self._show_call_title()
        self._show_play_state()
        if not self.status.text():
            self.status.setText(self.tr("Search by number, agent or dates; nothing is read until you search."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- jobs ----------------------------------------------------------------------------------
    def _start(self, job: workers.Job, done, failed=None, progress=None) -> workers.Job:
        """Run *job* on the pool. The slots are bound methods of this window, so Qt queues the signals
        to the GUI thread; each gets (job, value)."""
        self.jobs.add(job)
        job.signals.done.connect(self._forget)
        job.signals.failed.connect(self._forget)
        job.signals.done.connect(done)
        job.signals.failed.connect(failed or self._failed)
        if progress is not None:
            job.signals.progress.connect(progress)
        self.pool.start(job)
        return job

    def _forget(self, job: workers.Job, _value: object) -> None:
        self.jobs.discard(job)

    def _failed(self, _job: workers.Job | None, message: str) -> None:
        self.status.setText(self.tr("Could not finish: {message}").format(message=message))

    # -- search --------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.number.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.number.selectAll()

    def query(self) -> workers.Query:
        return workers.Query(self.number.text(), self.agent.text(), self.since.date().toPython(),
                             self.until.date().toPython())

    def search(self) -> None:
        q = self.query()
        if q.since and q.until and q.until < q.since:
            self.status.setText(self.tr("The end date is before the start date."))
            return
        self.generation += 1
        self.search_button.setEnabled(False)
        self.status.setText(self.tr("Searching…"))
        self._start(workers.Job(workers.search, self.ctx, q, generation=self.generation), self._found,
                    self._search_failed)

    def _search_failed(self, job: workers.Job, message: str) -> None:
        if job.generation == self.generation:
            self.search_button.setEnabled(True)
            self._failed(job, message)

    def _found(self, job: workers.Job, found: workers.Found) -> None:
        if job.generation != self.generation:
            return
        calls = found.calls
        self.search_button.setEnabled(True)
        self.model.set_calls(calls)
        text = self.tr("%n call(s) found; checking each…", "", len(calls)) if calls else self.tr("No calls match.")
        if found.unchecked:
            text += " " + self.tr("%n call(s) could not be checked for the number (no index key or identity).",
                                  "", len(found.unchecked))
        self.status.setText(text)
        if calls:
            self.table.selectRow(0)
            self._start(workers.Job(workers.verify_each, self.ctx, calls, generation=self.generation),
                        self._verified, progress=self._badge)

    def _badge(self, job: workers.Job, key_report: tuple) -> None:
        if job.generation == self.generation:
            self.model.set_report(*key_report)

    def _verified(self, job: workers.Job, n: int) -> None:
        if job.generation != self.generation:
            return
        failed = sum(1 for r in self.model.reports.values() if not r.ok)
        self.status.setText(self.tr("%n call(s) found.", "", n) + " " +
                            (self.tr("%n failed verification: see the badge's tooltip.", "", failed) if failed
                             else self.tr("All verified.")))

    def _selection_changed(self) -> None:
        self.export_button.setEnabled(bool(self.selected()))

    def selected(self) -> list[Summary]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [s for s in (self.model.summary(r) for r in rows) if s is not None]

    # -- opening and playing ---------------------------------------------------------------------
    def open_index(self, index: QModelIndex) -> None:
        s, rep = self.model.summary(index.row()), self.model.report(index.row())
        if s is None:
            return
        if rep is not None and not rep.ok:
            self.status.setText(self.model.reason(rep))
            return
        self.status.setText(self.tr("Opening the call {call}…").format(call=s.call_id))
        self._start(workers.Job(workers.open_call, self.ctx, s, rep), self._opened)

    def open_selected(self) -> None:
        self.open_index(self.table.currentIndex())

    def _opened(self, _job: workers.Job, op: workers.Opened) -> None:
        self._close_player()
        self.opened = op
        doc = op.report.doc or {}
        self.waveform.set_call(op.envelope, op.audio.duration_s, play.bookmarks(doc), play.pauses(doc))
        self._show_call_title()
        try:
            self.player = play.Player(op.audio, "both", self.ctx.device)
        except play.PlayError as exc:
            self.status.setText(str(exc))
        else:
            self.status.setText(self.tr("Ready to play: Space plays and pauses."))
        self._show_play_state()

    def toggle_play(self) -> None:
        if self.player is None:
            if self.table.hasFocus():
                self.open_selected()
            return
        if self.player.playing:
            self.player.pause()
            self.timer.stop()
        else:
            self.player.play()
            self.timer.start()
        self._show_play_state()

    def seek(self, seconds: float) -> None:
        if self.player is not None:
            self.player.seek(seconds)
            self._tick()

    def _tick(self) -> None:
        if self.player is None:
            return
        self.waveform.set_position(self.player.position_s)
        if not self.player.playing:
            self.timer.stop()
        self._show_play_state()

    def _show_play_state(self) -> None:
        p = self.player
        self.play_button.setEnabled(p is not None)
        self.play_button.setText(self.tr("&Pause") if p is not None and p.playing else self.tr("&Play"))
        self.play_button.setToolTip(self.tr("Play or pause (Space)"))
        self.position.setText("" if p is None else f"{play.clock(p.position_s)} / {play.clock(p.audio.duration_s)}")

    def _show_call_title(self) -> None:
        op = self.opened
        self.call_title.setText(self.tr("No call open: select one and press Enter.") if op is None else
                                self.tr("Call {call} by {agent}, {date} ({verdict})").format(
                                    call=op.summary.call_id, agent=op.summary.agent,
                                    date=self.model._cell(op.summary, None, 0), verdict=self.model.badge(op.report)))

    def _close_player(self) -> None:
        self.timer.stop()
        if self.player is not None:
            self.player.close()
            self.player = None

    # -- export ----------------------------------------------------------------------------------
    def choose_folder(self) -> Path | None:
        """Where the export goes; the user picks (tests replace this)."""
        d = QFileDialog.getExistingDirectory(self, self.tr("Export into which folder?"))
        return Path(d) if d else None

    def export(self) -> None:
        calls = self.selected() or ([self.opened.summary] if self.opened else [])
        if not calls:
            self.status.setText(self.tr("Select the calls to export first."))
            return
        folder = self.choose_folder()
        if folder is None:
            return
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting %n call(s)…", "", len(calls)))
        self._start(workers.Job(workers.export, self.ctx, calls, folder, i18n.current()), self._exported,
                    self._export_failed)

    def _exported(self, _job: workers.Job, path: Path) -> None:
        self.last_export = Path(path)
        self.export_button.setEnabled(bool(self.selected()))
        self.status.setText(self.tr("Exported to {path}").format(path=str(path)))

    def _export_failed(self, job: workers.Job, message: str) -> None:
        self.export_button.setEnabled(bool(self.selected()))
        self._failed(job, message)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._close_player()
        self.generation += 1
        self.pool.clear()
        self.pool.waitForDone(3000)
        super().closeEvent(event)
