"""Importing companies and persons from a CSV file, as offices export them.

Three steps, for the desktop's dialog and ``callsheet-api import`` alike:

1. ``read_csv`` finds the encoding (UTF-8, else Windows-1252) and the delimiter
   (``;`` from a German Excel, ``,``, tab or ``|``).
2. ``guess_mapping`` maps each column to a field from its header, in German or
   English (``Firma``, ``Telefon``, ``E-Mail``, ``Mobil`` ...); people correct it.
3. ``Importer.analyse`` checks every row by the same rules as a typed card
   (phones normalised with the default region) and looks for duplicates: the
   same phone or e-mail, or a similar name, in the database or earlier in the
   file. ``Importer.run`` then writes the file in chunks that each commit, each
   duplicate merged, skipped or imported anyway as decided; a cancelled or
   failed run takes back what its chunks did and leaves the records as they were.

A row with a company name makes (or reuses: the same name key) that company;
when it also names a person, the person is made in that company. A row with
only a person makes a private person.
"""

from __future__ import annotations

import csv
import gettext
import io
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import pycountry

from . import phones
from .countries import countries
from .duplicates import SAME_EMAIL, SAME_PHONE, SIMILAR_NAME, name_key, sort_reasons
from .errors import CallsheetError, NotFound, ValidationError
from .model import Actor, ContactRef, clean_company, clean_person, person_display_name
from .person_details import DETAIL_FIELDS, PersonDetails, clean_details, split
from .reasons import imported_copy
from .store import Store
from .texts import Text, join
from .words import plural

Decision = Literal["merge", "skip", "import"]
DECISIONS: tuple[Decision, ...] = ("merge", "skip", "import")
Progress = Callable[[int, int], None]

IGNORE = ""


@dataclass(frozen=True)
class Target:
    """A field a column can go to."""

    key: str  # "company.zipCode"
    label: str  # a Text: the desktop shows it translated

    @property
    def entity(self) -> str:
        return self.key.split(".", 1)[0]

    @property
    def api(self) -> str:
        return self.key.split(".", 1)[1]


TARGETS: tuple[Target, ...] = (
    Target("company.name", Text("Company")),
    Target("company.address", Text("Address (street)")),
    Target("company.zipCode", Text("Zip code")),
    Target("company.city", Text("City")),
    Target("company.country", Text("Country")),
    Target("company.phone", Text("Company phone")),
    Target("company.phone2", Text("Company phone 2")),
    Target("company.email", Text("Company e-mail")),
    Target("company.annotation", Text("Company notes")),
    Target("person.salutation", Text("Salutation")),
    Target("person.firstName", Text("First name")),
    Target("person.lastName", Text("Last name")),
    Target("person.displayName", Text("Full name (person)")),
    Target("person.city", Text("Person's city")),
    Target("person.phone", Text("Person's phone")),
    Target("person.phone2", Text("Person's mobile")),
    Target("person.email", Text("Person's e-mail")),
    Target("person.annotation", Text("Person's notes")),
    Target("person.jobTitle", Text("Job title")),
    Target("person.department", Text("Department")),
    Target("person.address", Text("Person's street")),
    Target("person.zipCode", Text("Person's zip code")),
    Target("person.country", Text("Person's country")),
)
TARGET_BY_KEY = {t.key: t for t in TARGETS}
PERSON_NAME_FIELDS = ("person.firstName", "person.lastName", "person.displayName")

# Header words (folded: lower case, umlauts spelled out, no punctuation) and what
# they mean. "phone", "email", "city" and "notes" belong to the person when the
# file names persons, else to the company.
_SYNONYMS: dict[str, str] = {}
for _role, _words in {
    "company.name": "firma firmenname company companyname unternehmen organisation organization"
                    " org organisationsname account accountname kunde kundenname",
    "person.firstName": "vorname firstname givenname first forename",
    "person.lastName": "nachname lastname surname familyname familienname last zuname",
    "name": "name",
    "person.salutation": "anrede salutation title",
    "person.displayName": "displayname anzeigename fullname vollername ansprechpartner"
                          " kontakt kontaktperson contact contactname contactperson",
    "company.address": "strasse str address adresse street anschrift strassehausnr"
                       " strasseundhausnummer streetaddress address1 adresse1",
    "company.zipCode": "plz zip zipcode postcode postalcode postleitzahl",
    "city": "ort stadt city town wohnort",
    "company.country": "land country staat countrycode laendercode",
    "phone": "telefon tel phone telephone telefonnummer phonenumber festnetz fon rufnummer"
             " telefon1 phone1 tel1",
    "phone2": "telefon2 phone2 tel2 mobil handy mobile mobiltelefon mobilnummer cell"
              " cellphone mobilephone handynummer mobilfunk",
    "email": "email mail emailadresse emailaddress mailadresse",
    "annotation": "notiz notizen bemerkung bemerkungen notes note kommentar kommentare"
                  " comment comments anmerkung anmerkungen annotation info hinweis",
    "company.phone": "firmentelefon companyphone zentrale switchboard",
    "company.email": "firmenemail companyemail",
    "company.annotation": "firmennotiz companynotes",
    "person.city": "personcity personscity personort",
    "person.jobTitle": "position jobtitle funktion rolle role berufsbezeichnung stellung",
    "person.department": "abteilung department dept bereich",
    "person.address": "personstreet personaddress personstrasse",
    "person.zipCode": "personzipcode personzip personplz",
    "person.country": "personcountry personland",
}.items():
    for _word in _words.split():
        _SYNONYMS[_word] = _role


