"""Exports to CSV and XLSX, and that an export imports again."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from shared.csv_import import Importer, guess_mapping, read_csv
from shared.errors import ValidationError
from shared.export import export, format_of
from shared.model import Actor, ContactRef
from shared.timeutil import parse_timestamp

from .helpers import call

ACTOR = Actor("cli")


@pytest.fixture
def filled(store):
    c = store.create_company({"name": "Bäckerei Sonne GmbH", "country": "DE",
                              "phone": "+4930555012", "city": "Berlin",
                              "annotation": "=HYPERLINK(\"x\")"}, ACTOR)
    p = store.create_person({"firstName": "Anna", "lastName": "Müller",
                             "phone": "+4915112345678", "email": "anna@sonne.de"},
                            ACTOR, company_id=c.id)
    store.create_campaign("promo", "Promo", ACTOR)
    store.add_task("promo", ContactRef(None, p.id), parse_timestamp("2026-11-27T09:00:00Z"),
                   ACTOR, scheduled=True, annotation="call back")
    call(store, "call-1", "2026-11-26T10:00:00Z", person=p.id, tags=[("reason", "order")])
    return c, p


def test_csv_has_bom_header_and_semicolons(store, filled, tmp_path):
    assert export(store, "companies", tmp_path / "c.csv") == 1
    raw = (tmp_path / "c.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfId;Company;Address;")
    text = raw.decode("utf-8-sig")
    assert "Bäckerei Sonne GmbH" in text and "+4930555012" in text
    assert text.endswith("\r\n")


def test_csv_comma_delimiter(store, filled, tmp_path):
    export(store, "persons", tmp_path / "p.csv", delimiter=",")
    f = read_csv(tmp_path / "p.csv")
    assert f.delimiter == ","
    row = dict(zip(f.headers, f.rows[0], strict=True))
    assert (row["Company"], row["Last name"], row["Phone"]) == (
        "Bäckerei Sonne GmbH", "Müller", "+4915112345678")


def test_calls_and_tasks(store, filled, tmp_path):
    assert export(store, "calls", tmp_path / "calls.csv") == 1
    row = dict(zip(*(lambda f: (f.headers, f.rows[0]))(read_csv(tmp_path / "calls.csv")),
                   strict=True))
    assert (row["Started"], row["Agent"], row["Answered"], row["Tags"]) == (
        "2026-11-26T10:00:00Z", "peggy.sue", "yes", "reason:order")
    assert export(store, "tasks", tmp_path / "tasks.xlsx") == 1
    ws = load_workbook(tmp_path / "tasks.xlsx").active
    headers = [c.value for c in ws[1]]
    values = dict(zip(headers, [c.value for c in ws[2]], strict=True))
    assert (values["Campaign"], values["Scheduled"], values["Notes"]) == (
        "Promo", "yes", "call back")
    assert values["Due"].year == 2026  # a real date-time cell


def test_xlsx_looks_right(store, filled, tmp_path):
    export(store, "companies", tmp_path / "c.xlsx", region="DE")
    ws = load_workbook(tmp_path / "c.xlsx").active
    assert ws.title == "Companies"
    assert ws.freeze_panes == "A2"
    assert all(c.font.b for c in ws[1])
    assert ws.column_dimensions["B"].width >= len("Bäckerei Sonne GmbH")
    values = dict(zip([c.value for c in ws[1]], ws[2], strict=True))
    assert values["Phone"].value == "030 555012"  # formatted for people
    # A note that looks like a formula stays text.
    assert values["Notes"].data_type == "s" and values["Notes"].value.startswith("=HYPER")


@pytest.mark.parametrize("path, fmt, expected", [
    ("x.csv", None, "csv"), ("x.XLSX", None, "xlsx"), ("x.txt", "csv", "csv"),
])
def test_format_of(path, fmt, expected):
    assert format_of(path, fmt) == expected


@pytest.mark.parametrize("what, path, message", [
    ("companies", "x.txt", "name it .csv or .xlsx"),
    ("contracts", "x.csv", "choose one of companies, persons, calls, tasks"),
])
def test_export_errors(store, tmp_path, what, path, message):
    with pytest.raises(ValidationError, match=message):
        export(store, what, tmp_path / path)


def test_export_imports_again_as_duplicates(store, filled, tmp_path):
    export(store, "persons", tmp_path / "p.csv")
    f = read_csv(tmp_path / "p.csv")
    mapping = guess_mapping(f.headers)
    assert "person.city" in mapping and "company.name" in mapping
    importer = Importer(store)
    plan = importer.analyse(f, mapping)
    (row,) = plan.rows
    assert row.company_id == filled[0].id
    assert row.matches[0].id == filled[1].id
    report = importer.run(plan)  # default: skip duplicates
    assert report.skipped == 1 and store.count_persons() == 1


def test_big_export_pages(store, tmp_path):
    now = "2026-01-01T00:00:00.000Z"
    with store.write():
        store.conn.executemany(
            "INSERT INTO companies (id, name, display_name, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [(f"C{i}", f"Firma {i:05d}", f"Firma {i:05d}", now, now) for i in range(2500)])
    assert export(store, "companies", tmp_path / "c.csv") == 2500
    names = [r[1] for r in read_csv(tmp_path / "c.csv").rows]
    assert names == sorted(names) and len(set(names)) == 2500
