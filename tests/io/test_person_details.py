"""Issue 13 item 2: a person's job title, department and postal address: stored apart
from the contract's fields, imported from CSV (Position, Abteilung, Straße, PLZ, Ort,
Land), exported, and never in the API's JSON."""

from __future__ import annotations

import csv

import pytest

from shared.csv_import import Importer, guess_mapping, read_csv
from shared.errors import ValidationError
from shared.export import export
from shared.model import Actor
from shared.person_details import PersonDetails
from tests.conftest import db_content

from .helpers import write_csv

ACTOR = Actor("cli")
OFFICE = """Firma;Vorname;Nachname;Position;Abteilung;Straße;PLZ;Ort;Land
CX Labs GmbH;Robert;Klein;Head of Purchasing;Einkauf;Prinzregentenstr. 54;80538;München;\
Deutschland
;Gerda;Lehmann;Rentnerin;;Elbchaussee 7;22763;Hamburg;DE
"""


def test_german_headers_map_to_the_new_fields():
    assert guess_mapping(["Position", "Abteilung", "Straße", "PLZ", "Ort", "Land"]) == [
        "person.jobTitle", "person.department", "company.address", "company.zipCode",
        "company.city", "company.country"]


def test_import_puts_the_fields_on_the_person_and_the_address_where_it_belongs(
        store, tmp_path):
    path = write_csv(tmp_path / "kontakte.csv", OFFICE, "cp1252")
    importer = Importer(store, region="DE", actor=ACTOR)
    report = importer.run(importer.analyse(read_csv(path)))
    assert report.persons_created == 2 and not report.failed
    details = PersonDetails(store)
    robert = next(p for p in details.attach(store.list_persons()) if p.last_name == "Klein")
    gerda = next(p for p in details.attach(store.list_persons()) if p.last_name == "Lehmann")
    assert (robert.job_title, robert.department) == ("Head of Purchasing", "Einkauf")
    # A person of a company: the address is the company's.
    company = store.get_company(robert.company_id)
    assert (company.address, company.zip_code, company.city, company.country) == (
        "Prinzregentenstr. 54", "80538", "München", "DE")
    assert robert.address is None
    # A private person: the address is theirs.
    assert (gerda.job_title, gerda.address, gerda.zip_code, gerda.city, gerda.country) == (
        "Rentnerin", "Elbchaussee 7", "22763", "Hamburg", "DE")


def test_export_has_the_fields_and_imports_again(store, tmp_path):
    p = store.create_person({"firstName": "Eva", "lastName": "Berg"}, ACTOR)
    PersonDetails(store).update(p.id, {"jobTitle": "CFO", "department": "Finance",
                                       "address": "Ring 1", "zipCode": "50667",
                                       "country": "de"}, ACTOR)
    out = tmp_path / "persons.csv"
    export(store, "persons", out)
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    row = rows[0]
    assert (row["Job title"], row["Department"], row["Person street"], row["Person zip code"],
            row["Person country"]) == ("CFO", "Finance", "Ring 1", "50667", "DE")
    assert guess_mapping(list(rows[0]))[list(rows[0]).index("Person street")] == (
        "person.address")


def test_bad_country_changes_nothing(store, db_path):
    p = store.create_person({"lastName": "Berg"}, ACTOR)
    before = db_content(db_path)
    with pytest.raises(ValidationError):
        PersonDetails(store).update(p.id, {"country": "Narnia"}, ACTOR)
    assert db_content(db_path) == before


def test_a_change_is_audited_on_the_person(store):
    p = store.create_person({"lastName": "Berg"}, ACTOR)
    PersonDetails(store).update(p.id, {"jobTitle": "CFO"}, ACTOR)
    entry = store.audit_trail("person", p.id)[0]
    assert entry.action == "update" and entry.changes == {"job_title": [None, "CFO"]}
