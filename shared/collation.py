"""Sorting names as people expect: ä with a, ß as ss, case ignored (DIN 5007-1 style).

SQLite's NOCASE folds ASCII only, so "Bäckerei" sorted after "Brooklyn" and Ö/Ü
names came last. The store keeps ``sort_key(name)`` in an indexed column, so a
list of a million rows still opens at once in this order and pages by keyset.
"""

from __future__ import annotations

import unicodedata

# Letters that are not "a letter plus accent" in Unicode, so NFKD leaves them whole.
_EXTRA = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
                        "þ": "th", "ı": "i"})
# Between the folded name and the tie-breaker: below every character a name can hold
# (control characters are refused), so "Muller" < "Müller" < "Mullerei".
_TIE = "\x01"


def sort_key(text: str | None) -> str:
    """The key a name sorts by: case and accents folded (``Bäcker`` → ``backer``,
    ``Straße`` → ``strasse``), then the folded original to order otherwise equal
    names the same way every time."""
    folded = (text or "").casefold()  # casefold, not lower: ß becomes ss
    base = "".join(c for c in unicodedata.normalize("NFKD", folded)
                   if not unicodedata.combining(c)).translate(_EXTRA)
    # The tie-breaker keeps ß and accents (lower(), not casefold()): Strasse < Straße.
    return f"{base}{_TIE}{(text or '').lower()}"


def last_name_key(last_name: str | None, first_name: str | None, name: str) -> str:
    """The key a person sorts by "by last name": last name, then first name; a person
    without a last name sorts by the name shown."""
    if last_name and last_name.strip():
        return sort_key(f"{last_name.strip()} {(first_name or '').strip()}".strip())
    return sort_key(name)
