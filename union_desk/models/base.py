"""What every table row carries: UUID key, township, timestamps, tombstone."""
from __future__ import annotations

import os
import uuid
from datetime import datetime, timezone

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def new_id() -> str:
    return uuid.uuid4().hex


def new_ids(count: int) -> list[str]:
    """`count` ids as `new_id` makes them (random UUID version 4, 32 hex digits) from one read
    of the system's random source: a bulk write needs tens of thousands."""
    raw = bytearray(os.urandom(16 * count))
    raw[6::16] = bytes(b & 0x0F | 0x40 for b in raw[6::16])  # version 4
    raw[8::16] = bytes(b & 0x3F | 0x80 for b in raw[8::16])  # RFC 4122 variant
    text = raw.hex()
    return [text[i:i + 32] for i in range(0, 32 * count, 32)]


class UTCDateTime(TypeDecorator):
    """Stores UTC as naive ISO text in SQLite; always hands back aware UTC datetimes."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return None if value is None else value.replace(tzinfo=timezone.utc)

    def bind_processor(self, dialect):
        """The dialect's conversion after `process_bind_param`, remembering the last value: a
        bulk write stamps thousands of rows with one `utcnow()` object, converted once instead
        of once per row and column (datetimes are immutable, so the same object converts to
        the same value; the pair is replaced whole, so threads never see half of one)."""
        process = super().bind_processor(dialect)
        last = [(None, process(None))]

        def remembered(value):
            seen, converted = last[0]
            if value is not seen:
                converted = process(value)
                last[0] = (value, converted)
            return converted

        return remembered


class RecordBase(SQLModel):
    """Columns shared by every table (see architecture: Data)."""

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    township: str = Field(default="", max_length=8, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime(), nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime(), nullable=False)
    deleted_at: datetime | None = Field(default=None, sa_type=UTCDateTime(), nullable=True)


def enum_type(enum_cls) -> sa.Enum:
    """Store an Enum by its (Chinese) value, as plain text readable outside the app."""
    return sa.Enum(enum_cls, values_callable=lambda e: [m.value for m in e],
                   native_enum=False, length=16, validate_strings=True)


def partial_index(name: str, *columns, where: str, unique: bool = True) -> sa.Index:
    """An index over the rows matching `where` only (e.g. live rows: "deleted_at IS NULL"), the
    same on SQLite and PostgreSQL."""
    clause = sa.text(where)
    return sa.Index(name, *columns, unique=unique, sqlite_where=clause, postgresql_where=clause)


def synchronised_tables(metadata: sa.MetaData) -> list[sa.Table]:
    """The tables whose rows may leave this laptop (e.g. in a city package), in dependency order.
    A table says `info={"synchronised": False}` in its `__table_args__` to stay home (the
    accounts table: password hashes)."""
    return [t for t in metadata.sorted_tables if t.info.get("synchronised", True)]


def local_tables(metadata: sa.MetaData) -> tuple[str, ...]:
    """The names of the tables that stay on this installation (the complement of
    `synchronised_tables`): never in a package, and the installation's own at the city too."""
    return tuple(t.name for t in metadata.sorted_tables if not t.info.get("synchronised", True))
