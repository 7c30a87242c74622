"""The card's Timeline tab: calls, notes, tasks, do-not-call and field changes in one
list, newest first, with a filter by kind and buttons to add and edit notes."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shared.model import ContactRef
from shared.notes import Note
from shared.store import Store
from shared.timeline import KIND_LABELS, KINDS, TimelineEntry, timeline

from .formatting import when
from .i18n import said, translate
from .models.record_model import Column, RecordTableModel
from .widgets import current_record, keep_selection, make_table, set_widths, stretch_column

KIND_PLURALS = {"call": QT_TRANSLATE_NOOP("timeline_panel", "Calls"),
                "note": QT_TRANSLATE_NOOP("timeline_panel", "Notes"),
                "task": QT_TRANSLATE_NOOP("timeline_panel", "Tasks"),
                "dnc": QT_TRANSLATE_NOOP("timeline_panel", "Do-not-call changes"),
                "change": QT_TRANSLATE_NOOP("timeline_panel", "Field changes")}
KIND_COLORS = {"call": "#1d4ed8", "note": "#7c3aed", "task": "#b45309", "dnc": "#b71c1c",
               "change": "#4b5563"}


class TimelineModel(RecordTableModel):
    """Timeline entries, newest first."""

    COL_WHEN, COL_KIND, COL_BY, COL_WHAT = range(4)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("columns", "When"), lambda e: when(e.at), sort=lambda e: e.at),
        Column(
            QT_TRANSLATE_NOOP("columns", "Kind"),
            lambda e: said(KIND_LABELS[e.kind]),
            color=lambda e: KIND_COLORS[e.kind],
        ),
        Column(QT_TRANSLATE_NOOP("columns", "By"), lambda e: said(e.by)),
        # The title, then the text on one line (whole in the tooltip).
        Column(
            QT_TRANSLATE_NOOP("columns", "What"),
            lambda e: said(e.title) + (": " + " ".join(said(e.detail).split()) if e.detail
                                       else ""),
            tooltip=lambda e: said(e.title) + ("\n\n" + said(e.detail) if e.detail else ""),
        ),
    )

    @staticmethod
    def key(record: TimelineEntry) -> Hashable:
        return record.key


class TimelinePanel(QWidget):
    """The timeline of one contact; ``add_note`` / ``edit_note`` ask the card."""

    add_note = Signal()
    add_todo = Signal()
    edit_note = Signal(object)  # Note
    open_entry = Signal(object)  # TimelineEntry

    def __init__(self, store: Store, ref: Callable[[], ContactRef],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.ref = ref
        self.kind = QComboBox()
        self.kind.setObjectName("timelineKind")
        # As wide as a short choice: German names of the kinds are long, and the row
        # must not make the card wider than its panel.
        self.kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(12)
        self.kind.addItem(translate("timeline_panel", "All kinds"), "")
        for k in KINDS:
            self.kind.addItem(translate("timeline_panel", KIND_PLURALS[k]), k)
        self.kind.currentIndexChanged.connect(lambda *_: self.refresh())
        show = QLabel(translate("timeline_panel", "&Show"))
        show.setBuddy(self.kind)
        self.kind.setAccessibleName(translate("timeline_panel", "Show kind"))
        self.model = TimelineModel()
        self.view = make_table(self.model, sortable=False)
        self.view.setObjectName("timeline")
        self.view.setAccessibleName(translate("timeline_panel", "Timeline"))
        set_widths(self.view, [128, 84, 100])
        stretch_column(self.view, TimelineModel.COL_WHAT)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.setToolTip(
            translate(
                "timeline_panel", "Double-click a note to edit it, a call to see what Apollo sent"
            )
        )
        self.add_button = QPushButton(translate("timeline_panel", "Add note…"))
        self.add_button.setToolTip(
            translate("timeline_panel", "Write a note on this contact (Ctrl+N)")
        )
        self.add_button.clicked.connect(self.add_note)
        self.edit_button = QPushButton(translate("timeline_panel", "Edit note…"))
        self.edit_button.setToolTip(
            translate("timeline_panel", "Change the selected note (only its author can)")
        )
        self.edit_button.clicked.connect(self._edit_selected)
        top = QHBoxLayout()
        top.addWidget(show)
        top.addWidget(self.kind)
        top.addStretch(1)
        self.todo_button = QPushButton(translate("timeline_panel", "Add to-do…"))
        self.todo_button.setToolTip(
            translate("timeline_panel", "A personal to-do about this contact, in My tasks")
        )
        self.todo_button.clicked.connect(self.add_todo)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.todo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)

    def kinds(self) -> tuple[str, ...]:
        """The kinds the filter shows."""
        k = self.kind.currentData()
        return (k,) if k else KINDS

    def refresh(self) -> int:
        """Re-read the timeline; returns how many entries it shows."""
        rows = timeline(self.store, self.ref(), self.kinds())
        keep_selection(self.view, self.model, lambda: self.model.set_rows(rows))
        return len(rows)

    def selected_note(self) -> Note | None:
        """The note of the selected row, if it is one."""
        entry = current_record(self.view)
        return entry.record if entry is not None and entry.kind == "note" else None

    def _edit_selected(self) -> None:
        note = self.selected_note()
        if note is not None:
            self.edit_note.emit(note)

    def _double_clicked(self, *_: object) -> None:
        entry = current_record(self.view)
        if entry is None:
            return
        if entry.kind == "note":
            self.edit_note.emit(entry.record)
        else:
            self.open_entry.emit(entry)
