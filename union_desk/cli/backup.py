"""`union-desk backup DEST | backup now | backup list | backup restore FILE` and `salvage OUT`:
snapshots, the automatic backups folder, restoring, and reading a damaged file's rows out."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from union_desk.cli import EXIT_ERROR, EXIT_OK, db_path, open_db, print_json


def register(subparsers) -> None:
    backup = subparsers.add_parser(
        "backup", help="备份：backup DEST 快照到 DEST；backup now 备份到备份文件夹；"
                       "backup list 列出备份；backup restore FILE 用备份恢复",
        description="backup DEST：把数据库的一致快照写到 DEST。\n"
                    "backup now：立即做一个经过校验的备份到数据库旁的 backups 文件夹（及设置的第二个文件夹），并按规则精简旧备份。\n"
                    "backup list [--json]：列出备份（时间、大小、记录数）。\n"
                    "backup restore FILE：用备份恢复；当前文件先另存一份（不会删除），并列出备份之后的改动。",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    backup.add_argument("target", metavar="DEST|now|list|restore")
    backup.add_argument("file", nargs="?", type=Path, metavar="FILE", help="restore 所用的备份文件")
    backup.add_argument("--json", action="store_true", help="list：输出一个 JSON 对象")
    backup.set_defaults(handler=_backup)

    salvage = subparsers.add_parser(
        "salvage", help="从损坏的数据库中抢救能读出的记录，写到一个新文件 OUT（原文件不会改动）")
    salvage.add_argument("out", type=Path, metavar="OUT")
    salvage.set_defaults(handler=_salvage)


def _backup(args: argparse.Namespace) -> int:
    from union_desk.db_url import is_server

    if is_server(args.db):
        raise _usage("服务器上的数据库用 PostgreSQL 自己的工具备份和恢复（pg_dump / pg_restore，见 README）")
    action = {"now": _now, "list": _list, "restore": _restore}.get(args.target)
    if action is None:
        return _snapshot(args)
    if action is not _restore and args.file is not None:
        raise _usage(f"backup {args.target} 不需要文件参数")
    return action(args)


def _usage(text: str):
    from union_desk.services.errors import UserError

    return UserError(text)


def _snapshot(args: argparse.Namespace) -> int:
    from union_desk.services.backups.store import verified_snapshot

    if args.file is not None:
        raise _usage("用法：backup DEST（一个目标文件）")
    dest = Path(args.target).resolve()
    with open_db(args) as db:
        verified_snapshot(db.path, dest)
    sys.stdout.write(f"已备份并校验：{dest}\n")
    return EXIT_OK


def _now(args: argparse.Namespace) -> int:
    from union_desk.services.backups.auto import auto_backup

    with open_db(args) as db:
        with db.session(write=True) as s:  # no write runs while the snapshot is taken
            result = auto_backup(s, db_path=db.path, force=True)
    sys.stdout.write(f"已备份并校验：{result.made.path}（{result.made.counts_text()}）\n")
    if result.second:
        sys.stdout.write(f"第二个备份文件夹：{result.second}\n")
    for notice in result.notices:
        sys.stdout.write(f"注意：{notice}\n")
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from union_desk.services.backups.store import backups_folder, list_backups, size_text

    path = db_path(args).resolve()
    folder = backups_folder(path)
    items = list_backups(path)
    total = sum(b.size for b in items)
    if args.json:
        print_json({"database": str(path), "folder": str(folder), "size": total, "backups": [
            {"file": str(b.path), "taken_at": b.taken_at.astimezone().isoformat(timespec="seconds"),
             "size": b.size, "readable": b.readable, "counts": b.counts} for b in items]})
        return EXIT_OK
    sys.stdout.write(f"备份文件夹：{folder}（{len(items)} 个备份，共 {size_text(total)}）\n")
    for b in items:
        sys.stdout.write(f"{b.when_text()}\t{size_text(b.size)}\t{b.counts_text()}\t{b.path.name}\n")
    if not items:
        sys.stdout.write("还没有备份。窗口打开时每小时自动备份一次；也可以运行 union-desk backup now。\n")
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from union_desk.db import InstanceLock
    from union_desk.services.backups.restore import missing_text, restore_backup
    from union_desk.services.backups.store import backups_folder
    from union_desk.services.errors import UserError

    if args.file is None:
        raise _usage("用法：backup restore FILE（backup list 列出可用的备份）")
    current = db_path(args).resolve()
    backup = args.file
    if not backup.exists() and (backups_folder(current) / backup.name).exists():
        backup = backups_folder(current) / backup.name
    if not backup.is_file():
        raise UserError(f"备份文件不存在：{backup}")
    _require_may_restore(args, current)
    lock = InstanceLock(current)
    if not lock.acquire():
        raise UserError(f"数据库正在 union_desk 窗口中打开，请先关闭窗口再恢复：{current}")
    try:
        result = restore_backup(current, backup)
    finally:
        lock.release()
    sys.stdout.write(f"已用备份 {result.restored_from.name} 恢复 {current}\n")
    if result.set_aside != current:
        what = "损坏的文件已移到" if result.damaged else "恢复前的文件已另存为"
        sys.stdout.write(f"{what}：{result.set_aside}（不会删除）\n")
    sys.stdout.write(missing_text(result.missing, damaged=result.damaged) + "\n")
    return EXIT_OK


def _require_may_restore(args: argparse.Namespace, current: Path) -> None:
    """A file that opens: the account acting (`--as`) must be its 负责人. A missing, damaged or
    otherwise unusable file cannot be signed in to: restoring over it is anyone's rescue."""
    from union_desk.dbfile import DatabaseFileError
    from union_desk.services.backups.restore import current_is_damaged, require_may_restore

    if not current.exists() or current_is_damaged(current):
        return
    try:
        db = open_db(args)
    except DatabaseFileError:
        return
    try:
        with db.session() as s:
            require_may_restore(s)
    finally:
        db.close()


