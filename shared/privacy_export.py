"""Everything stored about a person (GDPR Art. 15): one JSON document, and a readable
HTML copy for sending to the person. Each export is logged in the privacy log."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import privacy_log
from .model import ContactRef

if TYPE_CHECKING:
    from .store import Store


def export_person(store: Store, person_id: str) -> dict[str, Any]:
    """Everything stored about a person, as one JSON-able document. Raises NotFound."""
    from . import consent

    person = store.get_person(person_id)
    ref = ContactRef(person.company_id, person_id)
    erased_at = store._one("SELECT erased_at FROM persons WHERE id = ?", (person_id,))[0]
    calls = []
    for row in store._all("SELECT * FROM calls WHERE person_id = ? ORDER BY started_at, pk",
                          (person_id,)):
        call = {k: row[k] for k in row.keys() if k not in ("pk", "raw_json")}
        call["do_not_call"] = bool(call["do_not_call"])
        call["answered"] = bool(call["answered"])
        call["tags"] = [
            {"category": t["category"], "tag": t["tag"],
             "payload": None if t["payload"] is None else json.loads(t["payload"])}
            for t in store._all("SELECT * FROM call_tags WHERE call_id = ? ORDER BY position",
                                (row["id"],))]
        call["attempts"] = [
            {"agent": a["agent"], "assigned": a["timestamp_assigned"],
             "closed": a["timestamp_closed"]}
            for a in store._all("SELECT * FROM call_attempts WHERE call_id = ?"
                                " ORDER BY position", (row["id"],))]
        call["as_posted"] = json.loads(row["raw_json"])
        calls.append(call)
    tasks = [{"id": t.id, "campaign_id": t.campaign_id, "campaign": t.campaign_name,
              "timestamp": t.timestamp, "scheduled": t.scheduled, "annotation": t.annotation,
              "closed_at": t.closed_at, "created_at": t.created_at}
             for t in store.list_tasks(ref=ContactRef(None, person_id), include_closed=True,
                                       limit=1_000_000)]
    places = [dict(r) for r in store._all(
        "SELECT cc.campaign_id, k.name AS campaign, cc.call_count, cc.last_call_at,"
        " cc.added_at FROM campaign_contacts cc JOIN campaigns k ON k.id = cc.campaign_id"
        " WHERE cc.person_id = ? ORDER BY k.name", (person_id,))]
    audit = [asdict(a) for a in store.audit_trail("person", person_id, limit=1_000_000)]
    # What the desktop keeps beside the contract's fields (shared.notes, .todos,
    # .person_details).
    details = store._one("SELECT job_title, department, address, zip_code, country"
                         " FROM person_details WHERE person_id = ?", (person_id,))
    notes = [dict(r) for r in store._all(
        "SELECT author, body, created_at, updated_at FROM notes WHERE person_id = ?"
        " ORDER BY created_at, pk", (person_id,))]
    todos = [dict(r) for r in store._all(
        "SELECT owner, title, due_at, done_at, created_at FROM todos WHERE person_id = ?"
        " ORDER BY due_at, pk", (person_id,))]
    return {
        "exported_at": store._now(),
        "person": {
            "id": person.id, "name": person.name, "salutation": person.salutation,
            "first_name": person.first_name, "last_name": person.last_name,
            "display_name": person.display_name, "city": person.city,
            "phone": person.phone, "phone2": person.phone2, "email": person.email,
            "annotation": person.annotation, "do_not_call": person.do_not_call,
            "created_at": person.created_at, "updated_at": person.updated_at,
            "erased_at": erased_at,
            **(dict(details) if details else {}),
        },
        "company": ({"id": person.company_id, "name": person.company_display_name}
                    if person.company_id else None),
        "notes": notes,
        "todos": todos,
        "calls": calls,
        "tasks": tasks,
        "campaign_places": places,
        "do_not_call_history": [asdict(e) for e in store.dnc_history(ref)],
        "consents": [c.as_dict() for c in consent.consents_for(store, ref)],
        "audit": audit,
    }


def write_export(store: Store, person_id: str, out: str | Path, *, who: str,
                 html_out: str | Path | None = None) -> dict[str, Any]:
    """Write a person's export as JSON (and optionally HTML) and log it; returns the data.
    Raises NotFound."""
    data = export_person(store, person_id)
    Path(out).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    if html_out is not None:
        Path(html_out).write_text(export_html(data), encoding="utf-8")
    privacy_log.record(store, who, "export", "person", person_id, None,
                       {"calls": len(data["calls"]), "tasks": len(data["tasks"])})
    return data


_PERSON_LABELS = (("name", "Name"), ("salutation", "Salutation"), ("first_name", "First name"),
                  ("last_name", "Last name"), ("city", "City"), ("phone", "Phone"),
                  ("phone2", "Phone 2"), ("email", "E-mail"), ("annotation", "Notes"),
                  ("job_title", "Job title"), ("department", "Department"),
                  ("address", "Address"), ("zip_code", "Postcode"), ("country", "Country"),
                  ("do_not_call", "Do not call"), ("created_at", "Record created"),
                  ("updated_at", "Last changed"))


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    if not rows:
        return "<p><i>None stored.</i></p>"
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape('' if v is None else str(v))}</td>"
                                    for v in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


_TIMESTAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})[\d:.]*Z$")


def _t(value: Any) -> Any:
    """A stored timestamp as people read it (``2026-05-01 09:00 UTC``); others unchanged."""
    if isinstance(value, str) and (m := _TIMESTAMP.match(value)):
        return f"{m[1]} {m[2]} UTC"
    return value


def export_html(data: dict[str, Any]) -> str:
    """A readable copy of ``export_person``'s document, for sending to the person."""
    from .consent import KINDS

    p = data["person"]
    facts = [[label, "yes" if p[key] is True else ("no" if p[key] is False else _t(p[key]))]
             for key, label in _PERSON_LABELS if p.get(key) not in (None, "")]
    if data["company"]:
        facts.insert(1, ["Company", data["company"]["name"]])
    calls = [[_t(c["started_at"]), c["kind"], c["agent"], c["phone_number"],
              ", ".join(f"{t['category']}/{t['tag']}" for t in c["tags"]), c["annotation"]]
             for c in data["calls"]]
    tasks = [[_t(t["timestamp"]), t["campaign"], "closed" if t["closed_at"] else "open",
              t["annotation"]] for t in data["tasks"]]
    places = [[pl["campaign"], _t(pl["added_at"]), pl["call_count"]]
              for pl in data["campaign_places"]]
    dnc = [[_t(e["at"]), "set" if e["do_not_call"] else "lifted", e["reason"]]
           for e in data["do_not_call_history"]]
    consents = [[KINDS.get(c["kind"], c["kind"]), _t(c["given_at"]), c["source"],
                 c["given_by"], c["file_ref"], _t(c["withdrawn_at"])] for c in data["consents"]]
    notes = [[_t(n["created_at"]), n["author"], n["body"]] for n in data.get("notes", [])]
    todos = [[_t(t["due_at"]), t["owner"], t["title"], "done" if t["done_at"] else "open"]
             for t in data.get("todos", [])]
    audit = [[_t(a["at"]), a["action"], a["side"], json.dumps(a["changes"], ensure_ascii=False)]
             for a in data["audit"]]
    title = f"Personal data stored about {p['name']}"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>body{{font-family:sans-serif;margin:2em;color:#1f2937}}
table{{border-collapse:collapse;margin-bottom:1.5em}}
td,th{{border:1px solid #d1d5db;padding:4px 8px;text-align:left;vertical-align:top}}
th{{background:#f3f4f6}}</style></head><body>
<h1>{escape(title)}</h1>
<p>This is a copy of everything our contact center's CRM stores about you
(GDPR Art. 15), made on {escape(_t(data['exported_at']))}.</p>
<h2>Your details</h2>{_table(["Field", "Value"], facts)}
<h2>Notes</h2>{_table(["When", "By", "Note"], notes)}
<h2>Reminders of our staff</h2>{_table(["Due", "Whose", "What", "State"], todos)}
<h2>Calls</h2>{_table(["When", "Kind", "Agent", "Number", "Tags", "Notes"], calls)}
<h2>Call tasks</h2>{_table(["Due", "Campaign", "State", "Notes"], tasks)}
<h2>Campaigns</h2>{_table(["Campaign", "Added", "Calls"], places)}
<h2>Do-not-call history</h2>{_table(["When", "Change", "Reason"], dnc)}
<h2>Consent to advertising calls</h2>{_table(
        ["Kind", "Given", "How", "By whom", "Proof", "Withdrawn"], consents)}
<h2>Change history</h2>{_table(["When", "Action", "By", "Changes"], audit)}
</body></html>
"""
