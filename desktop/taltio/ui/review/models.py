"""The search results as a table model: one row per call, with its verification badge.

The badge is data, not a widget: the table paints it, the tooltip and the accessible description
carry the reason a call failed (a screen reader reads the description), and the window asks the
model whether a call may be opened. Reports arrive from the verify job one at a time.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from taltio.admin.catalog import Summary
from taltio.admin.play import clock
from taltio.admin.verify import Report

SUMMARY_ROLE = Qt.ItemDataRole.UserRole
REPORT_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = 7
BADGE = 6
OK_COLOUR, FAIL_COLOUR, WAIT_COLOUR = QColor("#1b7a2e"), QColor("#b3261e"), QColor("#6b6b6b")


class CallsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.calls: list[Summary] = []
        self.reports: dict[str, Report] = {}

    # -- filling ------------------------------------------------------------------------------
    def set_calls(self, calls: list[Summary]) -> None:
        self.beginResetModel()
        self.calls, self.reports = list(calls), {}
        self.endResetModel()

    def set_report(self, key: str, rep: Report) -> None:
        self.reports[key] = rep
        for row, s in enumerate(self.calls):
            if s.key == key:
                i = self.index(row, BADGE)
                self.dataChanged.emit(self.index(row, 0), i)

    def summary(self, row: int) -> Summary | None:
        return self.calls[row] if 0 <= row < len(self.calls) else None

    def report(self, row: int) -> Report | None:
        s = self.summary(row)
        return self.reports.get(s.key) if s else None

    # -- texts --------------------------------------------------------------------------------
    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Agent"), self.tr("Direction"), self.tr("Duration"), self.tr("Outcome"),
                self.tr("Call"), self.tr("Verification")]

    def direction(self, value: str | None) -> str:
        return {"incoming": self.tr("incoming"), "outgoing": self.tr("outgoing")}.get(value or "", value or "–")

    def outcome(self, value: str | None) -> str:
        names = {"recorded": self.tr("recorded"), "interrupted": self.tr("interrupted"),
                 "declined": self.tr("declined"), "private": self.tr("private"), "failed": self.tr("failed"),
                 "not_recorded": self.tr("not recorded")}
        return names.get(value or "", value or "–")

    def badge(self, rep: Report | None) -> str:
        if rep is None:
            return self.tr("Checking…")
        return self.tr("✔ Verified") if rep.ok else self.tr("✖ Failed")

    def reason(self, rep: Report | None) -> str:
        """Why the badge says what it says: every failed check with its reason."""
        if rep is None:
            return self.tr("The signature, signer, hashes and notice time are being checked")
        if rep.ok:
            return self.tr("Signature, trusted signer, hashes, segments and notice time checked")
        return self.tr("Verification failed: {reasons}").format(
            reasons="; ".join(f"{c.name}: {c.reason}" for c in rep.failures()))

    # -- the model ----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt naming
        return 0 if parent.isValid() else len(self.calls)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section < COLUMNS:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        s = self.summary(index.row())
        if s is None:
            return None
        rep = self.reports.get(s.key)
        col = index.column()
        if role == SUMMARY_ROLE:
            return s
        if role == REPORT_ROLE:
            return rep
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(s, rep, col)
        if col == BADGE and role == Qt.ItemDataRole.ForegroundRole:
            return WAIT_COLOUR if rep is None else OK_COLOUR if rep.ok else FAIL_COLOUR
        if col == BADGE and role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return self.reason(rep)
        return None

    def _cell(self, s: Summary, rep: Report | None, col: int) -> str:
        if col == 0:
            return (s.started or s.day.replace("/", "-"))[:19].replace("T", " ")
        if col == 1:
            return s.agent
        if col == 2:
            return self.direction(s.direction)
        if col == 3:
            return "–" if s.duration_s is None else clock(s.duration_s)
        if col == 4:
            return self.outcome(s.outcome)
        if col == 5:
            return s.call_id
        return self.badge(rep)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        if self.calls:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.calls) - 1, COLUMNS - 1))
