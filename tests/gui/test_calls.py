"""The call journal, filtered by agent, tag and answered."""

from shared.calls import parse_call
from shared.model import Actor


def post(store, call_id, agent, tags, answered=True):
    store.record_call(parse_call({
        "id": call_id, "agent": agent if answered else None,
        "phoneNumber": "+4989443228150",
        "tags": [{"category": "reason", "id": t, "payload": None} for t in tags],
        "timestampInit": "2026-11-20T10:00:00Z",
        "timestampStart": "2026-11-20T10:00:10Z" if answered else None,
        "timestampEnd": "2026-11-20T10:03:35Z" if answered else None}),
        Actor("api", "127.0.0.1"))


def test_filters(qtbot, window, store):
    post(store, "c1", "peggy", ["billing"])
    post(store, "c2", "john", ["order"])
    post(store, "c3", None, [], answered=False)
    window.go(4)
    view = window.calls

    def ids():
        return sorted(c.id for c in view.model.records())

    assert ids() == ["c1", "c2", "c3"]
    view.agent.setCurrentIndex(view.agent.findText("peggy"))
    assert ids() == ["c1"]
    view.agent.setCurrentIndex(0)
    view.tag.setCurrentIndex(view.tag.findText("order"))
    assert ids() == ["c2"]
    view.tag.setCurrentIndex(0)
    view.answered.setCurrentIndex(view.answered.findText("Missed"))
    assert ids() == ["c3"]
    model = view.model
    row = model.row_of("c3")
    assert model.index(row, model.COL_ANSWERED).data() == "missed"


def test_durations_and_numbers_read_well(qtbot, window, store):
    post(store, "c1", "peggy", ["billing"])
    window.go(4)
    model = window.calls.model
    assert model.index(0, model.COL_DURATION).data() == "3:25"
    assert model.index(0, model.COL_NUMBER).data() == "089 443228150"
    assert model.index(0, model.COL_WHEN).data().count(":") == 1


def test_details_show_the_call_in_words_and_the_json_behind_a_toggle(qtbot, window, store):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication, QLabel

    from crm_desktop.call_details import CallDetailsDialog

    store.record_call(parse_call({
        "id": "c-words", "agent": "peggy", "phoneNumber": "+4989443228150",
        "source": {"type": "queue", "id": "tech_level_1"},
        "transfer": {"type": "queue", "id": "accounting"}, "dtmfPath": "12",
        "attempts": [{"agent": "john", "timestampAssigned": "2026-11-20T10:00:01Z",
                      "timestampClosed": "2026-11-20T10:00:09Z"}],
        "tags": [{"category": "reason", "id": "billing", "payload": {"score": 4}}],
        "timestampInit": "2026-11-20T10:00:00Z", "timestampStart": "2026-11-20T10:00:10Z",
        "timestampEnd": "2026-11-20T10:03:35Z"}), Actor("api", "127.0.0.1"))
    [calls] = [a for a in window.findChildren(QAction) if a.text() == "Calls"]
    calls.trigger()
    table = window.calls.table
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: any(isinstance(w, CallDetailsDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    [dlg] = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, CallDetailsDialog) and w.isVisible()]
    shown = [lbl.text() for lbl in dlg.summary.findChildren(QLabel)]
    for text in ("reason", 'billing  {"score": 4}', "1. john", "to queue accounting",
                 "1 → 2", "Talk time", "3 min 25 s", "Answered"):
        assert text in shown, text
    assert dlg.summary.isVisible() and not dlg.raw.isVisible()
    qtbot.mouseClick(dlg.raw_button, Qt.MouseButton.LeftButton)
    assert dlg.raw.isVisible() and not dlg.summary.isVisible()
    assert '"dtmfPath": "12"' in dlg.raw.toPlainText()
    qtbot.mouseClick(dlg.raw_button, Qt.MouseButton.LeftButton)
    assert dlg.summary.isVisible()
    dlg.close()
