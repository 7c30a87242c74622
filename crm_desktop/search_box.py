"""The one search field: companies and persons by name, e-mail or phone number typed in
any format, with results as you type."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from shared.store import SearchHit

from .context import DesktopContext
from .formatting import phone
from .i18n import noun, translate

DEBOUNCE_MS = 150
MAX_HITS = 15
HitRole = Qt.ItemDataRole.UserRole + 1


class SearchBox(QLineEdit):
    """Emits ``contact_chosen(kind, id)`` when a result is picked (click or Enter)."""

    contact_chosen = Signal(str, str)

    def __init__(self, ctx: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.hits: list[SearchHit] = []
        self.setObjectName("searchBox")
        self.setPlaceholderText(translate("search_box", "Search name, e-mail or phone  (Ctrl+K)"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(360)
        self._model = QStandardItemModel(self)
        # The completer only shows the popup; the store does the matching.
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(MAX_HITS)
        self._completer.setWidget(self)
        self._completer.activated[QModelIndex].connect(self._activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.textEdited.connect(lambda _: self._timer.start())
        self.returnPressed.connect(self._enter)

    def run_search(self) -> list[SearchHit]:
        """Search for what is typed now and show the results under the field."""
        self._timer.stop()
        text = self.text().strip()
        self.hits = self.ctx.store.search(text, limit=MAX_HITS) if text else []
        self._model.clear()
        for i, h in enumerate(self.hits):
            detail = " · ".join(x for x in (h.subtitle, phone(h.phone, self.ctx.region)) if x)
            label = h.title + (("  " + translate("record_model", "⊘ do not call"))
                              if h.do_not_call else "")
            item = QStandardItem(f"{label}     {detail}" if detail else label)
            item.setData(i, HitRole)
            item.setToolTip(f"{noun(h.kind)}: {h.title}")
            self._model.appendRow(item)
        if text and not self.hits:
            item = QStandardItem(
                translate("search_box", "Nothing found for “{text}”").format(text=text)
            )
            item.setEnabled(False)
            self._model.appendRow(item)
        if text and self.hasFocus():
            self._completer.complete()
        elif not text:
            self._completer.popup().hide()
        return self.hits

    def result_titles(self) -> list[str]:
        """The titles of the results shown now."""
        return [h.title for h in self.hits]

    def choose(self, i: int) -> None:
        """Open result ``i`` (what clicking it does)."""
        hit = self.hits[i]
        self._completer.popup().hide()
        self.clear()
        self.hits = []
        self.contact_chosen.emit(hit.kind, hit.id)

    def _activated(self, index: QModelIndex) -> None:
        i = index.data(HitRole)
        if i is not None and 0 <= i < len(self.hits):
            # The completer writes the item's text into the field after this; undo that.
            QTimer.singleShot(0, self.clear)
            self.choose(i)

    def _enter(self) -> None:
        if self._timer.isActive():
            self.run_search()
        if self.hits:
            self.choose(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self.hits = []
            self._completer.popup().hide()
            return
        if event.key() == Qt.Key.Key_Down and self.hits and not self._completer.popup().isVisible():
            self._completer.complete()
            return
        super().keyPressEvent(event)
