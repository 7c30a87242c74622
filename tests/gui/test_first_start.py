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
