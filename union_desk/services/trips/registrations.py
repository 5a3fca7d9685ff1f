"""Registrations for a shuttle-bus campaign: add, edit, cancel, list and search.

The same person (ID number) is registered at most once per campaign while the registration
stands; a cancelled registration frees its seats, each offered to the first on the waiting list.
"""
from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, select

from union_desk.dialect import contains_ci, startswith_ci
from union_desk.domain.errors import RuleError
from union_desk.domain.idcard import parse_id_number
from union_desk.domain.names import clean_name, strip_invisible
from union_desk.domain.phone import parse_mobile
from union_desk.domain.places import Place, parse_place, resolve_place
from union_desk.domain.search import normalise_search
from union_desk.domain.seating import destination_key
from union_desk.models.base import utcnow
from union_desk.models.member import Member
from union_desk.models.personal import IdNumber, Phone, full_numbers, kept_or_typed
from union_desk.services.accounts.reveals import Door, authorise_reveal
from union_desk.models.trips import (Bus, CancelResult, Registration, RegistrationCreate,
                                     RegistrationRow, RegistrationStatus, SeatInfo, TripSeat,
                                     registration_search_columns)
from union_desk.services.common.masked_order import shown_id_number, shown_phone
from union_desk.services.common.problems import ProblemList
from union_desk.services.errors import UserError
from union_desk.services.trips.campaigns import bus_spec, get_campaign
from union_desk.services.trips.seats import leg_buses, offer_seat, stop_keys

LIVE = RegistrationStatus.REGISTERED


def clean_registration(data: RegistrationCreate) -> RegistrationCreate:
    """Normalised copy of the entered data; `Problems` (a UserError naming the first bad field)
    lists every bad field."""
    found = ProblemList()
    name = found.take("name", clean_name, data.name, default="")
    card = found.take("id_number", parse_id_number, data.id_number)
    phone = found.take("phone", parse_mobile, data.phone, default="")
    emergency_phone = "".join(data.emergency_phone.split())
    if emergency_phone:
        try:
            emergency_phone = parse_mobile(emergency_phone)
        except RuleError:
            if not (emergency_phone.replace("-", "").isdigit() and 7 <= len(emergency_phone) <= 20):
                found.add("emergency_phone", f"紧急联系电话格式错误：{emergency_phone}")
    place = Place("", "", "")
    if not "".join((data.province + data.city + data.county).split()):
        found.add("province", "请填写目的地省份（或市、县）")
    else:
        place = found.take("province", resolve_place, data.province, data.city, data.county,
                           default=place)
    found.raise_if_any()
    return RegistrationCreate(
        name=name, id_number=card.number, phone=phone, employer=data.employer.strip(),
        province=place.province, city=place.city, county=place.county,
        emergency_name="".join(strip_invisible(data.emergency_name).split()),
        emergency_phone=emergency_phone, insurance_no="".join(data.insurance_no.split()),
        legs=data.legs)


def split_destination(text: str) -> Place:
    """A destination typed in one piece (贵州黔东南榕江, or a full address) as province, city
    and county; UserError with the reason when it cannot be placed."""
    try:
        return parse_place(text)
    except RuleError as err:
        raise UserError(str(err), field="destination") from None


def member_for(session: Session, data: RegistrationCreate) -> str | None:
    """The roster member with this ID number, if any; refuses a different name."""
    member = session.exec(select(Member).where(Member.id_number == data.id_number,
                                               Member.deleted_at.is_(None))).first()
    if member is None:
        return None
    if member.name != data.name:
        raise UserError(f"身份证号 {IdNumber(data.id_number)} 在会员名册中属于“{member.name}”，"
                        f"与填写的姓名“{data.name}”不一致", field="name")
    return member.id


def duplicate_message(first: Registration) -> str:
    when = first.created_at.date().isoformat()
    return (f"{first.name}（身份证号 {IdNumber(first.id_number)}）已在本活动登记："
            f"第 {first.seq} 号，{when} 登记，同一人不能重复登记")


def live_registration(session: Session, campaign_id: str, id_number: str) -> Registration | None:
    return session.exec(select(Registration).where(
        Registration.campaign_id == campaign_id, Registration.id_number == id_number,
        Registration.deleted_at.is_(None), Registration.status == LIVE)).first()


