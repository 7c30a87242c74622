"""The persons list: every person, a page at a time, by name."""

from __future__ import annotations

from shared.model import Person

from ..formatting import phone
from .paged_model import PagedColumn, PagedTableModel
from .record_model import DNC_MARK

# Packed fields: sort name, pk, id, then what the columns show.
F_NAME, F_PK, F_ID, F_COMPANY, F_CITY, F_PHONE, F_EMAIL, F_DNC = range(8)


class PersonsModel(PagedTableModel):
    """Persons with name, company, city, phone and e-mail."""

    COL_NAME, COL_COMPANY, COL_CITY, COL_PHONE, COL_EMAIL = range(5)

    def __init__(self, region: str = "DE", parent: object = None) -> None:
        super().__init__(parent)
        self.region = region
        self.COLUMNS = (
            PagedColumn("Name", lambda f: f[F_NAME] + (DNC_MARK if f[F_DNC] == "1" else "")),
            PagedColumn("Company", lambda f: f[F_COMPANY] or "private"),
            PagedColumn("City", lambda f: f[F_CITY]),
            PagedColumn("Phone", self._phone, lambda f: f[F_PHONE]),
            PagedColumn("E-mail", lambda f: f[F_EMAIL]),
        )

    def _phone(self, f: list[str]) -> str:
        return phone(f[F_PHONE], self.region)

    @staticmethod
    def pack(p: Person) -> tuple[str, ...]:
        return (p.name, str(p.pk), p.id, p.company_display_name or "", p.city or "",
                p.phone or p.phone2 or "", p.email or "", "1" if p.do_not_call else "")

    # Where the right-click menu finds the number and the address.
    F_PHONE, F_EMAIL = F_PHONE, F_EMAIL

    def is_flagged(self, row: int) -> bool:
        return self.fields(row)[F_DNC] == "1"
