"""Calling, writing and copying a contact's data: the card's Call and E-mail buttons
and the lists' menus use these, so a number always opens the same way."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from shared.contact_links import international, mailto_url, national, tel_url

from .i18n import translate


def call(e164: str) -> bool:
    """Open ``tel:`` with the number (the softphone or phone app registered for it)."""
    return QDesktopServices.openUrl(QUrl(tel_url(e164)))


def write(email: str) -> bool:
    """Open ``mailto:`` with the address (the mail program)."""
    return QDesktopServices.openUrl(QUrl(mailto_url(email)))


def copy(text: str) -> None:
    """Put ``text`` on the clipboard."""
    QGuiApplication.clipboard().setText(text)


def phone_actions(menu: QMenu, e164: str, shown: str | None = None) -> list[QAction]:
    """Add Call and the two Copy entries for a number to ``menu``; ``shown`` is the number
    as the list shows it (international when not given)."""
    return [
        menu.addAction(
            translate("contact_actions", "Call {v0}").format(v0=shown or international(e164)),
            lambda: call(e164),
        ),
        menu.addAction(
            translate("contact_actions", "Copy {e164} (E.164)").format(e164=e164),
            lambda: copy(e164),
        ),
        menu.addAction(
            translate("contact_actions", "Copy {v0} (national)").format(v0=national(e164)),
            lambda: copy(national(e164)),
        ),
    ]


class CallButton(QToolButton):
    """Beside a phone field: a click calls the number, the arrow offers to copy it."""

    def __init__(self, number: Callable[[], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.setText(translate("contact_actions", "Call"))
        self.setToolTip(
            translate(
                "contact_actions", "Call this number (tel:); the arrow copies it as +49… or 0…"
            )
        )
        self.setAccessibleName(translate("contact_actions", "Call"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.menu_ = QMenu(self)
        self.menu_.aboutToShow.connect(self._fill)
        self.setMenu(self.menu_)
        self.clicked.connect(self._call)

    def _call(self) -> None:
        e164 = self.number()
        if e164:
            call(e164)

    def _fill(self) -> None:
        self.menu_.clear()
        e164 = self.number()
        if e164:
            phone_actions(self.menu_, e164)

    def refresh(self) -> None:
        """Enabled only when the field holds a stored number."""
        self.setEnabled(bool(self.number()))


class MailButton(QToolButton):
    """Beside an e-mail field: a click writes to the address."""

    def __init__(self, address: Callable[[], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.address = address
        self.setText(translate("contact_actions", "Write"))
        self.setToolTip(translate("contact_actions", "Write an e-mail (mailto:)"))
        self.setAccessibleName(translate("contact_actions", "Write e-mail"))
        self.clicked.connect(self._write)

    def _write(self) -> None:
        address = self.address()
        if address:
            write(address)

    def refresh(self) -> None:
        """Enabled only when the field holds a stored address."""
        self.setEnabled(bool(self.address()))
