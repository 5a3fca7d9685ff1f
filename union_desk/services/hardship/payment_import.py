"""Campaign import: the city office's Excel list of recipients and amounts becomes payments.

Recipients are matched by ID number to the roster (and to their household file, if one is
live and helped). Every bad row is named with its Excel row number, the column and the reason.
The import is all-or-nothing: cancelled → UserError, the caller's transaction rolls back.
Importing the same list twice for the same occasion adds nothing: a row whose (ID number,
occasion, amount, year) is already paid counts as unchanged.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, select

from union_desk.domain.errors import RuleError
from union_desk.domain.idcard import parse_id_number
from union_desk.domain.pinyin import name_key
from union_desk.models.hardship import ACTIVE_STATUSES, Household
from union_desk.models.member import Member, MemberStatus
from union_desk.models.payment import Payment, PaymentCreate, PaymentMethod, PaymentStatus
from union_desk.services.common import excel_headers as xh
from union_desk.services.errors import UserError
from union_desk.services.common.import_sheet import CANCELLED_MESSAGE  # noqa: F401 - still named here
from union_desk.services.common.import_sheet import Cancelled, Progress, check_cancel
from union_desk.services.hardship.campaign import insert_payments
from union_desk.services.hardship.payment_search import period
from union_desk.services.hardship.payment_sheet import LABELS, SheetRow, amount_fen_of, read_payment_sheet
from union_desk.services.hardship.payments import check_payment, recipient_snapshot

_CHUNK = 500
OCCASION_MAX = 30
_STEP = 50


@dataclass
class PaymentImportReport:
    rows: int = 0
    valid: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[dict] = field(default_factory=list)
    vouchers: list[str] = field(default_factory=list)

    def as_dict(self, *, with_vouchers: bool = False) -> dict:
        out = {"rows": self.rows, "valid": self.valid, "new": self.new, "updated": self.updated,
               "unchanged": self.unchanged, "rejected": list(self.rejected)}
        if with_vouchers:
            out["vouchers"] = list(self.vouchers)
        return out


@dataclass
class PaymentImportOptions:
    occasion: str
    paid_on: date | None = None
    method: PaymentMethod = PaymentMethod.CASH
    handler: str = ""
    reviewer: str = ""
    approver: str = ""


def check_payment_file(session: Session, *, path: str | os.PathLike,
                       options: PaymentImportOptions, progress: Progress = None,
                       cancelled: Cancelled = None) -> PaymentImportReport:
    """Check every row and report; writes nothing."""
    report, _ = _plan(session, path, options, progress, cancelled)
    return report


def import_payment_file(session: Session, *, path: str | os.PathLike,
                        options: PaymentImportOptions, progress: Progress = None,
                        cancelled: Cancelled = None) -> PaymentImportReport:
    """Create a payment (with its voucher number) for every valid new row, in one transaction."""
    report, planned = _plan(session, path, options, progress, cancelled)
    report.vouchers = insert_payments(session, planned=planned, cancelled=cancelled)
    return report


def _plan(session, path, options: PaymentImportOptions, progress, cancelled):
    options.paid_on = options.paid_on or date.today()
    if len(options.occasion.strip()) > OCCASION_MAX:
        raise UserError(f"慰问事由不能超过 {OCCASION_MAX} 个字", field="occasion")
    base = check_payment(session, data=PaymentCreate(
        occasion=options.occasion, amount_fen=1, method=options.method, paid_on=options.paid_on,
        handler=options.handler, reviewer=options.reviewer, approver=options.approver))
    check_cancel(cancelled)
    sheet = read_payment_sheet(path)
    report = PaymentImportReport(rows=len(sheet))
    checked = [_check_row(row) for row in sheet]
    members = _members_by_id(session, [c.id_number for c in checked if c.id_number])
    households = _households_by_member(session, [m.id for m in members.values()])
    paid = _already_paid(session, list(members), base["occasion"], options.paid_on.year)
    seen: dict[str, int] = {}
    planned: list[dict] = []
    total = len(checked)
    for done, row in enumerate(checked, start=1):
        if done % _STEP == 0 or done == total:
            check_cancel(cancelled)
            if progress is not None:
                progress(done, total)
        problems = row.problems + _match_problems(row, members, seen)
        if problems:
            report.rejected += [{"row": row.excel_row, "field": LABELS[f], "reason": r}
                                for f, r in problems]
            continue
        member = members[row.id_number]
        report.valid += 1
        if (row.id_number, row.amount_fen) in paid:
            report.unchanged += 1
            continue
        values = dict(base, amount_fen=row.amount_fen, note=row.note[:200],
                      **recipient_snapshot(session, households.get(member.id), member))
        planned.append(values)
        report.new += 1
    check_cancel(cancelled)
    return report, planned


@dataclass
class _Checked:
    excel_row: int
    name: str
    note: str
    id_number: str = ""
    amount_fen: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)


def _check_row(row: SheetRow) -> _Checked:
    """The checks that need no database."""
    out = _Checked(excel_row=row.excel_row, name=row.name, note=row.note)
    if not row.name:
        out.problems.append(("name", "未填写姓名"))
    try:
        id_text = xh.read_id_number(row.id_cell)
        if not id_text:
            out.problems.append(("id_number", "未填写身份证号"))
        else:
            out.id_number = parse_id_number(id_text).number
    except (UserError, RuleError) as err:
        out.problems.append(("id_number", str(err)))
    try:
        out.amount_fen = amount_fen_of(row.amount_cell)
    except RuleError as err:
        out.problems.append(("amount", str(err)))
    return out


def _match_problems(row: _Checked, members: dict[str, Member],
                    seen: dict[str, int]) -> list[tuple[str, str]]:
    """Duplicates inside the file and the match against the roster."""
    if not row.id_number:
        return []
    if row.id_number in seen:
        return [("id_number", f"与第 {seen[row.id_number]} 行的身份证号重复")]
    seen[row.id_number] = row.excel_row
    member = members.get(row.id_number)
    if member is None:
        return [("id_number", "会员名册中没有此身份证号")]
    if row.name and name_key(row.name) != name_key(member.name):
        return [("name", f"与名册中该身份证号的姓名“{member.name}”不符")]
    if member.status != MemberStatus.ACTIVE:
        return [("id_number", f"该会员状态为“{member.status.value}”，不能发放")]
    return []


def _members_by_id(session: Session, numbers: list[str]) -> dict[str, Member]:
    found: dict[str, Member] = {}
    numbers_list = sorted(set(numbers))
    for start in range(0, len(numbers_list), _CHUNK):
        chunk = numbers_list[start:start + _CHUNK]
        for m in session.exec(select(Member).where(Member.id_number.in_(chunk),
                                                   Member.deleted_at.is_(None))).all():
            found[m.id_number] = m
    return found


def _households_by_member(session: Session, member_ids: list[str]) -> dict[str, Household]:
    found: dict[str, Household] = {}
    for start in range(0, len(member_ids), _CHUNK):
        chunk = member_ids[start:start + _CHUNK]
        for h in session.exec(select(Household).where(
                Household.member_id.in_(chunk), Household.deleted_at.is_(None),
                Household.status.in_(ACTIVE_STATUSES))).all():
            found[h.member_id] = h
    return found


def _already_paid(session: Session, id_numbers: list[str], occasion: str,
                  year: int) -> set[tuple[str, int]]:
    start_day, end_day = period(year)
    out: set[tuple[str, int]] = set()
    for start in range(0, len(id_numbers), _CHUNK):
        chunk = id_numbers[start:start + _CHUNK]
        out.update(session.execute(sa.select(Payment.recipient_id_number, Payment.amount_fen).where(
            Payment.recipient_id_number.in_(chunk), Payment.occasion == occasion,
            Payment.status == PaymentStatus.ISSUED, Payment.deleted_at.is_(None),
            Payment.paid_on >= start_day, Payment.paid_on < end_day)).all())
    return out
