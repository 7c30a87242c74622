"""Consent to advertising calls (§7a UWG): records, campaigns that need it, proof.

A consent record belongs to one contact (a person, or a company contact) and
says what was consented to (``kind``; phone advertising), when, how and by
whom (``source`` free text, ``given_by``, ``file_ref`` to the document or
recording) and when it was withdrawn. A campaign marked *needs consent*
offers Apollo only contacts holding a consent that was not withdrawn. The
proof must be kept five years after the consent was last used; a campaign
call to the contact counts as use.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .errors import NotFound, ValidationError
from .model import Actor, ContactRef
from .texts import Text
from .timeutil import from_db, to_db

if TYPE_CHECKING:
    from .store import Store

PHONE_ADVERTISING = "phone_advertising"
KINDS = {PHONE_ADVERTISING: Text("Phone advertising")}
PROOF_YEARS = 5


@dataclass
class Consent:
    """One consent record, with when it was last used and how long its proof is kept."""

    id: str
    company_id: str | None
    person_id: str | None
    kind: str
    given_at: str
    source: str
    given_by: str | None
    file_ref: str | None
    withdrawn_at: str | None
    created_at: str
    last_used_at: str | None = None
    keep_until: str = ""

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _add_years(ts: str, years: int) -> str:
    when = from_db(ts)
    assert when is not None
    try:
        return to_db(when.replace(year=when.year + years))
    except ValueError:  # 29 February
        return to_db(when.replace(year=when.year + years, day=28))


def _ref_where(ref: ContactRef, alias: str = "") -> tuple[str, tuple[str, ...]]:
    a = f"{alias}." if alias else ""
    if ref.person_id:
        return f"{a}person_id = ?", (ref.person_id,)
    return f"{a}person_id IS NULL AND {a}company_id = ?", (ref.company_id or "",)


def last_use(store: Store, ref: ContactRef) -> str | None:
    """When the contact was last called in a campaign (the consent's last use)."""
    where, params = _ref_where(ref)
    row = store._one(f"SELECT max(started_at) FROM calls WHERE source_type = 'campaign'"
                     f" AND {where}", params)
    return row[0] if row else None


def _consent(store: Store, row: Any, used: str | None) -> Consent:
    c = Consent(row["id"], row["company_id"], row["person_id"], row["kind"], row["given_at"],
                row["source"], row["given_by"], row["file_ref"], row["withdrawn_at"],
                row["created_at"])
    # The calls still stored, or the last use remembered when older calls were deleted.
    used = max(used or "", row["last_used_at"] or "") or None
    c.last_used_at = used if used and used > c.given_at else None
    latest = max(x for x in (c.given_at, c.withdrawn_at, c.last_used_at) if x)
    c.keep_until = _add_years(latest, PROOF_YEARS)
    return c


def consents_for(store: Store, ref: ContactRef) -> list[Consent]:
    """A contact's consent records, newest first (a person's own; a company contact's)."""
    where, params = _ref_where(ref)
    used = last_use(store, ref)
    return [_consent(store, r, used) for r in store._all(
        f"SELECT * FROM consents WHERE {where} ORDER BY given_at DESC, pk DESC", params)]


def get_consent(store: Store, consent_id: str) -> Consent:
    """One consent record; raises NotFound."""
    row = store._one("SELECT * FROM consents WHERE id = ?", (consent_id,))
    if row is None:
        raise NotFound(Text(
                "No consent record with id {consent_id!r}.", consent_id=consent_id))
    return _consent(store, row, last_use(store, ContactRef(row["company_id"], row["person_id"])))


def add_consent(
    store: Store, ref: ContactRef, *, given_at: datetime, source: str, actor: Actor,
    given_by: str | None = None, file_ref: str | None = None, kind: str = PHONE_ADVERTISING,
) -> Consent:
    """Record a consent for a contact (the person if named, else the company).

    ``source`` says how it was given (required: without it there is no proof).
    Raises NotFound for the contact, ValidationError for a missing source or an
    unknown kind.
    """
    source = (source or "").strip()
    if not source:
        raise ValidationError(Text(
                "Say how the consent was given (form, call recording, e-mail ...): without it "
                "there is no proof."), field="source")
    if kind not in KINDS:
        raise ValidationError(Text("Unknown consent kind {kind!r}.", kind=kind), field="kind")
    consent_id = uuid.uuid4().hex
    with store.write():
        view = store.resolve_contact(ref)
        person_id = view.person_id
        company_id = None if person_id else view.company_id
        store.conn.execute(
            "INSERT INTO consents (id, company_id, person_id, kind, given_at, source, given_by,"
            " file_ref, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (consent_id, company_id, person_id, kind, to_db(given_at), source,
             (given_by or "").strip() or None, (file_ref or "").strip() or None, store._now()))
        store._audit(actor, "person" if person_id else "company", person_id or company_id,
                     "consent", {"consent": consent_id, "kind": kind})
    return get_consent(store, consent_id)


