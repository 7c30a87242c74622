"""The Consent tab of a contact card: the records, Add, Withdraw and Export proof."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shared import consent, privacy_log
from shared.errors import CallsheetError
from shared.model import Actor, ContactRef

from . import file_dialogs
from .consent_dialog import ConsentDialog
from .context import DesktopContext
from .i18n import said, translate
from .models.privacy_models import ConsentModel
from .widgets import current_record, keep_selection, make_table, set_widths


class ConsentPanel(QWidget):
    """A contact's consent records; the card sets ``ref`` and ``name`` before refresh()."""

    notice = Signal(str)
    counted = Signal(int)  # how many records are shown, after every refresh

    def __init__(self, ctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ref: ContactRef | None = None
        self.name = ""
        self.model = ConsentModel()
        self.view = make_table(self.model, sortable=False)
        set_widths(self.view, [120, 130, 150, 160, 100, 140, 110])
        self.add_button = QPushButton(translate("consent_panel", "Add consent…"))
        self.add_button.clicked.connect(self.add)
        self.withdraw_button = QPushButton(translate("consent_panel", "Withdraw"))
        self.withdraw_button.setToolTip(
            translate("consent_panel", "The contact took the consent back")
        )
        self.withdraw_button.clicked.connect(self.withdraw)
        self.export_button = QPushButton(translate("consent_panel", "Export proof…"))
        self.export_button.setToolTip(
            translate("consent_panel", "Write the consent records and their last use to a file")
        )
        self.export_button.clicked.connect(lambda: self.export_proof())
        row = QHBoxLayout()
        for b in (self.add_button, self.withdraw_button, self.export_button):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(row)

    def refresh(self) -> int:
        """Show the contact's records again; returns how many."""
        rows = consent.consents_for(self.ctx.store, self.ref) if self.ref else []
        keep_selection(self.view, self.model, lambda: self.model.set_rows(rows))
        for b in (self.add_button, self.withdraw_button, self.export_button):
            b.setEnabled(self.ref is not None)
        self.counted.emit(len(rows))
        return len(rows)

    def add(self) -> None:
        """Record a new consent."""
        if self.ref is None:
            return
        dlg = ConsentDialog(self.ctx, self.ref, self.name, self)
        if dlg.exec() == ConsentDialog.DialogCode.Accepted:
            self.refresh()

    def withdraw(self) -> None:
        """Mark the selected consent withdrawn, after asking."""
        record = current_record(self.view)
        if record is None or record.withdrawn_at:
            return
        answer = QMessageBox.question(
            self,
            translate("consent_panel", "Withdraw consent"),
            translate(
                "consent_panel",
                "Mark the consent given {v0} as withdrawn now? Campaigns that need consent stop "
                "calling this contact.",
            ).format(v0=record.given_at[:10]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        consent.withdraw_consent(self.ctx.store, record.id, Actor.desktop())
        self.ctx.wrote()
        self.refresh()

    def export_proof(self, path: str | None = None) -> str | None:
        """Write the proof of the contact's consents to a JSON file; returns its path."""
        if self.ref is None:
            return None
        if path is None:
            path, _ = file_dialogs.save_file_name(
                self,
                translate("consent_panel", "Export consent proof"),
                Path.home() / "consent-proof.json",
                translate("consent_panel", "JSON (*.json)"),
                database=self.ctx.db_path,
            )
            if not path:
                return None
        store = self.ctx.store
        try:
            consent.write_proof(store, self.ref, path, who=privacy_log.desktop_who())
        except (CallsheetError, OSError) as e:
            QMessageBox.warning(self, translate("consent_panel", "Export failed"), said(e))
            return None
        self.notice.emit(
            translate("consent_panel", "Consent proof written to {path}.").format(path=path)
        )
        self.ctx.wrote()
        return path
