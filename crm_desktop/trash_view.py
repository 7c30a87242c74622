"""Recently deleted: companies and persons deleted in the last 30 days, to restore."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shared.errors import CallsheetError
from shared.model import Actor
from shared.trash import KEEP_DAYS
from shared.words import plural

from .context import DesktopContext
from .i18n import said, translate
from .list_tools import install_column_chooser, install_row_menu
from .models.trash_model import TrashModel
from .widgets import (
    LoadsOnFirstShow,
    current_record,
    heading,
    keep_selection,
    make_table,
    set_widths,
    sorted_proxy,
)


class TrashView(LoadsOnFirstShow, QWidget):
    """The list of deleted records with a Restore button; a restored record's card opens."""

    open_contact = Signal(str, str)
    notice = Signal(str)

    def __init__(self, ctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = TrashModel()
        self.table = make_table(sorted_proxy(self.model))
        self.table.sortByColumn(TrashModel.COL_DELETED, Qt.SortOrder.DescendingOrder)
        set_widths(self.table, [140, 80, 220, 230, 120, 130])
        self.table.doubleClicked.connect(lambda _: self.restore_selected())
        install_row_menu(self.table, self._row_menu)
        install_column_chooser(self.table, "recently_deleted")
        intro = QLabel(
            translate(
                "trash_view",
                "Deleted companies and persons stay here for {KEEP_DAYS} days, then they are gone "
                "for good. Restore puts a record back with its persons, tasks and campaign "
                "places; its calls never left.",
            ).format(KEEP_DAYS=KEEP_DAYS)
        )
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        self.restore_button = QPushButton(translate("trash_view", "Restore"))
        self.restore_button.setObjectName("primary")
        self.restore_button.setToolTip(
            translate("trash_view", "Put the selected record back (double-click works too)")
        )
        self.restore_button.clicked.connect(self.restore_selected)
        self.count = QLabel()
        self.count.setObjectName("muted")
        head = QHBoxLayout()
        head.addWidget(heading(translate("trash_view", "Recently deleted")))
        head.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 8, 8)
        layout.addLayout(head)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _row_menu(self, row: int) -> QMenu:
        menu = QMenu(self)
        menu.addAction(translate("trash_view", "Restore"), self.restore_selected)
        return menu

    def refresh(self) -> None:
        """Re-read the list, keeping the selection."""
        if not self._loaded:
            return
        entries = self.ctx.store.list_deleted()
        keep_selection(self.table, self.model, lambda: self.model.set_rows(entries))
        self.count.setText(said(plural(len(entries), "deleted record")) if entries
                           else translate("trash_view", "Nothing was deleted in the last 30 days"))
        self.restore_button.setEnabled(bool(entries))

    def restore_selected(self) -> None:
        """Restore the selected record and open its card."""
        entry = current_record(self.table)
        if entry is None:
            self.notice.emit(translate("trash_view", "Select a record to restore."))
            return
        try:
            done = self.ctx.store.restore_deleted(entry.pk, Actor.desktop())
        except CallsheetError as e:
            QMessageBox.warning(self, translate("trash_view", "Cannot restore"), said(e))
            return
        self.ctx.wrote()
        self.refresh()
        self.notice.emit(said(done.message))
        self.open_contact.emit(done.kind, done.record_id)
