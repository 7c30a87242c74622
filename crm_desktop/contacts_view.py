"""The Companies and Persons lists: filter, sort, open, delete, add to a campaign.

Both lists load lazily from the store a page at a time, so a database with a
million persons opens at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shared.contact_filters import list_do_not_call
from shared.model import Actor, ContactRef

from .company_card import persons_go
from .contact_actions import phone_actions, write
from .context import DesktopContext
from .empty_state import EmptyState
from .formatting import phone
from .i18n import noun, translate
from .list_tools import install_column_chooser, install_row_menu
from .models.companies_model import CompaniesModel
from .models.paged_model import PagedTableModel
from .models.persons_model import PersonsModel
from .widgets import heading, make_table, set_widths

DEBOUNCE_MS = 150
# Keys of the list itself (keys, what they do, method); Help ▸ Keyboard shortcuts lists them.
LIST_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Return", QT_TRANSLATE_NOOP("keys", "Open the selected contact's card"), "open_selected"),
    ("Del", QT_TRANSLATE_NOOP("keys", "Delete the selected contact"), "delete_selected"),
    (
        "Ctrl+Shift+A",
        QT_TRANSLATE_NOOP("keys", "Add the selected contacts to a campaign"),
        "add_selected_to_campaign",
    ),
)


class ContactsListView(QWidget):
    """One list page; ``kind`` is ``company`` or ``person``."""

    open_contact = Signal(str, str)
    new_requested = Signal()
    import_requested = Signal()
    demo_requested = Signal()
    notice = Signal(str)

    def __init__(self, ctx: DesktopContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self._loaded = False
        self._text = ""
        # The true number of rows of a partly loaded list: counted again after a filter
        # or a change elsewhere, not as pages load while scrolling.
        self._total: int | None = None
        plural = "Companies" if kind == "company" else "Persons"
        shown_plural = (translate("contacts_view", "Companies") if kind == "company"
                        else translate("contacts_view", "Persons"))
        self.model: PagedTableModel = (CompaniesModel(ctx.region) if kind == "company"
                                       else PersonsModel(ctx.region))
        self.model.notice.connect(self.notice)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(
            translate("contacts_view", "Filter by name, e-mail, city or phone number…")
        )
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(
            translate("contacts_view", "Filter companies") if kind == "company"
            else translate("contacts_view", "Filter persons")
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(lambda _: self._timer.start())
        self.filter.returnPressed.connect(self.apply_filter)

        self.table = make_table(self.model, multi=True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        set_widths(self.table, [200, 110, 170, 100, 130] if kind == "person"
                   else [260, 130, 70, 150])
        self.table.doubleClicked.connect(lambda _: self.open_selected())
        install_row_menu(self.table, self.context_menu)
        install_column_chooser(self.table, "companies" if kind == "company" else "persons")
        self.dnc_only = QCheckBox(translate("contacts_view", "Do-not-call only"))
        self.dnc_only.setToolTip(
            translate("contacts_view", "Only the contacts flagged do-not-call")
        )
        self.dnc_only.toggled.connect(lambda _: self.apply_filter())
        for keys, _, method in LIST_KEYS:
            sc = QShortcut(QKeySequence(keys), self.table)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(getattr(self, method))

        noun_en = "company" if kind == "company" else "person"
        self.new_button = QPushButton(
            translate("contacts_view", "New company") if kind == "company"
            else translate("contacts_view", "New person"))
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip(
            translate("contacts_view", "Ctrl+Shift+C")
            if kind == "company"
            else translate("contacts_view", "Ctrl+Shift+N")
        )
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton(translate("contacts_view", "Open"))
        self.open_button.setToolTip(translate("contacts_view", "Open the selected card (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        self.campaign_button = QPushButton(translate("contacts_view", "Add to campaign…"))
        self.campaign_button.setToolTip(
            translate("contacts_view", "Assign the selected contacts to a campaign (Ctrl+Shift+A)")
        )
        self.campaign_button.clicked.connect(self.add_selected_to_campaign)
        self.delete_button = QPushButton(translate("contacts_view", "Delete…"))
        self.delete_button.setToolTip(
            translate("contacts_view", "Delete the selected contact (Del)")
        )
        self.delete_button.clicked.connect(self.delete_selected)
        self.count = QLabel()
        self.count.setObjectName("muted")

        top = QHBoxLayout()
        top.addWidget(heading(shown_plural))
        top.addStretch(1)
        top.addWidget(self.new_button)
        buttons = QHBoxLayout()
        for b in (self.open_button, self.campaign_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 8, 8)
        layout.addLayout(top)
        filters = QHBoxLayout()
        filters.addWidget(self.filter, 1)
        filters.addWidget(self.dnc_only)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        # A first start shows what to do, not an empty table that "matches nothing".
        self.empty = EmptyState(noun_en, plural.lower())
        self.empty.new_requested.connect(self.new_requested)
        self.empty.import_requested.connect(self.import_requested)
        self.empty.demo_requested.connect(self.demo_requested)
        self.empty.hide()
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)
        # Every change of the row set recounts: a deleted row must not leave "1 persons".
        self.model.rowsInserted.connect(self._show_count)
        self.model.rowsRemoved.connect(self._show_count)
        self.model.modelReset.connect(self._show_count)
        self.setTabOrder(self.filter, self.table)

    # -- loading ----------------------------------------------------------

    def activate(self) -> None:
        """Load the first page the first time the list is shown."""
        if not self._loaded:
            self._loaded = True
            self.apply_filter()

    def apply_filter(self) -> None:
        """Start the list over for the filter text."""
        self._timer.stop()
        self._loaded = True
        text = self.filter.text().strip()
        self._text = text
        self._total = None
        # The store is read at each fetch: after an outage the window reopens it.
        ctx = self.ctx
        model = self.model
        if self.dnc_only.isChecked():
            def fetch(after: Any, limit: int) -> list[Any]:
                return list_do_not_call(ctx.store, self.kind, text, after=after, limit=limit,
                                        order=getattr(model, "order", "name"))
        elif self.kind == "company":
            def fetch(after: Any, limit: int) -> list[Any]:
                return ctx.store.list_companies(text, after=after, limit=limit)
        else:
            def fetch(after: Any, limit: int) -> list[Any]:
                return ctx.store.list_persons(text, after=after, limit=limit, order=model.order)
        # The filter keeps the sort chosen in the header: the store's order (name, last
        # name) carries over by itself, another column is sorted again.
        header = self.table.horizontalHeader()
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        model.set_fetch(fetch)
        if model.SERVER_ORDERS.get(column) != model.order or (
                order != Qt.SortOrder.AscendingOrder):
            model.sort(column, order)

    def refresh(self) -> None:
        """Re-read the rows on screen (after a change elsewhere), keeping selection."""
        if not self._loaded:
            return
        if self.model.loaded() == 0:
            # Nothing on screen to re-read: ask again (the first records may have come).
            self.apply_filter()
            return
        selected = self.selected_ids()
        first = max(self.table.rowAt(0), 0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        if last < 0:
            last = self.model.loaded() - 1
        scroll = self.table.verticalScrollBar().value()
        self._total = None
        self.model.refresh_rows(first, last)
        self._show_count()
        self.table.verticalScrollBar().setValue(scroll)
        if selected and selected != self.selected_ids():
            row = self.model.row_of(selected[0])
            if row >= 0:
                self.table.selectRow(row)

    def filter_state(self) -> dict[str, Any]:
        """The filter, to save it in the navigation."""
        return {"text": self.filter.text(), "dnc_only": self.dnc_only.isChecked()}

    def apply_filter_state(self, state: dict[str, Any]) -> None:
        """Show the list as a saved filter had it."""
        self.dnc_only.blockSignals(True)
        self.dnc_only.setChecked(bool(state.get("dnc_only")))
        self.dnc_only.blockSignals(False)
        self.filter.blockSignals(True)
        self.filter.setText(str(state.get("text", "")))
        self.filter.blockSignals(False)
        self.apply_filter()

    def _show_count(self, *args: Any) -> None:
        n = self.model.loaded()
        # Flagged contacts are few: they are counted as they load.
        if not self.model.complete() and not self.dnc_only.isChecked():
            # Only part of the list is loaded: ask the database for the true number.
            if self._total is None:
                store = self.ctx.store
                self._total = (store.count_companies(self._text) if self.kind == "company"
                               else store.count_persons(self._text))
            n = self._total
        one, many = ("company", "companies") if self.kind == "company" else ("person", "persons")
        if not n:
            self.count.setText(translate("contacts_view", "No {many} match").format(
                many=noun(many)))
        else:
            self.count.setText(
                f"{n:,} {noun(one) if n == 1 else noun(many)}")
        self.count.setToolTip(
            ""
            if self.model.complete()
            else translate("contacts_view", "{v0:,} loaded; scroll for more").format(
                v0=self.model.loaded()
            )
        )
        self._show_empty_state(n == 0 and not self.filter.text().strip())

    def _show_empty_state(self, empty: bool) -> None:
        """Instead of the table, say what to do when there are no records at all."""
        if empty:
            store = self.ctx.store
            self.empty.set_demo_offered(not store.list_companies(limit=1)
                                        and not store.list_persons(limit=1))
            nouns = "companies" if self.kind == "company" else "persons"
            self.count.setText(translate("contacts_view", "No {noun} yet").format(
                noun=noun(nouns)))
        self.empty.setVisible(empty)
        self.table.setVisible(not empty)
        for b in (self.open_button, self.campaign_button, self.delete_button):
            b.setEnabled(not empty)

    # -- the right-click menu ---------------------------------------------

    def context_menu(self, row: int) -> QMenu:
        """Open, Call (and copy the number), E-mail, Add to campaign, Set do-not-call,
        Delete: for the clicked row (and the selection, where it makes sense)."""
        fields = self.model.fields(row)
        number, email = fields[self.model.F_PHONE], fields[self.model.F_EMAIL]
        menu = QMenu(self)
        menu.addAction(translate("contacts_view", "Open"), self.open_selected)
        menu.addSeparator()
        if number:
            phone_actions(menu, number, phone(number, self.ctx.region))
        if email:
            menu.addAction(
                translate("contacts_view", "E-mail {email}").format(email=email),
                lambda: write(email),
            )
        if number or email:
            menu.addSeparator()
        menu.addAction(
            translate("contacts_view", "Add to campaign…"), self.add_selected_to_campaign
        )
        flagged = self.model.is_flagged(row)
        menu.addAction(
            translate("contacts_view", "Lift do-not-call…")
            if flagged
            else translate("contacts_view", "Set do-not-call…"),
            lambda: self.set_do_not_call(not flagged),
        )
        menu.addSeparator()
        menu.addAction(translate("contacts_view", "Delete…"), self.delete_selected)
        return menu

    def set_do_not_call(self, flag: bool) -> None:
        """Set or lift do-not-call on the selected contacts, asking why."""
        refs = self.refs()
        if not refs:
            return
        what = (translate("contacts_view", "must not be called") if flag
                else translate("contacts_view", "may be called again"))
        reason, ok = QInputDialog.getText(
            self,
            translate("contacts_view", "Set do-not-call")
            if flag
            else translate("contacts_view", "Lift do-not-call"),
            translate("contacts_view", "Why {v0} contact(s) {what}?").format(
                v0=len(refs), what=what
            ),
        )
        if not ok:
            return
        reason = reason.strip()
        if not flag and not reason:
            self.notice.emit(
                translate(
                    "contacts_view", "Lifting do-not-call needs a reason; nothing was changed."
                )
            )
            return
        changed = sum(self.ctx.store.set_do_not_call(ref, flag, Actor.desktop(),
                                                     reason=reason or None) for ref in refs)
        self.ctx.wrote()
        self.refresh()
        self.notice.emit(
            (translate("contacts_view", "Do-not-call set on {changed} contact(s).") if flag
             else translate("contacts_view", "Do-not-call lifted on {changed} contact(s)."))
            .format(changed=changed)
        )

    # -- actions ----------------------------------------------------------

    def selected_ids(self) -> list[str]:
        """Ids of the selected rows, top to bottom."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.record_id(r) for r in rows]

    def open_selected(self) -> None:
        """Open the card of the (first) selected contact."""
        ids = self.selected_ids()
        if ids:
            self.open_contact.emit(self.kind, ids[0])

    def refs(self) -> list[ContactRef]:
        """The selected contacts as references."""
        if self.kind == "company":
            return [ContactRef(i, None) for i in self.selected_ids()]
        return [ContactRef(None, i) for i in self.selected_ids()]

    def add_selected_to_campaign(self) -> None:
        """Assign the selected contacts to a campaign chosen from a list."""
        refs = self.refs()
        if not refs:
            self.notice.emit(
                translate(
                    "contacts_view", "Select one or more contacts first (Ctrl+click, Shift+click)."
                )
            )
            return
        campaigns = self.ctx.store.list_campaigns()
        if not campaigns:
            self.notice.emit(
                translate(
                    "contacts_view", "There are no campaigns yet: create one under Campaigns."
                )
            )
            return
        labels = [f"{c.name} ({c.id})" for c in campaigns]
        label, ok = QInputDialog.getItem(
            self,
            translate("contacts_view", "Add to campaign"),
            translate("contacts_view", "Add {v0} contact(s) to:").format(v0=len(refs)),
            labels,
            0,
            False,
        )
        if not ok:
            return
        campaign = campaigns[labels.index(label)]
        added = self.ctx.store.assign_contacts(campaign.id, refs, Actor.desktop())
        self.ctx.wrote()
        self.notice.emit(
            translate("contacts_view", "Added {added} contact(s) to {name}; {n} were in it"
                      " already.").format(added=added, name=campaign.name, n=len(refs) - added)
            if added < len(refs) else
            translate("contacts_view", "Added {added} contact(s) to {name}.").format(
                added=added, name=campaign.name))

    def delete_selected(self) -> None:
        """Delete the selected contact after asking."""
        ids = self.selected_ids()
        if not ids:
            return
        store = self.ctx.store
        if self.kind == "company":
            company = store.get_company(ids[0])
            n = store.count_persons_of(company.id)
            goes = (persons_go(n) if n
                    else translate("company_card", " It has no persons."))
            text = translate("contacts_view", "Delete {name}?{goes} Its calls stay in the journal."
                             " Recently deleted keeps it for 30 days.").format(
                name=company.display_name, goes=goes)
        else:
            person = store.get_person(ids[0])
            text = translate("contacts_view", "Delete {name}? Their calls stay in the journal."
                             " Recently deleted keeps it for 30 days.").format(name=person.name)
        answer = QMessageBox.question(self, translate("contacts_view", "Delete"), text,
                                      QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.kind == "company":
            store.delete_company(ids[0], Actor.desktop())
        else:
            store.delete_person(ids[0], Actor.desktop())
        self.ctx.wrote()
