"""Issue 13 item 2: the API returns only the contract's person fields, and its writes
do not touch the desktop's (job title, department, postal address)."""

from __future__ import annotations

from shared.model import Actor
from shared.person_details import PersonDetails

CONTRACT = {"id", "salutation", "firstName", "lastName", "displayName", "city", "phone",
            "phone2", "email", "annotation", "company", "doNotCall"}


def test_person_json_has_only_the_contract_fields(api):
    pid = api.person(city="Köln")
    PersonDetails(api.store).update(pid, {"jobTitle": "CFO", "department": "Finance",
                                          "address": "Ring 1", "zipCode": "50667",
                                          "country": "DE"}, Actor.desktop())
    body = api.get(f"/persons/{pid}").json()["person"]
    assert set(body) == CONTRACT
    assert "CFO" not in api.get(f"/persons/{pid}").text
    # A PATCH over the API leaves them as they are.
    r = api.patch(f"/persons/{pid}", {"person": {"city": "Bonn"}})
    assert r.status_code == 204, r.text
    assert PersonDetails(api.store).get(pid).job_title == "CFO"
