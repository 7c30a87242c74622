"""Saved filters in the navigation: "My open callbacks", "Do-not-call contacts" and any
filter the person saves from a list (kept in their window settings)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu, QWidget

from .i18n import translate
from .panes import WrapDelegate, ui_settings

KEY = "saved_filters"


@dataclass(frozen=True)
class SavedFilter:
    """A list (``page``: companies, persons, tasks, calls) with its filter ``state``."""

    name: str
    page: str
    state: dict[str, Any] = field(default_factory=dict)
    built_in: bool = False


# The tooltip of a saved filter: which list it filters.
_PAGE_TIPS = {
    "companies": QT_TRANSLATE_NOOP("saved_filters", "Companies, filtered"),
    "persons": QT_TRANSLATE_NOOP("saved_filters", "Persons, filtered"),
    "tasks": QT_TRANSLATE_NOOP("saved_filters", "Tasks, filtered"),
    "calls": QT_TRANSLATE_NOOP("saved_filters", "Calls, filtered"),
}

BUILT_IN = (
    SavedFilter(
        QT_TRANSLATE_NOOP("saved_filters", "My open callbacks"),
        "tasks",
        {"campaign": None, "kind": True, "closed": False, "dates": False},
        True,
    ),
    SavedFilter(
        QT_TRANSLATE_NOOP("saved_filters", "Do-not-call contacts"),
        "persons",
        {"text": "", "dnc_only": True},
        True,
    ),
)


def user_filters() -> list[SavedFilter]:
    """The filters the person saved, in the order saved."""
    try:
        raw = json.loads(str(ui_settings().value(KEY, "[]") or "[]"))
        return [SavedFilter(str(f["name"]), str(f["page"]), dict(f.get("state") or {}))
                for f in raw]
    except (ValueError, TypeError, KeyError):
        return []


def _store(filters: list[SavedFilter]) -> None:
    ui_settings().setValue(KEY, json.dumps([asdict(f) for f in filters if not f.built_in]))


class SavedFiltersList(QListWidget):
    """The navigation's saved filters; ``chosen`` when one is clicked."""

    chosen = Signal(object)  # SavedFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedFilters")
        self.setAccessibleName(translate("saved_filters", "Saved filters"))
        # A long name (German ones are) wraps onto a second line: nothing scrolls
        # sideways, nothing is cut off.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setItemDelegate(WrapDelegate(self))
        self.itemActivated.connect(lambda item: self.chosen.emit(self.filter_of(item)))
        self.itemClicked.connect(lambda item: self.chosen.emit(self.filter_of(item)))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.row_menu: QMenu | None = None
        self.reload()

    def reload(self) -> None:
        """Show the built-in filters and the saved ones."""
        self.clear()
        for f in (*BUILT_IN, *user_filters()):
            item = QListWidgetItem(translate("saved_filters", f.name) if f.built_in else f.name)
            item.setData(Qt.ItemDataRole.UserRole, f)
            tip = translate("saved_filters", _PAGE_TIPS.get(f.page, f.page))
            if not f.built_in:
                tip = translate("saved_filters", "{list} (right-click to delete)").format(list=tip)
            item.setToolTip(tip)
            self.addItem(item)

    def filter_of(self, item: QListWidgetItem) -> SavedFilter:
        return item.data(Qt.ItemDataRole.UserRole)

    def names(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]

    def add(self, saved: SavedFilter) -> None:
        """Save a filter (one of the same name is replaced)."""
        filters = [f for f in user_filters() if f.name != saved.name] + [saved]
        _store(filters)
        self.reload()

    def remove(self, name: str) -> None:
        """Delete a saved filter (the built-in ones stay)."""
        _store([f for f in user_filters() if f.name != name])
        self.reload()

    def _menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        if item is None:
            return
        saved = self.filter_of(item)
        menu = QMenu(self)
        menu.addAction(translate("saved_filters", "Show"), lambda: self.chosen.emit(saved))
        delete = menu.addAction(
            translate("saved_filters", "Delete saved filter"), lambda: self.remove(saved.name)
        )
        delete.setEnabled(not saved.built_in)
        self.row_menu = menu
        menu.popup(self.viewport().mapToGlobal(pos))
