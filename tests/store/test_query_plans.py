"""Every lookup, search and list query the Store runs is answered by an index.

The SQL is not copied here: each case calls the real Store method with the
connection wrapped in a recorder, then asks SQLite for the EXPLAIN QUERY PLAN
of every SELECT it recorded, with the parameters it was run with. A plan that
reads a whole table of contacts, calls, call tags or tasks (``SCAN persons``)
where an index should serve fails: on a million persons that one query is 100 ms (a
company-number lookup scanned all persons through ``LEFT JOIN persons p ON 0``).

What a plan cannot show: a ``SEARCH ... (col>?)`` reads from the seek to the end
unless something stops it (LIMIT, min()); ``DISTINCT agent`` over calls had that
plan and read the whole index. Such cases are judged by reading their SQL.

The data is the bench generator's tiny size: the schema and indexes of the
bench database, no ANALYZE statistics (neither database has any), so the
planner chooses as it does on the full-size file.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bench.generate import EPOCH, SIZES, campaign_id, generate
from shared.database import connect
from shared.model import ContactRef
from shared.store import Store

WATCHED = ("persons", "companies", "calls", "tasks", "call_tags", "consents")


class RecordingConnection:
    """A sqlite3 connection that remembers every statement run through it, with its
    parameters; anything else goes to the real connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.statements: list[tuple[str, Any]] = []

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        self.statements.append((sql, params))
        return self._conn.execute(sql, params)

    def executemany(self, sql: str, seq: Any) -> sqlite3.Cursor:
        seq = list(seq)
        self.statements.extend((sql, p) for p in seq)
        return self._conn.executemany(sql, seq)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


@dataclass
class Sample:
    """Real values from the generated database for the cases to use."""

    person_id: str
    person_phone: str
    person_name: str
    company_id: str
    company_phone: str
    company_name: str
    campaign: str
    agent: str


@pytest.fixture(scope="module")
def bench_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Sample]:
    return make_bench_db(tmp_path_factory.mktemp("plans") / "tiny.db", "tiny")


def make_bench_db(path: Path, size: str) -> tuple[Path, Sample]:
    """The bench generator's database of ``size`` at ``path``, and values from it."""
    generate(path, SIZES[size], seed=5, log=lambda *_: None)
    conn = sqlite3.connect(path)
    pid, pphone, pname, cid = conn.execute(
        "SELECT id, phone, name, company_id FROM persons WHERE company_id IS NOT NULL"
        " AND phone IS NOT NULL ORDER BY pk LIMIT 1 OFFSET 17").fetchone()
    cphone, cname = conn.execute(
        "SELECT phone, display_name FROM companies WHERE id = ?", (cid,)).fetchone()
    agent = conn.execute("SELECT agent FROM calls WHERE agent IS NOT NULL LIMIT 1").fetchone()[0]
    conn.close()
    return path, Sample(pid, pphone, pname, cid, cphone, cname, campaign_id(0), agent)


@pytest.fixture
def recorded(bench_db: tuple[Path, Sample]) -> Iterator[tuple[Store, RecordingConnection,
                                                             Sample]]:
    yield from recording(bench_db)


def recording(db: tuple[Path | str, Sample]) -> Iterator[tuple[Store, RecordingConnection,
                                                               Sample]]:
    """A store on ``db`` whose statements are recorded, with the sample; closed after."""
    address, sample = db
    store = Store(connect(address))
    rec = RecordingConnection(store.conn)
    store.conn = rec  # type: ignore[assignment]
    store.dialect.conn = rec  # the dialect runs some of the queries (the lookup's, next's)
    yield store, rec, sample
    store.close()


@dataclass
class Case:
    """One Store call, and which plans it may have besides index seeks.

    ``ordered``: the query is a page of a list in an index's order (ORDER BY ...
    LIMIT); walking that index (``SCAN x USING INDEX``) stops after the page.
    ``full``: a whole-table read is the query's nature; the reason says why.
    """

    name: str
    call: Callable[[Store, Sample], Any]
    ordered: bool = False
    full: str = ""
    expect: Callable[[Any, Sample], bool] | None = field(default=None, repr=False)


def _ref_p(s: Sample) -> ContactRef:
    return ContactRef(s.company_id, s.person_id)


