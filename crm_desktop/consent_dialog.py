"""Record a consent to advertising calls: when, how, by whom, and where the proof is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shared import consent
from shared.errors import CallsheetError
from shared.model import Actor, ContactRef

from . import file_dialogs
from .context import DesktopContext
from .i18n import said, translate
from .widgets import Field

_FIELD_OF = {"source": "source", "kind": "source"}


class ConsentDialog(QDialog):
    """Saves through the store on OK; ``consent`` holds the saved record."""

    def __init__(self, ctx: DesktopContext, ref: ContactRef, contact_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ref = ref
        self.consent: consent.Consent | None = None
        self.setWindowTitle(translate("consent_dialog", "Record consent"))
        intro = QLabel(
            translate(
                "consent_dialog",
                "Consent of <b>{contact_name}</b> to advertising calls (§7a UWG). Keep the proof: "
                "it must be shown for five years after the consent was last used.",
            ).format(contact_name=contact_name)
        )
        intro.setWordWrap(True)
        self.given_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.given_edit.setCalendarPopup(True)
        self.given_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(
            translate("consent_dialog", "web form, call recording, signed letter, e-mail …")
        )
        self.by_edit = QLineEdit()
        self.by_edit.setPlaceholderText(
            translate("consent_dialog", "who took it (agent, colleague, website)")
        )
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(
            translate("consent_dialog", "file, recording id or folder of the proof")
        )
        browse = QPushButton(translate("consent_dialog", "Browse…"))
        browse.clicked.connect(self.browse)
        file_row = QWidget()
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        self.fields = {
            "given": Field(translate("consent_dialog", "&Given at"), self.given_edit),
            "source": Field(translate("consent_dialog", "&How it was given"), self.source_edit),
            "by": Field(translate("consent_dialog", "&By whom"), self.by_edit),
            "file": Field(translate("consent_dialog", "&Proof (file reference)"), file_row),
        }
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for f in self.fields.values():
            layout.addWidget(f)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(480, layout.totalHeightForWidth(480))

    def browse(self) -> None:
        """Pick the file that proves the consent (its path is stored, not the file)."""
        path, _ = file_dialogs.open_file_name(
            self,
            translate("consent_dialog", "Proof of consent"),
            Path.home(),
            translate("consent_dialog", "All files (*)"),
            database=self.ctx.db_path,
        )
        if path:
            self.file_edit.setText(path)

    def accept(self) -> None:
        for f in self.fields.values():
            f.set_error(None)
        given = self.given_edit.dateTime().toPython().astimezone()
        try:
            self.consent = consent.add_consent(
                self.ctx.store, self.ref, given_at=given, source=self.source_edit.text(),
                given_by=self.by_edit.text(), file_ref=self.file_edit.text(),
                actor=Actor.desktop())
        except CallsheetError as e:
            target = self.fields.get(_FIELD_OF.get(e.field or "", ""))
            if target is not None:
                target.set_error(said(e))
            else:
                self.error.setText(said(e))
                self.error.show()
            return
        self.ctx.wrote()
        super().accept()
