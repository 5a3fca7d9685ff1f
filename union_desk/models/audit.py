"""Audit trail: one row per insert, update, tombstone or reveal of a record."""
from __future__ import annotations

import hashlib
import itertools
import json
from datetime import date, datetime, time
from enum import Enum
from typing import Collection

import sqlalchemy as sa
from sqlalchemy import event
from sqlmodel import Field

from union_desk.models.base import RecordBase, new_ids, utcnow


class AuditEntry(RecordBase, table=True):
    __tablename__ = "audit_entry"

    actor: str = Field(default="", max_length=64)
    table_name: str = Field(max_length=64)
    record_id: str = Field(max_length=32, index=True)
    action: str = Field(max_length=16)  # insert / update / tombstone / restore / reveal
    before: str | None = Field(default=None, description="JSON of changed fields before")
    after: str | None = Field(default=None, description="JSON of changed fields after")


# -- the mechanism: every ORM flush writes its audit rows in the same transaction -------------

def _plain(value):
    if isinstance(value, (bytes, bytearray, memoryview)):  # photos: record what, not the bytes
        data = bytes(value)
        return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    return value


def _unknown(value):
    plain = _plain(value)
    if plain is value:
        raise TypeError(f"{type(value).__name__} is not JSON serializable")
    return plain


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=_unknown)


def _dump(data: dict) -> str:
    """The fields as JSON; values JSON cannot hold (dates, enums, bytes) through `_plain` — only
    those: the encoder asks for them, so a bulk import does not pay a Python call per value.
    One encoder for all (`json.dumps` with options builds a new one per call)."""
    return _ENCODER.encode(data)


_JSON_NATIVE = frozenset({str, int, float, bool, type(None)})
_encode_text = json.encoder.encode_basestring  # what the encoder does with a str (ensure_ascii off)


def _dump_all(items: list[dict], *, skip: Collection[str] = ()) -> list[str]:
    """`_dump` of each dict without the keys in `skip`, the same text, cheaper in bulk when the
    dicts share their keys: each column's values are made plain (`_plain`) and encoded once
    per distinct value when they repeat (a batch's dates, unions, genders), each by the C
    string encoder otherwise, and every entry is one fill of a template of the sorted keys
    (what `sort_keys` does to each dict anyway)."""
    if not items or any(d.keys() != items[0].keys() for d in items):
        return [_dump({k: v for k, v in d.items() if k not in skip}) for d in items]
    return _dump_columns({key: [d[key] for d in items] for key in items[0] if key not in skip})


def _dump_columns(columns: dict[str, list]) -> list[str]:
    """`_dump` of each row of `columns` (name → the rows' values), as `_dump_all` makes it."""
    keys = sorted(columns)
    encoded = [_encoded(columns[key]) for key in keys]
    template = "{" + ", ".join(_ENCODER.encode(k).replace("%", "%%") + ": %s"
                               for k in keys) + "}"
    return [template % values for values in zip(*encoded)]


def _encoded(column: list) -> list[str]:
    """Each value of a column as the JSON text `_dump` writes for it: a column of texts that
    seldom repeat (names, ID numbers) by the C string encoder value by value, any other once
    per distinct value."""
    if set(map(type, column)) == {str}:
        distinct = dict.fromkeys(column)
        if 2 * len(distinct) >= len(column):
            return list(map(_encode_text, column))
        text = {v: _encode_text(v) for v in distinct}
        return list(map(text.__getitem__, column))
    return each_once(column, _encode_one)


def _encode_one(value) -> str:
    if type(value) is date:  # the commonest value JSON cannot hold: its text needs no escape
        return f'"{value.isoformat()}"'
    return _ENCODER.encode(value if type(value) in _JSON_NATIVE else _plain(value))


def each_once(values: list, fn) -> list:
    """`[fn(v) for v in values]`, `fn` called once per distinct (type, value): a batch's rows
    share their timestamps, dates, enums and unions. True, 1 and 1.0 are told apart."""
    try:
        if len(set(map(type, values))) == 1:
            done = {v: fn(v) for v in dict.fromkeys(values)}
            return list(map(done.__getitem__, values))
        typed = list(zip(map(type, values), values))
        done = {k: fn(k[1]) for k in dict.fromkeys(typed)}
        return list(map(done.__getitem__, typed))
    except TypeError:  # an unhashable value (a photo's plain form is a dict)
        return [fn(v) for v in values]


