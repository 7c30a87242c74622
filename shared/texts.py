"""Sentences for people, in English, that a front end can say in another language.

shared/ knows no Qt and no translator, yet its messages (a field is invalid, a call
was not answered, a row of a CSV file is left out) are shown by the desktop, which
speaks German too. So a message is a ``Text``: a ``str`` holding the English sentence
(what the HTTP API and the command line show, unchanged), which also keeps its
template and values. The desktop looks the template up in its translation and fills
in the same values (crm_desktop.i18n.said).

Write ``Text("{field} is required.", field=name)`` with a literal template: the
translation tool (pyside6-lupdate, told that ``Text`` is Qt's QT_TR_NOOP) collects
the templates from the source, so a template built at run time would never be
translated. Values may be Texts themselves (translated too), numbers, or datetimes
(formatted by the template: ``{due:%d %b %Y}``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any


class Text(str):
    """An English sentence made from ``template`` and ``values`` (str.format)."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Text:
        self = super().__new__(cls, template.format(**values) if values else template)
        self.template = template
        self.values = values
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled (a worker process, a queue): keep the template, not only the str.
        return (_make, (self.template, self.values))


def _make(template: str, values: dict[str, Any]) -> Text:
    return Text(template, **values)


def join(parts: list[str], sep: str = "; ") -> Text:
    """``parts`` joined by ``sep`` (no braces in it) as one Text whose parts are
    translated each."""
    names = {f"p{i}": p for i, p in enumerate(parts)}
    return Text(sep.join("{" + n + "}" for n in names), **names)


_FIELD = re.compile(r"\{(\w+)\}")


@cache
def _pattern(template: str) -> re.Pattern[str]:
    parts = _FIELD.split(template)  # literal, name, literal, name, ...
    return re.compile("".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)"
                              for i, p in enumerate(parts)) + r"\Z", re.S)


def recognise(stored: str | None, templates: Iterable[Text]) -> str:
    """A sentence kept in the database in English (a do-not-call reason), as the Text
    it was made from when one of ``templates`` (plain ``{name}`` fields only) matches
    it whole, so it can be translated when shown; anything else (what a person typed)
    as stored."""
    if not stored:
        return ""
    for t in templates:
        m = _pattern(t.template).match(stored)
        if m:
            return Text(t.template, **m.groupdict())
    return stored
