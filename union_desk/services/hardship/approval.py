"""Four eyes on money: approving payments that wait for review (凭证须经审核).

A payment entered while the setting is on (services/accounts/policy.py) is 待审核: it prints
only as a draft marked 未审核, never as a voucher, until a 审核人 or 负责人 *other than the
account that entered it* approves it. The approval is stored on the payment (`approved_by`,
`approved_at`, and the 审核人 box of the voucher: `reviewer`), written to the audit trail
(action "approve") and printed on the voucher with its date.

A batch is approved whole or not at all: every payment that cannot be approved is named with
its reason, and nothing is approved, so what the 审核人 chose is what was approved.
"""
from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, select

from union_desk.models.account import AccountRole, AccountRow
from union_desk.models.audit import log_action
from union_desk.models.base import utcnow
from union_desk.models.payment import Payment, PaymentReview, PaymentRow, PaymentStatus
from union_desk.services.accounts.accounts import current_account, require
from union_desk.services.accounts.policy import approval_refusal
from union_desk.services.errors import UserError
from union_desk.services.hardship.payments import payment_row

MAX_NAMED = 10  # refusals named in one message


def approve_payments(session: Session, *, voucher_nos: list[str]) -> list[PaymentRow]:
    """Approve the payments with these voucher numbers, as the current account."""
    reviewer = require(session, roles={AccountRole.REVIEWER, AccountRole.HEAD},
                       doing="审核凭证")
    wanted = list(dict.fromkeys("".join(n.split()) for n in voucher_nos if n and n.strip()))
    if not wanted:
        raise UserError("请选择要审核的凭证")
    found: dict[str, Payment] = {}
    for start in range(0, len(wanted), 500):
        found.update((p.voucher_no, p) for p in session.exec(select(Payment).where(
            Payment.voucher_no.in_(wanted[start:start + 500]), Payment.deleted_at.is_(None))))
    refusals = []
    for number in wanted:
        why = _refusal(found.get(number), reviewer)
        if why:
            refusals.append(f"{number}：{why}")
    if refusals:
        more = f"（另有 {len(refusals) - MAX_NAMED} 张）" if len(refusals) > MAX_NAMED else ""
        raise UserError("以下凭证不能审核，本次未审核任何凭证：\n"
                        + "\n".join(refusals[:MAX_NAMED]) + more)
    now = utcnow()
    for number in wanted:
        payment = found[number]
        payment.review, payment.approved_by, payment.approved_at = (
            PaymentReview.APPROVED, reviewer.name, now)
        payment.reviewer = reviewer.name
        log_action(session, table_name=Payment.__tablename__, record_id=payment.id,
                   action="approve", detail={"voucher_no": number,
                                             "amount_fen": payment.amount_fen,
                                             "entered_by": payment.entered_by,
                                             "role": reviewer.role.value})
    session.flush()
    return [payment_row(found[n]) for n in wanted]


def pending_numbers(session: Session) -> list[str]:
    """The voucher numbers the current account may approve: waiting, entered by someone else."""
    me = current_account(session)
    return list(session.execute(sa.select(Payment.voucher_no).where(
        Payment.deleted_at.is_(None), Payment.review == PaymentReview.PENDING,
        Payment.status == PaymentStatus.ISSUED, Payment.entered_by != me.name)
        .order_by(Payment.voucher_no)).scalars())


def pending_count(session: Session) -> int:
    """Payments waiting for their 审核人 (not voided)."""
    return session.execute(sa.select(sa.func.count(Payment.id)).where(
        Payment.deleted_at.is_(None), Payment.review == PaymentReview.PENDING,
        Payment.status == PaymentStatus.ISSUED)).scalar_one()


def _refusal(payment: Payment | None, reviewer: AccountRow) -> str:
    if payment is None:
        return "找不到该凭证"
    return approval_refusal(reviewer, payment)
