"""Small builders the import/export tests share."""

from __future__ import annotations

from pathlib import Path

from shared.calls import parse_call
from shared.model import Actor
from shared.store import Store

API = Actor("api", "127.0.0.1")


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write CSV text as a file in ``encoding`` with CRLF line ends, as Excel does."""
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def call(store: Store, call_id: str, at: str, *, agent: str | None = "peggy.sue",
         answered: bool = True, company: str | None = None, person: str | None = None,
         tags: list[tuple[str, str]] = (), source: dict | None = None) -> None:
    """Record a call as Apollo would post it."""
    body = {"id": call_id, "agent": agent, "timestampInit": at,
            "contact": {"company": company, "person": person},
            "tags": [{"category": c, "id": t} for c, t in tags]}
    if answered:
        body["timestampStart"] = at
    if source:
        body["source"] = source
    store.record_call(parse_call(body), API)
