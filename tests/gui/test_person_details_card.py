"""Issue 13 item 2 on screen: the person card's job title, department, street, ZIP code
and country, typed and saved with Ctrl+S, in one transaction with the contract's fields."""

from __future__ import annotations

from PySide6.QtCore import Qt

from shared.person_details import PersonDetails

CTRL = Qt.KeyboardModifier.ControlModifier


def test_typed_details_are_saved_and_shown_in_the_subtitle(qtbot, window, store, actor):
    c = store.create_company({"name": "CX Labs"}, actor)
    p = store.create_person({"firstName": "Eva", "lastName": "Berg"}, actor, company_id=c.id)
    qtbot.waitExposed(window)
    window.activateWindow()
    card = window.open_contact("person", p.id)
    for api, text in (("jobTitle", "Head of Purchasing"), ("department", "Einkauf"),
                      ("address", "Ring 1"), ("zipCode", "53111"), ("city", "Bonn")):
        editor = card.fields[api].editor
        editor.setFocus()
        qtbot.keyClicks(editor, text)
    country = card.fields["country"].editor
    country.setFocus()
    qtbot.keyClicks(country, "Germany")
    qtbot.keyClick(card.fields["city"].editor, Qt.Key.Key_S, CTRL)
    saved = PersonDetails(store).get(p.id)
    assert (saved.job_title, saved.department, saved.address, saved.zip_code, saved.city,
            saved.country) == ("Head of Purchasing", "Einkauf", "Ring 1", "53111", "Bonn", "DE")
    assert card.subtitle.text().startswith("Head of Purchasing, Einkauf at")
    assert not card.is_dirty()


def test_a_new_person_with_a_bad_detail_is_not_created(qtbot, window, store):
    qtbot.waitExposed(window)
    window.activateWindow()
    card = window.new_person()
    qtbot.keyClicks(card.fields["lastName"].editor, "Berg")
    card.fields["jobTitle"].editor.setFocus()
    qtbot.keyClicks(card.fields["jobTitle"].editor, "x" * 201)
    qtbot.keyClick(card.fields["jobTitle"].editor, Qt.Key.Key_S, CTRL)
    assert store.list_persons() == []
    assert "too long" in card.fields["jobTitle"].error.text()
