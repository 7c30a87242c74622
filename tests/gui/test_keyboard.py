"""Issue 12 item 5: a card opened from the search box takes the keyboard, so its
shortcuts work at once; choosers pick with Enter and the arrows; every menu action has a
shortcut and F1 lists them in a table."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QTableWidget

from crm_desktop import contact_card
from crm_desktop.contact_card import ContactCard

CTRL = Qt.KeyboardModifier.ControlModifier


def active(qtbot, window):
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def card_has_focus(window):
    w = QApplication.focusWidget()
    while w is not None and not isinstance(w, ContactCard):
        w = w.parentWidget()
    return w is not None and w is window.current_card()


def open_from_search(qtbot, window, text):
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, text)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: card_has_focus(window), timeout=1000)
    return window.current_card()


def test_a_card_opened_from_the_search_takes_ctrl_s_ctrl_d_ctrl_t(
        qtbot, window, store, actor, monkeypatch):
    p = store.create_person({"firstName": "Gerda", "lastName": "Lehmann"}, actor)
    active(qtbot, window)
    card = open_from_search(qtbot, window, "Lehmann")
    assert card.record_id == p.id

    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: ("asked not to be called", True))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, CTRL)
    assert store.get_person(p.id).do_not_call

    opened = []
    monkeypatch.setattr(contact_card.TaskDialog, "exec",
                        lambda self: opened.append(self) or 0)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, CTRL)
    assert len(opened) == 1

    qtbot.keyClicks(QApplication.focusWidget(), "Frau ")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, CTRL)
    assert store.get_person(p.id).salutation == "Frau"


def test_the_company_chooser_picks_the_only_match_with_enter(qtbot, window, store, actor):
    store.create_company({"name": "CX Labs"}, actor)
    other = store.create_company({"name": "Sonnenhof GmbH"}, actor)
    p = store.create_person({"firstName": "Gerda", "lastName": "Lehmann"}, actor)
    active(qtbot, window)
    card = window.open_contact("person", p.id)

    def choose():
        dlg = QApplication.activeModalWidget()
        dlg.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=2000)
        try:
            qtbot.keyClicks(dlg.picker.query, "Sonnenhof")
            qtbot.wait(300)  # the list has caught up with the typing
            qtbot.keyClick(dlg.picker.query, Qt.Key.Key_Return)
        finally:
            if dlg.isVisible():
                dlg.reject()

    QTimer.singleShot(0, choose)
    qtbot.mouseClick(card.company_button, Qt.MouseButton.LeftButton)
    assert store.get_person(p.id).company_id == other.id


def test_the_company_chooser_goes_down_into_the_list_and_picks_with_arrows(
        qtbot, window, store, actor):
    names = ["Alpha Bau", "Alpha Druck", "Alpha Elektro"]
    ids = [store.create_company({"name": n}, actor).id for n in names]
    p = store.create_person({"firstName": "Gerda", "lastName": "Lehmann"}, actor)
    active(qtbot, window)
    card = window.open_contact("person", p.id)

    def choose():
        dlg = QApplication.activeModalWidget()
        dlg.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=2000)
        try:
            qtbot.keyClicks(dlg.picker.query, "Alpha")
            qtbot.keyClick(dlg.picker.query, Qt.Key.Key_Down)
            assert dlg.picker.list.hasFocus() and dlg.picker.list.currentRow() == 0
            qtbot.keyClick(dlg.picker.list, Qt.Key.Key_Down)
            qtbot.keyClick(dlg.picker.list, Qt.Key.Key_Return)
        finally:
            if dlg.isVisible():
                dlg.reject()

    QTimer.singleShot(0, choose)
    qtbot.mouseClick(card.company_button, Qt.MouseButton.LeftButton)
    assert store.get_person(p.id).company_id == ids[1]


def test_every_menu_action_has_a_shortcut_and_f1_lists_them_in_a_table(qtbot, window):
    active(qtbot, window)
    missing = []
    keys = set()

    def walk(menu, path):
        for a in menu.actions():
            if a.isSeparator():
                continue
            if a.menu() is not None:
                walk(a.menu(), path + [a.text()])
            elif not a.shortcuts():
                missing.append(" ▸ ".join(path + [a.text()]))
            else:
                keys.update(s.toString() for s in a.shortcuts())

    for top in window.menuBar().actions():
        walk(top.menu(), [top.text()])
    assert missing == []

    qtbot.keyClick(window, Qt.Key.Key_F1)
    dlg = window.shortcuts_dialog
    qtbot.waitUntil(dlg.isVisible, timeout=1000)
    table = dlg.findChild(QTableWidget)
    assert table.columnCount() == 2
    listed = " / ".join(table.item(r, 0).text() for r in range(table.rowCount())
                        if table.item(r, 0) is not None)
    for k in keys:
        assert k in listed, k
    assert "Ctrl+S" in listed and "Esc" in listed and "Del" in listed
    dlg.close()


def test_export_chords_reach_their_action(qtbot, window, monkeypatch):
    active(qtbot, window)
    asked = []
    monkeypatch.setattr(window, "export", lambda what, path=None: asked.append(what))
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_P)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_V)
    assert asked == ["persons", "vcard"]
