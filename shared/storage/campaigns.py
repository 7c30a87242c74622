"""Campaigns, their contact lists, and the 5-minute hand-out of ``next`` to the dialer."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from .. import calling_hours, consent
from ..collation import sort_key
from ..errors import NotFound, ValidationError, WrongSource
from ..model import Actor, Campaign, ContactRef, ContactView, check_id, check_source
from ..texts import Text
from ..timeutil import to_db
from .base import Repository
from .rows import CALLABLE_SQL, CONTACT_SELECT, row_view

HANDOUT = timedelta(minutes=5)

_CAMPAIGN_CONTACTS = f"""
    SELECT {CONTACT_SELECT}, cc.call_count, cc.last_call_at, cc.handed_out_until,
           cc.sort_name
    FROM campaign_contacts cc
    LEFT JOIN persons p ON p.id = cc.person_id
    LEFT JOIN companies c ON c.id = coalesce(cc.company_id, p.company_id)
    WHERE cc.campaign_id = ?"""


def _campaign(row: Any) -> Campaign:
    return Campaign(row["id"], row["name"], row["contacts_source"], row["tasks_source"],
                    row["created_at"], needs_consent=bool(row["needs_consent"]))


def _not_contact_source(campaign_id: str) -> WrongSource:
    return WrongSource(Text(
        "The CRM is not the contact source of campaign {campaign_id!r}: its contacts"
        " are managed in Apollo.", campaign_id=campaign_id))


class CampaignsRepository(Repository):
    """Campaigns and campaign contacts."""

    def get_campaign(self, campaign_id: str) -> Campaign:
        """The campaign with this id; raises NotFound."""
        row = self._one("SELECT * FROM campaigns WHERE id = ?", (campaign_id,))
        if row is None:
            raise NotFound(Text(
                    "No campaign with id {campaign_id!r}.", campaign_id=campaign_id))
        return _campaign(row)

    def list_campaigns(self) -> list[Campaign]:
        """All campaigns by name, with how many contacts and open tasks each has."""
        rows = self._all(
            f"""SELECT k.*,
                 (SELECT count(*) FROM campaign_contacts cc WHERE cc.campaign_id = k.id) AS n_c,
                 (SELECT count(*) FROM tasks t WHERE t.campaign_id = k.id
                    AND t.closed_at IS NULL) AS n_t
               FROM campaigns k ORDER BY {self.d.ci('k.name')}, k.id""")
        out = []
        for r in rows:
            c = _campaign(r)
            c.contact_count, c.open_task_count = r["n_c"], r["n_t"]
            out.append(c)
        return out

    def create_campaign(
        self, campaign_id: str, name: str, actor: Actor, *, contacts_source: str = "crm",
        tasks_source: str = "crm",
    ) -> Campaign:
        """Create a campaign; its id is Apollo's (e.g. ``tech_level_2``)."""
        check_id(campaign_id, "id")
        name = (name or "").strip()
        if not name:
            raise ValidationError(Text("A campaign needs a name."), field="name")
        check_source(contacts_source, "contactsSource")
        check_source(tasks_source, "tasksSource")
        now = self._now()
        with self.write():
            if self._one("SELECT 1 FROM campaigns WHERE id = ?", (campaign_id,)):
                raise ValidationError(Text(
                        "A campaign with id {campaign_id!r} exists already.",
                        campaign_id=campaign_id),
                                      field="id")
            self._insert("campaigns", dict(id=campaign_id, name=name,
                                           contacts_source=contacts_source,
                                           tasks_source=tasks_source, created_at=now,
                                           updated_at=now))
            self._audit(actor, "campaign", campaign_id, "create",
                        {"name": name, "contacts_source": contacts_source,
                         "tasks_source": tasks_source})
        return self.get_campaign(campaign_id)

    def update_campaign(
        self, campaign_id: str, actor: Actor, *, name: str | None = None,
        contacts_source: str | None = None, tasks_source: str | None = None,
    ) -> Campaign:
        """Rename a campaign or change its sources. Raises NotFound."""
        sets: dict[str, Any] = {}
        if name is not None:
            if not name.strip():
                raise ValidationError(Text("A campaign needs a name."), field="name")
            sets["name"] = name.strip()
        if contacts_source is not None:
            sets["contacts_source"] = check_source(contacts_source, "contactsSource")
        if tasks_source is not None:
            sets["tasks_source"] = check_source(tasks_source, "tasksSource")
        with self.write():
            old = self.get_campaign(campaign_id)
            diff = {k: [getattr(old, k), v] for k, v in sets.items() if getattr(old, k) != v}
            if diff:
                sets["updated_at"] = self._now()
                self.conn.execute(
                    f"UPDATE campaigns SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?",
                    (*sets.values(), campaign_id))
                self._audit(actor, "campaign", campaign_id, "update", diff)
        return self.get_campaign(campaign_id)

    def delete_campaign(self, campaign_id: str, actor: Actor) -> None:
        """Delete a campaign with its contact list and tasks (calls stay)."""
        with self.write():
            self.get_campaign(campaign_id)
            self.conn.execute("DELETE FROM campaigns WHERE id = ?", (campaign_id,))
            self._audit(actor, "campaign", campaign_id, "delete")

    def assign_contacts(self, campaign_id: str, refs: Iterable[ContactRef], actor: Actor) -> int:
        """Add contacts to a campaign (ones already in it are skipped); returns how many
        were added. Raises NotFound for the campaign or any contact, adding none then."""
        added = 0
        with self.write():
            self.get_campaign(campaign_id)
            for ref in refs:
                view = self.uow.contacts.resolve_contact(ref)
                if view.person_id:
                    cols = dict(person_id=view.person_id, sort_name=view.person_name)
                else:
                    cols = dict(company_id=view.company_id, sort_name=view.company_name)
                cur = self.conn.execute(
                    f"INSERT INTO campaign_contacts (campaign_id, {', '.join(cols)},"
                    " added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    (campaign_id, *cols.values(), self._now()))
                if cur.rowcount:
                    added += 1
                    self.refresh_call_stats(campaign_id, view.company_id if not view.person_id
                                            else None, view.person_id)
                    self._audit(actor, "campaign", campaign_id, "assign",
                                {"company_id": view.company_id, "person_id": view.person_id})
        return added

    def unassign_contacts(self, campaign_id: str, refs: Iterable[ContactRef], actor: Actor) -> int:
        """Remove contacts from a campaign; returns how many were removed."""
        removed = 0
        with self.write():
            for ref in refs:
                if ref.person_id:
                    cur = self.conn.execute(
                        "DELETE FROM campaign_contacts WHERE campaign_id = ? AND person_id = ?",
                        (campaign_id, ref.person_id))
                else:
                    cur = self.conn.execute(
                        "DELETE FROM campaign_contacts WHERE campaign_id = ? AND company_id = ?",
                        (campaign_id, ref.company_id))
                if cur.rowcount:
                    removed += cur.rowcount
                    self._audit(actor, "campaign", campaign_id, "unassign",
                                {"company_id": ref.company_id, "person_id": ref.person_id})
        return removed

    def campaign_contacts(self, campaign_id: str, *, for_dialer: bool = True) -> list[ContactView]:
        """The contacts of a campaign by name.

        ``for_dialer`` (the API) leaves out do-not-call contacts and raises
        WrongSource when the campaign's contacts are managed in Apollo.
        """
        campaign = self.get_campaign(campaign_id)
        if for_dialer and campaign.contacts_source != "crm":
            raise _not_contact_source(campaign_id)
        rows = self._all(_CAMPAIGN_CONTACTS
                         + (consent.campaign_filter(self.uow, campaign_id, "cc.person_id",
                                                    "cc.company_id") if for_dialer else "")
                         + " ORDER BY cc.pk", (campaign_id,))
        # By name as people sort (ä with a): a campaign's list is read whole anyway.
        views = [row_view(r) for r in sorted(rows, key=lambda r: sort_key(r["sort_name"]))]
        return [v for v in views if not (for_dialer and v.do_not_call)]

    def next_contact(self, campaign_id: str) -> ContactView | None:
        """Hand out the next contact for Apollo's dialer, or None when none is left.

        The campaign contact not flagged do-not-call with the fewest calls in
        this campaign, then the oldest last call, then by name. A contact
        handed out is not handed out again for five minutes (or until a call
        for it is posted), so two dialers never get the same contact at once,
        even from two servers on one PostgreSQL database (the row is locked and
        a second server skips it).
        """
        now = self.uow.clock()
        # One read for everything that decides how to look: the campaign, its calling
        # hours, and whether any hand-out has run out (most of the time none has, and
        # an UPDATE that changes nothing still costs the change trigger on PostgreSQL).
        row = self._one(
            """SELECT k.*, h.start AS hours_start, h."end" AS hours_end,
                 EXISTS (SELECT 1 FROM campaign_contacts x WHERE x.campaign_id = k.id
                         AND x.handed_out_until > '' AND x.handed_out_until <= ?) AS lapsed
               FROM campaigns k LEFT JOIN campaign_calling_hours h ON h.campaign_id = k.id
               WHERE k.id = ?""", (to_db(now), campaign_id))
        if row is None:
            raise NotFound(f"No campaign with id {campaign_id!r}.")
        if row["contacts_source"] != "crm":
            raise _not_contact_source(campaign_id)
        # A hand-out is a lease, not a record: losing the last ones in a crash only
        # means those contacts may be handed out again. So no fsync for it.
        with self.write(durable=False):
            if row["lapsed"]:
                # Hand-outs that ran out return to the queue in their old place.
                self.conn.execute(
                    "UPDATE campaign_contacts SET handed_out_until = ''"
                    " WHERE campaign_id = ? AND handed_out_until > ''"
                    " AND handed_out_until <= ?", (campaign_id, to_db(now)))
            # Where the campaign needs consent, only consenting contacts (shared.consent).
            needs_consent = (" AND " + consent.dialer_filter("cc.person_id", "cc.company_id")
                             if row["needs_consent"] else "")
            # Calling hours (shared/calling_hours.py, off by default): the first contact
            # for whom it is within them now, or none.
            only, params = "", [campaign_id]
            if row["hours_start"] is not None:
                hours = calling_hours.CallingHours(
                    calling_hours.parse_hhmm(row["hours_start"], "start"),
                    calling_hours.parse_hhmm(row["hours_end"], "end"))
                pk = calling_hours.first_callable(self.conn, campaign_id, hours, now,
                                                  extra=needs_consent)
                if pk is None:
                    return None
                only = " AND cc.pk = ?"
                params.append(pk)
            # The do-not-call test is row_view's, in SQL: one row read, not a cursor
            # left open while stepping past flagged contacts. Taking it is the dialect's:
            # one statement on PostgreSQL (the row locked, skipped by other servers).
            taken = self.d.hand_out(
                f"""SELECT cc.pk, {CONTACT_SELECT} FROM campaign_contacts cc
                    LEFT JOIN persons p ON p.id = cc.person_id
                    LEFT JOIN companies c ON c.id = coalesce(cc.company_id, p.company_id)
                    WHERE cc.campaign_id = ? AND cc.handed_out_until = ''
                      AND {CALLABLE_SQL}
                      {needs_consent}{only}
                    ORDER BY cc.call_count, cc.last_call_at, cc.sort_name, cc.pk LIMIT 1""",
                params, to_db(now + HANDOUT))
            return None if taken is None else row_view(taken)

    def refresh_call_stats(
        self, campaign_id: str | None, company_id: str | None, person_id: str | None,
    ) -> None:
        """Recount a campaign contact's calls in that campaign and end its hand-out."""
        if campaign_id is None:
            return
        if person_id:
            col, key = "person_id", person_id
            calls_where = "person_id = ?"
        elif company_id:
            col, key = "company_id", company_id
            calls_where = "person_id IS NULL AND company_id = ?"
        else:
            return
        stats = self._one(
            f"SELECT count(*) AS n, coalesce(max(started_at), '') AS last FROM calls"
            f" WHERE source_type = 'campaign' AND source_id = ? AND {calls_where}",
            (campaign_id, key))
        self.conn.execute(
            f"UPDATE campaign_contacts SET call_count = ?, last_call_at = ?, handed_out_until = ''"
            f" WHERE campaign_id = ? AND {col} = ?",
            (stats["n"], stats["last"], campaign_id, key))
