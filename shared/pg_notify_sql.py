"""The NOTIFY side of live views on PostgreSQL: one trigger function per table, and its
triggers, generated from one template (`function_sql`, `triggers_sql`).

`NOTIFY_SQL` is the whole text (after the tables it names exist; it is idempotent, so
running it again is harmless). The storage layer's PostgreSQL migrations carry their own
frozen copies of it (migration 17 installs this one) rather than import this module; a
change here needs a new migration.

Every committed INSERT, UPDATE or DELETE on the tables in `NOTIFY_TABLES` sends, on
channel `CHANNEL`, one notification per changed row whose payload is JSON:

    {"table": "persons", "id": "…", "op": "INSERT" | "UPDATE" | "DELETE", "origin": "…"}

- `id` is the row's `id` column where the table has one, else its `pk` (campaign_contacts,
  dnc_events, screen_pops), as text.
- `person_id`, `company_id` and `campaign_id` are added when the row has them and they are
  not null: a screen pop names its contact, so a desktop can open the card without
  reading the row back, and a call or task names whose card to refresh.
- A statement that changes more than `MAX_ROWS_NAMED` rows (an import, a bulk update)
  sends one notification with `"id": null` instead, meaning "many rows of this table".
- `origin` says who wrote: the session setting `callsheet.origin` when the writer set it
  (`SET callsheet.origin = 'desktop alice@PC-7'`), else the connection's
  `application_name`. A listener uses it (and the sender's backend pid, which PostgreSQL
  adds to every notification) to tell its own writes from other people's.

PostgreSQL delivers notifications only when the writing transaction commits, never for a
rolled-back one, and folds identical payloads within one transaction into one. The
triggers are statement-level with transition tables, so a bulk statement costs one
trigger call, not one per row, and each table's function reads only the columns its
payload names (a call's row carries the whole posted call).
"""

from __future__ import annotations

CHANNEL = "callsheet_changes"

# Tables whose changes open views care about, each with the column its notifications name
# as `id` and the contact / campaign columns it has. call_attempts, call_tags and
# audit_log change only together with a row of one of these, so they need no triggers of
# their own.
NOTIFY_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "companies": ("id", ()),
    "persons": ("id", ("company_id",)),
    "campaigns": ("id", ()),
    "campaign_contacts": ("pk", ("person_id", "company_id", "campaign_id")),
    "tasks": ("id", ("person_id", "company_id", "campaign_id")),
    "calls": ("id", ("person_id", "company_id")),
    "dnc_events": ("pk", ("person_id", "company_id")),
    "screen_pops": ("pk", ("person_id", "company_id")),
}
NOTIFY_TABLES: tuple[str, ...] = tuple(NOTIFY_COLUMNS)

# Above this many rows in one statement, one "many rows" notification replaces the
# per-row ones: a listener would reload the whole view anyway.
MAX_ROWS_NAMED = 50


def payload_sql(key: str, refs: tuple[str, ...]) -> str:
    """The expression of one row's payload (its JSON text) over a transition table's
    columns: only the columns the payload names are read. Reading the whole row
    (``to_jsonb(r)``) cost a call's insert some 30-45 us: it carries the posted call."""
    head = (f"jsonb_build_object('table', TG_TABLE_NAME, 'id', {key}::text, 'op', TG_OP,"
            " 'origin', origin)")
    if not refs:
        return f"{head}::text"
    named = ", ".join(f"'{c}', {c}" for c in refs)
    return f"({head} || jsonb_strip_nulls(jsonb_build_object({named})))::text"


def function_sql(table: str, key: str, refs: tuple[str, ...], *,
                 channel: str = CHANNEL, max_rows: int = MAX_ROWS_NAMED) -> str:
    """The trigger function of one table: ``callsheet_notify_TABLE()``. Every committed
    change counts in ``callsheet_change_seq`` (views that poll: Store.data_version)."""
    payload = payload_sql(key, refs)
    cols = ", ".join((key, *refs))
    name = f"callsheet_notify_{table}"
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger
LANGUAGE plpgsql AS ${name}$
DECLARE
    origin text := coalesce(nullif(current_setting('callsheet.origin', true), ''),
                            current_setting('application_name', true), '');
    notes text[];
    note text;
BEGIN
    -- Counted for views that poll (Store.data_version), before anything can return.
    PERFORM nextval('callsheet_change_seq');
    -- Only the transition table the firing trigger declares exists; PL/pgSQL plans each
    -- branch on first use, so the other branch never looks for the missing one.
    IF TG_OP = 'DELETE' THEN
        SELECT array_agg({payload}) INTO notes
          FROM (SELECT {cols} FROM callsheet_old_rows LIMIT {max_rows + 1}) r;
    ELSE
        SELECT array_agg({payload}) INTO notes
          FROM (SELECT {cols} FROM callsheet_new_rows LIMIT {max_rows + 1}) r;
    END IF;
    IF notes IS NULL THEN
        RETURN NULL;  -- the statement changed no rows
    END IF;
    IF cardinality(notes) > {max_rows} THEN
        PERFORM pg_notify('{channel}', json_build_object(
            'table', TG_TABLE_NAME, 'id', NULL, 'op', TG_OP, 'origin', origin)::text);
    ELSE
        FOREACH note IN ARRAY notes LOOP
            PERFORM pg_notify('{channel}', note);
        END LOOP;
    END IF;
    RETURN NULL;
END
${name}$;
"""


def triggers_sql(table: str) -> str:
    """The three statement-level triggers of one table, calling its own function."""
    # One trigger per event: a trigger with transition tables may name only the tables its
    # events have (an INSERT has no OLD TABLE).
    fn = f"callsheet_notify_{table}"
    return f"""
DROP TRIGGER IF EXISTS callsheet_notify_insert ON {table};
CREATE TRIGGER callsheet_notify_insert AFTER INSERT ON {table}
    REFERENCING NEW TABLE AS callsheet_new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {fn}();
DROP TRIGGER IF EXISTS callsheet_notify_update ON {table};
CREATE TRIGGER callsheet_notify_update AFTER UPDATE ON {table}
    REFERENCING NEW TABLE AS callsheet_new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {fn}();
DROP TRIGGER IF EXISTS callsheet_notify_delete ON {table};
CREATE TRIGGER callsheet_notify_delete AFTER DELETE ON {table}
    REFERENCING OLD TABLE AS callsheet_old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {fn}();
"""


# The whole text, for one `execute` (psycopg runs a multi-statement string without
# parameters as a simple query). Needs PostgreSQL 11 or later (EXECUTE FUNCTION). The
# one function of migration 16 that read whole rows goes once no trigger calls it.
NOTIFY_SQL: str = (
    "CREATE SEQUENCE IF NOT EXISTS callsheet_change_seq;\n"
    + "".join(function_sql(t, key, refs) + triggers_sql(t)
              for t, (key, refs) in NOTIFY_COLUMNS.items())
    + "DROP FUNCTION IF EXISTS callsheet_notify();\n")


def set_origin_sql(origin: str) -> tuple[str, tuple[str]]:
    """The statement (with its parameter) that names the writer of this session's changes
    in the notifications it causes; run it once per connection after connecting."""
    return "SELECT set_config('callsheet.origin', %s, false)", (origin,)
