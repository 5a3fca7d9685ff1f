"""Visits and payments (慰问金 / 补助): record, void, correct; a voucher number per payment.

A payment is never edited: it is voided with a reason (the row stays, marked 作废) and a
correction is a new payment with a new voucher number.

With 凭证须经审核 on (services/accounts/policy.py) a new payment is 待审核 until another
审核人 approves it (approval.py). Voiding one that waits is how a wrong entry is withdrawn: it
is 作废 and never approved; its correction waits for review like any new payment.
"""
from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, select

from union_desk.models.audit import record_bulk
from union_desk.models.base import utcnow
from union_desk.models.hardship import ACTIVE_STATUSES, Household
from union_desk.models.member import Member
from union_desk.models.payment import (
    MEDICAL_AID_OCCASION, Payment, PaymentCreate, PaymentMethod, PaymentReview, PaymentRow,
    PaymentStatus, Visit, VisitCreate, VisitRow,
)
from union_desk.services.accounts.policy import review_required
from union_desk.models.union import GrassrootsUnion
from union_desk.services.errors import UserError
from union_desk.services.hardship.voucher_numbers import issue_voucher_no

MAX_AMOUNT_FEN = 100_000_000  # 100 万元: anything larger is a typing error


def payment_row(p: Payment) -> PaymentRow:
    return PaymentRow(**p.model_dump(include=set(PaymentRow.model_fields)))


def record_payment(session: Session, *, data: PaymentCreate,
                   visit_id: str | None = None) -> PaymentRow:
    """Check the payment, give it its voucher number and store it, in the caller's transaction."""
    values = check_payment(session, data=data)
    household, member = resolve_recipient(session, household_id=data.household_id,
                                          member_id=data.member_id)
    payment = Payment(**values, visit_id=visit_id,
                      voucher_no=issue_voucher_no(session, year=values["paid_on"].year),
                      **recipient_snapshot(session, household, member))
    session.add(payment)
    session.flush()
    return payment_row(payment)


def record_visit(session: Session, *, data: VisitCreate,
                 payment: PaymentCreate | None = None) -> VisitRow:
    """A visit and, optionally, the payment made during it: one transaction."""
    occasion = (data.occasion or "").strip()
    if not occasion:
        raise UserError("请填写慰问事由", field="occasion")
    if data.visited_on is None:
        raise UserError("请填写走访日期", field="visited_on")
    household, member = resolve_recipient(session, household_id=data.household_id,
                                          member_id=data.member_id, for_payment=False)
    visit = Visit(**data.model_dump(exclude={"household_id", "member_id", "occasion"}),
                  occasion=occasion, household_id=household.id if household else None,
                  member_id=member.id)
    session.add(visit)
    session.flush()
    row = None
    if payment is not None:
        payment = payment.model_copy(update={
            "household_id": payment.household_id or visit.household_id,
            "member_id": payment.member_id or visit.member_id,
            "occasion": payment.occasion or occasion,
        })
        row = record_payment(session, data=payment, visit_id=visit.id)
    return VisitRow(**visit.model_dump(include=set(VisitRow.model_fields) - {"payment"}),
                    payment=row)


def void_payment(session: Session, *, voucher_no: str, reason: str,
                 on: date | None = None) -> PaymentRow:
    payment = _by_number(session, voucher_no)
    reason = (reason or "").strip()
    if not reason:
        raise UserError("请填写作废原因", field="reason")
    if payment.status == PaymentStatus.VOID:
        raise UserError(f"凭证 {payment.voucher_no} 已于 {payment.voided_on} 作废")
    on = on or date.today()
    if on < payment.paid_on:
        raise UserError(f"作废日期不能早于发放日期 {payment.paid_on.isoformat()}", field="on")
    payment.status = PaymentStatus.VOID
    payment.void_reason = reason
    payment.voided_on = on
    session.flush()
    return payment_row(payment)


def correct_payment(session: Session, *, voucher_no: str, reason: str,
                    data: PaymentCreate) -> PaymentRow:
    """Void a payment and record its replacement (a new voucher number) in one step."""
    original = get_payment(session, voucher_no=voucher_no)
    if original.member_id is None and original.household_id is None:
        raise UserError("这是付给单位的款项（如爱心驿家补助），请在原登记处撤回后重新登记")
    void_payment(session, voucher_no=voucher_no, reason=reason)
    return record_payment(session, data=data)


def get_payment(session: Session, *, voucher_no: str) -> PaymentRow:
    return payment_row(_by_number(session, voucher_no))


def payments_by_numbers(session: Session, *, voucher_nos: list[str]) -> list[PaymentRow]:
    """The payments in the order asked; every unknown number is named."""
    wanted = ["".join(n.split()) for n in voucher_nos if n.strip()]
    found = {p.voucher_no: p for p in session.exec(select(Payment).where(
        Payment.voucher_no.in_(wanted), Payment.deleted_at.is_(None))).all()}
    missing = [n for n in wanted if n not in found]
    if missing:
        raise UserError("找不到凭证：" + "、".join(missing), field="voucher_no")
    return [payment_row(found[n]) for n in dict.fromkeys(wanted)]


def list_visits(session: Session, *, household_id: str | None = None,
                member_id: str | None = None) -> list[VisitRow]:
    query = select(Visit).where(Visit.deleted_at.is_(None))
    if household_id:
        query = query.where(Visit.household_id == household_id)
    if member_id:
        query = query.where(Visit.member_id == member_id)
    visits = session.exec(query.order_by(Visit.visited_on.desc(), Visit.created_at.desc())).all()
    paid = {p.visit_id: p for p in session.exec(select(Payment).where(
        Payment.visit_id.in_([v.id for v in visits]))).all()}
    return [VisitRow(**v.model_dump(include=set(VisitRow.model_fields) - {"payment"}),
                     payment=payment_row(paid[v.id]) if v.id in paid else None) for v in visits]