def next_seq(session: Session, campaign_id: str) -> int:
    last = session.scalar(sa.select(sa.func.max(Registration.seq))
                          .where(Registration.campaign_id == campaign_id))
    return (last or 0) + 1


def add_registration(session: Session, *, campaign_id: str,
                     data: RegistrationCreate) -> RegistrationRow:
    """Register one worker; they join the waiting list of each leg until seats are assigned."""
    get_campaign(session, campaign_id=campaign_id)
    data = clean_registration(data)
    first = live_registration(session, campaign_id, data.id_number)
    if first is not None:
        raise UserError(duplicate_message(first), field="id_number")
    reg = Registration(campaign_id=campaign_id, seq=next_seq(session, campaign_id),
                       member_id=member_for(session, data),
                       **registration_search_columns(data.name), **data.model_dump())
    session.add(reg)
    session.flush()
    for leg in data.legs.legs():
        session.add(TripSeat(registration_id=reg.id, leg=leg))
    session.flush()
    return registration_rows(session, [reg])[0]


def get_registration(session: Session, *, registration_id: str) -> Registration:
    reg = session.get(Registration, registration_id)
    if reg is None or reg.deleted_at is not None:
        raise UserError("找不到该登记")
    return reg


def registration_rows(session: Session, regs: list[Registration]) -> list[RegistrationRow]:
    """Plain rows with their seats (one query for the seats of all of them)."""
    ids = [r.id for r in regs]
    seats: dict[str, list[SeatInfo]] = {i: [] for i in ids}
    if ids:
        q = (sa.select(TripSeat, Bus.plate).join(Bus, Bus.id == TripSeat.bus_id, isouter=True)
             .where(TripSeat.registration_id.in_(ids), TripSeat.deleted_at.is_(None))
             .order_by(TripSeat.leg))
        for seat, plate in session.execute(q):
            seats[seat.registration_id].append(SeatInfo(
                seat_id=seat.id, leg=seat.leg, bus_id=seat.bus_id, plate=plate,
                seat_no=seat.seat_no, boarded_at=seat.boarded_at))
    return [RegistrationRow(seats=seats[r.id], **r.model_dump(
        include=set(RegistrationRow.model_fields) - {"seats"})) for r in regs]


def registration_row(session: Session, *, registration_id: str) -> RegistrationRow:
    reg = get_registration(session, registration_id=registration_id)
    return registration_rows(session, [reg])[0]


def registration_for_edit(session: Session, *, registration_id: str,
                          reason: str = "") -> dict[str, str]:
    """The registration's ID number and phones in full, for the edit form: an audited reveal
    (who may, and when with a reason: services/accounts/reveals.py), so in a write session."""
    row = registration_row(session, registration_id=registration_id)
    return full_numbers(row, authorise_reveal(
        session, door=Door.EDIT_FORM, reason=reason, what="修改返乡专车登记",
        table_name="trip_registration", record_id=row.id))


def update_registration(session: Session, *, registration_id: str,
                        data: RegistrationCreate) -> RegistrationRow:
    """Correct a registration; a leg no longer travelled frees its seat for the waiting list."""
    reg = get_registration(session, registration_id=registration_id)
    if reg.status != LIVE:
        raise UserError("该登记已取消，不能修改")
    data = data.model_copy(update={  # numbers left masked in the form keep the stored ones
        name: kept_or_typed(kind, getattr(data, name), getattr(reg, name))
        for name, kind in (("id_number", IdNumber), ("phone", Phone),
                           ("emergency_phone", Phone))})
    data = clean_registration(data)
    first = live_registration(session, reg.campaign_id, data.id_number)
    if first is not None and first.id != reg.id:
        raise UserError(duplicate_message(first), field="id_number")
    reg.member_id = member_for(session, data)
    for key, value in data.model_dump().items():
        setattr(reg, key, value)
    for key, value in registration_search_columns(data.name).items():
        setattr(reg, key, value)
    seats = {s.leg: s for s in session.exec(select(TripSeat).where(
        TripSeat.registration_id == reg.id, TripSeat.deleted_at.is_(None)))}
    wanted = data.legs.legs()
    for leg, seat in seats.items():
        if leg not in wanted:
            _release(session, seat)
        elif seat.bus_id is not None and not _bus_serves(session, seat.bus_id, reg):
            _back_to_waiting(session, seat)
    for leg in wanted:
        if leg not in seats:
            session.add(TripSeat(registration_id=reg.id, leg=leg))
    session.flush()
    return registration_rows(session, [reg])[0]


