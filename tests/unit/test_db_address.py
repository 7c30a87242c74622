"""Which engine a --db / CALLSHEET_DB value names: a file, a PostgreSQL URL, or refused."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import pytest

from shared.errors import BadDatabaseAddress
from shared.settings import resolve_db_path
from shared.storage.address import PgUrl, is_postgres, parse_address, redact


@pytest.mark.parametrize("url", [
    "postgresql://alice@db.office.lan/callsheet",
    "postgres://alice:secret@127.0.0.1:5433/callsheet?sslmode=require",
    "POSTGRESQL://db/callsheet",
])
def test_postgres_urls_are_postgres(url):
    address = parse_address(url)
    assert isinstance(address, PgUrl) and is_postgres(address)
    assert address == url  # passed to libpq as written: sslmode & co. are honoured


@pytest.mark.parametrize("path", ["callsheet.db", "/data/callsheet.db", "C:\\data\\callsheet.db",
                                  "C:/data/callsheet.db", "~/callsheet.db", "a:b.db"])
def test_file_paths_are_sqlite(path):
    address = parse_address(path)
    assert isinstance(address, Path) and not is_postgres(address)


def test_a_windows_drive_path_stays_a_path():
    assert not is_postgres(parse_address(str(PureWindowsPath("D:\\Callsheet\\callsheet.db"))))


@pytest.mark.parametrize("url", ["mysql://root@db/callsheet", "http://server/callsheet.db",
                                 "x://y", "sqlite:///tmp/x.db", "file:///tmp/callsheet.db"])
def test_other_urls_are_refused_with_one_clear_message(url):
    with pytest.raises(BadDatabaseAddress) as e:
        parse_address(url)
    assert "postgresql://" in e.value.message and "file path" in e.value.message


def test_a_refused_url_never_shows_its_password():
    with pytest.raises(BadDatabaseAddress) as e:
        parse_address("mysql://root:hunter2@db/callsheet")
    assert "hunter2" not in e.value.message
    assert redact("postgresql://a:hunter2@h/db") == "postgresql://a:***@h/db"


def test_the_environment_names_the_engine_too(monkeypatch):
    monkeypatch.setenv("CALLSHEET_DB", "postgresql://alice@db/callsheet")
    assert is_postgres(resolve_db_path(None))
    monkeypatch.setenv("CALLSHEET_DB", "mysql://alice@db/callsheet")
    with pytest.raises(BadDatabaseAddress):
        resolve_db_path(None)
    assert is_postgres(resolve_db_path("postgres://flag@db/x"))  # the flag wins
