"""Render the desktop app's main views with the demo data to PNG files.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py [OUTDIR] [--lang de] [--dark]

OUTDIR defaults to docs/screenshots. --lang de shows the app in German and --dark in
its dark scheme; their files are named with -de / -dark (companies-de-dark.png).
The window is 1280x800, the API runs on a free port of 127.0.0.1, and one real
request is sent so the status bar shows what it looks like in use.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from crm_desktop import i18n, style  # noqa: E402
from crm_desktop.main_window import (  # noqa: E402
    PAGE_CALLS,
    PAGE_CAMPAIGNS,
    PAGE_COMPANIES,
    PAGE_LOOKUP,
    PAGE_TASKS,
    DesktopOptions,
    MainWindow,
)
from crm_desktop.settings_dialog import SettingsDialog  # noqa: E402
from shared.database import connect  # noqa: E402
from shared.demo import load_demo  # noqa: E402
from shared.model import ContactRef  # noqa: E402
from shared.settings import ensure_api_key  # noqa: E402
from shared.store import Store  # noqa: E402


def settle(ms: int = 150) -> None:
    """Let layouts, timers and repaints finish."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QCoreApplication.processEvents()


SUFFIX = ""  # "-de", "-dark", "-de-dark": which variant is being shot


def save(widget: QWidget, out: Path, name: str) -> None:
    settle()
    path = out / f"{name}{SUFFIX}.png"
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    global SUFFIX
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES), default="en")
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args()
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    SUFFIX = ("" if args.lang == "en" else f"-{args.lang}") + ("-dark" if args.dark else "")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Callsheet")
    style.apply(app, dark=args.dark)  # type: ignore[arg-type]
    i18n.install(app, args.lang)
    tmp = tempfile.TemporaryDirectory()
    # The window's remembered state (card panel width) of this PC must not shape the shots.
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp.name)
    db_path = Path(tmp.name) / "callsheet.db"
    store = Store(connect(db_path))
    key, _ = ensure_api_key(store)
    load_demo(store)
    store.set_setting("demo_offered", "1")
    window = MainWindow(store, db_path, DesktopOptions(flags={"host": "127.0.0.1", "port": "0",
                                                             "region": "DE"}, daily_backups=False))
    window.resize(1280, 800)
    window.show()
    settle(300)
    if os.environ.get("SCREENSHOT_DEBUG"):
        for w in (window.pages, window.card_panel, window.nav):
            print(type(w).__name__, w.minimumSizeHint())
    requests.post(f"{window.api.url}/contacts/search",
                  json={"query": {"phoneNumber": "+4989443228150"}},
                  headers={"Authorization": f"Bearer {key}"}, timeout=10)
    settle(300)

    window.go(PAGE_COMPANIES)
    window.companies.table.selectRow(2)
    save(window, out, "companies")

    company = next(c for c in store.list_companies() if c.name == "CX Labs GmbH")
    card = window.open_contact("company", company.id)
    card.tabs.setCurrentWidget(card.persons_page)
    window.companies.table.selectRow(window.companies.model.row_of(company.id))
    save(window, out, "company-card")

    # The person with the longest call history, to show it.
    persons = store.list_persons(limit=500)
    person = max(persons, key=lambda p: len(store.calls_for_contact(ContactRef(None, p.id))))
    window.go(1)
    window.persons.table.selectRow(window.persons.model.row_of(person.id))
    window.open_contact("person", person.id)
    save(window, out, "person-card")

    for _ in range(window.cards.count()):
        window.close_current_card()
    window.go(PAGE_CAMPAIGNS)
    window.campaigns.select("winter_promo")
    save(window, out, "campaigns")

    window.go(PAGE_TASKS)
    window.tasks.table.selectRow(0)
    save(window, out, "tasks")

    window.go(PAGE_CALLS)
    window.calls.table.selectRow(1)
    save(window, out, "calls")

    window.go(PAGE_LOOKUP)
    # A caller dialling from an extension of CX Labs' switchboard (+49 89 443228-0).
    window.lookup.number.setText("089 4432280-199")
    window.lookup.look_up()
    save(window, out, "lookup-tester")
    window.lookup.number.setText("0151 1234 5670")
    window.lookup.look_up()
    save(window, out, "lookup-tester-no-match")

    # As an office PC has it: values saved in the database, none fixed by flags.
    store.set_setting("port", "8765")
    dlg = SettingsDialog(window.ctx, {}, api_status=window.api.message,
                         db_path="~/.local/share/Callsheet/callsheet.db", parent=window,
                         local=window.local)
    dlg.show()
    save(dlg, out, "settings")
    dlg.close()

    window.shutdown()
    store.db.close()
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
