"""A campaign paid at once (e.g. 春节送温暖 for 335 households): the clerk picks households from
the list and every one gets its payment and voucher number in one transaction.

`insert_payments` is the bulk writer shared with the Excel import (Core insert + audit rows).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, select

from union_desk.models.audit import insert_bulk
from union_desk.models.base import new_id
from union_desk.models.hardship import ACTIVE_STATUSES, Household
from union_desk.models.member import Member
from union_desk.models.payment import Payment, PaymentCreate, PaymentStatus
from union_desk.progress import Cancelled, Progress
from union_desk.services.errors import UserError
from union_desk.services.hardship.payment_search import period
from union_desk.services.hardship.payments import check_payment, recipient_snapshot
from union_desk.services.hardship.voucher_numbers import issue_voucher_numbers, this_township

CANCELLED_MESSAGE = "已取消，未写入任何数据"
_CHUNK = 500


@dataclass
class CampaignResult:
    vouchers: list[str] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)  # {"household_id", "name", "reason"}


def pay_households(session: Session, *, household_ids: list[str], payment: PaymentCreate,
                   progress: Progress = None,
                   cancelled: Cancelled = None) -> CampaignResult:
    """The same payment (occasion, amount, date, method, signatories) for each household.
    A household not in 在档/返困, or already paid for this occasion this year, is skipped and
    named; cancelling writes nothing."""
    base = check_payment(session, data=payment.model_copy(update={"household_id": None,
                                                                   "member_id": None}))
    wanted = list(dict.fromkeys(household_ids))
    if not wanted:
        raise UserError("请选择要发放的困难职工档案")
    households = {h.id: h for h in _load(session, Household, wanted)}
    members = {m.id: m for m in _load(session, Member,
                                      [h.member_id for h in households.values()])}
    start, end = period(base["paid_on"].year)
    paid = set(session.execute(sa.select(Payment.household_id).where(
        Payment.household_id.in_(wanted), Payment.occasion == base["occasion"],
        Payment.status == PaymentStatus.ISSUED, Payment.deleted_at.is_(None),
        Payment.paid_on >= start, Payment.paid_on < end)).scalars())
    result, planned = CampaignResult(), []
    for n, hid in enumerate(wanted, start=1):
        if cancelled is not None and cancelled():
            raise UserError(CANCELLED_MESSAGE)
        if progress is not None and (n % 50 == 0 or n == len(wanted)):
            progress(n, len(wanted))
        household = households.get(hid)
        if household is None or household.deleted_at is not None:
            raise UserError("所选档案中有已不存在的记录，请刷新列表后重试")
        member = members[household.member_id]
        reason = _skip_reason(household, hid in paid, base)
        if reason:
            result.skipped.append({"household_id": hid, "name": member.name, "reason": reason})
            continue
        planned.append(dict(base, **recipient_snapshot(session, household, member)))
    result.vouchers = insert_payments(session, planned=planned, cancelled=cancelled)
    return result


def _skip_reason(household: Household, already_paid: bool, base: dict) -> str:
    if household.status not in ACTIVE_STATUSES:
        return f"档案状态为“{household.status.value}”"
    if already_paid:
        return f"{base['paid_on'].year}年已发放过“{base['occasion']}”"
    return ""


def _load(session: Session, model, ids: list[str]) -> list:
    out = []
    for start in range(0, len(ids), _CHUNK):
        out += session.exec(select(model).where(model.id.in_(ids[start:start + _CHUNK]))).all()
    return out


def insert_payments(session: Session, *, planned: list[dict],
                    cancelled: Cancelled = None) -> list[str]:
    """Write checked payments (check_payment values + recipient snapshot) in bulk, numbered in
    order; all in one year. Returns their voucher numbers."""
    if not planned:
        return []
    years = {values["paid_on"].year for values in planned}
    if len(years) != 1:
        raise ValueError("one batch of payments is numbered within one year")
    numbers = issue_voucher_numbers(session, year=years.pop(), count=len(planned))
    template = Payment(township=this_township(session).code, voucher_no="", recipient_name="",
                       occasion="", amount_fen=0, paid_on=date.today()).model_dump()
    rows = [dict(template, **values, id=new_id(), voucher_no=number)
            for values, number in zip(planned, numbers)]
    for start in range(0, len(rows), _CHUNK):
        if cancelled is not None and cancelled():
            raise UserError(CANCELLED_MESSAGE)
        insert_bulk(session, Payment, rows[start:start + _CHUNK])
    return numbers
