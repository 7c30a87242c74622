"""A CSV import brings an erased person's number back: the contact is flagged do-not-call."""

from __future__ import annotations

from shared import privacy
from shared.csv_import import Importer, read_csv
from shared.model import Actor, ContactRef

from .helpers import write_csv

ACTOR = Actor("cli")
ROWS = """Firma;Vorname;Nachname;Telefon;Mobil
CX Labs GmbH;Robert;Klein;089 4432 2883-100;0151 2345678
Bäckerei Sonne;;;030 555012;
"""


def test_imported_contacts_with_a_blocked_number_are_do_not_call(store, tmp_path):
    gone = store.create_person({"lastName": "Vorher", "phone": "+491512345678"}, ACTOR)
    shop = store.create_company({"name": "Alter Laden", "phone": "+4930555012"}, ACTOR)
    privacy.erase_person(store, gone.id, reason="asked", who="cli")
    store.delete_company(shop.id, ACTOR)  # not erased: its number is not blocked
    importer = Importer(store, region="DE", actor=ACTOR)
    report = importer.run(importer.analyse(read_csv(write_csv(tmp_path / "k.csv", ROWS))))
    assert (report.companies_created, report.persons_created) == (2, 1)
    robert = store.list_persons("Klein")[0]
    assert robert.do_not_call
    assert store.dnc_history(ContactRef(None, robert.id))[0].reason == (
        "erased, objection on file")
    (sonne,) = store.list_companies("Sonne")
    assert not sonne.do_not_call
