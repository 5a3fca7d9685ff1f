"""`union-desk city init`: the city office's database; and the city's `stats --year` text
(called by cli/base.py when the database is the city's)."""
from __future__ import annotations

import argparse
import sys

from union_desk.cli import EXIT_OK, open_db, print_json


def register(subparsers) -> None:
    city = subparsers.add_parser("city", help="市总工会：创建汇总各乡镇数据的数据库")
    sub = city.add_subparsers(dest="city_command", metavar="SUBCOMMAND", required=True)
    p = sub.add_parser("init", help="创建市总工会数据库（生成市总工会密钥）")
    p.add_argument("--name", required=True, help="如 建德市总工会")
    p.add_argument("--clerk", default="市总工会经办人", help="经办人姓名")
    p.set_defaults(handler=_init)


def _init(args: argparse.Namespace) -> int:
    from union_desk.services.city.setup import init_city

    with open_db(args, create=True) as db:  # like setup: it makes the city's file
        with db.session(write=True) as s:
            key = init_city(s, name=args.name, clerk=args.clerk)
    sys.stdout.write(f"已创建{key.name}的数据库：{db.path}\n市总工会公钥指纹 {key.fingerprint}\n"
                     f"写出公钥文件发给各乡镇：union-desk --db {db.path} exchange city-keys city-key.json\n")
    return EXIT_OK


def print_city_stats(db, args: argparse.Namespace, year: int) -> None:
    """The whole city and the township table, as text or JSON (the files: cli/base.py)."""
    from union_desk.services.city.figures import COLUMNS, city_report

    with db.session() as s:
        report = city_report(s, year=year)
    if args.json:
        data = report.model_dump(mode="json")
        data["missing"] = report.missing
        print_json(data)
        return
    out = sys.stdout
    out.write(f"{report.city} {report.year} 年（全市）\n")
    for what, figure in report.total.lines():
        out.write(f"{what}：{figure}\n")
    out.write("\n" + "\t".join(COLUMNS) + "\n")
    for row in report.table():
        out.write("\t".join(row) + "\n")
