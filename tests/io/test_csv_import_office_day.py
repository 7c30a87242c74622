"""What a new user tripped over in the CSV import: a private person's postcode, the
country of imported companies, impossible numbers, a bad e-mail address, copies of
do-not-call contacts and counts in words."""

from __future__ import annotations

from shared.csv_import import Importer, read_csv
from shared.model import Actor, ContactRef
from shared.person_details import PersonDetails
from shared.words import plural, verb

from .helpers import write_csv

ACTOR = Actor("cli")


def _import(store, tmp_path, text, region="DE", decisions=None, default="skip"):
    importer = Importer(store, region=region, actor=ACTOR)
    plan = importer.analyse(read_csv(write_csv(tmp_path / "x.csv", text)))
    return plan, importer.run(plan, decisions, default=default)


def test_a_private_persons_postcode_and_street_are_kept(store, tmp_path):
    _, report = _import(store, tmp_path, "Vorname;Nachname;Straße;PLZ;Ort\n"
                                         "Gerda;Lehmann;Mönckebergstr. 7;20095;Hamburg\n")
    assert report.persons_created == 1
    [gerda] = PersonDetails(store).attach(store.list_persons())
    assert gerda.company_id is None
    # A person has street and postcode fields of their own now (issue 13.2).
    assert (gerda.address, gerda.zip_code, gerda.city) == ("Mönckebergstr. 7", "20095",
                                                           "Hamburg")
    assert gerda.annotation is None


def test_a_persons_postcode_stays_with_their_company(store, tmp_path):
    _import(store, tmp_path, "Firma;Vorname;Nachname;PLZ;Ort\nAcme;Rob;Klein;80331;München\n")
    [acme] = store.list_companies()
    assert (acme.zip_code, acme.city) == ("80331", "München")
    [rob] = store.list_persons()
    assert rob.city is None and rob.annotation is None


def test_imported_companies_get_the_default_region_unless_the_file_says(store, tmp_path):
    _import(store, tmp_path, "Firma;Land\nWiener Kaffee;\nBerliner Bär;Deutschland\n",
            region="AT")
    countries = {c.name: c.country for c in store.list_companies()}
    assert countries == {"Wiener Kaffee": "AT", "Berliner Bär": "DE"}
    assert store.company_by_name_key("Wiener Kaffee").display_name == "Wiener Kaffee (AT)"


def test_an_impossible_number_is_refused_not_turned_into_another(store, tmp_path):
    plan, report = _import(store, tmp_path, "Firma;Telefon\nRumänien SRL;0040 1234\n")
    [error] = plan.failed[0].errors
    assert error.column == "Telefon"
    assert "'0040 1234' is not a possible phone number: too short for a number in Romania" \
        in error.message
    assert report.failed_rows == 1 and store.count_companies() == 0
    assert not store.lookup_phone("+401234")


def test_a_bad_email_leaves_out_the_field_not_the_row(store, tmp_path):
    plan, report = _import(store, tmp_path, "Vorname;Nachname;Telefon;E-Mail\n"
                                            "Rob;Klein;0151 23456789;rob(at)cxlabs.de\n")
    [rp] = plan.rows
    assert rp.ok and [e.column for e in rp.left_out] == ["E-Mail"]
    assert report.persons_created == 1 and report.failed_rows == 0
    [rob] = store.list_persons()
    assert (rob.phone, rob.email) == ("+4915123456789", None)
    assert "1 field left out." in report.summary()
    assert "row 2, column 'E-Mail': left out: email must be an e-mail address" in report.text()


def test_import_anyway_of_a_do_not_call_person_flags_the_copy(store, tmp_path):
    old = store.create_person({"firstName": "Robert", "lastName": "Klein",
                               "email": "r.klein@cxlabs.de"}, ACTOR)
    store.set_do_not_call(ContactRef(None, old.id), True, ACTOR, reason="asked on the phone")
    plan, report = _import(store, tmp_path, "Vorname;Nachname;E-Mail\n"
                                            "Rob;Klein;r.klein@cxlabs.de\n",
                           decisions={2: "import"})
    [rp] = plan.rows
    assert rp.dnc_match is not None and rp.dnc_match.id == old.id
    assert "do-not-call" in rp.matches[0].text
    assert report.persons_created == 1 and report.flagged == 1
    [copy] = [p for p in store.list_persons() if p.id != old.id]
    assert copy.do_not_call
    [event] = store.dnc_history(ContactRef(None, copy.id))
    assert event.reason == "imported as a copy of Robert Klein, who is do-not-call"
    assert "1 copy of do-not-call contacts flagged do-not-call." in report.summary()


def test_counts_read_in_the_right_number(store, tmp_path):
    _, report = _import(store, tmp_path, "Firma;Vorname;Nachname\nAcme;Rob;Klein\n")
    assert report.summary() == ("1 row: 1 company and 1 person created, 0 merged,"
                                " 0 skipped, 0 failed.")
    assert plural(2, "company", "companies") == "2 companies"
    assert plural(1200, "person") == "1,200 persons"
    assert (verb(1, "looks", "look"), verb(3, "looks", "look")) == ("looks", "look")


def test_an_unusual_number_is_imported_and_flagged_for_a_look(store, tmp_path):
    plan, report = _import(store, tmp_path, "Vorname;Nachname;Mobil\nRob;Klein;01512 345679\n")
    [rp] = plan.rows
    assert rp.ok and [e.column for e in rp.check] == ["Mobil"]
    assert "01512 345679 is not a usual number in Germany" in rp.check[0].message
    assert report.persons_created == 1
    assert store.list_persons()[0].phone2 == "+491512345679"
