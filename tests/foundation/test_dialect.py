"""dialect.py on both engines: upsert by key and age, insert-if-missing, LIKE ignoring ASCII case,
insertion order."""
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from union_desk.dialect import contains_ci, insert_missing, insertion_order, startswith_ci, upsert
from union_desk.models.union import GrassrootsUnion

pytestmark = pytest.mark.both_engines

T0 = datetime(2025, 3, 1, 8, 0, tzinfo=timezone.utc)
U = GrassrootsUnion.__table__


def union_row(uid: str, name: str, updated: datetime, **over) -> dict:
    row = {"id": uid, "township": "DY", "created_at": T0, "updated_at": updated,
           "deleted_at": None, "name": name, "credit_code": "", "chair": "", "phone": "",
           "founded": None, "status": "在册", "closed_on": None, "closed_reason": "",
           "py_full": ""}
    row.update(over)
    return row


def names(db) -> dict[str, str]:
    with db.session() as s:
        return dict(s.execute(sa.select(U.c.id, U.c.name)).all())


def test_upsert_inserts_new_rows_and_replaces_only_older_ones(db):
    # Given two unions on file, written at T0
    with db.session(write=True) as s:
        assert upsert(s, GrassrootsUnion, [union_row("a" * 32, "甲工会", T0),
                                           union_row("b" * 32, "乙工会", T0)]) == 2
    # When a package brings a newer 甲, an older 乙 and a new 丙
    later, earlier = T0 + timedelta(hours=1), T0 - timedelta(hours=1)
    with db.session(write=True) as s:
        written = upsert(s, U, [union_row("a" * 32, "甲工会（新名）", later),
                                union_row("b" * 32, "乙工会（旧名）", earlier),
                                union_row("c" * 32, "丙工会", T0)])
    # Then the newer and the new land, the older changes nothing
    assert written == 2
    assert names(db) == {"a" * 32: "甲工会（新名）", "b" * 32: "乙工会", "c" * 32: "丙工会"}
    with db.session() as s:
        stamp = s.execute(sa.select(U.c.updated_at).where(U.c.id == "a" * 32)).scalar_one()
    assert stamp == later


def test_upsert_of_the_same_rows_again_changes_nothing(db):
    rows = [union_row("a" * 32, "甲工会", T0), union_row("b" * 32, "乙工会", T0)]
    with db.session(write=True) as s:
        upsert(s, U, rows)
    with db.session(write=True) as s:
        assert upsert(s, U, rows) == 0
    assert names(db) == {"a" * 32: "甲工会", "b" * 32: "乙工会"}


def test_upsert_without_an_age_column_always_replaces_and_can_limit_the_columns(db):
    with db.session(write=True) as s:
        upsert(s, U, [union_row("a" * 32, "甲工会", T0, chair="张三")])
    with db.session(write=True) as s:
        assert upsert(s, U, [union_row("a" * 32, "甲工会（改）", T0, chair="李四")],
                      newer_than=None, update=["chair"]) == 1
    with db.session() as s:
        assert s.execute(sa.select(U.c.name, U.c.chair)).one() == ("甲工会", "李四")


def test_upsert_of_nothing_is_nothing(db):
    with db.session(write=True) as s:
        assert upsert(s, U, []) == 0
        assert insert_missing(s, U, []) == 0


def test_insert_missing_leaves_rows_on_file_alone(db):
    with db.session(write=True) as s:
        insert_missing(s, U, [union_row("a" * 32, "甲工会", T0)])
    with db.session(write=True) as s:
        went_in = insert_missing(s, U, [union_row("a" * 32, "甲工会（别的）", T0 + timedelta(1)),
                                        union_row("b" * 32, "乙工会", T0)])
    assert went_in == 1
    assert names(db) == {"a" * 32: "甲工会", "b" * 32: "乙工会"}


