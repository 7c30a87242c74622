"""The screen pop on a shared database: a notice with *Open card*, never a stolen keyboard.

The API's `POST /contacts/show` names no agent, so on a shared database every PC with
"pop caller cards" on hears it. Raising a card there would pull the keyboard away from
whoever is typing; this notice only shows who is calling and waits for a click.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from shared.model import ContactView

from .i18n import translate
from .style import themed


class PopNotice(QFrame):
    """Shows the latest pop; ``open_requested(kind, id)`` when *Open card* is clicked.

    No part of it takes keyboard focus (Qt.NoFocus), and showing it neither raises nor
    activates the window.
    """

    open_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("popNotice")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(themed("#popNotice { background: #fef3c7; border: 1px solid #f59e0b;"
                           " border-radius: 4px; }"))
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.open_button = QPushButton(translate("pop_notice", "Open card"))
        self.open_button.setObjectName("popOpenCard")
        self.dismiss_button = QPushButton("✕")
        self.dismiss_button.setToolTip(translate("pop_notice", "Dismiss"))
        self.dismiss_button.setFlat(True)
        for b in (self.open_button, self.dismiss_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setAutoDefault(False)
        self.open_button.clicked.connect(self._open)
        self.dismiss_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 2, 4, 2)
        row.addWidget(self.text)
        row.addWidget(self.open_button)
        row.addWidget(self.dismiss_button)
        self.view: ContactView | None = None
        self.hide()

    def show_pop(self, view: ContactView) -> None:
        """Show this caller (replacing an earlier one) without touching the focus."""
        self.view = view
        self.text.setText(
            translate("pop_notice", "Incoming call: <b>{v0}</b>").format(
                v0=escape(view.label or "unknown caller")
            )
        )
        self.setToolTip(view.label)
        self.show()

    def _open(self) -> None:
        view = self.view
        self.hide()
        if view is None:
            return
        if view.person_id:
            self.open_requested.emit("person", view.person_id)
        elif view.company_id:
            self.open_requested.emit("company", view.company_id)
