"""Phone numbers: what people type becomes E.164 for storage, E.164 becomes readable text.

The API only ever accepts E.164 (``^\\+\\d{3,}$``, as the contract says); the
desktop accepts what an office worker types, in any format, and normalises it
with the default region (``089 4432 2883-100`` in DE is ``+498944322883100``).
"""

from __future__ import annotations

import functools
import re
from typing import Any

import phonenumbers
from phonenumbers import phonenumberutil as _pnu

from .countries import CountryName, countries
from .errors import ValidationError
from .texts import Text

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
        raise ValidationError(Text(
            "{field} must be an E.164 phone number like +498944322883100 "
            "(a plus and digits, no spaces), got {value!r}.",
            field=field, value=str(value)[:40]), field=field)
    return value


def normalize(raw: str, region: str = "DE", field: str = "phone") -> str:
    """Turn what a person typed into E.164, using ``region`` for national numbers.

    Raises ValidationError naming ``field`` when it cannot be a phone number.
    """
    text = (raw or "").strip()
    if not text:
        raise ValidationError(Text("{field} is empty.", field=field), field=field)
    if text.startswith("00"):
        text = "+" + text[2:]
    compact = _PHONE_PUNCTUATION.sub("", text)
    if compact.startswith("+") and is_e164(compact):
        try:
            parsed = phonenumbers.parse(compact, None)
        except phonenumbers.NumberParseException:
            parsed = None
        # People type what they read somewhere; a number that cannot exist ("+999 12",
        # or "0040 1234": Romania's numbers are longer) is a typo, not a contact's number.
        problem = impossible_reason(parsed)
        if problem:
            raise ValidationError(Text("{field}: {value!r} is not a possible phone number:"
                                       " {problem}.", field=field, value=raw.strip()[:40],
                                       problem=problem), field=field)
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    try:
        parsed = phonenumbers.parse(text, region or "DE")
    except phonenumbers.NumberParseException:
        parsed = None
    if (
        parsed is None
        or len(str(parsed.national_number)) < 4
        or not phonenumbers.is_possible_number(parsed)
    ):
        raise ValidationError(Text(
            "{field}: {value!r} is not a phone number we can dial "
            "(type it like 089 4432 2883-100 or +49 89 4432 2883-100).",
            field=field, value=raw.strip()[:40]), field=field)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _reason(result: object, cc: str, country: str) -> Text:
    if result == _pnu.ValidationResult.INVALID_COUNTRY_CODE:
        return Text("{cc} is no known country calling code", cc=cc)
    if result == _pnu.ValidationResult.TOO_LONG:
        return Text("too long for a number in {country}", country=country)
    if result == _pnu.ValidationResult.INVALID_LENGTH:
        return Text("no number in {country} has this many digits", country=country)
    if result in (_pnu.ValidationResult.TOO_SHORT,
                  # Possible only when dialled locally: without its area code, too short.
                  _pnu.ValidationResult.IS_POSSIBLE_LOCAL_ONLY):
        return Text("too short for a number in {country}", country=country)
    return Text("it cannot be dialled")


def _country_of(parsed: phonenumbers.PhoneNumber) -> str:
    region = phonenumbers.region_code_for_country_code(parsed.country_code)
    if region in countries():
        return Text("{country} (+{code})", country=CountryName(region), code=parsed.country_code)
    return f"+{parsed.country_code}"


def impossible_reason(parsed: phonenumbers.PhoneNumber | None) -> str | None:
    """Why a parsed number cannot exist (None: it can), in words; ``None`` in is a number
    phonenumbers could not read at all (an unknown country code)."""
    if parsed is None:
        return Text("it starts with no known country calling code")
    result = phonenumbers.is_possible_number_with_reason(parsed)
    if result == _pnu.ValidationResult.IS_POSSIBLE:
        return None
    return _reason(result, f"+{parsed.country_code}", _country_of(parsed))


def unusual(e164: str | None, region: str = "") -> str | None:
    """A warning for a possible number that the numbering plan does not know (e.g. a
    mobile number one digit short), or None for an ordinary number. Such numbers are
    kept: switchboards and new ranges exist; the person is asked to check it. The number
    reads as in ``region``."""
    if not e164:
        return None
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed) or phonenumbers.is_valid_number(parsed):
        return None
    return Text("{number} is not a usual number in {country}: check the digits (it is saved"
                " as typed).", number=format_display(e164, region), country=_country_of(parsed))


