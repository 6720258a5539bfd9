"""Merging in batches stores exactly what merging one article at a time stores.

Articles are extracted once; the (article, record) pairs are then merged
one per transaction into one registry and in batches into another, and
the full exports of both are compared. Runs on SQLite, and on PostgreSQL
too when $AMITY_TEST_POSTGRES_URL is set.
"""
from __future__ import annotations

import importlib
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from backends import BACKENDS, POSTGRES_URL, empty_postgres, renumbered
from sqlalchemy import Engine, func, literal_column, select, text
from sqlalchemy import event as sqlalchemy_event
from sqlalchemy.orm import Session
from synthetic_news import synthetic_articles

from amity.export import export
from amity.model import Article, Entity, Event, Evidence, Record, Role, Tie
from amity.nlp import extract
from amity.registry import entities, event_rules, ingest, tie_rules
from amity.registry.entities import Known
from amity.registry.tie_rules import party_key
from amity.store import open_database, pending
from amity.store.schema import ArticleRow, EntityRow, EventRow, MentionRow, TieRow, TieStageRow

ARTICLES = 36


@pytest.fixture(scope="module")
def readings(nlp) -> list[tuple[Article, Record]]:
    articles = synthetic_articles(ARTICLES)
    return list(zip(articles, extract(articles, nlp=nlp), strict=True))


@pytest.fixture(params=BACKENDS)
def fresh_registry(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator:
    """fresh_registry() → an empty, opened registry; on PostgreSQL the same database emptied each time."""
    engines: list[Engine] = []

    def _fresh() -> Engine:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path / f'amity-{len(engines)}.db'}"
        else:
            assert POSTGRES_URL is not None
            for engine in engines:
                engine.dispose()
            empty_postgres(POSTGRES_URL)
            url = POSTGRES_URL
        engines.append(open_database(url, create=True))
        return engines[-1]

    yield _fresh
    for engine in engines:
        engine.dispose()


def _exported(db: Engine) -> str:
    out = io.StringIO()
    export(db, "json", out)
    return out.getvalue()


def _articles(db: Engine) -> int:
    with Session(db) as session:
        return session.scalar(select(func.count()).select_from(ArticleRow)) or 0


def test_a_corpus_merged_in_batches_exports_exactly_as_one_merged_article_by_article(fresh_registry, readings):
    one_by_one = fresh_registry()
    first = ingest(readings, one_by_one, batch_articles=1)
    expected = _exported(one_by_one)

    batched = fresh_registry()
    merged: list[int] = []
    second = ingest(readings, batched, batch_articles=10, on_merged=merged.append)

    assert str(second) == str(first)
    assert first.replaced > 0 and first.unchanged > 0, "the corpus has corrections and copies"
    assert len(merged) > 1 and max(merged) == 10, "articles went in batches of ten"
    assert _exported(batched) == expected


def test_what_a_batch_remembers_of_earlier_transactions_changes_nothing_in_what_it_stores(fresh_registry, readings,
                                                                                          monkeypatch):
    ingest_module = importlib.import_module("amity.registry.intake")
    carried = fresh_registry()
    ingest(readings, carried, batch_articles=4)  # events read in one transaction are kept for the next

    monkeypatch.setattr(ingest_module._Carried, "take", lambda self, session: ingest_module._Read())
    afresh = fresh_registry()
    ingest(readings, afresh, batch_articles=1)  # each article read what it needs from the database

    assert _exported(carried) == _exported(afresh)


def test_events_read_in_many_small_queries_store_exactly_what_one_query_stores(fresh_registry, readings, monkeypatch):
    # a big batch reads its entities' events in several statements, each under the databases' parameter limits
    expected = fresh_registry()
    ingest(readings, expected, batch_articles=10)

    event_rules = importlib.import_module("amity.registry.event_rules")
    monkeypatch.setattr(event_rules, "ENTITIES_PER_QUERY", 2)
    monkeypatch.setattr(event_rules, "_PARAMETERS_PER_STATEMENT", 10)
    chunked = fresh_registry()
    ingest(readings, chunked, batch_articles=10)

    assert _exported(chunked) == _exported(expected)


def test_events_read_near_their_reports_days_store_exactly_what_reading_all_events_stores(fresh_registry, readings,
                                                                                         monkeypatch):
    near = fresh_registry()
    for start in range(0, len(readings), 12):  # runs of their own: what was read is not carried
        ingest(readings[start:start + 12], near, batch_articles=4)

    event_rules = importlib.import_module("amity.registry.event_rules")
    monkeypatch.setattr(event_rules, "_months_meeting", lambda when: None)  # every event of an entity, whatever its date
    everything = fresh_registry()
    for start in range(0, len(readings), 12):
        ingest(readings[start:start + 12], everything, batch_articles=4)

    assert _exported(near) == _exported(everything)


def test_merging_the_same_corpus_again_in_batches_changes_nothing(fresh_registry, readings):
    seen: set[str] = set()
    finals = [(a, r) for a, r in readings if not (a.doc in seen or seen.add(a.doc))]  # no corrections
    db = fresh_registry()
    ingest(finals, db, batch_articles=16)
    before = (_articles(db), _exported(db))

    again = ingest(finals, db, batch_articles=16)

    assert again.new == 0 and again.replaced == 0
    assert (_articles(db), _exported(db)) == before


def test_a_batch_that_meets_another_writers_article_is_rolled_back_and_merged_one_by_one(fresh_registry, readings,
                                                                                         monkeypatch):
    from sqlalchemy.exc import IntegrityError

    ingest_module = importlib.import_module("amity.registry.intake")  # the package exports its function by this name

    merge_one = ingest_module._merge
    calls = {"n": 0}

    def clashing(merging, *item):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 6:  # mid-way through a batch, as a duplicate key from another writer would
            raise IntegrityError("INSERT INTO articles ...", {}, Exception("duplicate key"))
        return merge_one(merging, *item)

    some = readings[:12]
    reference = fresh_registry()
    expected_summary = str(ingest(some, reference, batch_articles=1))
    expected = _exported(reference)

    db = fresh_registry()
    monkeypatch.setattr(ingest_module, "_merge", clashing)
    summary = ingest(some, db, batch_articles=12)

    assert calls["n"] > len(some), "the articles of the batch that met the clash were merged again"
    assert str(summary) == expected_summary
    assert renumbered(_exported(db)) == renumbered(expected)


# --------------------------------------------------------------------------- facts that span batches

