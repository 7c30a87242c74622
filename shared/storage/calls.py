"""Calls Apollo posts: stored once by id (a replay replaces), with their effects; the journal."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from .. import call_rules, reasons
from ..errors import NotFound, ValidationError
from ..model import Actor, CallRecord, CallResult, ContactRef
from ..texts import Text
from ..timeutil import to_db
from .base import Repository
from .reports import AUDIT_COLUMNS
from .rows import CallRow

# The one read of the facts the rules need, one row: the call's person (its company, its
# flag), company (its flag) and the task it names, each NULL when the call names none or
# the CRM has none. It reads no calls: on PostgreSQL it runs in one statement with the
# call's insert, and would not see the row inserted.
_GATHER_SQL = """SELECT p.id AS p_id, p.company_id AS p_company, p.do_not_call AS p_dnc,
                      c.id AS c_id, c.do_not_call AS c_dnc,
                      t.id AS t_id, t.campaign_id AS t_campaign, t.company_id AS t_company,
                      t.person_id AS t_person, t.closed_at AS t_closed_at,
                      t.closed_by_call AS t_closed_by
               FROM (SELECT 1 AS one) one
               LEFT JOIN persons p ON p.id = ?
               LEFT JOIN companies c ON c.id = ?
               LEFT JOIN tasks t ON t.id = ?"""


def _gather_params(call: CallRecord) -> tuple[str | None, str | None, str | None]:
    return call.person_id, call.company_id, call.source_task


class CallsRepository(Repository):
    """Calls, their tags and attempts, and what recording one does (``call_rules``)."""

    def record_call(self, call: CallRecord, actor: Actor) -> CallResult:
        """Store a call Apollo posted, with all its effects, in one transaction.

        Posting the same id again replaces the call (Apollo retries) and its
        effects: tags, attempts and new tasks are replaced, never duplicated,
        and what the earlier version did that this one does not (a task it
        closed, a do-not-call flag it set) is undone. Which effects a call has
        is decided by ``call_rules.decide``; this method reads the facts it
        needs and writes the decision. An unknown ``newTasks`` campaign raises
        ValidationError and nothing is stored; unknown contact ids are kept on
        the call as given.

        Few round trips on PostgreSQL (in a pipelined batch: two for a new call):
        the insert and the one read of the facts are one statement, and every write
        after them is sent without waiting for its answer.
        """
        now = self._now()
        result = CallResult(created=True)
        cols = dict(
            kind=call.kind, agent=call.agent, company_id=call.company_id,
            person_id=call.person_id, phone_number=call.phone_number,
            source_type=call.source_type, source_id=call.source_id,
            source_task=call.source_task, transfer_type=call.transfer_type,
            transfer_id=call.transfer_id, dtmf_path=call.dtmf_path,
            annotation=call.annotation, do_not_call=int(call.do_not_call),
            timestamp_init=call.timestamp_init, timestamp_assigned=call.timestamp_assigned,
            timestamp_start=call.timestamp_start, timestamp_end=call.timestamp_end,
            timestamp_closed=call.timestamp_closed, answered=int(call.answered),
            started_at=call.timestamp_init or call.timestamp_assigned
            or call.timestamp_start or now,
            updated_at=now, client=actor.client, raw_json=call.raw_json,
        )
        facts = call_rules.CallFacts(
            id=call.id, kind=call.kind, source_id=call.source_id,
            task_id=call.source_task, company_id=call.company_id,
            person_id=call.person_id, do_not_call=call.do_not_call,
            new_tasks=tuple(call_rules.NewTaskSpec(t.campaign_id, t.timestamp, t.annotation)
                            for t in call.new_tasks))
        with self.write():
            # An unknown newTasks campaign refuses the call before anything is written
            # (one more round trip, for calls that ask for tasks only).
            self._check_campaigns(call)
            # The id is claimed first. When two servers receive the same call at once,
            # the second one's insert waits for the first to commit and then finds its
            # row: a replay, which locks that row below (never two rows).
            # With it, the one read of the facts (one statement on PostgreSQL).
            new = dict(id=call.id, received_at=now, **cols)
            inserted, row = self.d.insert_then_read(
                f"INSERT INTO calls ({', '.join(new)}) VALUES ({', '.join('?' * len(new))})"
                " ON CONFLICT (id) DO NOTHING RETURNING pk", tuple(new.values()),
                _GATHER_SQL, _gather_params(call))
            old = None
            old_tags: list[list[Any]] = []
            previous = None
            if not inserted:
                # A replay. Its row is locked before its facts and effects are read
                # again, so a second replay of the same id waits for this one.
                old_cur = self.conn.execute("SELECT * FROM calls WHERE id = ?"
                                            + self.d.for_update, (call.id,))
                gathered = self.conn.execute(_GATHER_SQL, _gather_params(call))
                closed, created, event = self._previous_cursors(call.id)
                tags_cur = self.conn.execute(
                    "SELECT category, tag FROM call_tags WHERE call_id = ? ORDER BY position",
                    (call.id,))
                old = old_cur.fetchone()
                previous = self._previous_effects(call.id, closed, created, event)
                old_tags = [list(r) for r in tags_cur.fetchall()]
                row = gathered.fetchone()
            known = self._known_contact(call, row, result)
            target = call_rules.dnc_target(facts, known)
            flagged = False
            if call.do_not_call and target is not None:
                flagged = bool(row["p_dnc"] if target.person_id else row["c_dnc"])
            decision = call_rules.decide(facts, known, self._task_facts(row), previous, flagged)

            if old is not None:
                result.created = False
                self.conn.execute(
                    f"UPDATE calls SET {', '.join(f'{k} = ?' for k in cols)} WHERE id = ?",
                    (*cols.values(), call.id))
                self.conn.execute("DELETE FROM call_attempts WHERE call_id = ?", (call.id,))
                self.conn.execute("DELETE FROM call_tags WHERE call_id = ?", (call.id,))
            self._apply_call_decision(call.id, decision, actor, now)
            result.tasks_created = len(decision.create_tasks)
            result.tasks_skipped = decision.tasks_skipped
            result.notes = decision.notes

            if old is not None and old["source_type"] == "campaign":
                self.uow.campaigns.refresh_call_stats(old["source_id"], old["company_id"],
                                                      old["person_id"])
            if call.kind == "campaign":
                self.uow.campaigns.refresh_call_stats(call.source_id, call.company_id,
                                                      call.person_id)
            if old is None:
                entry = self.uow.reports.audit_row(
                    actor, "call", call.id, "create",
                    {"kind": call.kind, "agent": call.agent,
                     "company_id": call.company_id, "person_id": call.person_id})
            else:
                diff = {k: [old[k], v] for k, v in cols.items()
                        if k not in ("updated_at", "raw_json") and old[k] != v}
                new_tags = [[t.category, t.tag] for t in call.tags]
                if new_tags != old_tags:
                    diff["tags"] = [old_tags, new_tags]
                entry = self.uow.reports.audit_row(actor, "call", call.id, "replace", diff)
            # The call's attempts, tags and audit entry: one statement on PostgreSQL.
            self.d.insert_all([
                ("call_attempts",
                 ("call_id", "position", "agent", "timestamp_assigned", "timestamp_closed"),
                 [(call.id, i, a.agent, a.timestamp_assigned, a.timestamp_closed)
                  for i, a in enumerate(call.attempts)]),
                ("call_tags", ("call_id", "position", "category", "tag", "payload"),
                 [(call.id, i, t.category, t.tag,
                   None if t.payload is None else json.dumps(t.payload, ensure_ascii=False))
                  for i, t in enumerate(call.tags)]),
                ("audit_log", AUDIT_COLUMNS, [entry]),
            ])
        return result

    def _check_campaigns(self, call: CallRecord) -> None:
        """Raises ValidationError for the first ``newTasks`` campaign the CRM does not know."""
        wanted = sorted({t.campaign_id for t in call.new_tasks})
        if not wanted:
            return
        known = {r[0] for r in self._all(
            f"SELECT id FROM campaigns WHERE id IN ({', '.join('?' * len(wanted))})", wanted)}
        for i, t in enumerate(call.new_tasks):
            if t.campaign_id not in known:
                raise ValidationError(
                    Text(
                        "newTasks[{i}] names campaign {campaign_id!r}, which the CRM does not "
                        "know; nothing was stored.",
                        i=i, campaign_id=t.campaign_id), field=f"call.newTasks[{i}].campaign")

    @staticmethod
    def _known_contact(call: CallRecord, row: Any,
                       result: CallResult) -> call_rules.KnownContact:
        """Which of the call's contact ids exist; the unknown ones go into the result."""
        person = company = person_company = None
        if call.person_id is not None:
            if row["p_id"] is None:
                result.unknown.append(f"person {call.person_id}")
            else:
                person, person_company = call.person_id, row["p_company"]
        if call.company_id is not None:
            if row["c_id"] is not None:
                company = call.company_id
            else:
                result.unknown.append(f"company {call.company_id}")
        return call_rules.KnownContact(company, person, person_company)

    @staticmethod
    def _task_facts(row: Any) -> call_rules.TaskFacts | None:
        if row["t_id"] is None:
            return None
        return call_rules.TaskFacts(row["t_id"], row["t_campaign"], row["t_company"],
                                    row["t_person"], row["t_closed_at"] is not None,
                                    row["t_closed_by"])

    def _flagged(self, target: call_rules.Target) -> bool:
        table, key = (("persons", target.person_id) if target.person_id
                      else ("companies", target.company_id))
        row = self._one(f"SELECT do_not_call FROM {table} WHERE id = ?", (key,))
        return row is not None and bool(row["do_not_call"])

    def _previous_cursors(self, call_id: str) -> tuple[Any, Any, Any]:
        """Sends the reads of what the stored version of a call did (cursors, read by
        _previous_effects)."""
        return (
            self.conn.execute("SELECT id FROM tasks WHERE closed_by_call = ?"
                              " AND closed_at IS NOT NULL ORDER BY id", (call_id,)),
            self.conn.execute("SELECT id FROM tasks WHERE created_by_call = ?"
                              " AND closed_at IS NULL ORDER BY id", (call_id,)),
            self.conn.execute("SELECT * FROM dnc_events WHERE call_id = ?"
                              " ORDER BY pk DESC LIMIT 1", (call_id,)))

    def _previous_effects(self, call_id: str, closed: Any, created: Any,
                          event: Any) -> call_rules.PreviousEffects:
        """What the stored version of a call did that still stands."""
        closed_ids = tuple(r["id"] for r in closed.fetchall())
        created_ids = tuple(r["id"] for r in created.fetchall())
        return call_rules.PreviousEffects(closed_ids, created_ids,
                                          self._dnc_set_by_call(call_id, event.fetchone()))

    def _dnc_set_by_call(self, call_id: str, event: Any) -> call_rules.DncSetByCall | None:
        """The flag this call set, if its latest do-not-call ``event`` set one that is
        still set.

        "Set again since" covers a later event on the contact (someone set it after
        lifting it) and another call asking for it since: a call that finds the
        contact already flagged leaves no event, yet it wants the flag kept.
        """
        if event is None or not event["do_not_call"]:
            return None
        target = call_rules.Target(event["company_id"], event["person_id"])
        if not self._flagged(target):
            return None
        col, key = (("person_id", target.person_id) if target.person_id
                    else ("company_id", target.company_id))
        later = self._one(f"SELECT 1 FROM dnc_events WHERE {col} = ? AND pk > ? LIMIT 1",
                          (key, event["pk"]))
        other_call = self._one(
            "SELECT 1 FROM calls WHERE do_not_call = 1 AND id != ? AND updated_at >= ?"
            + (" AND person_id = ?" if target.person_id
               else " AND person_id IS NULL AND company_id = ?") + " LIMIT 1",
            (call_id, event["at"], key))
        return call_rules.DncSetByCall(target, later is not None or other_call is not None)

    def _apply_call_decision(
        self, call_id: str, d: call_rules.Decision, actor: Actor, now: str,
    ) -> None:
        """Write what ``call_rules.decide`` decided for a call."""
        if d.close_task is not None:
            self.conn.execute(
                "UPDATE tasks SET closed_at = ?, closed_by_call = ? WHERE id = ?",
                (now, call_id, d.close_task))
            self._audit(actor, "task", d.close_task, "close", {"call": call_id})
        for task_id in d.reopen_tasks:
            self.conn.execute(
                "UPDATE tasks SET closed_at = NULL, closed_by_call = NULL"
                " WHERE id = ? AND closed_by_call = ?", (task_id, call_id))
            self._audit(actor, "task", task_id, "reopen",
                        {"call": call_id, "reason": "the call was replaced"})
        for t in d.create_tasks:
            self.conn.execute(
                """INSERT INTO tasks (id, campaign_id, company_id, person_id, timestamp,
                       scheduled, annotation, created_at, created_by_call)
                   VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)
                   ON CONFLICT(id) DO UPDATE SET campaign_id = excluded.campaign_id,
                       company_id = excluded.company_id, person_id = excluded.person_id,
                       timestamp = excluded.timestamp, annotation = excluded.annotation""",
                (t.id, t.campaign_id, t.target.company_id, t.target.person_id, t.timestamp,
                 t.annotation, now, call_id))
            self._audit(actor, "task", t.id, "create",
                        {"campaign_id": t.campaign_id, "timestamp": t.timestamp,
                         "scheduled": True, "company_id": t.target.company_id,
                         "person_id": t.target.person_id, "call": call_id})
        for task_id in d.withdraw_tasks:
            self.conn.execute("DELETE FROM tasks WHERE id = ? AND closed_at IS NULL", (task_id,))
            self._audit(actor, "task", task_id, "delete", {"call": call_id})
        contacts = self.uow.contacts
        if d.unflag is not None:
            contacts.set_do_not_call(ContactRef(d.unflag.company_id, d.unflag.person_id), False,
                                     actor, reason=str(reasons.CALL_REPLACED),
                                     call_id=call_id)
        if d.flag is not None:
            contacts.set_do_not_call(ContactRef(d.flag.company_id, d.flag.person_id), True,
                                     actor, reason=str(reasons.SET_BY_CALL), call_id=call_id)

    def _call_rows(self, where: str, params: list[Any], limit: int) -> list[CallRow]:
        # A call's tags in the order Apollo sent them (by position, on both engines).
        tag_text = self.d.ordered_list(f"category || {self.d.char(31)} || tag", 30,
                                       "call_tags g WHERE g.call_id = k.id", "g.position")
        rows = self._all(
            f"""SELECT k.*, p.name AS person_name, c.display_name AS company_name,
                  {tag_text} AS tag_text
                FROM calls k
                LEFT JOIN persons p ON p.id = k.person_id
                LEFT JOIN companies c ON c.id = k.company_id
                WHERE {where} ORDER BY k.started_at DESC, k.pk DESC LIMIT ?""",
            [*params, limit])
        out = []
        for r in rows:
            label = " · ".join(x for x in (r["person_name"] or r["person_id"],
                                           r["company_name"] or r["company_id"]) if x)
            tags = [tuple(t.split("\x1f", 1)) for t in (r["tag_text"] or "").split("\x1e") if t]
            transfer = (f"{r['transfer_type']}:{r['transfer_id']}" if r["transfer_id"] else None)
            out.append(CallRow(
                id=r["id"], kind=r["kind"], agent=r["agent"], started_at=r["started_at"],
                timestamp_start=r["timestamp_start"], timestamp_end=r["timestamp_end"],
                answered=bool(r["answered"]), phone_number=r["phone_number"],
                company_id=r["company_id"], person_id=r["person_id"],
                contact_label=label or (r["phone_number"] or "anonymous"),
                source_type=r["source_type"], source_id=r["source_id"],
                source_task=r["source_task"], transfer=transfer, annotation=r["annotation"],
                do_not_call=bool(r["do_not_call"]), tags=tags))  # type: ignore[arg-type]
        return out

    def calls_for_contact(self, ref: ContactRef, limit: int = 500) -> list[CallRow]:
        """The calls of a contact, newest first: a person's own, or a company's (with its
        persons' calls)."""
        if ref.person_id:
            return self._call_rows("k.person_id = ?", [ref.person_id], limit)
        # Two index seeks, as a set: PostgreSQL cannot split "company_id = ? OR person_id
        # IN (...)" over two indexes and walked every call of the journal instead.
        return self._call_rows(
            "k.pk IN (SELECT pk FROM calls WHERE company_id = ?"
            " UNION ALL SELECT o.pk FROM calls o JOIN persons p2 ON p2.id = o.person_id"
            " WHERE p2.company_id = ?)",
            [ref.company_id, ref.company_id], limit)

    def list_calls(
        self, *, start: datetime | None = None, end: datetime | None = None,
        agent: str | None = None, tag: str | None = None, answered: bool | None = None,
        limit: int = 2000,
    ) -> list[CallRow]:
        """The call journal, newest first, filtered by time range, agent, tag, answered."""
        where, params = ["1 = 1"], []
        if start is not None:
            where.append("k.started_at >= ?")
            params.append(to_db(start))
        if end is not None:
            where.append("k.started_at < ?")
            params.append(to_db(end))
        if agent:
            where.append("k.agent = ?")
            params.append(agent)
        if tag:
            # Per call, a seek on call_tags' key: SQLite walks the calls newest first and
            # stops after a page, instead of reading every tag row and sorting the calls.
            where.append("EXISTS (SELECT 1 FROM call_tags g WHERE g.call_id = k.id"
                         " AND (g.tag = ? OR g.category = ?))")
            params += [tag, tag]
        if answered is not None:
            where.append("k.answered = ?")
            params.append(int(answered))
        return self._call_rows(" AND ".join(where), params, limit)

    def get_call(self, call_id: str) -> CallRow:
        """The call as the journal shows it. Raises NotFound."""
        rows = self._call_rows("k.id = ?", [call_id], 1)
        if not rows:
            raise NotFound(Text("No call with id {call_id!r}.", call_id=call_id))
        return rows[0]

    def get_call_json(self, call_id: str) -> dict[str, Any]:
        """The body Apollo posted for a call, as it came. Raises NotFound."""
        row = self._one("SELECT raw_json FROM calls WHERE id = ?", (call_id,))
        if row is None:
            raise NotFound(Text("No call with id {call_id!r}.", call_id=call_id))
        return json.loads(row["raw_json"])

    def agents(self) -> list[str]:
        """Every agent that has taken a call, by name."""
        # One index seek per agent: DISTINCT read the whole index (60 ms at 500,000 calls,
        # on every refresh of the call journal's filters).
        out: list[str] = []
        agent = self._one("SELECT min(agent) FROM calls")[0]
        while agent is not None:
            out.append(agent)
            agent = self._one("SELECT min(agent) FROM calls WHERE agent > ?", (agent,))[0]
        return out

    def tags(self) -> list[str]:
        """Every tag id used on a call, by name."""
        # One index seek per (category, tag) pair, as agents(): DISTINCT read every tag
        # row (300 ms at 500,000 calls). Equality on the category, then a range on the
        # tag: a row-value range ((category, tag) > (?, ?)) still walked a whole category.
        found: set[str] = set()
        category = self._one("SELECT min(category) FROM call_tags")[0]
        while category is not None:
            tag = self._one("SELECT min(tag) FROM call_tags WHERE category = ?", (category,))[0]
            while tag is not None:
                found.add(tag)
                tag = self._one("SELECT min(tag) FROM call_tags WHERE category = ? AND tag > ?",
                                (category, tag))[0]
            category = self._one("SELECT min(category) FROM call_tags WHERE category > ?",
                                 (category,))[0]
        return sorted(found)

    def count_calls(self) -> int:
        """How many calls are stored."""
        return self._one("SELECT count(*) FROM calls")[0]
