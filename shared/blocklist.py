"""The block list: an erased person's numbers, kept only as keyed hashes.

An objection to calls must outlive the erasure of the person who made it
(GDPR Art. 21(3)). The numbers themselves are personal data, so the list
holds ``HMAC-SHA256(secret, E.164)`` with a secret made once per database
(in ``settings``): the list alone does not give the numbers back, and the
same number always maps to the same entry. A contact created later with a
blocked number is flagged do-not-call with ``BLOCK_REASON``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import reasons
from .model import Actor, ContactRef

if TYPE_CHECKING:
    from .store import Store

BLOCK_REASON = str(reasons.BLOCKED)
SECRET_SETTING = "privacy_block_secret"


def number_hash(secret: str, number: str) -> str:
    """The keyed hash of one E.164 number, as hex."""
    return hmac.new(secret.encode(), number.encode(), hashlib.sha256).hexdigest()


def secret(store: Store, *, create: bool = True) -> str | None:
    """This database's block-list secret; made on first use when ``create``."""
    value = store.get_setting(SECRET_SETTING)
    if value is None and create:
        with store.write():
            # Never overwrite: two servers making the first secret at once would leave
            # the hashes one of them made unreadable. The first one stored wins.
            store.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                (SECRET_SETTING, secrets.token_hex(32)))
            value = store.get_setting(SECRET_SETTING)
    return value


def block_numbers(store: Store, numbers: Iterable[str | None]) -> list[str]:
    """Add numbers to the block list (inside the caller's transaction); returns their hashes."""
    key = secret(store)
    assert key is not None
    hashes = sorted({number_hash(key, n) for n in numbers if n})
    store.conn.executemany(
        "INSERT INTO blocked_numbers (hash, added_at) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING",
        [(h, store._now()) for h in hashes])
    return hashes


def add_hashes(store: Store, hashes: Iterable[str]) -> None:
    """Put hashes made earlier (read back from the privacy log) on the block list."""
    store.conn.executemany(
        "INSERT INTO blocked_numbers (hash, added_at) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING",
        [(h, store._now()) for h in hashes])


def is_blocked(store: Store, number: str | None) -> bool:
    """True when ``number`` (E.164) is on the block list."""
    if not number:
        return False
    key = secret(store, create=False)
    if key is None:
        return False
    return store._one("SELECT 1 FROM blocked_numbers WHERE hash = ?",
                      (number_hash(key, number),)) is not None


def flag_if_blocked(store: Store, ref: ContactRef, numbers: Iterable[str | None],
                    actor: Actor) -> bool:
    """Flag a newly created contact do-not-call when one of its numbers is blocked.

    Called by the store inside the transaction that creates the contact, so the
    contact is never visible unflagged. Returns True when it was flagged.
    """
    numbers = [n for n in numbers if n]
    # The common case, an empty block list, costs one indexed read and no hashing.
    if not numbers or store._one("SELECT 1 FROM blocked_numbers LIMIT 1") is None:
        return False
    if not any(is_blocked(store, n) for n in numbers):
        return False
    if not store.set_do_not_call(ref, True, actor, reason=BLOCK_REASON):
        # Flagged already for another reason: the objection still goes on file, so it
        # is known should that other reason go and the flag be lifted.
        store.conn.execute(
            "INSERT INTO dnc_events (company_id, person_id, do_not_call, reason, side, client,"
            " at) VALUES (?, ?, 1, ?, ?, ?, ?)",
            (None if ref.person_id else ref.company_id, ref.person_id, BLOCK_REASON,
             actor.side, actor.client, store._now()))
    return True

