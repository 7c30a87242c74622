"""Reading a JSON request body strictly: size, content type, encoding, shape."""

from __future__ import annotations

import json
import math
import re
from typing import Any

import falcon

from shared.errors import ValidationError
from shared.model import nfc

MAX_BODY = 1024 * 1024
# \uD800-\uDFFF: valid JSON escapes, but a lone one is no character and cannot be stored.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class BodyError(falcon.HTTPError):
    """A request body we cannot read; the status says why."""

    def __init__(self, status: str, message: str) -> None:
        super().__init__(status, description=message)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


class _TooLarge(Exception):  # noqa: N818 (not an error to show: read_json says what it means)
    """A number in the body that reads as infinity."""


def _checked_float(number: str) -> float:
    value = float(number)
    if math.isinf(value):
        raise _TooLarge(number)
    return value


# Made once: json.loads with hooks makes a decoder per call, a third of reading a lookup.
_DECODER = json.JSONDecoder(parse_constant=_reject_constant, parse_float=_checked_float)
_PLAIN_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


def _path_of_infinity(value: Any, path: str = "") -> str | None:
    """The dotted path (``call.tags[0].payload``) of the first infinite number."""
    if isinstance(value, float) and math.isinf(value):
        return path
    items = (value.items() if isinstance(value, dict)
             else enumerate(value) if isinstance(value, list) else ())
    for key, item in items:
        sub = f"{path}[{key}]" if isinstance(key, int) else (f"{path}.{key}" if path else key)
        found = _path_of_infinity(item, sub)
        if found is not None:
            return found
    return None


def _nfc_strings(value: Any) -> Any:
    """``value`` with every string in it in NFC (keys are the contract's ASCII names)."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, dict):
        return {k: _nfc_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nfc_strings(v) for v in value]
    return value


def read_json(req: falcon.Request) -> dict[str, Any]:
    """The body as a JSON object.

    413 over 1 MiB, 415 when it is not ``application/json``, 400 when it is
    not UTF-8, not JSON, or JSON that is not an object.
    """
    if req.content_length is not None and req.content_length > MAX_BODY:
        raise BodyError(falcon.HTTP_413, f"The body is larger than {MAX_BODY} bytes.")
    media_type = (req.content_type or "").split(";", 1)[0].strip().lower()
    if media_type != "application/json" and not (
            media_type.startswith("application/") and media_type.endswith("+json")):
        raise BodyError(falcon.HTTP_415,
                        "Send the body as JSON with the header Content-Type: application/json.")
    raw = req.bounded_stream.read(MAX_BODY + 1)
    if len(raw) > MAX_BODY:
        raise BodyError(falcon.HTTP_413, f"The body is larger than {MAX_BODY} bytes.")
    if not raw.strip():
        raise BodyError(falcon.HTTP_400, "The body is empty; send a JSON object.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BodyError(falcon.HTTP_400,
                        f"The body is not valid UTF-8 (byte {e.start}).") from None
    too_large = None
    try:
        if text.startswith("\ufeff"):
            json.loads(text)  # fails as ever: "Unexpected UTF-8 BOM"
        try:
            data = _DECODER.decode(text)
        except _TooLarge as e:
            too_large = str(e)
            data = _PLAIN_DECODER.decode(text)  # the rest may not be JSON: said as such
    except RecursionError:
        raise BodyError(falcon.HTTP_400, "The body is nested too deeply.") from None
    except ValueError as e:
        raise BodyError(falcon.HTTP_400, f"The body is not valid JSON: {e}.") from None
    if not isinstance(data, dict):
        raise BodyError(falcon.HTTP_400, "The body must be a JSON object.")
    if too_large is not None:
        # 1e400 reads as infinity, which JSON cannot write back: it would be stored as
        # something other than what was sent.
        try:
            where = _path_of_infinity(data) or "the body"
        except RecursionError:  # nested as deep as json.loads allows: no path to name
            where = "the body"
        shown = where if len(where) <= 80 else where[:80] + "..."
        raise ValidationError(
            f"{shown} holds the number {too_large[:40]}, too large to store (at most"
            " about 1.8e308).", field=None if where == "the body" else where)
    if _SURROGATE_ESCAPE.search(text):
        try:
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise BodyError(falcon.HTTP_400, "The body holds a \\u escape of a lone surrogate"
                            " (\\ud800-\\udfff), which is not a character.") from None
    if not text.isascii() or "\\u" in text:
        # Text is NFC from here on, so "e" + U+0301 and "\u00e9" are the same name and
        # count the same against every length limit, in the schema and in the domain.
        # An ASCII body without \u escapes (most of them) has nothing to normalise.
        try:
            data = _nfc_strings(data)
        except RecursionError:
            raise BodyError(falcon.HTTP_400, "The body is nested too deeply.") from None
    return data
