"""What every table row carries: UUID key, township, timestamps, tombstone."""
from __future__ import annotations

import os
import threading
import time
from datetime import datetime, timezone

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def new_id() -> str:
    return new_ids(1)[0]


class _TimeOrderedIds:
    """UUID version 7 (RFC 9562 §5.7), as 32 hex digits like every id before it: 48 bits of
    Unix time in milliseconds, then a counter (§6.2, method 1: `rand_a`'s 12 bits fixed per
    millisecond, `rand_b`'s 62 bits counting up from a random start in their lower half), so
    the ids one process makes sort in the order it made them, and each index on an id (primary
    keys, foreign keys, the audit trail's record_id) takes a new row at its end instead of on a
    random page (issue 11: a bulk import into a large table). Collisions across installations
    are as unlikely as with version 4 (74 random bits a millisecond). The clock going back
    never makes an id smaller: the last millisecond used is kept."""

    _B = 62

    def __init__(self) -> None:
        self.forget()
        os.register_at_fork(after_in_child=self.forget)  # a child process starts its own run

    def forget(self) -> None:
        self._lock = threading.Lock()
        self._ms = -1
        self._prefix = ""
        self._next_b = 0

    def take(self, count: int) -> list[str]:
        with self._lock:
            ms = max(time.time_ns() // 1_000_000, self._ms)
            if ms != self._ms or self._next_b + count >= 1 << self._B:
                if ms == self._ms:
                    ms += 1  # the counter ran out within the millisecond: borrow the next one
                random_bits = int.from_bytes(os.urandom(10), "big")
                rand_a = random_bits >> 68 & 0xFFF
                self._ms, self._next_b = ms, random_bits & ((1 << (self._B - 1)) - 1)
                self._prefix = f"{ms & (1 << 48) - 1:012x}7{rand_a:03x}"
            start, self._next_b = self._next_b, self._next_b + count
            prefix = self._prefix
        variant = 0b10 << self._B  # RFC 4122 / 9562 variant
        return [f"{prefix}{variant | b:016x}" for b in range(start, start + count)]


_IDS = _TimeOrderedIds()


def new_ids(count: int) -> list[str]:
    """`count` ids as `new_id` makes them (time-ordered UUID version 7, 32 hex digits) in one
    step: a bulk write needs tens of thousands. Ids made earlier by older versions are random
    UUID version 4 in the same form; nothing reads meaning into an id (it is a key, compared
    for equality; where a list needs an order it says so by other columns)."""
    return _IDS.take(count) if count > 0 else []


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


def partial_index(name: str, *columns, where: str, unique: bool = True,
                  sparse: bool = False) -> sa.Index:
    """An index over the rows matching `where` only (e.g. live rows: "deleted_at IS NULL"), the
    same on SQLite and PostgreSQL. `sparse`: `where` holds for few of the table's rows, so a
    bulk insert keeps the index (a test of `where` a row) instead of making it again at the end
    (a scan of the whole table: `dialect_bulk.indexes_deferred`)."""
    clause = sa.text(where)
    return sa.Index(name, *columns, unique=unique, sqlite_where=clause, postgresql_where=clause,
                    info={"sparse": sparse})


def synchronised_tables(metadata: sa.MetaData) -> list[sa.Table]:
    """The tables whose rows may leave this laptop (e.g. in a city package), in dependency order.
    A table says `info={"synchronised": False}` in its `__table_args__` to stay home (the
    accounts table: password hashes)."""
    return [t for t in metadata.sorted_tables if t.info.get("synchronised", True)]


def local_tables(metadata: sa.MetaData) -> tuple[str, ...]:
    """The names of the tables that stay on this installation (the complement of
    `synchronised_tables`): never in a package, and the installation's own at the city too."""
    return tuple(t.name for t in metadata.sorted_tables if not t.info.get("synchronised", True))
