"""Do-not-call: a badge and a toggle; setting and lifting record who, when and why."""

from PySide6.QtWidgets import QInputDialog

from shared.model import ContactRef


def answers(monkeypatch, *replies):
    replies = list(replies)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: replies.pop(0))


def test_set_and_lift_do_not_call(qtbot, window, store, actor, monkeypatch):
    p = store.create_person({"firstName": "Anna", "lastName": "Koch"}, actor)
    card = window.open_contact("person", p.id)
    assert not card.badge.isVisible()

    answers(monkeypatch, ("asked not to be called", True))
    card.toggle_do_not_call()
    assert store.get_person(p.id).do_not_call
    assert card.badge.isVisible()
    assert card.dnc_button.text() == "Lift do-not-call…"
    assert card.dnc_model.record(0).reason == "asked not to be called"

    answers(monkeypatch, ("", True))
    card.toggle_do_not_call()
    assert store.get_person(p.id).do_not_call, "lifting without a reason changes nothing"
    assert "needs a reason" in card.error.text()

    answers(monkeypatch, ("wants an offer", True))
    card.toggle_do_not_call()
    assert not store.get_person(p.id).do_not_call
    history = store.dnc_history(ContactRef(None, p.id))
    assert [(e.do_not_call, e.reason, e.side) for e in history] == [
        (False, "wants an offer", "desktop"), (True, "asked not to be called", "desktop")]
    assert card.dnc_model.rowCount() == 2
    assert not card.badge.isVisible()


def test_cancel_changes_nothing(qtbot, window, store, actor, monkeypatch):
    c = store.create_company({"name": "Quiet AG"}, actor)
    card = window.open_contact("company", c.id)
    answers(monkeypatch, ("", False))
    card.toggle_do_not_call()
    assert not store.get_company(c.id).do_not_call
