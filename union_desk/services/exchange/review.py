"""The review queue (复核清单): what a machine must not decide alone after a merge.

- the same ID number active (在册) as a member in two townships — a transfer recorded on one side
  only;
- one household (the recipient's ID number) paid hardship money by two townships in one year;
- one voucher number with different amounts — in two rows, or changed by a later package (a
  printed voucher's amount is never edited: a forged or altered package).
Items are found after each package, in its transaction; each is kept once (kind + subject) and
resolved by a person with a reason, through the ORM, so the audit trail records who and why.
"""
from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from union_desk.dialect import index_lookups
from union_desk.domain.masking import mask_id
from union_desk.domain.money import format_fen
from union_desk.domain.townships import township_name
from union_desk.models.base import utcnow
from union_desk.models.exchange import ReviewItem, ReviewKind, ReviewRow, ReviewStatus
from union_desk.models.member import Member, MemberStatus
from union_desk.models.payment import Payment, PaymentStatus
from union_desk.services.errors import UserError


def _names(codes) -> str:
    return "、".join(township_name(c) for c in sorted(set(codes)))


def _add(session: Session, *, kind: ReviewKind, subject: str, townships, summary: str) -> int:
    exists = session.execute(sa.select(ReviewItem.id).where(
        ReviewItem.kind == kind, ReviewItem.subject == subject)).first()
    if exists:
        return 0
    session.add(ReviewItem(kind=kind, subject=subject, townships=",".join(sorted(set(townships))),
                           summary=summary))
    return 1


# The queries start from the township's own rows (read first) and look the other townships up
# by one indexed column alone, a chunk of values at a time, other conditions checked here. Left
# to a planner, a join or a second condition went wrong: PostgreSQL knows nothing of the rows
# this merge has just written (not committed, in no statistics) and nested-looped over the
# whole member table for each (200 s of one merge at 1.3 million members); SQLite took the
# status index (every active member of the city) over the ID numbers' (5.6 s for 16 packages).
# Even an IN (…) on one indexed column became a scan of the table on PostgreSQL while it had no
# statistics (a fresh database's first merges): find_review_items runs under index_lookups.
LOOKUP = 1000  # values per IN (…)


def _elsewhere(session: Session, entity, key, values, township: str, *columns) -> list:
    """(key, township, *columns) of other townships' live `entity` rows whose `key` is one of
    `values`."""
    values, found = sorted(set(values)), []
    for start in range(0, len(values), LOOKUP):
        found += session.execute(sa.select(key, entity.township, *columns).where(
            key.in_(values[start:start + LOOKUP]), entity.township != township,
            entity.deleted_at.is_(None))).all()
    return found


def members_in_two_townships(session: Session, *, township: str) -> int:
    mine = dict(session.execute(sa.select(Member.id_number, Member.name).where(
        Member.township == township, Member.deleted_at.is_(None),
        Member.status == MemberStatus.ACTIVE, Member.id_number != "")).all())
    found: dict[str, set[str]] = {}
    for number, where, status in _elsewhere(session, Member, Member.id_number, mine, township,
                                            Member.status):
        if status == MemberStatus.ACTIVE:
            found.setdefault(number, {township}).add(where)
    return sum(_add(session, kind=ReviewKind.MEMBER_TWO_TOWNSHIPS, subject=number, townships=codes,
                    summary=f"{mine[number]}（{mask_id(number)}）同时在 {_names(codes)} 在册：请核实转会")
               for number, codes in sorted(found.items()))


def households_paid_twice(session: Session, *, township: str) -> int:
    year = sa.extract("year", Payment.paid_on)
    mine: dict[tuple[str, int], str] = {}
    for number, paid_year, name in session.execute(
            sa.select(Payment.recipient_id_number, year, Payment.recipient_name).where(
                Payment.township == township, Payment.recipient_id_number != "",
                Payment.deleted_at.is_(None), Payment.household_id.is_not(None),
                Payment.status == PaymentStatus.ISSUED)):
        mine.setdefault((number, int(paid_year)), name)
    by_key: dict[tuple[str, int], set[str]] = {}
    for number, where, paid_year, status, household in _elsewhere(
            session, Payment, Payment.recipient_id_number, [n for n, _ in mine], township,
            year, Payment.status, Payment.household_id):
        if household and status == PaymentStatus.ISSUED and (number, int(paid_year)) in mine:
            by_key.setdefault((number, int(paid_year)), {township}).add(where)
    return sum(_add(session, kind=ReviewKind.HOUSEHOLD_TWO_TOWNSHIPS, subject=f"{number}|{y}",
                    townships=codes, summary=f"{mine[number, y]}（{mask_id(number)}）{y} 年在 "
                                             f"{_names(codes)} 都领取了困难帮扶")
               for (number, y), codes in sorted(by_key.items()))


