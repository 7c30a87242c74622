"""The call journal: every call Apollo posted, filtered by date, agent, tag, answered."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .call_details import CallDetailsDialog
from .contact_actions import phone_actions
from .context import DesktopContext
from .date_range import DateRange
from .formatting import phone
from .i18n import translate
from .list_tools import install_column_chooser, install_row_menu
from .models.calls_model import CallsModel
from .widgets import (
    LoadsOnFirstShow,
    current_record,
    heading,
    keep_selection,
    make_table,
    set_widths,
    sorted_proxy,
)

ANSWERED = (
    (QT_TRANSLATE_NOOP("calls_view", "Answered and missed"), None),
    (QT_TRANSLATE_NOOP("calls_view", "Answered"), True),
    (QT_TRANSLATE_NOOP("calls_view", "Missed"), False),
)
LIMIT = 2000


class CallsView(LoadsOnFirstShow, QWidget):
    """The journal with its filters."""

    open_contact = Signal(str, str)

    def __init__(self, ctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.range = DateRange(7, 0)
        self.agent = QComboBox()
        self.tag = QComboBox()
        self.answered = QComboBox()
        for label, value in ANSWERED:
            self.answered.addItem(translate("calls_view", label), value)
        for combo in (self.agent, self.tag):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        for combo in (self.agent, self.tag, self.answered):
            combo.currentIndexChanged.connect(lambda *_: self.refresh())
        self.range.changed.connect(self.refresh)

        self.model = CallsModel(ctx.region)
        self.table = make_table(sorted_proxy(self.model))
        self.table.sortByColumn(CallsModel.COL_WHEN, Qt.SortOrder.DescendingOrder)
        set_widths(self.table, [130, 150, 190, 130, 85, 78, 86, 190, 200])
        self.table.doubleClicked.connect(lambda _: self.show_details())
        self.table.setToolTip(
            translate("calls_view", "Double-click a call to see everything Apollo sent")
        )
        install_row_menu(self.table, self._row_menu)
        install_column_chooser(self.table, "calls")
        self.count = QLabel()
        self.count.setObjectName("muted")
        details = QPushButton(translate("calls_view", "Details…"))
        details.clicked.connect(self.show_details)
        contact = QPushButton(translate("calls_view", "Open contact"))
        contact.clicked.connect(self.open_contact_of_call)

        head = QHBoxLayout()
        head.addWidget(heading(translate("calls_view", "Calls")))
        head.addStretch(1)
        # Two short rows rather than one long one: the list shares the width with cards.
        filters = QHBoxLayout()
        filters.addWidget(self.agent)
        filters.addWidget(self.tag)
        filters.addWidget(self.answered)
        filters.addStretch(1)
        dates = QHBoxLayout()
        dates.addWidget(self.range)
        dates.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(details)
        buttons.addWidget(contact)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 8, 8)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _fill(self, combo: QComboBox, first: str, values: list[str]) -> None:
        have = [combo.itemData(i) for i in range(combo.count())]
        if have == [None, *values]:
            return
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(first, None)
        for v in values:
            combo.addItem(v, v)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def refresh(self) -> None:
        """Re-read the journal for the filters."""
        if not self._loaded:
            return
        store = self.ctx.store
        self._fill(self.agent, translate("calls_view", "All agents"), store.agents())
        self._fill(self.tag, translate("calls_view", "All tags"), store.tags())
        start, end = self.range.bounds()
        calls = store.list_calls(start=start, end=end, agent=self.agent.currentData(),
                                 tag=self.tag.currentData(),
                                 answered=self.answered.currentData(), limit=LIMIT)
        keep_selection(self.table, self.model, lambda: self.model.set_rows(calls))
        n = len(calls)
        self.count.setText(
            (translate("calls_view", "{n:,} calls") if n != 1
             else translate("calls_view", "1 call")).format(n=n)
            + (translate("calls_view", " (the newest {limit:,}; narrow the filters)").format(
                limit=LIMIT) if n >= LIMIT else ""))

    def _row_menu(self, row: int) -> QMenu:
        call = current_record(self.table)
        menu = QMenu(self)
        menu.addAction(translate("calls_view", "Details…"), self.show_details)
        if call is not None and (call.person_id or call.company_id):
            menu.addAction(translate("calls_view", "Open contact"), self.open_contact_of_call)
        if call is not None and call.phone_number:
            menu.addSeparator()
            phone_actions(menu, call.phone_number, phone(call.phone_number, self.ctx.region))
        return menu

    def filter_state(self) -> dict[str, Any]:
        """The filters, to save them in the navigation."""
        return {"agent": self.agent.currentData(), "tag": self.tag.currentData(),
                "answered": self.answered.currentData(),
                "dates": self.range.enabled.isChecked()}

    def apply_filter_state(self, state: dict[str, Any]) -> None:
        """Show the journal as a saved filter had it."""
        self.activate()
        for combo, key in ((self.agent, "agent"), (self.tag, "tag"), (self.answered, "answered")):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(state.get(key))))
            combo.blockSignals(False)
        self.range.enabled.setChecked(bool(state.get("dates", True)))
        self.refresh()

    def show_details(self) -> None:
        """Show the selected call as Apollo posted it."""
        call = current_record(self.table)
        if call is not None:
            CallDetailsDialog(self.ctx, call.id, self).show()

    def open_contact_of_call(self) -> None:
        """Open the selected call's contact."""
        call = current_record(self.table)
        if call is None:
            return
        if call.person_id:
            self.open_contact.emit("person", call.person_id)
        elif call.company_id:
            self.open_contact.emit("company", call.company_id)
