"""The schema, grown only through ordered migrations (``PRAGMA user_version``).

A migration that has shipped is never edited: add a new one at the end.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

from sqlite_utils import Database

Migration = Callable[[Database], None]


def _statements(script: str) -> Iterator[str]:
    """The complete SQL statements of a script, in order (triggers and comments kept whole)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
    if pending.strip(" \n;"):
        raise ValueError(f"incomplete SQL statement at the end of a migration: {pending!r}")


def _run_script(db: Database, script: str) -> None:
    """Run a migration's SQL inside the transaction ``migrate`` holds.

    Statement by statement: ``executescript`` commits a pending transaction
    first (``sqlite3`` does, and sqlite-utils before 4.0 calls it straight),
    which would leave a half-made schema behind when a later statement fails.
    """
    for statement in _statements(script):
        db.conn.execute(statement)


def _m0001_initial(db: Database) -> None:
    _run_script(
        db,
        """
        CREATE TABLE companies (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            display_name TEXT NOT NULL,
            address TEXT, zip_code TEXT, city TEXT, country TEXT,
            phone TEXT, phone2 TEXT, email TEXT, annotation TEXT,
            do_not_call INTEGER NOT NULL DEFAULT 0,
            search_text TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX companies_phone ON companies(phone) WHERE phone IS NOT NULL;
        CREATE INDEX companies_phone2 ON companies(phone2) WHERE phone2 IS NOT NULL;
        CREATE INDEX companies_display_name ON companies(display_name COLLATE NOCASE, pk);

        CREATE TABLE persons (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            company_id TEXT REFERENCES companies(id) ON DELETE CASCADE,
            salutation TEXT, first_name TEXT, last_name TEXT,
            display_name TEXT,
            name TEXT NOT NULL,
            city TEXT, phone TEXT, phone2 TEXT, email TEXT, annotation TEXT,
            do_not_call INTEGER NOT NULL DEFAULT 0,
            search_text TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX persons_company ON persons(company_id, name COLLATE NOCASE);
        CREATE INDEX persons_phone ON persons(phone) WHERE phone IS NOT NULL;
        CREATE INDEX persons_phone2 ON persons(phone2) WHERE phone2 IS NOT NULL;
        CREATE INDEX persons_name ON persons(name COLLATE NOCASE, pk);

        CREATE TABLE campaigns (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            contacts_source TEXT NOT NULL DEFAULT 'crm'
                CHECK (contacts_source IN ('crm', 'apollo')),
            tasks_source TEXT NOT NULL DEFAULT 'crm' CHECK (tasks_source IN ('crm', 'apollo')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );

        -- A contact is a company (person_id NULL) or a person (company_id NULL;
        -- its company is the person's current one).
        CREATE TABLE campaign_contacts (
            pk INTEGER PRIMARY KEY,
            campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
            company_id TEXT REFERENCES companies(id) ON DELETE CASCADE,
            person_id TEXT REFERENCES persons(id) ON DELETE CASCADE,
            sort_name TEXT NOT NULL DEFAULT '',
            call_count INTEGER NOT NULL DEFAULT 0,
            last_call_at TEXT NOT NULL DEFAULT '',
            handed_out_until TEXT NOT NULL DEFAULT '',
            added_at TEXT NOT NULL,
            CHECK ((company_id IS NULL) <> (person_id IS NULL))
        );
        CREATE UNIQUE INDEX campaign_contacts_company
            ON campaign_contacts(campaign_id, company_id) WHERE company_id IS NOT NULL;
        CREATE UNIQUE INDEX campaign_contacts_person
            ON campaign_contacts(campaign_id, person_id) WHERE person_id IS NOT NULL;
        CREATE INDEX campaign_contacts_next ON campaign_contacts(
            campaign_id, handed_out_until, call_count, last_call_at, sort_name, pk);
        CREATE INDEX campaign_contacts_by_company ON campaign_contacts(company_id);
        CREATE INDEX campaign_contacts_by_person ON campaign_contacts(person_id);

        CREATE TABLE tasks (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
            company_id TEXT REFERENCES companies(id) ON DELETE CASCADE,
            person_id TEXT REFERENCES persons(id) ON DELETE CASCADE,
            timestamp TEXT NOT NULL,
            scheduled INTEGER NOT NULL DEFAULT 0,
            annotation TEXT,
            closed_at TEXT,
            created_at TEXT NOT NULL,
            created_by_call TEXT,
            closed_by_call TEXT,
            CHECK ((company_id IS NULL) <> (person_id IS NULL))
        );
        CREATE INDEX tasks_open ON tasks(campaign_id, timestamp, id) WHERE closed_at IS NULL;
        CREATE INDEX tasks_open_scheduled
            ON tasks(campaign_id, scheduled, timestamp, id) WHERE closed_at IS NULL;
        CREATE INDEX tasks_all ON tasks(campaign_id, timestamp);
        CREATE INDEX tasks_by_company ON tasks(company_id);
        CREATE INDEX tasks_by_person ON tasks(person_id);
        CREATE INDEX tasks_by_call ON tasks(created_by_call);

        -- Calls keep the contact ids Apollo sent, known or not: no call is lost.
        CREATE TABLE calls (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('inbound', 'outbound', 'campaign')),
            agent TEXT,
            company_id TEXT,
            person_id TEXT,
            phone_number TEXT,
            source_type TEXT, source_id TEXT, source_task TEXT,
            transfer_type TEXT, transfer_id TEXT,
            dtmf_path TEXT,
            annotation TEXT,
            do_not_call INTEGER NOT NULL DEFAULT 0,
            timestamp_init TEXT, timestamp_assigned TEXT, timestamp_start TEXT,
            timestamp_end TEXT, timestamp_closed TEXT,
            answered INTEGER NOT NULL DEFAULT 0,
            started_at TEXT NOT NULL,
            received_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            client TEXT,
            raw_json TEXT NOT NULL
        );
        CREATE INDEX calls_by_person ON calls(person_id, started_at) WHERE person_id IS NOT NULL;
        CREATE INDEX calls_by_company ON calls(company_id, started_at)
            WHERE company_id IS NOT NULL;
        CREATE INDEX calls_started ON calls(started_at);
        CREATE INDEX calls_by_agent ON calls(agent, started_at);
        CREATE INDEX calls_by_source ON calls(source_type, source_id, person_id, company_id);

        CREATE TABLE call_attempts (
            call_id TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            agent TEXT,
            timestamp_assigned TEXT,
            timestamp_closed TEXT,
            PRIMARY KEY (call_id, position)
        );
        CREATE TABLE call_tags (
            call_id TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            category TEXT NOT NULL,
            tag TEXT NOT NULL,
            payload TEXT,
            PRIMARY KEY (call_id, position)
        );
        CREATE INDEX call_tags_by_tag ON call_tags(category, tag);

        CREATE TABLE dnc_events (
            pk INTEGER PRIMARY KEY,
            company_id TEXT,
            person_id TEXT,
            do_not_call INTEGER NOT NULL,
            reason TEXT,
            side TEXT NOT NULL,
            client TEXT,
            call_id TEXT,
            at TEXT NOT NULL
        );
        CREATE INDEX dnc_events_by_company ON dnc_events(company_id) WHERE company_id IS NOT NULL;
        CREATE INDEX dnc_events_by_person ON dnc_events(person_id) WHERE person_id IS NOT NULL;

        CREATE TABLE screen_pops (
            pk INTEGER PRIMARY KEY,
            company_id TEXT,
            person_id TEXT,
            client TEXT,
            requested_at TEXT NOT NULL,
            handled_at TEXT
        );
        CREATE INDEX screen_pops_pending ON screen_pops(pk) WHERE handled_at IS NULL;

        CREATE TABLE audit_log (
            pk INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            side TEXT NOT NULL,
            client TEXT,
            entity_type TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            action TEXT NOT NULL,
            changes TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX audit_by_entity ON audit_log(entity_type, entity_id, pk);

        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );

        -- Search as you type: trigram full-text indexes over names, e-mail and
        -- phone digits, kept in step by triggers.
        CREATE VIRTUAL TABLE companies_fts USING fts5(
            search_text, content='companies', content_rowid='pk', tokenize='trigram');
        CREATE TRIGGER companies_ai AFTER INSERT ON companies BEGIN
            INSERT INTO companies_fts(rowid, search_text) VALUES (new.pk, new.search_text);
        END;
        CREATE TRIGGER companies_ad AFTER DELETE ON companies BEGIN
            INSERT INTO companies_fts(companies_fts, rowid, search_text)
                VALUES ('delete', old.pk, old.search_text);
        END;
        CREATE TRIGGER companies_au AFTER UPDATE OF search_text ON companies BEGIN
            INSERT INTO companies_fts(companies_fts, rowid, search_text)
                VALUES ('delete', old.pk, old.search_text);
            INSERT INTO companies_fts(rowid, search_text) VALUES (new.pk, new.search_text);
        END;
        CREATE VIRTUAL TABLE persons_fts USING fts5(
            search_text, content='persons', content_rowid='pk', tokenize='trigram');
        CREATE TRIGGER persons_ai AFTER INSERT ON persons BEGIN
            INSERT INTO persons_fts(rowid, search_text) VALUES (new.pk, new.search_text);
        END;
        CREATE TRIGGER persons_ad AFTER DELETE ON persons BEGIN
            INSERT INTO persons_fts(persons_fts, rowid, search_text)
                VALUES ('delete', old.pk, old.search_text);
        END;
        CREATE TRIGGER persons_au AFTER UPDATE OF search_text ON persons BEGIN
            INSERT INTO persons_fts(persons_fts, rowid, search_text)
                VALUES ('delete', old.pk, old.search_text);
            INSERT INTO persons_fts(rowid, search_text) VALUES (new.pk, new.search_text);
        END;
        """
    )


