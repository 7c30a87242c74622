"""The CSV import engine: reading, guessing the mapping, checking rows, duplicates,
and one transaction for the whole file."""

from __future__ import annotations

import pytest

from shared.csv_import import (
    IGNORE,
    ImportCancelled,
    Importer,
    ImportFileError,
    apply_overrides,
    country_code,
    failed_rows_csv,
    guess_mapping,
    read_csv,
)
from shared.errors import ValidationError
from shared.model import Actor
from tests.conftest import db_content

from .helpers import write_csv

GERMAN = """Firma;Anrede;Vorname;Nachname;Straße;PLZ;Ort;Land;Telefon;Mobil;E-Mail;Bemerkung
CX Labs GmbH;Herr;Robert;Klein;Prinzregentenstr. 54;80538;München;Deutschland;\
089 4432 2883-100;0151 2345678;r.klein@cxlabs.de;VIP
CX Labs GmbH;Frau;Anna;Berg;;;;;089 4432 2883-101;;a.berg@cxlabs.de;
Bäckerei Sonne;;;;Hauptstr. 1;10115;Berlin;Germany;030 555012;;info@sonne.de;
Kaputt AG;;;;;;;Narnia;;;;
;;Gerda;Lehmann;;;Hamburg;;0151 12345678;;;privat
"""

ACTOR = Actor("cli")


@pytest.fixture
def german(tmp_path):
    return write_csv(tmp_path / "kunden.csv", GERMAN, "cp1252")


# -- reading --------------------------------------------------------------------


def test_reads_excel_german_export(german):
    f = read_csv(german)
    assert (f.delimiter, f.encoding) == (";", "cp1252")
    assert f.headers[0] == "Firma" and f.headers[4] == "Straße"
    assert f.lines == [2, 3, 4, 5, 6]
    assert f.rows[0][6] == "München"


@pytest.mark.parametrize("text, delimiter", [
    ("\ufeffCompany,Phone\nAcme,+4930555012\n", ","),
    ("Company\tPhone\nAcme\t030 555012\n", "\t"),
    ("Company|Phone\nAcme|030 555012\n", "|"),
])
def test_sniffs_delimiter_and_bom(tmp_path, text, delimiter):
    f = read_csv(write_csv(tmp_path / "x.csv", text))
    assert f.delimiter == delimiter
    assert f.headers == ["Company", "Phone"] and f.encoding == "utf-8"


def test_quoted_multiline_cell_keeps_line_numbers(tmp_path):
    f = read_csv(write_csv(tmp_path / "x.csv",
                           'Company,Notes\nA,"one\ntwo"\n\nB,x\n'))
    assert [r[0] for r in f.rows] == ["A", "B"]  # the blank line is not a row
    assert f.lines == [2, 5]


@pytest.mark.parametrize("text, message", [
    ("", "The file is empty."),
    (";;;\nA;B\n", "The first row must name the columns"),
])
def test_unreadable_files(tmp_path, text, message):
    with pytest.raises(ImportFileError, match=message):
        read_csv(write_csv(tmp_path / "x.csv", text))


# -- mapping ------------------------------------------------------------------------


def test_guesses_german_headers(german):
    assert guess_mapping(read_csv(german).headers) == [
        "company.name", "person.salutation", "person.firstName", "person.lastName",
        "company.address", "company.zipCode", "company.city", "company.country",
        "person.phone", "person.phone2", "person.email", "person.annotation"]


@pytest.mark.parametrize("headers, expected", [
    (["Company", "Phone", "E-mail", "Notes"],
     ["company.name", "company.phone", "company.email", "company.annotation"]),
    (["First name", "Last name", "Phone", "Mobile", "Email", "City"],
     ["person.firstName", "person.lastName", "person.phone", "person.phone2",
      "person.email", "person.city"]),
    (["Vorname", "Name", "Tel."], ["person.firstName", "person.lastName", "person.phone"]),
    (["Name", "Telefon", "Telefon"], ["company.name", "company.phone", "company.phone2"]),
    (["Unternehmen", "Ansprechpartner", "Handy"],
     ["company.name", "person.displayName", "person.phone2"]),
    (["Kundennummer", "Firma"], [IGNORE, "company.name"]),
])
def test_guesses_english_and_mixed_headers(headers, expected):
    assert guess_mapping(headers) == expected


def test_overrides_by_header_or_number():
    headers = ["Firma", "Telefon", "Notiz"]
    mapping = apply_overrides(headers, guess_mapping(headers),
                              ["Telefon=company.phone2", "3=ignore"])
    assert mapping == ["company.name", "company.phone2", IGNORE]


