"""The city office merges a township's package: verify, decrypt, migrate a copy if older,
validate every row, then write by UUID in ONE write transaction per package.

Order of checks (each refusal names the file and the reason; nothing is written):
signature and hashes (package.py) → city key and decryption → schema revision (newer: 请先升级;
older: a temporary copy is migrated first) → every row validated and of the package's own
township → signing key trusted (trust.py). Then, in the write transaction: rows newer than the
city's copy replace it (`dialect.upsert_newer`, only when newer and of the same township), rows
the city has never seen are inserted, tombstones are ordinary updates (all through Core); review
items are found; the merge is recorded in the history. A refusal is recorded in the history by a
transaction of its own. The same file merged again is recognised by its SHA-256.
"""
from __future__ import annotations

import json
import sqlite3
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Session

from union_desk.db import database_of
from union_desk.domain.errors import RuleError
from union_desk.domain.townships import township_by_code
from union_desk.models.exchange import MergeOutcome, MergeRecord
from union_desk.services.errors import UserError
from union_desk.services.exchange import keys, review, trust
from union_desk.services.exchange.dialect import (execute_insert, execute_upsert,
                                                  large_page_cache, stores_as_package)
from union_desk.services.exchange.package import Manifest, Opened, open_package
from union_desk.services.exchange.rows import Incoming, merged_tables, read_rows
from union_desk.services.year_report import city_wide

CHUNK = 5_000
Progress = Callable[[int, int], None]


class TableCounts(BaseModel):
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    tombstoned: int = 0


class MergeResult(BaseModel):
    file: str
    outcome: MergeOutcome
    reason: str = ""
    township: str = ""
    township_name: str = ""
    sequence: int = 0
    installation_id: str = ""
    signer_fingerprint: str = ""
    new_signer: bool = False
    counts: dict[str, TableCounts] = {}
    review_items: int = 0

    @property
    def ok(self) -> bool:
        return self.outcome != MergeOutcome.REFUSED


def merge_into_this_database(session, *, paths: list[Path],
                             progress: Progress | None = None) -> list[MergeResult]:
    """The window's merge into the database `session` belongs to; each package keeps its own
    transaction, so the window runs this as a read op beside its writes."""
    return merge_packages(database_of(session), paths, progress=progress)


def merge_packages(db, paths: list[Path], *, progress: Progress | None = None) -> list[MergeResult]:
    """Each package on its own (a refused one does not stop the others), in the given order.
    While one package is written, the next is verified, decrypted and validated on a second
    thread (SQLite and pydantic-core release the GIL: the two cores overlap)."""
    with db.session() as s:
        keys.city_key(s)  # a township's database merges nothing
    paths = [Path(p) for p in paths]
    results: list[MergeResult] = []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="merge-read") as pool:
        ahead = pool.submit(_prepare, db, paths[0]) if paths else None
        for i in range(len(paths)):
            prepared = ahead.result()
            ahead = pool.submit(_prepare, db, paths[i + 1]) if i + 1 < len(paths) else None
            results.append(_apply(db, prepared, progress))
    return results


def merge_package(db, path: str | Path, *, progress: Progress | None = None) -> MergeResult:
    return _apply(db, _prepare(db, Path(path)), progress)


@dataclass
class _Prepared:
    """A package read and checked, ready for its write transaction (or refused already)."""

    path: Path
    opened: Opened | None = None
    snapshot: "Snapshot | None" = None
    merged_before: datetime | None = None  # this very file was merged then
    error: UserError | None = None


def _prepare(db, path: Path) -> _Prepared:
    found = _Prepared(path=path)
    try:
        found.opened = open_package(path)
        with db.session() as s:
            found.merged_before = _merged_before(s, found.opened)
        if found.merged_before is None:
            with tempfile.TemporaryDirectory(prefix="union-desk-merge-") as folder:
                con = _open_snapshot(db, found.opened, Path(folder))
                found.snapshot = _read_snapshot(con, found.opened.manifest, path.name)
    except UserError as err:
        found.error = err
    return found


def _apply(db, p: _Prepared, progress: Progress | None) -> MergeResult:
    name = p.path.name
    try:
        if p.error is not None:
            raise p.error
        if p.merged_before is not None:
            with db.session(write=True) as s:
                return _already_merged(s, p.opened, name, p.merged_before)
        with db.session(write=True) as s, city_wide(s), large_page_cache(s.connection()):
            return _write(s, p.opened, name, p.snapshot, progress)
    except UserError as err:
        return _refuse(db, name, p.opened, err)


# -- before the write ---------------------------------------------------------------------------

