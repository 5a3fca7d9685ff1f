"""Demo hardship data: household files built from the demo members, with household persons,
visits and payments across the year's occasions (voucher numbers issued the normal way).

Runs after demo_roster. Dates are last year and this year, so the lists look current.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from union_desk.domain.idcard import check_char
from union_desk.models.hardship import (
    HardshipCategory, HouseholdCreate, HouseholdPersonIn, HouseholdStatus,
)
from union_desk.models.member import Member, MemberStatus
from union_desk.models.payment import PaymentCreate, PaymentMethod, VisitCreate
from union_desk.services.hardship.policy import put_policy
from union_desk.services.hardship.households import change_household_status, create_household
from union_desk.services.demo.roster import card_no
from union_desk.services.hardship.campaign import insert_payments
from union_desk.services.hardship.payments import (check_payment, recipient_snapshot,
                                                   record_payment, record_visit, void_payment)
from union_desk.services.settings import put_setting

CAUSES = ["疾病", "疾病", "残疾", "子女就学", "意外事故", "失业"]
HEALTH = ["良好", "慢性病", "大病", "残疾"]
# (from age, to age, schools): where a child of that age (on 1 September) studies
SCHOOLS = ((3, 5, ["大洋镇中心幼儿园"]), (6, 11, ["大洋镇中心小学"]),
           (12, 14, ["建德市大洋初级中学"]), (15, 17, ["建德市新安江中学", "建德市工业技术学校"]),
           (18, 21, ["浙江建设职业技术学院", "杭州师范大学", "浙江工业大学"]))
HOSPITALS = ["建德市第一人民医院", "建德市中医院", "浙江省人民医院", "建德市第二人民医院"]
HOUSING = ["自有住房（砖混）", "自有住房（老旧木结构）", "租住", "公租房"]
APPROVERS = ["方建平", "叶国强"]
REVIEWERS = ["徐丽萍", "吴晓红"]
GIVEN = "伟芳娜英敏静丽强磊军洋勇艳杰娟涛明超霞平刚华燕"
# 抗疫一线慰问 a year: one in twelve of the other members, at most about a township's share of
# the seed's 5,600+ front-line workers visited across the city's 16 townships
EPIDEMIC_MAX = 400
SPRING_FESTIVAL = {2020: date(2020, 1, 20), 2021: date(2021, 2, 5), 2022: date(2022, 1, 25),
                   2023: date(2023, 1, 15), 2024: date(2024, 2, 2), 2025: date(2025, 1, 22),
                   2026: date(2026, 2, 10), 2027: date(2027, 1, 30)}


def _dibao(year: int) -> int:
    """Demo 低保 in fen per month, rising about 4 % a year from 1,017 元 in 2020."""
    return round(101_700 * 1.04 ** (year - 2020) / 100) * 100


class _NewNumbers:
    """ID numbers drawn for household persons: never one already drawn, nor a member's."""

    def __init__(self, session: Session):
        self.session, self.drawn = session, set()

    def __contains__(self, number: str) -> bool:
        # the conditions of the unique index of live members' numbers, which the planner then
        # takes even without statistics of a roster just loaded (PostgreSQL had tried the ID
        # number's trigram index: 14 ms a look-up at a million members)
        return number in self.drawn or self.session.execute(
            sa.select(Member.id).where(Member.id_number == number,
                                       Member.township == self.session.info.get("township", ""),
                                       Member.deleted_at.is_(None))).first() is not None

    def add(self, number: str) -> None:
        self.drawn.add(number)


def _person_id(rng: random.Random, used: "_NewNumbers", born: date) -> str:
    while True:
        first17 = f"330182{born:%Y%m%d}{rng.randrange(1000):03d}"
        number = first17 + check_char(first17)
        if number not in used:
            used.add(number)
            return number


