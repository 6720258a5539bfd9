"""Curation: an analyst confirms or rejects ties, stages and events, sets their status or date, merges and splits
entities — and the registry keeps those decisions when articles are ingested again or corrected.

Records are written by hand (as in test_registry.py), so these run without
spaCy; each test runs on SQLite, and on PostgreSQL too when
$AMITY_TEST_POSTGRES_URL is set.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from test_registry import event, org, place, reading, tie
from typer.testing import CliRunner

from amity.cli import app as cli
from amity.export import TieFilter, export
from amity.export.records import EVERY_TIE
from amity.registry import entity_profile, events, ingest, ties
from amity.registry.curation import (
    CurationError,
    UnknownTarget,
    confirm,
    decisions,
    merge_entities,
    reject,
    set_date,
    set_status,
    split_entity,
    undo,
)
from amity.store import open_database
from amity.store.schema import DecisionRow, EntityNameRow, EntityRow, EventRow, TieRow

TURKISTAN, USKUDAR = 1517945, 738329


def planned(text: str = "Turkistan and Üsküdar plan a protocol.") -> tuple:
    return reading("a01.txt", place("Turkistan", TURKISTAN, "KZ"), place("Üsküdar", USKUDAR, "TR"),
                   events=(event("visit", "occurred", "2021-11-12", "Turkistan", "Üsküdar"),),
                   ties=(tie("Turkistan", "Üsküdar", "planned", "2021-12"),), text=text)


def signed(text: str = "Turkistan and Üsküdar signed.") -> tuple:
    return reading("b02.txt", place("Turkistan", TURKISTAN, "KZ"), place("Üsküdar", USKUDAR, "TR"),
                   ties=(tie("Turkistan", "Üsküdar", "signed", "2021-12-21"),), published="2021-12-25", text=text)


def only_tie(db: Engine, **options: Any) -> dict:
    found = ties(db, **options)
    assert len(found) == 1, found
    return found[0]


def tie_id(db: Engine) -> int:
    with Session(db) as session:
        return session.scalars(select(TieRow.id)).one()


def entity_id(db: Engine, name: str) -> int:
    with Session(db) as session:
        return session.scalars(select(EntityRow.id).where(EntityRow.name == name)).one()


# --------------------------------------------------------------------------- ties

def test_a_rejected_tie_is_hidden_from_the_list_and_shown_with_an_option(db: Engine):
    ingest([planned()], db)

    decision = reject(db, "tie", tie_id(db), "ana", note="the article is satire")

    assert ties(db) == []
    rejected = only_tie(db, include_rejected=True)
    assert rejected["curation"]["state"] == "rejected" and rejected["curation"]["by"] == "ana"
    assert decision["action"] == "reject" and decision["by"] == "ana" and decision["at"].endswith("+00:00")
    assert decision["target_key"] == '["sister_city", ["place:geo:1517945", "place:geo:738329"]]'
    confirm(db, "tie", tie_id(db), "ben")
    assert only_tie(db)["curation"]["state"] == "confirmed", "the latest verdict wins"
    assert [d["action"] for d in decisions(db)] == ["confirm", "reject"], "newest first"


def test_a_rejected_tie_stays_rejected_when_its_article_comes_again_or_corrected(db: Engine):
    ingest([planned()], db)
    reject(db, "tie", tie_id(db), "ana")

    assert ingest([planned()], db).unchanged == 1
    assert ties(db) == []
    assert ingest([planned("Turkistan and Üsküdar plan a protocol, corrected.")], db).replaced == 1
    assert ties(db) == [], "the tie was created again from the corrected article, and rejected again"
    assert only_tie(db, include_rejected=True)["curation"]["by"] == "ana"


def test_a_status_and_date_set_by_hand_win_over_later_reports(db: Engine):
    ingest([planned()], db)
    set_status(db, "tie", tie_id(db), "signed", "ana")
    set_date(db, "tie", tie_id(db), "2021-12-20", "ana")

    assert (only_tie(db)["status"], only_tie(db)["date"]) == ("signed", "2021-12-20")
    ingest([signed(), planned("Corrected: Turkistan and Üsküdar plan a protocol.")], db)
    edited = only_tie(db)
    assert (edited["status"], edited["date"]) == ("signed", "2021-12-20")
    assert edited["curation"] == {"state": "edited", "by": "ana", "at": edited["curation"]["at"],
                                  "status": "signed", "date": "2021-12-20"}


def test_an_analyst_can_say_a_tie_ended_and_it_is_then_over_not_dormant(db: Engine):
    ingest([planned()], db)
    assert only_tie(db, as_of=date(2030, 1, 1))["dormant"] is True

    set_status(db, "tie", tie_id(db), "ended", "ana")

    over = only_tie(db, as_of=date(2030, 1, 1))
    assert (over["status"], over["dormant"]) == ("ended", False)


def test_a_rejected_stage_no_longer_counts_towards_the_tie(db: Engine):
    ingest([planned(), signed()], db)
    assert only_tie(db)["status"] == "signed"

    reject(db, "tie", tie_id(db), "ana", stage="signed")

    assert (only_tie(db)["status"], only_tie(db)["date"]) == ("planned", "2021-12")
    ingest([signed("Turkistan and Üsküdar signed, it says again.")], db)
    assert only_tie(db)["status"] == "planned", "the stage a corrected article reports again stays rejected"
    assert only_tie(db)["curation"] is None, "the tie itself was not decided about"


def test_bad_decisions_are_refused(db: Engine):
    ingest([planned()], db)
    with pytest.raises(CurationError, match="status must be"):
        set_status(db, "tie", tie_id(db), "married", "ana")
    with pytest.raises(CurationError, match="date must be"):
        set_date(db, "tie", tie_id(db), "next year", "ana")
    for impossible in ("2021-13", "2021-00-10", "2021-02-30", "2021-04-31"):
        with pytest.raises(CurationError, match="date must be"):
            set_date(db, "tie", tie_id(db), impossible, "ana")
    with pytest.raises(CurationError, match="no 'ratified' stage"):
        reject(db, "tie", tie_id(db), "ana", stage="ratified")
    with pytest.raises(UnknownTarget):
        confirm(db, "tie", 9999, "ana")
    with pytest.raises(CurationError, match="who decides"):
        confirm(db, "tie", tie_id(db), " ")
    assert decisions(db) == []


# --------------------------------------------------------------------------- events

def test_a_rejected_event_is_hidden_and_is_no_activity_even_after_a_correction(db: Engine):
    ingest([planned(), signed()], db)
    assert only_tie(db)["last_activity"] == "2021-11-12"
    with Session(db) as session:
        visit = session.scalars(select(EventRow.id).where(EventRow.type == "visit")).one()

    reject(db, "event", visit, "ana")

    assert events(db, type="visit") == [] and len(events(db, type="visit", include_rejected=True)) == 1
    assert only_tie(db)["last_activity"] is None
    ingest([planned("Turkistan and Üsküdar plan a protocol (corrected).")], db)
    assert events(db, type="visit") == [] and only_tie(db)["last_activity"] is None


def test_an_event_date_set_by_hand_survives_a_more_precise_report(db: Engine):
    ingest([planned()], db)
    with Session(db) as session:
        visit = session.scalars(select(EventRow.id).where(EventRow.type == "visit")).one()
    set_date(db, "event", visit, "2021-11-11", "ana")
    set_status(db, "event", visit, "planned", "ana")

    ingest([reading("c03.txt", place("Turkistan", TURKISTAN, "KZ"), place("Üsküdar", USKUDAR, "TR"),
                    events=(event("visit", "occurred", "2021-11", "Turkistan", "Üsküdar"),))], db)

    [visit_now] = events(db, type="visit")
    assert (visit_now["date"], visit_now["status"], visit_now["sources"]) == ("2021-11-11", "planned", 2)
    assert visit_now["curation"]["state"] == "edited"


# --------------------------------------------------------------------------- entities

def turkestan(doc: str = "t.txt", text: str | None = None) -> tuple:
    """An article whose extractor linked Turkistan to the wrong GeoNames id."""
    return reading(doc, place("Turkestan", 999, "KZ"), place("Bursa", 750269, "TR"),
                   ties=(tie("Turkestan", "Bursa", "signed", "2020", kind="cooperation"),), text=text)


def test_merged_entities_stay_merged_when_articles_come_again_corrected_or_new(db: Engine):
    ingest([planned(), turkestan()], db)
    keep, other = entity_id(db, "Turkistan"), entity_id(db, "Turkestan")

    merge_entities(db, keep, other, "ana")

    profile = entity_profile(db, "Turkestan")
    assert profile is not None and profile["name"] == "Turkistan"
    assert {n["name"] for n in profile["names"]} == {"Turkistan", "Turkestan"}
    assert sorted(p["partners"][0] for p in profile["partners"]) == ["Bursa", "Üsküdar"]
    ingest([turkestan(text="Turkestan and Bursa, corrected.")], db)
    ingest([turkestan("u.txt", text="Another article about Turkestan and Bursa.")], db)
    with Session(db) as session:
        assert session.scalars(select(EntityRow.name).where(EntityRow.type == "place")).all().count("Turkestan") == 0
    cooperation = ties(db, kind="cooperation")
    assert [t["parties"] for t in cooperation] == [["Bursa", "Turkistan"]] and cooperation[0]["sources"] == 2
    log = decisions(db)
    assert log[0]["action"] == "merge" and log[0]["value"]["other_name"] == "Turkestan"


def test_a_tie_rejected_before_a_merge_stays_rejected_after_it_and_after_a_correction(db: Engine):
    ingest([planned(), turkestan()], db)
    with Session(db) as session:
        cooperation = session.scalars(select(TieRow.id).where(TieRow.kind == "cooperation")).one()
    reject(db, "tie", cooperation, "ana")

    merge_entities(db, entity_id(db, "Turkistan"), entity_id(db, "Turkestan"), "ben")
    assert ties(db, kind="cooperation") == []
    ingest([turkestan(text="Turkestan and Bursa, corrected again.")], db)

    assert ties(db, kind="cooperation") == []
    [rejected] = ties(db, kind="cooperation", include_rejected=True)
    assert rejected["parties"] == ["Bursa", "Turkistan"] and rejected["curation"]["by"] == "ana"


def council(doc: str, *names: str, text: str | None = None) -> tuple:
    """An article naming the Turkic Council (by these names) as partner of Ankara."""
    first, *aliases = names
    return reading(doc, org(first, aliases=tuple(aliases)), place("Ankara", 323786, "TR"),
                   ties=(tie(first, "Ankara", "signed", "2022", kind="cooperation"),), text=text)


def test_split_names_stay_apart_when_articles_come_again_corrected_or_new(db: Engine):
    ingest([council("a.txt", "Turkic Council", "TDBB"), council("b.txt", "TDBB")], db)
    assert [t["parties"] for t in ties(db)] == [["Ankara", "Turkic Council"]]

    result = split_entity(db, entity_id(db, "Turkic Council"), ["TDBB"], "ana", note="TDBB is the union of municipalities")

    assert sorted(tuple(t["parties"]) for t in ties(db)) == [("Ankara", "TDBB"), ("Ankara", "Turkic Council")]
    assert result["new_entity_id"] == entity_id(db, "TDBB")
    ingest([council("b.txt", "TDBB", text="TDBB and Ankara, corrected.")], db)
    ingest([council("c.txt", "Turkic Council", "TDBB"), council("d.txt", "TDBB")], db)
    by_parties = {tuple(t["parties"]): t["sources"] for t in ties(db)}
    assert by_parties == {("Ankara", "TDBB"): 2, ("Ankara", "Turkic Council"): 2}
    with pytest.raises(CurationError, match="must stay"):
        split_entity(db, entity_id(db, "TDBB"), ["TDBB"], "ana")


def test_a_split_name_is_split_off_again_when_an_article_that_also_gives_the_old_name_comes_again(db: Engine):
    ingest([council("a.txt", "Turkic Council", "TDBB"), council("b.txt", "TDBB")], db)
    split_entity(db, entity_id(db, "Turkic Council"), ["TDBB"], "ana")

    ingest([council("a.txt", "Turkic Council", "TDBB", text="The Turkic Council (TDBB) and Ankara, corrected.")], db)
    ingest([council("e.txt", "TDBB")], db)

    with Session(db) as session:
        names = {e.name: {n.key for n in session.scalars(select(EntityNameRow).where(EntityNameRow.entity_id == e.id))}
                 for e in session.scalars(select(EntityRow).where(EntityRow.type == "organization"))}
    assert names == {"Turkic Council": {"turkic council"}, "TDBB": {"tdbb"}}
    assert {tuple(t["parties"]): t["sources"] for t in ties(db)} == {("Ankara", "TDBB"): 2,
                                                                      ("Ankara", "Turkic Council"): 1}


def _places(db: Engine) -> dict[str, tuple]:
    """Each entity's GeoNames id, coordinates, country, curation and the town it governs, by name."""
    with Session(db) as session:
        entities = session.scalars(select(EntityRow)).all()
        names = {e.id: e.name for e in entities}
        return {e.name: (e.geonames_id, e.lat, e.lon, e.country, e.curation, names.get(e.parent_id or 0))
                for e in entities}


