"""What the schemathesis runs share: the schema from the served document, the checks
every response must pass, and the example records that let generated requests reach
past the 404s."""

from __future__ import annotations

import schemathesis
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from crm_api.openapi import document
from shared.model import Actor, ContactRef
from shared.store import Store

EXAMPLE_CAMPAIGN = "8EB46643-C769-45F2-AD67-8D1E8D0C8705"


def fuzz_schema(examples: int) -> schemathesis.BaseSchema:
    """Valid and invalid requests from the OpenAPI document, deterministically."""
    return schemathesis.openapi.from_dict(
        document(),
        config=schemathesis.Config.from_dict({
            "generation": {"mode": "all", "max-examples": examples, "deterministic": True},
        }),
    )


def not_a_server_error(ctx, response, case):
    """No input may produce a 5xx."""
    assert response.status_code < 500, f"{response.status_code}: {response.text[:300]}"


# positive_data_acceptance is left out on purpose: the document cannot say that an id
# must exist or that "AA" is not an assigned country code, so a well-formed request may
# still rightly get a documented 400 or 404.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance]


def seed_example_campaign(store: Store) -> None:
    """The document's example campaign, with one company in it (once per database)."""
    if any(c.id == EXAMPLE_CAMPAIGN for c in store.list_campaigns()):
        return
    actor = Actor("cli")
    store.create_campaign(EXAMPLE_CAMPAIGN, "Example", actor)
    company = store.create_company({"name": "Example"}, actor)
    store.assign_contacts(EXAMPLE_CAMPAIGN, [ContactRef(company.id)], actor)
