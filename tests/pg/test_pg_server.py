"""The throwaway PostgreSQL server of the tests works, and says how to fix a missing install."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from tests.pg_server import PgServer, PgUnavailable, find_bindir


def test_module_database_is_empty_and_writable(pg_url: str) -> None:
    with psycopg.connect(pg_url) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()[0]
        assert tables == 0
        conn.execute("CREATE TABLE t (id int PRIMARY KEY)")
        conn.execute("INSERT INTO t VALUES (1)")
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT id FROM t").fetchall() == [(1,)]


def test_server_listens_on_loopback_only(pg_server: PgServer, pg_url: str) -> None:
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SHOW listen_addresses").fetchone()[0] == "127.0.0.1"
        assert int(conn.execute("SHOW port").fetchone()[0]) == pg_server.port
    assert pg_server.port != 5432


def test_each_database_is_fresh(pg_database) -> None:
    first, second = pg_database(), pg_database()
    assert first != second
    with psycopg.connect(first) as conn:
        conn.execute("CREATE TABLE only_here (x int)")
    with psycopg.connect(second) as conn:
        found = conn.execute("SELECT to_regclass('only_here')").fetchone()[0]
    assert found is None


def test_template_copies_prepared_schema(pg_server: PgServer, pg_database) -> None:
    def setup(url: str) -> None:
        with psycopg.connect(url) as conn:
            conn.execute("CREATE TABLE prepared (x int)")
            conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")

    name = pg_server.make_template("tpl_test_pg_server", setup)
    try:
        url = pg_database(template=name)
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT to_regclass('prepared')").fetchone()[0] == "prepared"
            assert conn.execute("SELECT similarity('abc', 'abd')").fetchone()[0] > 0
    finally:
        pg_server.drop_database(name)


def test_runs_as_postgres_when_root(pg_server: PgServer, pg_url: str) -> None:
    with psycopg.connect(pg_url) as conn:
        data_dir = conn.execute("SHOW data_directory").fetchone()[0]
    owner = Path(data_dir).owner()
    assert owner == ("postgres" if os.geteuid() == 0 else Path.home().owner())


def test_missing_programs_name_the_apt_command(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr("tests.pg_server.glob.glob", lambda pattern: [])
    with pytest.raises(PgUnavailable, match=r"apt-get install -y postgresql"):
        find_bindir()
    with pytest.raises(PgUnavailable, match="apt-get"):
        PgServer()


def test_missing_server_fails_the_test_not_skips(tmp_path: Path) -> None:
    """A test asking for a PG database errors out (never skips) when the programs are
    missing, and the output names the apt command."""
    (tmp_path / "conftest.py").write_text(
        "import tests.pg_server as pgs\n"
        "from tests.pg_server import pg_server, pg_url  # noqa\n"
        "pgs.glob.glob = lambda pattern: []\n"
    )
    (tmp_path / "test_needs_pg.py").write_text("def test_needs_pg(pg_url):\n    assert pg_url\n")
    repo = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PATH=str(Path(sys.executable).parent), PYTHONPATH=str(repo),
               PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA", "-q",
         "--rootdir", str(tmp_path), str(tmp_path)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )
    assert proc.returncode == 1, proc.stdout
    assert "1 error" in proc.stdout and "skipped" not in proc.stdout, proc.stdout
    assert "apt-get install -y postgresql" in proc.stdout


def test_roles_other_than_postgres_need_their_password(pg_server: PgServer, pg_database) -> None:
    db = pg_database().rsplit("/", 1)[1]
    url = pg_server.create_role("test_pw_role", "right-secret", owns=db)
    try:
        with psycopg.connect(url, password="right-secret") as conn:
            assert conn.execute("SELECT current_user").fetchone()[0] == "test_pw_role"
        with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
            psycopg.connect(url, password="wrong")
    finally:
        pg_server.drop_database(db)
        pg_server.execute("DROP ROLE test_pw_role")
