"""Phone numbers as people type them, as the API takes them, as the office reads them."""

from __future__ import annotations

import pytest

from shared.errors import ValidationError
from shared.phones import check_e164, format_display, looks_like_phone, normalize, search_digits


@pytest.mark.parametrize("typed, region, e164", [
    ("089 4432 2883-100", "DE", "+498944322883100"),
    ("+49 89 4432 2883-100", "AT", "+498944322883100"),
    ("0049 (89) 4432 2883-100", "DE", "+498944322883100"),
    ("01 5236610", "AT", "+4315236610"),
    ("(415) 555-0190", "US", "+14155550190"),
    ("+4350456", "DE", "+4350456"),
])
def test_normalize(typed, region, e164):
    assert normalize(typed, region) == e164


@pytest.mark.parametrize("typed", ["abc", "12", "", "   ", "+49 abc"])
def test_normalize_rejects(typed):
    with pytest.raises(ValidationError):
        normalize(typed, "DE", field="phone")


@pytest.mark.parametrize("value, ok", [
    ("+4350456", True), ("+123", True), ("+12", False), ("4350456", False),
    ("+43 50456", False), ("+4350456\n", False), ("+٤٣٥٠٤٥٦", False), ("+" + "1" * 40, False),
])
def test_check_e164(value, ok):
    if ok:
        assert check_e164(value, "phone") == value
    else:
        with pytest.raises(ValidationError, match="E.164"):
            check_e164(value, "phone")


def test_format_display_national_at_home_international_abroad():
    assert format_display("+4915123456789", "DE") == "01512 3456789"
    assert format_display("+4915123456789", "AT") == "+49 1512 3456789"
    assert format_display(None) == ""


def test_search_digits_has_international_and_national_forms():
    assert search_digits("+4915123456789").split() == ["4915123456789", "015123456789"]


def test_looks_like_phone():
    assert looks_like_phone("0151 2345") and looks_like_phone("+49 151")
    assert not looks_like_phone("Klein") and not looks_like_phone("+")


def _search_digits_by_parse(e164):
    """search_digits as it was: a full phonenumbers.parse of every number (the reference)."""
    import phonenumbers

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


def test_search_digits_fast_path_gives_what_parse_gave():
    import random

    import phonenumbers

    from shared.phones import search_digits

    rng = random.Random(11)
    codes = sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE) + [0, 28, 42, 999, 80]
    numbers = ["", "+", "+1", "+12", "+123", "+0049891234", "+49", "+4930", "+490301234567",
               "+3906123456", "+39000123", "+4915112345678", "+44 20 1234", "0049891234",
               "+" + "9" * 40, "+4" + "0" * 300, "+٤٩٨٩١٢٣٤٥٦٧"]
    for _ in range(30_000):
        cc = rng.choice(codes)
        rest = "".join(rng.choice("0123456789") for _ in range(rng.randint(0, 16)))
        if rng.random() < 0.3:
            rest = rng.choice("0089") + rest
        numbers.append(f"+{cc}{rest}")
    for n in numbers:
        assert search_digits(n) == _search_digits_by_parse(n), n


# -- possible numbers only; unusual ones warned; the trunk prefix kept ------------------

from shared.phones import unusual  # noqa: E402


@pytest.mark.parametrize("typed, message", [
    ("+999 12", "'+999 12' is not a possible phone number: it starts with no known"
                " country calling code"),
    ("0040 1234", "'0040 1234' is not a possible phone number: too short for a number in"
                  " Romania (+40)"),
    ("+49 89 1", "too short for a number in Germany (+49)"),
    ("+49 1512 3456 7890 1234", "too long for a number in Germany (+49)"),
])
def test_typed_numbers_must_be_possible(typed, message):
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")
                       .replace("+", r"\+")):
        normalize(typed, "DE", field="phone")


def test_the_api_still_takes_every_number_the_contract_allows():
    # SPEC: a phone field must match ^\+\d{3,}$; the API does not judge beyond that.
    assert check_e164("+99912", "phone") == "+99912"
    assert check_e164("+401234", "phone") == "+401234"


def test_unusual_numbers_are_kept_with_a_warning():
    assert normalize("01512 345679", "DE") == "+491512345679"
    assert "not a usual number in Germany" in unusual("+491512345679")
    assert unusual("+4915123456789") is None and unusual(None) is None


@pytest.mark.parametrize("e164, shown", [
    ("+491512345679", "01512 345679"),   # no pattern of the plan: the trunk 0 stays
    ("+491234", "01234"),
    ("+4915123456789", "01512 3456789"),
    ("+4989443228150", "089 443228150"),
])
def test_national_display_keeps_the_trunk_prefix(e164, shown):
    assert format_display(e164, "DE") == shown


def test_abroad_it_stays_international():
    assert format_display("+491512345679", "AT") == "+49 1512345679"
