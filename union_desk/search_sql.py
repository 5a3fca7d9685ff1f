"""The member search's engine-specific SQL (migrations 0017–0019), on SQLite and PostgreSQL.

SQLite holds every live member's ID number and phone (`id_number || ' ' || phone`) in the FTS5
table member_digits (trigram tokenizer), whose rowid is the member's place in name order:
`name_order(py_full) × 2³¹ + member.rowid`. `name_order` maps the first six characters of the
name key to a number that never decreases along the name order (py_full, id), so the index's
own order is the name order up to ties inside one "bucket" (members whose py_full starts with the
same six letters): `numbers LIKE '%1380%' ORDER BY rowid LIMIT n` stops after the first n hits
in name order, whatever the number of hits, without reading a member row
(`ordered_digit_hits`). Triggers on member only note which members changed (in
member_digits_pending, with the name key their index entry was made under); every write
transaction brings the index up to date before it commits (`sync_search_index`), and a search
reads the noted members themselves until then. PostgreSQL: pg_trgm GIN indexes on id_number
and phone (`digits_contain`), whose planner chooses by its statistics (`estimated_rows`), and
one on both numbers per part of the name order (`numbers_in_part`, 0019).
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from union_desk.dialect import ESCAPE, dialect_name, escape_like

SHIFT = 31  # member_digits.rowid = name_order(py_full) << SHIFT | member.rowid
MEMBER_ROWID = (1 << SHIFT) - 1
ORDER_CHARS, ORDER_BASE = 6, 40  # 40 ** 6 < 2 ** 32: the rowid stays below 2 ** 63
PENDING_READ = 1000  # more noted members than this (written by another program): no ordered read
_DIGIT = {c: i + 2 for i, c in enumerate("0123456789")} | \
         {c: i + 13 for i, c in enumerate("abcdefghijklmnopqrstuvwxyz")}


def name_order(key: str | None) -> int:
    """A number for the first ORDER_CHARS characters of a name key such that a key that sorts
    before another (SQLite's binary order of text) never gets a larger one. Digits and
    lower-case letters (what py_full holds) each count by themselves; any other character
    counts only by which side of them it lies (below '0', between '9' and 'a', above 'z'), and
    the characters after it not at all, so two keys that differ only there tie."""
    code, stopped = 0, False
    key = key or ""
    for i in range(ORDER_CHARS):
        digit = 0
        if not stopped and i < len(key):
            ch = key[i]
            digit = _DIGIT.get(ch, 0)
            if not digit:
                digit, stopped = (1 if ch < "0" else 12 if ch < "a" else 39), True
        code = code * ORDER_BASE + digit
    return code


def digits_rowid(key: str | None, member_rowid: int) -> int:
    """The member_digits rowid of a member (its name key, its rowid)."""
    if not 0 < member_rowid <= MEMBER_ROWID:
        raise ValueError(f"member rowid {member_rowid} beyond the search index's range")
    return (name_order(key) << SHIFT) | member_rowid


def register_functions(conn) -> None:
    """SQLite: `member_digits_rowid(py_full, rowid)` on this connection (the index's upkeep and
    migration 0018 use it; triggers never do, so any program may write members)."""
    conn.connection.dbapi_connection.create_function("member_digits_rowid", 2, digits_rowid,
                                                     deterministic=True)


DIGITS_OF = "{0}.id_number || ' ' || {0}.phone"
INDEX_MEMBERS = ("INSERT INTO member_digits (rowid, numbers) "
                 "SELECT member_digits_rowid(m.py_full, m.rowid), " + DIGITS_OF.format("m") +
                 " FROM member AS m {join} WHERE m.deleted_at IS NULL{also} ORDER BY 1")


def sync_search_index(session) -> None:
    """SQLite: bring member_digits up to date with the members the triggers noted as changed
    (migration 0018): their old entries out (made under the name key noted), the live ones in,
    then forget them. Run by every write transaction before it commits; a search reads the
    noted members as well, so it is exact before this too."""
    conn = session.connection()
    if dialect_name(session) != "sqlite" or conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'member_digits_pending'"
    ).first() is None:  # a file not yet at 0017 (opened to be migrated, or a test's old one)
        return
    if conn.exec_driver_sql("SELECT 1 FROM member_digits_pending LIMIT 1").first() is None:
        return
    register_functions(conn)
    conn.exec_driver_sql("DELETE FROM member_digits WHERE rowid IN (SELECT member_digits_rowid("
                         "indexed_key, member_rowid) FROM member_digits_pending "
                         "WHERE indexed_key IS NOT NULL)")
    conn.exec_driver_sql(INDEX_MEMBERS.format(
        join="JOIN member_digits_pending AS p ON p.member_rowid = m.rowid", also=""))
    conn.exec_driver_sql("DELETE FROM member_digits_pending")


@contextmanager
def search_index_deferred(session) -> Iterator[None]:
    """Members INSERTed inside this block skip the triggers that note each new member for the
    digits index (one row of member_digits_pending a member, more than the insert itself at a
    million: the demo's bulk load); afterwards the triggers are made again from their stored
    definitions and the new members (rowids above the highest before the block) go into
    member_digits by one INSERT … SELECT, the statement `sync_search_index` uses. Only inserts:
    a row updated or deleted inside the block would be missed. In the caller's transaction (a
    failure leaves the triggers as they were). PostgreSQL: its pg_trgm indexes are ordinary
    indexes (see `dialect_bulk.indexes_deferred`): nothing."""
    conn = session.connection()
    if dialect_name(session) != "sqlite" or conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'member_digits'"
    ).first() is None:  # a server, or a file before 0017
        yield
        return
    triggers = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                    "AND tbl_name = 'member'").all()
    before = conn.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM member").scalar_one()
    for trigger, _sql in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{trigger}"')
    yield
    for _trigger, sql in triggers:
        conn.exec_driver_sql(sql)
    register_functions(conn)
    with _terms_held(conn, BULK_TERMS_BYTES):
        conn.exec_driver_sql(INDEX_MEMBERS.format(join="", also=" AND m.rowid > ?"), (before,))


# FTS5 holds the terms of the rows a transaction writes in memory and writes them out as a new
# segment of the index whenever they pass its `hashsize` (1 MiB unless set), merging segments as
# they pile up: 100,000 members' digits took 0.47 s and ended in 8 segments; held up to 8 MiB,
# 0.38 s and 2 (the searches read fewer)
BULK_TERMS_BYTES = 8 << 20
DEFAULT_TERMS_BYTES = 1 << 20


@contextmanager
def _terms_held(conn, size: int) -> Iterator[None]:
    """member_digits's `hashsize` set to `size` for the block, then back as it was (the row of
    its config table gone again when there was none). In the caller's transaction: a failure
    rolls it back with the rows. (Set through FTS5's own command, which tells every connection
    to read the config again; the row is removed after the default has been set that way.)"""
    before = conn.exec_driver_sql(
        "SELECT v FROM member_digits_config WHERE k = 'hashsize'").scalar()
    conn.exec_driver_sql(_SET_TERMS, (size,))
    yield
    conn.exec_driver_sql(_SET_TERMS, (DEFAULT_TERMS_BYTES if before is None else before,))
    if before is None:
        conn.exec_driver_sql("DELETE FROM member_digits_config WHERE k = 'hashsize'")


_SET_TERMS = "INSERT INTO member_digits (member_digits, rank) VALUES ('hashsize', ?)"


def _column(conn, sql: str, params: tuple) -> list:
    result = conn.exec_driver_sql(sql, params)
    try:  # from the driver's cursor: no Row object made for each integer
        return [row[0] for row in result.cursor.fetchall()]
    finally:
        result.close()


def ordered_digit_hits(session, text: str, wanted: int, *,
                       descending: bool = False) -> tuple[list[int], list[int]] | None:
    """SQLite: the members whose ID number or phone holds `text` (3 or more digits, or X) that
    the first `wanted` of them in name order are among — the first `wanted` in the index's
    order and the rest of the last one's bucket — as member rowids, with the rowids of the
    members noted as changed since the index was brought up to date (the caller tests those
    itself: their entries may be stale). None on PostgreSQL, or when more than PENDING_READ
    members are noted (a bulk write by another program: the caller counts as before)."""
    if dialect_name(session) != "sqlite" or wanted <= 0:
        return None
    if not text.isalnum() or not text.isascii() or len(text) < 3:
        raise ValueError("digits (and X), three or more, are looked up by trigram")
    conn = session.connection()
    pending = _column(conn, "SELECT member_rowid FROM member_digits_pending LIMIT ?",
                      (PENDING_READ + 1,))
    if len(pending) > PENDING_READ:
        return None
    noted = set(pending)
    pattern = f"%{text}%"
    order = "DESC" if descending else "ASC"
    first = _column(conn, "SELECT rowid FROM member_digits WHERE numbers LIKE ? "
                    f"ORDER BY rowid {order} LIMIT ?", (pattern, wanted + len(pending)))
    hits = [r for r in first if r & MEMBER_ROWID not in noted]
    if len(first) == wanted + len(pending) and len(hits) >= wanted:
        last = hits[wanted - 1]
        low, high = ((last >> SHIFT) << SHIFT, last) if descending else \
            (last + 1, ((last >> SHIFT) + 1) << SHIFT)
        rest = _column(conn, "SELECT rowid FROM member_digits WHERE numbers LIKE ? "
                       "AND rowid >= ? AND rowid < ?", (pattern, low, high))
        hits = hits[:wanted] + [r for r in rest if r & MEMBER_ROWID not in noted]
    return [r & MEMBER_ROWID for r in hits], pending


# -- any three digits or more, as one condition (both engines) -----------------------------------

class _DigitsContain(FunctionElement):
    type = sa.Boolean()
    inherit_cache = True
    name = "digits_contain"


def digits_contain(text: str) -> FunctionElement:
    """Members whose ID number or phone may contain `text` (3 or more digits or X), found by the
    trigram index: a superset on SQLite (FTS5 with detail=none checks that every trigram is
    there, not where), exact on PostgreSQL; callers add the exact condition. SQLite: `member.rowid
    IN (SELECT rowid … FROM member_digits WHERE member_digits MATCH '"abc" AND "bcd"')`;
    PostgreSQL: LIKE on the two pg_trgm-indexed columns. Both forms travel as bound values
    (a compiled statement is cached and reused for another text)."""
    if len(text) < 3:
        raise ValueError("a trigram index needs 3 characters or more")
    match = " AND ".join(f'"{text[i:i + 3]}"' for i in range(len(text) - 2))
    return _DigitsContain(sa.literal(match, sa.String()),
                          sa.literal(digits_pattern(text), sa.String()))


_CANDIDATES = (f"SELECT rowid & {MEMBER_ROWID} FROM member_digits WHERE member_digits MATCH {{}} "
               "UNION ALL SELECT member_rowid FROM member_digits_pending")


@compiles(_DigitsContain, "sqlite")
def _digits_contain_sqlite(element, compiler, **kw):
    match, _pattern = list(element.clauses)
    return f"member.rowid IN ({_CANDIDATES.format(compiler.process(match, **kw))})"


@compiles(_DigitsContain, "postgresql")
def _digits_contain_postgresql(element, compiler, **kw):
    _match, pattern = list(element.clauses)
    return "({})".format(compiler.process(numbers_like(pattern), **kw))


def numbers_like(pattern):
    """PostgreSQL: the member's ID number or phone LIKE `pattern` (`%digits%`, a bound value:
    `digits_pattern`), the condition its pg_trgm indexes answer — exactly, so no other test is
    needed (`digits_contain` on PostgreSQL)."""
    return sa.or_(sa.literal_column("member.id_number").like(pattern, escape=ESCAPE),
                  sa.literal_column("member.phone").like(pattern, escape=ESCAPE))


def numbers_hold(digits):
    """PostgreSQL: the member's ID number or phone holds `digits` (a bound value), tested by
    `strpos`, which no index answers: a statement walking an index in order with this test is
    planned as that walk (numbers_like would offer the trigram indexes and a sort)."""
    return sa.or_(sa.func.strpos(sa.literal_column("member.id_number"), digits) > 0,
                  sa.func.strpos(sa.literal_column("member.phone"), digits) > 0)


def digits_pattern(text: str) -> str:
    """The LIKE pattern of `numbers_like` for a part of a number."""
    return f"%{escape_like(text)}%"


# PostgreSQL (migration 0019): the live members' ID number and phone as one text, in a pg_trgm
# index per part of the name order — the members whose py_full starts before "f", from "f" to
# "j", … from "z" (about an eighth of a roster each, Chinese surnames as they fall). The first
# page of a part of a number that a few hundred or thousand members hold is then read from the
# first parts alone, each a small index and few rows to check (`numbers_in_part`), instead of
# the whole index's posting lists and every hit's row. The bounds are constants in the
# statement, as in the indexes' definitions, so the planner matches them.
NAME_PARTS = ("f", "j", "m", "s", "w", "y", "z")  # where each part after the first starts
NUMBERS_TEXT = "member.id_number || ' ' || member.phone"


def part_bounds(part: int) -> tuple[str | None, str | None]:
    """(first py_full in, first py_full after) of a part of the name order; None: no bound."""
    bounds = (None, *NAME_PARTS, None)
    return bounds[part], bounds[part + 1]


def numbers_in_part(part: int, pattern):
    """PostgreSQL: the live members of one part of the name order whose ID number or phone is
    LIKE `pattern` (a bound value: `digits_pattern`), as that part's index answers it."""
    low, high = part_bounds(part)
    py_full = sa.literal_column("member.py_full")
    return sa.and_(sa.literal_column("member.deleted_at").is_(None),
                   *([py_full >= sa.literal_column(f"'{low}'")] if low else []),
                   *([py_full < sa.literal_column(f"'{high}'")] if high else []),
                   sa.literal_column(NUMBERS_TEXT).like(pattern, escape=ESCAPE))