def _fold(header: str) -> str:
    s = header.strip().lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        s = s.replace(a, b)
    return re.sub(r"[^a-z0-9]", "", s)


# -- reading --------------------------------------------------------------------


class ImportFileError(CallsheetError):
    """The file cannot be read as CSV."""


@dataclass
class CsvFile:
    """A CSV file read into memory: its headers and rows (with their line numbers)."""

    headers: list[str]
    rows: list[list[str]]
    lines: list[int]  # the file line each row starts on (the header is line 1)
    delimiter: str = ","
    encoding: str = "utf-8"
    name: str = ""


def _decode(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        # What Excel on Windows writes for "CSV (Trennzeichen-getrennt)".
        return data.decode("cp1252", errors="replace"), "cp1252"


def _sniff_delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
    except csv.Error:
        header = text.splitlines()[0] if text else ""
        counts = {d: header.count(d) for d in ";,\t|"}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def read_csv(source: str | Path | bytes, *, delimiter: str | None = None) -> CsvFile:
    """Read a CSV file (a path, or its bytes): encoding and delimiter are found out.

    Raises ImportFileError for an empty file or one without a header row.
    """
    name = ""
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        name = path.name
        data = path.read_bytes()
    text, encoding = _decode(data)
    if not text.strip():
        raise ImportFileError(Text("The file is empty."))
    delim = delimiter or _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        headers = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error) as e:
        raise ImportFileError(Text("The file has no header row ({e}).", e=e)) from None
    if not any(headers):
        raise ImportFileError(Text("The first row must name the columns, but it is empty."))
    rows: list[list[str]] = []
    lines: list[int] = []
    start = reader.line_num + 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                row = (row + [""] * len(headers))[:len(headers)]
                rows.append(row)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as e:
        raise ImportFileError(Text("Line {start} is not valid CSV: {e}.",
                start=start, e=e)) from None
    return CsvFile(headers, rows, lines, delim, encoding, name)


# -- mapping --------------------------------------------------------------------


def guess_mapping(headers: Sequence[str]) -> list[str]:
    """The target field of each column (``IGNORE`` when unknown), from its header."""
    roles = [_SYNONYMS.get(_fold(h), IGNORE) for h in headers]
    has_person = any(r in ("person.firstName", "person.lastName", "person.displayName")
                     for r in roles)
    has_first = "person.firstName" in roles
    has_company = "company.name" in roles
    out: list[str] = []
    for role in roles:
        if role == "name":
            # "Name" next to "Vorname" is the last name; alone it is the company's.
            if has_first:
                role = "person.lastName"
            elif has_company:
                role = "person.displayName"
            else:
                role = "company.name"
            has_person = has_person or role.startswith("person.")
        elif role in ("phone", "phone2", "email", "annotation"):
            role = f"{'person' if has_person else 'company'}.{role}"
        elif role == "city":
            role = "company.city" if has_company or not has_person else "person.city"
        out.append(role)
    # A second column for the same field: a second phone goes to phone2, others are ignored.
    seen: set[str] = set()
    for i, role in enumerate(out):
        if role and role in seen:
            alt = role.replace(".phone", ".phone2") if role.endswith(".phone") else IGNORE
            out[i] = alt if alt and alt not in seen else IGNORE
        if out[i]:
            seen.add(out[i])
    return out


