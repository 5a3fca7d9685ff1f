"""Campaign import: the city office's Excel list of recipients and amounts becomes payments.

    plan = check_payment_file(session, path=p, options=options)   # read-only: what would happen
    report = commit_payment_import(session, plan=plan)             # in a write transaction

Recipients are matched by ID number to the roster (and to their household file, if one is
live and helped). Every row goes through the same check as a payment typed in the form
(`payments.check_payment`: the amount above zero and within the limit, the occasion, the date…),
so the check step names every row the commit would refuse, each with every problem it has.
Importing the same list twice for the same occasion adds nothing: a row whose (ID number,
occasion, amount, year) is already paid counts as unchanged.

The file is read and checked outside any write transaction; the commit takes the checked plan
(the file is not read again), compares the roster and the payments again inside its one write
transaction and writes only the rows whose outcome is still what the check showed. Cancelled →
UserError, nothing written.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Hashable

import sqlalchemy as sa
from pydantic import ValidationError
from sqlmodel import Session, select

from union_desk.domain.pinyin import name_key
from union_desk.models.hardship import ACTIVE_STATUSES, Household
from union_desk.models.member import Member, MemberStatus
from union_desk.models.payment import Payment, PaymentCreate, PaymentMethod, PaymentStatus
from union_desk.progress import Cancelled, Progress, report as report_progress
from union_desk.services.common.import_plan import (ImportPlan, ImportReport, Rejection,
                                                    changed_since_check, sorted_rejections,
                                                    stale_rows)
from union_desk.services.common.import_sheet import check_cancel
from union_desk.services.common.problems import validation_problems
from union_desk.services.errors import UserError
from union_desk.services.hardship.campaign import insert_payments
from union_desk.services.hardship.payment_search import period
from union_desk.services.hardship.payment_sheet import LABELS, ListRow, read_payment_sheet
from union_desk.services.hardship.payments import check_payment, recipient_snapshot
from union_desk.services.settings import own_township

_CHUNK = 500
_STEP = 50
_ROW_FIELDS = ("amount_fen", "note")  # what a row gives; every other field is the options'


@dataclass(frozen=True)
class PaymentImportOptions:
    """What the clerk chose for the whole list. Never changed by the import."""

    occasion: str
    paid_on: date | None = None       # None: today
    method: PaymentMethod = PaymentMethod.CASH
    handler: str = ""
    reviewer: str = ""
    approver: str = ""


@dataclass
class PaymentImportReport(ImportReport):
    vouchers: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        out = super().to_json()
        return out | {"vouchers": list(self.vouchers)} if self.committed else out


@dataclass
class _Planned:
    row: int
    values: dict      # check_payment's values with the recipient snapshot

    @property
    def decision(self) -> Hashable:
        v = self.values
        return ("new", v["member_id"], v["household_id"], v["amount_fen"])


@dataclass
class _Outcome:
    new: list[_Planned] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)     # Excel rows
    rejected: list[Rejection] = field(default_factory=list)

    def decisions(self) -> dict[int, Hashable]:
        return {p.row: p.decision for p in self.new} | {r: ("unchanged",) for r in self.unchanged}

    def describe(self, row: int) -> str:
        reasons = [r.reason for r in self.rejected if r.row == row]
        if reasons:
            return "；".join(reasons)
        if row in self.unchanged:
            return "已有人为此人发放了这一事由和金额的款项"
        return "名册或困难职工档案中此人的信息已被修改"


@dataclass
class PaymentImportPlan(ImportPlan):
    candidates: list[ListRow]
    outcome: _Outcome
    options: PaymentImportOptions    # as checked, with the payment date filled in

    def report(self, outcome: _Outcome | None = None, *, committed: bool = False,
               stale: list[Rejection] = (), vouchers: list[str] = ()) -> PaymentImportReport:
        outcome = outcome or self.outcome
        return PaymentImportReport(
            rows=self.rows, new=len(outcome.new), unchanged=len(outcome.unchanged),
            rejected=sorted_rejections(self.file_rejections, outcome.rejected, stale),
            headers=self.headers, unread=self.unread, hidden_rows=self.hidden_rows,
            other_townships=self.other_townships, committed=committed, vouchers=list(vouchers))

    def to_json(self) -> dict:
        return self.report().to_json()


def check_payment_file(session: Session, *, path: str | os.PathLike,
                       options: PaymentImportOptions, progress: Progress = None,
                       cancelled: Cancelled = None, sheet: str | None = None) -> PaymentImportPlan:
    """Check every row of the list, against the roster and the payment rules; writes nothing."""
    options = replace(options, occasion=options.occasion.strip(),
                      paid_on=options.paid_on or date.today())
    if not options.occasion:
        raise UserError("请填写慰问事由", field="occasion")
    sheet = read_payment_sheet(path, progress=progress, cancelled=cancelled, sheet=sheet,
                               township=own_township(session))
    return PaymentImportPlan(
        path=str(path), headers=sheet.headers, unread=sheet.unread, hidden_rows=sheet.hidden,
        other_townships=sheet.other_townships, rows=sheet.rows, candidates=sheet.good, file_rejections=sheet.rejected, options=options,
        outcome=_compare(session, sheet.good, options, progress, cancelled))


def commit_payment_import(session: Session, *, plan: PaymentImportPlan, progress: Progress = None,
                          cancelled: Cancelled = None) -> PaymentImportReport:
    """A payment (with its voucher number) for every row the check found new and still new,
    in the caller's transaction; any other row is rejected with what changed since the check."""
    check_cancel(cancelled)
    fresh = _compare(session, plan.candidates, plan.options, None, cancelled)
    stale = stale_rows(plan.outcome.decisions(), fresh.decisions())
    wanted = set(plan.outcome.decisions()) - stale
    outcome = _Outcome(new=[p for p in fresh.new if p.row in wanted],
                       unchanged=[r for r in fresh.unchanged if r in wanted],
                       rejected=list(plan.outcome.rejected))
    stale_rejections = [Rejection(c.row, LABELS["id_number"], changed_since_check(
        fresh.describe(c.row)), c.values, c.given_name) for c in plan.candidates if c.row in stale]
    vouchers = insert_payments(session, planned=[p.values for p in outcome.new],
                               cancelled=cancelled)
    report_progress(progress, len(vouchers), len(vouchers))
    return plan.report(outcome, committed=True, stale=stale_rejections, vouchers=vouchers)


