"""Printing vouchers (慰问金发放凭证) and sign-off sheets (签收表) for chosen payments.

A voucher counts as printed only when it is printed, and each print raises its
`printed_count`, so the next rendering of it is marked 补打:
- `render_vouchers_pdf` makes the PDF and counts nothing (the in-window preview); its marks come
  from the counts at rendering time. The preview calls `record_printed` once, after its first
  successful print: one rendering is one output, however often it is printed. Saving the
  preview as a PDF counts nothing (a file kept or sent is not the paper original), so the
  first real print is never stamped 补打.
- `print_vouchers` renders straight to a file and counts it in the same transaction (the
  headless `vouchers print --out FILE.pdf`, whose file is what goes to the printer): if
  writing fails, nothing is counted.
A voided payment prints with 作废 across it (only when asked for by number); sign-off sheets
list issued payments only.

Four eyes (凭证须经审核, approval.py): a payment waiting for review prints only as a draft —
未审核 across it, titled 草稿, without the QR check value — never as a voucher: it is not
counted as printed (its first voucher after approval is the original, not a 补打) and it is
left off sign-off sheets. An approved payment's voucher names its 审核人 with the date.
"""
from __future__ import annotations

import secrets
from collections import Counter
from datetime import date
from typing import Callable

from pydantic import BaseModel
from sqlmodel import Session

from union_desk.models.payment import PaymentReview, PaymentRow, PaymentStatus
from union_desk.reports.formkit import RenderCancelled
from union_desk.reports.signoff import (
    SignoffData, SignoffLine, render_signoff, render_vouchers_and_signoff,
)
from union_desk.reports.voucher import (
    LAYOUTS, VoucherData, format_date, render_vouchers, voucher_check,
)
from union_desk.services.errors import UserError
from union_desk.services.hardship.payment_search import PaymentFilter, list_payments
from union_desk.services.hardship.payments import mark_printed, payments_by_numbers
from union_desk.services.settings import get_setting, put_setting
from union_desk.services.hardship.unit_payments import is_unit_payment
from union_desk.services.hardship.voucher_numbers import this_township

LAYOUT_KEY = "voucher.layout"
SECRET_KEY = "voucher.secret"


class PrintResult(BaseModel):
    pages: int
    vouchers: list[str]  # voucher numbers in the PDF, in order
    payment_ids: list[str]  # their payments, for `record_printed`
    reprinted: list[str]  # of those, the ones marked 补打
    voided: list[str]  # of those, the ones printed with 作废
    signoff_lines: int
    drafts: list[str] = []  # of those, the ones waiting for review: drafts marked 未审核


def select_payments(session: Session, *, numbers: list[str] | None = None,
                    occasion: str | None = None, paid_on: date | None = None,
                    year: int | None = None, all_payments: bool = False) -> list[PaymentRow]:
    """By numbers (in that order, voided ones included), or the issued payments of an occasion,
    of a day, or all of them (by voucher number), optionally of one year."""
    if numbers:
        return payments_by_numbers(session, voucher_nos=numbers)
    if not (occasion or paid_on or all_payments):
        raise UserError("请选择要打印的凭证")
    flt = PaymentFilter(occasion=occasion or None, status=PaymentStatus.ISSUED,
                        year=paid_on.year if paid_on else year)
    rows = list_payments(session, flt=flt, limit=None)
    if paid_on is not None:
        rows = [r for r in rows if r.paid_on == paid_on]
    if not rows:
        raise UserError("没有符合条件的已发放凭证")
    return rows


def render_vouchers_pdf(session: Session, *, target, payments: list[PaymentRow],
                        signoff: bool = False, layout: str | None = None,
                        progress: Callable[[int, int], None] | None = None,
                        cancelled: Callable[[], bool] | None = None) -> PrintResult:
    """The vouchers (and, with `signoff`, their sign-off sheet after them) into one PDF, marked
    补打 where printed before; nothing is counted as printed (see `record_printed`). A write only
    the first time any voucher is made: the installation's QR key is made then."""
    if not payments:
        raise UserError("请选择要打印的凭证")
    layout = layout or voucher_layout(session)
    if layout not in LAYOUTS:
        raise UserError(f"凭证版式应为 {' 或 '.join(LAYOUTS)}，当前设置为 {layout}", field="layout")
    union, secret = township_union(session), _secret(session)
    data = [voucher_data(p, union, secret) for p in payments]
    issued = _for_signoff(payments)
    try:
        if signoff and issued:
            pages = render_vouchers_and_signoff(data, signoff_data(issued, union), target,
                                                layout=layout, progress=progress,
                                                cancelled=cancelled)
        else:
            pages = render_vouchers(data, target, layout=layout, progress=progress,
                                    cancelled=cancelled)
    except RenderCancelled as err:
        raise UserError(str(err)) from None
    return PrintResult(pages=pages, vouchers=[p.voucher_no for p in payments],
                       payment_ids=[p.id for p in payments if not p.unapproved],
                       reprinted=[p.voucher_no for p in payments
                                  if p.printed_count > 0 and not p.unapproved],
                       voided=[p.voucher_no for p in payments if p.status == PaymentStatus.VOID],
                       signoff_lines=len(issued) if signoff else 0,
                       drafts=[p.voucher_no for p in payments if p.unapproved])


def record_printed(session: Session, *, payment_ids: list[str]) -> int:
    """One rendering was printed (or, headless, written for the printer): each voucher counts once
    more, so its next rendering is marked 补打. Returns how many vouchers were counted."""
    ids = list(dict.fromkeys(payment_ids))
    if not ids:
        raise UserError("没有要记为已打印的凭证")
    mark_printed(session, payment_ids=ids)
    return len(ids)


