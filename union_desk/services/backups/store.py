"""The backups folder: verified snapshots, their names, listing and thinning.

A database `D:/工会/union_desk.sqlite3` keeps its backups in `D:/工会/backups/` as
`union_desk-20250102T030405Z.sqlite3` (UTC time of the snapshot). A backup is a consistent
snapshot (SQLite's VACUUM INTO) written under a temporary name; it is renamed to its final name
only after it is verified: `PRAGMA integrity_check` says ok and every table's row count read back
from the copy equals the source's at the moment of the snapshot. A file under a backup name is
therefore always complete.
"""
from __future__ import annotations

import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from union_desk.dbfile import readonly_uri
from union_desk.files import Staged, atomic_path, remove_stale_partials
from union_desk.services.backups.thinning import to_keep
from union_desk.services.errors import UserError

FOLDER_NAME = "backups"
STAMP = "%Y%m%dT%H%M%SZ"
STALE_PARTIAL_SECONDS = 3600

# What the clerk recognises in a count: area label → its main table, and every table of the area
AREAS: list[tuple[str, str, tuple[str, ...]]] = [
    ("基层工会", "grassroots_union", ("grassroots_union",)),
    ("会员", "member", ("member", "member_event")),
    ("困难职工档案", "household", ("household", "household_person", "household_event")),
    ("走访与慰问金", "payment", ("visit", "payment", "voucher_counter")),
    ("返乡专车报名", "trip_registration",
     ("trip_campaign", "trip_bus", "trip_registration", "trip_seat")),
    ("爱心驿家", "station", ("station", "station_counter", "station_status_event",
                         "station_photo", "station_inspection", "station_subsidy",
                         "station_service_count")),
    ("设置", "setting", ("setting",)),
]
NOT_RECORDS = {"alembic_version", "audit_entry", "sqlite_stat1", "sqlite_sequence"}


def area_of(table: str) -> str:
    for label, _main, tables in AREAS:
        if table in tables:
            return label
    return "其他"


@dataclass
class BackupInfo:
    path: Path
    taken_at: datetime  # aware, UTC
    size: int
    counts: dict[str, int] = field(default_factory=dict)  # area label → rows of its main table
    readable: bool = True

    def when_text(self) -> str:
        """The local date and time the clerk reads."""
        return self.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")

    def counts_text(self) -> str:
        if not self.readable:
            return "无法读取"
        return "，".join(f"{k} {v}" for k, v in self.counts.items())


def size_text(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} KB"


def backups_folder(db_path: Path) -> Path:
    return Path(db_path).resolve().parent / FOLDER_NAME


def backup_name(db_path: Path, taken_at: datetime) -> str:
    return f"{Path(db_path).stem}-{taken_at.astimezone(timezone.utc).strftime(STAMP)}.sqlite3"


def _parse(db_path: Path, name: str) -> datetime | None:
    """The time of a backup of `db_path` named `name`, or None when it is not one."""
    if not re.fullmatch(re.escape(Path(db_path).stem) + r"-\d{8}T\d{6}Z\.sqlite3", name):
        return None
    return _taken_at(name)


def _taken_at(name: str) -> datetime:
    stamp = re.search(r"-(\d{8}T\d{6}Z)\.sqlite3$", name).group(1)
    return datetime.strptime(stamp, STAMP).replace(tzinfo=timezone.utc)


def backup_files(db_path: Path, folder: Path | None = None) -> list[tuple[datetime, Path]]:
    """This database's backups in `folder` (default: its backups folder), newest first."""
    folder = folder or backups_folder(db_path)
    if not folder.is_dir():
        return []
    found = [(t, p) for p in folder.iterdir() if p.is_file() and (t := _parse(db_path, p.name))]
    return sorted(found, reverse=True)


def table_counts(con: sqlite3.Connection) -> dict[str, int]:
    names = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in sorted(names)}


def area_counts(table_rows: dict[str, int]) -> dict[str, int]:
    return {label: table_rows[main] for label, main, _ in AREAS if main in table_rows}


def describe(path: Path, taken_at: datetime) -> BackupInfo:
    size = path.stat().st_size
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            counts = area_counts(table_counts(con))
        finally:
            con.close()
    except sqlite3.Error:
        return BackupInfo(path, taken_at, size, readable=False)
    return BackupInfo(path, taken_at, size, counts)


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    return [describe(p, t) for t, p in backup_files(db_path, folder)]


def folder_size(db_path: Path, folder: Path | None = None) -> int:
    return sum(p.stat().st_size for _t, p in backup_files(db_path, folder))