def _salvage(args: argparse.Namespace) -> int:
    from union_desk.services.backups.salvage import salvage
    from union_desk.services.errors import UserError

    source = db_path(args).resolve()
    if not source.is_file():
        raise UserError(f"数据库文件不存在：{source}")
    out = args.out.resolve()
    if out == source or out.exists():
        raise UserError(f"请给抢救结果一个新的文件名（{out} 已存在）")
    try:
        report = salvage(source, out)
    except ValueError as err:
        raise UserError(f"这个文件不是 SQLite 数据库，无法抢救：{source}") from err
    sys.stdout.write(f"已从 {source.name} 抢救出 {report.total} 条记录，写入新文件 {out}\n")
    for table, rows in report.rows.items():
        sys.stdout.write(f"  {table}\t{rows}\n")
    if report.lost_tables:
        sys.stdout.write(f"结构已无法读取、没有抢救出记录的表：{'、'.join(report.lost_tables)}\n")
    if report.foreign_key_problems:
        sys.stdout.write(f"有 {report.foreign_key_problems} 条记录引用的记录没有抢救出来。\n")
    sys.stdout.write(f"原文件没有改动。请先核对新文件（union-desk --db {out} check，或在窗口中打开），"
                     "确认无误后再使用。\n")
    return EXIT_OK if report.total else EXIT_ERROR


def print_damaged_help(path: Path) -> None:
    """After the damaged-file message: the newest backup to restore, and salvage."""
    from union_desk.services.backups.store import backups_folder, list_backups, size_text

    path = Path(path).resolve()
    newest = next((b for b in list_backups(path) if b.readable), None)
    out = sys.stderr
    if newest is not None:
        out.write(f"最新的备份：{newest.when_text()}（{size_text(newest.size)}；{newest.counts_text()}），"
                  "此后的改动不在备份中。\n"
                  f"用它恢复（损坏的文件会被移到一旁保留）：union-desk --db {path} backup restore "
                  f"{newest.path}\n")
    else:
        out.write(f"在 {backups_folder(path)} 中没有找到备份。\n")
    out.write(f"抢救能读出的记录到新文件：union-desk --db {path} salvage 抢救.sqlite3\n")
