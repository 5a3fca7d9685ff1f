"""Grassroots unions (基层工会): add, edit, close, list with member counts."""
from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, select

from union_desk.domain.creditcode import credit_code_problem, normalise_credit_code
from union_desk.domain.pinyin import pinyin_full
from union_desk.models.member import Member, MemberStatus
from union_desk.models.union import GrassrootsUnion, UnionCreate, UnionRow, UnionStatus, UnionUpdate
from union_desk.services.errors import UserError


def _live_union(session: Session, union_id: str) -> GrassrootsUnion:
    union = session.get(GrassrootsUnion, union_id)
    if union is None or union.deleted_at is not None:
        raise UserError("找不到该基层工会", field="union_id")
    return union


def _active_counts(session: Session) -> dict[str, int]:
    rows = session.execute(
        sa.select(Member.union_id, sa.func.count())
        .where(Member.deleted_at.is_(None), Member.status == MemberStatus.ACTIVE)
        .group_by(Member.union_id)).all()
    return dict(rows)


def _row(union: GrassrootsUnion, count: int) -> UnionRow:
    return UnionRow(id=union.id, name=union.name, credit_code=union.credit_code,
                    credit_warning=credit_code_problem(union.credit_code) if union.credit_code else None,
                    chair=union.chair, phone=union.phone, founded=union.founded, status=union.status,
                    closed_on=union.closed_on, closed_reason=union.closed_reason,
                    member_count=count, updated_at=union.updated_at)


def _clean(session: Session, data: UnionCreate | UnionUpdate, exclude_id: str | None) -> dict:
    name = " ".join(data.name.split())
    if not name:
        raise UserError("请填写工会名称", field="name")
    clash = session.exec(select(GrassrootsUnion).where(
        GrassrootsUnion.name == name, GrassrootsUnion.deleted_at.is_(None),
        GrassrootsUnion.id != (exclude_id or ""))).first()
    if clash is not None:
        raise UserError(f"已有同名基层工会“{clash.name}”", field="name")
    fields = data.model_dump()
    fields.update(name=name, credit_code=normalise_credit_code(data.credit_code or ""),
                  chair=data.chair.strip(), phone=data.phone.strip(), py_full=pinyin_full(name))
    return fields


def create_union(session: Session, *, data: UnionCreate) -> UnionRow:
    union = GrassrootsUnion(**_clean(session, data, None))
    session.add(union)
    session.flush()
    return _row(union, 0)


def update_union(session: Session, *, union_id: str, data: UnionUpdate) -> UnionRow:
    union = _live_union(session, union_id)
    for key, value in _clean(session, data, union_id).items():
        setattr(union, key, value)
    session.flush()
    return _row(union, _active_counts(session).get(union.id, 0))


def close_union(session: Session, *, union_id: str, on: date, reason: str) -> UnionRow:
    """Close (撤销) a union. Refused while it still has members on the roll."""
    union = _live_union(session, union_id)
    if union.status == UnionStatus.CLOSED:
        raise UserError(f"“{union.name}”已于 {union.closed_on} 撤销")
    if not reason.strip():
        raise UserError("请填写撤销原因", field="reason")
    active = _active_counts(session).get(union.id, 0)
    if active:
        raise UserError(f"“{union.name}”还有 {active} 名在册会员，请先办理转会后再撤销")
    union.status, union.closed_on, union.closed_reason = UnionStatus.CLOSED, on, reason.strip()
    session.flush()
    return _row(union, 0)


def list_unions(session: Session, *, include_closed: bool = True) -> list[UnionRow]:
    query = select(GrassrootsUnion).where(GrassrootsUnion.deleted_at.is_(None))
    if not include_closed:
        query = query.where(GrassrootsUnion.status == UnionStatus.ACTIVE)
    counts = _active_counts(session)
    unions = session.exec(query.order_by(GrassrootsUnion.py_full, GrassrootsUnion.name)).all()
    return [_row(u, counts.get(u.id, 0)) for u in unions]


def union_ids_by_name(session: Session) -> dict[str, str]:
    rows = session.execute(sa.select(GrassrootsUnion.name, GrassrootsUnion.id)
                           .where(GrassrootsUnion.deleted_at.is_(None))).all()
    return dict(rows)