def _said(doc: str, text: str, published: str, *, entities: list[Entity], events: list[Event] = (),  # type: ignore[assignment]
          ties: list[Tie] = ()) -> tuple[Article, Record]:  # type: ignore[assignment]
    """An article of one sentence of our own and what an extractor would read in it (evidence: that sentence)."""
    said = Evidence(text, 0, len(text))
    for fact in [*entities, *events, *ties]:
        fact.evidence = [said]
    return (Article(doc=doc, text=text, title=text[:40], published=published),
            Record(doc=doc, published=published, entities=entities, events=list(events), ties=list(ties)))


def _turkistan(name: str = "Turkistan") -> Entity:
    return Entity("place", name, country="KZ", geonames_id=1517945, lat=43.3, lon=68.25)


def _bursa() -> Entity:
    return Entity("place", "Bursa", country="TR", geonames_id=750269, lat=40.19, lon=29.06)


def _mayor() -> Entity:
    return Entity("person", "Aigerim Sadykova", roles=[Role("mayor", "Turkistan")])


CORPUS = [
    _said("t1", "Turkistan and Bursa proposed to become sister cities on 3 March 2022.", "2022-03-03",
          entities=[_turkistan(), _bursa()], ties=[Tie("sister_city", ["Turkistan", "Bursa"], "proposed", "2022-03-03")]),
    _said("t2", "A delegation of the Turkic Culture Fund went to Ankara.", "2022-04-01",
          entities=[Entity("organization", "Turkic Culture Fund"), Entity("place", "Ankara", country="TR")]),
    _said("t3", "Mayor Aigerim Sadykova of Turkistan visited Bursa on 10 May 2023.", "2023-05-11",
          entities=[_mayor(), _turkistan(), _bursa()],
          events=[Event("visit", "occurred", "2023-05-10", ["Aigerim Sadykova", "Bursa"], place="Bursa")]),
    _said("t4", "The Turkic Culture Fund opened an office in Ankara.", "2023-05-20",
          entities=[Entity("organization", "Turkic Culture Fund", aliases=["TCF"]), Entity("place", "Ankara", country="TR")]),
    _said("t5", "In May 2023 Aigerim Sadykova was received in Bursa, the town recalled.", "2023-06-02",
          entities=[_mayor(), _bursa()],
          events=[Event("visit", "occurred", "2023-05", ["Aigerim Sadykova", "Bursa"], place="Bursa")]),
    _said("t6", "Turkestan and Bursa signed their twinning agreement on 1 July 2023.", "2023-07-01",
          entities=[_turkistan("Turkestan"), _bursa()],
          events=[Event("signing", "occurred", "2023-07-01", ["Turkestan", "Bursa"], place="Bursa", agreement="sister_city")],
          ties=[Tie("sister_city", ["Turkestan", "Bursa"], "signed", "2023-07-01")]),
    _said("t7", "The TCF sent books to schools in Turkistan.", "2023-08-15",
          entities=[Entity("organization", "TCF"), _turkistan()]),
]


def _untimed(data: object) -> object:
    """An export without the times decisions were taken at (two registries decide a second apart)."""
    if isinstance(data, dict):
        return {k: _untimed(v) for k, v in data.items() if k not in ("at", "curated_at")}
    if isinstance(data, list):
        return [_untimed(v) for v in data]
    return data


@pytest.fixture
def both_ways(fresh_registry) -> tuple[str, str]:
    """The corpus's export merged article by article, and in batches of 1, 2, 3, 1 articles (t1 | t2 t3 | t4 t5 t6 | t7)."""
    one_by_one = fresh_registry()
    ingest(CORPUS, one_by_one, batch_articles=1)
    expected = _exported(one_by_one)
    batched = fresh_registry()
    sizes: list[int] = []
    ingest(CORPUS, batched, batch_articles=3, on_merged=sizes.append)
    assert sizes == [1, 2, 3, 1]
    return expected, _exported(batched)


def test_an_entity_named_in_two_batches_and_two_spellings_is_one_entity_as_one_by_one(both_ways):
    expected, batched = both_ways
    assert batched == expected
    towns = [e for e in json.loads(batched)["entities"] if e.get("geonames_id") == 1517945]
    assert len(towns) == 1, "Turkistan (t1) and Turkestan (t6, a later batch) are one place"


def test_a_tie_reaching_a_new_stage_in_a_later_batch_is_summarised_as_one_by_one(both_ways):
    expected, batched = both_ways
    assert batched == expected
    ties = json.loads(batched)["ties"]
    assert [(t["kind"], t["status"]) for t in ties] == [("sister_city", "signed")], "proposed in t1, signed in t6"


def test_one_visit_reported_in_two_batches_is_one_event_as_one_by_one(both_ways):
    expected, batched = both_ways
    assert batched == expected
    visits = [e for e in json.loads(batched)["events"] if e["type"] == "visit"]
    assert len(visits) == 1 and visits[0]["date"] == "2023-05-10", "t3 (a day) and t5 (its month) report one visit"


def test_decisions_taken_between_ingests_are_kept_by_batches_as_one_by_one(fresh_registry):
    from amity.registry import curation

    exports = []
    for batch in (1, 4):
        db = fresh_registry()
        ingest(CORPUS[:3], db, batch_articles=batch)
        visit = json.loads(_exported(db))["events"][0]["id"]
        curation.set_date(db, "event", visit, "2023-05-09", "analyst")
        ingest(CORPUS[3:], db, batch_articles=batch)
        exports.append(_untimed(json.loads(_exported(db))))
    assert exports[0] == exports[1]
    visits = [e for e in exports[1]["events"] if e["type"] == "visit"]
    assert [v["date"] for v in visits] == ["2023-05-09"], "the analyst's date outlives t5's report"


def _tie_activity(db: Engine) -> list[str | None]:
    return [t["last_activity"] for t in json.loads(_exported(db))["ties"]]


def test_a_visit_by_a_towns_mayor_is_activity_of_the_towns_tie_as_soon_as_it_is_stored(fresh_registry):
    db = fresh_registry()
    ingest(CORPUS[:3], db, batch_articles=1)  # t1: Turkistan and Bursa propose; t3: Turkistan's mayor visits Bursa

    assert _tie_activity(db) == ["2023-05-10"]


