"""Housekeeping while ``callsheet-api serve`` runs: at start, then hourly, Recently deleted
forgets what waited over 30 days, and the retention rules apply (``run_if_due`` runs them at
most once a calendar day)."""

from __future__ import annotations

import logging
import threading

from shared import retention
from shared.model import Actor
from shared.store import Store
from shared.timeutil import utc_now

log = logging.getLogger("callsheet.api")
HOURLY = 3600.0


class RetentionJob:
    """A background thread applying the retention rules once a day, on its own store."""

    def __init__(self, store: Store, interval: float = HOURLY) -> None:
        self.store = store
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
        raised (the API goes on)."""
        self.purge()
        try:
            result = retention.run_if_due(self.store, utc_now())
        except Exception:
            log.exception("the retention run failed; it is tried again within the hour")
            return None
        if result is not None:
            log.info("Retention: deleted %d calls, anonymised %d persons, deleted %d expired"
                     " consent proofs (see 'callsheet-api privacy log').", result.calls_deleted,
                     result.persons_anonymised, result.consents_deleted)
        return result

    def purge(self) -> int:
        """Forget what waited in Recently deleted over 30 days; a failure is logged."""
        try:
            purged = self.store.purge_deleted(Actor("cli", "serve"))
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
