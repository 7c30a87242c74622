"""Companies: create one through the form, edit it in place, delete it with confirmation."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from crm_desktop.company_card import CompanyCard
from crm_desktop.models.companies_model import F_NAME


def test_create_company_through_the_form(qtbot, window, store):
    card = window.new_company()
    qtbot.keyClicks(card.fields["name"].editor, "Sonnenhof GmbH")
    qtbot.keyClicks(card.fields["city"].editor, "Regensburg")
    qtbot.keyClicks(card.fields["phone"].editor, "0941 123456")
    qtbot.keyClicks(card.fields["email"].editor, "info@sonnenhof.de")
    country = card.fields["country"].editor
    country.setCurrentIndex(country.findData("DE"))
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)

    [company] = store.list_companies("Sonnenhof")
    assert company.display_name == "Sonnenhof GmbH (DE)"
    assert company.phone == "+49941123456"
    assert card.record_id == company.id
    assert card.fields["phone"].text() == "0941 123456"
    assert window.cards.tabText(window.cards.currentIndex()) == "Sonnenhof GmbH (DE)"


def test_a_missing_name_is_shown_next_to_the_field(qtbot, window, store):
    card = window.new_company()
    qtbot.keyClicks(card.fields["city"].editor, "Regensburg")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    assert card.fields["name"].error.isVisible()
    assert card.fields["name"].error.text() == "Name is required."
    assert store.count_companies() == 0


def test_edit_in_place_saves_only_the_changed_field(qtbot, window, store, actor):
    c = store.create_company({"name": "Alt GmbH", "city": "Ulm"}, actor)
    card = window.open_contact("company", c.id)
    card.fields["city"].editor.clear()
    qtbot.keyClicks(card.fields["city"].editor, "Neu-Ulm")
    assert card.is_dirty("city") and not card.is_dirty("name")
    assert card.save()
    assert store.get_company(c.id).city == "Neu-Ulm"
    assert store.audit_trail("company", c.id)[0].changes == {"city": ["Ulm", "Neu-Ulm"]}


def test_delete_says_how_many_persons_go_with_it(qtbot, window, store, actor, monkeypatch):
    c = store.create_company({"name": "Gone AG"}, actor)
    for name in ("Ann", "Ben"):
        store.create_person({"firstName": name}, actor, company_id=c.id)
    asked = []

    def answer(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    card = window.open_contact("company", c.id)
    assert isinstance(card, CompanyCard)
    card.delete()
    assert "Its 2 persons will be deleted with it" in asked[0]
    assert store.count_companies() == 0 and store.count_persons() == 0
    assert window.find_card("company", c.id) is None


def test_companies_list_shows_and_opens(qtbot, window, store, actor):
    store.create_company({"name": "Beta KG", "city": "Bonn"}, actor)
    store.create_company({"name": "Alpha AG", "city": "Aachen"}, actor)
    window.go(0)
    window.companies.apply_filter()
    model = window.companies.model
    assert [model.fields(r)[F_NAME] for r in range(model.rowCount())] == ["Alpha AG", "Beta KG"]
    qtbot.keyClicks(window.companies.filter, "bonn")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    window.companies.table.selectRow(0)
    window.companies.open_selected()
    assert window.current_card().title_text() == "Beta KG"
