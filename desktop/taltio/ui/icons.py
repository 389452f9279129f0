"""Status icons, drawn at run time so every state has a distinct colour and glyph on any theme."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap

# status -> (fill colour, glyph)
STYLES = {
    "idle": ("#7a8691", ""),
    "notice": ("#e0a100", "!"),
    "recording": ("#d62828", "●"),
    "paused": ("#f77f00", "❚❚"),
    "private": ("#3a86ff", "P"),
    "declined": ("#6c757d", "✕"),
    "uploading": ("#2a9d8f", "↑"),
    "error": ("#9d0208", "⚠"),
    "warning": ("#f77f00", "⚠"),
    "standalone": ("#7a8691", "S"),
}

_cache: dict[str, QIcon] = {}


def icon(status: str) -> QIcon:
    if status in _cache:
        return _cache[status]
    colour, glyph = STYLES.get(status, STYLES["idle"])
    pm = QPixmap(64, 64)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor(colour))
    p.setPen(QPen(QColor("#ffffff"), 3))
    p.drawEllipse(QRectF(4, 4, 56, 56))
    if glyph:
        f = QFont()
        f.setPixelSize(30)
        f.setBold(True)
        p.setFont(f)
        p.drawText(QRectF(4, 4, 56, 56), Qt.AlignmentFlag.AlignCenter, glyph)
    p.end()
    _cache[status] = QIcon(pm)
    return _cache[status]
