"""The bench's reference: a bare Falcon + Waitress server for the caller lookup.

    .venv/bin/python -m bench.reference DB PORT      (DB: a file, or a postgresql:// URL)

``POST /contacts/search`` with the store's own lookup SQL (exact numbers, then
the switchboard prefix rule) and the API's response shape, and nothing else: no
key check, no schema validation, no access log. bench/run measures the API
against it on the same data, so the ratio is what Callsheet's own layers cost.
"""

from __future__ import annotations

import sqlite3
import sys
import threading

import falcon
from waitress import serve

from shared.store import LOOKUP_SQL, prefix_lookup_sql, switchboard_prefixes

_local = threading.local()


def _conn(path: str) -> sqlite3.Connection:
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = _local.conn = sqlite3.connect(path, check_same_thread=False)
        conn.row_factory = sqlite3.Row
    return conn


def _contact(r: sqlite3.Row) -> dict:
    return {"company": {"id": r["company_id"], "displayName": r["company_name"]}
            if r["company_id"] else None,
            "person": {"id": r["person_id"], "displayName": r["person_name"]}
            if r["person_id"] else None}


class Search:
    def __init__(self, path: str) -> None:
        self.path = path

    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        number = req.get_media()["query"]["phoneNumber"]
        conn = _conn(self.path)
        rows = conn.execute(LOOKUP_SQL, {"n": number}).fetchall()
        if not rows and (prefixes := switchboard_prefixes(number)):
            wanted = set(prefixes)
            found = [(n, r) for r in conn.execute(prefix_lookup_sql(len(prefixes)),
                                                  prefixes + prefixes)
                     for n in (r["phone"], r["phone2"]) if n in wanted]
            rows = [min(found, key=lambda f: (-len(f[0]), f[1]["company_name"]))[1]] if found \
                else []
        resp.media = {"contacts": [_contact(r) for r in rows]}


class PgSearch:
    """The same on PostgreSQL: the store's one lookup statement (exact numbers, else the
    switchboard prefixes), a connection per thread, prepared from the first run."""

    def __init__(self, url: str) -> None:
        from shared.storage.dialect_postgres import exact_or_prefix_sql
        from shared.storage.lookup import PREFIX_SELECT
        from shared.storage.postgres import translate

        self.url = url
        self.sql = translate(exact_or_prefix_sql(LOOKUP_SQL, PREFIX_SELECT), True)

    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        number = req.get_media()["query"]["phoneNumber"]
        conn = getattr(_local, "pg", None)
        if conn is None:
            import psycopg
            from psycopg.rows import dict_row

            conn = _local.pg = psycopg.connect(self.url, autocommit=True, row_factory=dict_row,
                                               prepare_threshold=0)
        prefixes = switchboard_prefixes(number)
        rows = conn.execute(self.sql, {"n": number, "prefixes": ",".join(prefixes)}).fetchall()
        if rows and rows[0]["rank"] == 2:
            wanted = set(prefixes)
            found = [(n, r) for r in rows for n in (r["phone"], r["phone2"]) if n in wanted]
            rows = [min(found, key=lambda f: (-len(f[0]), f[1]["company_name"]))[1]] if found \
                else []
        resp.media = {"contacts": [_contact(r) for r in rows]}


def main() -> None:
    path, port = sys.argv[1], int(sys.argv[2])
    app = falcon.App()
    app.add_route("/contacts/search",
                  PgSearch(path) if path.startswith("postgresql://") else Search(path))
    # As many worker threads as the API server has (crm_api.server.WAITRESS_OPTIONS).
    serve(app, host="127.0.0.1", port=port, threads=12, asyncore_use_poll=True,
          _quiet=True)


if __name__ == "__main__":
    main()
