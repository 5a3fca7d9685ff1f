"""Migration 0017 indexes a roster already in use for the search at city scale, on both engines."""
import sqlite3

import pytest
import sqlalchemy as sa
from demo_files import demo_at_revision

from union_desk.db import HEADS, open_database
from union_desk.services.roster.members import count_members, search_members


def _digit_queries(con) -> list[str]:
    """Middle, start and end parts of some members' ID numbers and phones."""
    rows = con.execute("SELECT id_number, phone FROM member ORDER BY id LIMIT 5").fetchall()
    return [part for number, phone in rows
            for part in (number[6:12], number[-5:], number[:4], phone[3:8]) if len(part) >= 3]


def _expected(con, text: str) -> int:
    return con.execute("SELECT count(*) FROM member WHERE deleted_at IS NULL AND "
                       "(instr(id_number, ?) > 0 OR instr(phone, ?) > 0 OR card_no LIKE ?)",
                       (text, text, text + "%")).fetchone()[0]


def test_upgrading_from_0015_indexes_every_member_for_any_digits(db_path):
    # Given a database at 0015 holding demo data, and a phone changed while it was at 0015
    demo_at_revision(db_path, "0015")
    con = sqlite3.connect(db_path)
    assert not con.execute("SELECT name FROM sqlite_master WHERE name = 'member_digits'").fetchall()
    member_id, = con.execute("SELECT id FROM member ORDER BY id LIMIT 1").fetchone()
    con.execute("UPDATE member SET phone = '13805716026' WHERE id = ?", (member_id,))
    con.commit()
    queries = _digit_queries(con) + ["0571", "5716"]
    expected = {q: _expected(con, q) for q in queries}
    con.close()

    # When this version opens it
    db = open_database(db_path)
    try:
        # Then it is at head and any part of a number finds exactly the members holding it
        assert db.stored_revisions() == set(HEADS)
        with db.session() as s:
            for text in queries:
                found = search_members(s, text=text, limit=1000)
                assert len(found) == expected[text] == count_members(s, text=text), text
            assert member_id in [r.id for r in search_members(s, text="0571")]
        assert db.check() == []
    finally:
        db.close()


@pytest.mark.postgresql
def test_upgrading_a_server_database_from_0015_adds_the_trigram_indexes(pg_empty):
    from alembic import command

    server, name = pg_empty
    db = open_database(server.url(name), migrate=False)
    with db.engine.begin() as conn:
        command.upgrade(db._alembic_config(conn), "0015")
    db.close()
    db = open_database(server.url(name))
    try:
        with db.engine.connect() as conn:
            indexes = set(conn.execute(sa.text(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'member'")).scalars())
            extension = conn.execute(sa.text(
                "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")).scalar_one()
        assert {"ix_member_id_number_trgm", "ix_member_phone_trgm", "ix_member_walk",
                "ix_member_surname", "ix_member_name_2"} <= indexes and extension == 1
        assert db.stored_revisions() == set(HEADS) and db.check() == []
    finally:
        db.close()
