"""The clerks' accounts: who works now, signing in, and what a 负责人 manages.

One account or several:
- A new installation (and a database from before accounts existed) has no row in `account`:
  its first-run clerk (setting "clerk") is the installation's 负责人, without a password — the
  *implicit* 负责人 (`AccountRow.id == ""`). The app starts as it always did; nobody signs in.
- When the 负责人 makes a second account, they first give themselves a password: their implicit
  account becomes a row, then the new one is added (`add_account(..., own_password=...)`).
- With two or more active accounts (`sign_in_needed`), the window asks who is working and locks
  when idle; headless commands name the account (`--as`, UNION_DESK_ACCOUNT). With one active
  account left (the others deactivated), the app works as that one, as at the start.

Accounts are never deleted: a 负责人 deactivates one (it can no longer sign in; its name stays
on the payments and audit entries it made, and is never given to another account). Every
change is in the audit trail (table `account`), never with the password hash.
"""
from __future__ import annotations

from sqlmodel import Session, select

from union_desk.db import database_of
from union_desk.models.account import Account, AccountRole, AccountRow
from union_desk.models.base import utcnow
from union_desk.services.accounts.passwords import (
    check_new_password, hash_password, verify_password,
)
from union_desk.services.errors import UserError
from union_desk.services.settings import get_setting, put_setting

NAME_MAX = 40


def account_row(a: Account) -> AccountRow:
    return AccountRow(id=a.id, name=a.name, role=a.role, active=a.active,
                      has_password=bool(a.password_hash), password_set_at=a.password_set_at,
                      failed_sign_ins=a.failed_sign_ins, blocked_until=a.blocked_until)


def list_accounts(session: Session, *, include_inactive: bool = True) -> list[AccountRow]:
    """Every account, 负责人 first, then by name; the implicit 负责人 when there is no row."""
    rows = session.exec(select(Account).where(Account.deleted_at.is_(None))).all()
    if not rows:
        implicit = implicit_head(session)
        return [implicit] if implicit else []
    order = {AccountRole.HEAD: 0, AccountRole.REVIEWER: 1, AccountRole.HANDLER: 2}
    return [account_row(a) for a in sorted(rows, key=lambda a: (not a.active, order[a.role],
                                                                a.name))
            if include_inactive or a.active]


def active_names(session: Session) -> list[str]:
    """Who may sign in (the login dialog's list): names only."""
    return [a.name for a in list_accounts(session, include_inactive=False)]


def sign_in_needed(session: Session) -> bool:
    """Two or more active accounts: the window asks who is working, scripts name the account."""
    return len(list_accounts(session, include_inactive=False)) >= 2


def current_account(session: Session) -> AccountRow:
    """Who is working: the account signed in, else the only active account."""
    signed_in = database_of(session).context.account_id
    if signed_in:
        account = session.get(Account, signed_in)
        if account is None or not account.active or account.deleted_at is not None:
            raise UserError("当前账户已停用，请重新登录")
        return account_row(account)
    active = list_accounts(session, include_inactive=False)
    if len(active) == 1:
        return active[0]
    if not active:
        raise UserError("本机尚未设置：请先完成首次设置（乡镇和经办人）")
    raise UserError("本机有多个账户，请先登录（命令行：--as 姓名，或环境变量 UNION_DESK_ACCOUNT）")


def require(session: Session, *, roles: set[AccountRole], doing: str) -> AccountRow:
    """The current account if its role is one of `roles`, else a refusal naming who may."""
    account = current_account(session)
    if account.role not in roles:
        allowed = "或".join(r.value for r in AccountRole if r in roles)
        raise UserError(f"{doing}需要{allowed}账户；当前账户“{account.name}”是{account.role.value}")
    return account


def require_head(session: Session, *, doing: str) -> AccountRow:
    return require(session, roles={AccountRole.HEAD}, doing=doing)


def work_as(session: Session, account: AccountRow) -> None:
    """Who the open file's next sessions act as (audit actor, payments' 经办人 and 录入人)."""
    context = database_of(session).context
    context.clerk, context.account_id = account.name, account.id
    session.info["actor"] = account.name


def startup_account(session: Session) -> AccountRow | None:
    """The account to work as without asking (the only active one), or None: ask who works."""
    active = list_accounts(session, include_inactive=False)
    return active[0] if len(active) == 1 else None


# -- what a 负责人 manages ---------------------------------------------------------------------

def add_account(session: Session, *, name: str, role: AccountRole, password: str,
                own_password: str | None = None) -> AccountRow:
    """A new account with its first password (the clerk changes it later). The first-run
    负责人 without a password sets theirs first (`own_password`): from now on people sign in."""
    head = require_head(session, doing="新增账户")
    name = _clean_name(name)
    role = AccountRole(role)
    if _by_name(session, name) is not None or name == head.name:
        raise UserError(f"已有名为“{name}”的账户（停用的账户名也不能再用）", field="name")
    password = check_new_password(password)
    if not head.has_password:
        if not own_password:
            raise UserError("您的账户还没有密码：新增账户之前，请先为自己设置密码",
                            field="own_password")
        _materialise(session, head, check_new_password(own_password))
    account = Account(name=name, role=role, password_hash=hash_password(password),
                      password_set_at=utcnow())
    session.add(account)
    session.flush()
    return account_row(account)