def _unlinked_turkestan_and_linked_turkistan(db: Engine) -> None:
    ingest([reading("t.txt", place("Turkestan"), place("Bursa", 750269, "TR"),
                    ties=(tie("Turkestan", "Bursa", "signed", "2020", kind="cooperation"),)), planned(),
            reading("m.txt", org("Turkistan Municipality"), place("Turkistan", TURKISTAN, "KZ"))], db)


def test_undoing_a_merge_gives_both_entities_back_their_geonames_ids_coordinates_countries_names_and_towns(
        db: Engine):
    _unlinked_turkestan_and_linked_turkistan(db)
    before = _places(db)
    assert before["Turkistan Municipality"][-1] == "Turkistan"
    taken = merge_entities(db, entity_id(db, "Turkestan"), entity_id(db, "Turkistan"), "ana")
    assert _places(db)["Turkestan"][:4] == (TURKISTAN, 43.3, 68.3, "KZ"), "the merge gave the kept entity the link"
    assert _places(db)["Turkistan Municipality"][-1] == "Turkestan"

    undo(db, taken["id"])

    assert _places(db) == before
    profile = entity_profile(db, "Turkistan")
    assert profile is not None and profile["geonames_id"] == TURKISTAN and profile["name"] == "Turkistan"


def test_undoing_a_merge_decided_before_its_changes_were_kept_gives_the_geonames_ids_back(db: Engine):
    _unlinked_turkestan_and_linked_turkistan(db)
    taken = merge_entities(db, entity_id(db, "Turkestan"), entity_id(db, "Turkistan"), "ana")
    with Session(db) as session:  # as a merge of an earlier version wrote it
        decision = session.get(DecisionRow, taken["id"])
        assert decision is not None
        decision.value = {key: value for key, value in decision.value.items() if key != "undo"}
        session.commit()

    undo(db, taken["id"])

    places = _places(db)
    assert places["Turkestan"][:3] == (None, None, None) and places["Turkistan"][:3] == (TURKISTAN, 43.3, 68.3)


