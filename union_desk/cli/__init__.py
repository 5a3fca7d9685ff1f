"""`union-desk` entry point: no sub-command starts the GUI; sub-commands do headless work.

Each working area registers its sub-commands from its own module (see AREA_MODULES).
Exit codes: 0 fine, 1 error (message on stderr, nothing written), 2 usage, 3 rows rejected.
Every error ends as one Chinese message on stderr, never a traceback: a clerk's mistake
(`UserError`), a database-file problem (`dbfile.DatabaseFileError`: missing, damaged, busy, disk
full…), or anything unexpected, whose details go to the log file (`logs.py`) and not the screen.
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
    "union_desk.cli.backup",
    "union_desk.cli.exchange",
    "union_desk.cli.city",
    "union_desk.cli.accounts",
]

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="union-desk", description="建德市乡镇工会工作台")
    parser.add_argument("--db", type=db_target, metavar="FILE|URL",
                        help="数据库文件（默认：用户数据目录），或服务器上的数据库 "
                             "postgresql://用户@服务器[:端口]/数据库名（密码见 README，不写在命令行）")
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


def db_target(text: str):
    """--db: a path, or a db_url.ServerURL for a postgresql:// URL (refused with a password)."""
    from union_desk.db_url import parse_target

    try:
        return parse_target(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from union_desk.app import run_gui

        return run_gui(db_path=args.db, lang=args.lang, smoke_quit=args.smoke_quit)
    return run_command(args)


def run_command(args: argparse.Namespace) -> int:
    """The one error handler of the headless commands."""
    from union_desk.db_url import ServerError
    from union_desk.logs import mask_numbers
    from union_desk.services.errors import UserError

    try:
        return int(args.handler(args) or 0)
    except (UserError, ServerError) as err:  # masked: no error text carries a whole ID or phone
        print(f"错误：{mask_numbers(str(err))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("已中断：没有保存写了一半的数据。", file=sys.stderr)
        return 130
    except Exception as err:  # noqa: BLE001 - the clerk gets a message, the log the details
        return _report_failure(args, err)


def _report_failure(args: argparse.Namespace, err: Exception) -> int:
    from union_desk import logs
    from union_desk.dbfile import explain

    from union_desk.db_url import is_server

    target = db_path(args)
    problem = explain(err, None if is_server(target) else target)
    if problem is not None:
        print(f"错误：{logs.mask_numbers(str(problem))}", file=sys.stderr)
        if problem.kind == "damaged":
            from union_desk.cli.backup import print_damaged_help

            print_damaged_help(problem.path)
        return EXIT_ERROR
    where = logs.log_unexpected(err, f"union-desk {args.command}")
    print(f"错误：程序遇到意外问题（{type(err).__name__}），操作没有完成。"
          f"详细信息已记录在 {where}", file=sys.stderr)
    return EXIT_ERROR


def db_path(args):
    """What --db names: a resolved file path, or a server URL (db_url.ServerURL) as given."""
    from union_desk.db import default_db_path
    from union_desk.db_url import is_server

    if is_server(args.db):
        return args.db
    return Path(args.db or default_db_path()).resolve()


def open_db(args, *, create: bool = False):
    """Open (and migrate) the database named by --db, or the default one. Only `setup`, `demo`
    and `city init` may create a new file (`create=True`); every other command refuses a missing
    one. The command acts as the account `--as` / UNION_DESK_ACCOUNT names (or the only one)."""
    from union_desk.cli.accounts import act_as
    from union_desk.db import open_database
    from union_desk.services.city.readonly import protect_township_records

    db = open_database(db_path(args), create=create)
    try:
        protect_township_records(db)  # at the city office, township records are read-only
        act_as(db, args)              # with the same rights as in the window
    except BaseException:
        db.close()
        raise
    return db
