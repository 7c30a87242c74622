"""The import dialog: file, guessed mapping, preview, duplicate decisions, import on a
worker thread, report; Cancel rolls everything back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from crm_desktop.context import DesktopContext
from crm_desktop.import_dialog import PAGE_DUPLICATES, PAGE_REPORT, ImportDialog
from shared.model import Actor

from .file_dialog import answer_file_dialog

CSV = ("Firma;Vorname;Nachname;Ort;Telefon;E-Mail\n"
       "CX Labs GmbH;Robert;Klein;München;089 4432 2883-100;r.klein@cxlabs.de\n"
       "Acme GmbH;;;Berlin;030 555012;info@acme.de\n"
       "Broken AG;;;;12;\n")


@pytest.fixture
def csv_file(tmp_path):
    path = tmp_path / "kunden.csv"
    path.write_bytes(CSV.replace("\n", "\r\n").encode("cp1252"))
    return path


@pytest.fixture
def dialog(qtbot, store):
    wrote = []
    d = ImportDialog(DesktopContext(store, region="DE", wrote=lambda: wrote.append(1)))
    d.wrote = wrote
    qtbot.addWidget(d)
    d.show()
    return d


def _existing(store):
    return store.create_company({"name": "ACME", "phone": "+4930555012"}, Actor("cli"))


def test_choose_file_guesses_mapping_and_previews(dialog, csv_file, qtbot):
    seen = answer_file_dialog(csv_file)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert seen["dialog"] and not seen["native"]
    assert dialog.current_mapping() == ["company.name", "person.firstName", "person.lastName",
                                        "company.city", "person.phone", "person.email"]
    assert "3 rows" in dialog.file_info.text() and "semicolon" in dialog.file_info.text()
    assert dialog.preview.rowCount() == 3
    first = [dialog.preview.item(0, c).text() for c in range(dialog.preview.columnCount())]
    assert first[:8] == ["2", "✓ new person", "CX Labs GmbH", "Robert", "Klein",
                         "089 44322883100", "r.klein@cxlabs.de", "München"]
    # Acme has no person: its phone goes to the company, formatted.
    assert dialog.preview.item(1, 5).text() == "030 555012"
    broken = dialog.preview.item(2, 1)
    assert broken.text() == "✗ cannot import"
    assert broken.toolTip().startswith("row 4, column 'Telefon': phone: '12' is not a phone")


def test_changing_the_mapping_updates_the_preview(dialog, csv_file):
    dialog.load(csv_file)
    dialog.set_mapping(3, "")  # do not import the city
    assert dialog.preview.item(0, 7).text() == ""
    dialog.set_mapping(0, "")  # and no company names: person rows only
    assert "The row names neither" in dialog.preview.item(1, 1).toolTip()


def test_mapping_without_names_disables_next(dialog, csv_file):
    dialog.load(csv_file)
    for i in (0, 1, 2):
        dialog.set_mapping(i, "")
    assert not dialog.next.isEnabled() and "No column is mapped" in dialog.file_info.text()


def test_import_with_decisions(dialog, csv_file, store, qtbot):
    acme = _existing(store)
    dialog.load(csv_file)
    dialog.next.click()
    assert dialog.pages.currentIndex() == PAGE_DUPLICATES
    assert dialog.dupes.rowCount() == 1
    assert dialog.dupes.item(0, 2).text() == "ACME: same phone, similar name"
    assert "Broken AG" in dialog.errors_box.toPlainText()
    dialog.set_decision(3, "merge")
    with qtbot.waitSignal(dialog.imported, timeout=20000) as sig:
        dialog.next.click()
    report = sig.args[0]
    assert (report.companies_created, report.persons_created, report.merged,
            report.failed_rows) == (1, 1, 1, 1)
    assert dialog.pages.currentIndex() == PAGE_REPORT
    assert "1 failed" in dialog.result.text()
    assert "row 4, column 'Telefon'" in dialog.report_text.toPlainText()
    assert store.get_company(acme.id).email == "info@acme.de"  # merged: empty field filled
    assert store.count_companies() == 2 and store.count_persons() == 1
    assert store.audit_trail("company", acme.id)[0].side == "desktop"
    assert dialog.wrote


def test_apply_to_all_and_save_report(dialog, csv_file, store, qtbot, tmp_path, monkeypatch):
    _existing(store)
    dialog.load(csv_file)
    dialog.go_next()
    dialog.all_decision.setCurrentIndex(dialog.all_decision.findData("import"))
    dialog.apply_to_all()
    assert dialog.decisions() == {3: "import"}
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.go_next()
    assert store.count_companies() == 3
    out = tmp_path / "failed.csv"
    answer_file_dialog(out)
    dialog.save_report.click()
    assert "Broken AG" in out.read_text(encoding="utf-8-sig")


def test_cancel_rolls_back(dialog, store, tmp_path, qtbot):
    path = tmp_path / "big.csv"
    path.write_text("Firma;Telefon\n" + "".join(f"Firma {i};030 55{i:05d}\n"
                                                 for i in range(3000)), encoding="utf-8")
    dialog.load(path)
    dialog.go_next()
    worker = dialog.start_import()
    with qtbot.waitSignal(worker.finished, timeout=60000):
        qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=20000)
        dialog.cancel.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == PAGE_REPORT, timeout=5000)
    assert "Nothing was imported" in dialog.result.text()
    assert store.count_companies() == 0
    assert dialog.report is None


def test_import_anyway_of_a_do_not_call_person_warns_and_flags_the_copy(
        dialog, store, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt

    from shared.model import ContactRef

    old = store.create_person({"firstName": "Robert", "lastName": "Klein",
                               "email": "r.klein@cxlabs.de"}, Actor("cli"))
    store.set_do_not_call(ContactRef(None, old.id), True, Actor("cli"), reason="asked")
    path = tmp_path / "leute.csv"
    path.write_text("Vorname;Nachname;E-Mail\nRob;Klein;r.klein@cxlabs.de\n"
                    "Gerda;Lehmann;gerda(at)example.de\n", encoding="utf-8")
    answer_file_dialog(path)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.file_info.text().startswith("2 rows · 3 columns ·")
    gerda = dialog.preview.item(1, 1)
    assert gerda.text() == "⚠ new person, without E-Mail"
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == PAGE_DUPLICATES
    assert "<b>1</b> looks like contacts you have" in dialog.check_summary.text()
    assert "⊘ do-not-call" in dialog.dupes.item(0, 2).text()
    assert "row 3, column 'E-Mail': left out" in dialog.errors_box.toPlainText()
    assert not dialog.dnc_warning.isVisible()
    combo = dialog.dupes.cellWidget(0, 3)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # Skip -> Import anyway
    assert combo.currentData() == "import"
    assert dialog.dnc_warning.isVisible()
    assert "Robert Klein is flagged do-not-call" in dialog.dnc_warning.text()
    assert "the copy is flagged do-not-call too" in dialog.dnc_warning.text()
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    assert dialog.result.text() == (
        "2 rows: 0 companies and 2 persons created, 0 merged, 0 skipped, 0 failed."
        " 1 field left out. 1 copy of do-not-call contacts flagged do-not-call.")
    assert "left out: email must be" in dialog.report_text.toPlainText()
    copy = next(p for p in store.list_persons("Klein") if p.id != old.id)
    assert copy.do_not_call
    assert store.list_persons("Lehmann")[0].email is None


def test_the_preview_asks_to_check_an_unusual_number(dialog, qtbot, tmp_path):
    path = tmp_path / "mobil.csv"
    path.write_text("Vorname;Nachname;Mobil\nRob;Klein;01512 345679\n", encoding="utf-8")
    answer_file_dialog(path)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    status = dialog.preview.item(0, 1)
    assert status.text() == "⚠ new person, check Mobil"
    assert "01512 345679 is not a usual number in Germany" in status.toolTip()
