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


# -- an office day: defaults, warnings, overdue ------------------------------------------


def _menu_action(window, text):
    from PySide6.QtGui import QAction

    for a in window.findChildren(QAction):
        if a.text().replace("&", "") == text:
            return a
    raise AssertionError(f"no action {text!r}")


def _button(widget, text):
    from PySide6.QtWidgets import QPushButton

    for b in widget.findChildren(QPushButton):
        if b.text().replace("&", "") == text and b.isVisible():
            return b
    raise AssertionError(f"no button {text!r}")


def test_new_task_defaults_to_a_campaign_managed_here_and_warns(qtbot, window, store, actor,
                                                                monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    # "Apollo first" sorts before "Here": the old default was the first campaign.
    store.create_campaign("apollo1", "Apollo first", actor, tasks_source="apollo")
    store.create_campaign("here", "Here", actor)
    quiet = store.create_person({"firstName": "Quentin", "lastName": "Quiet"}, actor)
    store.set_do_not_call(ContactRef(None, quiet.id), True, actor, reason="asked")
    seen = {}

    def drive(dlg):
        dlg.show()
        qtbot.waitExposed(dlg)
        seen["default"] = dlg.campaign.currentData()
        seen["warned_default"] = dlg.campaign_warning.isVisible()
        # Choose the Apollo campaign with the keyboard: the warning appears.
        dlg.campaign.setFocus()
        qtbot.keyClick(dlg.campaign, Qt.Key.Key_Up)
        seen["chosen"] = dlg.campaign.currentData()
        seen["warned_apollo"] = dlg.campaign_warning.isVisible()
        seen["warning"] = dlg.campaign_warning.text()
        qtbot.keyClick(dlg.campaign, Qt.Key.Key_Down)
        seen["warned_back"] = dlg.campaign_warning.isVisible()
        # Pick the do-not-call person: the dialog says so.
        qtbot.keyClicks(dlg.picker.query, "Quiet")
        qtbot.waitUntil(lambda: dlg.picker.list.count() == 1)
        item = dlg.picker.list.item(0)
        rect = dlg.picker.list.visualItemRect(item)
        qtbot.mouseClick(dlg.picker.list.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
        seen["dnc"] = dlg.contact_warning.isVisible() and dlg.contact_warning.text()
        ok = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return dlg.result()

    monkeypatch.setattr(TaskDialog, "exec", drive)
    _menu_action(window, "Tasks").trigger()
    qtbot.mouseClick(_button(window.tasks, "Add task…"), Qt.MouseButton.LeftButton)
    assert seen["default"] == "here" and not seen["warned_default"]
    assert seen["chosen"] == "apollo1" and seen["warned_apollo"]
    assert "managed in Apollo" in seen["warning"]
    assert not seen["warned_back"]
    assert seen["dnc"] and "Quentin Quiet is flagged do-not-call" in seen["dnc"]
    made = store.list_tasks(ref=ContactRef(None, quiet.id))
    assert [(t.campaign_id, t.contact.person_id) for t in made] == [("here", quiet.id)]


def test_a_task_whose_time_has_passed_is_overdue_in_red_and_counted(qtbot, window, store,
                                                                    actor):
    from PySide6.QtCore import Qt

    from crm_desktop.models.tasks_model import TasksModel

    store.create_campaign("promo", "Promo", actor)
    p = store.create_person({"firstName": "Olga", "lastName": "Late"}, actor)
    now = datetime.now(UTC)
    late = store.add_task("promo", ContactRef(None, p.id), now - timedelta(minutes=30), actor,
                          scheduled=True)
    store.add_task("promo", ContactRef(None, p.id), now + timedelta(hours=3), actor)
    _menu_action(window, "Tasks").trigger()
    model = window.tasks.model
    row = model.row_of(late.id)
    status = model.index(row, TasksModel.COL_STATUS)
    assert status.data() == "⚠ overdue"
    assert status.data(Qt.ItemDataRole.ForegroundRole).name() == "#b71c1c"
    assert model.index(row, TasksModel.COL_WHEN).data(
        Qt.ItemDataRole.ForegroundRole).name() == "#b71c1c"
    other = model.index(1 - row, TasksModel.COL_STATUS)
    assert other.data() == "open" and other.data(Qt.ItemDataRole.ForegroundRole) is None
    _menu_action(window, "Dashboard").trigger()
    assert window.dashboard.overdue_tile.value.text() == "1"
    # On the person's card too, in words.
    card = window.open_contact("person", p.id)
    view = card.tasks_view
    assert not view.isColumnHidden(TasksModel.COL_STATUS)
    statuses = [view.model().index(r, TasksModel.COL_STATUS).data()
                for r in range(view.model().rowCount())]
    assert sorted(statuses) == ["open", "⚠ overdue"]


def test_only_from_box_enables_the_date_pickers(qtbot, window, store, actor):
    from PySide6.QtCore import QPoint, Qt

    _menu_action(window, "Tasks").trigger()
    rng = window.tasks.range
    assert not rng.enabled.isChecked()
    assert not rng.start.isEnabled() and not rng.end.isEnabled()
    qtbot.mouseClick(rng.enabled, Qt.MouseButton.LeftButton,
                     pos=QPoint(6, rng.enabled.height() // 2))
    assert rng.enabled.isChecked()
    assert rng.start.isEnabled() and rng.end.isEnabled()


def test_rescheduling_a_do_not_call_contacts_task_warns(qtbot, window, store, actor,
                                                         monkeypatch):
    from PySide6.QtCore import Qt

    store.create_campaign("promo", "Promo", actor)
    p = store.create_person({"firstName": "Doro", "lastName": "Quiet"}, actor)
    store.add_task("promo", ContactRef(None, p.id), datetime.now(UTC) + timedelta(days=1), actor)
    store.set_do_not_call(ContactRef(None, p.id), True, actor, reason="asked")
    seen = {}

    def look(dlg):
        dlg.show()
        seen["warning"] = dlg.contact_warning.isVisible() and dlg.contact_warning.text()
        return 0

    monkeypatch.setattr(TaskDialog, "exec", look)
    _menu_action(window, "Tasks").trigger()
    table = window.tasks.table
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(_button(window.tasks, "Reschedule…"), Qt.MouseButton.LeftButton)
    assert seen["warning"] and "Doro Quiet is flagged do-not-call" in seen["warning"]
