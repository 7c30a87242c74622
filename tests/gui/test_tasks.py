"""Tasks: filter by kind and date range, add, reschedule and close, see the call that
closed one."""

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDate

from crm_desktop.task_dialog import TaskDialog
from shared.calls import parse_call
from shared.model import Actor, ContactRef


@pytest.fixture
def tasks(store, actor):
    store.create_campaign("promo", "Promo", actor)
    p = store.create_person({"firstName": "Ida", "lastName": "Rossi"}, actor)
    ref = ContactRef(None, p.id)
    now = datetime.now(UTC).replace(microsecond=0)
    made = {
        "soon": store.add_task("promo", ref, now + timedelta(hours=2), actor, scheduled=True),
        "later": store.add_task("promo", ref, now + timedelta(days=10), actor),
        "due": store.add_task("promo", ref, now + timedelta(days=1), actor),
    }
    return p, made


def shown(window):
    return {t.id for t in window.tasks.model.records()}


def test_filter_by_kind_and_date_range(qtbot, window, tasks):
    _, made = tasks
    window.go(3)
    view = window.tasks
    assert shown(window) == {t.id for t in made.values()}
    view.kind.setCurrentIndex(view.kind.findText("Scheduled callbacks"))
    assert shown(window) == {made["soon"].id}
    view.kind.setCurrentIndex(view.kind.findText("Unscheduled (dialer)"))
    assert shown(window) == {made["later"].id, made["due"].id}
    today = QDate.currentDate()
    view.range.set_range(today, today.addDays(3))
    assert shown(window) == {made["due"].id}
    assert view.count.text() == "1 task"


def test_close_and_reopen(qtbot, window, store, tasks):
    _, made = tasks
    window.go(3)
    view = window.tasks
    view.table.selectRow(0)
    task = view.current()
    view.close_task()
    qtbot.waitUntil(lambda: task.id not in shown(window))
    assert store.get_task(task.id).closed_at is not None
    view.closed.setChecked(True)
    assert task.id in shown(window)
    from crm_desktop.widgets import select_key

    select_key(view.table, view.model, task.id)
    assert "closed by hand" in view.origin.text()
    view.reopen_task()
    qtbot.waitUntil(lambda: window.tasks.model.records()
                    and store.get_task(task.id).closed_at is None)


def test_reschedule(qtbot, window, store, tasks, monkeypatch):
    _, made = tasks
    target = datetime(2030, 5, 6, 9, 30, tzinfo=UTC)

    def pick(dlg):
        dlg.time.setDateTime(target.astimezone())
        dlg.accept()
        return dlg.result()

    monkeypatch.setattr(TaskDialog, "exec", pick)
    window.go(3)
    from crm_desktop.widgets import select_key

    select_key(window.tasks.table, window.tasks.model, made["later"].id)
    window.tasks.reschedule()
    assert store.get_task(made["later"].id).timestamp == "2030-05-06T09:30:00.000Z"


def test_add_task_from_the_card(qtbot, window, store, tasks, monkeypatch):
    person, _ = tasks

    def pick(dlg):
        dlg.note.setText("Call about the offer")
        dlg.accept()
        return dlg.result()

    monkeypatch.setattr(TaskDialog, "exec", pick)
    card = window.open_contact("person", person.id)
    card.add_task()
    notes = [t.annotation for t in store.list_tasks(ref=ContactRef(None, person.id))]
    assert "Call about the offer" in notes
    assert card.tasks_model.rowCount() == 4


def test_shows_the_call_that_closed_a_task(qtbot, window, store, tasks):
    person, made = tasks
    call = parse_call({
        "id": "call-77", "agent": "peggy", "contact": {"company": None, "person": person.id},
        "source": {"type": "campaign", "id": "promo", "task": made["due"].id},
        "timestampInit": "2026-01-05T10:00:00Z", "timestampStart": "2026-01-05T10:00:10Z",
        "timestampEnd": "2026-01-05T10:03:35Z"})
    store.record_call(call, Actor("api", "127.0.0.1"))
    window.go(3)
    view = window.tasks
    view.closed.setChecked(True)
    from crm_desktop.widgets import select_key

    select_key(view.table, view.model, made["due"].id)
    assert "closed by call" in view.origin.text()
    assert 'href="call-77"' in view.origin.text()
