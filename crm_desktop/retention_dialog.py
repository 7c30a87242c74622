"""Privacy settings: the two retention rules, and a Preview of what the next daily run
would remove. (Who the privacy log names is File ▸ Settings ▸ This PC ▸ Your name.)"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from shared import retention
from shared.errors import CallsheetError

from .context import DesktopContext
from .i18n import said, translate
from .widgets import Field


class RetentionDialog(QDialog):
    """Saves on OK; ``saved`` tells whether it did."""

    def __init__(self, ctx: DesktopContext, parent: QWidget | None = None,
                 now: datetime | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now = now
        self.saved = False
        self.setWindowTitle(translate("retention_dialog", "Privacy settings"))
        store = ctx.store
        try:
            rules = retention.policy(store)
        except CallsheetError:
            rules = retention.RetentionPolicy()
        self.calls_spin = QSpinBox()
        self.calls_spin.setRange(0, 1200)
        self.calls_spin.setSpecialValueText(translate("retention_dialog", "keep forever"))
        self.calls_spin.setSuffix(translate("retention_dialog", " months"))
        self.calls_spin.setValue(rules.call_months)
        self.persons_spin = QSpinBox()
        self.persons_spin.setRange(0, 100)
        self.persons_spin.setSpecialValueText(translate("retention_dialog", "never"))
        self.persons_spin.setSuffix(translate("retention_dialog", " years"))
        self.persons_spin.setValue(rules.person_years)
        self.fields = {
            "calls": Field(
                translate("retention_dialog", "Delete call records older than"), self.calls_spin
            ),
            "persons": Field(
                translate("retention_dialog", "Anonymise persons with no call, task or edit for"),
                self.persons_spin,
            ),
        }
        hint = QLabel(
            translate(
                "retention_dialog",
                "The rules run once a day while Callsheet or callsheet-api serve runs;"
                " each run is written to the privacy log. Consent records are kept five"
                " years after their last use whatever these say.",
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("muted")
        self.preview_button = QPushButton(translate("retention_dialog", "Preview"))
        self.preview_button.setToolTip(
            translate("retention_dialog", "List what a run with these values would remove now")
        )
        self.preview_button.clicked.connect(self.preview)
        self.preview_text = QPlainTextEdit()
        self.preview_text.setReadOnly(True)
        self.preview_text.setPlaceholderText(
            translate("retention_dialog", "Press Preview to see what would go.")
        )
        self.preview_text.setMinimumHeight(140)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for f in self.fields.values():
            layout.addWidget(f)
        layout.addWidget(hint)
        preview_row = QHBoxLayout()
        preview_row.addWidget(self.preview_button)
        preview_row.addStretch(1)
        layout.addLayout(preview_row)
        layout.addWidget(self.preview_text, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 460)

    def rules(self) -> retention.RetentionPolicy:
        """The rules as the dialog shows them now."""
        return retention.RetentionPolicy(self.calls_spin.value(), self.persons_spin.value())

    def preview(self) -> retention.RetentionPlan:
        """Show what a run with the values shown would remove now (nothing is removed)."""
        now = self.now or datetime.now(UTC)
        rules = self.rules()
        plan = retention.preview(self.ctx.store, now, rules)
        lines = []
        if not rules.enabled:
            lines.append(translate("retention_dialog", "Both rules are off: nothing is removed."))
        if rules.call_months:
            lines.append(translate(
                "retention_dialog", "{n} call record(s) started before {date} would be deleted."
            ).format(n=plan.call_count, date=plan.calls_before[:10]))  # type: ignore[index]
            lines += [translate("retention_dialog", "  call {id}  {started}").format(
                id=cid, started=started[:16].replace("T", " ")) for cid, started in plan.calls[:50]]
            if plan.call_count > 50:
                lines.append(translate("retention_dialog", "  … and {n} more").format(
                    n=plan.call_count - 50))
        if rules.person_years:
            lines.append(translate(
                "retention_dialog",
                "{n} person(s) idle since before {date} would be anonymised:",
            ).format(n=len(plan.persons), date=plan.idle_before[:10]))  # type: ignore[index]
            lines += [translate("retention_dialog", "  {name}  (last activity {date})").format(
                name=name, date=last[:10]) for _, name, last in plan.persons]
        if plan.expired_consents:
            lines.append(translate(
                "retention_dialog", "{n} consent proof(s) of erased persons, kept five years"
                " after last use, would be deleted.").format(n=len(plan.expired_consents)))
        self.preview_text.setPlainText("\n".join(lines))
        return plan

    def accept(self) -> None:
        store = self.ctx.store
        try:
            retention.save_policy(store, self.rules())
        except CallsheetError as e:
            self.error.setText(said(e))
            self.error.show()
            return
        self.saved = True
        self.ctx.wrote()
        super().accept()
