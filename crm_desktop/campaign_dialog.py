"""Creating or editing a campaign: Apollo's id, a name, and where contacts and tasks
come from."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from shared import calling_hours, consent
from shared.calling_hours import CallingHours
from shared.errors import CallsheetError
from shared.model import Actor, Campaign

from .context import DesktopContext
from .i18n import said, translate
from .panes import form_message, plain_label
from .widgets import Field

SOURCES = (
    (QT_TRANSLATE_NOOP("campaign_dialog", "Callsheet (this CRM)"), "crm"),
    (QT_TRANSLATE_NOOP("campaign_dialog", "Apollo"), "apollo"),
)
_FIELD_OF = {"id": "id", "name": "name", "contactsSource": "contacts", "tasksSource": "tasks"}


class CampaignDialog(QDialog):
    """Saves through the store on OK; errors show next to their field. ``campaign`` holds
    the saved campaign."""

    def __init__(self, ctx: DesktopContext, campaign: Campaign | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.original = campaign
        self.campaign: Campaign | None = None
        self.setWindowTitle(
            translate("campaign_dialog", "Edit campaign")
            if campaign
            else translate("campaign_dialog", "New campaign")
        )
        self.id_edit = QLineEdit(campaign.id if campaign else "")
        self.id_edit.setPlaceholderText(
            translate("campaign_dialog", "The id Apollo uses, e.g. winter_promo")
        )
        self.id_edit.setReadOnly(campaign is not None)
        self.name_edit = QLineEdit(campaign.name if campaign else "")
        self.name_edit.setPlaceholderText(
            translate("campaign_dialog", "What people call it, e.g. Winter promotion")
        )
        self.contacts_combo = QComboBox()
        self.tasks_combo = QComboBox()
        for combo, current in ((self.contacts_combo, campaign.contacts_source if campaign
                                else "crm"),
                               (self.tasks_combo, campaign.tasks_source if campaign else "crm")):
            for label, value in SOURCES:
                combo.addItem(translate("campaign_dialog", label), value)
            combo.setCurrentIndex(combo.findData(current))
        # §7a UWG: advertising calls only to contacts whose consent is on file.
        self.consent_check = QCheckBox(
            translate("campaign_dialog", "Only contacts with &consent to advertising calls")
        )
        self.consent_check.setToolTip(
            translate(
                "campaign_dialog",
                "Apollo's dialer then gets only contacts holding a"
                " consent that was not withdrawn (see the card's"
                " Consent tab)",
            )
        )
        self.consent_check.setChecked(campaign is not None and campaign.needs_consent)
        current = (calling_hours.get(ctx.store.conn, campaign.id) if campaign else None)
        self.hours_on = QCheckBox(translate("campaign_dialog", "Call only between"))
        self.hours_on.setObjectName("callingHoursOn")
        self.hours_on.setChecked(current is not None)
        self.hours_start = QTimeEdit(QTime(*((current.start.hour, current.start.minute)
                                             if current else (8, 0))))
        self.hours_end = QTimeEdit(QTime(*((current.end.hour, current.end.minute)
                                           if current else (20, 0))))
        for edit, name in ((self.hours_start, translate("campaign_dialog", "Calling hours from")),
                           (self.hours_end, translate("campaign_dialog", "Calling hours until"))):
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(name)
            edit.setEnabled(self.hours_on.isChecked())
            self.hours_on.toggled.connect(edit.setEnabled)
        hours_row = QWidget()
        row = QHBoxLayout(hours_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.hours_on)
        row.addWidget(self.hours_start)
        row.addWidget(QLabel(translate("campaign_dialog", "and")))
        row.addWidget(self.hours_end)
        row.addWidget(QLabel(translate("campaign_dialog", "the contact's local time")))
        row.addStretch(1)
        self.hours_row = hours_row
        self.fields = {
            "id": Field(translate("campaign_dialog", "Campaign &id (as in Apollo)"), self.id_edit),
            "name": Field(translate("campaign_dialog", "&Name"), self.name_edit),
            "contacts": Field(
                translate("campaign_dialog", "&Contacts come from"), self.contacts_combo
            ),
            "tasks": Field(translate("campaign_dialog", "&Tasks come from"), self.tasks_combo),
        }
        hint = QLabel(
            translate(
                "campaign_dialog",
                "When the contacts or tasks come from Callsheet, Apollo's dialer fetches"
                " them from here; when they come from Apollo, Callsheet only keeps the"
                " calls.",
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("muted")
        self.hint = hint
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
        hours_label = QLabel(
            translate(
                "campaign_dialog", "Calling &hours (off: the dialer gets contacts at any hour)"
            )
        )
        hours_label.setObjectName("fieldLabel")
        hours_label.setBuddy(self.hours_on)
        layout.addWidget(hours_label)
        layout.addWidget(hours_row)
        layout.addWidget(hint)
        layout.addWidget(self.consent_check)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        # A dialog does not ask a wrapped label for its height at the final width, so
        # the last line was cut off: reserve it.
        margins = layout.contentsMargins()
        hint.setMinimumHeight(hint.heightForWidth(460 - margins.left() - margins.right()))
        self.resize(460, 0)

    def accept(self) -> None:
        for f in self.fields.values():
            f.set_error(None)
        store, actor = self.ctx.store, Actor.desktop()
        hours = (CallingHours(self.hours_start.time().toPython(),
                              self.hours_end.time().toPython())
                 if self.hours_on.isChecked() else None)
        try:
            # The campaign, its calling hours and its consent flag in one transaction.
            with store.write():
                if self.original is None:
                    self.campaign = store.create_campaign(
                        self.id_edit.text().strip(), self.name_edit.text(), actor,
                        contacts_source=self.contacts_combo.currentData(),
                        tasks_source=self.tasks_combo.currentData())
                else:
                    self.campaign = store.update_campaign(
                        self.original.id, actor, name=self.name_edit.text(),
                        contacts_source=self.contacts_combo.currentData(),
                        tasks_source=self.tasks_combo.currentData())
                calling_hours.set_hours(store.conn, self.campaign.id, hours)
                consent.set_needs_consent(store, self.campaign.id,
                                          self.consent_check.isChecked(), actor)
        except CallsheetError as e:
            target = self.fields.get(_FIELD_OF.get(e.field or "", ""))
            labels = {api: plain_label(self.fields[key].label.text())
                      for api, key in _FIELD_OF.items()}
            message = form_message(said(e), labels, e.field)
            if target is not None:
                target.set_error(message)
            else:
                self.error.setText(message)
                self.error.show()
            return
        self.ctx.wrote()
        super().accept()