def apply_overrides(headers: Sequence[str], mapping: list[str],
                    specs: Iterable[str]) -> list[str]:
    """Change a mapping by ``column=field`` texts (``Tel.=company.phone``, ``Notiz=ignore``);
    the column is named by its header or its number (1 is the first). Raises
    ValidationError naming the bad spec."""
    mapping = list(mapping)
    for spec in specs:
        column, sep, target = spec.partition("=")
        column, target = column.strip(), target.strip()
        if not sep:
            raise ValidationError(Text(
                    "--map {spec!r}: write it as COLUMN=FIELD.", spec=spec), field="map")
        if target.lower() in ("ignore", "-", ""):
            target = IGNORE
        elif target not in TARGET_BY_KEY:
            raise ValidationError(
                f"--map {spec!r}: unknown field {target!r}; fields are "
                + ", ".join(t.key for t in TARGETS) + ", ignore.", field="map")
        if column in headers:
            index = list(headers).index(column)
        elif column.isdigit() and 1 <= int(column) <= len(headers):
            index = int(column) - 1
        else:
            raise ValidationError(Text(
                    "--map {spec!r}: the file has no column {column!r}.", spec=spec, column=column),
                                  field="map")
        if target:
            mapping = [IGNORE if m == target else m for m in mapping]
        mapping[index] = target
    return mapping


@cache
def _country_names() -> dict[str, str]:
    """Country names in English and German (folded) to their alpha-2 codes."""
    out: dict[str, str] = {}
    try:
        german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    except OSError:
        german = None
    for c in pycountry.countries:
        names = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
        if german is not None:
            names |= {german.gettext(n) for n in list(names)}
        for n in names:
            out[_fold(n)] = c.alpha_2
    out.update({"usa": "US", "uk": "GB", "england": "GB", "grossbritannien": "GB",
                "holland": "NL", "tschechien": "CZ", "czechia": "CZ"})
    return out


def country_code(value: str) -> str:
    """``Deutschland``, ``Germany``, ``DEU`` or ``de`` → ``DE``; anything else as typed
    (validation then says what is wrong with it)."""
    text = value.strip()
    if text.upper() in countries():
        return text.upper()
    if len(text) == 3 and text.isalpha():
        c = pycountry.countries.get(alpha_3=text.upper())
        if c is not None:
            return c.alpha_2
    return _country_names().get(_fold(text), text)


# -- analysing -----------------------------------------------------------------


