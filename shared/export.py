"""Exporting companies, persons, calls and tasks to CSV and XLSX.

CSV is for scripts and for importing again: UTF-8 with a byte order mark (so
Excel reads the umlauts), a header row, ``;`` between fields by default (what
Excel expects where the decimal separator is a comma, as in the offices this
is for; pass ``delimiter=","`` for RFC 4180), phone numbers in E.164 and times
in UTC ISO 8601. XLSX is for people: a bold header row that stays put, sensible
column widths, phone numbers formatted, times as Excel date-times in the local
zone, and every text cell stored as text (a note starting with ``=`` is never
a formula).

The headers are the ones the importer recognises, so an export imports again.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from . import phones
from .errors import ValidationError
from .person_details import PersonDetails
from .store import Store
from .texts import Text
from .timeutil import db_to_api, from_db

Kind = Literal["text", "phone", "time", "bool", "int"]
WHAT = ("companies", "persons", "calls", "tasks")
FORMATS = ("csv", "xlsx")
PAGE = 1000
ALL = 1_000_000_000


@dataclass(frozen=True)
class Column:
    """One exported column: its header, how to get the value, and what it is."""

    header: str
    get: Callable[[Any], Any]
    kind: Kind = "text"
    width: int = 0  # XLSX width in characters; 0: from the content


def _company_name(display_name: str | None) -> str | None:
    """``CX Labs GmbH (DE)`` is ``CX Labs GmbH``: the name the importer matches on."""
    return re.sub(r" \([A-Z]{2}\)\Z", "", display_name) if display_name else None


COMPANY_COLUMNS = (
    Column("Id", lambda c: c.id, width=38),
    Column("Company", lambda c: c.name),
    Column("Address", lambda c: c.address),
    Column("Zip code", lambda c: c.zip_code),
    Column("City", lambda c: c.city),
    Column("Country", lambda c: c.country),
    Column("Phone", lambda c: c.phone, "phone"),
    Column("Phone 2", lambda c: c.phone2, "phone"),
    Column("E-mail", lambda c: c.email),
    Column("Notes", lambda c: c.annotation, width=40),
    Column("Do not call", lambda c: c.do_not_call, "bool"),
    Column("Created", lambda c: c.created_at, "time"),
    Column("Updated", lambda c: c.updated_at, "time"),
)

PERSON_COLUMNS = (
    Column("Id", lambda p: p.id, width=38),
    Column("Company", lambda p: _company_name(p.company_display_name)),
    Column("Company id", lambda p: p.company_id, width=38),
    Column("Salutation", lambda p: p.salutation),
    Column("First name", lambda p: p.first_name),
    Column("Last name", lambda p: p.last_name),
    Column("Display name", lambda p: p.display_name),
    Column("Job title", lambda p: getattr(p, "job_title", None)),
    Column("Department", lambda p: getattr(p, "department", None)),
    Column("Person street", lambda p: getattr(p, "address", None)),
    Column("Person zip code", lambda p: getattr(p, "zip_code", None)),
    Column("Person city", lambda p: p.city),
    Column("Person country", lambda p: getattr(p, "country", None)),
    Column("Phone", lambda p: p.phone, "phone"),
    Column("Phone 2", lambda p: p.phone2, "phone"),
    Column("E-mail", lambda p: p.email),
    Column("Notes", lambda p: p.annotation, width=40),
    Column("Do not call", lambda p: p.do_not_call, "bool"),
    Column("Created", lambda p: p.created_at, "time"),
    Column("Updated", lambda p: p.updated_at, "time"),
)

CALL_COLUMNS = (
    Column("Id", lambda k: k.id, width=38),
    Column("Started", lambda k: k.started_at, "time"),
    Column("Kind", lambda k: k.kind),
    Column("Agent", lambda k: k.agent),
    Column("Answered", lambda k: k.answered, "bool"),
    Column("Duration (s)", lambda k: k.duration_seconds, "int"),
    Column("Phone number", lambda k: k.phone_number, "phone"),
    Column("Contact", lambda k: k.contact_label),
    Column("Company id", lambda k: k.company_id, width=38),
    Column("Person id", lambda k: k.person_id, width=38),
    Column("Source type", lambda k: k.source_type),
    Column("Source id", lambda k: k.source_id),
    Column("Task", lambda k: k.source_task),
    Column("Transfer", lambda k: k.transfer),
    Column("Tags", lambda k: ", ".join(f"{c}:{t}" for c, t in k.tags), width=30),
    Column("Notes", lambda k: k.annotation, width=40),
    Column("Do not call", lambda k: k.do_not_call, "bool"),
)

TASK_COLUMNS = (
    Column("Id", lambda t: t.id, width=20),
    Column("Campaign", lambda t: t.campaign_name),
    Column("Campaign id", lambda t: t.campaign_id),
    Column("Due", lambda t: t.timestamp, "time"),
    Column("Scheduled", lambda t: t.scheduled, "bool"),
    Column("Contact", lambda t: t.contact.label),
    Column("Company id", lambda t: t.contact.company_id, width=38),
    Column("Person id", lambda t: t.contact.person_id, width=38),
    Column("Notes", lambda t: t.annotation, width=40),
    Column("Closed", lambda t: t.closed_at, "time"),
    Column("Created by call", lambda t: t.created_by_call, width=38),
    Column("Closed by call", lambda t: t.closed_by_call, width=38),
    Column("Created", lambda t: t.created_at, "time"),
)

COLUMNS: dict[str, tuple[Column, ...]] = {
    "companies": COMPANY_COLUMNS, "persons": PERSON_COLUMNS, "calls": CALL_COLUMNS,
    "tasks": TASK_COLUMNS,
}


def records(store: Store, what: str) -> Iterator[Any]:
    """Every record of a kind, in the order the desktop lists them (calls newest first)."""
    if what in ("companies", "persons"):
        lister = store.list_companies if what == "companies" else store.list_persons
        after = None
        while True:
            page = lister(after=after, limit=PAGE)  # type: ignore[operator]
            if what == "persons":
                # With job title, department and postal address (desktop-only fields).
                page = PersonDetails(store).attach(page)
            yield from page
            if len(page) < PAGE:
                return
            last = page[-1]
            after = (last.sort_key, last.pk)
    elif what == "calls":
        yield from store.list_calls(limit=ALL)
    elif what == "tasks":
        yield from store.list_tasks(include_closed=True, limit=ALL)
    else:
        raise ValidationError(Text(
                "Cannot export {what!r}: choose one of {choices}.", what=what,
                choices=", ".join(WHAT)),
                              field="what")


def _csv_value(col: Column, value: Any) -> str:
    if value is None:
        return ""
    if col.kind == "bool":
        return "yes" if value else "no"
    if col.kind == "time":
        return db_to_api(value) or ""
    return str(value)


def write_csv(path: str | Path, columns: Iterable[Column], rows: Iterable[Any], *,
              delimiter: str = ";") -> int:
    """Write ``rows`` as CSV (UTF-8 with BOM, header row); returns how many rows."""
    columns = list(columns)
    n = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow([c.header for c in columns])
        for record in rows:
            w.writerow([_csv_value(c, c.get(record)) for c in columns])
            n += 1
    return n


def _xlsx_value(col: Column, value: Any, region: str) -> Any:
    if value is None or value == "":
        return None
    if col.kind == "bool":
        return "yes" if value else "no"
    if col.kind == "time":
        dt = from_db(value)
        # Excel has no time zones: the local wall-clock time is what people expect.
        return dt.astimezone().replace(tzinfo=None) if dt else None
    if col.kind == "phone":
        return phones.format_display(value, region) if region else value
    return value


def write_xlsx(path: str | Path, columns: Iterable[Column], rows: Iterable[Any], *,
               sheet: str = "Export", region: str = "") -> int:
    """Write ``rows`` as an Excel workbook: bold frozen header, widths from the first
    rows, times as date-times, text as text. Returns how many rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    columns = list(columns)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet[:31])
    it = iter(rows)
    first: list[list[Any]] = []
    for record in it:
        first.append([_xlsx_value(c, c.get(record), region) for c in columns])
        if len(first) >= 500:
            break
    for i, col in enumerate(columns, 1):
        if col.width:
            width = col.width
        elif col.kind == "time":
            width = 17
        else:
            longest = max([len(col.header)] + [len(str(r[i - 1])) for r in first
                                               if r[i - 1] is not None])
            width = min(max(longest + 2, 8), 50)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="F1F3F6")
    header = []
    for col in columns:
        cell = WriteOnlyCell(ws, value=col.header)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(vertical="center")
        header.append(cell)
    ws.append(header)

    def cells(values: list[Any]) -> list[Any]:
        out = []
        for col, value in zip(columns, values, strict=True):
            cell = WriteOnlyCell(ws, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
            elif isinstance(value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            if col.width >= 40:
                cell.alignment = Alignment(wrap_text=False)
            out.append(cell)
        return out

    n = 0
    for values in first:
        ws.append(cells(values))
        n += 1
    for record in it:
        ws.append(cells([_xlsx_value(c, c.get(record), region) for c in columns]))
        n += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{n + 1}"
    wb.save(path)
    return n


def format_of(path: str | Path, fmt: str | None = None) -> str:
    """``csv`` or ``xlsx``: as given, else from the file's extension. Raises ValidationError."""
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValidationError(
            Text(
                "Cannot tell the format of {path!r}: name it .csv or .xlsx, or give the format.",
                path=str(path)), field="format")
    return fmt


def export(store: Store, what: str, path: str | Path, fmt: str | None = None, *,
           delimiter: str = ";", region: str = "DE") -> int:
    """Export every record of ``what`` (companies, persons, calls, tasks) to ``path``
    as CSV or XLSX; returns how many rows were written."""
    if what not in COLUMNS:
        raise ValidationError(Text(
                "Cannot export {what!r}: choose one of {choices}.", what=what,
                choices=", ".join(WHAT)),
                              field="what")
    fmt = format_of(path, fmt)
    rows = records(store, what)
    if fmt == "csv":
        return write_csv(path, COLUMNS[what], rows, delimiter=delimiter)
    return write_xlsx(path, COLUMNS[what], rows, sheet=what.capitalize(), region=region)