@pytest.mark.parametrize("spec, message", [
    ("Telefon", "write it as COLUMN=FIELD"),
    ("Telefon=phone", "unknown field 'phone'"),
    ("Fax=company.phone", "the file has no column 'Fax'"),
])
def test_bad_overrides(spec, message):
    with pytest.raises(ValidationError, match=message):
        apply_overrides(["Firma", "Telefon"], ["company.name", "company.phone"], [spec])


@pytest.mark.parametrize("text, code", [
    ("Deutschland", "DE"), ("germany", "DE"), ("DEU", "DE"), ("de", "DE"),
    ("Österreich", "AT"), ("Schweiz", "CH"), ("United Kingdom", "GB"), ("Narnia", "Narnia"),
])
def test_country_names(text, code):
    assert country_code(text) == code


# -- analysing and running --------------------------------------------------------


def test_imports_companies_persons_and_reports_failures(store, german):
    importer = Importer(store, region="DE", actor=ACTOR)
    plan = importer.analyse(read_csv(german))
    assert [r.row for r in plan.failed] == [5]
    assert "country must be an ISO 3166-1" in plan.failed[0].errors[0].message
    assert plan.failed[0].errors[0].column == "Land"
    report = importer.run(plan)
    assert (report.companies_created, report.persons_created, report.failed_rows) == (2, 3, 1)
    cx = store.company_by_name_key("cx labs")
    assert (cx.country, cx.city, cx.address) == ("DE", "München", "Prinzregentenstr. 54")
    people = {p.name: p for p in store.persons_of(cx.id)}
    assert set(people) == {"Robert Klein", "Anna Berg"}
    robert = people["Robert Klein"]
    assert (robert.phone, robert.phone2, robert.salutation) == (
        "+498944322883100", "+491512345678", "Herr")
    gerda = store.list_persons("Lehmann")[0]
    assert gerda.company_id is None and gerda.city == "Hamburg"
    assert store.get_company(cx.id).country == "DE"
    assert store.audit_trail("person", robert.id)[0].side == "cli"
    assert "row 5, column 'Land'" in report.text()


def test_failed_rows_file(store, german, tmp_path):
    importer = Importer(store)
    plan = importer.analyse(read_csv(german))
    report = importer.run(plan)
    failed_rows_csv(plan, report, tmp_path / "failed.csv")
    again = read_csv(tmp_path / "failed.csv")
    assert again.headers[:3] == ["Error", "Row", "Firma"]
    assert len(again.rows) == 1 and again.rows[0][1] == "5"
    assert again.rows[0][0].startswith("Land: country must be")


def test_phone_error_names_the_column(store, tmp_path):
    f = read_csv(write_csv(tmp_path / "x.csv", "Firma;Telefon\nAcme;12\n"))
    plan = Importer(store).analyse(f)
    (error,) = plan.failed[0].errors
    assert error.column == "Telefon" and "not a phone number we can dial" in error.message


def test_mapping_without_names_is_refused(store, tmp_path):
    f = read_csv(write_csv(tmp_path / "x.csv", "Telefon;Ort\n030 555012;Berlin\n"))
    with pytest.raises(ValidationError, match="No column is mapped"):
        Importer(store).analyse(f, ["company.phone", "company.city"])


def _existing(store):
    c = store.create_company({"name": "CX Labs GmbH", "phone": "+4989443228",
                              "email": "office@cxlabs.de"}, ACTOR)
    p = store.create_person({"firstName": "Robert", "lastName": "Klein",
                             "email": "R.Klein@cxlabs.de"}, ACTOR, company_id=c.id)
    return c, p


@pytest.mark.parametrize("row, reasons", [
    ("cx-labs;;", ["similar name"]),
    ("Other;089 443228;", ["same phone"]),
    ("Other;;OFFICE@cxlabs.de", ["same e-mail"]),
    ("CX Lab GmbH;+49 89 443228;", ["same phone", "similar name"]),
])
def test_finds_company_duplicates_in_the_database(store, tmp_path, row, reasons):
    c, _ = _existing(store)
    f = read_csv(write_csv(tmp_path / "x.csv", f"Firma;Telefon;E-Mail\n{row}\n"))
    (rp,) = Importer(store).analyse(f).rows
    assert [(m.id, m.reasons) for m in rp.matches] == [(c.id, reasons)]