def test_an_office_learnt_later_makes_the_holders_earlier_visit_activity_of_the_tie(fresh_registry):
    unknown_office = _said("u1", "Aigerim Sadykova visited Bursa on 10 May 2023.", "2023-05-11",
                           entities=[Entity("person", "Aigerim Sadykova"), _bursa()],
                           events=[Event("visit", "occurred", "2023-05-10", ["Aigerim Sadykova", "Bursa"])])
    office = _said("u2", "Aigerim Sadykova is the mayor of Turkistan.", "2023-06-01", entities=[_mayor(), _turkistan()])
    db = fresh_registry()
    ingest([CORPUS[0], unknown_office], db, batch_articles=1)
    before = _tie_activity(db)

    ingest([office], db, batch_articles=1)

    assert before == [None] and _tie_activity(db) == ["2023-05-10"]


def _visit(doc: str, day: str, published: str) -> tuple[Article, Record]:
    return _said(doc, f"Aigerim Sadykova visited Bursa ({day}).", published, entities=[_mayor(), _bursa()],
                 events=[Event("visit", "occurred", day, ["Aigerim Sadykova", "Bursa"], place="Bursa")])


def test_a_visit_made_precise_inside_a_batch_is_matched_at_its_new_date_as_one_by_one(fresh_registry):
    visits = [_visit("v1", "2023-05", "2023-06-01"),     # a visit in May
              _visit("v2", "2023-05-10", "2023-06-02"),  # the same visit, its day: the event is now 10 May
              _visit("v3", "2023-05-20", "2023-06-03")]  # another visit in May: not on 10 May, a second event
    one_by_one = fresh_registry()
    ingest(visits, one_by_one, batch_articles=1)
    batched = fresh_registry()
    sizes: list[int] = []
    ingest(visits, batched, batch_articles=3, on_merged=sizes.append)

    assert sizes[-1] == 2, "v2 and v3 were merged in one batch"
    assert _exported(batched) == _exported(one_by_one)
    assert sorted(e["date"] for e in json.loads(_exported(batched))["events"]) == ["2023-05-10", "2023-05-20"]


def _entity_id(db: Engine, name: str) -> int:
    with Session(db) as session:
        return session.scalars(select(EntityRow.id).where(EntityRow.name == name)).one()


def test_a_visit_reported_again_after_an_analyst_merged_its_town_and_took_it_back_is_still_one_event(fresh_registry):
    from amity.registry import curation

    db = fresh_registry()
    merged: list[int] = []

    def merge_and_undo(count: int) -> None:  # between two transactions of one ingest, as an analyst in the web app
        merged.append(count)
        if len(merged) == 2:  # v1 and a1 stored: Bursa is in the visit, and Ankara came after it
            taken = curation.merge_entities(db, _entity_id(db, "Ankara"), _entity_id(db, "Bursa"), "analyst")
            curation.undo(db, taken["id"])  # Bursa's names split off again, into an entity of a new id

    again = _said("v2", "On 10 May 2023 the mayor of Turkistan, Aigerim Sadykova, was in Bursa.", "2023-05-12",
                  entities=[_mayor(), _bursa()],
                  events=[Event("visit", "occurred", "2023-05-10", ["Aigerim Sadykova", "Bursa"], place="Bursa")])
    ankara = _said("a1", "Ankara hosted a book fair.", "2023-05-11",
                   entities=[Entity("place", "Ankara", country="TR", geonames_id=323786)])
    ingest([_visit("v1", "2023-05-10", "2023-05-11"), ankara, again], db, batch_articles=1, on_merged=merge_and_undo)

    visits = [e for e in json.loads(_exported(db))["events"] if e["type"] == "visit"]
    assert len(visits) == 1 and visits[0]["sources"] == 2, "v2 reports v1's visit, by the same mayor to the same Bursa"


def test_the_latest_of_a_ties_visits_in_one_batch_is_its_last_activity_as_one_by_one(fresh_registry):
    corpus = [CORPUS[0], _visit("v1", "2023-05-10", "2023-06-01"), _visit("v2", "2024-02-03", "2024-02-04"),
              _visit("v3", "2023-09-01", "2023-09-02")]
    one_by_one = fresh_registry()
    ingest(corpus, one_by_one, batch_articles=1)
    batched = fresh_registry()
    ingest(corpus[:1], batched, batch_articles=1)
    ingest(corpus[1:], batched, batch_articles=8)

    assert _exported(batched) == _exported(one_by_one)
    assert _tie_activity(batched) == ["2024-02-03"], "the mayor of Turkistan in Bursa: activity of their twinning"


def test_sentences_with_tabs_backslashes_quotes_and_new_lines_are_stored_as_written(fresh_registry):
    text = 'Turkistan\tand Bursa signed "the \\ plan"\non 1 July 2023, said the mayor\'s office.'
    corpus = [_said("q1", text, "2023-07-02", entities=[_turkistan(), _bursa()],
                    ties=[Tie("sister_city", ["Turkistan", "Bursa"], "signed", "2023-07-01")]), CORPUS[1]]
    db = fresh_registry()
    ingest(corpus, db, batch_articles=2)  # rows kept for the batch go in together (PostgreSQL: by COPY)

    with Session(db) as session:
        stages = session.scalars(select(TieStageRow.sentence)).all()
        mentions = set(session.scalars(select(MentionRow.sentence).where(MentionRow.article_id == 1)))
    assert stages == [text] and mentions == {text}


def _signed(doc: str, day: str, published: str, status: str = "signed") -> tuple[Article, Record]:
    return _said(doc, f"Turkistan and Bursa {status} their twinning ({day}).", published,
                 entities=[_turkistan(), _bursa()], ties=[Tie("sister_city", ["Turkistan", "Bursa"], status, day)])


def test_stages_told_in_later_batches_by_articles_published_earlier_summarise_the_tie_as_one_by_one(fresh_registry):
    corpus = [CORPUS[0],                                   # proposed; the tie is read whole in the first batch
              _signed("s1", "2023-07-01", "2023-07-05"),   # signed, a day
              _signed("s2", "2023-06-30", "2023-08-01"),   # as far, reported later: s1's day stays
              _signed("s3", "2023-06-29", "2023-07-02"),   # as far, reported first: its day wins
              _signed("s4", "2024-05", "2024-06-01", "planned"),     # the latest date ends on 31 May 2024 ...
              _signed("s5", "2024-05-31", "2024-05-31", "planned")]  # ... and this one, reported before, is it
    one_by_one = fresh_registry()
    ingest(corpus, one_by_one, batch_articles=1)
    batched = fresh_registry()
    sizes: list[int] = []
    ingest(corpus, batched, batch_articles=2, on_merged=sizes.append)

    assert sizes == [1, 2, 2, 1], "the tie's summary was carried from batch to batch"
    assert _exported(batched) == _exported(one_by_one)
    [tie] = json.loads(_exported(batched))["ties"]
    assert (tie["status"], tie["date"], tie["last_seen"], tie["sources"]) == ("signed", "2023-06-29", "2024-05-31", 6)


