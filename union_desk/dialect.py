"""The few places where SQLite and PostgreSQL differ, behind one small module (tests on both).

- `upsert(session, table, rows, key=…, newer_than="updated_at", same=…)`: insert rows, or update
  the row already there with the same key when the incoming one is newer (INSERT … ON CONFLICT DO
  UPDATE … WHERE, through each dialect's own `insert()`); `insert_missing` inserts only rows not
  there.
- Rows as a SQLite file stores them (a township's package, read with sqlite3), written in bulk:
  `insert_stored` (rows never seen: SQLite takes the stored values as they are; PostgreSQL gets
  them by COPY) and `upsert_stored` (the newer-only upsert: as stored on SQLite, through
  SQLAlchemy's type handling elsewhere); `stored_form` (a column's values in the stored form
  `insert_stored` takes); `fetch_plain` (many rows as the driver gives them); `recoverable` (a
  block whose failure leaves the transaction usable); `index_lookups` (reads that must go
  through an index even where the planner has no statistics yet).
- `like_ci(column, pattern)`, `contains_ci(column, text)`: LIKE that ignores ASCII case, as
  SQLite's LIKE does (PostgreSQL: ILIKE), with `\\` as the escape character on both.
- `insertion_order(session, table)`: rows in the order they were written (SQLite's rowid;
  PostgreSQL has none, so created_at, then id).
- How a bulk write is made fast differs too: `dialect_bulk` (page cache, indexes and foreign
  keys deferred).

Everything else in services is plain SQLAlchemy that both engines run alike (see DEVELOPING.md).
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterable, Iterator, Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

ESCAPE = "\\"
_SQLITE = sqlite_dialect.dialect()


def dialect_name(session_or_conn) -> str:
    """'sqlite' or 'postgresql' for a Session, Connection or Engine."""
    bind = session_or_conn.get_bind() if hasattr(session_or_conn, "get_bind") else session_or_conn
    return bind.dialect.name


def _insert(session, table: sa.Table):
    name = dialect_name(session)
    if name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:  # pragma: no cover - the app opens only these two
        raise NotImplementedError(f"no upsert for {name}")
    return insert(table)


def as_table(table) -> sa.Table:
    """The Table of a Table or of a model class."""
    return table if isinstance(table, sa.Table) else table.__table__


def upsert_statement(session, table, *, columns: Iterable[str], key: Iterable[str] = ("id",),
                     newer_than: str | None = "updated_at", update: Iterable[str] | None = None,
                     same: Iterable[str] = ()):
    """INSERT … ON CONFLICT (key) DO UPDATE SET … WHERE excluded.newer_than > table.newer_than
    AND table.same = excluded.same …, in the dialect of `session` (a Session, Connection or
    Engine). `columns`: the columns the rows bring; `update` (default: all of them but the key):
    the columns replaced."""
    table = as_table(table)
    key = list(key)
    stmt = _insert(session, table)
    new = stmt.excluded
    names = list(update) if update is not None else [c for c in columns if c not in key]
    conditions = [table.c[c] == new[c] for c in same]
    if newer_than is not None:
        conditions.append(new[newer_than] > table.c[newer_than])
    if not names:
        return stmt.on_conflict_do_nothing(index_elements=key)
    return stmt.on_conflict_do_update(index_elements=key, set_={c: new[c] for c in names},
                                      where=sa.and_(*conditions) if conditions else None)


def upsert(session, table, rows: Sequence[dict], *, key: Iterable[str] = ("id",),
           newer_than: str | None = "updated_at", update: Iterable[str] | None = None,
           same: Iterable[str] = ()) -> int:
    """Insert `rows` (dicts by column name, all with the same keys) into `table` (a Table or a
    model class); where a row with the same `key` exists (a primary key or unique index on
    exactly these columns), update its `update` columns (default: every given column but the
    key) — only when the incoming `newer_than` column is greater than the stored one (None:
    always) and the stored row has the same values in the `same` columns (e.g. a township's
    package never takes over another township's row). Bulk: one executemany through Core.
    Returns how many rows were inserted or updated; the others were left as they were.
    """
    if not rows:
        return 0
    stmt = upsert_statement(session, table, columns=rows[0], key=key, newer_than=newer_than,
                            update=update, same=same)
    return _written(session, stmt, rows)


def insert_missing(session, table, rows: Sequence[dict], *, key: Iterable[str] = ("id",)) -> int:
    """Insert the rows whose `key` is not on file yet (INSERT … ON CONFLICT DO NOTHING); a row
    another transaction inserts at the same moment is not an error. Returns how many went in."""
    if not rows:
        return 0
    stmt = _insert(session, as_table(table)).on_conflict_do_nothing(index_elements=list(key))
    return _written(session, stmt, rows)


def _written(session, stmt, rows: Sequence[dict]) -> int:
    """Run the statement for every row (the driver's executemany: psycopg pipelines it) and
    count the rows it wrote. SQLAlchemy drops an executemany's rowcount unless asked to keep it;
    RETURNING would count too, but is 4-6 times slower on PostgreSQL (bench_upsert.py)."""
    result = session.execute(stmt.execution_options(preserve_rowcount=True), list(rows))
    return max(result.rowcount, 0)


# -- rows as a SQLite file stores them, in bulk ---------------------------------------------------
# A township's package is a SQLite file: its rows come as sqlite3 returns them (text timestamps
# and dates, 0/1 booleans), in the table's column order, already validated in that form
# (services/exchange/rows.py). SQLite takes them as they are (no per-value conversion: the
# compiled statement, executemany); PostgreSQL's COPY (text format) reads that same form.


def insert_stored(conn, table: sa.Table, rows: Sequence[tuple]) -> None:
    """Insert rows the database does not hold yet (a key already there raises IntegrityError).
    SQLite: one executemany of the compiled INSERT. PostgreSQL: COPY FROM STDIN, the fastest
    way in (the server parses each value by its column's type)."""
    if not rows:
        return
    if dialect_name(conn) == "postgresql":
        columns = ", ".join(conn.dialect.identifier_preparer.quote(c.name) for c in table.c)
        name = conn.dialect.identifier_preparer.format_table(table)
        sql = f"COPY {name} ({columns}) FROM STDIN"
        with _driver_cursor(conn, sql) as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
        return
    _send_stored(conn, table, sa.insert(table), rows)


def upsert_stored(conn, table: sa.Table, rows: Sequence[tuple], *,
                  same: Iterable[str] = ("township",)) -> None:
    """The newer-only upsert by id (`upsert`, key id, newer than `updated_at`, same `same`) of
    rows in their stored form. SQLite: as stored, through the compiled statement; another
    engine: turned into Python values the way SQLAlchemy reads them from SQLite, then `upsert`."""
    if not rows:
        return
    names = [c.name for c in table.c]
    if dialect_name(conn) == "sqlite":
        _send_stored(conn, table, upsert_statement(conn, table, columns=names, same=same), rows)
        return
    upsert(conn, table, stored_values(table, rows), same=same)


def stored_values(table: sa.Table, rows: Sequence[tuple]) -> list[dict]:
    """Rows in SQLite's stored form as dicts of Python values (dates, aware datetimes, bools),
    converted by SQLAlchemy's own SQLite result processors for each column's type."""
    from sqlalchemy.dialects import sqlite

    lite = sqlite.dialect()
    convert = [(c.name, c.type.dialect_impl(lite).result_processor(lite, None)) for c in table.c]
    return [{name: (f(v) if f is not None and v is not None else v)
             for (name, f), v in zip(convert, row)} for row in rows]


def _send_stored(conn, table: sa.Table, statement, rows: Sequence[tuple]) -> None:
    """SQLite: the compiled statement run with the stored values, positional in column order."""
    order = [c.name for c in table.c]
    compiled = statement.compile(dialect=conn.dialect, column_keys=order)
    if not compiled.positional or list(compiled.positiontup) != order:
        raise RuntimeError(f"unexpected parameter order for {table.name}")
    conn.exec_driver_sql(str(compiled), list(rows))


def fetch_plain(conn, statement, **params) -> list[tuple]:
    """The rows of a Core SELECT as the driver returns them (SQLite: the stored values, text
    timestamps included; psycopg: its Python types), without SQLAlchemy's result processing —
    for reading many rows fast. Parameters (the statement's own, and `params` for its
    `bindparam`s) must be plain values the driver takes. A statement object used again is
    compiled once."""
    sql, names, values = _compiled(statement, conn.dialect)
    values = {**values, **params}
    args = tuple(values[n] for n in names) if names is not None else values
    with _driver_cursor(conn, sql) as cursor:
        cursor.execute(sql, args)
        return cursor.fetchall()


_COMPILED: dict = {}


def _compiled(statement, dialect) -> tuple[str, list[str] | None, dict]:
    key = (id(statement), dialect.name)
    found = _COMPILED.get(key)
    if found is None or found[0] is not statement:
        compiled = statement.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
        names = list(compiled.positiontup) if compiled.positional else None
        found = (statement, str(compiled), names, dict(compiled.params))
        if len(_COMPILED) > 256:
            _COMPILED.clear()
        _COMPILED[key] = found
    return found[1:]


@contextmanager
def _driver_cursor(conn, sql: str):
    """A cursor of the connection's driver, in its transaction; the driver's errors raised as
    SQLAlchemy's (IntegrityError, DataError, …), as a statement run through SQLAlchemy would."""
    dbapi = conn.dialect.loaded_dbapi
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        yield cursor
    except dbapi.Error as err:
        raise sa.exc.DBAPIError.instance(sql, None, err, dbapi.Error,
                                         hide_parameters=True) from err
    finally:
        cursor.close()


@contextmanager
def recoverable(session) -> Iterator[None]:
    """A block after whose failure (an IntegrityError, say) the transaction can still be used,
    e.g. to explain it: PostgreSQL aborts the whole transaction on an error, so the block runs
    in a savepoint; SQLite undoes only the failed statement (and a savepoint could be gone after
    some errors, a full disk among them: SQLite then rolls the whole transaction back)."""
    if dialect_name(session) == "sqlite":
        yield
        return
    with session.begin_nested():
        yield


@contextmanager
def index_lookups(session) -> Iterator[None]:
    """Reads in the block take an index wherever one serves, even where the planner has no
    statistics yet: on PostgreSQL, a table that has just taken a large merge (not committed, or
    not analysed yet — autovacuum comes later, and only the owner may ANALYZE) is unknown to
    it, and a lookup of 1,000 values by an indexed column became a scan of the whole table
    (40 ms instead of 0.7 ms at 48,000 payments, once for each 1,000 values of each package).
    `enable_seqscan` is off for the block (a table without a fitting index is still scanned)
    and back as it was after it. SQLite plans without statistics by its indexes: nothing."""
    if dialect_name(session) != "postgresql":
        yield
        return
    conn = session.connection()
    before = conn.execute(sa.text("SELECT current_setting('enable_seqscan')")).scalar_one()
    conn.execute(sa.text("SELECT set_config('enable_seqscan', 'off', true)"))
    yield  # on an error the transaction is rolled back, and the setting (LOCAL) with it
    conn.execute(sa.text("SELECT set_config('enable_seqscan', :was, true)"), {"was": before})


# -- LIKE that ignores ASCII case on both engines ----------------------------------------------

class like_ci(FunctionElement):  # noqa: N801 - used like a SQL function
    """`like_ci(column, pattern)`: `column LIKE pattern ESCAPE '\\'`, ASCII case ignored (SQLite's
    LIKE; PostgreSQL's ILIKE — with a "C" ctype it folds ASCII only, as SQLite does)."""

    type = sa.Boolean()
    inherit_cache = True
    name = "like_ci"


@compiles(like_ci)
def _like_ci_default(element, compiler, **kw):
    column, pattern = list(element.clauses)
    return compiler.process(column.like(pattern, escape=ESCAPE), **kw)


@compiles(like_ci, "postgresql")
def _like_ci_postgresql(element, compiler, **kw):
    column, pattern = list(element.clauses)
    return compiler.process(column.ilike(pattern, escape=ESCAPE), **kw)


def escape_like(text: str) -> str:
    """`text` matched literally inside a LIKE pattern (with ESCAPE '\\')."""
    return text.replace(ESCAPE, ESCAPE * 2).replace("%", ESCAPE + "%").replace("_", ESCAPE + "_")


def contains_ci(column, text: str):
    """`column` contains `text` (literally, ASCII case ignored)."""
    return like_ci(column, sa.literal(f"%{escape_like(text)}%", sa.String()))


def startswith_ci(column, text: str):
    return like_ci(column, sa.literal(f"{escape_like(text)}%", sa.String()))


# -- order of writing ---------------------------------------------------------------------------

def insertion_order(session, table) -> list:
    """ORDER BY terms giving the rows of `table` in the order they were inserted. SQLite: the
    rowid (timestamps tie: Windows clocks tick every ~15 ms). PostgreSQL has no insertion order:
    created_at (microseconds on a server), then id so that ties are at least stable."""
    table = as_table(table)
    if dialect_name(session) == "sqlite":
        return [sa.literal_column(f"{table.name}.rowid")]
    return [table.c.created_at, table.c.id]


# -- the stored form of a column's values -------------------------------------------------------

def stored_form(column: sa.Column):
    """How SQLAlchemy's SQLite dialect stores a value of `column` (text dates and timestamps,
    0/1 booleans, enums by their value): the form `insert_stored` takes on both engines. A
    function of one value (None stays None), converting each distinct value once."""
    bind = column.type.dialect_impl(_SQLITE).bind_processor(_SQLITE)
    if bind is None:
        return lambda value: value
    cache: dict = {None: None}

    def convert(value):
        try:
            return cache[value]
        except KeyError:
            stored = cache[value] = bind(value)
            return stored
        except TypeError:  # not hashable
            return bind(value)
    return convert
