"""Migration 0009 on a database with data: a 0008 file full of demo records upgrades in place."""
import sqlalchemy as sa


def test_0009_upgrades_a_0008_database_with_demo_data(tmp_path):
    from alembic import command

    from union_desk.db import HEADS, Database, open_database
    from union_desk.services.demo.generate import make_demo
    from union_desk.services.settings import set_up

    # Given a database at 0008 (the revision before 0009) holding demo data in every area, with
    # station codes issued: made at head and taken back down, so the data need not be written by
    # an older version of the code
    path = tmp_path / "old.sqlite3"
    old = Database(path)
    with old.engine.begin() as conn:
        command.upgrade(old._alembic_config(conn), "heads")
    with old.session(write=True) as s:
        set_up(s, township="DY", clerk="王晓燕")
        make_demo(s, size=60)
    with old.engine.begin() as conn:
        command.downgrade(old._alembic_config(conn), "0008")
        index = conn.execute(sa.text("SELECT sql FROM sqlite_master WHERE name = "
                                     "'ux_station_counter_prefix'")).scalar_one()
    assert "township" not in index
    with old.engine.connect() as conn:
        before = {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one()
                  for t in ("member", "payment", "station", "station_counter", "trip_campaign")}
    old.close()
    # When it is opened by this version
    db = open_database(path)
    # Then it is at head, nothing lost, sound, and the unique indexes carry the township
    assert db.stored_revisions() == set(HEADS)
    with db.engine.connect() as conn:
        after = {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one() for t in before}
        index = conn.execute(sa.text("SELECT sql FROM sqlite_master WHERE name = "
                                     "'ux_station_counter_prefix'")).scalar_one()
    assert after == before and before["station_counter"] > 0
    assert "township" in index
    assert db.check() == []
    db.close()