def format_display(e164: str | None, region: str = "DE") -> str:
    """Format a stored E.164 number for people: national in ``region`` (with its trunk
    prefix: ``01512 345679``), else international."""
    if not e164:
        return ""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if not phonenumbers.is_possible_number(parsed):
        return e164
    home = (region or "").upper()
    valid = phonenumbers.is_valid_number(parsed)
    if valid and phonenumbers.region_code_for_number(parsed) == home:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    if not valid and home and (
            home in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(parsed.country_code, ())):
        # NATIONAL format leaves out the trunk 0 of a number no pattern of the plan
        # matches ("1512345679"); typing the national digits formats them as people do.
        national = _national_form(e164)
        if national:
            formatter = phonenumbers.AsYouTypeFormatter(home)
            out = ""
            for digit in national:
                out = formatter.input_digit(digit)
            return out
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
    national = _national_form(e164)
    return digits if not national or national == digits else f"{digits} {national}"


# What phonenumbers.parse does with "+<digits>", less the parts that cannot apply to
# plain ASCII digits (normalising other scripts, extensions, IDD prefixes): a tenth
# of the time, the same result (tests/unit/test_phones.py compares them).
_PLUS_DIGITS = re.compile(r"\+([1-9][0-9]{2,})\Z")
_SHORT_RESULTS = (_pnu.ValidationResult.TOO_SHORT, _pnu.ValidationResult.IS_POSSIBLE_LOCAL_ONLY,
                  _pnu.ValidationResult.INVALID_LENGTH)


@functools.cache
def _country_metadata(country_code: int) -> tuple[Any, str]:
    """The metadata parse() uses for a country calling code, and its trunk prefix."""
    region = phonenumbers.region_code_for_country_code(country_code)
    meta = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(country_code, region)
    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(country_code, ())
    # One region: region_code_for_number needs no look at the number.
    trunk = None
    if len(regions) == 1:
        one = phonenumbers.PhoneMetadata.metadata_for_region(regions[0])
        trunk = (one.national_prefix or "") if one else ""
    return meta, trunk


def _national_form(e164: str) -> str | None:
    """The national form (trunk prefix + national significant number), or None."""
    m = _PLUS_DIGITS.match(e164) if len(e164) <= 250 else None
    if m is None:
        return _national_form_by_parse(e164)
    full = m[1]
    for n in (1, 2, 3):
        if int(full[:n]) in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            country_code, nat = int(full[:n]), full[n:]
            break
    else:
        return None  # parse: "Country calling code supplied was not recognised"
    meta, trunk = _country_metadata(country_code)
    if meta is None or trunk is None or len(nat) < 2:
        return _national_form_by_parse(e164)
    _, stripped, _ = _pnu._maybe_strip_national_prefix_carrier_code(nat, meta)
    if _pnu._test_number_length(stripped, meta) not in _SHORT_RESULTS:
        nat = stripped
    if not 2 <= len(nat) <= 17:
        return None  # parse: too short or too long to be a phone number
    number = phonenumbers.PhoneNumber(country_code=country_code, national_number=int(nat))
    _pnu._set_italian_leading_zeros_for_phone_number(nat, number)
    return trunk + phonenumbers.national_significant_number(number)


def _national_form_by_parse(e164: str) -> str | None:
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return None
    nsn = phonenumbers.national_significant_number(parsed)
    region = phonenumbers.region_code_for_number(parsed)
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region) if region else None
    trunk = (meta.national_prefix or "") if meta else ""
    return trunk + nsn


def looks_like_phone(text: str) -> bool:
    """True when a search text is a (partial) phone number rather than a name."""
    text = text.strip()
    return bool(text) and bool(_PHONEISH.match(text)) and any(c.isdigit() for c in text)


def digits_of(text: str) -> str:
    """Only the ASCII digits of ``text`` (``+49 (0)151-23`` is ``49015123``)."""
    return "".join(c for c in text if "0" <= c <= "9")
