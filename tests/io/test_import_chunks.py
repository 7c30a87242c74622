"""A long import commits in chunks and is still all or nothing (issue 10, item 2)."""

from __future__ import annotations

import sqlite3

import pytest

import shared.csv_import as csv_import
from shared.csv_import import ImportCancelled, Importer, read_csv
from shared.model import Actor

from .helpers import write_csv

ACTOR = Actor("cli")


def _contacts(db_path) -> tuple[list[tuple], list[tuple]]:
    conn = sqlite3.connect(db_path)
    try:
        companies = conn.execute("SELECT id, name, city, phone, email, annotation"
                                 " FROM companies ORDER BY id").fetchall()
        persons = conn.execute("SELECT id, first_name, last_name, company_id, phone, email"
                               " FROM persons ORDER BY id").fetchall()
        return companies, persons
    finally:
        conn.close()


def test_a_cancelled_chunked_import_takes_back_what_it_committed(store, tmp_path, db_path,
                                                                 monkeypatch):
    monkeypatch.setattr(csv_import, "CHUNK_ROWS", 40)
    existing = store.create_company({"name": "Alt GmbH", "phone": "+4930555000"}, ACTOR)
    private = store.create_person({"firstName": "Erika", "lastName": "Muster",
                                   "email": "erika@example.com"}, ACTOR)
    rows = ["Firma;Vorname;Nachname;Ort;Telefon;E-Mail"]
    rows.append("Alt GmbH;;;Berlin;030 555000;alt@example.com")  # merges into Alt GmbH
    rows.append("Neu AG;Erika;Muster;;;erika@example.com")  # merges Erika into Neu AG
    rows += [f"Firma {i};Max;Mann {i};Köln;0221 {100000 + i};" for i in range(200)]
    plan_file = read_csv(write_csv(tmp_path / "in.csv", "\n".join(rows) + "\n"))
    before = _contacts(db_path)
    importer = Importer(store, actor=ACTOR)
    plan = importer.analyse(plan_file)
    seen_mid_import: list[int] = []

    def cancelled() -> bool:
        # What another connection sees: the chunks that committed so far.
        seen_mid_import.append(len(_contacts(db_path)[0]))
        return len(seen_mid_import) > 150

    with pytest.raises(ImportCancelled):
        importer.run(plan, default="merge", cancelled=cancelled)
    assert max(seen_mid_import) > len(before[0]), "no chunk was committed before the cancel"
    assert _contacts(db_path) == before
    assert store.get_company(existing.id).city is None
    assert store.get_person(private.id).company_id is None


def test_a_chunked_import_writes_everything(store, tmp_path, db_path, monkeypatch):
    monkeypatch.setattr(csv_import, "CHUNK_ROWS", 25)
    lines = "\n".join(f"Firma {i};Max;Mann {i};030 {200000 + i}" for i in range(180))
    f = read_csv(write_csv(tmp_path / "x.csv", "Firma;Vorname;Nachname;Telefon\n" + lines
                           + "\n"))
    importer = Importer(store, actor=ACTOR)
    report = importer.run(importer.analyse(f))
    assert (report.companies_created, report.persons_created) == (180, 180)
    assert store.count_companies() == 180 and store.count_persons() == 180
