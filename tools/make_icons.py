"""Draw the Callsheet app icon and write every icon file the installers need.

Run from anywhere (the output lands in the repo's resources/icons):

    python tools/make_icons.py

Writes, for briefcase's ``icon = "resources/icons/callsheet"``:

- ``callsheet-{16,32,64,128,256,512,1024}.png``: Linux system packages,
  AppImage and Flatpak take 16..512; 1024 is the master copy.
- ``callsheet.ico``: Windows (16, 24, 32, 48, 64, 128 and 256 px frames).
- ``callsheet.icns``: macOS (32..1024 px, drawn on Apple's icon grid).
- ``callsheet.png``: 256 px, the window icon where SVG cannot be drawn.
- ``callsheet.svg``: the same drawing as vectors; the desktop app's window and tray
  icon, sharp at any size and screen scale (QtSvg's icon engine).

The icon is drawn with QPainter, so the only tools needed are PySide6 (a
runtime dependency anyway) and Pillow (to pack the .ico and .icns files).
Small sizes are drawn with less detail rather than scaled down, so the
16 px icon stays a readable card-and-handset instead of a smudge.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QTransform,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "resources" / "icons"
BASENAME = "callsheet"

PNG_SIZES = (16, 32, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)
RUNTIME_SIZE = 256

# Palette: a deep teal that darkens into blue, a white card, teal ink.
TOP = QColor("#12A594")
BOTTOM = QColor("#0B4A75")
INK = QColor("#0E7C7B")
INK_SOFT = QColor("#8CCFCB")
CARD = QColor("#FFFFFF")


# Drawing happens on a 1000-unit square: QPainterPath's boolean operations
# flatten curves at a fixed tolerance, so unit-sized paths would turn into
# polygons.
UNIT = 1000.0


def _tile_rect(size: int, apple_grid: bool) -> QRectF:
    """The rounded square's rectangle, in drawing units.

    Apple's grid puts an 824 px body inside a 1024 px canvas (room for the
    shadow); elsewhere the tile fills the canvas, with a hair of margin only
    where a pixel can spare it.
    """
    if apple_grid:
        margin = UNIT * 100 / 1024
    elif size <= 32:
        margin = 0.0
    else:
        margin = UNIT * 0.03
    return QRectF(margin, margin, UNIT - 2 * margin, UNIT - 2 * margin)


def _rounded(rect: QRectF, radius: float) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    return path


def _handset(box: QRectF, grip: float = 0.22, pad: float = 1.0) -> QPainterPath:
    """A phone handset filling ``box``: earpiece top-left, mouthpiece bottom-right.

    The grip is a quarter ring bulging towards the bottom-left; the two
    pads are one rounded block, mirrored across the ring's axis. ``grip``
    is the ring's thickness as a fraction of the box; ``pad`` scales the
    ear and mouth pieces (small icons need them bigger to show at all).
    """
    u = UNIT
    cx, cy, radius = 0.78 * u, 0.22 * u, 0.56 * u
    circle = QRectF(cx - radius, cy - radius, 2 * radius, 2 * radius)
    ring = QPainterPath()
    ring.arcMoveTo(circle, 180)
    ring.arcTo(circle, 180, 90)
    stroker = QPainterPathStroker()
    stroker.setWidth(grip * u)
    stroker.setCapStyle(Qt.PenCapStyle.FlatCap)
    body = stroker.createStroke(ring)

    w, h = 0.33 * pad, 0.28 * pad
    earpiece = _rounded(QRectF((0.245 - w / 2) * u, (0.30 - h) * u, w * u, h * u), 0.09 * pad * u)
    # Mirror across the ring's axis (the line x + y = u through its centre):
    # (x, y) -> (u - y, u - x).
    mouthpiece = QTransform(0, -1, -1, 0, u, u).map(earpiece)
    handset = body.united(earpiece).united(mouthpiece).simplified()

    place = QTransform()
    place.translate(box.x(), box.y())
    place.scale(box.width() / u, box.height() / u)
    return place.map(handset)


def _outline(path: QPainterPath, width: float) -> QPainterPath:
    """``path`` grown by ``width`` on every side."""
    stroker = QPainterPathStroker()
    stroker.setWidth(2 * width)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    return stroker.createStroke(path).united(path).simplified()


def _bar(x1: float, x2: float, y: float, thickness: float) -> QPainterPath:
    """A line of text on the card: a bar with round ends."""
    return _rounded(QRectF(x1, y - thickness / 2, x2 - x1, thickness), thickness / 2)


def render(size: int, apple_grid: bool = False) -> QImage:
    """Draw the icon at ``size`` x ``size`` pixels (ARGB, transparent outside the tile)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    paint(painter, size, apple_grid)
    painter.end()
    return image


def write_svg(path: Path) -> Path:
    """The detailed icon as an SVG on a 1000-unit square (what HiDPI screens get)."""
    from PySide6.QtCore import QRect, QSize
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(int(UNIT), int(UNIT)))
    generator.setViewBox(QRect(0, 0, int(UNIT), int(UNIT)))
    generator.setTitle("Callsheet")
    painter = QPainter(generator)
    paint(painter, int(UNIT))
    painter.end()
    return path