def mark_printed(session: Session, *, payment_ids: list[str]) -> None:
    """One more printed output of each payment (its next voucher is a 补打), audited; in bulk,
    since a campaign prints hundreds at once. Every id must be a payment."""
    payment_ids = list(dict.fromkeys(payment_ids))
    session.flush()
    drafts = session.execute(sa.select(Payment.voucher_no).where(
        Payment.id.in_(payment_ids), Payment.review == PaymentReview.PENDING)).scalars().all()
    if drafts:  # a draft marked 未审核 is not a voucher: it never uses up the original
        raise UserError("未审核的凭证不能记为已打印：" + "、".join(sorted(drafts)))
    counts: list[dict] = []
    for start in range(0, len(payment_ids), 500):
        chunk = payment_ids[start:start + 500]
        session.execute(sa.update(Payment).where(Payment.id.in_(chunk))
                        .values(printed_count=Payment.printed_count + 1, updated_at=utcnow()))
        counts += [{"id": i, "township": t, "printed_count": n} for i, t, n in session.execute(
            sa.select(Payment.id, Payment.township, Payment.printed_count)
            .where(Payment.id.in_(chunk))).all()]
    if len(counts) != len(payment_ids):
        raise UserError(f"有 {len(payment_ids) - len(counts)} 张凭证找不到，未记为已打印")
    record_bulk(session, table_name=Payment.__tablename__, rows=counts, action="update")
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Payment):
            session.expire(obj, ["printed_count", "updated_at"])


# -- shared with the campaign import ---------------------------------------------------------

def check_payment(session: Session, *, data: PaymentCreate) -> dict:
    """The checked fields of a payment (without recipient snapshot and voucher number)."""
    occasion = (data.occasion or "").strip()
    if not occasion:
        raise UserError("请填写慰问事由", field="occasion")
    amount = data.amount_fen
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise UserError("发放金额应大于零", field="amount_fen")
    if amount > MAX_AMOUNT_FEN:
        raise UserError("发放金额过大，请核对", field="amount_fen")
    if data.paid_on is None:
        raise UserError("请填写发放日期", field="paid_on")
    values = data.model_dump(exclude={"household_id", "member_id"})
    actor = session.info.get("actor", "")
    pending = review_required(session)
    values.update(occasion=occasion, method=PaymentMethod(data.method),
                  handler=(data.handler or "").strip() or actor,
                  # under review the 审核人 box is the approving account's, filled on approval:
                  # a name typed at entry would stand on the draft as if someone had reviewed it
                  reviewer="" if pending else (data.reviewer or "").strip(),
                  approver=(data.approver or "").strip(),
                  hospital=(data.hospital or "").strip(), entered_by=actor,
                  review=PaymentReview.PENDING if pending else PaymentReview.NOT_REQUIRED)
    _check_medical(values)
    return values


def _check_medical(v: dict) -> None:
    claim = (v["hospital"] or v["admitted_on"] or v["discharged_on"]
             or v["total_cost_fen"] is not None or v["reimbursed_fen"] is not None
             or v["occasion"] == MEDICAL_AID_OCCASION)
    if not claim:
        return
    if not v["hospital"]:
        raise UserError("医疗补助请填写就诊医院", field="hospital")
    if v["total_cost_fen"] is None or v["total_cost_fen"] <= 0:
        raise UserError("医疗补助请填写医疗总费用", field="total_cost_fen")
    reimbursed = v["reimbursed_fen"] or 0
    if reimbursed < 0 or reimbursed > v["total_cost_fen"]:
        raise UserError("医保报销金额应在 0 到总费用之间", field="reimbursed_fen")
    if v["admitted_on"] and v["discharged_on"] and v["discharged_on"] < v["admitted_on"]:
        raise UserError("出院日期不能早于入院日期", field="discharged_on")
    if v["amount_fen"] > v["total_cost_fen"] - reimbursed:
        raise UserError("补助金额不能超过个人自付部分（总费用减报销）", field="amount_fen")
    v["reimbursed_fen"] = reimbursed


def resolve_recipient(session: Session, *, household_id: str | None, member_id: str | None,
                      for_payment: bool = True) -> tuple[Household | None, Member]:
    household = None
    if household_id:
        household = session.get(Household, household_id)
        if household is None or household.deleted_at is not None:
            raise UserError("找不到该困难职工档案", field="household_id")
        if member_id and member_id != household.member_id:
            raise UserError("所选会员与档案不符", field="member_id")
        if for_payment and household.status not in ACTIVE_STATUSES:
            raise UserError(f"该档案状态为“{household.status.value}”，不能发放帮扶资金",
                            field="household_id")
        member_id = household.member_id
    member = session.get(Member, member_id) if member_id else None
    if member is None or member.deleted_at is not None:
        raise UserError("请选择慰问对象", field="member_id")
    return household, member


def recipient_snapshot(session: Session, household: Household | None, member: Member) -> dict:
    unit = member.employer or (session.get(GrassrootsUnion, member.union_id).name
                               if member.union_id else "")
    return {"household_id": household.id if household else None, "member_id": member.id,
            "recipient_name": member.name, "recipient_id_number": member.id_number,
            "recipient_unit": unit,
            "recipient_category": household.category.value if household else ""}


def _by_number(session: Session, voucher_no: str) -> Payment:
    number = "".join((voucher_no or "").split())
    payment = session.exec(select(Payment).where(Payment.voucher_no == number,
                                                 Payment.deleted_at.is_(None))).first()
    if payment is None:
        raise UserError(f"找不到凭证：{number or '（空）'}", field="voucher_no")
    return payment
