"""``callsheet-api privacy ...`` and ``consent ...``: a person's data, erasure, the privacy
log, retention, and consent records with their proof.

Commands that only read (``privacy export``, ``privacy log``, ``consent export``)
need an existing database: a mistyped ``--db`` is an error, not a new file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from shared import consent, privacy, privacy_export, privacy_log, retention
from shared.errors import CallsheetError
from shared.model import ContactRef
from shared.store import Store
from shared.timeutil import parse_timestamp, utc_now

from .cli import CLI, _not_the_database, _print, _store

WHO = "cli"

Add = Callable[..., argparse.ArgumentParser]


class Refused(CallsheetError):
    """The command was refused; nothing was changed."""


@contextmanager
def _existing(args: argparse.Namespace) -> Iterator[Store]:
    """The store on ``--db``, closed afterwards (a restore in the same process, as in
    tests, finds no connection left open). A missing file is an error."""
    # As every reading command: a mistyped --db is an error (NoDatabase), not a new file.
    store = _store(args)
    try:
        yield store
    finally:
        store.db.close()


def _opened(cmd: Callable[[argparse.Namespace, Store], int]
            ) -> Callable[[argparse.Namespace], int]:
    """``cmd`` run with the store on ``--db`` (which must exist), closed afterwards."""
    def run(args: argparse.Namespace) -> int:
        with _existing(args) as store:
            return cmd(args, store)

    run.__doc__ = cmd.__doc__
    return run


def cmd_export(args: argparse.Namespace, store: Store) -> int:
    _not_the_database(args.out, args)
    if args.html:
        _not_the_database(args.html, args)
    data = privacy_export.write_export(store, args.person_id, args.out, who=WHO,
                                html_out=args.html)
    _print(f"Wrote everything stored about person {args.person_id} to {args.out}"
           + (f" and {args.html}" if args.html else "")
           + f": {len(data['calls'])} calls, {len(data['tasks'])} tasks,"
           f" {len(data['consents'])} consent records.")
    return 0


def cmd_erase(args: argparse.Namespace, store: Store) -> int:
    person = store.get_person(args.person_id)
    if not args.yes:
        if not sys.stdin.isatty():
            raise Refused(f"erase removes {person.name}'s personal data for good;"
                           " add --yes to confirm")
        answer = input(f"Erase the personal data of {person.name} ({person.id})? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            raise Refused("not erased")
    r = privacy.erase_person(store, args.person_id, reason=args.reason, who=WHO)
    _print(f"Erased person {r.person_id}: {r.calls_cleared} calls cleared, {r.tasks_removed}"
           f" tasks and {r.campaign_places_removed} campaign places removed,"
           f" {r.numbers_blocked} numbers on the block list.")
    return 0


def cmd_log(args: argparse.Namespace, store: Store) -> int:
    events = privacy_log.events(store, limit=args.limit)
    if args.json:
        _print(json.dumps([e.__dict__ for e in events], ensure_ascii=False, indent=2))
        return 0
    if not events:
        _print("The privacy log is empty.")
    for e in events:
        record = f"{e.entity_type} {e.entity_id}" if e.entity_id else "-"
        details = ", ".join(f"{k}={v}" for k, v in e.details.items())
        _print(f"{e.at}  {e.action:<14} {record:<45} by {e.actor}"
               + (f"  reason: {e.reason}" if e.reason else "")
               + (f"  ({details})" if details else ""))
    return 0


def cmd_reapply(args: argparse.Namespace, store: Store) -> int:
    try:
        entries = privacy_log.read_events_file(args.log)
    except (OSError, ValueError) as e:
        raise Refused(f"cannot read {args.log}: {e}") from None
    erased = privacy_log.reapply_events(store, entries)
    _print(f"Applied the privacy log again: {len(erased)} persons erased again"
           + (f" ({', '.join(erased)})" if erased else "") + ".")
    return 0


def cmd_retention(args: argparse.Namespace, store: Store) -> int:
    rules = retention.policy(store)
    if args.calls_months is not None or args.persons_years is not None:
        rules = retention.RetentionPolicy(
            rules.call_months if args.calls_months is None else args.calls_months,
            rules.person_years if args.persons_years is None else args.persons_years)
        retention.save_policy(store, rules)
    _print(f"Retention: calls kept {rules.call_months or 'forever'}"
           f"{' months' if rules.call_months else ''}; idle persons kept"
           f" {rules.person_years or 'forever'}{' years' if rules.person_years else ''}.")
    now = utc_now()
    if args.run:
        r = retention.run(store, now, rules)
        _print(f"Deleted {r.calls_deleted} calls, anonymised {r.persons_anonymised} persons,"
               f" deleted {r.consents_deleted} expired consent proofs.")
        return 0
    plan = retention.preview(store, now, rules)
    _print(f"A run now would delete {plan.call_count} calls"
           + (f" (started before {plan.calls_before})" if plan.calls_before else "")
           + f" and anonymise {len(plan.persons)} persons"
           + (f" (idle since before {plan.idle_before})" if plan.idle_before else "") + ".")
    for pid, _, last in plan.persons:
        _print(f"  person {pid}  last activity {last}")
    return 0


def _ref(args: argparse.Namespace) -> ContactRef:
    if not args.person and not args.company:
        raise Refused("name the contact with --person PID or --company CID")
    return ContactRef(args.company, args.person)


def cmd_consent_add(args: argparse.Namespace, store: Store) -> int:
    given = parse_timestamp(args.given_at, "--given-at") if args.given_at else utc_now()
    c = consent.add_consent(store, _ref(args), given_at=given, source=args.source,
                            given_by=args.by, file_ref=args.file, actor=CLI)
    _print(c.id)
    return 0


def cmd_consent_withdraw(args: argparse.Namespace, store: Store) -> int:
    when = parse_timestamp(args.at, "--at") if args.at else None
    c = consent.withdraw_consent(store, args.consent_id, CLI, when)
    _print(f"Consent {c.id} withdrawn at {c.withdrawn_at}.")
    return 0


def cmd_consent_export(args: argparse.Namespace, store: Store) -> int:
    _not_the_database(args.out, args)
    data = consent.write_proof(store, _ref(args), args.out, who=WHO)
    _print(f"Wrote the proof of {len(data['consents'])} consent records to {args.out}.")
    return 0


def cmd_campaign_consent(args: argparse.Namespace, store: Store) -> int:
    changed = consent.set_needs_consent(store, args.id, args.state == "on", CLI)
    state = "needs consent" if args.state == "on" else "does not need consent"
    _print(f"Campaign {args.id} {state}." if changed else f"Campaign {args.id} {state} already.")
    return 0


def register(sub: Any, add: Add, campaign_sub: Any) -> None:
    """Add the privacy and consent commands to ``callsheet-api``'s parser."""
    from .cli import _Parser

    def padd(name: str, cmd: Callable[[argparse.Namespace, Store], int], help_: str,
             parent: Any) -> argparse.ArgumentParser:
        return add(name, _opened(cmd), help_, parent)

    priv = sub.add_parser("privacy", help="A person's data: export, erase; the privacy log;"
                                          " retention.")
    psub = priv.add_subparsers(dest="privacy_command", required=True, metavar="ACTION",
                               parser_class=_Parser)
    exp = padd("export", cmd_export, "Write everything stored about a person to one JSON file"
                                    " (GDPR Art. 15).", psub)
    exp.add_argument("person_id", metavar="PERSON_ID")
    exp.add_argument("out", metavar="OUT.json")
    exp.add_argument("--html", metavar="OUT.html", help="also write a readable copy")
    era = padd("erase", cmd_erase, "Erase a person's personal data (GDPR Art. 17); the record"
                                  " stays as 'Erased person', the numbers stay blocked.", psub)
    era.add_argument("person_id", metavar="PERSON_ID")
    era.add_argument("--reason", required=True, metavar="TEXT",
                     help="why (kept in the privacy log; no personal data, please)")
    era.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    log = padd("log", cmd_log, "Print the privacy log (exports, erasures, retention runs),"
                              " newest first.", psub)
    log.add_argument("--limit", type=int, default=1000, help="at most this many (1000)")
    log.add_argument("--json", action="store_true", help="as JSON")
    rea = padd("reapply", cmd_reapply, "After restoring an older backup of a shared database:"
                                      " apply again the erasures and retention runs of a"
                                      " privacy log saved before with 'privacy log --json'.",
               psub)
    rea.add_argument("log", metavar="LOG.json")
    ret = padd("retention", cmd_retention, "Show what the retention rules would remove now;"
                                          " set them; or run them.", psub)
    ret.add_argument("--calls-months", dest="calls_months", type=int, metavar="N",
                     help="keep call records N months (0: forever)")
    ret.add_argument("--persons-years", dest="persons_years", type=int, metavar="N",
                     help="anonymise persons with no call, task or edit for N years (0: never)")
    ret.add_argument("--run", action="store_true", help="apply the rules now")

    con = sub.add_parser("consent", help="Consent to advertising calls (§7a UWG).")
    csub = con.add_subparsers(dest="consent_command", required=True, metavar="ACTION",
                              parser_class=_Parser)
    cadd = padd("add", cmd_consent_add, "Record a contact's consent; prints its id.", csub)
    cexp = padd("export", cmd_consent_export, "Write the proof of a contact's consent to JSON.",
               csub)
    for p in (cadd, cexp):
        p.add_argument("--person", metavar="PID")
        p.add_argument("--company", metavar="CID", help="a company contact (without --person)")
    cadd.add_argument("--source", required=True, metavar="TEXT",
                      help="how it was given: web form, call recording, signed letter ...")
    cadd.add_argument("--by", metavar="NAME", help="who took it")
    cadd.add_argument("--file", metavar="REF", help="where the proof is: a file, a recording")
    cadd.add_argument("--given-at", dest="given_at", metavar="ISO8601",
                      help="when it was given (default now)")
    cexp.add_argument("out", metavar="OUT.json")
    cwd = padd("withdraw", cmd_consent_withdraw, "Mark a consent withdrawn.", csub)
    cwd.add_argument("consent_id", metavar="CONSENT_ID")
    cwd.add_argument("--at", metavar="ISO8601", help="when (default now)")

    camp = padd("needs-consent", cmd_campaign_consent,
               "Mark a campaign as calling only contacts with consent (on) or not (off).",
               campaign_sub)
    camp.add_argument("id")
    camp.add_argument("state", choices=["on", "off"])
