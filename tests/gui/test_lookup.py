"""The lookup tester says what Apollo's search answers, and why."""

import pytest


@pytest.fixture
def contacts(store, actor):
    c = store.create_company({"name": "CX Labs", "phone": "+49894432280"}, actor)
    store.create_person({"firstName": "Rob", "lastName": "Klein", "phone": "+4915112345678"},
                        actor, company_id=c.id)
    store.create_person({"firstName": "Gerda", "lastName": "Lehmann",
                         "phone2": "+4917623456789"}, actor)


def look(qtbot, window, typed):
    window.go(5)
    tester = window.lookup
    tester.number.clear()
    qtbot.keyClicks(tester.number, typed)
    qtbot.keyClick(tester.number, "\r")
    return tester


def test_exact_match_names_the_field(qtbot, window, contacts):
    t = look(qtbot, window, "0151 1234 5678")
    assert t.e164 == "+4915112345678"
    assert "+4915112345678" in t.sent.text()
    assert "Exact match on its Phone of the person Rob Klein" in t.verdict.text()
    assert [m.contact.person_name for m in t.matches] == ["Rob Klein"]
    t = look(qtbot, window, "+49 176 2345 6789")
    assert "Exact match on its Phone 2" in t.verdict.text()


def test_switchboard_prefix(qtbot, window, contacts):
    t = look(qtbot, window, "089 4432280-150")
    assert t.matches[0].reason == "prefix"
    assert "switchboard" in t.verdict.text()


def test_no_match_lists_the_nearest_numbers(qtbot, window, contacts):
    t = look(qtbot, window, "0151 1234 5679")
    assert not t.matches
    assert "No match" in t.verdict.text()
    assert t.near and t.near[0].number == "+4915112345678"


def test_not_a_number(qtbot, window, contacts):
    t = look(qtbot, window, "hello")
    assert t.e164 is None
    assert "not a phone number" in t.verdict.text()


def test_the_number_apollo_sends_is_shown_with_its_trunk_prefix(qtbot, window, contacts):
    t = look(qtbot, window, "01512345679")
    assert t.sent.text() == "Apollo sends: +491512345679   (01512 345679)"


def test_an_impossible_number_is_refused_with_a_reason(qtbot, window, contacts):
    t = look(qtbot, window, "+999 12")
    assert t.e164 is None
    assert "no known country calling code" in t.verdict.text()