def digit_candidates(session, text: str, limit: int) -> list[int] | None:
    """SQLite: the rowids of up to `limit` members whose ID number or phone may contain `text`
    (as `digits_contain`: the FTS5 table's and the members changed since it was brought up to
    date), read alone — a query joining `member` may be planned as a scan of `member` testing
    each rowid, which a small file makes look cheap.
    None on PostgreSQL, whose planner reads the trigram indexes by their statistics."""
    if dialect_name(session) != "sqlite":
        return None
    match = digits_contain(text).clauses.clauses[0].value
    return _column(session.connection(), _CANDIDATES.format("?") + " LIMIT ?", (match, limit))


def estimated_rows(session, query: sa.Select) -> float | None:
    """PostgreSQL: the planner's estimate of the rows `query` returns (EXPLAIN, from the
    table's statistics; nothing is read), so a search need not count through a pg_trgm index
    the fragments nearly everyone's numbers hold — a GIN index answers only by bitmap, built
    whole before the first row (440,000 hits: 0.2 s). None on SQLite."""
    if dialect_name(session) != "postgresql":
        return None
    compiled = query.compile(dialect=session.get_bind().dialect)
    plan = session.connection().exec_driver_sql(f"EXPLAIN (FORMAT JSON) {compiled}",
                                                compiled.params).scalar_one()
    if isinstance(plan, str):
        import json

        plan = json.loads(plan)
    return float(plan[0]["Plan"]["Plan Rows"])


