"""A company's card: its fields, its persons, calls, tasks and do-not-call history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QVBoxLayout, QWidget

from shared.model import Actor, Company, clean_company

from .contact_actions import phone_actions, write
from .contact_card import ContactCard, FieldSpec
from .formatting import phone
from .i18n import translate
from .list_tools import install_row_menu
from .models.card_models import CompanyPersonsModel
from .widgets import current_record, make_table, set_widths


def persons_go(n: int) -> str:
    """The sentence a delete question adds when a company's persons go with it."""
    return (translate("company_card", " Its {n} persons will be deleted with it.") if n != 1
            else translate("company_card", " Its 1 person will be deleted with it.")).format(n=n)


class CompanyCard(ContactCard):
    """Edit a company in place; ``new_person`` asks the window for a new person in it."""

    KIND = "company"
    NOUN = "company"
    FIELDS = (
        FieldSpec(
            "name",
            "name",
            QT_TRANSLATE_NOOP("fields", "&Name *"),
            "text",
            0,
            0,
            2,
            QT_TRANSLATE_NOOP("fields", "Company name, e.g. CX Labs GmbH"),
        ),
        FieldSpec(
            "address",
            "address",
            QT_TRANSLATE_NOOP("fields", "&Address"),
            "text",
            1,
            0,
            2,
            QT_TRANSLATE_NOOP("fields", "Street and number"),
        ),
        FieldSpec("zipCode", "zip_code", QT_TRANSLATE_NOOP("fields", "&ZIP code"), "text", 2, 0),
        FieldSpec("city", "city", QT_TRANSLATE_NOOP("fields", "C&ity"), "text", 2, 1),
        FieldSpec("country", "country", QT_TRANSLATE_NOOP("fields", "C&ountry"), "country", 3, 0),
        FieldSpec(
            "email",
            "email",
            QT_TRANSLATE_NOOP("fields", "&E-mail"),
            "email",
            3,
            1,
            1,
            QT_TRANSLATE_NOOP("fields", "office@example.com"),
        ),
        FieldSpec(
            "phone",
            "phone",
            QT_TRANSLATE_NOOP("fields", "&Phone"),
            "phone",
            4,
            0,
            1,
            QT_TRANSLATE_NOOP("fields", "089 443228-0 or +49 89 …"),
        ),
        FieldSpec("phone2", "phone2", QT_TRANSLATE_NOOP("fields", "Phone &2"), "phone", 4, 1),
        FieldSpec(
            "annotation",
            "annotation",
            QT_TRANSLATE_NOOP("fields", "No&tes"),
            "multiline",
            5,
            0,
            2,
            QT_TRANSLATE_NOOP("fields", "Anything colleagues should know"),
        ),
    )

    new_person = Signal(str)  # company id

    def _extra_tabs(self) -> None:
        self.persons_model = CompanyPersonsModel(self.ctx.region)
        self.persons_view = make_table(self.persons_model, sortable=False)
        set_widths(self.persons_view, [170, 130, 190])
        self.persons_view.doubleClicked.connect(self._open_person)
        self.persons_view.setToolTip(
            translate("company_card", "Double-click to open the person's card")
        )
        install_row_menu(self.persons_view, self._person_menu)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.persons_view)
        row = QHBoxLayout()
        add = QPushButton(translate("company_card", "Add person…"))
        add.clicked.connect(lambda: self.new_person.emit(self.record_id or ""))
        row.addWidget(add)
        row.addStretch(1)
        layout.addLayout(row)
        self.persons_page = page
        self.tabs.addTab(page, translate("company_card", "Persons"))

    def _person_menu(self, row: int) -> QMenu:
        person = current_record(self.persons_view)
        menu = QMenu(self)
        menu.addAction(translate("company_card", "Open"), lambda: self._open_person(None))
        if person is not None and (person.phone or person.phone2):
            number = person.phone or person.phone2
            phone_actions(menu, number, phone(number, self.ctx.region))
        if person is not None and person.email:
            menu.addAction(
                translate("company_card", "E-mail {email}").format(email=person.email),
                lambda: write(person.email),
            )
        return menu

    def _refresh_extra(self) -> None:
        persons = self.ctx.store.persons_of(self.record_id or "")
        self._set(self.persons_view, self.persons_model, persons)
        self._tab_title(self.persons_page, translate("company_card", "Persons"), len(persons))

    def _open_person(self, index: Any) -> None:
        person = current_record(self.persons_view)
        if person is not None:
            self.open_contact.emit("person", person.id)

    def _start_new(self) -> None:
        super()._start_new()
        # Most companies are in the office's own country: start there, not at "none".
        self.fields["country"].set_text(self.ctx.region)
        self._shown["country"] = self.fields["country"].text()  # a default, not an edit

    def _get(self, record_id: str) -> Company:
        return self.ctx.store.get_company(record_id)

    def _create(self, data: dict[str, Any]) -> Company:
        return self.ctx.store.create_company(data, Actor.desktop(), mode="typed",
                                             region=self.ctx.region)

    def _update(self, data: dict[str, Any]) -> Company:
        return self.ctx.store.update_company(self.record_id or "", data, Actor.desktop(),
                                             mode="typed", region=self.ctx.region,
                                             expected_version=self.edit_version)

    def _clean(self, data: dict[str, Any]) -> None:
        clean_company(data, partial=True, mode="typed", region=self.ctx.region)

    def _delete(self) -> bool:
        store, company = self.ctx.store, self.record
        n = store.count_persons_of(company.id)
        goes = (persons_go(n) if n
                else translate("company_card", " It has no persons."))
        if not self.confirm(
            translate("company_card", "Delete company"),
            translate(
                "company_card",
                "Delete {display_name}?{goes} Its calls stay in the journal. Recently deleted "
                "keeps it for 30 days.",
            ).format(display_name=company.display_name, goes=goes),
        ):
            return False
        store.delete_company(company.id, Actor.desktop())
        return True

    def _title_of(self, record: Company) -> str:
        return record.display_name

    def _subtitle_of(self, record: Company) -> str:
        n = self.ctx.store.count_persons_of(record.id)
        place = ", ".join(x for x in (record.city, record.country) if x)
        parts = [(translate("company_card", "Company · {n} persons") if n != 1
                  else translate("company_card", "Company · 1 person")).format(n=n)]
        if place:
            parts.append(place)
        return "  ·  ".join(parts)



