"""Checks on the project's OpenAPI 3.1 document, resources/openapi.json.

The document is served at GET /openapi.json, validates request bodies at runtime
(jsonschema, Draft 2020-12) and drives schemathesis, so it must be a valid OpenAPI
document whose request schemas compile, resolve and accept their own examples.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DOC_PATH = Path(__file__).resolve().parents[2] / "resources" / "openapi.json"
DOC_URI = "urn:callsheet:openapi"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

EXPECTED_OPERATIONS = {
    ("post", "/contacts/show"): "showContact",
    ("post", "/contacts/search"): "searchContacts",
    ("post", "/companies"): "createCompany",
    ("get", "/companies/{companyId}"): "getCompany",
    ("patch", "/companies/{companyId}"): "updateCompany",
    ("post", "/persons"): "createPerson",
    ("get", "/persons/{personId}"): "getPerson",
    ("patch", "/persons/{personId}"): "updatePerson",
    ("get", "/campaigns/{campaignId}/contacts"): "getCampaignContacts",
    ("get", "/campaigns/{campaignId}/tasks"): "getCampaignTasks",
    ("get", "/campaigns/{campaignId}/next"): "getNextCampaignContact",
    ("post", "/calls"): "postCall",
    ("get", "/openapi.json"): "getOpenApiDocument",
}


def _load() -> dict[str, Any]:
    with DOC_PATH.open(encoding="utf-8") as fh:
        return json.load(fh)


DOC = _load()
REGISTRY = Registry().with_resource(DOC_URI, Resource(contents=DOC, specification=DRAFT202012))


def _pointer_escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    ops = []
    for path, item in DOC["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                ops.append((method, path, item[method]))
    return ops


def _request_bodies() -> list[tuple[str, str, dict[str, Any]]]:
    """(operationId, JSON pointer of the schema, media type object) for every JSON request body."""
    out = []
    for method, path, op in _operations():
        body = op.get("requestBody")
        if body is None:
            continue
        if "$ref" in body:  # pragma: no cover - the document inlines request bodies
            raise AssertionError(
                f"{op['operationId']}: request body $ref not supported by the server"
            )
        media = body["content"]["application/json"]
        pointer = "/".join(
            [
                "#",
                "paths",
                _pointer_escape(path),
                method,
                "requestBody",
                "content",
                _pointer_escape("application/json"),
                "schema",
            ]
        )
        out.append((op["operationId"], pointer, media))
    return out


def validator_for_pointer(pointer: str, *, formats: bool = True) -> Draft202012Validator:
    """A validator for the schema at `pointer` (e.g. '#/components/schemas/Phone')."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": DOC_URI + pointer}
    return Draft202012Validator(
        schema,
        registry=REGISTRY,
        format_checker=FormatChecker() if formats else None,
    )


def _component(name: str) -> Draft202012Validator:
    return validator_for_pointer(f"#/components/schemas/{name}")


def _walk(node: Any, trail: str = "#"):
    if isinstance(node, dict):
        yield trail, node
        for key, value in node.items():
            yield from _walk(value, f"{trail}/{_pointer_escape(str(key))}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{trail}/{i}")


# --------------------------------------------------------------------------- document


def test_document_is_valid_openapi_3_1() -> None:
    assert DOC["openapi"] == "3.1.0"
    assert DOC["info"]["title"] == "Callsheet CRM API"
    assert DOC["info"]["version"] == "1.0.0"
    validate(DOC)


def test_operations_are_exactly_the_contract() -> None:
    found = {(method, path): op.get("operationId") for method, path, op in _operations()}
    assert found == EXPECTED_OPERATIONS
    ids = [op["operationId"] for _, _, op in _operations()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("method", "path", "op"),
    _operations(),
    ids=[op.get("operationId", f"{m} {p}") for m, p, op in _operations()],
)
def test_operation_has_id_and_auth_response(method: str, path: str, op: dict[str, Any]) -> None:
    assert op.get("operationId"), f"{method.upper()} {path} has no operationId"
    assert op.get("description"), f"{op['operationId']} has no description"
    if op["operationId"] == "getOpenApiDocument":
        assert op["security"] == []
        assert "401" not in op["responses"]
    else:
        assert "security" not in op, "operations use the global security requirement"
        assert "401" in op["responses"], f"{op['operationId']} does not document 401"


