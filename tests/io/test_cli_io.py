"""``callsheet-api import`` and ``export``."""

from __future__ import annotations

import pytest

from crm_api.cli import EXIT_ROWS_FAILED, main
from shared.database import connect
from shared.store import Store

from .helpers import write_csv

CSV = "Firma;Telefon;E-Mail;Land\nAcme GmbH;030 555012;info@acme.de;Deutschland\n" \
      "Beta AG;12;;\n"


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "cli.db")


def _store(db):
    return Store(connect(db))


def test_import_reports_and_exits_3_on_failed_rows(db, tmp_path, capsys):
    f = write_csv(tmp_path / "in.csv", CSV)
    assert main(["import", str(f), "--db", db, "--failed", str(tmp_path / "bad.csv")]) \
        == EXIT_ROWS_FAILED
    out = capsys.readouterr().out
    assert "Firma -> company.name (Company)" in out
    assert "2 rows: 1 company and 0 persons created, 0 merged, 0 skipped, 1 failed." in out
    assert "row 3, column 'Telefon': phone: '12' is not a phone number" in out
    assert (tmp_path / "bad.csv").exists()
    (acme,) = _store(db).list_companies()
    assert (acme.phone, acme.country) == ("+4930555012", "DE")


def test_import_dry_run_and_duplicates(db, tmp_path, capsys):
    f = write_csv(tmp_path / "in.csv", "Company,Phone\nAcme,030 555012\n")
    assert main(["import", str(f), "--db", db, "--dry-run"]) == 0
    assert _store(db).count_companies() == 0
    assert main(["import", str(f), "--db", db]) == 0
    f2 = write_csv(tmp_path / "in2.csv", "Company,Phone,City\nACME GmbH,030 555012,Berlin\n")
    capsys.readouterr()
    assert main(["import", str(f2), "--db", db]) == 0
    assert "may be Acme (DE): same phone, similar name -> skip" in capsys.readouterr().out
    assert main(["import", str(f2), "--db", db, "--on-duplicate", "merge"]) == 0
    (acme,) = _store(db).list_companies()
    assert acme.city == "Berlin"


def test_import_with_map_and_region(db, tmp_path):
    f = write_csv(tmp_path / "in.csv", "Kunde;Nummer\nWiener Kaffee;01 5236610\n")
    assert main(["import", str(f), "--db", db, "--region", "AT",
                 "--map", "Nummer=company.phone"]) == 0
    (c,) = _store(db).list_companies()
    assert c.phone == "+4315236610"


@pytest.mark.parametrize("argv, message", [
    (["import", "missing.csv"], "No such file or directory"),
    (["import", "{csv}", "--map", "Nope=company.name"], "the file has no column 'Nope'"),
    (["export", "companies", "out.txt"], "name it .csv or .xlsx"),
    (["export", "vcard", "out.vcf", "--format", "csv"], "always vCard 4.0"),
])
def test_one_line_errors(db, tmp_path, capsys, argv, message):
    _store(db).db.close()
    f = write_csv(tmp_path / "in.csv", CSV)
    argv = [a.replace("{csv}", str(f)) for a in argv]
    assert main([*argv, "--db", db]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_export_everything(db, tmp_path, capsys):
    f = write_csv(tmp_path / "in.csv", CSV)
    main(["import", str(f), "--db", db])
    for what, name in (("companies", "c.csv"), ("persons", "p.xlsx"), ("calls", "k.csv"),
                       ("tasks", "t.csv"), ("vcard", "all.vcf")):
        assert main(["export", what, str(tmp_path / name), "--db", db]) == 0
        assert (tmp_path / name).stat().st_size > 0
    assert "Wrote 1 vCards" in capsys.readouterr().out
    assert main(["export", "companies", str(tmp_path / "c.txt"), "--format", "csv",
                 "--delimiter", ",", "--db", db]) == 0
    assert (tmp_path / "c.txt").read_text(encoding="utf-8-sig").startswith("Id,Company,")
