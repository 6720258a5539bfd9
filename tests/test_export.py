"""`amity export`: every format carries the registry's facts (and their evidence) and reads back.

The registry is built from records written by hand with `amity.model`
types (as in test_registry.py), so these tests run without spaCy; each runs
on SQLite, and on PostgreSQL too when $AMITY_TEST_POSTGRES_URL is set.
"""
from __future__ import annotations

import csv
import inspect
import io
import json
import math
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from amity.cli import app
from amity.export import (
    FORMATS,
    TieFilter,
    export_csv,
    export_geojson,
    export_gexf,
    export_graphml,
    export_json,
    export_jsonl,
    export_plover,
    records,
)
from amity.export.csv import COLUMNS, csv_rows
from amity.export.output import open_output
from amity.model import Article, Entity, Event, Evidence, Record, Role, Tie
from amity.registry import TieQuery, ingest
from amity.store.schema import ArticleRow, EntityRow, TiePartyRow, TieRow, TieStageRow

AS_OF = date(2025, 1, 1)  # the 2021 sister-city tie is dormant then, the 2024 ties are not


# --------------------------------------------------------------------------- a small registry, by hand

def said(sentence: str) -> list[Evidence]:
    return [Evidence(sentence, 0, len(sentence))]


def place(name: str, geonames_id: int, country: str, lat: float, lon: float, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity("place", name, aliases=list(aliases), country=country, geonames_id=geonames_id, lat=lat, lon=lon,
                  evidence=said(f"{name} was named."))


def org(name: str) -> Entity:
    return Entity("organization", name, evidence=said(f"{name} was named."))


def person(name: str, *roles: Role) -> Entity:
    return Entity("person", name, roles=list(roles), evidence=said(f"{name} spoke."))


def tie(status: str, date: str | None, *parties: str, kind: str = "sister_city") -> Tie:
    return Tie(kind, list(parties), status, date,  # type: ignore[arg-type]
               evidence=said(f"{' and '.join(parties)}: {status}."))


def event(type: str, status: str, date: str | None, *participants: str, place: str | None = None,
          agreement: str | None = None) -> Event:
    return Event(type, status, date, list(participants), place, agreement,  # type: ignore[arg-type]
                 evidence=said(f"{type} of {', '.join(participants)}."))


def reading(doc: str, published: str, *entities: Entity, events: tuple[Event, ...] = (),
            ties: tuple[Tie, ...] = ()) -> tuple[Article, Record]:
    return (Article(doc=doc, text=f"The text of {doc}.", published=published),
            Record(doc, published, list(entities), list(events), list(ties)))


TURKISTAN = place("Turkistan", 1517945, "KZ", 43.2973, 68.2518)
USKUDAR = place("Üsküdar", 738329, "TR", 41.0234, 29.0153)
BURSA = place("Bursa", 750269, "TR", 40.1956, 29.0601)
ANKARA = place("Ankara", 323786, "TR", 39.9199, 32.8543)
MAYOR = person("Hilmi Türkmen", Role("mayor", "Üsküdar"))

ARTICLES = [
    reading("a01.txt", "2021-11-13", TURKISTAN, USKUDAR,
            events=(event("signing", "planned", "2021-12", "Turkistan", "Üsküdar", agreement="sister_city"),),
            ties=(tie("planned", "2021-12", "Turkistan", "Üsküdar"),)),
    reading("b02.txt", "2021-12-25", TURKISTAN, USKUDAR, MAYOR,
            events=(event("signing", "occurred", "2021-12-21", "Turkistan", "Üsküdar", "Hilmi Türkmen",
                          agreement="sister_city"),),
            ties=(tie("signed", "2021-12-21", "Turkistan", "Üsküdar"),)),
    reading("c03.txt", "2024-05-02", place("Turkistan", 1517945, "KZ", 43.2973, 68.2518, aliases=("Turkestan",)),
            USKUDAR, BURSA, ANKARA, org("Bursa Municipality"), MAYOR,
            events=(event("visit", "occurred", "2024-04-30", "Turkistan", "Bursa Municipality", place="Bursa"),
                    event("meeting", "occurred", "2024-05-01", "Bursa", "Üsküdar", place="Ankara"),
                    event("attendance", "occurred", "2024-05-01", "Hilmi Türkmen", place="Ankara"),
                    event("visit", "planned", "2024-06", "Üsküdar", "Bursa Municipality")),
            ties=(tie("proposed", "2024-05", "Turkistan", "Bursa Municipality", kind="cooperation"),
                  tie("signed", "2024-05-01", "Turkistan", "Üsküdar", "Ankara", kind="cooperation"),
                  tie("active", None, "Hilmi Türkmen", "Bursa Municipality", kind="cooperation"))),
    reading("d04.txt", "2023-03-12", TURKISTAN, USKUDAR, BURSA,
            events=(event("meeting", "occurred", "2023-03-10", "Turkistan", "Bursa", place="Turkistan"),
                    event("meeting", "occurred", "2022-09-15", "Üsküdar", "Bursa"),
                    event("ratification", "occurred", "2023-03-11", "Üsküdar", agreement="sister_city"))),
]


@pytest.fixture
def registry(db: Engine) -> Engine:
    summary = ingest(ARTICLES, db)
    assert summary.new == len(ARTICLES)
    return db


def written(exporter: Any, db: Engine, where: TieFilter | None = None) -> str:
    out = io.StringIO()
    if exporter is export_plover:
        exporter(db, out)
    else:
        exporter(db, out, where or TieFilter(as_of=AS_OF))
    return out.getvalue()


def by_parties(ties: list[dict[str, Any]]) -> dict[tuple[str, ...], dict[str, Any]]:
    return {tuple(t["parties"]): t for t in ties}


# --------------------------------------------------------------------------- JSON and JSON Lines

def test_json_holds_ties_with_their_history_and_evidence(registry: Engine):
    document = json.loads(written(export_json, registry))

    ties = by_parties(document["ties"])
    sister = ties[("Turkistan", "Üsküdar")]
    assert (sister["kind"], sister["status"], sister["date"]) == ("sister_city", "signed", "2021-12-21")
    assert sister["dormant"] is True and sister["sources"] == 2 and sister["docs"] == ["a01.txt", "b02.txt"]
    assert [(s["status"], s["date"], s["evidence"]["doc"]) for s in sister["stages"]] == [
        ("planned", "2021-12", "a01.txt"), ("signed", "2021-12-21", "b02.txt")]
    evidence = sister["stages"][1]["evidence"]
    assert evidence == {"doc": "b02.txt", "sentence": "Turkistan and Üsküdar: signed.", "start": 0, "end": 30}
    assert ties[("Ankara", "Turkistan", "Üsküdar")]["dormant"] is False
    assert ties[("Bursa Municipality", "Turkistan")]["last_activity"] == "2024-04-30"  # the visit


def test_json_holds_entities_and_events(registry: Engine):
    document = json.loads(written(export_json, registry))

    entities = {e["name"]: e for e in document["entities"]}
    turkistan = entities["Turkistan"]
    assert (turkistan["type"], turkistan["country"], turkistan["geonames_id"]) == ("place", "KZ", 1517945)
    assert turkistan["coordinates"] == [43.2973, 68.2518] and turkistan["aliases"] == ["Turkestan"]
    assert entities["Bursa Municipality"]["part_of"] == "Bursa"
    assert entities["Hilmi Türkmen"]["coordinates"] is None
    ids = {e["id"]: e["name"] for e in document["entities"]}
    assert all([ids[i] for i in t["party_ids"]] == t["parties"] for t in document["ties"])

    signing = next(e for e in document["events"] if e["type"] == "signing")
    assert (signing["status"], signing["date"], signing["sources"]) == ("occurred", "2021-12-21", 2)
    assert signing["participants"] == ["Hilmi Türkmen", "Turkistan", "Üsküdar"]
    assert [(r["status"], r["evidence"]["doc"], r["evidence"]["sentence"]) for r in signing["reports"]] == [
        ("planned", "a01.txt", "signing of Turkistan, Üsküdar."),
        ("occurred", "b02.txt", "signing of Turkistan, Üsküdar, Hilmi Türkmen.")]
    visit = next(e for e in document["events"] if e["type"] == "visit" and e["status"] == "occurred")
    assert visit["place"] == "Bursa"


def test_a_tie_and_an_event_read_without_evidence_are_exported_with_their_article_only(db: Engine):
    bare = (Article(doc="e05.txt", text="Almaty and Tbilisi.", published="2022-04-02"),
            Record("e05.txt", "2022-04-02", [place("Almaty", 1526384, "KZ", 43.25, 76.92),
                                             place("Tbilisi", 611717, "GE", 41.69, 44.83)],
                   [Event("meeting", "occurred", "2022-04-01", ["Almaty", "Tbilisi"], None, None)],
                   [Tie("cooperation", ["Almaty", "Tbilisi"], "proposed", "2022-04")]))
    ingest([bare], db)

    document = json.loads(written(export_json, db))

    assert document["ties"][0]["stages"][0]["evidence"] == {"doc": "e05.txt", "sentence": None, "start": None, "end": None}
    assert document["events"][0]["reports"][0]["evidence"] == {"doc": "e05.txt", "sentence": None, "start": 0, "end": 0}
    plover = [json.loads(line) for line in written(export_plover, db).splitlines()]
    assert plover[0]["evidence"] == [{"doc": "e05.txt", "sentence": None, "start": 0, "end": 0}]


def test_jsonl_is_the_json_export_one_typed_record_per_line(registry: Engine):
    document = json.loads(written(export_json, registry))
    lines = [json.loads(line) for line in written(export_jsonl, registry).splitlines()]

    assert [line["record_type"] for line in lines] == (
        ["entity"] * len(document["entities"]) + ["tie"] * len(document["ties"]) + ["event"] * len(document["events"]))
    assert [{k: v for k, v in line.items() if k != "record_type"} for line in lines] == (
        document["entities"] + document["ties"] + document["events"])


def test_an_empty_registry_is_valid_json(db: Engine):
    document = json.loads(written(export_json, db))

    assert (document["entities"], document["ties"], document["events"]) == ([], [], [])


def test_kind_and_status_choose_the_ties(registry: Engine):
    cooperation = json.loads(written(export_json, registry, TieFilter(kind="cooperation", as_of=AS_OF)))["ties"]
    dormant = json.loads(written(export_json, registry, TieFilter(stage="dormant", as_of=AS_OF)))["ties"]
    signed = json.loads(written(export_json, registry, TieFilter(stage="signed", as_of=AS_OF)))["ties"]

    assert {t["kind"] for t in cooperation} == {"cooperation"} and len(cooperation) == 3
    assert [t["parties"] for t in dormant] == [["Turkistan", "Üsküdar"]]
    assert sorted(len(t["parties"]) for t in signed) == [2, 3]


# --------------------------------------------------------------------------- CSV

def test_csv_has_a_row_per_tie_and_parses_back(registry: Engine):
    rows = list(csv.DictReader(io.StringIO(written(export_csv, registry))))

    assert tuple(rows[0].keys()) == COLUMNS
    by_a_b = {(r["party_a"], r["party_b"]): r for r in rows}
    sister = by_a_b["Turkistan", "Üsküdar"]
    assert sister == {"kind": "sister_city", "party_a": "Turkistan", "party_b": "Üsküdar", "status": "signed",
                      "date": "2021-12-21", "last_activity": "", "dormant": "true", "sources": "2",
                      "first_source": "a01.txt", "curation": "", "curated_by": "", "curated_at": ""}
    assert by_a_b["Ankara", "Turkistan | Üsküdar"]["dormant"] == "false"
    assert len(rows) == 4


def _many_ties(db: Engine, count: int) -> None:
    """A registry of `count` ties between numbered towns, written straight into the tables (fast)."""
    with Session(db) as session, session.begin():
        article = ArticleRow(doc="bulk.txt", title=None, published="2024-01-01", content_hash="0" * 64,
                             text="bulk", source=None, ingested_at=datetime.now(UTC))
        towns = [EntityRow(type="place", name=f"Town {i:04d}", country="TR") for i in range(count + 1)]
        session.add_all([article, *towns])
        session.flush()
        for i in range(count):
            row = TieRow(kind="sister_city", party_key=f"{towns[i].id},{towns[i + 1].id}", status="signed",
                         date="2024-01-01")
            session.add(row)
            session.flush()
            session.add_all([TiePartyRow(tie_id=row.id, entity_id=towns[i].id),
                             TiePartyRow(tie_id=row.id, entity_id=towns[i + 1].id),
                             TieStageRow(tie_id=row.id, status="signed", date="2024-01-01", article_id=article.id,
                                         sentence="Signed.", start=0, end=7)])


class _Sink(io.StringIO):
    """Remembers how many batches had been read when the first row after the header was written."""

    def __init__(self, batches: list[int]) -> None:
        super().__init__()
        self.batches = batches
        self.read_before_first_row: int | None = None

    def write(self, text: str) -> int:
        if self.read_before_first_row is None and self.tell() > 0:
            self.read_before_first_row = len(self.batches)
        return super().write(text)


def test_csv_streams_the_ties_batch_by_batch(db: Engine, monkeypatch: pytest.MonkeyPatch):
    _many_ties(db, 50)
    monkeypatch.setattr(records, "BATCH", 7)
    batches: list[int] = []
    real = records.describe_ties

    def observed(session: Session, rows: Any, **options: Any) -> Any:
        batches.append(len(rows))
        return real(session, rows, **options)

    monkeypatch.setattr(records, "describe_ties", observed)
    sink = _Sink(batches)

    assert inspect.isgenerator(csv_rows(db))
    export_csv(db, sink)

    assert batches == [7] * 7 + [1]  # read 7 ties at a time...
    assert sink.read_before_first_row == 1  # ...and the first row written before the second batch was read
    rows = list(csv.reader(io.StringIO(sink.getvalue())))
    assert len(rows) == 51 and rows[1][:3] == ["sister_city", "Town 0000", "Town 0001"]


def test_the_registry_is_read_with_yield_per(db: Engine, monkeypatch: pytest.MonkeyPatch):
    _many_ties(db, 5)
    seen: list[Any] = []
    real = Session.execute

    def execute(self: Session, statement: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(statement.get_execution_options().get("yield_per"))
        return real(self, statement, *args, **kwargs)

    monkeypatch.setattr(Session, "execute", execute)
    export_csv(db, io.StringIO())

    assert seen[0] == records.BATCH  # the ties query; the rest read one batch's details


# --------------------------------------------------------------------------- GraphML and GEXF

def _check_flat(graph: nx.Graph) -> None:
    for _, data in graph.nodes(data=True):
        assert all(v is not None and not isinstance(v, list | tuple | dict) for v in data.values()), data
    for *_, data in graph.edges(data=True):
        assert all(v is not None and not isinstance(v, list | tuple | dict) for v in data.values()), data


@pytest.mark.parametrize("exporter, reader", [(export_graphml, nx.read_graphml), (export_gexf, nx.read_gexf)])
def test_the_tie_network_reads_back_with_its_attributes(registry: Engine, tmp_path: Path, exporter: Any, reader: Any):
    path = tmp_path / "network.xml"
    path.write_text(written(exporter, registry), encoding="utf-8")

    graph = reader(path)

    _check_flat(graph)
    nodes = {data["name"]: data for _, data in graph.nodes(data=True)}
    assert set(nodes) == {"Turkistan", "Üsküdar", "Bursa", "Ankara", "Bursa Municipality", "Hilmi Türkmen"}
    turkistan = nodes["Turkistan"]
    assert (turkistan["type"], turkistan["country"], turkistan["geonames_id"]) == ("place", "KZ", 1517945)
    assert (turkistan["lat"], turkistan["lon"]) == (43.2973, 68.2518) and turkistan["aliases"] == "Turkestan"
    assert "country" not in nodes["Bursa Municipality"] and nodes["Bursa Municipality"]["part_of"] == "Bursa"
    edges = [data for *_, data in graph.edges(data=True)]
    assert len(edges) == 1 + 1 + 3 + 1  # a tie of three parties is a triangle
    sister = next(e for e in edges if e["kind"] == "sister_city")
    assert sister == {**sister, "status": "signed", "date": "2021-12-21", "dormant": True, "sources": 2,
                      "first_source": "a01.txt", "tie": sister["tie"]}
    assert "last_activity" not in sister
    assert isinstance(sister["tie"], int)
    assert {e["dormant"] for e in edges} == {True, False}


def test_a_person_is_a_node_only_as_a_party_to_a_tie(db: Engine):
    ingest([reading("e05.txt", "2024-01-02", TURKISTAN, USKUDAR, MAYOR,
                    ties=(tie("signed", "2024-01-01", "Turkistan", "Üsküdar"),))], db)

    graph = nx.read_graphml(io.BytesIO(written(export_graphml, db).encode()))

    assert sorted(data["type"] for _, data in graph.nodes(data=True)) == ["place", "place"]


# --------------------------------------------------------------------------- GeoJSON

def _check_geojson(document: dict[str, Any]) -> None:
    """RFC 7946, the parts this export uses: a FeatureCollection of Points and LineStrings at [lon, lat]."""

    def position(p: Any) -> None:
        assert isinstance(p, list) and len(p) == 2, p
        lon, lat = p
        assert all(isinstance(v, float | int) and not isinstance(v, bool) and math.isfinite(v) for v in p), p
        assert -180 <= lon <= 180 and -90 <= lat <= 90, p

    assert document["type"] == "FeatureCollection" and isinstance(document["features"], list)
    for feature in document["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        assert isinstance(feature.get("id", ""), str | int)
        geometry = feature["geometry"]
        if geometry["type"] == "Point":
            position(geometry["coordinates"])
        else:
            assert geometry["type"] == "LineString" and len(geometry["coordinates"]) >= 2
            for p in geometry["coordinates"]:
                position(p)


def test_geojson_puts_places_and_ties_on_the_map(registry: Engine):
    document = json.loads(written(export_geojson, registry))

    _check_geojson(document)
    points = {f["properties"]["name"]: f for f in document["features"] if f["geometry"]["type"] == "Point"}
    lines = {tuple(f["properties"]["parties"]): f for f in document["features"]
             if f["geometry"]["type"] == "LineString"}
    assert points["Turkistan"]["geometry"]["coordinates"] == [68.2518, 43.2973]  # longitude first
    assert points["Turkistan"]["properties"] == {"name": "Turkistan", "type": "place", "country": "KZ",
                                                 "geonames_id": 1517945, "ties": 3}
    assert points["Bursa"]["properties"]["ties"] == 2  # through Bursa Municipality
    assert set(points) == {"Turkistan", "Üsküdar", "Bursa", "Ankara"}
    # a municipality stands at its town; a tie of three parties and a person's tie have no line
    assert set(lines) == {("Turkistan", "Üsküdar"), ("Bursa Municipality", "Turkistan")}
    assert lines["Bursa Municipality", "Turkistan"]["geometry"]["coordinates"] == [[29.0601, 40.1956],
                                                                                   [68.2518, 43.2973]]
    assert lines["Turkistan", "Üsküdar"]["properties"] | {"parties": None} == {
        "kind": "sister_city", "status": "signed", "date": "2021-12-21", "parties": None, "dormant": True,
        "sources": 2}


def test_geojson_of_an_empty_registry_is_an_empty_collection(db: Engine):
    assert json.loads(written(export_geojson, db)) == {"type": "FeatureCollection", "features": []}


# --------------------------------------------------------------------------- PLOVER

def test_plover_maps_each_event_with_its_cameo_code_and_evidence(registry: Engine):
    lines = [json.loads(line) for line in written(export_plover, registry).splitlines()]

    assert all(set(line) == {"event_id", "date", "event_type", "mode", "context", "source_actor", "target_actor",
                             "cameo", "status", "sources", "evidence"} for line in lines)
    found = {(line["date"], line["event_type"], line["mode"], line["cameo"]): line for line in lines}
    assert set(found) == {
        ("2021-12-21", "SUPPORT", "", "057"),           # signing
        ("2023-03-11", "SUPPORT", "", "057"),           # ratification
        ("2024-04-30", "CONSULT", "visit", "042"),      # visit
        ("2024-05-01", "CONSULT", "third-party", "044"),  # meeting at Ankara, and attendance at Ankara
        ("2023-03-10", "CONSULT", "", "043"),           # meeting at Turkistan, hosted
        ("2022-09-15", "CONSULT", "", "040"),           # meeting, place unknown
        ("2024-06", "AGREE", "", "036"),                # a planned visit
    }
    assert len(lines) == 8
    signing = found["2021-12-21", "SUPPORT", "", "057"]
    assert (signing["source_actor"], signing["target_actor"]) == ("Turkistan (KZ)", "Üsküdar (TR)")
    assert signing["context"] == "sister_city" and signing["status"] == "occurred" and signing["sources"] == 2
    assert signing["evidence"][0] == {"doc": "a01.txt", "sentence": "signing of Turkistan, Üsküdar.",
                                      "start": 0, "end": 30}
    visit = found["2024-04-30", "CONSULT", "visit", "042"]
    assert (visit["source_actor"], visit["target_actor"]) == ("Turkistan (KZ)", "Bursa Municipality")  # the host
    ratification = found["2023-03-11", "SUPPORT", "", "057"]
    assert (ratification["source_actor"], ratification["target_actor"]) == ("Üsküdar (TR)", None)


# --------------------------------------------------------------------------- output and the command

def test_a_failed_export_leaves_the_earlier_file_untouched(tmp_path: Path):
    target = tmp_path / "ties.csv"
    target.write_text("earlier export\n", encoding="utf-8")

    with pytest.raises(RuntimeError), open_output(str(target)) as out:
        out.write("half")
        raise RuntimeError("database went away")

    assert target.read_text(encoding="utf-8") == "earlier export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["ties.csv"]


def _runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


def test_the_export_command(db_url: str, tmp_path: Path):
    from amity.store import open_database

    engine = open_database(db_url)
    ingest(ARTICLES, engine)
    engine.dispose()
    runner = _runner()
    out = tmp_path / "ties.csv"

    to_file = runner.invoke(app, ["export", "--format", "csv", "--out", str(out), "--db", db_url,
                                  "--kind", "sister_city", "--as-of", "2025-01-01"])
    to_stdout = runner.invoke(app, ["export", "-f", "plover", "--db", db_url])
    unknown = runner.invoke(app, ["export", "--format", "xml", "--db", db_url])
    nowhere = runner.invoke(app, ["export", "--format", "json", "--out", str(tmp_path / "no" / "x.json"),
                                  "--db", db_url])
    folder = runner.invoke(app, ["export", "--format", "json", "--out", str(tmp_path), "--db", db_url])
    no_db = runner.invoke(app, ["export", "--format", "json", "--db", str(tmp_path / "missing.db")])
    helped = runner.invoke(app, ["export", "--help"])

    assert to_file.exit_code == 0 and to_file.stdout == ""
    assert list(csv.reader(out.open(encoding="utf-8", newline=""))) == [
        list(COLUMNS), ["sister_city", "Turkistan", "Üsküdar", "signed", "2021-12-21", "", "true", "2", "a01.txt",
                        "", "", ""]]
    assert to_stdout.exit_code == 0 and len(to_stdout.stdout.splitlines()) == 8
    assert unknown.exit_code == 2 and "xml" in unknown.stderr
    for failed, where, why in ((nowhere, tmp_path / "no" / "x.json", "No such file or directory"),
                               (folder, tmp_path, "Is a directory")):
        assert failed.exit_code == 1 and failed.stdout == ""
        assert failed.stderr.strip().splitlines() == [f"amity: cannot write {where}: {why}"]
    assert no_db.exit_code == 1 and no_db.stderr.startswith("amity: no Amity database at")
    assert helped.exit_code == 0 and "amity export" in helped.stdout and "--db" in helped.stdout
    assert set(FORMATS) == {"json", "jsonl", "csv", "graphml", "gexf", "geojson", "plover"}


@pytest.mark.parametrize("query", [TieQuery(as_of=AS_OF), TieQuery(stage="dormant", as_of=AS_OF),
                                   TieQuery(kind="cooperation", as_of=AS_OF), TieQuery(party="Turkistan", as_of=AS_OF),
                                   TieQuery(since="2024", as_of=AS_OF)])
def test_the_cli_the_web_and_the_exports_choose_the_same_ties(registry: Engine, query: TieQuery):
    from amity.export.records import tie_records
    from amity.registry import ties
    from amity.web.reads.ties import tie_list

    listed = [t["id"] for t in ties(registry, party=query.party, kind=query.kind, status=query.stage, since=query.since,
                                    as_of=query.as_of)]
    with Session(registry) as session:
        shown = [t["id"] for t in tie_list(session, query)]
        exported = [t.id for t in tie_records(session, query)]

    assert listed, "every query here chooses some ties"
    assert listed == shown == exported
