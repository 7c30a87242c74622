"""Unknown callers: numbers Apollo posted calls from that no contact has, with one click
to make a company or person of the number or to add it to an existing contact."""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from shared.errors import CallsheetError
from shared.model import Actor
from shared.unknown_callers import UnknownCaller, UnknownCallers

from .contact_actions import phone_actions
from .contact_picker import ContactPickerDialog
from .context import DesktopContext
from .formatting import phone, when
from .i18n import said, translate
from .list_tools import install_column_chooser, install_row_menu
from .models.record_model import Column, RecordTableModel
from .widgets import (
    LoadsOnFirstShow,
    current_record,
    heading,
    keep_selection,
    make_table,
    set_widths,
    sorted_proxy,
)


class UnknownCallersModel(RecordTableModel):
    """One row per unknown number."""

    COL_NUMBER, COL_LAST, COL_CALLS, COL_AGENT = range(4)

    def __init__(self, region: str = "DE", parent: object = None) -> None:
        super().__init__(parent)
        self.region = region
        self.COLUMNS = (
            Column(
                translate("unknown_callers_view", "Number"),
                lambda u: phone(u.number, self.region),
                tooltip=lambda u: u.number,
            ),
            Column(
                translate("unknown_callers_view", "Last call"),
                lambda u: when(u.last_at),
                sort=lambda u: u.last_at,
            ),
            Column(
                translate("unknown_callers_view", "Calls"),
                lambda u: str(u.calls),
                sort=lambda u: u.calls,
                align_right=True,
            ),
            Column(
                translate("unknown_callers_view", "Agent of the last call"), lambda u: u.agent or ""
            ),
        )

    @staticmethod
    def key(record: UnknownCaller) -> Hashable:
        return record.number


class UnknownCallersView(LoadsOnFirstShow, QWidget):
    """The list; ``create_contact(kind, number)`` asks the window for a new card."""

    open_contact = Signal(str, str)
    create_contact = Signal(str, str)  # "company" or "person", E.164 number
    notice = Signal(str)

    def __init__(self, ctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = UnknownCallersModel(ctx.region)
        self.table = make_table(sorted_proxy(self.model))
        self.table.setObjectName("unknownCallers")
        self.table.setAccessibleName(translate("unknown_callers_view", "Unknown callers"))
        self.table.sortByColumn(UnknownCallersModel.COL_LAST, Qt.SortOrder.DescendingOrder)
        set_widths(self.table, [170, 150, 60])
        self.table.doubleClicked.connect(lambda _: self.create("company"))
        self.table.setToolTip(
            translate("unknown_callers_view", "Double-click to make a company of the number")
        )
        install_row_menu(self.table, self._row_menu)
        install_column_chooser(self.table, "unknown_callers")
        self.company_button = QPushButton(translate("unknown_callers_view", "New company…"))
        self.company_button.setToolTip(
            translate("unknown_callers_view", "A new company card with this number as its phone")
        )
        self.company_button.clicked.connect(lambda: self.create("company"))
        self.person_button = QPushButton(translate("unknown_callers_view", "New person…"))
        self.person_button.setToolTip(
            translate("unknown_callers_view", "A new person card with this number as its phone")
        )
        self.person_button.clicked.connect(lambda: self.create("person"))
        self.attach_button = QPushButton(translate("unknown_callers_view", "Add to contact…"))
        self.attach_button.setToolTip(
            translate("unknown_callers_view", "Give the number to an existing contact as phone 2")
        )
        self.attach_button.clicked.connect(self.attach)
        self.count = QLabel()
        self.count.setObjectName("muted")
        intro = QLabel(
            translate(
                "unknown_callers_view",
                "Calls from numbers no contact has. Give a number to a contact and"
                " its calls move to that card.",
            )
        )
        intro.setObjectName("muted")
        intro.setToolTip(
            translate(
                "unknown_callers_view",
                "Calls Apollo linked to no contact, from numbers no company or person"
                " has (not even a switchboard by prefix).",
            )
        )
        buttons = QHBoxLayout()
        for b in (self.company_button, self.person_button, self.attach_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 8, 8)
        layout.addWidget(heading(translate("unknown_callers_view", "Unknown callers")))
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        """Re-read the list."""
        if not self._loaded:
            return
        self.model.region = self.ctx.region
        rows = UnknownCallers(self.ctx.store).list()
        keep_selection(self.table, self.model, lambda: self.model.set_rows(rows))
        if rows and current_record(self.table) is None:
            self.table.selectRow(0)
        n = len(rows)
        self.count.setText(
            (translate("unknown_callers_view", "{n} numbers") if n != 1
             else translate("unknown_callers_view", "1 number")).format(n=n)
        )
        for b in (self.company_button, self.person_button, self.attach_button):
            b.setEnabled(bool(rows))

    def _row_menu(self, row: int) -> QMenu:
        menu = QMenu(self)
        menu.addAction(
            translate("unknown_callers_view", "New company…"), lambda: self.create("company")
        )
        menu.addAction(
            translate("unknown_callers_view", "New person…"), lambda: self.create("person")
        )
        menu.addAction(translate("unknown_callers_view", "Add to contact…"), self.attach)
        caller = self.selected()
        if caller is not None:
            menu.addSeparator()
            phone_actions(menu, caller.number, phone(caller.number, self.ctx.region))
        return menu

    def selected(self) -> UnknownCaller | None:
        """The selected number's row."""
        return current_record(self.table)

    def create(self, kind: str) -> None:
        """A new company or person card with the selected number as phone."""
        row = self.selected()
        if row is not None:
            self.create_contact.emit(kind, row.number)

    def attach(self) -> int | None:
        """Add the selected number to a contact the person picks; returns calls linked."""
        row = self.selected()
        if row is None:
            return None
        dlg = ContactPickerDialog(
            self.ctx, translate("unknown_callers_view", "Add the number to a contact"),
            translate("unknown_callers_view", "Who called from {number}? The number becomes"
                      " their phone 2 and its calls move to their card.").format(
                number=phone(row.number, self.ctx.region)),
            ok_text=translate("unknown_callers_view", "Add number"), parent=self)
        if dlg.exec() != ContactPickerDialog.DialogCode.Accepted or not dlg.chosen:
            return None
        picked = dlg.chosen[0]
        try:
            n = UnknownCallers(self.ctx.store).attach_to(row.number, picked.ref, Actor.desktop())
        except CallsheetError as e:
            self.notice.emit(said(e))
            return None
        self.notice.emit(
            translate(
                "unknown_callers_view", "{v0} is now {title}'s phone 2; {n} call(s) linked."
            ).format(
                v0=phone(row.number, self.ctx.region),
                title=picked.title,
                n=n,
            )
        )
        self.ctx.wrote()
        self.refresh()
        self.open_contact.emit(picked.kind, picked.id)
        return n
