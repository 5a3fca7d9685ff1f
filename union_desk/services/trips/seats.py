"""Seats of a shuttle-bus campaign: passengers per bus, the waiting list, moving and swapping
passengers by hand, the boarding check, and the campaign's figures."""
from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, select

from union_desk.domain.seating import Passenger, destination_key, first_waiting_for
from union_desk.models.base import utcnow
from union_desk.models.trips import (Bus, CampaignFigures, FigureLine, PassengerRow,
                                     Registration, RegistrationStatus, TripLeg, TripSeat)
from union_desk.services.errors import UserError
from union_desk.services.trips.campaigns import bus_spec, get_bus, get_campaign

LIVE = RegistrationStatus.REGISTERED


def live_seats():
    return (sa.select(TripSeat, Registration)
            .join(Registration, Registration.id == TripSeat.registration_id)
            .where(TripSeat.deleted_at.is_(None), Registration.deleted_at.is_(None),
                   Registration.status == LIVE))


def passenger_row(seat: TripSeat, reg: Registration) -> PassengerRow:
    return PassengerRow(
        seat_id=seat.id, registration_id=reg.id, seq=reg.seq, leg=seat.leg, bus_id=seat.bus_id,
        seat_no=seat.seat_no, boarded_at=seat.boarded_at, name=reg.name,
        id_number=reg.id_number, phone=reg.phone, employer=reg.employer,
        destination="".join(p for p in (reg.province, reg.city, reg.county) if p),
        emergency_name=reg.emergency_name, emergency_phone=reg.emergency_phone,
        insurance_no=reg.insurance_no, is_member=reg.member_id is not None)


def passengers(session: Session, *, bus_id: str, missing_only: bool = False) -> list[PassengerRow]:
    """Who sits on this bus, by seat number; `missing_only`: not yet ticked as boarded."""
    q = live_seats().where(TripSeat.bus_id == bus_id).order_by(TripSeat.seat_no)
    if missing_only:
        q = q.where(TripSeat.boarded_at.is_(None))
    return [passenger_row(seat, reg) for seat, reg in session.execute(q)]


def leg_buses(session: Session, campaign_id: str, leg: TripLeg) -> list[Bus]:
    return list(session.exec(select(Bus).where(Bus.campaign_id == campaign_id, Bus.leg == leg,
                                               Bus.deleted_at.is_(None)).order_by(Bus.seq)))


def stop_keys(buses: list[Bus]) -> set[str]:
    return {k for b in buses for k in bus_spec(b).stops}


def waiting_list(session: Session, *, campaign_id: str,
                 leg: TripLeg | None = None) -> list[PassengerRow]:
    """Registrations still without a seat, in registration order (per leg if given)."""
    q = live_seats().where(Registration.campaign_id == campaign_id, TripSeat.bus_id.is_(None))
    if leg is not None:
        q = q.where(TripSeat.leg == leg)
    q = q.order_by(TripSeat.leg, Registration.seq)
    return [passenger_row(seat, reg) for seat, reg in session.execute(q)]


def _seat(session: Session, seat_id: str) -> tuple[TripSeat, Registration]:
    row = session.execute(live_seats().where(TripSeat.id == seat_id)).first()
    if row is None:
        raise UserError("找不到该乘客的座位（登记可能已取消）")
    return row[0], row[1]


def _occupant(session: Session, bus_id: str, seat_no: int) -> tuple[TripSeat, Registration] | None:
    row = session.execute(live_seats().where(TripSeat.bus_id == bus_id,
                                              TripSeat.seat_no == seat_no)).first()
    return None if row is None else (row[0], row[1])


def _taken(session: Session, bus_id: str) -> set[int]:
    return set(session.scalars(sa.select(TripSeat.seat_no).where(
        TripSeat.bus_id == bus_id, TripSeat.deleted_at.is_(None))))


def move_passenger(session: Session, *, seat_id: str, bus_id: str,
                   seat_no: int | None = None) -> PassengerRow:
    """Put a passenger (seated or waiting) on a free seat of a bus: `seat_no` or the lowest."""
    seat, reg = _seat(session, seat_id)
    bus = get_bus(session, bus_id=bus_id)
    if bus.campaign_id != reg.campaign_id:
        raise UserError("只能安排到本活动的车辆")
    if bus.leg != seat.leg:
        raise UserError(f"这是{seat.leg.value}座位，不能安排到{bus.leg.value}车辆 {bus.plate}")
    if seat.bus_id == bus.id and seat_no in (None, seat.seat_no):
        return passenger_row(seat, reg)
    taken = _taken(session, bus.id) - ({seat.seat_no} if seat.bus_id == bus.id else set())
    if seat_no is None:
        seat_no = next((n for n in range(1, bus.seats + 1) if n not in taken), None)
        if seat_no is None:
            raise UserError(f"{bus.plate} 已满（{bus.seats} 座）")
    elif not 1 <= seat_no <= bus.seats:
        raise UserError(f"{bus.plate} 只有 1–{bus.seats} 号座位", field="seat_no")
    elif seat_no in taken:
        other = _occupant(session, bus.id, seat_no)
        who = other[1].name if other else "其他乘客"
        raise UserError(f"{bus.plate} {seat_no} 号座位已有乘客 {who}，请改用“对调座位”",
                        field="seat_no")
    if seat.bus_id != bus.id:
        seat.boarded_at = None
    seat.bus_id, seat.seat_no = bus.id, seat_no
    session.flush()
    return passenger_row(seat, reg)


