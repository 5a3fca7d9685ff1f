"""At the city office the townships' records are read-only: only a township's own newer package
changes them (the merge writes through Core). Any ORM change to a township table — a form saved
in a working tab, a status changed — is refused with a message, before anything is written; the
city's own tables (merge history, review queue, keys, settings, audit) and the installation's
local tables (the clerk accounts: four eyes work at the city office too) stay writable."""
from __future__ import annotations

from sqlmodel import SQLModel

import union_desk.models  # noqa: F401  (registers every table)
from union_desk.models.base import RecordBase, local_tables
from union_desk.models.exchange import EXCHANGE_TABLES
from union_desk.services.errors import UserError

CITY_TABLES = frozenset((*EXCHANGE_TABLES, "setting", "audit_entry",
                         *local_tables(SQLModel.metadata)))
READ_ONLY = "这是市总工会的数据库：乡镇的记录只读，由乡镇修改后重新报送数据包"


def _refuse_township_changes(session, _flush_context, _instances) -> None:
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, RecordBase) and obj.__tablename__ not in CITY_TABLES:
            raise UserError(READ_ONLY)


def protect_township_records(db) -> None:
    """Install the guard on a city database's sessions (a township's is left alone)."""
    if db.context.city:
        db.guard_flushes(_refuse_township_changes)
