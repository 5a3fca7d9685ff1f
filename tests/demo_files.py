"""Demo databases for tests: made once per session from a template (or empty), then copied for
each test that changes its data."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

from union_desk.db import open_database


def demo_file(path: Path, members: int, *, template: Path | None = None,
              then: Callable | None = None) -> Path:
    """A demo database of `members` members at `path` (a copy of `template` first, if given);
    `then(session)` adds to it in the same transaction."""
    from union_desk.services.demo.generate import make_demo

    if template is not None:
        shutil.copyfile(template, path)
    db = open_database(path)
    try:
        with db.session(write=True) as s:
            make_demo(s, size=members)
            if then is not None:
                then(s)
    finally:
        db.close()
    return path


def copy_of(template: Path, folder: Path) -> Path:
    """The test's own copy of a session's demo database."""
    path = folder / "demo.sqlite3"
    shutil.copyfile(template, path)
    return path


def demo_at_revision(url, revision: str, members: int = 150) -> None:
    """A demo database of `members` members at `url` (a SQLite file or a server database),
    then migrated down to `revision` and closed: what an older version left, for a migration's
    test."""
    from alembic import command

    demo_file(url, members)
    db = open_database(url, migrate=False)
    try:
        with db.engine.begin() as conn:
            command.downgrade(db._alembic_config(conn), revision)
    finally:
        db.close()
