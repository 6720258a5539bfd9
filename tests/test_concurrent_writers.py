"""Two ingests at once store what one ingest after the other would: nothing twice, nothing lost.

A corpus of made-up articles about twelve towns and their harbour boards,
each town pair reported by several articles, is split between two processes
(or threads) that write at the same moment. Every town, board, tie and
meeting must then be in the registry exactly once, as when one process
stores them all. On PostgreSQL this needs the merge lock; SQLite has one
writer at a time anyway, so it is the reference.
"""
from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from collections import Counter
from typing import Any

from sqlalchemy import Engine, func, select, text

from amity.model import Article, Entity, Event, Evidence, Record, Tie
from amity.registry import ingest
from amity.store import open_database
from amity.store.engine import create as create_engine
from amity.store.engine import database_url, use_wal
from amity.store.schema import ArticleRow, EntityRow, EventRow, TieRow

TOWNS = 12
ARTICLES = 48


def _said(sentence: str) -> list[Evidence]:
    return [Evidence(sentence, 0, len(sentence))]


def _town(number: int) -> Entity:
    name = f"Porthaven {chr(ord('A') + number)}"
    return Entity("place", name, country="NZ", geonames_id=9_000_000 + number, lat=-40.0 - number, lon=170.0 + number,
                  evidence=_said(f"{name} is a harbour town."))


def _board(number: int) -> Entity:
    name = f"Harbour Board of Porthaven {chr(ord('A') + number)}"
    return Entity("organization", name, evidence=_said(f"The {name} met."))


def _article(number: int, version: int = 0) -> tuple[Article, Record]:
    """Article `number` of the corpus: two neighbouring towns twinned, one board cooperating, one meeting."""
    first, second = _town(number % TOWNS), _town((number + 1) % TOWNS)
    board = _board(number % TOWNS)
    month = number % TOWNS + 1
    doc = f"harbour-{number:03}.txt"
    record = Record(doc, "2024-12-31", [first, second, board],
                    [Event("meeting", "occurred", f"2024-{month:02}-15", [first.name, second.name],
                           evidence=_said(f"{first.name} and {second.name} met."))],
                    [Tie("sister_city", [first.name, second.name], "signed", f"2024-{month:02}-15",
                         evidence=_said(f"{first.name} and {second.name} are twinned.")),
                     Tie("cooperation", [board.name, first.name], "active", None,
                         evidence=_said(f"{board.name} works with {first.name}."))])
    article = Article(doc=doc, text=f"Version {version} of harbour news number {number}.", published="2024-12-31")
    return article, record


def _ingest_articles(url: str, numbers: list[int], version: int, start: Any) -> None:
    """One writer: open the registry, wait for the others, store these articles."""
    engine = open_database(url)
    try:
        start.wait(timeout=60)
        ingest([_article(n, version) for n in numbers], engine)
    finally:
        engine.dispose()


def _counted(db: Engine, *columns: Any) -> Counter[tuple[Any, ...]]:
    with db.connect() as connection:
        return Counter(tuple(row) for row in connection.execute(select(*columns)))


def _assert_stored_once(db: Engine) -> None:
    entities = _counted(db, EntityRow.type, EntityRow.name)
    ties = _counted(db, TieRow.kind, TieRow.party_key)
    events = _counted(db, EventRow.type, EventRow.date)
    assert {k: n for k, n in entities.items() if n > 1} == {}
    assert sum(entities.values()) == 2 * TOWNS
    assert {k: n for k, n in ties.items() if n > 1} == {} and sum(ties.values()) == 2 * TOWNS
    assert {k: n for k, n in events.items() if n > 1} == {} and sum(events.values()) == TOWNS
    with db.connect() as connection:
        sources = connection.scalar(select(func.sum(TieRow.sources)).where(TieRow.kind == "sister_city"))
    assert sources == ARTICLES



def test_two_processes_ingesting_halves_of_a_corpus_store_each_thing_once(db_url: str):
    open_database(db_url).dispose()  # migrated before the writers race (migration races are another test)
    spawn = multiprocessing.get_context("spawn")
    start = spawn.Barrier(2)
    halves = [list(range(0, ARTICLES, 2)), list(range(1, ARTICLES, 2))]
    writers = [spawn.Process(target=_ingest_articles, args=(db_url, half, 0, start)) for half in halves]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=300)

    assert [w.exitcode for w in writers] == [0, 0]
    db = open_database(db_url)
    try:
        _assert_stored_once(db)
    finally:
        db.dispose()