def test_security_schemes() -> None:
    schemes = DOC["components"]["securitySchemes"]
    assert schemes["bearerAuth"] == {**schemes["bearerAuth"], "type": "http", "scheme": "bearer"}
    assert schemes["basicAuth"] == {**schemes["basicAuth"], "type": "http", "scheme": "basic"}
    assert DOC["security"] == [{"bearerAuth": []}, {"basicAuth": []}]


def _resolve_response(resp: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in resp:
        return REGISTRY.resolver(DOC_URI).lookup(DOC_URI + resp["$ref"]).contents
    return resp


def test_every_error_response_uses_the_error_schema() -> None:
    for _, _, op in _operations():
        for status, resp in op["responses"].items():
            if int(status) < 400:
                continue
            resp = _resolve_response(resp)
            schema = resp["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/Error"}, (op["operationId"], status)


def test_all_refs_resolve() -> None:
    resolver = REGISTRY.resolver(DOC_URI)
    refs = {node["$ref"] for _, node in _walk(DOC) if isinstance(node.get("$ref"), str)}
    assert refs
    for target in refs:
        assert target.startswith("#/"), target
        resolver.lookup(DOC_URI + target)  # raises when unresolvable


def test_request_schemas_never_forbid_unknown_keys() -> None:
    for _, node in _walk(DOC["components"]["schemas"]):
        assert node.get("additionalProperties") is not False
    for _, pointer, media in _request_bodies():
        for _, node in _walk(media["schema"]):
            assert node.get("additionalProperties") is not False, pointer


# --------------------------------------------------------------------------- request bodies


@pytest.mark.parametrize(
    ("operation_id", "pointer", "media"), _request_bodies(), ids=[b[0] for b in _request_bodies()]
)
def test_request_body_schema_compiles(
    operation_id: str, pointer: str, media: dict[str, Any]
) -> None:
    Draft202012Validator.check_schema(media["schema"])
    validator = validator_for_pointer(pointer)
    # Validating something forces every $ref on the way to be resolved.
    assert not validator.is_valid([])
    assert not validator.is_valid({})
    assert list(validator.iter_errors("not an object"))


def _request_examples() -> list[tuple[str, str, str, Any]]:
    out = []
    for operation_id, pointer, media in _request_bodies():
        assert media.get("examples") or "example" in media, f"{operation_id} has no example"
        if "example" in media:
            out.append((f"{operation_id}:example", pointer, operation_id, media["example"]))
        for name, example in (media.get("examples") or {}).items():
            out.append((f"{operation_id}:{name}", pointer, operation_id, example["value"]))
    return out


@pytest.mark.parametrize(
    ("label", "pointer", "operation_id", "value"),
    _request_examples(),
    ids=[e[0] for e in _request_examples()],
)
def test_request_examples_validate(label: str, pointer: str, operation_id: str, value: Any) -> None:
    errors = [e.message for e in validator_for_pointer(pointer).iter_errors(value)]
    assert not errors, f"{label}: {errors}"


def test_every_request_body_has_a_seed_example() -> None:
    for operation_id, _, media in _request_bodies():
        assert "seed" in media["examples"], operation_id


def test_seed_call_example_is_fixed_and_original_is_rejected() -> None:
    media = DOC["paths"]["/calls"]["post"]["requestBody"]["content"]["application/json"]
    seed = media["examples"]["seed"]["value"]
    assert seed["call"]["timestampClosed"] == "2020-10-28T10:39:54.392Z"
    broken = json.loads(json.dumps(seed))
    broken["call"]["timestampClosed"] = "2020-10-28T10:39:84.392Z"
    pointer = "#/paths/~1calls/post/requestBody/content/application~1json/schema"
    assert not validator_for_pointer(pointer).is_valid(broken)


def test_response_examples_validate() -> None:
    checked = 0
    for method, path, op in _operations():
        for status, resp in op["responses"].items():
            resp = _resolve_response(resp)
            media = resp.get("content", {}).get("application/json")
            if not media or not media.get("examples"):
                continue
            pointer = "/".join(
                ["#", "paths", _pointer_escape(path), method, "responses", status, "content"]
                + [_pointer_escape("application/json"), "schema"]
            )
            validator = validator_for_pointer(pointer)
            for name, example in media["examples"].items():
                errors = [e.message for e in validator.iter_errors(example["value"])]
                assert not errors, (op["operationId"], status, name, errors)
                checked += 1
    assert checked >= 10


# --------------------------------------------------------------------------- single schemas


@pytest.mark.parametrize("value", ["+4350456", "+498944322883100", "+123"])
def test_phone_accepts_e164(value: str) -> None:
    assert _component("Phone").is_valid(value)
    assert _component("NullablePhone").is_valid(value)


@pytest.mark.parametrize(
    "value",
    [
        "+49 89 123",
        "+١٢٣٤",  # Arabic-Indic digits: \d would match them in Python, [0-9] does not
        "4350456",
        "+12",
        "",
        "+(49)89123",
        "+" + "1" * 40,
        4350456,
    ],
)
def test_phone_rejects_non_e164(value: Any) -> None:
    assert not _component("Phone").is_valid(value)
    assert not _component("NullablePhone").is_valid(value)


def test_phone_null() -> None:
    assert not _component("Phone").is_valid(None)
    assert _component("NullablePhone").is_valid(None)


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2019-08-24T14:15:22Z", True),
        ("2020-10-28T10:34:18.040Z", True),
        ("2020-10-28T11:34:18+01:00", True),
        ("2020-10-28T10:39:84.392Z", False),
        ("2020-10-28T10:39:54", False),
        ("2020-10-28", False),
        (None, False),
    ],
)
def test_timestamp(value: Any, ok: bool) -> None:
    assert _component("Timestamp").is_valid(value) is ok


