"""Shared by the safety tests: a database with demo records, run the CLI, the log folder."""
from __future__ import annotations

import sys
from pathlib import Path

from union_desk.cli import main
from union_desk.db import open_database
from union_desk.services.demo.generate import make_demo


def demo_file(path: Path, members: int = 40) -> Path:
    with open_database(path) as db:
        from union_desk.services.settings import set_up

        with db.session(write=True) as s:
            set_up(s, township="DY", clerk="王晓燕")
            make_demo(s, size=members)
    return path


def cli(capsys, db_path, *args) -> tuple[int, str, str]:
    code = main(["--db", str(db_path), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def sidecars(path: Path) -> list[Path]:
    return [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


PYTHON = sys.executable
