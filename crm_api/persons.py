"""``POST /persons``, ``GET`` and ``PATCH /persons/{personId}``."""

from __future__ import annotations

from typing import Any

import falcon

from . import parse, serialize
from .bodies import read_json
from .context import ApiContext, prefixed
from .openapi import validate_body


class Persons:
    """Create a person, of a company or private."""

    def __init__(self, ctx: ApiContext) -> None:
        self.ctx = ctx

    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        body = read_json(req)
        validate_body("/persons", "post", body)
        contact = body["contact"]
        company_id = parse.optional_id(contact.get("company"), "contact.company")
        with prefixed("contact.person"):
            person = self.ctx.store().create_person(contact["person"], self.ctx.actor(req),
                                                    company_id=company_id)
        resp.status = falcon.HTTP_201
        resp.location = f"/persons/{person.id}"
        resp.media = {"contact": {"person": {"id": person.id}}}


class Person:
    """Read or partly update one person; ``company`` moves it."""

    def __init__(self, ctx: ApiContext) -> None:
        self.ctx = ctx

    def on_get(self, req: falcon.Request, resp: falcon.Response, person_id: str) -> None:
        resp.media = {"person": serialize.person(self.ctx.store().get_person(person_id))}

    def on_patch(self, req: falcon.Request, resp: falcon.Response, person_id: str) -> None:
        body = read_json(req)
        validate_body("/persons/{personId}", "patch", body)
        store = self.ctx.store()
        store.get_person(person_id)
        kwargs: dict[str, Any] = {}
        if "company" in body:
            kwargs["company_id"] = parse.optional_id(body["company"], "company")
        with prefixed("person"):
            store.update_person(person_id, body["person"], self.ctx.actor(req), **kwargs)
        resp.status = falcon.HTTP_204
