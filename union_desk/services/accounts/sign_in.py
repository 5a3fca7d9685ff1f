"""Signing in, and the pause after wrong passwords; the window's lock in the audit trail.

After `FREE_TRIES` wrong passwords in a row for one account, no password is even checked for
that account until a pause has passed: 1 minute after the 5th, then twice as long after each
further wrong one (2, 4, 8 … minutes, at most `LONGEST_PAUSE`). A right password ends the run.
The count and the pause are columns of the account (`failed_sign_ins`, `blocked_until`), so
quitting the app or running another script does not reset them; a 负责人 lifts a pause
(`unblock_account`: the accounts dialog, `union-desk accounts unblock NAME`), and setting a new
password for someone lifts it too.

Every try is in the audit trail (action `sign_in` / `sign_in_fail` / `sign_in_wait`, on the
account's row; never a password or a hash), and so are the window's locks (`lock`: idle or by
hand) and the 负责人's unblocking (`unblock`).

A wrong password must be *kept* although the clerk is refused, so `attempt_sign_in` does not
raise: it returns a `SignInResult` whose `refusal` the caller shows after the write transaction
has committed (a `UserError` raised inside it would roll the count back). It needs a write
session.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from enum import Enum

from pydantic import BaseModel
from sqlmodel import Session, select

from union_desk.models.account import Account, AccountRow
from union_desk.models.audit import log_action
from union_desk.models.base import utcnow
from union_desk.services.accounts.accounts import (
    account_row, current_account, implicit_head, require_head, work_as,
)
from union_desk.services.accounts.passwords import verify_password
from union_desk.services.errors import UserError

FREE_TRIES = 5
FIRST_PAUSE = timedelta(minutes=1)
LONGEST_PAUSE = timedelta(hours=1)
SIGN_IN_ACTIONS = ("sign_in", "sign_in_fail", "sign_in_wait", "lock", "unblock")


class SignInPlace(str, Enum):
    """Where a clerk signed in (it goes into the audit entry)."""

    START = "启动时登录"
    UNLOCK = "解锁屏幕"
    COMMAND = "命令行"


class SignInResult(BaseModel):
    account: AccountRow | None = None  # signed in as
    refusal: str = ""                  # why not (Chinese), shown once the transaction committed

    def signed_in(self) -> AccountRow:
        """The account, or the refusal as a UserError (call it after the commit)."""
        if self.account is None:
            raise UserError(self.refusal)
        return self.account


def pause_after(failures: int) -> timedelta | None:
    """How long sign-in pauses after this many wrong passwords in a row (None: not yet)."""
    if failures < FREE_TRIES:
        return None
    return min(FIRST_PAUSE * 2 ** min(failures - FREE_TRIES, 20), LONGEST_PAUSE)


def attempt_sign_in(session: Session, *, name: str, password: str,
                    place: SignInPlace) -> SignInResult:
    """Check the password and work as this account from now on (this open file, this process);
    a wrong one is counted and may start a pause. The refusal is the same for an unknown name
    and a wrong password. Needs a write session (the count, the audit entry)."""
    _need_write(session)
    name = " ".join((name or "").split())
    account = session.exec(select(Account).where(Account.name == name,
                                                 Account.deleted_at.is_(None))).first()
    if account is None:
        implicit = implicit_head(session)
        if implicit and implicit.name == name and not session.exec(select(Account)).first():
            work_as(session, implicit)  # the first-run clerk, the only account, no password yet
            return SignInResult(account=implicit)
        _log(session, actor="", record_id="*", action="sign_in_fail",
             detail={"place": place.value, "why": "姓名不在账户中"})
        return SignInResult(refusal="姓名或密码不对")
    now = utcnow()
    if account.blocked_until is not None and account.blocked_until > now:
        _log(session, actor=account.name, record_id=account.id, action="sign_in_wait",
             detail={"place": place.value, "until": _local(account.blocked_until)})
        return SignInResult(refusal=_paused(account, now, place))
    if not verify_password(password, account.password_hash):
        return _wrong(session, account, now, place)
    if not account.active:
        return SignInResult(refusal=f"账户“{name}”已停用")
    if account.failed_sign_ins or account.blocked_until:
        account.failed_sign_ins, account.blocked_until = 0, None
    row = account_row(account)
    work_as(session, row)
    _log(session, actor=row.name, record_id=row.id, action="sign_in",
         detail={"place": place.value, "role": row.role.value})
    session.flush()
    return SignInResult(account=row)


def unblock_account(session: Session, *, name: str) -> AccountRow:
    """A 负责人 lifts an account's pause and forgets its wrong passwords."""
    require_head(session, doing="解除登录暂停")
    account = session.exec(select(Account).where(Account.name == " ".join((name or "").split()),
                                                 Account.deleted_at.is_(None))).first()
    if account is None:
        raise UserError(f"找不到账户“{name}”", field="name")
    if not account.failed_sign_ins and account.blocked_until is None:
        raise UserError(f"账户“{account.name}”没有输错密码的记录，无需解除")
    clear_failures(session, account, why="负责人解除")
    return account_row(account)


