"""Issue 12 item 2: Esc on a card asks before throwing edits away (like Ctrl+W), Ctrl+Z /
Ctrl+Shift+Z step through the card's field edits, and the Edit menu's Undo, Redo, Cut,
Copy and Paste act on the focused widget."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def asked(monkeypatch):
    """Answers the next questions with the listed answers and records the texts."""
    questions: list[str] = []
    answers: list[QMessageBox.StandardButton] = []

    def question(parent, title, text, *args, **kwargs):
        questions.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    return questions, answers


def open_card(qtbot, window, store, actor):
    c = store.create_company({"name": "CX Labs", "city": "Munich"}, actor)
    qtbot.waitExposed(window)
    window.activateWindow()
    card = window.open_contact("company", c.id)
    return c, card


def retype(qtbot, editor, text):
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)


def test_escape_asks_and_no_keeps_the_edit(qtbot, window, store, actor, asked):
    questions, answers = asked
    c, card = open_card(qtbot, window, store, actor)
    city = card.fields["city"].editor
    retype(qtbot, city, "Augsburg")
    answers.append(QMessageBox.StandardButton.No)
    qtbot.keyClick(city, Qt.Key.Key_Escape)
    assert questions == ["Throw away your changes to CX Labs?"]
    assert city.text() == "Augsburg" and card.is_dirty()

    answers.append(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(city, Qt.Key.Key_Escape)
    assert len(questions) == 2
    assert city.text() == "Munich" and not card.is_dirty()
    assert store.get_company(c.id).city == "Munich"


def test_escape_without_edits_does_not_ask(qtbot, window, store, actor, asked):
    questions, _ = asked
    _, card = open_card(qtbot, window, store, actor)
    card.fields["city"].editor.setFocus()
    qtbot.keyClick(card.fields["city"].editor, Qt.Key.Key_Escape)
    assert questions == []


def test_escape_on_a_new_card_with_text_asks_before_closing(qtbot, window, asked):
    questions, answers = asked
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    card = window.current_card()
    qtbot.keyClicks(card.fields["name"].editor, "Baeckerei Huber")
    answers.append(QMessageBox.StandardButton.No)
    qtbot.keyClick(card.fields["name"].editor, Qt.Key.Key_Escape)
    assert window.cards.count() == 1 and len(questions) == 1
    answers.append(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(card.fields["name"].editor, Qt.Key.Key_W, CTRL)  # Ctrl+W asks too
    assert window.cards.count() == 0 and len(questions) == 2


def test_ctrl_z_undoes_field_edits_across_fields_and_ctrl_shift_z_redoes(
        qtbot, window, store, actor):
    c, card = open_card(qtbot, window, store, actor)
    city, phone = card.fields["city"].editor, card.fields["phone"].editor
    retype(qtbot, city, "Augsburg")
    phone.setFocus()
    qtbot.keyClicks(phone, "0821 123456")
    assert card.undo_stack.count() == 2  # one step per field, not per letter

    qtbot.keyClick(phone, Qt.Key.Key_Z, CTRL)
    assert phone.text() == "" and city.text() == "Augsburg"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert city.text() == "Munich" and not card.is_dirty()
    assert QApplication.focusWidget() is city  # the cursor goes where the change was

    qtbot.keyClick(city, Qt.Key.Key_Z, CTRL | SHIFT)
    assert city.text() == "Augsburg"
    qtbot.keyClick(city, Qt.Key.Key_S, CTRL)
    assert store.get_company(c.id).city == "Augsburg"
    assert store.get_company(c.id).phone is None


def test_the_edit_menu_acts_on_the_focused_field(qtbot, window, store, actor):
    c, card = open_card(qtbot, window, store, actor)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    titles = [a.text().split()[0] for a in menu.actions() if not a.isSeparator()]
    assert titles == ["&Undo", "&Redo", "Cu&t", "&Copy", "&Paste"]
    edit = window.edit_menu
    city = card.fields["city"].editor
    city.setFocus()
    city.selectAll()
    edit.cut.trigger()
    assert city.text() == "" and QApplication.clipboard().text() == "Munich"
    address = card.fields["address"].editor
    address.setFocus()
    edit.paste.trigger()
    assert address.text() == "Munich"
    edit.undo.trigger()
    assert address.text() == ""
    edit.undo.trigger()
    assert city.text() == "Munich"
    edit.redo.trigger()
    assert city.text() == ""
    address.setFocus()
    qtbot.keyClicks(address, "Hauptstr. 1")
    address.selectAll()
    edit.copy.trigger()
    assert QApplication.clipboard().text() == "Hauptstr. 1"
    qtbot.keyClick(address, Qt.Key.Key_S, CTRL)
    saved = store.get_company(c.id)
    assert saved.address == "Hauptstr. 1" and saved.city is None


def test_copy_in_a_list_copies_the_selected_rows(qtbot, window, store, actor):
    store.create_company({"name": "CX Labs", "city": "Munich"}, actor)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_F5)  # the test's store shares the window's connection
    table = window.companies.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text().startswith("CX Labs\t")