def _open_snapshot(db, opened: Opened, folder: Path) -> sqlite3.Connection:
    """The decrypted snapshot, read-only. At the current schema it stays in memory (the
    plaintext never touches the disk); an older township version is written to `folder` (a
    temporary folder, removed afterwards), migrated there, and opened read-only."""
    from union_desk.db import HEADS

    m, name = opened.manifest, opened.name
    try:
        township_by_code(m.township)
    except RuleError:
        raise UserError(f"{name}：数据包的乡镇代码 {m.township} 不是建德市的乡镇（街道）") from None
    with db.session() as s:
        key = keys.city_private_key(s)
    snapshot = opened.decrypt(key)
    con = sqlite3.connect(":memory:")
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
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


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


def _read_snapshot(con: sqlite3.Connection, manifest: Manifest, name: str) -> Snapshot:
    try:
        row = con.execute("SELECT value FROM setting WHERE key = 'township'").fetchone()
        if row is None or json.loads(row[0]) != manifest.township:
            raise UserError(f"{name}：数据包里的数据库不属于清单上的乡镇 {manifest.township}")
        secret = con.execute("SELECT value FROM setting WHERE key = 'voucher.secret'").fetchone()
        tables = [read_rows(con, t, package=name) for t in merged_tables()]
    except sqlite3.DatabaseError as err:
        raise UserError(f"{name}：数据包里的数据库无法读取（{err}）") from None
    finally:
        con.close()
    town = township_by_code(manifest.township).name
    for incoming in tables:
        at, key = incoming.index["township"], incoming.index["id"]
        for r in incoming.raw:
            if r[at] != manifest.township:
                raise UserError(f"{name}：表 {incoming.table.name} 的记录 {r[key]} 属于乡镇代码"
                                f"“{r[at]}”，不是本包的{town}：整个数据包拒收")
    return Snapshot(tables=tables, voucher_secret=json.loads(secret[0]) if secret else None)


class Snapshot(BaseModel, arbitrary_types_allowed=True):
    tables: list[Incoming]
    voucher_secret: str | None


# -- the write ----------------------------------------------------------------------------------

def _write(s: Session, opened: Opened, name: str, snapshot: Snapshot,
           progress: Progress | None) -> MergeResult:
    m = opened.manifest
    signer, first = trust.check_signer(s, manifest=m, package=name)
    result = MergeResult(file=name, outcome=MergeOutcome.MERGED, township=m.township,
                         township_name=m.township_name, sequence=m.sequence,
                         installation_id=m.installation_id,
                         signer_fingerprint=m.signing_fingerprint, new_signer=first)
    if m.sequence < signer.last_sequence:
        result.outcome = MergeOutcome.OLDER
        result.reason = (f"已合并过该电脑更新的数据包（第 {signer.last_sequence} 号），"
                         f"本包是第 {m.sequence} 号，较旧，不覆盖任何记录")
    else:
        total = sum(len(t.raw) for t in snapshot.tables) or 1
        done = 0
        for incoming in snapshot.tables:
            result.counts[incoming.table.name] = _merge_table(s, incoming, m, name)
            done += len(incoming.raw)
            if progress:
                progress(done, total)
        if snapshot.voucher_secret:
            keys.keep_voucher_secret(s, township=m.township, secret=snapshot.voucher_secret)
        signer.last_sequence = m.sequence
        result.review_items = review.find_review_items(s, township=m.township)
    _history(s, result, opened)
    return result


