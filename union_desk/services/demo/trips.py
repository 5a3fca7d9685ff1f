"""Demo shuttle buses: the campaign for the coming Spring Festival (e.g. "2027 春节返乡") with
12 buses to 贵州黔东南, 湖北恩施, 河南南阳, 河南信阳 and 安徽阜阳; registrations (migrant members from
the roster and non-members) scaled to the demo size; seats assigned, a few cancelled; the
passengers of buses that have already left ticked as boarded.

The campaign opens in the current year (its registrations began before today), so the year's
overview counts it; its buses leave in the week before the festival."""
from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone

import sqlalchemy as sa
from sqlmodel import Session

from union_desk.domain.idcard import check_char
from union_desk.models.audit import record_bulk
from union_desk.models.base import new_id, utcnow
from union_desk.models.member import Member, MemberStatus
from union_desk.models.trips import (BusCreate, CampaignCreate, Registration, RegistrationStatus,
                                     TripLeg, TripLegs, TripSeat, registration_search_columns)
from union_desk.services.trips import campaigns as trips
from union_desk.services.trips.assign import assign_seats
from union_desk.services.trips.registrations import cancel_registration

# 春节 (the first day of the lunar year), as the State Council's holiday notices give it
SPRING_FESTIVALS = {
    2021: date(2021, 2, 12), 2022: date(2022, 2, 1), 2023: date(2023, 1, 22),
    2024: date(2024, 2, 10), 2025: date(2025, 1, 29), 2026: date(2026, 2, 17),
    2027: date(2027, 2, 6), 2028: date(2028, 1, 26), 2029: date(2029, 2, 13),
    2030: date(2030, 2, 3), 2031: date(2031, 1, 23), 2032: date(2032, 2, 11),
    2033: date(2033, 1, 31), 2034: date(2034, 2, 19), 2035: date(2035, 2, 8),
    2036: date(2036, 1, 28), 2037: date(2037, 2, 15), 2038: date(2038, 2, 4),
    2039: date(2039, 1, 24), 2040: date(2040, 2, 12),
}
CONTACT_PHONE = "0571-64712345"  # the township union's office, printed on the seat notices
# region: (province, city, area code of the city, {county: code})
REGIONS = {
    "黔东南": ("贵州省", "黔东南苗族侗族自治州", {
        "凯里市": "522601", "黄平县": "522622", "施秉县": "522623", "镇远县": "522625",
        "三穗县": "522624", "天柱县": "522627", "锦屏县": "522628", "黎平县": "522631",
        "榕江县": "522632", "从江县": "522633"}),
    "恩施": ("湖北省", "恩施土家族苗族自治州", {
        "恩施市": "422801", "利川市": "422802", "建始县": "422822", "巴东县": "422823",
        "宣恩县": "422825", "咸丰县": "422826", "来凤县": "422827"}),
    "南阳": ("河南省", "南阳市", {
        "宛城区": "411302", "邓州市": "411381", "新野县": "411329", "镇平县": "411324",
        "内乡县": "411325", "淅川县": "411326"}),
    "信阳": ("河南省", "信阳市", {
        "浉河区": "411502", "罗山县": "411521", "光山县": "411522", "潢川县": "411526",
        "固始县": "411525", "商城县": "411524"}),
    "阜阳": ("安徽省", "阜阳市", {
        "颍州区": "341202", "临泉县": "341221", "太和县": "341222", "阜南县": "341225",
        "颍上县": "341226", "界首市": "341282"}),
}
# (destination, region, route stops, seats, carrier)
BUSES = [
    ("贵州黔东南", "黔东南", ["凯里", "黄平", "施秉", "镇远"], 53, "建德市新安江客运有限公司"),
    ("贵州黔东南", "黔东南", ["凯里", "三穗", "天柱", "锦屏"], 49, "建德市新安江客运有限公司"),
    ("贵州黔东南", "黔东南", ["凯里", "黎平", "榕江", "从江"], 49, "建德市新安江客运有限公司"),
    ("湖北恩施", "恩施", ["恩施", "利川"], 53, "杭州长运运输集团建德分公司"),
    ("湖北恩施", "恩施", ["恩施", "建始", "巴东"], 45, "杭州长运运输集团建德分公司"),
    ("湖北恩施", "恩施", ["恩施", "宣恩", "咸丰", "来凤"], 45, "杭州长运运输集团建德分公司"),
    ("河南南阳", "南阳", ["宛城", "新野", "邓州"], 49, "建德市严州旅游客运公司"),
    ("河南南阳", "南阳", ["宛城", "镇平", "内乡", "淅川"], 45, "建德市严州旅游客运公司"),
    ("河南信阳", "信阳", ["浉河", "罗山", "光山"], 49, "建德市严州旅游客运公司"),
    ("河南信阳", "信阳", ["浉河", "潢川", "固始", "商城"], 45, "建德市严州旅游客运公司"),
    ("安徽阜阳", "阜阳", ["颍州", "临泉", "太和"], 49, "杭州长运运输集团建德分公司"),
    ("安徽阜阳", "阜阳", ["颍州", "阜南", "颍上", "界首"], 45, "杭州长运运输集团建德分公司"),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏吕丁龙杨石吴"
GIVEN = "伟芳娜英敏静丽强磊军洋勇艳杰娟涛明超霞平刚华国志海燕红梅东丹玉春文彬鑫宇浩思远欣佳琪阳"
EMPLOYERS = ["建德市新安化工集团", "浙江大洋生物科技", "建德市严州水泥厂", "浙江寿昌纺织",
             "杭州建德顺达物流", "浙江乾潭竹木制品", "建德市下涯茶叶合作社", "建德市大洋建筑工程公司"]
PLACE = "大洋镇人民政府门前广场"
BEIJING = timezone(timedelta(hours=8))


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _phone(rng: random.Random) -> str:
    return f"1{rng.choice('35789')}{rng.randrange(10**9):09d}"


def _id_number(rng: random.Random, code: str, used: set[str]) -> str:
    while True:
        born = date(1965, 1, 1) + timedelta(days=rng.randrange(0, 38 * 365))
        first17 = f"{code}{born:%Y%m%d}{rng.randrange(1000):03d}"
        number = first17 + check_char(first17)
        if number not in used:
            used.add(number)
            return number


def coming_spring_festival(today: date) -> date:
    """The Spring Festival whose buses home have not all left yet (the next one after that
    festival's week); outside the table, 1 February of the year ahead."""
    for year in (today.year, today.year + 1):
        festival = SPRING_FESTIVALS.get(year, date(year, 2, 1))
        if festival - timedelta(days=3) >= today:
            return festival
    return SPRING_FESTIVALS.get(today.year + 2, date(today.year + 2, 2, 1))


def campaign_for(today: date) -> CampaignCreate:
    """The coming festival's campaign: registrations opened about ten weeks before it (but in
    this year and a week before today at the latest); ends after the return week."""
    festival = coming_spring_festival(today)
    opens = max(date(today.year, 1, 1), min(today - timedelta(days=7),
                                             festival - timedelta(days=70)))
    return CampaignCreate(name=f"{festival.year} 春节返乡", starts_on=opens,
                          ends_on=festival + timedelta(days=15), contact_phone=CONTACT_PHONE,
                          notes=f"{festival.year}年春节前免费送外来务工人员返乡，12 辆大巴")


def _add_buses(session: Session, campaign_id: str, rng: random.Random, festival: date) -> None:
    first = festival - timedelta(days=8)
    for i, (destination, _region, stops, seats, carrier) in enumerate(BUSES):
        trips.add_bus(session, campaign_id=campaign_id, data=BusCreate(
            leg=TripLeg.OUTBOUND, plate=f"浙A{rng.choice('BCDF')}{rng.randrange(10**4):04d}",
            carrier=carrier, driver=rng.choice(SURNAMES) + "师傅", driver_phone=_phone(rng),
            contract_no=f"JDZGH-{festival.year}-{i + 1:03d}", seats=seats,
            departs_on=first + timedelta(days=i // 4),
            departs_time=("06:30", "07:00", "07:30", "08:00")[i % 4],
            departure_place=PLACE, destination=destination, stops=stops))


def populate(session: Session, *, rng: random.Random, size: int) -> None:
    today = date.today()
    campaign = trips.add_campaign(session, data=campaign_for(today))
    festival = coming_spring_festival(today)
    _add_buses(session, campaign.id, rng, festival)
    total = max(24, min(600, size * 2))
    by_code = {code: (region, county) for region, (_p, _c, counties) in REGIONS.items()
               for county, code in counties.items()}
    migrants = session.execute(sa.select(Member.id, Member.name, Member.id_number, Member.phone,
                                         Member.employer).where(
        Member.deleted_at.is_(None), Member.status == MemberStatus.ACTIVE,
        sa.func.substr(Member.id_number, 1, 6).in_(list(by_code))).limit(total // 4)).all()
    used = {m.id_number for m in migrants}
    people = []
    for m in migrants:
        region, county = by_code[m.id_number[:6]]
        people.append((m.id, m.name, m.id_number, m.phone, m.employer, region, county))
    while len(people) < total:
        region = rng.choices(list(REGIONS), weights=(26, 25, 16, 16, 17))[0]
        county, code = rng.choice(list(REGIONS[region][2].items()))
        people.append((None, _name(rng), _id_number(rng, code, used), _phone(rng),
                       rng.choice(EMPLOYERS), region, county))
    rng.shuffle(people)
    now, stamp_town = utcnow(), session.info.get("township", "")
    stamp = dict(township=stamp_town, created_at=now, updated_at=now, deleted_at=None)
    regs, seats = [], []
    for seq, (member_id, name, number, phone, employer, region, county) in enumerate(people, 1):
        province, city, _ = REGIONS[region]
        reg_id = new_id()
        regs.append(dict(stamp, id=reg_id, campaign_id=campaign.id, seq=seq, member_id=member_id,
                         name=name, id_number=number, phone=phone, employer=employer,
                         province=province, city=city, county=county,
                         emergency_name=_name(rng), emergency_phone=_phone(rng),
                         insurance_no=f"PICC{festival.year}{rng.randrange(10**8):08d}",
                         legs=TripLegs.OUTBOUND.value, status=RegistrationStatus.REGISTERED.value,
                         cancelled_on=None, cancel_reason="",
                         **registration_search_columns(name)))
        seats.append(dict(stamp, id=new_id(), registration_id=reg_id, leg=TripLeg.OUTBOUND.value,
                          bus_id=None, seat_no=None, boarded_at=None))
    session.execute(sa.insert(Registration), regs)
    session.execute(sa.insert(TripSeat), seats)
    record_bulk(session, table_name="trip_registration", rows=regs)
    record_bulk(session, table_name="trip_seat", rows=seats)
    report = assign_seats(session, campaign_id=campaign.id)
    boarded = []  # (seat id, when): the passengers of the buses that have left
    for load in report.buses:
        hour, minute = map(int, load.bus.departs_time.split(":"))
        leaves = datetime.combine(load.bus.departs_on, time(hour, minute), BEIJING)
        if leaves > datetime.now(BEIJING):
            continue
        boarded += [(p.seat_id, (leaves - timedelta(minutes=rng.randrange(5, 40)))
                     .astimezone(timezone.utc)) for p in load.passengers if rng.random() < 0.97]
    table = TripSeat.__table__
    if boarded:
        session.execute(sa.update(table).where(table.c.id == sa.bindparam("b_id"))
                        .values(boarded_at=sa.bindparam("b_at"), updated_at=now),
                        [{"b_id": seat_id, "b_at": at} for seat_id, at in boarded])
        session.expire_all()
    record_bulk(session, table_name="trip_seat", action="update",
                rows=[{"id": i, "township": stamp_town, "boarded_at": at} for i, at in boarded])
    for load in report.buses[-2:]:
        if load.passengers:
            who = rng.choice(load.passengers)
            cancel_registration(session, registration_id=who.registration_id,
                                reason="家中有事，改期返乡")
