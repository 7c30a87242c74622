"""The pure parts of privacy: keyed hashes, scrubbing, the readable copy, periods."""

from __future__ import annotations

from datetime import UTC, datetime

from shared import blocklist, consent, privacy, privacy_export, retention, scrub
from shared.model import Person


def test_number_hash_is_keyed_and_stable():
    a = blocklist.number_hash("k1", "+4989123")
    assert a == blocklist.number_hash("k1", "+4989123")
    assert a != blocklist.number_hash("k2", "+4989123")
    assert "4989123" not in a and len(a) == 64


def test_secrets_cover_name_forms_numbers_and_email_longest_first():
    p = Person(id="x", name="Anna Berg", first_name="Anna", last_name="Berg",
               phone="+49891234", email="a@b.de")
    s = privacy._secrets(p)
    assert {"Anna Berg", "Berg, Anna", "+49891234", "49891234", "a@b.de"} <= set(s)
    assert s == sorted(s, key=len, reverse=True)


def test_scrub_json_drops_call_fields_and_replaces_quotes():
    pattern = scrub.SecretMatcher(["Anna Berg"])
    call = {"phoneNumber": "+49", "annotation": "x", "agent": "anna berg's colleague",
            "tags": [{"id": "t", "payload": {"a": 1}}]}
    out = scrub.scrub_json(call, pattern, call=True)
    assert out == {"phoneNumber": None, "annotation": None, "agent": "[erased]'s colleague",
                   "tags": [{"id": "t", "payload": None}]}


def test_export_html_escapes_what_it_shows():
    data = {"exported_at": "2026", "person": {"name": "<b>x</b>", "email": "a@b.de",
                                              "do_not_call": True},
            "company": None, "calls": [], "tasks": [], "campaign_places": [],
            "do_not_call_history": [], "consents": [], "audit": []}
    html = privacy_export.export_html(data)
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>x</b>" not in html
    assert "None stored." in html and ">yes<" in html


def test_months_back_and_years_ahead():
    now = datetime(2026, 3, 31, tzinfo=UTC)
    assert retention._months_back(now, 1) == datetime(2026, 2, 28, tzinfo=UTC)
    assert retention._months_back(now, 15) == datetime(2024, 12, 28, tzinfo=UTC)
    assert consent._add_years("2028-02-29T10:00:00.000Z", 5).startswith("2033-02-28")


def test_secret_matcher_finds_secrets_where_words_start_ignoring_case():
    m = scrub.SecretMatcher(["Anna Berg", "+4989123456", "4989123456", "a.berg@x.de"])
    assert m.sub("Call ANNA BERG back, not Susanna Berg") == (
        "Call [erased] back, not Susanna Berg")
    assert m.sub("from +4989123456 (A.Berg@X.de)") == "from +[erased] ([erased])"
    assert m.search("anna bergmann") and not m.search("Annaberg")
    assert not m.search("") and not m.search(None)


def test_secret_matcher_with_thousands_of_secrets_and_odd_case_folding():
    names = [f"Person{i} Nachname{i}" for i in range(5000)]
    m = scrub.SecretMatcher(names)
    assert m.sub("met person4711 nachname4711 today") == "met [erased] today"
    assert not m.search("met person4711 somebody")
    # "İ" lowers to two characters: positions shift, the regex path takes over.
    odd = scrub.SecretMatcher(["Müller"])
    assert odd.sub("İstanbul: Müller") == "İstanbul: [erased]"
