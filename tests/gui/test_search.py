"""The search field: names and numbers typed in any format, results as you type."""

import pytest


@pytest.fixture
def people(store, actor):
    c = store.create_company({"name": "Bäckerei Sonnenschein", "phone": "+4930555012"}, actor)
    store.create_person({"firstName": "Gerda", "lastName": "Lehmann",
                         "phone": "+4915112345678"}, actor)
    store.create_person({"firstName": "Klaus", "lastName": "Bauer", "phone": "+4917623456789",
                         "email": "klaus@example.com"}, actor, company_id=c.id)


@pytest.mark.parametrize("typed, found", [
    ("0151 1234", "Gerda Lehmann"),
    ("+49 151 123", "Gerda Lehmann"),
    ("2345678", "Gerda Lehmann"),
    ("sonnensch", "Bäckerei Sonnenschein"),
    ("klaus@exa", "Klaus Bauer"),
])
def test_search_as_you_type(qtbot, window, people, typed, found):
    window.focus_search()
    qtbot.keyClicks(window.search, typed)
    qtbot.waitUntil(lambda: found in window.search.result_titles())


def test_choosing_a_result_opens_the_card(qtbot, window, people, store):
    qtbot.keyClicks(window.search, "0151 1234 5")
    qtbot.waitUntil(lambda: bool(window.search.hits))
    window.search.choose(0)
    card = window.current_card()
    assert card.title_text() == "Gerda Lehmann"
    assert window.search.text() == ""


def test_enter_opens_the_first_result(qtbot, window, people):
    qtbot.keyClicks(window.search, "Bauer")
    qtbot.keyClick(window.search, "\r")
    assert window.current_card().title_text() == "Klaus Bauer"
