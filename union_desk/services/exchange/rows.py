"""Rows read out of a package snapshot and validated through the same table definitions the app
writes with: every column's type, length, nullability and enum values, before any write.

The validators are built from the SQLModel tables (a tuple schema per table, checked by
pydantic-core in bulk), so a table or column added later is covered without a line here.
Timestamps must also be in the exact text form the app stores (so the city can compare them as
stored, and read them back).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Annotated, Any, Literal, Optional

import sqlalchemy as sa
from pydantic import StringConstraints, TypeAdapter, ValidationError
from sqlmodel import SQLModel

import union_desk.models  # noqa: F401  (registers every table)
from union_desk.models.base import UTCDateTime
from union_desk.services.errors import UserError
from union_desk.services.exchange.snapshot import NOT_MERGED_TABLES

# how SQLAlchemy's SQLite DateTime stores a timestamp (UTCDateTime: UTC, no zone); checked as
# text, so the city compares and keeps timestamps exactly as the township wrote them
STORED_TIMESTAMP = (r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) "
                    r"([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}$")


def merged_tables() -> list[sa.Table]:
    """The township tables the city merges, parents before children (foreign keys)."""
    return [t for t in SQLModel.metadata.sorted_tables if t.name not in NOT_MERGED_TABLES]


def _python_type(column: sa.Column) -> Any:
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
        base = bool
    elif isinstance(kind, sa.Integer):
        base = int
    elif isinstance(kind, sa.Float):
        base = float
    elif isinstance(kind, sa.Date):
        base = date
    elif isinstance(kind, sa.LargeBinary):
        base = bytes
    else:  # a column type this module was not taught: refuse rather than pass it unchecked
        raise TypeError(f"no validator for {column.table.name}.{column.name}: {kind!r}")
    return Optional[base] if column.nullable else base


@lru_cache(maxsize=None)
def validator(table_name: str) -> TypeAdapter:
    table = SQLModel.metadata.tables[table_name]
    return TypeAdapter(list[tuple[tuple(_python_type(c) for c in table.c)]])  # type: ignore[misc]


@dataclass
class Incoming:
    """One table's rows from a package: as stored (`raw`, what SQLite writes back unchanged) and
    as validated Python values (`typed`; timestamps stay text), both in the column order."""

    table: sa.Table
    raw: list[tuple]
    typed: list[tuple]

    def __post_init__(self) -> None:
        self.index = {c.name: i for i, c in enumerate(self.table.c)}

    def column(self, name: str, *, raw: bool = False) -> list:
        at = self.index[name]
        return [r[at] for r in (self.raw if raw else self.typed)]


def read_rows(con: sqlite3.Connection, table: sa.Table, *, package: str) -> Incoming:
    """Every row of `table` in the snapshot, validated; a bad row refuses the whole package."""
    present = [r[1] for r in con.execute(f'PRAGMA table_info("{table.name}")')]
    expected = [c.name for c in table.c]
    if set(present) != set(expected):
        missing = sorted(set(expected) - set(present))
        extra = sorted(set(present) - set(expected))
        raise UserError(f"{package}：表 {table.name} 的结构与本程序不符"
                        f"（缺少 {missing or '无'}，多出 {extra or '无'}）")
    columns = ", ".join(f'"{c}"' for c in expected)
    raw = con.execute(f'SELECT {columns} FROM "{table.name}"').fetchall()
    try:
        typed = validator(table.name).validate_python(raw)
    except ValidationError as err:
        first = err.errors()[0]
        loc = first["loc"]
        row = raw[loc[0]] if loc and isinstance(loc[0], int) and loc[0] < len(raw) else None
        field = expected[loc[1]] if len(loc) > 1 and isinstance(loc[1], int) else "?"
        row_id = row[expected.index("id")] if row else "?"
        raise UserError(f"{package}：表 {table.name} 的记录 {row_id} 字段 {field} "
                        f"不合格（{first['msg']}），整个数据包未合并") from None
    return Incoming(table=table, raw=raw, typed=typed)