def _ref_c(s: Sample) -> ContactRef:
    return ContactRef(s.company_id)


_DAY = timedelta(days=1)

CASES = [
    # The four classes of caller number Apollo looks up.
    Case("lookup person number", lambda st, s: st.lookup_phone(s.person_phone),
         expect=lambda r, s: r and r[0].contact.person_id == s.person_id),
    Case("lookup company number", lambda st, s: st.lookup_phone(s.company_phone),
         expect=lambda r, s: [m.contact.company_id for m in r] == [s.company_id]
         and r[0].contact.person_id is None),
    Case("lookup switchboard extension", lambda st, s: st.lookup_phone(s.company_phone + "42"),
         expect=lambda r, s: [(m.reason, m.contact.company_id) for m in r]
         == [("prefix", s.company_id)]),
    Case("lookup unknown number", lambda st, s: st.lookup_phone("+999123456789012"),
         expect=lambda r, s: r == []),
    # Several at once, as PostgreSQL's group lookup sends them (one statement there).
    Case("lookup the four classes together",
         lambda st, s: st.lookup_phones([s.person_phone, s.company_phone,
                                         s.company_phone + "42", "+999123456789012"]),
         expect=lambda r, s: r[0] and r[0][0].contact.person_id == s.person_id
         and [m.contact.company_id for m in r[1]] == [s.company_id]
         and [(m.reason, m.contact.company_id) for m in r[2]] == [("prefix", s.company_id)]
         and r[3] == []),
    Case("nearest numbers", lambda st, s: st.nearest_numbers(s.company_phone[:-3] + "999"),
         expect=lambda r, s: bool(r)),
    Case("resolve person", lambda st, s: st.resolve_contact(_ref_p(s))),
    Case("resolve company", lambda st, s: st.resolve_contact(_ref_c(s))),
    # Search-as-you-type: a name prefix, 2 letters, a phone number typed nationally.
    Case("search name", lambda st, s: st.search(s.person_name[:5]),
         expect=lambda r, s: bool(r)),
    Case("search two letters", lambda st, s: st.search(s.person_name[:2])),
    Case("search phone digits", lambda st, s: st.search(s.person_phone[3:10]),
         expect=lambda r, s: bool(r)),
    # The desktop's lists, first page and a later page, with and without filter.
    Case("list companies", lambda st, s: st.list_companies(limit=50), ordered=True),
    Case("list companies, next page",
         lambda st, s: st.list_companies(after=(s.company_name, 1), limit=50), ordered=True),
    Case("list companies filtered", lambda st, s: st.list_companies(s.company_name[:5]),
         ordered=True, expect=lambda r, s: bool(r)),
    Case("list companies filtered by 2 letters",
         lambda st, s: st.list_companies(s.company_name[:2]), ordered=True),
    Case("list persons", lambda st, s: st.list_persons(limit=50), ordered=True),
    Case("list persons, next page",
         lambda st, s: st.list_persons(after=(s.person_name, 1), limit=50), ordered=True),
    Case("list persons filtered", lambda st, s: st.list_persons(s.person_name[:5]),
         ordered=True, expect=lambda r, s: bool(r)),
    Case("list persons filtered by phone", lambda st, s: st.list_persons(s.person_phone[3:]),
         ordered=True, expect=lambda r, s: bool(r)),
    Case("list persons filtered by 2 letters",
         lambda st, s: st.list_persons(s.person_name[:2]), ordered=True),
    Case("count companies", lambda st, s: st.count_companies(),
         full="counting every row reads every row (of the smallest index)"),
    Case("count companies filtered", lambda st, s: st.count_companies(s.company_name[:5])),
    Case("count persons", lambda st, s: st.count_persons(),
         full="counting every row reads every row (of the smallest index)"),
    Case("count persons filtered", lambda st, s: st.count_persons(s.person_name[:5])),
    Case("count persons filtered by 2 letters", lambda st, s: st.count_persons("an"),
         full="a 1-2 character substring has no index (the trigram index needs 3);"
              " the desktop only pages these lists, it never counts them"),
    Case("persons of a company", lambda st, s: st.persons_of(s.company_id)),
    Case("count persons of a company", lambda st, s: st.count_persons_of(s.company_id)),
    Case("get person", lambda st, s: st.get_person(s.person_id)),
    Case("get company", lambda st, s: st.get_company(s.company_id)),
    # Campaigns, the dialer and tasks.
    Case("campaign contacts", lambda st, s: st.campaign_contacts(s.campaign), ordered=True),
    Case("next contact", lambda st, s: st.next_contact(s.campaign), ordered=True,
         expect=lambda r, s: r is not None),
    Case("campaign tasks (the API)",
         lambda st, s: st.open_tasks(s.campaign, start=EPOCH - 2 * _DAY, end=EPOCH + 5 * _DAY,
                                     limit=50)),
    Case("campaign tasks, all", lambda st, s: st.open_tasks(s.campaign)),
    Case("task list, open", lambda st, s: st.list_tasks(limit=100), ordered=True),
    Case("task list, campaign and range",
         lambda st, s: st.list_tasks(campaign_id=s.campaign, start=EPOCH - 2 * _DAY,
                                     end=EPOCH + 5 * _DAY)),
    Case("task list, with closed", lambda st, s: st.list_tasks(include_closed=True, limit=100),
         ordered=True),
    Case("task list, range, with closed",
         lambda st, s: st.list_tasks(start=EPOCH - 7 * _DAY, end=EPOCH + 7 * _DAY,
                                     include_closed=True)),
    Case("tasks of a person", lambda st, s: st.list_tasks(ref=_ref_p(s), include_closed=True)),
    Case("tasks of a company", lambda st, s: st.list_tasks(ref=_ref_c(s), include_closed=True)),
    # The call journal and a contact's calls.
    Case("calls list", lambda st, s: st.list_calls(limit=100), ordered=True),
    Case("calls list, range",
         lambda st, s: st.list_calls(start=EPOCH - 7 * _DAY, end=EPOCH, limit=100),
         ordered=True),
    Case("calls list, agent", lambda st, s: st.list_calls(agent=s.agent, limit=100),
         ordered=True),
    Case("calls list, tag", lambda st, s: st.list_calls(tag="technical", limit=100),
         ordered=True, expect=lambda r, s: bool(r)),
    Case("calls list, range and tag",
         lambda st, s: st.list_calls(start=EPOCH - 30 * _DAY, end=EPOCH, tag="solved",
                                     limit=100), ordered=True, expect=lambda r, s: bool(r)),
    Case("calls list, answered", lambda st, s: st.list_calls(answered=False, limit=100),
         ordered=True),
    Case("call journal's agents", lambda st, s: st.agents(),
         expect=lambda r, s: s.agent in r),
    Case("call journal's tags", lambda st, s: st.tags(),
         expect=lambda r, s: "technical" in r and "solved" in r),
    Case("calls of a person", lambda st, s: st.calls_for_contact(_ref_p(s))),
    Case("calls of a company", lambda st, s: st.calls_for_contact(_ref_c(s))),
    # Duplicate hints while typing a new contact.
    Case("similar companies",
         lambda st, s: st.find_similar_companies(numbers=[s.company_phone],
                                                 name=s.company_name)),
    Case("similar persons",
         lambda st, s: st.find_similar_persons(numbers=[s.person_phone], name=s.person_name,
                                               company_id=s.company_id)),
    Case("dashboard", lambda st, s: st.dashboard(now=EPOCH)),
    # A campaign that needs consent (shared.consent): the dialer's three reads.
    Case("campaign contacts, needs consent",
         lambda st, s: _needing_consent(st, s, lambda: st.campaign_contacts(s.campaign)),
         ordered=True),
    Case("next contact, needs consent",
         lambda st, s: _needing_consent(st, s, lambda: st.next_contact(s.campaign)),
         ordered=True),
    Case("campaign tasks, needs consent",
         lambda st, s: _needing_consent(st, s, lambda: st.open_tasks(s.campaign, limit=50))),
]


