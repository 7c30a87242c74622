"""The Privacy page: the privacy log (exports, erasures, retention runs), the privacy
settings, and a retention run on demand."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from shared import privacy_log, retention
from shared.database import DATABASE_ERRORS, connect
from shared.errors import CallsheetError
from shared.store import Store
from shared.words import plural

from .context import DesktopContext
from .i18n import said, translate
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
        self.table.setToolTip(translate("privacy_view", "Double-click a row to open the record"))
        self.count = QLabel()
        self.count.setObjectName("muted")
        self.settings_button = QPushButton(translate("privacy_view", "Privacy settings…"))
        self.settings_button.setToolTip(
            translate("privacy_view", "Retention rules, with a Preview of what would go")
        )
        self.settings_button.clicked.connect(lambda: self.open_settings())
        head = QHBoxLayout()
        head.addWidget(heading(translate("privacy_view", "Privacy log")))
        head.addStretch(1)
        head.addWidget(self.settings_button)
        intro = QLabel(
            translate(
                "privacy_view",
                "Every export and erasure of personal data and every retention run,"
                " without personal data. A copy is kept beside the database"
                " (…db.privacy-log.jsonl); restoring a backup applies the erasures"
                " made since.",
            )
            if ctx.store.dialect.local_file() is not None
            # A shared database: no file of this PC; the README says how a restore of
            # the server's backup re-applies the erasures made since.
            else translate(
                "privacy_view",
                "Every export and erasure of personal data and every retention run,"
                " without personal data, by every PC on the shared database. The rules"
                " run on the API service (callsheet-api serve).",
            )
        )
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
        self.count.setText(translate("privacy_view", "{v0} event(s)").format(v0=len(events)))

    def open_settings(self) -> RetentionDialog:
        """Open the privacy settings (modal)."""
        dlg = RetentionDialog(self.ctx, self)
        if dlg.exec() == RetentionDialog.DialogCode.Accepted:
            self.refresh()
        return dlg

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        event = self.model.record(index.row())
        if event.entity_type in ("person", "company") and event.entity_id:
            self.open_contact.emit(event.entity_type, event.entity_id)


class RetentionTimer(QObject):
    """Runs the retention rules at start and checks every hour (once a day at most), on a
    worker thread with its own connection: anonymising many persons takes seconds and
    the window must not freeze meanwhile."""

    ran = Signal(str)  # a sentence for the status bar
    done = Signal(object)  # the RetentionResult, or None when nothing was due

    def __init__(self, ctx: DesktopContext, db_path: str | Path,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.db_path = Path(db_path)
        self.timer = QTimer(self)
        self.timer.setInterval(HOURLY_MS)
        self.timer.timeout.connect(lambda: self.check())
        self._thread: threading.Thread | None = None
        self.done.connect(self._finished)

    def start(self) -> None:
        self.check()
        self.timer.start()

    def check(self, now: datetime | None = None) -> bool:
        """Start a run in the background if none is running; ``done`` reports it. Returns
        False when one was running already."""
        if self._thread is not None and self._thread.is_alive():
            return False
        self._thread = threading.Thread(target=self._run, args=(now,), name="retention",
                                        daemon=True)
        self._thread.start()
        return True

    def _run(self, now: datetime | None) -> None:
        try:
            store = Store(connect(self.db_path, migrate_schema=False))
        except Exception as e:  # a vanished or locked file: tried again within the hour
            self.ran.emit(translate("privacy_view", "Retention run failed: {error}").format(
                error=said(e)))
            self.done.emit(None)
            return
        try:
            result = retention.run_if_due(store, now or datetime.now(UTC))
        except (CallsheetError, *DATABASE_ERRORS) as e:
            self.ran.emit(translate("privacy_view", "Retention run failed: {error}").format(
                error=said(e)))
            result = None
        finally:
            store.db.close()
        self.done.emit(result)

    def _finished(self, result: retention.RetentionResult | None) -> None:
        if result is not None:
            self.ran.emit(translate(
                "privacy_view", "Retention: deleted {calls}, anonymised {persons}.").format(
                calls=said(plural(result.calls_deleted, "call")),
                persons=said(plural(result.persons_anonymised, "person"))))
            self.ctx.wrote()

    def wait(self, timeout: float = 60.0) -> None:
        """Let a running retention run finish (the window is closing)."""
        self.timer.stop()
        if self._thread is not None:
            self._thread.join(timeout)
