"""Members (会员): add, edit, transfer, leave, death — with a dated history — and the search."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import cache

import sqlalchemy as sa
from sqlmodel import Session, select

from union_desk.domain.ethnicity import normalise_ethnicity
from union_desk.domain.idcard import parse_id_number
from union_desk.domain.names import clean_name
from union_desk.domain.search import normalise_search
from union_desk.domain.phone import parse_mobile
from union_desk.models.member import (Member, MemberCreate, MemberEvent, MemberEventKind,
                                      MemberEventRow, MemberRow, MemberStatus, MemberUpdate,
                                      search_columns)
from union_desk.models.personal import IdNumber, Phone, full_numbers, kept_or_typed
from union_desk.services.accounts.reveals import Door, authorise_reveal
from union_desk.models.union import GrassrootsUnion, UnionStatus
from union_desk.services.common.masked_order import birth_year, shown_id_number, shown_phone
from union_desk.services.common.problems import ProblemList
from union_desk.services.common.member_search import member_condition
from union_desk.services.common.search_plan import SearchTotal, search_page, search_total
from union_desk.services.errors import UserError

_STATUS_EVENT = {MemberStatus.TRANSFERRED: MemberEventKind.TRANSFERRED_OUT,
                 MemberStatus.LEFT: MemberEventKind.LEFT,
                 MemberStatus.DECEASED: MemberEventKind.DECEASED,
                 MemberStatus.ACTIVE: MemberEventKind.REINSTATED}


def normalise_member(data: MemberCreate | MemberUpdate, *, search: bool = True) -> dict:
    """Validate one member's fields; the column dict for `member` (no id/status/timestamps).
    Every problem is found: `Problems` (a UserError naming the first) lists them all.
    `search=False` leaves the search columns out (an import adds them for all its rows at
    once: `models.member.search_columns`)."""
    found = ProblemList()
    name = found.take("name", clean_name, data.name, default="")
    card = found.take("id_number", parse_id_number, data.id_number or "")
    phone = ""
    if (data.phone or "").strip():
        phone = found.take("phone", parse_mobile, data.phone, default="")
    if not data.union_id:
        found.add("union_id", "请选择所属工会")
    if data.join_date and data.join_date > date.today():
        found.add("join_date", "入会时间不能晚于今天")
    found.raise_if_any()
    card_no = "".join((data.card_no or "").split()).upper() or None
    return dict(name=name, id_number=card.number, gender=card.gender, birth_date=card.birth_date,
                phone=phone, ethnicity=normalise_ethnicity(data.ethnicity),
                employer=" ".join((data.employer or "").split()), union_id=data.union_id,
                join_date=data.join_date, card_no=card_no, is_migrant=bool(data.is_migrant),
                hukou_type=(data.hukou_type or "").strip(),
                **(search_columns(name=name) if search else {}))


def _check_unique(session: Session, fields: dict, exclude_id: str | None) -> None:
    other = session.exec(select(Member).where(
        Member.id_number == fields["id_number"], Member.deleted_at.is_(None),
        Member.id != (exclude_id or ""))).first()
    if other is not None:
        union = session.get(GrassrootsUnion, other.union_id)
        raise UserError(
            f"身份证号 {IdNumber(other.id_number)} 已登记：{other.name}（{union.name if union else ''}，"
            f"{other.status.value}{'，会员证号 ' + other.card_no if other.card_no else ''}）",
            field="id_number")
    if fields["card_no"]:
        other = session.exec(select(Member).where(
            Member.card_no == fields["card_no"], Member.deleted_at.is_(None),
            Member.id != (exclude_id or ""))).first()
        if other is not None:
            raise UserError(f"会员证号 {fields['card_no']} 已用于 {other.name}", field="card_no")


def _active_union(session: Session, union_id: str) -> GrassrootsUnion:
    union = session.get(GrassrootsUnion, union_id)
    if union is None or union.deleted_at is not None:
        raise UserError("找不到所选工会", field="union_id")
    if union.status != UnionStatus.ACTIVE:
        raise UserError(f"“{union.name}”已撤销，不能再接收会员", field="union_id")
    return union


def _live_member(session: Session, member_id: str) -> Member:
    member = session.get(Member, member_id)
    if member is None or member.deleted_at is not None:
        raise UserError("找不到该会员")
    return member


def _check_event_date(member: Member, on: date) -> None:
    if on > date.today():
        raise UserError("日期不能晚于今天", field="on")
    if member.join_date and on < member.join_date:
        raise UserError(f"日期不能早于入会时间 {member.join_date:%Y-%m-%d}", field="on")


def add_member(session: Session, *, data: MemberCreate) -> MemberRow:
    fields = normalise_member(data)
    _active_union(session, fields["union_id"])
    _check_unique(session, fields, None)
    member = Member(**fields, status=MemberStatus.ACTIVE, status_date=fields["join_date"])
    session.add(member)
    session.add(MemberEvent(member_id=member.id, kind=MemberEventKind.JOINED,
                            on=fields["join_date"] or date.today(), reason="登记入会",
                            to_union_id=member.union_id))
    session.flush()
    return get_member(session, member_id=member.id)


def update_member(session: Session, *, member_id: str, data: MemberUpdate) -> MemberRow:
    """Edit a member's details. The union changes only through `transfer_member`."""
    member = _live_member(session, member_id)
    data = data.model_copy(update={  # a number left masked in the form keeps the stored one
        "id_number": kept_or_typed(IdNumber, data.id_number, member.id_number),
        "phone": kept_or_typed(Phone, data.phone, member.phone)})
    fields = normalise_member(data)
    if fields["union_id"] != member.union_id:
        raise UserError("更换所属工会请使用“转会”", field="union_id")
    _check_unique(session, fields, member_id)
    for key, value in fields.items():
        setattr(member, key, value)
    session.flush()
    return get_member(session, member_id=member_id)


