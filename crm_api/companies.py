"""``POST /companies``, ``GET`` and ``PATCH /companies/{companyId}``."""

from __future__ import annotations

import falcon

from . import serialize
from .bodies import read_json
from .context import ApiContext, prefixed
from .openapi import validate_body


class Companies:
    """Create a company."""

    def __init__(self, ctx: ApiContext) -> None:
        self.ctx = ctx

    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        body = read_json(req)
        validate_body("/companies", "post", body)
        with prefixed("contact.company"):
            company = self.ctx.store().create_company(body["contact"]["company"],
                                                      self.ctx.actor(req))
        resp.status = falcon.HTTP_201
        resp.location = f"/companies/{company.id}"
        resp.media = {"contact": {"company": {"id": company.id}}}


class Company:
    """Read or partly update one company."""

    def __init__(self, ctx: ApiContext) -> None:
        self.ctx = ctx

    def on_get(self, req: falcon.Request, resp: falcon.Response, company_id: str) -> None:
        resp.media = {"company": serialize.company(self.ctx.store().get_company(company_id))}

    def on_patch(self, req: falcon.Request, resp: falcon.Response, company_id: str) -> None:
        body = read_json(req)
        validate_body("/companies/{companyId}", "patch", body)
        store = self.ctx.store()
        store.get_company(company_id)
        with prefixed("company"):
            store.update_company(company_id, body["company"], self.ctx.actor(req))
        resp.status = falcon.HTTP_204
