"""The Edit menu: Undo, Redo, Cut, Copy, Paste on whatever has the keyboard focus.

In a card's fields Undo and Redo step through the card's field history (see
card_undo); in any other text field they use that field's own history. Copy in
a list copies the selected rows as tab-separated text (pastes into a
spreadsheet).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from .contact_card import ContactCard
from .i18n import translate


def _card_of(widget: QWidget | None) -> ContactCard | None:
    while widget is not None:
        if isinstance(widget, ContactCard):
            return widget
        widget = widget.parentWidget()
    return None


def _text_widget(widget: QWidget | None) -> QWidget | None:
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return widget
    return None


def _rows_as_text(view: QAbstractItemView) -> str:
    model = view.model()
    rows = sorted({i.row() for i in view.selectionModel().selectedIndexes()})
    if not rows and view.currentIndex().isValid():
        rows = [view.currentIndex().row()]
    columns = [c for c in range(model.columnCount())
               if not getattr(view, "isColumnHidden", lambda _c: False)(c)]
    return "\n".join("\t".join(str(model.index(r, c).data() or "") for c in columns)
                     for r in rows)


class EditMenu:
    """Builds the Edit menu of ``window`` and carries out its actions."""

    def __init__(self, window: QMainWindow, menu: QMenu,
                 current_card: Callable[[], ContactCard | None]) -> None:
        self.window = window
        self.current_card = current_card
        self.undo = self._add(menu, translate("edit_menu", "&Undo"), self.do_undo, "Ctrl+Z")
        self.redo = self._add(
            menu, translate("edit_menu", "&Redo"), self.do_redo, "Ctrl+Shift+Z", "Ctrl+Y"
        )
        menu.addSeparator()
        self.cut = self._add(
            menu, translate("edit_menu", "Cu&t"), lambda: self._text_op("cut"), "Ctrl+X"
        )
        self.copy = self._add(menu, translate("edit_menu", "&Copy"), self.do_copy, "Ctrl+C")
        self.paste = self._add(
            menu, translate("edit_menu", "&Paste"), lambda: self._text_op("paste"), "Ctrl+V"
        )
        menu.aboutToShow.connect(self._update_texts)

    def _add(self, menu: QMenu, text: str, slot: Callable[[], None], *keys: str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _update_texts(self) -> None:
        card = _card_of(QApplication.focusWidget()) or self.current_card()
        undo = card.undo_stack.undoText() if card is not None else ""
        redo = card.undo_stack.redoText() if card is not None else ""
        self.undo.setText(
            translate("edit_menu", "&Undo {undo}").format(undo=undo)
            if undo
            else translate("edit_menu", "&Undo")
        )
        self.redo.setText(
            translate("edit_menu", "&Redo {redo}").format(redo=redo)
            if redo
            else translate("edit_menu", "&Redo")
        )

    def do_undo(self) -> None:
        """Undo the last edit in the focused card (or text field)."""
        self._history("undo")

    def do_redo(self) -> None:
        """Redo what Undo took back."""
        self._history("redo")

    def _history(self, what: str) -> None:
        focus = QApplication.focusWidget()
        card = _card_of(focus)
        text = _text_widget(focus)
        if card is None and text is not None:
            getattr(text, what)()
            return
        card = card or self.current_card()
        if card is not None:
            getattr(card.undo_stack, what)()

    def _text_op(self, what: str) -> None:
        text = _text_widget(QApplication.focusWidget())
        if text is not None:
            getattr(text, what)()

    def do_copy(self) -> None:
        """Copy the selected text, or the selected rows of a list."""
        focus = QApplication.focusWidget()
        text = _text_widget(focus)
        if text is not None:
            text.copy()  # type: ignore[attr-defined]
        elif isinstance(focus, QAbstractItemView) and focus.model() is not None:
            QApplication.clipboard().setText(_rows_as_text(focus))
