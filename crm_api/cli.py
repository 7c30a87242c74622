"""``callsheet-api``: serve the API headless, and administer the database.

Every command exits non-zero with a one-line message on bad input.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import NoReturn

from shared.backup import backup, hold_lock, restore
from shared.database import (
    SQLITE_DAMAGED_ERRORS,
    check_intact,
    connect,
    damaged_message,
    is_database_file,
    require_existing,
)
from shared.errors import CallsheetError
from shared.logfiles import add_secret, setup_logging
from shared.model import Actor, ContactRef
from shared.settings import (
    API_KEY,
    check_port,
    ensure_api_key,
    resolve,
    resolve_db_path,
    rotate_api_key,
)
from shared.storage.address import is_postgres
from shared.store import Store
from shared.timeutil import parse_timestamp
from shared.versions import version_text
from shared.words import plural

PROG = "callsheet-api"
CLI = Actor("cli")


class CliError(Exception):
    """A message for the person at the terminal; the command exits 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, not argparse's usage block: scripts log it, people read it.
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _store(args: argparse.Namespace, *, create: bool = False) -> Store:
    """The store on ``--db``. Only commands that make a database pass ``create``: for the
    others a mistyped path is an error (exit 1), not a new, empty database."""
    path = resolve_db_path(args.db)
    if not create:
        return Store(connect(path, create=False))
    new = not is_postgres(path) and not path.exists()
    store = Store(connect(path))
    if new:
        _print(f"Created a new database at {path}.")
    return store


def _print(text: str) -> None:
    print(text, flush=True)


# -- serve ---------------------------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> int:
    from shared.stores import ThreadStores

    from . import logsink
    from .app import create_app
    from .context import ApiContext
    from .logs import AccessLines
    from .middleware import ACCESS_FORMAT, access_log
    from .retention_job import RetentionJob
    from .server import ApiServer

    # Nothing the server writes may block it: a pipe nobody reads would stop it.
    logsink.install()
    say, said = logsink.console()
    db_path = resolve_db_path(args.db)
    # Held while serving: restore refuses to replace a database in use.
    lock = hold_lock(db_path)
    new = not is_postgres(db_path) and not db_path.exists()
    stores = ThreadStores(db_path)
    try:
        # A damaged file is refused at start, with how to restore, not found by Apollo's calls.
        check_intact(stores.get().db, db_path)
    except CallsheetError:
        stores.close()
        lock.release()
        raise
    if new:
        # On stderr with the log: stdout's first line is the key or the address.
        logging.getLogger("callsheet.api").info("Created a new database at %s.", db_path)
    store = stores.get()
    host = resolve("host", args.host, store).value or "127.0.0.1"
    port = check_port(resolve("port", args.port, store).value)
    key = resolve(API_KEY, args.api_key, store)
    fixed_key = key.value if key.origin in ("flag", "env") else None
    if fixed_key is None:
        stored, created = ensure_api_key(store)
        if created and sys.stdout.isatty():
            # Shown once, on the first start, to the admin at the terminal.
            say.info(f"Created the API key (shown once; '{PROG} key show' shows it again): "
                     f"{stored}")
        elif created:
            # Output to a file or a pipe is a log: the key is never written to one.
            shown = db_path.redacted() if is_postgres(db_path) else db_path
            say.info(f"Created an API key; '{PROG} key show --db {shown}' shows it.")
    access_lines = AccessLines(access_log, ACCESS_FORMAT)
    try:
        server = ApiServer(create_app(ApiContext(stores, api_key=fixed_key,
                                                 access_lines=access_lines)), host, port,
                           after_request=access_lines.after_request)
    except OSError as e:
        access_lines.close()
        raise CliError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None
    # Housekeeping on its own thread and store: without the desktop running, the server
    # forgets what was deleted 30 days ago and applies the retention rules. The purge runs
    # once before the server answers (a deleted record must not come back from the dead).
    job = RetentionJob(stores)
    job.purge()
    shown = db_path.redacted() if is_postgres(db_path) else db_path
    say.info(f"Callsheet API listening on {server.url} (database: {shown})")
    say.info("Press Ctrl+C to stop.")
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    # What start-up made (modules, the OpenAPI schemas, phone metadata, the stores) stays
    # for good: frozen, the collector's full passes no longer walk it, so they stop being
    # millisecond pauses in the middle of a request (the lookups' p99).
    gc.collect()
    gc.freeze()
    server.start()
    job.start()
    try:
        # A short wait, not one long one: the signal handlers run between the waits.
        while not stop.wait(0.5):
            pass
    finally:
        job.stop()
        server.stop()
        access_lines.close()
        stores.close()
        lock.release()
        say.info("Stopped.")
        said.flush()
    return 0