# --------------------------------------------------------------------------- exports

def test_exports_carry_the_curation_and_leave_rejected_ties_and_events_out(db: Engine):
    ingest([planned(), turkestan()], db)
    with Session(db) as session:
        sister = session.scalars(select(TieRow.id).where(TieRow.kind == "sister_city")).one()
        cooperation = session.scalars(select(TieRow.id).where(TieRow.kind == "cooperation")).one()
        visit = session.scalars(select(EventRow.id)).one()
    reject(db, "tie", sister, "ana")
    reject(db, "event", visit, "ana")
    confirm(db, "tie", cooperation, "ben")

    document = json.loads(_exported(db, "json"))
    assert [(t["kind"], t["curation"]["state"], t["curation"]["by"]) for t in document["ties"]] == [
        ("cooperation", "confirmed", "ben")]
    assert document["events"] == []
    everything = json.loads(_exported(db, "json", TieFilter(include_rejected=True)))
    assert {t["kind"]: t["curation"]["state"] for t in everything["ties"]} == {"sister_city": "rejected",
                                                                               "cooperation": "confirmed"}
    assert everything["events"][0]["curation"]["state"] == "rejected"
    lines = [json.loads(line) for line in _exported(db, "jsonl").splitlines()]
    assert [line["curation"]["state"] for line in lines if line["record_type"] == "tie"] == ["confirmed"]
    [row] = csv.DictReader(io.StringIO(_exported(db, "csv")))
    assert (row["curation"], row["curated_by"]) == ("confirmed", "ben") and row["curated_at"].endswith("+00:00")
    assert 'attr.name="curation"' in _exported(db, "graphml") and ">confirmed<" in _exported(db, "graphml")