def clear_failures(session: Session, account: Account, *, why: str) -> None:
    """Forget an account's wrong passwords and lift its pause (audited when there was any)."""
    if not account.failed_sign_ins and account.blocked_until is None:
        return
    _log(session, actor=session.info.get("actor", ""), record_id=account.id, action="unblock",
         detail={"failures": account.failed_sign_ins, "why": why})
    account.failed_sign_ins, account.blocked_until = 0, None
    session.flush()


def record_window_lock(session: Session, *, idle_minutes: int | None) -> None:
    """The window locked: after `idle_minutes` without input, or by hand (None)."""
    me = current_account(session)
    how = f"空闲 {idle_minutes} 分钟自动锁定" if idle_minutes else "手动锁定"
    _log(session, actor=me.name, record_id=me.id or "*", action="lock", detail={"how": how})


def paused(row: AccountRow) -> bool:
    """Sign-in refused for now (no password is checked until the pause has passed)."""
    return row.blocked_until is not None and row.blocked_until > utcnow()


def describe_pause(row: AccountRow) -> str:
    """"暂停登录至 10:32（连续 5 次密码错误）", or "" when sign-in is not paused."""
    if not paused(row):
        return ""
    return f"暂停登录至 {_local(row.blocked_until)}（连续 {row.failed_sign_ins} 次密码错误）"


# -- internals -------------------------------------------------------------------------------

def _wrong(session: Session, account: Account, now: datetime,
           place: SignInPlace) -> SignInResult:
    account.failed_sign_ins += 1
    pause = pause_after(account.failed_sign_ins)
    detail = {"place": place.value, "failures": account.failed_sign_ins}
    if pause is not None:
        account.blocked_until = now + pause
        detail["paused"] = _duration(pause)
    _log(session, actor=account.name, record_id=account.id, action="sign_in_fail", detail=detail)
    session.flush()
    if account.active and not account.password_hash:
        return SignInResult(refusal=f"账户“{account.name}”还没有密码，请负责人为其设置密码")
    if pause is not None:
        return SignInResult(refusal=_paused(account, now, place))
    left = FREE_TRIES - account.failed_sign_ins
    more = f"（再输错 {left} 次，将暂停登录 {_duration(FIRST_PAUSE)}）" if left <= 2 else ""
    return SignInResult(refusal="姓名或密码不对" + more)


def _paused(account: Account, now: datetime, place: SignInPlace) -> str:
    wait = account.blocked_until - now
    how = f"解除暂停（union-desk accounts unblock {account.name}）" \
        if place is SignInPlace.COMMAND else "在“账户管理”中解除暂停"
    return (f"账户“{account.name}”连续 {account.failed_sign_ins} 次密码错误，暂停登录："
            f"请 {_duration(wait)}后（{_local(account.blocked_until)} 以后）再试，或请负责人{how}")


def _duration(span: timedelta) -> str:
    seconds = max(1, int(span.total_seconds() + 0.999))
    if seconds < 60:
        return f"{seconds} 秒"
    minutes = (seconds + 59) // 60
    if minutes < 60 or minutes % 60:
        return f"{minutes} 分钟"
    return f"{minutes // 60} 小时"


def _local(moment: datetime) -> str:
    return f"{moment.astimezone():%H:%M}"


def _log(session: Session, *, actor: str, record_id: str, action: str, detail: dict) -> None:
    entry = log_action(session, table_name=Account.__tablename__, record_id=record_id,
                       action=action, detail=detail)
    entry.actor = actor


def _need_write(session: Session) -> None:
    if not session.connection().get_execution_options().get("write", False):
        raise RuntimeError("signing in needs a write session (the count of wrong passwords, "
                           "the audit entry)")
