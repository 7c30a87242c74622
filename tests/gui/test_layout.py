"""Issue 12 item 7: texts and layout — "&" in tab titles, rows that do not overlap, labels
that stay by their box, a card panel whose width is kept, a window that does not widen
itself, whole help texts, a readable status bar and do-not-call reasons, and errors in
the words of the form."""

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication

from crm_desktop.main_window import DesktopOptions, MainWindow
from crm_desktop.models.card_models import DncModel
from shared.model import ContactRef

CTRL = Qt.KeyboardModifier.ControlModifier


def active(qtbot, window):
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def open_from_search(qtbot, window, text):
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    qtbot.keyClicks(window.search, text)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    return window.current_card()


def in_modal(qtbot, steps):
    """Run ``steps(dialog)`` in the modal dialog the next click opens, then close it."""
    def drive():
        dlg = QApplication.activeModalWidget()
        try:
            qtbot.waitExposed(dlg)
            steps(dlg)
        finally:
            dlg.reject()

    QTimer.singleShot(0, drive)


def test_an_ampersand_shows_in_the_tab_title(qtbot, window, store, actor):
    store.create_company({"name": "Mueller & Soehne"}, actor)
    active(qtbot, window)
    card = open_from_search(qtbot, window, "Soehne")
    i = window.cards.indexOf(card)
    assert window.cards.tabText(i) == "Mueller && Soehne"  # && is how Qt shows one &
    assert window.cards.tabToolTip(i) == "Mueller & Soehne"
    qtbot.keyClick(card.fields["name"].editor, Qt.Key.Key_End)
    qtbot.keyClicks(card.fields["name"].editor, " KG")
    qtbot.keyClick(card.fields["name"].editor, Qt.Key.Key_S, CTRL)
    assert window.cards.tabText(i) == "Mueller && Soehne KG"


def test_the_window_keeps_its_size_as_cards_open(qtbot, window, store, actor):
    window.resize(1280, 800)
    active(qtbot, window)
    for i in range(4):
        c = store.create_company({"name": f"Firma {i} Handels- und Vertriebsgesellschaft mbH"},
                                 actor)
        store.create_person({"firstName": "Anna", "lastName": f"Person{i}"}, actor,
                            company_id=c.id)
    for text in ("Firma 0", "Person1", "Firma 2", "Person3"):
        open_from_search(qtbot, window, text)
        qtbot.wait(20)
        assert window.size().toTuple() == (1280, 800), text
    card = window.current_card()
    qtbot.keyClicks(card.fields["phone2"].editor, "12")
    qtbot.keyClick(card.fields["phone2"].editor, Qt.Key.Key_S, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)  # the dashboard, the tallest page
    qtbot.wait(20)
    assert window.size().toTuple() == (1280, 800)


def test_the_card_panel_can_be_widened_and_keeps_its_width(
        qtbot, window, store, actor, db_path):
    c = store.create_company({"name": "CX Labs"}, actor)
    window.resize(1280, 800)
    active(qtbot, window)
    open_from_search(qtbot, window, "CX Labs")
    qtbot.wait(20)
    before = window.split.sizes()[2]
    handle = window.split.handle(2)
    middle = QPoint(handle.width() // 2, handle.height() // 2)
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseMove(handle, QPoint(middle.x() - 120, middle.y()))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=QPoint(middle.x() - 120,
                                                                     middle.y()))
    wider = window.split.sizes()[2]
    assert wider >= before + 100
    qtbot.keyClick(window, Qt.Key.Key_W, CTRL)
    assert not window.card_panel.isVisible()
    window.open_contact("company", c.id)
    qtbot.wait(20)
    assert abs(window.split.sizes()[2] - wider) <= 2
    # And in the next Callsheet started on this PC.
    again = MainWindow(store, db_path, DesktopOptions(api_enabled=False, daily_backups=False))
    try:
        again.resize(1280, 800)
        again.show()
        again.open_contact("company", c.id)
        qtbot.wait(20)
        assert abs(again.split.sizes()[2] - wider) <= 2
    finally:
        for card in again.card_list():
            again._remove_card(card)
        again.shutdown()
        again.deleteLater()


def test_an_error_under_one_field_leaves_the_label_beside_it_in_place(
        qtbot, window, store, actor):
    store.create_person({"firstName": "Gerda", "lastName": "Lehmann"}, actor)
    active(qtbot, window)
    card = open_from_search(qtbot, window, "Lehmann")
    phone, phone2 = card.fields["phone"], card.fields["phone2"]
    phone2.editor.setFocus()
    qtbot.keyClicks(phone2.editor, "12")
    qtbot.keyClick(phone2.editor, Qt.Key.Key_S, CTRL)
    assert phone2.error.isVisible()
    qtbot.wait(20)
    assert phone.label.y() == phone2.label.y()
    assert phone.editor.y() == phone2.editor.y()
    assert phone.editor.y() - phone.label.geometry().bottom() < 10


