"""Privacy export, erasure and retention on a shared PostgreSQL database: refused in one
clear line (they rely on SQLite's secure_delete, the file's bytes and the privacy log
kept beside the file), and nothing is changed."""

from __future__ import annotations

import pytest

from crm_api.cli import main
from shared.database import connect
from shared.errors import NotOnSharedDatabase
from shared.model import Actor
from shared.store import Store


@pytest.fixture
def person(pg_url):
    store = Store(connect(pg_url))
    try:
        yield store.create_person({"firstName": "Anna", "lastName": "Berg",
                                   "phone": "+4930555019"}, Actor("cli")).id
    finally:
        store.db.close()


@pytest.mark.parametrize("argv", [
    ("privacy", "erase", "{pid}", "--reason", "asked by phone", "--yes"),
    ("privacy", "export", "{pid}", "{out}"),
])
def test_privacy_commands_refuse_a_shared_database_and_change_nothing(
        pg_url, person, argv, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("CALLSHEET_API_KEY", raising=False)
    out = tmp_path / "anna.json"
    args = [a.format(pid=person, out=out) for a in argv]
    assert main([*args, "--db", pg_url]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "shared PostgreSQL database" in err
    assert not out.exists()
    store = Store(connect(pg_url))
    try:
        assert store.get_person(person).last_name == "Berg"
    finally:
        store.db.close()


def test_retention_preview_is_refused_on_a_shared_database(pg_url):
    from datetime import UTC, datetime

    from shared import retention

    store = Store(connect(pg_url))
    try:
        with pytest.raises(NotOnSharedDatabase, match="callsheet-api copy"):
            retention.preview(store, datetime.now(UTC))
    finally:
        store.db.close()
