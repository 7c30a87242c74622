"""Phone numbers: what people type becomes E.164 for storage, E.164 becomes readable text.

The API only ever accepts E.164 (``^\\+\\d{3,}$``, as the contract says); the
desktop accepts what an office worker types, in any format, and normalises it
with the default region (``089 4432 2883-100`` in DE is ``+498944322883100``).
"""

from __future__ import annotations

import re

import phonenumbers

from .errors import ValidationError

E164 = re.compile(r"^\+[0-9]{3,}\Z")
# Characters people put between digits; anything else makes it text, not a number.
_PHONE_PUNCTUATION = re.compile(r"[\s()./\-\u00a0]")
_PHONEISH = re.compile(r"^[+0-9][0-9\s()./\-\u00a0]*$")
MAX_E164_LENGTH = 32


def is_e164(value: str) -> bool:
    """True when ``value`` has the shape the API accepts (``+`` and at least three digits)."""
    return bool(E164.match(value)) and len(value) <= MAX_E164_LENGTH


def check_e164(value: str, field: str) -> str:
    """Return ``value`` when it is E.164, else raise ValidationError naming ``field``."""
    if not isinstance(value, str) or not is_e164(value):
        raise ValidationError(
            f"{field} must be an E.164 phone number like +498944322883100 "
            f"(a plus and digits, no spaces), got {str(value)[:40]!r}.",
            field=field,
        )
    return value


def normalize(raw: str, region: str = "DE", field: str = "phone") -> str:
    """Turn what a person typed into E.164, using ``region`` for national numbers.

    Raises ValidationError naming ``field`` when it cannot be a phone number.
    """
    text = (raw or "").strip()
    if not text:
        raise ValidationError(f"{field} is empty.", field=field)
    if text.startswith("00"):
        text = "+" + text[2:]
    compact = _PHONE_PUNCTUATION.sub("", text)
    if compact.startswith("+") and is_e164(compact):
        try:
            parsed = phonenumbers.parse(compact, None)
        except phonenumbers.NumberParseException:
            return compact
        if phonenumbers.is_possible_number(parsed):
            return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
        # Short or unusual numbers (switchboards, service numbers) stay as typed.
        return compact
    try:
        parsed = phonenumbers.parse(text, region or "DE")
    except phonenumbers.NumberParseException:
        parsed = None
    if (
        parsed is None
        or len(str(parsed.national_number)) < 4
        or not phonenumbers.is_possible_number(parsed)
    ):
        raise ValidationError(
            f"{field}: {raw.strip()[:40]!r} is not a phone number we can dial "
            f"(type it like 089 4432 2883-100 or +49 89 4432 2883-100).",
            field=field,
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def format_display(e164: str | None, region: str = "DE") -> str:
    """Format a stored E.164 number for people: national in ``region``, else international."""
    if not e164:
        return ""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if not phonenumbers.is_possible_number(parsed):
        return e164
    if phonenumbers.region_code_for_number(parsed) == (region or "").upper():
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def search_digits(e164: str | None) -> str:
    """The digit strings a person might type to find this number, space separated.

    Both the international digits (``4915112345678``) and the national form with
    its trunk prefix (``015112345678``) are indexed, so "0151 1234" and
    "+49 151" both find it.
    """
    if not e164:
        return ""
    digits = e164.lstrip("+")
    forms = [digits]
    try:
        parsed = phonenumbers.parse(e164, None)
        nsn = phonenumbers.national_significant_number(parsed)
        region = phonenumbers.region_code_for_number(parsed)
        meta = phonenumbers.PhoneMetadata.metadata_for_region(region) if region else None
        trunk = (meta.national_prefix or "") if meta else ""
        national = trunk + nsn
        if national and national != digits:
            forms.append(national)
    except phonenumbers.NumberParseException:
        pass
    return " ".join(forms)


def looks_like_phone(text: str) -> bool:
    """True when a search text is a (partial) phone number rather than a name."""
    text = text.strip()
    return bool(text) and bool(_PHONEISH.match(text)) and any(c.isdigit() for c in text)


def digits_of(text: str) -> str:
    """Only the ASCII digits of ``text`` (``+49 (0)151-23`` is ``49015123``)."""
    return "".join(c for c in text if "0" <= c <= "9")
