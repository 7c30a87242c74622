"""Writing or editing a note on a contact."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from .i18n import translate


class NoteDialog(QDialog):
    """A note's text; the result after OK is ``text``."""

    def __init__(self, contact: str, author: str, *, text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            translate("note_dialog", "Edit note") if text else translate("note_dialog", "New note")
        )
        self.text = text
        intro = QLabel(
            translate("note_dialog", "Note on <b>{contact}</b> by {author}").format(
                contact=contact, author=author
            )
        )
        self.editor = QPlainTextEdit(text)
        self.editor.setObjectName("noteText")
        self.editor.setTabChangesFocus(True)
        self.editor.setAccessibleName(translate("note_dialog", "Note text"))
        self.editor.setPlaceholderText(
            translate("note_dialog", "What was said, agreed or promised")
        )
        label = QLabel(translate("note_dialog", "&Text"))
        label.setBuddy(self.editor)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.buttons)
        self.resize(480, 260)
        self.editor.setFocus()

    def accept(self) -> None:
        self.text = self.editor.toPlainText()
        super().accept()
