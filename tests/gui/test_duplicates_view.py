"""The duplicates view: candidate pairs, side by side, merged after asking."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from crm_desktop.context import DesktopContext
from crm_desktop.duplicates_view import DuplicatesView
from shared.errors import NotFound
from shared.model import Actor

ACTOR = Actor("desktop")


@pytest.fixture
def pair(store):
    a = store.create_company({"name": "CX Labs GmbH", "phone": "+4989443228"}, ACTOR)
    b = store.create_company({"name": "CX Labs", "city": "München"}, ACTOR)
    store.create_person({"lastName": "Klein"}, ACTOR, company_id=b.id)
    return a, b


@pytest.fixture
def view(qtbot, store, pair):
    wrote = []
    v = DuplicatesView(DesktopContext(store, wrote=lambda: wrote.append(1)))
    v.wrote = wrote
    qtbot.addWidget(v)
    v.resize(1000, 700)
    v.show()
    v.activate()
    return v


def test_lists_pairs_and_compares(view, pair):
    assert view.model.rowCount() == 1
    p = view.current()
    assert p is not None and p.reasons == ["similar name"]
    assert {p.left.id, p.right.id} == {pair[0].id, pair[1].id}
    text = view.left.text() + view.right.text()
    assert "München" in text and "089 443228" in text and "1 person" in text
    assert view.count.text() == "1 possible duplicate"


def test_merge_into_left_after_confirming(view, store, monkeypatch):
    p = view.current()
    keep, drop = p.left, p.right
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    with_notice = []
    view.notice.connect(with_notice.append)
    assert view.merge(keep_left=True)
    with pytest.raises(NotFound):
        store.get_company(drop.id)
    kept = store.get_company(keep.id)
    assert kept.city == "München" and kept.phone == "+4989443228"
    assert store.count_persons_of(keep.id) == 1
    assert store.audit_trail("company", keep.id)[0].action == "merge"
    assert view.model.rowCount() == 0 and view.wrote
    assert with_notice and "Merged" in with_notice[0]


def test_cancel_merges_nothing(view, store, monkeypatch, pair):
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    view.merge_into_right.click()
    assert store.count_companies() == 2 and view.model.rowCount() == 1


def test_not_duplicates(view, store):
    view.different.click()
    assert view.model.rowCount() == 0
    assert not view.merge_into_left.isEnabled()


def test_open_contact(view, qtbot):
    with qtbot.waitSignal(view.open_contact) as sig:
        view.open_right.click()
    assert sig.args == ["company", view.current().right.id]
