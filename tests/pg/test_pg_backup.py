"""``callsheet-api backup`` on a PostgreSQL database: pg_dump when it is installed, else
one line saying what to install and run; ``restore`` says how to restore a dump."""

from __future__ import annotations

import subprocess

import psycopg
import pytest

from shared.database import connect
from shared.model import Actor
from shared.storage import pg_backup
from shared.store import Store


@pytest.fixture
def cli(cli_main):
    return cli_main


def test_backup_runs_pg_dump_and_the_dump_restores(cli, tmp_path, pg_database):
    url = pg_database()
    store = Store(connect(url))
    store.create_company({"name": "Kept in the dump"}, Actor("cli"))
    store.close()
    code, out, err = cli("backup", str(tmp_path), "--db", url)
    assert code == 0, err
    dumps = list(tmp_path.glob("callsheet-*.dump"))
    assert len(dumps) == 1 and "pg_restore" in out
    fresh = pg_database()
    done = subprocess.run(["pg_restore", "--no-owner", f"--dbname={fresh}", str(dumps[0])],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with psycopg.connect(fresh) as conn:
        assert conn.execute("SELECT name FROM companies").fetchall() == [("Kept in the dump",)]


def test_without_pg_dump_backup_says_what_to_run(cli, tmp_path, pg_database, monkeypatch):
    monkeypatch.setattr(pg_backup, "find_pg_dump", lambda: None)
    url = pg_database().replace("postgres@", "postgres:s3cret@")
    code, _, err = cli("backup", str(tmp_path / "x.dump"), "--db", url)
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "apt-get install postgresql-client" in err and "pg_dump --format=custom" in err
    assert "s3cret" not in err


def test_restore_on_postgres_says_how_to_restore_a_dump(cli, pg_database, tmp_path):
    code, _, err = cli("restore", str(tmp_path / "x.dump"), "--db", pg_database(), "--yes")
    assert code == 1 and "pg_restore --clean" in err
