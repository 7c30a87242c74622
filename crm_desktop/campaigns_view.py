"""Campaigns: create and edit them, and choose which contacts Apollo's dialer calls."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from shared.model import Actor, Campaign, ContactRef

from .campaign_dialog import CampaignDialog
from .contact_picker import ContactPickerDialog
from .context import DesktopContext
from .i18n import translate
from .list_tools import install_column_chooser, install_row_menu
from .models.campaigns_model import CampaignsModel
from .models.contacts_model import ContactViewsModel
from .widgets import (
    current_record,
    heading,
    keep_selection,
    make_table,
    select_key,
    selected_records,
    set_widths,
    sorted_proxy,
    stretch_column,
)


class CampaignsView(QWidget):
    """Campaigns on top, the selected campaign's contacts below."""

    open_contact = Signal(str, str)
    notice = Signal(str)

    def __init__(self, ctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loaded = False
        self.model = CampaignsModel()
        self.table = make_table(sorted_proxy(self.model))
        self.table.sortByColumn(CampaignsModel.COL_NAME, Qt.SortOrder.AscendingOrder)
        set_widths(self.table, [130, 220, 120, 110, 80, 90])
        stretch_column(self.table, CampaignsModel.COL_NAME)
        self.table.doubleClicked.connect(lambda _: self.edit_campaign())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_contacts())
        install_row_menu(self.table, self._row_menu)
        install_column_chooser(self.table, "campaigns")

        self.new_button = QPushButton(translate("campaigns_view", "New campaign…"))
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_campaign)
        edit = QPushButton(translate("campaigns_view", "Edit…"))
        edit.clicked.connect(self.edit_campaign)
        delete = QPushButton(translate("campaigns_view", "Delete…"))
        delete.clicked.connect(self.delete_campaign)

        self.contacts_title = QLabel(translate("campaigns_view", "Contacts"))
        self.contacts_title.setObjectName("sectionTitle")
        self.contacts_model = ContactViewsModel()
        self.contacts = make_table(sorted_proxy(self.contacts_model), multi=True)
        set_widths(self.contacts, [220, 200, 80])
        self.contacts.doubleClicked.connect(lambda _: self._open_contact())
        self.assign_button = QPushButton(translate("campaigns_view", "Assign contacts…"))
        self.assign_button.setObjectName("primary")
        self.assign_button.setToolTip(
            translate("campaigns_view", "Pick several contacts with Ctrl+click or Shift+click")
        )
        self.assign_button.clicked.connect(self.assign)
        remove = QPushButton(translate("campaigns_view", "Remove from campaign"))
        remove.clicked.connect(self.unassign)
        self.source_note = QLabel()
        self.source_note.setObjectName("muted")
        self.source_note.setWordWrap(True)

        top = QWidget()
        t = QVBoxLayout(top)
        t.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(heading(translate("campaigns_view", "Campaigns")))
        head.addStretch(1)
        head.addWidget(self.new_button)
        t.addLayout(head)
        t.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(edit)
        row.addWidget(delete)
        row.addStretch(1)
        t.addLayout(row)
        bottom = QWidget()
        b = QVBoxLayout(bottom)
        b.setContentsMargins(0, 8, 0, 0)
        b.addWidget(self.contacts_title)
        b.addWidget(self.source_note)
        b.addWidget(self.contacts)
        row2 = QHBoxLayout()
        row2.addWidget(self.assign_button)
        row2.addWidget(remove)
        row2.addStretch(1)
        b.addLayout(row2)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([260, 400])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 8, 8)
        layout.addWidget(split)

    def activate(self) -> None:
        """Load on first show."""
        if not self._loaded:
            self._loaded = True
            self.refresh()
            if self.model.rowCount():
                self.table.selectRow(0)

    def refresh(self) -> None:
        """Re-read campaigns and the selected campaign's contacts."""
        if not self._loaded:
            return
        campaigns = self.ctx.store.list_campaigns()
        keep_selection(self.table, self.model, lambda: self.model.set_rows(campaigns))
        self._show_contacts()

    def _row_menu(self, row: int) -> QMenu:
        menu = QMenu(self)
        menu.addAction(translate("campaigns_view", "Edit…"), self.edit_campaign)
        menu.addAction(translate("campaigns_view", "Assign contacts…"), self.assign)
        menu.addSeparator()
        menu.addAction(translate("campaigns_view", "Delete…"), self.delete_campaign)
        return menu

    def current(self) -> Campaign | None:
        """The selected campaign."""
        return current_record(self.table)

    def select(self, campaign_id: str) -> None:
        """Select a campaign by id."""
        select_key(self.table, self.model, campaign_id)

    def _show_contacts(self) -> None:
        campaign = self.current()
        if campaign is None:
            self.contacts_title.setText(translate("campaigns_view", "Contacts"))
            self.source_note.setText(
                translate("campaigns_view", "Select a campaign to see its contacts.")
            )
            self.contacts_model.set_rows([])
            return
        views = self.ctx.store.campaign_contacts(campaign.id, for_dialer=False)
        self.contacts_title.setText(
            translate("campaigns_view", "Contacts in {name} ({v1})").format(
                name=campaign.name, v1=len(views)
            )
        )
        if campaign.contacts_source == "apollo":
            self.source_note.setText(
                translate(
                    "campaigns_view",
                    "Apollo manages this campaign's contacts; the list here"
                    " is not handed to the dialer.",
                )
            )
        else:
            dnc = sum(1 for v in views if v.do_not_call)
            self.source_note.setText(
                translate("campaigns_view", "Apollo's dialer calls these contacts; {n} flagged"
                          " do-not-call are skipped.").format(n=dnc) if dnc
                else translate("campaigns_view", "Apollo's dialer calls these contacts."))
        keep_selection(self.contacts, self.contacts_model,
                       lambda: self.contacts_model.set_rows(views))

    # -- actions ----------------------------------------------------------

    def new_campaign(self) -> None:
        """Create a campaign in a dialog."""
        dlg = CampaignDialog(self.ctx, parent=self)
        if dlg.exec() == CampaignDialog.DialogCode.Accepted and dlg.campaign:
            self.refresh()
            self.select(dlg.campaign.id)

    def edit_campaign(self) -> None:
        """Edit the selected campaign."""
        campaign = self.current()
        if campaign is None:
            return
        dlg = CampaignDialog(self.ctx, campaign, parent=self)
        if dlg.exec() == CampaignDialog.DialogCode.Accepted:
            self.refresh()

    def delete_campaign(self) -> None:
        """Delete the selected campaign after asking."""
        campaign = self.current()
        if campaign is None:
            return
        answer = QMessageBox.question(
            self,
            translate("campaigns_view", "Delete campaign"),
            translate(
                "campaigns_view",
                "Delete {name}? Its contact list and its {open_task_count} open task(s) go with "
                "it; calls stay in the journal.",
            ).format(name=campaign.name, open_task_count=campaign.open_task_count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.ctx.store.delete_campaign(campaign.id, Actor.desktop())
            self.ctx.wrote()

    def assign(self) -> None:
        """Pick contacts (several at once) and add them to the selected campaign."""
        campaign = self.current()
        if campaign is None:
            self.notice.emit(translate("campaigns_view", "Select a campaign first."))
            return
        dlg = ContactPickerDialog(
            self.ctx,
            translate("campaigns_view", "Assign contacts to {name}").format(name=campaign.name),
            translate("campaigns_view",
                      "Find contacts and select several with Ctrl+click or Shift+click."),
            multi=True, ok_text=translate("campaigns_view", "Assign"), parent=self)
        if dlg.exec() != ContactPickerDialog.DialogCode.Accepted or not dlg.chosen:
            return
        added = self.ctx.store.assign_contacts(campaign.id, [p.ref for p in dlg.chosen],
                                               Actor.desktop())
        self.ctx.wrote()
        self.refresh()
        self.notice.emit(
            translate("campaigns_view", "Assigned {added} contact(s) to {name}.").format(
                added=added, name=campaign.name
            )
        )

    def unassign(self) -> None:
        """Remove the selected contacts from the campaign."""
        campaign = self.current()
        views = selected_records(self.contacts)
        if campaign is None or not views:
            return
        refs = [ContactRef(None, v.person_id) if v.person_id else ContactRef(v.company_id, None)
                for v in views]
        self.ctx.store.unassign_contacts(campaign.id, refs, Actor.desktop())
        self.ctx.wrote()
        self.refresh()

    def _open_contact(self) -> None:
        view = current_record(self.contacts)
        if view is not None:
            if view.person_id:
                self.open_contact.emit("person", view.person_id)
            elif view.company_id:
                self.open_contact.emit("company", view.company_id)
