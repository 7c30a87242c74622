"""Issue 13 item 5: personal to-dos are never handed to Apollo. Every API response that
carries tasks or contacts is read over real HTTP and must not mention one."""

from __future__ import annotations

from datetime import UTC, datetime

from shared.model import Actor, ContactRef
from shared.todos import TodosRepository

TITLE = "PRIVATE-TODO-bring the signed contract"


def test_no_api_read_hands_out_a_personal_todo(api):
    person = api.person(phone="+4930555000111")
    company = api.company()
    store = api.store
    store.create_campaign("todo-check", "Todo check", Actor("cli"))
    store.assign_contacts("todo-check", [ContactRef(None, person), ContactRef(company, None)],
                          Actor("cli"))
    todos = TodosRepository(store)
    due = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    made = [todos.add("Anna", TITLE, due, Actor.desktop(), ref=ContactRef(None, person)),
            todos.add("Anna", TITLE, due, Actor.desktop(), ref=ContactRef(company, None)),
            todos.add("Anna", TITLE, due, Actor.desktop())]
    store.add_task("todo-check", ContactRef(None, person), due, Actor("cli"))

    responses = [
        api.get("/campaigns/todo-check/tasks"),
        api.get("/campaigns/todo-check/tasks?from=2000-01-01T00:00:00Z"
                "&to=2100-01-01T00:00:00Z&limit=1000"),
        api.get("/campaigns/todo-check/tasks?scheduled=false"),
        api.get("/campaigns/todo-check/contacts"),
        api.get("/campaigns/todo-check/next"),
        api.get(f"/persons/{person}"),
        api.get(f"/companies/{company}"),
        api.post("/contacts/search", {"query": {"phoneNumber": "+4930555000111"}}),
    ]
    for r in responses:
        assert r.status_code == 200, (r.url, r.text)
        for t in made:
            assert t.id not in r.text and TITLE not in r.text, r.url
    tasks = responses[1].json()["tasks"]
    assert len(tasks) == 1  # the campaign's own task, and only that
