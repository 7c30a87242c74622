"""A personal to-do: what to do, by when, and (from a card) about whom."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from .i18n import translate
from .task_dialog import next_full_hour


class TodoDialog(QDialog):
    """Results after OK: ``title`` and ``when`` (aware, local)."""

    def __init__(self, owner: str, *, contact: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("todo_dialog", "New to-do"))
        self.title = ""
        self.when: datetime = next_full_hour()
        form = QFormLayout()
        form.addRow(translate("todo_dialog", "Owner"), QLabel(owner))
        if contact:
            form.addRow(translate("todo_dialog", "Contact"), QLabel(contact))
        self.text = QLineEdit()
        self.text.setObjectName("todoTitle")
        self.text.setPlaceholderText(
            translate("todo_dialog", "Send the offer, ask about the invoice …")
        )
        form.addRow(translate("todo_dialog", "&To do"), self.text)
        self.time = QDateTimeEdit(QDateTime(self.when))
        self.time.setObjectName("todoDue")
        self.time.setCalendarPopup(True)
        self.time.setDisplayFormat("ddd dd MMM yyyy, HH:mm")
        form.addRow(translate("todo_dialog", "&Due"), self.time)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, 0)
        self.text.setFocus()

    def accept(self) -> None:
        title = self.text.text().strip()
        if not title:
            self.error.setText(translate("todo_dialog", "Write what there is to do."))
            self.error.show()
            self.text.setFocus()
            return
        self.title = title
        self.when = self.time.dateTime().toPython().astimezone()
        super().accept()
