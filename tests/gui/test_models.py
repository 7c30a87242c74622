"""The table models, without a window: lazy pages, keyset paging, live window refresh."""

from PySide6.QtCore import Qt

from crm_desktop.models.paged_model import PAGE
from crm_desktop.models.persons_model import F_NAME, PersonsModel
from crm_desktop.models.record_model import RecordRole
from shared.collation import sort_key
from shared.model import Actor
from shared.phones import format_display


def fill(store, n):
    with store.write():
        for i in range(n):
            store.create_person({"lastName": f"P{i:04d}", "phone": f"+49151{i:07d}"},
                                Actor("cli"))


def test_loads_a_page_at_a_time_without_counting(qtbot, store):
    fill(store, PAGE * 2 + 5)
    calls = []

    def fetch(after, limit):
        calls.append(after)
        return store.list_persons(after=after, limit=limit)

    model = PersonsModel("DE")
    model.set_fetch(fetch)
    assert model.rowCount() == PAGE and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE * 2 + 5 and not model.canFetchMore()
    assert calls[0] is None and calls[1] == (sort_key("P0199"), calls[1][1])
    assert model.index(0, model.COL_PHONE).data() == format_display("+491510000000", "DE")
    assert model.index(3, 0).data(RecordRole) == store.list_persons(limit=4)[3].id


def test_refreshing_the_visible_rows_sees_changes_inserts_and_deletes(qtbot, store):
    fill(store, 10)
    model = PersonsModel("DE")
    model.set_fetch(lambda after, limit: store.list_persons(after=after, limit=limit))
    changed = []
    model.dataChanged.connect(lambda a, b: changed.append(a.row()))
    people = store.list_persons()
    store.update_person(people[2].id, {"city": "Köln"}, Actor("cli"))
    model.refresh_rows(0, 9)
    assert changed == [2]
    store.delete_person(people[4].id, Actor("cli"))
    store.create_person({"lastName": "P0005a"}, Actor("cli"))
    model.refresh_rows(0, 9)
    names = [model.fields(r)[F_NAME] for r in range(model.rowCount())]
    assert "P0004" not in names and "P0005a" in names


def test_sorting_by_another_column_in_memory(qtbot, store):
    fill(store, 5)
    model = PersonsModel("DE")
    model.set_fetch(lambda after, limit: store.list_persons(after=after, limit=limit))
    model.sort(model.COL_PHONE, Qt.SortOrder.DescendingOrder)
    assert model.fields(0)[F_NAME] == "P0004"
    model.sort(model.COL_NAME, Qt.SortOrder.AscendingOrder)
    assert model.fields(0)[F_NAME] == "P0000"
