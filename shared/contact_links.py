"""Contact data as links and in the forms people copy: ``tel:`` and ``mailto:`` URLs,
a number in E.164 or in its national form."""

from __future__ import annotations

from urllib.parse import quote

import phonenumbers


def tel_url(e164: str) -> str:
    """``tel:+4930901820`` (RFC 3966: the global number, no spaces)."""
    return "tel:" + "".join(c for c in e164 if c == "+" or c.isdigit())


def mailto_url(email: str) -> str:
    """``mailto:`` for an address (characters URLs cannot carry are percent-encoded)."""
    return "mailto:" + quote(email.strip(), safe="@.+-_~!$'*=")


def national(e164: str) -> str:
    """The number as dialled inside its country (``030 901820``); the E.164 text when
    phonenumbers cannot read it."""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


def international(e164: str) -> str:
    """The number for people abroad (``+49 30 901820``)."""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