def rowid_in(table: sa.Table, rowids: list[int]):
    """SQLite: `table.rowid IN (?, ?, …)`, one bound value each (an expanding parameter: the
    statement is compiled once and cached whatever the list), so the planner sees a list of
    rowid lookups of known length."""
    return sa.literal_column(f"{table.name}.rowid").in_(
        sa.bindparam("rowids", [int(r) for r in rowids], expanding=True, unique=True))


def ids_in(session, column, name: str = "ids"):
    """`column IN (ids)`, the ids given when the statement runs as the bound value `name` (a
    statement built once serves every page): on PostgreSQL `column = ANY(%s)`, the list as one
    array value (a page of 200 ids is one parameter, not 200 the statement is rewritten and
    parsed with each time); on SQLite an expanding IN (one bound value each)."""
    if dialect_name(session) == "postgresql":
        from sqlalchemy.dialects.postgresql import ARRAY

        return column == sa.any_(sa.bindparam(name, type_=ARRAY(sa.String)))
    return column.in_(sa.bindparam(name, expanding=True))


@contextmanager
def index_order(session, query: sa.Select, table: sa.Table, index: str) -> Iterator[sa.Select]:
    """`query` (ordered as `index` is, with a LIMIT) read by walking `index` in order and
    filtering, never by collecting every match and sorting: SQLite's INDEXED BY; PostgreSQL's
    planner is kept from bitmap scans and sorts while the query runs (SET LOCAL … then back)."""
    if dialect_name(session) == "sqlite":
        yield query.with_hint(table, f"INDEXED BY {index}", "sqlite")
        return
    session.execute(_PLANNER, {"to": "off"})  # one statement each way (a round trip each)
    try:
        yield query
    finally:
        session.execute(_PLANNER, {"to": "on"})


_PLANNER = sa.text("SELECT set_config('enable_bitmapscan', :to, true), "
                   "set_config('enable_sort', :to, true)")
