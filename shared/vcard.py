"""Contacts as vCard 4.0 (RFC 6350), for address books and phones.

Each person is a card (``N``, ``FN``, ``ORG`` with its company, the company's
address as ``ADR;TYPE=work``); each company is a card of ``KIND:org``. Phone
numbers are ``tel:`` URIs in E.164; ``UID`` is the record id as a URN, so an
address book recognises the same contact on the next export. Lines end in
CRLF and are folded at 75 octets, never inside a UTF-8 character (section 3.2);
text values escape ``\\``, ``,``, ``;`` and newlines (section 3.4).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from .countries import countries
from .model import Company, Person
from .store import Store

MAX_OCTETS = 75


def escape(text: str | None) -> str:
    """A text value as vCard writes it: ``\\\\``, ``\\,``, ``\\;`` and ``\\n`` escaped."""
    if not text:
        return ""
    return (text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets joined by CRLF and a space,
    cutting only between UTF-8 characters."""
    out: list[str] = []
    current, size = "", 0
    limit = MAX_OCTETS
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            # Continuation lines start with a space, which counts towards their 75.
            current, size, limit = ch, n, MAX_OCTETS - 1
        else:
            current += ch
            size += n
    out.append(current)
    return "\r\n ".join(out)


def _line(name: str, value: str) -> str:
    return fold(f"{name}:{value}") + "\r\n"


def _uid(record_id: str) -> str:
    # Contact ids are UUIDs: a urn:uuid URN, as RFC 6350 section 6.7.6 suggests.
    return f"urn:uuid:{record_id.lower()}"


def _tel(number: str | None, types: str) -> str:
    return _line(f"TEL;VALUE=uri;TYPE={types}", f"tel:{number}") if number else ""


def _adr(company: Company | None, city: str | None = None) -> str:
    if company is None:
        if not city:
            return ""
        return _line("ADR;TYPE=work", f";;;{escape(city)};;;")
    if not any((company.address, company.zip_code, company.city, company.country)):
        return ""
    # post office box; extended address; street; locality; region; postal code; country
    country = countries().get(company.country or "", company.country)
    parts = ["", "", escape(company.address), escape(company.city), "",
             escape(company.zip_code), escape(country)]
    return _line("ADR;TYPE=work", ";".join(parts))


def person_card(person: Person, company: Company | None = None) -> str:
    """One person as a vCard 4.0."""
    out = "BEGIN:VCARD\r\nVERSION:4.0\r\n"
    out += _line("UID", _uid(person.id))
    out += _line("FN", escape(person.name))
    n = [escape(person.last_name), escape(person.first_name), "", escape(person.salutation), ""]
    if not (person.last_name or person.first_name):
        n[0] = escape(person.name)
    out += _line("N", ";".join(n))
    if company is not None:
        out += _line("ORG", escape(company.name))
    out += _tel(person.phone, "work,voice")
    out += _tel(person.phone2, "cell")
    if person.email:
        out += _line("EMAIL;TYPE=work", escape(person.email))
    out += _adr(company, None if company else person.city)
    if person.annotation:
        out += _line("NOTE", escape(person.annotation))
    return out + "END:VCARD\r\n"


def company_card(company: Company) -> str:
    """One company as a vCard 4.0 of ``KIND:org``."""
    out = "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\n"
    out += _line("UID", _uid(company.id))
    out += _line("FN", escape(company.name))
    out += _line("ORG", escape(company.name))
    out += _tel(company.phone, "work,voice")
    out += _tel(company.phone2, "work,voice")
    if company.email:
        out += _line("EMAIL;TYPE=work", escape(company.email))
    out += _adr(company)
    if company.annotation:
        out += _line("NOTE", escape(company.annotation))
    return out + "END:VCARD\r\n"


def cards(store: Store) -> Iterator[str]:
    """Every company, then every person, as vCards."""
    from .export import records

    for company in records(store, "companies"):
        yield company_card(company)
    # Looked up per person (an indexed read), a few thousand kept: a big database's
    # companies need not all fit in memory.
    company_of = lru_cache(maxsize=4096)(store.get_company)
    for person in records(store, "persons"):
        yield person_card(person, company_of(person.company_id) if person.company_id else None)


def write_vcards(path: str | Path, vcards: Iterable[str]) -> int:
    """Write vCards to one ``.vcf`` file (UTF-8); returns how many."""
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        for card in vcards:
            f.write(card)
            n += 1
    return n


def export_vcards(store: Store, path: str | Path) -> int:
    """Every contact of the database as vCard 4.0 into ``path``; returns how many cards."""
    return write_vcards(path, cards(store))
