"""Ids the CRM makes: upper-case UUIDv4 for contacts (like the contract's
examples), 64 hex digits for tasks (like the contract's task example)."""

from __future__ import annotations

import hashlib
import secrets
import uuid


def new_contact_id() -> str:
    """A new company or person id: ``83FA8C8A-77AB-4946-A8A0-6E921071176A``."""
    return str(uuid.uuid4()).upper()


def new_task_id() -> str:
    """A new task id: 64 random hex digits."""
    return secrets.token_hex(32)


def call_task_id(call_id: str, position: int) -> str:
    """The id of the ``position``-th new task of a call: the same on every replay."""
    return hashlib.sha256(f"{call_id}\x1f{position}".encode()).hexdigest()
