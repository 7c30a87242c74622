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

from .i18n import translate
from .widgets import Field


class EraseDialog(QDialog):
    """Asks for a reason and a deliberate click; ``reason`` holds the text after OK."""

    def __init__(self, name: str, counts: dict[str, int], parent: QWidget | None = None,
                 *, shared: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("erase_dialog", "Erase personal data"))
        self.reason = ""
        text = QLabel(
            translate(
                "erase_dialog",
                "<p>Erase the personal data of <b>{v0}</b> (GDPR Art. 17)?</p><ul><li>Name, phone "
                "numbers, e-mail, city and notes are removed; the record stays as <i>Erased "
                "person</i> so statistics add up.</li><li>{v1} call(s) stay without number, notes "
                "and tag data.</li><li>{v2} task(s) and {v3} campaign place(s) are "
                "removed.</li><li>The phone numbers stay blocked: a contact created later with "
                "one of them is do-not-call (the objection holds).</li><li>{v4}</li></ul>"
                "<p><b>This cannot be undone.</b></p>",
            ).format(
                v0=escape(name),
                v1=counts.get("calls", 0),
                v2=counts.get("tasks", 0),
                v3=counts.get("places", 0),
                v4=translate(
                    "erase_dialog",
                    "Backups of the shared database made before now still hold the data; after"
                    " restoring one, apply the saved privacy log again (privacy reapply).",
                )
                if shared
                else translate(
                    "erase_dialog",
                    "Backups made before now still hold the data; a restore erases it again.",
                ),
            )
        )
        text.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(
            translate("erase_dialog", "e.g. request by letter of 2026-11-26 (no names)")
        )
        self.reason_edit.textChanged.connect(self._update)
        self.reason_field = Field(
            translate("erase_dialog", "&Reason (kept in the privacy log)"), self.reason_edit
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = QPushButton(translate("erase_dialog", "Erase"))
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
