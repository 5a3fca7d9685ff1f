"""What a package brings, read before the city's write transaction: the decrypted snapshot
opened read-only (migrated first on a temporary copy when a township runs an older version), every
row's key checked, and — whole and validated — the rows the city does not hold as new.

Unchanged rows are cheap: for every table only (id, updated_at) is read from the snapshot (the
township of every row is checked in SQL) and compared with what the city holds for that township
(`held_stamps`, one read of two columns); a row is read whole and validated only when the city lacks it or holds an older
copy. Rows judged unchanged here stay unchanged: the city's copy of a township's row only ever
gets newer (merges write newer rows only; township rows are read-only at the city), so the write
transaction re-checks just the rows chosen here (merge_rows.py).
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session

from union_desk.dialect import fetch_plain
from union_desk.domain.errors import RuleError
from union_desk.domain.townships import township_by_code
from union_desk.services.errors import UserError
from union_desk.services.exchange.package import Manifest, Opened
from union_desk.services.exchange.rows import (Incoming, foreign_row, merged_tables, read_keys,
                                               read_rows)

READ_ALL_ABOVE = 0.25  # when more than this share of a table is to be read whole: read it all


def stored_stamp(value) -> str | None:
    """A timestamp as the city holds it, in the stored text form: SQLite gives that text, a
    server a datetime (UTC, without zone)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(" ", "microseconds")
    raise TypeError(f"not a timestamp: {type(value).__name__}")


@lru_cache(maxsize=None)
def _held_query(table: sa.Table) -> sa.Select:
    return sa.select(table.c.id, table.c.updated_at).where(
        table.c.township == sa.bindparam("township"))


def held_stamps(session: Session, table: sa.Table, *, township: str) -> dict[str, str]:
    """id → updated_at (stored text) of every row of `township` the city holds in `table`."""
    rows = fetch_plain(session.connection(), _held_query(table), township=township)
    if rows and not isinstance(rows[0][1], str):
        return {r[0]: stored_stamp(r[1]) for r in rows}
    return dict(rows)


@dataclass
class TableInput:
    """One table of a package: how many rows it has, and those to be written, read whole."""

    incoming: Incoming
    total: int


@dataclass
class Snapshot:
    tables: list[TableInput]
    voucher_secret: str | None


def open_snapshot(city_key, opened: Opened, folder: Path) -> sqlite3.Connection:
    """The decrypted snapshot, read-only. At the current schema it stays in memory (the
    plaintext never touches the disk); an older township version is written to `folder` (a
    temporary folder, removed afterwards), migrated there, and opened read-only."""
    from union_desk.db import HEADS

    m, name = opened.manifest, opened.name
    try:
        township_by_code(m.township)
    except RuleError:
        raise UserError(f"{name}：数据包的乡镇代码 {m.township} 不是建德市的乡镇（街道）") from None
    snapshot = opened.decrypt(city_key)
    con = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        con.deserialize(snapshot)
        stored = {r[0] for r in con.execute("SELECT version_num FROM alembic_version")}
    except sqlite3.DatabaseError:
        con.close()
        raise UserError(f"{name}：数据包里的数据库无法读取") from None
    if stored != set(m.schema_revisions):
        con.close()
        raise UserError(f"{name}：数据包里的数据库版本与清单不符，数据包已被改动")
    if stored == set(HEADS):
        con.execute("PRAGMA query_only = ON")
        return con
    con.close()
    path = folder / "package.sqlite3"
    path.write_bytes(snapshot)
    _migrate_older(path, stored, name)
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def _migrate_older(path: Path, revisions: set[str], name: str) -> None:
    from union_desk.db import Database

    copy = Database(path)
    try:
        from alembic.script import ScriptDirectory
        from alembic.util import CommandError

        script = ScriptDirectory.from_config(copy._alembic_config())
        for rev in revisions:
            try:
                known = script.get_revision(rev) is not None
            except CommandError:
                known = False
            if not known:
                raise UserError(f"{name}：数据包由更新版本的程序导出（数据库版本 {rev}），"
                                f"本程序读不了：请先升级市总工会的程序，再合并")
        copy.migrate()  # an older township version: this temporary copy is brought to head
    finally:
        copy.engine.dispose()


def read_snapshot(con: sqlite3.Connection, manifest: Manifest, name: str,
                  held: dict[str, dict[str, str]]) -> Snapshot:
    """Every table's keys checked (each row of the package's own township), and the rows the
    city lacks or holds older (`held`: table → id → updated_at) read whole and validated."""
    town = township_by_code(manifest.township).name
    try:
        row = con.execute("SELECT value FROM setting WHERE key = 'township'").fetchone()
        if row is None or json.loads(row[0]) != manifest.township:
            raise UserError(f"{name}：数据包里的数据库不属于清单上的乡镇 {manifest.township}")
        secret = con.execute("SELECT value FROM setting WHERE key = 'voucher.secret'").fetchone()
        tables = []
        for table in merged_tables():
            found = read_keys(con, table, package=name)
            foreign = foreign_row(con, table, manifest.township)
            if foreign is not None:
                raise UserError(f"{name}：表 {table.name} 的记录 {foreign[0]} 属于乡镇代码"
                                f"“{foreign[1]}”，不是本包的{town}：整个数据包拒收")
            on_file = held.get(table.name, {})
            wanted = [r[0] for r in found.rows  # (a malformed stamp: read whole, and refused)
                      if (h := on_file.get(r[1])) is None or not isinstance(r[2], str)
                      or r[2] > h]
            if len(wanted) > READ_ALL_ABOVE * len(found.rows):
                incoming = read_rows(con, table, package=name)
                if len(wanted) < len(found.rows):
                    keep = set(wanted)
                    incoming.rows = [r for r, k in zip(incoming.rows, found.rows) if k[0] in keep]
            else:
                incoming = read_rows(con, table, package=name, rowids=wanted)
            tables.append(TableInput(incoming=incoming, total=len(found.rows)))
    except sqlite3.DatabaseError as err:
        raise UserError(f"{name}：数据包里的数据库无法读取（{err}）") from None
    finally:
        con.close()
    return Snapshot(tables=tables, voucher_secret=json.loads(secret[0]) if secret else None)
