"""`union-desk stations list [--json]` and `union-desk stations print CODE (--form | --sign |
--inspection) --out FILE.pdf`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from union_desk.cli import EXIT_OK, open_db, print_json
from union_desk.files import atomic_write_bytes


def register(subparsers) -> None:
    parser = subparsers.add_parser("stations", help="爱心驿家：列表与打印")
    sub = parser.add_subparsers(dest="stations_command", metavar="SUBCOMMAND", required=True)

    listing = sub.add_parser("list", help="列出驿家：编号、名称、状态、未达标项目、下次检查日期")
    listing.add_argument("--json", action="store_true", help="输出 JSON")
    listing.set_defaults(handler=_list)

    printing = sub.add_parser("print", help="打印驿家登记表（负责人完整手机号，记入审计日志）、门牌或最近一次验收/复验记录")
    printing.add_argument("code", metavar="CODE", help="驿家编号，如 DY-YJ-001")
    which = printing.add_mutually_exclusive_group(required=True)
    which.add_argument("--form", dest="form", action="store_const", const="form",
                       help="登记表")
    which.add_argument("--sign", dest="form", action="store_const", const="sign", help="门牌")
    which.add_argument("--inspection", dest="form", action="store_const", const="inspection",
                       help="最近一次验收/复验记录")
    printing.add_argument("--out", type=Path, required=True, metavar="FILE.pdf",
                          help="输出 PDF 文件")
    printing.set_defaults(handler=_print)


def _list(args: argparse.Namespace) -> int:
    from union_desk.services.stations.registry import list_stations

    with open_db(args) as db:
        with db.session() as s:
            rows = list_stations(s)
    items = [{"code": r.code, "name": r.name, "status": r.status.value,
              "missing": r.missing_labels,
              "next_inspection_due": (r.next_inspection_due.isoformat()
                                      if r.next_inspection_due else None)}
             for r in rows]
    if args.json:
        print_json(items)
        return EXIT_OK
    for item in items:
        missing = "、".join(item["missing"]) or "—"
        due = item["next_inspection_due"] or "—"
        sys.stdout.write(f"{item['code']}\t{item['name']}\t{item['status']}\t"
                         f"未达标：{missing}\t下次检查：{due}\n")
    sys.stdout.write(f"共 {len(items)} 个驿家\n")
    return EXIT_OK


def _print(args: argparse.Namespace) -> int:
    from union_desk.services.stations.printing import needs_write, station_pdf

    with open_db(args) as db:
        with db.session(write=needs_write(args.form)) as s:  # the form's full phone is audited
            pdf = station_pdf(s, form=args.form, code=args.code)
    out = args.out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(out, pdf)
    sys.stdout.write(f"{out}\n")
    return EXIT_OK
