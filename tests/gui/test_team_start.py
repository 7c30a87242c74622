"""Which database the desktop opens: --db, CALLSHEET_DB, then this PC's setting."""

import pytest

from crm_desktop.app import shared_target
from shared.local_settings import LocalSettings

SHARED = LocalSettings(database="shared", host="db.lan", dbname="crm", user="alice")


@pytest.mark.parametrize("flag, env, local, expected", [
    (None, None, LocalSettings(), None),
    (None, None, SHARED, "postgresql://alice@db.lan:5432/crm"),
    ("/tmp/x.db", None, SHARED, None),  # a file on the command line wins
    (None, "/tmp/x.db", SHARED, None),
    ("postgresql://bob@h/db", None, LocalSettings(), "postgresql://bob@h/db"),
    (None, "postgres://bob@h/db", LocalSettings(), "postgres://bob@h/db"),
])
def test_flag_then_environment_then_this_pc(monkeypatch, flag, env, local, expected):
    if env:
        monkeypatch.setenv("CALLSHEET_DB", env)
    else:
        monkeypatch.delenv("CALLSHEET_DB", raising=False)
    assert shared_target(flag, local) == expected
