"""`union-desk roster import|export|search`: the member roster from scripts and the city office."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from union_desk.cli import EXIT_OK, EXIT_REJECTED, print_json
from union_desk.cli.base import open_existing_db
from union_desk.cli.imports import add_file_arguments, excel_rows, print_import_summary


def register(subparsers) -> None:
    parser = subparsers.add_parser("roster", help="会员名册：Excel 导入、导出与查询")
    sub = parser.add_subparsers(dest="roster_command", metavar="SUBCOMMAND", required=True)

    imp = sub.add_parser("import", help="检查名册（Excel、WPS 或 CSV）的每一行；加 --commit 导入有效的行")
    add_file_arguments(imp)
    imp.add_argument("--union", default=None, metavar="NAME",
                     help="名单中没有“所属工会”列或没有填写时（一个工会自己的名单），名单上的会员都属于"
                          "这个基层工会（系统中还没有的会新建）")
    imp.add_argument("--commit", action="store_true", help="导入有效的行（否则只检查，不写入）")
    imp.add_argument("--accept-rename", type=excel_rows, default=[], metavar="ROW[,ROW]",
                     help="身份证号已登记为另一个姓名的行默认不导入；确认其中哪些行（Excel 行号）"
                          "是真实的改名，这些行按新姓名更新")
    imp.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
    imp.set_defaults(handler=_import)

    exp = sub.add_parser("export", help="把名册（可按条件筛选）导出为 Excel，身份证号和手机号默认隐藏")
    exp.add_argument("file", type=Path, metavar="FILE.xlsx")
    exp.add_argument("--reveal", action="store_true",
                     help="导出完整身份证号和手机号（审核人或负责人；须填 --reason，记入审计日志）")
    exp.add_argument("--reason", default="", metavar="TEXT", help="导出完整号码的原因（记入审计日志）")
    _add_filters(exp)
    exp.set_defaults(handler=_export)

    find = sub.add_parser("search", help="按姓名、拼音首字母、身份证号、手机号或会员证号查找")
    find.add_argument("text", metavar="TEXT")
    find.add_argument("--json", action="store_true", help="输出 JSON 列表")
    find.add_argument("--limit", type=int, default=50, help="最多显示多少人（默认 50）")
    _add_filters(find, with_text=False)
    find.set_defaults(handler=_search)


def _add_filters(parser: argparse.ArgumentParser, *, with_text: bool = True) -> None:
    if with_text:
        parser.add_argument("--search", default="", metavar="TEXT", help="与名册搜索框相同的查找条件")
    parser.add_argument("--union", default=None, metavar="NAME", help="只要这个基层工会的会员")
    parser.add_argument("--status", default=None, choices=["在册", "转出", "退会", "死亡"],
                        help="只要这个状态的会员")


def _filters(session, args) -> dict:
    from union_desk.models.member import MemberStatus
    from union_desk.services.errors import UserError
    from union_desk.services.roster.unions import union_ids_by_name

    union_id = None
    if args.union:
        union_id = union_ids_by_name(session).get(" ".join(args.union.split()))
        if union_id is None:
            raise UserError(f"没有名为“{args.union}”的基层工会")
    return {"union_id": union_id, "status": MemberStatus(args.status) if args.status else None}


def _import(args: argparse.Namespace) -> int:
    from union_desk.services.common.bulk import collector_paused

    # the check and the import are one bulk job (see collector_paused), and the checked rows are
    # freed before the collector is back on, so it never walks them
    with open_existing_db(args) as db, collector_paused():
        report = _checked_and_imported(db, args)
    if args.json:
        print_json(report.to_json())
    else:
        print_import_summary(args.file, report)
        _print_renames(report)
    return EXIT_REJECTED if report.rejected else EXIT_OK


def _checked_and_imported(db, args: argparse.Namespace):
    from union_desk.services.errors import UserError
    from union_desk.services.roster.importer import check_roster_file, commit_roster_import
    from union_desk.services.settings import is_set_up

    with db.session() as s:  # read and check outside any write transaction
        if args.commit and not is_set_up(s):
            raise UserError("数据库尚未完成初始设置，请先运行 union-desk setup")
        plan = check_roster_file(s, path=args.file, sheet=args.sheet, union=args.union)
    accept = plan.confirmable(args.accept_rename)
    if not args.commit:
        return plan.report(accept)
    with db.session(write=True) as s:
        return commit_roster_import(s, plan=plan, accept_renames=accept)


def _print_renames(report) -> None:
    if report.unions_created:
        verb = "已新建" if report.committed else "将新建"
        sys.stdout.write(f"{verb}基层工会：{'、'.join(report.unions_created)}\n")
    if report.renames:
        sys.stdout.write("身份证号已登记为另一个姓名的行（未确认，不导入；确认是真实改名的行请加 "
                         f"--accept-rename {','.join(str(u.row) for u in report.renames)}）：\n")
        for update in report.renames:
            sys.stdout.write(f"  第 {update.row} 行\t{update.text()}\n")


def _export(args: argparse.Namespace) -> int:
    from union_desk.services.roster.export import export_roster

    with open_existing_db(args) as db:
        with db.session(write=args.reveal) as s:
            count = export_roster(s, path=args.file, text=args.search, reveal=args.reveal,
                                  reason=args.reason, **_filters(s, args))
    how = "含完整身份证号和手机号，已记入审计日志" if args.reveal else "身份证号和手机号已隐藏"
    sys.stdout.write(f"已导出 {count} 名会员到 {args.file}（{how}）\n")
    return EXIT_OK


def _search(args: argparse.Namespace) -> int:
    from union_desk.services.roster.members import count_members, search_members

    with open_existing_db(args) as db:
        with db.session() as s:
            filters = _filters(s, args)
            rows = search_members(s, text=args.text, limit=max(1, args.limit), **filters)
            total = count_members(s, text=args.text, **filters)
    items = [{"id": r.id, "name": r.name, "gender": r.gender, "id_number": str(r.id_number),
              "phone": str(r.phone), "employer": r.employer, "union": r.union_name,
              "card_no": r.card_no, "join_date": r.join_date.isoformat() if r.join_date else None,
              "status": r.status.value} for r in rows]
    if args.json:
        print_json(items)
        return EXIT_OK
    for item in items:
        sys.stdout.write("\t".join(str(item[k] or "") for k in
                                   ("name", "gender", "id_number", "phone", "union", "card_no",
                                    "status")) + "\n")
    more = f"，显示前 {len(items)} 名" if total > len(items) else ""
    sys.stdout.write(f"共找到 {total} 名会员{more}\n")
    return EXIT_OK
