"""Help ▸ Keyboard shortcuts (F1): every shortcut in a two-column table.

The menu part is read from the menu bar itself, so a new menu action shows up
here without anyone remembering to add it; keys that belong to a card or a list
(not to a menu) come from the tables those widgets build their shortcuts from.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .i18n import translate

Section = tuple[str, list[tuple[str, str]]]


def keys_text(action: QAction) -> str:
    """The action's shortcuts as shown to people ("Ctrl+K or Ctrl+F")."""
    return " or ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                       for s in action.shortcuts())


def menu_sections(bar: QMenuBar) -> list[Section]:
    """One section per top-level menu: (keys, what it does) for each action."""
    out: list[Section] = []

    def walk(menu: QMenu, prefix: str, rows: list[tuple[str, str]]) -> None:
        for a in menu.actions():
            if a.isSeparator():
                continue
            text = a.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            if a.menu() is not None:
                walk(a.menu(), f"{prefix}{text} ▸ ", rows)
            elif a.shortcuts():
                rows.append((keys_text(a), prefix + text.rstrip("…")))

    for top in bar.actions():
        if top.menu() is None:
            continue
        rows: list[tuple[str, str]] = []
        walk(top.menu(), "", rows)
        if rows:
            out.append((top.text().replace("&", ""), rows))
    return out


class ShortcutsDialog(QDialog):
    """A non-modal window listing ``sections`` of (keys, action) in aligned columns."""

    def __init__(self, sections: list[Section], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("shortcuts_dialog", "Keyboard shortcuts"))
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(
            [translate("shortcuts_dialog", "Keys"), translate("shortcuts_dialog", "Action")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setShowGrid(False)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bold = QFont()
        bold.setBold(True)
        for title, rows in sections:
            r = self.table.rowCount()
            self.table.insertRow(r)
            head = QTableWidgetItem(title)
            head.setFont(bold)
            self.table.setItem(r, 0, head)
            self.table.setSpan(r, 0, 1, 2)
            for keys, what in rows:
                r = self.table.rowCount()
                self.table.insertRow(r)
                self.table.setItem(r, 0, QTableWidgetItem(keys))
                self.table.setItem(r, 1, QTableWidgetItem(what))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 640)
