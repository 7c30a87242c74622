"""The app's icon: SVG (drawn sharp at any size and screen scale), with the hand-drawn
16 and 32 px PNGs for the smallest sizes, where the SVG's detail would blur."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from shared.resources import resource_path

ICONS = resource_path("icons")


def app_icon() -> QIcon:
    """The window and tray icon; empty when the files are not there (the installers
    give the app its icon themselves)."""
    icon = QIcon()
    svg = ICONS / "callsheet.svg"
    if svg.exists():
        icon.addFile(str(svg))
    elif (ICONS / "callsheet.png").exists():
        icon.addFile(str(ICONS / "callsheet.png"))
    for size in (16, 32):
        small = ICONS / f"callsheet-{size}.png"
        if small.exists():
            icon.addFile(str(small), QSize(size, size))
    return icon