# -- key -----------------------------------------------------------------------


def cmd_key(args: argparse.Namespace) -> int:
    store = _store(args)
    if args.action == "show":
        key, _ = ensure_api_key(store)
        _print(key)
    else:
        _print(rotate_api_key(store))
    if resolve(API_KEY, None, None).origin == "env":
        print(f"{PROG}: note: CALLSHEET_API_KEY is set and overrides the stored key.",
              file=sys.stderr)
    return 0


# -- campaign / task -----------------------------------------------------------


def cmd_campaign_add(args: argparse.Namespace) -> int:
    c = _store(args).create_campaign(args.id, args.name, CLI, contacts_source=args.contacts,
                                     tasks_source=args.tasks)
    _print(f"Created campaign {c.id} ({c.name}): contacts from {c.contacts_source},"
           f" tasks from {c.tasks_source}.")
    return 0


def _ref(args: argparse.Namespace) -> ContactRef:
    return ContactRef(args.company, args.person)


def cmd_campaign_assign(args: argparse.Namespace) -> int:
    added = _store(args).assign_contacts(args.id, [_ref(args)], CLI)
    _print(f"Assigned to {args.id}." if added else f"Already in {args.id}; nothing changed.")
    return 0


def cmd_task_add(args: argparse.Namespace) -> int:
    when = parse_timestamp(args.at, "--at")
    task = _store(args).add_task(args.campaign_id, _ref(args), when, CLI,
                                 scheduled=args.scheduled, annotation=args.note)
    _print(task.id)
    return 0


# -- backup / restore ----------------------------------------------------------