def test_a_tie_told_in_many_runs_folds_each_runs_stages_onto_what_its_row_keeps(fresh_registry):
    corpus = [CORPUS[0], _signed("s1", "2023-07-01", "2023-07-05"), _signed("s2", "2023-06-30", "2023-08-01"),
              _signed("s3", "2023-06-29", "2023-07-02"), _signed("s4", "2024-05", "2024-06-01", "planned"),
              _signed("s5", "2024-05-31", "2024-05-31", "planned")]
    db = fresh_registry()
    for pair in corpus:
        ingest([pair], db)  # a run of its own: nothing carried, the tie starts from its row

    assert _tie_rows(db) == [("signed", "2023-06-29", "2024-05-31", 6)]


def _tie_rows(db: Engine) -> list[tuple]:
    with Session(db) as session:
        return [tuple(row) for row in session.execute(select(TieRow.status, TieRow.date, TieRow.last_seen, TieRow.sources)
                                                      .order_by(TieRow.id))]


def _resummarised(db: Engine) -> tuple[str, list[tuple]]:
    """The export and the ties' rows after every tie is re-summarised from all of its stages."""
    with Session(db) as session, session.begin():
        tie_rules.refresh_all(session, session.scalars(select(TieRow.id)).all())
    return _exported(db), _tie_rows(db)


def test_ties_folded_from_their_rows_run_after_run_are_what_reading_all_their_stages_gives(fresh_registry, readings):
    db = fresh_registry()
    for start in range(0, len(readings), 9):  # corrections among them: stages deleted and ties re-read in full
        ingest(readings[start:start + 9], db, batch_articles=4)
    with Session(db) as session:
        assert session.scalar(select(func.count()).where(TieRow.furthest_stage_id.is_(None))) == 0

    folded = _exported(db), _tie_rows(db)
    assert _resummarised(db) == folded


def _folds_after_upgrading_from_0009(db: Engine) -> tuple[list[tuple], list[tuple]]:
    """The ties' kept folds, and those the registry gets when turned back to revision 0009 and opened again."""
    with Session(db) as session:
        kept = session.execute(select(TieRow.id, TieRow.furthest_stage_id, TieRow.latest_stage_id)).all()
    _downgrade(db, "0011")
    with db.begin() as connection:  # as an Amity before migration 0010 left it (and so before 0011)
        connection.execute(text("ALTER TABLE ties DROP COLUMN latest_stage_id"))
        connection.execute(text("ALTER TABLE ties DROP COLUMN furthest_stage_id"))
        for column in _EVENT_FOLD_COLUMNS:
            connection.execute(text(f"ALTER TABLE events DROP COLUMN {column}"))
        connection.execute(text("UPDATE alembic_version SET version_num = '0009'"))
    url = db.url.render_as_string(hide_password=False)
    db.dispose()

    again = open_database(url)
    with Session(again) as session:
        upgraded = session.execute(select(TieRow.id, TieRow.furthest_stage_id, TieRow.latest_stage_id)).all()
    again.dispose()
    return list(kept), list(upgraded)


def test_a_registry_from_before_ties_kept_their_folds_gets_them_when_opened(fresh_registry, readings):
    db = fresh_registry()
    ingest(readings, db, batch_articles=10)
    kept, upgraded = _folds_after_upgrading_from_0009(db)
    assert upgraded == kept


def test_a_registry_from_before_ties_kept_their_folds_upgrades_though_the_tie_rules_now_read_a_later_column(
        fresh_registry, readings, monkeypatch):
    db = fresh_registry()
    ingest(readings, db, batch_articles=10)
    later = tie_rules._STAGE_COLUMNS.add_columns(literal_column("tie_stages.told_by_a_later_revision"))
    monkeypatch.setattr(tie_rules, "_STAGE_COLUMNS", later)  # the live query, grown after migration 0010
    kept, upgraded = _folds_after_upgrading_from_0009(db)
    assert upgraded == kept


# --------------------------------------------------------------------------- events read near their dates

def _met(doc: str, day: str, published: str) -> tuple[Article, Record]:
    return _said(doc, f"Aigerim Sadykova met the council of Bursa ({day}).", published, entities=[_mayor(), _bursa()],
                 events=[Event("meeting", "occurred", day, ["Aigerim Sadykova", "Bursa"], place="Bursa")])


def _both_ways(fresh_registry, corpus: list[tuple[Article, Record]], batch: int) -> tuple[Engine, list[int]]:  # type: ignore[no-untyped-def]
    """The corpus merged one by one and in batches (their sizes given): the batched registry, once both export alike."""
    one_by_one = fresh_registry()
    ingest(corpus, one_by_one, batch_articles=1)
    batched = fresh_registry()
    sizes: list[int] = []
    ingest(corpus, batched, batch_articles=batch, on_merged=sizes.append)
    assert _exported(batched) == _exported(one_by_one)
    return batched, sizes


def test_a_visit_made_precise_to_an_earlier_day_in_a_later_batch_gives_the_tie_an_earlier_activity(fresh_registry):
    corpus = [CORPUS[0],                                # Turkistan and Bursa propose a twinning
              _met("m1", "2024-06-01", "2024-06-02"),   # the mayor of Turkistan meets Bursa's council in June
              _visit("v1", "2024", "2024-12-30"),       # and visited Bursa in 2024: the latest activity, to 31 Dec
              _visit("v2", "2024-03-05", "2025-01-10")]  # that visit was in March: June's meeting is now the latest
    batched, sizes = _both_ways(fresh_registry, corpus, 8)

    assert sizes == [1, 2, 1], "the visit was re-dated in a later batch than the one that made it the latest"
    assert _tie_activity(batched) == ["2024-06-01"]


def _visit_from_turkistan(doc: str, day: str, published: str) -> tuple[Article, Record]:
    return _said(doc, f"Mayor Aigerim Sadykova of Turkistan visited Bursa ({day}).", published,
                 entities=[_mayor(), _turkistan(), _bursa()],
                 events=[Event("visit", "occurred", day, ["Aigerim Sadykova", "Bursa"], place="Bursa")])


