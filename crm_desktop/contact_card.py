"""What company and person cards share: a form edited in place, with errors next to
the field, a do-not-call badge and toggle, and tabs with the contact's history.

Live updates re-read the record and refresh only fields the person is not
editing; when one they are editing changed elsewhere, a bar says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from shared import local_time, phones
from shared.countries import countries
from shared.errors import CallsheetError, NotFound, ValidationError, VersionConflict
from shared.model import Actor, ContactRef
from shared.notes import Note, NotesRepository
from shared.settings import user_name
from shared.todos import Todo, TodosRepository

from .accessibility import grid_tab_order
from .call_details import CallDetailsDialog
from .card_undo import FieldEdit, UndoKeys
from .consent_panel import ConsentPanel
from .contact_actions import CallButton, MailButton, phone_actions
from .contact_picker import Picked
from .context import DesktopContext
from .formatting import phone
from .i18n import language, noun, said, translate
from .list_tools import install_row_menu
from .models.calls_model import CallsModel
from .models.card_models import AuditModel, DncModel
from .models.record_model import RecordTableModel
from .models.tasks_model import TasksModel
from .note_dialog import NoteDialog
from .panes import form_message, labels_of
from .task_dialog import TaskDialog
from .timeline_panel import TimelinePanel
from .todo_dialog import TodoDialog
from .widgets import (
    Badge,
    Field,
    InfoBar,
    current_record,
    keep_selection,
    make_table,
    set_widths,
    sorted_proxy,
    stretch_column,
)


@dataclass(frozen=True)
class FieldSpec:
    """Where a field sits on the card and how it is edited."""

    api: str
    column: str
    label: str
    kind: str  # text, phone, email, country, multiline
    row: int
    col: int
    span: int = 1
    placeholder: str = ""


# A card's own keys (keys, what they do, method): the card makes its shortcuts from
# this table and Help ▸ Keyboard shortcuts lists it.
CARD_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Ctrl+S", QT_TRANSLATE_NOOP("keys", "Save the card"), "save"),
    (
        "Esc",
        QT_TRANSLATE_NOOP("keys", "Revert the card (asks when there are unsaved changes)"),
        "revert_asking",
    ),
    ("Ctrl+D", QT_TRANSLATE_NOOP("keys", "Set or lift do-not-call"), "toggle_do_not_call"),
    ("Ctrl+T", QT_TRANSLATE_NOOP("keys", "Add a task for the card's contact"), "add_task"),
    ("Ctrl+Shift+Del", QT_TRANSLATE_NOOP("keys", "Delete the card's contact"), "delete"),
)


class ContactCard(QWidget):
    """Base of CompanyCard and PersonCard; ``record_id`` None is a new, unsaved contact."""

    KIND = ""
    NOUN = ""
    FIELDS: tuple[FieldSpec, ...] = ()
    EXTRA_KEYS: tuple[tuple[str, str, str], ...] = ()

    open_contact = Signal(str, str)  # kind, id
    created = Signal(str, str)  # kind, id: a new card was saved the first time
    close_requested = Signal()
    title_changed = Signal(str)

    def __init__(self, ctx: DesktopContext, record_id: str | None,
                 parent: QWidget | None = None, *, preset_company: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # A new person made from a company's card starts in that company.
        self.company_id = preset_company
        self.record_id = record_id
        self.record: Any = None
        self.fields: dict[str, Field] = {}
        self._shown: dict[str, str] = {}
        self._base: dict[str, Any] = {}
        # The stored version the form's edits start from: a save names it, so a change
        # saved meanwhile (another PC, Apollo) that this card has not shown is caught.
        self.edit_version: int | None = None
        self._gone = False
        # One undo history for all fields (Edit ▸ Undo, Ctrl+Z); _last is what each field
        # showed after its last recorded change, _applying marks the card's own setText.
        self.undo_stack = QUndoStack(self)
        self._undo_keys = UndoKeys(self.undo_stack, self)
        self._last: dict[str, str] = {}
        self._applying = False
        self._build()
        if record_id is None:
            self._start_new()
        else:
            self.reload()

    # -- building ---------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge = Badge(translate("contact_card", "⊘ DO NOT CALL"))
        self.badge.setAccessibleName(translate("contact_card", "Do not call"))
        self.badge.hide()
        self.subtitle = QLabel()
        self.subtitle.setObjectName("cardSubtitle")
        self.subtitle.setTextFormat(Qt.TextFormat.RichText)
        self.subtitle.linkActivated.connect(self._link)

        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.badge)
        head.addStretch(1)

        self.save_button = QPushButton(translate("contact_card", "Save"))
        self.save_button.setObjectName("primary")
        self.save_button.setToolTip(translate("contact_card", "Save changes (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(translate("contact_card", "Revert"))
        self.revert_button.setToolTip(translate("contact_card", "Throw away unsaved changes (Esc)"))
        self.revert_button.clicked.connect(self.revert)
        self.dnc_button = QPushButton(translate("contact_card", "Set do-not-call…"))
        self.dnc_button.setToolTip(
            translate("contact_card", "Flag or lift do-not-call, with a reason (Ctrl+D)")
        )
        self.dnc_button.clicked.connect(self.toggle_do_not_call)
        self.task_button = QPushButton(translate("contact_card", "Add task…"))
        self.task_button.setToolTip(
            translate("contact_card", "Plan a call to this contact (Ctrl+T)")
        )
        self.task_button.clicked.connect(self.add_task)
        self.delete_button = QPushButton(translate("contact_card", "Delete…"))
        self.delete_button.setToolTip(
            translate("contact_card", "Delete this contact (Ctrl+Shift+Del)")
        )
        self.delete_button.setObjectName("danger")
        self.delete_button.clicked.connect(self.delete)
        actions = QHBoxLayout()
        for b in (self.save_button, self.revert_button):
            actions.addWidget(b)
        actions.addSpacing(12)
        for b in self._extra_buttons() + [self.dnc_button, self.task_button]:
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)

        self.bar = InfoBar("warning")
        self.bar.add_button(
            translate("contact_card", "Reload"), lambda: self.reload(keep_edits=False)
        )
        self.keep_button = self.bar.add_button(translate("contact_card", "Keep mine"),
                                               self._keep_mine)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()

        form_widget = QWidget()
        form_widget.setObjectName("cardForm")
        grid = QGridLayout(form_widget)
        grid.setContentsMargins(0, 4, 8, 4)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        self.link_buttons: dict[str, CallButton | MailButton] = {}
        self.local_times: dict[str, QLabel] = {}
        # The contact's local time beside each number moves on with the clock.
        self._clock = QTimer(self)
        self._clock.setInterval(30_000)
        self._clock.timeout.connect(self._show_local_times)
        self._clock.start()
        for spec in self.FIELDS:
            f = Field(translate("fields", spec.label), self._editor(spec))
            self.fields[spec.api] = f
            if spec.kind in ("phone", "email"):
                # The stored value, not what is being typed: the link opens what was saved.
                stored = lambda c=spec.column: (  # noqa: E731
                    getattr(self.record, c, None) if self.record is not None else None)
                button = CallButton(stored) if spec.kind == "phone" else MailButton(stored)
                button.setObjectName(f"link_{spec.api}")
                button.setEnabled(False)
                f.add_trailing(button)
                self.link_buttons[spec.api] = button
                if spec.kind == "phone":
                    clock = QLabel()
                    clock.setObjectName("localTime")
                    f.add_trailing(clock)
                    self.local_times[spec.api] = clock
            grid.addWidget(f, spec.row, spec.col, 1, spec.span)
        self._extra_form_rows(grid)
        # Tab follows the rows as seen (the person's company sits among the fields but
        # is made after them).
        grid_tab_order(grid)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(grid.rowCount(), 1)
        scroll = QScrollArea()
        scroll.setWidget(form_widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.calls_model = CallsModel(self.ctx.region)
        self.calls_view = make_table(sorted_proxy(self.calls_model))
        self.calls_view.sortByColumn(CallsModel.COL_WHEN, Qt.SortOrder.DescendingOrder)
        self.calls_view.setColumnHidden(CallsModel.COL_CONTACT, self.KIND == "person")
        set_widths(self.calls_view, [122, 140, 140, 118, 80, 72, 84, 180, 200, 100])
        self.calls_view.doubleClicked.connect(self._open_call)
        self.calls_view.setToolTip(
            translate("contact_card", "Double-click a call to see everything Apollo sent")
        )
        install_row_menu(self.calls_view, self._call_menu)
        self.tasks_model = TasksModel()
        self.tasks_view = make_table(sorted_proxy(self.tasks_model))
        self.tasks_view.sortByColumn(TasksModel.COL_WHEN, Qt.SortOrder.AscendingOrder)
        self.tasks_view.setColumnHidden(TasksModel.COL_CONTACT, self.KIND == "person")
        # Open tasks only, but the status says "⚠ overdue" in words, not just in red.
        set_widths(self.tasks_view, [130, 170, 150, 140, 200])
        install_row_menu(self.tasks_view, self._task_menu)
        self.dnc_model = DncModel()
        self.dnc_view = make_table(self.dnc_model, sortable=False)
        # The reason takes the spare width (elided with …, whole in the tooltip) instead
        # of being cut off at the right edge ("Hat am Telef").
        set_widths(self.dnc_view, [130, 110, 100, 0, 160])
        stretch_column(self.dnc_view, DncModel.COL_REASON)
        self.dnc_view.doubleClicked.connect(self._open_dnc_call)
        self.audit_model = AuditModel()
        self.audit_view = make_table(self.audit_model, sortable=False)
        set_widths(self.audit_view, [130, 140, 100])
        self.timeline = TimelinePanel(self.ctx.store, lambda: self.ref)
        self.timeline.add_note.connect(self.add_note)
        self.timeline.edit_note.connect(self.edit_note)
        self.timeline.add_todo.connect(self.add_todo)
        self.timeline.open_entry.connect(self._open_entry)
        self.tabs.addTab(self.timeline, translate("contact_card", "Timeline"))
        self.tabs.addTab(self.calls_view, translate("contact_card", "Calls"))
        self._extra_tabs()
        self.tabs.addTab(self._tasks_page(), translate("contact_card", "Open tasks"))
        self.tabs.addTab(self.dnc_view, translate("contact_card", "Do-not-call"))
        # Consent records (shared.consent): proof for campaigns that need consent.
        self.consent_panel = ConsentPanel(self.ctx)
        self.consent_panel.counted.connect(
            lambda n: self._tab_title(self.consent_panel, translate("contact_card", "Consent"), n))
        self.tabs.addTab(self.consent_panel, translate("contact_card", "Consent"))
        self.tabs.addTab(self.audit_view, translate("contact_card", "Changes"))

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(scroll)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        split.setSizes([348, 252])
        self.splitter = split

        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 8)
        root.setSpacing(6)
        root.addLayout(head)
        root.addWidget(self.subtitle)
        root.addLayout(actions)
        root.addWidget(self.bar)
        root.addWidget(self.error)
        root.addWidget(split, 1)

        for keys, _, method in CARD_KEYS + self.EXTRA_KEYS:
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(getattr(self, method))

    def _tasks_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.tasks_view)
        row = QHBoxLayout()
        add = QPushButton(translate("contact_card", "Add task…"))
        add.clicked.connect(self.add_task)
        close = QPushButton(translate("contact_card", "Close selected task"))
        close.clicked.connect(self.close_selected_task)
        row.addWidget(add)
        row.addWidget(close)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _editor(self, spec: FieldSpec) -> QWidget:
        editor: QWidget
        if spec.kind == "multiline":
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(50)
            editor.setPlaceholderText(
                translate("fields", spec.placeholder) if spec.placeholder else ""
            )
            editor.textChanged.connect(self._update_buttons)
        elif spec.kind == "country":
            editor = QComboBox()
            # The longest country name would otherwise set the card's minimum width.
            editor.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            editor.setMinimumContentsLength(14)
            editor.addItem(translate("contact_card", "— none —"), "")
            for code, name in countries(language()).items():
                editor.addItem(f"{name} ({code})", code)
            editor.currentIndexChanged.connect(self._update_buttons)
        else:
            editor = QLineEdit()
            editor.setPlaceholderText(
                translate("fields", spec.placeholder) if spec.placeholder else ""
            )
            editor.textChanged.connect(self._update_buttons)
            editor.editingFinished.connect(lambda api=spec.api: self._check_field(api))
        changed = (editor.currentIndexChanged if isinstance(editor, QComboBox)
                   else editor.textChanged)
        changed.connect(lambda *_, api=spec.api: self._edited(api))
        editor.installEventFilter(self._undo_keys)
        editor.setObjectName(f"field_{spec.api}")
        return editor

    # -- undo -------------------------------------------------------------

    def _edited(self, api: str) -> None:
        """A field changed: record the change on the undo stack (unless the card set it)."""
        field = self.fields.get(api)
        if field is None:  # still building
            return
        new = field.text()
        if self._applying:
            self._last[api] = new
            return
        old = self._last.get(api, "")
        if new == old:
            return
        self._last[api] = new
        label = field.label.text().replace("&", "").rstrip(" *")
        self.undo_stack.push(FieldEdit(api, label, old, new, self._apply_field))

    def _apply_field(self, api: str, text: str) -> None:
        """Show ``text`` in a field for undo/redo and put the cursor there."""
        self._set_field(api, text)
        self.fields[api].editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_buttons()

    def _set_field(self, api: str, text: str) -> None:
        self._applying = True
        try:
            self.fields[api].set_text(text)
        finally:
            self._applying = False
        self._last[api] = text

    # -- hooks for the two kinds of card ----------------------------------

    def _extra_buttons(self) -> list[QPushButton]:
        return []

    def _extra_form_rows(self, grid: QGridLayout) -> None:
        pass

    def _extra_tabs(self) -> None:
        pass

    def _get(self, record_id: str) -> Any:
        raise NotImplementedError

    def _create(self, data: dict[str, Any]) -> Any:
        raise NotImplementedError

    def _update(self, data: dict[str, Any]) -> Any:
        raise NotImplementedError

    def _clean(self, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def _delete(self) -> bool:
        raise NotImplementedError

    def _title_of(self, record: Any) -> str:
        raise NotImplementedError

    def _subtitle_of(self, record: Any) -> str:
        raise NotImplementedError

    def _refresh_extra(self) -> None:
        pass

    @property
    def ref(self) -> ContactRef:
        """This contact as a reference for the store."""
        assert self.record_id
        if self.KIND == "company":
            return ContactRef(self.record_id, None)
        return ContactRef(None, self.record_id)

    # -- state ------------------------------------------------------------

    def _display(self, spec: FieldSpec, stored: Any) -> str:
        if stored is None:
            return ""
        if spec.kind == "phone":
            return phone(stored, self.ctx.region)
        return str(stored)

    def is_dirty(self, api: str | None = None) -> bool:
        """True when a field (or any, without ``api``) differs from what was loaded."""
        names = [api] if api else list(self.fields)
        return any(self.fields[n].text() != self._shown.get(n, "") for n in names)

    def focus_first_field(self) -> None:
        """Put the cursor in the card, so its keys (Ctrl+S, Ctrl+D, Ctrl+T) work."""
        self.fields[self.FIELDS[0].api].editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def has_unsaved(self) -> bool:
        """True when closing or reverting the card would lose typed text."""
        return not self._gone and self.is_dirty()

    def dirty_fields(self) -> list[str]:
        """The API names of the fields with unsaved changes."""
        return [n for n in self.fields if self.is_dirty(n)]

    def _update_buttons(self) -> None:
        new = self.record_id is None
        dirty = new or self.is_dirty()
        self.save_button.setEnabled(dirty and not self._gone)
        self.revert_button.setEnabled(dirty)
        name = self.title.text().rstrip(" •")
        if not new and self.record is not None:
            name = self._title_of(self.record)
            self.title.setText(name + (" •" if dirty else ""))

    def _start_new(self) -> None:
        self.title.setText(translate("contact_card", "New {NOUN}").format(NOUN=noun(self.NOUN)))
        self.subtitle.setText(
            translate("contact_card", "Fill in the details and press <b>{create}</b> (Ctrl+S).")
            .format(create=translate("contact_card", "Create {NOUN}").format(
                NOUN=noun(self.NOUN))))
        self.save_button.setText(
            translate("contact_card", "Create {NOUN}").format(NOUN=noun(self.NOUN))
        )
        self.revert_button.setText(translate("contact_card", "Cancel"))
        for b in (self.dnc_button, self.task_button, self.delete_button):
            b.hide()
        for b in self._extra_buttons_widgets():
            b.hide()
        self.tabs.hide()
        for spec in self.FIELDS:
            self._shown[spec.api] = ""
            self._base[spec.api] = None
        self._update_buttons()

    def _extra_buttons_widgets(self) -> list[QWidget]:
        return []

    def title_text(self) -> str:
        """The contact's name for the tab (or "New company")."""
        return self._title_of(self.record) if self.record is not None else f"New {self.NOUN}"

    # -- loading ----------------------------------------------------------

    def reload(self, *, keep_edits: bool = True) -> None:
        """Re-read the contact; fields being edited keep their text unless
        ``keep_edits`` is False (the person chose Reload)."""
        if self.record_id is None:
            return
        try:
            record = self._get(self.record_id)
        except NotFound:
            self._gone = True
            self.bar.show_message(
                translate(
                    "contact_card",
                    "This {NOUN} was deleted (by Apollo or another Callsheet). Close the card; "
                    "nothing here can be saved.",
                ).format(NOUN=noun(self.NOUN))
            )
            self._update_buttons()
            return
        self.record = record
        # What the card shows now is what a save goes over (the banner below says so
        # for fields being edited).
        self.edit_version = getattr(record, "version", None)
        self._saving_over: int | None = None
        conflicts = []
        for spec in self.FIELDS:
            stored = getattr(record, spec.column)
            if keep_edits and self.is_dirty(spec.api) and spec.api in self._shown:
                if stored != self._base.get(spec.api):
                    conflicts.append(
                        translate("fields", spec.label).replace("&", "").rstrip(" *"))
                continue
            text = self._display(spec, stored)
            self._set_field(spec.api, text)
            self._shown[spec.api] = text
            self._base[spec.api] = stored
        if conflicts:
            self.bar.show_message(
                translate(
                    "contact_card",
                    "Someone else changed {v0} while you were editing. Save keeps your version; "
                    "Reload shows theirs.",
                ).format(v0=", ".join(conflicts))
            )
        elif not keep_edits or not self.is_dirty():
            self.bar.hide()
        if not keep_edits:
            for f in self.fields.values():
                f.set_error(None)
            self.error.hide()
            self.undo_stack.clear()
        self._show_header()
        self._refresh_tabs()
        self._update_buttons()

    def _show_header(self) -> None:
        record = self.record
        name = self._title_of(record)
        self.title.setText(name)
        self.title_changed.emit(name)
        self.subtitle.setText(self._subtitle_of(record))
        self.badge.setVisible(record.do_not_call)
        for button in self.link_buttons.values():
            button.refresh()
        self._show_local_times()
        self.dnc_button.setText(translate("contact_card", "Lift do-not-call…") if record.do_not_call
                                else translate("contact_card", "Set do-not-call…"))

    def _refresh_tabs(self) -> None:
        store, ref = self.ctx.store, self.ref
        calls = store.calls_for_contact(ref)
        tasks = store.list_tasks(ref=ref)
        self._set(self.calls_view, self.calls_model, calls)
        self._set(self.tasks_view, self.tasks_model, tasks)
        events = store.dnc_history(ref)
        self._set(self.dnc_view, self.dnc_model, events)
        # The Call column only when a call set or lifted it: its width goes to the reason.
        self.dnc_view.setColumnHidden(DncModel.COL_CALL, not any(e.call_id for e in events))
        self._set(self.audit_view, self.audit_model, store.audit_trail(self.KIND, ref.person_id
                                                                       or ref.company_id or ""))
        self._refresh_extra()
        self.timeline.refresh()
        self.consent_panel.ref, self.consent_panel.name = ref, self.title.text()
        self.consent_panel.refresh()
        self._tab_title(self.calls_view, translate("contact_card", "Calls"), len(calls))
        self._tab_title(
            self.tasks_view.parentWidget(), translate("contact_card", "Open tasks"), len(tasks)
        )

    def _set(self, view: QTableView, model: RecordTableModel, rows: list[Any]) -> None:
        keep_selection(view, model, lambda: model.set_rows(rows))

    def _tab_title(self, page: QWidget, title: str, n: int) -> None:
        i = self.tabs.indexOf(page)
        if i >= 0:
            self.tabs.setTabText(i, f"{title} ({n})" if n else title)

    # -- editing ----------------------------------------------------------

    def _check_field(self, api: str) -> None:
        """Validate one field as the person leaves it; a phone number is shown formatted."""
        f = self.fields[api]
        if not self.is_dirty(api) and self.record_id is not None:
            f.set_error(None)
            return
        try:
            self._clean({api: f.text()})
        except ValidationError as e:
            f.set_error(self.form_message(said(e), e.field or api))
            return
        f.set_error(None)
        spec = next(s for s in self.FIELDS if s.api == api)
        if spec.kind == "phone" and f.text().strip():
            e164 = phones.normalize(f.text(), self.ctx.region, api)
            f.set_text(phone(e164, self.ctx.region))
            f.set_error(said(phones.unusual(e164, self.ctx.region)), warning=True)

    def _warn_unusual_numbers(self) -> None:
        """After a save: a kept number that looks wrong still gets its warning."""
        for spec in self.FIELDS:
            if spec.kind == "phone" and self.record is not None:
                warning = phones.unusual(getattr(self.record, spec.column), self.ctx.region)
                if warning:
                    self.fields[spec.api].set_error(said(warning), warning=True)

    def form_message(self, message: str, field: str | None) -> str:
        """The store's message in the card's words ("Phone 2: …", not "phone2: …")."""
        return form_message(message, labels_of((s.api, translate("fields", s.label))
                                               for s in self.FIELDS), field)

    def values(self, *, only_dirty: bool) -> dict[str, Any]:
        """The form's values by API name (typed text; the store cleans them)."""
        return {api: f.text() for api, f in self.fields.items()
                if not only_dirty or self.is_dirty(api)}

    def save(self) -> bool:
        """Create or update the contact from the form; errors show next to their field."""
        if self._gone:
            return False
        new = self.record_id is None
        data = self.values(only_dirty=not new)
        if not new and not data:
            return True
        for f in self.fields.values():
            f.set_error(None)
        self.error.hide()
        try:
            record = self._create(data) if new else self._update(data)
        except VersionConflict as e:
            self._show_version_conflict(e)
            return False
        except CallsheetError as e:
            target = self.fields.get(e.field or "")
            message = self.form_message(said(e), e.field)
            if target is not None:
                target.set_error(message)
                target.editor.setFocus()
            else:
                self.error.setText(message)
                self.error.show()
            return False
        if new:
            self.record_id = record.id
            self.save_button.setText(translate("contact_card", "Save"))
            self.revert_button.setText(translate("contact_card", "Revert"))
            for b in [self.dnc_button, self.task_button, self.delete_button,
                      *self._extra_buttons_widgets()]:
                b.show()
            self.tabs.show()
        self.reload(keep_edits=False)
        self._warn_unusual_numbers()
        if new:
            self.created.emit(self.KIND, record.id)
        self.ctx.wrote()
        return True

    def _show_version_conflict(self, e: VersionConflict) -> None:
        """Someone saved this contact since the card last showed it: show theirs where
        nobody is typing, and say who changed what; Keep mine saves over it."""
        self.reload(keep_edits=True)
        labels = {spec.column: spec.label.replace("&", "").rstrip(" *") for spec in self.FIELDS}
        fields = ", ".join(labels.get(f, f) for f in e.fields if f in labels)
        who = e.by or "someone else"
        self.bar.show_message(
            f"{who} changed {fields or 'this ' + self.NOUN} since you opened this card."
            " Nothing was saved: Keep mine saves yours over it; Reload shows theirs.")
        self._saving_over = self.edit_version

    def _keep_mine(self) -> None:
        """The banner's Keep mine: after a refused save, save again over the version now
        shown; otherwise just close the banner (the next save keeps the edits)."""
        self.bar.hide()
        if getattr(self, "_saving_over", None) is not None:
            self._saving_over = None
            self.save()

    def revert(self) -> None:
        """Throw away unsaved edits (a new card closes)."""
        if self.record_id is None:
            self.close_requested.emit()
            return
        self.reload(keep_edits=False)

    def revert_asking(self) -> None:
        """Esc: like Revert, but asks first when typed text would be lost."""
        if self.has_unsaved():
            question = (translate("contact_card", "Close this new {NOUN} and lose what you typed?")
                        .format(NOUN=noun(self.NOUN)) if self.record_id is None else
                        translate("contact_card", "Throw away your changes to {title}?")
                        .format(title=self.title_text()))
            if not self.confirm(translate("contact_card", "Unsaved changes"), question):
                return
        self.revert()

    def delete(self) -> None:
        """Delete the contact after asking; the card closes."""
        if self.record_id is None or self._gone:
            return
        if self._delete():
            self.ctx.wrote()
            self.close_requested.emit()

    # -- do not call, tasks, calls ----------------------------------------

    def toggle_do_not_call(self) -> None:
        """Set or lift do-not-call, asking why (lifting needs a reason)."""
        if self.record is None or self._gone:
            return
        lift = bool(self.record.do_not_call)
        name = self._title_of(self.record)
        if lift:
            reason, ok = QInputDialog.getText(
                self,
                translate("contact_card", "Lift do-not-call"),
                translate(
                    "contact_card",
                    'Why may {name} be called again? (for example: "asked for an offer on the '
                    'phone")',
                ).format(name=name),
            )
        else:
            reason, ok = QInputDialog.getText(
                self,
                translate("contact_card", "Set do-not-call"),
                translate(
                    "contact_card",
                    'Why must {name} not be called? (for example: "asked not to be called")',
                ).format(name=name),
            )
        if not ok:
            return
        reason = reason.strip()
        if lift and not reason:
            self.error.setText(
                translate(
                    "contact_card", "Lifting do-not-call needs a reason; nothing was changed."
                )
            )
            self.error.show()
            return
        self.error.hide()
        self.ctx.store.set_do_not_call(self.ref, not lift, Actor.desktop(),
                                       reason=reason or None)
        self.reload()
        self.ctx.wrote()

    def add_task(self) -> None:
        """Plan a call to this contact."""
        if self.record is None:
            return
        campaigns = self.ctx.store.list_campaigns()
        picked = Picked(self.KIND, self.record_id or "", self._title_of(self.record))
        dlg = TaskDialog(self.ctx, campaigns, contact=picked, parent=self)
        if dlg.exec() != TaskDialog.DialogCode.Accepted or not dlg.campaign_id:
            return
        if not self.callback_time_ok(dlg.when):
            return
        self.ctx.store.add_task(dlg.campaign_id, self.ref, dlg.when, Actor.desktop(),
                                scheduled=dlg.scheduled, annotation=dlg.annotation)
        self.reload()
        self.ctx.wrote()

    def _show_local_times(self) -> None:
        """Beside each number: the time it is where the contact is (empty when unknown)."""
        now = self.ctx.store.clock()
        for api, label in self.local_times.items():
            number = getattr(self.record, api, None) if self.record is not None else None
            text = local_time.describe(number, now)
            zones = ", ".join(z.key for z in local_time.zones_of(number))
            label.setText(
                translate("contact_card", "{text} there").format(text=text) if text else ""
            )
            label.setToolTip(
                translate("contact_card", "The contact's local time ({zones})").format(zones=zones)
                if text
                else ""
            )
            label.setAccessibleName(
                translate("contact_card", "Local time {text}").format(text=text) if text else ""
            )

    def contact_numbers(self) -> list[str]:
        """The numbers whose time zone is the contact's: its own, then its company's."""
        numbers = [getattr(self.record, a, None) for a in ("phone", "phone2")]
        company = getattr(self.record, "company_id", None) if self.KIND == "person" else None
        if company:
            try:
                c = self.ctx.store.get_company(company)
                numbers += [c.phone, c.phone2]
            except NotFound:
                pass
        return [n for n in numbers if n]

    def callback_time_ok(self, when: datetime) -> bool:
        """Ask before planning a call outside 08:00-20:00 of the contact's local time."""
        for number in self.contact_numbers():
            outside = local_time.outside_hours(number, when)
            if outside is None:
                continue
            if not outside:
                return True
            there = local_time.describe(number, when)
            return self.confirm(
                translate("contact_card", "Outside calling hours"),
                translate(
                    "contact_card",
                    "At that time it is {there} for {v1}, outside "
                    "{GOOD_FROM:%H:%M}–{GOOD_UNTIL:%H:%M} of their local time. Plan the call "
                    "anyway?",
                ).format(
                    there=there,
                    v1=self._title_of(self.record),
                    GOOD_FROM=local_time.GOOD_FROM,
                    GOOD_UNTIL=local_time.GOOD_UNTIL,
                ),
            )
        return True

    # -- notes ------------------------------------------------------------

    def add_note(self) -> Note | None:
        """Write a dated note on the contact (Ctrl+N), signed with Your name."""
        if self.record is None or self._gone:
            return None
        author = user_name(self.ctx.store)
        dlg = NoteDialog(self._title_of(self.record), author, parent=self)
        if dlg.exec() != NoteDialog.DialogCode.Accepted:
            return None
        try:
            note = NotesRepository(self.ctx.store).add(self.ref, dlg.text, author,
                                                       Actor.desktop())
        except CallsheetError as e:
            self.error.setText(said(e))
            self.error.show()
            return None
        self.error.hide()
        self.tabs.setCurrentWidget(self.timeline)
        self.reload()
        self.ctx.wrote()
        return note

    def edit_note(self, note: Note) -> Note | None:
        """Change a note; only its author may (anyone else is told whose it is)."""
        author = user_name(self.ctx.store)
        if note.author != author:
            self.error.setText(
                translate(
                    "contact_card", "Only {author} can change this note: it is theirs."
                ).format(author=note.author)
            )
            self.error.show()
            return None
        dlg = NoteDialog(self._title_of(self.record), author, text=note.body, parent=self)
        if dlg.exec() != NoteDialog.DialogCode.Accepted:
            return None
        try:
            changed = NotesRepository(self.ctx.store).edit(note.id, dlg.text, author,
                                                           Actor.desktop())
        except CallsheetError as e:
            self.error.setText(said(e))
            self.error.show()
            return None
        self.error.hide()
        self.reload()
        self.ctx.wrote()
        return changed

    def add_todo(self) -> Todo | None:
        """A personal to-do about this contact (it shows in My tasks and here)."""
        if self.record is None or self._gone:
            return None
        owner = user_name(self.ctx.store)
        dlg = TodoDialog(owner, contact=self._title_of(self.record), parent=self)
        if dlg.exec() != TodoDialog.DialogCode.Accepted:
            return None
        todo = TodosRepository(self.ctx.store).add(owner, dlg.title, dlg.when, Actor.desktop(),
                                                   ref=self.ref)
        self.reload()
        self.ctx.wrote()
        return todo

    def _call_menu(self, row: int) -> QMenu:
        call = current_record(self.calls_view)
        menu = QMenu(self)
        menu.addAction(translate("contact_card", "Details…"), lambda: self._open_call(None))
        if call is not None and call.phone_number:
            phone_actions(menu, call.phone_number, phone(call.phone_number, self.ctx.region))
        return menu

    def _task_menu(self, row: int) -> QMenu:
        menu = QMenu(self)
        menu.addAction(translate("contact_card", "Close task"), self.close_selected_task)
        return menu

    def _open_entry(self, entry: Any) -> None:
        if entry.kind == "call":
            CallDetailsDialog(self.ctx, entry.record.id, self).show()
        elif entry.kind == "dnc" and entry.record.call_id:
            CallDetailsDialog(self.ctx, entry.record.call_id, self).show()

    def close_selected_task(self) -> None:
        """Close the task selected in the Open tasks tab."""
        task = current_record(self.tasks_view)
        if task is None:
            return
        self.ctx.store.close_task(task.id, Actor.desktop())
        self.reload()
        self.ctx.wrote()

    def _open_call(self, index: Any) -> None:
        call = current_record(self.calls_view)
        if call is not None:
            CallDetailsDialog(self.ctx, call.id, self).show()

    def _open_dnc_call(self, index: Any) -> None:
        event = current_record(self.dnc_view)
        if event is not None and event.call_id:
            CallDetailsDialog(self.ctx, event.call_id, self).show()

    def _link(self, href: str) -> None:
        kind, _, record_id = href.partition(":")
        self.open_contact.emit(kind, record_id)

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question (tests patch QMessageBox.question)."""
        answer = QMessageBox.question(self, title, text,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
