"""``callsheet``: open the database, start the embedded API and show the window.

Settings follow the same order everywhere: command-line flag, then
environment variable (CALLSHEET_DB, CALLSHEET_HOST, CALLSHEET_PORT,
CALLSHEET_API_KEY, CALLSHEET_REGION), then the value saved in the database,
then the default.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from crm_api import logsink
from shared.backup import hold_lock
from shared.database import (
    DATABASE_ERRORS,
    SQLITE_DAMAGED_ERRORS,
    check_intact,
    connect,
    damaged_message,
)
from shared.demo import load_demo
from shared.errors import CallsheetError
from shared.local_settings import LocalSettings, config_path
from shared.logfiles import add_secret, setup_logging
from shared.settings import ensure_api_key, resolve_db_path
from shared.store import Store
from shared.versions import app_info, version_text

from . import i18n, style
from .diagnostics import install_excepthook
from .i18n import translate
from .main_window import DesktopOptions, MainWindow
from .single_instance import InstanceServer, ask_running

log = logging.getLogger("callsheet.desktop")
DEMO_OFFERED = "demo_offered"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line: ``callsheet [--db PATH] [--demo] [--no-api]``."""
    p = argparse.ArgumentParser(
        prog="callsheet",
        description="Callsheet: the office's CRM, with the Apollo API built in.",
        # Raw: --version prints one component per line.
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", metavar="PATH",
                   help="the database file (default: CALLSHEET_DB, else the user data folder)")
    p.add_argument("--demo", action="store_true",
                   help="load the demo data set into an empty database without asking")
    p.add_argument("--no-api", action="store_true", help="do not start the API server")
    p.add_argument("--host", help="the API's address (overrides CALLSHEET_HOST and Settings)")
    p.add_argument("--port", help="the API's port (overrides CALLSHEET_PORT and Settings)")
    p.add_argument("--region", help="the default phone region, e.g. DE (overrides"
                   " CALLSHEET_REGION and Settings)")
    p.add_argument("--version", action="version", version=version_text(),
                   help="print the versions of Callsheet, Qt, SQLite and Python, then exit")
    return p.parse_args(argv)


def is_empty(store: Store) -> bool:
    """True when the database has no contacts (two index probes, not a count)."""
    return not store.list_companies(limit=1) and not store.list_persons(limit=1)


