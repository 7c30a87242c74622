"""Issue 13 item 7 on screen: the contact's local time beside the number, a warning
before planning a callback outside 08:00-20:00 there, a campaign's calling hours set
in its dialog (off by default)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QMessageBox

from crm_desktop.campaign_dialog import CampaignDialog
from crm_desktop.task_dialog import TaskDialog
from shared import calling_hours
from shared.local_time import describe
from shared.model import ContactRef

LA = "+14155550112"


def test_local_time_beside_the_number(qtbot, window, store, actor):
    p = store.create_person({"lastName": "Meyer", "phone": LA}, actor)
    card = window.open_contact("person", p.id)
    label = card.local_times["phone"]
    assert label.text() == describe(LA, datetime.now().astimezone()) + " there"
    assert "America/Los_Angeles" in label.toolTip()
    assert card.local_times["phone2"].text() == ""


@pytest.fixture
def plan_at(monkeypatch, qtbot):
    """The task dialog as a person fills it: sets the time and presses OK."""
    times: list[datetime] = []

    def exec_(self):
        # The dialog shows this computer's local time.
        self.time.setDateTime(QDateTime(times.pop(0).astimezone().replace(tzinfo=None)))
        self.accept()
        return self.result()

    monkeypatch.setattr(TaskDialog, "exec", exec_)
    return times


@pytest.fixture
def answers(monkeypatch):
    given: list[QMessageBox.StandardButton] = []
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return given.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    return given, asked


def test_a_callback_at_night_there_warns(qtbot, window, store, actor, plan_at, answers):
    given, asked = answers
    store.create_campaign("promo", "Promo", actor)
    p = store.create_person({"lastName": "Meyer", "phone": LA}, actor)
    qtbot.waitExposed(window)
    window.activateWindow()
    card = window.open_contact("person", p.id)
    card.fields["lastName"].editor.setFocus()
    night = datetime(2027, 3, 3, 23, 0, tzinfo=ZoneInfo("America/Los_Angeles"))
    plan_at.append(night)
    given.append(QMessageBox.StandardButton.No)
    qtbot.keyClick(card.fields["lastName"].editor, Qt.Key.Key_T,
                   Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1 and "23:00" in asked[0]
    assert store.list_tasks(ref=ContactRef(None, p.id)) == []
    plan_at.append(night)
    given.append(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(card.fields["lastName"].editor, Qt.Key.Key_T,
                   Qt.KeyboardModifier.ControlModifier)
    assert len(store.list_tasks(ref=ContactRef(None, p.id))) == 1
    # A good time there: no question.
    plan_at.append(datetime(2027, 3, 3, 10, 0, tzinfo=ZoneInfo("America/Los_Angeles")))
    qtbot.keyClick(card.fields["lastName"].editor, Qt.Key.Key_T,
                   Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 2 and len(store.list_tasks(ref=ContactRef(None, p.id))) == 2


def test_campaign_calling_hours_are_off_by_default_and_set_in_the_dialog(qtbot, window,
                                                                        store):
    dlg = CampaignDialog(window.ctx, parent=window)
    qtbot.addWidget(dlg)
    assert not dlg.hours_on.isChecked() and not dlg.hours_start.isEnabled()
    qtbot.keyClicks(dlg.id_edit, "plain")
    qtbot.keyClicks(dlg.name_edit, "Plain")
    dlg.accept()
    assert calling_hours.get(store.conn, "plain") is None

    dlg = CampaignDialog(window.ctx, parent=window)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    qtbot.keyClicks(dlg.id_edit, "daytime")
    qtbot.keyClicks(dlg.name_edit, "Daytime")
    dlg.hours_on.setFocus()
    qtbot.keyClick(dlg.hours_on, Qt.Key.Key_Space)
    assert dlg.hours_on.isChecked() and dlg.hours_start.isEnabled()
    dlg.hours_start.setFocus()
    qtbot.keyClick(dlg.hours_start, Qt.Key.Key_Home)
    qtbot.keyClick(dlg.hours_start, Qt.Key.Key_Up)  # 08 -> 09
    qtbot.keyClicks(dlg.hours_start, ":30")
    dlg.accept()
    hours = calling_hours.get(store.conn, "daytime")
    assert hours is not None and hours.text() == "09:30–20:00"
    # Editing shows them, and unticking removes them.
    dlg = CampaignDialog(window.ctx, store.get_campaign("daytime"), parent=window)
    qtbot.addWidget(dlg)
    assert dlg.hours_on.isChecked()
    dlg.hours_on.click()
    dlg.accept()
    assert calling_hours.get(store.conn, "daytime") is None
