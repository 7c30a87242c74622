"""The domain: contacts, campaigns, tasks and calls, with the rules that govern them.

Field rules live here, next to the data: both front ends hand raw values to
``clean_company`` / ``clean_person`` and get back clean column values or a
ValidationError naming the field in the API's spelling (``zipCode``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from . import phones
from .countries import check_country
from .errors import ValidationError
from .texts import Text
from .timeutil import to_db

Source = Literal["crm", "apollo"]
SOURCES = ("crm", "apollo")
PhoneMode = Literal["e164", "typed"]

# A practical address: dot-separated atoms before the @ (no "mailto:", no empty atom),
# dot-separated labels after it (no "b..de"); \w admits the letters of any script.
_ATOM = r"[\w!#$%&'*+/=?^`{|}~-]+"
_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
_EMAIL = re.compile(rf"^{_ATOM}(?:\.{_ATOM})*@(?:{_LABEL}\.)+{_LABEL}\Z")
# Control characters (NUL above all; the C1 range too) have no place in a CRM field;
# tabs and line breaks do, in annotations.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates make a name display as something other than
# it is (an invoice from "Firma\u202eHbmG" reads "FirmaGmbH" backwards): not in names.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Fields that name someone: the name a caller is shown and searched by.
_NAME_FIELDS = frozenset({"name", "salutation", "firstName", "lastName", "displayName"})
# Characters that print nothing but are not whitespace to str.strip(): a name made of
# them only is blank (zero-width space and joiners, BOM, word joiner, fillers).
_INVISIBLE = frozenset("\u00ad\u034f\u115f\u1160\u180e\u200b\u200c\u200d\u2060\u2800"
                       "\u3164\ufeff\uffa0")


def is_blank(value: str | None) -> bool:
    """True when ``value`` shows nothing: empty, whitespace, or invisible characters only."""
    if not value:
        return True
    return all(c.isspace() or c in _INVISIBLE or unicodedata.category(c) == "Cf"
               for c in value)


def nfc(value: str) -> str:
    """The text in Unicode NFC: "é" typed as e + accent and as one character are equal,
    stored alike, and count the same against a length limit."""
    return unicodedata.normalize("NFC", value)


@dataclass(frozen=True)
class FieldRule:
    """How one field is named in the API, stored, and checked."""

    api: str
    column: str
    kind: Literal["text", "name", "phone", "email", "country"] = "text"
    max_length: int = 200


COMPANY_FIELDS: tuple[FieldRule, ...] = (
    FieldRule("name", "name", "name", 200),
    FieldRule("address", "address", "text", 200),
    FieldRule("zipCode", "zip_code", "text", 20),
    FieldRule("city", "city", "text", 200),
    FieldRule("country", "country", "country", 2),
    FieldRule("phone", "phone", "phone", 32),
    FieldRule("phone2", "phone2", "phone", 32),
    FieldRule("email", "email", "email", 254),
    FieldRule("annotation", "annotation", "text", 10000),
)

PERSON_FIELDS: tuple[FieldRule, ...] = (
    FieldRule("salutation", "salutation", "text", 50),
    FieldRule("firstName", "first_name", "text", 200),
    FieldRule("lastName", "last_name", "text", 200),
    FieldRule("displayName", "display_name", "text", 200),
    FieldRule("city", "city", "text", 200),
    FieldRule("phone", "phone", "phone", 32),
    FieldRule("phone2", "phone2", "phone", 32),
    FieldRule("email", "email", "email", 254),
    FieldRule("annotation", "annotation", "text", 10000),
)


def _clean_value(rule: FieldRule, value: Any, mode: PhoneMode, region: str) -> Any:
    if value is None:
        if rule.kind == "name":
            raise ValidationError(Text("{field} is required.", field=rule.api), field=rule.api)
        return None
    if not isinstance(value, str):
        raise ValidationError(Text("{field} must be a string or null.", field=rule.api),
                              field=rule.api)
    if _CONTROL.search(value):
        raise ValidationError(Text(
            "{field} contains control characters (such as NUL); remove them.", field=rule.api),
            field=rule.api)
    if rule.api in _NAME_FIELDS and _BIDI.search(value):
        raise ValidationError(Text(
            "{field} contains a bidirectional override (U+202A-U+202E, U+2066-U+2069),"
            " which makes a name show as something else; remove it.", field=rule.api),
            field=rule.api)
    value = nfc(value)
    if mode == "typed":
        value = value.strip()
        if is_blank(value):
            if rule.kind == "name":
                raise ValidationError(Text("{field} is required.", field=rule.api), field=rule.api)
            return None
    if rule.kind == "phone":
        if mode == "typed":
            return phones.normalize(value, region, field=rule.api)
        return phones.check_e164(value, rule.api)
    if rule.kind == "country":
        return check_country(value.upper() if mode == "typed" else value, rule.api)
    if len(value) > rule.max_length:
        raise ValidationError(Text(
            "{field} is too long ({length} characters, at most {most}).",
            field=rule.api, length=len(value), most=rule.max_length), field=rule.api)
    if rule.kind == "name" and is_blank(value):
        raise ValidationError(Text("{field} must not be blank.", field=rule.api),
                              field=rule.api)
    if rule.kind == "email" and not _EMAIL.match(value):
        raise ValidationError(Text(
            "{field} must be an e-mail address like office@example.com, got {value!r}.",
            field=rule.api, value=value[:60]), field=rule.api)
    return value


def _clean(
    rules: tuple[FieldRule, ...],
    data: dict[str, Any],
    *,
    partial: bool,
    mode: PhoneMode,
    region: str,
) -> dict[str, Any]:
    """Check the fields present in ``data`` (API names) and return them as columns."""
    if not isinstance(data, dict):
        raise ValidationError(Text("Expected an object with the contact's fields."))
    out: dict[str, Any] = {}
    for rule in rules:
        if rule.api in data:
            out[rule.column] = _clean_value(rule, data[rule.api], mode, region)
        elif not partial:
            if rule.kind == "name":
                raise ValidationError(Text("{field} is required.", field=rule.api), field=rule.api)
            out[rule.column] = None
    return out


def clean_company(
    data: dict[str, Any], *, partial: bool = False, mode: PhoneMode = "e164", region: str = "DE"
) -> dict[str, Any]:
    """Validate company fields given by their API names; return column values.

    ``mode="e164"`` (the API) accepts only E.164 phone numbers; ``mode="typed"``
    (the desktop) trims text, turns blanks into null and normalises phone
    numbers typed in national format with ``region``.
    """
    return _clean(COMPANY_FIELDS, data, partial=partial, mode=mode, region=region)


def clean_person(
    data: dict[str, Any], *, partial: bool = False, mode: PhoneMode = "e164", region: str = "DE"
) -> dict[str, Any]:
    """Validate person fields given by their API names; return column values.

    A person needs at least one of firstName, lastName, displayName that is not
    blank; on a partial update that rule is checked by the store against the
    merged record.
    """
    cols = _clean(PERSON_FIELDS, data, partial=partial, mode=mode, region=region)
    if not partial:
        check_person_named(cols)
    return cols


def check_person_named(cols: dict[str, Any]) -> None:
    """Raise unless a person's columns give it some name to show."""
    if all(is_blank(cols.get(c)) for c in ("first_name", "last_name", "display_name")):
        raise ValidationError(Text(
            "A person needs a firstName, a lastName or a displayName."), field="lastName")


