"""Issue 13 item 9: every field has a label bound to it (or an accessible name), Tab
walks each card and dialog in the order it is seen, and do-not-call is told by a mark
and words, not by colour alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from crm_desktop.campaign_dialog import CampaignDialog
from crm_desktop.main_window import PAGE_PERSONS
from crm_desktop.note_dialog import NoteDialog
from crm_desktop.settings_dialog import SettingsDialog
from crm_desktop.task_dialog import TaskDialog
from crm_desktop.todo_dialog import TodoDialog
from shared.model import ContactRef

ROW = 10  # pixels: centres closer than this are on one row


def walk_tab(qtbot, container: QWidget, first: QWidget) -> list[QWidget]:
    """Press Tab from ``first`` until the focus leaves ``container`` or comes back."""
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first, timeout=2000)
    seen = [first]
    for _ in range(120):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        w = QApplication.focusWidget()
        if w is seen[-1]:
            continue  # a date-time field: Tab steps through its sections first
        if w is None or w is first or not container.isAncestorOf(w) or w in seen:
            break
        seen.append(w)
    return seen


def centre(container: QWidget, w: QWidget) -> QPoint:
    return w.mapTo(container, QPoint(w.width() // 2, w.height() // 2))


def assert_reading_order(container: QWidget, chain: list[QWidget]) -> None:
    for a, b in zip(chain, chain[1:], strict=False):
        pa, pb = centre(container, a), centre(container, b)
        same_row = abs(pa.y() - pb.y()) <= ROW
        assert (same_row and pb.x() > pa.x()) or (not same_row and pb.y() > pa.y()), (
            f"Tab goes from {a.objectName() or type(a).__name__} {pa.toTuple()} back to"
            f" {b.objectName() or type(b).__name__} {pb.toTuple()}")


def assert_labelled(container: QWidget) -> None:
    buddies = {id(label.buddy()) for label in container.findChildren(QLabel) if label.buddy()}
    for w in container.findChildren(QWidget):
        if not isinstance(w, QLineEdit | QPlainTextEdit | QComboBox | QAbstractSpinBox):
            continue
        if isinstance(w.parent(), QAbstractSpinBox | QComboBox) or not w.isVisibleTo(container):
            continue
        assert id(w) in buddies or w.accessibleName(), (
            f"{type(w).__name__} {w.objectName()!r} has no label bound to it")


@pytest.fixture
def tall_window(qtbot, window):
    # Tall enough that no card scrolls: positions on screen are then reading order.
    window.resize(1400, 1500)
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


@pytest.mark.parametrize("kind", ["company", "person"])
def test_tab_walks_each_card_in_reading_order(qtbot, tall_window, store, actor, kind):
    c = store.create_company({"name": "CX Labs", "phone": "+4989443228"}, actor)
    p = store.create_person({"firstName": "Eva", "lastName": "Berg", "phone": "+4930901820"},
                            actor, company_id=c.id)
    card = tall_window.open_contact(kind, c.id if kind == "company" else p.id)
    card.splitter.setSizes([900, 400])
    qtbot.wait(50)
    chain = walk_tab(qtbot, card, card.fields[card.FIELDS[0].api].editor)
    names = [w.objectName() for w in chain]
    # Every field on the way, and the buttons beside them.
    assert all(f"field_{s.api}" in names for s in card.FIELDS)
    assert "link_phone" in names
    if kind == "person":
        assert card.company_button in chain
        assert names.index("field_lastName") < chain.index(card.company_button) < names.index(
            "field_phone")
    assert_reading_order(card, chain)
    assert_labelled(card)


def test_tab_walks_a_new_person_card(qtbot, tall_window):
    card = tall_window.new_person()
    card.splitter.setSizes([900, 400])
    chain = walk_tab(qtbot, card, card.fields["salutation"].editor)
    assert len(chain) >= len(card.FIELDS)
    assert_reading_order(card, chain)


def dialogs(window, store, actor):
    store.create_campaign("promo", "Promo", actor)
    yield "note", NoteDialog("Eva Berg", "Anna", parent=window), None
    yield "todo", TodoDialog("Anna", contact="Eva Berg", parent=window), None
    yield "task", TaskDialog(window.ctx, store.list_campaigns(), parent=window), None
    yield "campaign", CampaignDialog(window.ctx, parent=window), None
    yield "settings", SettingsDialog(window.ctx, {}, parent=window), None


def test_tab_walks_each_dialog_in_reading_order(qtbot, window, store, actor):
    for name, dlg, _ in dialogs(window, store, actor):
        dlg.show()
        qtbot.waitExposed(dlg)
        dlg.activateWindow()
        # Start at the widget seen first (top left), whatever was made first.
        first = min((w for w in dlg.findChildren(QWidget)
                     if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible()
                     and w.isEnabled() and not isinstance(w.parent(),
                                                          QAbstractSpinBox | QComboBox)),
                    key=lambda w: (centre(dlg, w).y() // (ROW * 2), centre(dlg, w).x()))
        chain = walk_tab(qtbot, dlg, first)
        assert len(chain) >= 3, name
        assert_reading_order(dlg, chain)
        assert_labelled(dlg)
        dlg.close()


def test_do_not_call_has_a_mark_and_words_not_only_red(qtbot, window, store, actor):
    p = store.create_person({"firstName": "Felix", "lastName": "Bianchi"}, actor)
    store.set_do_not_call(ContactRef(None, p.id), True, actor, reason="asked")
    window.go(PAGE_PERSONS)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.persons.model.rowCount() == 1)
    text = window.persons.model.index(0, 0).data()
    assert text == "Felix Bianchi  ⊘ do not call"
    card = window.open_contact("person", p.id)
    assert card.badge.isVisible() and card.badge.text() == "⊘ DO NOT CALL"
