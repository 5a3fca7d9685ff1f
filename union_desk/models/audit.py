"""Audit trail: one row per insert, update, tombstone or reveal of a record."""
from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, time
from enum import Enum

import sqlalchemy as sa
from sqlalchemy import event
from sqlmodel import Field

from union_desk.models.base import RecordBase, new_id, utcnow


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


def _dump(data: dict) -> str:
    """The fields as JSON; values JSON cannot hold (dates, enums, bytes) through `_plain` — only
    those: the encoder asks for them, so a bulk import does not pay a Python call per value."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=_unknown)


def record_fields(obj: RecordBase) -> dict:
    skip = _not_audited(obj)
    return {c.key: getattr(obj, c.key) for c in sa.inspect(obj).mapper.column_attrs
            if c.key not in skip}


_NOT_AUDITED = {"created_at", "updated_at"}


def _not_audited(obj) -> set[str]:
    """Fields never written into an audit entry: the timestamps, and what a table names in
    `__audit_exclude__` (an account's password hash)."""
    return _NOT_AUDITED | set(getattr(type(obj), "__audit_exclude__", ()))


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
        before, after, skip = {}, {}, _not_audited(obj)
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
    actor = session.info.get("actor", "")
    township = session.info.get("township", "")
    now = utcnow()
    befores = before or [None] * len(rows)
    skip = _NOT_AUDITED if action == "insert" else _NOT_AUDITED | {"id"}
    session.execute(sa.insert(AuditEntry), [
        {"id": new_id(), "township": r.get("township", township), "created_at": now,
         "updated_at": now, "actor": actor, "table_name": table_name, "record_id": r["id"],
         "action": action, "before": None if b is None else _dump(b),
         "after": _dump({k: v for k, v in r.items() if k not in skip})}
        for r, b in zip(rows, befores)
    ])


def log_action(session, *, table_name: str, record_id: str, action: str,
               detail: dict) -> AuditEntry:
    """An audit row for something that is not a change, e.g. revealing full ID numbers."""
    entry = AuditEntry(actor=session.info.get("actor", ""),
                       township=session.info.get("township", ""), table_name=table_name,
                       record_id=record_id, action=action, after=_dump(detail))
    session.add(entry)
    return entry