@dataclass
class RowError:
    """Why a row was not imported: its line, the column (header) and the message."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return Text("row {row}, column {column!r}: {message}", row=self.row,
                        column=self.column, message=self.message)
        return Text("row {row}: {message}", row=self.row, message=self.message)


@dataclass
class Match:
    """A record the row may duplicate: in the database (``id``) or an earlier row."""

    kind: str  # "company" or "person"
    label: str
    reasons: list[str]
    id: str | None = None
    row: int | None = None
    do_not_call: bool = False  # the existing record is flagged do-not-call

    @property
    def text(self) -> str:
        reasons = join(self.reasons, ", ")
        if self.row:
            text = Text("{label} (row {row} of this file): {reasons}", label=self.label,
                        row=self.row, reasons=reasons)
        else:
            text = Text("{label}: {reasons}", label=self.label, reasons=reasons)
        return Text("{match} — ⊘ do-not-call", match=text) if self.do_not_call else text


@dataclass
class RowPlan:
    """One data row: what it will create, what is wrong with it, what it may duplicate."""

    row: int
    raw: dict[str, str]  # target key -> the text in the file
    company: dict[str, Any] | None = None  # API-named fields, as typed
    person: dict[str, Any] | None = None
    company_cols: dict[str, Any] = field(default_factory=dict)  # cleaned columns
    person_cols: dict[str, Any] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    # Fields left out so the rest of the row can be imported (a bad e-mail address).
    left_out: list[RowError] = field(default_factory=list)
    # Values imported as they are but worth a look (a number the plan does not know).
    check: list[RowError] = field(default_factory=list)
    # A person row's company: an existing one (by name key), an earlier row's, or new.
    company_id: str | None = None
    company_row: int | None = None
    matches: list[Match] = field(default_factory=list)

    @property
    def kind(self) -> str:
        """What the row is mainly about: ``person`` when it names one, else ``company``."""
        return "person" if self.person is not None else "company"

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def dnc_match(self) -> Match | None:
        """The first existing record it duplicates that is flagged do-not-call."""
        return next((m for m in self.matches if m.id and m.do_not_call), None)

    @property
    def label(self) -> str:
        """``Anna Müller · CX Labs GmbH``."""
        parts = []
        if self.person_cols:
            parts.append(person_display_name(self.person_cols.get("display_name"),
                                             self.person_cols.get("first_name"),
                                             self.person_cols.get("last_name")))
        if self.company_cols.get("name"):
            parts.append(self.company_cols["name"])
        if not parts:  # not valid: say what the file says
            parts = [self.raw.get(k, "").strip() for k in (*PERSON_NAME_FIELDS, "company.name")]
        return " · ".join(p for p in parts if p)


@dataclass
class ImportPlan:
    """The analysed file: a RowPlan per data row, and the mapping used."""

    file: CsvFile
    mapping: list[str]
    region: str
    rows: list[RowPlan] = field(default_factory=list)

    @property
    def failed(self) -> list[RowPlan]:
        return [r for r in self.rows if not r.ok]

    @property
    def duplicates(self) -> list[RowPlan]:
        return [r for r in self.rows if r.ok and r.matches]

    def header_of(self, target: str) -> str:
        """The file's header of the column mapped to ``target`` (the target's label if none)."""
        # A company-only row takes the person's phone, e-mail and notes columns.
        alternatives = (target, target.replace("company.", "person.", 1))
        for wanted in alternatives:
            for header, t in zip(self.file.headers, self.mapping, strict=False):
                if t == wanted:
                    return header
        return TARGET_BY_KEY[target].label if target in TARGET_BY_KEY else target


@dataclass
class ImportReport:
    """What an import did (or, for a dry run, would do)."""

    rows: int = 0
    companies_created: int = 0
    persons_created: int = 0
    merged: int = 0
    skipped: int = 0
    failed: list[RowError] = field(default_factory=list)
    left_out: list[RowError] = field(default_factory=list)  # fields of imported rows
    flagged: int = 0  # copies of do-not-call contacts, flagged do-not-call too
    dry_run: bool = False

    @property
    def failed_rows(self) -> int:
        return len({e.row for e in self.failed})

    def summary(self) -> str:
        """One line: ``12 rows: 5 companies and 7 persons created, 1 merged, ...``."""
        head = "Dry run, nothing was written. " if self.dry_run else ""
        extra = ""
        if self.left_out:
            extra += f" {plural(len(self.left_out), 'field')} left out."
        if self.flagged:
            extra += (f" {plural(self.flagged, 'copy', 'copies')} of do-not-call contacts"
                      " flagged do-not-call.")
        return (f"{head}{plural(self.rows, 'row')}: "
                f"{plural(self.companies_created, 'company', 'companies')} and"
                f" {plural(self.persons_created, 'person')} created, {self.merged:,} merged,"
                f" {self.skipped:,} skipped, {self.failed_rows:,} failed.{extra}")

    def text(self) -> str:
        """The summary and one line per failed row and left-out field, for the terminal
        or a file."""
        lines = [self.summary()]
        if self.failed:
            lines.append("Failed rows:")
            lines += [f"  {e}" for e in self.failed]
        if self.left_out:
            lines.append("Imported without these fields:")
            lines += [f"  {e}" for e in self.left_out]
        return "\n".join(lines)


class ImportCancelled(CallsheetError):
    """The import was cancelled; nothing was imported."""


class _DryRun(Exception):
    """Raised at the end of a dry run to roll its transaction back."""


_CITY_LIKE = ("phone", "phone2", "email", "annotation", "city")
# Fields a row is imported without when their value is bad.
LEAVE_OUT = frozenset({"email"})


class Importer:
    """Analyses and runs imports into one store (one connection: one thread)."""

    def __init__(self, store: Store, *, region: str = "DE",
                 actor: Actor | None = None) -> None:
        self.store = store
        self.region = region or "DE"
        self.actor = actor or Actor("cli")
        self._undo = _Undo()

    # -- analysing ------------------------------------------------------------

    def _split(self, plan: ImportPlan, raw: dict[str, str], row: int) -> RowPlan:
        rp = RowPlan(row=row, raw=raw)
        company = {t.split(".", 1)[1]: v for t, v in raw.items() if t.startswith("company.")}
        person = {t.split(".", 1)[1]: v for t, v in raw.items() if t.startswith("person.")}
        if "country" in company and company["country"].strip():
            company["country"] = country_code(company["country"])
        if "country" in person and person["country"].strip():
            person["country"] = country_code(person["country"])
        has_person = any(raw.get(f, "").strip() for f in PERSON_NAME_FIELDS)
        has_company = bool(company.get("name", "").strip())
        if has_company and not company.get("country", "").strip():
            # As a company typed in the desktop: in the office's own country unless the
            # file says otherwise.
            company["country"] = self.region
        if not has_person:
            # A company-only row in a file with person columns: its phone, e-mail and
            # notes are the company's.
            for key in _CITY_LIKE:
                if person.get(key, "").strip() and not company.get(key, "").strip():
                    company[key] = person[key]
            person = {}
        if has_person and not has_company:
            # A private person: the address columns (Straße, PLZ, Ort, Land) are theirs:
            # the city is the contract's, street, ZIP code and country the desktop's own.
            for key in ("city", "address", "zipCode", "country"):
                if company.get(key, "").strip() and not person.get(key, "").strip():
                    person[key] = company[key]
        if not has_person and not has_company:
            rp.errors.append(
                RowError(row, "", Text("The row names neither a company nor a person.")))
            return rp
        for kind, data, clean in (("company", company, clean_company),
                                  ("person", person, clean_person)):
            if kind == "company" and not has_company:
                continue
            if kind == "person" and not has_person:
                continue
            try:
                cols = self._clean_leaving_out(clean, data, kind, plan, rp)
                if kind == "person":
                    # Job title, department, postal address: the desktop's own fields.
                    cols |= clean_details(data, region=self.region)
            except ValidationError as e:
                target = f"{kind}.{e.field}" if e.field else ""
                rp.errors.append(RowError(row, plan.header_of(target) if target else "",
                                          e.message))
                continue
            for api in ("phone", "phone2"):
                warning = phones.unusual(cols.get(api), self.region)
                if warning:
                    rp.check.append(RowError(row, plan.header_of(f"{kind}.{api}"), warning))
            if kind == "company":
                rp.company, rp.company_cols = data, cols
            else:
                rp.person, rp.person_cols = data, cols
        return rp

    def _clean_leaving_out(self, clean: Callable[..., dict[str, Any]], data: dict[str, Any],
                           kind: str, plan: ImportPlan, rp: RowPlan) -> dict[str, Any]:
        """Clean a row's fields; a bad e-mail address is left out (and listed) rather
        than losing the whole row. Other bad values still fail the row: a wrong phone
        number or country is worth fixing in the file before a dialer uses it."""
        try:
            return clean(data, mode="typed", region=self.region)
        except ValidationError as e:
            if e.field not in LEAVE_OUT or not str(data.get(e.field) or "").strip():
                raise
            rp.left_out.append(RowError(rp.row, plan.header_of(f"{kind}.{e.field}"),
                                        Text("left out: {message}", message=e.message)))
            data.pop(e.field)
            return self._clean_leaving_out(clean, data, kind, plan, rp)

    def analyse(self, file: CsvFile, mapping: Sequence[str] | None = None, *,
                progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> ImportPlan:
        """Check every row and find its possible duplicates; writes nothing.

        Raises ValidationError when the mapping names no company or person name
        column, ImportCancelled when ``cancelled()`` turns true.
        """
        mapping = list(mapping) if mapping is not None else guess_mapping(file.headers)
        if len(mapping) != len(file.headers):
            raise ValidationError(Text("The mapping needs one field per column."), field="map")
        if "company.name" not in mapping and not set(PERSON_NAME_FIELDS) & set(mapping):
            raise ValidationError(
                Text(
                    "No column is mapped to the company or to a person's name, so no row could be "
                    "imported. Map the column that holds the names."), field="map")
        plan = ImportPlan(file, mapping, self.region)
        seen_company: dict[str, tuple[int, str]] = {}  # name key -> (row, label)
        seen: dict[tuple[str, str, str], tuple[int, str]] = {}  # (kind, how, value) -> row
        total = len(file.rows)
        for n, (cells, line) in enumerate(zip(file.rows, file.lines, strict=True)):
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            raw = {t: cells[i] for i, t in enumerate(mapping) if t}
            rp = self._split(plan, raw, line)
            plan.rows.append(rp)
            if rp.ok:
                self._find_duplicates(rp, seen_company, seen)
            if progress is not None and (n % 50 == 0 or n + 1 == total):
                progress(n + 1, total)
        return plan

    def _find_duplicates(self, rp: RowPlan, seen_company: dict[str, tuple[int, str]],
                         seen: dict[tuple[str, str, str], tuple[int, str]]) -> None:
        store = self.store
        company_name = rp.company_cols.get("name")
        if rp.kind == "person" and company_name:
            key = name_key(company_name)
            try:
                rp.company_id = store.company_by_name_key(company_name).id
            except NotFound:
                if key and key in seen_company:
                    rp.company_row = seen_company[key][0]
                elif key:
                    seen_company[key] = (rp.row, company_name)
        cols = rp.person_cols if rp.kind == "person" else rp.company_cols
        numbers = [n for n in (cols.get("phone"), cols.get("phone2")) if n]
        email = cols.get("email")
        if rp.kind == "person":
            name = person_display_name(cols.get("display_name"), cols.get("first_name"),
                                       cols.get("last_name"))
            # A company new to the database has no persons there yet: then only private
            # persons can have a similar name ("" matches no company).
            in_company = rp.company_id or ("" if company_name else None)
            found = store.find_similar_persons(numbers=numbers, email=email, name=name,
                                               company_id=in_company)
            rp.matches = [Match("person", p.name + (f" · {p.company_display_name}"
                                                    if p.company_display_name else ""),
                                reasons, id=p.id, do_not_call=p.do_not_call)
                          for p, reasons in found]
        else:
            name = company_name
            found_c = store.find_similar_companies(numbers=numbers, email=email, name=name)
            rp.matches = [Match("company", c.display_name, reasons, id=c.id,
                                do_not_call=c.do_not_call) for c, reasons in found_c]
            key = name_key(name)
            if key and key not in seen_company:
                seen_company[key] = (rp.row, name or "")
        # Earlier rows of this file (persons: within the same company).
        scope = rp.company_id or (name_key(company_name) if company_name else "")
        keys = [(SAME_PHONE, n) for n in numbers]
        if email:
            keys.append((SAME_EMAIL, email.lower()))
        nk = name_key(name)
        if nk:
            keys.append((SIMILAR_NAME, f"{scope}\x1f{nk}" if rp.kind == "person" else nk))
        earlier: dict[int, tuple[str, set[str]]] = {}
        if rp.kind == "company" and nk in seen_company and seen_company[nk][0] != rp.row:
            # The company a person row earlier in the file makes.
            row, label = seen_company[nk]
            earlier[row] = (label, {SIMILAR_NAME})
        for how, value in keys:
            hit = seen.get((rp.kind, how, value))
            if hit is not None:
                earlier.setdefault(hit[0], (hit[1], set()))[1].add(how)
        for row, (label, reasons) in sorted(earlier.items()):
            rp.matches.append(Match(rp.kind, label, sort_reasons(reasons), row=row))
        for how, value in keys:
            seen.setdefault((rp.kind, how, value), (rp.row, rp.label))

    # -- running --------------------------------------------------------------

    def run(self, plan: ImportPlan, decisions: dict[int, Decision] | None = None, *,
            default: Decision = "skip", dry_run: bool = False,
            progress: Progress | None = None,
            cancelled: Callable[[], bool] | None = None) -> ImportReport:
        """Write the analysed rows and report what happened: all of them, or none.

        A row with possible duplicates is merged into its first match (its empty
        fields filled), skipped, or imported anyway: ``decisions[row]``, else
        ``default``. A row that fails (it was invalid, or the store refused it)
        is left out and reported; the others are written. ``cancelled()`` is
        asked between rows: when it turns true everything is undone and
        ImportCancelled is raised. ``dry_run`` writes nothing (one transaction,
        rolled back).

        The rows are committed in chunks (``CHUNK_ROWS`` rows or
        ``CHUNK_SECONDS``, then a pause), so that a long import never holds the
        write lock for its whole length: Apollo's calls get their turn in
        between. What the committed chunks did is noted; when the import is
        cancelled or fails, the records it created are deleted and the ones it
        merged into get their old values back.
        """
        decisions = decisions or {}
        report = ImportReport(rows=len(plan.rows), dry_run=dry_run)
        made: dict[int, dict[str, str]] = {}  # row -> {"company": id, "person": id} it wrote
        total = len(plan.rows)
        self._undo = _Undo()

        def one(n: int) -> None:
            rp = plan.rows[n]
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            if not rp.ok:
                report.failed.extend(rp.errors)
            elif self._run_row(plan, rp, decisions.get(rp.row, default), made, report):
                report.left_out.extend(rp.left_out)
            if progress is not None and (n % 20 == 0 or n + 1 == total):
                progress(n + 1, total)

        if dry_run:
            try:
                with self.store.write():
                    for n in range(total):
                        one(n)
                    raise _DryRun()
            except _DryRun:
                pass
            return report
        n = 0
        try:
            while n < total:
                with self.store.write():
                    started = time.monotonic()
                    first = n
                    while n < total and (n == first or (
                            n - first < CHUNK_ROWS
                            and time.monotonic() - started < CHUNK_SECONDS)):
                        one(n)
                        n += 1
                self._undo.committed()
                if n < total:
                    time.sleep(PAUSE_SECONDS)  # let a waiting writer take the lock
        except BaseException:
            self._undo.rolled_back()  # the chunk in progress was rolled back by write()
            self._undo_committed()
            raise
        return report

    def _undo_committed(self) -> None:
        """Take back what the committed chunks did, newest first, in one transaction."""
        store, actor = self.store, self.actor
        with store.write():
            for kind, record_id, old in reversed(self._undo.merged):
                try:
                    if kind == "company":
                        store.update_company(record_id, old, actor)
                    else:
                        moved = ({"company_id": old.pop(_COMPANY_KEY)} if _COMPANY_KEY in old
                                 else {})
                        store.update_person(record_id, old, actor, **moved)
                except NotFound:
                    continue  # deleted meanwhile: nothing to give back
            for kind, record_id in reversed(self._undo.created):
                try:
                    if kind == "company":
                        store.delete_company(record_id, actor)
                    else:
                        store.delete_person(record_id, actor)
                except NotFound:
                    continue  # went with its company, or deleted meanwhile

    def _run_row(self, plan: ImportPlan, rp: RowPlan, decision: Decision,
                 made: dict[int, dict[str, str]], report: ImportReport) -> bool:
        """Write one row as decided; True when it was written (created or merged)."""
        conn = self.store.conn
        target = self._match_target(rp, made) if rp.matches else None
        if rp.matches and decision == "skip":
            report.skipped += 1
            return False
        conn.execute("SAVEPOINT import_row")
        mark = self._undo.mark()
        try:
            if target is not None and decision == "merge":
                made[rp.row] = self._merge_row(rp, target, made, report)
                report.merged += 1
            else:
                made[rp.row] = self._create_row(rp, made, report)
                dnc = rp.dnc_match
                if dnc is not None:
                    # A copy of someone who asked not to be called must not make them
                    # callable again: the copy is flagged too, and says why.
                    copy = made[rp.row][rp.kind]
                    ref = ContactRef(copy, None) if rp.kind == "company" else ContactRef(
                        None, copy)
                    self.store.set_do_not_call(
                        ref, True, self.actor,
                        reason=imported_copy(dnc.label))
                    report.flagged += 1
            return True
        except CallsheetError as e:
            conn.execute("ROLLBACK TO import_row")
            self._undo.rolled_back(mark)
            target_key = f"{rp.kind}.{e.field}" if e.field else ""
            report.failed.append(RowError(rp.row, plan.header_of(target_key)
                                          if target_key else "", e.message))
            return False
        finally:
            conn.execute("RELEASE import_row")

    @staticmethod
    def _match_target(rp: RowPlan, made: dict[int, dict[str, str]]) -> str | None:
        """The id to merge into: the first match that exists (an earlier row may have
        been skipped or have failed)."""
        for m in rp.matches:
            if m.id:
                return m.id
            if m.row is not None and rp.kind in made.get(m.row, {}):
                return made[m.row][rp.kind]
        return None

    def _company_for(self, rp: RowPlan, made: dict[int, dict[str, str]],
                     report: ImportReport) -> str | None:
        if not rp.company_cols.get("name"):
            return None
        if rp.company_id:
            return rp.company_id
        if rp.company_row is not None and "company" in made.get(rp.company_row, {}):
            return made[rp.company_row]["company"]
        # Made by an earlier row in this run (the same name): use it.
        try:
            return self.store.company_by_name_key(rp.company_cols["name"]).id
        except NotFound:
            pass
        company = self.store.create_company(rp.company or {}, self.actor, mode="typed",
                                            region=self.region)
        self._undo.created_now("company", company.id)
        report.companies_created += 1
        return company.id

    def _create_row(self, rp: RowPlan, made: dict[int, dict[str, str]],
                    report: ImportReport) -> dict[str, str]:
        if rp.kind == "company":
            company = self.store.create_company(rp.company or {}, self.actor, mode="typed",
                                                region=self.region)
            self._undo.created_now("company", company.id)
            report.companies_created += 1
            return {"company": company.id}
        company_id = self._company_for(rp, made, report)
        person = self.store.create_person(rp.person or {}, self.actor, company_id=company_id,
                                          mode="typed", region=self.region)
        self._undo.created_now("person", person.id)
        self._write_details(person.id, rp, only_empty=False)
        report.persons_created += 1
        return {"person": person.id} | ({"company": company_id} if company_id else {})

    def _merge_row(self, rp: RowPlan, target: str, made: dict[int, dict[str, str]],
                   report: ImportReport) -> dict[str, str]:
        """Fill the existing record's empty fields from the row; a number it lacks goes
        to a free phone slot, a different note is appended."""
        store = self.store
        if rp.kind == "company":
            old: Any = store.get_company(target)
            data, cols = rp.company or {}, rp.company_cols
        else:
            old = store.get_person(target)
            data, cols = rp.person or {}, rp.person_cols
        changes: dict[str, Any] = {}
        rules = {r.api: r.column for r in _rules(rp.kind)}
        for api, column in rules.items():
            if api in ("phone", "phone2", "annotation") or cols.get(column) in (None, ""):
                continue
            if getattr(old, column) in (None, ""):
                changes[api] = data[api]
        numbers = [cols.get("phone"), cols.get("phone2")]
        extra = [n for n in numbers if n and n not in (old.phone, old.phone2)]
        for api in ("phone", "phone2"):
            if getattr(old, api) is None and extra:
                changes[api] = extra.pop(0)
        note = cols.get("annotation")
        if note and note not in (old.annotation or ""):
            changes["annotation"] = f"{old.annotation}\n\n{note}" if old.annotation else note
        # The fields' values before the merge, to give them back should the import be undone.
        undo = {api: getattr(old, rules[api]) for api in changes}
        if rp.kind == "company":
            if changes:
                self._undo.merged_now("company", target, undo)
                store.update_company(target, changes, self.actor, mode="typed",
                                     region=self.region)
            return {"company": target}
        company = _UNSET
        if old.company_id is None and rp.company_cols.get("name"):
            company = self._company_for(rp, made, report)
        if changes or company is not _UNSET:
            kwargs = {} if company is _UNSET else {"company_id": company}
            if company is not _UNSET:
                undo[_COMPANY_KEY] = old.company_id
            self._undo.merged_now("person", target, undo)
            store.update_person(target, changes, self.actor, mode="typed",
                                region=self.region, **kwargs)
        self._write_details(target, rp, only_empty=True)
        person = store.get_person(target)
        return {"person": target} | ({"company": person.company_id} if person.company_id else {})

    def _write_details(self, person_id: str, rp: RowPlan, *, only_empty: bool) -> None:
        """The row's job title, department and address for the person (a merge fills
        only the empty ones, like the contract's fields)."""
        given = {k: v for k, v in split(rp.person or {})[1].items() if v.strip()}
        if only_empty:
            have = PersonDetails(self.store).of(person_id)
            columns = {r.api: r.column for r in DETAIL_FIELDS}
            given = {k: v for k, v in given.items() if have[columns[k]] in (None, "")}
        if given:
            PersonDetails(self.store).update(person_id, given, self.actor, region=self.region)



