"""Unknown callers: numbers Apollo posted calls from that no contact has.

A call counts as from an unknown caller when Apollo linked it to no contact
(both contact ids null) and the CRM's lookup finds nobody for its number, not
even a company's switchboard by prefix. Once the number is given to a contact
(a new one, or an existing one's phone 2), the earlier calls of that number are
linked to that contact and the number leaves the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import ValidationError
from .model import Actor, ContactRef
from .texts import Text
from .timeutil import to_db

if TYPE_CHECKING:
    from .store import Store

_UNLINKED = "k.person_id IS NULL AND k.company_id IS NULL AND k.phone_number IS NOT NULL"


@dataclass(frozen=True)
class UnknownCaller:
    """One number: how often it called, when last and which agent took that call."""

    number: str
    calls: int
    last_at: str
    agent: str | None

    @property
    def id(self) -> str:
        """The number identifies the row across refreshes."""
        return self.number


class UnknownCallers:
    """Reads the list and links a number's calls, through a Store's connection."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn

    def list(self, limit: int = 500) -> list[UnknownCaller]:
        """The unknown numbers, the one that called last first."""
        # The agent of the number's last call: a subquery (an index seek), where SQLite
        # alone would return the bare column from the row holding max(started_at).
        last_agent = (f"(SELECT k2.agent FROM calls k2 WHERE k2.phone_number = k.phone_number"
                      f" AND {_UNLINKED.replace('k.', 'k2.')}"
                      " ORDER BY k2.started_at DESC LIMIT 1)")
        rows = self.conn.execute(
            f"""SELECT k.phone_number, count(*) AS n, max(k.started_at) AS last_at,
                       {last_agent} AS agent
                FROM calls k
                WHERE {_UNLINKED}
                  AND NOT EXISTS (SELECT 1 FROM persons p
                                  WHERE p.phone = k.phone_number OR p.phone2 = k.phone_number)
                  AND NOT EXISTS (SELECT 1 FROM companies c
                                  WHERE c.phone = k.phone_number OR c.phone2 = k.phone_number)
                GROUP BY k.phone_number ORDER BY last_at DESC LIMIT ?""",
            (limit,)).fetchall()
        out = []
        for r in rows:
            # A caller from an extension of a known switchboard is that company's.
            if self.store.lookup_phone(r["phone_number"]):
                continue
            out.append(UnknownCaller(r["phone_number"], r["n"], r["last_at"], r["agent"]))
        return out

    def count_calls(self, number: str) -> int:
        """How many calls of ``number`` are linked to no contact."""
        return self.conn.execute(
            f"SELECT count(*) FROM calls k WHERE {_UNLINKED} AND k.phone_number = ?",
            (number,)).fetchone()[0]

    def link_calls(self, number: str, ref: ContactRef, actor: Actor) -> int:
        """Link the unlinked calls of ``number`` to the contact (a person's calls also to
        its company, as Apollo sends them); returns how many. Raises NotFound."""
        store = self.store
        with store.write():
            view = store.resolve_contact(ref)
            ids = [r[0] for r in self.conn.execute(
                f"SELECT k.id FROM calls k WHERE {_UNLINKED} AND k.phone_number = ?",
                (number,))]
            now = to_db(store.clock())
            for call_id in ids:
                self.conn.execute(
                    "UPDATE calls SET person_id = ?, company_id = ?, updated_at = ? WHERE id = ?",
                    (view.person_id, view.company_id, now, call_id))
                self.store._audit(actor, "call", call_id, "link",
                      {"person_id": [None, view.person_id],
                       "company_id": [None, view.company_id], "number": number})
        return len(ids)

    def attach_to(self, number: str, ref: ContactRef, actor: Actor) -> int:
        """Give an existing contact ``number`` as phone 2 and link the number's calls to
        it, in one transaction; returns how many calls were linked. Raises
        ValidationError when the contact's phone 2 holds another number."""
        store = self.store
        with store.write():
            if ref.person_id:
                current = store.get_person(ref.person_id)
            else:
                current = store.get_company(ref.company_id or "")
            if number not in (current.phone, current.phone2):
                if current.phone2:
                    raise ValidationError(
                        Text(
                            "{name} already has {phone2} as phone 2; clear it on the card first, "
                            "or create a new contact for this number.",
                            name=current.name, phone2=current.phone2),
                        field="phone2")
                if ref.person_id:
                    store.update_person(ref.person_id, {"phone2": number}, actor)
                else:
                    store.update_company(ref.company_id or "", {"phone2": number}, actor)
            return self.link_calls(number, ref, actor)
