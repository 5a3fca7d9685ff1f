"""Shuttle-bus campaigns (返乡专车): campaigns and their buses.

Registrations are in services/trips/registrations.py; seats (move, swap, boarding, waiting
list, figures) in services/trips/seats.py; the automatic assignment in services/trips/assign.py;
the employers' Excel lists in services/trips/importer.py.
"""
from __future__ import annotations

import json
import re

import sqlalchemy as sa
from sqlmodel import Session, select

from union_desk.domain.errors import RuleError
from union_desk.domain.phone import parse_contact_phone, parse_mobile
from union_desk.domain.seating import BusSpec, place_key
from union_desk.models.base import utcnow
from union_desk.models.trips import (Bus, BusCreate, BusRow, CampaignCreate, CampaignRow,
                                     Registration, RegistrationStatus, TripCampaign, TripSeat)
from union_desk.services.errors import UserError

LIVE = RegistrationStatus.REGISTERED
_CLOCK = re.compile(r"([01]?\d|2[0-3]):[0-5]\d")


# -- campaigns --------------------------------------------------------------------------------

def _campaign_row(session: Session, c: TripCampaign) -> CampaignRow:
    buses = session.scalar(sa.select(sa.func.count()).select_from(Bus)
                           .where(Bus.campaign_id == c.id, Bus.deleted_at.is_(None)))
    registered = session.scalar(sa.select(sa.func.count()).select_from(Registration).where(
        Registration.campaign_id == c.id, Registration.deleted_at.is_(None),
        Registration.status == LIVE))
    return CampaignRow(id=c.id, name=c.name, starts_on=c.starts_on, ends_on=c.ends_on,
                       notes=c.notes, contact_phone=c.contact_phone, buses=buses or 0,
                       registered=registered or 0)


def _check_campaign(session: Session, data: CampaignCreate, own_id: str | None) -> str:
    name = " ".join(data.name.split())
    if not name:
        raise UserError("请填写活动名称", field="name")
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        raise UserError("结束日期不能早于开始日期", field="ends_on")
    clash = session.exec(select(TripCampaign).where(
        TripCampaign.name == name, TripCampaign.deleted_at.is_(None))).first()
    if clash is not None and clash.id != own_id:
        raise UserError(f"已有同名活动“{name}”", field="name")
    try:
        data.contact_phone = parse_contact_phone(data.contact_phone)
    except RuleError as err:
        raise UserError(str(err), field="contact_phone") from err
    return name


def add_campaign(session: Session, *, data: CampaignCreate) -> CampaignRow:
    name = _check_campaign(session, data, None)
    campaign = TripCampaign(name=name, starts_on=data.starts_on, ends_on=data.ends_on,
                            notes=data.notes.strip(), contact_phone=data.contact_phone)
    session.add(campaign)
    session.flush()
    return _campaign_row(session, campaign)


def update_campaign(session: Session, *, campaign_id: str, data: CampaignCreate) -> CampaignRow:
    campaign = get_campaign(session, campaign_id=campaign_id)
    campaign.name = _check_campaign(session, data, campaign_id)
    campaign.starts_on, campaign.ends_on = data.starts_on, data.ends_on
    campaign.notes = data.notes.strip()
    campaign.contact_phone = data.contact_phone
    session.flush()
    return _campaign_row(session, campaign)


def get_campaign(session: Session, *, campaign_id: str) -> TripCampaign:
    campaign = session.get(TripCampaign, campaign_id)
    if campaign is None or campaign.deleted_at is not None:
        raise UserError("找不到该返乡专车活动")
    return campaign


def find_campaign(session: Session, *, name: str) -> CampaignRow | None:
    """The live campaign with this name (spaces normalised), or None."""
    name = " ".join(name.split())
    campaign = session.exec(select(TripCampaign).where(
        TripCampaign.name == name, TripCampaign.deleted_at.is_(None))).first()
    return None if campaign is None else _campaign_row(session, campaign)


def campaign_by_name(session: Session, *, name: str, create: bool = False) -> CampaignRow:
    """The live campaign with this name; created when `create` and it does not exist yet."""
    found = find_campaign(session, name=name)
    if found is not None:
        return found
    if not create:
        raise UserError(f"没有名为“{' '.join(name.split())}”的返乡专车活动", field="campaign")
    return add_campaign(session, data=CampaignCreate(name=name))


def list_campaigns(session: Session) -> list[CampaignRow]:
    rows = session.exec(select(TripCampaign).where(TripCampaign.deleted_at.is_(None))
                        .order_by(TripCampaign.starts_on.desc(), TripCampaign.created_at.desc()))
    return [_campaign_row(session, c) for c in rows]


# -- buses --------------------------------------------------------------------------------------

def bus_stops(bus: Bus) -> list[str]:
    """The route as entered: stops in order, ending at the destination."""
    stops = [s for s in json.loads(bus.stops_json or "[]") if s]
    if place_key(bus.destination) not in {place_key(s) for s in stops}:
        stops.append(bus.destination)
    return stops


def bus_spec(bus: Bus, taken: frozenset[int] = frozenset(),
             carrying: frozenset[str] = frozenset()) -> BusSpec:
    keys = tuple(dict.fromkeys(place_key(s) for s in bus_stops(bus)))
    return BusSpec(id=bus.id, seats=bus.seats, stops=keys, order=bus.seq, taken=taken,
                   carrying=carrying)


