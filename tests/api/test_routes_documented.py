"""The OpenAPI document and the routes served cannot drift apart."""

from __future__ import annotations

import re

from crm_api.app import ROUTES
from crm_api.openapi import document

METHODS = {"get", "post", "patch", "put", "delete"}


def _served() -> set[tuple[str, str]]:
    out = set()
    for path, resource in ROUTES.items():
        openapi_path = re.sub(r"\{(\w+?)_id\}",
                              lambda m: "{" + m[1] + "Id}", path)
        for method in METHODS:
            if hasattr(resource, f"on_{method}"):
                out.add((openapi_path, method))
    out.add(("/openapi.json", "get"))
    return out


def _documented() -> set[tuple[str, str]]:
    return {(path, method) for path, item in document()["paths"].items()
            for method in item if method in METHODS}


def test_every_documented_operation_is_served_and_every_route_documented():
    assert _served() == _documented()


def test_served_document_is_the_file(api):
    import json

    from crm_api.openapi import DOCUMENT_PATH

    assert api.get("/openapi.json").json() == json.loads(DOCUMENT_PATH.read_text())
