"""ISO 3166-1 alpha-2 country codes, the only values ``country`` may take, and their
names in English and in the languages pycountry ships translations for (its
``iso3166-1`` gettext catalogues, kept by the Debian iso-codes project)."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from .collation import sort_key
from .errors import ValidationError
from .texts import Text


@cache
def countries(language: str = "en") -> dict[str, str]:
    """Every assigned alpha-2 code mapped to its short name in ``language`` ("en",
    "de" …; English where pycountry has no translation), sorted by name as people
    sort (Österreich beside Oman, not after Zypern)."""
    try:
        catalogue: gettext.NullTranslations = gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        catalogue = gettext.NullTranslations()
    if language == "en":
        catalogue = gettext.NullTranslations()
    # The common name ("South Korea", German "Südkorea") over the official one.
    pairs = [(c.alpha_2, catalogue.gettext(getattr(c, "common_name", c.name)))
             for c in pycountry.countries]
    return dict(sorted(pairs, key=lambda p: sort_key(p[1])))


class CountryName(str):
    """A country's English name in a sentence, with its code, so a front end can put
    the name in its own language."""

    code: str

    def __new__(cls, code: str) -> CountryName:
        self = super().__new__(cls, countries().get(code, code))
        self.code = code
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return (CountryName, (self.code,))


def check_country(value: str, field: str = "country") -> str:
    """Return ``value`` when it is an assigned ISO 3166-1 alpha-2 code, else raise."""
    if not isinstance(value, str) or value not in countries():
        raise ValidationError(Text(
            "{field} must be an ISO 3166-1 alpha-2 country code like DE or AT, got {value!r}.",
            field=field, value=str(value)[:20]), field=field)
    return value
