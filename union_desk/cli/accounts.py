"""`union-desk accounts …`, `review on|off`, `audit …`, and who a headless command acts as.

Every command that opens the database acts as an account (`act_as`, called by `open_db`):
the one named by `--as NAME` or the environment variable UNION_DESK_ACCOUNT, with its password
from UNION_DESK_PASSWORD or typed at the terminal; with one account and none named, as that
one (as before accounts existed). A password is never taken from the command line, where other
users of the machine could read it. New passwords come from UNION_DESK_NEW_PASSWORD or are typed
twice at the terminal.
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date
from pathlib import Path

from union_desk.cli import EXIT_OK, print_json

ACCOUNT_ENV, PASSWORD_ENV, NEW_PASSWORD_ENV = (
    "UNION_DESK_ACCOUNT", "UNION_DESK_PASSWORD", "UNION_DESK_NEW_PASSWORD")
ROLES = ["经办人", "审核人", "负责人"]
KINDS = ["查看完整号码", "审核凭证", "账户变更", "审核设置", "登录与锁定"]


def register(subparsers) -> None:
    acc = subparsers.add_parser("accounts", help="本机的经办人账户：列出、新增、改角色、设密码、停用（负责人）")
    sub = acc.add_subparsers(dest="accounts_command", metavar="SUBCOMMAND", required=True)
    listing = sub.add_parser("list", help="列出账户和角色")
    listing.add_argument("--json", action="store_true", help="输出 JSON 列表")
    listing.set_defaults(handler=_list)
    add = sub.add_parser("add", help=f"新增账户（初始密码：环境变量 {NEW_PASSWORD_ENV} 或终端输入）")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", choices=ROLES, required=True)
    add.set_defaults(handler=_add)
    role = sub.add_parser("role", help="更改账户角色")
    role.add_argument("name", metavar="NAME")
    role.add_argument("role", choices=ROLES)
    role.set_defaults(handler=_role)
    password = sub.add_parser("password", help=f"设置或重设账户密码（新密码：{NEW_PASSWORD_ENV} 或终端输入）")
    password.add_argument("name", metavar="NAME")
    password.set_defaults(handler=_password)
    for name, text, handler in (("deactivate", "停用账户（保留记录，不能再登录）", _deactivate),
                                ("reactivate", "恢复停用的账户", _reactivate),
                                ("unblock", "解除连续输错密码后的登录暂停", _unblock)):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("name", metavar="NAME")
        cmd.set_defaults(handler=handler)

    review = subparsers.add_parser("review", help="“凭证须经审核”：on 开启 / off 关闭（负责人）")
    review.add_argument("state", choices=["on", "off"])
    review.set_defaults(handler=_review)

    audit = subparsers.add_parser("audit", help="审计日志：查看完整号码、审核凭证、账户变更、登录（负责人）")
    audit.add_argument("--kind", choices=KINDS, default=None, help="只要这一类")
    audit.add_argument("--from", dest="start", type=_day, default=None, metavar="YYYY-MM-DD")
    audit.add_argument("--to", dest="end", type=_day, default=None, metavar="YYYY-MM-DD")
    audit.add_argument("--out", type=Path, default=None, metavar="FILE.xlsx", help="导出为 Excel")
    audit.add_argument("--json", action="store_true", help="输出 JSON 列表")
    audit.set_defaults(handler=_audit)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD：{text}") from None


# -- who a command acts as -------------------------------------------------------------------

def act_as(db, args) -> None:
    """Work as the account the command names (or the only one); refuse clearly otherwise."""
    from union_desk.services.accounts.accounts import list_accounts, startup_account, work_as
    from union_desk.services.accounts.sign_in import SignInPlace, attempt_sign_in, paused
    from union_desk.services.errors import UserError

    name = (getattr(args, "as_account", None) or os.environ.get(ACCOUNT_ENV, "")).strip()
    with db.session() as s:
        accounts = list_accounts(s)
        if not accounts:
            return  # not set up yet: setup and demo make the first clerk
        if not name:
            only = startup_account(s)
            if only is None:
                raise UserError(f"本机有多个账户：请用 --as 姓名 或环境变量 {ACCOUNT_ENV} 指明以哪个账户操作"
                                f"（密码用环境变量 {PASSWORD_ENV}，或在终端输入）")
            work_as(s, only)
            return
        known = next((a for a in accounts if a.name == name), None)
    password = os.environ.get(PASSWORD_ENV)
    if password is None and known is not None and known.has_password and not paused(known):
        password = _typed(f"账户“{name}”的密码：", PASSWORD_ENV)
    # a write: a wrong password is counted (and may pause the account) and audited; the
    # refusal is raised once that is committed
    with db.session(write=True) as s:
        result = attempt_sign_in(s, name=name, password=password or "",
                                 place=SignInPlace.COMMAND)
    result.signed_in()


def _typed(prompt: str, env: str) -> str:
    from union_desk.services.errors import UserError

    if not sys.stdin.isatty():
        raise UserError(f"请在环境变量 {env} 中给出密码（不在终端上运行，无法输入）")
    return getpass.getpass(prompt)


def _new_password() -> str:
    from union_desk.services.errors import UserError

    password = os.environ.get(NEW_PASSWORD_ENV)
    if password is not None:
        return password
    first = _typed("新密码：", NEW_PASSWORD_ENV)
    if getpass.getpass("再输入一次：") != first:
        raise UserError("两次输入的密码不一致")
    return first


# -- commands ----------------------------------------------------------------------------------

def _open(args):
    from union_desk.cli.base import open_existing_db

    return open_existing_db(args)


def _list(args: argparse.Namespace) -> int:
    from union_desk.services.accounts.accounts import current_account, list_accounts
    from union_desk.services.accounts.sign_in import describe_pause

    with _open(args) as db, db.session() as s:
        rows, me = list_accounts(s), current_account(s)
    if args.json:
        print_json([{"name": r.name, "role": r.role.value, "active": r.active,
                     "has_password": r.has_password, "current": r.name == me.name,
                     "paused": describe_pause(r)} for r in rows])
        return EXIT_OK
    for r in rows:
        state = "在用" if r.active else "已停用"
        secret = "已设密码" if r.has_password else "未设密码"
        here = "\t（当前）" if r.name == me.name else ""
        pause = f"\t{describe_pause(r)}" if describe_pause(r) else ""
        sys.stdout.write(f"{r.name}\t{r.role.value}\t{state}\t{secret}{here}{pause}\n")
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    from union_desk.models.account import AccountRole
    from union_desk.services.accounts.accounts import add_account, current_account
    from union_desk.services.errors import UserError

    with _open(args) as db:
        with db.session() as s:
            me = current_account(s)
        if me.is_head and not me.has_password:
            raise UserError(f"您的账户还没有密码：新增账户之前，请先为自己设置密码"
                            f"（union-desk accounts password {me.name}）")
        password = _new_password()
        with db.session(write=True) as s:
            row = add_account(s, name=args.name, role=AccountRole(args.role), password=password)
    sys.stdout.write(f"已新增账户：{row.name}（{row.role.value}）\n")
    return EXIT_OK


def _role(args: argparse.Namespace) -> int:
    from union_desk.models.account import AccountRole
    from union_desk.services.accounts.accounts import change_role

    with _open(args) as db, db.session(write=True) as s:
        row = change_role(s, name=args.name, role=AccountRole(args.role))
    sys.stdout.write(f"账户 {row.name} 的角色已改为{row.role.value}\n")
    return EXIT_OK


def _password(args: argparse.Namespace) -> int:
    from union_desk.services.accounts.accounts import reset_password

    with _open(args) as db:
        password = _new_password()
        with db.session(write=True) as s:
            row = reset_password(s, name=args.name, password=password)
    sys.stdout.write(f"已为账户 {row.name} 设置新密码\n")
    return EXIT_OK


def _deactivate(args: argparse.Namespace) -> int:
    from union_desk.services.accounts.accounts import deactivate_account

    with _open(args) as db, db.session(write=True) as s:
        row = deactivate_account(s, name=args.name)
    sys.stdout.write(f"已停用账户 {row.name}（记录保留）\n")
    return EXIT_OK


def _reactivate(args: argparse.Namespace) -> int:
    from union_desk.services.accounts.accounts import reactivate_account

    with _open(args) as db, db.session(write=True) as s:
        row = reactivate_account(s, name=args.name)
    sys.stdout.write(f"已恢复账户 {row.name}\n")
    return EXIT_OK


def _unblock(args: argparse.Namespace) -> int:
    from union_desk.services.accounts.sign_in import unblock_account

    with _open(args) as db, db.session(write=True) as s:
        row = unblock_account(s, name=args.name)
    sys.stdout.write(f"已解除账户 {row.name} 的登录暂停\n")
    return EXIT_OK


def _review(args: argparse.Namespace) -> int:
    from union_desk.services.accounts.policy import set_review_required

    on = args.state == "on"
    with _open(args) as db, db.session(write=True) as s:
        set_review_required(s, on=on)
    sys.stdout.write("“凭证须经审核”已开启：新录入的发放记录须经另一位审核人审核后才能打印凭证\n" if on
                     else "“凭证须经审核”已关闭：已在待审核的记录仍须审核\n")
    return EXIT_OK


def _audit(args: argparse.Namespace) -> int:
    from union_desk.services.accounts.audit_log import (
        AuditKind, AuditQuery, export_audit, list_audit,
    )

    query = AuditQuery(kind=AuditKind(args.kind) if args.kind else None, start=args.start,
                       end=args.end)
    with _open(args) as db, db.session() as s:
        if args.out:
            count = export_audit(s, path=args.out, query=query)
            sys.stdout.write(f"已导出 {count} 条审计记录到 {args.out}\n")
            return EXIT_OK
        lines = list_audit(s, query=query, limit=None)
    if args.json:
        print_json([line.model_dump(mode="json") for line in lines])
        return EXIT_OK
    for line in lines:
        sys.stdout.write(f"{line.at:%Y-%m-%d %H:%M}\t{line.actor}\t{line.kind.value}\t"
                         f"{line.subject}\t{line.detail}\n")
    sys.stdout.write(f"共 {len(lines)} 条\n")
    return EXIT_OK
