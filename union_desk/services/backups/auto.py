"""The automatic backup: at most once an hour, only when the file changed since the last one,
into the backups folder and, if the clerk set one, a second folder (a USB stick, a share).

Two steps, so that the lock is held only while the snapshot is taken: the window runs
`start_auto_backup` as a write op (the single write worker: no write of this app runs meanwhile,
and the op's own `BEGIN IMMEDIATE` keeps other programs' writes out too), then
`finish_auto_backup` as a read op (verify, name, thin, copy to the second folder). `auto_backup`
is both in one (the CLI, and the window as it closes).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlmodel import Session

from union_desk.services.backups.store import (BackupInfo, Taken, backup_files, backups_folder,
                                               copy_verified, finish_backup, start_backup, thin)
from union_desk.services.errors import UserError
from union_desk.services.settings import get_setting, put_setting

SECOND_FOLDER_KEY = "backup_second_folder"
EVERY = timedelta(hours=1)


@dataclass
class AutoBackupResult:
    made: BackupInfo | None = None
    second: Path | None = None  # the copy in the second folder, when written
    notices: list[str] = field(default_factory=list)


def second_folder(session: Session) -> Path | None:
    value = get_setting(session, key=SECOND_FOLDER_KEY, default="")
    return Path(value) if value else None


def set_second_folder(session: Session, *, folder: str) -> Path | None:
    """Set (or with "" clear) the second backups folder."""
    text = folder.strip()
    if not text:
        put_setting(session, key=SECOND_FOLDER_KEY, value="")
        return None
    path = Path(text).expanduser()
    if not path.is_absolute():
        raise UserError("请填写完整的文件夹路径（例如 E:\\工会备份）", field="second_folder")
    put_setting(session, key=SECOND_FOLDER_KEY, value=str(path))
    return path


def last_change(db_path: Path) -> datetime:
    """When the file (or its write-ahead log) was last written."""
    db_path = Path(db_path)
    times = [p.stat().st_mtime for p in (db_path, Path(f"{db_path}-wal")) if p.exists()]
    return datetime.fromtimestamp(max(times, default=0), tz=timezone.utc)


def is_due(db_path: Path, *, now: datetime) -> bool:
    files = backup_files(db_path)
    if not files:
        return True
    newest = files[0][0]
    return now - newest >= EVERY and last_change(db_path) > newest


@dataclass
class PendingBackup:
    taken: Taken
    db_path: Path
    now: datetime
    second: Path | None


def start_auto_backup(session: Session, *, db_path: Path, now: datetime | None = None,
                      force: bool = False) -> PendingBackup | None:
    """Take the snapshot if a backup is due (or `force`); None when none is due."""
    now = now or datetime.now(timezone.utc)
    db_path = Path(db_path)
    if not force and not is_due(db_path, now=now):
        return None
    return PendingBackup(start_backup(db_path, now=now), db_path, now, second_folder(session))


def finish_auto_backup(pending: PendingBackup | None) -> AutoBackupResult:
    """Verify and name the snapshot, thin the folders, copy it to the second folder. A second
    folder that is not there is skipped with a notice."""
    if pending is None:
        return AutoBackupResult()
    db_path, now, second = pending.db_path, pending.now, pending.second
    result = AutoBackupResult(made=finish_backup(pending.taken))
    thin(db_path, now=now)
    if second is None or second.resolve() == backups_folder(db_path):
        return result
    if not second.is_dir():
        result.notices.append(f"第二个备份文件夹不在（U 盘或网络盘没有连接？），这次只备份到了本机：{second}")
        return result
    try:
        copy_verified(result.made.path, second / result.made.path.name)
        thin(db_path, now=now, folder=second)
        result.second = second / result.made.path.name
    except (OSError, UserError) as err:
        result.notices.append(f"无法写入第二个备份文件夹 {second}（{err}），这次只备份到了本机")
    return result


def auto_backup(session: Session, *, db_path: Path, now: datetime | None = None,
                force: bool = False) -> AutoBackupResult:
    """Both steps in one."""
    return finish_auto_backup(start_auto_backup(session, db_path=db_path, now=now, force=force))
