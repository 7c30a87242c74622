"""Translations: the .ts sources in resources/i18n, the .qm files Qt loads, and the language.

Every user-visible text in crm_desktop goes through `translate(context, text)` (that is
QCoreApplication.translate; pyside6-lupdate finds the calls by that name). Texts with
values use placeholders and .format() so a translator sees the whole sentence.

Sentences made in shared/ (errors, timeline lines, import statuses) are
shared.texts.Text: English with their template and values. `said(...)` says them in
the language shown; lupdate collects their templates from shared/ (`Text` counts as
QT_TR_NOOP, context "").
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from shared.countries import CountryName, countries
from shared.errors import CallsheetError
from shared.resources import resource_path
from shared.texts import Text

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = resource_path("i18n")
# The built .qm files live inside the package, so Briefcase (sources = crm_desktop)
# ships them; they are built, not committed (.gitignore).
QM_DIR = Path(__file__).resolve().parent / "translations"
LANGUAGES = {"en": "English", "de": "Deutsch"}  # code -> the language's own name


# Where lupdate looks for texts, and how shared/'s Text(...) reads to it.
SOURCES = ("crm_desktop", "shared")
TEXT_ALIAS = "QT_TR_NOOP+=Text"
TEXT_CONTEXT = ""  # lupdate files QT_TR_NOOP outside a tr() class under no context


def source_files() -> list[str]:
    """The Python files lupdate reads (relative to the repository)."""
    return sorted(str(p.relative_to(ROOT)) for d in SOURCES for p in (ROOT / d).rglob("*.py"))


def lupdate_command(ts: Path | str, *extra: str) -> list[str]:
    """pyside6-lupdate's arguments to collect every text into ``ts``."""
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    return [str(tool) if tool.exists() else "pyside6-lupdate", *extra,
            "-tr-function-alias", TEXT_ALIAS, *source_files(), "-ts", str(ts)]


def extract() -> None:
    """Collect the texts into every resources/i18n/*.ts (`./dev tr`): texts already
    translated keep their translation, texts gone from the code are dropped."""
    for ts in sorted(TS_DIR.glob("callsheet_*.ts")):
        subprocess.run(lupdate_command(ts, "-no-obsolete", "-locations", "relative"),
                       check=True, cwd=ROOT)


def said(text: Any) -> str:
    """A message from shared/ in the language shown: a Text (or an error carrying one)
    through the translation, its values too; any other str as it is; None as ""."""
    if isinstance(text, CallsheetError):
        text = text.message
    if isinstance(text, CountryName):
        return countries(_language).get(text.code, text)
    if text is None:
        return ""
    if not isinstance(text, str):
        text = str(text)  # a Text too where __str__ makes one (an import's RowError)
    if not isinstance(text, Text):
        return text
    template = translate(TEXT_CONTEXT, text.template)
    values: dict[str, Any] = {}
    for k, v in text.values.items():
        if isinstance(v, int) and not isinstance(v, bool) and "{" + k + ":,}" in template:
            # Thousands as the language writes them (1.200 in German).
            template = template.replace("{" + k + ":,}", "{" + k + "}")
            v = QLocale().toString(v)
        values[k] = said(v) if isinstance(v, (Text, CountryName)) else v
    try:
        return template.format(**values) if values else template
    except (KeyError, IndexError, ValueError):
        # A translation that lost a placeholder (the tests forbid it): English, not a crash.
        return str(text)


def lrelease() -> str | None:
    """The lrelease program: the one in the PySide6 wheel, PySide6's wrapper next to this
    Python, or one on PATH."""
    import PySide6

    wheel = Path(PySide6.__file__).resolve().parent
    exe = ".exe" if sys.platform == "win32" else ""
    for candidate in (wheel / f"lrelease{exe}", wheel / "Qt" / "libexec" / f"lrelease{exe}",
                      Path(sys.executable).parent / f"pyside6-lrelease{exe}"):
        if candidate.exists():
            return str(candidate)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def build_qm(force: bool = False) -> list[Path]:
    """Compile every resources/i18n/*.ts whose .qm is missing or older (force: all).

    A fresh clone and the Briefcase build have only the .ts; this makes the .qm.
    Returns the .qm files written."""
    written: list[Path] = []
    if not TS_DIR.is_dir():
        return written
    tool = lrelease()
    for ts in sorted(TS_DIR.glob("callsheet_*.ts")):
        qm = QM_DIR / (ts.stem + ".qm")
        if not force and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if tool is None:
            log.warning("no lrelease to build %s", qm.name)
            continue
        QM_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        written.append(qm)
    return written


def choose_language(setting: str | None, system: QLocale | None = None) -> str:
    """The language to show: the setting ("en", "de") or, when automatic, the OS's."""
    if setting in LANGUAGES:
        return setting
    locale = system or QLocale.system()
    for name in locale.uiLanguages() or [locale.name()]:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


# The words that go into sentences like "New {noun}": German needs them translated too
# (and both are feminine there: "Neue Firma", "Neue Person").
NOUNS = (QT_TRANSLATE_NOOP("nouns", "company"), QT_TRANSLATE_NOOP("nouns", "person"),
         QT_TRANSLATE_NOOP("nouns", "companies"), QT_TRANSLATE_NOOP("nouns", "persons"),
         QT_TRANSLATE_NOOP("nouns", "contacts"), QT_TRANSLATE_NOOP("nouns", "calls"),
         QT_TRANSLATE_NOOP("nouns", "tasks"))


def noun(word: str) -> str:
    """One of NOUNS in the language shown."""
    return translate("nouns", word)


_installed: list[QTranslator] = []
_language = "en"


def language() -> str:
    """The language installed last ("en" before any)."""
    return _language


def install(app: QCoreApplication, language: str) -> bool:
    """Load Callsheet's and Qt's own translations for `language` into the app.

    Replaces what an earlier call installed. English needs none. Returns whether
    Callsheet's translation was loaded."""
    global _language
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _language = language
    # Day and month names, numbers: in the language shown (English after German too).
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return True
    try:
        build_qm()
    except (OSError, subprocess.CalledProcessError) as exc:
        log.warning("could not build the translations: %s", exc)
    ours = QTranslator(app)
    loaded = ours.load(str(QM_DIR / f"callsheet_{language}.qm"))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("no translation for %s in %s", language, QM_DIR)
    # Qt's own texts (the buttons of message boxes, the context menu of text fields).
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return loaded
