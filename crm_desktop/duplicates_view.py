"""Possible duplicates: pairs of companies or persons with the same phone number,
the same e-mail or a similar name, side by side, to merge or to mark as
different."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from shared.duplicates import DuplicatePair
from shared.errors import CallsheetError
from shared.model import COMPANY_FIELDS, PERSON_FIELDS, Actor
from shared.words import plural

from .context import DesktopContext
from .formatting import phone, when
from .i18n import said, translate
from .list_tools import install_column_chooser, install_row_menu
from .models.duplicates_model import DuplicatesModel, record_title
from .style import themed
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
    (QT_TRANSLATE_NOOP("duplicates_view", "Companies and persons"), None),
    (QT_TRANSLATE_NOOP("duplicates_view", "Companies"), "company"),
    (QT_TRANSLATE_NOOP("duplicates_view", "Persons"), "person"),
)
LABELS = {
    "name": QT_TRANSLATE_NOOP("duplicates_view", "Name"),
    "address": QT_TRANSLATE_NOOP("duplicates_view", "Address"),
    "zip_code": QT_TRANSLATE_NOOP("duplicates_view", "Zip code"),
    "city": QT_TRANSLATE_NOOP("duplicates_view", "City"),
    "country": QT_TRANSLATE_NOOP("duplicates_view", "Country"),
    "phone": QT_TRANSLATE_NOOP("duplicates_view", "Phone"),
    "phone2": QT_TRANSLATE_NOOP("duplicates_view", "Phone 2"),
    "email": QT_TRANSLATE_NOOP("duplicates_view", "E-mail"),
    "annotation": QT_TRANSLATE_NOOP("duplicates_view", "Notes"),
    "salutation": QT_TRANSLATE_NOOP("duplicates_view", "Salutation"),
    "first_name": QT_TRANSLATE_NOOP("duplicates_view", "First name"),
    "last_name": QT_TRANSLATE_NOOP("duplicates_view", "Last name"),
    "display_name": QT_TRANSLATE_NOOP("duplicates_view", "Display name"),
}


class RecordPanel(QLabel):
    """One record of the pair, field by field; fields that differ are marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setWordWrap(True)
        self.setMinimumWidth(260)
        self.setStyleSheet(themed("QLabel { background: #ffffff; border: 1px solid #e3e6ea;"
                           " border-radius: 6px; padding: 10px; }"))

    def show_record(self, record: Any, other: Any, region: str, counts: str) -> None:
        fields = COMPANY_FIELDS if not hasattr(record, "first_name") else PERSON_FIELDS
        rows = []
        if hasattr(record, "first_name"):
            rows.append(("Company", record.company_display_name or "(private)",
                         record.company_display_name != other.company_display_name))
        for rule in fields:
            value = getattr(record, rule.column)
            shown = phone(value, region) if rule.kind == "phone" else (value or "")
            differs = value != getattr(other, rule.column)
            rows.append((translate("duplicates_view", LABELS.get(rule.column, rule.column)),
                         shown, differs))
        html = [f"<div style='font-size:15px;font-weight:700'>{escape(record_title(record))}"
                "</div>"]
        if record.do_not_call:
            html.append("<div style='color:#b71c1c;font-weight:700'>"
                        f"{escape(translate('duplicates_view', 'DO NOT CALL'))}</div>")
        html.append("<table cellspacing='0' cellpadding='3' style='margin-top:6px'>")
        for label, value, differs in rows:
            color = "#111827" if value else "#9ca3af"
            mark = " style='background:#fff7d6'" if differs and value else ""
            html.append(f"<tr><td style='color:#6b7280;padding-right:12px'>{escape(label)}</td>"
                        f"<td{mark}><span style='color:{color}'>"
                        f"{escape(str(value)) or '—'}</span></td></tr>")
        html.append("</table>")
        html.append(f"<div style='color:#6b7280;margin-top:8px'>{escape(counts)}</div>")
        created = translate("duplicates_view", "Created {at}").format(at=when(record.created_at))
        html.append(f"<div style='color:#9ca3af'>{escape(created)}</div>")
        self.setText("".join(html))


