"""Migration 0008 recomputes the people's search columns of a database already in use."""
import sqlite3

from demo_files import demo_at_revision

from union_desk.db import HEADS, open_database
from union_desk.services.roster.members import search_members


def test_upgrading_from_0007_recomputes_surname_readings_and_number_tails(db_path):
    # Given a database at 0007 with demo data and a member spelled the old way (曾 → c)
    demo_at_revision(db_path, "0007", members=120)
    con = sqlite3.connect(db_path)
    assert "py_full_alt" not in {r[1] for r in con.execute("PRAGMA table_info(member)")}
    member_id, = con.execute("SELECT id FROM member ORDER BY id LIMIT 1").fetchone()
    con.execute("UPDATE member SET name='曾丹伟', name_key='曾丹伟', py_initials='cdw',"
                " py_full='cengdanwei', phone='13805716026' WHERE id=?", (member_id,))
    registration_id, = con.execute("SELECT id FROM trip_registration LIMIT 1").fetchone()
    con.execute("UPDATE trip_registration SET name='单雄', name_key='单雄', py_initials='dx'"
                " WHERE id=?", (registration_id,))
    total = con.execute("SELECT count(*) FROM member").fetchone()[0]
    con.commit()
    con.close()

    # When it is opened by this version
    db = open_database(db_path)
    try:
        # Then it is at head, every member's search columns are filled, and the clerk finds
        # the member by the surname reading, the other reading and the last phone digits
        assert db.stored_revisions() == set(HEADS)
        with db.engine.connect() as conn:
            empty = conn.exec_driver_sql(
                "SELECT count(*) FROM member WHERE py_full = ''").scalar()
            reg = conn.exec_driver_sql("SELECT py_initials, py_initials_alt FROM trip_registration"
                                       " WHERE id = ?", (registration_id,)).one()
        assert total > 100 and empty == 0
        assert tuple(reg) == ("sx", "dx")
        with db.session() as s:
            for text in ("zdw", "cdw", "6026"):
                assert member_id in [r.id for r in search_members(s, text=text, limit=1000)]
        assert db.check() == []
    finally:
        db.close()
