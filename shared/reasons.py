"""The reasons Callsheet itself writes when it sets or lifts do-not-call or erases a
person. They are stored in English (the API and the privacy log show them as they
are); ``readable`` gives them back as Texts so the desktop can show them translated."""

from __future__ import annotations

from .texts import Text, recognise

SET_BY_CALL = Text("set by call")
CALL_REPLACED = Text("the call that set it was replaced")
BLOCKED = Text("erased, objection on file")
MERGED_WITH = Text("merged with {label}")
IMPORTED_COPY = Text("imported as a copy of {label}, who is do-not-call")
RETENTION = Text("retention: no call, task or edit for {years} years")
ALL = (SET_BY_CALL, CALL_REPLACED, BLOCKED, MERGED_WITH, IMPORTED_COPY, RETENTION)


def merged_with(label: str) -> str:
    """Why the contact kept after a merge is do-not-call."""
    return str(Text(MERGED_WITH.template, label=label))


def imported_copy(label: str) -> str:
    """Why an imported copy of a do-not-call contact is do-not-call too."""
    return str(Text(IMPORTED_COPY.template, label=label))


def retention(years: int) -> str:
    """Why the retention rules erased a person."""
    return str(Text(RETENTION.template, years=years))


def readable(stored: str | None) -> str:
    """A stored reason: one of ours as a Text (translatable), one typed as it is."""
    return recognise(stored, ALL)
