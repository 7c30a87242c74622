"""``POST /calls``: every finished call, stored idempotently by Apollo's call id."""

from __future__ import annotations

import falcon

from shared.calls import parse_call

from .bodies import read_json
from .context import ApiContext
from .openapi import validate_body


class Calls:
    """Store a call with its effects; 201 when new, 200 when it replaced a call."""

    def __init__(self, ctx: ApiContext) -> None:
        self.ctx = ctx

    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        body = read_json(req)
        validate_body("/calls", "post", body)
        call, actor = parse_call(body["call"]), self.ctx.actor(req)
        result = self.ctx.writes.run(lambda store: store.record_call(call, actor))
        resp.status = falcon.HTTP_201 if result.created else falcon.HTTP_200
        resp.media = {"message": result.message}