def test_person_duplicate_within_company(store, tmp_path):
    c, p = _existing(store)
    f = read_csv(write_csv(tmp_path / "x.csv", "Firma;Vorname;Nachname;E-Mail\n"
                           "CX Labs;Robert;Klein;r.klein@cxlabs.de\n"
                           "Other GmbH;Robert;Klein;\n"))
    first, second = Importer(store).analyse(f).rows
    assert first.company_id == c.id
    assert [(m.id, m.reasons) for m in first.matches] == [(p.id, ["same e-mail",
                                                                  "similar name"])]
    assert second.matches == []  # the same name in another company is another person


def test_duplicates_within_the_file(store, tmp_path):
    f = read_csv(write_csv(tmp_path / "x.csv", "Firma;Telefon\nAcme GmbH;030 555012\n"
                           "ACME;\nZeta;030 555012\n"))
    rows = Importer(store).analyse(f).rows
    assert rows[0].matches == []
    assert [(m.row, m.reasons) for m in rows[1].matches] == [(2, ["similar name"])]
    assert [(m.row, m.reasons) for m in rows[2].matches] == [(2, ["same phone"])]


@pytest.mark.parametrize("decision, companies, merged, skipped", [
    ("skip", 1, 0, 1), ("import", 2, 0, 0), ("merge", 1, 1, 0),
])
def test_duplicate_decisions(store, tmp_path, decision, companies, merged, skipped):
    c, _ = _existing(store)
    f = read_csv(write_csv(tmp_path / "x.csv", "Firma;Ort;Telefon;Notiz\n"
                           "CX Labs;München;030 555012;new note\n"))
    importer = Importer(store)
    report = importer.run(importer.analyse(f), {2: decision})
    assert (report.merged, report.skipped) == (merged, skipped)
    assert store.count_companies() == companies
    kept = store.get_company(c.id)
    if decision == "merge":
        # Empty fields filled, a new number in the free slot, the note added.
        assert (kept.city, kept.phone, kept.phone2, kept.annotation) == (
            "München", "+4989443228", "+4930555012", "new note")
        assert store.audit_trail("company", c.id)[0].action == "update"
    else:
        assert kept.city is None


def test_merge_into_an_earlier_row(store, tmp_path):
    f = read_csv(write_csv(tmp_path / "x.csv", "Firma;Ort;E-Mail\nAcme GmbH;;a@acme.de\n"
                           "ACME;Berlin;\n"))
    importer = Importer(store)
    report = importer.run(importer.analyse(f), default="merge")
    assert (report.companies_created, report.merged) == (1, 1)
    (acme,) = store.list_companies()
    assert (acme.name, acme.city, acme.email) == ("Acme GmbH", "Berlin", "a@acme.de")


def test_cancel_leaves_nothing(store, german, db_path):
    importer = Importer(store)
    plan = importer.analyse(read_csv(german))
    before = db_content(db_path)
    done = []
    with pytest.raises(ImportCancelled):
        importer.run(plan, progress=lambda n, total: done.append(n),
                     cancelled=lambda: store.count_companies() >= 2)
    assert db_content(db_path) == before
    assert done  # progress was reported before the cancel


def test_dry_run_writes_nothing(store, german, db_path):
    importer = Importer(store)
    plan = importer.analyse(read_csv(german))
    before = db_content(db_path)
    report = importer.run(plan, dry_run=True)
    assert report.companies_created == 2 and report.dry_run
    assert db_content(db_path) == before
    assert report.summary().startswith("Dry run, nothing was written.")


def test_progress_reaches_total(store, tmp_path):
    lines = "\n".join(f"Firma {i};030 555{i:04d}" for i in range(120))
    f = read_csv(write_csv(tmp_path / "x.csv", "Firma;Telefon\n" + lines + "\n"))
    importer = Importer(store)
    seen = []
    plan = importer.analyse(f, progress=lambda n, t: seen.append((n, t)))
    assert seen[-1] == (120, 120)
    seen.clear()
    report = importer.run(plan, progress=lambda n, t: seen.append((n, t)))
    assert seen[-1] == (120, 120) and report.companies_created == 120


def test_a_company_made_while_merging_a_person_is_counted(store, tmp_path):
    p = store.create_person({"firstName": "Rob", "lastName": "Klein",
                             "email": "r.klein@cxlabs.de"}, Actor("cli"))
    f = read_csv(write_csv(tmp_path / "x.csv", "Firma;Vorname;Nachname;E-Mail\n"
                           "Neue Firma GmbH;Rob;Klein;r.klein@cxlabs.de\n"))
    importer = Importer(store)
    report = importer.run(importer.analyse(f), default="merge")
    (company,) = store.list_companies()
    assert store.get_person(p.id).company_id == company.id
    assert (report.merged, report.companies_created) == (1, 1)
