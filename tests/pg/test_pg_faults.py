"""Opening a shared database that is not there, not ours, or not set up: one line, exit 1.

Every test drives ``callsheet-api`` as a person would (``--db URL``) against the
session's throwaway PostgreSQL server.
"""

from __future__ import annotations

import uuid

import psycopg
import pytest

from shared.database import connect
from shared.migrations import TRGM_HINT, ExtensionMissing, pg_schema_version
from shared.store import Store
from tests.pg_server import PgServer, free_port


@pytest.fixture
def cli(monkeypatch, tmp_path, cli_main):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.chdir(tmp_path)
    return cli_main


def _one_line_error(code: int, err: str) -> str:
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("callsheet-api: error: ")
    return lines[0]


def test_other_urls_are_refused_and_no_folder_is_made(cli, tmp_path):
    for url in ("mysql://root@localhost/callsheet", "http://server/callsheet.db", "x://y"):
        code, _, err = cli("key", "show", "--db", url)
        line = _one_line_error(code, err)
        assert "postgresql://" in line
    assert list(tmp_path.iterdir()) == []  # nothing called "mysql:" or "http:" appeared


def test_a_refused_password_is_one_line(cli, pg_server: PgServer, pg_database):
    url = pg_database()
    name = f"clerk_{uuid.uuid4().hex[:8]}"
    role = pg_server.create_role(name, "right-one", owns=url.rsplit("/", 1)[1])
    wrong = role.replace(f"{name}@", f"{name}:wrong-one@")
    code, _, err = cli("key", "show", "--db", wrong)
    line = _one_line_error(code, err)
    assert "refused the password" in line and "wrong-one" not in line
    # No password anywhere (URL, PGPASSWORD, pgpass file) is said as such, not as refused.
    code, _, err = cli("key", "show", "--db", role)
    line = _one_line_error(code, err)
    assert "none was found" in line and "~/.pgpass" in line
    # The right password, from PGPASSWORD as libpq reads it: the database is set up.
    import os

    os.environ["PGPASSWORD"] = "right-one"
    try:
        code, out, _ = cli("key", "show", "--db", role)
    finally:
        del os.environ["PGPASSWORD"]
    assert code == 0 and out.strip()


def test_demo_into_a_url_with_a_password_does_not_print_it(cli, pg_server: PgServer,
                                                           pg_database):
    url = pg_database()
    name = f"clerk_{uuid.uuid4().hex[:8]}"
    role = pg_server.create_role(name, "secret-pw-4711", owns=url.rsplit("/", 1)[1])
    code, out, err = cli("demo", "--db", role.replace(f"{name}@", f"{name}:secret-pw-4711@"))
    assert code == 0, err
    assert "Loaded the demo data" in out and f"{name}:***@" in out
    assert "secret-pw-4711" not in out + err


def test_a_missing_database_is_one_line(cli, pg_server: PgServer):
    code, _, err = cli("key", "show", "--db", pg_server.url("no_such_database"))
    assert "does not exist" in _one_line_error(code, err)


def test_no_server_is_one_line(cli):
    code, _, err = cli("key", "show", "--db", f"postgresql://postgres@127.0.0.1:{free_port()}/x")
    assert "no PostgreSQL server answers" in _one_line_error(code, err)


def test_a_new_database_is_set_up_on_first_start(pg_database):
    url = pg_database()
    store = Store(connect(url))
    try:
        assert store.engine == "postgresql"
        assert pg_schema_version(store.db) > 0
        trgm = store._one("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert trgm is not None
    finally:
        store.close()
    # Opening it again migrates nothing and keeps the data.
    again = Store(connect(url))
    again.set_setting("k", "v")
    again.close()
    assert Store(connect(url)).get_setting("k") == "v"


def test_without_pg_trgm_and_no_right_to_create_it_the_message_names_the_sql(
        cli, pg_server: PgServer, pg_database):
    url = pg_database()
    dbname = url.rsplit("/", 1)[1]
    name = f"clerk_{uuid.uuid4().hex[:8]}"
    role = pg_server.create_role(name, "pw")
    # The role may create tables (in public) but not extensions (no CREATE on the database).
    pg_server.execute(f"GRANT CONNECT ON DATABASE {dbname} TO {name}")
    pg_server.execute(f"GRANT CREATE, USAGE ON SCHEMA public TO {name}", dbname=dbname)
    role_url = role.rsplit("/", 1)[0].replace(f"{name}@", f"{name}:pw@") + f"/{dbname}"
    with pytest.raises(ExtensionMissing) as e:
        connect(role_url)
    assert TRGM_HINT in e.value.message and dbname in e.value.message
    code, _, err = cli("key", "show", "--db", role_url)
    assert "CREATE EXTENSION pg_trgm;" in _one_line_error(code, err)
    # Nothing half-made: the admin runs the one line, and the next start sets it all up.
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                            ).fetchone()[0] == 0
    pg_server.execute("CREATE EXTENSION pg_trgm", dbname=dbname)
    code, out, _ = cli("key", "show", "--db", role_url)
    assert code == 0 and out.strip()
