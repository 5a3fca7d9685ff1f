"""Bulk writes: ids made many at a time, a batch's shared timestamp converted once, and
`insert_bulk` writing the rows with an audit entry each."""
import json
import os
import time
import uuid
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa

from union_desk.models.audit import AuditEntry, insert_bulk
from union_desk.models import base
from union_desk.models.base import UTCDateTime, new_id, new_ids, utcnow
from union_desk.models.union import GrassrootsUnion


def test_new_ids_are_uuid7_in_the_order_made_and_unique():
    # Given ids made in bulk, one at a time and in bulk again
    before = time.time_ns() // 1_000_000
    ids = new_ids(5000) + [new_id() for _ in range(100)] + new_ids(3)
    after = time.time_ns() // 1_000_000

    # Then they are distinct UUID version 7 hex texts, each later than the one before, and
    # their time is when they were made
    assert len(set(ids)) == len(ids) and new_ids(0) == []
    assert ids == sorted(ids)
    for text in ids:
        made = uuid.UUID(text)
        assert made.hex == text and made.version == 7 and made.variant == uuid.RFC_4122
        assert before <= int(text[:12], 16) <= after


def test_ids_stay_ordered_when_the_clock_goes_back_or_a_millisecond_runs_out(monkeypatch):
    # Given a clock stuck at one moment, then going back a second
    moments = iter([5_000_000_000_000] * 3 + [4_999_000_000_000] * 2)
    monkeypatch.setattr(base.time, "time_ns", lambda: next(moments))
    made = base._TimeOrderedIds()

    # When ids are made, and more than a millisecond's counter can give
    first = made.take(3)
    made._next_b = (1 << 62) - 2  # the counter nearly used up
    second = made.take(3)
    third = made.take(2)
    later = made.take(1)

    # Then every id is greater than the one before; the overflow took the next millisecond
    ids = first + second + third + later
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert {int(i[:12], 16) for i in first} == {5_000_000}
    assert {int(i[:12], 16) for i in second + third + later} == {5_000_001}


def test_a_child_process_makes_its_own_ids():
    # Given ids made in this process, and a forked child making ids in the same millisecond
    read, write = os.pipe()
    new_ids(1)
    pid = os.fork()
    if pid == 0:
        os.write(write, "".join(new_ids(2)).encode())
        os._exit(0)
    ours = new_ids(2)
    os.waitpid(pid, 0)
    theirs = os.read(read, 64).decode()
    os.close(read), os.close(write)

    # Then they share no id (the child does not continue the parent's counter)
    assert {theirs[:32], theirs[32:]}.isdisjoint(ours)


def test_the_datetime_bind_processor_remembers_only_the_same_object(db):
    # Given the processor of a UTC column on the database's dialect
    process = UTCDateTime().bind_processor(db.engine.dialect)
    first = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    local = datetime(2026, 1, 2, 11, 4, 5, tzinfo=timezone(timedelta(hours=8)))
    later = first + timedelta(seconds=1)

    # When the same moment comes as one object, another zone, another moment, None
    # Then each converts to its own value, the same as a fresh processor gives
    fresh = UTCDateTime().bind_processor(db.engine.dialect)
    assert process(first) == process(first) == fresh(first)
    assert process(local) == fresh(first)
    assert process(later) != process(first) and process(later) == fresh(later)
    assert process(None) is None and process(first) == fresh(first)


def test_insert_bulk_writes_the_rows_and_an_audit_entry_for_each(db):
    now = utcnow()
    rows = [dict(id=union_id, township="DY", created_at=now, updated_at=now, deleted_at=None,
                 name=f"第{i}工会", credit_code="", chair="", phone="", status="在册",
                 closed_reason="", py_full="", py_initials="")
            for i, union_id in enumerate(new_ids(3))]
    rows = [{k: v for k, v in r.items() if k in GrassrootsUnion.__table__.c} for r in rows]

    with db.session(write=True) as s:
        insert_bulk(s, GrassrootsUnion, rows)
        insert_bulk(s, GrassrootsUnion, [])

    with db.session() as s:
        names = set(s.scalars(sa.select(GrassrootsUnion.name).where(
            GrassrootsUnion.id.in_([r["id"] for r in rows]))))
        audited = s.execute(sa.select(AuditEntry.record_id, AuditEntry.action, AuditEntry.after)
                            .where(AuditEntry.table_name == "grassroots_union",
                                   AuditEntry.record_id.in_([r["id"] for r in rows]))).all()
    assert names == {"第0工会", "第1工会", "第2工会"}
    assert {a.record_id for a in audited} == {r["id"] for r in rows}
    assert all(a.action == "insert" and "第" in a.after for a in audited)


