"""What the window needs of a database file before SQLAlchemy is loaded (start-up, app.py):
where the clerk's file lives by default, the schema revision this program writes, and the lock
that keeps one window per file. `union_desk.db` re-exports all three (their one place is here).
"""
from __future__ import annotations

import os
from pathlib import Path

from union_desk import APP_NAME

# The head revision(s) shipped in migrations/versions (a test keeps this in step). Opening a file
# already at these skips loading Alembic, a third of the start-up time; the window's first page
# (first_page.py) is read before the file is opened only from a file at these.
HEADS = frozenset({"0020"})


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "union_desk.sqlite3"


class InstanceLock:
    """One running app per database file: an OS lock on `<db>.lock`, released on exit."""

    def __init__(self, db_path: str | os.PathLike):
        # keyed on the real file: a symbolic link or another spelling of the path (relative,
        # with "..", another case on Windows) names the same lock
        real = os.path.normcase(str(Path(db_path).resolve()))
        self.path = Path(real + ".lock")
        self._fh = None

    def acquire(self) -> bool:
        fh = open(self.path, "a+b")
        try:
            if os.name == "nt":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return False
        self._fh = fh
        return True

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
