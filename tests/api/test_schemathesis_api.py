"""Property-based: schemathesis generates requests from the served OpenAPI document.

Valid and invalid bodies, paths and query strings go to the real server; no
response may be a 5xx, and every response must be one the document
describes, with a body of the documented shape.

``positive_data_acceptance`` is left out on purpose: the document cannot say
that an id must exist or that "AA" is not an assigned country code, so a
well-formed request may still rightly get a documented 400 or 404.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from crm_api.openapi import document
from shared.model import Actor, ContactRef

from .conftest import API_KEY

EXAMPLE_CAMPAIGN = "8EB46643-C769-45F2-AD67-8D1E8D0C8705"
EXAMPLES = int(os.environ.get("CALLSHEET_FUZZ_EXAMPLES", "60"))

schema = schemathesis.openapi.from_dict(
    document(),
    config=schemathesis.Config.from_dict({
        "generation": {"mode": "all", "max-examples": EXAMPLES, "deterministic": True},
    }),
)


def not_a_server_error(ctx, response, case):
    """No input may produce a 5xx."""
    assert response.status_code < 500, f"{response.status_code}: {response.text[:300]}"


@pytest.fixture(scope="module")
def seeded(api):
    """The document's example campaign exists, so generated requests reach deeper code."""
    if not any(c.id == EXAMPLE_CAMPAIGN for c in api.store.list_campaigns()):
        api.store.create_campaign(EXAMPLE_CAMPAIGN, "Example", Actor("cli"))
        company = api.store.create_company({"name": "Example"}, Actor("cli"))
        api.store.assign_contacts(EXAMPLE_CAMPAIGN, [ContactRef(company.id)], Actor("cli"))
    return api


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
          max_examples=EXAMPLES)
def test_api_conforms_to_its_document(case, seeded):
    case.call_and_validate(
        base_url=seeded.url,
        headers={"Authorization": f"Bearer {API_KEY}"},
        checks=[not_a_server_error, status_code_conformance, content_type_conformance,
                response_headers_conformance, response_schema_conformance],
    )
