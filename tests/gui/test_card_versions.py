"""Two people, one card: a save over a change the card has not shown is caught by the
record's version, names who changed what, and offers Reload or Keep mine."""

from PySide6.QtCore import Qt

from shared.database import connect
from shared.model import Actor
from shared.store import Store

BEN = Actor("desktop", "Ben on PC-2", person="Ben", pc="PC-2")


def _other_pc(db_path) -> Store:
    return Store(connect(db_path))


def test_a_save_over_an_unseen_change_is_refused_and_keep_mine_saves(qtbot, window, store,
                                                                       actor, db_path):
    c = store.create_company({"name": "Shared GmbH", "city": "Ulm"}, actor)
    card = window.open_contact("company", c.id)
    card.fields["city"].editor.clear()
    qtbot.keyClicks(card.fields["city"].editor, "Neu-Ulm")
    # Ben saves on his PC; this card has not been told (no live refresh in between).
    other = _other_pc(db_path)
    other.update_company(c.id, {"city": "Augsburg", "email": "info@shared.de"}, BEN)
    other.close()
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)

    assert store.get_company(c.id).city == "Augsburg"  # nothing was saved over it
    assert card.bar.isVisible()
    text = card.bar.message.text()
    assert "Ben on PC-2" in text and "City" in text and "E-mail" in text
    assert card.fields["city"].text() == "Neu-Ulm"  # the edit is kept
    assert card.fields["email"].text() == "info@shared.de"  # theirs shows where nobody types

    qtbot.mouseClick(card.keep_button, Qt.MouseButton.LeftButton)
    saved = store.get_company(c.id)
    assert (saved.city, saved.email) == ("Neu-Ulm", "info@shared.de")
    assert not card.bar.isVisible()


def test_reload_after_a_refused_save_shows_theirs(qtbot, window, store, actor, db_path):
    c = store.create_company({"name": "Reload AG", "city": "Ulm"}, actor)
    card = window.open_contact("company", c.id)
    card.fields["city"].editor.clear()
    qtbot.keyClicks(card.fields["city"].editor, "Mine")
    other = _other_pc(db_path)
    other.update_company(c.id, {"city": "Theirs"}, BEN)
    other.close()
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    reload_button = next(b for b in card.bar.findChildren(type(card.keep_button))
                         if b.text() == "Reload")
    qtbot.mouseClick(reload_button, Qt.MouseButton.LeftButton)
    assert card.fields["city"].text() == "Theirs"
    assert store.get_company(c.id).city == "Theirs"
    assert not card.is_dirty()
