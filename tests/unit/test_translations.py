"""The translations: the .ts is complete, the .qm is built from it, the language is chosen."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator

from crm_desktop import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "callsheet_de.ts"


def messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [(c.findtext("name") or "", m.findtext("source") or "", m)
            for c in root.iter("context") for m in c.iter("message")]


def test_every_german_message_is_translated() -> None:
    found = messages()
    assert len(found) > 400
    unfinished = [(ctx, src) for ctx, src, m in found
                  if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
                  or not (m.findtext("translation") or "").strip()]
    assert unfinished == []


def test_translations_keep_placeholders_and_accelerators() -> None:
    for ctx, src, m in messages():
        de = m.findtext("translation") or ""
        # .format() would fail (or drop a value) if a placeholder were renamed or lost.
        # (The format after ":" may change: German writes dates as 01.12.)
        field = r"\{([^{}:!]*)[^{}]*\}"
        assert set(re.findall(field, src)) == set(re.findall(field, de)), (ctx, src, de)
        # A menu text with an accelerator keeps one (one single & before a letter).
        if re.search(r"&[^&\s]", src):
            assert re.search(r"&[^&\s]", de), (ctx, src, de)


def test_every_translate_call_in_the_code_is_in_the_ts(tmp_path) -> None:
    """Nobody forgot to run `./dev tr` after adding a text."""
    tool = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed next to this Python")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(i18n.lupdate_command(fresh, "-silent"), check=True, cwd=ROOT)
    in_code = {(c.findtext("name"), m.findtext("source"))
               for c in ET.parse(fresh).getroot().iter("context") for m in c.iter("message")}
    in_ts = {(ctx, src) for ctx, src, _ in messages()}
    assert in_code - in_ts == set()


def test_build_qm_makes_a_loadable_translation(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(i18n, "QM_DIR", tmp_path / "qm")
    written = i18n.build_qm()
    assert written == [tmp_path / "qm" / "callsheet_de.qm"]
    translator = QTranslator()
    assert translator.load(str(written[0]))
    assert translator.translate("main_window", "&File") == "&Datei"
    # Up to date: nothing built again until the .ts changes.
    assert i18n.build_qm() == []


@pytest.mark.parametrize(("setting", "system", "expected"), [
    ("", "de_DE", "de"), ("", "de_AT", "de"), ("", "en_US", "en"), ("", "fr_FR", "en"),
    ("en", "de_DE", "en"), ("de", "en_US", "de"), ("xx", "de_CH", "de"),
])
def test_choose_language(setting: str, system: str, expected: str) -> None:
    assert i18n.choose_language(setting, QLocale(system)) == expected


@pytest.fixture
def german(qapp):
    assert i18n.install(qapp, "de")
    yield
    i18n.install(qapp, "en")


def test_said_translates_texts_their_values_and_counts(german) -> None:
    from shared.duplicates import SAME_PHONE, DuplicatePair
    from shared.errors import ValidationError
    from shared.texts import Text
    from shared.trash import Restored
    from shared.words import plural

    done = Restored("company", "c1", "Acme GmbH", persons=1200, tasks=1, campaign_places=0)
    assert done.message == ("Acme GmbH is back, with 1,200 persons, 1 task, 0 campaign places"
                            " and its calls.")
    assert i18n.said(done.message) == ("Acme GmbH ist wieder da, mit 1.200 Personen, 1 Aufgabe,"
                                       " 0 Kampagnenplätze und den Anrufen.")
    assert i18n.said(ValidationError(Text("{field} is required.", field="lastName"))) == (
        "lastName ist ein Pflichtfeld.")
    pair = DuplicatePair("person", None, None, [SAME_PHONE, Text("similar name")])
    assert i18n.said(pair.reason_text) == "gleiche Telefonnummer, ähnlicher Name"
    assert i18n.said(plural(1, "deleted record")) == "1 gelöschter Eintrag"
    # Not a Text (data, an OS message): as it is.
    assert i18n.said("Nordlicht GmbH") == "Nordlicht GmbH"
    assert i18n.said(OSError("disk full")) == "disk full"


def test_a_text_survives_pickling_with_its_template() -> None:
    import pickle

    from shared.countries import CountryName
    from shared.texts import Text

    t = pickle.loads(pickle.dumps(Text("too short for a number in {country}",
                                       country=CountryName("AT"))))
    assert t == "too short for a number in Austria"
    assert t.template == "too short for a number in {country}"
    assert t.values["country"].code == "AT"


def test_country_names_in_german_sorted_as_read() -> None:
    from shared.countries import countries

    de = countries("de")
    assert de["DE"] == "Deutschland" and de["AT"] == "Österreich" and de["KR"] == "Südkorea"
    names = list(de.values())
    assert names.index("Oman") < names.index("Österreich") < names.index("Pakistan")
    assert countries()["DE"] == "Germany"
    assert set(de) == set(countries())  # the same codes in every language


def test_every_counted_noun_has_both_forms_in_the_ts() -> None:
    """plural() makes its template at run time, which lupdate cannot see: each noun
    the code counts must be in shared.words.COUNTED, so it is translated."""
    from shared.words import COUNTED

    listed = {t.template for t in COUNTED}
    call = re.compile(r"""plural\((?:[^()]|\([^()]*\))*?,\s*(['"])(.+?)\1"""
                      r"""(?:,\s*(['"])(.+?)\3)?\)""")
    found = set()
    for path in [*(ROOT / "shared").rglob("*.py"), *(ROOT / "crm_desktop").rglob("*.py")]:
        for m in call.finditer(path.read_text(encoding="utf-8")):
            one, many = m.group(2), m.group(4) or m.group(2) + "s"
            found |= {"{n:,} " + one, "{n:,} " + many}
    assert len(found) > 10
    assert found - listed == set()
    in_ts = {src for _, src, _ in messages()}
    assert listed - in_ts == set()
