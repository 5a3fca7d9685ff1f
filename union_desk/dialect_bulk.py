"""Where SQLite and PostgreSQL differ in making a bulk write fast (imports, a township's package
merged, generated demo data); tests on both.

- `bulk_write_cache(conn, kib)`: SQLite's page cache and checkpoint while a connection writes in
  bulk, given back on its return to the pool (`give_back_bulk`, called by `db._make_engine`).
- `indexes_deferred(session, table)`: the table's indexes made once at the end, one sort each.
- `foreign_keys_deferred(session, table)`: PostgreSQL's foreign keys checked once at the end.

The digits index has its own, `search_sql.search_index_deferred`; what every bulk writer of the
services shares is `services.common.bulk`.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import sqlalchemy as sa

from union_desk.dialect import as_table, dialect_name

BULK_CACHE_KIB = 128 * 1024


CACHE_GIVEN_BACK = "cache_size_given_back"  # the connection's own page cache, for its checkin
CHECKPOINT_GIVEN_BACK = "wal_autocheckpoint_given_back"  # and its own checkpoint threshold


@contextmanager
def bulk_write_cache(conn, kib: int = BULK_CACHE_KIB) -> Iterator[None]:
    """SQLite: a connection's settings while it writes in bulk, until its transaction ends
    (COMMIT included); it gets its own back when it returns to the pool (`give_back_bulk`,
    called by `db._make_engine` on checkin).

    - A page cache of `kib` KiB (128 MB by default; the indexes of a city database outgrow the
      default and every insert then re-reads B-tree pages: measured 1.5× faster merges).
      Shrunk before the COMMIT, the cache had to spill the bulk's dirty pages (a
      100,000-member import: +0.8 s). SQLite takes the memory as pages are used.
    - No checkpoint at its COMMIT (`wal_autocheckpoint` 0): by default the connection whose
      commit takes the write-ahead log past 1,000 pages copies the whole log into the file
      before its COMMIT returns — a 10,000-member import waited 0.06 s for it, 100,000 members
      0.5 s. The checkpoint is owed instead, and the Database runs it on a thread of its own
      once the connection is back (`Database.checkpoint_soon`).

    A server manages its own buffers and log."""
    if dialect_name(conn) != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    info = conn.connection.info
    info.setdefault(CACHE_GIVEN_BACK, int(before))
    if CHECKPOINT_GIVEN_BACK not in info:
        info[CHECKPOINT_GIVEN_BACK] = int(
            conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar_one())
        conn.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")
    if -int(kib) < int(before):  # (negative: KiB) never smaller than a block around it asked for
        conn.exec_driver_sql(f"PRAGMA cache_size = -{int(kib)}")
    yield


def give_back_bulk(dbapi_conn, info: dict) -> bool:
    """On a SQLite connection's return to the pool: its own page cache size and checkpoint
    threshold again, after a bulk write (`bulk_write_cache`). True when that bulk write left a
    checkpoint owed."""
    cache = info.pop(CACHE_GIVEN_BACK, None)
    checkpoint = info.pop(CHECKPOINT_GIVEN_BACK, None)
    if dbapi_conn is not None:
        if cache is not None:
            dbapi_conn.execute(f"PRAGMA cache_size = {cache}")
        if checkpoint is not None:
            dbapi_conn.execute(f"PRAGMA wal_autocheckpoint = {checkpoint}")
    return checkpoint is not None


# -- indexes and foreign keys made once at the end ----------------------------------------------

_INDEX_DEFINITIONS = {
    "sqlite": "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :t "
              "AND sql IS NOT NULL",  # not the automatic ones of PRIMARY KEY and UNIQUE
    "postgresql": "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = :t "
                  "AND indexname NOT IN (SELECT conname FROM pg_constraint "
                  "WHERE conrelid = CAST(:t AS regclass))",
}


def _may_alter(conn, name: str) -> bool:
    """Whether this connection may drop and make a table's indexes and constraints: on
    PostgreSQL only its owner (a city database's working role may not change the schema: its
    rows then go in the ordinary way); SQLite has no such rights."""
    if dialect_name(conn) != "postgresql":
        return True
    return conn.execute(sa.text("SELECT pg_has_role(relowner, 'USAGE') FROM pg_class "
                                "WHERE oid = CAST(:t AS regclass)"), {"t": name}).scalar_one()


@contextmanager
def indexes_deferred(session, table) -> Iterator[None]:
    """Inside this block, rows go into `table` without its indexes, which are then made again
    from their own stored definitions — one sort each instead of a B-tree insert per row (a
    million rows: several times faster). A sparse partial index (`models.base.partial_index`)
    stays: a row outside it costs a test, where making it again would scan every row. In the
    caller's transaction, so a failure leaves the indexes as they were; a unique index made
    again refuses duplicates as it would have. On PostgreSQL only for the table's owner
    (`_may_alter`): anyone else's rows meet the indexes."""
    conn, name = session.connection(), as_table(table).name
    if not _may_alter(conn, name):
        yield
        return
    kept = {index.name for index in as_table(table).indexes if index.info.get("sparse")}
    definitions = [(index, sql) for index, sql in conn.execute(
        sa.text(_INDEX_DEFINITIONS[dialect_name(session)]), {"t": name}) if index not in kept]
    for index, _sql in definitions:
        conn.exec_driver_sql(f'DROP INDEX "{index}"')
    yield
    with _sort_memory(conn):
        for _index, sql in definitions:
            conn.exec_driver_sql(sql)


@contextmanager
def foreign_keys_deferred(session, table) -> Iterator[None]:
    """PostgreSQL: inside this block, rows go into `table` without its foreign keys' checks (a
    trigger a row: a quarter of the COPY's time at 300,000 members), which are then made again
    from their own definitions, each checking every row at once (one join). Only for the table's
    owner (who alone may alter it); anyone else's rows are checked one by one as usual. In the
    caller's transaction: a failure, or a row without its parent, leaves the table as it was.
    SQLite checks a foreign key by an index look-up and cannot drop one: nothing."""
    conn, name = session.connection(), as_table(table).name
    if dialect_name(session) != "postgresql" or not _may_alter(conn, name):
        yield
        return
    keys = conn.execute(sa.text(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' "
        "AND conrelid = CAST(:t AS regclass) ORDER BY conname"), {"t": name}).all()
    for key, _definition in keys:
        conn.exec_driver_sql(f'ALTER TABLE "{name}" DROP CONSTRAINT "{key}"')
    yield
    for key, definition in keys:
        conn.exec_driver_sql(f'ALTER TABLE "{name}" ADD CONSTRAINT "{key}" {definition}')


SORT_MEMORY = "256MB"


@contextmanager
def _sort_memory(conn) -> Iterator[None]:
    """PostgreSQL: the memory an index is built in (maintenance_work_mem, 64 MB by default: a
    million members' wider indexes and the pg_trgm ones then sort or gather on disk) raised to
    SORT_MEMORY for the block, then back. SQLite sorts in its page cache (`bulk_write_cache`)."""
    if dialect_name(conn) != "postgresql":
        yield
        return
    before = conn.exec_driver_sql("SELECT current_setting('maintenance_work_mem')").scalar_one()
    conn.exec_driver_sql(f"SELECT set_config('maintenance_work_mem', '{SORT_MEMORY}', true)")
    yield  # on an error the transaction is rolled back, and the setting (LOCAL) with it
    conn.execute(sa.text("SELECT set_config('maintenance_work_mem', :was, true)"),
                 {"was": before})
