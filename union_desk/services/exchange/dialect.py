"""The one place the merge depends on the database engine: the upsert statement.

SQLite and PostgreSQL both spell it `INSERT … ON CONFLICT (id) DO UPDATE SET … WHERE …`, and
SQLAlchemy has a twin construct in each dialect; this helper picks the one for the connection.
"""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def dialect_insert(table: sa.Table, dialect_name: str):
    try:
        return _INSERTS[dialect_name](table)
    except KeyError:
        raise NotImplementedError(f"no upsert for the {dialect_name} dialect") from None


def upsert_newer(table: sa.Table, dialect_name: str):
    """Insert a row, or replace the row with its id only when the incoming `updated_at` is newer
    and the row belongs to the same township (a package never takes over another's row)."""
    ins = dialect_insert(table, dialect_name)
    new = ins.excluded
    return ins.on_conflict_do_update(
        index_elements=[table.c.id],
        set_={c.name: new[c.name] for c in table.c if c.name != "id"},
        where=sa.and_(table.c.updated_at < new.updated_at, table.c.township == new.township))


def insert_ignoring(table: sa.Table, dialect_name: str, *conflict_columns: str):
    """Insert unless a row with the same values in `conflict_columns` exists."""
    return dialect_insert(table, dialect_name).on_conflict_do_nothing(
        index_elements=[table.c[c] for c in conflict_columns])
