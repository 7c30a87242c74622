"""Housekeeping while ``callsheet-api serve`` runs: at start, then hourly, Recently deleted
forgets what waited over 30 days, and the retention rules apply (``run_if_due`` runs them at
most once a calendar day).

Several ``serve`` processes may share one PostgreSQL database: each hour every one of them
tries, and the one that gets the database's job lock does the housekeeping while the
others skip that round (the dialect's ``exclusive_job``)."""

from __future__ import annotations

import logging
import threading

from shared import retention
from shared.model import Actor
from shared.store import Store
from shared.stores import ThreadStores
from shared.timeutil import utc_now

log = logging.getLogger("callsheet.api")
HOURLY = 3600.0
JOB = retention.HOUSEKEEPING_JOB


class RetentionJob:
    """A background thread applying the retention rules once a day, on its own store (the
    thread's store of ``stores``: a connection lost to a database restart is replaced at
    the next round)."""

    def __init__(self, stores: ThreadStores, interval: float = HOURLY) -> None:
        self.stores = stores
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="retention", daemon=True)

    def start(self) -> RetentionJob:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def check(self) -> retention.RetentionResult | None:
        """Purge Recently deleted, then run the rules if due; a failure is logged, never
        raised (the API goes on). Does nothing while another server on the same database
        does its housekeeping (it ran the rules today, then: ``run_if_due`` sees it)."""
        try:
            store = self.stores.get()
            with store.dialect.exclusive_job(JOB) as mine:
                if not mine:
                    # Once an hour at most: says why this server's round did nothing.
                    log.info("another server does the housekeeping of this database now;"
                             " this round is skipped")
                    return None
                self._purge(store)
                result = retention.run_if_due(store, utc_now())
        except Exception:
            log.exception("the retention run failed; it is tried again within the hour")
            return None
        if result is not None:
            log.info("Retention: deleted %d calls, anonymised %d persons, deleted %d expired"
                     " consent proofs (see 'callsheet-api privacy log').", result.calls_deleted,
                     result.persons_anonymised, result.consents_deleted)
        return result

    def purge(self) -> int:
        """Forget what waited in Recently deleted over 30 days, unless another server on
        the same database is doing its housekeeping now; a failure is logged."""
        try:
            store = self.stores.get()
            with store.dialect.exclusive_job(JOB) as mine:
                return self._purge(store) if mine else 0
        except Exception:
            log.exception("purging Recently deleted failed; it is tried again within the hour")
            return 0

    def _purge(self, store: Store) -> int:
        try:
            purged = store.purge_deleted(Actor("cli", "serve"))
        except Exception:
            log.exception("purging Recently deleted failed; it is tried again within the hour")
            return 0
        if purged:
            log.info("purged %d record(s) deleted over 30 days ago", purged)
        return purged

    def _loop(self) -> None:
        while True:
            self.check()
            if self._stop.wait(self.interval):
                return
