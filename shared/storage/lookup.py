"""Who is calling (E.164 lookup with the switchboard prefix rule) and search as you type."""

from __future__ import annotations

from typing import Any

from .. import phones
from ..collation import sort_key
from .base import Repository
from .rows import COMPANY_CONTACT_SELECT, CONTACT_SELECT, PhoneMatch, SearchHit, row_view

MIN_PREFIX_DIGITS = 6

_SEARCH_SELECT = {
    "person": "SELECT p.id, p.name AS title, p.phone, p.phone2, p.do_not_call,"
              " c.display_name AS company_display_name"
              " FROM persons p LEFT JOIN companies c ON c.id = p.company_id",
    "company": "SELECT c.id, c.display_name AS title, c.phone, c.phone2, c.do_not_call,"
               " c.city, c.email FROM companies c",
}

# The caller lookup's SQL (lookup_phone), also run by bench/reference.py, the bare
# server the bench compares the API with: the same queries on both sides.
LOOKUP_SQL = f"""
    SELECT {CONTACT_SELECT}, CASE WHEN p.phone = :n THEN 'phone' ELSE 'phone2' END
       AS reason, 0 AS rank
    FROM persons p LEFT JOIN companies c ON c.id = p.company_id
    WHERE p.phone = :n OR p.phone2 = :n
    UNION ALL
    SELECT {COMPANY_CONTACT_SELECT},
       CASE WHEN c.phone = :n THEN 'phone' ELSE 'phone2' END, 1 AS rank
    FROM companies c
    WHERE c.phone = :n OR c.phone2 = :n
    ORDER BY rank, person_name, company_name"""


def switchboard_prefixes(number: str) -> list[str]:
    """The stored numbers a switchboard would need to take a call from ``number`` (an
    extension behind it): ``number`` shortened by one digit or more, down to six digits."""
    digits = number.lstrip("+")
    return ["+" + digits[:n] for n in range(len(digits) - 1, MIN_PREFIX_DIGITS - 1, -1)]


# The companies the switchboard rule looks among, before the dialect's WHERE on numbers.
PREFIX_SELECT = (f"SELECT {COMPANY_CONTACT_SELECT}, c.phone AS phone, c.phone2 AS phone2"
                 " FROM companies c")


def prefix_lookup_sql(count: int) -> str:
    """The companies with any of ``count`` numbers as phone or phone2; parameters: the
    numbers twice (``switchboard_prefixes(n) * 2``)."""
    marks = ", ".join("?" * count)
    return f"{PREFIX_SELECT} WHERE c.phone IN ({marks}) OR c.phone2 IN ({marks})"


def _matches(number: str, rows: list[Any], candidates_rows: list[Any]) -> list[PhoneMatch]:
    """A lookup's answer from its rows: the exact matches, else the company whose number
    is the longest of its switchboard prefixes (then by name)."""
    if rows:
        return [PhoneMatch(row_view(r), r["reason"], number) for r in rows]
    if not candidates_rows:
        return []
    wanted = set(switchboard_prefixes(number))
    candidates = [(n, r) for r in candidates_rows for n in (r["phone"], r["phone2"])
                  if n in wanted]
    if not candidates:
        return []
    number_, row = min(candidates, key=lambda c: (-len(c[0]), c[1]["company_name"]))
    return [PhoneMatch(row_view(row), "prefix", number_)]


