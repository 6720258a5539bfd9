"""Opening the registry's database: URLs, migrations, and the one-line errors when it cannot be used."""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from amity.store import StoreError, open_database
from amity.store.migrate import HEAD, head
from amity.store.schema import OUTSIDE_METADATA, Base


def test_a_new_database_gets_the_whole_schema_at_the_latest_revision(db_url: str):
    engine = open_database(db_url)

    tables = set(inspect(engine).get_table_names())
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head()
        # The migrations create exactly what the models describe.
        context = MigrationContext.configure(connection, opts={
            "include_name": lambda name, type_, _parents: not (type_ == "index" and name in OUTSIDE_METADATA)})
        assert compare_metadata(context, Base.metadata) == []
    assert {"articles", "ingest_errors", "entities", "entity_names", "mentions", "roles", "events",
            "event_reports", "event_participants", "ties", "tie_parties", "tie_stages"} <= tables
    engine.dispose()


def test_the_revision_amity_checks_for_is_the_last_migration():
    assert HEAD == head()


def test_opening_again_migrates_nothing(db_url: str):
    open_database(db_url).dispose()
    engine = open_database(db_url)

    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head()
    engine.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path):
    engine = open_database(f"sqlite:///{tmp_path / 'amity.db'}")

    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_sqlite_checkpoints_its_wal_less_often_than_at_every_large_batch(tmp_path: Path):
    engine = open_database(f"sqlite:///{tmp_path / 'amity.db'}")

    with engine.connect() as connection:  # SQLite's default is 1,000 pages: a merge batch dirties several times that
        assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() >= 10_000
    engine.dispose()


def test_sqlite_gives_a_connection_that_writes_a_page_cache_larger_than_its_default(tmp_path: Path):
    from amity.store import writer

    engine = open_database(f"sqlite:///{tmp_path / 'amity.db'}")
    engine.dispose()  # its connections are new: none has written yet
    with engine.connect() as connection:  # a reader keeps SQLite's 2 MB (-2000: KiB)
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -2000
    with writer(engine).begin() as connection:  # a merge's indexes are read and changed page by page
        assert -connection.exec_driver_sql("PRAGMA cache_size").scalar() >= 65_536
    engine.dispose()


def test_a_plain_path_and_the_environment_name_sqlite_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    open_database(str(tmp_path / "plain.db")).dispose()
    monkeypatch.setenv("AMITY_DB", str(tmp_path / "from-env.db"))
    open_database().dispose()

    assert (tmp_path / "plain.db").is_file()
    assert (tmp_path / "from-env.db").is_file()


def test_the_default_is_amity_db_in_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("AMITY_DB", raising=False)
    monkeypatch.chdir(tmp_path)

    open_database().dispose()

    assert (tmp_path / "amity.db").is_file()


