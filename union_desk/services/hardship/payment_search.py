"""The payments list: filter by occasion, year, month, status, recipient; sort and page in SQL."""
from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Session

from union_desk.dialect import contains_ci
from union_desk.domain.pinyin import name_key
from union_desk.domain.search import normalise_search
from union_desk.models.member import Member
from union_desk.models.payment import Payment, PaymentReview, PaymentRow, PaymentStatus
from union_desk.services.common.member_search import member_condition


class PaymentFilter(BaseModel):
    text: str = ""  # recipient name or its pinyin, ID number, phone, or voucher number
    occasion: str | None = None
    year: int | None = None
    month: int | None = None  # 1–12, with year
    status: PaymentStatus | None = None
    household_id: str | None = None
    member_id: str | None = None
    review: PaymentReview | None = None  # e.g. 待审核 (with status 已发放: waiting for review)
    settled: bool = False  # leave out payments waiting for review (money not yet paid out)


# plain columns, not ORM entities: building entities costs more than the query
ROW_COLUMNS = tuple(getattr(Payment, name) for name in PaymentRow.model_fields
                    if name != "recipient_credit_code")  # split from recipient_id_number

SORTS = {
    "voucher_no": Payment.voucher_no,
    "paid_on": Payment.paid_on,
    "recipient": Payment.recipient_name,
    "amount": Payment.amount_fen,
    "occasion": Payment.occasion,
    "status": Payment.status,
}


def period(year: int, month: int | None = None) -> tuple[date, date]:
    """[start, end) of a year or of one month of it."""
    if month is None:
        return date(year, 1, 1), date(year + 1, 1, 1)
    if not 1 <= month <= 12:
        raise ValueError(f"month {month}")
    end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date(year, month, 1), end


def apply_filter(query, flt: PaymentFilter):
    query = query.where(Payment.deleted_at.is_(None))
    kind, text = normalise_search(flt.text)
    if kind:
        # the payment's own columns are scanned (LIKE '%…%', as before); pinyin and the ends of
        # ID and phone numbers find the recipient member through the member's search indexes
        typed = [contains_ci(Payment.voucher_no, name_key(flt.text))]
        if kind == "name":
            typed.append(contains_ci(Payment.recipient_name, text))
        else:
            typed.append(Payment.member_id.in_(
                sa.select(Member.id).where(member_condition(flt.text))))
        if kind == "number":
            typed.append(contains_ci(Payment.recipient_id_number, text))
        query = query.where(sa.or_(*typed))
    if flt.occasion:
        query = query.where(Payment.occasion == flt.occasion)
    if flt.year is not None:
        start, end = period(flt.year, flt.month)
        query = query.where(Payment.paid_on >= start, Payment.paid_on < end)
    if flt.status is not None:
        query = query.where(Payment.status == flt.status)
    if flt.household_id:
        query = query.where(Payment.household_id == flt.household_id)
    if flt.member_id:
        query = query.where(Payment.member_id == flt.member_id)
    if flt.review is not None:
        query = query.where(Payment.review == flt.review)
    if flt.settled:
        query = query.where(Payment.review != PaymentReview.PENDING)
    return query


def list_payments(session: Session, *, flt: PaymentFilter | None = None,
                  sort: str = "voucher_no", descending: bool = False,
                  offset: int = 0, limit: int | None = 200) -> list[PaymentRow]:
    column = SORTS.get(sort)
    if column is None:
        raise ValueError(f"unknown sort {sort!r}")
    order = column.desc() if descending else column.asc()
    query = apply_filter(sa.select(*ROW_COLUMNS), flt or PaymentFilter())
    query = query.order_by(order, Payment.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [PaymentRow(**r._mapping) for r in session.execute(query).all()]


def count_payments(session: Session, *, flt: PaymentFilter | None = None) -> int:
    query = apply_filter(sa.select(sa.func.count(Payment.id)), flt or PaymentFilter())
    return session.execute(query).scalar_one()


def occasions_in_use(session: Session) -> list[str]:
    """Occasions that have payments, most used first (for the filter list)."""
    query = (sa.select(Payment.occasion).where(Payment.deleted_at.is_(None))
             .group_by(Payment.occasion).order_by(sa.func.count().desc(), Payment.occasion))
    return list(session.execute(query).scalars())
