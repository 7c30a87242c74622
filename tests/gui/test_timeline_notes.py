"""Issue 13 item 1 on screen: the card's Timeline tab, Ctrl+N writes a note, the author
edits it (others are told whose it is), the kind filter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from crm_desktop.note_dialog import NoteDialog
from shared.model import ContactRef, set_desktop_identity
from shared.notes import NotesRepository

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def typed_note(monkeypatch, qtbot):
    """The note dialog, as a person fills it: types the queued text and presses Save."""
    texts: list[str] = []
    shown: list[NoteDialog] = []

    def exec_(self):
        shown.append(self)
        self.editor.selectAll()
        qtbot.keyClicks(self.editor, texts.pop(0))
        qtbot.mouseClick(self.buttons.button(self.buttons.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NoteDialog, "exec", exec_)
    return texts, shown


def open_person(qtbot, window, store, actor):
    set_desktop_identity("Anna Roth", "PC-1")
    p = store.create_person({"firstName": "Eva", "lastName": "Berg"}, actor)
    qtbot.waitExposed(window)
    window.activateWindow()
    return p, window.open_contact("person", p.id)


def test_ctrl_n_writes_a_note_signed_with_your_name(qtbot, window, store, actor, typed_note):
    texts, shown = typed_note
    p, card = open_person(qtbot, window, store, actor)
    texts.append("Wants the offer by Friday")
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert len(shown) == 1
    notes = NotesRepository(store).for_contact(ContactRef(None, p.id))
    assert [(n.body, n.author) for n in notes] == [("Wants the offer by Friday", "Anna Roth")]
    assert card.tabs.currentWidget() is card.timeline
    model = card.timeline.model
    assert model.record(0).kind == "note"
    assert model.index(0, model.COL_WHAT).data() == "Note: Wants the offer by Friday"
    assert model.index(0, model.COL_BY).data() == "Anna Roth"


def test_ctrl_n_without_a_card_writes_nothing(qtbot, window, typed_note):
    _, shown = typed_note
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert shown == []


def test_author_edits_the_note_by_double_click_and_it_is_audited(
        qtbot, window, store, actor, typed_note):
    texts, _ = typed_note
    p, card = open_person(qtbot, window, store, actor)
    NotesRepository(store).add(ContactRef(None, p.id), "Call Monday", "Anna Roth", actor)
    card.reload()
    view = card.timeline.view
    card.tabs.setCurrentWidget(card.timeline)
    row = next(r for r in range(card.timeline.model.rowCount())
               if card.timeline.model.record(r).kind == "note")
    rect = view.visualRect(view.model().index(row, 2))
    texts.append("Call Tuesday")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    note = NotesRepository(store).for_contact(ContactRef(None, p.id))[0]
    assert note.body == "Call Tuesday" and note.edited
    assert store.audit_trail("person", p.id)[0].action == "edit_note"
    titles = [e.title for e in card.timeline.model.records()]
    assert "Note (edited)" in titles and "Note edited" in titles


def test_someone_else_cannot_edit_the_note(qtbot, window, store, actor, typed_note):
    _, shown = typed_note
    p, card = open_person(qtbot, window, store, actor)
    NotesRepository(store).add(ContactRef(None, p.id), "Ben's note", "Ben Kurz", actor)
    card.reload()
    card.tabs.setCurrentWidget(card.timeline)
    view = card.timeline.view
    row = next(r for r in range(card.timeline.model.rowCount())
               if card.timeline.model.record(r).kind == "note")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(view.model().index(row, 2)).center())
    qtbot.mouseClick(card.timeline.edit_button, Qt.MouseButton.LeftButton)
    assert shown == []
    assert "Only Ben Kurz" in card.error.text() and card.error.isVisible()
    assert NotesRepository(store).for_contact(ContactRef(None, p.id))[0].body == "Ben's note"


def test_kind_filter_shows_only_that_kind(qtbot, window, store, actor):
    p, card = open_person(qtbot, window, store, actor)
    NotesRepository(store).add(ContactRef(None, p.id), "A note", "Anna Roth", actor)
    store.update_person(p.id, {"city": "Bonn"}, actor)
    card.reload()
    card.tabs.setCurrentWidget(card.timeline)
    combo = card.timeline.kind
    assert {r.kind for r in card.timeline.model.records()} == {"note", "change"}
    combo.setFocus()
    # Keyboard: pick "Notes" from the filter as a person does.
    while combo.currentData() != "note":
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert {r.kind for r in card.timeline.model.records()} == {"note"}
