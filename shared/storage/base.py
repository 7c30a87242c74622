"""What every repository shares: the unit of work it runs in, and small query helpers."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..model import Actor
from ..timeutil import to_db

if TYPE_CHECKING:
    from .unit_of_work import UnitOfWork


class Repository:
    """One area's queries. It reads and writes through ``uow`` (connection, dialect,
    clock, id generators) and reaches the other areas as ``self.uow.<area>``; it
    never opens or commits a transaction itself: ``self.uow.write()`` does."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    @property
    def conn(self) -> Any:
        return self.uow.conn

    @property
    def d(self) -> Any:
        """The engine's dialect: where SQLite and PostgreSQL differ."""
        return self.uow.dialect

    def write(self, *, durable: bool = True) -> Any:
        return self.uow.write(durable=durable)

    def _now(self) -> str:
        return to_db(self.uow.clock())

    def _one(self, sql: str, params: Any = ()) -> Any:
        return self.uow.conn.execute(sql, params).fetchone()

    def _all(self, sql: str, params: Any = ()) -> list[Any]:
        return self.uow.conn.execute(sql, params).fetchall()

    def _insert(self, table: str, cols: dict[str, Any]) -> None:
        names = ", ".join(cols)
        marks = ", ".join("?" for _ in cols)
        self.conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(cols.values()))

    def _audit(
        self, actor: Actor, entity_type: str, entity_id: str, action: str,
        changes: dict[str, Any] | None = None,
    ) -> None:
        self.uow.reports.record_audit(actor, entity_type, entity_id, action, changes)


def audit_json(changes: dict[str, Any] | None) -> str:
    """An audit entry's changes as stored."""
    return json.dumps(changes or {}, ensure_ascii=False, default=str)


# Rows of one multi-row INSERT, well below SQLite's 999 variables and PostgreSQL's 65,535.
ROWS_PER_INSERT = 100


def values_sql(table: str, columns: tuple[str, ...], count: int) -> str:
    """``INSERT INTO table (columns) VALUES (?, ...), ...`` for ``count`` rows."""
    one = "(" + ", ".join("?" * len(columns)) + ")"
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES " + ", ".join([one] * count)
