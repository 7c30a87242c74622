"""Closing a test's MainWindow without the questions a user would get."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from crm_desktop.main_window import MainWindow


def discard(*windows: MainWindow) -> None:
    """Close ``windows`` and delete them now, whatever their cards hold.

    Not qtbot.addWidget: pytest-qt would close a window before the fixture's end, and
    closing with unsaved edits asks first, so a failed test would hang on that question.
    Deleted at once, before the test's store closes, so no timer fires on a closed file.
    """
    for w in windows:
        for card in w.card_list():
            w._remove_card(card)  # without asking, whatever was typed
        w.close()
        w.shutdown()
        w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
