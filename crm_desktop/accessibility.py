"""Keyboard and screen-reader order: Tab goes through a form in the order it is seen
(row by row, left to right), whatever order the widgets were made in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QWidget


def focusable(widget: QWidget) -> bool:
    """True when Tab can stop on ``widget``."""
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def grid_tab_order(grid: QGridLayout) -> list[QWidget]:
    """Chain Tab through a grid's cells row by row, left to right (inside a cell, in the
    cell's own order: an editor, then its buttons); returns the chain."""
    cells = []
    for i in range(grid.count()):
        item = grid.itemAt(i)
        widget = item.widget() if item is not None else None
        if widget is None:
            continue
        row, col, _, _ = grid.getItemPosition(i)
        cells.append((row, col, widget))
    chain: list[QWidget] = []
    for _, _, widget in sorted(cells, key=lambda c: (c[0], c[1])):
        inside = [w for w in widget.findChildren(QWidget) if focusable(w)]
        if focusable(widget):
            inside.insert(0, widget)
        chain.extend(inside)
    for a, b in zip(chain, chain[1:], strict=False):
        QWidget.setTabOrder(a, b)
    return chain
