"""shared/local_settings.py: this PC's settings file, and the URL it makes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shared.local_settings import LocalSettings, os_user


def test_defaults_when_no_file(tmp_path: Path) -> None:
    s = LocalSettings.load(tmp_path / "missing.json")
    assert s == LocalSettings()
    assert not s.shared and s.pop_cards and not s.serve_api


def test_round_trip_and_no_password_field(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "this-pc.json"
    s = LocalSettings(database="shared", host="db.lan", port=5433, dbname="crm", user="alice",
                      sslmode="require", serve_api=True, pop_cards=False, your_name="Alice B.")
    s.save(path)
    assert LocalSettings.load(path) == s
    assert "password" not in path.read_text()


@pytest.mark.parametrize("content", ["not json", "[1]", '{"database": "mysql", "port": "x",'
                                     ' "sslmode": "maybe", "password": "leak"}'])
def test_broken_or_odd_file_falls_back_to_defaults(tmp_path: Path, content: str) -> None:
    path = tmp_path / "this-pc.json"
    path.write_text(content)
    s = LocalSettings.load(path)
    assert s.database == "local" and s.port == 5432 and s.sslmode == "prefer"
    assert not hasattr(s, "password")


def test_shared_url_has_no_password_and_quotes_names() -> None:
    s = LocalSettings(database="shared", host="db.lan", port=5432, dbname="call sheet",
                      user="a@b")
    assert s.shared_url() == "postgresql://a%40b@db.lan:5432/call%20sheet"
    s.sslmode = "require"
    assert s.shared_url().endswith("?sslmode=require")
    s.host = "::1"
    assert "@[::1]:5432/" in s.shared_url()


def test_person_defaults_to_the_os_user() -> None:
    assert LocalSettings().person() == os_user()
    assert LocalSettings(your_name="  Alice  ").person() == "Alice"
    json.dumps(LocalSettings().__dict__)  # everything in it is plain JSON