def test_errors_use_the_words_of_the_form(qtbot, window, store, actor):
    store.create_person({"firstName": "Gerda", "lastName": "Lehmann"}, actor)
    active(qtbot, window)
    card = open_from_search(qtbot, window, "Lehmann")
    phone2, email = card.fields["phone2"], card.fields["email"]
    phone2.editor.setFocus()
    qtbot.keyClicks(phone2.editor, "12")
    qtbot.keyClick(phone2.editor, Qt.Key.Key_S, CTRL)
    assert phone2.error.text().startswith("Phone 2: '12' is not a phone number")
    phone2.editor.selectAll()
    qtbot.keyClick(phone2.editor, Qt.Key.Key_Delete)
    email.editor.setFocus()
    qtbot.keyClicks(email.editor, "gerda@")
    qtbot.keyClick(email.editor, Qt.Key.Key_S, CTRL)
    assert email.error.text().startswith("E-mail must be an e-mail address")
    for api in ("first", "last"):
        f = card.fields[f"{api}Name"]
        f.editor.selectAll()
        qtbot.keyClick(f.editor, Qt.Key.Key_Delete)
    email.editor.selectAll()
    qtbot.keyClick(email.editor, Qt.Key.Key_Delete)
    qtbot.keyClick(email.editor, Qt.Key.Key_S, CTRL)
    shown = card.fields["lastName"].error.text()
    assert shown == "A person needs a first name, a last name or a display name."


def test_chooser_rows_do_not_overlap(qtbot, window, store, actor):
    for name in ("Alpha Bau GmbH", "Beta Druck KG", "Gamma Elektro AG"):
        store.create_company({"name": name, "city": "München"}, actor)
    store.create_person({"firstName": "Gerda", "lastName": "Lehmann"}, actor)
    store.create_campaign("spring", "Spring", actor)
    active(qtbot, window)
    card = open_from_search(qtbot, window, "Lehmann")
    seen = []

    def rows(dlg):
        lst = dlg.picker.list
        rects = [lst.visualItemRect(lst.item(i)) for i in range(lst.count())]
        seen.append(len(rects))
        text_height = lst.fontMetrics().height()
        for a, b in zip(rects, rects[1:], strict=False):
            assert a.height() >= text_height + 4
            assert a.bottom() < b.top()

    in_modal(qtbot, rows)
    qtbot.mouseClick(card.company_button, Qt.MouseButton.LeftButton)
    active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_F5)  # the test's store shares the window's connection
    window.campaigns.select("spring")
    in_modal(qtbot, rows)
    qtbot.mouseClick(window.campaigns.assign_button, Qt.MouseButton.LeftButton)
    assert seen == [3, 4]


def test_the_new_campaign_help_text_is_shown_whole(qtbot, window):
    active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    heights = []

    def check(dlg):
        qtbot.wait(20)
        heights.append((dlg.hint.height(), dlg.hint.heightForWidth(dlg.hint.width())))

    in_modal(qtbot, check)
    qtbot.mouseClick(window.campaigns.new_button, Qt.MouseButton.LeftButton)
    [(shown, needed)] = heights
    assert shown >= needed


def test_status_bar_texts_do_not_overlap(qtbot, window, store, actor):
    # A list with a row (an empty one shows the first-start choices, not the table).
    store.create_person({"firstName": "Ida", "lastName": "Berg"}, actor)
    window.resize(820, 700)
    active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    qtbot.waitUntil(lambda: window.persons.model.loaded() == 1, timeout=3000)
    window.persons.table.setFocus()
    window.persons.table.clearSelection()
    qtbot.keyClick(window.persons.table, Qt.Key.Key_A, CTRL | Qt.KeyboardModifier.ShiftModifier)
    bar = window.statusBar()
    message = bar.currentMessage()
    assert message.startswith("Select one or more contacts first")
    used = bar.fontMetrics().horizontalAdvance(message)
    assert used < window.request_label.x()
    assert window.request_label.geometry().right() <= window.api_label.x()
    assert "Select one or more contacts first (Ctrl+click, Shift+click)." in bar.toolTip()


def test_a_long_do_not_call_reason_is_readable(qtbot, window, store, actor):
    p = store.create_person({"firstName": "Gerda", "lastName": "Lehmann"}, actor)
    reason = "Hat am Telefon gesagt, bitte nie wieder anrufen"
    store.set_do_not_call(ContactRef(None, p.id), True, actor, reason=reason)
    window.resize(1280, 800)
    active(qtbot, window)
    card = open_from_search(qtbot, window, "Lehmann")
    card.tabs.setCurrentWidget(card.dnc_view)
    qtbot.wait(20)
    view = card.dnc_view
    index = view.model().index(0, DncModel.COL_REASON)
    assert view.isColumnHidden(DncModel.COL_CALL)  # no call involved: room for the reason
    assert view.visualRect(index).right() <= view.viewport().width()
    assert view.columnWidth(DncModel.COL_REASON) >= view.fontMetrics().horizontalAdvance(
        "Hat am Telefon gesagt")
    assert index.data(Qt.ItemDataRole.ToolTipRole) == reason
