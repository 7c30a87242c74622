"""Backups from the desktop: one automatic copy a day, and "Back up now" from the menu.

The copy runs on a worker thread with its own connection (SQLite's backup API),
so the window stays responsive and the API keeps writing meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from shared.backup import auto_backup, backup, default_backup_folder
from shared.errors import CallsheetError
from shared.settings import check_backup_keep

from .i18n import said, translate

HOURLY_MS = 60 * 60 * 1000


class BackupController(QObject):
    """Makes the daily backup at start and every hour after (a no-op once today's exists)."""

    finished = Signal(str)  # a sentence for the status bar
    failed = Signal(str)

    def __init__(self, db_path: str | Path, keep: Callable[[], str | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self._keep = keep
        self._running = threading.Lock()
        self.timer = QTimer(self)
        self.timer.setInterval(HOURLY_MS)
        self.timer.timeout.connect(self.daily)

    def start(self) -> None:
        """Make today's backup now (in the background) and check again every hour."""
        self.daily()
        self.timer.start()

    def folder(self) -> Path:
        """Where backups go: ``backups/`` beside the database."""
        return default_backup_folder(self.db_path)

    def daily(self) -> None:
        """Make today's automatic backup unless it exists; keep the newest N."""
        try:
            keep = check_backup_keep(self._keep())
        except CallsheetError as e:
            self.failed.emit(
                translate("backups", "Daily backup skipped: {message}").format(message=said(e))
            )
            return
        self._in_background(lambda: auto_backup(self.db_path, keep=keep),
                            lambda made: translate("backups", "Daily backup saved: {path}").format(
                                path=made) if made else "",
                            skip_if_busy=True)

    def backup_to(self, target: str | Path) -> None:
        """Copy the database to ``target`` now (in the background)."""
        self._in_background(lambda: backup(self.db_path, target),
                            lambda made: translate("backups", "Backup saved: {path}").format(
                                path=made))

    def suggested_target(self) -> Path:
        """A file name for "Back up now": the database's name and today's date in the
        backups folder."""
        return self.folder() / f"{self.db_path.stem}-{date.today().isoformat()}-manual.db"

    def _in_background(self, work: Callable[[], object], done: Callable[[object], str], *,
                       skip_if_busy: bool = False) -> None:
        # One copy at a time. A daily backup while another copy runs is skipped (the
        # hourly check makes it later); a backup the person asked for waits its turn.
        if skip_if_busy and not self._running.acquire(blocking=False):
            return

        def run() -> None:
            if not skip_if_busy:
                self._running.acquire()
            try:
                message = done(work())
            except (CallsheetError, OSError) as e:
                self.failed.emit(
                    translate("backups", "Backup failed: {v0}").format(
                        v0=getattr(e, "message", None) or e
                    )
                )
            else:
                if message:
                    self.finished.emit(message)
            finally:
                self._running.release()

        threading.Thread(target=run, name="callsheet-backup", daemon=True).start()

    def wait(self, timeout: float = 30.0) -> bool:
        """Block until a running backup is done (tests, shutdown)."""
        if self._running.acquire(timeout=timeout):
            self._running.release()
            return True
        return False
