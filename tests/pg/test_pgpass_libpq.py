"""libpq itself finds the password shared/pgpass.py wrote (no password in the URL)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from shared.pgpass import save_password


def test_libpq_connects_with_the_saved_password(pg_server, pg_database, tmp_path: Path,
                                                monkeypatch) -> None:
    db = pg_database().rsplit("/", 1)[1]
    url = pg_server.create_role("pgpass_user", "from-the-file", owns=db)
    try:
        monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
        monkeypatch.delenv("PGPASSWORD", raising=False)
        with pytest.raises(psycopg.OperationalError, match="password"):
            psycopg.connect(url, connect_timeout=5)
        save_password("127.0.0.1", pg_server.port, db, "pgpass_user", "from-the-file",
                      tmp_path / "pgpass")
        with psycopg.connect(url, connect_timeout=5) as conn:
            assert conn.execute("SELECT current_user").fetchone()[0] == "pgpass_user"
    finally:
        pg_server.drop_database(db)
        pg_server.execute("DROP ROLE pgpass_user")