def test_like_ignores_ascii_case_and_takes_wildcards_literally(db):
    # Given unions whose names hold Latin letters and LIKE's special characters
    with db.session(write=True) as s:
        upsert(s, U, [union_row(f"{n:032d}", name, T0) for n, name in enumerate(
            ["ABC科技公司工会", "abc 商贸", "百分之100%工会", "下划线_工会", "反斜杠\\工会", "其他"])])

    def found(condition) -> list[str]:
        with db.session() as s:
            return sorted(s.execute(sa.select(U.c.name).where(condition)).scalars())

    # Then lower case finds upper case (as SQLite's LIKE), and % _ \ are plain characters
    assert found(contains_ci(U.c.name, "abc")) == ["ABC科技公司工会", "abc 商贸"]
    assert found(contains_ci(U.c.name, "aBc科")) == ["ABC科技公司工会"]
    assert found(contains_ci(U.c.name, "%")) == ["百分之100%工会"]
    assert found(contains_ci(U.c.name, "_")) == ["下划线_工会"]
    assert found(contains_ci(U.c.name, "\\")) == ["反斜杠\\工会"]
    assert found(startswith_ci(U.c.name, "AB")) == ["ABC科技公司工会", "abc 商贸"]
    assert found(startswith_ci(U.c.name, "科技")) == []


def test_insertion_order_gives_rows_as_they_were_written(db, db_engine):
    # Given rows written one after another; on SQLite even with the same timestamp
    same = db_engine == "sqlite"
    ids = ["f" * 32, "0" * 32, "8" * 32]
    with db.session(write=True) as s:
        for n, uid in enumerate(ids):
            s.execute(sa.insert(U), [union_row(uid, f"工会{n}", T0, created_at=T0 if same
                                               else T0 + timedelta(microseconds=n))])
    # Then they come back in that order
    with db.session() as s:
        got = s.execute(sa.select(U.c.id).order_by(*insertion_order(s, U))).scalars().all()
    assert got == ids


# -- rows as a SQLite file stores them (the exchange's merge) ----------------------------------

def stored(table, **values) -> tuple:
    """A row of `table` as SQLite stores it: text timestamps and dates, 0/1 booleans."""
    base = {"township": "DY", "created_at": "2025-03-01 08:00:00.000000",
            "updated_at": "2025-03-01 08:00:00.000000", "deleted_at": None}
    row = {c.name: base.get(c.name, _stored_default(c)) for c in table.c}
    row.update(values)
    return tuple(row[c.name] for c in table.c)


def _stored_default(column):
    if column.nullable:
        return None
    kind = column.type
    if isinstance(kind, sa.Enum):
        return kind.enums[0]
    if isinstance(kind, sa.Boolean):
        return 0
    if isinstance(kind, (sa.Integer, sa.Float)):
        return 0
    if isinstance(kind, sa.Date):
        return "2025-01-02"
    return ""




def test_stored_rows_go_in_and_read_back_as_the_values_they_stood_for(db):
    from union_desk.dialect import insert_stored
    from union_desk.models.member import Member

    M = Member.__table__
    # Given a union, and two members in SQLite's stored form (a migrant worker: boolean 1)
    with db.session(write=True) as s:
        insert_stored(s.connection(), U, [stored(U, id="u" * 32, name="甲工会")])
        insert_stored(s.connection(), M, [
            stored(M, id="a" * 32, union_id="u" * 32, name="张三", is_migrant=1, id_number="1",
                   join_date="2024-02-29", updated_at="2025-03-01 08:00:00.123456"),
            stored(M, id="b" * 32, union_id="u" * 32, name="李四", is_migrant=0, id_number="2")])
    # Then each engine holds the values: a date, an aware UTC timestamp, a boolean
    with db.session() as s:
        got = s.execute(sa.select(M.c.name, M.c.is_migrant, M.c.join_date, M.c.updated_at)
                        .order_by(M.c.id)).all()
    assert got[0] == ("张三", True, datetime(2024, 2, 29).date(),
                      datetime(2025, 3, 1, 8, 0, 0, 123456, tzinfo=timezone.utc))
    assert got[1][:2] == ("李四", False)


