"""A person's card: its fields, its company as a link, calls, tasks, do-not-call."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from shared import privacy
from shared.model import Actor, Person, clean_person
from shared.person_details import PersonDetails, clean_details, split

from .contact_card import ContactCard, FieldSpec
from .contact_picker import ContactPickerDialog
from .i18n import translate


class PersonCard(ContactCard):
    """Edit a person in place; the company is a link and can be changed."""

    KIND = "person"
    NOUN = "person"
    EXTRA_KEYS = (
        (
            "Ctrl+Shift+M",
            QT_TRANSLATE_NOOP("keys", "Move the person to another company"),
            "change_company",
        ),
    )
    # In visual order (row by row): the order is also the order Tab goes through them.
    # Row 3, column 0 is the company (a link and a button, see _extra_form_rows).
    FIELDS = (
        FieldSpec(
            "salutation",
            "salutation",
            QT_TRANSLATE_NOOP("fields", "&Salutation"),
            "text",
            0,
            0,
            1,
            QT_TRANSLATE_NOOP("fields", "Frau, Herr, Ms …"),
        ),
        FieldSpec(
            "displayName",
            "display_name",
            QT_TRANSLATE_NOOP("fields", "&Display name"),
            "text",
            0,
            1,
            1,
            QT_TRANSLATE_NOOP("fields", "optional: first + last name"),
        ),
        FieldSpec(
            "firstName", "first_name", QT_TRANSLATE_NOOP("fields", "&First name"), "text", 1, 0
        ),
        FieldSpec("lastName", "last_name", QT_TRANSLATE_NOOP("fields", "&Last name"), "text", 1, 1),
        FieldSpec(
            "jobTitle",
            "job_title",
            QT_TRANSLATE_NOOP("fields", "&Job title"),
            "text",
            2,
            0,
            1,
            QT_TRANSLATE_NOOP("fields", "Head of purchasing"),
        ),
        FieldSpec(
            "department",
            "department",
            QT_TRANSLATE_NOOP("fields", "Depart&ment"),
            "text",
            2,
            1,
            1,
            QT_TRANSLATE_NOOP("fields", "Purchasing"),
        ),
        FieldSpec(
            "email",
            "email",
            QT_TRANSLATE_NOOP("fields", "&E-mail"),
            "email",
            3,
            1,
            1,
            QT_TRANSLATE_NOOP("fields", "name@example.com"),
        ),
        FieldSpec(
            "phone",
            "phone",
            QT_TRANSLATE_NOOP("fields", "&Phone"),
            "phone",
            4,
            0,
            1,
            QT_TRANSLATE_NOOP("fields", "0151 2345678 or +49 151 …"),
        ),
        FieldSpec("phone2", "phone2", QT_TRANSLATE_NOOP("fields", "Phone &2"), "phone", 4, 1),
        FieldSpec(
            "address",
            "address",
            QT_TRANSLATE_NOOP("fields", "St&reet"),
            "text",
            5,
            0,
            2,
            QT_TRANSLATE_NOOP("fields", "Street and number"),
        ),
        FieldSpec("zipCode", "zip_code", QT_TRANSLATE_NOOP("fields", "&ZIP code"), "text", 6, 0),
        FieldSpec("city", "city", QT_TRANSLATE_NOOP("fields", "C&ity"), "text", 6, 1),
        FieldSpec("country", "country", QT_TRANSLATE_NOOP("fields", "C&ountry"), "country", 7, 0),
        FieldSpec(
            "annotation",
            "annotation",
            QT_TRANSLATE_NOOP("fields", "No&tes"),
            "multiline",
            8,
            0,
            2,
            QT_TRANSLATE_NOOP("fields", "Anything colleagues should know"),
        ),
    )

    def _extra_form_rows(self, grid: QGridLayout) -> None:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        label = QLabel(translate("person_card", "Company"))
        label.setObjectName("fieldLabel")
        row = QHBoxLayout()
        self.company_link = QLabel()
        self.company_link.setTextFormat(Qt.TextFormat.RichText)
        self.company_link.linkActivated.connect(self._link)
        self.company_button = QPushButton(translate("person_card", "Change…"))
        self.company_button.setToolTip(
            translate(
                "person_card",
                "Move this person to another company, or make it private (Ctrl+Shift+M)",
            )
        )
        self.company_button.clicked.connect(self.change_company)
        row.addWidget(self.company_link, 1)
        row.addWidget(self.company_button)
        layout.addWidget(label)
        layout.addLayout(row)
        grid.addWidget(box, 3, 0)
        self._show_company(self.company_id)

    def _show_company(self, company_id: str | None) -> None:
        if company_id is None:
            self.company_link.setText(translate("person_card", "<i>private (no company)</i>"))
            return
        try:
            name = self.ctx.store.get_company(company_id).display_name
        except Exception:
            name = company_id
        self.company_link.setText(
            translate("person_card", '<a href="company:{v0}">{v1}</a>').format(
                v0=escape(company_id), v1=escape(name)
            )
        )

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
        person = PersonDetails(self.ctx.store).get(record_id)
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
        # The contract's fields and the desktop's details in one transaction.
        base, details = split(data)
        store, region = self.ctx.store, self.ctx.region
        clean_details(details, region=region)
        with store.write():
            person = store.create_person(base, Actor.desktop(), company_id=self.company_id,
                                         mode="typed", region=region)
            if any(v.strip() for v in details.values()):
                PersonDetails(store).update(person.id, details, Actor.desktop(), region=region)
        return person

    def _update(self, data: dict[str, Any]) -> Person:
        base, details = split(data)
        store, region = self.ctx.store, self.ctx.region
        clean_details(details, region=region)
        with store.write():
            person = store.update_person(self.record_id or "", base, Actor.desktop(),
                                         mode="typed", region=region,
                                         expected_version=self.edit_version)
            if details:
                person = PersonDetails(store).update(person.id, details, Actor.desktop(),
                                                     region=region)
        return person

    def _clean(self, data: dict[str, Any]) -> None:
        base, details = split(data)
        clean_person(base, partial=True, mode="typed", region=self.ctx.region)
        clean_details(details, region=self.ctx.region)

    def _delete(self) -> bool:
        person = self.record
        if not self.confirm(
            translate("person_card", "Delete person"),
            translate(
                "person_card",
                "Delete {name}? Their open tasks and campaign places go with them; their calls "
                "stay in the journal. Recently deleted keeps them for 30 days.",
            ).format(name=person.name),
        ):
            return False
        self.ctx.store.delete_person(person.id, Actor.desktop())
        return True

    def _title_of(self, record: Person) -> str:
        return record.name

    def _subtitle_of(self, record: Person) -> str:
        if privacy.is_erased(self.ctx.store, record.id):
            return ("Personal data erased (see the Privacy page); the numbers stay blocked."
                    " Nothing can be added to this record.")
        role = ", ".join(escape(x) for x in (getattr(record, "job_title", None),
                                             getattr(record, "department", None)) if x)
        if record.company_id:
            company = (f'<a href="company:{escape(record.company_id)}">'
                       f"{escape(record.company_display_name or record.company_id)}</a>")
            return translate("person_card", "{role} at {company}").format(
                role=role or translate("person_card", "Person"), company=company)
        return (translate("person_card", "{role} · private customer").format(role=role) if role
                else translate("person_card", "Private customer (no company)"))
