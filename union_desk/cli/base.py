"""`union-desk setup | demo | check | migrate | stats`: the database itself, without the window."""
from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from union_desk.cli import EXIT_ERROR, EXIT_OK, db_path, open_db, print_json


def register(subparsers) -> None:
    setup = subparsers.add_parser("setup", help="首次设置：本机所属乡镇（街道）和经办人")
    setup.add_argument("--township", required=True, metavar="CODE",
                       help="乡镇（街道）代码（如 DY）或名称（如 大洋镇）")
    setup.add_argument("--clerk", required=True, metavar="NAME", help="经办人姓名")
    setup.set_defaults(handler=_setup)

    demo = subparsers.add_parser("demo", help="生成一个装满示例数据的数据库（大洋镇）")
    demo.add_argument("--members", type=_positive, default=300, metavar="N",
                      help="示例会员人数（默认 300）")
    demo.set_defaults(handler=_demo)

    check = subparsers.add_parser("check", help="检查数据库：完整性、外键、版本是否最新")
    check.set_defaults(handler=_check)

    migrate = subparsers.add_parser(
        "migrate", help="把数据库结构升级到本版本（服务器上的数据库请用所有者账号运行）")
    migrate.set_defaults(handler=_migrate)

    stats = subparsers.add_parser(
        "stats", help="年度数据：新建工会、新会员、困难帮扶、返乡专车、爱心驿家；可写出年度报告（PDF、Excel）",
        description="本乡镇（或市总工会：全市及各乡镇）当年的数字。--pdf/--xlsx 写出年度报告："
                    "数字与上年对比、图表和签字栏（A4 PDF），或同样的表格（Excel，分工作表，可直接粘贴到"
                    "市总工会的报表）。")
    stats.add_argument("--year", type=_positive, default=None, metavar="YYYY",
                       help="年份（默认今年）")
    stats.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
    stats.add_argument("--pdf", type=Path, metavar="OUT.pdf",
                       help="写出年度报告 PDF（市总工会另附各乡镇汇总表）")
    stats.add_argument("--xlsx", "--excel", dest="xlsx", type=Path, metavar="OUT.xlsx",
                       help="写出年度报告 Excel（市总工会含“各乡镇”工作表）；--excel 是旧写法，同 --xlsx")
    stats.set_defaults(handler=_stats)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}")
    return value


def _township_code(text: str) -> str:
    from union_desk.domain.errors import RuleError
    from union_desk.domain.townships import township_by_code, township_by_name

    try:
        return township_by_code(text).code
    except RuleError:
        try:
            return township_by_name(text).code
        except RuleError:
            return text  # set_up names the unknown code


def open_existing_db(args):
    """Open (and migrate) the database named by --db; never creates an empty one by accident."""
    return open_db(args)


def _setup(args: argparse.Namespace) -> int:
    from union_desk.domain.townships import township_by_code
    from union_desk.services.settings import set_up

    with open_db(args, create=True) as db:
        with db.session(write=True) as s:
            set_up(s, township=_township_code(args.township), clerk=args.clerk)
        context = db.load_context()
    town = township_by_code(context.township)
    sys.stdout.write(f"已设置：{town.name}（{town.code}），经办人：{context.clerk}，数据库：{db.location}\n")
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    from union_desk.services.demo.generate import make_demo
    from union_desk.db import open_database
    from union_desk.db_url import is_server
    from union_desk.files import atomic_path, remove_stale_partials

    def fill(db) -> int:
        with db.session(write=True) as s:
            return make_demo(s, size=args.members)

    target = db_path(args)
    if is_server(target) or (target.is_file() and target.stat().st_size):
        with open_db(args) as db:  # a set-up database: one transaction, all or nothing
            made = fill(db)
    else:
        # a new file is built under a temporary name and renamed when complete: a demo killed
        # early leaves no half-made database under the name
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_partials(target.parent, name=target.name)  # left by a demo killed before
        with atomic_path(target) as tmp:
            with open_database(tmp) as db:
                made = fill(db)
    sys.stdout.write(f"示例数据已生成：{made.unions} 个基层工会，{made.members} 名会员。数据库：{target}\n"
                     f"打开：union-desk --db {target}\n")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    import sqlalchemy as sa

    from union_desk.db import Database
    from union_desk.db_url import is_server
    from union_desk.dbfile import probe

    path = db_path(args)
    if not is_server(path):
        probe(path, create=False)  # missing, foreign, newer, damaged: one message, exit 1
    db = Database(path)  # no migration: a check must not change the file it checks
    try:
        problems = db.check()
    except (sqlite3.DatabaseError, sa.exc.DBAPIError) as err:  # not a database at all
        problems = [f"无法读取数据库：{getattr(err, 'orig', None) or err}"]
    finally:
        db.close()
    if problems:
        for problem in problems:
            sys.stdout.write(problem + "\n")
        sys.stdout.write(f"数据库有 {len(problems)} 个问题：{path}\n")
        return EXIT_ERROR
    sys.stdout.write(f"数据库完好：{path}\n")
    return EXIT_OK


def _migrate(args: argparse.Namespace) -> int:
    with open_existing_db(args) as db:  # opening brings it to head (a file: after a snapshot)
        current, _heads = db.revisions()
    sys.stdout.write(f"数据库结构已是最新（{'、'.join(sorted(current))}）：{db.location}\n")
    return EXIT_OK


def _stats(args: argparse.Namespace) -> int:
    from datetime import date

    from union_desk.services.settings import is_city
    from union_desk.services.year_report import year_report

    year = args.year or date.today().year
    with open_existing_db(args) as db:
        with db.session() as s:
            city = is_city(s)
        if city:
            from union_desk.cli.city import print_city_stats

            print_city_stats(db, args, year)
        else:
            with db.session() as s:
                report = year_report(s, year=year)
            if args.json:
                print_json(report.model_dump(mode="json"))
            else:
                sys.stdout.write(f"{report.township} {report.year} 年\n")
                for what, figure in report.lines():
                    sys.stdout.write(f"{what}：{figure}\n")
        _write_year_report(db, args, year)
    return EXIT_OK


def _write_year_report(db, args: argparse.Namespace, year: int) -> None:
    """--pdf / --xlsx: the year-end report, the same for a township and the city office."""
    from union_desk.services.overview.export import write_year_report_pdf, year_report_excel

    for label, path, write in (("PDF", args.pdf, write_year_report_pdf),
                               ("Excel", args.xlsx, year_report_excel)):
        if path is None:
            continue
        with db.session() as s:
            write(s, year=year, path=path)
        if not args.json:  # the JSON object stays the only output
            sys.stdout.write(f"已写出年度报告 {label}：{path}\n")