def _persons(rng: random.Random, member: Member, used: _NewNumbers, dibao: int,
             target: str) -> list[HouseholdPersonIn]:
    born = member.birth_date or date(1975, 1, 1)
    spouse_born = born + timedelta(days=rng.randrange(-1500, 1500))
    persons = [HouseholdPersonIn(name=member.name, relation="本人", health=rng.choice(HEALTH))]
    if rng.random() < 0.8:
        persons.append(HouseholdPersonIn(
            name=member.name[0] + rng.choice(GIVEN) + rng.choice(GIVEN), relation="配偶",
            id_number=_person_id(rng, used, spouse_born), health=rng.choice(HEALTH)))
    for _ in range(rng.choice([0, 1, 1, 2])):
        child_born = min(born + timedelta(days=rng.randrange(22 * 365, 35 * 365)),
                         date.today() - timedelta(days=4 * 365))
        persons.append(HouseholdPersonIn(
            name=member.name[0] + rng.choice(GIVEN), relation="子女",
            id_number=_person_id(rng, used, child_born), health="良好",
            school=school_for(rng, child_born, date.today())))
    per_head = {"deep": rng.randrange(dibao // 3, dibao),
                "relative": rng.randrange(dibao + 100, dibao * 3 // 2),
                "accident": rng.randrange(dibao // 2, dibao * 2)}
    total = per_head[target] * len(persons)
    earners = [p for p in persons if p.relation in ("本人", "配偶")]
    for p in earners:
        p.monthly_income_fen = total // len(earners) // 100 * 100
    return persons


def school_age(born: date, today: date) -> int:
    """Age on the 1 September that began the current school year."""
    start = date(today.year if today >= date(today.year, 9, 1) else today.year - 1, 9, 1)
    return start.year - born.year - ((start.month, start.day) < (born.month, born.day))


def school_for(rng: random.Random, born: date, today: date) -> str:
    """A school that fits the child's age; "" for a child not (or no longer) at school."""
    age = school_age(born, today)
    for low, high, schools in SCHOOLS:
        if low <= age <= high:
            return rng.choice(schools)
    return ""


def _household(rng: random.Random, member: Member, used: _NewNumbers, today: date,
               clerk: str) -> HouseholdCreate:
    reviewed = today - timedelta(days=rng.randrange(30, 500))
    target = rng.choices(["deep", "relative", "accident"], weights=[3, 5, 1])[0]
    cause = "意外事故" if target == "accident" else rng.choice(CAUSES)
    data = HouseholdCreate(
        member_id=member.id, persons=_persons(rng, member, used, _dibao(reviewed.year), target),
        main_cause=cause, secondary_causes=rng.choice(["", "子女就学", "住房困难"]),
        cause_detail=f"因{cause}导致家庭收入下降", health_status=rng.choice(HEALTH),
        disability_type="肢体残疾" if cause == "残疾" else "", work_status=rng.choice(
            ["在岗", "在岗", "待岗", "病休"]), housing=rng.choice(HOUSING),
        bank_name="建德农商银行", bank_account=f"6230{rng.randrange(10**15):015d}",
        built_by=clerk, checked_by=rng.choice(REVIEWERS), entered_by=clerk, reviewed_on=reviewed)
    if target == "accident":
        data.category = HardshipCategory.ACCIDENT
        data.category_reason = "突发意外事故，家庭暂时陷入困难"
    return data


def populate(session: Session, *, rng: random.Random, size: int) -> None:
    today = date.today()
    clerk = session.info.get("actor", "")
    for year in range(2020, today.year + 1):
        put_policy(session, year=year, dibao_fen=_dibao(year), multiplier="1.5")
    put_setting(session, key="voucher.layout", value="A4x2")
    total = session.execute(sa.select(sa.func.count()).select_from(Member).where(
        Member.deleted_at.is_(None), Member.status == MemberStatus.ACTIVE)).scalar_one()
    count = min(335, max(12, size // 10), total // 2)
    if count == 0:
        return
    epidemic = min(EPIDEMIC_MAX, max(5, (total - count) // 12))
    # the demo's members are numbered (card numbers): pick by number, never load a million
    picked = _members(session, rng.sample(range(1, total + 1), min(total, count + epidemic)))
    chosen, others = picked[:count], picked[count:] or picked[:1]
    files, numbers = [], _NewNumbers(session)
    for member in chosen:
        files.append((member, create_household(session, data=_household(
            rng, member, numbers, today, clerk))))
    _campaigns(session, rng, today, clerk, files, others)
    for _member, detail in files[: max(1, count // 15)]:
        change_household_status(session, household_id=detail.id, status=HouseholdStatus.OUT,
                                on=today - timedelta(days=rng.randrange(1, 20)),
                                reason="家庭成员就业，人均收入已超过标准")


def _members(session: Session, numbers: list[int]) -> list[Member]:
    """The demo's members with these sequence numbers (card numbers), in that order."""
    cards = {card_no(session.info.get("township", ""), n): i for i, n in enumerate(numbers)}
    found = []
    keys = list(cards)
    for start in range(0, len(keys), 500):
        found += session.exec(select(Member).where(Member.card_no.in_(keys[start:start + 500]),
                                                   Member.deleted_at.is_(None),
                                                   Member.status == MemberStatus.ACTIVE)).all()
    return sorted(found, key=lambda m: cards[m.card_no])


def _pay(household_id=None, member_id=None, **kw) -> PaymentCreate:
    kw.setdefault("reviewer", REVIEWERS[0])
    kw.setdefault("approver", APPROVERS[0])
    return PaymentCreate(household_id=household_id, member_id=member_id, **kw)


def _campaigns(session: Session, rng: random.Random, today: date, clerk: str, files,
               others: list[Member]) -> None:
    """Payments in date order, so voucher numbers follow the calendar."""
    for year in (today.year - 1, today.year):
        spring = SPRING_FESTIVAL.get(year, date(year, 1, 25))
        if spring <= today:
            for _member, detail in files:
                amount = rng.choices([200_000, 150_000, 100_000], weights=[8, 1, 1])[0]
                record_visit(session, data=VisitCreate(
                    household_id=detail.id, visited_on=spring, occasion="春节送温暖",
                    visitors=f"{clerk}、{APPROVERS[0]}", notes="送去慰问金和米、油"),
                    payment=_pay(occasion="春节送温暖", amount_fen=amount, paid_on=spring))
        epidemic = date(year, 3, 10)
        if epidemic <= today:
            _pay_members(session, others, occasion="抗疫一线慰问", amount_fen=50_000,
                         paid_on=epidemic)
        _medical(session, rng, today, year, files, others)
        autumn = date(year, 9, 1)
        if autumn <= today:
            for _member, detail in files:
                if any(p.school for p in detail.persons) and rng.random() < 0.6:
                    record_visit(session, data=VisitCreate(
                        household_id=detail.id, visited_on=autumn, occasion="金秋助学",
                        visitors=clerk, notes="子女入学助学金"),
                        payment=_pay(occasion="金秋助学", amount_fen=rng.choice([100_000, 200_000]),
                                     paid_on=autumn, method=PaymentMethod.BANK))
    _void_one(session, rng, today, files)


def _pay_members(session: Session, members: list[Member], **payment) -> None:
    """The same payment to many members at once, as a campaign: one bulk insert, numbered."""
    base = check_payment(session, data=_pay(**payment))
    insert_payments(session, planned=[dict(base, **recipient_snapshot(session, None, m))
                                      for m in members])


def _medical(session: Session, rng: random.Random, today: date, year: int, files,
             others: list[Member]) -> None:
    for n in range(max(3, len(files) // 8)):
        admitted = date(year, 4, 1) + timedelta(days=n * 11 % 150)
        discharged = admitted + timedelta(days=rng.randrange(3, 20))
        paid_on = discharged + timedelta(days=15)
        if paid_on > today:
            return
        total = rng.randrange(800_000, 6_000_000, 100)
        reimbursed = total * rng.randrange(50, 75) // 100
        subsidy = min(total - reimbursed, rng.choice([100_000, 200_000, 300_000]))
        member, detail = files[n % len(files)] if n % 2 == 0 else (others[n % len(others)], None)
        occasion = "医疗救助" if detail else "职工医疗互助补助"
        record_payment(session, data=_pay(
            household_id=detail.id if detail else None, member_id=None if detail else member.id,
            occasion=occasion, amount_fen=subsidy, paid_on=paid_on, method=PaymentMethod.BANK,
            hospital=rng.choice(HOSPITALS), admitted_on=admitted, discharged_on=discharged,
            total_cost_fen=total, reimbursed_fen=reimbursed))


def _void_one(session: Session, rng: random.Random, today: date, files) -> None:
    """One mistyped payment, voided, and its correction as a new payment."""
    _member, detail = files[rng.randrange(len(files))]
    wrong = record_payment(session, data=_pay(household_id=detail.id, occasion="意外慰问",
                                              amount_fen=30_000, paid_on=today))
    void_payment(session, voucher_no=wrong.voucher_no, reason="金额录错，应为 3,000 元", on=today)
    record_payment(session, data=_pay(household_id=detail.id, occasion="意外慰问",
                                      amount_fen=300_000, paid_on=today))