def company_display_name(name: str, country: str | None) -> str:
    """``CX Labs GmbH (DE)``: the name, and the country code when one is set."""
    return f"{name} ({country})" if country else name


def person_display_name(
    display_name: str | None, first_name: str | None, last_name: str | None
) -> str:
    """The stored display name, else ``firstName lastName``."""
    if not is_blank(display_name):
        return display_name.strip()
    return " ".join(p.strip() for p in (first_name, last_name) if not is_blank(p))


def check_source(value: str, field: str) -> str:
    """A campaign's contact or task source: ``crm`` or ``apollo``."""
    if value not in SOURCES:
        raise ValidationError(Text("{field} must be 'crm' or 'apollo', got {value!r}.",
                                   field=field, value=value), field=field)
    return value


def check_id(value: Any, field: str) -> str:
    """An id: a non-empty string without surrounding whitespace, at most 200 characters."""
    if not isinstance(value, str) or not value or value != value.strip() or len(value) > 200:
        raise ValidationError(Text(
            "{field} must be a non-empty id without surrounding spaces (at most 200 characters).",
            field=field), field=field)
    if _CONTROL.search(value):
        raise ValidationError(Text("{field} contains control characters.", field=field),
                              field=field)
    return value


@dataclass(frozen=True)
class ContactRef:
    """A contact as the API names it: a company, or a person (with its company or none)."""

    company_id: str | None = None
    person_id: str | None = None

    def __post_init__(self) -> None:
        if self.company_id is None and self.person_id is None:
            raise ValidationError(Text("A contact needs a company or a person."), field="contact")

    @property
    def is_person(self) -> bool:
        return self.person_id is not None


@dataclass
class Company:
    """A company record as stored."""

    id: str
    name: str
    display_name: str
    address: str | None = None
    zip_code: str | None = None
    city: str | None = None
    country: str | None = None
    phone: str | None = None
    phone2: str | None = None
    email: str | None = None
    annotation: str | None = None
    do_not_call: bool = False
    created_at: str = ""
    updated_at: str = ""
    pk: int = 0
    sort_key: str = ""  # shared.collation: the order lists show
    # One more on every stored change: a save over a newer version is a Conflict.
    version: int = 1


@dataclass
class Person:
    """A person record as stored; ``name`` is the effective display name."""

    id: str
    name: str
    company_id: str | None = None
    company_display_name: str | None = None
    salutation: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    display_name: str | None = None
    city: str | None = None
    phone: str | None = None
    phone2: str | None = None
    email: str | None = None
    annotation: str | None = None
    do_not_call: bool = False
    created_at: str = ""
    updated_at: str = ""
    pk: int = 0
    sort_key: str = ""  # shared.collation: the order lists show
    last_sort_key: str = ""  # by last name, then first name
    # One more on every stored change: a save over a newer version is a Conflict.
    version: int = 1


