"""Automatic seat assignment for a campaign (domain.seating), in one write transaction.

Seats already given (automatically or by hand) are kept; everyone on a waiting list is placed
where the rule allows. Running it twice in a row changes nothing the second time.
"""
from __future__ import annotations

from typing import Callable

import sqlalchemy as sa
from sqlmodel import Session

from union_desk.domain.seating import Passenger, assign, destination_key
from union_desk.models.audit import record_bulk
from union_desk.models.base import utcnow
from union_desk.models.trips import AssignReport, BusLoad, Registration, TripLeg, TripSeat
from union_desk.services.errors import UserError
from union_desk.services.trips.campaigns import bus_spec, get_campaign, list_buses
from union_desk.services.trips.seats import (leg_buses, live_seats, passengers, stop_keys,
                                             waiting_list)


def _plan_leg(session: Session, campaign_id: str, leg: TripLeg) -> list[dict]:
    buses = leg_buses(session, campaign_id, leg)
    if not buses:
        return []
    stops = stop_keys(buses)
    rows = session.execute(live_seats().where(Registration.campaign_id == campaign_id,
                                               TripSeat.leg == leg)).all()
    taken: dict[str, set[int]] = {b.id: set() for b in buses}
    carrying: dict[str, set[str]] = {b.id: set() for b in buses}
    waiting: list[Passenger] = []
    for seat, reg in rows:
        key = destination_key(reg.province, reg.city, reg.county, stops)
        if seat.bus_id is None:
            waiting.append(Passenger(id=seat.id, destination=key, order=reg.seq))
        elif seat.bus_id in taken:
            taken[seat.bus_id].add(seat.seat_no)
            carrying[seat.bus_id].add(key)
    specs = [bus_spec(b, frozenset(taken[b.id]), frozenset(carrying[b.id])) for b in buses]
    result = assign(specs, waiting)
    return [{"b_id": seat_id, "bus_id": bus_id, "seat_no": seat_no}
            for seat_id, (bus_id, seat_no) in result.seats.items()]


def assign_seats(session: Session, *, campaign_id: str,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> AssignReport:
    """Seat the waiting lists of both legs; report every bus with its passengers."""
    campaign = get_campaign(session, campaign_id=campaign_id)
    if not list_buses(session, campaign_id=campaign_id):
        raise UserError(f"“{campaign.name}”还没有车辆，请先添加车辆")
    legs = list(TripLeg)
    updates: list[dict] = []
    for i, leg in enumerate(legs):
        if cancelled and cancelled():
            raise UserError("已取消排座，座位没有改动")
        updates += _plan_leg(session, campaign_id, leg)
        if progress:
            progress(i + 1, len(legs) + 1)
    if updates:
        now = utcnow()
        table = TripSeat.__table__
        session.execute(sa.update(table).where(table.c.id == sa.bindparam("b_id"))
                        .values(bus_id=sa.bindparam("bus_id"), seat_no=sa.bindparam("seat_no"),
                                updated_at=now), updates)
        township = session.info.get("township", "")
        record_bulk(session, table_name="trip_seat", action="update", rows=[
            {"id": u["b_id"], "township": township, "bus_id": u["bus_id"], "seat_no": u["seat_no"]}
            for u in updates])
        session.expire_all()
    if cancelled and cancelled():
        raise UserError("已取消排座，座位没有改动")
    report = seating_report(session, campaign_id=campaign_id)
    if progress:
        progress(len(legs) + 1, len(legs) + 1)
    return report.model_copy(update={"seated_now": len(updates)})


def seating_report(session: Session, *, campaign_id: str) -> AssignReport:
    """Every bus with its passengers, and the waiting list, as they stand."""
    campaign = get_campaign(session, campaign_id=campaign_id)
    loads = [BusLoad(bus=b, passengers=passengers(session, bus_id=b.id))
             for b in list_buses(session, campaign_id=campaign_id)]
    waiting = waiting_list(session, campaign_id=campaign_id)
    unserved: set[str] = set()
    for leg in TripLeg:
        buses = leg_buses(session, campaign_id, leg)
        stops = stop_keys(buses)
        for _seat, reg in session.execute(live_seats().where(
                Registration.campaign_id == campaign_id, TripSeat.leg == leg,
                TripSeat.bus_id.is_(None))):
            key = destination_key(reg.province, reg.city, reg.county, stops)
            if key not in stops:
                unserved.add(f"{leg.value}：{reg.province}{reg.city}{reg.county}")
    return AssignReport(campaign=campaign.name, seated_now=0, buses=loads, waiting=waiting,
                        unserved=sorted(unserved))
