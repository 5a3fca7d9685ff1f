"""What a 负责人 sets for the installation: 凭证须经审核 (four eyes on payments) and the idle
time after which the window locks. Both are settings in the database; every change is in the
audit trail (action "policy").

Also the one rule of who may approve which payment (`approval_refusal`): the approving service
(services/hardship/approval.py) refuses by it, and the payments list's 审核 button is shown,
enabled and explained by it (`approval_offered`), so the window never offers what the service
would refuse."""
from __future__ import annotations

from datetime import datetime
from typing import Protocol

from pydantic import BaseModel
from sqlmodel import Session

from union_desk.models.account import AccountRow
from union_desk.models.payment import PaymentReview, PaymentStatus
from union_desk.models.audit import log_action
from union_desk.services.accounts.accounts import (
    active_names, current_account, list_accounts, require_head, sign_in_needed,
)
from union_desk.services.errors import UserError
from union_desk.services.settings import get_setting, put_setting

REVIEW_KEY = "accounts.review_required"
IDLE_KEY = "accounts.idle_minutes"
IDLE_DEFAULT, IDLE_MIN, IDLE_MAX = 10, 1, 240


class AccountsPolicy(BaseModel):
    """What the window needs to know about who works and what is asked of them."""

    current: AccountRow
    active_names: list[str]  # who may sign in
    sign_in_needed: bool   # two or more active accounts: ask who works, lock when idle
    review_required: bool  # 凭证须经审核
    idle_minutes: int


def accounts_policy(session: Session) -> AccountsPolicy:
    return AccountsPolicy(current=current_account(session), active_names=active_names(session),
                          sign_in_needed=sign_in_needed(session),
                          review_required=review_required(session),
                          idle_minutes=idle_minutes(session))


def review_required(session: Session) -> bool:
    """凭证须经审核: a payment entered now is 待审核 until another 审核人 approves it."""
    return bool(get_setting(session, key=REVIEW_KEY, default=False))


def set_review_required(session: Session, *, on: bool) -> None:
    """Only a 负责人. Turning it on needs a second active account (someone must approve what
    the other enters). Payments already on file keep their state either way: those entered
    while it was off stay 无需审核; those waiting stay 待审核 until approved or voided."""
    require_head(session, doing="更改“凭证须经审核”")
    on = bool(on)
    if on == review_required(session):
        return
    if on and len(list_accounts(session, include_inactive=False)) < 2:
        raise UserError("开启“凭证须经审核”需要至少两个在用账户（录入人和审核人不能是同一人）；"
                        "请先新增账户")
    put_setting(session, key=REVIEW_KEY, value=on)
    log_action(session, table_name="setting", record_id=REVIEW_KEY, action="policy",
               detail={"setting": "凭证须经审核", "value": "开启" if on else "关闭"})


def idle_minutes(session: Session) -> int:
    value = get_setting(session, key=IDLE_KEY, default=IDLE_DEFAULT)
    return value if isinstance(value, int) and IDLE_MIN <= value <= IDLE_MAX else IDLE_DEFAULT


def set_idle_minutes(session: Session, *, minutes: int) -> None:
    """Minutes without a key press or a click before the window locks (with two or more
    accounts). Only a 负责人."""
    require_head(session, doing="更改自动锁定时间")
    if isinstance(minutes, bool) or not isinstance(minutes, int) \
            or not IDLE_MIN <= minutes <= IDLE_MAX:
        raise UserError(f"自动锁定时间应为 {IDLE_MIN} 到 {IDLE_MAX} 分钟", field="minutes")
    if minutes == idle_minutes(session):
        return
    put_setting(session, key=IDLE_KEY, value=minutes)
    log_action(session, table_name="setting", record_id=IDLE_KEY, action="policy",
               detail={"setting": "自动锁定时间", "value": f"{minutes} 分钟"})


# -- who may approve which payment ----------------------------------------------------------

class Reviewable(Protocol):
    """What the rule reads of a payment: a PaymentRow, or the Payment a service holds."""

    status: PaymentStatus
    review: PaymentReview
    entered_by: str
    approved_by: str
    approved_at: datetime | None


def approval_refusal(account: AccountRow, payment: Reviewable) -> str:
    """Why `account` may not approve `payment` (Chinese), or "" when it may: a 审核人 or
    负责人, a payment waiting for review (not voided), entered by someone else."""
    if not account.may_review:
        return f"审核凭证需要审核人或负责人账户；当前账户“{account.name}”是{account.role.value}"
    if payment.status == PaymentStatus.VOID:
        return "已作废"
    if payment.review == PaymentReview.APPROVED:
        day = payment.approved_at.astimezone().date().isoformat() if payment.approved_at else ""
        return f"已由{payment.approved_by}于 {day} 审核"
    if payment.review == PaymentReview.NOT_REQUIRED:
        return "录入时未要求审核（“凭证须经审核”开启之前），无需审核"
    if payment.entered_by == account.name:
        return "由您本人录入，须由另一位审核人或负责人审核"
    return ""


def approval_offered(current: AccountsPolicy, *, waiting: int) -> bool:
    """Whether the window offers approving at all: to a 审核人 or 负责人, while 凭证须经审核 is
    on — or while payments entered under it still wait (turning it off leaves them waiting)."""
    return current.current.may_review and (current.review_required or waiting > 0)