def _compare(session: Session, rows: list[ListRow], options: PaymentImportOptions,
             progress: Progress, cancelled: Cancelled) -> _Outcome:
    """Each row against the roster, the payment rules and the payments already made."""
    members = _members_by_id(session, [r.id_number for r in rows if r.id_number])
    households = _households_by_member(session, [m.id for m in members.values()])
    paid = _already_paid(session, list(members), options.occasion, options.paid_on.year)
    out = _Outcome()
    for done, row in enumerate(rows, start=1):
        if done % _STEP == 0 or done == len(rows):
            check_cancel(cancelled)
            report_progress(progress, done, len(rows))
        problems = list(row.problems)
        member = members.get(row.id_number)
        problems += _match_problems(row, member)
        values = None
        if row.amount_fen is not None:
            values = _payment_values(session, row, options, problems)
        if problems:
            out.rejected += [Rejection(row.row, LABELS.get(f, f), r, row.values, row.given_name)
                             for f, r in problems]
        elif (row.id_number, row.amount_fen) in paid:
            out.unchanged.append(row.row)
        else:
            snapshot = recipient_snapshot(session, households.get(member.id), member)
            out.new.append(_Planned(row.row, dict(values, **snapshot)))
    check_cancel(cancelled)
    return out


def _payment_values(session: Session, row: ListRow, options: PaymentImportOptions,
                    problems: list[tuple[str, str]]) -> dict | None:
    """The form's check of one payment with this row's amount and note. A problem with a field
    of the row is the row's; one with the options is the whole list's (UserError)."""
    fields = dict(occasion=options.occasion, amount_fen=row.amount_fen, method=options.method,
                  paid_on=options.paid_on, handler=options.handler, reviewer=options.reviewer,
                  approver=options.approver, note=row.note)
    try:
        return check_payment(session, data=PaymentCreate(**fields))
    except ValidationError as err:
        found = validation_problems(err)
        for name, reason in found:
            if name not in _ROW_FIELDS:
                raise UserError(f"{_OPTION_LABELS.get(name, name)}{reason}", field=name) from None
        problems += [("note" if n == "note" else "amount", r) for n, r in found]
    except UserError as err:
        if err.field not in _ROW_FIELDS:
            raise
        problems.append(("note" if err.field == "note" else "amount", err.message))
    return None


_OPTION_LABELS = {"occasion": "慰问事由", "handler": "经办人", "reviewer": "审核人",
                  "approver": "负责人"}


def _match_problems(row: ListRow, member: Member | None) -> list[tuple[str, str]]:
    """The match against the roster."""
    if not row.id_number:
        return []
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