@dataclass
class Campaign:
    """A campaign of Apollo's, with where its contacts and tasks come from."""

    id: str
    name: str
    contacts_source: str = "crm"
    tasks_source: str = "crm"
    created_at: str = ""
    contact_count: int = 0
    open_task_count: int = 0
    # §7a UWG: the dialer gets only contacts with consent (shared.consent).
    needs_consent: bool = False


@dataclass
class ContactView:
    """A contact resolved for display: ids and display names of company and person."""

    company_id: str | None
    company_name: str | None
    person_id: str | None
    person_name: str | None
    do_not_call: bool = False

    @property
    def label(self) -> str:
        if self.person_id:
            if self.company_name:
                return f"{self.person_name} · {self.company_name}"
            return self.person_name or ""
        return self.company_name or ""


@dataclass
class Task:
    """A call task (callback or dialer task) of a campaign."""

    id: str
    campaign_id: str
    timestamp: str
    scheduled: bool
    contact: ContactView
    annotation: str | None = None
    closed_at: str | None = None
    created_by_call: str | None = None
    closed_by_call: str | None = None
    created_at: str = ""
    campaign_name: str = ""

    def is_overdue(self, now: datetime) -> bool:
        """Open and its time has passed: a 07:00 callback still open at 13:30 is late."""
        return self.closed_at is None and self.timestamp < to_db(now)


@dataclass
class CallAttempt:
    agent: str | None
    timestamp_assigned: str | None
    timestamp_closed: str | None


@dataclass
class CallTag:
    category: str
    tag: str
    payload: Any = None


@dataclass
class NewTask:
    campaign_id: str
    timestamp: str
    annotation: str | None = None


@dataclass
class CallRecord:
    """One call as Apollo posted it, parsed; timestamps in stored form."""

    id: str
    kind: Literal["inbound", "outbound", "campaign"]
    agent: str | None = None
    company_id: str | None = None
    person_id: str | None = None
    phone_number: str | None = None
    source_type: str | None = None
    source_id: str | None = None
    source_task: str | None = None
    transfer_type: str | None = None
    transfer_id: str | None = None
    dtmf_path: str | None = None
    annotation: str | None = None
    do_not_call: bool = False
    timestamp_init: str | None = None
    timestamp_assigned: str | None = None
    timestamp_start: str | None = None
    timestamp_end: str | None = None
    timestamp_closed: str | None = None
    attempts: list[CallAttempt] = field(default_factory=list)
    tags: list[CallTag] = field(default_factory=list)
    new_tasks: list[NewTask] = field(default_factory=list)
    raw_json: str = "{}"

    @property
    def answered(self) -> bool:
        """A call counts as answered when an agent took it and it connected."""
        return bool(self.agent) and self.timestamp_start is not None


@dataclass
class CallResult:
    """What recording a call did, for the API's message."""

    created: bool
    unknown: list[str] = field(default_factory=list)
    tasks_created: int = 0
    tasks_skipped: int = 0
    # What the call did or did not do to tasks and flags, one phrase each
    # (from call_rules.decide), in the order they appear in the message.
    notes: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        parts = ["stored" if self.created else "replaced"]
        if self.unknown:
            parts.append("unknown " + ", unknown ".join(self.unknown))
        parts.extend(self.notes)
        return "; ".join(parts)


# Who sits at this desktop ("Alice on PC-7"), set once at start by the desktop app. A
# process runs one desktop, so this is a fact about the process, not a per-call choice.
_desktop_client: str | None = None
_desktop_person: str | None = None
_desktop_pc: str | None = None


def set_desktop_identity(person: str | None, pc: str | None) -> None:
    """Name the person and PC that `Actor.desktop()` stands for in the audit trail."""
    global _desktop_client, _desktop_person, _desktop_pc
    person, pc = (person or "").strip(), (pc or "").strip()
    _desktop_person, _desktop_pc = person or None, pc or None
    if person and pc:
        _desktop_client = f"{person} on {pc}"
    else:
        _desktop_client = person or pc or None


def desktop_person() -> str | None:
    """The person at this desktop ("Your name" in This PC's settings), once the desktop
    has named them with `set_desktop_identity`."""
    return _desktop_person


@dataclass(frozen=True)
class Actor:
    """Who makes a change: ``api`` with the client's address, or ``desktop`` with the
    person and PC (``client``: "Alice on PC-7", see `set_desktop_identity`)."""

    side: Literal["api", "desktop", "cli"]
    client: str | None = None
    # On a shared database: the person (the desktop's "Your name") and the PC.
    person: str | None = None
    pc: str | None = None

    @classmethod
    def desktop(cls) -> Actor:
        return cls("desktop", _desktop_client, person=_desktop_person, pc=_desktop_pc)
