"""``Store``: the one-object face of the storage layer, for code written before the split.

The real code lives in ``shared.storage``: one repository per area behind a unit
of work (``Store`` is a ``UnitOfWork``). ``store.get_company(...)`` is
``store.contacts.get_company(...)``: every public method of a repository is
reachable on the store by its name, so callers need not know which area owns it.
"""

from __future__ import annotations

from typing import Any

from .storage.campaigns import HANDOUT
from .storage.dialect_sqlite import nocase_prefix_range as _nocase_prefix_range
from .storage.lookup import (
    LOOKUP_SQL,
    MIN_PREFIX_DIGITS,
    prefix_lookup_sql,
    switchboard_prefixes,
)
from .storage.rows import (
    AuditEntry,
    CallRow,
    DncEvent,
    PhoneMatch,
    SearchHit,
)
from .storage.rows import (
    company_search_text as _company_search_text,
)
from .storage.rows import (
    person_search_text as _person_search_text,
)
from .storage.unit_of_work import REPOSITORIES, UnitOfWork

__all__ = [
    "HANDOUT", "LOOKUP_SQL", "MIN_PREFIX_DIGITS", "AuditEntry", "CallRow", "DncEvent",
    "PhoneMatch", "SearchHit", "Store", "_company_search_text", "_nocase_prefix_range",
    "_person_search_text", "prefix_lookup_sql", "switchboard_prefixes",
]


def _owners() -> dict[str, str]:
    """Public method name -> the repository attribute that has it (names are unique)."""
    owners: dict[str, str] = {}
    for area, cls in REPOSITORIES.items():
        for name in dir(cls):
            if name.startswith("_") or name in ("conn", "d", "write", "uow"):
                continue
            assert name not in owners, f"{name} is in {owners.get(name)} and {area}"
            owners[name] = area
    return owners


class Store(UnitOfWork):
    """Everything Callsheet reads and writes, over one database connection."""

    _OWNERS = _owners()

    def __getattr__(self, name: str) -> Any:
        # Only called for names the unit of work itself does not have.
        area = Store._OWNERS.get(name)
        if area is None:
            raise AttributeError(f"Store has no attribute {name!r}")
        method = getattr(getattr(self, area), name)
        # Cached on the instance: the lookup hot path pays for the search once.
        self.__dict__[name] = method
        return method