def transfer_member(session: Session, *, member_id: str, to_union_id: str, on: date,
                    reason: str = "") -> MemberRow:
    member = _live_member(session, member_id)
    if member.status != MemberStatus.ACTIVE:
        raise UserError(f"{member.name} 当前状态为“{member.status.value}”，不能转会")
    _check_event_date(member, on)
    if to_union_id == member.union_id:
        raise UserError("转入工会与当前工会相同", field="union_id")
    _active_union(session, to_union_id)
    session.add(MemberEvent(member_id=member.id, kind=MemberEventKind.TRANSFER, on=on,
                            reason=reason.strip(), from_union_id=member.union_id,
                            to_union_id=to_union_id))
    member.union_id = to_union_id
    session.flush()
    return get_member(session, member_id=member_id)


def change_status(session: Session, *, member_id: str, status: MemberStatus, on: date,
                  reason: str) -> MemberRow:
    """转出 / 退会 / 死亡, or back to 在册 (恢复): dated, with a reason, kept in the history."""
    member = _live_member(session, member_id)
    if status == member.status:
        raise UserError(f"{member.name} 当前已是“{status.value}”")
    if member.status == MemberStatus.DECEASED:
        raise UserError(f"{member.name} 已登记死亡，状态不能再更改")
    if not reason.strip():
        raise UserError("请填写原因", field="reason")
    _check_event_date(member, on)
    if status == MemberStatus.ACTIVE:
        _active_union(session, member.union_id)
    session.add(MemberEvent(member_id=member.id, kind=_STATUS_EVENT[status], on=on,
                            reason=reason.strip(), from_union_id=member.union_id))
    member.status, member.status_date = status, on
    session.flush()
    return get_member(session, member_id=member_id)


