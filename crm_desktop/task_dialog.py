"""Adding or rescheduling a call task: campaign, contact, time, kind, note."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from shared.errors import CallsheetError
from shared.model import Campaign, Task

from .contact_picker import ContactPicker, Picked
from .context import DesktopContext
from .formatting import local
from .i18n import translate


def next_full_hour() -> datetime:
    """The next full hour, local time: a sensible default for a new task."""
    now = datetime.now().astimezone()
    return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


class TaskDialog(QDialog):
    """Add a task (``task`` None) or reschedule one. Results: ``campaign_id``,
    ``contact``, ``when`` (aware), ``scheduled``, ``annotation``."""

    def __init__(self, ctx: DesktopContext, campaigns: list[Campaign], *,
                 task: Task | None = None, contact: Picked | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            translate("task_dialog", "Reschedule task")
            if task
            else translate("task_dialog", "New task")
        )
        self.campaign_id: str | None = task.campaign_id if task else None
        self.contact = contact
        self.when: datetime = local(task.timestamp) if task else next_full_hour()  # type: ignore
        self.scheduled = task.scheduled if task else True
        self.annotation: str | None = task.annotation if task else None

        self.ctx = ctx
        self.task = task
        self._apollo = {c.id for c in campaigns if c.tasks_source != "crm"}
        form = QFormLayout()
        self.campaign = QComboBox()
        for c in campaigns:
            managed = (translate("task_dialog", "  — tasks managed in Apollo")
                       if c.id in self._apollo else "")
            self.campaign.addItem(f"{c.name} ({c.id}){managed}", c.id)
        if task:
            self.campaign.setCurrentIndex(max(0, self.campaign.findData(task.campaign_id)))
            self.campaign.setEnabled(False)
        else:
            # Apollo's dialer only receives tasks of campaigns whose tasks are managed
            # here, so one of those is the default.
            here = [c.id for c in campaigns if c.id not in self._apollo]
            if here:
                self.campaign.setCurrentIndex(self.campaign.findData(here[0]))
        form.addRow(translate("task_dialog", "&Campaign"), self.campaign)
        self.campaign_warning = self._warning()
        form.addRow("", self.campaign_warning)
        self.picker: ContactPicker | None = None
        if task:
            form.addRow(translate("task_dialog", "Contact"), QLabel(task.contact.label))
        elif contact:
            form.addRow(translate("task_dialog", "Contact"), QLabel(contact.title))
        else:
            self.picker = ContactPicker(ctx)
            self.picker.setMinimumHeight(220)
            form.addRow(translate("task_dialog", "C&ontact"), self.picker)
            self.picker.list.itemSelectionChanged.connect(self._check_contact)
        self.contact_warning = self._warning()
        form.addRow("", self.contact_warning)
        self.time = QDateTimeEdit(QDateTime(self.when))
        self.time.setCalendarPopup(True)
        self.time.setDisplayFormat("ddd dd MMM yyyy, HH:mm")
        form.addRow(translate("task_dialog", "&When"), self.time)
        self.fixed = QCheckBox(
            translate("task_dialog", "Callback promised for this exact time (scheduled)")
        )
        self.fixed.setChecked(self.scheduled)
        form.addRow("", self.fixed)
        self.note = QLineEdit(self.annotation or "")
        self.note.setPlaceholderText(translate("task_dialog", "What the call is about"))
        form.addRow(translate("task_dialog", "&Note"), self.note)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 200 if self.picker is None else 520)
        self.campaign.currentIndexChanged.connect(lambda _: self._check_campaign())
        self._check_campaign()
        self._check_contact()

    @staticmethod
    def _warning() -> QLabel:
        label = QLabel()
        label.setObjectName("fieldWarning")
        label.setWordWrap(True)
        label.hide()
        return label

    def _check_campaign(self) -> None:
        """Warn when the chosen campaign's tasks are Apollo's: a task made here for it is
        never handed to the dialer."""
        apollo = self.campaign.isEnabled() and self.campaign.currentData() in self._apollo
        self.campaign_warning.setText(
            translate(
                "task_dialog",
                "⚠ The tasks of this campaign are managed in Apollo: Apollo's dialer never"
                " receives a task made here. Choose a campaign managed in Callsheet.",
            )
        )
        self.campaign_warning.setVisible(bool(apollo))

    def _check_contact(self) -> None:
        """Warn when the contact is flagged do-not-call: Apollo does not receive its tasks."""
        contact = self.contact
        if self.picker is not None:
            picked = self.picker.picked()
            contact = picked[0] if picked else None
        flagged, title = False, contact.title if contact is not None else ""
        if self.task is not None:
            flagged, title = self.task.contact.do_not_call, self.task.contact.label
        elif contact is not None and contact.id:
            try:
                flagged = self.ctx.store.resolve_contact(contact.ref).do_not_call
            except CallsheetError:
                flagged = False
        if flagged:
            self.contact_warning.setText(
                translate(
                    "task_dialog",
                    "⚠ {title} is flagged do-not-call. The task is kept, but Apollo's dialer does "
                    "not receive it while the flag is on.",
                ).format(title=title)
            )
        self.contact_warning.setVisible(flagged)

    def accept(self) -> None:
        self.campaign_id = self.campaign.currentData()
        if self.picker is not None:
            picked = self.picker.picked()
            self.contact = picked[0] if picked else None
        if not self.campaign_id:
            return self._fail(
                translate("task_dialog", "Create a campaign first: tasks belong to a campaign.")
            )
        if self.contact is None and self.picker is not None:
            return self._fail(translate("task_dialog", "Choose the contact to call."))
        self.when = self.time.dateTime().toPython().astimezone()
        self.scheduled = self.fixed.isChecked()
        self.annotation = self.note.text().strip() or None
        super().accept()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
