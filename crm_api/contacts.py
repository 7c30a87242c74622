"""``POST /contacts/show`` (screen pop) and ``POST /contacts/search`` (caller lookup)."""

from __future__ import annotations

import falcon

from shared.phones import check_e164

from . import parse, serialize
from .bodies import read_json
from .context import ApiContext
from .openapi import validate_body


class ShowContact:
    """Ask the desktop app to bring a contact up for the agent."""

    def __init__(self, ctx: ApiContext) -> None:
        self.ctx = ctx

    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        body = read_json(req)
        validate_body("/contacts/show", "post", body)
        ref = parse.contact_ref(body["contact"])
        self.ctx.store().request_screen_pop(ref, self.ctx.actor(req))
        resp.status = falcon.HTTP_204


class SearchContacts:
    """Every contact with the caller's number (persons first, then companies)."""

    def __init__(self, ctx: ApiContext) -> None:
        self.ctx = ctx

    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        body = read_json(req)
        validate_body("/contacts/search", "post", body)
        # The schema's pattern lets a trailing newline through (Python's "$"); this does not.
        number = check_e164(body["query"]["phoneNumber"], "query.phoneNumber")
        matches = self.ctx.lookup_phone(number)
        resp.media = {"contacts": [serialize.contact(m.contact) for m in matches]}