def record_fields(obj: RecordBase) -> dict:
    skip = _not_audited(type(obj))
    return {c.key: getattr(obj, c.key) for c in sa.inspect(obj).mapper.column_attrs
            if c.key not in skip}


_NOT_AUDITED = frozenset({"created_at", "updated_at"})


def _not_audited(model: type) -> frozenset[str]:
    """Fields never written into an audit entry: the timestamps, and what a model names in
    `__audit_exclude__` (an account's password hash; a member's search keys, which every write
    makes again from its name)."""
    return _NOT_AUDITED | frozenset(getattr(model, "__audit_exclude__", ()))


def not_audited(table_name: str) -> frozenset[str]:
    """`_not_audited` of the model whose table is `table_name`: the bulk writers name a table,
    and leave out what the ORM hook leaves out."""
    for mapper in RecordBase._sa_registry.mappers:
        if mapper.local_table.name == table_name:
            return _not_audited(mapper.class_)
    return _NOT_AUDITED


def _before_flush(session, _flush_context, _instances) -> None:
    actor = session.info.get("actor", "")
    township = session.info.get("township", "")
    entries: list[AuditEntry] = []
    for obj in list(session.deleted):
        if isinstance(obj, RecordBase):
            raise RuntimeError(f"{obj.__tablename__} 的记录不能物理删除，请使用作废/注销")
    for obj in list(session.new):
        if isinstance(obj, AuditEntry) or not isinstance(obj, RecordBase):
            continue
        if not obj.township:
            obj.township = township
        entries.append(AuditEntry(actor=actor, township=obj.township, table_name=obj.__tablename__,
                                  record_id=obj.id, action="insert", after=_dump(record_fields(obj))))
    for obj in list(session.dirty):
        if not isinstance(obj, RecordBase) or isinstance(obj, AuditEntry):
            continue
        state = sa.inspect(obj)
        before, after, skip = {}, {}, _not_audited(type(obj))
        for attr in state.mapper.column_attrs:
            if attr.key in skip:
                continue
            hist = state.attrs[attr.key].history
            if hist.added and hist.deleted and hist.added[0] == hist.deleted[0]:
                continue
            if hist.added:
                before[attr.key] = hist.deleted[0] if hist.deleted else None
                after[attr.key] = hist.added[0]
        if not after:
            continue
        obj.updated_at = utcnow()
        action = "update"
        if "deleted_at" in after:
            action = "tombstone" if after["deleted_at"] is not None else "restore"
        entries.append(AuditEntry(actor=actor, township=obj.township, table_name=obj.__tablename__,
                                  record_id=obj.id, action=action,
                                  before=_dump(before), after=_dump(after)))
    session.add_all(entries)


def install(session_class) -> None:
    """Attach the audit hook to a Session class, once, for good (db.AppSession at import).

    Never to a sessionmaker or a class made per database: SQLAlchemy's event registry keys a
    listener by id(target) and keeps the key after such a target is freed, so a later one that
    reuses the id was taken for already hooked — `event.contains` said yes and `event.listen`
    stored nothing: about one database in forty opened in a process got no audit hook (no audit
    rows, no township code on new rows). A class that lives as long as the process is safe."""
    if not event.contains(session_class, "before_flush", _before_flush):
        event.listen(session_class, "before_flush", _before_flush)


def record_bulk(session, *, table_name: str, rows: list[dict], action: str = "insert",
                before: list[dict] | None = None) -> None:
    """Audit rows written by a Core bulk statement (imports, demo data), in the same transaction.

    For updates, `rows` hold the id and the changed fields after, `before` the same fields before.
    """
    if not rows:
        return
    skip = not_audited(table_name)
    township = session.info.get("township", "")
    _record(session, table_name=table_name, action=action, ids=[r["id"] for r in rows],
            townships=[r.get("township", township) for r in rows],
            afters=_dump_all(rows, skip=skip if action == "insert" else skip | {"id"}),
            befores=None if before is None else _dump_all(before, skip=skip))