def _exported(db: Engine, format: str, where: TieFilter = EVERY_TIE) -> str:
    out = io.StringIO()
    export(db, format, out, where)
    return out.getvalue()


# --------------------------------------------------------------------------- the command line

def test_the_curate_commands(db_url: str):
    engine = open_database(db_url)
    ingest([planned(), turkestan()], engine)
    sister = next(t["id"] for t in ties(engine) if t["kind"] == "sister_city")
    keep, other = entity_id(engine, "Turkistan"), entity_id(engine, "Turkestan")
    engine.dispose()
    try:
        runner = CliRunner(mix_stderr=False)  # stderr apart (Click < 8.2)
    except TypeError:
        runner = CliRunner()

    def amity(*args: str) -> str:
        result = runner.invoke(cli, [*args, "--db", db_url])
        assert result.exit_code == 0, result.output
        return result.stdout

    said = amity("curate", "tie", str(sister), "--reject", "--by", "ana", "--note", "satire")
    assert "rejected the sister city tie Turkistan – Üsküdar" in said and "hidden from lists and exports" in said
    assert [t["kind"] for t in json.loads(amity("ties", "--format", "json"))] == ["cooperation"]
    every = json.loads(amity("ties", "--include-rejected", "--format", "json"))
    assert [(t["kind"], (t["curation"] or {}).get("by")) for t in every] == [("sister_city", "ana"), ("cooperation", None)]
    assert "set the stage to signed of" in amity("curate", "tie", str(sister), "--status", "signed", "--date",
                                                 "2021-12-21", "--by", "ana")
    unasked = runner.invoke(cli, ["curate", "merge", str(keep), str(other), "--by", "ben", "--db", db_url])
    assert unasked.exit_code == 1 and "Merge Turkestan" in unasked.stderr and "into Turkistan" in unasked.stderr \
        and "--yes" in unasked.stderr, "a merge is said in words and asked first"
    assert "merged Turkestan" in amity("curate", "merge", str(keep), str(other), "--by", "ben", "--yes")
    log = json.loads(amity("curate", "log", "--format", "json"))
    assert [(d["action"], d["by"]) for d in log] == [("merge", "ben"), ("set_date", "ana"), ("set_status", "ana"),
                                                     ("reject", "ana")]
    reject_id = log[-1]["id"]
    assert "undone: decision" in amity("curate", "undo", str(reject_id))
    assert sorted(t["kind"] for t in json.loads(amity("ties", "--format", "json"))) == ["cooperation", "sister_city"]
    assert "Turkestan" in amity("curate", "undo", str(log[0]["id"]))
    assert json.loads(amity("entity", "Turkestan", "--format", "json"))["name"] == "Turkestan", "split off again"
    assert [d["action"] for d in json.loads(amity("curate", "log", "--format", "json"))] == ["set_date", "set_status"]
    bad = runner.invoke(cli, ["curate", "tie", "999", "--confirm", "--db", db_url])
    assert bad.exit_code == 1 and "no tie 999" in bad.stderr
    neither = runner.invoke(cli, ["curate", "tie", str(sister), "--db", db_url])
    assert neither.exit_code == 2


