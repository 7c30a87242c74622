"""Lists sort German names where people look for them, persons also by last name, and
typing a filter keeps the sort chosen in the header."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction


def _go(window, title):
    [a] = [a for a in window.findChildren(QAction) if a.text().replace("&", "") == title]
    a.trigger()


def _click_header(qtbot, table, column):
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def _names(view, column=0):
    m = view.model
    return [m.index(r, column).data() for r in range(m.rowCount())]


def test_companies_sort_umlauts_with_their_letters(qtbot, window, store, actor):
    for name in ("Brooklyn Bagel", "Bäckerei Sonne", "Zürich AG", "Österreich Tours",
                 "Oase"):
        store.create_company({"name": name}, actor)
    _go(window, "Refresh")
    assert _names(window.companies) == ["Bäckerei Sonne", "Brooklyn Bagel", "Oase",
                                        "Österreich Tours", "Zürich AG"]


def test_persons_by_last_name_and_the_filter_keeps_it(qtbot, window, store, actor):
    for first, last in (("Käthe", "Zöller"), ("Klaus", "Adler"), ("Anna", "Ärmel"),
                        ("Kurt", "Brook")):
        store.create_person({"firstName": first, "lastName": last}, actor)
    _go(window, "Persons")
    view = window.persons
    assert _names(view) == ["Anna Ärmel", "Käthe Zöller", "Klaus Adler", "Kurt Brook"]
    _click_header(qtbot, view.table, view.model.COL_LAST)
    assert _names(view, view.model.COL_LAST) == ["Adler", "Ärmel", "Brook", "Zöller"]
    qtbot.keyClicks(view.filter, "K")
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    assert _names(view, view.model.COL_LAST) == ["Adler", "Brook", "Zöller"]
    assert view.table.horizontalHeader().sortIndicatorSection() == view.model.COL_LAST
    # Back to the name: the list follows.
    _click_header(qtbot, view.table, view.model.COL_NAME)
    assert _names(view) == ["Käthe Zöller", "Klaus Adler", "Kurt Brook"]


def test_a_column_sort_survives_typing_a_filter(qtbot, window, store, actor):
    for name, city in (("Acme", "Zwickau"), ("Beta", "Bonn"), ("Acker", "Mainz"),
                       ("Gamma", "Berlin")):
        store.create_company({"name": name, "city": city}, actor)
    _go(window, "Refresh")
    view = window.companies
    _click_header(qtbot, view.table, view.model.COL_CITY)
    assert _names(view, view.model.COL_CITY) == ["Berlin", "Bonn", "Mainz", "Zwickau"]
    qtbot.keyClicks(view.filter, "Ac")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert _names(view, view.model.COL_CITY) == ["Mainz", "Zwickau"]
    assert view.table.horizontalHeader().sortIndicatorSection() == view.model.COL_CITY