def member_history(session: Session, *, member_id: str) -> list[MemberEventRow]:
    from_union = sa.orm.aliased(GrassrootsUnion)
    to_union = sa.orm.aliased(GrassrootsUnion)
    rows = session.execute(
        sa.select(MemberEvent.kind, MemberEvent.on, MemberEvent.reason,
                  from_union.name.label("from_union"), to_union.name.label("to_union"))
        .outerjoin(from_union, from_union.id == MemberEvent.from_union_id)
        .outerjoin(to_union, to_union.id == MemberEvent.to_union_id)
        .where(MemberEvent.member_id == member_id, MemberEvent.deleted_at.is_(None))
        .order_by(MemberEvent.on, MemberEvent.created_at)).all()
    return [MemberEventRow(**r._mapping) for r in rows]


# -- reading and searching ---------------------------------------------------------------------

_ROW_COLUMNS = [Member.id, Member.name, Member.gender, Member.ethnicity, Member.id_number,
                Member.birth_date, Member.phone, Member.employer, Member.union_id,
                GrassrootsUnion.name.label("union_name"), Member.join_date, Member.card_no,
                Member.is_migrant, Member.hukou_type, Member.status, Member.status_date]

# masked columns sort by what they show (services/common/masked_order.py)
SORT_KEYS = {"name": Member.py_full, "gender": Member.gender,
             "id_number": shown_id_number(Member.id_number),
             "birth_date": birth_year(Member.birth_date), "phone": shown_phone(Member.phone),
             "employer": Member.employer,
             "union": GrassrootsUnion.name, "join_date": Member.join_date,
             "card_no": Member.card_no, "status": Member.status, "is_migrant": Member.is_migrant}


def search_condition(text: str):
    """What the clerk typed → one SQL condition over the indexed search columns."""
    condition = member_condition(text)
    return sa.true() if condition is None else condition


JoinedPeriod = tuple[date, date]  # [start, end) of the joining date


def _filtered(query, *, text: str, union_id: str | None, status: MemberStatus | None,
              joined: JoinedPeriod | None = None):
    query = query.where(Member.deleted_at.is_(None), search_condition(text))
    if joined is not None:
        query = query.where(Member.join_date >= joined[0], Member.join_date < joined[1])
    if union_id:
        query = query.where(Member.union_id == union_id)
    if status is not None:
        query = query.where(Member.status == status)
    return query


def _member_query(*, text: str, union_id: str | None, status: MemberStatus | None, sort: str,
                  descending: bool, joined: JoinedPeriod | None = None):
    key = SORT_KEYS.get(sort)
    if key is None:
        raise UserError(f"不能按“{sort}”排序")
    if member_condition(text) is not None:
        # an expression, so SQLite filters through the search indexes and sorts only the hits
        # instead of walking the sort index over every row
        key = key.op("||")("")
    order = [key.desc(), Member.id.desc()] if descending else [key.asc(), Member.id.asc()]
    query = _filtered(_row_select(), text=text, union_id=union_id, status=status, joined=joined)
    return query.order_by(*order)


@cache
def _row_select() -> sa.Select:
    """One select object (immutable) for every page: the search plan keeps the statement it
    builds on it (search_plan._statement)."""
    # LEFT JOIN keeps `member` the outer loop: SQLite never reorders it to scan unions first
    return sa.select(*_ROW_COLUMNS).outerjoin(GrassrootsUnion,
                                              GrassrootsUnion.id == Member.union_id)


def search_members(session: Session, *, text: str = "", union_id: str | None = None,
                   status: MemberStatus | None = None, sort: str = "name",
                   descending: bool = False, offset: int = 0, limit: int = 100,
                   joined: JoinedPeriod | None = None) -> list[MemberRow]:
    """One page of the roster as filtered and sorted in SQL. `joined`: [start, end) of the
    joining date (the overview's new members of one month). Typing into the roster (name order,
    no other filter) takes the search plan (services/common/search_plan.py): a frame at a
    million members."""
    if _planned(text, union_id=union_id, status=status, joined=joined) and sort == "name":
        rows = search_page(session, _row_select(), text, descending=descending, offset=offset,
                           limit=limit)
    else:
        query = _member_query(text=text, union_id=union_id, status=status, sort=sort,
                              descending=descending, joined=joined)
        rows = session.execute(query.offset(offset).limit(limit)).all()
    return _member_rows(rows)