def test_a_tie_first_reported_in_a_later_batch_takes_its_parties_earlier_visits_as_activity(fresh_registry):
    corpus = [_visit_from_turkistan("v1", "2023-05-10", "2023-05-11"), _visit_from_turkistan("v2", "2023-11-20", "2023-11-21"),
              _visit_from_turkistan("v3", "2023-09-01", "2023-09-02"), CORPUS[0]]  # the twinning told after the visits
    batched, sizes = _both_ways(fresh_registry, corpus, 8)

    assert sizes == [1, 2, 1]
    assert _tie_activity(batched) == ["2023-11-20"]


def test_a_visit_after_a_batch_made_the_tie_is_its_activity_though_earlier_batches_found_the_parties_without_ties(
        fresh_registry):
    corpus = [_visit_from_turkistan("v1", "2023-05-10", "2023-05-11"),  # the parties' ties asked: none yet
              _visit_from_turkistan("v2", "2023-06-01", "2023-06-02"), CORPUS[0],  # the twinning proposed: a tie made
              _visit_from_turkistan("v3", "2024-02-01", "2024-02-02")]  # a later visit: the tie's latest activity
    batched, sizes = _both_ways(fresh_registry, corpus, 8)

    assert sizes == [1, 2, 1]
    assert _tie_activity(batched) == ["2024-02-01"]


def test_a_visit_reported_over_more_than_a_year_is_found_by_a_report_of_one_of_its_days(fresh_registry):
    corpus = [_visit("w1", "2022-11/2024-02", "2024-03-01"),  # an exchange of visits over 16 months
              _visit("w2", "2021-05-04", "2021-05-05"),       # an earlier visit, a day: another event
              _visit("w3", "2024-01-15", "2024-03-02")]       # a day of the long one, in a later ingest
    one_by_one = fresh_registry()
    ingest(corpus, one_by_one, batch_articles=1)
    batched = fresh_registry()
    ingest(corpus[:2], batched, batch_articles=2)
    ingest(corpus[2:], batched, batch_articles=2)  # reads the registry's events afresh

    assert _exported(batched) == _exported(one_by_one)
    events = sorted((e["date"], e["sources"]) for e in json.loads(_exported(batched))["events"])
    assert events == [("2021-05-04", 1), ("2024-01-15", 2)], "w3 reports w1's visits, and gives them its day"


def test_each_participant_row_follows_the_dates_of_its_event_as_it_is_re_summarised(fresh_registry):
    from amity.store.schema import EventParticipantRow

    db = fresh_registry()
    ingest([_visit("v1", "2023-05", "2023-06-01"), _visit("v2", "2023-05-10", "2023-06-02"),
            _visit("w1", "2019/2021", "2021-06-01"), _met("m1", "2023-05-12", "2023-06-03")], db, batch_articles=1)

    with Session(db) as session:
        rows = session.execute(select(EventParticipantRow.event_type, EventParticipantRow.event_until)).all()
    # v1's participants took the day v2 gave their visit; three years are read with any date (no last day)
    assert sorted(tuple(r) for r in rows if r[1] is not None) == [("meeting", "2023-05-12")] * 2 + [("visit", "2023-05-10")] * 4
    assert [tuple(r) for r in rows if r[1] is None] == [("visit", None)] * 2


# --------------------------------------------------------------------------- events folded onto their rows

_EVENT_FOLD_COLUMNS = ("date_report_id", "place_report_id", "agreement_report_id")


def _signing(doc: str, status: str, day: str, published: str, place: str | None = None,
             agreement: str | None = None) -> tuple[Article, Record]:
    return _said(doc, f"Turkistan and Bursa's twinning signing ({status}, {day}, at {place}).", published,
                 entities=[_turkistan(), _bursa()],
                 events=[Event("signing", status, day, ["Turkistan", "Bursa"], place=place, agreement=agreement)])  # type: ignore[arg-type]


SIGNINGS = [_signing("g1", "planned", "2023-07", "2023-06-20"),                              # planned for July
            _signing("g2", "planned", "2023-07-01", "2023-06-25", "Bursa", "sister_city"),   # the day, in Bursa
            _signing("g3", "occurred", "2023-07", "2023-07-05", "Turkistan"),                # it took place, in July
            _signing("g4", "occurred", "2023-07-01", "2023-07-08", "Turkistan", "sister_city"),  # on the 1st
            _signing("g5", "occurred", "2023-07-01", "2023-07-02", "Bursa")]  # told last, published before g3 and g4


def _event_rows(db: Engine) -> list[tuple]:
    with Session(db) as session:
        return [tuple(row) for row in session.execute(
            select(EventRow.status, EventRow.date, EventRow.place_entity_id, EventRow.agreement, EventRow.date_start,
                   EventRow.date_end, EventRow.date_report_id, EventRow.place_report_id, EventRow.agreement_report_id)
            .order_by(EventRow.id))]


def _events_resummarised(db: Engine) -> tuple[str, list[tuple]]:
    """The export and the events' rows after every event is re-summarised from all of its reports."""
    with Session(db) as session, session.begin():
        for event_id in session.scalars(select(EventRow.id)).all():
            event_rules.refresh(session, event_id)
    return _exported(db), _event_rows(db)


def test_reports_told_in_later_batches_by_articles_published_earlier_summarise_the_event_as_one_by_one(
        fresh_registry):
    batched, sizes = _both_ways(fresh_registry, SIGNINGS, 2)

    assert sizes == [1, 2, 2], "the signing's summary was folded on from batch to batch"
    [signing] = json.loads(_exported(batched))["events"]
    assert (signing["status"], signing["date"], signing["place"], signing["agreement"]) == \
        ("occurred", "2023-07-01", "Bursa", "sister_city"), "g5, published first of those that say it occurred, places it"
    assert _events_resummarised(batched) == (_exported(batched), _event_rows(batched))


def test_an_event_told_in_many_runs_folds_each_runs_report_onto_what_its_row_keeps(fresh_registry):
    db = fresh_registry()
    for pair in reversed(SIGNINGS):
        ingest([pair], db)  # a run of its own: nothing carried, the event starts from its row

    folded = _exported(db), _event_rows(db)
    [signing] = json.loads(folded[0])["events"]
    assert (signing["status"], signing["date"], signing["place"]) == ("occurred", "2023-07-01", "Bursa")
    assert _events_resummarised(db) == folded


