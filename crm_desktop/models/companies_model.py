"""The companies list: every company, a page at a time, by display name."""

from __future__ import annotations

from shared.model import Company

from ..formatting import phone
from ..i18n import translate
from .paged_model import PagedColumn, PagedTableModel
from .record_model import dnc_mark

# Packed fields: sort key, pk, id, then what the columns show.
F_KEY, F_PK, F_ID, F_NAME, F_CITY, F_COUNTRY, F_PHONE, F_EMAIL, F_DNC = range(9)


class CompaniesModel(PagedTableModel):
    """Companies with name, city, country, phone and e-mail."""

    COL_NAME, COL_CITY, COL_COUNTRY, COL_PHONE, COL_EMAIL = range(5)

    def __init__(self, region: str = "DE", parent: object = None) -> None:
        super().__init__(parent)
        self.region = region
        self.COLUMNS = (
            PagedColumn(
                translate("companies_model", "Company"),
                lambda f: f[F_NAME] + (dnc_mark() if f[F_DNC] == "1" else ""),
                lambda f: f[F_KEY],
            ),
            PagedColumn(translate("companies_model", "City"), lambda f: f[F_CITY]),
            PagedColumn(translate("companies_model", "Country"), lambda f: f[F_COUNTRY]),
            PagedColumn(translate("companies_model", "Phone"), self._phone, lambda f: f[F_PHONE]),
            PagedColumn(translate("companies_model", "E-mail"), lambda f: f[F_EMAIL]),
        )

    def _phone(self, f: list[str]) -> str:
        return phone(f[F_PHONE], self.region)

    def pack(self, c: Company) -> tuple[str, ...]:
        return (c.sort_key, str(c.pk), c.id, c.display_name, c.city or "", c.country or "",
                c.phone or c.phone2 or "", c.email or "", "1" if c.do_not_call else "")

    # Where the right-click menu finds the number and the address.
    F_PHONE, F_EMAIL = F_PHONE, F_EMAIL

    def is_flagged(self, row: int) -> bool:
        return self.fields(row)[F_DNC] == "1"
