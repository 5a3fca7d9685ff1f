"""`union-desk` entry point: no sub-command starts the GUI; sub-commands do headless work.

Each working area registers its sub-commands from its own module (see AREA_MODULES).
Exit codes: 0 fine, 1 error (message on stderr, nothing written), 2 usage, 3 rows rejected.
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

AREA_MODULES = [
    "union_desk.cli.base",
    "union_desk.cli.roster",
    "union_desk.cli.stations",
    "union_desk.cli.hardship",
    "union_desk.cli.trips",
    "union_desk.cli.accounts",
]

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="union-desk", description="建德市乡镇工会工作台")
    parser.add_argument("--db", type=Path, help="数据库文件（默认：用户数据目录）")
    parser.add_argument("--lang", choices=["zh", "en"], default=None, help="界面语言")
    parser.add_argument("--as", dest="as_account", default=None, metavar="NAME",
                        help="以哪个账户操作（本机有多个账户时必填；也可用环境变量 UNION_DESK_ACCOUNT，"
                             "密码用 UNION_DESK_PASSWORD 或在终端输入）")
    # CI: the built program opens its window, lets the first pages load, prints the tabs, quits
    parser.add_argument("--smoke-quit", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in AREA_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from union_desk.app import run_gui

        return run_gui(db_path=args.db, lang=args.lang, smoke_quit=args.smoke_quit)
    from union_desk.services.errors import UserError

    try:
        return int(args.handler(args) or 0)
    except UserError as err:
        print(f"错误：{err}", file=sys.stderr)
        return EXIT_ERROR


def open_db(args):
    """Open (and migrate) the database named by --db, or the default one."""
    from union_desk.cli.accounts import act_as
    from union_desk.db import default_db_path, open_database

    db = open_database(args.db or default_db_path())
    try:
        act_as(db, args)
    except BaseException:
        db.close()
        raise
    return db
