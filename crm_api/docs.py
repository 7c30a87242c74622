"""``GET /openapi.json``: the document, open without a key."""

from __future__ import annotations

import falcon

from .openapi import document_bytes


class OpenApiDocument:
    """Serve the OpenAPI document that also validates every request."""

    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        resp.content_type = falcon.MEDIA_JSON
        resp.data = document_bytes()