def test_events_folded_from_their_rows_run_after_run_are_what_reading_all_their_reports_gives(fresh_registry, readings):
    db = fresh_registry()
    for start in range(0, len(readings), 9):  # corrections among them: reports deleted and events re-read in full
        ingest(readings[start:start + 9], db, batch_articles=4)
    with Session(db) as session:
        assert session.scalar(select(func.count()).select_from(EventRow)) > 0
        assert session.scalar(select(func.count()).where(EventRow.date_report_id.is_(None))) == 0

    folded = _exported(db), _event_rows(db)
    assert _events_resummarised(db) == folded


def _event_folds_after_upgrading_from_0010(db: Engine) -> tuple[list[tuple], list[tuple]]:
    """The events' kept folds, and those the registry gets when turned back to revision 0010 and opened again."""
    kept = _event_rows(db)
    _downgrade(db, "0011")
    with db.begin() as connection:  # as an Amity before migration 0011 left it
        for column in _EVENT_FOLD_COLUMNS:
            connection.execute(text(f"ALTER TABLE events DROP COLUMN {column}"))
        connection.execute(text("UPDATE alembic_version SET version_num = '0010'"))
    url = db.url.render_as_string(hide_password=False)
    db.dispose()

    again = open_database(url)
    upgraded = _event_rows(again)
    again.dispose()
    return kept, upgraded


def test_a_registry_from_before_events_kept_their_folds_gets_them_when_opened(fresh_registry, readings):
    db = fresh_registry()
    ingest(readings + SIGNINGS, db, batch_articles=10)
    kept, upgraded = _event_folds_after_upgrading_from_0010(db)
    assert upgraded == kept
    assert any(row[7] is not None for row in kept) and any(row[8] is not None for row in kept), "places and agreements"


def test_a_registry_from_before_events_kept_their_folds_upgrades_though_the_event_rules_now_read_a_later_column(
        fresh_registry, readings, monkeypatch):
    db = fresh_registry()
    ingest(readings + SIGNINGS, db, batch_articles=10)
    later = event_rules._TOLD_COLUMNS.add_columns(literal_column("event_reports.told_by_a_later_revision"))
    monkeypatch.setattr(event_rules, "_TOLD_COLUMNS", later)  # the live query, grown after migration 0011
    kept, upgraded = _event_folds_after_upgrading_from_0010(db)
    assert upgraded == kept


def _downgrade(db: Engine, revision: str) -> None:
    """The registry as the migrations down to `revision` leave it."""
    from alembic import command

    from amity.store.migrate import _config

    with db.begin() as connection:
        config = _config()
        config.attributes["connection"] = connection
        try:
            command.downgrade(config, revision)
        finally:
            config.attributes.pop("connection", None)


_PARTICIPANT_COPIES = text("SELECT p.report_id, p.entity_id, p.event_type, p.event_until, p.event_start, p.event_id, "
                           "r.event_id, e.date_start FROM event_participants p JOIN event_reports r ON r.id = p.report_id "
                           "JOIN events e ON e.id = r.event_id ORDER BY p.report_id, p.entity_id")


def test_every_participant_row_carries_its_events_id_and_first_day_through_corrections(fresh_registry, readings):
    db = fresh_registry()
    ingest(readings + SIGNINGS, db, batch_articles=4)  # corrections among them: events re-dated, reports deleted
    with db.connect() as connection:
        rows = connection.execute(_PARTICIPANT_COPIES).all()
    assert rows
    assert all(row.event_id == row[6] and row.event_start == row.date_start for row in rows)


def test_participant_rows_added_before_their_event_is_re_dated_in_the_same_batch_follow_its_new_dates(fresh_registry):
    corpus = [_met("m1", "2023-04-02", "2023-04-03"),  # a batch of one: the next two go in one transaction
              _visit("v1", "2023-05", "2023-06-01"), _visit("v2", "2023-05-10", "2023-06-02")]  # 10 May: the same visit
    batched, sizes = _both_ways(fresh_registry, corpus, 8)

    assert sizes == [1, 2]
    with batched.connect() as connection:
        rows = connection.execute(_PARTICIPANT_COPIES).all()
    assert [(row.event_type, row.event_until, row.event_start) for row in rows] == \
        [("meeting", "2023-04-02", "2023-04-02")] * 2 + [("visit", "2023-05-10", "2023-05-10")] * 4
    assert all(row.event_id == row[6] for row in rows)


def test_a_participant_row_written_with_its_events_copies_keeps_them_and_one_written_without_gets_them(fresh_registry):
    db = fresh_registry()
    ingest([_visit("v1", "2023-05-10", "2023-06-01")], db)
    with db.begin() as connection:
        report_id, event_id = connection.execute(text("SELECT id, event_id FROM event_reports")).one()
        mayor, bursa = connection.execute(text("SELECT entity_id FROM event_participants ORDER BY entity_id")).scalars()
        connection.execute(text("DELETE FROM event_participants"))
        # the merge gives the copies itself (`event_rules.report`): the database takes them as given
        connection.execute(text("INSERT INTO event_participants (report_id, entity_id, event_type, event_until, "
                                "event_start, event_id) VALUES (:report, :entity, 'given', 'given', 'given', :event)"),
                           {"report": report_id, "entity": mayor, "event": event_id})
        connection.execute(text("INSERT INTO event_participants (report_id, entity_id) VALUES (:report, :entity)"),
                           {"report": report_id, "entity": bursa})
        copies = connection.execute(text("SELECT event_type, event_until, event_start, event_id = :event "
                                         "FROM event_participants ORDER BY entity_id"), {"event": event_id}).all()
    assert [tuple(row) for row in copies] == [("given", "given", "given", True),
                                              ("visit", "2023-05-10", "2023-05-10", True)]


def test_a_registry_from_before_participants_carried_their_events_gets_the_copies_when_opened(fresh_registry,
                                                                                               readings):
    db = fresh_registry()
    ingest(readings + SIGNINGS, db, batch_articles=10)
    with db.connect() as connection:
        kept = connection.execute(_PARTICIPANT_COPIES).all()
    _downgrade(db, "0011")
    url = db.url.render_as_string(hide_password=False)
    db.dispose()

    again = open_database(url)
    with again.connect() as connection:
        upgraded = connection.execute(_PARTICIPANT_COPIES).all()
    again.dispose()
    assert upgraded == kept


