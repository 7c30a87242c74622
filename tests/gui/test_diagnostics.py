"""Issue 12 item 14: Help ▸ Copy debug info, and a dialog with the log file's path when an
exception nobody caught happens (the app used to vanish or say nothing)."""

import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from crm_desktop.diagnostics import install_excepthook
from shared import logfiles

from .conftest import API_KEY


@pytest.fixture
def log_file(tmp_path, monkeypatch):
    """The desktop's log file, as main() sets it up, in a folder of this test."""
    monkeypatch.setenv(logfiles.LOG_DIR_ENV, str(tmp_path / "logs"))
    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    path = logfiles.setup_logging("callsheet")
    yield path
    for h in root.handlers:
        if h not in before:
            root.removeHandler(h)
            h.close()
    root.setLevel(level)


def help_action(window, text):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def test_copy_debug_info_puts_versions_paths_and_the_last_log_lines_on_the_clipboard(
        qtbot, window, log_file, db_path):
    assert log_file is not None and log_file.parent.name == "logs"
    log = logging.getLogger("callsheet.test")
    for i in range(60):
        log.info("line %02d of the morning", i)
    log.warning("Apollo sent Authorization: Bearer %s", API_KEY)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    action = help_action(window, "Copy debug info")
    assert action.shortcut().toString() == "Ctrl+Shift+D"
    qtbot.keyClick(window, Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    text = QApplication.clipboard().text()
    assert text.startswith(f"{window.name} {window.version}\n")
    for expected in ("Python 3.", "PySide6 6.", "Qt 6.", "SQLite 3.", f"Database: {db_path}",
                     f"Log file: {log_file}", "API: API listening on http://127.0.0.1:",
                     "Last 50 log lines:", "line 59 of the morning"):
        assert expected in text, expected
    assert "line 09 of the morning" not in text  # only the last 50
    assert API_KEY not in text
    assert API_KEY not in log_file.read_text(encoding="utf-8")
    assert "Bearer [hidden]" in log_file.read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_an_uncaught_exception_shows_the_log_file_and_the_app_goes_on(
        qtbot, window, log_file, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text, *a, **k: shown.append((parent, text)))

    def broken(*args, **kwargs):
        raise RuntimeError("the about box broke")

    monkeypatch.setattr(QMessageBox, "about", broken)
    uninstall = install_excepthook(lambda: window)
    try:
        help_action(window, "About Callsheet").trigger()
    finally:
        uninstall()
    assert len(shown) == 1
    parent, text = shown[0]
    assert parent is window
    assert "RuntimeError: the about box broke" in text
    assert str(log_file) in text
    logged = log_file.read_text(encoding="utf-8")
    assert "CRITICAL callsheet.desktop" in logged and "uncaught exception" in logged
    assert "RuntimeError: the about box broke" in logged
    # Still running: the next action works.
    assert window.isVisible()
    help_action(window, "Copy debug info").trigger()
    assert "the about box broke" in QApplication.clipboard().text()