def test_inserting_a_stored_row_whose_key_is_held_fails_and_the_transaction_goes_on(db):
    from union_desk.dialect import insert_stored

    with db.session(write=True) as s:
        insert_stored(s.connection(), U, [stored(U, id="a" * 32, name="甲工会")])
    with db.session(write=True) as s:
        with pytest.raises(sa.exc.IntegrityError):
            with s.begin_nested():
                insert_stored(s.connection(), U, [stored(U, id="c" * 32, name="丙工会"),
                                                  stored(U, id="a" * 32, name="甲工会（又）")])
        insert_stored(s.connection(), U, [stored(U, id="b" * 32, name="乙工会")])
    assert names(db) == {"a" * 32: "甲工会", "b" * 32: "乙工会"}


def test_stored_upsert_replaces_only_older_rows_of_the_same_township(db):
    from union_desk.dialect import insert_stored, upsert_stored

    old, new = "2025-03-01 08:00:00.000000", "2025-03-02 08:00:00.000000"
    with db.session(write=True) as s:
        insert_stored(s.connection(), U, [
            stored(U, id="a" * 32, name="甲工会", updated_at=old),
            stored(U, id="b" * 32, name="乙工会", updated_at=new),
            stored(U, id="q" * 32, name="乾潭工会", township="QT", updated_at=old)])
    # When rows come: 甲 newer, 乙 older, 乾潭's row newer but claimed by 大洋镇
    with db.session(write=True) as s:
        upsert_stored(s.connection(), U, [
            stored(U, id="a" * 32, name="甲工会（新）", updated_at=new),
            stored(U, id="b" * 32, name="乙工会（旧）", updated_at=old),
            stored(U, id="q" * 32, name="冒名", updated_at=new)])
    # Then only the newer row of the same township is replaced
    assert names(db) == {"a" * 32: "甲工会（新）", "b" * 32: "乙工会", "q" * 32: "乾潭工会"}


def test_upsert_keeps_another_townships_row_when_asked(db):
    with db.session(write=True) as s:
        upsert(s, U, [union_row("a" * 32, "乾潭工会", T0, township="QT")])
    with db.session(write=True) as s:
        assert upsert(s, U, [union_row("a" * 32, "冒名", T0 + timedelta(1))],
                      same=("township",)) == 0
    assert names(db) == {"a" * 32: "乾潭工会"}


def test_stored_values_are_what_sqlalchemy_reads_from_sqlite():
    from union_desk.dialect import stored_values
    from union_desk.models.member import Member

    M = Member.__table__
    [row] = stored_values(M, [stored(M, id="a" * 32, is_migrant=1, join_date="2025-01-31",
                                     deleted_at="2025-04-01 00:00:00.000001")])
    assert row["is_migrant"] is True and row["join_date"] == datetime(2025, 1, 31).date()
    assert row["deleted_at"] == datetime(2025, 4, 1, 0, 0, 0, 1, tzinfo=timezone.utc)
    assert row["created_at"].tzinfo == timezone.utc and row["birth_date"] is None


def test_fetch_plain_gives_the_drivers_values(db, db_engine):
    from union_desk.dialect import fetch_plain

    with db.session(write=True) as s:
        upsert(s, U, [union_row("a" * 32, "甲工会", T0)])
    query = sa.select(U.c.id, U.c.updated_at).where(U.c.township == sa.bindparam("town"))
    with db.session() as s:
        assert fetch_plain(s.connection(), query, town="QT") == []
        [(uid, stamp)] = fetch_plain(s.connection(), query, town="DY")
        [(again, _)] = fetch_plain(s.connection(), query, town="DY")  # compiled once, used again
    assert uid == again == "a" * 32
    # SQLite: the stored text; a server: its own type (a datetime without zone, in UTC)
    assert stamp == ("2025-03-01 08:00:00.000000" if db_engine == "sqlite"
                     else T0.replace(tzinfo=None))


