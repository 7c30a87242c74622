"""Dark mode follows the operating system: dark window colours and readable text on the
lists and a card (contrast measured on what is drawn)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from crm_desktop import style
from crm_desktop.main_window import DesktopOptions, MainWindow

from .conftest import API_KEY
from .window_closing import discard


def luminance(c: QColor) -> float:
    """WCAG relative luminance."""
    def ch(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def drawn(widget: QWidget) -> tuple[QColor, float]:
    """The background drawn most and the best contrast of any colour that is a real
    part of the picture (text), as the widget is on screen."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    counts: Counter[int] = Counter(image.pixel(x, y) for x in range(0, image.width(), 2)
                                   for y in range(0, image.height(), 2))
    total = sum(counts.values())
    bg = QColor(counts.most_common(1)[0][0])
    best = max((contrast(bg, QColor(rgb)) for rgb, n in counts.items() if n > total * 0.001),
               default=1.0)
    return bg, best


@pytest.fixture
def scheme(qtbot, monkeypatch, store, db_path, actor) -> Iterator:
    app = QApplication.instance()
    company = store.create_company({"name": "Nordlicht"}, actor)
    person = store.create_person({"firstName": "Eva", "lastName": "Berg"}, actor,
                                 company_id=company.id)
    made: list[MainWindow] = []

    def make(dark: bool) -> MainWindow:
        # What the OS says (offscreen Qt has no colour scheme of its own).
        monkeypatch.setattr(style, "system_is_dark", lambda: dark)
        style.apply(app)
        w = MainWindow(store, db_path, DesktopOptions(flags={
            "host": "127.0.0.1", "port": "0", "api_key": API_KEY, "region": "DE"}))
        w.resize(1280, 800)
        w.show()
        qtbot.waitExposed(w)
        w.open_contact("person", person.id)
        made.append(w)
        return w

    yield make
    style.apply(app, dark=False)
    app.setStyleSheet("")
    app.setPalette(QPalette())
    discard(*made)


@pytest.mark.parametrize("dark", [True, False])
def test_window_list_and_card_follow_the_scheme_and_stay_readable(scheme, dark) -> None:
    window = scheme(dark)
    assert style.is_dark() is dark
    pal = QApplication.instance().palette()
    window_bg = pal.color(QPalette.ColorRole.Window)
    assert (luminance(window_bg) < 0.05) is dark
    assert contrast(pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base)) >= 7
    assert contrast(pal.color(QPalette.ColorRole.WindowText), window_bg) >= 7

    card = window.current_card()
    lists = [v for v in window.findChildren(QTableView) if v.isVisible()]
    assert card is not None and lists
    for widget in (card, lists[0]):
        bg, best = drawn(widget)
        assert (luminance(bg) < 0.05) is dark, (widget, bg.name())
        assert best >= 7, (widget, bg.name(), best)
