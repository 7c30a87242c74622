"""My tasks: the personal to-dos of the person at this desk ("Your name" in Settings),
with new, done, snooze, and a reminder when one is due."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shared.errors import CallsheetError
from shared.model import Actor, ContactRef
from shared.settings import user_name
from shared.store import Store
from shared.timeutil import from_db, to_db
from shared.todos import Todo, TodosRepository

from .context import DesktopContext
from .formatting import when
from .i18n import said, translate
from .list_tools import install_column_chooser, install_row_menu
from .models.record_model import Column, RecordTableModel
from .todo_dialog import TodoDialog
from .widgets import (
    LoadsOnFirstShow,
    current_record,
    heading,
    keep_selection,
    make_table,
    set_widths,
    sorted_proxy,
)

REMIND_EVERY_MS = 30_000
# Snooze choices: label, how far from now (None: tomorrow at 9:00 local).
SNOOZES: tuple[tuple[str, timedelta | None], ...] = (
    (QT_TRANSLATE_NOOP("my_tasks_view", "10 minutes"), timedelta(minutes=10)),
    (QT_TRANSLATE_NOOP("my_tasks_view", "1 hour"), timedelta(hours=1)),
    (QT_TRANSLATE_NOOP("my_tasks_view", "Tomorrow 9:00"), None),
)


def snooze_until(choice: timedelta | None, now: datetime) -> datetime:
    """When a snoozed reminder comes back."""
    if choice is not None:
        return now + choice
    local = now.astimezone()
    return (local + timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)


_STATUS_WORDS = {"done": QT_TRANSLATE_NOOP("my_tasks_view", "✓ done"),
                 "overdue": QT_TRANSLATE_NOOP("my_tasks_view", "⚠ overdue"),
                 "snoozed": QT_TRANSLATE_NOOP("my_tasks_view", "snoozed"),
                 "open": QT_TRANSLATE_NOOP("my_tasks_view", "open")}


def _status(t: Todo, now: str) -> str:
    if t.done_at:
        return "done"
    if t.due_at <= now:
        return "overdue" if t.remind_at <= now else "snoozed"
    return "snoozed" if t.snoozed else "open"


class TodosModel(RecordTableModel):
    """My to-dos: due, what, contact, status."""

    COL_DUE, COL_TITLE, COL_CONTACT, COL_STATUS = range(4)

    def __init__(self, clock: Callable[[], datetime], parent: object = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.COLUMNS = (
            Column(
                translate("my_tasks_view", "Due"), lambda t: when(t.due_at), sort=lambda t: t.due_at
            ),
            Column(translate("my_tasks_view", "To do"), lambda t: t.title),
            Column(translate("my_tasks_view", "Contact"), lambda t: t.contact_label),
            Column(
                translate("my_tasks_view", "Status"),
                lambda t: translate("my_tasks_view", _STATUS_WORDS[_status(t, self._now())]),
                color=lambda t: "#b71c1c" if _status(t, self._now()) == "overdue" else None,
            ),
        )

    def _now(self) -> str:
        return to_db(self.clock())

    @staticmethod
    def key(record: Todo) -> Hashable:
        return record.id


class TodoReminder(QObject):
    """Checks every 30 s for the owner's due to-dos; ``due`` says which (each once per
    due time; snoozing brings it back)."""

    due = Signal(list)  # list[Todo]

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.timer = QTimer(self)
        self.timer.setInterval(REMIND_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """Check now and then every interval."""
        self.check()
        self.timer.start()

    def check(self) -> list[Todo]:
        """Announce the due to-dos not yet announced."""
        todos = TodosRepository(self.store)
        due = todos.due(user_name(self.store))
        if due:
            todos.mark_notified([t.id for t in due])
            self.due.emit(due)
        return due


class MyTasksView(LoadsOnFirstShow, QWidget):
    """The owner's to-dos."""

    open_contact = Signal(str, str)
    notice = Signal(str)

    def __init__(self, ctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title = heading(translate("my_tasks_view", "My tasks"))
        self.owner = QLabel()
        self.owner.setObjectName("muted")
        self.model = TodosModel(ctx.store.clock)
        self.table = make_table(sorted_proxy(self.model))
        self.table.setObjectName("myTasks")
        self.table.setAccessibleName(translate("my_tasks_view", "My tasks"))
        self.table.sortByColumn(TodosModel.COL_DUE, Qt.SortOrder.AscendingOrder)
        set_widths(self.table, [150, 280, 170, 90])
        self.table.doubleClicked.connect(lambda _: self.open_selected_contact())
        self.table.setToolTip(
            translate("my_tasks_view", "Double-click to open the to-do's contact")
        )
        install_row_menu(self.table, self._row_menu)
        install_column_chooser(self.table, "my_tasks")
        self.show_done = QCheckBox(translate("my_tasks_view", "Show &done"))
        self.show_done.toggled.connect(lambda _: self.refresh())
        self.new_button = QPushButton(translate("my_tasks_view", "New to-do…"))
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(lambda: self.new_todo())
        self.done_button = QPushButton(translate("my_tasks_view", "Done"))
        self.done_button.setToolTip(
            translate("my_tasks_view", "Tick the selected to-do off (or open a done one again)")
        )
        self.done_button.clicked.connect(self.toggle_done)
        self.snooze_button = QPushButton(translate("my_tasks_view", "Snooze"))
        self.snooze_button.setToolTip(translate("my_tasks_view", "Remind me again later"))
        self.snooze_menu = QMenu(self.snooze_button)
        self.snooze_actions: list[QAction] = []
        for label, delta in SNOOZES:
            a = self.snooze_menu.addAction(translate("my_tasks_view", label))
            a.triggered.connect(lambda _=False, d=delta: self.snooze(d))
            self.snooze_actions.append(a)
        self.snooze_button.setMenu(self.snooze_menu)
        self.count = QLabel()
        self.count.setObjectName("muted")
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.owner)
        head.addStretch(1)
        head.addWidget(self.new_button)
        buttons = QHBoxLayout()
        for w in (self.done_button, self.snooze_button, self.show_done):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 8, 8)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _row_menu(self, row: int) -> QMenu:
        todo = current_record(self.table)
        menu = QMenu(self)
        if todo is not None and todo.ref is not None:
            menu.addAction(translate("my_tasks_view", "Open contact"), self.open_selected_contact)
        menu.addAction(
            translate("my_tasks_view", "Open again")
            if todo is not None and todo.done_at
            else translate("my_tasks_view", "Done"),
            self.toggle_done,
        )
        snooze = menu.addMenu(translate("my_tasks_view", "Snooze"))
        for label, delta in SNOOZES:
            snooze.addAction(translate("my_tasks_view", label), lambda d=delta: self.snooze(d))
        return menu

    def refresh(self) -> None:
        """Re-read my to-dos."""
        if not self._loaded:
            return
        owner = user_name(self.ctx.store)
        self.owner.setText(
            translate("my_tasks_view", "for {owner} (Your name in Settings, Ctrl+,)").format(
                owner=owner
            )
        )
        rows = TodosRepository(self.ctx.store).mine(owner,
                                                    include_done=self.show_done.isChecked())
        keep_selection(self.table, self.model, lambda: self.model.set_rows(rows))
        if rows and current_record(self.table) is None:
            self.table.selectRow(0)
        open_ = sum(1 for t in rows if not t.done_at)
        self.count.setText(translate("my_tasks_view", "{open_} open").format(open_=open_))

    def new_todo(self, ref: ContactRef | None = None, contact: str | None = None) -> Todo | None:
        """Write a to-do for myself (about a contact when given)."""
        owner = user_name(self.ctx.store)
        dlg = TodoDialog(owner, contact=contact, parent=self)
        if dlg.exec() != TodoDialog.DialogCode.Accepted:
            return None
        try:
            todo = TodosRepository(self.ctx.store).add(owner, dlg.title, dlg.when,
                                                       Actor.desktop(), ref=ref)
        except CallsheetError as e:
            self.notice.emit(said(e))
            return None
        self.ctx.wrote()
        self.refresh()
        return todo

    def toggle_done(self) -> None:
        """Tick off the selected to-do, or open a done one again."""
        todo = current_record(self.table)
        if todo is None:
            return
        TodosRepository(self.ctx.store).set_done(todo.id, not todo.done_at, Actor.desktop())
        self.ctx.wrote()
        self.refresh()

    def snooze(self, choice: timedelta | None) -> None:
        """Put the selected to-do's reminder off."""
        todo = current_record(self.table)
        if todo is None or todo.done_at:
            return
        until = snooze_until(choice, self.ctx.store.clock())
        TodosRepository(self.ctx.store).snooze(todo.id, until, Actor.desktop())
        self.notice.emit(
            translate("my_tasks_view", "“{title}”: reminder again at {v1}.").format(
                title=todo.title, v1=when(to_db(until))
            )
        )
        self.ctx.wrote()
        self.refresh()

    def open_selected_contact(self) -> None:
        """Open the selected to-do's contact."""
        todo = current_record(self.table)
        if todo is None or todo.ref is None:
            return
        if todo.person_id:
            self.open_contact.emit("person", todo.person_id)
        else:
            self.open_contact.emit("company", todo.company_id or "")


def due_text(todos: list[Todo]) -> str:
    """The reminder's text."""
    if len(todos) == 1:
        t = todos[0]
        dt = from_db(t.due_at)
        at = dt.astimezone().strftime("%H:%M") if dt else ""
        return translate("my_tasks_view", "Due {at}: {title}").format(at=at, title=t.title) + (
            f" ({t.contact_label})" if t.contact_label else "")
    return translate("my_tasks_view", "{n} to-dos are due: ").format(n=len(todos)) + "; ".join(
        t.title for t in todos[:3])