def test_a_curate_command_whose_date_is_impossible_changes_nothing(db_url: str):
    engine = open_database(db_url)
    ingest([planned()], engine)
    before = only_tie(engine)
    engine.dispose()

    result = CliRunner().invoke(cli, ["curate", "tie", str(before["id"]), "--status", "ratified", "--date", "2021-02-30",
                                      "--db", db_url])

    assert result.exit_code == 2 and "2021-02-30" in result.output and "calendar" in result.output
    engine = open_database(db_url)
    after = only_tie(engine)
    assert (after["status"], after["date"], after["curation"]) == (before["status"], before["date"], None)
    assert decisions(engine) == []
    engine.dispose()


def test_what_was_rejected_is_not_counted_searched_or_on_a_timeline(db: Engine):
    from amity.registry import stats, timeline
    from amity.registry.search import search

    ingest([planned()], db)
    with Session(db) as session:
        visit = session.scalars(select(EventRow.id)).one()
    assert stats(db)["ties"]["planned"] == 1 and stats(db)["events"] == 1
    assert len(timeline(db, "Turkistan")) == 2 and search(db, "Turkistan")["ties"]

    reject(db, "tie", tie_id(db), "ana")
    reject(db, "event", visit, "ana")

    assert stats(db)["ties"]["planned"] == 0 and stats(db)["events"] == 0
    assert timeline(db, "Turkistan") == [] and search(db, "Turkistan")["ties"] == []


def test_a_profile_leaves_rejected_events_out_however_many_it_lists(db: Engine):
    ingest([planned()], db)
    with Session(db) as session:
        visit = session.scalars(select(EventRow.id)).one()
    reject(db, "event", visit, "ana")
    for limit in (50, None):
        profile = entity_profile(db, "Turkistan", events_limit=limit)
        assert profile is not None and profile["events"] == [] and profile["events_total"] == 0
