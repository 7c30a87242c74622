"""The task list: callbacks and dialer tasks by date range, kind and campaign; add,
reschedule and close them, and see which call made or closed each one."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shared.model import Actor, Task

from .call_details import CallDetailsDialog
from .context import DesktopContext
from .date_range import DateRange
from .formatting import when
from .i18n import translate
from .list_tools import install_column_chooser, install_row_menu
from .models.tasks_model import TasksModel
from .task_dialog import TaskDialog
from .widgets import (
    LoadsOnFirstShow,
    current_record,
    heading,
    keep_selection,
    make_table,
    set_widths,
    sorted_proxy,
)

KINDS = (
    (QT_TRANSLATE_NOOP("tasks_view", "All kinds"), None),
    (QT_TRANSLATE_NOOP("tasks_view", "Scheduled callbacks"), True),
    (QT_TRANSLATE_NOOP("tasks_view", "Unscheduled (dialer)"), False),
)


class TasksView(LoadsOnFirstShow, QWidget):
    """Tasks of every campaign, filtered."""

    open_contact = Signal(str, str)
    notice = Signal(str)

    def __init__(self, ctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign = QComboBox()
        self.campaign.addItem(translate("tasks_view", "All campaigns"), None)
        self.kind = QComboBox()
        for label, value in KINDS:
            self.kind.addItem(translate("tasks_view", label), value)
        self.range = DateRange(1, 14)
        self.closed = QCheckBox(translate("tasks_view", "Show closed"))
        for combo in (self.campaign, self.kind):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        for signal in (self.campaign.currentIndexChanged, self.kind.currentIndexChanged,
                       self.closed.toggled):
            signal.connect(lambda *_: self.refresh())
        self.range.changed.connect(self.refresh)

        self.model = TasksModel()
        self.table = make_table(sorted_proxy(self.model))
        self.table.sortByColumn(TasksModel.COL_WHEN, Qt.SortOrder.AscendingOrder)
        set_widths(self.table, [140, 170, 200, 150, 180, 120])
        self.table.doubleClicked.connect(lambda _: self.open_contact_of_task())
        install_row_menu(self.table, self._row_menu)
        install_column_chooser(self.table, "tasks")
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_origin())
        self.origin = QLabel()
        self.origin.setObjectName("muted")
        self.origin.setTextFormat(Qt.TextFormat.RichText)
        self.origin.linkActivated.connect(self._open_call)
        self.count = QLabel()
        self.count.setObjectName("muted")

        add = QPushButton(translate("tasks_view", "Add task…"))
        add.setObjectName("primary")
        add.clicked.connect(self.add_task)
        reschedule = QPushButton(translate("tasks_view", "Reschedule…"))
        reschedule.clicked.connect(self.reschedule)
        self.close_button = QPushButton(translate("tasks_view", "Close task"))
        self.close_button.clicked.connect(self.close_task)
        self.reopen_button = QPushButton(translate("tasks_view", "Reopen"))
        self.reopen_button.clicked.connect(self.reopen_task)
        open_contact = QPushButton(translate("tasks_view", "Open contact"))
        open_contact.clicked.connect(self.open_contact_of_task)

        head = QHBoxLayout()
        head.addWidget(heading(translate("tasks_view", "Tasks")))
        head.addStretch(1)
        head.addWidget(add)
        # Two short rows rather than one long one: the list shares the width with cards.
        filters = QHBoxLayout()
        filters.addWidget(self.campaign)
        filters.addWidget(self.kind)
        filters.addWidget(self.closed)
        filters.addStretch(1)
        dates = QHBoxLayout()
        dates.addWidget(self.range)
        dates.addStretch(1)
        buttons = QHBoxLayout()
        for b in (reschedule, self.close_button, self.reopen_button, open_contact):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 8, 8)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.origin)
        layout.addLayout(buttons)

    def _fill_campaigns(self) -> None:
        current = self.campaign.currentData()
        campaigns = self.ctx.store.list_campaigns()
        wanted = [None] + [c.id for c in campaigns]
        have = [self.campaign.itemData(i) for i in range(self.campaign.count())]
        if wanted == have:
            return
        self.campaign.blockSignals(True)
        self.campaign.clear()
        self.campaign.addItem(translate("tasks_view", "All campaigns"), None)
        for c in campaigns:
            self.campaign.addItem(c.name, c.id)
        self.campaign.setCurrentIndex(max(0, self.campaign.findData(current)))
        self.campaign.blockSignals(False)

    def refresh(self) -> None:
        """Re-read the tasks for the filters, keeping the selection."""
        if not self._loaded:
            return
        self._fill_campaigns()
        start, end = self.range.bounds()
        tasks = self.ctx.store.list_tasks(
            campaign_id=self.campaign.currentData(), start=start, end=end,
            scheduled=self.kind.currentData(), include_closed=self.closed.isChecked())
        keep_selection(self.table, self.model, lambda: self.model.set_rows(tasks))
        self.count.setText(
            (translate("tasks_view", "{n} tasks") if len(tasks) != 1
             else translate("tasks_view", "1 task")).format(n=len(tasks))
        )
        self._show_origin()

    def _row_menu(self, row: int) -> QMenu:
        task = self.current()
        menu = QMenu(self)
        menu.addAction(translate("tasks_view", "Open contact"), self.open_contact_of_task)
        menu.addAction(translate("tasks_view", "Reschedule…"), self.reschedule)
        if task is not None and task.closed_at:
            menu.addAction(translate("tasks_view", "Reopen"), self.reopen_task)
        else:
            menu.addAction(translate("tasks_view", "Close task"), self.close_task)
        return menu

    def filter_state(self) -> dict[str, Any]:
        """The filters, to save them in the navigation."""
        return {"campaign": self.campaign.currentData(), "kind": self.kind.currentData(),
                "closed": self.closed.isChecked(), "dates": self.range.enabled.isChecked()}

    def apply_filter_state(self, state: dict[str, Any]) -> None:
        """Show the tasks as a saved filter had them."""
        self.activate()
        self._fill_campaigns()
        for w in (self.campaign, self.kind, self.closed, self.range):
            w.blockSignals(True)
        self.campaign.setCurrentIndex(max(0, self.campaign.findData(state.get("campaign"))))
        self.kind.setCurrentIndex(max(0, self.kind.findData(state.get("kind"))))
        self.closed.setChecked(bool(state.get("closed")))
        self.range.enabled.setChecked(bool(state.get("dates", True)))
        self.range._toggled(self.range.enabled.isChecked())
        for w in (self.campaign, self.kind, self.closed, self.range):
            w.blockSignals(False)
        self.refresh()

    def current(self) -> Task | None:
        """The selected task."""
        return current_record(self.table)

    def _show_origin(self) -> None:
        t = self.current()
        if t is None:
            self.origin.setText(translate("tasks_view", "Select a task to see where it came from."))
            return
        parts = []
        if t.created_by_call:
            link = (f'<a href="{escape(t.created_by_call)}">'
                    f"{escape(t.created_by_call[:8])}…</a>")
            parts.append(translate("tasks_view", "Created by call {call} on {when}").format(
                call=link, when=when(t.created_at)))
        else:
            parts.append(translate("tasks_view", "Created on {when}").format(
                when=when(t.created_at)))
        if t.closed_at:
            if t.closed_by_call:
                link = (f'<a href="{escape(t.closed_by_call)}">'
                        f"{escape(t.closed_by_call[:8])}…</a>")
                parts.append(translate("tasks_view", "closed by call {call} on {when}").format(
                    call=link, when=when(t.closed_at)))
            else:
                parts.append(translate("tasks_view", "closed by hand on {when}").format(
                    when=when(t.closed_at)))
        self.origin.setText("; ".join(parts) + ".")

    def _open_call(self, call_id: str) -> None:
        CallDetailsDialog(self.ctx, call_id, self).show()

    # -- actions ----------------------------------------------------------

    def add_task(self) -> None:
        """Add a task for a contact picked in the dialog."""
        campaigns = self.ctx.store.list_campaigns()
        dlg = TaskDialog(self.ctx, campaigns, parent=self)
        if dlg.exec() != TaskDialog.DialogCode.Accepted or not dlg.contact or not dlg.campaign_id:
            return
        self.ctx.store.add_task(dlg.campaign_id, dlg.contact.ref, dlg.when, Actor.desktop(),
                                scheduled=dlg.scheduled, annotation=dlg.annotation)
        self.ctx.wrote()

    def reschedule(self) -> None:
        """Move the selected task to another time."""
        task = self.current()
        if task is None:
            return
        dlg = TaskDialog(self.ctx, self.ctx.store.list_campaigns(), task=task, parent=self)
        if dlg.exec() != TaskDialog.DialogCode.Accepted:
            return
        self.ctx.store.reschedule_task(task.id, dlg.when, Actor.desktop(),
                                       scheduled=dlg.scheduled, annotation=dlg.annotation)
        self.ctx.wrote()

    def close_task(self) -> None:
        """Close the selected task by hand."""
        task = self.current()
        if task is not None:
            self.ctx.store.close_task(task.id, Actor.desktop())
            self.ctx.wrote()

    def reopen_task(self) -> None:
        """Open the selected (closed) task again."""
        task = self.current()
        if task is not None and task.closed_at:
            self.ctx.store.reopen_task(task.id, Actor.desktop())
            self.ctx.wrote()

    def open_contact_of_task(self) -> None:
        """Open the selected task's contact."""
        task = self.current()
        if task is None:
            return
        if task.contact.person_id:
            self.open_contact.emit("person", task.contact.person_id)
        elif task.contact.company_id:
            self.open_contact.emit("company", task.contact.company_id)
