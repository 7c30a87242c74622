"""The persons list: every person, a page at a time, by name."""

from __future__ import annotations

from shared.model import Person

from ..formatting import phone
from ..i18n import translate
from .paged_model import PagedColumn, PagedTableModel
from .record_model import dnc_mark

# Packed fields: sort key, pk, id, then what the columns show.
F_KEY, F_PK, F_ID, F_NAME, F_LAST, F_COMPANY, F_CITY, F_PHONE, F_EMAIL, F_DNC = range(10)


class PersonsModel(PagedTableModel):
    """Persons with name, last name, company, city, phone and e-mail; by name or by last
    name (both paged by the store, so either works on a million persons)."""

    COL_NAME, COL_LAST, COL_COMPANY, COL_CITY, COL_PHONE, COL_EMAIL = range(6)
    SERVER_ORDERS = {COL_NAME: "name", COL_LAST: "last_name"}

    def __init__(self, region: str = "DE", parent: object = None) -> None:
        super().__init__(parent)
        self.region = region
        self.COLUMNS = (
            PagedColumn(
                translate("persons_model", "Name"),
                lambda f: f[F_NAME] + (dnc_mark() if f[F_DNC] == "1" else ""),
                lambda f: f[F_KEY],
            ),
            PagedColumn(translate("persons_model", "Last name"), lambda f: f[F_LAST]),
            PagedColumn(
                translate("persons_model", "Company"),
                lambda f: f[F_COMPANY] or translate("persons_model", "private"),
            ),
            PagedColumn(translate("persons_model", "City"), lambda f: f[F_CITY]),
            PagedColumn(translate("persons_model", "Phone"), self._phone, lambda f: f[F_PHONE]),
            PagedColumn(translate("persons_model", "E-mail"), lambda f: f[F_EMAIL]),
        )

    def _phone(self, f: list[str]) -> str:
        return phone(f[F_PHONE], self.region)

    def pack(self, p: Person) -> tuple[str, ...]:
        key = p.last_sort_key if self.order == "last_name" else p.sort_key
        return (key, str(p.pk), p.id, p.name, p.last_name or "", p.company_display_name or "",
                p.city or "", p.phone or p.phone2 or "", p.email or "",
                "1" if p.do_not_call else "")

    # Where the right-click menu finds the number and the address.
    F_PHONE, F_EMAIL = F_PHONE, F_EMAIL

    def is_flagged(self, row: int) -> bool:
        return self.fields(row)[F_DNC] == "1"
