"""A table model over a list too big to load: keyset pages fetched as the view scrolls.

A list of a million persons must open at once and stay small in memory, so
the model never counts rows (``count(*)`` walks the whole table) and keeps
each row as one packed string instead of an object.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from ..i18n import translate
from ..style import themed
from .record_model import RecordRole, SortRole

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[tuple[str, int] | None, int], Sequence[Any]]
SEP = "\x1f"
PAGE = 200
# Sorting by a column other than the name needs every row in memory; above
# this many the list stays in name order and asks for a filter instead.
CLIENT_SORT_LIMIT = 50_000
# A live refresh re-reads every loaded row up to this many (one query, a few ms).
REREAD_LIMIT = 5_000


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
        """Re-read the list after a change elsewhere and apply only what changed.

        Up to ``REREAD_LIMIT`` loaded rows are re-read in one keyset query, so a
        row created, renamed or deleted anywhere in the loaded part moves to its
        sorted place. Beyond that only rows ``first..last`` (what the view shows)
        are re-read: re-reading a million rows on every change is not an option.
        """
        if self._fetch is None:
            return
        if self._sorted_by is not None:
            column, order = self._sorted_by
            self._load_all_sorted(column, order)
            return
        if len(self._rows) <= REREAD_LIMIT:
            self._reread_all()
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
        self._apply(first, last + 1, replacement)

    def _reread_all(self) -> None:
        assert self._fetch is not None
        n = len(self._rows)
        # A complete list also picks up rows added at its end; an incomplete one
        # keeps its length and fetches the rest as the view scrolls.
        limit = max(n, PAGE) + (PAGE if self._exhausted else 0)
        fresh = self._packed(self._fetch(None, limit))
        self._apply(0, n, fresh)
        self._exhausted = len(fresh) < limit

    def _apply(self, start: int, end: int, fresh: list[str]) -> None:
        """Replace ``_rows[start:end]`` by ``fresh`` with the fewest row removals and
        inserts, so the view keeps its selection and scroll position."""
        old = self._rows[start:end]
        old_keys = [self._pk(p) for p in old]
        new_keys = [self._pk(p) for p in fresh]
        self._cache = (-1, [])
        right = self.columnCount() - 1
        ops = SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes()
        # From the bottom up, so the positions of the operations still to come stay valid.
        for tag, i1, i2, j1, j2 in reversed(ops):
            if tag == "equal":
                for k in range(i2 - i1):
                    if old[i1 + k] != fresh[j1 + k]:
                        self._rows[start + i1 + k] = fresh[j1 + k]
                        row = start + i1 + k
                        self.dataChanged.emit(self.index(row, 0), self.index(row, right))
                continue
            if i2 > i1:
                self.beginRemoveRows(QModelIndex(), start + i1, start + i2 - 1)
                del self._rows[start + i1:start + i2]
                self.endRemoveRows()
            if j2 > j1:
                self.beginInsertRows(QModelIndex(), start + i1, start + i1 + j2 - j1 - 1)
                self._rows[start + i1:start + i1] = fresh[j1:j2]
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
                translate(
                    "paged_model",
                    "This list has more than {CLIENT_SORT_LIMIT:,} rows, so it stays sorted by "
                    "name. Type a filter to narrow it down, then sort by any column.",
                ).format(CLIENT_SORT_LIMIT=CLIENT_SORT_LIMIT)
            )
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
            return translate("columns", self.COLUMNS[section].title)
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
            return QColor(themed("#b71c1c"))
        return None

    def is_flagged(self, row: int) -> bool:
        """True when the row's contact is flagged do-not-call (shown in red)."""
        return False