def paint(painter: QPainter, size: int, apple_grid: bool = False) -> None:
    """Draw the icon on ``painter``, ``size`` pixels square (below 48: less detail)."""
    u = UNIT
    detailed = size >= 48
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / u, size / u)

    tile = _tile_rect(size, apple_grid)
    if apple_grid:
        # A soft drop shadow under the tile, as macOS icons have: stacked
        # faint copies, each a little larger, fade out over ~3% of the canvas.
        for step in range(1, 21):
            spread = 1.5 * step
            shadow = tile.adjusted(-spread, -spread + 14, spread, spread + 14)
            painter.fillPath(_rounded(shadow, tile.width() * 0.225 + spread), QColor(0, 0, 0, 4))

    # Everything on the tile is laid out on a u x u square, so the Apple
    # grid changes the tile's size, not the drawing on it.
    painter.translate(tile.x(), tile.y())
    painter.scale(tile.width() / u, tile.height() / u)
    tile_path = _rounded(QRectF(0, 0, u, u), 0.225 * u)

    background = QLinearGradient(QPointF(0.15 * u, 0), QPointF(0.85 * u, u))
    background.setColorAt(0.0, TOP)
    background.setColorAt(1.0, BOTTOM)
    painter.fillPath(tile_path, QBrush(background))
    if detailed:
        # A faint sheen on the upper half lifts the tile off flat colour.
        sheen = QLinearGradient(QPointF(0, 0), QPointF(0, 0.55 * u))
        sheen.setColorAt(0.0, QColor(255, 255, 255, 40))
        sheen.setColorAt(1.0, QColor(255, 255, 255, 0))
        painter.fillPath(tile_path, QBrush(sheen))
    painter.setClipPath(tile_path)

    # The handset sits on the card's lower-left corner; the cards are cut
    # away around it so it reads against them at every size. Below 48 px
    # there is one card, laid out on a 16 px grid so its edges land on
    # whole pixels, and a bolder handset.
    g = u / 16
    if detailed:
        handset = _handset(QRectF(0.10 * u, 0.39 * u, 0.52 * u, 0.52 * u), grip=0.23)
        cutout = _outline(handset, 0.045 * u)
    else:
        handset = _handset(QRectF(0.7 * g, 5.8 * g, 9.6 * g, 9.6 * g), grip=0.25, pad=1.2)
        cutout = _outline(handset, 1.1 * g)

    if detailed:
        # The call sheet: a contact card, with a second one peeking out behind it.
        back = _rounded(QRectF(0.44 * u, 0.13 * u, 0.43 * u, 0.45 * u), 0.065 * u)
        painter.fillPath(back.subtracted(cutout), QColor(255, 255, 255, 90))
        front = QRectF(0.34 * u, 0.21 * u, 0.45 * u, 0.48 * u)
        painter.fillPath(_rounded(front, 0.07 * u).subtracted(cutout), CARD)

        # Card contents: an avatar, a name, and the lines of a record.
        left, right = front.left() + 0.075 * u, front.right() - 0.07 * u
        r = 0.06 * u
        ax, ay = left + r, front.top() + 0.12 * u
        avatar = QPainterPath()
        avatar.addEllipse(QPointF(ax, ay), r, r)
        painter.fillPath(avatar, INK)
        text = ax + r + 0.045 * u
        painter.fillPath(_bar(text, right, ay - 0.022 * u, 0.038 * u), INK)
        painter.fillPath(_bar(text, right - 0.08 * u, ay + 0.036 * u, 0.028 * u), INK_SOFT)
        for i, end in enumerate((right, right - 0.05 * u)):
            y = front.top() + 0.275 * u + i * 0.085 * u
            painter.fillPath(_bar(text, end, y, 0.034 * u).subtracted(cutout), INK_SOFT)
    else:
        front = QRectF(6 * g, 2 * g, 8.5 * g, 9 * g)
        painter.fillPath(_rounded(front, 1.6 * g).subtracted(cutout), CARD)
        painter.fillPath(_bar(8 * g, 13 * g, 5 * g, 2 * g), INK)
        painter.fillPath(_bar(10 * g, 13 * g, 8.5 * g, 1 * g).subtracted(cutout), INK_SOFT)

    painter.fillPath(handset, CARD)


def _to_pillow(image: QImage):
    from PIL import Image

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def write_icons(out_dir: Path) -> list[Path]:
    """Render every size and write the PNG, ICO and ICNS files; returns the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    standard = {size: render(size) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    for size in PNG_SIZES:
        path = out_dir / f"{BASENAME}-{size}.png"
        if not standard[size].save(str(path), "PNG"):
            raise OSError(f"Could not write {path}")
        written.append(path)

    written.append(write_svg(out_dir / f"{BASENAME}.svg"))

    runtime = out_dir / f"{BASENAME}.png"
    if not standard[RUNTIME_SIZE].save(str(runtime), "PNG"):
        raise OSError(f"Could not write {runtime}")
    written.append(runtime)

    # Pillow packs the frames we drew instead of resampling one big image.
    ico_frames = [_to_pillow(standard[size]) for size in ICO_SIZES]
    ico = out_dir / f"{BASENAME}.ico"
    ico_frames[-1].save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=ico_frames[:-1],
    )
    written.append(ico)

    icns_frames = [_to_pillow(render(size, apple_grid=True)) for size in ICNS_SIZES]
    icns = out_dir / f"{BASENAME}.icns"
    icns_frames[-1].save(icns, format="ICNS", append_images=icns_frames[:-1])
    written.append(icns)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="output folder (default: %(default)s)"
    )
    args = parser.parse_args(argv)

    # QPainter on a QImage needs a QGuiApplication (fonts, the offscreen platform).
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for path in write_icons(args.out):
        print(path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
