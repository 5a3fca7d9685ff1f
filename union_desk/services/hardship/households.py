"""Hardship household files (一户一档): create, edit, review, status changes with history."""
from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, select

from union_desk.dialect import insertion_order
from union_desk.domain.errors import RuleError
from union_desk.domain.idcard import parse_id_number
from union_desk.domain.names import clean_name, strip_invisible
from union_desk.models.base import utcnow
from union_desk.models.hardship import (
    SELF_RELATION, HardshipCategory, Household, HouseholdCreate, HouseholdDetail, HouseholdEvent,
    HouseholdEventRow, HouseholdPerson, HouseholdPersonIn, HouseholdPersonRow, HouseholdStatus,
    HouseholdUpdate,
)
from union_desk.models.member import Member
from union_desk.models.personal import BankAccount, IdNumber, kept_or_typed
from union_desk.services.accounts.reveals import Door, authorise_reveal
from union_desk.services.errors import UserError
from union_desk.services.hardship.policy import suggest_category
from union_desk.services.hardship.household_search import household_row, row_query

# Which status may follow which (every change carries a date and a reason).
_NEXT = {
    HouseholdStatus.ON_FILE: {HouseholdStatus.OUT, HouseholdStatus.CLOSED},
    HouseholdStatus.RELAPSED: {HouseholdStatus.OUT, HouseholdStatus.CLOSED},
    HouseholdStatus.OUT: {HouseholdStatus.RELAPSED, HouseholdStatus.CLOSED},
    HouseholdStatus.CLOSED: {HouseholdStatus.RELAPSED},
}


def create_household(session: Session, *, data: HouseholdCreate,
                     today: date | None = None) -> HouseholdDetail:
    today = today or date.today()
    member = _live_member(session, data.member_id)
    existing = session.exec(select(Household).where(Household.member_id == member.id,
                                                    Household.deleted_at.is_(None))).first()
    if existing is not None:
        raise UserError(f"该职工已有档案（一户一档）：{_describe(session, existing)}",
                        field="member_id")
    persons = _clean_persons(data.persons, member)
    _refuse_in_other_files(session, persons, own_household_id=None)
    household = Household(**data.model_dump(exclude={"persons", "category"}),
                          category=HardshipCategory.DEEP)
    household.reviewed_on = data.reviewed_on or today
    household.entered_by = data.entered_by or session.info.get("actor", "")
    _apply_category(session, household, data, persons)
    household.status, household.status_date = HouseholdStatus.ON_FILE, household.reviewed_on
    session.add(household)
    session.flush()
    _save_persons(session, household.id, persons)
    session.add(HouseholdEvent(household_id=household.id, status=HouseholdStatus.ON_FILE,
                               on=household.reviewed_on, reason="建档"))
    session.flush()
    return get_household(session, household_id=household.id)


def update_household(session: Session, *, household_id: str,
                     data: HouseholdUpdate) -> HouseholdDetail:
    household = _live_household(session, household_id)
    if data.member_id != household.member_id:
        raise UserError("档案所属职工不能更改；如建错档案请注销后重建", field="member_id")
    member = _live_member(session, household.member_id)
    data = _kept_numbers(session, household, data)
    persons = _clean_persons(data.persons, member)
    _refuse_in_other_files(session, persons, own_household_id=household.id)
    fields = data.model_dump(exclude={"persons", "category", "member_id", "reviewed_on",
                                      "entered_by"})
    for key, value in fields.items():
        setattr(household, key, value)
    if data.reviewed_on:
        household.reviewed_on = data.reviewed_on
    _apply_category(session, household, data, persons)
    _save_persons(session, household.id, persons)
    session.flush()
    return get_household(session, household_id=household.id)


def mark_reviewed(session: Session, *, household_id: str, on: date,
                  checked_by: str = "") -> HouseholdDetail:
    """The yearly review (动态管理): the file was looked at again on `on`; the suggestion is
    renewed against that year's 低保 (a changed category goes through update_household)."""
    household = _live_household(session, household_id)
    if on > date.today():
        raise UserError("复核日期不能晚于今天", field="reviewed_on")
    household.reviewed_on = on
    if checked_by:
        household.checked_by = checked_by
    household.suggested_category = suggest_category(
        session, year=on.year, income_total_fen=household.income_total_fen,
        person_count=household.person_count).category
    session.flush()
    return get_household(session, household_id=household_id)


