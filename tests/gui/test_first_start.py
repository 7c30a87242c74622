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


def test_the_desktop_says_it_created_a_new_database(qtbot, tmp_path, monkeypatch):
    """Started on a path with no file, the app creates the database and names it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from crm_desktop.app import main

    asked: list[str] = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        # The window opens after this question; quit once it is up.
        QTimer.singleShot(200, QApplication.quit)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    path = tmp_path / "fresh" / "new.db"
    QTimer.singleShot(20_000, QApplication.quit)  # no question asked: do not hang
    assert main(["--db", str(path), "--no-api"]) == 0
    assert path.is_file()
    assert len(asked) == 1 and f"created a new, empty database at {path}" in asked[0]