def test_company_name_rules() -> None:
    create = validator_for_pointer(
        "#/paths/~1companies/post/requestBody/content/application~1json/schema"
    )
    patch = validator_for_pointer(
        "#/paths/~1companies~1{companyId}/patch/requestBody/content/application~1json/schema"
    )
    assert create.is_valid({"contact": {"company": {"name": "ACME"}}})
    assert create.is_valid({"contact": {"company": {"name": "ACME", "unknown": 1}, "person": None}})
    assert not create.is_valid({"contact": {"company": {}}})
    assert not create.is_valid({"contact": {"company": {"name": "   "}}})
    assert not create.is_valid({"contact": {"company": {"name": None}}})
    assert not create.is_valid({"contact": {"company": {"name": "ACME"}, "person": {"id": "P"}}})
    assert not create.is_valid({"contact": {"company": {"name": "ACME", "country": "de"}}})
    assert patch.is_valid({"company": {}})
    assert patch.is_valid({"company": {"address": None, "country": "AT"}})
    assert not patch.is_valid({"company": {"name": None}})
    assert not patch.is_valid({"company": {"name": " \t"}})
    assert not patch.is_valid({})


def test_person_name_rules() -> None:
    create = validator_for_pointer(
        "#/paths/~1persons/post/requestBody/content/application~1json/schema"
    )
    assert create.is_valid({"contact": {"person": {"lastName": "Klein"}}})
    assert create.is_valid({"contact": {"company": None, "person": {"displayName": "Rob"}}})
    assert not create.is_valid({"contact": {"person": {}}})
    assert not create.is_valid({"contact": {"person": {"firstName": " ", "lastName": None}}})
    assert not create.is_valid({"contact": {"company": {}, "person": {"firstName": "Rob"}}})


def test_show_contact_needs_company_or_person() -> None:
    show = validator_for_pointer(
        "#/paths/~1contacts~1show/post/requestBody/content/application~1json/schema"
    )
    assert show.is_valid({"contact": {"company": {"id": "C1"}, "person": None}})
    assert show.is_valid({"contact": {"company": None, "person": {"id": "P1"}}})
    assert not show.is_valid({"contact": {"company": None, "person": None}})
    assert not show.is_valid({"contact": {}})


def test_call_rules() -> None:
    call = _component("Call")
    assert call.is_valid({"id": "x"})
    assert not call.is_valid({})
    assert not call.is_valid({"id": ""})
    assert not call.is_valid({"id": "x", "tags": {"category": "a", "id": "b"}})
    assert call.is_valid(
        {"id": "x", "tags": [{"category": "a", "id": "b", "payload": [1, {"k": None}]}]}
    )
    assert call.is_valid(
        {"id": "x", "newTasks": [{"campaignId": "c", "timestamp": "2020-01-01T00:00:00Z"}]}
    )
    assert not call.is_valid({"id": "x", "newTasks": [{"timestamp": "2020-01-01T00:00:00Z"}]})
    assert call.is_valid({"id": "x", "source": {"type": "campaign", "id": "c", "taskId": "t"}})
    assert not call.is_valid({"id": "x", "source": {"type": "campaign"}})
    assert call.is_valid({"id": "x", "timestampEnd": None, "phoneNumber": None, "contact": None})
    assert not call.is_valid({"id": "x", "timestampEnd": "2020-10-28T10:49:55"})
