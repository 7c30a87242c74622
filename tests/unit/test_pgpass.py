"""shared/pgpass.py: the password goes to libpq's file, owner-only, in libpq's format."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from shared.pgpass import find_password, pgpass_path, remove_password, save_password


@pytest.fixture
def pgpass(tmp_path: Path) -> Path:
    return tmp_path / "conf" / "pgpass"


def test_saved_password_is_found_and_file_is_owner_only(pgpass: Path) -> None:
    save_password("db.office.lan", 5432, "callsheet", "alice", "s3cret", pgpass)
    assert find_password("db.office.lan", "5432", "callsheet", "alice", pgpass) == "s3cret"
    assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600
    assert pgpass.read_text() == "db.office.lan:5432:callsheet:alice:s3cret\n"


def test_colons_and_backslashes_are_escaped_as_libpq_expects(pgpass: Path) -> None:
    save_password("h", 5432, "d", "u", r"a:b\c", pgpass)
    assert pgpass.read_text() == "h:5432:d:u:a\\:b\\\\c\n"
    assert find_password("h", 5432, "d", "u", pgpass) == r"a:b\c"


def test_saving_again_replaces_and_keeps_other_lines_first_wins(pgpass: Path) -> None:
    pgpass.parent.mkdir(parents=True)
    pgpass.write_text("# mine\n*:*:*:alice:wildcard\nother:5432:x:bob:bobs\n")
    os.chmod(pgpass, 0o644)
    save_password("h", 5432, "callsheet", "alice", "one", pgpass)
    save_password("h", 5432, "callsheet", "alice", "two", pgpass)
    lines = pgpass.read_text().splitlines()
    assert lines == ["h:5432:callsheet:alice:two", "# mine", "*:*:*:alice:wildcard",
                     "other:5432:x:bob:bobs"]
    assert find_password("h", 5432, "callsheet", "alice", pgpass) == "two"
    assert find_password("elsewhere", 5432, "callsheet", "alice", pgpass) == "wildcard"
    assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600


def test_remove_forgets_only_that_entry(pgpass: Path) -> None:
    save_password("h", 5432, "a", "u", "pa", pgpass)
    save_password("h", 5432, "b", "u", "pb", pgpass)
    assert remove_password("h", 5432, "a", "u", pgpass) is True
    assert remove_password("h", 5432, "a", "u", pgpass) is False
    assert find_password("h", 5432, "a", "u", pgpass) is None
    assert find_password("h", 5432, "b", "u", pgpass) == "pb"


def test_pgpassfile_variable_wins(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "custom"))
    assert pgpass_path() == tmp_path / "custom"
    monkeypatch.delenv("PGPASSFILE")
    expected = ("pgpass.conf" if sys.platform == "win32" else ".pgpass")
    assert pgpass_path().name == expected