def vouchers_with_two_amounts(session: Session, *, township: str) -> int:
    """A voucher number of this township's that another township's live payment also carries
    with another amount (within a township a voucher number is unique)."""
    mine = dict(session.execute(sa.select(Payment.voucher_no, Payment.amount_fen).where(
        Payment.township == township, Payment.deleted_at.is_(None))).all())
    by_no: dict[str, set[tuple[str, int]]] = {}
    for number, where, amount in _elsewhere(session, Payment, Payment.voucher_no, mine, township,
                                            Payment.amount_fen):
        by_no.setdefault(number, {(township, mine[number])}).add((where, amount))
    added = 0
    for number, found in sorted(by_no.items()):
        if len({a for _, a in found}) > 1:
            found = sorted(found)
            amounts = "、".join(f"{township_name(w)} {format_fen(a)}" for w, a in found)
            added += _add(session, kind=ReviewKind.VOUCHER_AMOUNT, subject=number,
                          townships=[w for w, _ in found],
                          summary=f"凭证 {number} 有不同金额：{amounts}")
    return added


def voucher_amount_changed(session: Session, *, township: str, voucher_no: str, before: int,
                           after: int, sequence: int) -> int:
    return _add(session, kind=ReviewKind.VOUCHER_AMOUNT, subject=f"{voucher_no}|{sequence}",
                townships=[township],
                summary=f"凭证 {voucher_no} 的金额在第 {sequence} 号数据包中由 {format_fen(before)} "
                        f"改为 {format_fen(after)}（已打印的凭证不应改金额）")


def find_review_items(session: Session, *, township: str) -> int:
    """Items a package of `township` brought (after its rows are written). Returns how many."""
    with index_lookups(session):  # the tables have just grown, unknown to the planner
        return (members_in_two_townships(session, township=township)
                + households_paid_twice(session, township=township)
                + vouchers_with_two_amounts(session, township=township))


def list_review(session: Session, *, include_resolved: bool = False) -> list[ReviewRow]:
    query = sa.select(ReviewItem).where(ReviewItem.deleted_at.is_(None))
    if not include_resolved:
        query = query.where(ReviewItem.status == ReviewStatus.OPEN)
    rows = session.execute(query.order_by(ReviewItem.created_at, ReviewItem.subject)).scalars()
    return [_row(r) for r in rows]


def resolve_review(session: Session, *, item_id: str, reason: str) -> ReviewRow:
    reason = reason.strip()
    if not reason:
        raise UserError("请写明处理结果（例如：已核实，乾潭镇漏办转出）")
    item = session.get(ReviewItem, item_id)
    if item is None or item.deleted_at is not None:
        raise UserError(f"没有这条复核事项：{item_id}")
    if item.status == ReviewStatus.RESOLVED:
        raise UserError("这条复核事项已经处理过")
    item.status, item.resolution = ReviewStatus.RESOLVED, reason
    item.resolved_by, item.resolved_at = session.info.get("actor", ""), utcnow()
    session.flush()
    return _row(item)


def _row(r: ReviewItem) -> ReviewRow:
    subject = r.subject
    if r.kind != ReviewKind.VOUCHER_AMOUNT:  # ID numbers leave the database masked
        number, _, rest = subject.partition("|")
        subject = mask_id(number) + (f"|{rest}" if rest else "")
    return ReviewRow(id=r.id, kind=r.kind, subject=subject, townships=r.townships,
                     township_names="、".join(township_name(code) for code in r.townships.split(",")
                                             if code),
                     summary=r.summary, status=r.status, resolution=r.resolution,
                     resolved_by=r.resolved_by, resolved_at=r.resolved_at, created_at=r.created_at)

