"""Bulk writes: ids made many at a time, a batch's shared timestamp converted once, and
`insert_bulk` writing the rows with an audit entry each."""
import uuid
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa

from union_desk.models.audit import AuditEntry, insert_bulk
from union_desk.models.base import UTCDateTime, new_ids, utcnow
from union_desk.models.union import GrassrootsUnion


def test_new_ids_are_random_uuid4_as_new_id_makes_them():
    ids = new_ids(5000)

    assert len(set(ids)) == 5000 and new_ids(0) == []
    for text in ids:
        made = uuid.UUID(text)
        assert made.hex == text and made.version == 4 and made.variant == uuid.RFC_4122


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
