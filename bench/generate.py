#!/usr/bin/env python
"""Generate a large Callsheet database through the storage layer's bulk path.

    .venv/bin/python -m bench.generate [--size full|medium|small|tiny] [--seed N] [--out PATH]

``full`` is the issue's size: 1,000,000 persons, 200,000 companies, 20
campaigns with 100,000 tasks, 500,000 calls. The data is a pure function of
(size, seed): the same arguments give the same file content, so ``bench/run``
caches it in ``bench/out/`` keyed by both.

Every person and company row is made by the Store's column rules (display
names, sort and name keys, search text with phone digits): companies through
``shared.bulk.company_row``, persons straight as the tuples
``shared.bulk.person_row`` makes (tests/bench_smoke/test_generator.py compares
every row of the small data set). Five processes share the work: two workers
make the rows, the main process inserts them in order in one transaction and
builds their indexes, except that a fourth builds the contacts' trigram index
from their search texts in a scratch file (``bulk.build_text_index``), and a
fifth inserts the calls (not their attempts and tags) and builds their indexes
in another (``bulk.build_tables``). Both are copied in at the end, the calls'
table as it is (``BulkLoader.copy_tables``). The contacts' indexes are built as
soon as the contacts are in, while the workers make the calls; the calls' work
runs at low priority, as nothing waits for it until the end.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import multiprocessing
import os
import queue
import resource
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import phonenumbers

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from shared import bulk, phones  # noqa: E402
from shared.database import connect  # noqa: E402
from shared.timeutil import to_db  # noqa: E402

OUT = ROOT / "bench" / "out"
# A fixed "now" so that the same seed gives the same file on any day.
EPOCH = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Size:
    persons: int
    companies: int
    campaigns: int
    contacts_per_campaign: int
    tasks: int
    calls: int


SIZES = {
    "full": Size(1_000_000, 200_000, 20, 5_000, 100_000, 500_000),
    "medium": Size(200_000, 40_000, 20, 2_000, 20_000, 100_000),
    "small": Size(20_000, 4_000, 10, 500, 2_000, 10_000),
    "tiny": Size(1_000, 200, 3, 50, 100, 500),
}

FIRST = ["Anna", "Lukas", "Sophie", "Maximilian", "Marie", "Felix", "Laura", "Jonas", "Lea",
         "Paul", "Emma", "Leon", "Hannah", "Elias", "Mia", "Noah", "Clara", "Ben", "Julia",
         "Finn", "Sarah", "Tom", "Nina", "David", "Lena", "Oliver", "Charlotte", "James",
         "Camille", "Pierre", "Giulia", "Marco", "Lucía", "Javier", "Agnieszka", "Tomáš",
         "Katharina", "Stefan", "Andrea", "Michael", "Thomas", "Sabine", "Petra", "Jürgen",
         "Monika", "Wolfgang", "Ursula", "Helmut", "Birgit", "Frank", "Karin", "Uwe", "Heike",
         "Matthias", "Claudia", "Andreas", "Susanne", "Markus", "Nicole", "Christian", "Tanja",
         "Alexander", "Sandra", "Daniel", "Stephanie", "Florian", "Johanna", "Simon", "Franziska",
         "Tobias", "Lisa", "Sebastian", "Jana", "Moritz", "Alina", "Niklas", "Lara", "Jan",
         "Sofia", "Emil", "Ida", "Anton", "Greta", "Theo", "Luisa", "Henry", "Olivia", "George",
         "Amelia", "Harry", "Isla", "Louis", "Chloé", "Hugo", "Léa", "Matteo", "Francesca",
         "Alejandro", "Carmen", "Piotr", "Zofia", "Jakub", "Eva", "Lars", "Ingrid", "Erik"]
_STEMS = ["Müll", "Schmid", "Schneid", "Fisch", "Web", "Mey", "Wagn", "Beck", "Hoffm", "Schul",
          "Koch", "Richt", "Klein", "Wolf", "Neum", "Schwarz", "Zimmerm", "Braun", "Hof", "Grub",
          "Hub", "Kell", "Lang", "Krau", "Lehm", "Bau", "Stein", "Kais", "Fuchs", "Herrm",
          "Sand", "Brand", "Vogel", "Frank", "Berg", "Roth", "Haas", "Schrö", "Baum", "Lorenz"]
_ENDS = ["er", "mann", "inger", "ner", "el", "hardt", "ke", "s", "berger", "stätter", "ling",
         "bach", "feld", "hofer", "meier", "ski", "sen", "ek", "i", "o", "ow", "ert", "and",
         "ach", "ig"]
LAST = sorted({s + e for s in _STEMS for e in _ENDS} | {
    "Smith", "Taylor", "Dubois", "Moreau", "Rossi", "Bianchi", "García", "Nowak", "Novák",
    "Jansen", "Martin", "Bernard", "Ferrari", "Romano", "López", "Kowalski", "Andersson"})
INDUSTRY = ["Logistik", "Bau", "Versicherung", "Maschinenbau", "Solar", "Software", "Consulting",
            "Immobilien", "Druck", "Elektro", "Textil", "Möbel", "Kaffee", "Hotel", "Reisen",
            "Medizintechnik", "Autohaus", "Bäckerei", "Steuerberatung", "Handel", "Events",
            "Spedition", "Kanzlei", "Werkzeug", "Getränke", "Optik", "Dental", "Gartenbau"]
# country: (weight, legal form, cities, dialling code, area codes, tld)
COUNTRIES = [
    ("DE", 60, "GmbH", ["Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Stuttgart",
                         "Düsseldorf", "Leipzig", "Nürnberg", "Dresden", "Hannover", "Bremen"],
     "49", ["30", "40", "89", "221", "69", "711", "211", "341", "911", "351", "511", "421"], "de"),
    ("AT", 14, "GmbH", ["Wien", "Graz", "Linz", "Salzburg", "Innsbruck"],
     "43", ["1", "316", "732", "662", "512"], "at"),
    ("CH", 10, "AG", ["Zürich", "Bern", "Basel", "Genève", "Luzern"],
     "41", ["44", "31", "61", "22", "41"], "ch"),
    ("GB", 5, "Ltd", ["London", "Manchester", "Reading", "Oxford", "Bristol"],
     "44", ["20", "161", "118", "1865", "117"], "co.uk"),
    ("FR", 4, "SARL", ["Paris", "Lyon", "Marseille", "Nantes"], "33", ["1", "4", "4", "2"], "fr"),
    ("NL", 4, "BV", ["Amsterdam", "Rotterdam", "Utrecht"], "31", ["20", "10", "30"], "nl"),
    ("IT", 3, "Srl", ["Milano", "Roma", "Torino"], "39", ["02", "06", "011"], "it"),
]
_COUNTRY_WHEEL = [c for c in COUNTRIES for _ in range(c[1])]
SALUTATION = {"DE": ("Herr", "Frau"), "AT": ("Herr", "Frau"), "CH": ("Herr", "Frau"),
              "GB": ("Mr", "Ms"), "FR": ("M.", "Mme"), "NL": ("Dhr.", "Mevr."),
              "IT": ("Sig.", "Sig.ra")}
NOTES = ["Asked about the last invoice.", "Wants a quote for next quarter.",
         "Some difficulties with the ignition.", "Happy with the service.",
         "Please call back after 3 pm.", "Forwarded to accounting.",
         "Interested in the premium package.", "Address changed, updated."]
TAGS = [("reason", "billing", None), ("reason", "technical", {"part": "IGN"}),
        ("reason", "order", None), ("reason", "complaint", None), ("reason", "info", None),
        ("resolution", "solved", None), ("resolution", "callback", None),
        ("resolution", "send_voucher", {"email": "kunde@example.com"}),
        ("resolution", "escalated", None), ("product", "premium", None),
        ("product", "basic", None)]
AGENTS = [f"agent.{n:02d}" for n in range(40)]
QUEUES = ["tech_level_1", "sales", "accounting", "support", "billing"]
PRIVATE_PERCENT = 15
PHONE2_PERCENT = 15
CHUNK = 20_000


def _h(seed: int, kind: str, i: int) -> bytes:
    """32 bytes of deterministic randomness for record ``i`` of ``kind``."""
    return hashlib.blake2b(f"{seed}:{kind}:{i}".encode(), digest_size=32).digest()


def _uuid(b: bytes) -> str:
    """``str(uuid.UUID(bytes=b[:16], version=4)).upper()``, at a third of the cost."""
    x = bytearray(b[:16])
    x[6] = x[6] & 0x0F | 0x40  # the version and variant bits UUID(version=4) sets
    x[8] = x[8] & 0x3F | 0x80
    s = x.hex().upper()
    return f"{s[:8]}-{s[8:12]}-{s[12:16]}-{s[16:20]}-{s[20:]}"


def campaign_id(k: int) -> str:
    return f"bench_{k + 1:02d}"


@dataclass(frozen=True)
class Gen:
    """The deterministic data set of one (size, seed)."""

    size: Size
    seed: int
    # Company c's (id, phone root, city, country, e-mail domain, national form of the
    # phone root), as persons and calls need them: each company is looked up by its ~5
    # persons and by calls.
    _briefs: dict[int, tuple[str, str, str, str, str, str | None]] = field(
        default_factory=dict, compare=False, repr=False)

    # -- companies ---------------------------------------------------------

    def company_id(self, c: int) -> str:
        return _uuid(_h(self.seed, "c", c))

    def company_core(self, c: int) -> dict[str, Any]:
        h = _h(self.seed, "c", c)
        country, _, legal, cities, cc, areas, tld = _COUNTRY_WHEEL[h[16] % len(_COUNTRY_WHEEL)]
        area = areas[h[17] % len(areas)]
        # Unique per company: the company number, scrambled, after the area code.
        area_code = f"+{cc}{area}"
        root = f"{area_code}{(c * 7_919 + h[18]) % 10_000_000:07d}"
        last = LAST[int.from_bytes(h[19:21], "big") % len(LAST)]
        industry = INDUSTRY[h[21] % len(INDUSTRY)]
        slug = (last + industry).lower().translate(_ASCII)
        return {"id": self.company_id(c), "root": root, "area_code": area_code,
                "country": country,
                "name": f"{last} {industry} {legal}", "city": cities[h[22] % len(cities)],
                "email": f"info@{slug}{c}.{tld}", "h": h}

    def company_data(self, c: int, core: dict[str, Any] | None = None) -> dict[str, Any]:
        k = core or self.company_core(c)
        h = k["h"]
        return {"name": k["name"], "address": f"Hauptstraße {1 + h[23] % 200}",
                "zipCode": f"{10000 + int.from_bytes(h[24:26], 'big') % 89999}",
                "city": k["city"], "country": k["country"], "phone": k["root"] + "0",
                "phone2": (k["root"] + "99") if h[26] % 100 < 30 else None,
                "email": k["email"],
                "annotation": NOTES[h[27] % len(NOTES)] if h[27] % 4 == 0 else None,
                "doNotCall": h[28] % 200 == 0}

    def company_brief(self, c: int, core: dict[str, Any] | None = None,
                      ) -> tuple[str, str, str, str, str, str | None]:
        brief = self._briefs.get(c)
        if brief is None:
            k = core or self.company_core(c)
            # The root is the area code and 7 digits: its national form is the area
            # code's and the same digits (see _national_root).
            area = _national_root(k["area_code"])
            national = None if area is None else area + k["root"][len(k["area_code"]):]
            brief = self._briefs[c] = (k["id"], k["root"], k["city"], k["country"],
                                       k["email"].split("@")[1], national)
        return brief

    def company_search_text(self, c: int, data: dict[str, Any]) -> str:
        """``Store``'s search text of company ``c`` (storage.rows.company_search_text),
        its numbers' national forms from the phone root's (see _national_root)."""
        root = self.company_brief(c)[5]
        parts = [data["name"], data["email"], data["city"],
                 _digits(data["phone"], None if root is None else root + "0"),
                 _digits(data["phone2"], None if root is None else root + "99")
                 if data["phone2"] else None]
        return " ".join(p for p in parts if p).lower()

    # -- persons -----------------------------------------------------------

    def person_id(self, i: int) -> str:
        return _uuid(_h(self.seed, "p", i))

    def person_core(self, i: int) -> dict[str, Any]:
        """Who person ``i`` is, without the expensive derived columns."""
        h = _h(self.seed, "p", i)
        private = h[16] % 100 < PRIVATE_PERCENT
        first = FIRST[h[17] % len(FIRST)]
        last = LAST[int.from_bytes(h[18:20], "big") % len(LAST)]
        if private:
            company = None
            phone = f"+49151{i:08d}"
            national = f"{_MOBILE_NATIONAL}{i:08d}"
            city, country, domain = "Hamburg", "DE", "example.com"
        else:
            company, root, city, country, domain, national = self.company_brief(
                i % self.size.companies)
            # Extensions are unique in a company: i // companies differs for its persons.
            extension = str(100 + i // self.size.companies)
            phone = root + extension
            national = None if national is None else national + extension
        return {"id": self.person_id(i), "company_id": company, "first": first, "last": last,
                "name": f"{first} {last}", "phone": phone, "city": city, "country": country,
                "domain": domain, "h": h, "national": national}

    def person_ref(self, i: int) -> tuple[str, str | None, str]:
        """Person ``i``'s (id, company id, phone) as person_core makes them, at a third
        of the cost: what a call needs."""
        h = _h(self.seed, "p", i)
        if h[16] % 100 < PRIVATE_PERCENT:
            return _uuid(h), None, f"+49151{i:08d}"
        companies = self.size.companies
        brief = self._briefs.get(i % companies) or self.company_brief(i % companies)
        return _uuid(h), brief[0], brief[1] + str(100 + i // companies)

    def person_data(self, i: int) -> tuple[dict[str, Any], dict[str, Any]]:
        k = self.person_core(i)
        h = k["h"]
        sal = SALUTATION.get(k["country"])
        return k, {
            "salutation": sal[h[20] % 2] if sal and h[21] % 3 else None,
            "firstName": k["first"], "lastName": k["last"], "displayName": None,
            "city": k["city"], "phone": k["phone"],
            "phone2": f"+49171{i:08d}" if h[22] % 100 < PHONE2_PERCENT else None,
            "email": f"{k['first']}.{k['last']}{i % 1000}@{k['domain']}".lower()
            .translate(_ASCII),
            "annotation": NOTES[h[23] % len(NOTES)] if h[23] % 5 == 0 else None,
            "doNotCall": h[24] % 100 == 0,
        }


@functools.cache
def _national_root(root: str) -> str | None:
    """The national form of the numbers ``root`` + digits without the digits, or None
    where it depends on the digits.

    Every number the generator makes is a fixed root (``+49 30 1234567``, a mobile
    prefix) plus digits. Where the country code is one region's (all but +44, +39
    here), phones._national_form is that region's trunk prefix plus the digits after
    the country code, unless they begin with a trunk prefix to strip (no area code
    does), whatever the number's length: so the root's national form plus the same
    digits. Elsewhere the region, so the trunk prefix, depends on the whole number:
    None, and each number goes through libphonenumber. tests/bench_smoke/
    test_generator.py compares every row of a generated data set with the Store's
    rule. libphonenumber once per root rather than per number: a fifth of the cost
    of a person row.
    """
    code = next(int(root[1:n]) for n in (2, 3, 4)
                if int(root[1:n]) in phonenumbers.COUNTRY_CODE_TO_REGION_CODE)
    if len(phonenumbers.COUNTRY_CODE_TO_REGION_CODE[code]) != 1:
        return None
    national = phones._national_form(root + "0")
    if not national or not national.endswith("0"):
        raise ValueError(f"no national form for {root}")
    return national[:-1]


_MOBILE_NATIONAL = _national_root("+49151")
_MOBILE2_NATIONAL = _national_root("+49171")


def _digits(e164: str, national: str | None) -> str:
    """phones.search_digits(e164) given its national form (None: not known)."""
    if national is None:
        return phones.search_digits(e164)
    digits = e164[1:]
    return digits if national == digits else f"{digits} {national}"


_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "á": "a",
                        "í": "i", "š": "s", "ř": "r", "ó": "o", "ł": "l", " ": "",
                        "č": "c", "ć": "c", "è": "e", "ñ": "n", "ç": "c", "ï": "i"})


# -- worker side: rows by the Store's rules -----------------------------------

_GEN: Gen | None = None
_NOW = to_db(EPOCH)


# Where a worker puts the call rows it makes (_send_call_rows): the calls' process.
_CALL_ROWS: Any = None


def _init(size: Size, seed: int, call_rows: Any = None) -> None:
    global _GEN, _CALL_ROWS
    if _GEN is None or (_GEN.size, _GEN.seed) != (size, seed):  # else inherited, warm
        _GEN = Gen(size, seed)
    _CALL_ROWS = call_rows


def _company_rows(span: tuple[int, int]) -> list[tuple[Any, ...]]:
    g = _GEN
    assert g is not None
    out = []
    for c in range(*span):
        core = g.company_core(c)
        g.company_brief(c, core)
        data = g.company_data(c, core)
        out.append(bulk.company_row(data, core["id"], _NOW, check=False,
                                    search_text=g.company_search_text(c, data)))
    return out


# (first, last) -> (name, name_key, sort_key, last_sort_key, the e-mail address's start,
# the search text's start) by the Store's rules, as bulk.person_row makes them: about
# 110,000 pairs, each worked out once per process from its two names' parts (_NAME_PARTS).
_NAME_COLUMNS: dict[tuple[str, str], tuple[str, str, str, str, str, str]] = {}
# A name -> (its name key, its sort key's folded part before the tie-breaker).
_NAME_PARTS: dict[str, tuple[str, str]] = {}


def _name_parts(name: str) -> tuple[str, str]:
    parts = _NAME_PARTS.get(name)
    if parts is None:
        parts = _NAME_PARTS[name] = (bulk._name_key(name), bulk._sort_key(name).split("\x01")[0])
    return parts


def _name_columns(first: str, last: str) -> tuple[str, str, str, str, str, str]:
    cols = _NAME_COLUMNS.get((first, last))
    if cols is None:
        # Every step of the name key, the sort key and lower() works on one word or
        # one character at a time, so a pair's keys are its names' joined: 1 µs
        # instead of 13. tests/bench_smoke/test_generator.py checks every pair
        # against the Store's rules.
        key_first, fold_first = _name_parts(first)
        key_last, fold_last = _name_parts(last)
        low_first, low_last = first.lower(), last.lower()
        name = f"{first} {last}"  # person_display_name(None, first, last)
        cols = _NAME_COLUMNS[(first, last)] = (
            name, key_first + key_last, f"{fold_first} {fold_last}\x01{low_first} {low_last}",
            f"{fold_last} {fold_first}\x01{low_last} {low_first}",
            f"{low_first}.{low_last}".translate(_ASCII), f"{low_first} {low_last} "
            f"{low_first} {low_last} ")
    return cols


def _warm(g: Gen) -> None:
    """Work out the companies' briefs in this process, so that the worker processes
    forked from it share them instead of each making its own."""
    for c in range(g.size.companies):
        g.company_brief(c)


def _person_rows(span: tuple[int, int]) -> list[tuple[Any, ...]]:
    """Persons ``span`` as PERSON_COLUMNS rows: what bulk.person_row makes of
    Gen.person_data, without the dictionaries in between (half the cost of a row), and
    what Gen.person_core makes inline. tests/bench_smoke/test_generator.py compares
    every row of the small data set with bulk.person_row's, so a change to person_data
    or person_core must be made here too."""
    g = _GEN
    assert g is not None
    seed, companies, briefs = g.seed, g.size.companies, g._briefs
    n_first, n_last, n_notes = len(FIRST), len(LAST), len(NOTES)
    blake2b = hashlib.blake2b
    out = []
    for i in range(*span):
        h = blake2b(f"{seed}:p:{i}".encode(), digest_size=32).digest()  # _h(seed, "p", i)
        first = FIRST[h[17] % n_first]
        last = LAST[int.from_bytes(h[18:20], "big") % n_last]
        if h[16] % 100 < PRIVATE_PERCENT:
            company = None
            phone = f"+49151{i:08d}"
            national = f"{_MOBILE_NATIONAL}{i:08d}"
            city, country, domain = "Hamburg", "DE", "example.com"
        else:
            c = i % companies
            brief = briefs.get(c) or g.company_brief(c)
            company, root, city, country, domain, national = brief
            extension = str(100 + i // companies)
            phone = root + extension
            national = None if national is None else national + extension
        sal = SALUTATION.get(country)
        phone2 = f"+49171{i:08d}" if h[22] % 100 < PHONE2_PERCENT else None
        name, name_key, sort_key, last_sort_key, email, text = _name_columns(first, last)
        # The domains are lower-case ASCII already (Gen.company_core).
        email = f"{email}{i % 1000}@{domain}"
        text = f"{text}{email} {_digits(phone, national)}"
        if phone2:
            text += " " + _digits(phone2, _MOBILE2_NATIONAL + phone2[6:])
        out.append((
            _uuid(h), company, sal[h[20] % 2] if sal and h[21] % 3 else None,
            first, last, None, name, city, phone, phone2, email,
            NOTES[h[23] % n_notes] if h[23] % 5 == 0 else None, int(h[24] % 100 == 0),
            text, name_key, _NOW, _NOW, sort_key, last_sort_key))
    return out


def _iso(dt: datetime) -> str:
    return to_db(dt)


class _Stamp:
    """Fast timestamps from epoch seconds, in to_db's and the API's exact forms."""

    def __init__(self) -> None:
        self._days: dict[int, str] = {}
        # "HH:MM:SS" of every second of a day, made on first use (30 ms): a call has
        # five or more timestamps, and formatting each took a third of a call row.
        self._clock: list[str] = []

    def _day(self, secs: int) -> str:
        day = secs // 86400
        text = self._days.get(day)
        if text is None:
            text = self._days[day] = datetime.fromtimestamp(day * 86400, UTC).strftime("%Y-%m-%d")
        return text

    def _time(self, secs: int) -> str:
        if not self._clock:
            self._clock = [f"{r // 3600:02d}:{r // 60 % 60:02d}:{r % 60:02d}"
                           for r in range(86400)]
        return f"{self._day(secs)}T{self._clock[secs % 86400]}"

    def db(self, secs: int | None) -> str | None:
        if secs is None:
            return None
        return f"{self._time(secs)}.000Z"

    def api(self, secs: int | None) -> str | None:
        if secs is None:
            return None
        return f"{self._time(secs)}Z"


_STAMP = _Stamp()
_EPOCH_S = int(EPOCH.timestamp())


def _db(api: str) -> str:
    """_Stamp.db of a time given as _Stamp.api made it."""
    return api[:-1] + ".000Z"


def _orjson_text(value: Any) -> str:
    return orjson.dumps(value).decode()


def _call_rows(span: tuple[int, int]) -> tuple[list, list, list]:
    """Calls ``span``: (call rows, attempt rows, tag rows), historic, over 90 days."""
    g = _GEN
    assert g is not None
    size = g.size
    db, api = _STAMP.db, _STAMP.api
    # What json.dumps(ensure_ascii=False, separators=(",", ":")) writes, for this data
    # (strings, ints, None, no floats), at a third of the cost.
    dumps = _orjson_text
    calls, attempts, tags = [], [], []
    for n in range(*span):
        h = _h(g.seed, "k", n)
        call_id = _uuid(h).lower()  # str(uuid.UUID(bytes=h[:16], version=4))
        start = _EPOCH_S - int.from_bytes(h[16:20], "big") % (90 * 86400)
        answered = h[20] % 100 < 80
        r = h[21] % 10
        if r < 2 and size.campaigns:
            k = h[22] % size.campaigns
            j = int.from_bytes(h[23:25], "big") % size.contacts_per_campaign
            i = k + size.campaigns * j
            kind = "campaign"
            source = {"type": "campaign", "id": campaign_id(k), "task": None}
        else:
            i = int.from_bytes(h[23:27], "big") % size.persons
            kind = "inbound" if r < 9 else "outbound"
            source = {"type": "queue", "id": QUEUES[h[22] % len(QUEUES)]} \
                if kind == "inbound" else None
        person, company, phone = g.person_ref(i)
        agent = AGENTS[h[27] % len(AGENTS)] if answered else None
        talk = 40 + int.from_bytes(h[28:30], "big") % 900
        call_tags = ([TAGS[(h[30] + t * 5) % len(TAGS)] for t in range(h[31] % 4)]
                     if answered else [])
        call_attempts = ([(AGENTS[(h[27] + 1) % len(AGENTS)], start, start + 20)]
                         if h[29] % 10 < 3 else [])
        # Each time as the API sends it and as it is stored (the same, with milliseconds).
        if answered:
            init, assigned, begun, end, closed = (
                api(start), api(start + 25), api(start + 30), api(start + 30 + talk),
                api(start + 90 + talk))
            assigned_db, begun_db, end_db = _db(assigned), _db(begun), _db(end)
        else:
            init, closed = api(start), api(start + 45)
            assigned = begun = end = assigned_db = begun_db = end_db = None
        init_db, closed_db = _db(init), _db(closed)
        annotation = NOTES[h[30] % len(NOTES)] if answered and h[30] % 3 == 0 else None
        transfer = {"type": "queue", "id": "accounting"} if h[31] % 10 == 0 else None
        dtmf = ["", "1", "2", "12"][h[30] % 4]
        raw = {"call": {
            "id": call_id, "agent": agent,
            "attempts": [{"agent": a, "timestampAssigned": api(t0),
                          "timestampClosed": api(t1)} for a, t0, t1 in call_attempts],
            "contact": {"company": company, "person": person},
            "dtmfPath": dtmf, "phoneNumber": phone, "source": source,
            "transfer": transfer,
            "tags": [{"category": c, "id": t, "payload": pl} for c, t, pl in call_tags],
            "newTasks": [], "annotation": annotation, "doNotCall": False,
            "timestampInit": init, "timestampAssigned": assigned, "timestampStart": begun,
            "timestampEnd": end, "timestampClosed": closed}}
        calls.append((
            call_id, kind, agent, company, person, phone,
            source["type"] if source else None, source["id"] if source else None, None,
            transfer["type"] if transfer else None, transfer["id"] if transfer else None,
            dtmf, annotation, 0, init_db, assigned_db, begun_db, end_db, closed_db,
            int(bool(agent) and answered), init_db, _NOW, _NOW, "127.0.0.1", dumps(raw)))
        attempts += [(call_id, pos, a, db(t0), db(t1))
                     for pos, (a, t0, t1) in enumerate(call_attempts)]
        tags += [(call_id, pos, c, t, None if pl is None else dumps(pl))
                 for pos, (c, t, pl) in enumerate(call_tags)]
    return calls, attempts, tags


def _send_call_rows(n: int) -> tuple[list, list]:
    """Make the calls' chunk ``n`` (of _spans), put ``(n, call rows)`` on the calls'
    process's queue and return the (attempt rows, tag rows) for the main process, at
    low priority from then on: the workers make the calls once the contacts are made,
    while the main process builds the contacts' indexes, which must go first."""
    g = _GEN
    assert g is not None
    if os.nice(0) < 10:
        os.nice(10 - os.nice(0))
    calls, attempts, tags = _call_rows(_spans(g.size.calls)[n])
    _CALL_ROWS.put((n, calls))
    return attempts, tags


