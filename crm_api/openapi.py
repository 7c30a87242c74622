"""The OpenAPI document in resources/: served as it is, and the source of the
JSON Schemas that every request body is checked against, so the document and
the behaviour cannot drift apart."""

from __future__ import annotations

import json
from functools import cache
from typing import Any
from urllib.parse import quote

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError
from jsonschema.exceptions import best_match, relevance
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from shared.errors import ValidationError
from shared.resources import resource_path

DOCUMENT_PATH = resource_path("openapi.json")
_BASE = "urn:callsheet:openapi"


@cache
def document() -> dict[str, Any]:
    """The OpenAPI document, parsed."""
    return json.loads(DOCUMENT_PATH.read_text(encoding="utf-8"))


@cache
def document_bytes() -> bytes:
    """The OpenAPI document as served (compact JSON)."""
    return json.dumps(document(), ensure_ascii=False, separators=(",", ":")).encode()


def _pointer(*parts: str) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


@cache
def _registry() -> Registry:
    return Registry().with_resource(
        _BASE, Resource.from_contents(document(), default_specification=DRAFT202012))


@cache
def body_validator(path: str, method: str) -> Draft202012Validator:
    """The validator of one operation's JSON request body."""
    doc = document()
    media = doc["paths"][path][method]["requestBody"]["content"]["application/json"]
    assert "schema" in media
    ref = f"{_BASE}#/" + _pointer("paths", path, method, "requestBody", "content",
                                  "application/json", "schema")
    return Draft202012Validator({"$ref": ref}, registry=_registry())


def _field(error: SchemaError) -> str:
    out = ""
    for part in error.absolute_path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _describe(error: SchemaError) -> tuple[str, str]:
    """A sentence a person can act on, and the dotted field it is about."""
    field = _field(error)
    where = field or "The body"
    v, schema = error.validator, error.schema if isinstance(error.schema, dict) else {}
    if v == "required":
        missing = next((k for k in error.validator_value if k not in error.instance), "?")
        name = f"{field}.{missing}" if field else missing
        return f"{name} is required.", name
    if v == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        return f"{where} must be of type {expected}.", field
    if v == "pattern" and "+[0-9]" in str(error.validator_value):
        return (f"{where} must be an E.164 phone number like +498944322883100 "
                "(a plus and digits, no spaces).", field)
    if v in ("pattern", "enum") and field.endswith("country"):
        return f"{where} must be an ISO 3166-1 alpha-2 country code like DE.", field
    if v == "pattern" and error.validator_value == "\\S":
        return f"{where} must not be blank.", field
    if v == "maxLength":
        return f"{where} is too long (at most {error.validator_value} characters).", field
    if v == "minLength":
        return f"{where} must not be empty.", field
    if v == "maxItems":
        return f"{where} has too many entries (at most {error.validator_value}).", field
    if v == "enum":
        allowed = ", ".join(json.dumps(x) for x in error.validator_value)
        return f"{where} must be one of {allowed}.", field
    if v in ("anyOf", "oneOf"):
        if schema.get("x-message"):
            return f"{where} {schema['x-message']}", field
        # "X or null": say what was wrong with the X.
        inner = best_match(e for e in error.context
                           if not (e.validator == "type" and e.validator_value == "null"))
        if inner is not None:
            return _describe(inner)
    return f"{where}: {error.message}", field


@cache
def _fast_validator(path: str, method: str) -> Any:
    """The same schema compiled by jsonschema-rs (about 100x faster), or None without it.

    It only answers "valid or not"; the messages come from the Python
    validator, which runs only when a body is invalid.
    """
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - an optional speed-up
        return None
    root = dict(document())
    root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    # A URI fragment: path templates' braces must be percent-encoded.
    root["$ref"] = "#/" + quote(_pointer("paths", path, method, "requestBody", "content",
                                         "application/json", "schema"), safe="/~")
    return jsonschema_rs.Draft202012Validator(root)


def validate_body(path: str, method: str, body: Any) -> None:
    """Check a request body against its operation's schema; raise ValidationError."""
    fast = _fast_validator(path, method)
    if fast is not None and fast.is_valid(body):
        return
    validator = body_validator(path, method)
    errors = list(validator.iter_errors(body))
    if errors:
        # The most relevant error at its own level: best_match would descend into an
        # anyOf's branches and lose the anyOf's own message.
        error = max(errors, key=relevance)
        message, field = _describe(error)
        raise ValidationError(message, field=field or None)
