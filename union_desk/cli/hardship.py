"""`union-desk payments import|list|void|approve` and `union-desk vouchers print`: condolence
payments and their printed vouchers, from scripts and for the city office's campaign lists."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from union_desk.cli import EXIT_OK, EXIT_REJECTED, print_json
from union_desk.cli.base import open_existing_db
from union_desk.cli.imports import add_file_arguments, print_import_summary
from union_desk.files import write_error_text

STATUSES = ["已发放", "作废"]
REVIEWS = ["待审核", "已审核", "无需审核"]
METHODS = ["现金", "银行转账"]


def register(subparsers) -> None:
    payments = subparsers.add_parser("payments", help="慰问金发放：按市总工会名单导入、查看、作废")
    sub = payments.add_subparsers(dest="payments_command", metavar="SUBCOMMAND", required=True)

    imp = sub.add_parser("import", help="检查慰问名单（Excel、WPS 或 CSV）的每一行；加 --commit 生成发放记录和凭证号")
    add_file_arguments(imp)
    imp.add_argument("--occasion", required=True, metavar="TEXT", help="慰问事由，如 春节送温暖")
    imp.add_argument("--paid-on", type=_day, default=None, metavar="YYYY-MM-DD",
                     help="发放日期（默认今天）")
    imp.add_argument("--method", choices=METHODS, default="现金", help="发放方式（默认现金）")
    imp.add_argument("--handler", dest="handler_name", default="", metavar="NAME",
                     help="经办人（默认本机经办人）")
    imp.add_argument("--reviewer", default="", metavar="NAME", help="审核人")
    imp.add_argument("--approver", default="", metavar="NAME", help="负责人")
    imp.add_argument("--commit", action="store_true",
                     help="生成有效行的发放记录（否则只检查，不写入）")
    imp.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
    imp.set_defaults(handler=_import)

    listing = sub.add_parser("list", help="列出发放记录：凭证号、领取人、金额（分）、事由、状态")
    listing.add_argument("--occasion", default=None, metavar="TEXT", help="只要这个慰问事由")
    listing.add_argument("--year", type=int, default=None, metavar="YYYY", help="只要这一年")
    listing.add_argument("--status", choices=STATUSES, default=None, help="只要这个状态")
    listing.add_argument("--review", choices=REVIEWS, default=None,
                         help="只要这个审核状态（待审核：未作废、等待审核人）")
    listing.add_argument("--json", action="store_true", help="输出 JSON 列表")
    listing.set_defaults(handler=_list)

    void = sub.add_parser("void", help="作废一张凭证（记录保留，标为作废）")
    void.add_argument("number", metavar="NUMBER", help="凭证号，如 大洋镇-2021-0001")
    void.add_argument("--reason", required=True, metavar="TEXT", help="作废原因")
    void.set_defaults(handler=_void)

    approve = sub.add_parser("approve", help="审核通过（审核人或负责人；不能审核本人录入的凭证）")
    which_approve = approve.add_mutually_exclusive_group(required=True)
    which_approve.add_argument("numbers", nargs="*", default=[], metavar="NUMBER",
                               help="凭证号（可多个）")
    which_approve.add_argument("--all-pending", action="store_true",
                               help="全部由他人录入的待审核凭证")
    approve.set_defaults(handler=_approve)

    vouchers = subparsers.add_parser("vouchers", help="打印慰问金发放凭证和签收表")
    vsub = vouchers.add_subparsers(dest="vouchers_command", metavar="SUBCOMMAND", required=True)
    from union_desk.cli.exchange import register_voucher_verify

    register_voucher_verify(vsub)
    printing = vsub.add_parser("print", help="把凭证（可加签收表）打印到一个 PDF 文件")
    which = printing.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="全部已发放的凭证")
    which.add_argument("--numbers", type=_numbers, metavar="N,...", help="这些凭证号（逗号分隔）")
    which.add_argument("--occasion", metavar="TEXT", help="这个慰问事由的全部已发放凭证")
    printing.add_argument("--year", type=int, default=None, metavar="YYYY",
                          help="与 --all / --occasion 合用：只要这一年发放的")
    printing.add_argument("--paid-on", type=_day, default=None, metavar="YYYY-MM-DD",
                          help="与 --all / --occasion 合用：只要这一天发放的")
    printing.add_argument("--out", type=Path, required=True, metavar="FILE.pdf",
                          help="输出 PDF 文件")
    printing.add_argument("--signoff", action="store_true", help="在凭证之后附签收表")
    printing.add_argument("--layout", choices=["A4x2", "A5"], default=None,
                          help="凭证版式（默认按设置：A4 每页两张或 A5 每页一张）")
    printing.set_defaults(handler=_print)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD：{text}") from None


def _numbers(text: str) -> list[str]:
    numbers = [n.strip() for n in text.replace("，", ",").split(",") if n.strip()]
    if not numbers:
        raise argparse.ArgumentTypeError("请给出至少一个凭证号")
    return numbers


def _import(args: argparse.Namespace) -> int:
    from union_desk.models.payment import PaymentMethod
    from union_desk.services.hardship.payment_import import (
        PaymentImportOptions, check_payment_file, commit_payment_import,
    )

    options = PaymentImportOptions(occasion=args.occasion, paid_on=args.paid_on,
                                   method=PaymentMethod(args.method), handler=args.handler_name,
                                   reviewer=args.reviewer, approver=args.approver)
    with open_existing_db(args) as db:
        with db.session() as s:  # read and check outside any write transaction
            plan = check_payment_file(s, path=args.file, options=options, sheet=args.sheet)
        if args.commit:
            with db.session(write=True) as s:
                report = commit_payment_import(s, plan=plan)
        else:
            report = plan.report()
    if args.json:
        print_json(report.to_json())
    else:
        print_import_summary(args.file, report,
                             counts=f"新增 {report.new}，已发放过 {report.unchanged}",
                             done=f"已生成 {len(report.vouchers)} 条发放记录。",
                             todo="只做了检查，没有写入；加 --commit 生成发放记录。")
        for number in report.vouchers:
            sys.stdout.write(number + "\n")
    return EXIT_REJECTED if report.rejected else EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from union_desk.domain.money import format_fen
    from union_desk.models.payment import PaymentStatus
    from union_desk.services.hardship.payment_search import PaymentFilter, list_payments

    from union_desk.models.payment import PaymentReview

    status = PaymentStatus(args.status) if args.status else None
    if args.review == PaymentReview.PENDING.value and status is None:
        status = PaymentStatus.ISSUED  # waiting for review: not voided
    flt = PaymentFilter(occasion=args.occasion, year=args.year, status=status,
                        review=PaymentReview(args.review) if args.review else None)
    with open_existing_db(args) as db:
        with db.session() as s:
            rows = list_payments(s, flt=flt, limit=None)
    items = [{"voucher_no": r.voucher_no, "recipient": r.recipient_name,
              "amount_fen": r.amount_fen, "occasion": r.occasion, "status": r.status.value,
              "paid_on": r.paid_on.isoformat(), "review": r.review.value,
              "entered_by": r.entered_by, "approved_by": r.approved_by,
              "approved_at": r.approved_at.isoformat() if r.approved_at else None}
             for r in rows]
    if args.json:
        print_json(items)
        return EXIT_OK
    for r in rows:
        review = "" if r.review == PaymentReview.NOT_REQUIRED else f"\t{r.review.value}"
        sys.stdout.write(f"{r.voucher_no}\t{r.recipient_name}\t{format_fen(r.amount_fen)}\t"
                         f"{r.occasion}\t{r.paid_on.isoformat()}\t{r.status.value}{review}\n")
    total = sum(r.amount_fen for r in rows if r.status == PaymentStatus.ISSUED and not r.pending)
    pending = sum(1 for r in rows if r.pending)
    waiting = f"（另有 {pending} 条待审核，未计入）" if pending else ""
    sys.stdout.write(f"共 {len(rows)} 条，已发放合计 {format_fen(total)}{waiting}\n")
    return EXIT_OK


def _void(args: argparse.Namespace) -> int:
    from union_desk.services.hardship.payments import void_payment

    with open_existing_db(args) as db:
        with db.session(write=True) as s:
            row = void_payment(s, voucher_no=args.number, reason=args.reason)
    sys.stdout.write(f"已作废 {row.voucher_no}（{row.recipient_name}），原因：{row.void_reason}\n")
    return EXIT_OK


def _approve(args: argparse.Namespace) -> int:
    from union_desk.services.hardship.approval import approve_payments, pending_numbers

    with open_existing_db(args) as db:
        with db.session(write=True) as s:
            numbers = pending_numbers(s) if args.all_pending else args.numbers
            if not numbers:
                sys.stdout.write("没有由他人录入的待审核凭证\n")
                return EXIT_OK
            rows = approve_payments(s, voucher_nos=numbers)
    for r in rows:
        sys.stdout.write(f"{r.voucher_no}\t{r.recipient_name}\t{r.occasion}\n")
    sys.stdout.write(f"已审核 {len(rows)} 张凭证（审核人：{rows[0].approved_by}）\n")
    return EXIT_OK


def _print(args: argparse.Namespace) -> int:
    from union_desk.services.errors import UserError
    from union_desk.services.hardship.vouchers import print_vouchers, select_payments

    with open_existing_db(args) as db:
        with db.session(write=True) as s:
            payments = select_payments(s, numbers=args.numbers, occasion=args.occasion,
                                       all_payments=args.all, year=args.year,
                                       paid_on=args.paid_on)
            try:
                result = print_vouchers(s, target=args.out, payments=payments,
                                        signoff=args.signoff, layout=args.layout)
            except OSError as err:
                raise UserError(write_error_text(err, args.out)) from None
    extra = []
    if result.reprinted:
        extra.append(f"补打 {len(result.reprinted)} 张")
    if result.voided:
        extra.append(f"作废 {len(result.voided)} 张")
    if result.signoff_lines:
        extra.append(f"签收表 {result.signoff_lines} 人")
    if result.drafts:
        extra.append(f"未审核草稿 {len(result.drafts)} 张（不是凭证，未计为已打印）")
    detail = f"（{'，'.join(extra)}）" if extra else ""
    sys.stdout.write(f"已打印 {len(result.vouchers)} 张凭证{detail}，共 {result.pages} 页：{args.out}\n")
    return EXIT_OK
