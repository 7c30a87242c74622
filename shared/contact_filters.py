"""Contact lists beyond the text filter: the do-not-call contacts, a page at a time,
in the order and with the keyset the Companies and Persons lists use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .store import Store


def _matches(record: Any, text: str) -> bool:
    hay = " ".join(str(getattr(record, a, "") or "") for a in (
        "name", "display_name", "email", "city", "phone", "phone2")).lower()
    return text in hay


def list_do_not_call(store: Store, kind: str, text: str = "", *,
                     after: tuple[str, int] | None = None, limit: int = 200,
                     order: str = "name") -> list[Any]:
    """The flagged companies (``kind="company"``) or persons in the lists' order (by the
    sort key, persons also by last name), after the keyset ``(key, pk)``; ``text``
    narrows them to those whose name, e-mail, city or number holds it."""
    table = "companies" if kind == "company" else "persons"
    col = "last_sort_key" if kind == "person" and order == "last_name" else "sort_key"
    get = store.get_company if kind == "company" else store.get_person
    text = text.strip().lower()
    out: list[Any] = []
    while len(out) < limit:
        where, params = ["do_not_call = 1"], []
        if after is not None:
            where.append(f"({col}, pk) > (?, ?)")
            params += [after[0], after[1]]
        rows = store.conn.execute(
            f"SELECT id, {col} AS n, pk FROM {table} WHERE {' AND '.join(where)}"
            f" ORDER BY {col}, pk LIMIT ?", [*params, limit]).fetchall()
        for r in rows:
            record = get(r["id"])
            if not text or _matches(record, text):
                out.append(record)
        if len(rows) < limit:
            break
        after = (rows[-1]["n"], rows[-1]["pk"])
    return out[:limit]
