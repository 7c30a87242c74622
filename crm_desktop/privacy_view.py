"""The Privacy page: the privacy log (exports, erasures, retention runs), the privacy
settings, and a retention run on demand."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from shared import privacy_log, retention
from shared.errors import CallsheetError

from .context import DesktopContext
from .models.privacy_models import PrivacyLogModel
from .retention_dialog import RetentionDialog
from .widgets import heading, keep_selection, make_table, set_widths

HOURLY_MS = 60 * 60 * 1000


class PrivacyView(QWidget):
    """The privacy log, newest first, without personal data."""

    open_contact = Signal(str, str)
    notice = Signal(str)

    def __init__(self, ctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = PrivacyLogModel()
        self.table = make_table(self.model, sortable=False)
        set_widths(self.table, [130, 110, 250, 110, 220])
        self.table.doubleClicked.connect(self._open)
        self.table.setToolTip("Double-click a row to open the record")
        self.count = QLabel()
        self.count.setObjectName("muted")
        self.settings_button = QPushButton("Privacy settings…")
        self.settings_button.setToolTip("Your name for the log, retention rules, Preview")
        self.settings_button.clicked.connect(lambda: self.open_settings())
        head = QHBoxLayout()
        head.addWidget(heading("Privacy log"))
        head.addStretch(1)
        head.addWidget(self.settings_button)
        intro = QLabel("Every export and erasure of personal data and every retention run,"
                       " without personal data. A copy is kept beside the database"
                       " (…db.privacy-log.jsonl); restoring a backup applies the erasures"
                       " made since.")
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        events = privacy_log.events(self.ctx.store)
        keep_selection(self.table, self.model, lambda: self.model.set_rows(events))
        self.count.setText(f"{len(events)} event(s)")

    def open_settings(self) -> RetentionDialog:
        """Open the privacy settings (modal)."""
        dlg = RetentionDialog(self.ctx, self)
        if dlg.exec() == RetentionDialog.DialogCode.Accepted:
            self.refresh()
        return dlg

    def _open(self, index: object) -> None:
        row = self.table.currentIndex().row()
        if row < 0:
            return
        event = self.model.record(row)
        if event.entity_type in ("person", "company") and event.entity_id:
            self.open_contact.emit(event.entity_type, event.entity_id)


class RetentionTimer(QObject):
    """Runs the retention rules at start and checks every hour (once a day at most)."""

    ran = Signal(str)  # a sentence for the status bar

    def __init__(self, ctx: DesktopContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.timer = QTimer(self)
        self.timer.setInterval(HOURLY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.check()
        self.timer.start()

    def check(self, now: datetime | None = None) -> retention.RetentionResult | None:
        """Run the rules if due; says what it did, or why it failed, on the status bar."""
        try:
            result = retention.run_if_due(self.ctx.store, now or datetime.now(UTC))
        except CallsheetError as e:
            self.ran.emit(f"Retention run failed: {e.message}")
            return None
        if result is not None:
            self.ran.emit(f"Retention: deleted {result.calls_deleted} call(s), anonymised"
                          f" {result.persons_anonymised} person(s).")
            self.ctx.wrote()
        return result