def withdraw_consent(store: Store, consent_id: str, actor: Actor,
                     when: datetime | None = None) -> Consent:
    """Mark a consent withdrawn (now, or ``when``); withdrawing twice keeps the first time."""
    with store.write():
        c = get_consent(store, consent_id)
        if c.withdrawn_at is None:
            store.conn.execute("UPDATE consents SET withdrawn_at = ? WHERE id = ?",
                               (to_db(when) if when else store._now(), consent_id))
            store._audit(actor, "person" if c.person_id else "company",
                         c.person_id or c.company_id or "", "consent_withdrawn",
                         {"consent": consent_id})
    return get_consent(store, consent_id)


def has_consent(store: Store, ref: ContactRef) -> bool:
    """True when the contact holds a consent that was not withdrawn."""
    where, params = _ref_where(ref)
    return store._one(f"SELECT 1 FROM consents WHERE {where} AND withdrawn_at IS NULL"
                      f" AND kind = '{PHONE_ADVERTISING}' LIMIT 1", params) is not None


# -- campaigns -----------------------------------------------------------------


def needs_consent(store: Store, campaign_id: str) -> bool:
    """True when the campaign only calls contacts with consent (False for unknown ids)."""
    row = store._one("SELECT needs_consent FROM campaigns WHERE id = ?", (campaign_id,))
    return bool(row and row[0])


def set_needs_consent(store: Store, campaign_id: str, flag: bool, actor: Actor) -> bool:
    """Mark a campaign as needing consent (or not); returns False when nothing changed.
    Raises NotFound."""
    with store.write():
        store.get_campaign(campaign_id)
        if needs_consent(store, campaign_id) == flag:
            return False
        store.conn.execute("UPDATE campaigns SET needs_consent = ?, updated_at = ? WHERE id = ?",
                           (int(flag), store._now(), campaign_id))
        store._audit(actor, "campaign", campaign_id, "update",
                     {"needs_consent": [not flag, flag]})
    return True


def dialer_filter(person_col: str, company_col: str) -> str:
    """SQL true for a contact holding a consent that was not withdrawn; ``person_col`` and
    ``company_col`` are the contact's ids as a campaign place or task stores them (the
    company one NULL for a person contact)."""
    return (f"EXISTS (SELECT 1 FROM consents cs WHERE cs.withdrawn_at IS NULL"
            f" AND cs.kind = '{PHONE_ADVERTISING}' AND (cs.person_id = {person_col}"
            f" OR (cs.person_id IS NULL AND cs.company_id = {company_col})))")


def campaign_filter(store: Store, campaign_id: str, person_col: str, company_col: str) -> str:
    """`` AND <dialer_filter>`` for a campaign that needs consent, else ``""``."""
    if not needs_consent(store, campaign_id):
        return ""
    return " AND " + dialer_filter(person_col, company_col)


# -- proof ---------------------------------------------------------------------


def proof(store: Store, ref: ContactRef) -> dict[str, Any]:
    """The proof of a contact's consents: who, the records, their last use and how long
    they are kept. Raises NotFound for the contact."""
    view = store.resolve_contact(ref)
    return {
        "exported_at": store._now(),
        "contact": {"company": ({"id": view.company_id, "name": view.company_name}
                                if view.company_id else None),
                    "person": ({"id": view.person_id, "name": view.person_name}
                               if view.person_id else None)},
        "last_campaign_call": last_use(store, ContactRef(view.company_id, view.person_id)),
        "proof_kept_years_after_last_use": PROOF_YEARS,
        "consents": [c.as_dict() for c in consents_for(
            store, ContactRef(view.company_id, view.person_id))],
    }


def write_proof(store: Store, ref: ContactRef, out: str, *, who: str) -> dict[str, Any]:
    """Write a contact's consent proof as JSON and log the export; returns the data."""
    import json
    from pathlib import Path

    from . import privacy_log

    data = proof(store, ref)
    Path(out).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    kind, cid = ("person", ref.person_id) if ref.person_id else ("company", ref.company_id)
    privacy_log.record(store, who, "consent-export", kind, cid, None,
                       {"consents": len(data["consents"])})
    return data


def remember_last_use(store: Store, before: str) -> None:
    """Before the calls older than ``before`` are deleted: keep on each consent the last
    campaign call among them, so its proof is still kept five years from that call."""
    last_call = """coalesce(
               (SELECT max(k.started_at) FROM calls k
                WHERE k.source_type = 'campaign' AND k.started_at < :before
                  AND (k.person_id = consents.person_id OR (consents.person_id IS NULL
                       AND k.person_id IS NULL AND k.company_id = consents.company_id))),
               '')"""
    later = store.dialect.greatest("coalesce(last_used_at, '')", last_call)
    store.conn.execute(f"UPDATE consents SET last_used_at = nullif({later}, '')",
                       {"before": before})


def expired_proofs(store: Store, now: datetime) -> list[Consent]:
    """Consent records of erased persons whose five years after last use have passed."""
    out = []
    for row in store._all("SELECT k.* FROM consents k JOIN persons p ON p.id = k.person_id"
                          " WHERE p.erased_at IS NOT NULL"):
        c = _consent(store, row, last_use(store, ContactRef(None, row["person_id"])))
        if c.keep_until <= to_db(now):
            out.append(c)
    return out
