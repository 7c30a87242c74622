"""Reading a JSON request body strictly: size, content type, encoding, shape."""

from __future__ import annotations

import json
import re
from typing import Any

import falcon

MAX_BODY = 1024 * 1024
# \uD800-\uDFFF: valid JSON escapes, but a lone one is no character and cannot be stored.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class BodyError(falcon.HTTPError):
    """A request body we cannot read; the status says why."""

    def __init__(self, status: str, message: str) -> None:
        super().__init__(status, description=message)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


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
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        raise BodyError(falcon.HTTP_400, "The body is nested too deeply.") from None
    except ValueError as e:
        raise BodyError(falcon.HTTP_400, f"The body is not valid JSON: {e}.") from None
    if not isinstance(data, dict):
        raise BodyError(falcon.HTTP_400, "The body must be a JSON object.")
    if _SURROGATE_ESCAPE.search(text):
        try:
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise BodyError(falcon.HTTP_400, "The body holds a \\u escape of a lone surrogate"
                            " (\\ud800-\\udfff), which is not a character.") from None
    return data
