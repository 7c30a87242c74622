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
from hypothesis import HealthCheck, settings

from tests.fuzzing import CHECKS, fuzz_schema, seed_example_campaign

from .conftest import API_KEY

EXAMPLES = int(os.environ.get("CALLSHEET_FUZZ_EXAMPLES", "60"))
schema = fuzz_schema(EXAMPLES)


@pytest.fixture(scope="module")
def seeded(api):
    """The document's example campaign exists, so generated requests reach deeper code."""
    seed_example_campaign(api.store)
    return api


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
          max_examples=EXAMPLES)
def test_api_conforms_to_its_document(case, seeded):
    case.call_and_validate(
        base_url=seeded.url,
        headers={"Authorization": f"Bearer {API_KEY}"},
        checks=CHECKS,
    )
