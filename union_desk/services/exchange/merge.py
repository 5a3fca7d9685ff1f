"""The city office merges a township's package: verify, decrypt, migrate a copy if older,
validate every row, then upsert by UUID in ONE write transaction per package.

Order of checks (each refusal names the file and the reason; nothing is written):
signature and hashes (package.py) → city key and decryption → schema revision (newer: 请先升级;
older: a temporary copy is migrated first) → every row validated and of the package's own
township → signing key trusted (trust.py). Then, in the write transaction: rows newer than the
city's copy replace it, new rows are inserted, tombstones are ordinary updates (all through Core,
`dialect.upsert_newer`); review items are found; the merge is recorded in the history.
A refusal is recorded in the history by a transaction of its own.
"""
from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Callable

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Session

from union_desk.domain.errors import RuleError
from union_desk.domain.townships import township_by_code
from union_desk.models.exchange import MergeOutcome, MergeRecord
from union_desk.services.errors import UserError
from union_desk.services.exchange import keys, review, trust
from union_desk.services.exchange.dialect import upsert_newer
from union_desk.services.exchange.package import Manifest, Opened, open_package
from union_desk.services.exchange.rows import merged_tables, read_rows

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


def merge_packages(db, paths: list[Path], *, progress: Progress | None = None) -> list[MergeResult]:
    """Each package on its own: a refused one does not stop the others."""
    with db.session() as s:
        keys.city_key(s)  # a township's database merges nothing
    return [merge_package(db, p, progress=progress) for p in paths]


def merge_package(db, path: str | Path, *, progress: Progress | None = None) -> MergeResult:
    path = Path(path)
    opened: Opened | None = None
    try:
        opened = open_package(path)
        with tempfile.TemporaryDirectory(prefix="union-desk-merge-") as folder:
            snap = _decrypted_copy(db, opened, Path(folder))
            tables = _read_snapshot(snap, opened.manifest, path.name)
            with db.session(write=True) as s:
                return _write(s, opened, path.name, tables, progress)
    except UserError as err:
        return _refuse(db, path.name, opened, err)


# -- before the write ---------------------------------------------------------------------------

def _decrypted_copy(db, opened: Opened, folder: Path) -> Path:
    m, name = opened.manifest, opened.name
    try:
        township_by_code(m.township)
    except RuleError:
        raise UserError(f"{name}：数据包的乡镇代码 {m.township} 不是建德市的乡镇（街道）") from None
    with db.session() as s:
        key = keys.city_private_key(s)
    snapshot = opened.decrypt(key)
    path = folder / "package.sqlite3"
    path.write_bytes(snapshot)
    _bring_to_head(path, m, name)
    return path


def _bring_to_head(path: Path, manifest: Manifest, name: str) -> None:
    from union_desk.db import HEADS, Database

    revisions = set(manifest.schema_revisions)
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        try:
            stored = {r[0] for r in con.execute("SELECT version_num FROM alembic_version")}
        except sqlite3.DatabaseError:
            raise UserError(f"{name}：数据包里的数据库无法读取") from None
    con.close()
    if stored != revisions:
        raise UserError(f"{name}：数据包里的数据库版本与清单不符，数据包已被改动")
    if revisions == set(HEADS):
        return
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


def _read_snapshot(path: Path, manifest: Manifest, name: str) -> dict[str, list[dict]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT value FROM setting WHERE key = 'township'").fetchone()
        if row is None or json.loads(row[0]) != manifest.township:
            raise UserError(f"{name}：数据包里的数据库不属于清单上的乡镇 {manifest.township}")
        secret = con.execute("SELECT value FROM setting WHERE key = 'voucher.secret'").fetchone()
        tables = {t.name: read_rows(con, t, package=name) for t in merged_tables()}
    except sqlite3.DatabaseError as err:
        raise UserError(f"{name}：数据包里的数据库无法读取（{err}）") from None
    finally:
        con.close()
    town = township_by_code(manifest.township).name
    for table, rows in tables.items():
        for r in rows:
            if r["township"] != manifest.township:
                raise UserError(f"{name}：表 {table} 的记录 {r['id']} 属于乡镇代码“{r['township']}”，"
                                f"不是本包的{town}：整个数据包拒收")
    tables["__voucher_secret__"] = [{"secret": json.loads(secret[0])}] if secret else []
    return tables


# -- the write ----------------------------------------------------------------------------------

def _write(s: Session, opened: Opened, name: str, tables: dict[str, list[dict]],
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
        secrets_ = tables.pop("__voucher_secret__")
        total = sum(len(rows) for rows in tables.values()) or 1
        done = 0
        for table in merged_tables():
            rows = tables[table.name]
            result.counts[table.name] = _merge_table(s, table, rows, m, name)
            done += len(rows)
            if progress:
                progress(done, total)
        for item in secrets_:
            keys.keep_voucher_secret(s, township=m.township, secret=item["secret"])
        signer.last_sequence = m.sequence
        result.review_items = review.find_review_items(s, township=m.township)
    _history(s, result, opened)
    return result


def _merge_table(s: Session, table: sa.Table, rows: list[dict], m: Manifest,
                 name: str) -> TableCounts:
    counts = TableCounts()
    if not rows:
        return counts
    conn = s.connection()
    payment = table.name == "payment"
    extra = [table.c.amount_fen, table.c.voucher_no] if payment else []
    existing = {r[0]: r for r in conn.execute(
        sa.select(table.c.id, table.c.updated_at, table.c.deleted_at, *extra)
        .where(table.c.township == m.township))}
    _refuse_foreign_ids(conn, table, [r["id"] for r in rows if r["id"] not in existing], m, name)
    write: list[dict] = []
    for r in rows:
        old = existing.get(r["id"])
        if old is None:
            counts.new += 1
        elif r["updated_at"] > old[1]:
            counts.updated += 1
            if payment and old[3] != r["amount_fen"]:
                review.voucher_amount_changed(s, township=m.township, voucher_no=r["voucher_no"],
                                              before=old[3], after=r["amount_fen"],
                                              sequence=m.sequence)
        else:
            counts.unchanged += 1
            continue
        if r["deleted_at"] is not None and (old is None or old[2] is None):
            counts.tombstoned += 1
        write.append(r)
    # tombstones first: a record removed and entered again must not meet its old self in a
    # per-township unique index (e.g. an ID number) half-way through the statement
    write.sort(key=lambda r: r["deleted_at"] is None)
    statement = upsert_newer(table, conn.dialect.name)
    for start in range(0, len(write), CHUNK):
        try:
            conn.execute(statement, write[start:start + CHUNK])
        except sa.exc.IntegrityError as err:
            raise UserError(f"{name}：表 {table.name} 的数据与市总工会库中已有的数据冲突"
                            f"（{err.orig}），整个数据包未合并") from None
    return counts


def _refuse_foreign_ids(conn, table: sa.Table, ids: list[str], m: Manifest, name: str) -> None:
    for start in range(0, len(ids), 900):
        taken = conn.execute(sa.select(table.c.id, table.c.township).where(
            table.c.id.in_(ids[start:start + 900]))).first()
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
