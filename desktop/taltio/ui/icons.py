"""Status icons and glyphs, drawn at run time.

Every state differs in shape as well as colour (colour-blind safe), and every
badge has a dark outer and a light inner outline so it stands out on light,
dark and high-contrast panels.  The glyphs are painted, not taken from a font,
so they look the same on every platform.  The status pill (pill.py) draws the
same glyphs.

Glyphs, by status:

    idle        ring          ○  not recording, no call
    standalone  monitor       ▭  not recording, recordings stay on this computer
    notice      lines         ≡  call active: read the notice, not recording yet
    recording   dot           ●
    paused      bars          ❚❚
    private     slash         ⊘  not recorded
    declined    cross         ✕  not recorded
    uploading   arrow         ↑
    warning     triangle + !  ⚠  (tray badge is a triangle)
    error       octagon + !      (tray badge is an octagon)
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF


@dataclass(frozen=True)
class Style:
    bg: str        # state colour (badge fill, pill background)
    glyph: str     # glyph name, see draw_glyph
    char: str      # the nearest Unicode character, for descriptions and tests

    @property
    def fg(self) -> str:
        """Black or white, whichever contrasts more with bg."""
        return contrasting(self.bg)


# Okabe-Ito based palette: distinguishable with the common colour-vision deficiencies.
STYLES: dict[str, Style] = {
    "idle": Style("#5f6b76", "ring", "○"),
    "standalone": Style("#4b4e8c", "monitor", "▭"),
    "notice": Style("#56b4e9", "lines", "≡"),
    "recording": Style("#c8102e", "dot", "●"),
    "paused": Style("#e69f00", "bars", "❚❚"),
    "private": Style("#0057a0", "slash", "⊘"),
    "declined": Style("#cc79a7", "cross", "✕"),
    "uploading": Style("#009e73", "arrow", "↑"),
    "warning": Style("#f0e442", "triangle-bang", "⚠"),
    "error": Style("#7a0010", "octagon-bang", "!"),
}


def style(status: str) -> Style:
    return STYLES.get(status, STYLES["idle"])


def _luminance(colour: str) -> float:
    c = QColor(colour)

    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def contrasting(bg: str) -> str:
    return "#000000" if contrast_ratio(bg, "#000000") >= contrast_ratio(bg, "#ffffff") else "#ffffff"


# ---------------------------------------------------------------- shapes

def _square(r: QRectF) -> QRectF:
    s = min(r.width(), r.height())
    return QRectF(r.center().x() - s / 2, r.center().y() - s / 2, s, s)


def _triangle(r: QRectF) -> QPolygonF:
    s = _square(r)
    h = s.height() * 0.92
    top = s.top() + (s.height() - h) / 2
    return QPolygonF([QPointF(s.center().x(), top), QPointF(s.right(), top + h), QPointF(s.left(), top + h)])


def _octagon(r: QRectF) -> QPolygonF:
    s = _square(r)
    k = s.width() * 0.293          # 1 - 1/sqrt(2): a regular octagon
    x, y, w = s.left(), s.top(), s.width()
    return QPolygonF([QPointF(x + k, y), QPointF(x + w - k, y), QPointF(x + w, y + k), QPointF(x + w, y + w - k),
                      QPointF(x + w - k, y + w), QPointF(x + k, y + w), QPointF(x, y + w - k), QPointF(x, y + k)])


def _bang(p: QPainter, cx: float, top: float, height: float, colour: QColor) -> None:
    """An exclamation mark: a tapered bar and a dot, filling top..top+height."""
    w = height * 0.24
    bar = QPainterPath()
    bar.addRoundedRect(QRectF(cx - w / 2, top, w, height * 0.62), w / 2, w / 2)
    p.fillPath(bar, colour)
    d = w * 1.05
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawEllipse(QRectF(cx - d / 2, top + height - d, d, d))


@dataclass(frozen=True)
class _Canvas:
    """What every glyph drawer gets: the painter, the square it fills and the default pen."""

    p: QPainter
    s: QRectF                # the square inside the rect
    size: float
    c: QPointF               # its centre
    stroke: float
    pen: QPen
    fg: QColor
    bg: QColor

    def circle(self, d: float) -> QRectF:
        return QRectF(self.c.x() - d / 2, self.c.y() - d / 2, d, d)


def _dot(g: _Canvas) -> None:
    g.p.setPen(Qt.PenStyle.NoPen)
    g.p.setBrush(g.fg)
    g.p.drawEllipse(g.circle(g.size * 0.64))


def _ring(g: _Canvas) -> None:
    g.p.setPen(g.pen)
    g.p.drawEllipse(g.circle(g.size * 0.72 - g.stroke))


def _bars(g: _Canvas) -> None:
    p, size, c = g.p, g.size, g.c
    w, h = size * 0.26, size * 0.74
    gap = size * 0.18
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(g.fg)
    for x in (c.x() - gap / 2 - w, c.x() + gap / 2):
        p.drawRoundedRect(QRectF(x, c.y() - h / 2, w, h), w * 0.2, w * 0.2)


def _slash(g: _Canvas) -> None:
    p, c = g.p, g.c
    p.setPen(g.pen)
    d = g.size * 0.84 - g.stroke
    p.drawEllipse(g.circle(d))
    o = d / 2 * 0.7071
    p.drawLine(QPointF(c.x() - o, c.y() + o), QPointF(c.x() + o, c.y() - o))


def _cross(g: _Canvas) -> None:
    p, size, c = g.p, g.size, g.c
    p.setPen(QPen(g.fg, max(1.5, size * 0.17), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    o = size * 0.3
    p.drawLine(QPointF(c.x() - o, c.y() - o), QPointF(c.x() + o, c.y() + o))
    p.drawLine(QPointF(c.x() - o, c.y() + o), QPointF(c.x() + o, c.y() - o))


def _lines(g: _Canvas) -> None:
    p, size, c = g.p, g.size, g.c
    p.setPen(g.pen)
    half = size * 0.36
    for dy in (-size * 0.28, 0.0, size * 0.28):
        p.drawLine(QPointF(c.x() - half, c.y() + dy), QPointF(c.x() + half, c.y() + dy))


def _arrow(g: _Canvas) -> None:
    p, size, c = g.p, g.size, g.c
    p.setPen(g.pen)
    top, bottom = c.y() - size * 0.36, c.y() + size * 0.36
    p.drawLine(QPointF(c.x(), top), QPointF(c.x(), bottom))
    p.drawPolyline(QPolygonF([QPointF(c.x() - size * 0.3, top + size * 0.3), QPointF(c.x(), top),
                              QPointF(c.x() + size * 0.3, top + size * 0.3)]))


def _monitor(g: _Canvas) -> None:
    p, size, c = g.p, g.size, g.c
    p.setPen(QPen(g.fg, max(1.2, size * 0.12), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                  Qt.PenJoinStyle.RoundJoin))
    screen = QRectF(c.x() - size * 0.38, c.y() - size * 0.34, size * 0.76, size * 0.5)
    p.drawRoundedRect(screen, size * 0.06, size * 0.06)
    p.drawLine(QPointF(c.x(), screen.bottom()), QPointF(c.x(), c.y() + size * 0.3))
    p.drawLine(QPointF(c.x() - size * 0.2, c.y() + size * 0.34), QPointF(c.x() + size * 0.2, c.y() + size * 0.34))


def _shape_bang(g: _Canvas, shape: QPolygonF) -> None:
    """A filled shape with an "!" knocked out in the background colour."""
    p = g.p
    p.setPen(QPen(g.fg, max(1.0, g.size * 0.06), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                  Qt.PenJoinStyle.RoundJoin))
    p.setBrush(g.fg)
    p.drawPolygon(shape)


def _triangle_bang(g: _Canvas) -> None:
    _shape_bang(g, _triangle(g.s))
    _bang(g.p, g.c.x(), g.s.top() + g.size * 0.34, g.size * 0.5, g.bg)


def _octagon_bang(g: _Canvas) -> None:
    _shape_bang(g, _octagon(g.s))
    _bang(g.p, g.c.x(), g.s.top() + g.size * 0.2, g.size * 0.6, g.bg)


def _bang_only(g: _Canvas) -> None:
    _bang(g.p, g.c.x(), g.s.top() + g.size * 0.1, g.size * 0.8, g.fg)


# Glyph name (Style.glyph) -> its drawer; an unknown name draws nothing.
GLYPHS = {"dot": _dot, "ring": _ring, "bars": _bars, "slash": _slash, "cross": _cross, "lines": _lines,
          "arrow": _arrow, "monitor": _monitor, "triangle-bang": _triangle_bang, "octagon-bang": _octagon_bang,
          "bang": _bang_only}


def draw_glyph(p: QPainter, rect: QRectF, glyph: str, fg: QColor | str, bg: QColor | str) -> None:
    """Draw *glyph* in colour *fg* inside *rect*; *bg* is used for knock-outs (the "!" in a triangle)."""
    fg, bg = QColor(fg), QColor(bg)
    s = _square(rect)
    size = s.width()
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(Qt.BrushStyle.NoBrush)
    stroke = max(1.5, size * 0.14)
    pen = QPen(fg, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    drawer = GLYPHS.get(glyph)
    if drawer is not None:
        drawer(_Canvas(p, s, size, s.center(), stroke, pen, fg, bg))
    p.restore()


# ------------------------------------------------------------ tray icons

OUTLINE_DARK = QColor(0, 0, 0, 230)
OUTLINE_LIGHT = QColor(255, 255, 255, 230)


def _badge_path(status: str, r: QRectF) -> QPainterPath:
    path = QPainterPath()
    if status == "warning":
        path.addPolygon(_triangle(r))
        path.closeSubpath()
    elif status == "error":
        path.addPolygon(_octagon(r))
        path.closeSubpath()
    else:
        path.addEllipse(r)
    return path


def paint_badge(p: QPainter, size: int, status: str) -> None:
    """The tray badge: state-coloured shape, dark outer and light inner outline, glyph inside."""
    st = style(status)
    outer = max(1.0, size / 16)          # 1 px at 16 px, 4 px at 64 px
    inner = max(1.0, size / 32)
    r = QRectF(0, 0, size, size).adjusted(outer / 2, outer / 2, -outer / 2, -outer / 2)
    path = _badge_path(status, r)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.fillPath(path, QColor(st.bg))
    p.strokePath(path, QPen(OUTLINE_DARK, outer, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
    ri = r.adjusted(outer / 2 + inner / 2, outer / 2 + inner / 2, -outer / 2 - inner / 2, -outer / 2 - inner / 2)
    if status == "warning":
        # The triangle's corners eat the inner ring; shrink it towards the centroid instead.
        shrink = outer * 1.6
        ri = r.adjusted(shrink, shrink * 1.4, -shrink, -shrink * 0.4)
    p.strokePath(_badge_path(status, ri), QPen(OUTLINE_LIGHT, inner, Qt.PenStyle.SolidLine,
                                               Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    if status == "warning":
        _bang(p, size / 2, size * 0.36, size * 0.5, QColor(st.fg))
    elif status == "error":
        _bang(p, size / 2, size * 0.2, size * 0.6, QColor(st.fg))
    else:
        g = size * 0.56
        draw_glyph(p, QRectF((size - g) / 2, (size - g) / 2, g, g), st.glyph, st.fg, st.bg)
    p.restore()


ICON_SIZES = (16, 20, 22, 24, 32, 40, 48, 64, 128)
_cache: dict[str, QIcon] = {}


def pixmap(status: str, size: int) -> QPixmap:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    paint_badge(p, size, status)
    p.end()
    return pm


def icon(status: str) -> QIcon:
    """The tray/window icon for a status (unknown statuses look like idle)."""
    if status in _cache:
        return _cache[status]
    ic = QIcon()
    for size in ICON_SIZES:
        ic.addPixmap(pixmap(status, size))
    _cache[status] = ic
    return ic


__all__ = ["STYLES", "Style", "contrast_ratio", "contrasting", "draw_glyph", "icon", "paint_badge", "pixmap", "style"]