def test_bulk_audit_entries_hold_the_same_text_as_one_entry_at_a_time(db):
    # Given member-like rows with dates, an enum, None and a boolean, written in bulk
    from datetime import date

    from union_desk.models.audit import _dump
    from union_desk.models.member import MemberEvent, MemberEventKind
    now = utcnow()
    with db.session(write=True) as s:
        union = s.execute(sa.select(GrassrootsUnion.id)).scalar()
        if union is None:
            union = new_id()
            insert_bulk(s, GrassrootsUnion, [dict(
                id=union, township="DY", created_at=now, updated_at=now, deleted_at=None,
                name="基层工会", credit_code="", chair="", phone="", status="在册",
                closed_reason="", py_full="", py_initials="")])
    with db.session(write=True) as s:
        from union_desk.models.member import Member
        member_ids = new_ids(3)
        insert_bulk(s, Member, [dict(
            id=m, township="DY", created_at=now, updated_at=now, deleted_at=None, name=f"张{i}",
            id_number=f"33018219900101{i:04d}", gender="男", birth_date=date(1990, 1, 1 + i),
            phone="", ethnicity="汉族", employer="", union_id=union, join_date=None,
            card_no=None, is_migrant=bool(i), hukou_type="", status="在册",
            status_date=date(2020, 1, 1), name_key=f"张{i}", py_initials="z", py_full="zhang",
            py_initials_alt="", py_full_alt="")
            for i, m in enumerate(member_ids)])
        events = [dict(id=e, township="DY", created_at=now, updated_at=now, deleted_at=None,
                       member_id=m, kind=MemberEventKind.JOINED, on=date(2020, 1, 1 + i),
                       reason="导入", from_union_id=None, to_union_id=union)
                  for i, (e, m) in enumerate(zip(new_ids(3), member_ids))]
        insert_bulk(s, MemberEvent, events)

    # Then each event's audit entry is the JSON one entry at a time gives, and the rows read
    # back with the values given
    with db.session() as s:
        after = dict(s.execute(sa.select(AuditEntry.record_id, AuditEntry.after).where(
            AuditEntry.table_name == "member_event")).all())
        read = s.execute(sa.select(MemberEvent.id, MemberEvent.on, MemberEvent.kind)).all()
        births = sorted(s.scalars(sa.select(Member.birth_date).where(Member.id.in_(member_ids))))
    assert after == {e["id"]: _dump({k: v for k, v in e.items()
                                     if k not in ("created_at", "updated_at")}) for e in events}
    assert '"kind": "入会"' in after[events[0]["id"]] and '"on": "2020-01-01"' in after[events[0]["id"]]
    assert sorted(read) == sorted((e["id"], e["on"], MemberEventKind.JOINED) for e in events)
    assert births == [date(1990, 1, 1), date(1990, 1, 2), date(1990, 1, 3)]


def test_the_bulk_json_is_the_text_of_one_entry_at_a_time_whatever_the_values():
    # Given rows whose columns repeat or not, mix types (True beside 1), hold text with % and
    # quotes, dates, an enum, bytes, NaN and nested values
    import enum
    from datetime import date

    from union_desk.models.audit import _dump, _dump_all

    class Kind(enum.Enum):
        JOINED = "入会"

    rows = [dict(n=i % 3, text=f"第{i}行 50% \"引号\"\n", same="汉族", day=date(2020, 1, 1 + i % 2),
                 mixed=True if i % 2 else 1, ratio=1.5 if i else float("nan"), kind=Kind.JOINED,
                 photo=b"\x00\x01" * i, nested=[i, {"a": None}], gone=None,
                 **{"per%cent": "a%sb"}) for i in range(12)]
    # When they are written as one bulk
    texts = _dump_all(rows, skip={"n"})
    # Then each is the text the ORM hook writes for one row
    assert texts == [_dump({k: v for k, v in r.items() if k != "n"}) for r in rows]
    assert '"mixed": true' in texts[1] and '"mixed": 1' in texts[0]


def test_insert_bulk_columns_writes_what_insert_bulk_writes(db):
    # Given the same unions as rows and as columns
    from union_desk.models.audit import insert_bulk_columns
    now = utcnow()

    def unions(ids, prefix):
        return [dict(id=u, township="DY", created_at=now, updated_at=now, deleted_at=None,
                     name=f"{prefix}{i}工会", credit_code="", chair="", phone="", status="在册",
                     closed_reason="", py_full="", py_initials="") for i, u in enumerate(ids)]

    by_rows, by_columns = unions(new_ids(3), "甲"), unions(new_ids(3), "乙")
    # When one set goes in row by row and the other column by column
    with db.session(write=True) as s:
        insert_bulk(s, GrassrootsUnion, by_rows)
        insert_bulk_columns(s, GrassrootsUnion, 3, {k: [r[k] for r in by_columns]
                                                    for k in by_columns[0]})
    # Then both are stored alike, each with its audit entry of the same form
    with db.session() as s:
        stored = {r.id: r.name for r in s.execute(sa.select(GrassrootsUnion.id,
                                                            GrassrootsUnion.name))}
        after = dict(s.execute(sa.select(AuditEntry.record_id, AuditEntry.after).where(
            AuditEntry.table_name == "grassroots_union", AuditEntry.action == "insert")).all())
    for row in by_rows + by_columns:
        assert stored[row["id"]] == row["name"]
        assert json.loads(after[row["id"]]) == json.loads(json.dumps(
            {k: v for k, v in row.items() if k not in ("created_at", "updated_at", "py_full")},
            default=str))