def change_household_status(session: Session, *, household_id: str, status: HouseholdStatus,
                            on: date, reason: str) -> HouseholdDetail:
    household = _live_household(session, household_id)
    status = HouseholdStatus(status)
    reason = (reason or "").strip()
    if not reason:
        raise UserError("请填写状态变更的原因", field="reason")
    if status not in _NEXT[household.status]:
        raise UserError(f"档案当前为“{household.status.value}”，不能改为“{status.value}”",
                        field="status")
    if on > date.today():
        raise UserError("变更日期不能晚于今天", field="on")
    if household.status_date and on < household.status_date:
        raise UserError(f"变更日期不能早于上次变更（{household.status_date.isoformat()}）",
                        field="on")
    household.status, household.status_date = status, on
    session.add(HouseholdEvent(household_id=household.id, status=status, on=on, reason=reason))
    session.flush()
    return get_household(session, household_id=household_id)


def get_household(session: Session, *, household_id: str) -> HouseholdDetail:
    found = session.execute(row_query().where(Household.id == household_id)).first()
    if found is None:
        raise UserError("找不到该困难职工档案")
    household = session.get(Household, household_id)
    # insertion order (rowid on SQLite), not timestamps: Windows clocks tick every ~15 ms
    persons = session.exec(select(HouseholdPerson).where(
        HouseholdPerson.household_id == household_id, HouseholdPerson.deleted_at.is_(None))
        .order_by(HouseholdPerson.relation != SELF_RELATION,
                  *insertion_order(session, HouseholdPerson))).all()
    events = session.exec(select(HouseholdEvent).where(
        HouseholdEvent.household_id == household_id, HouseholdEvent.deleted_at.is_(None))
        .order_by(HouseholdEvent.on, *insertion_order(session, HouseholdEvent))).all()
    base = dict(household_row(found))  # the values themselves: a dump would be masked
    return HouseholdDetail(
        **base,
        **{k: getattr(household, k) for k in (
            "category_reason", "secondary_causes", "cause_detail", "health_status",
            "disability_type", "work_status", "housing", "bank_name", "bank_account",
            "built_by", "checked_by", "entered_by", "income_total_fen")},
        persons=[HouseholdPersonRow(**p.model_dump(include=_PERSON_FIELDS)) for p in persons],
        history=[HouseholdEventRow(status=e.status, on=e.on, reason=e.reason) for e in events],
    )


_PERSON_FIELDS = set(HouseholdPersonRow.model_fields) | {"birth_date"}


def household_of_member(session: Session, *, member_id: str) -> HouseholdDetail | None:
    found = session.exec(select(Household.id).where(Household.member_id == member_id,
                                                    Household.deleted_at.is_(None))).first()
    return None if found is None else get_household(session, household_id=found)


def household_for_edit(session: Session, *, household_id: str, reason: str = "") -> dict:
    """The file's bank account and its household members' ID numbers in full (by person id),
    for the edit form: one audited reveal (who may, and when with a reason:
    services/accounts/reveals.py), so in a write session."""
    detail = get_household(session, household_id=household_id)
    grant = authorise_reveal(session, door=Door.EDIT_FORM, reason=reason,
                             what="修改困难职工档案", table_name="household",
                             record_id=detail.id)
    return {"bank_account": detail.bank_account.reveal(grant),
            "persons": {p.id: p.id_number.reveal(grant) for p in detail.persons}}


# -- internals ----------------------------------------------------------------------------

def _live_member(session: Session, member_id: str) -> Member:
    member = session.get(Member, member_id) if member_id else None
    if member is None or member.deleted_at is not None:
        raise UserError("请选择档案所属的会员", field="member_id")
    return member


def _live_household(session: Session, household_id: str) -> Household:
    household = session.get(Household, household_id)
    if household is None or household.deleted_at is not None:
        raise UserError("找不到该困难职工档案")
    return household


def _describe(session: Session, household: Household) -> str:
    member = session.get(Member, household.member_id)
    built = household.created_at.date().isoformat()
    return (f"{member.name}（{IdNumber(member.id_number)}）的档案，"
            f"{household.category.value}，{household.status.value}，建档于 {built}")


def _kept_numbers(session: Session, household: Household, data: HouseholdUpdate) -> HouseholdUpdate:
    """A form that showed the bank account and the persons' ID numbers masked (several
    accounts: services/accounts/reveals.py) keeps the stored numbers the clerk left masked."""
    stored = {p.id: p.id_number for p in session.exec(select(HouseholdPerson).where(
        HouseholdPerson.household_id == household.id))}
    persons = [p.model_copy(update={"id_number": kept_or_typed(IdNumber, p.id_number,
                                                               stored.get(p.id))})
               if p.id else p for p in data.persons]
    return data.model_copy(update={
        "bank_account": kept_or_typed(BankAccount, data.bank_account, household.bank_account),
        "persons": persons})