# Frozen with migration 2: how a name becomes the key that "similar names" share
# (``shared.duplicates.name_key`` does the same in Python). Lower case (SQLite's
# lower() folds ASCII only, so both cases of the letters below are listed),
# accents folded, dots dropped (``e.V.`` is ``ev``), other punctuation a space,
# legal forms and titles removed as whole words, then every space removed.
NAME_KEY_FOLD: tuple[tuple[str, str], ...] = (
    ("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "ae"), ("Ö", "oe"), ("Ü", "ue"),
    ("ß", "ss"), ("é", "e"), ("è", "e"), ("ê", "e"), ("ë", "e"), ("É", "e"),
    ("È", "e"), ("à", "a"), ("á", "a"), ("â", "a"), ("å", "a"), ("Á", "a"),
    ("À", "a"), ("Å", "a"), ("ç", "c"), ("Ç", "c"), ("í", "i"), ("î", "i"),
    ("ï", "i"), ("ñ", "n"), ("ó", "o"), ("ò", "o"), ("ô", "o"), ("ø", "o"),
    ("Ó", "o"), ("Ø", "o"), ("ú", "u"), ("ù", "u"), ("û", "u"), ("Ú", "u"),
    ("ł", "l"), ("Ł", "l"), ("ś", "s"), ("Ś", "s"), ("š", "s"), ("Š", "s"),
    ("č", "c"), ("Č", "c"), ("ć", "c"), ("ž", "z"), ("Ž", "z"), ("ż", "z"),
    ("ź", "z"), ("ń", "n"), ("ř", "r"), ("ě", "e"), ("ý", "y"), ("ů", "u"),
    ("ą", "a"), ("ę", "e"), ("æ", "ae"), ("Æ", "ae"),
)
NAME_KEY_PUNCTUATION = ",;:&+/()'\"-_!?*#|\t\n\r"
NAME_KEY_DROP_WORDS: tuple[str, ...] = (
    "gmbh", "mbh", "ag", "kg", "kgaa", "ohg", "gbr", "ug", "eg", "ev", "ek", "se", "co",
    "und", "and", "ltd", "limited", "plc", "llc", "inc", "corp", "sa", "sarl", "sas", "srl",
    "spa", "bv", "nv", "ab", "as", "aps", "oy", "og", "sl", "sro", "sp", "z", "oo",
    "dr", "prof", "the",
)


def _name_key_steps() -> list[str]:
    """The name key as a chain of one-call steps; ``@`` stands for the value so far."""
    steps = ["lower(@)"]
    steps += [f"replace(@, '{a}', '{b}')" for a, b in NAME_KEY_FOLD]
    steps.append("replace(@, '.', '')")
    literals = {"\t": "char(9)", "\n": "char(10)", "\r": "char(13)", "'": "''''"}
    steps += [f"replace(@, {literals.get(ch, repr(ch))}, ' ')" for ch in NAME_KEY_PUNCTUATION]
    steps.append("(' ' || replace(@, ' ', '  ') || ' ')")
    steps += [f"replace(@, ' {word} ', ' ')" for word in NAME_KEY_DROP_WORDS]
    steps.append("replace(@, ' ', '')")
    return steps


# SQLite's parser takes about 30 nested calls, so the chain is cut into stages, each
# a virtual generated column reading the one before: name_key_1, ... and name_key.
NAME_KEY_STAGE_SIZE = 25


def name_key_columns(source: str = "name") -> list[tuple[str, str]]:
    """``(column, SQL expression)`` of each stage of the name key; the last is ``name_key``."""
    steps = _name_key_steps()
    chunks = [steps[i:i + NAME_KEY_STAGE_SIZE]
              for i in range(0, len(steps), NAME_KEY_STAGE_SIZE)]
    out = []
    value = source
    for n, chunk in enumerate(chunks, 1):
        expr = value
        for step in chunk:
            expr = step.replace("@", expr, 1)
        column = "name_key" if n == len(chunks) else f"name_key_{n}"
        out.append((column, expr))
        value = column
    return out


def _m0002_duplicates_and_dashboard(db: Database) -> None:
    # Duplicates: an indexed name key (virtual generated columns, so every writer keeps
    # it right without knowing it exists) and case-insensitive e-mail indexes.
    statements = [
        f"ALTER TABLE {table} ADD COLUMN {column} TEXT GENERATED ALWAYS AS ({expr}) VIRTUAL"
        for table in ("companies", "persons")
        for column, expr in name_key_columns("name")
    ] + [
        "CREATE INDEX companies_name_key ON companies(name_key)",
        "CREATE INDEX persons_name_key ON persons(name_key, company_id)",
        "CREATE INDEX companies_email ON companies(lower(email)) WHERE email IS NOT NULL",
        "CREATE INDEX persons_email ON persons(lower(email)) WHERE email IS NOT NULL",
        # The dashboard's open tasks of the week, across campaigns.
        "CREATE INDEX tasks_open_by_time ON tasks(timestamp) WHERE closed_at IS NULL",
        # Pairs a person looked at and said are not the same (id_a < id_b).
        """CREATE TABLE not_duplicates (
            kind TEXT NOT NULL CHECK (kind IN ('company', 'person')),
            id_a TEXT NOT NULL,
            id_b TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (kind, id_a, id_b)
        )""",
    ]
    for sql in statements:
        # One by one: executescript() would commit the migration's transaction.
        db.execute(sql)


_ASCII_LOWER_0003 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _name_key_0003(name: str | None) -> str:
    """Frozen with migration 3: ``shared.duplicates.name_key`` as it was then.

    A shipped migration must compute the same keys whatever the live function
    later becomes; changing the live rules needs a new migration that refills
    the column.
    """
    s = (name or "").translate(_ASCII_LOWER_0003)
    for a, b in NAME_KEY_FOLD:
        s = s.replace(a, b)
    s = s.replace(".", "")
    for ch in NAME_KEY_PUNCTUATION:
        s = s.replace(ch, " ")
    s = " " + s.replace(" ", "  ") + " "
    for word in NAME_KEY_DROP_WORDS:
        s = s.replace(f" {word} ", " ")
    return s.replace(" ", "")


def _m0003_stored_name_key(db: Database) -> None:
    # Migration 2's virtual name-key columns cost ~50 us on every insert of a contact
    # (SQLite evaluates the whole replace() chain for the index) and dominated bulk
    # index builds. The key is now a plain column the store fills, like search_text.
    db.conn.create_function("callsheet_name_key", 1, _name_key_0003, deterministic=True)
    for table in ("companies", "persons"):
        db.execute(f"DROP INDEX {table}_name_key")
        for column, _ in reversed(name_key_columns("name")):
            db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        db.execute(f"ALTER TABLE {table} ADD COLUMN name_key TEXT NOT NULL DEFAULT ''")
        db.execute(f"UPDATE {table} SET name_key = callsheet_name_key(name)")
    db.execute("CREATE INDEX companies_name_key ON companies(name_key)")
    db.execute("CREATE INDEX persons_name_key ON persons(name_key, company_id)")


def _m0004_call_effects(db: Database) -> None:
    # A replayed call undoes what its earlier version did (the tasks it closed, the
    # do-not-call flag it set): those are found by the call id, on every replay.
    db.executescript(
        """
        CREATE INDEX tasks_by_closing_call ON tasks(closed_by_call)
            WHERE closed_by_call IS NOT NULL;
        CREATE INDEX dnc_events_by_call ON dnc_events(call_id) WHERE call_id IS NOT NULL;
        """
    )


def _m0005_recently_deleted(db: Database) -> None:
    # Deleted companies and persons wait here for 30 days: the record, its persons,
    # tasks and campaign places as JSON, taken out of the live tables so that every
    # query (lookups, lists, campaigns, tasks) stays as it was and keeps its indexes.
    db.execute(
        """CREATE TABLE trash (
            pk INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('company', 'person')),
            record_id TEXT NOT NULL,
            label TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            deleted_at TEXT NOT NULL,
            side TEXT NOT NULL,
            client TEXT,
            snapshot TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX trash_by_time ON trash(deleted_at)")
    db.execute("CREATE INDEX trash_by_record ON trash(record_id)")


def _m0006_sort_keys(db: Database) -> None:
    # Names sort by a Unicode-aware key (ä with a, ß as ss) kept in an indexed column,
    # so big lists page in that order by keyset; persons also by last name. The key
    # function is frozen here (shared.collation computes the same for new rows).
    import unicodedata

    extra = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
                           "þ": "th", "ı": "i"})

    def key(text: str | None) -> str:
        folded = (text or "").casefold()
        base = "".join(c for c in unicodedata.normalize("NFKD", folded)
                       if not unicodedata.combining(c)).translate(extra)
        return f"{base}\x01{(text or '').lower()}"

    def last_key(last: str | None, first: str | None, name: str) -> str:
        if last and last.strip():
            return key(f"{last.strip()} {(first or '').strip()}".strip())
        return key(name)

    db.conn.create_function("callsheet_sort_key", 1, key, deterministic=True)
    db.conn.create_function("callsheet_last_key", 3, last_key, deterministic=True)
    db.execute("ALTER TABLE companies ADD COLUMN sort_key TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE companies SET sort_key = callsheet_sort_key(display_name)")
    db.execute("ALTER TABLE persons ADD COLUMN sort_key TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE persons ADD COLUMN last_sort_key TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE persons SET sort_key = callsheet_sort_key(name),"
               " last_sort_key = callsheet_last_key(last_name, first_name, name)")
    db.execute("CREATE INDEX companies_sort ON companies(sort_key, pk)")
    db.execute("CREATE INDEX persons_sort ON persons(sort_key, pk)")
    db.execute("CREATE INDEX persons_last_sort ON persons(last_sort_key, pk)")


def _m0007_tasks_by_time(db: Database) -> None:
    # The desktop's task list with closed tasks shown, across campaigns: without an
    # index on the time alone SQLite read and sorted every task for each page.
    db.execute("CREATE INDEX tasks_by_time ON tasks(timestamp, id)")


def _m0008_notes(db: Database) -> None:
    # Many dated notes per contact, each with its author (the contact's single Notes
    # field stays as the contract's annotation). A note is a company's or a person's.
    # Statement by statement: executescript() would commit the migration's transaction.
    for sql in (
        """CREATE TABLE notes (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            company_id TEXT REFERENCES companies(id) ON DELETE CASCADE,
            person_id TEXT REFERENCES persons(id) ON DELETE CASCADE,
            author TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK ((company_id IS NULL) <> (person_id IS NULL))
        )""",
        "CREATE INDEX notes_by_company ON notes(company_id, created_at)"
        " WHERE company_id IS NOT NULL",
        "CREATE INDEX notes_by_person ON notes(person_id, created_at)"
        " WHERE person_id IS NOT NULL",
    ):
        db.execute(sql)


def _m0009_unknown_callers(db: Database) -> None:
    # The Unknown callers list groups the calls no contact is linked to by their number.
    db.execute(
        "CREATE INDEX calls_unlinked_by_number ON calls(phone_number, started_at)"
        " WHERE person_id IS NULL AND company_id IS NULL AND phone_number IS NOT NULL")


def _m0010_todos(db: Database) -> None:
    # Personal to-dos: tasks without a campaign, owned by a person at a desk. A table of
    # their own, so no query the API runs on tasks can ever hand one to Apollo.
    for sql in (
        """CREATE TABLE todos (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            owner TEXT NOT NULL,
            title TEXT NOT NULL,
            due_at TEXT NOT NULL,
            remind_at TEXT NOT NULL,
            notified_at TEXT,
            company_id TEXT REFERENCES companies(id) ON DELETE CASCADE,
            person_id TEXT REFERENCES persons(id) ON DELETE CASCADE,
            done_at TEXT,
            created_at TEXT NOT NULL,
            CHECK (company_id IS NULL OR person_id IS NULL)
        )""",
        "CREATE INDEX todos_open_by_owner ON todos(owner, due_at) WHERE done_at IS NULL",
        "CREATE INDEX todos_to_remind ON todos(remind_at) WHERE done_at IS NULL",
        "CREATE INDEX todos_by_company ON todos(company_id) WHERE company_id IS NOT NULL",
        "CREATE INDEX todos_by_person ON todos(person_id) WHERE person_id IS NOT NULL",
    ):
        db.execute(sql)


def _m0011_person_details(db: Database) -> None:
    # What the desktop knows of a person beyond the contract's fields (job title,
    # department, postal address): a table of its own, so the API's person queries and
    # its JSON stay exactly the contract's.
    db.execute(
        """CREATE TABLE person_details (
            person_id TEXT PRIMARY KEY REFERENCES persons(id) ON DELETE CASCADE,
            job_title TEXT, department TEXT, address TEXT, zip_code TEXT, country TEXT
        )""")


def _m0012_do_not_call_lists(db: Database) -> None:
    # The "Do-not-call contacts" filter pages through the flagged contacts by name.
    db.execute("CREATE INDEX companies_dnc ON companies(sort_key, pk) WHERE do_not_call = 1")
    db.execute("CREATE INDEX persons_dnc ON persons(sort_key, pk) WHERE do_not_call = 1")


def _m0013_calling_hours(db: Database) -> None:
    # A campaign's calling hours (contact's local time); no row: no limit, as before.
    db.execute(
        """CREATE TABLE campaign_calling_hours (
            campaign_id TEXT PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
            start TEXT NOT NULL,
            "end" TEXT NOT NULL
        )""")


def _m0014_dashboard_covering(db: Database) -> None:
    # The dashboard counts a month of calls by day, agent and tag. Through calls_started
    # (the time alone) every one of those calls' table rows was read for its answered
    # flag and agent, and every tag's row for its name: 6 s at 500,000 calls. These
    # indexes hold what the counts need, so they read the indexes only. The new calls
    # index replaces calls_started (its first column is the same), so posting a call
    # maintains no more indexes on calls than before.
    db.execute("CREATE INDEX calls_started_covering ON calls(started_at, answered, agent, id)")
    db.execute("DROP INDEX calls_started")
    db.execute("CREATE INDEX call_tags_by_call ON call_tags(call_id, category, tag)")


def _m0015_privacy(db: Database) -> None:
    # Privacy and consent (issue 14): the privacy log, the block list of erased
    # persons' numbers (keyed hashes only), consent records, campaigns that need
    # consent, and when a person was erased.
    statements = [
        """CREATE TABLE privacy_log (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity_type TEXT,
            entity_id TEXT,
            reason TEXT,
            details TEXT NOT NULL DEFAULT '{}'
        )""",
        """CREATE TABLE blocked_numbers (
            hash TEXT PRIMARY KEY,
            added_at TEXT NOT NULL
        ) WITHOUT ROWID""",
        """CREATE TABLE consents (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            company_id TEXT,
            person_id TEXT,
            kind TEXT NOT NULL DEFAULT 'phone_advertising',
            given_at TEXT NOT NULL,
            source TEXT NOT NULL,
            given_by TEXT,
            file_ref TEXT,
            withdrawn_at TEXT,
            -- The last campaign call to the contact among calls deleted since (by the
            -- retention rules): the proof's five years count from the last use.
            last_used_at TEXT,
            created_at TEXT NOT NULL,
            CHECK ((company_id IS NULL) <> (person_id IS NULL))
        )""",
        "CREATE INDEX consents_by_person ON consents(person_id) WHERE person_id IS NOT NULL",
        "CREATE INDEX consents_by_company ON consents(company_id) WHERE company_id IS NOT NULL",
        "ALTER TABLE campaigns ADD COLUMN needs_consent INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE persons ADD COLUMN erased_at TEXT",
    ]
    for sql in statements:
        db.execute(sql)


MIGRATIONS: list[Migration] = [
    _m0001_initial,
    _m0002_duplicates_and_dashboard,
    _m0003_stored_name_key,
    _m0004_call_effects,
    _m0005_recently_deleted,
    _m0006_sort_keys,
    _m0007_tasks_by_time,
    _m0008_notes,
    _m0009_unknown_callers,
    _m0010_todos,
    _m0011_person_details,
    _m0012_do_not_call_lists,
    _m0013_calling_hours,
    _m0014_dashboard_covering,
    _m0015_privacy,
]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: Database) -> int:
    """The schema version of an open database (0 for a new file)."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: Database) -> int:
    """Bring the schema up to date, one migration per transaction; return the version.

    Raises RuntimeError when the file was written by a newer Callsheet, since
    running older code on it could damage it.
    """
    current = schema_version(db)
    if current > SCHEMA_VERSION:
        raise RuntimeError(
            f"This database has schema version {current}, newer than this Callsheet "
            f"understands ({SCHEMA_VERSION}). Update Callsheet."
        )
    for version in range(current + 1, SCHEMA_VERSION + 1):
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            if schema_version(db) >= version:
                db.conn.execute("COMMIT")
                continue
            MIGRATIONS[version - 1](db)
            if not db.conn.in_transaction:
                # Something committed part-way (executescript does): what ran is
                # already on disk, so stop before the version claims the rest.
                raise RuntimeError(f"Migration {version} ended its own transaction.")
            db.conn.execute(f"PRAGMA user_version = {version}")
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION
