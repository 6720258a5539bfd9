"""The registry remembers what many articles say: one entity, event and tie per real thing.

Records are written by hand with `amity.model` types, so that these tests
say exactly what the extractor handed over and run without spaCy. Each
test runs on SQLite, and on PostgreSQL too when $AMITY_TEST_POSTGRES_URL is set.
"""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from amity.model import Article, Entity, Event, Evidence, InputError, Record, Role, Tie
from amity.registry import entity_profile, events, ingest, stats, ties, timeline
from amity.store.schema import ArticleRow, EntityRow, EventRow, MentionRow, TieStageRow

TURKISTAN_ID = 1517945


# --------------------------------------------------------------------------- writing records by hand

def said(sentence: str) -> list[Evidence]:
    return [Evidence(sentence, 0, len(sentence))]


def place(name: str, geonames_id: int | None = None, country: str | None = None, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity("place", name, aliases=list(aliases), country=country, geonames_id=geonames_id,
                  lat=43.3 if geonames_id else None, lon=68.3 if geonames_id else None, evidence=said(f"{name} was named."))


def org(name: str, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity("organization", name, aliases=list(aliases), evidence=said(f"{name} was named."))


def person(name: str, aliases: tuple[str, ...] = (), roles: tuple[Role, ...] = ()) -> Entity:
    return Entity("person", name, aliases=list(aliases), roles=list(roles), evidence=said(f"{name} spoke."))


def tie(a: str, b: str, status: str, date: str | None = None, kind: str = "sister_city") -> Tie:
    return Tie(kind, [a, b], status, date, evidence=said(f"{a} and {b}: {status}."))  # type: ignore[arg-type]


def event(type: str, status: str, date: str | None, *participants: str, place: str | None = None) -> Event:
    return Event(type, status, date, list(participants), place,  # type: ignore[arg-type]
                 agreement="sister_city" if type == "signing" else None,
                 evidence=said(f"{type} of {', '.join(participants)}."))


def reading(doc: str, *entities: Entity, events: tuple[Event, ...] = (), ties: tuple[Tie, ...] = (),
            published: str = "2021-11-13", text: str | None = None, url: str | None = None) -> tuple[Article, Record]:
    """An article and the record the extractor would give for it."""
    article = Article(doc=doc, text=text or f"The text of {doc}.", url=url, published=published)
    return article, Record(doc, published, list(entities), list(events), list(ties), url=url)


def count(db: Engine, row: type) -> int:
    with Session(db) as session:
        return session.scalar(select(func.count()).select_from(row)) or 0


def reasons(db: Engine, name: str) -> dict[str, str]:
    profile = entity_profile(db, name)
    assert profile is not None, name
    return {n["name"]: n["reason"] for n in profile["names"]}


PLANNED = reading(
    "a01.txt",
    place("Turkistan", TURKISTAN_ID, "KZ"), place("Üsküdar", 738329, "TR"),
    events=(event("signing", "planned", "2021-12", "Turkistan", "Üsküdar"),),
    ties=(tie("Turkistan", "Üsküdar", "planned", "2021-12"),),
    published="2021-11-13",
)
SIGNED = reading(
    "b02.txt",
    place("Turkistan", TURKISTAN_ID, "KZ"), place("Üsküdar", 738329, "TR"),
    person("Hilmi Türkmen", roles=(Role("mayor", "Üsküdar"),)),
    events=(event("signing", "occurred", "2021-12-21", "Turkistan", "Üsküdar", "Hilmi Türkmen"),),
    ties=(tie("Turkistan", "Üsküdar", "signed", "2021-12-21"),),
    published="2021-12-25",
)


# --------------------------------------------------------------------------- articles in and out

def test_the_same_article_again_changes_nothing(db: Engine):
    first = ingest([PLANNED, SIGNED], db)
    before = (count(db, ArticleRow), count(db, EntityRow), count(db, EventRow), count(db, TieStageRow),
              count(db, MentionRow))

    again = ingest([PLANNED, SIGNED], db)

    assert (first.new, first.unchanged) == (2, 0)
    assert (again.new, again.unchanged, again.replaced) == (0, 2, 0)
    assert (count(db, ArticleRow), count(db, EntityRow), count(db, EventRow), count(db, TieStageRow),
            count(db, MentionRow)) == before


def test_the_same_text_under_another_name_is_the_same_article(db: Engine):
    article, record = PLANNED
    copy = Article(doc="copy-of-a01.txt", text=article.text, published=article.published)

    summary = ingest([PLANNED, (copy, record)], db)

    assert (summary.new, summary.unchanged) == (1, 1)


def test_a_corrected_article_replaces_what_the_first_version_said(db: Engine):
    ingest([reading("a01.txt", place("Turkistan", TURKISTAN_ID, "KZ"), place("Bursa", 750269, "TR"),
                    ties=(tie("Turkistan", "Bursa", "planned", "2021-12"),))], db)
    corrected = reading("a01.txt", place("Turkistan", TURKISTAN_ID, "KZ"), place("Üsküdar", 738329, "TR"),
                        ties=(tie("Turkistan", "Üsküdar", "planned", "2021-12"),), text="Corrected: Üsküdar, not Bursa.")

    summary = ingest([corrected], db)

    assert (summary.new, summary.replaced) == (0, 1)
    assert count(db, ArticleRow) == 1
    assert [t["parties"] for t in ties(db)] == [["Turkistan", "Üsküdar"]]
    assert entity_profile(db, "Bursa") is None  # no article speaks of it any more


def test_a_corrected_version_is_found_by_its_url_too(db: Engine):
    url = "https://news.example/turkistan"
    ingest([reading("first-name", place("Bursa", 750269, "TR"), url=url)], db)

    summary = ingest([reading("second-name", place("Bursa", 750269, "TR"), url=url, text="Updated story.")], db)

    assert summary.replaced == 1
    assert count(db, ArticleRow) == 1


def test_what_other_articles_still_say_survives_a_correction(db: Engine):
    ingest([PLANNED, SIGNED], db)

    ingest([reading("b02.txt", place("Turkistan", TURKISTAN_ID, "KZ"), text="Retracted.")], db)

    [only] = ties(db)
    assert only["status"] == "planned" and only["sources"] == 1
    assert entity_profile(db, "Üsküdar") is not None  # a01 still names it
    assert entity_profile(db, "Hilmi Türkmen") is None


def test_inputs_that_could_not_be_read_are_kept_as_ingest_errors(db: Engine):
    summary = ingest([InputError("broken.html", "not valid UTF-8"), PLANNED,
                      InputError("broken.html", "not valid UTF-8")], db)

    assert (summary.new, summary.errors) == (1, 2)
    counts = stats(db)
    assert counts["ingest_errors"] == 1  # the same failure again is not a second error
    assert counts["last_errors"][0]["source"] == "broken.html"


def test_bare_records_can_be_ingested_without_article_text(db: Engine):
    _, record = PLANNED

    assert ingest([record], db).new == 1
    assert ingest([record], db).unchanged == 1


# --------------------------------------------------------------------------- one entity per real thing

def test_two_spellings_given_as_aliases_are_one_place_and_say_why(db: Engine):
    ingest([reading("a01.txt", place("Turkestan", aliases=("Turkistan",)))], db)
    ingest([reading("b02.txt", place("Turkistan"))], db)

    assert stats(db)["entities"]["place"] == 1
    assert reasons(db, "Turkistan") == {"Turkestan": "named in a01.txt",
                                        "Turkistan": "alias of 'Turkestan' in a01.txt"}


def test_two_spellings_with_the_same_geonames_id_are_one_place(db: Engine):
    ingest([reading("a01.txt", place("Turkistan", TURKISTAN_ID, "KZ"))], db)
    ingest([reading("b02.txt", place("Turkestan", TURKISTAN_ID, "KZ"))], db)

    assert stats(db)["entities"]["place"] == 1
    assert reasons(db, "Turkestan")["Turkestan"] == f"same GeoNames id {TURKISTAN_ID} in b02.txt"


def test_accents_and_capitals_do_not_make_another_place(db: Engine):
    ingest([reading("a01.txt", place("ÜSKÜDAR")), reading("b02.txt", place("Uskudar")),
            reading("c03.txt", place("Üsküdar"))], db)

    profile = entity_profile(db, "uskudar")
    assert stats(db)["entities"]["place"] == 1
    assert profile is not None and profile["name"] == "Uskudar"  # a name in capitals gives way


def test_places_of_one_name_in_different_countries_stay_apart(db: Engine):
    ingest([reading("a01.txt", place("Santiago", 3871336, "CL")), reading("b02.txt", place("Santiago", 3109642, "ES"))],
           db)

    assert stats(db)["entities"]["place"] == 2


def test_an_acronym_joins_the_organisation_that_has_it_as_alias(db: Engine):
    ingest([reading("a01.txt", org("Union of Turkish World Municipalities", aliases=("TDBB",)))], db)
    ingest([reading("b02.txt", org("Türk Dünyası Belediyeler Birliği", aliases=("TDBB",)))], db)
    ingest([reading("c03.txt", org("TDBB"))], db)

    assert stats(db)["entities"]["organization"] == 1
    why = reasons(db, "TDBB")
    assert why["Türk Dünyası Belediyeler Birliği"] == "acronym TDBB in b02.txt"
    assert why["TDBB"] == "alias of 'Union of Turkish World Municipalities' in a01.txt"


def test_an_acronym_spelling_a_named_bodys_initials_in_the_same_article_is_that_body(db: Engine):
    ingest([reading("a01.txt", org("Organization of Turkic States"), org("OTS"))], db)

    assert stats(db)["entities"]["organization"] == 1
    assert reasons(db, "OTS")["OTS"] == "acronym OTS of 'Organization of Turkic States' in a01.txt"


def test_a_municipality_is_an_organisation_linked_to_its_town(db: Engine):
    ingest([reading("a01.txt", org("Turkistan Municipality"))], db)
    ingest([reading("b02.txt", place("Turkistan", TURKISTAN_ID, "KZ"))], db)  # the town comes later

    municipality = entity_profile(db, "Turkistan Municipality")
    town = entity_profile(db, "Turkistan")
    assert municipality is not None and municipality["type"] == "organization"
    assert municipality["part_of"] == "Turkistan"
    assert town is not None and town["type"] == "place" and town["bodies"] == ["Turkistan Municipality"]


def test_a_municipality_named_after_its_town_in_the_same_article(db: Engine):
    ingest([reading("a01.txt", place("Valparaíso", 3868626, "CL"), org("Municipality of Valparaíso"))], db)

    assert entity_profile(db, "Municipality of Valparaíso")["part_of"] == "Valparaíso"  # type: ignore[index]


def test_people_merge_by_full_name_and_by_a_later_alias(db: Engine):
    ingest([reading("a01.txt", person("Nurbol Turashbekov", roles=(Role("mayor", "Turkistan"),)),
                    place("Turkistan", TURKISTAN_ID, "KZ"))], db)
    ingest([reading("b02.txt", person("NURBOL TURASHBEKOV"))], db)
    ingest([reading("c03.txt", person("N. Turashbekov", aliases=("Nurbol Turashbekov",)))], db)

    assert stats(db)["entities"]["person"] == 1
    profile = entity_profile(db, "N. Turashbekov")
    assert profile is not None
    assert profile["offices"] == [{"title": "mayor", "of": "Turkistan", "sources": ["a01.txt"]}]
    assert profile["sources"] == 3


def test_a_surname_alone_does_not_merge_two_people(db: Engine):
    ingest([reading("a01.txt", person("Ana Reyes", aliases=("Reyes",))),
            reading("b02.txt", person("Tomás Reyes", aliases=("Reyes",)))], db)

    assert stats(db)["entities"]["person"] == 2


# --------------------------------------------------------------------------- ties and their stages

def test_a_planned_then_signed_tie_is_one_tie_with_two_stages(db: Engine):
    ingest([PLANNED, SIGNED], db)

    [only] = ties(db)
    assert only["kind"] == "sister_city"
    assert only["parties"] == ["Turkistan", "Üsküdar"]
    assert (only["status"], only["date"]) == ("signed", "2021-12-21")
    assert only["sources"] == 2
    assert count(db, TieStageRow) == 2
    history = timeline(db, "Turkistan – Üsküdar")
    assert history is not None
    assert [(item["date"], item["what"]) for item in history if "sister city" in item["what"]] == [
        ("2021-12", "sister city planned: Turkistan – Üsküdar"),
        ("2021-12-21", "sister city signed: Turkistan – Üsküdar"),
    ]


def test_the_furthest_stage_wins_whatever_order_articles_arrive_in(db: Engine):
    ingest([SIGNED, PLANNED], db)

    assert [(t["status"], t["date"]) for t in ties(db)] == [("signed", "2021-12-21")]


def test_a_bare_mention_does_not_undo_a_stage(db: Engine):
    ingest([PLANNED, reading("c03.txt", place("Turkistan", TURKISTAN_ID, "KZ"), place("Üsküdar", 738329, "TR"),
                             ties=(tie("Üsküdar", "Turkistan", "active"),), published="2023-05-01")], db)

    [only] = ties(db)
    assert (only["status"], only["date"]) == ("planned", "2021-12")


def test_a_municipality_signing_counts_for_its_town(db: Engine):
    ingest([reading("a01.txt", place("Turkistan", TURKISTAN_ID, "KZ"), org("Turkistan Municipality"),
                    place("Üsküdar", 738329, "TR"),
                    ties=(tie("Turkistan Municipality", "Üsküdar", "signed", "2021-12-21"),)),
            PLANNED], db)

    assert [(t["parties"], t["status"]) for t in ties(db)] == [(["Turkistan", "Üsküdar"], "signed")]


def test_later_visits_of_both_parties_are_activity_and_keep_a_tie_awake(db: Engine):
    visit = reading("c03.txt", place("Üsküdar", 738329, "TR"), org("Turkistan Municipality"),
                    place("Turkistan", TURKISTAN_ID, "KZ"),
                    events=(event("visit", "occurred", "2024-05-19", "Turkistan Municipality", "Üsküdar"),),
                    published="2024-05-20")
    ingest([PLANNED, SIGNED], db)

    assert ties(db, as_of=date(2025, 6, 1))[0]["dormant"] is True
    ingest([visit], db)
    [awake] = ties(db, as_of=date(2025, 6, 1))
    assert awake["last_activity"] == "2024-05-19"
    assert awake["dormant"] is False
    assert ties(db, as_of=date(2030, 1, 1))[0]["dormant"] is True
    assert ties(db, as_of=date(2030, 1, 1), dormant_years=10)[0]["dormant"] is False


def test_a_tie_that_ended_is_over_not_dormant_and_is_counted_as_ended(db: Engine):
    ended = reading("e05.txt", place("Turkistan", TURKISTAN_ID, "KZ"), place("Üsküdar", 738329, "TR"),
                    ties=(tie("Turkistan", "Üsküdar", "ended", "2022-03"),), published="2022-03-15")
    ingest([PLANNED, SIGNED, ended], db)

    [over] = ties(db, as_of=date(2030, 1, 1))
    assert (over["status"], over["date"], over["dormant"]) == ("ended", "2022-03", False)
    assert ties(db, status="dormant", as_of=date(2030, 1, 1)) == []
    assert [t["id"] for t in ties(db, status="ended")] == [over["id"]]
    assert stats(db)["ties"]["ended"] == 1


def test_ties_can_be_filtered_by_party_kind_status_and_date(db: Engine):
    ingest([PLANNED, SIGNED, reading(
        "d04.txt", place("Kraków", 3094802, "PL"), place("Nuremberg", 2861650, "DE"), org("Ministry of Culture"),
        ties=(tie("Kraków", "Nuremberg", "active"), tie("Kraków", "Ministry of Culture", "proposed", kind="cooperation")),
        published="2024-10-09")], db)

    def parties(**filters) -> list[list[str]]:
        return [t["parties"] for t in ties(db, **filters)]

    assert parties(party="Uskudar") == [["Turkistan", "Üsküdar"]]
    assert parties(kind="cooperation") == [["Kraków", "Ministry of Culture"]]
    assert parties(status="signed") == [["Turkistan", "Üsküdar"]]
    assert parties(since="2024") == [["Kraków", "Nuremberg"], ["Kraków", "Ministry of Culture"]]
    assert parties(status="dormant", as_of=date(2025, 1, 1)) == [["Turkistan", "Üsküdar"]]
    assert parties(party="Kraków", kind="sister_city") == [["Kraków", "Nuremberg"]]
    assert parties(party="Atlantis") == []
    assert set(ties(db)[0]) >= {"kind", "parties", "status", "date", "last_activity", "dormant", "sources"}


def test_an_article_naming_six_hundred_office_holders_is_stored_whole(db: Engine):
    bodies = [org(f"Council of Ward {n}") for n in range(600)]
    holders = [person(f"Holder Number{n}", roles=(Role("chair", f"Council of Ward {n}"),)) for n in range(600)]
    ingest([reading("a01.txt", *bodies, *holders)], db)

    assert count(db, ArticleRow) == 1
    with Session(db) as session:
        assert session.scalar(select(func.count()).select_from(EntityRow).where(EntityRow.type == "person")) == 600


# --------------------------------------------------------------------------- one event per occurrence

def test_one_signing_reported_by_two_articles_is_one_event_with_two_sources(db: Engine):
    ingest([PLANNED, SIGNED], db)

    [signing] = events(db, type="signing")
    assert signing["sources"] == 2
    assert (signing["status"], signing["date"]) == ("occurred", "2021-12-21")
    assert signing["participants"] == ["Hilmi Türkmen", "Turkistan", "Üsküdar"]
    assert count(db, EventRow) == 1


def test_reports_with_incompatible_dates_are_different_events(db: Engine):
    ingest([reading("a01.txt", place("Bergen", 3161732, "NO"), place("Gdańsk", 3099434, "PL"),
                    events=(event("visit", "occurred", "2023-05-02", "Bergen", "Gdańsk"),)),
            reading("b02.txt", place("Bergen", 3161732, "NO"), place("Gdańsk", 3099434, "PL"),
                    events=(event("visit", "occurred", "2024-05-02", "Bergen", "Gdańsk"),
                            event("visit", "occurred", "2023-05", "Bergen", "Gdańsk"))),
            ], db)

    assert [(e["date"], e["sources"]) for e in events(db)] == [("2023-05-02", 2), ("2024-05-02", 1)]
    assert [e["date"] for e in events(db, between=("2024", "2024-12"))] == ["2024-05-02"]


def test_events_of_different_participants_stay_apart(db: Engine):
    ingest([reading("a01.txt", place("Bergen", 3161732, "NO"), place("Gdańsk", 3099434, "PL"),
                    events=(event("meeting", "occurred", "2023-05-02", "Bergen", "Gdańsk"),)),
            reading("b02.txt", place("Porto", 2735943, "PT"), place("Lyon", 2996944, "FR"),
                    events=(event("meeting", "occurred", "2023-05-02", "Porto", "Lyon"),))], db)

    assert [e["sources"] for e in events(db)] == [1, 1]


@pytest.mark.parametrize("order", [1, -1], ids=["earlier article stored first", "later article stored first"])
def test_an_event_takes_its_place_from_the_first_published_report_whatever_the_order_stored(db: Engine, order: int):
    bergen, gdansk = place("Bergen", 3161732, "NO"), place("Gdańsk", 3099434, "PL")
    earlier = reading("a01.txt", bergen, gdansk, published="2023-05-03",
                      events=(event("visit", "occurred", "2023-05-02", "Bergen", "Gdańsk", place="Gdańsk"),))
    later = reading("b02.txt", bergen, gdansk, published="2023-05-09",
                    events=(event("visit", "occurred", "2023-05-02", "Bergen", "Gdańsk", place="Bergen"),))
    ingest([earlier, later][::order], db)

    [visit] = events(db)
    assert (visit["sources"], visit["place"]) == (2, "Gdańsk")


#: PostgreSQL collations that order text as a language does ("alpha" before "Zeta"), the first one found is used.
_LINGUISTIC_COLLATIONS = ("en-x-icu", "und-x-icu", "en_US.utf8", "en_GB.utf8", "de_DE.utf8")


def _ordered_as_a_language(db: Engine) -> None:
    """On PostgreSQL, give the articles' doc and date a linguistic collation, as a database created in en_US.UTF-8
    has: on a server whose own locale is C or C.UTF-8 any ORDER BY is by code point already."""
    if db.dialect.name != "postgresql":
        return
    with db.begin() as connection:
        found = set(connection.scalars(text("SELECT collname FROM pg_collation")))
        for collation in (c for c in _LINGUISTIC_COLLATIONS if c in found):
            if connection.scalar(text(f"SELECT 'alpha' < 'Zeta' COLLATE \"{collation}\"")):
                connection.execute(text(f'ALTER TABLE articles ALTER COLUMN doc TYPE varchar(1000) COLLATE "{collation}", '
                                        f'ALTER COLUMN published TYPE varchar(32) COLLATE "{collation}"'))
                return
    pytest.skip("this PostgreSQL has no linguistic collation (neither ICU nor an en_US locale) to order by")


@pytest.mark.parametrize("first_doc, second_doc", [("Zeta.txt", "alpha.txt"), ("ecole.txt", "Éclair.txt")],
                         ids=["capital before small letter", "plain letter before accented"])
def test_of_reports_published_the_same_day_events_and_ties_count_the_same_one_first_on_every_database(
        db: Engine, first_doc: str, second_doc: str):
    """First reported is by doc, by code point (as Python orders text), not by the database's locale, which
    puts "alpha" before "Zeta" and "Éclair" before "ecole" (the doc ordered so here, whatever the server's)."""
    _ordered_as_a_language(db)
    bergen, gdansk = place("Bergen", 3161732, "NO"), place("Gdańsk", 3099434, "PL")
    first = reading(first_doc, bergen, gdansk, published="2023-05-03",
                    events=(event("visit", "occurred", "2023-05-02", "Bergen", "Gdańsk", place="Gdańsk"),),
                    ties=(tie("Bergen", "Gdańsk", "signed", "2023-04-27"),))
    second = reading(second_doc, bergen, gdansk, published="2023-05-03",
                     events=(event("visit", "occurred", "2023-05-02", "Bergen", "Gdańsk", place="Bergen"),),
                     ties=(tie("Bergen", "Gdańsk", "signed", "2023-04-28"),))
    ingest([second, first], db)

    [visit], [twinning] = events(db), ties(db)
    assert (visit["sources"], visit["place"]) == (2, "Gdańsk")
    assert (twinning["sources"], twinning["date"]) == (2, "2023-04-27")


def test_on_postgresql_a_new_event_never_gets_the_id_of_one_deleted_before(db: Engine):
    if db.dialect.name != "postgresql":
        pytest.skip("SQLite's own rowids count on from the largest id left; its caches are keyed accordingly")
    porto, lyon = place("Porto", 2735943, "PT"), place("Lyon", 2996944, "FR")
    ingest([reading("a01.txt", place("Bergen", 3161732, "NO"), place("Gdańsk", 3099434, "PL"),
                    events=(event("visit", "occurred", "2023-05-02", "Bergen", "Gdańsk"),)),
            reading("b02.txt", porto, lyon, events=(event("visit", "occurred", "2023-05-02", "Porto", "Lyon"),))], db)
    ingest([reading("b02.txt", porto, lyon, text="A corrected text of b02 that reports no visit.")], db)
    assert [e["id"] for e in events(db)] == [1], "the correction deleted b02's visit, the last id given"

    ingest([reading("c03.txt", porto, lyon, events=(event("meeting", "occurred", "2023-06-01", "Porto", "Lyon"),))], db)

    assert [e["id"] for e in events(db)] == [1, 3]


# --------------------------------------------------------------------------- reading the registry

def test_an_entity_profile_has_names_place_facts_partners_and_events(db: Engine):
    ingest([PLANNED, SIGNED], db)

    profile = entity_profile(db, "Turkistan")

    assert profile is not None
    assert (profile["type"], profile["country"], profile["geonames_id"]) == ("place", "KZ", TURKISTAN_ID)
    assert profile["coordinates"] == [43.3, 68.3]
    assert [p["partners"] for p in profile["partners"]] == [["Üsküdar"]]
    assert [e["type"] for e in profile["events"]] == ["signing"]
    assert entity_profile(db, "Atlantis") is None


def test_stats_count_what_the_registry_holds(db: Engine):
    ingest([PLANNED, SIGNED], db)

    counts = stats(db)

    assert counts["articles"] == 2
    assert counts["entities"] == {"person": 1, "organization": 0, "place": 2}
    assert counts["events"] == 1
    assert counts["ties"]["signed"] == 1 and sum(counts["ties"].values()) == 1
    assert counts["ingest_errors"] == 0


def test_a_timeline_of_an_entity_is_dated_and_sourced(db: Engine):
    ingest([PLANNED, SIGNED], db)

    history = timeline(db, "Üsküdar")

    assert history is not None
    assert [item["date"] for item in history] == sorted(item["date"] for item in history)
    assert {item["doc"] for item in history} == {"a01.txt", "b02.txt"}
    assert all(item["sentence"] for item in history)
    assert timeline(db, "Atlantis") is None


def test_search_finds_names_of_articles_ingested_after_an_earlier_search(db: Engine):
    from amity.registry.search import search

    ingest([reading("a.txt", place("Turkistan", 1517945, "KZ"))], db)
    assert [e["name"] for e in search(db, "turkis")["entities"]] == ["Turkistan"]
    assert search(db, "zeytin")["entities"] == []
    ingest([reading("b.txt", place("Zeytinburnu", 737022, "TR"), place("Türkistan", 1517945, "KZ"))], db)
    assert [e["name"] for e in search(db, "zeytin")["entities"]] == ["Zeytinburnu"]
    assert [e["name"] for e in search(db, "türkistan")["entities"]] == ["Turkistan"]


def test_article_search_on_postgresql_goes_through_the_words_index(db: Engine):
    from sqlalchemy import text

    from amity.registry.search import WORDS_SQL, search

    if db.dialect.name != "postgresql":
        pytest.skip("SQLite searches its own FTS5 table")
    ingest([reading("a.txt", place("Turkistan", 1517945, "KZ"), text="Turkistan hosted a forum on twinning.")], db)
    assert [a["doc"] for a in search(db, "twinning forum")["articles"]] == ["a.txt"]
    with db.connect() as connection:
        connection.execute(text("SET enable_seqscan = off"))  # a tiny table: make the planner show what it can use
        plan = "\n".join(connection.execute(text(
            f"EXPLAIN SELECT id FROM articles WHERE {WORDS_SQL} @@ plainto_tsquery('english', 'forum')")).scalars())
    assert "ix_articles_words" in plan


def test_a_publication_date_that_is_not_a_date_is_no_sign_of_life(db: Engine):
    ingest([reading("a.txt", place("Turkistan", 1517945, "KZ"), place("Üsküdar", 738329, "TR"),
                    ties=(tie("Turkistan", "Üsküdar", "signed"),), published="March 2021")], db)
    (only,) = ties(db)
    assert only["last_seen"] is None and only["dormant"] is False
    assert ties(db, since="2020") == [] and ties(db, status="dormant") == []


def test_search_forgets_names_a_corrected_article_no_longer_gives(db: Engine):
    from amity.registry.search import search

    ingest([reading("a.txt", org("Alpha Fund")), reading("b.txt", org("Bravo Council"))], db)
    assert [e["name"] for e in search(db, "bravo")["entities"]] == ["Bravo Council"]
    ingest([reading("b.txt", org("Charlie Council"), text="Corrected: Charlie Council.")], db)
    ingest([reading("c.txt", org("Delta Agency"))], db)
    assert search(db, "bravo")["entities"] == []
    assert [e["name"] for e in search(db, "charlie")["entities"]] == ["Charlie Council"]
    assert [e["name"] for e in search(db, "delta")["entities"]] == ["Delta Agency"]


def test_the_latest_items_of_a_timeline_are_latest_by_their_first_day(db: Engine):
    pair = (place("Turkistan", 1517945, "KZ"), place("Üsküdar", 738329, "TR"))
    ingest([reading("a.txt", *pair, ties=(tie("Turkistan", "Üsküdar", "proposed", "2021-01/2021-03"),)),
            reading("b.txt", *pair, ties=(tie("Turkistan", "Üsküdar", "planned", "2021-01-15"),))], db)
    assert [item["date"] for item in timeline(db, "Turkistan", limit=1)] == ["2021-01-15"]
    assert [item["date"] for item in timeline(db, "Turkistan")] == ["2021-01/2021-03", "2021-01-15"]
