"""File ▸ Settings ▸ This PC: the language (automatic, English, Deutsch), saved per PC and
used the next time a window is made."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox

from crm_desktop import i18n
from crm_desktop.main_window import DesktopOptions, MainWindow
from crm_desktop.settings_dialog import SettingsDialog
from shared.local_settings import LocalSettings

from .conftest import API_KEY


@pytest.fixture
def make_window(qtbot, store, db_path, tmp_path) -> Iterator:
    made: list[MainWindow] = []

    def make(local: LocalSettings) -> MainWindow:
        w = MainWindow(store, db_path, DesktopOptions(
            flags={"host": "127.0.0.1", "port": "0", "api_key": API_KEY, "region": "DE"},
            local=local, local_path=tmp_path / "this-pc.json"))
        w.show()
        made.append(w)
        return w

    yield make
    i18n.install(QApplication.instance(), "en")
    for w in made:
        w.close()
        w.shutdown()
        w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def menu_action(window: MainWindow, menu: str, text: str):
    for top in window.menuBar().actions():
        if top.text() == menu:
            return next(a for a in top.menu().actions() if a.text() == text)
    raise AssertionError(f"no menu {menu}")


def test_picking_deutsch_in_settings_saves_it_for_this_pc(qtbot, make_window, tmp_path):
    window = make_window(LocalSettings())
    seen: list[str] = []

    def choose() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, SettingsDialog)
        combo = dlg.findChild(QComboBox, "pc_language")
        seen.append(combo.currentText())
        # As a person does: focus the list and type the language's first letter.
        combo.setFocus()
        QTest.keyClicks(combo, "D")
        seen.append(combo.currentText())
        save = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose)
    menu_action(window, "&File", "&Settings…").trigger()
    assert seen[0].startswith("Automatic (as the system: ")
    assert seen[1] == "Deutsch"
    saved = json.loads((tmp_path / "this-pc.json").read_text(encoding="utf-8"))
    assert saved["language"] == "de"
    assert LocalSettings.load(tmp_path / "this-pc.json").language == "de"
    assert "Restart Callsheet to see the new language." in window.statusBar().currentMessage()


def test_a_window_started_with_german_chosen_shows_german_menus(make_window, tmp_path):
    path: Path = tmp_path / "this-pc.json"
    LocalSettings(language="de").save(path)
    # What crm_desktop.app.main does before it makes the window.
    local = LocalSettings.load(path)
    assert i18n.install(QApplication.instance(), i18n.choose_language(local.language))
    window = make_window(local)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Datei", "&Bearbeiten", "&Gehe zu", "&Karte", "&Hilfe"]
    assert menu_action(window, "&Datei", "E&instellungen…") is not None

