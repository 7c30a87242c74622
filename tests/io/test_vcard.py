"""vCard 4.0 (RFC 6350): escaping, folding, the cards' properties."""

from __future__ import annotations

import pytest

from shared.model import Actor
from shared.vcard import company_card, escape, export_vcards, fold, person_card

ACTOR = Actor("cli")


@pytest.mark.parametrize("text, escaped", [
    ("a,b;c\\d", "a\\,b\\;c\\\\d"),
    ("line 1\r\nline 2\nline 3", "line 1\\nline 2\\nline 3"),
    (None, ""),
])
def test_escape(text, escaped):
    assert escape(text) == escaped


def test_fold_at_75_octets_between_characters():
    line = "NOTE:" + "ü" * 100 + "x" * 80
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(pieces)) == line


def test_short_line_is_not_folded():
    assert fold("FN:Anna") == "FN:Anna"


def test_person_card(store):
    c = store.create_company({"name": "CX Labs GmbH", "address": "Prinzregentenstr. 54",
                              "zipCode": "80538", "city": "München", "country": "DE"}, ACTOR)
    p = store.create_person({"salutation": "Frau", "firstName": "Anna", "lastName": "Müller",
                             "phone": "+498944322883100", "phone2": "+4915112345678",
                             "email": "anna@cxlabs.de", "annotation": "Notes; with, commas\nok"},
                            ACTOR, company_id=c.id)
    card = person_card(store.get_person(p.id), c)
    assert card.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert card.endswith("END:VCARD\r\n")
    lines = card.split("\r\n")
    assert f"UID:urn:uuid:{p.id.lower()}" in lines
    assert "FN:Anna Müller" in lines
    assert "N:Müller;Anna;;Frau;" in lines
    assert "ORG:CX Labs GmbH" in lines
    assert "TEL;VALUE=uri;TYPE=work,voice:tel:+498944322883100" in lines
    assert "TEL;VALUE=uri;TYPE=cell:tel:+4915112345678" in lines
    assert "EMAIL;TYPE=work:anna@cxlabs.de" in lines
    assert "ADR;TYPE=work:;;Prinzregentenstr. 54;München;;80538;Germany" in lines
    assert "NOTE:Notes\\; with\\, commas\\nok" in lines
    assert "\n" not in card.replace("\r\n", "")


def test_company_card_and_file(store, tmp_path):
    c = store.create_company({"name": "Acme", "phone": "+4930555012"}, ACTOR)
    store.create_person({"lastName": "Solo", "city": "Linz"}, ACTOR)
    card = company_card(c)
    assert "KIND:org\r\n" in card and "FN:Acme\r\n" in card
    assert export_vcards(store, tmp_path / "all.vcf") == 2
    text = (tmp_path / "all.vcf").read_bytes().decode("utf-8")
    assert text.count("BEGIN:VCARD") == 2
    assert "ADR;TYPE=work:;;;Linz;;;\r\n" in text  # a private person's city