def _clean_persons(persons: list[HouseholdPersonIn], member: Member) -> list[HouseholdPersonIn]:
    """Check every person; 本人 takes name, ID and birth date from the member."""
    out: list[HouseholdPersonIn] = []
    seen: dict[str, int] = {}
    selves = [p for p in persons if p.relation.strip() == SELF_RELATION]
    if len(selves) != 1:
        raise UserError("家庭成员中应有且只有一位“本人”（档案所属职工）", field="persons")
    for n, p in enumerate(persons, start=1):
        p = p.model_copy()
        p.relation = p.relation.strip()
        if p.relation == SELF_RELATION:
            p.name, p.id_number, p.birth_date = member.name, member.id_number, member.birth_date
        elif not strip_invisible(p.name).strip():
            raise UserError(f"第{n}位家庭成员未填写姓名", field="persons")
        else:
            try:
                p.name = clean_name(p.name)
            except RuleError as err:
                raise UserError(f"第{n}位家庭成员：{err}", field="persons") from None
        if not p.relation:
            raise UserError(f"家庭成员“{p.name}”未填写与职工的关系", field="persons")
        if isinstance(p.monthly_income_fen, bool) or p.monthly_income_fen < 0:
            raise UserError(f"家庭成员“{p.name}”的月收入不能为负数", field="persons")
        if p.id_number.strip():
            try:
                card = parse_id_number(p.id_number)
            except RuleError as err:
                raise UserError(f"家庭成员“{p.name}”：{err}", field="persons") from None
            p.id_number, p.birth_date = card.number, card.birth_date
            if p.id_number in seen:
                raise UserError(f"家庭成员“{p.name}”与第{seen[p.id_number]}位的身份证号相同",
                                field="persons")
            seen[p.id_number] = n
        else:
            p.id_number = ""
        out.append(p)
    return out


def _refuse_in_other_files(session: Session, persons: list[HouseholdPersonIn], *,
                           own_household_id: str | None) -> None:
    """一户一档: nobody of this household may already belong to another live file."""
    numbers = [p.id_number for p in persons if p.id_number]
    if not numbers:
        return
    live = sa.and_(Household.deleted_at.is_(None), HouseholdPerson.deleted_at.is_(None))
    q = (select(Household, HouseholdPerson.name)
         .join(HouseholdPerson, HouseholdPerson.household_id == Household.id)
         .where(live, HouseholdPerson.id_number.in_(numbers)))
    if own_household_id:
        q = q.where(Household.id != own_household_id)
    hit = session.exec(q).first()
    if hit is None:
        q = (select(Household, Member.name).join(Member, Member.id == Household.member_id)
             .where(Household.deleted_at.is_(None), Member.id_number.in_(numbers)))
        if own_household_id:
            q = q.where(Household.id != own_household_id)
        hit = session.exec(q).first()
    if hit is not None:
        household, name = hit
        raise UserError(f"“{name}”已在另一户的档案中（一户一档）：{_describe(session, household)}",
                        field="persons")


def _apply_category(session: Session, household: Household, data: HouseholdCreate,
                    persons: list[HouseholdPersonIn]) -> None:
    total = sum(p.monthly_income_fen for p in persons)
    household.person_count = len(persons)
    household.income_total_fen = total
    household.income_per_head_fen = total // len(persons)
    year = (household.reviewed_on or date.today()).year
    suggestion = suggest_category(session, year=year, income_total_fen=total,
                                  person_count=len(persons))
    household.suggested_category = suggestion.category
    chosen = data.category or suggestion.category
    reason = (data.category_reason or "").strip()
    if chosen is None:
        raise UserError(f"{suggestion.explanation}，不符合困难标准；如属意外致困请选择类别并说明原因",
                        field="category")
    if chosen != suggestion.category and not reason:
        suggested = suggestion.category.value if suggestion.category else "无"
        raise UserError(f"所选类别“{chosen.value}”与建议类别“{suggested}”不同"
                        f"（{suggestion.explanation}），请填写原因", field="category_reason")
    household.category = chosen
    household.category_reason = reason if chosen != suggestion.category else ""


def _save_persons(session: Session, household_id: str, persons: list[HouseholdPersonIn]) -> None:
    """Update persons that kept their id, add new ones, tombstone the ones removed."""
    current = {p.id: p for p in session.exec(select(HouseholdPerson).where(
        HouseholdPerson.household_id == household_id, HouseholdPerson.deleted_at.is_(None))).all()}
    fields = set(HouseholdPersonIn.model_fields) - {"id"}
    kept: set[str] = set()
    for p in persons:
        values = p.model_dump(include=fields)
        row = current.get(p.id or "")
        if row is None:
            session.add(HouseholdPerson(household_id=household_id, **values))
        else:
            kept.add(row.id)
            for key, value in values.items():
                setattr(row, key, value)
    for pid, row in current.items():
        if pid not in kept:
            row.deleted_at = utcnow()
    session.flush()