def _member_rows(rows) -> list[MemberRow]:
    """MemberRows of result rows: the column names taken once (a Row's own mapping builds its
    keys again for each row: a page of 200 at a keystroke, 2 ms → 0.7 ms)."""
    if not rows:
        return []
    names = rows[0]._fields
    return [MemberRow(**dict(zip(names, r))) for r in rows]


def iter_members(session: Session, *, text: str = "", union_id: str | None = None,
                 status: MemberStatus | None = None, sort: str = "name",
                 descending: bool = False, batch: int = 1000,
                 joined: JoinedPeriod | None = None) -> Iterator[MemberRow]:
    """Every member of the filtered view, streamed in one pass (exports)."""
    query = _member_query(text=text, union_id=union_id, status=status, sort=sort,
                          descending=descending, joined=joined)
    for row in session.execute(query.execution_options(yield_per=batch)):
        yield MemberRow(**row._mapping)


def count_members(session: Session, *, text: str = "", union_id: str | None = None,
                  status: MemberStatus | None = None, joined: JoinedPeriod | None = None) -> int:
    """Every member of the filtered view, counted."""
    query = _filtered(sa.select(sa.func.count()).select_from(Member), text=text,
                      union_id=union_id, status=status, joined=joined)
    return session.execute(query).scalar_one()


def member_total(session: Session, *, text: str = "", union_id: str | None = None,
                 status: MemberStatus | None = None,
                 joined: JoinedPeriod | None = None) -> SearchTotal:
    """What the roster shows as its total: exact, or "more than 5,000" (search_plan.CAP) for a
    search with many hits until the clerk asks (`count_members`), so no keystroke counts a
    million rows."""
    if _planned(text, union_id=union_id, status=status, joined=joined):
        return search_total(session, text)
    return SearchTotal(count_members(session, text=text, union_id=union_id, status=status,
                                     joined=joined))


# one text of each kind the search plan treats apart (member_search.member_terms): a letter,
# pinyin initials, a character, a digit, a part of a number the digits index reads
WARM_TEXTS = ("z", "zs", "张", "1", "138")


def warm_search(session: Session, *, limit: int) -> None:
    """Search once, unseen, for a text of each kind, with its total: the clerk's first keystroke
    of each kind then finds its statements compiled and its indexes' upper pages read (at a
    million members the first `z`, `zs` or `张` of a session took 15–24 ms, 2–3× the next)."""
    for text in WARM_TEXTS:
        search_members(session, text=text, limit=limit)
        member_total(session, text=text)


def _planned(text: str, *, union_id, status, joined) -> bool:
    """A search typed into the whole roster, no other filter: the search plan's case."""
    return not union_id and status is None and joined is None and \
        bool(normalise_search(text).kind)  # something typed (member_condition not None)


def get_member(session: Session, *, member_id: str) -> MemberRow:
    row = session.execute(sa.select(*_ROW_COLUMNS)
                          .outerjoin(GrassrootsUnion, GrassrootsUnion.id == Member.union_id)
                          .where(Member.id == member_id, Member.deleted_at.is_(None))).first()
    if row is None:
        raise UserError("找不到该会员")
    return MemberRow(**row._mapping)


def member_for_edit(session: Session, *, member_id: str, reason: str = "") -> dict[str, str]:
    """The member's ID number and phone in full, for the edit form: an audited reveal (who may,
    and when with a reason: services/accounts/reveals.py), so in a write session."""
    row = get_member(session, member_id=member_id)
    return full_numbers(row, authorise_reveal(session, door=Door.EDIT_FORM, reason=reason,
                                              what="修改会员资料", table_name="member",
                                              record_id=row.id))