class LookupRepository(Repository):
    """Read-only: the phone lookup Apollo asks on every ring, and the desktop's search."""

    def lookup_phone(self, number: str) -> list[PhoneMatch]:
        """Every contact with this E.164 number as phone or phone2.

        Persons come before companies, then by display name. When nothing
        matches exactly, the company whose number is the longest prefix of
        ``number`` (at least six digits: a switchboard, the caller dialling
        from an extension) matches as a company contact.
        """
        # The exact matches, else the companies with a prefix of the number: the
        # dialect's (one statement, one round trip, on PostgreSQL).
        rows, candidates = self.d.exact_or_prefix(LOOKUP_SQL, number, PREFIX_SELECT,
                                                  switchboard_prefixes)
        return _matches(number, rows, candidates)

    def lookup_phones(self, numbers: list[str]) -> list[list[PhoneMatch]]:
        """``lookup_phone`` for each of ``numbers``, in one round trip on PostgreSQL."""
        # The exact matches, else the companies with a prefix of the number: the
        # dialect's (one statement for all the numbers on PostgreSQL).
        found = self.d.exact_or_prefix_many(LOOKUP_SQL, PREFIX_SELECT, numbers,
                                            switchboard_prefixes)
        return [_matches(number, rows, candidates)
                for number, (rows, candidates) in zip(numbers, found, strict=True)]

    def nearest_numbers(self, number: str, limit: int = 5) -> list[PhoneMatch]:
        """Stored numbers that share the longest leading digits with ``number``.

        For the lookup tester: when nothing matches, these show what almost did.
        """
        out: list[PhoneMatch] = []
        seen: set[tuple[str | None, str | None]] = set()
        for cut in range(len(number), 3, -1):
            prefix = number[:cut]
            hi = prefix + "\uffff"
            rows = self._all(
                f"""SELECT {CONTACT_SELECT}, p.phone AS num FROM persons p
                      LEFT JOIN companies c ON c.id = p.company_id
                      WHERE p.phone >= :lo AND p.phone < :hi
                    UNION ALL
                    SELECT {COMPANY_CONTACT_SELECT}, c.phone FROM companies c
                      WHERE c.phone >= :lo AND c.phone < :hi
                    LIMIT :limit""",
                {"lo": prefix, "hi": hi, "limit": limit},
            )
            for r in rows:
                key = (r["company_id"], r["person_id"])
                if key not in seen:
                    seen.add(key)
                    out.append(PhoneMatch(row_view(r), "near", r["num"]))
            if len(out) >= limit:
                break
        return out[:limit]

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Search-as-you-type over names, e-mail and phone numbers (typed in any format).

        Built to answer each keystroke at once over a million contacts: names
        that start with the text first (an index range, in name order), then
        records holding it anywhere (the trigram index, three characters or
        more, taking the first matches it finds rather than sorting them all),
        each by title. One or two characters find names that start with them.
        """
        text = (text or "").strip()
        if not text:
            return []
        phone = phones.looks_like_phone(text)
        rows: list[tuple[int, str, str, Any]] = []  # (rank, kind, title, row)
        seen: set[tuple[str, str]] = set()

        def add(rank: int, kind: str, found: list[Any]) -> None:
            for r in found:
                if (kind, r["id"]) not in seen:
                    seen.add((kind, r["id"]))
                    rows.append((rank, kind, r["title"], r))

        d = self.d
        if not phone:
            for kind, col in (("person", "p.name"), ("company", "c.display_name")):
                cond, params = d.starts_with(col, text)
                add(0, kind, self._all(
                    _SEARCH_SELECT[kind] + f" WHERE {cond}"
                    f" ORDER BY {d.ci(col)}, {col[0]}.pk LIMIT ?", [*params, limit]))
        needle = (phones.digits_of(text) or text) if phone else text.lower()
        if len(needle) >= 3 and sum(1 for r in rows if r[0] == 0) < limit:
            for kind, table, alias in (("person", "persons", "p"), ("company", "companies", "c")):
                cond, params = d.contains(table, f"{alias}.pk", needle, limit)
                add(1, kind, self._all(_SEARCH_SELECT[kind] + f" WHERE {cond}", params))
        # As before: titles that start with the text first (however they were found).
        start = text.lower()
        rows.sort(key=lambda r: (not r[2].lower().startswith(start), sort_key(r[2])))
        hits = []
        for _, kind, title, r in rows[:limit]:
            if kind == "person":
                subtitle = r["company_display_name"] or "private"
            else:
                subtitle = ", ".join(x for x in (r["city"], r["email"]) if x)
            hits.append(SearchHit(kind, r["id"], title, subtitle, r["phone"] or r["phone2"],
                                  bool(r["do_not_call"])))
        return hits
