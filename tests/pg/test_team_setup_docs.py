"""README, "Team setup", step 2, run as written against a real PostgreSQL server: the role
and database it makes let Callsheet's role in with its password and search with pg_trgm."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import psycopg

from tests.pg_server import PgServer

README = Path(__file__).resolve().parents[2] / "README.md"


def psql_lines() -> list[list[str]]:
    text = README.read_text()
    section = text[text.index("## Team setup"):]
    section = section[:section.index("\n## ", 1)]
    lines = re.findall(r"^sudo -u postgres (psql .+)$", section, flags=re.M)
    assert len(lines) == 3, lines
    return [shlex.split(line) for line in lines]


def test_role_and_database_commands_work_as_written(pg_server: PgServer) -> None:
    try:
        for argv in psql_lines():
            # The same psql command, pointed at the test server instead of the default one.
            cmd = [str(pg_server.bindir / "psql"), "-h", "127.0.0.1", "-p", str(pg_server.port),
                   "-U", "postgres", "-v", "ON_ERROR_STOP=1", *argv[1:]]
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
            assert done.returncode == 0, done.stderr
        url = pg_server.url("callsheet", user="callsheet")
        with psycopg.connect(url, password="choose-a-long-password") as conn:
            conn.execute("CREATE TABLE persons (id text PRIMARY KEY, name text)")
            conn.execute("CREATE INDEX persons_trgm ON persons USING gin (name gin_trgm_ops)")
            assert conn.execute("SELECT similarity('Klein', 'Kleine')").fetchone()[0] > 0.5
    finally:
        pg_server.drop_database("callsheet")
        pg_server.execute("DROP ROLE IF EXISTS callsheet")