def test_a_visit_placed_in_a_town_its_batch_named_first_is_merged_in_that_batch_as_one_by_one(fresh_registry,
                                                                                                 monkeypatch):
    def visit(doc: str, status: str, published: str, place: str | None) -> tuple[Article, Record]:
        named = [Entity("place", place, country="TR")] if place else []
        return _said(doc, f"Aigerim Sadykova's visit to Bursa ({status}, at {place}).", published,
                     entities=[Entity("person", "Aigerim Sadykova"), _bursa(), *named],
                     events=[Event("visit", status, "2023-05-10", ["Aigerim Sadykova", "Bursa"], place=place)])  # type: ignore[arg-type]

    corpus = [visit("p1", "planned", "2023-05-01", None),  # a batch of its own
              _said("n1", "Nilufer opened a library.", "2023-05-02", entities=[Entity("place", "Nilufer", country="TR")]),
              visit("p2", "occurred", "2023-05-11", "Nilufer")]  # Nilufer, new in this batch, now places the visit
    intake = importlib.import_module("amity.registry.intake")
    alone: list[str] = []
    store = intake._store
    monkeypatch.setattr(intake, "_store",
                        lambda engine, article, *rest: alone.append(article.doc) or store(engine, article, *rest))
    batched, sizes = _both_ways(fresh_registry, corpus, 2)

    assert sizes == [1, 2] and alone[-1:] == ["p1"], "n1 and p2 went in one transaction, not again one by one"
    [event] = json.loads(_exported(batched))["events"]
    assert (event["status"], event["place"]) == ("occurred", "Nilufer")


def _article_ids(db: Engine) -> list[tuple[int, str]]:
    with Session(db) as session:
        return [tuple(row) for row in session.execute(select(ArticleRow.id, ArticleRow.doc).order_by(ArticleRow.id))]


def test_an_article_corrected_in_the_batch_that_stored_it_takes_the_id_it_takes_one_by_one(fresh_registry):
    fund, ankara = CORPUS[1]
    corrected = (Article(doc=fund.doc, text=fund.text + " It stayed a week.", title=fund.title, published=fund.published),
                 ankara)
    corpus = [CORPUS[0], CORPUS[1], corrected]  # t2 and its correction merged in one batch
    batched, sizes = _both_ways(fresh_registry, corpus, 8)
    one_by_one = fresh_registry()
    ingest(corpus, one_by_one, batch_articles=1)

    assert sizes == [1, 2]
    assert _article_ids(batched) == _article_ids(one_by_one)
    assert [doc for _, doc in _article_ids(batched)] == ["t1", "t2"]


def test_an_id_counted_again_after_a_deletion_is_past_the_rows_kept_but_not_yet_written(fresh_registry):
    db = fresh_registry()
    with Session(db) as session, session.begin():
        first = pending.new_id(session, EntityRow)
        pending.add(session, EntityRow, id=first, type="organization", name="Alpha Fund")
        pending.recount(session, EntityRow)  # as after a corrected article's entities were deleted
        second = pending.new_id(session, EntityRow)
        pending.add(session, EntityRow, id=second, type="organization", name="Beta Trust")

    assert second == first + 1
    with Session(db) as session:
        assert list(session.scalars(select(EntityRow.name).order_by(EntityRow.id))) == ["Alpha Fund", "Beta Trust"]


def _organisations(db: Engine) -> list[tuple[int, str]]:
    with Session(db) as session:
        return [tuple(row) for row in session.execute(select(EntityRow.id, EntityRow.name).order_by(EntityRow.id))]


def test_entities_and_ties_after_a_correction_that_dropped_the_newest_take_the_ids_they_take_one_by_one(fresh_registry):
    def fund(name: str) -> Entity:
        return Entity("organization", name)

    clubs = [_said(f"c{n}", f"The Rowing Club {n} held its yearly meeting.", f"2021-01-0{n}",
                   entities=[fund(f"Rowing Club {n}")]) for n in (1, 2, 3)]
    corpus = [*clubs,
              _said("s1", "The Steppe Fund was set up in Aktau.", "2021-12-01", entities=[fund("Steppe Fund")]),
              _said("s2", "The Steppe Fund agreed to work with the Caspian Trust.", "2022-01-01",
                    entities=[fund("Steppe Fund"), fund("Caspian Trust")],
                    ties=[Tie("cooperation", ["Steppe Fund", "Caspian Trust"], "active", "2022-01-01")]),
              # s2 corrected: the Caspian Trust (the newest entity) and its tie are left with no article
              _said("s2", "The Steppe Fund talked to nobody this week.", "2022-01-02", entities=[fund("Steppe Fund")]),
              _said("s3", "The Steppe Fund agreed to work with the Aral Council.", "2022-01-03",
                    entities=[fund("Steppe Fund"), fund("Aral Council")],
                    ties=[Tie("cooperation", ["Steppe Fund", "Aral Council"], "active", "2022-01-03")])]
    batched, sizes = _both_ways(fresh_registry, corpus, 8)  # the exports, with every id, alike

    assert sizes == [1, 2, 4], "the correction and the article after it were merged in one batch"
    assert [name for _, name in _organisations(batched)][-2:] == ["Steppe Fund", "Aral Council"]
    [tie] = json.loads(_exported(batched))["ties"]  # the first tie went with the Caspian Trust
    assert sorted(tie["party_ids"]) == sorted([_entity_id(batched, "Steppe Fund"), _entity_id(batched, "Aral Council")])


@pytest.mark.parametrize("holding", ["ties asked and not stored", "new entities", "offices"])
def test_what_a_batch_carries_to_the_next_counts_all_it_holds_against_its_cap_not_only_names(monkeypatch, holding):
    monkeypatch.setattr(entities, "_MOST_KEYS_KEPT", 10)
    known = Known()
    known.having["steppe fund"] = {1}
    assert not known.full()

    many = range(2, 14)  # more than the cap, under a single name
    if holding == "ties asked and not stored":
        known.ties.absent |= {("cooperation", party_key([1, n])) for n in many}
    elif holding == "new entities":
        known.ties.new_entities |= set(many)
    else:
        known.offices |= {(n, 1) for n in many}
    assert known.full(), "carried on, it would grow without bound in a corpus of few names"


# --------------------------------------------------------------------------- event rows written once a batch

def _event_statements(monkeypatch, db: Engine) -> list[str]:  # type: ignore[no-untyped-def]
    """What writes event rows from now on, in order: "insert" for each time rows kept of new events are written
    (`pending.write`: one INSERT or COPY), "update" for each UPDATE of stored event rows."""
    seen: list[str] = []
    real = pending.write

    def write(session: Session, tables: set[str] | None = None) -> None:
        before = len(pending.kept(session, EventRow))
        real(session, tables)
        if before and not pending.kept(session, EventRow):
            seen.append("insert")

    def statement(_connection, _cursor, sql: str, *_args) -> None:  # type: ignore[no-untyped-def]
        if sql.lstrip().upper().startswith("UPDATE EVENTS "):
            seen.append("update")

    monkeypatch.setattr(pending, "write", write)
    sqlalchemy_event.listen(db, "before_cursor_execute", statement)
    return seen


