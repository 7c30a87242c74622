"""Counts in words: "1 company", "2 companies" (never "1 companies")."""

from __future__ import annotations

from .texts import Text

# Every noun counted in a message, both forms, so the translation tool collects them:
# plural() makes its Text from the same templates at run time. (German, like English,
# says the singular for 1 only, so the two forms are enough for it.)
COUNTED = (
    Text("{n:,} row"), Text("{n:,} rows"), Text("{n:,} field"), Text("{n:,} fields"),
    Text("{n:,} company"), Text("{n:,} companies"), Text("{n:,} person"),
    Text("{n:,} persons"), Text("{n:,} copy"), Text("{n:,} copies"), Text("{n:,} task"),
    Text("{n:,} tasks"), Text("{n:,} campaign place"), Text("{n:,} campaign places"),
    Text("{n:,} task or campaign place"), Text("{n:,} tasks or campaign places"),
    Text("{n:,} deleted record"), Text("{n:,} deleted records"), Text("{n:,} call"),
    Text("{n:,} calls"),
)


def plural(n: int, one: str, many: str | None = None) -> str:
    """``n`` with the noun in the right number: ``plural(1, "person")`` is ``1 person``,
    ``plural(1200, "company", "companies")`` is ``1,200 companies`` (a Text; the nouns
    are listed in COUNTED)."""
    template = "{n:,} " + (one if n == 1 else (many or one + "s"))
    return Text(template, n=n)


def verb(n: int, one: str, many: str) -> str:
    """The verb form for ``n`` things: ``verb(1, "looks", "look")`` is ``looks``."""
    return one if n == 1 else many
