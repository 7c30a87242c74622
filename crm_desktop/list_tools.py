"""What every list offers: a right-click menu on its rows and a column chooser on its
header whose choice is remembered (per list, in the user's window settings)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu, QTableView

from .i18n import translate
from .panes import ui_settings

MenuBuilder = Callable[[int], QMenu | None]


def install_row_menu(table: QTableView, build: MenuBuilder) -> None:
    """Right-click on a row: select it (unless it is in the selection) and show the menu
    ``build(row)`` makes; the menu shown last is ``table.row_menu``."""
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.row_menu = None  # type: ignore[attr-defined]

    def show(pos: QPoint) -> None:
        row = table.rowAt(pos.y())
        if row < 0:
            return
        if row not in {i.row() for i in table.selectionModel().selectedRows()}:
            table.selectRow(row)
        menu = build(row)
        table.row_menu = menu  # type: ignore[attr-defined]
        if menu is not None:
            menu.popup(table.viewport().mapToGlobal(pos))

    table.customContextMenuRequested.connect(show)


def _key(name: str) -> str:
    return f"columns/{name}/hidden"


def hidden_columns(name: str) -> set[int]:
    """The columns the person hid in the list ``name``."""
    value = ui_settings().value(_key(name), "")
    return {int(x) for x in str(value or "").split(",") if x.strip().isdigit()}


def install_column_chooser(table: QTableView, name: str) -> None:
    """Right-click on the header: tick the columns to show. The first column always
    stays; the choice is remembered under ``name``."""
    header = table.horizontalHeader()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.column_menu = None  # type: ignore[attr-defined]
    model = table.model()
    for col in hidden_columns(name):
        if 0 < col < model.columnCount():
            table.setColumnHidden(col, True)

    def toggle(col: int, shown: bool) -> None:
        table.setColumnHidden(col, not shown)
        hidden = sorted(c for c in range(model.columnCount()) if table.isColumnHidden(c))
        ui_settings().setValue(_key(name), ",".join(map(str, hidden)))

    def show(pos: QPoint) -> None:
        menu = QMenu(table)
        menu.setTitle(translate("list_tools", "Columns"))
        for col in range(model.columnCount()):
            title = str(model.headerData(col, Qt.Orientation.Horizontal))
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not table.isColumnHidden(col))
            action.setEnabled(col != 0)
            action.toggled.connect(lambda on, c=col: toggle(c, on))
        table.column_menu = menu  # type: ignore[attr-defined]
        menu.popup(header.mapToGlobal(pos))

    header.customContextMenuRequested.connect(show)