def test_a_database_from_a_newer_amity_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "newer.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        connection.execute("INSERT INTO alembic_version VALUES ('f00dcafe')")

    with pytest.raises(StoreError) as refused:
        open_database(str(path))

    assert str(refused.value) == "database schema is newer than this Amity (revision f00dcafe); upgrade Amity"
    with sqlite3.connect(path) as connection:
        assert [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == [
            "alembic_version"]


@pytest.mark.parametrize(("url", "says"), [
    ("mysql://amity@localhost/amity", "unsupported database 'mysql'"),
    ("postgresql+psycopg2://amity@localhost/amity", "use the psycopg driver"),
    ("sqlite+nosuchdriver:///x.db", "cannot use database"),
    ("://nothing", "not a database URL"),
])
def test_a_wrong_url_is_one_clear_error(url: str, says: str):
    with pytest.raises(StoreError, match=re.escape(says)) as failed:
        open_database(url)

    assert "\n" not in str(failed.value)


def test_an_unreachable_postgresql_is_one_clear_error_without_the_password():
    with pytest.raises(StoreError) as failed:
        open_database("postgresql+psycopg://amity:s3cret@127.0.0.1:9/amity")

    message = str(failed.value)
    assert message.startswith("cannot connect to database postgresql+psycopg://amity:***@127.0.0.1:9/amity")
    assert "s3cret" not in message and "\n" not in message


def test_a_missing_folder_or_a_file_that_is_no_database_is_one_clear_error(tmp_path: Path):
    (tmp_path / "notes.db").write_text("not a database")

    with pytest.raises(StoreError, match="folder .* does not exist"):
        open_database(str(tmp_path / "nowhere" / "amity.db"))
    with pytest.raises(StoreError, match="file is not a database"):
        open_database(str(tmp_path / "notes.db"))


def test_reading_commands_do_not_create_a_database(tmp_path: Path):
    with pytest.raises(StoreError, match="no Amity database at"):
        open_database(str(tmp_path / "amity.db"), create=False)

    assert not (tmp_path / "amity.db").exists()


def test_going_back_to_the_first_schema_keeps_every_row(db_url: str) -> None:
    """A downgrade drops the columns later revisions added, never the rows of tables that refer to them."""
    from alembic import command
    from sqlalchemy import func, select, text
    from test_registry import place, reading, tie

    from amity.registry import ingest
    from amity.store.migrate import _config
    from amity.store.schema import EntityNameRow, MentionRow, TiePartyRow, TieStageRow

    engine = open_database(db_url)
    ingest([reading("a.txt", place("Turkistan", 1517945, "KZ"), place("Üsküdar", 738329, "TR"),
                    ties=(tie("Turkistan", "Üsküdar", "signed", "2021-12-21"),))], engine)
    tables = [EntityNameRow, MentionRow, TiePartyRow, TieStageRow]
    with engine.connect() as connection:
        before = [connection.scalar(select(func.count()).select_from(t)) for t in tables]
    with engine.begin() as connection:
        config = _config()
        config.attributes["connection"] = connection
        try:
            command.downgrade(config, "0001")
        finally:
            config.attributes.pop("connection", None)
    with engine.connect() as connection:
        after = [connection.scalar(text(f"SELECT count(*) FROM {t.__tablename__}")) for t in tables]
        assert "curation" not in {c["name"] for c in inspect(connection).get_columns("ties")}
    engine.dispose()
    assert after == before and all(before)


def test_tokens_live_in_a_table_the_migrations_make(db_url: str):
    from amity.store.tokens import create_token, list_tokens, token_owner

    engine = open_database(db_url)
    token = create_token(engine, "newsroom")

    assert "web_tokens" in inspect(engine).get_table_names()
    assert token_owner(engine, token) == "newsroom"
    assert [t["name"] for t in list_tokens(engine)] == ["newsroom"]
    engine.dispose()


def test_a_token_table_made_before_it_was_migrated_is_kept_with_its_tokens(tmp_path: Path):
    from sqlalchemy import text

    from amity.store.tokens import create_token, token_owner

    url = f"sqlite:///{tmp_path / 'amity.db'}"
    engine = open_database(url)
    token = create_token(engine, "old")
    with engine.begin() as connection:  # as an Amity before migration 0006 left it: the table, revision 0005
        connection.execute(text("DROP INDEX uq_articles_doc"))  # (and none of 0007's unique indexes)
        connection.execute(text("DROP INDEX ix_articles_url"))
        connection.execute(text("CREATE INDEX ix_articles_url ON articles (url)"))
        for pair, single in (("person_id_of_entity_id", "person_id"), ("of_entity_id_person_id", "of_entity_id")):
            connection.execute(text(f"DROP INDEX ix_roles_{pair}"))  # (nor 0008's office pairs)
            connection.execute(text(f"CREATE INDEX ix_roles_{single} ON roles ({single})"))
        for trigger in ("tr_event_reports_moved", "tr_events_dated", "tr_event_participants_dated"):
            connection.execute(text(f"DROP TRIGGER {trigger}"))  # (nor 0009's dated participants)
        connection.execute(text("DROP INDEX ix_event_participants_entity_event_keyed"))  # (nor 0012's keyed ones)
        connection.execute(text("DROP INDEX ix_event_participants_event_id_entity_id"))
        connection.execute(text("ALTER TABLE event_participants DROP COLUMN event_id"))
        connection.execute(text("ALTER TABLE event_participants DROP COLUMN event_start"))
        connection.execute(text("ALTER TABLE event_participants DROP COLUMN event_until"))
        connection.execute(text("ALTER TABLE event_participants DROP COLUMN event_type"))
        connection.execute(text("CREATE INDEX ix_event_participants_entity_id_report_id "
                                "ON event_participants (entity_id, report_id)"))
        connection.execute(text("ALTER TABLE ties DROP COLUMN latest_stage_id"))  # (nor 0010's stage folds)
        connection.execute(text("ALTER TABLE ties DROP COLUMN furthest_stage_id"))
        for column in ("date_report_id", "place_report_id", "agreement_report_id"):  # (nor 0011's event folds)
            connection.execute(text(f"ALTER TABLE events DROP COLUMN {column}"))
        connection.execute(text("CREATE INDEX ix_entity_names_entity_id ON entity_names (entity_id)"))  # (nor 0013's)
        connection.execute(text("UPDATE alembic_version SET version_num = '0005'"))
    engine.dispose()

    engine = open_database(url)
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head()
    assert token_owner(engine, token) == "old"
    engine.dispose()
