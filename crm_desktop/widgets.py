"""Small building blocks the views share: tables, badges, fields with an error line."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .models.record_model import RecordTableModel, SortRole
from .style import themed

ROW_HEIGHT = 26


def make_table(model: QAbstractItemModel, *, sortable: bool = True,
               multi: bool = False) -> QTableView:
    """A read-only table with whole-row selection, zebra rows and fixed row heights
    (fixed heights let Qt skip measuring a million rows)."""
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Tab leaves the table for the next control instead of walking its cells (the
    # arrows do that): a keyboard user is never trapped in a list.
    view.setTabKeyNavigation(False)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    vh = view.verticalHeader()
    vh.setVisible(False)
    vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vh.setDefaultSectionSize(ROW_HEIGHT)
    hh = view.horizontalHeader()
    hh.setStretchLastSection(True)
    hh.setHighlightSections(False)
    hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    if sortable:
        hh.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(sortable)
    return view


def stretch_column(view: QTableView, column: int) -> None:
    """Let ``column`` take the spare width (instead of a short last column)."""
    hh = view.horizontalHeader()
    hh.setStretchLastSection(False)
    hh.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def sorted_proxy(model: RecordTableModel) -> QSortFilterProxyModel:
    """A proxy that sorts ``model`` by its sort role (dates as dates, numbers as numbers)."""
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


def set_widths(view: QTableView, widths: list[int]) -> None:
    """Initial column widths; the last column stretches."""
    for i, w in enumerate(widths):
        view.setColumnWidth(i, w)


def selected_records(view: QTableView) -> list[Any]:
    """The records of the selected rows, mapped back through any proxy."""
    model = view.model()
    rows = sorted({i.row() for i in view.selectionModel().selectedRows()})
    out = []
    for r in rows:
        index = model.index(r, 0)
        while isinstance(model, QSortFilterProxyModel):
            index = model.mapToSource(index)
            model = model.sourceModel()
        out.append(model.record(index.row()))  # type: ignore[attr-defined]
        model = view.model()
    return out


def current_record(view: QTableView) -> Any | None:
    """The record of the first selected row, or None."""
    records = selected_records(view)
    return records[0] if records else None


def select_key(view: QTableView, source: RecordTableModel, key: Hashable) -> None:
    """Select the row whose record has ``key`` (after a refresh reset the model)."""
    row = source.row_of(key)
    if row < 0:
        return
    index = source.index(row, 0)
    model = view.model()
    if isinstance(model, QSortFilterProxyModel):
        index = model.mapFromSource(index)
    view.selectionModel().select(
        index, view.selectionModel().SelectionFlag.ClearAndSelect
        | view.selectionModel().SelectionFlag.Rows)
    view.setCurrentIndex(index)


def keep_selection(view: QTableView, source: RecordTableModel,
                   update: Callable[[], None]) -> None:
    """Run ``update`` (which refreshes ``source``) keeping the selection and scroll position."""
    selected = [source.key(r) for r in selected_records(view)]
    scroll = view.verticalScrollBar().value()
    update()
    if selected and not selected_records(view):
        select_key(view, source, selected[0])
    view.verticalScrollBar().setValue(scroll)


class Badge(QLabel):
    """A small coloured label: ``DO NOT CALL``, ``answered``."""

    def __init__(self, text: str = "", color: str = "#c62828", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.set_color(color)

    def set_color(self, color: str) -> None:
        self.setStyleSheet(themed(
            f"QLabel {{ background: {color}; color: white; border-radius: 9px;"
            " padding: 2px 10px; font-weight: bold; font-size: 11px; }"))


class Field(QWidget):
    """A labelled editor with a red line under it for what is wrong with the value."""

    def __init__(self, label: str, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.label = QLabel(label)
        self.label.setObjectName("fieldLabel")
        self.label.setBuddy(editor)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(editor)
        layout.addWidget(self.error)
        # When the field beside this one shows an error the grid row grows: the extra
        # room goes below, so the label stays on top of its box.
        layout.addStretch(1)

    def add_trailing(self, widget: QWidget) -> None:
        """Put ``widget`` (a Call or Write button, the local time) right of the editor,
        after those put there before."""
        row = getattr(self, "_trailing", None)
        if row is None:
            layout = self.layout()
            layout.removeWidget(self.editor)
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            row.addWidget(self.editor, 1)
            layout.insertLayout(1, row)  # type: ignore[attr-defined]
            self._trailing = row
        row.addWidget(widget)

    def text(self) -> str:
        """What the editor holds now (a country picker gives its code)."""
        e = self.editor
        if isinstance(e, QLineEdit):
            return e.text()
        if isinstance(e, QPlainTextEdit):
            return e.toPlainText()
        if isinstance(e, QComboBox):
            return e.currentData() or ""
        raise TypeError(type(e))

    def set_text(self, text: str) -> None:
        """Put ``text`` into the editor."""
        e = self.editor
        if isinstance(e, QLineEdit):
            e.setText(text)
            e.setCursorPosition(0)
        elif isinstance(e, QPlainTextEdit):
            e.setPlainText(text)
        elif isinstance(e, QComboBox):
            i = e.findData(text)
            e.setCurrentIndex(max(i, 0))

    def set_error(self, message: str | None, *, warning: bool = False) -> None:
        """Show ``message`` under the editor (None hides it); a ``warning`` is amber and
        marked ⚠: the value is kept, the person is asked to check it."""
        if message and warning:
            message = "⚠ " + message
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.error.setProperty("warning", bool(message) and warning)
        self.error.style().unpolish(self.error)
        self.error.style().polish(self.error)
        self.editor.setProperty("invalid", bool(message) and not warning)
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)

    def set_read_only(self, read_only: bool) -> None:
        e = self.editor
        if isinstance(e, QLineEdit | QPlainTextEdit):
            e.setReadOnly(read_only)
        else:
            e.setEnabled(not read_only)


class InfoBar(QFrame):
    """A coloured bar with a message and buttons, shown above a card or view."""

    def __init__(self, kind: str = "warning", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{kind}Bar")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 10, 6)
        self._layout.addWidget(self.message, 1)
        self.hide()

    def add_button(self, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        self._layout.addWidget(button)
        return button

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.show()


def heading(text: str) -> QLabel:
    """A page title."""
    label = QLabel(text)
    label.setObjectName("pageTitle")
    return label


class LoadsOnFirstShow:
    """A page that reads its data the first time it is shown (``activate``, called by the
    main window), not at start-up; its ``refresh`` re-reads it after that."""

    _loaded = False

    def refresh(self) -> None:
        raise NotImplementedError

    def activate(self) -> None:
        """Load on first show."""
        if not self._loaded:
            self._loaded = True
            self.refresh()
