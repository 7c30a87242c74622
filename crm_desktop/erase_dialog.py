"""Confirm the erasure of a person's personal data, with the reason the log keeps."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .widgets import Field


class EraseDialog(QDialog):
    """Asks for a reason and a deliberate click; ``reason`` holds the text after OK."""

    def __init__(self, name: str, counts: dict[str, int], parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Erase personal data")
        self.reason = ""
        text = QLabel(
            f"<p>Erase the personal data of <b>{escape(name)}</b> (GDPR Art. 17)?</p>"
            "<ul>"
            "<li>Name, phone numbers, e-mail, city and notes are removed; the record stays"
            " as <i>Erased person</i> so statistics add up.</li>"
            f"<li>{counts.get('calls', 0)} call(s) stay without number, notes and tag"
            " data.</li>"
            f"<li>{counts.get('tasks', 0)} task(s) and {counts.get('places', 0)} campaign"
            " place(s) are removed.</li>"
            "<li>The phone numbers stay blocked: a contact created later with one of them is"
            " do-not-call (the objection holds).</li>"
            "<li>Backups made before now still hold the data; a restore erases it again.</li>"
            "</ul><p><b>This cannot be undone.</b></p>")
        text.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText("e.g. request by letter of 2026-11-26 (no names)")
        self.reason_edit.textChanged.connect(self._update)
        self.reason_field = Field("&Reason (kept in the privacy log)", self.reason_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = QPushButton("Erase")
        self.erase_button.setObjectName("danger")
        self.buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.reason_field)
        layout.addWidget(self.buttons)
        # Wrapped text needs its height for this width (sizeHint alone clips it).
        self.resize(520, layout.totalHeightForWidth(520))
        self._update()
        self.reason_edit.setFocus()

    def _update(self) -> None:
        self.erase_button.setEnabled(bool(self.reason_edit.text().strip()))

    def accept(self) -> None:
        self.reason = self.reason_edit.text().strip()
        if not self.reason:
            return
        super().accept()
