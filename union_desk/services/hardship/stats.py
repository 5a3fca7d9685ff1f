"""Payment totals (count, recipients, households, amount) by occasion, month or status, and the
year-end figures the city office asks for ("335 户, 669,500 元")."""
from __future__ import annotations

from typing import Literal

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Session

from union_desk.models.hardship import ACTIVE_STATUSES, Household
from union_desk.models.payment import EPIDEMIC_OCCASION, Payment, PaymentReview, PaymentStatus
from union_desk.services.hardship.payment_search import PaymentFilter, apply_filter, period


class TotalRow(BaseModel):
    key: str
    count: int
    recipients: int  # distinct people (ID numbers)
    households: int  # distinct household files
    amount_fen: int


class Totals(BaseModel):
    rows: list[TotalRow]
    total: TotalRow


class YearFigures(BaseModel):
    year: int
    households_on_file: int
    hardship_households: int  # household files paid this year
    hardship_payments: int
    hardship_amount_fen: int
    medical_cases: int
    medical_amount_fen: int
    epidemic_people: int
    epidemic_amount_fen: int


def _measures():
    return (sa.func.count(Payment.id),
            sa.func.count(sa.distinct(Payment.recipient_id_number)),
            sa.func.count(sa.distinct(Payment.household_id)),
            sa.func.coalesce(sa.func.sum(Payment.amount_fen), 0))


def payment_totals(session: Session, *, by: Literal["occasion", "month", "status"],
                   flt: PaymentFilter | None = None) -> Totals:
    """Totals per group and overall. Voided payments count only when grouping by status or when
    the filter asks for them, payments waiting for review only when the filter asks for them:
    the money paid is what was issued (and approved, where review is required)."""
    flt = flt or PaymentFilter()
    if by != "status" and flt.status is None:
        flt = flt.model_copy(update={"status": PaymentStatus.ISSUED})
    if flt.review is None:
        flt = flt.model_copy(update={"settled": True})
    key = {"occasion": Payment.occasion,
           "month": sa.func.substr(sa.cast(Payment.paid_on, sa.String), 1, 7),
           "status": Payment.status}[by]
    query = apply_filter(sa.select(key.label("key"), *_measures()), flt)
    rows = [TotalRow(key=k.value if isinstance(k, PaymentStatus) else str(k), count=c,
                     recipients=r, households=h, amount_fen=a)
            for k, c, r, h, a in session.execute(query.group_by(key).order_by(key)).all()]
    c, r, h, a = session.execute(apply_filter(sa.select(*_measures()), flt)).one()
    return Totals(rows=rows, total=TotalRow(key="合计", count=c, recipients=r, households=h,
                                            amount_fen=a))


def _issued_in(year: int):
    start, end = period(year)
    return sa.and_(Payment.deleted_at.is_(None), Payment.status == PaymentStatus.ISSUED,
                   Payment.review != PaymentReview.PENDING,  # not paid out before approval
                   Payment.paid_on >= start, Payment.paid_on < end)


def _hardship_help():
    """Hardship help: paid to a household file, neither a medical claim nor front-line money."""
    return sa.and_(Payment.household_id.is_not(None), Payment.hospital == "",
                   Payment.occasion != EPIDEMIC_OCCASION)


def supported_households(year: int) -> sa.Select:
    """The ids of the household files given hardship help in `year` (the "慰问困难职工 N 户" of
    the year-end report): what the overview's households charts count and the households list
    shows when they are clicked."""
    return sa.select(Payment.household_id).where(_issued_in(year), _hardship_help()).distinct()


def year_figures(session: Session, *, year: int) -> YearFigures:
    issued = _issued_in(year)
    medical = Payment.hospital != ""
    epidemic = Payment.occasion == EPIDEMIC_OCCASION
    hardship = _hardship_help()

    def measure(cond, distinct_col):
        return session.execute(sa.select(
            sa.func.count(Payment.id), sa.func.count(sa.distinct(distinct_col)),
            sa.func.coalesce(sa.func.sum(Payment.amount_fen), 0)).where(issued, cond)).one()

    hard_n, hard_households, hard_amount = measure(hardship, Payment.household_id)
    med_n, _, med_amount = measure(medical, Payment.id)
    _, epi_people, epi_amount = measure(epidemic, Payment.recipient_id_number)
    on_file = session.execute(sa.select(sa.func.count(Household.id)).where(
        Household.deleted_at.is_(None), Household.status.in_(ACTIVE_STATUSES))).scalar_one()
    return YearFigures(year=year, households_on_file=on_file,
                       hardship_households=hard_households, hardship_payments=hard_n,
                       hardship_amount_fen=hard_amount, medical_cases=med_n,
                       medical_amount_fen=med_amount, epidemic_people=epi_people,
                       epidemic_amount_fen=epi_amount)