def _record(session, *, table_name: str, action: str, ids: list[str], townships: list[str],
            afters: list[str], befores: list[str] | None) -> None:
    count = len(ids)
    now = utcnow()
    insert_columns(session, AuditEntry.__table__, count, {
        "id": new_ids(count), "township": townships, "created_at": [now] * count,
        "updated_at": [now] * count, "actor": [session.info.get("actor", "")] * count,
        "table_name": [table_name] * count, "record_id": ids, "action": [action] * count,
        "before": [None] * count if befores is None else befores, "after": afters})


def insert_bulk(session, model, rows: list[dict]) -> None:
    """Insert `rows` (dicts of the model's columns, all with the same keys) into the model's
    table in multi-row INSERTs (`execute_many`) — no ORM bookkeeping per row — and their
    audit entries the same way, in the session's transaction. Imports and other bulk writes
    go through here."""
    if not rows:
        return
    execute_many(session, model.__table__, rows)
    record_bulk(session, table_name=model.__tablename__, rows=rows)


def insert_bulk_columns(session, model, count: int, columns: dict[str, list]) -> None:
    """`insert_bulk` of `count` rows given column by column (name → the rows' values, every
    column of the table): a writer that has its values as columns makes no dict per row."""
    if not count:
        return
    insert_columns(session, model.__table__, count, columns)
    skip = _not_audited(model)
    _record(session, table_name=model.__tablename__, action="insert", ids=columns["id"],
            townships=columns["township"], befores=None, afters=_dump_columns(
                {k: v for k, v in columns.items() if k not in skip}))


def execute_many(session, table: sa.Table, rows: list[dict]) -> None:
    """INSERT `rows` (dicts by column name, all with the same keys) into `table` in the
    session's transaction, as SQLAlchemy would write them but cheaper in bulk:

    - each value is converted by its column type's own bind processor for the session's
      dialect, once per distinct value and column (SQLAlchemy's own path looks every
      parameter of every row up anew: 0.16 s of a 10,000-member import);
    - the rows go as multi-row `INSERT … VALUES (…), (…), …` statements of up to the
      dialect's `insertmanyvalues` page (1,000 rows, 32,700 parameters), SQL that every
      engine takes. Row by row, SQLite keeps a statement journal for each row of a table with
      a trigger (member's search trigger, migration 0017): the journal copies every page the
      row touches — the member table and its sixteen indexes — which tripled a
      10,000-member insert.

    A driver that takes named parameters (PostgreSQL's) gets SQLAlchemy's own path, which
    already sends such multi-row statements."""
    insert_columns(session, table, len(rows), {name: [row[name] for row in rows]
                                               for name in rows[0]})


def insert_columns(session, table: sa.Table, count: int, values: dict[str, list]) -> None:
    """`execute_many` of `count` rows given column by column (name → the rows' values), for a
    writer that has its values as columns already (the audit rows of a batch)."""
    conn = session.connection()
    dialect = conn.dialect
    names = list(values)
    statement = table.insert()
    compiled = statement.compile(dialect=dialect, column_keys=names)
    order = list(compiled.positiontup or ())
    head, sql_values, group = str(compiled).rpartition(" VALUES ")
    if (not compiled.positional or sorted(order) != sorted(names) or not sql_values
            or not group.startswith("(")):
        session.execute(statement, [dict(zip(names, row)) for row in zip(*values.values())])
        return
    columns = [values[name] for name in order]
    converted: dict[tuple[int, str], list] = {}  # a list given for two columns of one type
    for j, name in enumerate(order):
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            key = (id(columns[j]), repr(table.c[name].type))  # an Enum's repr names its values
            if key not in converted:
                converted[key] = each_once(columns[j], process)
            columns[j] = converted[key]
    flat = list(itertools.chain.from_iterable(zip(*columns)))
    page = max(1, min(dialect.insertmanyvalues_page_size,
                      dialect.insertmanyvalues_max_parameters // len(order)))
    width = len(order)
    for start in range(0, count, page):
        rows = min(page, count - start)
        conn.exec_driver_sql(f"{head} VALUES {', '.join([group] * rows)}",
                             tuple(flat[start * width:(start + rows) * width]))


def log_action(session, *, table_name: str, record_id: str, action: str,
               detail: dict) -> AuditEntry:
    """An audit row for something that is not a change, e.g. revealing full ID numbers."""
    entry = AuditEntry(actor=session.info.get("actor", ""),
                       township=session.info.get("township", ""), table_name=table_name,
                       record_id=record_id, action=action, after=_dump(detail))
    session.add(entry)
    return entry