def _bus_serves(session: Session, bus_id: str, reg: Registration) -> bool:
    """Whether the bus's route still takes this passenger where the registration now says."""
    bus = session.get(Bus, bus_id)
    stops = stop_keys(leg_buses(session, bus.campaign_id, bus.leg))
    return destination_key(reg.province, reg.city, reg.county, stops) in bus_spec(bus).stops


def _back_to_waiting(session: Session, seat: TripSeat) -> None:
    """A corrected destination this bus does not go to: the passenger waits again (in their
    registration order) and the seat goes to the first waiting passenger the bus serves."""
    bus, seat_no = session.get(Bus, seat.bus_id), seat.seat_no
    seat.bus_id, seat.seat_no, seat.boarded_at = None, None, None
    session.flush()
    if seat_no is not None:
        offer_seat(session, bus=bus, seat_no=seat_no)


def _release(session: Session, seat: TripSeat) -> tuple[str, object] | None:
    """Tombstone a seat row; if it held a seat, offer that seat to the waiting list."""
    bus_id, seat_no = seat.bus_id, seat.seat_no
    seat.deleted_at = utcnow()
    session.flush()
    if bus_id is None or seat_no is None:
        return None
    bus = session.get(Bus, bus_id)
    return f"{bus.plate} {seat_no}号", offer_seat(session, bus=bus, seat_no=seat_no)


def cancel_registration(session: Session, *, registration_id: str,
                        reason: str = "") -> CancelResult:
    """Cancel a registration; each freed seat goes to the first waiting passenger it can serve."""
    reg = get_registration(session, registration_id=registration_id)
    if reg.status != LIVE:
        raise UserError(f"{reg.name} 的登记（第 {reg.seq} 号）已取消")
    row = registration_rows(session, [reg])[0]
    reg.status, reg.cancelled_on, reg.cancel_reason = (
        RegistrationStatus.CANCELLED, date.today(), reason.strip()[:200])
    freed, offered = [], []
    for seat in session.exec(select(TripSeat).where(TripSeat.registration_id == reg.id,
                                                    TripSeat.deleted_at.is_(None))).all():
        released = _release(session, seat)
        if released:
            freed.append(released[0])
            if released[1] is not None:
                offered.append(released[1])
    session.flush()
    return CancelResult(registration=row.model_copy(update={"status": reg.status}),
                        freed=freed, offered_to=offered)


SORTS = {"seq": Registration.seq, "name": Registration.name_key,  # masked: by what they show
         "id_number": shown_id_number(Registration.id_number),
         "phone": shown_phone(Registration.phone),
         "employer": Registration.employer, "destination": Registration.province,
         "legs": Registration.legs, "status": Registration.status}


def _filtered(campaign_id: str, text: str, status: RegistrationStatus | None):
    q = sa.select(Registration).where(Registration.campaign_id == campaign_id,
                                      Registration.deleted_at.is_(None))
    if status is not None:
        q = q.where(Registration.status == status)
    kind, text = normalise_search(text)
    if kind:
        q = q.where(sa.or_(contains_ci(Registration.name_key, text),
                           startswith_ci(Registration.py_initials, text),
                           startswith_ci(Registration.py_initials_alt, text),
                           contains_ci(Registration.id_number, text),
                           contains_ci(Registration.phone, text),
                           contains_ci(Registration.employer, text),
                           contains_ci(Registration.province + Registration.city
                                       + Registration.county, text)))
    return q


def list_registrations(session: Session, *, campaign_id: str, text: str = "",
                       status: RegistrationStatus | None = None, sort: str = "seq",
                       descending: bool = False, offset: int = 0,
                       limit: int = 200) -> list[RegistrationRow]:
    """One page of registrations, filtered and sorted in SQL."""
    column = SORTS.get(sort, Registration.seq)
    order = column.desc() if descending else column.asc()
    q = (_filtered(campaign_id, text, status)
         .order_by(order, Registration.seq).offset(offset).limit(limit))
    return registration_rows(session, list(session.scalars(q)))


def count_registrations(session: Session, *, campaign_id: str, text: str = "",
                        status: RegistrationStatus | None = None) -> int:
    q = _filtered(campaign_id, text, status).with_only_columns(sa.func.count())
    return session.scalar(q) or 0
