"""A person's card: its fields, its company as a link, calls, tasks, do-not-call."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from shared import privacy
from shared.model import Actor, Person, clean_person

from .contact_card import ContactCard, FieldSpec
from .contact_picker import ContactPickerDialog


class PersonCard(ContactCard):
    """Edit a person in place; the company is a link and can be changed."""

    KIND = "person"
    NOUN = "person"
    EXTRA_KEYS = (("Ctrl+Shift+M", "Move the person to another company", "change_company"),)
    FIELDS = (
        FieldSpec("salutation", "salutation", "&Salutation", "text", 0, 0, 1, "Frau, Herr, Ms …"),
        FieldSpec("displayName", "display_name", "&Display name", "text", 0, 1, 1,
                  "optional: first + last name"),
        FieldSpec("firstName", "first_name", "&First name", "text", 1, 0),
        FieldSpec("lastName", "last_name", "&Last name", "text", 1, 1),
        FieldSpec("city", "city", "C&ity", "text", 2, 1),
        FieldSpec("phone", "phone", "&Phone", "phone", 3, 0, 1, "0151 2345678 or +49 151 …"),
        FieldSpec("phone2", "phone2", "Phone &2", "phone", 3, 1),
        FieldSpec("email", "email", "&E-mail", "email", 4, 0, 2, "name@example.com"),
        FieldSpec("annotation", "annotation", "No&tes", "multiline", 5, 0, 2,
                  "Anything colleagues should know"),
    )

    def _extra_form_rows(self, grid: QGridLayout) -> None:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        label = QLabel("Company")
        label.setObjectName("fieldLabel")
        row = QHBoxLayout()
        self.company_link = QLabel()
        self.company_link.setTextFormat(Qt.TextFormat.RichText)
        self.company_link.linkActivated.connect(self._link)
        self.company_button = QPushButton("Change…")
        self.company_button.setToolTip("Move this person to another company, or make it"
                                       " private (Ctrl+Shift+M)")
        self.company_button.clicked.connect(self.change_company)
        row.addWidget(self.company_link, 1)
        row.addWidget(self.company_button)
        layout.addWidget(label)
        layout.addLayout(row)
        grid.addWidget(box, 2, 0)
        self._show_company(self.company_id)

    def _show_company(self, company_id: str | None) -> None:
        if company_id is None:
            self.company_link.setText("<i>private (no company)</i>")
            return
        try:
            name = self.ctx.store.get_company(company_id).display_name
        except Exception:
            name = company_id
        self.company_link.setText(f'<a href="company:{escape(company_id)}">{escape(name)}</a>')

    def change_company(self) -> None:
        """Pick the person's company (or none)."""
        dlg = ContactPickerDialog(self.ctx, "Choose the company",
                                  "Type the company's name, then pick it from the list.",
                                  kinds=("company",), ok_text="Choose",
                                  allow_none="No company (private)", parent=self)
        if dlg.exec() != ContactPickerDialog.DialogCode.Accepted:
            return
        company_id = None if dlg.cleared else dlg.chosen[0].id
        self.set_company(company_id)

    def set_company(self, company_id: str | None) -> None:
        """Move the person (a new card just remembers it until created)."""
        self.company_id = company_id
        if self.record_id is not None:
            self.ctx.store.update_person(self.record_id, {}, Actor.desktop(),
                                         company_id=company_id)
            self.reload()
            self.ctx.wrote()
        self._show_company(company_id)

    def _get(self, record_id: str) -> Person:
        person = self.ctx.store.get_person(record_id)
        self.company_id = person.company_id
        self._show_company(person.company_id)
        # An erased person's record stays empty: nothing can be typed into it again.
        erased = privacy.is_erased(self.ctx.store, record_id)
        for f in self.fields.values():
            if hasattr(f.editor, "setReadOnly"):
                f.editor.setReadOnly(erased)
        self.company_button.setEnabled(not erased)
        return person

    def _create(self, data: dict[str, Any]) -> Person:
        return self.ctx.store.create_person(data, Actor.desktop(), company_id=self.company_id,
                                            mode="typed", region=self.ctx.region)

    def _update(self, data: dict[str, Any]) -> Person:
        return self.ctx.store.update_person(self.record_id or "", data, Actor.desktop(),
                                            mode="typed", region=self.ctx.region)

    def _clean(self, data: dict[str, Any]) -> None:
        clean_person(data, partial=True, mode="typed", region=self.ctx.region)

    def _delete(self) -> bool:
        person = self.record
        if not self.confirm("Delete person",
                            f"Delete {person.name}? Their open tasks and campaign places go"
                            " with them; their calls stay in the journal. Recently"
                            " deleted keeps them for 30 days."):
            return False
        self.ctx.store.delete_person(person.id, Actor.desktop())
        return True

    def _title_of(self, record: Person) -> str:
        return record.name

    def _subtitle_of(self, record: Person) -> str:
        if privacy.is_erased(self.ctx.store, record.id):
            return ("Personal data erased (see the Privacy page); the numbers stay blocked."
                    " Nothing can be added to this record.")
        if record.company_id:
            return (f'Person at <a href="company:{escape(record.company_id)}">'
                    f"{escape(record.company_display_name or record.company_id)}</a>")
        return "Private customer (no company)"
