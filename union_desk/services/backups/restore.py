"""Restoring a backup: what it lacks against the current file, and putting it in place with the
current file set aside (never deleted).

The caller holds the database's instance lock and has closed its own connections.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from union_desk.dbfile import DatabaseFileError, known_revisions, probe, readonly_uri
from union_desk.files import atomic_path, fsync_folder
from union_desk.services.accounts.accounts import require_head
from union_desk.services.backups.salvage import salvage
from union_desk.services.backups.store import NOT_RECORDS, STAMP, area_of, verify
from union_desk.services.errors import UserError

SIDECARS = ("-wal", "-shm")


@dataclass
class RestoreResult:
    restored_from: Path
    set_aside: Path
    damaged: bool
    missing: dict[str, int] | None = field(default_factory=dict)  # None: current unreadable


def changes_since(current: Path, backup: Path) -> dict[str, int]:
    """Per area, the records of `current` that `backup` lacks or holds in an older state."""
    con = sqlite3.connect(readonly_uri(current), uri=True)
    try:
        con.execute("ATTACH DATABASE ? AS bk", (readonly_uri(backup),))
        mine = _record_tables(con, "main")
        theirs = set(_record_tables(con, "bk"))
        counts: dict[str, int] = {}
        for table in mine:
            if table in theirs:
                n = con.execute(
                    f'SELECT count(*) FROM main."{table}" AS c LEFT JOIN bk."{table}" AS b '
                    "ON b.id = c.id WHERE b.id IS NULL OR b.updated_at IS NOT c.updated_at"
                ).fetchone()[0]
            else:
                n = con.execute(f'SELECT count(*) FROM main."{table}"').fetchone()[0]
            if n:
                counts[area_of(table)] = counts.get(area_of(table), 0) + n
        return counts
    finally:
        con.close()


def lost_if_restored(damaged: Path, backup: Path) -> dict[str, int] | None:
    """Per area, the records still readable in a damaged file that `backup` lacks or holds in
    an older state (salvaged into a temporary file to compare); None when nothing is readable."""
    with tempfile.TemporaryDirectory(prefix="union-desk-compare-") as folder:
        salvaged = Path(folder) / "salvaged.sqlite3"
        try:
            salvage(damaged, salvaged)
            return changes_since(salvaged, backup)
        except (ValueError, OSError, sqlite3.Error):
            return None


def _record_tables(con: sqlite3.Connection, schema: str) -> list[str]:
    names = [r[0] for r in con.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    out = []
    for name in names:
        cols = {r[1] for r in con.execute(f'PRAGMA {schema}.table_info("{name}")')}
        if name not in NOT_RECORDS and {"id", "updated_at"} <= cols:
            out.append(name)
    return out


def missing_text(missing: dict[str, int] | None, *, damaged: bool = False) -> str:
    """What a restore loses, for the clerk. `damaged`: `missing` was read out of a damaged
    file, so it covers only what could still be read."""
    if missing is None:
        return "当前文件已损坏，读不出可以比较的记录；备份之后的改动将不在恢复后的数据库中"
    if damaged and not missing:
        return "损坏的文件中还能读出的记录都在这个备份中（读不出的部分无法比较）"
    if not missing:
        return "备份之后没有新的改动，恢复不会丢失记录"
    counts = "，".join(f"{k} {v} 条" for k, v in missing.items())
    if damaged:
        return f"损坏的文件中还能读出、而这个备份没有（或较旧）的记录将不在恢复后的数据库中：{counts}"
    return f"备份之后新增或修改的记录将不在恢复后的数据库中：{counts}"


def check_backup(backup: Path) -> None:
    """A backup that can be restored: a union_desk database this program knows, sound."""
    try:
        probe(backup, create=False)
    except DatabaseFileError as err:
        if err.kind != "read_only":  # a backup on a read-only stick is fine to restore from
            raise UserError(f"不能用这个文件恢复：{err}") from err
    verify(backup)
    con = sqlite3.connect(readonly_uri(backup), uri=True)
    try:
        revisions = {r[0] for r in con.execute("SELECT version_num FROM alembic_version")}
    finally:
        con.close()
    if not revisions or revisions - known_revisions():
        raise UserError(f"这个备份来自更新版本的程序，不能恢复：{backup}")


def current_is_damaged(current: Path) -> bool:
    if not current.exists():
        return False
    try:
        probe(current, create=False)
    except DatabaseFileError as err:
        return err.kind in ("damaged", "not_database", "empty")
    try:
        con = sqlite3.connect(readonly_uri(current), uri=True)
        try:
            return [r[0] for r in con.execute("PRAGMA quick_check")] != ["ok"]
        finally:
            con.close()
    except sqlite3.Error:
        return True


def require_may_restore(session) -> None:
    """Only a 负责人 puts a backup in place of a file that can be opened: a restore rolls back
    everyone's work since the backup (kept aside, but gone from the file in use). A damaged file
    cannot be signed in to, so the callers skip this for one (anyone may rescue it)."""
    require_head(session, doing="用备份恢复数据库")


def restore_backup(current: Path, backup: Path, *, now: datetime | None = None) -> RestoreResult:
    """Put `backup` in place of `current`. A sound current file is first copied aside
    (`NAME.before-restore-STAMP.sqlite3`); a damaged one is moved aside with its journal files
    (`NAME.damaged-STAMP.sqlite3`). Nothing is deleted."""
    now = now or datetime.now(timezone.utc)
    current, backup = Path(current).resolve(), Path(backup).resolve()
    if backup == current:
        raise UserError("不能用数据库文件本身恢复它自己")
    check_backup(backup)
    stamp = now.astimezone(timezone.utc).strftime(STAMP)
    damaged = current_is_damaged(current)
    if not current.exists():
        missing = None
    elif damaged:
        missing = lost_if_restored(current, backup)
    else:
        missing = changes_since(current, backup)
    with atomic_path(current) as tmp:
        shutil.copyfile(backup, tmp)
        verify(tmp)
        if damaged:
            aside = current.with_name(f"{current.stem}.damaged-{stamp}{current.suffix}")
            _move_aside(current, aside)
        elif current.exists():
            aside = current.with_name(f"{current.stem}.before-restore-{stamp}{current.suffix}")
            _copy_aside(current, aside)
        else:
            aside = current
    return RestoreResult(restored_from=backup, set_aside=aside, damaged=damaged, missing=missing)


def _copy_aside(current: Path, aside: Path) -> None:
    """A consistent copy of the current file (its write-ahead log included), then no journal
    file may remain that SQLite would apply to the restored file."""
    con = sqlite3.connect(current, isolation_level=None)
    try:
        with atomic_path(aside) as tmp:
            con.execute("VACUUM INTO ?", (str(tmp),))
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    if Path(f"{current}-wal").exists() and Path(f"{current}-wal").stat().st_size:
        raise UserError(f"数据库正被其他程序使用，不能恢复：{current}。请先关闭其他窗口和命令。")
    for suffix in SIDECARS:
        Path(f"{current}{suffix}").unlink(missing_ok=True)


def _move_aside(current: Path, aside: Path) -> None:
    for suffix in SIDECARS:
        side = Path(f"{current}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{aside}{suffix}"))
    os.replace(current, aside)
    fsync_folder(current.parent)