class DuplicatesView(LoadsOnFirstShow, QWidget):
    """Candidate pairs, a side-by-side preview, and merge into the left or the right."""

    open_contact = Signal(str, str)
    notice = Signal(str)

    def __init__(self, ctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = QComboBox()
        for label, value in KINDS:
            self.kind.addItem(translate("duplicates_view", label), value)
        self.kind.currentIndexChanged.connect(lambda *_: self.refresh())
        self.model = DuplicatesModel()
        self.table = make_table(sorted_proxy(self.model))
        set_widths(self.table, [80, 260, 260])
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_pair())
        install_row_menu(self.table, self._row_menu)
        install_column_chooser(self.table, "duplicates")
        self.count = QLabel()
        self.count.setObjectName("muted")
        self.left = RecordPanel()
        self.right = RecordPanel()
        self.merge_into_left = QPushButton(translate("duplicates_view", "◀  Merge into left"))
        self.merge_into_left.setObjectName("primary")
        self.merge_into_left.setToolTip(
            translate(
                "duplicates_view",
                "Keep the left record; move everything of the right"
                " one onto it and delete the right one",
            )
        )
        self.merge_into_left.clicked.connect(lambda: self.merge(keep_left=True))
        self.merge_into_right = QPushButton(translate("duplicates_view", "Merge into right  ▶"))
        self.merge_into_right.setObjectName("primary")
        self.merge_into_right.setToolTip(
            translate(
                "duplicates_view",
                "Keep the right record; move everything of the left"
                " one onto it and delete the left one",
            )
        )
        self.merge_into_right.clicked.connect(lambda: self.merge(keep_left=False))
        self.different = QPushButton(translate("duplicates_view", "Not duplicates"))
        self.different.setToolTip(
            translate("duplicates_view", "They are different contacts: stop suggesting this pair")
        )
        self.different.clicked.connect(self.mark_different)
        self.open_left = QPushButton(translate("duplicates_view", "Open left"))
        self.open_left.clicked.connect(lambda: self._open(True))
        self.open_right = QPushButton(translate("duplicates_view", "Open right"))
        self.open_right.clicked.connect(lambda: self._open(False))
        refresh = QPushButton(translate("duplicates_view", "Look again"))
        refresh.clicked.connect(self.refresh)

        head = QHBoxLayout()
        head.addWidget(heading(translate("duplicates_view", "Possible duplicates")))
        head.addStretch(1)
        head.addWidget(self.kind)
        head.addWidget(refresh)
        explain = QLabel(
            translate(
                "duplicates_view",
                "Companies and persons with the same phone number, the same e-mail"
                " address or a similar name. Merging keeps one record and moves the"
                " other's calls, tasks, campaign places and persons onto it.",
            )
        )
        explain.setObjectName("muted")
        explain.setWordWrap(True)
        panels = QHBoxLayout()
        panels.addWidget(self.left, 1)
        panels.addWidget(self.right, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_left)
        buttons.addStretch(1)
        buttons.addWidget(self.merge_into_left)
        buttons.addWidget(self.different)
        buttons.addWidget(self.merge_into_right)
        buttons.addStretch(1)
        buttons.addWidget(self.open_right)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 6, 0, 0)
        bl.addLayout(panels, 1)
        bl.addLayout(buttons)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.table, 1)
        tl.addWidget(self.count)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 8, 8)
        layout.addLayout(head)
        layout.addWidget(explain)
        layout.addWidget(split, 1)
        self._show_pair()

    def refresh(self) -> None:
        """Look for candidate pairs again, keeping the selection."""
        if not self._loaded:
            return
        pairs = self.ctx.store.duplicate_candidates(kind=self.kind.currentData())
        keep_selection(self.table, self.model, lambda: self.model.set_rows(pairs))
        if pairs and self.current() is None:
            self.table.selectRow(0)
        n = len(pairs)
        self.count.setText(
            (translate("duplicates_view", "{n} possible duplicates") if n != 1
             else translate("duplicates_view", "1 possible duplicate")).format(n=n)
            if n
            else translate("duplicates_view", "No possible duplicates.")
        )
        self._show_pair()

    def _row_menu(self, row: int) -> QMenu:
        menu = QMenu(self)
        menu.addAction(translate("duplicates_view", "Open left"), lambda: self._open(True))
        menu.addAction(translate("duplicates_view", "Open right"), lambda: self._open(False))
        menu.addSeparator()
        menu.addAction(
            translate("duplicates_view", "Keep left, merge right into it"),
            lambda: self.merge(keep_left=True),
        )
        menu.addAction(
            translate("duplicates_view", "Keep right, merge left into it"),
            lambda: self.merge(keep_left=False),
        )
        menu.addAction(translate("duplicates_view", "Not the same"), self.mark_different)
        return menu

    def current(self) -> DuplicatePair | None:
        """The selected pair."""
        return current_record(self.table)

    def _show_pair(self) -> None:
        pair = self.current()
        for b in (self.merge_into_left, self.merge_into_right, self.different,
                  self.open_left, self.open_right):
            b.setEnabled(pair is not None)
        if pair is None:
            self.left.setText(themed(
                translate(
                    "duplicates_view",
                    "<span style='color:#9ca3af'>Select a pair to compare.</span>",
                )
            ))
            self.right.setText("")
            return
        for panel, record, other in ((self.left, pair.left, pair.right),
                                     (self.right, pair.right, pair.left)):
            panel.show_record(record, other, self.ctx.region, self._counts(pair.kind, record))

    def _counts(self, kind: str, record: Any) -> str:
        from shared.model import ContactRef

        ref = ContactRef(record.id) if kind == "company" else ContactRef(None, record.id)
        calls = len(self.ctx.store.calls_for_contact(ref, limit=10_000))
        tasks = len(self.ctx.store.list_tasks(ref=ref, include_closed=True))
        parts = [said(plural(calls, "call")), said(plural(tasks, "task"))]
        if kind == "company":
            parts.append(said(plural(self.ctx.store.count_persons_of(record.id), "person")))
        return " · ".join(parts)

    # -- actions ------------------------------------------------------------

    def merge(self, *, keep_left: bool) -> bool:
        """Merge the selected pair after asking; True when merged."""
        pair = self.current()
        if pair is None:
            return False
        keep, drop = (pair.left, pair.right) if keep_left else (pair.right, pair.left)
        answer = QMessageBox.question(
            self,
            translate("duplicates_view", "Merge contacts"),
            translate(
                "duplicates_view",
                "Keep “{v0}” and merge “{v1}” into it?\n\nIts empty fields are filled from the "
                "other record; calls, tasks, campaign places{v2} move over; then “{v1}” is "
                "deleted. The audit trail keeps what it was.",
            ).format(
                v0=record_title(keep),
                v1=record_title(drop),
                v2=translate("duplicates_view", " and persons") if pair.kind == "company" else "",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            if pair.kind == "company":
                self.ctx.store.merge_companies(keep.id, drop.id, Actor.desktop())
            else:
                self.ctx.store.merge_persons(keep.id, drop.id, Actor.desktop())
        except CallsheetError as e:
            QMessageBox.warning(self, translate("duplicates_view", "Not merged"), said(e))
            self.refresh()
            return False
        self.notice.emit(
            translate("duplicates_view", "Merged {v0} into {v1}.").format(
                v0=record_title(drop), v1=record_title(keep)
            )
        )
        self.ctx.wrote()
        self.refresh()
        return True

    def mark_different(self) -> None:
        """Stop suggesting the selected pair."""
        pair = self.current()
        if pair is None:
            return
        self.ctx.store.mark_not_duplicates(pair.kind, pair.left.id, pair.right.id,
                                           Actor.desktop())
        self.ctx.wrote()
        self.refresh()

    def _open(self, left: bool) -> None:
        pair = self.current()
        if pair is not None:
            self.open_contact.emit(pair.kind, (pair.left if left else pair.right).id)
