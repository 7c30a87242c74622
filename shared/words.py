"""Counts in words: "1 company", "2 companies" (never "1 companies")."""

from __future__ import annotations


def plural(n: int, one: str, many: str | None = None) -> str:
    """``n`` with the noun in the right number: ``plural(1, "person")`` is ``1 person``,
    ``plural(1200, "company", "companies")`` is ``1,200 companies``."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def verb(n: int, one: str, many: str) -> str:
    """The verb form for ``n`` things: ``verb(1, "looks", "look")`` is ``looks``."""
    return one if n == 1 else many
