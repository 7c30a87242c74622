# ruff: noqa: E501  (the sample CSV reads better one record per line, like shared/demo.py)
"""Render the import dialog, the duplicates view and the dashboard with demo data
into docs/screenshots/ (import-dialog.png, import-duplicates.png, duplicates.png,
dashboard.png).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots_office.py [--lang de]

--lang de shows them in German, in files named with -de (import-dialog-de.png).

A fresh database in a temporary folder gets the demo data, plus a few records
that an office would really have twice (the demo has none), and a CSV file as
Excel in Germany writes it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from crm_desktop import i18n, style  # noqa: E402
from crm_desktop.context import DesktopContext  # noqa: E402
from crm_desktop.dashboard_view import DashboardView  # noqa: E402
from crm_desktop.duplicates_view import DuplicatesView  # noqa: E402
from crm_desktop.import_dialog import ImportDialog  # noqa: E402
from shared.database import connect  # noqa: E402
from shared.demo import load_demo  # noqa: E402
from shared.model import Actor  # noqa: E402
from shared.store import Store  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SUFFIX = ""  # "-de" for the German shots
ACTOR = Actor.desktop()

CSV = """Firma;Anrede;Vorname;Nachname;Straße;PLZ;Ort;Land;Telefon;Mobil;E-Mail;Bemerkung
Hanse Logistik GmbH;Frau;Katrin;Vogt;Überseeallee 1;20457;Hamburg;Deutschland;040 822160-12;0171 5550123;k.vogt@hanse-logistik.de;Messe 2026
Hanse Logistik GmbH;Herr;Jan;Petersen;Überseeallee 1;20457;Hamburg;Deutschland;040 822160-15;;j.petersen@hanse-logistik.de;
Elbe Spedition KG;Herr;Ole;Hansen;Am Sandtorkai 4;20457;Hamburg;Deutschland;040 3037 4400;;o.hansen@elbe-spedition.de;Rückruf erbeten
Bäckerei Sonnenschein;;;;Hauptstraße 12;10115;Berlin;Deutschland;030 555012;;info@sonnenschein-baeckerei.de;
Café Kranzler GmbH;Frau;Petra;Lindner;Kurfürstendamm 18;10719;Berlin;Deutschland;030 8872 3930;0152 2345 6789;p.lindner@cafe-kranzler.de;
Isar Dental;Dr.;Miriam;Roth;Leopoldstr. 40;80802;München;Germany;089 3838 2020;;praxis@isar-dental.de;Neukunde
Wiener Kaffeerösterei;Herr;Stefan;Gruber;Neubaugasse 25;1070;Wien;Österreich;+43 1 5236610;;s.gruber@kaffeeroesterei.at;
Alpen Apotheke;Frau;Eva;Huber;Bahnhofstr. 3;83022;Rosenheim;Deutschland;08031 12;;;
Rhein Reisen GmbH;;;;Rheinuferstr. 9;50668;Köln;Deutschland;0221 1234 5678;;info@rhein-reisen.de;
;;Gerda;Lehmann;;;Hamburg;;0151 12345678;;;privat, ruft abends an
Stadtwerke Lindenau;Herr;Tobias;Franke;Marktplatz 1;04177;Leipzig;Deutschland;0341 49610;;t.franke@sw-lindenau.de;
"""


def grab(widget: QWidget, name: str) -> None:
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()
    path = OUT / name.replace(".png", f"{SUFFIX}.png")
    widget.grab().save(str(path))
    print(f"wrote {path}")


def add_duplicates(store: Store) -> None:
    """Records an office gets twice: a typo, a legal form left out, a shared number."""
    hanse = store.list_companies("Hanse Logistik")[0]
    store.create_company({"name": "Hanse Logistik", "city": "Hamburg", "country": "DE",
                          "phone": hanse.phone, "email": "info@hanse-logistik.de",
                          "annotation": "Angelegt bei der Messe"}, ACTOR)
    nord = store.list_companies("Nordlicht")[0]
    store.create_company({"name": "Nordlicht Versicherungs AG", "address": "Ballindamm 40",
                          "zipCode": "20095", "city": "Hamburg", "country": "DE",
                          "email": nord.email}, ACTOR)
    weber = store.list_companies("Praxis Dr. Weber")[0]
    store.create_company({"name": "Praxis Dr. med. Weber", "city": "Stuttgart",
                          "country": "DE", "phone": weber.phone}, ACTOR)
    person = store.list_persons()[0]
    store.create_person({"firstName": person.first_name, "lastName": person.last_name,
                         "email": (person.email or "").upper() or None,
                         "phone2": "+4915229876543"}, ACTOR, company_id=person.company_id)


def main() -> None:
    global SUFFIX
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES), default="en")
    args = parser.parse_args()
    SUFFIX = "" if args.lang == "en" else f"-{args.lang}"
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    style.apply(app)
    i18n.install(app, args.lang)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(connect(Path(tmp) / "demo.db"))
        load_demo(store)
        add_duplicates(store)
        ctx = DesktopContext(store, region="DE")

        csv_path = Path(tmp) / "Kunden-Export.csv"
        csv_path.write_bytes(CSV.replace("\n", "\r\n").encode("cp1252"))
        dialog = ImportDialog(ctx)
        dialog.resize(1180, 700)
        dialog.show()
        dialog.load(csv_path)
        grab(dialog, "import-dialog.png")
        dialog.go_next()
        if dialog.dupes.rowCount():
            dialog.set_decision(int(dialog.dupes.item(0, 0).text()), "merge")
        grab(dialog, "import-duplicates.png")
        dialog.close()

        dupes = DuplicatesView(ctx)
        dupes.resize(1180, 760)
        dupes.show()
        dupes.activate()
        grab(dupes, "duplicates.png")

        dash = DashboardView(ctx)
        dash.resize(1180, 860)
        dash.show()
        dash.activate()
        grab(dash, "dashboard.png")
        # Delete the widgets while Qt is still alive: left to interpreter exit, the
        # chart views are torn down after QApplication and crash.
        for widget in (dialog, dupes, dash):
            widget.close()
            widget.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        store.db.close()


if __name__ == "__main__":
    main()