def first_start(store: Store, *, demo: bool, parent: QWidget | None = None,
                created: Path | None = None) -> bool:
    """Offer the demo data on the first start with an empty database (``demo`` loads it
    without asking). ``created`` is the path of a database this start created, which
    the question names. Returns True when the demo data was loaded."""
    if not is_empty(store):
        if demo:
            log.warning("--demo: the database already has contacts; the demo was not loaded")
        return False
    if not demo:
        if store.get_setting(DEMO_OFFERED):
            return False
        store.set_setting(DEMO_OFFERED, "1")
        intro = (translate("app", "Callsheet created a new, empty database at {path}.").format(
            path=created) if created else translate("app", "This is a new, empty database."))
        answer = QMessageBox.question(
            parent,
            translate("app", "Welcome to Callsheet"),
            translate(
                "app",
                "{intro} Load the demo data (32 companies with their people, three campaigns, "
                "tasks and a month of calls) to look around?\n\nChoose No to start with your own "
                "contacts.",
            ).format(intro=intro),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
    store.set_setting(DEMO_OFFERED, "1")
    counts = load_demo(store)
    log.info("demo data loaded: %s", counts)
    return True


def shared_target(flag: str | None, local: LocalSettings) -> str | None:
    """The shared database's URL when this desktop opens one: ``--db`` or CALLSHEET_DB when
    it is a postgresql:// URL, else this PC's "Shared database" setting; None for a file."""
    given = flag or os.environ.get("CALLSHEET_DB")
    if given:
        return given if given.startswith(("postgresql://", "postgres://")) else None
    return local.shared_url() if local.shared else None


def already_running(window: MainWindow) -> None:
    """Callsheet was started again on this database: show the window that runs."""
    window.bring_to_front()
    window.notify(
        translate("app", "Callsheet is already running on this database: this is its window.")
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop app; returns the exit status."""
    args = parse_args(argv)
    # The embedded API logs every request: output nobody reads must not stop it.
    logsink.install()
    log_file = setup_logging("callsheet")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    name, version = app_info()
    app.setApplicationName(name)
    app.setApplicationDisplayName(name)
    app.setApplicationVersion(version)
    app.setOrganizationName(name)
    style.apply(app)  # type: ignore[arg-type]

    log.info("%s %s starting (log file: %s)", name, version, log_file)
    window: MainWindow | None = None
    # An error nobody caught shows a dialog with the log file instead of ending the app.
    install_excepthook(lambda: window)
    local = LocalSettings.load()
    # Before the first window or message: every text is looked up when it is made.
    i18n.install(app, i18n.choose_language(local.language))
    url = shared_target(args.db, local)
    # A shared database is named by its URL (no password in it); a file by its path.
    path: object = url or resolve_db_path(args.db)
    if ask_running(str(path)):
        # Before anything touches the database: the running window takes over.
        log.info("Callsheet is already running on %s", path)
        QMessageBox.information(
            None,
            name,
            translate(
                "app",
                "Callsheet is already running on this database:\n{path}\n\nIts window has been "
                "brought to the front.",
            ).format(path=path),
        )
        return 0
    instance = InstanceServer(str(path))
    instance.listen()
    lock = None
    new = not url and not path.exists()  # type: ignore[attr-defined]
    try:
        if url:
            # The storage layer opens PostgreSQL for a URL (libpq finds the password in
            # PGPASSWORD or its password file); nothing on this PC to lock.
            store = Store(connect(url))
        else:
            # Held until exit: `callsheet-api restore` refuses to replace a file in use.
            lock = hold_lock(path)  # type: ignore[arg-type]
            store = Store(connect(path))  # type: ignore[arg-type]
            # A damaged file is refused now, with how to restore, not found by a click later.
            check_intact(store.db, path)  # type: ignore[arg-type]
    except SQLITE_DAMAGED_ERRORS as e:
        QMessageBox.critical(None, name, damaged_message(path, str(e)))  # type: ignore[arg-type]
        return 1
    except (*DATABASE_ERRORS, OSError, CallsheetError, RuntimeError) as e:
        QMessageBox.critical(
            None,
            name,
            translate("app", "Callsheet cannot open its database\n{path}\n\n{e}").format(
                path=path, e=e
            ),
        )
        return 1
    except Exception as e:  # psycopg's errors: a refused password, a server not running
        if not url:
            raise
        QMessageBox.critical(
            None,
            name,
            translate(
                "app",
                "Callsheet cannot open the shared database\n{url}\n\n{e}\n\nCheck File > Settings "
                "> This PC (Test connection).",
            ).format(url=url, e=e),
        )
        return 1
    key, created = ensure_api_key(store)
    add_secret(key)
    if created:
        log.info("created an API key (see Settings to copy it)")
    first_start(store, demo=args.demo, created=path if new else None)
    flags = {"host": args.host, "port": args.port, "region": args.region}
    options = DesktopOptions(flags=flags, api_enabled=not args.no_api, shared_url=url,
                             local=local, local_path=config_path(),
                             reopen_store=(lambda: Store(connect(url))) if url else None)
    window = MainWindow(store, path, options)  # type: ignore[arg-type]
    instance.activated.connect(lambda: already_running(window))
    window.show()
    if new:
        # Said out loud: a mistyped --db or CALLSHEET_DB should not look like lost data.
        log.info("created a new database at %s", path)
        window.notify(translate("app", "Created a new database at {path}.").format(path=path))
    try:
        return app.exec()
    finally:
        instance.close()
        window.shutdown()
        window.store.db.close()  # the window may have reopened it after an outage
        if lock is not None:
            lock.release()


if __name__ == "__main__":
    sys.exit(main())
