"""Migration 0020: member's reversed ID number and phone (unread since 0017) leave a roster
already in use, on both engines; every member stays as it was and is found as before."""
import sqlite3

import pytest
import sqlalchemy as sa
from demo_files import demo_at_revision

from union_desk.db import HEADS, open_database
from union_desk.services.roster.members import count_members, search_members

REVERSED = {"id_number_rev", "phone_rev"}


def _columns(db) -> set[str]:
    return {c["name"] for c in sa.inspect(db.engine).get_columns("member")}


def _members(db) -> list[tuple]:
    """Every member's row, the columns that stay, in id order."""
    with db.engine.connect() as conn:
        kept = sorted(_columns(db) - REVERSED)
        return conn.execute(sa.text(f"SELECT {', '.join(kept)} FROM member ORDER BY id")).all()


def _numbers(rows) -> list[str]:
    """Parts of some members' ID numbers and phones: the middle, the end, the phone's middle."""
    return [part for number, phone in rows for part in (number[6:12], number[-5:], phone[3:8])]


@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgresql",
                                                           marks=pytest.mark.postgresql)])
def test_upgrading_from_0019_drops_the_reversed_numbers_and_keeps_every_member(
        engine, request, tmp_path):
    if engine == "sqlite":
        url = tmp_path / "union_desk.sqlite3"
    else:
        server, name = request.getfixturevalue("pg_empty")
        url = server.url(name)
    # Given a database at 0019 holding demo data, with each member's numbers reversed beside
    # them (the downgrade puts them back as 0008 made them)
    demo_at_revision(url, "0019")
    db = open_database(url, migrate=False)
    try:
        assert REVERSED <= _columns(db)
        with db.engine.connect() as conn:
            rows = conn.execute(sa.text(
                "SELECT id_number, phone, id_number_rev, phone_rev FROM member")).all()
        assert len(rows) > 100
        assert all(n[::-1] == n_rev and p[::-1] == p_rev for n, p, n_rev, p_rev in rows)
        before = _members(db)
    finally:
        db.close()

    # When this version opens it
    db = open_database(url)
    try:
        # Then it is at head, the reversed numbers are gone, every member is as it was
        assert db.stored_revisions() == set(HEADS)
        assert not REVERSED & _columns(db)
        assert _members(db) == before
        # And any part of a member's numbers still finds exactly the members holding it
        with db.session() as s:
            for text in _numbers((r[0], r[1]) for r in rows[:6]):
                assert len(search_members(s, text=text, limit=1000)) == \
                    count_members(s, text=text) > 0, text
        assert db.check() == []
    finally:
        db.close()
    if engine == "sqlite":
        con = sqlite3.connect(url)
        try:
            assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        finally:
            con.close()
