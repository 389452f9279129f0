"""The status pill: a small always-on-top label that says whether this call is being recorded.

It floats above the softphone and CRM, never takes keyboard focus (the agent is
typing), and can be dragged anywhere with the mouse.  A click without a drag
emits ``clicked`` so the app can bring up the call card.

Each status has its own colour *and* glyph (see icons.py), and a short label
built from the status and the optional start time, e.g. "REC 03:12" or
"PAUSED 00:14".  The app's full status text goes into the tooltip and the
accessible name/description, so screen readers get the whole sentence.
"""
from __future__ import annotations

import logging
import math
import re
import time

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QGuiApplication, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QRegion
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QMenu, QWidget

from taltio.domain.events import parse_iso
from taltio.domain.session import CallView, State
from taltio.ui.icons import OUTLINE_DARK, OUTLINE_LIGHT, draw_glyph, style

log = logging.getLogger(__name__)

STATUSES = ("idle", "notice", "recording", "paused", "private", "declined", "warning", "error", "uploading",
            "standalone")


def format_elapsed(seconds: float) -> str:
    """mm:ss, or h:mm:ss from one hour on; negative (clock skew) counts as 0."""
    s = max(0, int(seconds))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m:02d}:{sec:02d}"


TIMED = ("recording", "paused", "warning")     # the statuses whose pill shows a running timer


def timer_start(status: str, view: CallView | dict | None) -> float | None:
    """When the state the pill shows began (epoch seconds), for its running timer: the pause's start
    while the call is paused, else when recording began; None without a call or for an untimed status."""
    if view is None or status not in TIMED:
        return None
    view = CallView.from_dict(view)
    if view.state == State.PAUSED and view.paused_since:
        return parse_iso(view.paused_since).timestamp()
    return view.recording_since


