"""What makes two contacts look like the same one: the same phone number, the same
e-mail address (case does not count), or a similar name.

"Similar" has two strengths. The *name key* (``CX Labs GmbH`` and ``cx-labs``
are both ``cxlabs``) is stored in an indexed column, so the duplicates view
and the importer find equal keys without reading every record. The importer
also compares a new name with the few records the full-text index offers for
it, and calls them similar from a ``difflib`` ratio of 0.9 up.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Literal

from .migrations import NAME_KEY_DROP_WORDS, NAME_KEY_FOLD, NAME_KEY_PUNCTUATION
from .model import Company, Person
from .texts import Text, join

SIMILARITY = 0.9
SAME_PHONE = Text("same phone")
SAME_EMAIL = Text("same e-mail")
SIMILAR_NAME = Text("similar name")
REASON_ORDER = (SAME_PHONE, SAME_EMAIL, SIMILAR_NAME)

Kind = Literal["company", "person"]

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def name_key(name: str | None) -> str:
    """The key similar names share: ``Bäckerei Müller GmbH & Co. KG`` is
    ``baeckereimueller``. The same rules as the stored ``name_key`` column."""
    s = (name or "").translate(_ASCII_LOWER)
    for a, b in NAME_KEY_FOLD:
        s = s.replace(a, b)
    s = s.replace(".", "")
    for ch in NAME_KEY_PUNCTUATION:
        s = s.replace(ch, " ")
    s = " " + s.replace(" ", "  ") + " "
    for word in NAME_KEY_DROP_WORDS:
        s = s.replace(f" {word} ", " ")
    return s.replace(" ", "")


def similarity(a: str | None, b: str | None) -> float:
    """How alike two names are, from 0 to 1, compared by their keys."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    return difflib.SequenceMatcher(None, ka, kb).ratio()


def is_similar(a: str | None, b: str | None) -> bool:
    """True when two names are the same or nearly (a typo, a legal form, an umlaut)."""
    return similarity(a, b) >= SIMILARITY


def sort_reasons(reasons: set[str] | list[str]) -> list[str]:
    """Reasons in a fixed order: phone, e-mail, name."""
    return [r for r in REASON_ORDER if r in reasons]


@dataclass
class DuplicatePair:
    """Two records of the same kind that may be one contact, and why."""

    kind: Kind
    left: Company | Person
    right: Company | Person
    reasons: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str]:
        """Identifies the pair whatever the order of its records."""
        a, b = sorted((self.left.id, self.right.id))
        return (self.kind, a, b)

    @property
    def reason_text(self) -> str:
        """``same phone, similar name``."""
        return join(self.reasons, ", ")
