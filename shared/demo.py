"""A realistic demo data set: companies and persons in several countries, three
campaigns, tasks over the next two weeks and a month of call history.

Everything goes through the store (calls through the same parser the API
uses), so the demo is also a test of the write paths.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta

from .calls import parse_call
from .errors import ValidationError
from .model import Actor, ContactRef
from .store import Store
from .texts import Text
from .timeutil import to_db

_COMPANIES = [
    ("CX Labs GmbH", "Prinzregentenstrasse 54", "80538", "München", "DE", "+4989443228", "office@cxlabs.de"),
    ("Bäckerei Sonnenschein", "Hauptstraße 12", "10115", "Berlin", "DE", "+4930555012", "info@sonnenschein-baeckerei.de"),
    ("Alpenblick Hotel KG", "Seestraße 3", "83707", "Bad Wiessee", "DE", "+4980225510", "rezeption@alpenblick.de"),
    ("Nordlicht Versicherung AG", "Ballindamm 40", "20095", "Hamburg", "DE", "+4940300470", "service@nordlicht-vers.de"),
    ("Rheinwerk Maschinenbau GmbH", "Industriestraße 88", "50735", "Köln", "DE", "+4922197310", "vertrieb@rheinwerk-mb.de"),
    ("Schwarzwald Solar eG", "Am Sonnenhang 7", "79098", "Freiburg", "DE", "+4976138820", "kontakt@schwarzwald-solar.de"),
    ("Hanse Logistik GmbH", "Überseeallee 1", "20457", "Hamburg", "DE", "+4940822160", "dispo@hanse-logistik.de"),
    ("Praxis Dr. Weber", "Königstraße 21", "70173", "Stuttgart", "DE", "+4971122930", "praxis@dr-weber.de"),
    ("Autohaus Brenner", "Ringstraße 150", "90402", "Nürnberg", "DE", "+4991124470", "verkauf@autohaus-brenner.de"),
    ("Stadtwerke Lindenau", "Marktplatz 1", "04177", "Leipzig", "DE", "+4934149610", "kundenservice@sw-lindenau.de"),
    ("Wiener Kaffeerösterei", "Neubaugasse 25", "1070", "Wien", "AT", "+4315236610", "office@kaffeeroesterei.at"),
    ("Tiroler Bergbahnen AG", "Dorfstraße 9", "6020", "Innsbruck", "AT", "+43512588800", "info@tiroler-bergbahnen.at"),
    ("Grazer Softwarehaus OG", "Annenstraße 44", "8020", "Graz", "AT", "+43316720450", "hello@grazer-software.at"),
    ("Salzburg Events GmbH", "Getreidegasse 17", "5020", "Salzburg", "AT", "+43662841220", "team@salzburg-events.at"),
    ("Zürcher Treuhand AG", "Bahnhofstrasse 70", "8001", "Zürich", "CH", "+41442115500", "info@zh-treuhand.ch"),
    ("Berner Uhrenmanufaktur", "Kramgasse 49", "3011", "Bern", "CH", "+41313112233", "atelier@berner-uhren.ch"),
    ("Lac Léman Immobilier SA", "Rue du Rhône 30", "1204", "Genève", "CH", "+41223104050", "contact@leman-immo.ch"),
    ("Thames Valley Printing Ltd", "14 King Street", "RG1 2HE", "Reading", "GB", "+441189575100", "orders@tvprinting.co.uk"),
    ("Oxford Tutors Ltd", "3 Broad Street", "OX1 3AS", "Oxford", "GB", "+441865201300", "admin@oxfordtutors.co.uk"),
    ("Northern Rail Parts plc", "Station Road 8", "M1 2WD", "Manchester", "GB", "+441612367700", "sales@nrparts.co.uk"),
    ("Boulangerie Moreau", "12 Rue de la Paix", "75002", "Paris", "FR", "+33142616060", "bonjour@boulangerie-moreau.fr"),
    ("Lyon Textiles SARL", "8 Quai Saint-Vincent", "69001", "Lyon", "FR", "+33478281050", "contact@lyontextiles.fr"),
    ("Amsterdam Fietsen BV", "Prinsengracht 263", "1016 GV", "Amsterdam", "NL", "+31206243030", "info@adamfietsen.nl"),
    ("Rotterdam Havenservice BV", "Wilhelminakade 50", "3072 AR", "Rotterdam", "NL", "+31104001200", "planning@havenservice.nl"),
    ("Pacific Coast Analytics Inc.", "500 Market St", "94105", "San Francisco", "US", "+14155550190", "hello@pcanalytics.com"),
    ("Brooklyn Bagel Co.", "210 Bedford Ave", "11249", "New York", "US", "+17185550123", "orders@brooklynbagel.com"),
    ("Milano Design Studio Srl", "Via Tortona 31", "20144", "Milano", "IT", "+390289420110", "studio@milanodesign.it"),
    ("Madrid Consultores SL", "Calle de Alcalá 95", "28009", "Madrid", "ES", "+34915761200", "info@madridconsultores.es"),
    ("Kraków Software Sp. z o.o.", "ul. Floriańska 15", "31-019", "Kraków", "PL", "+48124226600", "biuro@krakowsoftware.pl"),
    ("Brno Elektro s.r.o.", "Masarykova 20", "602 00", "Brno", "CZ", "+420542210300", "info@brnoelektro.cz"),
    ("Kopenhagen Møbler ApS", "Strøget 28", "1160", "København", "DK", "+4533126500", "salg@kbhmobler.dk"),
    ("Stockholm Fintech AB", "Drottninggatan 71", "111 36", "Stockholm", "SE", "+46854501200", "support@sthlmfintech.se"),
]

_FIRST = ["Anna", "Lukas", "Sophie", "Maximilian", "Marie", "Felix", "Laura", "Jonas", "Lea",
          "Paul", "Emma", "Leon", "Hannah", "Elias", "Mia", "Noah", "Clara", "Ben", "Julia",
          "Finn", "Sarah", "Tom", "Nina", "David", "Lena", "Oliver", "Charlotte", "James",
          "Camille", "Pierre", "Giulia", "Marco", "Lucía", "Javier", "Agnieszka", "Tomáš"]
_LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
         "Hoffmann", "Schulz", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz",
         "Zimmermann", "Braun", "Hofer", "Gruber", "Huber", "Keller", "Smith", "Taylor",
         "Dubois", "Moreau", "Rossi", "Bianchi", "García", "Nowak", "Novák", "Jansen"]
_SALUTATION = {"DE": ("Herr", "Frau"), "AT": ("Herr", "Frau"), "CH": ("Herr", "Frau"),
               "GB": ("Mr", "Ms"), "US": ("Mr.", "Ms."), "FR": ("M.", "Mme"),
               "IT": ("Sig.", "Sig.ra"), "ES": ("Sr.", "Sra.")}
_FEMALE = {"Anna", "Sophie", "Marie", "Laura", "Lea", "Emma", "Hannah", "Mia", "Clara", "Julia",
           "Sarah", "Nina", "Lena", "Charlotte", "Camille", "Giulia", "Lucía", "Agnieszka"}
_PRIVATE = [("Gerda", "Lehmann", "+4915112345678", "Hamburg"),
            ("Klaus", "Bauer", "+4917623456789", "Dresden"),
            ("Ingrid", "Steiner", "+436641234567", "Linz"),
            ("Beat", "Meier", "+41791234567", "Basel"),
            ("Emily", "Clarke", "+447700900123", "Bristol"),
            ("Jean", "Martin", "+33612345678", "Nantes")]
_TAGS = [("reason", "billing", None), ("reason", "technical", {"part": "IGN"}),
         ("reason", "order", None), ("reason", "complaint", None), ("reason", "info", None),
         ("resolution", "solved", None), ("resolution", "callback", None),
         ("resolution", "send_voucher", {"email": "kunde@example.com"}),
         ("resolution", "escalated", None), ("product", "premium", None),
         ("product", "basic", None)]
_AGENTS = ["peggy.sue", "john.doe", "maria.k", "ali.y", "sven.o", "lisa.m"]
_NOTES = ["Asked about the last invoice.", "Wants a quote for next quarter.",
          "Some difficulties with the ignition.", "Happy with the service.",
          "Please call back after 3 pm.", "Forwarded to accounting.",
          "Interested in the premium package.", "Address changed, updated.", None, None]


def load_demo(store: Store, *, seed: int = 7, now: datetime | None = None) -> dict[str, int]:
    """Fill an empty database with the demo data set; returns what was created.

    Raises ValidationError when the database already has contacts, so the
    demo never mixes into real data.
    """
    if store.count_companies() or store.count_persons():
        raise ValidationError(Text(
                "The database already has contacts; the demo data set only goes into an empty "
                "database."))
    rng = random.Random(seed)
    now = (now or store.clock()).astimezone(UTC).replace(microsecond=0)
    actor = Actor("cli")
    companies, persons = [], []
    with store.write():
        for name, street, zip_code, city, country, phone, email in _COMPANIES:
            c = store.create_company(
                {"name": name, "address": street, "zipCode": zip_code, "city": city,
                 "country": country, "phone": _switchboard(phone, country), "phone2": None,
                 "email": email,
                 "annotation": rng.choice([None, "Key account.", "Pays on time.",
                                           "Prefers e-mail.", "Switchboard: extensions work."])},
                actor)
            companies.append((c, phone, country))
            for j in range(rng.randint(1, 3)):
                first = rng.choice(_FIRST)
                last = rng.choice(_LAST)
                sal = _SALUTATION.get(country)
                salutation = (sal[1] if first in _FEMALE else sal[0]) if sal else None
                ext = str(10 * j + rng.randint(11, 19))
                local = email.split("@")[1]
                p = store.create_person(
                    {"salutation": salutation, "firstName": first, "lastName": last,
                     "displayName": None, "city": city,
                     "phone": _direct_line(phone, country, ext),
                     "phone2": None,
                     "email": f"{first.lower()}.{last.lower()}@{local}".replace("ü", "ue")
                     .replace("ä", "ae").replace("ö", "oe").replace("á", "a").replace("í", "i")
                     .replace("ć", "c"),
                     "annotation": rng.choice([None, None, "Decision maker.",
                                               "Part-time, mornings only."])},
                    actor, company_id=c.id)
                persons.append(p)
        for first, last, phone, city in _PRIVATE:
            persons.append(store.create_person(
                {"firstName": first, "lastName": last, "city": city, "phone": phone},
                actor))

        store.create_campaign("tech_level_2", "Technical support, level 2", actor)
        store.create_campaign("winter_promo", "Winter promotion 2026", actor)
        store.create_campaign("apollo_survey", "Customer survey (managed in Apollo)", actor,
                              contacts_source="apollo", tasks_source="apollo")
        promo = [ContactRef(c.id) for c, _, country in companies if country in ("DE", "AT", "CH")]
        promo += [ContactRef(None, p.id) for p in rng.sample(persons, 12)]
        store.assign_contacts("winter_promo", promo, actor)
        store.assign_contacts("tech_level_2", [ContactRef(None, p.id)
                                               for p in rng.sample(persons, 10)], actor)

        tasks = 0
        for _ in range(40):
            p = rng.choice(persons)
            # Office hours (in UTC, near enough for the demo) over the next two weeks.
            when = (now + timedelta(days=rng.randint(0, 13))).replace(
                hour=rng.randint(7, 15), minute=rng.choice([0, 15, 30, 45]), second=0)
            store.add_task(rng.choice(["tech_level_2", "winter_promo"]), ContactRef(None, p.id),
                           when, actor, scheduled=rng.random() < 0.5,
                           annotation=rng.choice(_NOTES))
            tasks += 1

        calls = 0
        for _ in range(160):
            start = now - timedelta(days=rng.randint(0, 30), hours=rng.randint(0, 9),
                                    minutes=rng.randint(0, 59))
            start = start.replace(hour=min(max(start.hour, 8), 17))
            answered = rng.random() < 0.8
            kind = rng.choices(["inbound", "outbound", "campaign"], [6, 2, 2])[0]
            if rng.random() < 0.3:
                c, phone, _ = rng.choice(companies)
                company_id, person_id, number = c.id, None, c.phone
            else:
                p = rng.choice(persons)
                company_id, person_id, number = p.company_id, p.id, p.phone
            agent = rng.choice(_AGENTS) if answered else None
            talk = timedelta(seconds=rng.randint(40, 900))
            call = {
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "agent": agent,
                "attempts": ([{"agent": rng.choice(_AGENTS),
                               "timestampAssigned": _iso(start),
                               "timestampClosed": _iso(start + timedelta(seconds=20))}]
                             if rng.random() < 0.3 else []),
                "contact": {"company": company_id, "person": person_id},
                "dtmfPath": rng.choice(["", "1", "2", "12"]),
                "phoneNumber": number,
                "source": ({"type": "queue", "id": rng.choice(["tech_level_1", "sales",
                                                               "accounting"])}
                           if kind == "inbound" else
                           {"type": "campaign", "id": rng.choice(["tech_level_2",
                                                                  "winter_promo"]),
                            "task": None} if kind == "campaign" else None),
                "transfer": ({"type": "queue", "id": "accounting"} if rng.random() < 0.1
                             else None),
                "tags": [{"category": cat, "id": tid, "payload": payload}
                         for cat, tid, payload in rng.sample(_TAGS, rng.randint(0, 3))]
                if answered else [],
                "newTasks": [],
                "annotation": rng.choice(_NOTES) if answered else None,
                "doNotCall": False,
                "timestampInit": _iso(start),
                "timestampAssigned": _iso(start + timedelta(seconds=25)) if answered else None,
                "timestampStart": _iso(start + timedelta(seconds=30)) if answered else None,
                "timestampEnd": _iso(start + timedelta(seconds=30) + talk) if answered else None,
                "timestampClosed": _iso(start + timedelta(seconds=90) + talk)
                if answered else _iso(start + timedelta(seconds=45)),
            }
            store.record_call(parse_call(call), Actor("api", "127.0.0.1"))
            calls += 1
        flagged = persons[3]
        store.set_do_not_call(ContactRef(None, flagged.id), True, actor,
                              reason="Asked not to be called again.")
    return {"companies": len(companies), "persons": len(persons), "campaigns": 3,
            "tasks": tasks, "calls": calls}


def _switchboard(phone: str, country: str) -> str:
    """A company's main number: in DE and AT, whose numbering has extensions, the
    switchboard ending in 0 (persons' direct lines extend it, so a call from an
    unknown extension finds the company by prefix)."""
    return phone + "0" if country in ("DE", "AT") else phone


def _direct_line(phone: str, country: str, ext: str) -> str:
    """A person's direct line: the switchboard's extension in DE and AT, elsewhere a
    neighbouring number of the same length."""
    return phone + ext if country in ("DE", "AT") else phone[:-2] + ext


def _iso(dt: datetime) -> str:
    return to_db(dt)
