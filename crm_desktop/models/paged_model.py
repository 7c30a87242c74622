"""A table model over a list too big to load: keyset pages fetched as the view scrolls.

A list of a million persons must open at once and stay small in memory, so
the model never counts rows (``count(*)`` walks the whole table) and keeps
each row as one packed string instead of an object.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from .record_model import RecordRole, SortRole

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[tuple[str, int] | None, int], Sequence[Any]]
SEP = "\x1f"
PAGE = 200
# Sorting by a column other than the name needs every row in memory; above
# this many the list stays in name order and asks for a filter instead.
CLIENT_SORT_LIMIT = 50_000


@dataclass(frozen=True)
class PagedColumn:
    """A column over a packed row's fields."""

    title: str
    text: Callable[[list[str]], str]
    sort: Callable[[list[str]], Any] | None = None


class PagedTableModel(QAbstractTableModel):
    """Rows fetched a page at a time through ``fetch(after, limit)``.

    Subclasses define ``COLUMNS`` and ``pack(record)``: a tuple of strings
    whose first two items are the sort key of the current ``order`` and the
    primary key (the keyset), the third the record's id.

    ``SERVER_ORDERS`` maps columns to orders the store pages by (ascending): a
    click on such a header reloads in that order, however long the list is.
    ``order`` is read by the fetch function.
    """

    COLUMNS: Sequence[PagedColumn] = ()
    NAME_COLUMN = 0
    SERVER_ORDERS: dict[int, str] = {0: "name"}
    notice = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[str] = []
        self._fetch: Fetch | None = None
        self._exhausted = True
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None
        self._cache: tuple[int, list[str]] = (-1, [])
        self.order = "name"

    def pack(self, record: Any) -> tuple[str, ...]:
        raise NotImplementedError

    def _packed(self, records: Sequence[Any]) -> list[str]:
        return [SEP.join(self.pack(r)) for r in records]

    def fields(self, row: int) -> list[str]:
        """The unpacked fields of ``row`` (the last one is cached: a row paints column by
        column)."""
        if self._cache[0] != row:
            self._cache = (row, self._rows[row].split(SEP))
        return self._cache[1]

    def record_id(self, row: int) -> str:
        """The id of the record in ``row``."""
        return self.fields(row)[2]

    def row_of(self, record_id: str) -> int:
        """The loaded row with this id, or -1."""
        for i, packed in enumerate(self._rows):
            if packed.split(SEP, 3)[2] == record_id:
                return i
        return -1

    def _key(self, row: int) -> tuple[str, int]:
        f = self.fields(row)
        return f[0], int(f[1])

    def _pk(self, packed: str) -> str:
        return packed.split(SEP, 2)[1]

    # -- loading ----------------------------------------------------------

    def set_fetch(self, fetch: Fetch | None) -> None:
        """Start over with a new source of pages (a new filter) and load the first page."""
        self.beginResetModel()
        self._rows = []
        self._cache = (-1, [])
        self._fetch = fetch
        self._exhausted = fetch is None
        self._sorted_by = None
        self.endResetModel()
        if self.canFetchMore():
            self.fetchMore()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._fetch is None:
            return
        after = self._key(len(self._rows) - 1) if self._rows else None
        page = self._packed(self._fetch(after, PAGE))
        if len(page) < PAGE:
            self._exhausted = True
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def loaded(self) -> int:
        """How many rows are in memory now."""
        return len(self._rows)

    def complete(self) -> bool:
        """True when every row of the list is loaded."""
        return self._exhausted

    # -- live refresh -----------------------------------------------------

    def refresh_rows(self, first: int, last: int) -> None:
        """Re-read rows ``first..last`` (what the view shows) and repaint what changed.

        Rows outside that window stay as they were until they are scrolled
        to or the list is reloaded: re-reading a million rows on every change
        is not an option.
        """
        if self._fetch is None:
            return
        if self._sorted_by is not None:
            column, order = self._sorted_by
            self._load_all_sorted(column, order)
            return
        if not self._rows:
            self.set_fetch(self._fetch)
            return
        first = max(0, min(first, len(self._rows) - 1))
        last = max(first, min(last, len(self._rows) - 1))
        span = last - first + 1
        after = self._key(first - 1) if first > 0 else None
        limit = span + 20
        fresh = self._packed(self._fetch(after, limit))
        if last + 1 < len(self._rows):
            next_pk = self._pk(self._rows[last + 1])
            cut = next((i for i, p in enumerate(fresh) if self._pk(p) == next_pk), span)
            replacement = fresh[:cut]
        else:
            replacement = fresh
            self._exhausted = len(fresh) < limit
        old = self._rows[first:last + 1]
        if [self._pk(p) for p in old] == [self._pk(p) for p in replacement]:
            right = self.columnCount() - 1
            for i, (a, b) in enumerate(zip(old, replacement, strict=True)):
                if a != b:
                    self._rows[first + i] = b
                    self._cache = (-1, [])
                    self.dataChanged.emit(self.index(first + i, 0), self.index(first + i, right))
            return
        self._cache = (-1, [])
        self.beginRemoveRows(QModelIndex(), first, last)
        del self._rows[first:last + 1]
        self.endRemoveRows()
        if replacement:
            self.beginInsertRows(QModelIndex(), first, first + len(replacement) - 1)
            self._rows[first:first] = replacement
            self.endInsertRows()

    # -- sorting ----------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._fetch is None:
            return
        server = (self.SERVER_ORDERS.get(column)
                  if order == Qt.SortOrder.AscendingOrder else None)
        if server is not None:
            # The store pages in this order (an index): no need to load every row.
            if self._sorted_by is not None or server != self.order:
                self.order = server
                self.set_fetch(self._fetch)
            return
        self._load_all_sorted(column, order)

    def sorted_by(self) -> tuple[int, Qt.SortOrder] | None:
        """The column and order rows were sorted by in memory (None: the store's order)."""
        return self._sorted_by

    def _load_all_sorted(self, column: int, order: Qt.SortOrder) -> None:
        assert self._fetch is not None
        rows = list(self._rows) if self._sorted_by is None else []
        exhausted = self._exhausted if self._sorted_by is None else False
        after = None
        if rows:
            f = rows[-1].split(SEP)
            after = (f[0], int(f[1]))
        while not exhausted and len(rows) <= CLIENT_SORT_LIMIT:
            page = self._packed(self._fetch(after, 5000))
            rows.extend(page)
            exhausted = len(page) < 5000
            if page:
                f = page[-1].split(SEP)
                after = (f[0], int(f[1]))
        if not exhausted:
            self.notice.emit(
                f"This list has more than {CLIENT_SORT_LIMIT:,} rows, so it stays sorted by"
                " name. Type a filter to narrow it down, then sort by any column.")
            return
        col = self.COLUMNS[column]
        keyfn = col.sort or (lambda f, c=col: c.text(f).lower())
        rows.sort(key=lambda p: keyfn(p.split(SEP)),
                  reverse=order == Qt.SortOrder.DescendingOrder)
        self.beginResetModel()
        self._rows = rows
        self._cache = (-1, [])
        self._exhausted = True
        self._sorted_by = (column, order)
        self.endResetModel()

    # -- Qt interface -----------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            return self.COLUMNS[index.column()].text(self.fields(index.row())) or None
        if role == RecordRole:
            return self.record_id(index.row())
        if role == SortRole:
            col = self.COLUMNS[index.column()]
            f = self.fields(index.row())
            return col.sort(f) if col.sort else col.text(f).lower()
        if role == Qt.ItemDataRole.ForegroundRole and self.is_flagged(index.row()):
            return QColor("#b71c1c")
        return None

    def is_flagged(self, row: int) -> bool:
        """True when the row's contact is flagged do-not-call (shown in red)."""
        return False
