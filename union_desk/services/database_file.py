"""The open database file itself: where it is and who works in it (the main window's status bar:
the account signed in, else the first-run clerk), and a backup copy of it (File ▸ Save a backup
copy…)."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from pydantic import BaseModel
from sqlmodel import Session

from union_desk.db import database_of
from union_desk.domain.errors import RuleError
from union_desk.domain.townships import township_by_code
from union_desk.files import write_error_text
from union_desk.services.backups.store import verified_snapshot
from union_desk.services.errors import UserError
from union_desk.services.settings import get_setting, is_city


class Workplace(BaseModel):
    """Who works here, and on which file."""

    township: str          # code, e.g. DY; "" before setup
    township_name: str     # 大洋镇; "" before setup
    clerk: str
    database: str          # the file's path, or a server database's URL (without password)
    is_server: bool = False  # PostgreSQL: no file to copy (its backups are pg_dump's)
    is_city: bool = False    # the city office's database (many townships' records)

    def backup_name(self) -> str:
        """The name a backup copy is offered under: union_desk-backup.sqlite3 beside the file."""
        if self.is_server:
            return ""
        path = Path(self.database)
        return str(path.with_name(path.stem + "-backup.sqlite3"))


def workplace(session: Session) -> Workplace:
    db = database_of(session)
    code = get_setting(session, key="township", default="") or ""
    try:
        name = township_by_code(code).name if code else ""
    except RuleError:
        name = code
    return Workplace(township=code, township_name=name,
                     clerk=db.context.clerk or get_setting(session, key="clerk", default="") or "",
                     database=str(db.location if db.is_server else db.path),
                     is_server=db.is_server, is_city=is_city(session))


def save_backup(session: Session, *, dest: str | os.PathLike) -> Path:
    """A verified snapshot of the open file at `dest` (safe while the app is open): File ▸ Save
    a backup copy…, made and checked as every backup is (services/backups/store.py)."""
    db = database_of(session)
    if db.is_server:
        raise UserError("服务器上的数据库用 PostgreSQL 自己的工具备份（pg_dump，见 README）")
    dest = Path(dest)
    try:
        verified_snapshot(db.path, dest)
    except OSError as err:
        raise UserError(write_error_text(err, dest)) from err
    except sqlite3.Error as err:
        raise UserError(f"无法备份到 {dest}：{err}") from err
    return dest.resolve()
