"""Choosing contacts: a search field over a list, one or many, companies and/or persons."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shared.model import ContactRef

from .context import DesktopContext
from .formatting import phone
from .i18n import translate

DEBOUNCE_MS = 150


@dataclass(frozen=True)
class Picked:
    """A chosen contact."""

    kind: str  # "company" or "person"
    id: str
    title: str

    @property
    def ref(self) -> ContactRef:
        return ContactRef(self.id, None) if self.kind == "company" else ContactRef(None, self.id)


class ContactPicker(QWidget):
    """Type to find contacts; select one (or several with ``multi``).

    From the search field Down (or Up) moves into the list, and Enter picks the
    only match; ``submitted`` tells the dialog to take the selection.
    """

    submitted = Signal()

    def __init__(self, ctx: DesktopContext, *, kinds: tuple[str, ...] = ("company", "person"),
                 multi: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kinds = kinds
        self.query = QLineEdit()
        self.query.setPlaceholderText(
            translate("contact_picker", "Type a name, e-mail or phone number…")
        )
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName(translate("contact_picker", "Find a contact"))
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(translate("contact_picker", "Contacts found"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                                   else QAbstractItemView.SelectionMode.SingleSelection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query)
        layout.addWidget(self.list)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.reload)
        self.query.textChanged.connect(lambda _: self._timer.start())
        self.query.returnPressed.connect(self._enter)
        self.query.installEventFilter(self)
        self.reload()

    def _enter(self) -> None:
        if self._timer.isActive():
            self.reload()
        if self.list.count() == 1:
            self.list.setCurrentRow(0)
        if self.picked():
            self.submitted.emit()
        elif self.list.count():
            # Several matches: go to the list, the arrows choose and Enter takes it.
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
            self.list.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.query and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)):  # type: ignore[attr-defined]
            if self._timer.isActive():
                self.reload()
            if self.list.count():
                self.list.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.list.selectedItems():
                    self.list.setCurrentRow(0 if event.key() == Qt.Key.Key_Down  # type: ignore[attr-defined]
                                            else self.list.count() - 1)
            return True
        return super().eventFilter(watched, event)

    def reload(self) -> None:
        """Fill the list for what is typed (the first contacts by name when nothing is)."""
        self._timer.stop()
        store, text = self.ctx.store, self.query.text().strip()
        self.list.clear()
        entries: list[tuple[Picked, str]] = []
        if text:
            for h in store.search(text, limit=100):
                if h.kind in self.kinds:
                    detail = " · ".join(x for x in (h.subtitle, phone(h.phone, self.ctx.region))
                                        if x)
                    entries.append((Picked(h.kind, h.id, h.title), detail))
        else:
            if "person" in self.kinds:
                for p in store.list_persons(limit=100):
                    entries.append(
                        (
                            Picked("person", p.id, p.name),
                            p.company_display_name or translate("contact_picker", "private"),
                        )
                    )
            if "company" in self.kinds:
                for c in store.list_companies(limit=100):
                    entries.append((Picked("company", c.id, c.display_name), c.city or ""))
        row_height = self.list.fontMetrics().height() + 12
        for picked, detail in entries:
            kind = f"  [{picked.kind}]" if len(self.kinds) > 1 else ""
            item = QListWidgetItem(f"{picked.title}{kind}" + (f"   —  {detail}" if detail
                                                              else ""))
            item.setData(Qt.ItemDataRole.UserRole, picked)
            # The style sheet's item padding is not in Qt's own row height: rows overlapped.
            item.setSizeHint(QSize(0, row_height))
            self.list.addItem(item)

    def select_titles(self, *titles: str) -> None:
        """Select the entries with these titles (what a person clicking would do)."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole).title in titles:
                item.setSelected(True)

    def picked(self) -> list[Picked]:
        """The selected contacts, in list order."""
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count()) if self.list.item(i).isSelected()]


class ContactPickerDialog(QDialog):
    """A dialog around a ContactPicker; ``chosen`` holds the result, ``cleared`` is True
    when "no company" was chosen."""

    def __init__(self, ctx: DesktopContext, title: str, prompt: str, *,
                 kinds: tuple[str, ...] = ("company", "person"), multi: bool = False,
                 ok_text: str = "OK", allow_none: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(520, 480)
        self.chosen: list[Picked] = []
        self.cleared = False
        self.picker = ContactPicker(ctx, kinds=kinds, multi=multi)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        if allow_none:
            none = QPushButton(allow_none)
            buttons.addButton(none, QDialogButtonBox.ButtonRole.ResetRole)
            none.clicked.connect(self._clear)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.picker.list.itemDoubleClicked.connect(lambda _: self.accept())
        self.picker.list.itemActivated.connect(lambda _: self.accept())
        self.picker.submitted.connect(self.accept)
        # Enter in the search field is the picker's (pick the only match), not the
        # default button's: without this Enter both searched and pressed "Choose".
        self.ok.setAutoDefault(False)
        self.ok.setDefault(False)
        layout = QVBoxLayout(self)
        hint = QLabel(prompt)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.picker)
        layout.addWidget(buttons)
        self.picker.query.setFocus()

    def _clear(self) -> None:
        self.cleared = True
        self.chosen = []
        super().accept()

    def accept(self) -> None:
        self.chosen = self.picker.picked()
        if not self.chosen:
            return
        super().accept()
