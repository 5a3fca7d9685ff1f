"""Finding household files: search by the member's name, pinyin, ID number or phone, filters by
category, status and unit, sorting and paging in SQL; files not reviewed for a year."""
from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Session

from union_desk.models.hardship import HardshipCategory, Household, HouseholdRow, HouseholdStatus
from union_desk.models.member import Member
from union_desk.models.union import GrassrootsUnion
from union_desk.services.common.member_search import member_condition
from union_desk.services.hardship.stats import supported_households


class HouseholdFilter(BaseModel):
    text: str = ""
    category: HardshipCategory | None = None
    status: HouseholdStatus | None = None
    union_id: str | None = None
    reviewed_before: date | None = None  # files whose last review is older than this day
    main_cause: str | None = None
    supported_in: int | None = None  # files given hardship help in this year (stats.supported_households)


SORTS = {
    "name": Member.py_full,
    "union": GrassrootsUnion.name,
    "category": Household.category,
    "status": Household.status,
    "income": Household.income_per_head_fen,
    "persons": Household.person_count,
    "reviewed_on": Household.reviewed_on,
}


_COLUMNS = (
    Household.id, Household.member_id, Member.name.label("member_name"),
    Member.id_number.label("member_id_number"), Member.union_id,
    GrassrootsUnion.name.label("union_name"), Member.employer, Household.category,
    Household.suggested_category, Household.status, Household.status_date, Household.main_cause,
    Household.person_count, Household.income_per_head_fen, Household.reviewed_on,
)


def row_query() -> sa.Select:
    """Plain columns, not ORM entities: building entities costs more than the query."""
    return (sa.select(*_COLUMNS)
            .join(Member, Member.id == Household.member_id)
            .join(GrassrootsUnion, GrassrootsUnion.id == Member.union_id)
            .where(Household.deleted_at.is_(None)))


def household_row(row) -> HouseholdRow:
    return HouseholdRow(**row._mapping)


def _member_condition(flt: HouseholdFilter):
    """The filters on the member, or None."""
    conditions = []
    typed = member_condition(flt.text)
    if typed is not None:
        conditions.append(typed)
    if flt.union_id:
        conditions.append(Member.union_id == flt.union_id)
    return sa.and_(*conditions) if conditions else None


def _filtered(query: sa.Select, flt: HouseholdFilter) -> sa.Select:
    members = _member_condition(flt)
    if members is not None:
        # the matching members first, then their files by index: SQLite would otherwise walk
        # every file and look its member up (≈5× slower at 20,000 files)
        query = query.where(Household.member_id.in_(sa.select(Member.id).where(members)))
    if flt.category is not None:
        query = query.where(Household.category == flt.category)
    if flt.status is not None:
        query = query.where(Household.status == flt.status)
    if flt.main_cause is not None:
        query = query.where(Household.main_cause == flt.main_cause)
    if flt.supported_in is not None:
        query = query.where(Household.id.in_(supported_households(flt.supported_in)))
    if flt.reviewed_before is not None:
        query = query.where(sa.or_(Household.reviewed_on.is_(None),
                                   Household.reviewed_on < flt.reviewed_before))
    return query


def page_query(flt: HouseholdFilter | None = None, *, sort: str = "name",
               descending: bool = False, offset: int = 0, limit: int = 200) -> sa.Select:
    column = SORTS.get(sort)
    if column is None:
        raise ValueError(f"unknown sort {sort!r}")
    order = column.desc() if descending else column.asc()
    return (_filtered(row_query(), flt or HouseholdFilter())
            .order_by(order, Household.id).offset(offset).limit(limit))


def count_query(flt: HouseholdFilter | None = None) -> sa.Select:
    query = sa.select(sa.func.count()).select_from(Household).where(Household.deleted_at.is_(None))
    return _filtered(query, flt or HouseholdFilter())


def search_households(session: Session, *, flt: HouseholdFilter | None = None,
                      sort: str = "name", descending: bool = False,
                      offset: int = 0, limit: int = 200) -> list[HouseholdRow]:
    query = page_query(flt, sort=sort, descending=descending, offset=offset, limit=limit)
    return [household_row(r) for r in session.execute(query).all()]


def count_households(session: Session, *, flt: HouseholdFilter | None = None) -> int:
    return session.execute(count_query(flt)).scalar_one()


def unreviewed_households(session: Session, *, today: date | None = None,
                          limit: int = 1000) -> list[HouseholdRow]:
    """Files in 在档/返困 not reviewed for a year (动态管理), the oldest review first."""
    today = today or date.today()
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        year_ago = today.replace(year=today.year - 1, day=28)
    query = (_filtered(row_query(), HouseholdFilter(reviewed_before=year_ago))
             .where(Household.status.in_([HouseholdStatus.ON_FILE, HouseholdStatus.RELAPSED]))
             .order_by(Household.reviewed_on.asc(), Household.id).limit(limit))
    return [household_row(r) for r in session.execute(query).all()]
