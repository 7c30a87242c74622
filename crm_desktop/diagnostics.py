"""When something goes wrong: Help ▸ Copy debug info, and a dialog (instead of a
vanished window) for an exception nobody caught."""

from __future__ import annotations

import logging
import platform
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from shared.database import SQLITE_VERSION
from shared.logfiles import RedactSecrets, current_log_file, last_lines

from .i18n import translate

log = logging.getLogger("callsheet.desktop")


def debug_info(*, name: str, version: str, db_path: Path, api_status: str,
               backups: Path | None = None, secrets: tuple[str, ...] = (),
               lines: int = 50) -> str:
    """Versions, paths and the last log lines, for a bug report (never the API key).

    In English whatever the language shown: it goes to the developers, beside log
    lines that are English too."""
    log_file = current_log_file()
    rows = [
        f"{name} {version}",
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        f"PySide6 {PySide6.__version__}, Qt {qVersion()}, SQLite {SQLITE_VERSION}",
        f"System: {platform.platform()}",
        f"Database: {db_path}",
        f"Backups: {backups if backups is not None else '—'}",
        f"Log file: {log_file if log_file is not None else 'none (logging to the console)'}",
        f"API: {api_status}",
        "",
        f"Last {lines} log lines:",
        *last_lines(log_file, lines),
    ]
    text = "\n".join(rows)
    redact = RedactSecrets(secrets)
    record = logging.LogRecord("debug", logging.INFO, "", 0, text, None, None)
    redact.filter(record)
    return record.getMessage()


ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def install_excepthook(parent: Callable[[], QWidget | None]) -> Callable[[], None]:
    """Log uncaught exceptions and show them with the log file's path; Callsheet keeps
    running. Returns a function that puts the previous hooks back."""
    previous = sys.excepthook
    previous_thread = threading.excepthook
    showing = threading.Lock()

    def hook(exc_type: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        if threading.current_thread() is not threading.main_thread():
            return  # no dialogs from other threads; the log has it
        if not showing.acquire(blocking=False):
            return  # an error while the dialog is up: logged, one dialog is enough
        try:
            path = current_log_file()
            where = (translate("diagnostics", "The details are in the log file:\n{path}")
                     .format(path=path) if path is not None
                     else translate("diagnostics", "The details were written to the console."))
            QMessageBox.critical(
                parent(),
                translate("diagnostics", "Something went wrong"),
                translate(
                    "diagnostics",
                    "Callsheet hit an error it did not expect:\n{__name__}: "
                    "{exc}\n\n{where}\n\nCallsheet keeps running; save your work. Help ▸ Copy "
                    "debug info puts versions, paths and the last log lines on the clipboard for "
                    "a bug report.",
                ).format(__name__=exc_type.__name__, exc=exc, where=where),
            )
        finally:
            showing.release()

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        log.critical("uncaught exception in thread %s", getattr(args.thread, "name", "?"),
                     exc_info=(args.exc_type, args.exc_value, args.exc_traceback))

    def uninstall() -> None:
        sys.excepthook = previous
        threading.excepthook = previous_thread

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return uninstall
