"""Fixtures for the desktop tests: a database file, a store on it, and the main window
with its embedded API on a free port of 127.0.0.1."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from crm_desktop.main_window import DesktopOptions, MainWindow  # noqa: E402
from shared.database import connect  # noqa: E402
from shared.model import Actor  # noqa: E402
from shared.store import Store  # noqa: E402

from .window_closing import discard  # noqa: E402

API_KEY = "test-key-0123456789"


@pytest.fixture(autouse=True)
def window_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Window state (QSettings) in a folder of the test's own, not the user's config."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "callsheet.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store(connect(db_path))
    yield s
    s.db.close()


@pytest.fixture
def actor() -> Actor:
    return Actor("cli")


@pytest.fixture
def window(qtbot, store: Store, db_path: Path) -> Iterator[MainWindow]:
    options = DesktopOptions(flags={"host": "127.0.0.1", "port": "0", "api_key": API_KEY,
                                    "region": "DE"})
    w = MainWindow(store, db_path, options)
    w.show()
    yield w
    discard(w)


@pytest.fixture
def api_url(window: MainWindow) -> str:
    assert window.api.state == "listening", window.api.message
    return window.api.url


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {API_KEY}"}
