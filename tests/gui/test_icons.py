"""The window icon is SVG: it loads through QtSvg and is drawn sharp at any size."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from crm_desktop.icons import ICONS, app_icon

ROOT = Path(__file__).resolve().parents[2]


def test_the_svg_icon_loads_and_scales(qapp) -> None:
    renderer = QSvgRenderer(str(ICONS / "callsheet.svg"))
    assert renderer.isValid()
    assert renderer.viewBox().width() == 1000
    icon = app_icon()
    assert not icon.isNull()
    # A vector icon has no fixed sizes: Qt draws it as big as asked, on any screen scale.
    for size in (48, 256, 1024):
        pixmap = icon.pixmap(QSize(size, size))
        assert pixmap.size() == QSize(size, size)
    assert icon.pixmap(QSize(512, 512), 2.0).size() == QSize(1024, 1024)
    # The smallest sizes come from the PNGs drawn with less detail for them.
    assert icon.actualSize(QSize(16, 16)) == QSize(16, 16)


def test_the_svg_is_the_same_drawing_as_the_png(qapp) -> None:
    """tools/make_icons.py writes both from one drawing; they must not drift apart."""
    png = QImage(str(ICONS / "callsheet-256.png")).convertToFormat(QImage.Format.Format_ARGB32)
    svg = QImage(256, 256, QImage.Format.Format_ARGB32)
    svg.fill(Qt.GlobalColor.transparent)
    painter = QPainter(svg)
    QSvgRenderer(str(ICONS / "callsheet.svg")).render(painter)
    painter.end()
    differ = sum(1 for x in range(0, 256, 4) for y in range(0, 256, 4)
                 if max(abs(a - b) for a, b in zip(QColor(png.pixelColor(x, y)).getRgb(),
                                                   QColor(svg.pixelColor(x, y)).getRgb(),
                                                   strict=True)) > 40)
    assert differ < 0.02 * 64 * 64


def test_make_icons_writes_the_svg(tmp_path, qapp) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import make_icons
    finally:
        sys.path.pop(0)
    path = make_icons.write_svg(tmp_path / "icon.svg")
    assert QSvgRenderer(str(path)).isValid()
    assert not QIcon(str(path)).isNull()


def test_the_main_window_uses_the_svg_icon(window) -> None:
    icon = window.windowIcon()
    assert not icon.isNull()
    assert icon.pixmap(QSize(512, 512)).size() == QSize(512, 512)
