"""Persons: create one through the form, phone validation next to the field, the company
link."""

from PySide6.QtCore import Qt

from crm_desktop.person_card import PersonCard


def test_create_person_in_a_company(qtbot, window, store, actor):
    c = store.create_company({"name": "CX Labs GmbH", "country": "DE"}, actor)
    company_card = window.open_contact("company", c.id)
    company_card.new_person.emit(c.id)
    card = window.current_card()
    assert isinstance(card, PersonCard) and card.record_id is None
    qtbot.keyClicks(card.fields["firstName"].editor, "Robert")
    qtbot.keyClicks(card.fields["lastName"].editor, "Klein")
    qtbot.keyClicks(card.fields["displayName"].editor, "Rob Klein")
    qtbot.keyClicks(card.fields["phone"].editor, "0151 2345 6789")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)

    [person] = store.persons_of(c.id)
    assert person.name == "Rob Klein"
    assert person.phone == "+4915123456789"
    assert card.fields["phone"].text() == "01512 3456789"
    assert "CX Labs GmbH (DE)" in card.subtitle.text()
    assert 'href="company:' in card.company_link.text()


def test_a_bad_phone_shows_a_message_under_the_field(qtbot, window, store):
    card = window.new_person()
    qtbot.keyClicks(card.fields["lastName"].editor, "Klein")
    phone = card.fields["phone"]
    qtbot.keyClicks(phone.editor, "12ab")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    assert phone.error.isVisible()
    assert "not a phone number we can dial" in phone.error.text()
    assert store.count_persons() == 0


def test_leaving_a_phone_field_checks_and_formats_it(qtbot, window):
    card = window.new_person()
    phone = card.fields["phone"]
    phone.editor.setFocus()
    qtbot.keyClicks(phone.editor, "+49 (89) 4432-2883")
    phone.editor.editingFinished.emit()
    assert not phone.error.isVisible()
    assert phone.text() == "089 44322883"
    phone.editor.clear()
    qtbot.keyClicks(phone.editor, "77")
    phone.editor.editingFinished.emit()
    assert phone.error.isVisible()


def test_the_company_link_opens_the_company(qtbot, window, store, actor):
    c = store.create_company({"name": "Hanse Logistik"}, actor)
    p = store.create_person({"firstName": "Mia", "lastName": "Wolf"}, actor, company_id=c.id)
    card = window.open_contact("person", p.id)
    card.subtitle.linkActivated.emit(f"company:{c.id}")
    assert window.current_card().record_id == c.id


def test_moving_a_person_to_no_company(qtbot, window, store, actor):
    c = store.create_company({"name": "Old Firm"}, actor)
    p = store.create_person({"firstName": "Tom"}, actor, company_id=c.id)
    card = window.open_contact("person", p.id)
    card.set_company(None)
    assert store.get_person(p.id).company_id is None
    assert "Private" in card.subtitle.text()


def test_an_impossible_number_is_refused_and_an_unusual_one_warned(qtbot, window, store):
    card = window.new_person()
    qtbot.keyClicks(card.fields["lastName"].editor, "Klein")
    phone = card.fields["phone"]
    qtbot.keyClicks(phone.editor, "+999 12")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    assert phone.error.isVisible()
    assert "is not a possible phone number" in phone.error.text()
    assert store.count_persons() == 0
    phone.editor.clear()
    qtbot.keyClicks(phone.editor, "01512 345679")  # one digit short for a mobile
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    [person] = store.list_persons()
    assert person.phone == "+491512345679"  # kept: the warning asks, it does not refuse
    assert phone.error.isVisible() and phone.error.text().startswith("⚠")
    assert "not a usual number in Germany" in phone.error.text()
    assert phone.text() == "01512 345679"