def _task_rows(span: tuple[int, int]) -> list[tuple[Any, ...]]:
    g = _GEN
    assert g is not None
    size = g.size
    out = []
    for n in range(*span):
        h = _h(g.seed, "t", n)
        k = n % size.campaigns
        j = int.from_bytes(h[:4], "big") % size.contacts_per_campaign
        when = _EPOCH_S + 900 * (int.from_bytes(h[4:8], "big") % (60 * 96) - 30 * 96)
        out.append((h.hex(), campaign_id(k), None, g.person_id(k + size.campaigns * j),
                    _STAMP.db(when), h[9] % 2,
                    NOTES[h[10] % len(NOTES)] if h[10] % 3 == 0 else None,
                    _NOW if h[8] % 5 == 0 else None, _NOW))
    return out


def _campaign_contact_rows(k: int) -> list[tuple[str, str]]:
    """Campaign k's contacts: persons k, k + campaigns, k + 2 * campaigns, ... (id, name)."""
    g = _GEN
    assert g is not None
    out = []
    for j in range(g.size.contacts_per_campaign):
        p = g.person_core(k + g.size.campaigns * j)
        out.append((p["id"], p["name"]))
    return out


def _spans(n: int) -> list[tuple[int, int]]:
    return [(a, min(a + CHUNK, n)) for a in range(0, n, CHUNK)]