class PillGlyph(QWidget):
    """The state glyph, painted (not a font character) so it looks the same everywhere."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.glyph = "ring"
        self.fg = QColor("#ffffff")
        self.bg = QColor("#000000")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_glyph(self, glyph: str, fg: str, bg: str) -> None:
        self.glyph, self.fg, self.bg = glyph, QColor(fg), QColor(bg)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        draw_glyph(p, QRectF(self.rect()), self.glyph, self.fg, self.bg)
        p.end()


class StatusPill(QWidget):
    """Frameless, always-on-top, never focused, draggable status pill.

    ``set_status(status, text, since=None)``: *status* is one of STATUSES (what
    ``TaltioApp.compute_status`` returns), *text* the full sentence for the
    tooltip and screen readers, *since* a ``time.time()`` epoch: when given, the
    pill shows a running timer (recording or pause duration).
    """

    clicked = Signal()
    moved = Signal(QPoint)       # the agent dropped it here (to be remembered for the next start)
    start_call = Signal()        # right-click menu: a call Taltio cannot hear of, started by hand
    end_call = Signal()

    MARGIN = 12          # distance from the screen edge for the default position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("statusPill")
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        # Rounded ends: alpha where windows can have it; on X11 a compositor is not guaranteed
        # (no compositor = black corners), so there the window gets a shape mask instead.
        self._use_mask = QGuiApplication.platformName() == "xcb"
        if not self._use_mask:
            self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)

        self.status = "idle"
        self.text = ""
        self.since: float | None = None
        self._press_global: QPoint | None = None
        self._press_pos = QPoint()
        self._dragging = False
        self._placed = False          # positioned at least once (first show)
        self._user_moved = False      # dragged by the agent: stay there (inside the screen)

        self.glyph = PillGlyph(self)
        self.glyph.setObjectName("pillGlyph")
        self.label = QLabel(self)
        self.label.setObjectName("pillText")
        self.label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        f = self.label.font()
        f.setBold(True)
        if f.pointSizeF() > 0:
            f.setPointSizeF(f.pointSizeF() * 1.1)
        self.label.setFont(f)
        side = max(12, round(self.label.fontMetrics().height() * 0.9))
        self.glyph.setFixedSize(side, side)

        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 5, 14, 5)
        lay.setSpacing(7)
        lay.addWidget(self.glyph, 0, Qt.AlignmentFlag.AlignVCenter)
        lay.addWidget(self.label, 1, Qt.AlignmentFlag.AlignVCenter)

        self._timer = QTimer(self)
        self._timer.setObjectName("pillTimer")
        self._timer.setSingleShot(True)     # re-armed each tick, aligned to the second boundary
        self._timer.timeout.connect(self._tick)

        # The pill is where the agent looks during a call, so a call started by hand can be ended here too.
        self.menu = QMenu(self)
        self.menu.setObjectName("pillMenu")
        self._act_start = self.menu.addAction("", self.start_call.emit)
        self._act_end = self.menu.addAction("", self.end_call.emit)
        self._act_end.setEnabled(False)

        self._retranslate_static()
        self.set_status("idle", self.tr("Ready: no call"))

    # ----------------------------------------------------------------- API
    def set_manual_call(self, active: bool) -> None:
        self._act_end.setEnabled(active)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt naming
        self.menu.popup(event.globalPos())
        event.accept()

    def set_status(self, status: str, text: str, since: float | None = None) -> None:
        if (status, text, since) == (self.status, self.text, self.since) and self.label.text():
            return                # the app refreshes every second; the pill's own timer does the ticking
        if status not in STATUSES:
            log.debug("status pill: unknown status %r shown as idle", status)
        self.status, self.text, self.since = status, text, since
        st = style(status)
        self.glyph.set_glyph(st.glyph, st.fg, st.bg)
        pal = self.label.palette()
        pal.setColor(self.label.foregroundRole(), QColor(st.fg))
        self.label.setPalette(pal)
        self._refresh_text()
        if since is None:
            self._timer.stop()
        else:
            self._arm_timer()
        self.update()

    def show_call_status(self, status: str, text: str, view: CallView | dict | None) -> None:
        """set_status with the timer taken from the current call's view (see timer_start)."""
        self.set_status(status, text, timer_start(status, view))

    def short_text(self) -> str:
        """The label shown in the pill, built from the status and the timer."""
        base = self._label(self.status)
        if self.since is None:
            return base
        elapsed = format_elapsed(time.time() - self.since)
        if self.status == "recording":
            return self.tr("REC {time}").format(time=elapsed)
        if self.status == "paused":
            return self.tr("PAUSED {time}").format(time=elapsed)
        return self.tr("{label} {time}").format(label=base, time=elapsed)

    def place_at(self, pos: QPoint) -> None:
        """Where the agent left it last time; kept on a screen that exists now."""
        self._user_moved = True
        self._placed = True
        self.move(self._bounded(pos))

    def move_to_default(self) -> None:
        """Top right of the available area of the screen the pill is on; it stays anchored there."""
        self._user_moved = False
        self._placed = True
        self._fit()

    def _area(self, point: QPoint | None = None) -> QRect | None:
        screen = (QGuiApplication.screenAt(point) if point is not None else None) or self.screen() \
            or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else None

    def _bounded(self, pos: QPoint) -> QPoint:
        """*pos* moved as little as needed to keep the whole pill on its screen."""
        area = self._area(pos + QPoint(self.width() // 2, self.height() // 2))
        if area is None:
            return pos
        x = min(max(pos.x(), area.left()), area.right() - self.width() + 1)
        y = min(max(pos.y(), area.top()), area.bottom() - self.height() + 1)
        return QPoint(x, y)

    def _reposition(self) -> None:
        if self._user_moved:
            target = self._bounded(self.pos())
        else:
            area = self._area()
            if area is None:
                return
            # Anchored by its right edge: a longer label grows to the left, not off the screen.
            target = QPoint(area.right() - self.width() - self.MARGIN + 1, area.top() + self.MARGIN)
        if target != self.pos():
            self.move(target)

    # ------------------------------------------------------------ internals
    def _label(self, status: str) -> str:
        # One literal per state so Qt Linguist (pyside6-lupdate) extracts them.
        if status == "recording":
            return self.tr("REC")
        if status == "paused":
            return self.tr("PAUSED")
        if status == "private":
            return self.tr("PRIVATE – not recorded")
        if status == "declined":
            return self.tr("DECLINED – not recorded")
        if status == "notice":
            return self.tr("READ NOTICE – not recording")
        if status == "warning":
            return self.tr("WARNING")
        if status == "error":
            return self.tr("ERROR")
        if status == "uploading":
            return self.tr("UPLOADING")
        if status == "standalone":
            return self.tr("LOCAL – not recording")
        return self.tr("NOT RECORDING")

    def _retranslate_static(self) -> None:
        self.setWindowTitle(self.tr("Taltio recording status"))
        self.glyph.setAccessibleName(self.tr("Status symbol"))
        self.label.setAccessibleName(self.tr("Recording status"))
        self.menu.setAccessibleName(self.tr("Call actions"))
        self._act_start.setText(self.tr("Start call…"))
        self._act_end.setText(self.tr("End call"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        # The full sentence (self.text) comes from the app, which sets it again in the new language.
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_static()
            self._refresh_text()
        super().changeEvent(event)

    def _refresh_text(self) -> None:
        tip = self.tr("Taltio: {text}").format(text=self.text)
        if self.toolTip() != tip:
            self.setToolTip(tip)
        short = self.short_text()
        if short != self.label.text():
            self.label.setText(short)
            # Tabular width: reserve room for the widest digits so the pill does not jitter every second.
            fm = self.label.fontMetrics()
            self.label.setMinimumWidth(fm.horizontalAdvance(re.sub(r"\d", "8", short)) + 2)
        name = self.tr("Taltio status: {short}").format(short=short)
        if self.accessibleName() != name:
            self.setAccessibleName(name)
        if self.accessibleDescription() != self.text:
            self.setAccessibleDescription(self.text)
            self.label.setAccessibleDescription(self.text)
        self.glyph.setAccessibleDescription(short)
        self._fit()

    def _arm_timer(self) -> None:
        if self.since is None:
            return
        frac = (time.time() - self.since) % 1.0
        # Land just after the next whole second so the display never skips a number.
        self._timer.start(max(50, math.ceil((1.0 - frac) * 1000) + 20))

    def _tick(self) -> None:
        self._refresh_text()
        self._arm_timer()

    def _shape(self) -> QPainterPath:
        path = QPainterPath()
        r = QRectF(self.rect())
        path.addRoundedRect(r, r.height() / 2, r.height() / 2)
        return path

    def _fit(self) -> None:
        # Exactly as big as the content (adjustSize() would widen a window to at least 200 px).
        if self.layout() is not None:
            self.layout().activate()
        hint = self.sizeHint()
        if self.size() != hint or self.minimumSize() != hint:
            self.setFixedSize(hint)
        self._update_mask()
        if self._placed:
            self._reposition()

    def _update_mask(self) -> None:
        if self._use_mask:
            self.setMask(QRegion(self._shape().toFillPolygon().toPolygon()))

    # ---------------------------------------------------------------- Qt
    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self.label.fontMetrics().height() + 12))

    def resizeEvent(self, event) -> None:  # noqa: ANN001 (QResizeEvent)
        self._update_mask()
        super().resizeEvent(event)

    def showEvent(self, event) -> None:  # noqa: ANN001 (QShowEvent)
        super().showEvent(event)
        if not self._placed:
            self.move_to_default()

    def paintEvent(self, event: QPaintEvent) -> None:
        st = style(self.status)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect())
        radius = r.height() / 2
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(st.bg))
        p.drawRoundedRect(r, radius, radius)
        # Dark outer and light inner outline: the pill stands out on light and dark desktops alike.
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(OUTLINE_DARK, 2))
        p.drawRoundedRect(r.adjusted(1, 1, -1, -1), radius - 1, radius - 1)
        p.setPen(QPen(OUTLINE_LIGHT, 1))
        p.drawRoundedRect(r.adjusted(2.5, 2.5, -2.5, -2.5), radius - 2.5, radius - 2.5)
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self._press_global = event.globalPosition().toPoint()
        self._press_pos = self.pos()
        self._dragging = False
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press_global is None or not (event.buttons() & Qt.MouseButton.LeftButton):
            super().mouseMoveEvent(event)
            return
        delta = event.globalPosition().toPoint() - self._press_global
        if not self._dragging and delta.manhattanLength() < QApplication.startDragDistance():
            return
        if not self._dragging:
            self._dragging = True
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            handle = self.windowHandle()
            # Wayland clients cannot place their own windows: let the compositor move it.
            if QGuiApplication.platformName() == "wayland" and handle is not None and handle.startSystemMove():
                self._press_global = None
                self._placed = self._user_moved = True
                self.setCursor(Qt.CursorShape.OpenHandCursor)
                return
        self.move(self._bounded(self._press_pos + delta))
        self._placed = self._user_moved = True
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        was_click = self._press_global is not None and not self._dragging
        if self._dragging:
            self.moved.emit(self.pos())
        self._press_global = None
        self._dragging = False
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        event.accept()
        if was_click:
            self.clicked.emit()