_COMPANY_KEY = "\0company"  # in a person's undo record: the company it was moved from
CHUNK_ROWS = 500
CHUNK_SECONDS = 0.25
# Longer than the longest sleep of SQLite's busy handler (100 ms, once a writer has
# waited a third of a second), so that a waiting writer tries again within every pause.
# At 50 ms its tries fell into the chunks, phase-locked: a posted call waited 2-3 s.
PAUSE_SECONDS = 0.11


@dataclass
class _Undo:
    """What an import wrote, to take it back: the records it created and the old values
    of the fields it merged into. Notes of the chunk in progress are pending until it
    commits; a row rolled back to its savepoint drops its own."""

    created: list[tuple[str, str]] = field(default_factory=list)
    merged: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    _pending: list[tuple[str, Any]] = field(default_factory=list)

    def created_now(self, kind: str, record_id: str) -> None:
        self._pending.append(("created", (kind, record_id)))

    def merged_now(self, kind: str, record_id: str, old: dict[str, Any]) -> None:
        self._pending.append(("merged", (kind, record_id, dict(old))))

    def mark(self) -> int:
        return len(self._pending)

    def rolled_back(self, mark: int = 0) -> None:
        del self._pending[mark:]

    def committed(self) -> None:
        for what, note in self._pending:
            (self.created if what == "created" else self.merged).append(note)
        self._pending.clear()


