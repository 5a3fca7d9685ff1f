"""The one place the merge depends on the database engine: the upsert statement and how its rows
are sent.

SQLite and PostgreSQL both spell it `INSERT … ON CONFLICT (id) DO UPDATE SET … WHERE …`, and
SQLAlchemy has a twin construct in each dialect; `upsert_newer` picks the one for the connection.
`execute_upsert` sends the rows: to SQLite as the very values the package stored (same storage
format, no per-value conversion), to any other engine as validated Python values through
SQLAlchemy's usual type handling.
"""
from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from union_desk.dialect import large_page_cache  # noqa: F401  (the merge's page cache)
from union_desk.models.base import UTCDateTime

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


def stores_as_package(conn) -> bool:
    """True when the connection's engine stores values exactly as a package holds them."""
    return conn.dialect.name == "sqlite"


def execute_upsert(conn, table: sa.Table, *, raw: list[tuple], typed: list[tuple]) -> None:
    """Upsert rows given in the table's column order (`raw` as stored, `typed` validated)."""
    _send(conn, table, upsert_newer(table, conn.dialect.name), raw, typed)


def execute_insert(conn, table: sa.Table, *, raw: list[tuple], typed: list[tuple]) -> None:
    """Insert rows the database does not hold yet (an existing id raises IntegrityError)."""
    _send(conn, table, sa.insert(table), raw, typed)


def _send(conn, table: sa.Table, statement, raw: list[tuple], typed: list[tuple]) -> None:
    if not raw:
        return
    if stores_as_package(conn):
        compiled = statement.compile(dialect=conn.dialect,
                                     column_keys=[c.name for c in table.c])
        order = [c.name for c in table.c]
        if not compiled.positional or list(compiled.positiontup) != order:
            raise RuntimeError(f"unexpected parameter order for {table.name}")
        conn.exec_driver_sql(str(compiled), raw)
        return
    names = [c.name for c in table.c]
    stamps = {c.name for c in table.c if isinstance(c.type, UTCDateTime)}
    conn.execute(statement, [
        {n: (parse_stamp(v) if n in stamps and v is not None else v)
         for n, v in zip(names, row)} for row in typed])


def parse_stamp(text: str) -> datetime:
    """A stored UTC timestamp (validated text) as an aware datetime."""
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)
