"""The desktop in German: every text of the menus, the lists and a card is translated."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QRect, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTableView,
    QTabWidget,
    QWidget,
)

from crm_desktop import i18n, style
from crm_desktop.main_window import DesktopOptions, MainWindow
from crm_desktop.saved_filters import SavedFilter

from .conftest import API_KEY
from .window_closing import discard

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "callsheet_de.ts"
# Data and names, not texts: the same in every language.
DATA = ("Eva", "Berg", "Nordlicht", "127.0.0.1", "callsheet.db", "Callsheet", "@example.com")


def same_in_german() -> set[str]:
    """Texts whose German is the English (Name, Status, Apollo …)."""
    root = ET.parse(TS).getroot()
    return {m.findtext("source") or "" for m in root.iter("message")
            if m.findtext("source") == m.findtext("translation")}


def menu_texts(menu: QMenu) -> list[str]:
    out = []
    for a in menu.actions():
        out += [a.text(), a.toolTip() if a.toolTip() != a.text().replace("&", "") else ""]
        if a.menu():
            out += menu_texts(a.menu())
    return out


def widget_texts(root: QWidget) -> list[str]:
    out = [root.windowTitle(), root.toolTip(), root.accessibleName()]
    for w in root.findChildren(QWidget):
        out += [w.toolTip(), w.accessibleName()]
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append(w.text())
        if isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        if isinstance(w, QGroupBox):
            out.append(w.title())
        if isinstance(w, QTabWidget):
            out += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QListWidget):
            out += [w.item(i).text() for i in range(w.count())]
    return out


def window_texts(window: MainWindow) -> list[str]:
    texts = []
    for a in window.menuBar().actions():
        texts.append(a.text())
        texts += menu_texts(a.menu())
    texts += widget_texts(window)
    card = window.current_card()
    assert card is not None
    texts += widget_texts(card)
    # Column titles of every table: the current list's and the card's.
    for view in window.findChildren(QTableView):
        model = view.model()
        texts += [str(model.headerData(c, Qt.Orientation.Horizontal))
                  for c in range(model.columnCount())]
    return texts


def wordy(text: str) -> bool:
    """A text a translator would translate: words, not data, keys or numbers."""
    plain = re.sub(r"<[^>]+>", "", text).replace("&", "")
    return bool(re.search(r"[A-Za-z]{3,}", plain)) and not any(d in plain for d in DATA)


@pytest.fixture
def open_window(qtbot, store, db_path, actor) -> Iterator:
    company = store.create_company({"name": "Nordlicht"}, actor)
    person = store.create_person({"firstName": "Eva", "lastName": "Berg"}, actor,
                                 company_id=company.id)
    made: list[MainWindow] = []

    def make() -> MainWindow:
        w = MainWindow(store, db_path, DesktopOptions(flags={
            "host": "127.0.0.1", "port": "0", "api_key": API_KEY, "region": "DE"}))
        w.show()
        made.append(w)
        w.open_contact("person", person.id)
        return w

    yield make
    i18n.install(QApplication.instance(), "en")
    discard(*made)


def test_german_window_translates_menus_lists_and_a_card(open_window) -> None:
    english = window_texts(open_window())
    assert "&File" in english and "Timeline" in english
    assert i18n.install(QApplication.instance(), "de")
    window = open_window()
    german = window_texts(window)
    assert "&Datei" in german and "&Hilfe" in german and "Verlauf" in german
    same = same_in_german()
    untranslated = sorted({t for t in english if wordy(t) and t in german and t not in same})
    assert untranslated == [], "\n".join(untranslated)
    # German is ~30% longer: the card must still fit its panel (no cut-off buttons).
    card = window.current_card()
    assert card.minimumSizeHint().width() <= window.card_panel.width()


@pytest.fixture
def styled() -> Iterator[None]:
    """The app's style sheet, as at a real start (the items' padding makes them wide)."""
    app = QApplication.instance()
    style.apply(app, dark=False)
    yield
    app.setStyleSheet("")
    app.setPalette(QPalette())


def test_the_german_navigation_shows_every_title_whole_without_sideways_scrolling(
        styled, open_window, qtbot) -> None:
    assert i18n.install(QApplication.instance(), "de")
    window = open_window()
    window.saved.add(SavedFilter("Rückrufe der Vertriebsabteilung in Süddeutschland", "tasks"))
    qtbot.waitUntil(lambda: window.saved.count() == 3)
    for lst in (window.nav, window.saved):
        assert not lst.horizontalScrollBar().isVisible()
        metrics = lst.fontMetrics()
        # Vertical padding and margins of an item (style.py's #nav / #savedFilters).
        around = {"nav": 2 * (9 + 1), "savedFilters": 2 * (6 + 1)}[lst.objectName()]
        for i in range(lst.count()):
            item = lst.item(i)
            rect = lst.visualItemRect(item)
            # Each title within the list's width, on as many lines as it needs (the
            # style sheet's padding and margins take 48 px of the width).
            assert rect.width() <= lst.viewport().width()
            needed = metrics.boundingRect(QRect(0, 0, rect.width() - 48, 0),
                                          Qt.TextFlag.TextWordWrap, item.text())
            lines = round(needed.height() / metrics.lineSpacing())
            assert rect.height() >= lines * metrics.lineSpacing() + around, item.text()
    # "Unbekannte Anrufer" takes two lines rather than widen the pane or scroll it.
    nav = window.nav
    unknown = next(nav.item(i) for i in range(nav.count())
                   if nav.item(i).text() == "Unbekannte Anrufer")
    assert nav.visualItemRect(unknown).height() > nav.visualItemRect(nav.item(0)).height()
    assert window.nav_panel.width() == 170
    # The list and the card keep their room: the card fits beside them.
    card = window.current_card()
    assert card.minimumSizeHint().width() <= window.card_panel.width()


def test_back_in_english_day_names_are_english_again(qapp):
    # The dashboard's days come from the default QLocale: German ones stayed after a
    # switch back to English (only a later test in the same process saw it).
    try:
        i18n.install(qapp, "de")
        assert QLocale().dayName(1, QLocale.FormatType.ShortFormat) == "Mo."
    finally:
        i18n.install(qapp, "en")
    assert QLocale().dayName(1, QLocale.FormatType.ShortFormat) == "Mon"
