"""First start: the demo data is offered once for an empty database; --demo loads it."""

from PySide6.QtWidgets import QMessageBox

from crm_desktop.app import first_start, parse_args


def test_offers_the_demo_once(qtbot, store, monkeypatch):
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert not first_start(store, demo=False)
    assert not first_start(store, demo=False)
    assert len(asked) == 1 and "demo data" in asked[0]
    assert store.count_companies() == 0


def test_yes_loads_the_demo(qtbot, store, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert first_start(store, demo=False)
    assert store.count_companies() > 0 and store.list_campaigns()


def test_demo_flag_loads_without_asking(qtbot, store, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: 1 / 0)
    assert first_start(store, demo=True)
    assert store.count_persons() > 0
    assert not first_start(store, demo=True), "never into a database with contacts"


def test_command_line():
    args = parse_args(["--db", "x.db", "--demo", "--no-api"])
    assert (args.db, args.demo, args.no_api) == ("x.db", True, True)


# -- the window on an empty database ---------------------------------------------------


def _click(qtbot, button):
    from PySide6.QtCore import Qt

    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_an_empty_database_shows_what_to_do(qtbot, window, store):
    view = window.companies
    assert view.empty.isVisible() and not view.table.isVisible()
    assert view.count.text() == "No companies yet"
    texts = [b.text() for b in (view.empty.new_button, view.empty.import_button,
                                view.empty.demo_button) if b.isVisible()]
    assert texts == ["New company", "Import CSV…", "Load demo data"]


def test_load_demo_data_button_fills_the_lists(qtbot, window, store):
    _click(qtbot, window.companies.empty.demo_button)
    assert store.count_companies() > 0
    qtbot.waitUntil(lambda: window.companies.table.isVisible())
    assert not window.companies.empty.isVisible()
    assert window.companies.model.rowCount() > 0
    window.go(1)
    assert window.persons.table.isVisible() and window.persons.model.rowCount() > 0


def test_new_company_button_opens_a_card_in_the_default_region(qtbot, window, store):
    from PySide6.QtCore import Qt

    _click(qtbot, window.companies.empty.new_button)
    card = window.current_card()
    assert card is not None and card.KIND == "company"
    assert card.fields["country"].text() == "DE"
    assert card.fields["country"].editor.currentText() == "Germany (DE)"
    qtbot.keyClicks(card.fields["name"].editor, "Erste GmbH")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    [company] = store.list_companies()
    assert (company.country, company.display_name) == ("DE", "Erste GmbH (DE)")
    # The list shows it, and the demo is no longer offered (the database has contacts).
    qtbot.waitUntil(lambda: window.companies.table.isVisible())
    window.go(1)
    assert window.persons.empty.isVisible()
    assert not window.persons.empty.demo_button.isVisible()


def test_import_csv_button_opens_the_import(qtbot, window, store, monkeypatch):
    from crm_desktop.import_dialog import ImportDialog

    opened = []
    monkeypatch.setattr(ImportDialog, "open", lambda self: opened.append(self))
    _click(qtbot, window.companies.empty.import_button)
    assert len(opened) == 1


def test_a_filter_that_matches_nothing_is_not_the_empty_state(qtbot, window, store, actor):
    from PySide6.QtGui import QAction

    store.create_company({"name": "Acme"}, actor)
    [refresh] = [a for a in window.findChildren(QAction) if a.text() == "&Refresh"]
    refresh.trigger()
    assert window.companies.table.isVisible()
    qtbot.keyClicks(window.companies.filter, "zzz")
    qtbot.waitUntil(lambda: window.companies.count.text() == "No companies match")
    assert window.companies.table.isVisible() and not window.companies.empty.isVisible()


DESKTOP_FIRST_START = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from crm_desktop.app import main

def answer(*args, **kwargs):
    print("ASKED:", args[2].replace("\\n", " "), flush=True)
    QTimer.singleShot(200, QApplication.quit)  # the window opens after the question
    return QMessageBox.StandardButton.No

QMessageBox.question = answer
sys.exit(main(["--db", sys.argv[1], "--no-api"]))
"""


def test_the_desktop_says_it_created_a_new_database(tmp_path):
    """Started on a path with no file, the app creates the database and names it. (In a
    process of its own: a QApplication that ran its main loop cannot serve later tests.)"""
    import os
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "fresh" / "new.db"
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", DESKTOP_FIRST_START, str(path)], cwd=root,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert path.is_file()
    asked = [line for line in out.stdout.splitlines() if line.startswith("ASKED:")]
    assert len(asked) == 1 and f"created a new, empty database at {path}" in asked[0]
