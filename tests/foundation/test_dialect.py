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
