"""Visits (走访慰问), payments (慰问金 / 补助, incl. medical mutual-aid claims), voucher counters."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any
from enum import Enum

import sqlalchemy as sa
from pydantic import BaseModel, model_validator
from sqlmodel import Field, SQLModel

from union_desk.models.base import RecordBase, UTCDateTime, enum_type
from union_desk.models.personal import IdNumber


class PaymentMethod(str, Enum):
    CASH = "现金"
    BANK = "银行转账"


class PaymentStatus(str, Enum):
    ISSUED = "已发放"
    VOID = "作废"


class PaymentReview(str, Enum):
    """Four eyes on money (setting 凭证须经审核, services/accounts/policy.py): a payment entered
    while the setting is on is 待审核 until a 审核人 or 负责人 other than the one who entered it
    approves it; payments entered while it was off never need it (无需审核)."""

    NOT_REQUIRED = "无需审核"
    PENDING = "待审核"
    APPROVED = "已审核"


# Occasions offered in the forms; the clerk may type their own.
OCCASIONS = ("春节送温暖", "金秋助学", "医疗救助", "抗疫一线慰问", "意外慰问", "职工医疗互助补助")
MEDICAL_AID_OCCASION = "职工医疗互助补助"
EPIDEMIC_OCCASION = "抗疫一线慰问"


class VisitBase(SQLModel):
    household_id: str | None = Field(default=None, foreign_key="household.id", max_length=32)
    member_id: str | None = Field(default=None, foreign_key="member.id", max_length=32)
    visited_on: date
    visitors: str = Field(default="", max_length=100)
    occasion: str = Field(max_length=30)
    notes: str = Field(default="", max_length=500)


class Visit(RecordBase, VisitBase, table=True):
    __tablename__ = "visit"
    __table_args__ = (
        sa.Index("ix_visit_household_id", "household_id"),
        sa.Index("ix_visit_member_id", "member_id"),
        sa.Index("ix_visit_visited_on", "visited_on"),
    )


class PaymentBase(SQLModel):
    """What the clerk enters. The recipient is a household file or (without one) a member."""

    household_id: str | None = Field(default=None, foreign_key="household.id", max_length=32)
    member_id: str | None = Field(default=None, foreign_key="member.id", max_length=32)
    occasion: str = Field(max_length=30)
    amount_fen: int
    method: PaymentMethod = Field(default=PaymentMethod.CASH, sa_type=enum_type(PaymentMethod))
    paid_on: date
    handler: str = Field(default="", max_length=40)
    reviewer: str = Field(default="", max_length=40)
    approver: str = Field(default="", max_length=40)
    note: str = Field(default="", max_length=200)
    # medical mutual-aid claim (职工医疗互助补助); the subsidy is amount_fen
    hospital: str = Field(default="", max_length=100)
    admitted_on: date | None = None
    discharged_on: date | None = None
    total_cost_fen: int | None = None
    reimbursed_fen: int | None = None


class Payment(RecordBase, PaymentBase, table=True):
    __tablename__ = "payment"
    __table_args__ = (
        sa.Index("ux_payment_voucher_no", "voucher_no", "township", unique=True),
        sa.Index("ix_payment_household_id", "household_id"),
        sa.Index("ix_payment_member_id", "member_id"),
        sa.Index("ix_payment_visit_id", "visit_id"),
        sa.Index("ix_payment_recipient_id_number", "recipient_id_number"),
        sa.Index("ix_payment_occasion_paid_on", "occasion", "paid_on"),
        sa.Index("ix_payment_paid_on", "paid_on"),
        sa.Index("ix_payment_township_paid_on", "township", "paid_on"),  # a township's year
        sa.Index("ix_payment_status", "status"),
        sa.Index("ix_payment_review", "review"),
    )

    voucher_no: str = Field(max_length=40)
    visit_id: str | None = Field(default=None, foreign_key="visit.id", max_length=32)
    status: PaymentStatus = Field(default=PaymentStatus.ISSUED, sa_type=enum_type(PaymentStatus))
    void_reason: str = Field(default="", max_length=200)
    voided_on: date | None = None
    printed_count: int = 0
    # snapshot of the recipient when paid (what the voucher prints)
    recipient_name: str = Field(max_length=40)
    recipient_id_number: str = Field(default="", max_length=18)
    recipient_unit: str = Field(default="", max_length=100)
    recipient_category: str = Field(default="", max_length=16)
    # four eyes (PaymentReview): the account that entered it, and who approved it when
    review: PaymentReview = Field(default=PaymentReview.NOT_REQUIRED,
                                  sa_type=enum_type(PaymentReview))
    entered_by: str = Field(default="", max_length=40)
    approved_by: str = Field(default="", max_length=40)
    approved_at: datetime | None = Field(default=None, sa_type=UTCDateTime(), nullable=True)


class VoucherCounter(RecordBase, table=True):
    """The last voucher number issued per township and year; only services/voucher_numbers."""

    __tablename__ = "voucher_counter"
    __table_args__ = (
        sa.Index("ux_voucher_counter_township_year", "township", "year", unique=True),
    )

    year: int
    last: int = 0


class PaymentCreate(PaymentBase):
    pass


class VisitCreate(VisitBase):
    pass


class PaymentRow(BaseModel):
    """A payment as listed and printed. The stored `recipient_id_number` is a person's ID
    number, or for a payment to a unit (no member, no household) the unit's unified social
    credit code: public, so it comes apart as `recipient_credit_code`, shown whole."""

    id: str
    voucher_no: str
    household_id: str | None
    member_id: str | None
    visit_id: str | None
    recipient_name: str
    recipient_id_number: IdNumber  # empty for a unit
    recipient_credit_code: str = ""  # a unit's, else empty
    recipient_unit: str
    recipient_category: str
    occasion: str
    amount_fen: int
    method: PaymentMethod
    paid_on: date
    handler: str
    reviewer: str
    approver: str
    note: str
    status: PaymentStatus
    void_reason: str
    voided_on: date | None
    printed_count: int
    hospital: str
    admitted_on: date | None
    discharged_on: date | None
    total_cost_fen: int | None
    reimbursed_fen: int | None
    review: PaymentReview = PaymentReview.NOT_REQUIRED
    entered_by: str = ""
    approved_by: str = ""
    approved_at: datetime | None = None

    @model_validator(mode="before")
    @classmethod
    def _unit_code_apart(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("member_id") is None \
                and data.get("household_id") is None and "recipient_credit_code" not in data:
            data = dict(data)
            number = data.get("recipient_id_number")
            data["recipient_credit_code"] = number if isinstance(number, str) else ""
            data["recipient_id_number"] = ""
        return data

    @property
    def unit_recipient(self) -> bool:
        return self.member_id is None and self.household_id is None

    @property
    def unapproved(self) -> bool:
        """Entered for review and never approved (voided or not): it prints only as a draft."""
        return self.review == PaymentReview.PENDING

    @property
    def pending(self) -> bool:
        """Waiting for its 审核人 (not voided)."""
        return self.unapproved and self.status == PaymentStatus.ISSUED


class VisitRow(BaseModel):
    id: str
    household_id: str | None
    member_id: str | None
    visited_on: date
    visitors: str
    occasion: str
    notes: str
    payment: PaymentRow | None
