"""A table model over a short list of records (calls, tasks, campaigns, card tabs).

Windows hand it fresh rows on every refresh; it works out what changed so a
live update repaints only those rows and keeps selection and scroll position.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ..i18n import translate
from ..style import themed


# Do-not-call is never told by colour alone: a mark and words beside the red name.
def dnc_mark() -> str:
    """What follows a do-not-call contact's name in a list."""
    return "  " + translate("record_model", "⊘ do not call")
RecordRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: its title, its text, and optionally how it sorts and looks."""

    title: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    color: Callable[[Any], str | None] | None = None
    tooltip: Callable[[Any], str | None] | None = None
    align_right: bool = False
    bold: Callable[[Any], bool] | None = None


class RecordTableModel(QAbstractTableModel):
    """Rows of records, one per line; subclasses define ``COLUMNS`` and ``key``."""

    COLUMNS: Sequence[Column] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    @staticmethod
    def key(record: Any) -> Hashable:
        """What identifies a record across refreshes (its id, usually)."""
        return record.id

    # -- data in ----------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show ``rows``; unchanged rows stay as they are, changed ones repaint."""
        rows = list(rows)
        old_keys = [self.key(r) for r in self._rows]
        new_keys = [self.key(r) for r in rows]
        if old_keys != new_keys:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        last = self.columnCount() - 1
        for i, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
            if old != new:
                self._rows[i] = new
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))

    def record(self, row: int) -> Any:
        """The record shown in ``row``."""
        return self._rows[row]

    def records(self) -> list[Any]:
        """Every record, in model order."""
        return list(self._rows)

    def row_of(self, key: Hashable) -> int:
        """The row showing the record with ``key``, or -1."""
        for i, r in enumerate(self._rows):
            if self.key(r) == key:
                return i
        return -1

    # -- Qt interface -----------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("columns", self.COLUMNS[section].title)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rec = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(rec)
        if role == RecordRole:
            return rec
        if role == SortRole:
            return col.sort(rec) if col.sort else col.text(rec).lower()
        if role == Qt.ItemDataRole.ForegroundRole and col.color:
            color = col.color(rec)
            return QColor(themed(color)) if color else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tooltip(rec) if col.tooltip else (col.text(rec) or None)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and col.bold and col.bold(rec):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None
