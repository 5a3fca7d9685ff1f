"""Rows read out of a package snapshot and validated, in the very form SQLite stores them, through
the same table definitions the app writes with: every column's type, length, nullability and
enum values, before any write.

The validators are built from the SQLModel tables (a tuple schema per table, checked by
pydantic-core in bulk and in strict mode), so a table or column added later is covered without a
line here. Strict, and in the stored form, because the rows are written as they were read: a
date is `YYYY-MM-DD` text of a real day, a timestamp the exact text the app stores (UTC, to the
microsecond), a boolean 0 or 1, a number a number — never a string that merely converts to one.

Two reads per table: `read_keys` (rowid, id and updated_at of every row: cheap, to decide what
the city lacks; the township of every row is checked in SQL) and `read_rows` (whole rows,
validated, only those to be written). A row not written is not validated: a malformed id or
timestamp makes it look new or newer, and so brings it to `read_rows`.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any, Literal, Optional, Sequence

import sqlalchemy as sa
from pydantic import StringConstraints, TypeAdapter, ValidationError
from sqlmodel import SQLModel

import union_desk.models  # noqa: F401  (registers every table)
from union_desk.models.base import UTCDateTime
from union_desk.services.errors import UserError
from union_desk.services.exchange.snapshot import NOT_MERGED_TABLES

_YEAR = r"(?:000[1-9]|00[1-9]\d|0[1-9]\d{2}|[1-9]\d{3})"
_LEAP_YEAR = r"(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
# a real calendar day (Gregorian, years 1–9999: what Python's date holds), as ISO text
_DAY = (rf"(?:{_YEAR}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-"
        rf"(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))|{_LEAP_YEAR}-02-29)")
STORED_DATE = rf"^{_DAY}$"
# how SQLAlchemy's SQLite DateTime stores a timestamp (UTCDateTime: UTC, no zone); checked as
# text, so the city compares and keeps timestamps exactly as the township wrote them
STORED_TIMESTAMP = rf"^{_DAY} (?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{{6}}$"
CHUNK = 500  # rowids per `IN (…)` when only some rows are read whole


def merged_tables() -> list[sa.Table]:
    """The township tables the city merges, parents before children (foreign keys)."""
    return [t for t in SQLModel.metadata.sorted_tables if t.name not in NOT_MERGED_TABLES]


def _stored_type(column: sa.Column) -> Any:
    kind = column.type
    if isinstance(kind, sa.types.TypeDecorator) and not isinstance(kind, UTCDateTime):
        kind = kind.impl_instance  # e.g. SQLModel's AutoString is a String underneath
    if isinstance(kind, UTCDateTime):
        base: Any = Annotated[str, StringConstraints(pattern=STORED_TIMESTAMP)]
    elif isinstance(kind, sa.Enum):
        base = Literal[tuple(kind.enums)]
    elif isinstance(kind, sa.String):
        base = Annotated[str, StringConstraints(max_length=kind.length)] if kind.length else str
    elif isinstance(kind, sa.Boolean):
        base = Literal[0, 1]
    elif isinstance(kind, sa.Integer):
        base = int
    elif isinstance(kind, sa.Float):
        base = float
    elif isinstance(kind, sa.Date):
        base = Annotated[str, StringConstraints(pattern=STORED_DATE)]
    elif isinstance(kind, sa.LargeBinary):
        base = bytes
    else:  # a column type this module was not taught: refuse rather than pass it unchecked
        raise TypeError(f"no validator for {column.table.name}.{column.name}: {kind!r}")
    return Optional[base] if column.nullable else base


@lru_cache(maxsize=None)
def validator(table_name: str) -> TypeAdapter:
    """Rows of `table_name` (all its columns, in order) in the stored form."""
    table = SQLModel.metadata.tables[table_name]
    return TypeAdapter(list[tuple[tuple(_stored_type(c) for c in table.c)]])  # type: ignore[misc]


@dataclass
class Keys:
    """What identifies each row of one table in a package: sqlite rowid, id, updated_at (as
    stored) — for every row, read without the rest of the row."""

    table: sa.Table
    rows: list[tuple[int, Any, Any]]


@dataclass
class Incoming:
    """Rows of one table to be written, as stored, in the table's column order."""

    table: sa.Table
    rows: list[tuple]

    def __post_init__(self) -> None:
        self.index = {c.name: i for i, c in enumerate(self.table.c)}


def check_structure(con: sqlite3.Connection, table: sa.Table, *, package: str) -> None:
    present = [r[1] for r in con.execute(f'PRAGMA table_info("{table.name}")')]
    expected = [c.name for c in table.c]
    if set(present) != set(expected):
        missing = sorted(set(expected) - set(present))
        extra = sorted(set(present) - set(expected))
        raise UserError(f"{package}：表 {table.name} 的结构与本程序不符"
                        f"（缺少 {missing or '无'}，多出 {extra or '无'}）")


def read_keys(con: sqlite3.Connection, table: sa.Table, *, package: str) -> Keys:
    """Every row's rowid, id and updated_at (the rest is read only for rows the city will
    write)."""
    check_structure(con, table, package=package)
    rows = con.execute(f'SELECT rowid, id, updated_at FROM "{table.name}" ORDER BY rowid')
    return Keys(table=table, rows=rows.fetchall())


def foreign_row(con: sqlite3.Connection, table: sa.Table, township: str) -> tuple | None:
    """(id, township) of a row of `table` that is not `township`'s, if there is one."""
    return con.execute(f'SELECT id, township FROM "{table.name}" WHERE township IS NOT ? '
                       "LIMIT 1", (township,)).fetchone()


def read_rows(con: sqlite3.Connection, table: sa.Table, *, package: str,
              rowids: Sequence[int] | None = None) -> Incoming:
    """Whole rows of `table` in the snapshot (all, or those of `rowids`), validated; a bad row
    refuses the whole package."""
    names = [c.name for c in table.c]
    quoted = ", ".join(f'"{c}"' for c in names)
    select = f'SELECT {quoted} FROM "{table.name}"'
    if rowids is None:
        rows = con.execute(select + " ORDER BY rowid").fetchall()
    else:
        rows = []
        for start in range(0, len(rowids), CHUNK):
            part = rowids[start:start + CHUNK]
            rows += con.execute(f"{select} WHERE rowid IN ({', '.join('?' * len(part))}) "
                                "ORDER BY rowid", part).fetchall()
    _validate(table, rows, package)
    return Incoming(table=table, rows=rows)


def _validate(table: sa.Table, rows: list, package: str) -> None:
    try:
        validator(table.name).validate_python(rows, strict=True)
    except ValidationError as err:
        first = err.errors()[0]
        loc = first["loc"]
        names = [c.name for c in table.c]
        at = loc[0] if loc and isinstance(loc[0], int) and loc[0] < len(rows) else None
        field = names[loc[1]] if len(loc) > 1 and isinstance(loc[1], int) else "?"
        row_id = rows[at][names.index("id")] if at is not None else "?"
        raise UserError(f"{package}：表 {table.name} 的记录 {row_id} 字段 {field} "
                        f"不合格（{first['msg']}），整个数据包未合并") from None
