"""Retention: old call records deleted, long-idle persons anonymised, on a schedule.

Both rules are off until the office sets them (settings ``retention_call_months``
and ``retention_person_years``, 0 = off). ``preview`` lists what the next run
would remove; ``run`` removes it and logs it to the privacy log; ``run_if_due``
is what the desktop and ``serve`` call: at most one run per calendar day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from . import consent, privacy_log, reasons
from .errors import ValidationError
from .privacy import erase_persons
from .texts import Text
from .timeutil import to_db

if TYPE_CHECKING:
    from .store import Store

CALL_MONTHS = "retention_call_months"
PERSON_YEARS = "retention_person_years"
LAST_RUN = "retention_last_run"
WHO = "retention"
# The database-wide lock name of the housekeeping (purging Recently deleted, retention):
# of several servers and desktops on one shared database, one does it at a time.
HOUSEKEEPING_JOB = "housekeeping"
PREVIEW_LIMIT = 1000


@dataclass
class RetentionPolicy:
    """The two rules; 0 is off."""

    call_months: int = 0
    person_years: int = 0

    @property
    def enabled(self) -> bool:
        return bool(self.call_months or self.person_years)


@dataclass
class RetentionPlan:
    """What a run would remove: call ids before a cutoff, persons idle since a cutoff."""

    calls_before: str | None
    call_count: int
    calls: list[tuple[str, str]] = field(default_factory=list)  # (id, started_at), first ones
    idle_before: str | None = None
    persons: list[tuple[str, str, str]] = field(default_factory=list)  # (id, name, last activity)
    expired_consents: list[str] = field(default_factory=list)


@dataclass
class RetentionResult:
    calls_deleted: int
    persons_anonymised: int
    consents_deleted: int


def check_months(value: str | int | None, what: str, key: str, top: int) -> int:
    """A retention period: a whole number from 0 (off) to ``top``."""
    try:
        n = int(str(value if value not in (None, "") else 0))
    except ValueError:
        raise ValidationError(Text(
                "{what} must be a whole number from 0 (off) to {top}, got {value!r}.", what=what,
                top=top, value=value), field=key) from None
    if not 0 <= n <= top:
        raise ValidationError(Text(
                "{what} must be a whole number from 0 (off) to {top}, got {n}.", what=what, top=top,
                n=n),
                              field=key)
    return n


def policy(store: Store) -> RetentionPolicy:
    """The stored rules (off when never set)."""
    return RetentionPolicy(
        check_months(store.get_setting(CALL_MONTHS), Text("Call records kept (months)"),
                     CALL_MONTHS, 1200),
        check_months(store.get_setting(PERSON_YEARS), Text("Idle persons kept (years)"),
                     PERSON_YEARS, 100))


def save_policy(store: Store, rules: RetentionPolicy) -> None:
    """Store the rules (checked first)."""
    check_months(rules.call_months, Text("Call records kept (months)"), CALL_MONTHS, 1200)
    check_months(rules.person_years, Text("Idle persons kept (years)"), PERSON_YEARS, 100)
    with store.write():
        store.set_setting(CALL_MONTHS, str(rules.call_months))
        store.set_setting(PERSON_YEARS, str(rules.person_years))


def _months_back(now: datetime, months: int) -> datetime:
    year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
    day = min(now.day, 28)  # every month has a 28th: the cutoff is a few days generous
    return now.replace(year=year, month=month + 1, day=day)


def _idle_persons(store: Store, before: str, limit: int | None) -> list[tuple[str, str, str]]:
    """Persons (not erased) whose last call, task or edit is before ``before``."""
    d = store.dialect
    task_last = d.greatest(d.greatest("t.created_at", "t.timestamp"),
                           "coalesce(t.closed_at, '')")
    last = d.greatest(d.greatest(
        "p.updated_at",
        "coalesce((SELECT max(started_at) FROM calls k WHERE k.person_id = p.id), '')"),
        f"coalesce((SELECT max({task_last}) FROM tasks t WHERE t.person_id = p.id), '')")
    sql = f"""
        SELECT id, name, last FROM (
          SELECT p.id, p.name, {last} AS last
          FROM persons p WHERE p.erased_at IS NULL AND p.updated_at < :before) idle
        WHERE last < :before ORDER BY last, id"""
    params: dict[str, object] = {"before": before}
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    return [(r[0], r[1], r[2]) for r in store._all(sql, params)]


def preview(store: Store, now: datetime, rules: RetentionPolicy | None = None,
            limit: int = PREVIEW_LIMIT) -> RetentionPlan:
    """What a run at ``now`` would remove (at most ``limit`` of each listed)."""
    rules = rules or policy(store)
    plan = RetentionPlan(None, 0)
    if rules.call_months:
        plan.calls_before = to_db(_months_back(now, rules.call_months))
        plan.call_count = store._one("SELECT count(*) FROM calls WHERE started_at < ?",
                                     (plan.calls_before,))[0]
        plan.calls = [(r[0], r[1]) for r in store._all(
            "SELECT id, started_at FROM calls WHERE started_at < ? ORDER BY started_at LIMIT ?",
            (plan.calls_before, limit))]
    if rules.person_years:
        plan.idle_before = to_db(_months_back(now, 12 * rules.person_years))
        plan.persons = _idle_persons(store, plan.idle_before, limit)
    plan.expired_consents = [c.id for c in consent.expired_proofs(store, now)]
    return plan


def delete_calls_before(store: Store, before: str) -> int:
    """Delete the calls that started before ``before`` (tags, attempts and their audit
    entries with them); returns how many."""
    with store.write():
        ids = [r[0] for r in store._all("SELECT id FROM calls WHERE started_at < ?", (before,))]
        places = store._all(
            "SELECT DISTINCT source_id, person_id, company_id FROM calls"
            " WHERE started_at < ? AND source_type = 'campaign'", (before,))
        consent.remember_last_use(store, before)
        store.conn.executemany(
            "DELETE FROM audit_log WHERE entity_type = 'call' AND entity_id = ?",
            [(i,) for i in ids])
        store.conn.execute("DELETE FROM calls WHERE started_at < ?", (before,))
        # The dialer's order counts a contact's calls in the campaign: recount the
        # places whose calls went (a hand-out running now stays as it is).
        for campaign_id, person_id, company_id in places:
            col, key, where = (("person_id", person_id, "person_id = ?") if person_id else
                               ("company_id", company_id, "person_id IS NULL AND company_id = ?"))
            stats = store._one(
                f"SELECT count(*), coalesce(max(started_at), '') FROM calls"
                f" WHERE source_type = 'campaign' AND source_id = ? AND {where}",
                (campaign_id, key))
            store.conn.execute(
                f"UPDATE campaign_contacts SET call_count = ?, last_call_at = ?"
                f" WHERE campaign_id = ? AND {col} = ?",
                (stats[0], stats[1], campaign_id, key))
    return len(ids)


def run(store: Store, now: datetime, rules: RetentionPolicy | None = None) -> RetentionResult:
    """Apply the rules at ``now`` and log what was done to the privacy log."""
    rules = rules or policy(store)
    plan = preview(store, now, rules, limit=0)
    calls = persons = 0
    # Deleted calls are forgotten as erased persons are (SQLite zeroes the freed pages;
    # PostgreSQL vacuums the tables afterwards).
    with store.dialect.forgetting():
        if plan.calls_before:
            calls = delete_calls_before(store, plan.calls_before)
        if plan.idle_before:
            idle = [pid for pid, _, _ in _idle_persons(store, plan.idle_before, None)]
            persons = len(erase_persons(
                store, idle, who=WHO,
                reason=reasons.retention(rules.person_years)))
        expired = consent.expired_proofs(store, now)
        with store.write():
            store.conn.executemany("DELETE FROM consents WHERE id = ?",
                                   [(c.id,) for c in expired])
            result = RetentionResult(calls, persons, len(expired))
            if calls or persons or expired:
                privacy_log.record(
                    store, WHO, "retention", None, None,
                    f"calls older than {rules.call_months} months, persons idle for"
                    f" {rules.person_years} years",
                    # The cutoff, so that a restore can delete those calls again.
                    {**result.__dict__, **({"calls_before": plan.calls_before} if calls
                                           else {})},
                    replay={"calls_before": plan.calls_before} if calls else None)
            store.set_setting(LAST_RUN, now.date().isoformat())
    if calls or expired:
        store.dialect.forget_old_versions(("calls", "call_tags", "call_attempts", "audit_log",
                                           "consents", "campaign_contacts"))
    return result


def run_if_due(store: Store, now: datetime) -> RetentionResult | None:
    """Run once per calendar day (UTC); None when it ran today already, or when both rules
    are off and no consent proof of an erased person has run out."""
    rules = policy(store)
    if store.get_setting(LAST_RUN) == now.date().isoformat():
        return None
    if not rules.enabled and not consent.expired_proofs(store, now):
        return None
    return run(store, now, rules)