# -- main side -----------------------------------------------------------------


def generate(path: str | os.PathLike[str], size: Size, seed: int = 1, *,
             workers: int | None = None, log=print) -> dict[str, Any]:
    """Create the database at ``path`` (must not exist); returns counts and seconds."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} exists already")
    t0, cpu0 = _clock()
    children0 = _children_cpu()
    db = connect(path)
    workers = workers or max(1, min(2, os.cpu_count() or 1))
    ctx = multiprocessing.get_context("fork")
    timings: dict[str, Any] = {}
    # The contacts' full-text index is built by a process of its own from their search
    # texts, in a scratch file, while this one inserts the rows and builds the other
    # indexes; it is copied in at the end (bulk.copy_text_index).
    scratch = Path(f"{path}.text-index")
    _unlink(scratch)
    text_sql = {t: db.conn.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                                   (f"{t}_fts",)).fetchone()[0] for t in _TEXT_TABLES}
    texts = ctx.Queue()
    indexer = ctx.Process(target=bulk.build_text_index, args=(str(scratch), text_sql, texts),
                          name="text-index", daemon=True)
    # The calls are inserted and indexed by a process of their own in a scratch file
    # too, and copied in whole (bulk.BulkLoader.copy_tables): the main process has the
    # contacts' rows and indexes to do meanwhile, and the calls' attempts and tags
    # afterwards (it would wait for the calls otherwise).
    call_scratch = Path(f"{path}.calls")
    _unlink(call_scratch)
    call_schema = [r[0] for r in db.conn.execute(
        f"SELECT sql FROM sqlite_master WHERE tbl_name IN ({', '.join('?' for _ in _CALL_TABLES)})"
        " AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type = 'index', rowid",
        _CALL_TABLES)]
    call_rows, call_stats = ctx.Queue(), ctx.Queue()
    caller = ctx.Process(target=_build_calls,
                         args=(str(call_scratch), size, call_schema, call_rows, call_stats),
                         name="calls", daemon=True)
    indexer.start()
    caller.start()
    # While those start: what every worker would otherwise work out for itself.
    t = _clock()
    _init(size, seed)
    assert _GEN is not None
    _warm(_GEN)
    _took(timings, "warm", t)
    # Before the load's transaction: ATTACH and PRAGMA foreign_keys cannot happen inside
    # one. Foreign keys off: the generated rows refer to rows that exist, and checking
    # costs a lookup per row and would stop SQLite copying the calls as they are.
    db.conn.execute("ATTACH DATABASE ? AS text_index", (str(scratch),))
    db.conn.execute("ATTACH DATABASE ? AS call_tables", (str(call_scratch),))
    db.conn.execute("PRAGMA foreign_keys = OFF")
    try:
        counts = _load(db, size, seed, workers, ctx, timings, texts, indexer,
                       (caller, call_rows, call_stats))
    finally:
        for process in (indexer, caller):
            if process.is_alive():
                process.kill()
            process.join()
        db.conn.execute("PRAGMA foreign_keys = ON")
        db.conn.execute("DETACH DATABASE text_index")
        db.conn.execute("DETACH DATABASE call_tables")
        _unlink(scratch)
        _unlink(call_scratch)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    seconds = time.perf_counter() - t0
    # This process's CPU seconds per phase, and in all: the workers, the text indexer and
    # the calls' process have ended and been waited for, so theirs count as children's.
    cpu = {**timings.pop("cpu", {}), "main": time.process_time() - cpu0,
           "other processes": _children_cpu() - children0}
    log(f"generated {path} in {seconds:.1f}s, CPU {cpu['main']:.1f}s here and"
        f" {cpu['other processes']:.1f}s in the other processes: "
        + ", ".join(f"{k} {v:.1f}s (CPU {cpu[k]:.1f}s)" for k, v in timings.items()))
    return {"seconds": seconds, "counts": counts, "timings": timings, "cpu": cpu}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


_TEXT_TABLES = ("companies", "persons")
_CALL_TABLES = ("calls",)


def _build_calls(path: str, size: Size, schema: list[str], rows: Any, done: Any) -> None:
    """The calls' tables in the new database ``path`` (bulk.build_tables), for a process
    of their own, from the chunks the workers put on ``rows`` in any order
    (_send_call_rows); puts the campaign contacts' call statistics on ``done`` at the
    end: {(campaign id, person id): [call count, last call]}, as
    Store._refresh_call_stats keeps them."""
    # Nothing waits for the calls until the very end, while the main process's work on
    # the contacts is the load's longest chain: it goes first when they compete for a core.
    os.nice(10)
    stats: dict[tuple[str, str], list[Any]] = {}

    def chunks():
        early: dict[int, list] = {}
        for n in range(len(_spans(size.calls))):
            while n not in early:
                k, chunk = rows.get()
                early[k] = chunk
            calls = early.pop(n)
            for row in calls:
                if row[1] == "campaign":
                    s = stats.setdefault((row[7], row[4]), [0, ""])
                    s[0] += 1
                    s[1] = max(s[1], row[20])
            yield "calls", bulk.CALL_COLUMNS, calls

    bulk.build_tables(path, schema, chunks())
    done.put(stats)


def _receive(q: Any, process: Any) -> Any:
    """The one thing ``process`` puts on ``q``; an error if it ends without."""
    while True:
        try:
            return q.get(timeout=1)
        except queue.Empty:
            if not process.is_alive():
                try:
                    return q.get(timeout=1)
                except queue.Empty:
                    raise RuntimeError(f"the {process.name} process failed"
                                       f" (exit code {process.exitcode})") from None


def _clock() -> tuple[float, float]:
    """Wall and this process's CPU seconds, for _took."""
    return time.perf_counter(), time.process_time()


