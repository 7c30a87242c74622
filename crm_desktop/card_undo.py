"""Undo and redo of a card's field edits, across fields.

A QLineEdit only undoes its own typing, and forgets it when the card sets its
text; a card needs one history for all its fields. Each change of a field is a
``FieldEdit`` on the card's QUndoStack (typing on in the same field merges into
one step), and the editors hand Ctrl+Z / Ctrl+Shift+Z to that stack instead of
their own history.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand, QUndoStack

_MERGE_ID = 1201


def undo_key(event: QKeyEvent) -> str | None:
    """"undo" or "redo" when the key press asks for it, else None."""
    if event.matches(QKeySequence.StandardKey.Undo):
        return "undo"
    if event.matches(QKeySequence.StandardKey.Redo):
        return "redo"
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    ctrl = Qt.KeyboardModifier.ControlModifier
    shift = Qt.KeyboardModifier.ShiftModifier
    if event.key() == Qt.Key.Key_Z and mods == ctrl | shift:
        return "redo"
    if event.key() == Qt.Key.Key_Y and mods == ctrl:
        return "redo"
    return None


class FieldEdit(QUndoCommand):
    """One field going from ``old`` to ``new``; ``apply(api, text)`` shows a value."""

    def __init__(self, api: str, label: str, old: str, new: str,
                 apply: Callable[[str, str], None]) -> None:
        super().__init__(f"Edit {label}")
        self.api, self.old, self.new = api, old, new
        self._apply = apply
        self._done = True  # pushed after the editor already shows ``new``

    def id(self) -> int:
        return _MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldEdit) or other.api != self.api:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._apply(self.api, self.new)

    def undo(self) -> None:
        self._apply(self.api, self.old)


class UndoKeys(QObject):
    """Event filter for a card's editors: Ctrl+Z and redo go to the card's stack."""

    def __init__(self, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = stack

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        what = undo_key(event)  # type: ignore[arg-type]
        if what is None:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            # Not accepted: the window's Edit ▸ Undo/Redo shortcut gets the key, not the
            # editor's own history.
            event.ignore()
            return True
        # No window shortcut took it (a card outside the main window): do it here.
        self.stack.undo() if what == "undo" else self.stack.redo()
        return True