def unseat(session: Session, *, seat_id: str) -> PassengerRow:
    """Take a passenger off their bus: back to the waiting list (in registration order)."""
    seat, reg = _seat(session, seat_id)
    seat.bus_id, seat.seat_no, seat.boarded_at = None, None, None
    session.flush()
    return passenger_row(seat, reg)


def swap_seats(session: Session, *, seat_a: str, seat_b: str) -> list[PassengerRow]:
    """Exchange the seats (bus and number) of two passengers of the same campaign and leg."""
    (a, ra), (b, rb) = _seat(session, seat_a), _seat(session, seat_b)
    if a.id == b.id:
        raise UserError("请选择两位不同的乘客")
    if ra.campaign_id != rb.campaign_id or a.leg != b.leg:
        raise UserError("只能对调同一活动、同一程（去程/返程）的座位")
    if a.bus_id is None and b.bus_id is None:
        raise UserError("两位乘客都在候补名单上，没有座位可对调")
    places = (a.bus_id, a.seat_no), (b.bus_id, b.seat_no)
    a.seat_no = b.seat_no = None  # free both numbers first: (bus, seat) is unique
    session.flush()
    for seat, (bus_id, seat_no) in ((a, places[1]), (b, places[0])):
        if seat.bus_id != bus_id:
            seat.boarded_at = None
        seat.bus_id, seat.seat_no = bus_id, seat_no
    session.flush()
    return [passenger_row(a, ra), passenger_row(b, rb)]


def set_boarded(session: Session, *, seat_id: str, boarded: bool) -> PassengerRow:
    """The boarding check: tick (or untick) a seated passenger as on board."""
    seat, reg = _seat(session, seat_id)
    if seat.bus_id is None:
        raise UserError(f"{reg.name} 还没有座位，不能登记上车")
    if boarded and seat.boarded_at is None:
        seat.boarded_at = utcnow()
    elif not boarded:
        seat.boarded_at = None
    session.flush()
    return passenger_row(seat, reg)


def offer_seat(session: Session, *, bus: Bus, seat_no: int) -> PassengerRow | None:
    """Give a freed seat to the first on the waiting list whose destination this bus serves."""
    buses = leg_buses(session, bus.campaign_id, bus.leg)
    stops = stop_keys(buses)
    rows = session.execute(live_seats().where(
        Registration.campaign_id == bus.campaign_id, TripSeat.leg == bus.leg,
        TripSeat.bus_id.is_(None)).order_by(Registration.seq)).all()
    waiting = {seat.id: (seat, reg) for seat, reg in rows}
    first = first_waiting_for(bus_spec(bus), [
        Passenger(id=seat.id, order=reg.seq,
                  destination=destination_key(reg.province, reg.city, reg.county, stops))
        for seat, reg in rows])
    if first is None:
        return None
    seat, reg = waiting[first.id]
    seat.bus_id, seat.seat_no = bus.id, seat_no
    session.flush()
    return passenger_row(seat, reg)


def _lines(session: Session, campaign_id: str, column=None) -> list[FigureLine]:
    label = sa.literal("") if column is None else column
    q = (sa.select(label, sa.func.count(sa.distinct(Registration.id)),
                   sa.func.count(TripSeat.bus_id),
                   sa.func.count(TripSeat.id) - sa.func.count(TripSeat.bus_id),
                   sa.func.count(TripSeat.boarded_at))
         .select_from(Registration)
         .join(TripSeat, sa.and_(TripSeat.registration_id == Registration.id,
                                 TripSeat.deleted_at.is_(None)), isouter=True)
         .where(Registration.campaign_id == campaign_id, Registration.deleted_at.is_(None),
                Registration.status == LIVE))
    if column is not None:
        q = q.group_by(column).order_by(sa.func.count(sa.distinct(Registration.id)).desc(), column)
    return [FigureLine(label=label or "（未填）", registered=n, seated=s, waiting=w, boarded=b)
            for label, n, s, w, b in session.execute(q)]


def figures(session: Session, *, campaign_id: str) -> CampaignFigures:
    """Registered, seated, waiting, boarded; by destination province; by employer."""
    campaign = get_campaign(session, campaign_id=campaign_id)
    live = sa.and_(Registration.campaign_id == campaign_id, Registration.deleted_at.is_(None))
    registered, cancelled, members = session.execute(sa.select(
        sa.func.count().filter(Registration.status == LIVE),
        sa.func.count().filter(Registration.status == RegistrationStatus.CANCELLED),
        sa.func.count(Registration.member_id).filter(Registration.status == LIVE),
    ).where(live)).one()
    total = _lines(session, campaign_id)
    buses, seats = session.execute(
        sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(Bus.seats), 0))
        .where(Bus.campaign_id == campaign_id, Bus.deleted_at.is_(None))).one()
    line = total[0] if total else FigureLine(label="", registered=0, seated=0, waiting=0, boarded=0)
    return CampaignFigures(
        campaign=campaign.name, registered=registered, cancelled=cancelled, members=members,
        seated=line.seated, waiting=line.waiting, boarded=line.boarded, buses=buses, seats=seats,
        by_province=_lines(session, campaign_id, Registration.province),
        by_employer=_lines(session, campaign_id, Registration.employer))
