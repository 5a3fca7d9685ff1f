"""Rows read out of a package snapshot and validated through the same table definitions the app
writes with: every column's type, length, nullability and enum values, before any write.

The validators are built from the SQLModel tables (one TypedDict per table, checked by pydantic
in bulk), so a table or column added later is covered without a line here.
"""
from __future__ import annotations

import sqlite3
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import Annotated, Any, Literal, Optional

from typing_extensions import TypedDict

import sqlalchemy as sa
from pydantic import AfterValidator, StringConstraints, TypeAdapter, ValidationError
from sqlmodel import SQLModel

import union_desk.models  # noqa: F401  (registers every table)
from union_desk.models.base import UTCDateTime
from union_desk.services.errors import UserError
from union_desk.services.exchange.snapshot import NOT_MERGED_TABLES


def merged_tables() -> list[sa.Table]:
    """The township tables the city merges, parents before children (foreign keys)."""
    return [t for t in SQLModel.metadata.sorted_tables if t.name not in NOT_MERGED_TABLES]


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None \
        else value.astimezone(timezone.utc)


def _python_type(column: sa.Column) -> Any:
    kind = column.type
    if isinstance(kind, sa.types.TypeDecorator) and not isinstance(kind, UTCDateTime):
        kind = kind.impl_instance  # e.g. SQLModel's AutoString is a String underneath
    if isinstance(kind, UTCDateTime):
        base: Any = Annotated[datetime, AfterValidator(_utc)]
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
    fields = {c.name: _python_type(c) for c in table.c}
    return TypeAdapter(list[TypedDict(f"Incoming_{table_name}", fields)])  # type: ignore[misc]


def read_rows(con: sqlite3.Connection, table: sa.Table, *, package: str) -> list[dict]:
    """Every row of `table` in the snapshot, validated; a bad row refuses the whole package."""
    present = [r[1] for r in con.execute(f'PRAGMA table_info("{table.name}")')]
    expected = [c.name for c in table.c]
    if set(present) != set(expected):
        missing = sorted(set(expected) - set(present))
        extra = sorted(set(present) - set(expected))
        raise UserError(f"{package}：表 {table.name} 的结构与本程序不符"
                        f"（缺少 {missing or '无'}，多出 {extra or '无'}）")
    cursor = con.execute(f'SELECT {", ".join(f"{c!r}" for c in expected)} FROM "{table.name}"'
                         .replace("'", '"'))
    raw = [dict(zip(expected, row)) for row in cursor]
    try:
        return validator(table.name).validate_python(raw)
    except ValidationError as err:
        first = err.errors()[0]
        index = first["loc"][0] if first["loc"] else 0
        row_id = raw[index].get("id") if isinstance(index, int) and index < len(raw) else "?"
        field = ".".join(str(p) for p in first["loc"][1:])
        raise UserError(f"{package}：表 {table.name} 的记录 {row_id} 字段 {field} 不合格"
                        f"（{first['msg']}），整个数据包未合并") from None