def change_role(session: Session, *, name: str, role: AccountRole) -> AccountRow:
    require_head(session, doing="更改账户角色")
    account = _existing(session, name)
    role = AccountRole(role)
    if account.role == AccountRole.HEAD and role != AccountRole.HEAD:
        _keep_a_head(session, account, "改为其他角色")
    account.role = role
    session.flush()
    return account_row(account)


def reset_password(session: Session, *, name: str, password: str) -> AccountRow:
    """A 负责人 gives an account a new password (e.g. a forgotten one); a pause after wrong
    passwords ends with it."""
    from union_desk.services.accounts.sign_in import clear_failures

    head = require_head(session, doing="重设密码")
    password = check_new_password(password)
    if not head.id:  # the implicit 负责人 (the only account) setting their own first password
        _existing_or_implicit(session, name, head)
        return _materialise(session, head, password)
    account = _existing(session, name)
    account.password_hash, account.password_set_at = hash_password(password), utcnow()
    clear_failures(session, account, why="负责人重设密码")
    session.flush()
    return account_row(account)


def change_own_password(session: Session, *, old: str, new: str) -> AccountRow:
    me = current_account(session)
    new = check_new_password(new)
    if not me.id:
        return _materialise(session, me, new)
    account = session.get(Account, me.id)
    if account.password_hash and not verify_password(old, account.password_hash):
        raise UserError("原密码不对", field="old")
    account.password_hash, account.password_set_at = hash_password(new), utcnow()
    session.flush()
    return account_row(account)


def deactivate_account(session: Session, *, name: str) -> AccountRow:
    """The account can no longer sign in; its name stays on what it did."""
    from union_desk.services.accounts.policy import review_required

    head = require_head(session, doing="停用账户")
    account = _existing(session, name)
    if not account.active:
        raise UserError(f"账户“{account.name}”已停用")
    if account.name == head.name:
        raise UserError("不能停用自己正在使用的账户")
    _keep_a_head(session, account, "停用")
    remaining = [a for a in list_accounts(session, include_inactive=False) if a.id != account.id]
    if review_required(session) and len(remaining) < 2:
        raise UserError("“凭证须经审核”开启时至少要有两个在用账户；请先关闭该设置")
    account.active, account.deactivated_at = False, utcnow()
    session.flush()
    _single_clerk_setting(session)
    return account_row(account)


def reactivate_account(session: Session, *, name: str) -> AccountRow:
    require_head(session, doing="恢复账户")
    account = _existing(session, name)
    if account.active:
        raise UserError(f"账户“{account.name}”在用，无需恢复")
    account.active, account.deactivated_at = True, None
    session.flush()
    return account_row(account)


# -- internals -------------------------------------------------------------------------------

def implicit_head(session: Session) -> AccountRow | None:
    clerk = get_setting(session, key="clerk", default="") or ""
    if not clerk:
        return None
    return AccountRow(id="", name=clerk, role=AccountRole.HEAD, active=True, has_password=False)


def _materialise(session: Session, head: AccountRow, password: str) -> AccountRow:
    """The implicit 负责人 becomes a row (with a password) — or an existing row gets one."""
    account = _by_name(session, head.name) if head.id else None
    if account is None:
        account = Account(name=head.name, role=AccountRole.HEAD)
        session.add(account)
    account.password_hash, account.password_set_at = hash_password(password), utcnow()
    session.flush()
    row = account_row(account)
    if database_of(session).context.account_id == head.id:
        work_as(session, row)  # the one working now is this account
    return row


def _keep_a_head(session: Session, account: Account, what: str) -> None:
    heads = session.exec(select(Account).where(Account.role == AccountRole.HEAD,
                                               Account.active.is_(True),
                                               Account.id != account.id)).all()
    if not heads:
        raise UserError(f"“{account.name}”是唯一在用的负责人，不能{what}；请先让另一账户成为负责人")


def _single_clerk_setting(session: Session) -> None:
    """With one active account left, it is the installation's clerk again (status bar, the
    default 经办人 and audit actor when nobody signs in)."""
    active = list_accounts(session, include_inactive=False)
    if len(active) == 1:
        put_setting(session, key="clerk", value=active[0].name)


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise UserError("请填写姓名", field="name")
    if len(name) > NAME_MAX:
        raise UserError(f"姓名最多 {NAME_MAX} 个字", field="name")
    return name


def _by_name(session: Session, name: str) -> Account | None:
    return session.exec(select(Account).where(Account.name == name,
                                              Account.deleted_at.is_(None))).first()


def _existing_or_implicit(session: Session, name: str, head: AccountRow) -> None:
    if " ".join((name or "").split()) != head.name:
        raise UserError(f"找不到账户“{name}”", field="name")


def _existing(session: Session, name: str) -> Account:
    name = " ".join((name or "").split())
    account = _by_name(session, name)
    if account is None:
        implicit = implicit_head(session)
        if implicit and implicit.name == name and not session.exec(select(Account)).first():
            raise UserError(f"“{name}”是本机唯一的账户（负责人）；请先新增其他账户")
        raise UserError(f"找不到账户“{name}”", field="name")
    return account