def test_a_visit_made_and_made_precise_in_one_batch_is_inserted_once_as_its_final_summary(fresh_registry, monkeypatch):
    corpus = [_met("m1", "2023-04-02", "2023-04-03"),  # a batch of one: the next two go in one transaction
              _visit("v1", "2023-05", "2023-06-01"), _visit("v2", "2023-05-10", "2023-06-02")]  # 10 May: the same visit
    one_by_one = fresh_registry()
    ingest(corpus, one_by_one, batch_articles=1)
    batched = fresh_registry()
    written = _event_statements(monkeypatch, batched)
    sizes: list[int] = []

    ingest(corpus, batched, batch_articles=8, on_merged=sizes.append)

    assert sizes == [1, 2]
    assert written == ["insert", "insert"], "v2 amends the row v1's visit keeps unwritten: not inserted before, nor updated"
    assert _exported(batched) == _exported(one_by_one)
    assert [e["date"] for e in json.loads(_exported(batched))["events"] if e["type"] == "visit"] == ["2023-05-10"]


def _two_visits(doc: str, new_day: str, again_day: str, published: str) -> tuple[Article, Record]:
    """A visit not reported before, then one reported before (the mayor of Turkistan in Bursa, on these days)."""
    return _said(doc, f"Aigerim Sadykova visited Bursa ({new_day}) as she had before ({again_day}).", published,
                 entities=[_mayor(), _bursa()],
                 events=[Event("visit", "occurred", day, ["Aigerim Sadykova", "Bursa"], place="Bursa")
                         for day in (new_day, again_day)])


def test_reports_joining_stored_events_after_a_correction_in_their_batch_write_the_new_events_once(
        fresh_registry, monkeypatch):
    fund, ankara = CORPUS[1]
    corrected = (Article(doc=fund.doc, text=fund.text + " It stayed a week.", title=fund.title, published=fund.published),
                 ankara)
    stored = [CORPUS[1], _visit("v1", "2021-03-10", "2021-03-11"), _visit("v2", "2022-03-10", "2022-03-11")]
    batch = [*stored,  # stored already: batches of one and two articles that change nothing
             corrected,  # replaces t2: the session is emptied of the event rows the batch read at its start
             _two_visits("w1", "2018-02-02", "2021-03-10", "2024-01-10"),
             _two_visits("w2", "2017-02-02", "2022-03-10", "2024-01-11"), _visit("w3", "2016-02-02", "2024-01-12")]
    one_by_one = fresh_registry()
    ingest(stored + batch, one_by_one, batch_articles=1)
    batched = fresh_registry()
    ingest(stored, batched)
    written = _event_statements(monkeypatch, batched)
    sizes: list[int] = []

    ingest(batch, batched, batch_articles=8, on_merged=sizes.append)

    assert sizes == [1, 2, 4]
    # w1 and w2 read v1's and v2's rows again without writing the visits kept before them: one insert in all
    assert written.count("insert") == 1
    assert _exported(batched) == _exported(one_by_one)
    assert sorted((e["date"], e["sources"]) for e in json.loads(_exported(batched))["events"]) == \
        [("2016-02-02", 1), ("2017-02-02", 1), ("2018-02-02", 1), ("2021-03-10", 2), ("2022-03-10", 2)]


def _visitor_of_bursa(doc: str, name: str, day: str, published: str) -> tuple[Article, Record]:
    return _said(doc, f"{name} toured Bursa ({day}).", published, entities=[Entity("person", name), _bursa()],
                 events=[Event("visit", "occurred", day, [name, "Bursa"], place="Bursa")])


def test_a_report_sharing_two_participants_with_an_event_reads_no_participants_of_events_sharing_one(
        fresh_registry, monkeypatch):
    from amity.store.schema import EventParticipantRow

    others = [_visitor_of_bursa(f"o{n}", name, "2023-05-10", "2023-05-11")
              for n, name in enumerate(["Lena Fischer", "Omar Haddad", "Sofia Rossi"])]  # Bursa's other visitors that day
    stored = [_visit("v1", "2023-05-10", "2023-05-11"), *others]
    again = [_visit("v2", "2023-05-10", "2023-05-12"), _visit("v3", "2023-05-10", "2023-05-13")]  # the mayor's visit again
    one_by_one = fresh_registry()
    ingest(stored + again, one_by_one, batch_articles=1)
    batched = fresh_registry()
    ingest(stored, batched)
    with Session(batched) as session:
        mayors = set(session.scalars(select(EventParticipantRow.event_id).join(
            EntityRow, EntityRow.id == EventParticipantRow.entity_id).where(EntityRow.name == "Aigerim Sadykova")))
        visits = set(session.scalars(select(EventRow.id)))
    asked: set[int] = set()
    participants_of = event_rules.participants_of

    def watched(session, event_ids):  # type: ignore[no-untyped-def]
        asked.update(event_ids)
        return participants_of(session, event_ids)

    monkeypatch.setattr(event_rules, "participants_of", watched)
    ingest(again, batched, batch_articles=8)

    assert len(mayors) == 1 and len(visits) == 4
    assert not asked & (visits - mayors), "the visits sharing only Bursa lose to the mayor's: their participants unread"
    assert _exported(batched) == _exported(one_by_one)


# --------------------------------------------------------------------------- the merge's own process

def test_a_batch_is_merged_with_pythons_cycle_collector_paused_and_running_again_after(fresh_registry, readings,
                                                                                       monkeypatch):
    import gc

    intake = importlib.import_module("amity.registry.intake")
    merge_one = intake._merge
    collecting: list[bool] = []

    def watched(merging, *item):  # type: ignore[no-untyped-def]
        collecting.append(gc.isenabled())
        return merge_one(merging, *item)

    monkeypatch.setattr(intake, "_merge", watched)
    db = fresh_registry()
    ingest(readings[:6], db, batch_articles=4)

    assert collecting and not any(collecting), "the collector paused while articles merge"
    assert gc.isenabled(), "and running again once they are stored"
    gc.disable()  # a caller's own pause is left as it was
    try:
        ingest(readings[6:9], db)
        assert not gc.isenabled()
    finally:
        gc.enable()

