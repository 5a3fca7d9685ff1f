"""The year-end figures of one township, across every working area — the lines of the city
federation's report (seed: "新建工会70家，新发展会员3500人 … 慰问困难职工335户，发放慰问金66.95万元
… 12辆大巴护送580多名 … 新建爱心驿家3所").

Each area keeps its own rules for what counts (hardship_stats.year_figures, station_stats);
this module only gathers them and adds the roster's and the buses' year counts.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import date, timedelta
from typing import Iterator

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Session

from union_desk.domain.money import format_fen
from union_desk.domain.townships import township_by_code
from union_desk.models.base import RecordBase
from union_desk.models.member import Member, MemberStatus
from union_desk.models.stations import Station, StationStatus, StationStatusEvent
from union_desk.models.trips import (Bus, Registration, RegistrationStatus, TripCampaign, TripLeg,
                                     TripSeat)
from union_desk.models.union import GrassrootsUnion, UnionStatus
from union_desk.services.hardship.stats import YearFigures, year_figures
from union_desk.services.hardship.payment_search import period
from union_desk.services.settings import get_setting
from union_desk.services.stations.stats import station_figures


class TripsYear(BaseModel):
    campaigns: int
    buses: int
    registered: int
    carried: int  # seated on an outbound bus


class YearReport(BaseModel):
    year: int
    township: str
    unions_new: int
    unions_on_roll: int
    members_new: int
    members_on_roll: int
    hardship: YearFigures
    trips: TripsYear
    stations_new: int
    stations_in_service: int
    people_served: int

    def lines(self) -> list[tuple[str, str]]:
        """(what, figure) in the words of the year-end report."""
        h, t = self.hardship, self.trips
        return [
            ("新建基层工会", f"{self.unions_new} 家（在册 {self.unions_on_roll} 家）"),
            ("新发展会员", f"{self.members_new} 人（在册 {self.members_on_roll} 人）"),
            ("慰问困难职工", f"{h.hardship_households} 户，{h.hardship_payments} 笔，"
                          f"{format_fen(h.hardship_amount_fen)}"),
            ("职工医疗互助补助", f"{h.medical_cases} 人次，{format_fen(h.medical_amount_fen)}"),
            ("慰问抗疫一线人员", f"{h.epidemic_people} 人，{format_fen(h.epidemic_amount_fen)}"),
            ("返乡专车", f"{t.campaigns} 次活动，{t.buses} 辆车，报名 {t.registered} 人，"
                      f"乘车 {t.carried} 人"),
            ("新建爱心驿家", f"{self.stations_new} 所（在用 {self.stations_in_service} 所），"
                        f"全年服务 {self.people_served} 人次"),
        ]


CITY_WIDE = "city_wide"  # session.info flag: this work sees every township (no view filter)


def township_options(township: str, *, skip: frozenset[str] = frozenset({"setting"})) -> list:
    """`with_loader_criteria(township == code)` for every table but `skip` (SQLAlchemy's
    documented recipe for global criteria), to add to a statement's options."""
    return [sa.orm.with_loader_criteria(m.class_, m.class_.township == township,
                                        include_aliases=True)
            for m in RecordBase._sa_registry.mappers
            if issubclass(m.class_, RecordBase) and m.class_.__tablename__ not in skip]


@contextmanager
def township_scope(session: Session, township: str) -> Iterator[None]:
    """Every ORM query the session runs in the block sees one township's rows only, so the
    areas' own figure functions give that township's figures at the city office."""
    options = township_options(township)

    def add_criteria(state) -> None:
        if state.is_select:
            state.statement = state.statement.options(*options)

    sa.event.listen(session, "do_orm_execute", add_criteria)
    try:
        yield
    finally:
        sa.event.remove(session, "do_orm_execute", add_criteria)


@contextmanager
def city_wide(session: Session) -> Iterator[None]:
    """Work that must see every township's rows even while the city's window shows one
    township (services/city/view.py): the city figures, a merge, a voucher check."""
    before = session.info.get(CITY_WIDE)
    session.info[CITY_WIDE] = True
    try:
        yield
    finally:
        session.info[CITY_WIDE] = before


def _count(session: Session, query) -> int:
    return session.execute(query).scalar_one()


