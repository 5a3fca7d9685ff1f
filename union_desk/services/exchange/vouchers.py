"""Is a paper voucher genuine? The QR code carries `voucher_no|amount_fen|check`, the check an
HMAC under the township installation's `voucher.secret` (reports/voucher.py). That secret travels
to the city inside the township's signed, encrypted package (never by hand), and the city keeps
every secret a township has used, so vouchers printed before the exchange existed verify too.
"""
from __future__ import annotations

from enum import Enum

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Session

from union_desk.domain.errors import RuleError
from union_desk.domain.townships import township_by_name
from union_desk.models.payment import Payment, PaymentStatus
from union_desk.reports.voucher import verify_voucher_payload
from union_desk.services.exchange.keys import voucher_secrets
from union_desk.services.hardship.voucher_numbers import parse_voucher_no
from union_desk.services.year_report import city_wide


class Verdict(str, Enum):
    GENUINE = "真实"
    ALTERED = "被改动"
    UNKNOWN = "查无此凭证"
    VOIDED = "已作废"


class VoucherCheck(BaseModel):
    verdict: Verdict
    message: str
    voucher_no: str = ""
    township: str = ""
    recipient: str = ""
    amount_fen: int | None = None  # on the paper (the QR code)
    amount_on_file_fen: int | None = None
    paid_on: str = ""


def verify_voucher(session: Session, *, text: str) -> VoucherCheck:
    """What a scanner typed (the QR text): genuine, altered, unknown or voided."""
    with city_wide(session):
        return _verify(session, text)


def _verify(session: Session, text: str) -> VoucherCheck:
    parts = "".join((text or "").split()).rsplit("|", 2)
    if len(parts) != 3 or not parts[1].isdigit() or parse_voucher_no(parts[0]) is None:
        return VoucherCheck(verdict=Verdict.UNKNOWN, message="不是发放凭证上的二维码内容")
    number, amount = parts[0], int(parts[1])
    try:
        town = township_by_name(parse_voucher_no(number)[0])
    except RuleError:
        return VoucherCheck(verdict=Verdict.UNKNOWN, voucher_no=number, amount_fen=amount,
                            message=f"凭证号 {number} 不属于建德市的乡镇（街道）")
    found = VoucherCheck(verdict=Verdict.UNKNOWN, voucher_no=number, township=town.name,
                         amount_fen=amount, message="")
    secrets = voucher_secrets(session, township=town.code)
    if not secrets:
        found.message = f"还没有收到{town.name}的数据包，无法核验"
        return found
    if not any(verify_voucher_payload(text.strip(), s) for s in secrets):
        found.verdict = Verdict.ALTERED
        found.message = "二维码校验值不符：凭证号或金额被改动，或不是该乡镇开具的"
        return found
    payment = session.execute(sa.select(Payment).where(
        Payment.voucher_no == number, Payment.township == town.code)).scalars().first()
    if payment is None or payment.deleted_at is not None:
        found.message = f"{town.name}的数据中没有凭证 {number}（可能尚未收到最新数据包）"
        return found
    found.recipient, found.paid_on = payment.recipient_name, payment.paid_on.isoformat()
    found.amount_on_file_fen = payment.amount_fen
    if payment.status == PaymentStatus.VOID:
        found.verdict = Verdict.VOIDED
        found.message = f"凭证已作废：{payment.void_reason or '未写原因'}"
    elif payment.amount_fen != amount:
        found.verdict = Verdict.ALTERED
        found.message = "凭证上的金额与乡镇记录不符"
    else:
        found.verdict = Verdict.GENUINE
        found.message = "凭证真实，与乡镇记录一致"
    return found