def _merge_table(s: Session, incoming: Incoming, m: Manifest, name: str) -> TableCounts:
    """New and newer rows of one table go to the city; the rest is counted as unchanged.
    Timestamps are compared as stored (SQLite: fixed-width text) or as values elsewhere."""
    table = incoming.table
    if not incoming.raw:
        return TableCounts()
    conn = s.connection()
    as_stored = stores_as_package(conn)
    rows = incoming.raw if as_stored else incoming.typed

    def col(c):
        return sa.type_coerce(c, sa.String) if as_stored else c

    at = incoming.index
    payment = table.name == "payment"
    extra = [table.c.amount_fen, table.c.voucher_no] if payment else []
    existing = {}
    for r in conn.execute(sa.select(table.c.id, col(table.c.updated_at), col(table.c.deleted_at),
                                    *extra).where(table.c.township == m.township)).all():
        stamp = r[1] if as_stored else r[1].astimezone(timezone.utc).replace(tzinfo=None)
        existing[r[0]] = (stamp if as_stored else str(stamp.isoformat(" ", "microseconds")),
                          r[2], *r[3:])
    key = at["id"]
    inserts: list[int] = []
    updates: list[int] = []
    new = updated = unchanged = tombstoned = 0
    for i, r in enumerate(rows):
        old = existing.get(r[key])
        if old is None:
            new += 1
            inserts.append(i)
        elif r[at["updated_at"]] > old[0]:
            updated += 1
            updates.append(i)
            if payment and old[2] != r[at["amount_fen"]]:
                review.voucher_amount_changed(s, township=m.township, voucher_no=old[3],
                                              before=old[2], after=r[at["amount_fen"]],
                                              sequence=m.sequence)
        else:
            unchanged += 1
            continue
        if r[at["deleted_at"]] is not None and (old is None or old[1] is None):
            tombstoned += 1
    # Updates first, then new rows, tombstones first in each: a record removed (or changed) and
    # entered again must not meet its old self in a per-township unique index (an ID number)
    # half-way through. Rows the city has never seen are plain inserts (an upsert costs SQLite
    # 1.7× as much on a growing table); rows it has go through the newer-only upsert.
    live_last = lambda i: rows[i][at["deleted_at"]] is None  # noqa: E731
    for statement, chosen in ((execute_upsert, sorted(updates, key=live_last)),
                              (execute_insert, sorted(inserts, key=live_last))):
        for start in range(0, len(chosen), CHUNK):
            part = chosen[start:start + CHUNK]
            try:
                statement(conn, table, raw=[incoming.raw[i] for i in part],
                          typed=[incoming.typed[i] for i in part])
            except sa.exc.IntegrityError as err:
                # an id the city holds for another township, named; else the conflict as is
                _refuse_foreign_ids(conn, table, [rows[i][key] for i in part], m, name)
                raise UserError(f"{name}：表 {table.name} 的数据与市总工会库中已有的数据冲突"
                                f"（{err.orig}），整个数据包未合并") from None
    return TableCounts(new=new, updated=updated, unchanged=unchanged, tombstoned=tombstoned)


def _merged_before(s: Session, opened: Opened):
    """When this very file (same SHA-256) was merged already: when."""
    return s.execute(sa.select(sa.func.min(MergeRecord.created_at)).where(
        MergeRecord.package_sha256 == opened.package_sha256,
        MergeRecord.outcome == MergeOutcome.MERGED)).scalar_one()


def _already_merged(s: Session, opened: Opened, name: str, when) -> MergeResult:
    """The same file again: its key must still be trusted; its rows are all already here (a
    township's rows change only through its own newer packages, which this cannot overwrite)."""
    m = opened.manifest
    signer, _ = trust.check_signer(s, manifest=m, package=name)
    result = MergeResult(file=name, outcome=MergeOutcome.MERGED, township=m.township,
                         township_name=m.township_name, sequence=m.sequence,
                         installation_id=m.installation_id,
                         signer_fingerprint=m.signing_fingerprint,
                         reason=f"同一数据包已于 {when.astimezone():%Y-%m-%d %H:%M} 合并过，未改动任何记录",
                         counts={t: TableCounts(unchanged=n) for t, n in m.row_counts.items()
                                 if t not in ("setting",)})
    if m.sequence < signer.last_sequence:
        result.outcome = MergeOutcome.OLDER
    _history(s, result, opened)
    return result


def _refuse_foreign_ids(conn, table: sa.Table, ids: list[str], m: Manifest, name: str) -> None:
    for start in range(0, len(ids), 900):
        taken = conn.execute(sa.select(table.c.id, table.c.township).where(
            table.c.id.in_(ids[start:start + 900]), table.c.township != m.township)).first()
        if taken is not None:
            raise UserError(f"{name}：表 {table.name} 的记录 {taken[0]} 在市总工会库中属于"
                            f"乡镇代码“{taken[1]}”，{township_by_code(m.township).name}的数据包"
                            f"不能改动它：整个数据包拒收")


def _history(s: Session, result: MergeResult, opened: Opened | None) -> None:
    m = opened.manifest if opened else None
    s.add(MergeRecord(
        file_name=result.file[:260], package_sha256=opened.package_sha256 if opened else "",
        installation_id=result.installation_id, source_township=result.township,
        sequence=result.sequence, made_at=m.made_at if m else None, outcome=result.outcome,
        reason=result.reason[:500],
        counts=json.dumps({k: v.model_dump() for k, v in result.counts.items()}),
        signer_fingerprint=result.signer_fingerprint, merged_by=s.info.get("actor", "")))
    s.flush()


def _refuse(db, name: str, opened: Opened | None, err: UserError) -> MergeResult:
    m = opened.manifest if opened else None
    result = MergeResult(file=name, outcome=MergeOutcome.REFUSED, reason=str(err))
    if m is not None:
        result = result.model_copy(update=dict(
            township=m.township, township_name=m.township_name, sequence=m.sequence,
            installation_id=m.installation_id, signer_fingerprint=m.signing_fingerprint))
    with db.session(write=True) as s:
        if m is not None and isinstance(err, trust.NewKeyForTownship):
            trust.record_pending(s, manifest=m)
        _history(s, result, opened)
    return result