def _needing_consent(st: Store, s: Sample, read: Callable[[], Any]) -> Any:
    """``read()`` while the sample campaign needs consent (and one contact has it)."""
    from shared import consent
    from shared.model import Actor

    cli = Actor("cli")
    consent.set_needs_consent(st, s.campaign, True, cli)
    given = consent.add_consent(st, _ref_p(s), given_at=EPOCH, source="test", actor=cli)
    try:
        return read()
    finally:
        st.conn.execute("DELETE FROM consents WHERE id = ?", (given.id,))
        consent.set_needs_consent(st, s.campaign, False, cli)

_SCAN = re.compile(r"^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?")


def _aliases(sql: str) -> dict[str, str]:
    """Each name a watched table goes by in ``sql`` (itself, and ``persons p`` ...)."""
    names = {t: t for t in WATCHED}
    for table, alias in re.findall(rf"\b({'|'.join(WATCHED)})\s+(?:AS\s+)?(\w+)",
                                   sql, re.IGNORECASE):
        if alias.upper() not in {"ON", "WHERE", "LEFT", "JOIN", "ORDER", "GROUP", "LIMIT",
                                 "UNION", "SET", "USING", "AND", "OR"}:
            names[alias] = table
    return names


def bad_plan_lines(conn: sqlite3.Connection, sql: str, params: Any, case: Case) -> list[str]:
    """The plan lines of ``sql`` that read a watched table beyond what ``case`` allows."""
    names = _aliases(sql)
    plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    # Walking an index stops after a page only when it gives the ORDER BY; when SQLite
    # still sorts afterwards (a temp b-tree for the whole ORDER BY), it read every row.
    sorted_after = "USE TEMP B-TREE FOR ORDER BY" in plan
    bad = []
    for detail in plan:
        m = _SCAN.match(detail)
        if not m or m.group(1) not in names:
            continue  # an index SEARCH, or a table that is not watched
        if case.full:
            continue
        if m.group(2) and case.ordered and not sorted_after:
            continue  # walking an index in the list's order, a page at a time
        bad.append(f"{names[m.group(1)]}: {detail}")
    return bad


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_query_is_answered_by_indexes(recorded, case: Case) -> None:
    check_case(recorded, case, bad_plan_lines)


