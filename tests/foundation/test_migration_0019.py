"""Migration 0019: PostgreSQL's trigram index per part of the name order, added to a roster
already in use; nothing on SQLite."""
import importlib
import sqlite3

import pytest
import sqlalchemy as sa
from demo_files import demo_at_revision

from union_desk import search_sql
from union_desk.db import HEADS, open_database
from union_desk.services.common import search_plan
from union_desk.services.roster.members import count_members, search_members

MIGRATION = importlib.import_module("union_desk.migrations.versions.0019_numbers_by_name_part")


def _numbers(db) -> list[str]:
    """Parts of some members' ID numbers and phones (the middle, the end, the phone's middle)."""
    with db.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT id_number, phone FROM member "
                                    "WHERE deleted_at IS NULL ORDER BY id LIMIT 6")).all()
    return [part for number, phone in rows for part in (number[6:12], number[-5:], phone[3:8])]


def test_the_migration_and_the_search_name_the_same_parts():
    # Given the bounds frozen in the migration and the ones the search writes into its statement
    # Then they are the same (a part's statement must imply its index's condition)
    assert MIGRATION.NAME_PARTS == search_sql.NAME_PARTS
    assert search_sql.part_bounds(0) == (None, "f")
    assert search_sql.part_bounds(len(search_sql.NAME_PARTS)) == ("z", None)


def _schema(path) -> list:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        con.close()


def test_upgrading_a_file_from_0018_changes_nothing_in_it(db_path):
    from alembic import command

    # Given a SQLite file at 0018 holding demo data
    demo_at_revision(db_path, "0018")
    before = _schema(db_path)

    # When 0019 runs on it
    db = open_database(db_path, migrate=False)
    with db.engine.begin() as conn:
        command.upgrade(db._alembic_config(conn), "0019")
    db.close()
    # Then its tables and indexes are as they were
    assert _schema(db_path) == before
    # And this version opens it at head and finds what it found
    db = open_database(db_path)
    try:
        assert db.stored_revisions() == set(HEADS)
        with db.session() as s:
            for text in _numbers(db):
                assert len(search_members(s, text=text, limit=1000)) == \
                    count_members(s, text=text) > 0, text
        assert db.check() == []
    finally:
        db.close()


@pytest.mark.postgresql
def test_upgrading_a_server_database_from_0018_adds_an_index_per_name_part(pg_empty,
                                                                          monkeypatch):
    # Given a server database at 0018 holding demo data
    server, name = pg_empty
    demo_at_revision(server.url(name), "0018")

    # When this version opens it
    db = open_database(server.url(name))
    try:
        # Then each part of the name order has its trigram index
        with db.engine.connect() as conn:
            indexes = dict(conn.execute(sa.text(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'member' "
                "AND indexname LIKE 'ix_member_numbers_trgm_%'")).all())
        assert sorted(indexes) == sorted(MIGRATION.INDEXES)
        assert all("gin_trgm_ops" in d and "deleted_at IS NULL" in d for d in indexes.values())
        assert db.stored_revisions() == set(HEADS) and db.check() == []
        # and a part of a number found in the sample is read from the parts (SAMPLE 1: the
        # sample is the first member; WALK_MAX 1: any hit in it makes the hits "a few")
        monkeypatch.setattr(search_plan, "SAMPLE", 1)
        monkeypatch.setattr(search_plan, "WALK_MAX", 1)
        statements = []
        sa.event.listen(db.engine, "before_cursor_execute",
                        lambda _c, _cur, sql, *_rest: statements.append(sql))
        with db.session() as s:
            for descending in (False, True):
                first = s.execute(sa.text(
                    "SELECT id_number FROM member WHERE deleted_at IS NULL ORDER BY py_full "
                    f"{'DESC' if descending else ''}, id {'DESC' if descending else ''} LIMIT 1")
                ).scalar_one()
                for text in [first[6:12], first[-4:]]:
                    statements.clear()
                    found = search_members(s, text=text, limit=1000, descending=descending)
                    assert len(found) == count_members(s, text=text) > 0, text
                    assert any("part_7 AS" in sql for sql in statements), text
                # a page the first two parts fill (a common start of an ID number, held by the
                # sample's member): the statement of the other parts is not run
                statements.clear()
                page = search_members(s, text=first[:3], limit=2, descending=descending)
                ran = list(statements)
                assert [r.id for r in page] == [r.id for r in search_members(
                    s, text=first[:3], limit=1000, descending=descending)][:2]
                assert any(f"part_{7 if descending else 0} AS" in sql for sql in ran)
                assert not any(f"part_{5 if descending else 2} AS" in sql for sql in ran)
    finally:
        db.close()
