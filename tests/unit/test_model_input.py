"""Field rules at the edges, as both front ends use them (API: e164, desktop: typed)."""

from __future__ import annotations

import pytest

from shared.errors import ValidationError
from shared.model import clean_company, clean_person, is_blank, person_display_name


@pytest.mark.parametrize("value, blank", [
    ("", True), ("  ", True), ("\u200b", True), ("\ufeff\u200d", True), ("\u3164", True),
    ("\u2060 \u00ad", True), (None, True), ("A", False), ("\u200bA", False), ("\u00e9", False),
])
def test_is_blank(value, blank):
    assert is_blank(value) is blank


@pytest.mark.parametrize("mode, message", [
    ("typed", "name is required."),
    ("e164", "name must not be blank."),
])
def test_an_invisible_company_name_is_blank_in_both_front_ends(mode, message):
    with pytest.raises(ValidationError, match=message):
        clean_company({"name": "\u200b\ufeff"}, mode=mode)


def test_an_invisible_display_name_falls_back_to_first_and_last():
    assert person_display_name("\u200b", "Rob", "Klein") == "Rob Klein"
    with pytest.raises(ValidationError, match="A person needs a firstName"):
        clean_person({"firstName": "\ufeff", "lastName": " \u200b"}, mode="typed")


@pytest.mark.parametrize("field, value, message", [
    ("name", "A\u0085B", "name contains control characters"),
    ("name", "A\u202eB", "name contains a bidirectional override"),
    ("email", "a@b..de", "email must be an e-mail address"),
    ("email", "mailto:a@b.de", "email must be an e-mail address"),
])
def test_desktop_input_is_checked_like_the_api(field, value, message):
    with pytest.raises(ValidationError, match=message):
        clean_company({"name": "X GmbH", field: value} if field != "name" else {field: value},
                      mode="typed")


def test_annotations_keep_bidi_marks_and_line_breaks():
    # Right-to-left notes are real text; only names refuse direction overrides.
    cols = clean_company({"name": "X", "annotation": "\u202bשלום\u202c\nline two"})
    assert cols["annotation"] == "\u202bשלום\u202c\nline two"


def test_typed_text_is_nfc_before_the_length_limit():
    assert clean_company({"name": "e\u0301" * 200}, mode="typed")["name"] == "\u00e9" * 200
