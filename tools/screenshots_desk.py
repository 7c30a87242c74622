"""Render the views of issue 13 (timeline and notes, unknown callers, my tasks) with the
demo data to PNG files.

    QT_QPA_PLATFORM=offscreen python tools/screenshots_desk.py [OUTDIR] [--lang de]

OUTDIR defaults to docs/screenshots. Same set-up as tools/screenshots.py; --lang de
shows them in German (with German notes), in files named with -de (timeline-de.png).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from crm_desktop import i18n, style  # noqa: E402
from crm_desktop.call_details import CallDetailsDialog  # noqa: E402
from crm_desktop.main_window import PAGE_MY_TASKS, PAGE_UNKNOWN, DesktopOptions, MainWindow  # noqa: E402
from shared.calls import parse_call  # noqa: E402
from shared.database import connect  # noqa: E402
from shared.demo import load_demo  # noqa: E402
from shared.model import Actor, ContactRef  # noqa: E402
from shared.notes import NotesRepository  # noqa: E402
from shared.person_details import PersonDetails  # noqa: E402
from shared.store import Store  # noqa: E402
from shared.todos import TodosRepository  # noqa: E402
from tools import screenshots  # noqa: E402
from tools.screenshots import save, settle  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES), default="en")
    args = parser.parse_args()
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    german = args.lang == "de"
    screenshots.SUFFIX = "" if args.lang == "en" else f"-{args.lang}"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Callsheet")
    style.apply(app)  # type: ignore[arg-type]
    i18n.install(app, args.lang)
    tmp = tempfile.TemporaryDirectory()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp.name)
    db_path = Path(tmp.name) / "callsheet.db"
    store = Store(connect(db_path))
    load_demo(store)
    store.set_setting("demo_offered", "1")
    store.set_setting("user_name", "Anna Roth")
    desk = Actor.desktop()
    window = MainWindow(store, db_path, DesktopOptions(flags={"host": "127.0.0.1", "port": "0",
                                                             "region": "DE"}, daily_backups=False))
    window.resize(1280, 800)
    window.show()
    settle(300)

    persons = store.list_persons(limit=500)
    person = max(persons, key=lambda p: len(store.calls_for_contact(ContactRef(None, p.id))))
    ref = ContactRef(None, person.id)
    notes = NotesRepository(store)
    now = store.clock()
    store.clock = lambda: now - timedelta(days=2)
    notes.add(ref, "Ruft am liebsten vormittags an; nach 14 Uhr geht die Assistenz ran."
              if german else "Prefers calls before lunch; the assistant picks up after 2 pm.",
              "Ben Kurz", desk)
    store.clock = lambda: now - timedelta(hours=3)
    notes.add(ref, "Wollte das Winterangebot als PDF; ist verschickt." if german
              else "Asked for the winter offer as PDF; sent it.", "Anna Roth", desk)
    store.clock = lambda: now
    store.update_person(person.id, {"city": "San Francisco"}, desk)
    PersonDetails(store).update(person.id, {
        "jobTitle": "Head of Purchasing", "department": "Operations",
        "address": "535 Mission St", "zipCode": "94105", "country": "US"}, desk)
    window.go(1)
    window.persons.table.selectRow(window.persons.model.row_of(person.id))
    card = window.open_contact("person", person.id)
    card.tabs.setCurrentWidget(card.timeline)
    save(window, out, "timeline")
    card.splitter.setSizes([560, 200])
    save(window, out, "person-card-details")
    # The call with the most to tell, in words.
    call = max(store.calls_for_contact(ref), key=lambda c: len(str(store.get_call_json(c.id))))
    details = CallDetailsDialog(window.ctx, call.id, window)
    details.resize(620, 640)
    details.show()
    save(details, out, "call-details")
    details.close()

    window.persons.table.selectRow(window.persons.model.row_of(person.id))
    row = window.persons.model.row_of(person.id)
    menu = window.persons.context_menu(row)
    menu.popup(window.mapToGlobal(window.rect().center()))
    save(menu, out, "list-menu")
    menu.close()

    for _ in range(window.cards.count()):
        window.close_current_card()
    for i, (number, agent, at) in enumerate((
            ("+493090182044", "peggy.sue", "2026-11-30T08:12:00Z"),
            ("+493090182044", "tom.baker", "2026-11-30T15:40:00Z"),
            ("+4915790011223", "peggy.sue", "2026-11-29T10:05:00Z"),
            ("+43155512345", "ida.kern", "2026-11-27T13:30:00Z"))):
        store.record_call(parse_call({"id": f"unknown-{i}", "type": "inbound",
                                      "timestampInit": at, "phoneNumber": number,
                                      "agent": agent}), Actor("api", "10.0.0.7"))
    window.go(PAGE_UNKNOWN)
    save(window, out, "unknown-callers")
    window.show_saved_filter(window.saved.filter_of(window.saved.item(1)))
    window.saved.setCurrentRow(1)
    save(window, out, "saved-filter-do-not-call")

    todos = TodosRepository(store)
    here = datetime.now().astimezone().replace(second=0, microsecond=0)
    todos.add("Anna Roth", "Send Nina Meyer the signed contract", here - timedelta(hours=2),
              desk, ref=ref)
    todos.add("Anna Roth", "Order toner for the front desk", here + timedelta(hours=3), desk)
    todos.add("Anna Roth", "Ask about the open invoice", here + timedelta(days=1, hours=1),
              desk, ref=ContactRef(store.list_companies(limit=3)[2].id, None))
    todos.add("Ben Kurz", "Ben's, not shown in Anna's list", here, desk)
    window.reminder.check()
    window.go(PAGE_MY_TASKS)
    window.my_tasks.table.selectRow(0)
    save(window, out, "my-tasks")

    from datetime import time

    from crm_desktop.campaign_dialog import CampaignDialog
    from shared import calling_hours
    from shared.calling_hours import CallingHours

    with store.write():
        calling_hours.set_hours(store.conn, "winter_promo", CallingHours(time(9), time(18)))
    dlg = CampaignDialog(window.ctx, store.get_campaign("winter_promo"), parent=window)
    dlg.show()
    save(dlg, out, "campaign-calling-hours")
    dlg.close()

    window.shutdown()
    store.db.close()
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