def verify(path: Path, expected: dict[str, int] | None = None) -> dict[str, int]:
    """Integrity check and row counts of a copy; raises UserError when it is not sound."""
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            result = [r[0] for r in con.execute("PRAGMA integrity_check")]
            counts = table_counts(con)
        finally:
            con.close()
    except sqlite3.Error as err:
        raise UserError(f"备份文件无法读取：{path.name}（{err}）") from err
    if result != ["ok"]:
        raise UserError(f"备份文件未通过完整性检查：{path.name}（{result[0]}）")
    if expected is not None and counts != expected:
        raise UserError(f"备份文件的记录数与数据库不一致：{path.name}")
    return counts


@dataclass
class Taken:
    """A snapshot written under its temporary name, with the source's row counts at that
    moment; `finish_snapshot` verifies it and gives it its name."""
    staged: Staged
    expected: dict[str, int]


def take_snapshot(source: Path, dest: Path) -> Taken:
    """A consistent snapshot of `source` under a temporary name beside `dest` (VACUUM INTO),
    taken again if another connection committed meanwhile. Quick: run it where no write may
    run (the window's write worker); verify after, without the lock."""
    source, dest = Path(source).resolve(), Path(dest).resolve()
    if dest == source:
        raise UserError("备份文件不能是当前数据库本身")
    for _attempt in range(3):
        staged = Staged(dest)
        try:
            con = sqlite3.connect(source, isolation_level=None, timeout=30)
            try:
                before = con.execute("PRAGMA data_version").fetchone()[0]
                con.execute("BEGIN")
                expected = table_counts(con)
                con.execute("COMMIT")
                con.execute("VACUUM INTO ?", (str(staged.tmp),))
                # another connection committing between the counts and the snapshot changes
                # data_version: the counts might then not match the copy
                stable = con.execute("PRAGMA data_version").fetchone()[0] == before
            finally:
                con.close()
        except BaseException:
            _discard(staged)
            raise
        if stable:
            return Taken(staged, expected)
        _discard(staged)
    raise UserError(f"数据库一直在被写入，无法取得一致的备份：{source.name}")


def finish_snapshot(taken: Taken) -> dict[str, int]:
    """Verify a taken snapshot (integrity_check, every count read back) and only then give it
    its name; a snapshot that fails is removed. Returns the counts."""
    try:
        counts = verify(taken.staged.tmp, taken.expected)
        taken.staged.commit()
        return counts
    finally:
        _discard(taken.staged)


def _discard(staged: Staged) -> None:
    """Remove the temporary file and the rollback journal VACUUM INTO keeps beside it while
    writing (a failure, a full disk, can leave it)."""
    staged.discard()
    Path(f"{staged.tmp}-journal").unlink(missing_ok=True)


def verified_snapshot(source: Path, dest: Path) -> dict[str, int]:
    """A verified snapshot of `source` at `dest` in one step; returns the row counts per table.
    The one way every backup is made (the automatic one in two steps, see auto.py)."""
    return finish_snapshot(take_snapshot(source, dest))


def copy_verified(backup: Path, dest: Path) -> None:
    """Copy a backup file to `dest` and verify the copy before it gets its name."""
    with atomic_path(dest) as tmp:
        shutil.copyfile(backup, tmp)
        verify(tmp)


def make_backup(db_path: Path, *, now: datetime, folder: Path | None = None) -> BackupInfo:
    return finish_backup(start_backup(db_path, now=now, folder=folder))


def start_backup(db_path: Path, *, now: datetime, folder: Path | None = None) -> Taken:
    """The snapshot for this database's backups folder, named by `now` (not yet verified)."""
    folder = folder or backups_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    return take_snapshot(Path(db_path), folder / backup_name(db_path, now))


def finish_backup(taken: Taken) -> BackupInfo:
    finish_snapshot(taken)
    dest = taken.staged.target
    return describe(dest, _taken_at(dest.name))


def thin(db_path: Path, *, now: datetime, folder: Path | None = None) -> list[Path]:
    """Delete the backups thinning does not keep, and stale temporary files; returns deleted."""
    folder = folder or backups_folder(db_path)
    files = backup_files(db_path, folder)
    keep = to_keep([t for t, _p in files], now)
    deleted = []
    for taken, path in files:
        if taken not in keep:
            path.unlink(missing_ok=True)
            deleted.append(path)
    remove_stale_partials(folder, older_than=STALE_PARTIAL_SECONDS)
    return deleted
