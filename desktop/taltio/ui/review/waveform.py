"""Both channels of a call as min/max envelopes, with its pauses and bookmarks, and where playback is.

The envelope comes precomputed (admin/play.envelope on a worker thread), so painting a two-hour
call costs the same as a short one: each pixel column draws the min..max of the buckets under it.
The agent (left channel) is the upper lane, the customer (right) the lower, as the manifest
defines them. A click seeks; a click on or near a marker seeks exactly to it (a bookmark is
where the agent said something mattered, so a near miss should not start a few words late).
Keyboard: Left/Right 5 s, Home/End, Page Up/Down the previous/next marker.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from taltio.admin.play import clock

SNAP_PX = 6
STEP_S = 5.0
LANE_COLOURS = (QColor("#2f6db5"), QColor("#b5652f"))
BOOKMARK_COLOUR, PAUSE_COLOUR, CURSOR_COLOUR = QColor("#c79100"), QColor("#7a7a7a"), QColor("#d0021b")


class WaveformWidget(QWidget):
    seek_requested = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waveform")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.env: np.ndarray | None = None
        self.duration = 0.0
        self.position = 0.0
        self.bookmarks: list[tuple[int, float, str]] = []
        self.pauses: list[tuple[float, str]] = []
        self._retranslate()

    def sizeHint(self) -> QSize:
        return QSize(640, 150)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 150)

    # -- data ---------------------------------------------------------------------------------
    def set_call(self, env: np.ndarray | None, duration: float, bookmarks: list[tuple[int, float, str]],
                 pauses: list[tuple[float, str]]) -> None:
        self.env, self.duration = env, max(0.0, duration)
        self.bookmarks, self.pauses, self.position = list(bookmarks), list(pauses), 0.0
        self._retranslate()
        self.update()

    def set_position(self, seconds: float) -> None:
        if abs(seconds - self.position) > 1e-3:
            self.position = seconds
            self.update()

    def markers(self) -> list[float]:
        return sorted({at for _, at, _ in self.bookmarks} | {at for at, _ in self.pauses})

    # -- geometry -----------------------------------------------------------------------------
    def _x(self, seconds: float) -> float:
        return 0.0 if self.duration <= 0 else seconds / self.duration * (self.width() - 1)

    def _seconds(self, x: float) -> float:
        return 0.0 if self.width() <= 1 else max(0.0, min(1.0, x / (self.width() - 1))) * self.duration

    def marker_at(self, x: float) -> tuple[float, str] | None:
        """The nearest marker within SNAP_PX of *x*: (seconds, what it is), else None."""
        near = []
        for i, at, label in self.bookmarks:
            text = self.tr("Bookmark {n}: {label}").format(n=i, label=label) if label else \
                self.tr("Bookmark {n}").format(n=i)
            near.append((abs(self._x(at) - x), at, text))
        for at, reason in self.pauses:
            near.append((abs(self._x(at) - x), at, self.tr("Paused ({reason})").format(reason=reason or "–")))
        hit = min(near, default=None)
        return (hit[1], hit[2]) if hit and hit[0] <= SNAP_PX else None

    # -- painting -----------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().base())
        lanes = [QRectF(0, 0, self.width(), self.height() / 2), QRectF(0, self.height() / 2, self.width(),
                                                                      self.height() / 2)]
        for i, lane in enumerate(lanes):
            self._lane(p, lane, i)
        self._markers(p)
        if self.hasFocus():
            p.setPen(QPen(self.palette().highlight().color(), 2))
            p.drawRect(self.rect().adjusted(1, 1, -1, -1))
        p.end()

    def _lane(self, p: QPainter, lane: QRectF, ch: int) -> None:
        mid, half = lane.center().y(), lane.height() / 2 - 4
        p.setPen(QPen(self.palette().mid().color(), 1))
        p.drawLine(QPointF(0, mid), QPointF(lane.width(), mid))
        if self.env is not None and ch < self.env.shape[0]:
            cols = _columns(self.env[ch], max(1, self.width()))
            p.setPen(QPen(LANE_COLOURS[ch], 1))
            for x, (lo, hi) in enumerate(cols):
                p.drawLine(QPointF(x, mid - hi * half), QPointF(x, mid - lo * half))
        # The lane's name on a box of the background, so it stays legible over a loud stretch.
        box = p.fontMetrics().boundingRect(self.lane_names[ch]).adjusted(-4, -2, 4, 2)
        box.moveTopLeft(lane.topLeft().toPoint() + QPoint(4, 3))
        back = self.palette().base().color()
        back.setAlpha(215)
        p.fillRect(box, back)
        p.setPen(self.palette().text().color())
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, self.lane_names[ch])

    def _markers(self, p: QPainter) -> None:
        h = self.height()
        p.setPen(QPen(PAUSE_COLOUR, 2, Qt.PenStyle.DashLine))
        for at, _ in self.pauses:
            p.drawLine(QPointF(self._x(at), 0), QPointF(self._x(at), h))
        p.setPen(QPen(BOOKMARK_COLOUR, 2))
        p.setBrush(BOOKMARK_COLOUR)
        for _, at, _ in self.bookmarks:
            x = self._x(at)
            p.drawLine(QPointF(x, 0), QPointF(x, h))
            p.drawPolygon(QPolygonF([QPointF(x, 0), QPointF(x + 9, 5), QPointF(x, 10)]))
        p.setPen(QPen(CURSOR_COLOUR, 2))
        x = self._x(self.position)
        p.drawLine(QPointF(x, 0), QPointF(x, h))

    # -- input ----------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.duration > 0:
            hit = self.marker_at(event.position().x())
            self.seek_requested.emit(hit[0] if hit else self._seconds(event.position().x()))
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        k, marks = event.key(), self.markers()
        target = {Qt.Key.Key_Left: self.position - STEP_S, Qt.Key.Key_Right: self.position + STEP_S,
                  Qt.Key.Key_Home: 0.0, Qt.Key.Key_End: self.duration,
                  Qt.Key.Key_PageUp: max((m for m in marks if m < self.position - 0.5), default=0.0),
                  Qt.Key.Key_PageDown: min((m for m in marks if m > self.position + 0.05), default=None)}.get(k)
        if k in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp,
                 Qt.Key.Key_PageDown) and self.duration > 0:
            if target is not None:
                self.seek_requested.emit(max(0.0, min(self.duration, target)))
            event.accept()
            return
        super().keyPressEvent(event)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            hit = self.marker_at(e.pos().x())
            text = f"{clock(hit[0])} {hit[1]}" if hit else clock(self._seconds(e.pos().x()))
            QToolTip.showText(e.globalPos(), text, self)
            return True
        if e.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return super().event(e)

    def _retranslate(self) -> None:
        self.lane_names = (self.tr("Agent"), self.tr("Customer"))
        self.setAccessibleName(self.tr("Waveform of the call"))
        self.setAccessibleDescription(self.tr("Upper: the agent; lower: the customer. {marks} bookmark(s), "
                                              "{pauses} pause(s). Left and Right seek 5 seconds, Page Up and "
                                              "Page Down go to the previous or next marker.")
                                      .format(marks=len(self.bookmarks), pauses=len(self.pauses)))


def _columns(env: np.ndarray, width: int) -> np.ndarray:
    """The (buckets, 2) envelope folded to *width* pixel columns: min of mins, max of maxes."""
    n = len(env)
    edges = np.linspace(0, n, width + 1).astype(int)
    edges[1:] = np.maximum(edges[1:], edges[:-1] + 1)
    edges = np.minimum(edges, n)
    lo = np.minimum.reduceat(env[:, 0], np.minimum(edges[:-1], n - 1))
    hi = np.maximum.reduceat(env[:, 1], np.minimum(edges[:-1], n - 1))
    return np.clip(np.column_stack([lo, hi]), -1.0, 1.0)