def check_case(recorded: tuple[Store, RecordingConnection, Sample], case: Case,
               bad_of: Callable[[Any, str, Any, Case], list[str]]) -> None:
    """Run ``case`` on the recorded store; fail on what ``bad_of(conn, sql, params,
    case)`` finds in the plan of any SELECT it ran (the engine's own check)."""
    store, rec, sample = recorded
    result = case.call(store, sample)
    if case.expect is not None:
        # The case really exercised what its name says (a lookup that found nothing
        # would not prove the prefix fallback's plan).
        assert case.expect(result, sample), result
    selects = [(sql, params) for sql, params in rec.statements
               if sql.lstrip().upper().startswith(("SELECT", "WITH"))]
    assert selects, "the call ran no query"
    problems = []
    for sql, params in selects:
        bad = bad_of(rec._conn, sql, params, case)
        if bad:
            problems.append(" ".join(sql.split())[:300] + "\n    " + "\n    ".join(bad))
    assert not problems, "whole-table reads:\n" + "\n".join(problems)


def test_the_check_sees_a_full_scan(recorded) -> None:
    """The check itself: a query on an unindexed column is reported, the same query on
    an indexed one is not."""
    store, _, _ = recorded
    case = Case("probe", lambda st, s: None)
    conn = store.db.conn
    assert bad_plan_lines(conn, "SELECT id FROM persons p WHERE p.city = ?", ("x",), case) \
        == ["persons: SCAN p"]
    assert bad_plan_lines(conn, "SELECT id FROM persons WHERE phone = ?", ("+1",), case) == []
    # The pattern issue 11 found: SQLite walks all persons for each company row.
    [line] = bad_plan_lines(conn, "SELECT c.id FROM companies c LEFT JOIN persons p ON 0"
                            " WHERE c.phone = ?", ("+1",), case)
    assert line.startswith("persons: SCAN p")


def test_dashboard_counts_read_indexes_only(recorded) -> None:
    """The dashboard's counts over a month of calls read covering indexes, never the
    calls' or tags' table rows (6 s at 500,000 calls when they did)."""
    store, rec, _ = recorded
    store.dashboard(now=EPOCH)
    counted = [(sql, p) for sql, p in rec.statements
               if "FROM calls" in sql and "GROUP BY" in sql]
    assert len(counted) == 3  # per day, by agent, top tags
    for sql, params in counted:
        plan = [row[3] for row in rec._conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
        reads = [d for d in plan if d.startswith(("SEARCH", "SCAN"))]
        assert reads and all("COVERING INDEX" in d for d in reads), (sql, plan)
