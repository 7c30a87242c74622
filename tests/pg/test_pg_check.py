"""shared/pg_check.py against the throwaway server: each mistake names its field."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from shared.local_settings import LocalSettings
from shared.pg_check import check_connection
from tests.pg_server import free_port


@pytest.fixture(scope="module")
def office(pg_server) -> Iterator[LocalSettings]:
    db = pg_server.create_database("check_office")
    pg_server.create_role("check_alice", "right-pw", owns="check_office")
    yield LocalSettings(database="shared", host="127.0.0.1", port=pg_server.port,
                        dbname="check_office", user="check_alice", sslmode="disable")
    pg_server.drop_database(db.rsplit("/", 1)[1])
    pg_server.execute("DROP ROLE check_alice")


@pytest.fixture(autouse=True)
def no_password_from_elsewhere(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))


def test_right_password_connects(office: LocalSettings) -> None:
    r = check_connection(office, "right-pw")
    assert r.ok and r.field == ""
    assert r.message.startswith("Connected: PostgreSQL ")


@pytest.mark.parametrize("change, password, field, words", [
    ({}, "wrong", "password", "refused this password"),
    ({}, None, "password", "wants a password"),
    ({"dbname": "calsheet"}, "right-pw", "dbname", "no database called 'calsheet'"),
    ({"user": "nobody_here"}, "x", "password", "refused this password"),
    ({"host": "no-such-host.invalid"}, "right-pw", "host", "No computer called"),
    ({"port": "free"}, "right-pw", "port", "Nothing answers on port"),
    ({"sslmode": "require"}, "right-pw", "sslmode", "SSL"),
    ({"host": " "}, "right-pw", "host", "Enter the database server"),
    ({"user": ""}, "right-pw", "user", "Enter the user name"),
    ({"port": 0}, "right-pw", "port", "1 to 65535"),
])
def test_each_mistake_names_its_field(office, change, password, field, words) -> None:
    settings = LocalSettings(**(office.__dict__ | change))
    if change.get("port") == "free":
        settings.port = free_port()
    r = check_connection(settings, password, timeout=3)
    assert not r.ok
    assert (r.field, words in r.message) == (field, True), r.message
