"""db.py: pragmas, migrations, snapshots, backups, checks, the instance lock, the audit trail."""
import sqlite3
import subprocess
import sys

import pytest
import sqlalchemy as sa

from union_desk.db import InstanceLock, open_database
from union_desk.models.audit import AuditEntry
from union_desk.models.base import utcnow
from union_desk.models.union import GrassrootsUnion
from union_desk.services.errors import UserError
from union_desk.services.settings import get_setting, is_set_up, set_up


def test_migrates_an_empty_file_to_head_with_wal_and_foreign_keys(tmp_path):
    db = open_database(tmp_path / "new.sqlite3")
    current, heads = db.revisions()
    assert current == heads and heads
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    assert db.check() == []
    db.close()


def test_the_heads_constant_matches_the_shipped_migrations(tmp_path):
    from alembic.script import ScriptDirectory

    from union_desk.db import HEADS

    db = open_database(tmp_path / "x.sqlite3")
    assert set(ScriptDirectory.from_config(db._alembic_config()).get_heads()) == set(HEADS)
    assert db.stored_revisions() == set(HEADS)
    db.close()


def test_opening_an_older_file_snapshots_it_before_upgrading(tmp_path):
    from alembic import command

    path = tmp_path / "old.sqlite3"
    old = open_database(path, migrate=False)  # a file as the first release left it
    with old.engine.begin() as conn:
        command.upgrade(old._alembic_config(conn), "0001")
    with old.session(write=True) as s:
        set_up(s, township="DY", clerk="王晓燕")
    current, shipped = old.revisions()
    old.close()
    if current == shipped:
        pytest.skip("only the first revision exists: nothing to upgrade from")
    db = open_database(path)
    assert db.revisions()[0] == shipped
    snapshots = list(tmp_path.glob("old.before-upgrade-*.sqlite3"))
    assert len(snapshots) == 1
    con = sqlite3.connect(snapshots[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    assert con.execute("SELECT value FROM setting WHERE key='clerk'").fetchone()[0] == '"王晓燕"'
    con.close()
    assert db.context.clerk == "王晓燕"
    db.close()


def test_backup_is_a_consistent_copy_that_opens(db, tmp_path):
    with db.session(write=True) as s:
        s.add(GrassrootsUnion(name="备份测试工会"))
    dest = db.backup(tmp_path / "copy.sqlite3")
    copy = open_database(dest)
    with copy.session() as s:
        assert s.execute(sa.select(GrassrootsUnion.name)).scalars().all() == ["备份测试工会"]
    assert copy.check() == []
    copy.close()
    with pytest.raises(ValueError):
        db.backup(db.path)


def test_check_reports_broken_foreign_keys(db):
    con = sqlite3.connect(db.path)  # foreign keys off on this raw connection
    con.execute("INSERT INTO member_event (id, township, created_at, updated_at, member_id, kind, "
                "\"on\", reason) VALUES ('x', 'DY', '2021-01-01', '2021-01-01', 'nobody', '入会', "
                "'2021-01-01', '')")
    con.commit()
    con.close()
    problems = db.check()
    assert any("外键" in p for p in problems)


def test_a_failed_block_writes_nothing(db):
    with pytest.raises(RuntimeError), db.session(write=True) as s:
        s.add(GrassrootsUnion(name="半截工会"))
        s.flush()
        raise RuntimeError("crash in the middle")
    with db.session() as s:
        assert s.execute(sa.select(sa.func.count()).select_from(GrassrootsUnion)).scalar_one() == 0


def test_rows_are_never_hard_deleted_and_tombstones_are_audited(db):
    with db.session(write=True) as s:
        union = GrassrootsUnion(name="待作废工会")
        s.add(union)
    with pytest.raises(RuntimeError, match="不能物理删除"), db.session(write=True) as s:
        s.delete(s.get(GrassrootsUnion, union.id))
    with db.session(write=True) as s:
        s.get(GrassrootsUnion, union.id).deleted_at = utcnow()
    with db.session() as s:
        actions = s.execute(sa.select(AuditEntry.action, AuditEntry.actor, AuditEntry.township)
                            .where(AuditEntry.record_id == union.id)
                            .order_by(AuditEntry.created_at)).all()
    assert [a[0] for a in actions] == ["insert", "tombstone"]
    assert {(a[1], a[2]) for a in actions} == {("王晓燕", "DY")}


def test_setup_stores_township_and_clerk_and_refuses_changes(tmp_path):
    db = open_database(tmp_path / "first.sqlite3")
    with db.session() as s:
        assert not is_set_up(s)
    with pytest.raises(UserError), db.session(write=True) as s:
        set_up(s, township="NOPE", clerk="李")
    with pytest.raises(UserError), db.session(write=True) as s:
        set_up(s, township="DY", clerk="  ")
    with db.session(write=True) as s:
        set_up(s, township="DY", clerk="李明")
    with pytest.raises(UserError, match="其他乡镇"), db.session(write=True) as s:
        set_up(s, township="SC", clerk="李明")
    assert db.load_context().township == "DY"
    with db.session() as s:
        assert get_setting(s, key="clerk") == "李明"
    db.close()


def test_one_instance_per_database_file(tmp_path):
    path = tmp_path / "locked.sqlite3"
    first = InstanceLock(path)
    assert first.acquire()
    code = ("import sys; from union_desk.db import InstanceLock; "
            f"sys.exit(0 if InstanceLock({str(path)!r}).acquire() else 7)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 7
    first.release()
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


@pytest.mark.both_engines
def test_a_session_takes_the_connection_used_last(db):
    """Its cache holds what was just read (SQLite's page cache; psycopg's prepared statements):
    handed round the pool instead, each keystroke of a search met another connection's cold
    cache (issue 13)."""

    def connection_of(session):
        return session.connection().connection.dbapi_connection

    # Given two connections in the pool (two sessions open at once, as two reading threads do)
    with db.session() as first, db.session() as second:
        both = {id(connection_of(first)), id(connection_of(second))}
    assert len(both) == 2
    # When sessions follow one another
    used = []
    for _ in range(4):
        with db.session() as s:
            used.append(id(connection_of(s)))
    # Then they all go through the same connection
    assert len(set(used)) == 1


def _fill_log(session, bulk: bool) -> None:
    """About 6 MB of audit rows (1,500 pages of the log), inside a bulk write's settings or not."""
    from contextlib import nullcontext

    from union_desk.dialect_bulk import bulk_write_cache
    from union_desk.models.audit import insert_columns
    from union_desk.models.base import new_ids

    count, now = 2000, utcnow()
    with bulk_write_cache(session.connection()) if bulk else nullcontext():
        insert_columns(session, AuditEntry.__table__, count, {
            "id": new_ids(count), "township": ["DY"] * count, "created_at": [now] * count,
            "updated_at": [now] * count, "actor": ["王晓燕"] * count,
            "table_name": ["member"] * count, "record_id": new_ids(count),
            "action": ["insert"] * count, "before": [None] * count,
            "after": [f'{{"n": {i}, "text": "{"字" * 1000}"}}' for i in range(count)]})


def test_a_bulk_write_leaves_its_checkpoint_to_the_database_s_own_thread(db, monkeypatch):
    """A bulk write's COMMIT does not copy the write-ahead log into the file (the clerk waited
    for it: 0.06 s of a 10,000-member import, 0.5 s at 100,000); the Database does it on a
    thread of its own once the connection is back. An ordinary write keeps SQLite's own."""
    from union_desk.db import Database

    def file_size():
        return db.path.stat().st_size

    asked = []
    monkeypatch.setattr(db, "checkpoint", lambda: asked.append(file_size()))
    # Given the log checkpointed, the file's size
    Database.checkpoint(db)
    before = file_size()
    # When rows enough for 1,500 pages of the log are written in bulk
    with db.session(write=True) as s:
        _fill_log(s, bulk=True)
    db.settle()
    # Then the COMMIT left them in the log, and the Database's thread was asked once
    assert asked == [before]
    with db.session() as s:
        assert s.connection().exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1000
        assert s.execute(sa.select(sa.func.count()).select_from(AuditEntry)).scalar() >= 2000
    # And its checkpoint puts them into the file
    Database.checkpoint(db)
    assert file_size() > before + 5_000_000
    # And an ordinary write of as many rows has its COMMIT checkpoint, as SQLite does by itself
    grown = file_size()
    with db.session(write=True) as s:
        _fill_log(s, bulk=False)
    db.settle()
    assert file_size() > grown + 5_000_000 and len(asked) == 1


def test_closing_waits_for_an_owed_checkpoint(db, monkeypatch):
    from union_desk.db import Database

    done = []

    def slow_checkpoint():
        import time

        time.sleep(0.2)
        Database.checkpoint(db)
        done.append(1)

    monkeypatch.setattr(db, "checkpoint", slow_checkpoint)
    with db.session(write=True) as s:
        _fill_log(s, bulk=True)
    db.close()
    assert done == [1]