_UNSET: Any = object()


def _rules(kind: str) -> Iterable[Any]:
    from .model import COMPANY_FIELDS, PERSON_FIELDS

    return COMPANY_FIELDS if kind == "company" else PERSON_FIELDS


def preview_value(plan: ImportPlan, rp: RowPlan, target: str) -> str:
    """How a field of a row will read once imported (phones formatted, countries coded)."""
    entity, api = target.split(".", 1)
    cols = rp.company_cols if entity == "company" else rp.person_cols
    rule = next((r for r in _rules(entity) if r.api == api), None)
    if rule is None or not cols:
        return rp.raw.get(target, "").strip()
    value = cols.get(rule.column)
    if value is None:
        return ""
    if rule.kind == "phone":
        return phones.format_display(value, plan.region)
    return str(value)


def failed_rows_csv(plan: ImportPlan, report: ImportReport, path: str | Path) -> None:
    """Write the failed rows as they were in the file, with a first column saying why:
    fix them there and import that file again."""
    by_row: dict[int, list[str]] = {}
    for e in report.failed:
        by_row.setdefault(e.row, []).append(
            (f"{e.column}: " if e.column else "") + e.message)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=plan.file.delimiter)
        w.writerow(["Error", "Row", *plan.file.headers])
        for cells, line in zip(plan.file.rows, plan.file.lines, strict=True):
            if line in by_row:
                w.writerow(["; ".join(by_row[line]), line, *cells])
