"""What every resource needs: the thread's store, the key, who is asking."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import falcon

from shared.errors import ValidationError
from shared.group_commit import GroupCommit
from shared.group_lookup import GroupLookup
from shared.model import Actor
from shared.settings import API_KEY
from shared.storage.address import PgUrl
from shared.store import PhoneMatch, Store
from shared.stores import ThreadStores

if TYPE_CHECKING:
    from .logs import AccessLines


@dataclass(frozen=True)
class RequestInfo:
    """One served request, for the access log and the desktop's status bar."""

    at: float
    client: str
    method: str
    path: str
    status: int
    ms: float
    # The answer's message when the server failed (5xx), for the desktop's status bar.
    error: str | None = None


@dataclass
class ApiContext:
    """The API's configuration: where the data is and which key opens it.

    ``api_key`` is a fixed key (from a flag or the environment); when it is
    None the key stored in the database is read on every request, so a
    rotation takes effect at once, even from another process.
    """

    stores: ThreadStores
    api_key: str | None = None
    on_request: Callable[[RequestInfo], None] | None = None
    access_log: bool = True
    # Set by the headless server: access lines go to a writer thread (crm_api.logs).
    access_lines: AccessLines | None = None
    # Posted calls and hand-outs are group-committed on one writer connection:
    # one transaction and one fsync per batch, and a page cache that stays warm.
    writes: GroupCommit = field(init=False)
    # On PostgreSQL, caller lookups arriving together share one round trip
    # (shared.group_lookup); None on SQLite, where a lookup is a call in this process.
    lookups: GroupLookup | None = field(init=False)

    def __post_init__(self) -> None:
        self.writes = GroupCommit(self.stores.open_store,
                                  discard_store=self.stores.discard)
        self.lookups = GroupLookup() if isinstance(self.stores.path, PgUrl) else None

    def lookup_phone(self, number: str) -> list[PhoneMatch]:
        """The caller lookup, on the calling thread's store (grouped on PostgreSQL)."""
        if self.lookups is None:
            return self.store().lookup_phone(number)
        return self.lookups.lookup_phone(self.store(), number)

    def store(self) -> Store:
        """The calling thread's store."""
        return self.stores.get()

    def current_key(self) -> str | None:
        """The key a request must present now."""
        if self.api_key:
            return self.api_key
        return self.store().get_setting(API_KEY)

    @staticmethod
    def actor(req: falcon.Request) -> Actor:
        """The API client making this request, for the audit trail."""
        return Actor("api", req.remote_addr)


@contextmanager
def prefixed(prefix: str) -> Iterator[None]:
    """Name fields by their full path in the body (``phone`` -> ``contact.company.phone``)."""
    try:
        yield
    except ValidationError as e:
        if e.field and not e.field.startswith(prefix + "."):
            full = f"{prefix}.{e.field}"
            message = e.message
            if message.startswith(e.field):
                message = full + message[len(e.field):]
            raise ValidationError(message, field=full) from None
        raise
