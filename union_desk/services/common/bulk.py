"""Writing many rows at once (imports, generated demo data): what every bulk writer shares.

- `collector_paused()`: Python's cycle collector off for the block. A bulk write makes hundreds
  of thousands of small objects (row dicts, tuples) that stay alive until it ends; the collector
  would walk every one of them again and again, and everything else the process holds with them
  (a third of the Python time of a million generated members; a tenth of a 10,000-row import
  in a process that holds a window's worth of objects). A job of several steps holds it across
  them (the CLI's check and then import of a roster): switched on between the steps, the
  collector would walk everything the first step keeps for the next once more (the checked rows
  of a 100,000-row roster: 0.1 s).
- `inserts_deferred(session, table, count)`: `count` new rows go into `table` inside the block.
  SQLite's page cache is sized for them (`dialect_bulk.bulk_write_cache`, ROW_CACHE_KIB a row), and
  when they are at least as many as the rows the table holds already, the table's indexes (and
  member's digits index) are made once at the end instead of taking each row on a random page
  (`dialect_bulk.indexes_deferred`, `search_sql.search_index_deferred`). Inside the caller's
  transaction: SQLite's DDL is transactional, so a failure or a cancel leaves the indexes and
  triggers exactly as they were. Only inserts may go into the table inside the block (an update
  would be missed by the digits index). A server (PostgreSQL, with other clerks working) keeps
  its indexes and its own buffers.
"""
from __future__ import annotations

import gc
from contextlib import ExitStack, contextmanager
from typing import Iterator

import sqlalchemy as sa

from union_desk.dialect import as_table, dialect_name
from union_desk.dialect_bulk import BULK_CACHE_KIB, bulk_write_cache, indexes_deferred
from union_desk.search_sql import search_index_deferred


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off while the block runs, back as it was afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


# what a new member costs in pages with its history event, their audit entries and the indexes
# (27.6 MB for 10,000 members): the page cache of a bulk insert is sized for all of it, so
# nothing written is pushed out to the file and read back before the commit (a 100,000-member
# import: 0.5 s of 4.1 s with the 128 MB cache)
ROW_CACHE_KIB = 3
MAX_CACHE_KIB = 768 * 1024


def cache_kib(count: int) -> int:
    """SQLite's page cache for a bulk insert of `count` rows (kibibytes)."""
    return min(MAX_CACHE_KIB, max(BULK_CACHE_KIB, count * ROW_CACHE_KIB))


@contextmanager
def inserts_deferred(session, table, count: int) -> Iterator[bool]:
    """See the module's doc; yields whether the indexes were deferred."""
    table = as_table(table)
    with ExitStack() as stack:
        if count > 0:
            stack.enter_context(bulk_write_cache(session.connection(), kib=cache_kib(count)))
        deferred = count > 0 and dialect_name(session) == "sqlite" and count >= session.execute(
            sa.select(sa.func.count()).select_from(table)).scalar_one()
        if deferred:
            stack.enter_context(indexes_deferred(session, table))
            if table.name == "member":
                stack.enter_context(search_index_deferred(session))
        yield deferred
