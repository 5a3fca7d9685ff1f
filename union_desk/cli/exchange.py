"""`union-desk exchange …`: the package a township sends to the city office, and the city's
merge, review queue, history and signing keys. `union-desk vouchers verify` is registered here
too (into the vouchers command of cli/hardship.py).

Exit codes: merge 0 when every package merged, 1 when any was refused (the others still merge);
vouchers verify 0 only for a genuine voucher.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from union_desk.cli import EXIT_ERROR, EXIT_OK, print_json
from union_desk.cli.base import open_existing_db


def register(subparsers) -> None:
    ex = subparsers.add_parser("exchange", help="与市总工会交换数据：导出数据包、合并、复核")
    sub = ex.add_subparsers(dest="exchange_command", metavar="SUBCOMMAND", required=True)

    p = sub.add_parser("export", help="（乡镇）导出给市总工会的数据包（签名并加密）")
    p.add_argument("out", type=Path, metavar="OUT", help="数据包文件，如 大洋镇-2025.udx")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_export)

    p = sub.add_parser("trust-city", help="（乡镇）导入市总工会的公钥文件")
    p.add_argument("keyfile", type=Path, metavar="KEYFILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_trust_city)

    p = sub.add_parser("city-keys", help="（市总）写出本库的公钥文件，发给各乡镇")
    p.add_argument("out", type=Path, metavar="OUT")
    p.set_defaults(handler=_city_keys)

    p = sub.add_parser("merge", help="（市总）合并乡镇数据包")
    p.add_argument("packages", type=Path, nargs="+", metavar="PKG")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_merge)

    p = sub.add_parser("review", help="（市总）复核清单")
    p.add_argument("--all", action="store_true", help="包括已处理的")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_review)

    p = sub.add_parser("resolve", help="（市总）处理一条复核事项")
    p.add_argument("item", metavar="ID")
    p.add_argument("--reason", required=True, help="处理结果")
    p.set_defaults(handler=_resolve)

    p = sub.add_parser("history", help="（市总）合并记录")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_history)

    p = sub.add_parser("keys", help="（市总）各乡镇的签名密钥")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_keys)

    p = sub.add_parser("accept-key", help="（市总）确认乡镇更换电脑后的新签名密钥")
    p.add_argument("fingerprint", metavar="FINGERPRINT")
    p.add_argument("--reason", required=True, help="理由，如：电话核对指纹，更换了电脑")
    p.set_defaults(handler=_accept_key)


def register_voucher_verify(vouchers_subparsers) -> None:
    p = vouchers_subparsers.add_parser("verify", help="核验凭证二维码：真实 / 被改动 / 查无此凭证 / 已作废")
    p.add_argument("text", metavar="QR_TEXT", help="扫码枪读出的二维码内容")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_verify)


def _export(args: argparse.Namespace) -> int:
    from union_desk.services.exchange.export import export_package

    with open_existing_db(args) as db:
        result = export_package(db, args.out)
    if args.json:
        print_json(result.model_dump(mode="json"))
    else:
        rows = sum(result.row_counts.values())
        sys.stdout.write(
            f"已导出 {result.township_name} 第 {result.sequence} 号数据包：{result.path}\n"
            f"{rows} 条记录，{result.size / 1024:.0f} KB；加密给市总工会公钥 "
            f"{result.recipient_fingerprint}，本机签名密钥 {result.signing_fingerprint}\n")
    return EXIT_OK


def _trust_city(args: argparse.Namespace) -> int:
    from union_desk.services.exchange.keys import read_city_key_file, trust_city_key

    key = read_city_key_file(args.keyfile)
    with open_existing_db(args) as db:
        with db.session(write=True) as s:
            trust_city_key(s, key=key)
    if args.json:
        print_json({"name": key.name, "fingerprint": key.fingerprint})
    else:
        sys.stdout.write(f"已导入 {key.name} 的公钥，指纹 {key.fingerprint}\n"
                         f"请与市总工会电话核对这串指纹。\n")
    return EXIT_OK


def _city_keys(args: argparse.Namespace) -> int:
    from union_desk.services.exchange.keys import city_key, write_city_key_file

    with open_existing_db(args) as db:
        with db.session() as s:
            key = city_key(s)
    write_city_key_file(key, args.out)
    sys.stdout.write(f"已写出 {key.name} 的公钥：{args.out}\n指纹 {key.fingerprint}"
                     f"（各乡镇导入后会显示同一串指纹，请电话核对）\n")
    return EXIT_OK


def _merge(args: argparse.Namespace) -> int:
    from union_desk.services.exchange.merge import merge_packages

    with open_existing_db(args) as db:
        results = merge_packages(db, args.packages)
    if args.json:
        print_json([r.model_dump(mode="json") for r in results])
    else:
        for r in results:
            if not r.ok:
                sys.stdout.write(f"拒收 {r.reason}\n")
                continue
            sys.stdout.write(f"{r.outcome.value} {r.file}：{r.township_name} 第 {r.sequence} 号"
                             f"{'（' + r.reason + '）' if r.reason else ''}\n")
            if r.new_signer:
                sys.stdout.write(f"  首次登记{r.township_name}的签名密钥，指纹 {r.signer_fingerprint}\n")
            for table, c in r.counts.items():
                if c.new or c.updated or c.tombstoned:
                    sys.stdout.write(f"  {table}：新增 {c.new}，更新 {c.updated}，未变 {c.unchanged}，"
                                     f"注销 {c.tombstoned}\n")
            if r.review_items:
                sys.stdout.write(f"  新的复核事项 {r.review_items} 条（union-desk exchange review）\n")
    return EXIT_OK if all(r.ok for r in results) else EXIT_ERROR


def _review(args: argparse.Namespace) -> int:
    from union_desk.services.exchange.review import list_review

    with open_existing_db(args) as db:
        with db.session() as s:
            rows = list_review(s, include_resolved=args.all)
    if args.json:
        print_json([r.model_dump(mode="json") for r in rows])
        return EXIT_OK
    if not rows:
        sys.stdout.write("复核清单是空的。\n")
    for r in rows:
        done = f"  已处理（{r.resolved_by}）：{r.resolution}" if r.resolution else ""
        sys.stdout.write(f"{r.id}  [{r.kind.value}] {r.summary}{done}\n")
    return EXIT_OK


def _resolve(args: argparse.Namespace) -> int:
    from union_desk.services.exchange.review import resolve_review

    with open_existing_db(args) as db:
        with db.session(write=True) as s:
            row = resolve_review(s, item_id=args.item, reason=args.reason)
    sys.stdout.write(f"已处理：{row.summary}\n")
    return EXIT_OK


def _history(args: argparse.Namespace) -> int:
    from union_desk.services.exchange.history import merge_history

    with open_existing_db(args) as db:
        with db.session() as s:
            rows = merge_history(s)
    if args.json:
        print_json([r.model_dump(mode="json") for r in rows])
        return EXIT_OK
    for r in rows:
        total = {k: sum(c.get(k, 0) for c in r.counts.values())
                 for k in ("new", "updated", "unchanged", "tombstoned")}
        sys.stdout.write(f"{r.merged_at:%Y-%m-%d %H:%M} {r.outcome.value} {r.file_name} "
                         f"{r.source_township} 第 {r.sequence} 号 新增 {total['new']} 更新 "
                         f"{total['updated']} 未变 {total['unchanged']} 注销 {total['tombstoned']}"
                         f"{'  ' + r.reason if r.reason else ''}\n")
    return EXIT_OK


def _keys(args: argparse.Namespace) -> int:
    from union_desk.services.exchange.trust import list_signers

    with open_existing_db(args) as db:
        with db.session() as s:
            rows = list_signers(s)
    if args.json:
        print_json([r.model_dump(mode="json") for r in rows])
        return EXIT_OK
    for r in rows:
        sys.stdout.write(f"{r.source_township} {r.fingerprint} {r.status.value} 已合并至第 "
                         f"{r.last_sequence} 号  {r.decision}\n")
    return EXIT_OK


def _accept_key(args: argparse.Namespace) -> int:
    from union_desk.services.exchange.trust import accept_key

    with open_existing_db(args) as db:
        with db.session(write=True) as s:
            row = accept_key(s, fingerprint=args.fingerprint, reason=args.reason)
    sys.stdout.write(f"已接受 {row.source_township} 的新签名密钥 {row.fingerprint}；请重新合并它的数据包\n")
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    from union_desk.domain.money import format_fen
    from union_desk.services.exchange.vouchers import Verdict, verify_voucher

    with open_existing_db(args) as db:
        with db.session() as s:
            check = verify_voucher(s, text=args.text)
    if args.json:
        print_json(check.model_dump(mode="json"))
    else:
        sys.stdout.write(f"{check.verdict.value}：{check.message}\n")
        if check.voucher_no:
            sys.stdout.write(f"凭证号 {check.voucher_no}  {check.township}\n")
        if check.recipient:
            on_file = format_fen(check.amount_on_file_fen or 0)
            sys.stdout.write(f"领款人 {check.recipient}  记录金额 {on_file}  发放日期 {check.paid_on}\n")
        if check.amount_fen is not None:
            sys.stdout.write(f"二维码金额 {format_fen(check.amount_fen)}\n")
    return EXIT_OK if check.verdict == Verdict.GENUINE else EXIT_ERROR
