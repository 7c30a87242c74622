"""``create_app``: the Falcon application, wired from an ApiContext.

Tests, the headless server and the desktop's embedded server all build the
API here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import falcon

from shared.database import PG_UNAVAILABLE_ERRORS, SQLITE_ERRORS, spoils_connection
from shared.errors import (
    CallsheetError,
    Conflict,
    DatabaseUnavailable,
    NotFound,
    ValidationError,
    WrongSource,
)

from .calls import Calls
from .campaigns import CampaignContacts, CampaignTasks, NextContact
from .companies import Companies, Company
from .contacts import SearchContacts, ShowContact
from .context import ApiContext
from .db_errors import classify
from .docs import OpenApiDocument
from .middleware import AccessLog, RequireKey, WriteSlots
from .persons import Person, Persons

log = logging.getLogger("callsheet.api")

ROUTES: dict[str, type] = {
    "/contacts/show": ShowContact,
    "/contacts/search": SearchContacts,
    "/companies": Companies,
    "/companies/{company_id}": Company,
    "/persons": Persons,
    "/persons/{person_id}": Person,
    "/campaigns/{campaign_id}/contacts": CampaignContacts,
    "/campaigns/{campaign_id}/tasks": CampaignTasks,
    "/campaigns/{campaign_id}/next": NextContact,
    "/calls": Calls,
}

_STATUS = {NotFound: falcon.HTTP_404, ValidationError: falcon.HTTP_400,
           WrongSource: falcon.HTTP_400, Conflict: falcon.HTTP_409,
           DatabaseUnavailable: falcon.HTTP_503}


def _domain_error(req: falcon.Request, resp: falcon.Response, ex: CallsheetError,
                  params: dict) -> None:
    resp.status = next((s for t, s in _STATUS.items() if isinstance(ex, t)), falcon.HTTP_400)
    if isinstance(ex, DatabaseUnavailable):
        # Someone must act (the file went away): loud, with the file's name in the message.
        log.error("%s %s refused: %s", req.method, req.path, ex.message)
        resp.set_header("Retry-After", "30")
    body = {"message": str(ex.message)}  # English, a plain str (Text is one too)
    if ex.field:
        body["field"] = ex.field
    resp.media = body


def _database_error(ctx: ApiContext) -> Callable[..., None]:
    def handle(req: falcon.Request, resp: falcon.Response, ex: Exception,
               params: dict) -> None:
        fault = classify(ex)
        if spoils_connection(ex):
            # SQLite opened the file read-only (or hit an I/O error) and would stay so:
            # this thread opens a fresh connection at its next request.
            ctx.stores.discard_current()
        if fault.unexpected:
            log.exception("unexpected database error on %s %s (database %s)", req.method,
                          req.path, ctx.stores.path)
        else:
            log.log(fault.level, "database error on %s %s: %s (database %s)", req.method,
                    req.path, ex, ctx.stores.path)
        resp.status = fault.status
        if fault.retry_after:
            resp.set_header("Retry-After", fault.retry_after)
        resp.media = {"message": fault.message}

    return handle


def _shared_database_unavailable(ctx: ApiContext) -> Callable[..., None]:
    """PostgreSQL busy (a deadlock it broke), restarting or unreachable: 503, try again;
    nothing was acknowledged, and the thread's connection is replaced if it broke."""
    def handle(req: falcon.Request, resp: falcon.Response, ex: Exception,
               params: dict) -> None:
        log.warning("shared database error on %s %s: %s", req.method, req.path,
                    str(ex).strip().splitlines()[0] if str(ex).strip() else type(ex).__name__)
        store = ctx.stores.current()
        if store is not None and getattr(store.db, "broken", False):
            ctx.stores.discard_current()
        resp.status = falcon.HTTP_503
        resp.set_header("Retry-After", "1")
        resp.media = {"message": "The database is busy or unreachable; try again in a moment."}

    return handle


def _unexpected(req: falcon.Request, resp: falcon.Response, ex: Exception, params: dict) -> None:
    log.exception("unexpected error on %s %s", req.method, req.path)
    resp.status = falcon.HTTP_500
    resp.media = {"message": "Callsheet hit an internal error; it has been logged."}


def _serialize_http_error(req: falcon.Request, resp: falcon.Response,
                          ex: falcon.HTTPError) -> None:
    if ex.status_code == 405:
        allowed = resp.get_header("Allow") or ""
        message = f"{req.method} is not allowed on {req.path}; use {allowed}."
    elif ex.status_code == 404 and not ex.description:
        message = f"There is no {req.path} in this API; see /openapi.json."
    else:
        message = ex.description or ex.title
    resp.content_type = falcon.MEDIA_JSON
    resp.media = {"message": message}


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def _head_and_options(resource: object) -> object:
    """Answer HEAD wherever GET is (Falcon answers 405 otherwise) and OPTIONS with an
    ``Allow`` that lists HEAD and OPTIONS too (Falcon's own OPTIONS leaves itself out).

    Falcon drops the body of a HEAD response and keeps its headers, Content-Length
    included, so HEAD runs the GET responder as it is.
    """
    get = getattr(resource, "on_get", None)
    if get is not None and not hasattr(resource, "on_head"):
        resource.on_head = get  # type: ignore[attr-defined]
    allowed = ", ".join(
        [m for m in _METHODS if hasattr(resource, f"on_{m.lower()}")] + ["OPTIONS"])

    def on_options(req: falcon.Request, resp: falcon.Response, **params: str) -> None:
        resp.status = falcon.HTTP_200
        resp.set_header("Allow", allowed)
        resp.content_length = 0

    resource.on_options = on_options  # type: ignore[attr-defined]
    return resource


def _json_handler() -> falcon.media.JSONHandler | None:
    """Responses encoded by orjson (a 50-task list: 20 us instead of 160), or None
    without it. Requests are still read by bodies.read_json, strictly."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - an optional speed-up
        return None
    return falcon.media.JSONHandler(dumps=orjson.dumps, loads=orjson.loads)


def create_app(ctx: ApiContext) -> falcon.App:
    """The Falcon app serving the Apollo API over ``ctx``'s database."""
    wait = ctx.stores.busy_timeout_ms / 1000
    app = falcon.App(middleware=[AccessLog(ctx), RequireKey(ctx), WriteSlots(wait=wait)])
    json_handler = _json_handler()
    if json_handler is not None:
        app.resp_options.media_handlers[falcon.MEDIA_JSON] = json_handler
    app.req_options.keep_blank_qs_values = True
    app.req_options.strip_url_path_trailing_slash = False
    app.resp_options.secure_cookies_by_default = False
    app.add_route("/openapi.json", _head_and_options(OpenApiDocument()))
    for path, resource in ROUTES.items():
        app.add_route(path, _head_and_options(resource(ctx)))
    app.add_error_handler(Exception, _unexpected)
    for error in SQLITE_ERRORS:
        app.add_error_handler(error, _database_error(ctx))
    for error in PG_UNAVAILABLE_ERRORS:
        app.add_error_handler(error, _shared_database_unavailable(ctx))
    app.add_error_handler(CallsheetError, _domain_error)
    app.set_error_serializer(_serialize_http_error)
    return app
