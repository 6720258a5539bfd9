"""Asking about long lists of values: the same answers on each database, whatever shape the query takes there."""
from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, Integer, String, and_, event, select
from sqlalchemy.orm import Session

from amity.store import open_database, pending
from amity.store.membership import among, distinct_pairs, joined_among, rows_table
from amity.store.schema import ArticleRow, EntityNameRow, EntityRow, RoleRow


def _articles(session: Session, count: int) -> None:
    for number in range(1, count + 1):
        session.add(ArticleRow(id=number, doc=f"d{number}", url=None, title=None, published=f"2024-05-0{number}",
                               content_hash=f"h{number}", text="", source=None, ingested_at=datetime.now(UTC)))
    session.flush()


def _people_and_towns(session: Session) -> None:
    session.add_all([EntityRow(id=1, type="place", name="Aldwick"), EntityRow(id=2, type="place", name="Brora"),
                     EntityRow(id=3, type="person", name="Ines Varga"), EntityRow(id=4, type="person", name="Tom Ode")])
    session.flush()


def test_a_name_given_by_many_articles_is_one_pair_of_name_and_entity(db: Engine) -> None:
    with Session(db) as session, session.begin():
        _articles(session, 4)
        _people_and_towns(session)
        for article in (1, 2, 3, 4):  # Aldwick named by every article, Brora by one
            session.add(EntityNameRow(entity_id=1, name="Aldwick", key="aldwick", reason="name", article_id=article))
        session.add(EntityNameRow(entity_id=2, name="Brora", key="brora", reason="name", article_id=1))
        session.add(EntityNameRow(entity_id=3, name="Aldwick", key="aldwick", reason="alias", article_id=2))
        session.flush()

        pairs = distinct_pairs(session, EntityNameRow.key, EntityNameRow.entity_id, ["aldwick", "brora", "nowhere", "aldwick"])

        assert sorted(pairs) == [("aldwick", 1), ("aldwick", 3), ("brora", 2)]


def test_an_office_of_no_body_is_no_pair_and_one_kept_unwritten_is_read(db: Engine) -> None:
    with Session(db) as session, session.begin():
        _articles(session, 3)
        _people_and_towns(session)
        session.add_all([RoleRow(person_id=3, title="mayor", of_entity_id=1, article_id=1),
                         RoleRow(person_id=3, title="mayor", of_entity_id=1, article_id=2),
                         RoleRow(person_id=4, title="envoy", of_entity_id=None, article_id=1)])
        session.flush()
        pending.add(session, RoleRow, person_id=4, title="mayor", of_entity_id=2, article_id=3)

        pairs = distinct_pairs(session, RoleRow.person_id, RoleRow.of_entity_id, [3, 4])

        assert sorted(pairs) == [(3, 1), (4, 2)]


def test_rows_joined_to_a_list_of_values_are_those_among_them_once_each(db: Engine) -> None:
    with Session(db) as session, session.begin():
        _articles(session, 5)
        wanted = joined_among(session, select(ArticleRow.doc).order_by(ArticleRow.id), ArticleRow.id, [4, 2, 4, 9])

        assert list(session.scalars(wanted)) == ["d2", "d4"]


def test_rows_given_as_a_table_join_each_row_they_match(db: Engine) -> None:
    with Session(db) as session, session.begin():
        _articles(session, 5)
        wanted = rows_table(session, "wanted", [("number", Integer()), ("since", String())],
                            [(2, "2024-05-01"), (3, "2024-05-04"), (5, "2024-05-05"), (5, "2024-05-01")])
        joined = select(ArticleRow.doc, wanted.c.since).join(wanted, and_(wanted.c.number == ArticleRow.id,
                                                                         ArticleRow.published >= wanted.c.since))
        found = sorted(tuple(row) for row in session.execute(joined))

        assert found == [("d2", "2024-05-01"), ("d5", "2024-05-01"), ("d5", "2024-05-05")]


def test_lists_and_rows_of_any_length_are_one_statement_on_sqlite(tmp_path) -> None:
    """SQLite caches prepared statements by their text: a list of a parameter a value would be a new
    statement (parsed and planned again) for every length."""
    db = open_database(f"sqlite:///{tmp_path / 'amity.db'}")
    sent: list[str] = []
    event.listen(db, "before_cursor_execute", lambda _c, _k, statement, *_: sent.append(statement))
    with Session(db) as session, session.begin():
        _articles(session, 5)
        sent.clear()
        found = [list(session.scalars(select(ArticleRow.doc).where(among(session, ArticleRow.id, ids))
                                      .order_by(ArticleRow.id))) for ids in ([2], [4, 2, 9], [1, 3, 5, 7, 9])]
        columns = [("number", Integer()), ("since", String())]
        joined = []
        for rows in ([(2, "2024-05-01")], [(3, "2024-05-04"), (5, "2024-05-05"), (5, "2024-05-01")]):
            wanted = rows_table(session, "wanted", columns, rows)
            joined.append(sorted(tuple(row) for row in session.execute(
                select(ArticleRow.doc, wanted.c.since).join(wanted, and_(wanted.c.number == ArticleRow.id,
                                                                         ArticleRow.published >= wanted.c.since)))))

    assert found == [["d2"], ["d2", "d4"], ["d1", "d3", "d5"]]
    assert joined == [[("d2", "2024-05-01")], [("d5", "2024-05-01"), ("d5", "2024-05-05")]]
    assert len(set(sent[:3])) == 1 and len(set(sent[3:])) == 1
    db.dispose()
