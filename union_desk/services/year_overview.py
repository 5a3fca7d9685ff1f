"""年度概况: the year's figures beside the year before (with the change), and the series the
overview's charts and the year-end report draw — gathered in one read, from the same numbers.

Every figure and every bar carries a `Link`: which list holds the records behind it (the
payments of that month, the household files of that category), so a click opens that list
with its filter set. Money is fen throughout; the views and reports show yuan.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Session

from union_desk.models.hardship import Household
from union_desk.models.member import Member
from union_desk.models.overview import MONTHS, NO_CAUSE, Bar, Chart, Figure, Link
from union_desk.models.trips import Registration, RegistrationStatus, TripCampaign
from union_desk.services.hardship.payment_search import PaymentFilter, period
from union_desk.services.hardship.stats import payment_totals, supported_households
from union_desk.services.stations.stats import people_served
from union_desk.services.year_report import YearReport, members_on_roll, year_report



class YearOverview(BaseModel):
    year: int
    place: str                   # the township's name, or the city office's
    city: bool = False
    report: YearReport
    last: YearReport             # the year before
    figures: list[Figure]
    charts: list[Chart]
    township_columns: list[str] = []     # at the city: the township table (services/city)
    township_rows: list[list[str]] = []
    missing: list[str] = []              # at the city: townships without a package this year


# -- the figures table ----------------------------------------------------------------------------
_Getter = Callable[[YearReport], int]
_FIGURES: list[tuple[str, str, str, bool, _Getter, Callable[[int], Link]]] = [
    ("unions_new", "新建基层工会", "家", False, lambda r: r.unions_new, lambda y: Link(area="unions")),
    ("unions_on_roll", "在册基层工会", "家", False, lambda r: r.unions_on_roll,
     lambda y: Link(area="unions")),
    ("members_new", "新发展会员", "人", False, lambda r: r.members_new,
     lambda y: Link(area="members", year=y)),
    ("members_on_roll", "在册会员（年末）", "人", False, lambda r: r.members_on_roll,
     lambda y: Link(area="members", on_roll=True)),
    ("hardship_households", "慰问困难职工", "户", False, lambda r: r.hardship.hardship_households,
     lambda y: Link(area="households", year=y)),
    ("hardship_payments", "困难帮扶发放", "笔", False, lambda r: r.hardship.hardship_payments,
     lambda y: Link(area="payments", year=y)),
    ("hardship_amount", "困难帮扶金额", "元", True, lambda r: r.hardship.hardship_amount_fen,
     lambda y: Link(area="payments", year=y)),
    ("medical_cases", "职工医疗互助补助", "人次", False, lambda r: r.hardship.medical_cases,
     lambda y: Link(area="payments", year=y, occasion="职工医疗互助补助")),
    ("medical_amount", "医疗互助金额", "元", True, lambda r: r.hardship.medical_amount_fen,
     lambda y: Link(area="payments", year=y, occasion="职工医疗互助补助")),
    ("epidemic_people", "慰问抗疫一线人员", "人", False, lambda r: r.hardship.epidemic_people,
     lambda y: Link(area="payments", year=y, occasion="抗疫一线慰问")),
    ("epidemic_amount", "抗疫慰问金额", "元", True, lambda r: r.hardship.epidemic_amount_fen,
     lambda y: Link(area="payments", year=y, occasion="抗疫一线慰问")),
    ("trip_buses", "返乡专车", "辆", False, lambda r: r.trips.buses,
     lambda y: Link(area="registrations", year=y)),
    ("trip_registered", "返乡专车报名", "人", False, lambda r: r.trips.registered,
     lambda y: Link(area="registrations", year=y)),
    ("trip_carried", "返乡专车乘车", "人", False, lambda r: r.trips.carried,
     lambda y: Link(area="registrations", year=y)),
    ("stations_new", "新建爱心驿家", "所", False, lambda r: r.stations_new,
     lambda y: Link(area="stations", year=y)),
    ("stations_in_service", "在用爱心驿家（年末）", "所", False, lambda r: r.stations_in_service,
     lambda y: Link(area="stations", year=y)),
    ("people_served", "爱心驿家服务", "人次", False, lambda r: r.people_served,
     lambda y: Link(area="stations", year=y)),
]


def figures(report: YearReport, last: YearReport) -> list[Figure]:
    return [Figure(key=key, label=label, unit=unit, money=money, this_year=get(report),
                   last_year=get(last), link=link(report.year))
            for key, label, unit, money, get, link in _FIGURES]


# -- the series -----------------------------------------------------------------------------------
def _month_ends(year: int) -> list[date | None]:
    """The last day of each month (today for the current one); None for a month to come."""
    today = date.today()
    ends = []
    for month in range(1, 13):
        start, end = period(year, month)
        ends.append(None if start > today else min(end - timedelta(days=1), today))
    return ends


def _to_come(year: int, month: int) -> bool:
    return period(year, month)[0] > date.today()


def _by_month(rows) -> dict[int, tuple]:
    """{month: rest} out of rows keyed by 'YYYY-MM' text."""
    return {int(str(key)[5:7]): rest for key, *rest in rows}


def members_charts(session: Session, year: int) -> list[Chart]:
    on_roll = [None if end is None else members_on_roll(session, end) for end in _month_ends(year)]
    start, end = period(year)
    month = sa.func.substr(sa.cast(Member.join_date, sa.String), 1, 7)
    joined = _by_month(session.execute(
        sa.select(month, sa.func.count(Member.id))
        .where(Member.deleted_at.is_(None), Member.join_date >= start, Member.join_date < end)
        .group_by(month)).all())
    return [
        Chart(key="members_on_roll", title="在册会员（月末）", unit="人", bars=[
            Bar(label=MONTHS[i], value=v, link=Link(area="members", on_roll=True))
            for i, v in enumerate(on_roll)]),
        Chart(key="members_new", title="新发展会员（按入会月份）", unit="人", bars=[
            Bar(label=MONTHS[i],
                value=None if _to_come(year, i + 1) else joined.get(i + 1, (0,))[0],
                link=Link(area="members", year=year, month=i + 1)) for i in range(12)]),
    ]


def payment_charts(session: Session, year: int) -> list[Chart]:
    monthly = {int(r.key[5:7]): r for r in payment_totals(
        session, by="month", flt=PaymentFilter(year=year)).rows}
    by_occasion = payment_totals(session, by="occasion", flt=PaymentFilter(year=year)).rows
    by_occasion.sort(key=lambda r: -r.amount_fen)
    return [
        Chart(key="payments_month", title="慰问金、补助发放（按月，金额与笔数）", unit="元", money=True,
              bars=[Bar(label=MONTHS[m - 1], value=None if _to_come(year, m) else
                        monthly[m].amount_fen if m in monthly else 0,
                        note=f"{monthly[m].count}笔" if m in monthly else "",
                        link=Link(area="payments", year=year, month=m)) for m in range(1, 13)]),
        Chart(key="payments_occasion", title="慰问金、补助发放（按名目，金额与笔数）", unit="元",
              money=True, horizontal=True,
              bars=[Bar(label=r.key, value=r.amount_fen, note=f"{r.count}笔",
                        link=Link(area="payments", year=year, occasion=r.key))
                    for r in by_occasion]),
    ]


def household_charts(session: Session, year: int) -> list[Chart]:
    helped = Household.id.in_(supported_households(year))
    live = Household.deleted_at.is_(None)

    def grouped(column) -> list[tuple[str, int]]:
        return [(key.value if hasattr(key, "value") else key, n) for key, n in session.execute(
            sa.select(column, sa.func.count(Household.id)).where(live, helped)
            .group_by(column).order_by(sa.func.count(Household.id).desc(), column)).all()]

    return [
        Chart(key="households_category", title="受助困难职工户数（按类别）", unit="户",
              horizontal=True, bars=[
                  Bar(label=key, value=n, link=Link(area="households", year=year, category=key))
                  for key, n in grouped(Household.category)]),
        Chart(key="households_cause", title="受助困难职工户数（按主要致困原因）", unit="户",
              horizontal=True, bars=[
                  Bar(label=key or NO_CAUSE, value=n,
                      link=Link(area="households", year=year, cause=key))
                  for key, n in grouped(Household.main_cause)]),
    ]


def passengers_chart(session: Session, year: int) -> Chart:
    """Registrations (not cancelled) of the year's campaigns by destination province; a bar
    opens the campaign holding most of that province's passengers, searched by the province."""
    start, end = period(year)
    rows = session.execute(
        sa.select(Registration.province, Registration.campaign_id, sa.func.count(Registration.id))
        .join(TripCampaign, TripCampaign.id == Registration.campaign_id)
        .where(Registration.deleted_at.is_(None), TripCampaign.deleted_at.is_(None),
               Registration.status == RegistrationStatus.REGISTERED,
               TripCampaign.starts_on >= start, TripCampaign.starts_on < end)
        .group_by(Registration.province, Registration.campaign_id)).all()
    totals: dict[str, int] = {}
    biggest: dict[str, tuple[int, str]] = {}
    for province, campaign, n in rows:
        totals[province] = totals.get(province, 0) + n
        biggest[province] = max(biggest.get(province, (0, "")), (n, campaign))
    return Chart(key="passengers_province", title="返乡专车报名人数（按目的地省份）", unit="人",
                 horizontal=True, bars=[
                     Bar(label=p, value=n, link=Link(area="registrations", year=year,
                                                     campaign_id=biggest[p][1], text=p))
                     for p, n in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))])


def stations_chart(session: Session, year: int) -> Chart:
    served = people_served(session, year=year)
    return Chart(key="stations_month", title="爱心驿家服务人次（按月）", unit="人次", bars=[
        Bar(label=MONTHS[i], value=None if _to_come(year, i + 1) else m.total,
            link=Link(area="stations", year=year, month=i + 1))
        for i, m in enumerate(served)])


def year_charts(session: Session, year: int) -> list[Chart]:
    return [*members_charts(session, year), *payment_charts(session, year),
            *household_charts(session, year), passengers_chart(session, year),
            stations_chart(session, year)]


def year_overview(session: Session, *, year: int) -> YearOverview:
    """The year and the year before, and the charts, as one read (the overview's op)."""
    report = year_report(session, year=year)
    last = year_report(session, year=year - 1)
    return YearOverview(year=year, place=report.township, report=report, last=last,
                        figures=figures(report, last), charts=year_charts(session, year))
