"""A large import into a small roster (SQLite): member's indexes and its digits index are made
once at the end, inside the import's transaction — the members are found by every search
afterwards, and a cancelled or failed import leaves the database and its indexes as before."""
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from roster_books import counts, person_id, row, write_book

from union_desk.models.member import MemberStatus
from union_desk.services.common import bulk
from union_desk.services.errors import UserError
from union_desk.services.roster import importer, unions
from union_desk.services.roster.importer import check_roster_file, commit_roster_import
from union_desk.services.roster.members import count_members, search_members

NAMES = ["张伟", "王芳", "李娜", "刘强", "陈静", "杨洋", "赵磊", "黄敏"]


def book(tmp_path, name, first, count, *, union="大洋镇机械厂工会"):
    rows = [row(NAMES[i % len(NAMES)] + ("" if i < len(NAMES) else str(i)), person_id(first + i),
                phone=f"1390000{first + i:04d}", union=union, card=f"K{first + i:04d}")
            for i in range(count)]
    return write_book(tmp_path / name, rows)


def run_import(db, path, **kw):
    with db.session() as s:
        plan = check_roster_file(s, path=path)
    with db.session(write=True) as s:
        return commit_roster_import(s, plan=plan, **kw)


@pytest.fixture
def deferrals(monkeypatch):
    """Whether each import's inserts went in with member's indexes deferred."""
    seen = []
    real = bulk.inserts_deferred

    @contextmanager
    def spy(session, table, count):
        with real(session, table, count) as deferred:
            seen.append(deferred)
            yield deferred

    monkeypatch.setattr(importer, "inserts_deferred", spy)
    return seen