def print_vouchers(session: Session, *, target, payments: list[PaymentRow],
                   signoff: bool = False, layout: str | None = None,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> PrintResult:
    """Render to `target` (a file that leaves the app) and count it as one output, in the
    caller's transaction."""
    result = render_vouchers_pdf(session, target=target, payments=payments, signoff=signoff,
                                 layout=layout, progress=progress, cancelled=cancelled)
    if result.payment_ids:  # drafts alone count nothing
        record_printed(session, payment_ids=result.payment_ids)
    return result


def print_signoff(session: Session, *, target, payments: list[PaymentRow],
                  progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> PrintResult:
    """Only the sign-off sheet (issued payments, approved where review is required); vouchers
    are not counted as printed."""
    issued = _for_signoff(payments)
    if not issued:
        raise UserError("没有已发放（且已审核）的记录可列入签收表"
                        if any(p.pending for p in payments) else "没有已发放的记录可列入签收表")
    try:
        pages = render_signoff(signoff_data(issued, township_union(session)), target,
                               progress=progress, cancelled=cancelled)
    except RenderCancelled as err:
        raise UserError(str(err)) from None
    return PrintResult(pages=pages, vouchers=[], payment_ids=[], reprinted=[], voided=[],
                       signoff_lines=len(issued),
                       drafts=[p.voucher_no for p in payments if p.unapproved])


def voucher_layout(session: Session) -> str:
    return get_setting(session, key=LAYOUT_KEY, default="A4x2")


def set_voucher_layout(session: Session, *, layout: str) -> None:
    """A4x2: two vouchers per A4 page (cut line between); A5: one per landscape A5 page."""
    if layout not in LAYOUTS:
        raise UserError(f"凭证版式应为 {' 或 '.join(LAYOUTS)}", field="layout")
    put_setting(session, key=LAYOUT_KEY, value=layout)


def township_union(session: Session) -> str:
    return f"{this_township(session).name}总工会"


def voucher_data(p: PaymentRow, union: str, secret: str) -> VoucherData:
    approved = p.review == PaymentReview.APPROVED and p.approved_at is not None
    return VoucherData(
        township_union=union, voucher_no=p.voucher_no, paid_on=p.paid_on, occasion=p.occasion,
        recipient=p.recipient_name, id_number=_id_or_code(p), unit=p.recipient_unit,
        category=p.recipient_category, amount_fen=p.amount_fen, method=p.method.value,
        handler=p.handler, reviewer=p.approved_by if approved else p.reviewer,
        approver=p.approver, voided=p.status == PaymentStatus.VOID, void_reason=p.void_reason,
        reprint=p.printed_count > 0 and not p.unapproved,
        check="" if p.unapproved else voucher_check(p.voucher_no, p.amount_fen, secret),
        unit_recipient=is_unit_payment(p), draft=p.unapproved,
        reviewed_on=p.approved_at.astimezone().date() if approved else None)


def _for_signoff(payments: list[PaymentRow]) -> list[PaymentRow]:
    """What a sign-off sheet lists: issued payments, not those waiting for review."""
    return [p for p in payments if p.status == PaymentStatus.ISSUED and not p.pending]


def signoff_data(payments: list[PaymentRow], union: str) -> SignoffData:
    occasions = list(dict.fromkeys(p.occasion for p in payments))
    days = sorted({p.paid_on for p in payments})
    date_text = format_date(days[0]) if len(days) == 1 else \
        f"{format_date(days[0])}至{format_date(days[-1])}"
    occasion = "、".join(occasions)
    money = "资金" if all(is_unit_payment(p) for p in payments) else "慰问金"  # 补助 to units
    title = signoff_title(occasions[0] if len(occasions) == 1 else "", money)
    return SignoffData(
        township_union=union, title=title, occasion=occasion, date_text=date_text,
        lines=[SignoffLine(recipient=p.recipient_name, id_number=_id_or_code(p),
                           unit=p.recipient_unit, amount_fen=p.amount_fen,
                           voucher_no=p.voucher_no, unit_recipient=is_unit_payment(p))
               for p in payments],
        handler=_common(p.handler for p in payments),
        reviewer=_common(p.reviewer for p in payments),
        approver=_common(p.approver for p in payments))


def _id_or_code(p: PaymentRow):
    """What the forms print under 身份证号: a person's ID number (an IdNumber: masked), or a
    unit's credit code (public, whole)."""
    return p.recipient_credit_code if p.unit_recipient else p.recipient_id_number


# an occasion that already names the money: the title adds nothing after it
_MONEY_ENDINGS = ("慰问金", "资金", "补助金", "补助", "救助金", "助学金", "补贴", "奖励金")


def signoff_title(occasion: str, money: str) -> str:
    """The sheet's title, never doubling a word: 春节送温暖 → 春节送温暖慰问金发放签收表;
    春节慰问金 → 春节慰问金发放签收表; 抗疫一线慰问 → 抗疫一线慰问金发放签收表;
    职工医疗互助补助 → 职工医疗互助补助发放签收表."""
    occasion = "".join(occasion.split())
    if not occasion:
        return f"{money}发放签收表"
    if occasion.endswith(_MONEY_ENDINGS):
        return f"{occasion}发放签收表"
    overlap = next((n for n in range(len(money), 0, -1) if occasion.endswith(money[:n])), 0)
    return f"{occasion}{money[overlap:]}发放签收表"


def _common(names) -> str:
    """The name when every payment has the same one, else blank (they sign by hand)."""
    counts = Counter(names)
    return next(iter(counts)) if len(counts) == 1 else ""


def _secret(session: Session) -> str:
    """The installation's key for the vouchers' QR check value, made on first print."""
    secret = get_setting(session, key=SECRET_KEY)
    if not secret:
        secret = secrets.token_hex(16)
        put_setting(session, key=SECRET_KEY, value=secret)
    return secret