def _bus_row(session: Session, bus: Bus) -> BusRow:
    seated, boarded = session.execute(
        sa.select(sa.func.count(), sa.func.count(TripSeat.boarded_at))
        .where(TripSeat.bus_id == bus.id, TripSeat.deleted_at.is_(None))).one()
    return BusRow(id=bus.id, campaign_id=bus.campaign_id, seq=bus.seq, leg=bus.leg,
                  plate=bus.plate, carrier=bus.carrier, driver=bus.driver,
                  driver_phone=bus.driver_phone, contract_no=bus.contract_no, seats=bus.seats,
                  departs_on=bus.departs_on, departs_time=bus.departs_time,
                  departure_place=bus.departure_place, destination=bus.destination,
                  stops=json.loads(bus.stops_json or "[]"), seated=seated, boarded=boarded)


def _clean_bus(session: Session, campaign_id: str, data: BusCreate, own: Bus | None) -> dict:
    plate = "".join(data.plate.split()).upper()
    if not 7 <= len(plate) <= 8:
        raise UserError(f"车牌号应为7位（新能源8位），当前为“{plate or '（空）'}”", field="plate")
    if not 1 <= data.seats <= 99:
        raise UserError("座位数应在 1 到 99 之间", field="seats")
    destination = data.destination.strip()
    if not destination:
        raise UserError("请填写目的地", field="destination")
    driver_phone = data.driver_phone.strip()
    if driver_phone:
        try:
            driver_phone = parse_mobile(driver_phone)
        except RuleError as err:
            raise UserError(f"司机{err}", field="driver_phone") from err
    clash = session.exec(select(Bus).where(
        Bus.campaign_id == campaign_id, Bus.leg == data.leg, Bus.plate == plate,
        Bus.deleted_at.is_(None))).first()
    if clash is not None and (own is None or clash.id != own.id):
        raise UserError(f"本活动{data.leg.value}已有车辆 {plate}", field="plate")
    if own is not None:
        top = session.scalar(sa.select(sa.func.max(TripSeat.seat_no)).where(
            TripSeat.bus_id == own.id, TripSeat.deleted_at.is_(None)))
        if top and data.seats < top:
            raise UserError(f"该车 {top} 号座位已安排乘客，座位数不能少于 {top}", field="seats")
        if data.leg != own.leg and top:
            raise UserError("该车已安排乘客，不能改变去程/返程", field="leg")
    stops = [" ".join(s.split()) for s in data.stops if s and s.strip()]
    clock = data.departs_time.strip()
    if clock:
        if not _CLOCK.fullmatch(clock):
            raise UserError(f"发车时间应写成“时:分”，如 07:30，当前为“{clock}”", field="departs_time")
        hour, minute = clock.split(":")
        clock = f"{int(hour):02d}:{minute}"
    return dict(leg=data.leg, plate=plate, carrier=data.carrier.strip(), driver=data.driver.strip(),
                driver_phone=driver_phone, contract_no=data.contract_no.strip(), seats=data.seats,
                departs_on=data.departs_on, departs_time=clock,
                departure_place=data.departure_place.strip(), destination=destination,
                stops_json=json.dumps(stops, ensure_ascii=False))


def add_bus(session: Session, *, campaign_id: str, data: BusCreate) -> BusRow:
    get_campaign(session, campaign_id=campaign_id)
    fields = _clean_bus(session, campaign_id, data, None)
    last = session.scalar(sa.select(sa.func.max(Bus.seq)).where(Bus.campaign_id == campaign_id))
    bus = Bus(campaign_id=campaign_id, seq=(last or 0) + 1, **fields)
    session.add(bus)
    session.flush()
    return _bus_row(session, bus)


def update_bus(session: Session, *, bus_id: str, data: BusCreate) -> BusRow:
    bus = get_bus(session, bus_id=bus_id)
    for key, value in _clean_bus(session, bus.campaign_id, data, bus).items():
        setattr(bus, key, value)
    session.flush()
    return _bus_row(session, bus)


def remove_bus(session: Session, *, bus_id: str) -> BusRow:
    """Tombstone a bus; its passengers go back to the waiting list."""
    bus = get_bus(session, bus_id=bus_id)
    for seat in session.exec(select(TripSeat).where(TripSeat.bus_id == bus.id,
                                                    TripSeat.deleted_at.is_(None))):
        seat.bus_id, seat.seat_no, seat.boarded_at = None, None, None
    bus.deleted_at = utcnow()
    session.flush()
    return _bus_row(session, bus)


def get_bus(session: Session, *, bus_id: str) -> Bus:
    bus = session.get(Bus, bus_id)
    if bus is None or bus.deleted_at is not None:
        raise UserError("找不到该车辆")
    return bus


def list_buses(session: Session, *, campaign_id: str) -> list[BusRow]:
    buses = session.exec(select(Bus).where(Bus.campaign_id == campaign_id,
                                           Bus.deleted_at.is_(None)).order_by(Bus.leg, Bus.seq))
    return [_bus_row(session, b) for b in buses]


def buses_by_plate(session: Session, *, campaign_id: str, plate: str) -> list[BusRow]:
    plate = "".join(plate.split()).upper()
    rows = [b for b in list_buses(session, campaign_id=campaign_id) if b.plate == plate]
    if not rows:
        raise UserError(f"本活动没有车牌为 {plate} 的车辆", field="bus")
    return rows