def test_bulk_write_cache_lasts_the_transaction_and_is_given_back(db, db_engine):
    """A bulk write's page cache lasts until its transaction has committed (shrunk before the
    COMMIT, the cache spilled the bulk's dirty pages); the connection gets its own size back
    when it returns to the pool."""
    from union_desk.dialect_bulk import bulk_write_cache

    def cache_size(conn):
        return conn.exec_driver_sql("PRAGMA cache_size").scalar_one()

    with db.session(write=True) as s:
        conn = s.connection()
        dbapi = conn.connection.dbapi_connection
        before = cache_size(conn) if db_engine == "sqlite" else None
        with bulk_write_cache(conn):
            with bulk_write_cache(conn, kib=1024):  # a smaller block inside keeps the larger
                if db_engine == "sqlite":
                    assert cache_size(conn) == -128 * 1024
        if db_engine == "sqlite":
            assert cache_size(conn) == -128 * 1024  # still, until the transaction ends
    if db_engine == "sqlite":
        with db.session() as s:  # the same connection, back from the pool (LIFO)
            assert s.connection().connection.dbapi_connection is dbapi
            assert cache_size(s.connection()) == before


def test_the_upsert_statement_has_a_twin_in_each_dialect():
    from sqlalchemy.dialects import postgresql, sqlite

    from union_desk.dialect import upsert_statement

    for dialect in (sqlite.dialect(), postgresql.dialect()):
        engine = sa.create_mock_engine(f"{dialect.name}://", executor=None)
        sql = str(upsert_statement(engine, U, columns=[c.name for c in U.c], same=("township",))
                  .compile(dialect=dialect))
        assert "ON CONFLICT (id) DO UPDATE" in sql
        assert "grassroots_union.township = excluded.township" in sql
        assert "excluded.updated_at > grassroots_union.updated_at" in sql


def test_a_failure_in_a_recoverable_block_leaves_the_transaction_usable(db):
    from union_desk.dialect import recoverable

    with db.session(write=True) as s:
        upsert(s, U, [union_row("a" * 32, "甲工会", T0)])
    with db.session(write=True) as s:
        with pytest.raises(sa.exc.IntegrityError):
            with recoverable(s):
                s.execute(sa.insert(U), [union_row("a" * 32, "重复", T0)])
        upsert(s, U, [union_row("b" * 32, "乙工会", T0)])  # the transaction goes on
    assert names(db) == {"a" * 32: "甲工会", "b" * 32: "乙工会"}


def test_index_lookups_take_the_index_where_the_planner_knows_nothing_yet(db, db_engine):
    from union_desk.dialect import index_lookups

    # Given 3,000 unions written in this very transaction (no planner statistics for them)
    ids = [f"{n:032x}" for n in range(3000)]
    lookup = sa.select(U.c.id).where(U.c.id.in_(ids[:1000]))
    with db.session(write=True) as s:
        upsert(s, U, [union_row(i, f"工会{n}", T0) for n, i in enumerate(ids)])
        # When 1,000 of them are looked up by their key inside index_lookups
        with index_lookups(s):
            found = s.execute(lookup).scalars().all()
            if db_engine == "postgresql":
                plan = "\n".join(s.execute(sa.text("EXPLAIN " + str(lookup.compile(
                    s.get_bind(), compile_kwargs={"literal_binds": True})))).scalars())
        # Then they are found through the key's index, and the setting is as it was afterwards
        assert sorted(found) == ids[:1000]
        if db_engine == "postgresql":
            assert "Seq Scan" not in plan and "Index" in plan, plan[:300]
            assert s.execute(sa.text("SHOW enable_seqscan")).scalar_one() == "on"
        assert len(s.execute(lookup).scalars().all()) == 1000