def _trips(session: Session, start: date, end: date) -> TripsYear:
    campaigns = sa.select(TripCampaign.id).where(
        TripCampaign.deleted_at.is_(None), TripCampaign.starts_on >= start,
        TripCampaign.starts_on < end)
    live_regs = sa.and_(Registration.deleted_at.is_(None),
                        Registration.status == RegistrationStatus.REGISTERED,
                        Registration.campaign_id.in_(campaigns))
    return TripsYear(
        campaigns=_count(session, sa.select(sa.func.count()).select_from(campaigns.subquery())),
        buses=_count(session, sa.select(sa.func.count(Bus.id)).where(
            Bus.deleted_at.is_(None), Bus.campaign_id.in_(campaigns))),
        registered=_count(session, sa.select(sa.func.count(Registration.id)).where(live_regs)),
        carried=_count(session, sa.select(sa.func.count(TripSeat.id))
                       .join(Registration, Registration.id == TripSeat.registration_id)
                       .where(live_regs, TripSeat.deleted_at.is_(None),
                              TripSeat.leg == TripLeg.OUTBOUND, TripSeat.bus_id.is_not(None))))


def members_on_roll(session: Session, last_day: date) -> int:
    """Members on the roll at the end of `last_day`: joined by then, and either still 在册 since
    then or gone (转出/退会/死亡) only later."""
    active = Member.status == MemberStatus.ACTIVE
    return _count(session, sa.select(sa.func.count(Member.id)).where(
        Member.deleted_at.is_(None),
        sa.or_(Member.join_date.is_(None), Member.join_date <= last_day),
        sa.or_(sa.and_(active, sa.or_(Member.status_date.is_(None),
                                      Member.status_date <= last_day)),
               sa.and_(sa.not_(active), Member.status_date > last_day))))


def _unions_on_roll(session: Session, last_day: date) -> int:
    return _count(session, sa.select(sa.func.count(GrassrootsUnion.id)).where(
        GrassrootsUnion.deleted_at.is_(None),
        sa.or_(GrassrootsUnion.founded.is_(None), GrassrootsUnion.founded <= last_day),
        sa.or_(GrassrootsUnion.status == UnionStatus.ACTIVE,
               GrassrootsUnion.closed_on > last_day)))


def _stations_in_service(session: Session, last_day: date) -> int:
    """Stations registered by `last_day` whose latest status change by then left them in
    service."""
    status_then = (sa.select(StationStatusEvent.status)
                   .where(StationStatusEvent.station_id == Station.id,
                          StationStatusEvent.deleted_at.is_(None),
                          StationStatusEvent.on <= last_day)
                   .order_by(StationStatusEvent.on.desc(), StationStatusEvent.created_at.desc())
                   .limit(1).scalar_subquery())
    return _count(session, sa.select(sa.func.count(Station.id)).where(
        Station.deleted_at.is_(None), Station.registered_on <= last_day,
        status_then == StationStatus.IN_SERVICE))


def year_report(session: Session, *, year: int, township: str | None = None) -> YearReport:
    """The year's figures; what is "on the roll" or "in use" is counted as it stood at the end
    of that year (or today, for the current year). With `township` (at the city office), of that
    township's rows only (see `township_scope`)."""
    if township is not None:
        with township_scope(session, township):
            return year_report(session, year=year).model_copy(
                update={"township": township_by_code(township).name})
    start, end = period(year)
    last_day = min(end - timedelta(days=1), date.today())
    live_union = GrassrootsUnion.deleted_at.is_(None)
    live_member = Member.deleted_at.is_(None)
    stations = station_figures(session, year=year)
    code = get_setting(session, key="township", default="")
    return YearReport(
        year=year, township=township_by_code(code).name if code else
        get_setting(session, key="city.name", default=""),
        unions_new=_count(session, sa.select(sa.func.count(GrassrootsUnion.id)).where(
            live_union, GrassrootsUnion.founded >= start, GrassrootsUnion.founded < end)),
        unions_on_roll=_unions_on_roll(session, last_day),
        members_new=_count(session, sa.select(sa.func.count(Member.id)).where(
            live_member, Member.join_date >= start, Member.join_date < end)),
        members_on_roll=members_on_roll(session, last_day),
        hardship=year_figures(session, year=year),
        trips=_trips(session, start, end),
        stations_new=stations.new_in_year,
        stations_in_service=_stations_in_service(session, last_day),
        people_served=stations.served_total)
