"""A mistyped path is not a new database: commands that read need an existing file,
and the commands that create one say that they did (issue 10, item 10)."""

from __future__ import annotations

import pytest

from shared.database import connect
from shared.store import Store


@pytest.fixture
def run(cli_main):
    return cli_main


READERS = [
    ["key", "show"],
    ["key", "rotate"],
    ["export", "companies", "{out}/companies.csv"],
    ["export", "vcard", "{out}/contacts.vcf"],
    ["backup", "{out}/copy.db"],
    ["campaign", "add", "c1", "--name", "C1"],
    ["task", "add", "c1", "--company", "C", "--at", "2026-12-01T09:00:00Z"],
]


@pytest.mark.parametrize("argv", READERS, ids=lambda a: " ".join(a[:2]))
def test_commands_that_read_need_an_existing_database(run, tmp_path, argv):
    (tmp_path / "in.csv").write_text("Firma\nAcme\n", encoding="utf-8")
    typo = tmp_path / "typo.db"
    before = set(tmp_path.iterdir())
    code, out, err = run(*[a.format(out=tmp_path) for a in argv], "--db", str(typo))
    assert code == 1
    assert f"There is no database at {typo}" in err
    assert len(err.strip().splitlines()) == 1
    assert set(tmp_path.iterdir()) == before, "nothing is created"


def test_commands_that_read_work_on_an_existing_database(run, tmp_path):
    db = tmp_path / "callsheet.db"
    Store(connect(db)).db.close()
    code, out, _ = run("key", "show", "--db", str(db))
    assert code == 0 and len(out.strip()) >= 40 and "Created" not in out
    assert run("export", "companies", str(tmp_path / "c.csv"), "--db", str(db))[0] == 0


@pytest.mark.parametrize("argv", [["demo"], ["import", "{out}/in.csv"]], ids=lambda a: a[0])
def test_demo_and_import_create_a_database_and_say_so(run, tmp_path, argv):
    (tmp_path / "in.csv").write_text("Firma\nAcme\n", encoding="utf-8")
    db = tmp_path / "new.db"
    code, out, _ = run(*[a.format(out=tmp_path) for a in argv], "--db", str(db))
    assert code == 0, out
    assert f"Created a new database at {db}." in out
    assert db.is_file()
    code, out, _ = run("key", "show", "--db", str(db))
    assert code == 0 and "Created a new database" not in out


def test_an_import_dry_run_creates_nothing(run, tmp_path):
    (tmp_path / "in.csv").write_text("Firma\nAcme\n", encoding="utf-8")
    db = tmp_path / "new.db"
    code, out, _ = run("import", str(tmp_path / "in.csv"), "--dry-run", "--db", str(db))
    assert code == 0 and "checking against an empty one" in out and "1 " in out
    assert not db.exists()


@pytest.mark.parametrize("argv", [
    ["export", "vcard", "{db}"],
    ["export", "companies", "{db}-wal", "--format", "csv"],
    ["import", "{db}"],
    ["import", "{out}/in.csv", "--failed", "{db}"],
], ids=["export over the database", "export over its WAL", "import the database",
        "failed rows over the database"])
def test_a_file_argument_that_is_the_database_is_refused(run, tmp_path, argv):
    (tmp_path / "in.csv").write_text("Firma\nAcme\n", encoding="utf-8")
    db = tmp_path / "callsheet.db"
    store = Store(connect(db))
    store.set_setting("kept", "yes")
    try:
        code, _, err = run(*[a.format(out=tmp_path, db=db) for a in argv], "--db", str(db))
    finally:
        store.db.close()
    assert code == 1 and "is a file of the database itself" in err
    store = Store(connect(db))
    try:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.get_setting("kept") == "yes"
    finally:
        store.db.close()
