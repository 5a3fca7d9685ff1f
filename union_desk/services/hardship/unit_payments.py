"""Payments to a unit (no member): e.g. a rest station's subsidies paid to its host unit.

Same checks, voucher numbering, void and print path as the hardship payments; the recipient
snapshot is the unit's name, its unified social credit code (may be blank) and what the money
is for. `payments.record_payment` keeps its member rules; a payment with neither member nor
household is a unit payment (see `is_unit_payment`).
"""
from __future__ import annotations

from datetime import date

from sqlmodel import Session

from union_desk.models.payment import Payment, PaymentCreate, PaymentMethod, PaymentRow
from union_desk.services.errors import UserError
from union_desk.services.hardship.payments import check_payment, payment_row
from union_desk.services.hardship.voucher_numbers import issue_voucher_no

NAME_MAX, UNIT_MAX, CODE_MAX = 40, 100, 18


def is_unit_payment(row: PaymentRow) -> bool:
    return row.unit_recipient


def record_unit_payment(session: Session, *, unit_name: str, credit_code: str = "",
                        unit: str = "", occasion: str, amount_fen: int, paid_on: date,
                        method: PaymentMethod = PaymentMethod.BANK, handler: str = "",
                        reviewer: str = "", approver: str = "", note: str = "") -> PaymentRow:
    """Check the payment, give it the next voucher number and store it, in the caller's
    transaction."""
    name = " ".join((unit_name or "").split())
    if not name:
        raise UserError("请填写受款单位", field="unit_name")
    if len(name) > NAME_MAX:
        raise UserError(f"受款单位名称超过{NAME_MAX}个字，凭证无法容纳，请核对", field="unit_name")
    code = "".join((credit_code or "").split()).upper()
    if len(code) > CODE_MAX:
        raise UserError("统一社会信用代码应为18位", field="credit_code")
    unit = " ".join((unit or "").split())
    if len(unit) > UNIT_MAX:
        raise UserError(f"用途说明超过{UNIT_MAX}个字，请核对", field="unit")
    values = check_payment(session, data=PaymentCreate(
        occasion=occasion, amount_fen=amount_fen, paid_on=paid_on, method=method,
        handler=handler, reviewer=reviewer, approver=approver, note=note))
    payment = Payment(**values, voucher_no=issue_voucher_no(session, year=paid_on.year),
                      household_id=None, member_id=None, recipient_name=name,
                      recipient_id_number=code, recipient_unit=unit, recipient_category="")
    session.add(payment)
    session.flush()
    return payment_row(payment)