def test_threads_writing_versions_of_the_same_articles_keep_one_version_of_each(db: Engine):
    start = threading.Barrier(3)
    url = db.url.render_as_string(hide_password=False)
    failures: list[BaseException] = []

    def version(number: int) -> None:
        try:
            _ingest_articles(url, list(range(ARTICLES)), number, start)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            failures.append(exc)

    threads = [threading.Thread(target=version, args=(v,)) for v in (1, 2, 3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    assert failures == []
    docs = _counted(db, ArticleRow.doc)
    assert {doc: n for doc, n in docs.items() if n > 1} == {} and len(docs) == ARTICLES
    _assert_stored_once(db)


def test_an_article_doc_or_url_cannot_be_stored_twice(db: Engine):
    with db.begin() as connection:
        insert = text("INSERT INTO articles (doc, url, content_hash, text, ingested_at) "
                      "VALUES (:doc, :url, :hash, 'x', CURRENT_TIMESTAMP)")
        connection.execute(insert, {"doc": "a.txt", "url": "https://example.org/a", "hash": "1"})
        connection.execute(insert, {"doc": "stdin", "url": None, "hash": "2"})
        connection.execute(insert, {"doc": "stdin", "url": None, "hash": "3"})  # anonymous docs may repeat
    for doc, url in (("a.txt", None), ("b.txt", "https://example.org/a")):
        try:
            with db.begin() as connection:
                connection.execute(insert, {"doc": doc, "url": url, "hash": f"{doc}{url}"})
        except Exception as exc:  # noqa: BLE001 - either driver's IntegrityError
            assert "unique" in str(exc).lower() or "duplicate" in str(exc).lower()
        else:
            raise AssertionError(f"a second article {doc} {url} was stored")


def test_a_registry_that_stored_an_article_twice_keeps_its_newest_version_when_migrated(db: Engine):
    from alembic import command

    from amity.store.migrate import _config, upgrade

    ingest([_article(0, version=1)], db)
    ingest([_article(0, version=2)], db)  # replaces version 1 as it should: then, before 0007, a racing writer
    with db.begin() as connection:        # adds version 3
        config = _config()
        config.attributes["connection"] = connection
        try:
            command.downgrade(config, "0005")
        finally:
            config.attributes.pop("connection", None)
    with db.begin() as connection:
        connection.execute(text("INSERT INTO articles (doc, content_hash, text, ingested_at) "
                                "VALUES ('harbour-000.txt', 'v3', 'Version 3.', CURRENT_TIMESTAMP)"))
    with db.begin() as connection:
        upgrade(connection)

    with db.connect() as connection:
        assert connection.execute(text("SELECT content_hash FROM articles")).scalars().all() == ["v3"]
        assert connection.scalar(text("SELECT count(*) FROM ties")) == 0  # their only article is gone
        assert connection.scalar(text("SELECT count(*) FROM entities")) == 0


def _open(url: str, start: Any) -> None:
    start.wait(timeout=60)
    open_database(url).dispose()


def test_processes_opening_a_new_registry_at_once_all_get_it_migrated(tmp_path: Any):
    spawn = multiprocessing.get_context("spawn")
    for attempt in range(4):
        url = f"sqlite:///{tmp_path / f'fresh{attempt}.db'}"
        start = spawn.Barrier(3)
        openers = [spawn.Process(target=_open, args=(url, start)) for _ in range(3)]
        for opener in openers:
            opener.start()
        for opener in openers:
            opener.join(timeout=120)

        assert [o.exitcode for o in openers] == [0, 0, 0]



def test_wal_is_switched_on_while_another_process_commits_a_write(tmp_path: Any):
    # SQLite refuses the switch to WAL at once, without waiting, while another connection holds the
    # write lock (waiting could deadlock): as when processes open a new registry together and one is
    # still committing its migration. The switch must wait for that commit instead of failing.
    path = tmp_path / "busy.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE busy (x)")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO busy VALUES (1)")
    threading.Timer(0.3, other.execute, args=("COMMIT",)).start()
    engine = create_engine(database_url(str(path)))

    use_wal(engine)

    engine.dispose()
    other.close()
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
