"""The NOTIFY side of live views on PostgreSQL: a trigger function and its triggers.

**The storage layer's PostgreSQL migration must execute `NOTIFY_SQL`** (after the
tables it names exist; it is idempotent, so running it again is harmless). A shipped
migration should carry its own frozen copy of the text rather than import this module.

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
trigger call, not one per row.
"""

from __future__ import annotations

CHANNEL = "callsheet_changes"

# Tables whose changes open views care about. call_attempts, call_tags and audit_log
# change only together with a row of one of these, so they need no triggers of their own.
NOTIFY_TABLES: tuple[str, ...] = (
    "companies",
    "persons",
    "campaigns",
    "campaign_contacts",
    "tasks",
    "calls",
    "dnc_events",
    "screen_pops",
)

# Above this many rows in one statement, one "many rows" notification replaces the
# per-row ones: a listener would reload the whole view anyway.
MAX_ROWS_NAMED = 50

_FUNCTION = f"""
CREATE OR REPLACE FUNCTION callsheet_notify() RETURNS trigger
LANGUAGE plpgsql AS $callsheet_notify$
DECLARE
    origin text := coalesce(nullif(current_setting('callsheet.origin', true), ''),
                            current_setting('application_name', true), '');
    notes jsonb[];
    note jsonb;
BEGIN
    -- Only the transition table the firing trigger declares exists; PL/pgSQL plans each
    -- branch on first use, so the other branch never looks for the missing one.
    IF TG_OP = 'DELETE' THEN
        SELECT array_agg(to_jsonb(r)) INTO notes
          FROM (SELECT * FROM callsheet_old_rows LIMIT {MAX_ROWS_NAMED + 1}) r;
    ELSE
        SELECT array_agg(to_jsonb(r)) INTO notes
          FROM (SELECT * FROM callsheet_new_rows LIMIT {MAX_ROWS_NAMED + 1}) r;
    END IF;
    IF notes IS NULL THEN
        RETURN NULL;  -- the statement changed no rows
    END IF;
    IF cardinality(notes) > {MAX_ROWS_NAMED} THEN
        PERFORM pg_notify('{CHANNEL}', json_build_object(
            'table', TG_TABLE_NAME, 'id', NULL, 'op', TG_OP, 'origin', origin)::text);
    ELSE
        FOREACH note IN ARRAY notes LOOP
            PERFORM pg_notify('{CHANNEL}', (jsonb_build_object(
                'table', TG_TABLE_NAME, 'id', coalesce(note ->> 'id', note ->> 'pk'),
                'op', TG_OP, 'origin', origin)
                || jsonb_strip_nulls(jsonb_build_object(
                    'person_id', note -> 'person_id', 'company_id', note -> 'company_id',
                    'campaign_id', note -> 'campaign_id')))::text);
        END LOOP;
    END IF;
    RETURN NULL;
END
$callsheet_notify$;
"""


def _triggers(table: str) -> str:
    # One trigger per event: a trigger with transition tables may name only the tables its
    # events have (an INSERT has no OLD TABLE).
    return f"""
DROP TRIGGER IF EXISTS callsheet_notify_insert ON {table};
CREATE TRIGGER callsheet_notify_insert AFTER INSERT ON {table}
    REFERENCING NEW TABLE AS callsheet_new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION callsheet_notify();
DROP TRIGGER IF EXISTS callsheet_notify_update ON {table};
CREATE TRIGGER callsheet_notify_update AFTER UPDATE ON {table}
    REFERENCING NEW TABLE AS callsheet_new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION callsheet_notify();
DROP TRIGGER IF EXISTS callsheet_notify_delete ON {table};
CREATE TRIGGER callsheet_notify_delete AFTER DELETE ON {table}
    REFERENCING OLD TABLE AS callsheet_old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION callsheet_notify();
"""


# The whole text, for one `execute` (psycopg runs a multi-statement string without
# parameters as a simple query). Needs PostgreSQL 11 or later (EXECUTE FUNCTION).
NOTIFY_SQL: str = _FUNCTION + "".join(_triggers(t) for t in NOTIFY_TABLES)


def set_origin_sql(origin: str) -> tuple[str, tuple[str]]:
    """The statement (with its parameter) that names the writer of this session's changes
    in the notifications it causes; run it once per connection after connecting."""
    return "SELECT set_config('callsheet.origin', %s, false)", (origin,)
