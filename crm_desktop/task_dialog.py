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

from shared.model import Campaign, Task

from .contact_picker import ContactPicker, Picked
from .context import DesktopContext
from .formatting import local


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
        self.setWindowTitle("Reschedule task" if task else "New task")
        self.campaign_id: str | None = task.campaign_id if task else None
        self.contact = contact
        self.when: datetime = local(task.timestamp) if task else next_full_hour()  # type: ignore
        self.scheduled = task.scheduled if task else True
        self.annotation: str | None = task.annotation if task else None

        form = QFormLayout()
        self.campaign = QComboBox()
        for c in campaigns:
            self.campaign.addItem(f"{c.name} ({c.id})", c.id)
        if task:
            self.campaign.setCurrentIndex(max(0, self.campaign.findData(task.campaign_id)))
            self.campaign.setEnabled(False)
        form.addRow("&Campaign", self.campaign)
        self.picker: ContactPicker | None = None
        if task:
            form.addRow("Contact", QLabel(task.contact.label))
        elif contact:
            form.addRow("Contact", QLabel(contact.title))
        else:
            self.picker = ContactPicker(ctx)
            self.picker.setMinimumHeight(220)
            form.addRow("C&ontact", self.picker)
        self.time = QDateTimeEdit(QDateTime(self.when))
        self.time.setCalendarPopup(True)
        self.time.setDisplayFormat("ddd dd MMM yyyy, HH:mm")
        form.addRow("&When", self.time)
        self.fixed = QCheckBox("Callback promised for this exact time (scheduled)")
        self.fixed.setChecked(self.scheduled)
        form.addRow("", self.fixed)
        self.note = QLineEdit(self.annotation or "")
        self.note.setPlaceholderText("What the call is about")
        form.addRow("&Note", self.note)
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

    def accept(self) -> None:
        self.campaign_id = self.campaign.currentData()
        if self.picker is not None:
            picked = self.picker.picked()
            self.contact = picked[0] if picked else None
        if not self.campaign_id:
            return self._fail("Create a campaign first: tasks belong to a campaign.")
        if self.contact is None and self.picker is not None:
            return self._fail("Choose the contact to call.")
        self.when = self.time.dateTime().toPython().astimezone()
        self.scheduled = self.fixed.isChecked()
        self.annotation = self.note.text().strip() or None
        super().accept()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