def schema(db) -> set:
    """member's (and every other table's) indexes and triggers, as SQLite stores them."""
    with db.session() as s:
        return set(s.execute(sa.text("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                     "WHERE type IN ('index', 'trigger')")).all())


def integrity(db) -> str:
    """SQLite's check of the file, and FTS5's of the digits index against its rows."""
    with db.session(write=True) as s:
        s.execute(sa.text("INSERT INTO member_digits (member_digits) VALUES ('integrity-check')"))
        return s.execute(sa.text("PRAGMA integrity_check")).scalar_one()


def digits_settings(db) -> list:
    with db.session() as s:
        return s.execute(sa.text("SELECT k, v FROM member_digits_config ORDER BY k")).all()


def found(db, text, **kw) -> list[str]:
    with db.session() as s:
        return sorted(m.name for m in search_members(s, text=text, **kw))


@pytest.mark.both_engines
def test_a_large_import_is_found_by_every_search_afterwards(db, tmp_path, deferrals):
    # Given two members on file
    run_import(db, book(tmp_path, "前.xlsx", 1, 2))
    # When eight new ones are imported (more than the roster holds)
    report = run_import(db, book(tmp_path, "后.xlsx", 11, 8, union="大洋镇茶厂工会"))
    assert report.new == 8
    # Then on SQLite member's indexes were made once at the end, on PostgreSQL never dropped
    assert deferrals[-1] is (db.engine.dialect.name == "sqlite")
    # And the new members are found by name, pinyin, ID digits, phone digits and card number
    assert found(db, "黄敏") == ["黄敏"]
    assert found(db, "hm") == ["黄敏"]
    assert found(db, person_id(18)[-6:]) == ["黄敏"]
    assert found(db, "13900000018") == ["黄敏"]
    assert found(db, "K0018") == ["黄敏"]
    # And by their union and status, with the members there before
    with db.session() as s:
        tea = unions.union_ids_by_name(s)["大洋镇茶厂工会"]
        assert count_members(s, union_id=tea) == 8
        assert count_members(s, status=MemberStatus.ACTIVE) == 10
    assert found(db, "张伟") == ["张伟", "张伟"]
    if db.engine.dialect.name == "sqlite":
        assert integrity(db) == "ok"
        # And the digits index's settings are as before (held larger only while it was made)
        assert digits_settings(db) == [("version", 4)]


@pytest.mark.both_engines
def test_a_large_import_still_refuses_an_id_number_taken_meanwhile(db, tmp_path):
    # Given a checked file of eight new members
    path = book(tmp_path, "名册.xlsx", 1, 8)
    with db.session() as s:
        plan = check_roster_file(s, path=path)
    # When one of its ID numbers is imported by another file before the commit
    run_import(db, book(tmp_path, "另一.xlsx", 4, 1))
    with db.session(write=True) as s:
        report = commit_roster_import(s, plan=plan)
    # Then that row is rejected and the seven others go in, the indexes whole
    assert (report.new, [r.row for r in report.rejected]) == (7, [5])
    if db.engine.dialect.name == "sqlite":
        assert integrity(db) == "ok"


@pytest.mark.both_engines
def test_a_large_import_keeps_the_indexes_of_few_rows_and_fills_them(db, tmp_path, deferrals):
    # Given an empty roster, and a file of eight new members: two whose surname reads another
    # way too (覃 qin/tan, 曾 zeng/ceng) and one whose name is longer than three characters
    names = ["覃明", "曾丹", "欧阳娜娜"] + NAMES[:5]
    path = write_book(tmp_path / "名册.xlsx", [
        row(name, person_id(i + 1), phone=f"1390000{i + 1:04d}") for i, name in enumerate(names)])
    dropped = []

    def watch(conn, cursor, statement, *args):
        if statement.startswith("DROP INDEX"):
            dropped.append(statement.split('"')[1])

    # When they are imported (more than the roster holds: SQLite makes member's indexes again)
    sa.event.listen(db.engine, "before_cursor_execute", watch)
    try:
        assert run_import(db, path).new == 8
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", watch)
    # Then the partial indexes of the few such members stayed in place, and they hold them
    sparse = {"ix_member_alt", "ix_member_alt_initials", "ix_member_alt_full",
              "ix_member_name_long"}
    assert deferrals == [db.engine.dialect.name == "sqlite"]
    if deferrals[0]:
        assert "ix_member_walk" in dropped and not sparse & set(dropped)
        assert integrity(db) == "ok"
        with db.session() as s:
            for index, where, rows in (
                    ("ix_member_alt", "py_full_alt != '' AND deleted_at IS NULL", 2),
                    ("ix_member_name_long", "length(name_key) > 3", 1)):
                assert s.execute(sa.text(f"SELECT count(*) FROM member INDEXED BY {index} "
                                         f"WHERE {where}")).scalar_one() == rows
    assert found(db, "tm") == ["覃明"] and found(db, "cd") == ["曾丹"]
    assert found(db, "qm") == ["覃明"] and found(db, "娜娜") == ["欧阳娜娜"]


def test_a_small_import_into_a_larger_roster_keeps_the_indexes(db, tmp_path, deferrals):
    run_import(db, book(tmp_path, "前.xlsx", 1, 6))
    run_import(db, book(tmp_path, "后.xlsx", 11, 2))
    assert deferrals == [True, False]
    assert found(db, "王芳") == ["王芳", "王芳"]


def test_a_cancelled_large_import_leaves_the_database_and_its_indexes_as_before(
        db, tmp_path, deferrals, monkeypatch):
    # Given two members on file, and a large file checked
    run_import(db, book(tmp_path, "前.xlsx", 1, 2))
    before, rows_before, settings = schema(db), counts(db), digits_settings(db)
    path = book(tmp_path, "后.xlsx", 11, 8)
    monkeypatch.setattr(importer, "_CHUNK", 3)
    asked = []

    def cancelled():  # yes once the first chunk is in, the indexes dropped
        asked.append(1)
        return len(asked) > 2

    # When the clerk cancels in the middle of the writing
    with pytest.raises(UserError, match="已取消导入"):
        run_import(db, path, cancelled=cancelled)
    # Then nothing was written and every index and trigger is back as it was
    assert deferrals == [True, True]
    assert counts(db) == rows_before and schema(db) == before
    assert digits_settings(db) == settings
    assert integrity(db) == "ok"
    assert found(db, "zw") == ["张伟"] and found(db, "13900000002") == ["王芳"]
    # And the same file imports afterwards
    assert run_import(db, path).new == 8
    assert found(db, "hm") == ["黄敏"]


def test_a_failed_large_import_leaves_the_database_and_its_indexes_as_before(
        db, tmp_path, deferrals, monkeypatch):
    run_import(db, book(tmp_path, "前.xlsx", 1, 2))
    before, rows_before = schema(db), counts(db)
    monkeypatch.setattr(importer, "_CHUNK", 3)
    real, calls = importer._insert_new, []

    def failing(*args):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("磁盘已满")
        return real(*args)

    monkeypatch.setattr(importer, "_insert_new", failing)
    with pytest.raises(OSError):
        run_import(db, book(tmp_path, "后.xlsx", 11, 8))
    assert deferrals == [True, True]
    assert counts(db) == rows_before and schema(db) == before
    assert integrity(db) == "ok"
    assert found(db, "13900000001") == ["张伟"]