def _took(timings: dict[str, Any], phase: str, since: tuple[float, float]) -> None:
    """Record ``phase``'s wall seconds in ``timings`` and the main process's CPU seconds
    in ``timings["cpu"]``: with other processes working meanwhile, the CPU time tells
    where this one's work goes, the wall time where it waits."""
    wall, cpu = _clock()
    timings[phase] = wall - since[0]
    timings.setdefault("cpu", {})[phase] = cpu - since[1]


def _unlink(path: Path) -> None:
    for p in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)


def _load(db: Any, size: Size, seed: int, workers: int, ctx: Any, timings: dict[str, Any],
          texts: Any, indexer: Any, caller: tuple[Any, Any]) -> dict[str, int]:
    """The load itself, in one transaction; the text indexer gets the contacts' texts,
    ``caller`` is the calls' process, the queue of their rows for it and where it puts
    their statistics."""
    text_col = {"companies": bulk.COMPANY_COLUMNS.index("search_text"),
                "persons": bulk.PERSON_COLUMNS.index("search_text")}
    caller_process, call_rows, call_stats = caller
    with ctx.Pool(workers, initializer=_init, initargs=(size, seed, call_rows)) as pool, \
            bulk.bulk_load(db) as loader:
        loader.text_index_elsewhere(*_TEXT_TABLES)

        def contacts(table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
            first = loader.counts.get(table, 0) + 1
            loader.insert(table, columns, rows)
            texts.put((table, first, [r[text_col[table]] for r in rows]))

        # Queue every chunk at once: the workers run ahead while this process inserts.
        company_chunks = pool.imap(_company_rows, _spans(size.companies))
        person_chunks = pool.imap(_person_rows, _spans(size.persons))
        task_chunks = pool.imap(_task_rows, _spans(size.tasks))
        cc_chunks = pool.imap(_campaign_contact_rows, range(size.campaigns))
        # Last: the calls' rows, straight to the calls' process; their attempts and tags
        # come here.
        call_chunks = pool.imap(_send_call_rows, range(len(_spans(size.calls))))
        t = _clock()
        for rows in company_chunks:
            contacts("companies", bulk.COMPANY_COLUMNS, rows)
        _took(timings, "companies", t)
        t = _clock()
        for rows in person_chunks:
            contacts("persons", bulk.PERSON_COLUMNS, rows)
        texts.put(None)
        _took(timings, "persons", t)
        t = _clock()
        # The contacts' indexes are built now, while the calls' process works, rather
        # than at the end with it done.
        loader.finish("companies", "persons")
        _took(timings, "contact indexes", t)
        t = _clock()
        loader.insert("campaigns", bulk.CAMPAIGN_COLUMNS, [
            (campaign_id(k), f"Benchmark campaign {k + 1}", "crm", "crm", _NOW, _NOW)
            for k in range(size.campaigns)])
        for rows in task_chunks:
            loader.insert("tasks", bulk.TASK_COLUMNS, rows)
        _took(timings, "campaigns+tasks", t)
        t = _clock()
        for attempts, tags in call_chunks:
            loader.insert("call_attempts", bulk.CALL_ATTEMPT_COLUMNS, attempts)
            loader.insert("call_tags", bulk.CALL_TAG_COLUMNS, tags)
        # Their indexes and the tasks' now, while the calls' process finishes.
        loader.finish("tasks", "call_attempts", "call_tags")
        _took(timings, "call attempts+tags, indexes", t)
        t = _clock()
        # Campaign contacts' call count and last call, as Store._refresh_call_stats keeps them.
        stats = _receive(call_stats, caller_process)
        caller_process.join()
        if caller_process.exitcode != 0:
            raise RuntimeError(f"the calls' process failed (exit code {caller_process.exitcode})")
        _took(timings, "calls wait", t)
        t = _clock()
        loader.copy_tables(_CALL_TABLES, "call_tables")
        _took(timings, "calls copy", t)
        t = _clock()
        for k, people in enumerate(cc_chunks):
            cid = campaign_id(k)
            loader.insert("campaign_contacts", bulk.CAMPAIGN_CONTACT_COLUMNS, [
                (cid, None, pid, name, *stats.get((cid, pid), (0, "")), _NOW)
                for pid, name in people])
        _took(timings, "campaign contacts", t)
        t = _clock()
        indexer.join()
        if indexer.exitcode != 0:
            raise RuntimeError(f"the text indexer failed (exit code {indexer.exitcode})")
        for table in _TEXT_TABLES:
            loader.copy_text_index(table, "text_index")
        _took(timings, "text index wait+copy", t)
        t = _clock()
        loader.conn.execute(
            "INSERT INTO audit_log (at, side, client, entity_type, entity_id, action, changes)"
            " VALUES (?, 'cli', NULL, 'database', 'bench', 'bulk_load', ?)",
            (_NOW, json.dumps({"seed": seed, **size.__dict__})))
        counts = dict(loader.counts)
    _took(timings, "indexes", t)
    return counts


def cached(size_name: str, seed: int = 1, *, log=print) -> Path:
    """The generated database for (size, seed) in bench/out/, made on first use."""
    OUT.mkdir(parents=True, exist_ok=True)
    from shared.migrations import SCHEMA_VERSION

    # The schema version is part of the key: a new migration means a new file.
    stem = f"callsheet-{size_name}-seed{seed}-v{SCHEMA_VERSION}"
    path = OUT / f"{stem}.db"
    if not path.exists():
        tmp = path.with_suffix(".partial.db")
        for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
            p.unlink(missing_ok=True)
        result = generate(tmp, SIZES[size_name], seed, log=log)
        tmp.rename(path)
        (OUT / f"{stem}.json").write_text(json.dumps(result, indent=1))
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench/generate.py", description=__doc__.split("\n")[0])
    ap.add_argument("--size", choices=sorted(SIZES), default="full")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", help="write here instead of the bench/out/ cache")
    args = ap.parse_args(argv)
    if args.out:
        result = generate(args.out, SIZES[args.size], args.seed)
        print(json.dumps(result["counts"]))
    else:
        print(cached(args.size, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
