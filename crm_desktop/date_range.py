"""A "from … to …" day range that can be switched off (then: any date)."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from .i18n import translate


class DateRange(QWidget):
    """Emits ``changed`` when switched or edited; ``bounds()`` gives aware datetimes."""

    changed = Signal()

    def __init__(self, days_before: int, days_after: int, *, enabled: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        today = QDate.currentDate()
        self.enabled = QCheckBox(translate("date_range", "Only from"))
        self.enabled.setChecked(enabled)
        self.start = QDateEdit(today.addDays(-days_before))
        self.end = QDateEdit(today.addDays(days_after))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("ddd dd MMM yyyy")
            edit.dateChanged.connect(lambda _: self.changed.emit())
        self.enabled.toggled.connect(self._toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.start)
        layout.addWidget(QLabel(translate("date_range", "to")))
        layout.addWidget(self.end)
        self._toggled(enabled)

    def _toggled(self, on: bool) -> None:
        self.start.setEnabled(on)
        self.end.setEnabled(on)
        self.changed.emit()

    def set_range(self, start: QDate, end: QDate) -> None:
        """Switch the range on and set both days (``end`` included)."""
        self.blockSignals(True)
        self.start.setDate(start)
        self.end.setDate(end)
        self.enabled.setChecked(True)
        self.blockSignals(False)
        self.changed.emit()

    def bounds(self) -> tuple[datetime | None, datetime | None]:
        """Local midnight of the first day, and of the day after the last (exclusive)."""
        if not self.enabled.isChecked():
            return None, None
        start = datetime.combine(self.start.date().toPython(), datetime.min.time()).astimezone()
        end = datetime.combine(self.end.date().toPython(), datetime.min.time()).astimezone()
        return start, end + timedelta(days=1)
