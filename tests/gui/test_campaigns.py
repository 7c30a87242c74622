"""Campaigns: create one in the dialog, assign several contacts at once."""

from PySide6.QtWidgets import QDialog

from crm_desktop.campaign_dialog import CampaignDialog
from crm_desktop.contact_picker import ContactPickerDialog


def test_create_campaign_through_the_dialog(qtbot, window, store, monkeypatch):
    def fill(dlg):
        qtbot.keyClicks(dlg.id_edit, "spring_promo")
        qtbot.keyClicks(dlg.name_edit, "Spring promotion")
        dlg.tasks_combo.setCurrentIndex(dlg.tasks_combo.findData("apollo"))
        dlg.accept()
        return dlg.result()

    monkeypatch.setattr(CampaignDialog, "exec", fill)
    window.go(2)
    window.campaigns.new_campaign()
    c = store.get_campaign("spring_promo")
    assert (c.name, c.contacts_source, c.tasks_source) == ("Spring promotion", "crm", "apollo")
    assert window.campaigns.current().id == "spring_promo"


def test_a_duplicate_id_is_shown_next_to_the_field(qtbot, window, store, actor):
    store.create_campaign("dup", "First", actor)
    dlg = CampaignDialog(window.ctx, parent=window)
    qtbot.keyClicks(dlg.id_edit, "dup")
    qtbot.keyClicks(dlg.name_edit, "Second")
    dlg.accept()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert "exists already" in dlg.fields["id"].error.text()


def test_assign_several_contacts(qtbot, window, store, actor, monkeypatch):
    store.create_campaign("winter", "Winter", actor)
    c = store.create_company({"name": "Nordlicht AG"}, actor)
    store.create_person({"firstName": "Lea", "lastName": "Huber"}, actor, company_id=c.id)
    store.create_person({"firstName": "Finn", "lastName": "Koch"}, actor)
    store.create_person({"firstName": "Not", "lastName": "Chosen"}, actor)

    def pick(dlg):
        assert dlg.picker.list.count() == 4
        dlg.picker.select_titles("Nordlicht AG", "Lea Huber", "Finn Koch")
        dlg.accept()
        return dlg.result()

    monkeypatch.setattr(ContactPickerDialog, "exec", pick)
    window.go(2)
    window.campaigns.select("winter")
    window.campaigns.assign()
    names = sorted(v.person_name or v.company_name
                   for v in store.campaign_contacts("winter", for_dialer=False))
    assert names == ["Finn Koch", "Lea Huber", "Nordlicht AG"]
    assert window.campaigns.contacts_model.rowCount() == 3
    assert "(3)" in window.campaigns.contacts_title.text()


def test_add_selected_list_rows_to_a_campaign(qtbot, window, store, actor, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    store.create_campaign("tech", "Tech", actor)
    for name in ("A1", "B2", "C3"):
        store.create_person({"lastName": name}, actor)
    window.go(1)
    view = window.persons
    view.table.selectRow(0)
    view.table.selectionModel().select(
        view.model.index(2, 0), view.table.selectionModel().SelectionFlag.Select
        | view.table.selectionModel().SelectionFlag.Rows)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Tech (tech)", True))
    view.add_selected_to_campaign()
    assert sorted(v.person_name for v in store.campaign_contacts("tech")) == ["A1", "C3"]