def cmd_backup(args: argparse.Namespace) -> int:
    from datetime import datetime
    from pathlib import Path

    db_path = require_existing(resolve_db_path(args.db))
    target = Path(args.path).expanduser()
    if is_postgres(db_path):
        from shared.storage.pg_backup import backup_postgres

        if target.is_dir():
            target = target / f"callsheet-{datetime.now():%Y-%m-%d-%H%M%S}.dump"
        backup_postgres(db_path, target)
        _print(f"Backed up {db_path.redacted()} to {target} (pg_dump; restore it with"
               " pg_restore).")
        return 0
    if target.is_dir():
        target = target / f"{db_path.stem}-{datetime.now():%Y-%m-%d-%H%M%S}.db"
    backup(db_path, target)
    _print(f"Backed up {db_path} to {target}.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    db_path = resolve_db_path(args.db)
    if is_postgres(db_path):
        raise CliError(
            "restore replaces a SQLite file; a PostgreSQL database is restored from its"
            f" pg_dump file with: pg_restore --clean --no-owner --dbname '{db_path.redacted()}'"
            f" {args.path}")
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError(f"restore replaces {db_path}; add --yes to confirm")
        answer = input(f"Replace {db_path} with {args.path}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            raise CliError("not restored")
    kept = restore(args.path, db_path)
    _print(f"Restored {db_path} from {args.path}."
           + (f" The replaced database is kept as {kept}." if kept else ""))
    return 0


# -- copy ----------------------------------------------------------------------


def _progress_bar() -> Callable[[str, int, int], None] | None:
    """A one-line progress display on a terminal (stderr); None when not on one."""
    if not sys.stderr.isatty():
        return None
    last = [0.0]

    def show(table: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - last[0] < 0.1:
            return
        last[0] = now
        width = 30
        filled = width * done // total if total else width
        sys.stderr.write(f"\r{table:<18} [{'#' * filled}{'.' * (width - filled)}]"
                         f" {done:>9,}/{total:,}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def cmd_copy(args: argparse.Namespace) -> int:
    from shared.database import connect
    from shared.storage.address import parse_address
    from shared.storage.copy import copy_database

    source_at, target_at = parse_address(args.source), parse_address(args.target)
    if not is_postgres(source_at) and not source_at.exists():
        raise CliError(f"there is no database at {source_at}")
    if not is_postgres(target_at) and target_at.exists() and target_at.stat().st_size:
        raise CliError(f"{target_at} exists already; copy into a new file")
    source = Store(connect(source_at))
    try:
        target = Store(connect(target_at))
        try:
            report = copy_database(source, target, with_key=args.with_key,
                                   progress=_progress_bar())
        finally:
            target.close()
    finally:
        source.close()
    shown = target_at.redacted() if is_postgres(target_at) else target_at
    _print(f"Copied into {shown}: " + ", ".join(
        f"{n} {table.replace('_', ' ')}" for table, n in report.counts.items()) + ".")
    _print("The API key was copied too (restart a service already running on the target:"
           " it still uses the key it started with)." if report.key_copied else
           "The API key was not copied (add --with-key to copy it): the target keeps its own"
           " (its service makes one on its first start).")
    return 0


# -- simulate ------------------------------------------------------------------


def cmd_simulate(args: argparse.Namespace) -> int:
    from .simulate import simulate

    if args.agents < 1 or args.duration <= 0 or args.think < 0:
        raise CliError("--agents must be at least 1, --duration above 0, --think not negative")
    summary = simulate(args.url, args.key, agents=args.agents, duration=args.duration,
                       seed=args.seed, campaigns=args.campaign, numbers=args.number,
                       think=args.think, read_only=args.read_only, out=sys.stdout)
    return 1 if summary.errors or not summary.requests else 0


# -- demo ----------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    from shared.demo import load_demo

    counts = load_demo(_store(args, create=True))
    where = resolve_db_path(args.db)
    _print("Loaded the demo data: " + ", ".join(f"{n} {what}" for what, n in counts.items())
           + f" into {where.redacted() if is_postgres(where) else where}.")
    return 0


# -- import / export -------------------------------------------------------------

EXIT_ROWS_FAILED = 3


def cmd_import(args: argparse.Namespace) -> int:
    from shared.csv_import import (
        TARGET_BY_KEY,
        Importer,
        apply_overrides,
        failed_rows_csv,
        guess_mapping,
        read_csv,
    )

    _not_the_database(args.file, args)
    _not_the_database(args.failed, args)
    path = resolve_db_path(args.db)
    if args.dry_run and not is_postgres(path) and not path.exists():
        # A dry run writes nothing, not even a new database: it checks the file
        # against an empty one in memory.
        _print(f"There is no database at {path} yet: checking against an empty one.")
        store = Store(connect(":memory:"))
    else:
        store = _store(args, create=True)
    region = (resolve("region", args.region, store).value or "DE").upper()
    file = read_csv(args.file, delimiter=args.delimiter)
    mapping = apply_overrides(file.headers, guess_mapping(file.headers), args.map or [])
    _print(f"{args.file}: {plural(len(file.rows), 'row')}, delimiter {file.delimiter!r},"
           f" {file.encoding}. Columns:")
    for header, target in zip(file.headers, mapping, strict=True):
        _print(f"  {header or '(no header)'} -> "
               + (f"{target} ({TARGET_BY_KEY[target].label})" if target else "ignored"))
    importer = Importer(store, region=region, actor=CLI)
    plan = importer.analyse(file, mapping)
    for rp in plan.duplicates:
        _print(f"  row {rp.row}: {rp.label} may be "
               + "; ".join(m.text for m in rp.matches) + f" -> {args.on_duplicate}")
    report = importer.run(plan, default=args.on_duplicate, dry_run=args.dry_run)
    _print(report.text())
    if args.failed and report.failed:
        failed_rows_csv(plan, report, args.failed)
        _print(f"The failed rows, with why, are in {args.failed}.")
    # Rows that failed are reported and the others imported: a script can tell
    # "all done" (0) from "done, but look at the report" (3) and "nothing done" (1).
    return EXIT_ROWS_FAILED if report.failed else 0


def _not_the_database(file: str | None, args: argparse.Namespace) -> None:
    """Refuse a file argument that is the database or one of its side files: writing it
    would destroy the database, and even reading it outside SQLite drops SQLite's locks."""
    if file and is_database_file(file, resolve_db_path(args.db)):
        raise CliError(f"{file} is a file of the database itself; choose another file")


def cmd_export(args: argparse.Namespace) -> int:
    from shared.export import export

    _not_the_database(args.out, args)
    store = _store(args)
    if args.what == "vcard":
        from shared.vcard import export_vcards

        if args.format not in (None, "vcf"):
            raise CliError("a vcard export is always vCard 4.0; leave out --format")
        n = export_vcards(store, args.out)
        _print(f"Wrote {n} vCards to {args.out}.")
        return 0
    region = (resolve("region", None, store).value or "DE").upper()
    n = export(store, args.what, args.out, args.format, delimiter=args.delimiter,
               region=region)
    _print(f"Wrote {n} {args.what} to {args.out}.")
    return 0


# -- parser --------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``callsheet-api``."""
    # Raw: --version prints one component per line.
    parser = _Parser(prog=PROG, description="Callsheet's Apollo API and its administration.",
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=version_text(),
                        help="print the versions of Callsheet, Qt, SQLite and Python, then exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                parser_class=_Parser)

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str,
            parent: argparse._SubParsersAction = sub) -> argparse.ArgumentParser:
        p = parent.add_parser(name, help=help_, description=help_)
        p.add_argument("--db", metavar="PATH",
                       help="the database file (default: CALLSHEET_DB, else the user data"
                            " directory)")
        p.set_defaults(func=func)
        return p

    serve = add("serve", cmd_serve, "Run the API until Ctrl+C or SIGTERM.")
    serve.add_argument("--host", help="address to listen on (CALLSHEET_HOST; 127.0.0.1)")
    serve.add_argument("--port", help="port to listen on (CALLSHEET_PORT; 8765)")
    serve.add_argument("--api-key", dest="api_key", metavar="KEY",
                       help="the key clients must send (CALLSHEET_API_KEY; else the stored one)")

    key = add("key", cmd_key, "Show or rotate the stored API key.")
    key.add_argument("action", choices=["show", "rotate"])

    campaign = sub.add_parser("campaign", help="Add campaigns and assign contacts.")
    csub = campaign.add_subparsers(dest="campaign_command", required=True, metavar="ACTION",
                                   parser_class=_Parser)
    cadd = add("add", cmd_campaign_add, "Create a campaign.", csub)
    cadd.add_argument("id", help="Apollo's campaign id, e.g. tech_level_2")
    cadd.add_argument("--name", required=True)
    cadd.add_argument("--contacts", choices=["crm", "apollo"], default="crm",
                      help="where the campaign's contacts come from (default crm)")
    cadd.add_argument("--tasks", choices=["crm", "apollo"], default="crm",
                      help="where the campaign's tasks come from (default crm)")
    cassign = add("assign", cmd_campaign_assign, "Assign a contact to a campaign.", csub)
    cassign.add_argument("id")
    cassign.add_argument("--company", required=True, metavar="CID")
    cassign.add_argument("--person", metavar="PID",
                         help="assign this person of the company instead of the company")

    from .privacy_cli import register as register_privacy

    register_privacy(sub, add, csub)

    task = sub.add_parser("task", help="Add call tasks.")
    tsub = task.add_subparsers(dest="task_command", required=True, metavar="ACTION",
                               parser_class=_Parser)
    tadd = add("add", cmd_task_add, "Add an open task to a campaign.", tsub)
    tadd.add_argument("campaign_id")
    tadd.add_argument("--company", required=True, metavar="CID")
    tadd.add_argument("--person", metavar="PID")
    tadd.add_argument("--at", required=True, metavar="ISO8601",
                      help="when the task is due, e.g. 2026-12-01T09:00:00Z")
    tadd.add_argument("--scheduled", action="store_true",
                      help="a fixed appointment (a promised callback) rather than due-from")
    tadd.add_argument("--note", metavar="TEXT")

    bak = add("backup", cmd_backup, "Copy the database, even while it is in use.")
    bak.add_argument("path", metavar="PATH", help="the backup file (or a folder to put it in)")
    res = add("restore", cmd_restore,
              "Replace the database with a backup (refused while it is in use).")
    res.add_argument("path", metavar="PATH", help="the backup file to restore")
    res.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    cp = sub.add_parser(
        "copy", help="Copy everything into an empty database (SQLite <-> PostgreSQL).",
        description="Copy every record, the audit trail and the settings from SOURCE into"
                    " TARGET, an empty PostgreSQL database or a new SQLite file, in one"
                    " transaction. Each is a file path or a postgresql:// URL.")
    cp.add_argument("source", metavar="SOURCE", help="the database to copy from")
    cp.add_argument("target", metavar="TARGET", help="the empty database to copy into")
    cp.add_argument("--with-key", action="store_true",
                    help="copy the API key too (Apollo keeps working without a new key)")
    cp.set_defaults(func=cmd_copy)

    add("demo", cmd_demo, "Load the demo data set into an empty database.")

    imp = add("import", cmd_import,
              "Import companies and persons from a CSV file: all rows or none (committed in"
              " chunks, so a running server keeps answering).")
    imp.add_argument("file", metavar="FILE.csv")
    imp.add_argument("--region", help="phone region for numbers without +country"
                                      " (CALLSHEET_REGION; DE)")
    imp.add_argument("--map", action="append", metavar="COLUMN=FIELD",
                     help="map a column (header or number) to a field such as company.name,"
                          " person.phone or ignore; repeatable")
    imp.add_argument("--on-duplicate", dest="on_duplicate", default="skip",
                     choices=["skip", "merge", "import"],
                     help="a row like an existing contact (same phone or e-mail, similar"
                          " name): skip it, merge it into that contact, or import it anyway"
                          " (default skip)")
    imp.add_argument("--delimiter", help="the field delimiter (default: found out)")
    imp.add_argument("--dry-run", dest="dry_run", action="store_true",
                     help="report what would happen and write nothing")
    imp.add_argument("--failed", metavar="OUT.csv",
                     help="write the rows that failed, with why, to this CSV file")

    exp = add("export", cmd_export,
              "Export companies, persons, calls or tasks to CSV or XLSX, or contacts to vCard.")
    exp.add_argument("what", choices=["companies", "persons", "calls", "tasks", "vcard"])
    exp.add_argument("out", metavar="OUT", help="the file to write (.csv, .xlsx, .vcf)")
    exp.add_argument("--format", choices=["csv", "xlsx"],
                     help="the format (default: from OUT's extension)")
    exp.add_argument("--delimiter", default=";",
                     help="CSV field delimiter (default ';', what Excel expects in DE/AT/CH)")

    sim = sub.add_parser(
        "simulate", help="Play Apollo against a running Callsheet and print latencies.",
        description="Play Apollo against a running Callsheet: inbound calls (lookup, screen"
                    " pop, posted calls) and campaign dialing (next, tasks, campaign calls),"
                    " then print requests, errors and p50/p95/p99 per operation. It writes"
                    " calls, tasks and persons like Apollo would: use a test database, or"
                    " --read-only. Exits 1 when any request failed.")
    sim.set_defaults(func=cmd_simulate)
    sim.add_argument("--url", required=True, help="Callsheet's base URL, http://HOST:PORT")
    sim.add_argument("--key", required=True, help="the API key")
    sim.add_argument("--agents", type=int, default=8, help="simultaneous agents (default 8)")
    sim.add_argument("--duration", type=float, default=60.0,
                     help="seconds to run (default 60)")
    sim.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    sim.add_argument("--campaign", action="append", default=[], metavar="ID",
                     help="dial for this campaign too (repeatable); without one, inbound only")
    sim.add_argument("--number", action="append", default=[], metavar="E164",
                     help="a known number to call in with (repeatable)")
    sim.add_argument("--think", type=float, default=0.2,
                     help="mean think time between steps in seconds (default 0.2; 0: flat out)")
    sim.add_argument("--read-only", dest="read_only", action="store_true",
                     help="only lookups and task pulls: safe on a live database")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``callsheet-api``; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    # Console output goes through a handler that never blocks (nobody may read it);
    # setup_logging then adds only the log file.
    from . import logsink

    logsink.install()
    setup_logging("callsheet-api")
    add_secret(os.environ.get("CALLSHEET_API_KEY"))
    try:
        return args.func(args)
    except (CallsheetError, CliError) as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return 1
    except SQLITE_DAMAGED_ERRORS as e:
        # "file is not a database", "database disk image is malformed", ...
        path = resolve_db_path(getattr(args, "db", None))
        print(f"{PROG}: error: {damaged_message(path, str(e))}", file=sys.stderr)
        return 1
    except RuntimeError as e:
        # A database from a newer Callsheet, and similar refusals.
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"{PROG}: error: {e.strerror or e}: {getattr(e, 'filename', '') or ''}",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
