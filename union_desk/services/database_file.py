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
from union_desk.services.errors import UserError
from union_desk.services.settings import get_setting


class Workplace(BaseModel):
    """Who works here, and on which file."""

    township: str          # code, e.g. DY; "" before setup
    township_name: str     # 大洋镇; "" before setup
    clerk: str
    database: Path

    def backup_name(self) -> str:
        """The name a backup copy is offered under: union_desk-backup.sqlite3 beside the file."""
        return str(self.database.with_name(self.database.stem + "-backup.sqlite3"))


def workplace(session: Session) -> Workplace:
    code = get_setting(session, key="township", default="") or ""
    try:
        name = township_by_code(code).name if code else ""
    except RuleError:
        name = code
    return Workplace(township=code, township_name=name,
                     clerk=database_of(session).context.clerk
                     or get_setting(session, key="clerk", default="") or "",
                     database=database_of(session).path)


def save_backup(session: Session, *, dest: str | os.PathLike) -> Path:
    """A consistent snapshot of the open file at `dest` (safe while the app is open)."""
    try:
        return database_of(session).backup(dest)
    except ValueError as err:
        raise UserError(str(err)) from err
    except (OSError, sqlite3.Error) as err:
        raise UserError(f"无法备份到 {dest}：{err}") from err
