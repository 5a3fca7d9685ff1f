"""Shuttle-bus campaigns (返乡专车): campaigns, buses, registrations and their seats.

Departure time: a bus's scheduled departure is a local (Beijing) wall-clock time printed on the
manifest, not an event timestamp, so it is kept as ``departs_on: date`` + ``departs_time: str``
("HH:MM", checked by the service) with no time zone: no tz database needed on Windows, and the
text reads the same in the file, the audit trail and the printout. Event timestamps
(boarded_at) are UTC-aware like every other timestamp.

Seats: a registration travels on one or both legs (去程 / 返程 / 往返); each leg it travels on
has one ``TripSeat`` row. A seat row with no bus is on that leg's waiting list.
"""
from __future__ import annotations

from datetime import date, datetime
from enum import Enum

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Field, SQLModel

from union_desk.domain.pinyin import name_key, person_spelling
from union_desk.models.base import RecordBase, UTCDateTime, enum_type, partial_index
from union_desk.models.personal import IdNumber, Phone


class TripLeg(str, Enum):
    OUTBOUND = "去程"
    RETURN = "返程"


class TripLegs(str, Enum):
    OUTBOUND = "去程"
    RETURN = "返程"
    BOTH = "往返"

    def legs(self) -> list[TripLeg]:
        if self is TripLegs.BOTH:
            return [TripLeg.OUTBOUND, TripLeg.RETURN]
        return [TripLeg(self.value)]


class RegistrationStatus(str, Enum):
    REGISTERED = "已登记"
    CANCELLED = "已取消"


# -- campaigns --------------------------------------------------------------------------------

class CampaignBase(SQLModel):
    name: str = Field(max_length=60)
    starts_on: date | None = None
    ends_on: date | None = None
    notes: str = Field(default="", max_length=400)
    contact_phone: str = Field(default="", max_length=20)  # the union's, printed on notices


class TripCampaign(RecordBase, CampaignBase, table=True):
    __tablename__ = "trip_campaign"
    __table_args__ = (
        partial_index("ux_trip_campaign_name", "name", "township", where="deleted_at IS NULL"),
    )


class CampaignCreate(CampaignBase):
    pass


class CampaignRow(BaseModel):
    id: str
    name: str
    starts_on: date | None
    ends_on: date | None
    notes: str
    contact_phone: str = ""
    buses: int
    registered: int


# -- buses ------------------------------------------------------------------------------------

class BusBase(SQLModel):
    leg: TripLeg = Field(default=TripLeg.OUTBOUND, sa_type=enum_type(TripLeg))
    plate: str = Field(max_length=12)
    carrier: str = Field(default="", max_length=100)
    driver: str = Field(default="", max_length=40)
    driver_phone: str = Field(default="", max_length=20)
    contract_no: str = Field(default="", max_length=40)
    seats: int = Field(ge=1, le=99)
    departs_on: date | None = None
    departs_time: str = Field(default="", max_length=5, description="HH:MM local time or empty")
    departure_place: str = Field(default="", max_length=100)
    destination: str = Field(max_length=60)
    stops_json: str = Field(default="[]", description="route stops in order, JSON list of text")


class Bus(RecordBase, BusBase, table=True):
    __tablename__ = "trip_bus"
    __table_args__ = (
        partial_index("ux_trip_bus_plate", "campaign_id", "leg", "plate",
                      where="deleted_at IS NULL"),
    )

    campaign_id: str = Field(foreign_key="trip_campaign.id", max_length=32, index=True)
    seq: int = Field(default=0, description="bus order within the campaign (车次)")


class BusCreate(SQLModel):
    """What the clerk enters; ``stops`` empty means the route is just the destination."""

    leg: TripLeg = TripLeg.OUTBOUND
    plate: str
    carrier: str = ""
    driver: str = ""
    driver_phone: str = ""
    contract_no: str = ""
    seats: int
    departs_on: date | None = None
    departs_time: str = ""
    departure_place: str = ""
    destination: str
    stops: list[str] = []


class BusRow(BaseModel):
    id: str
    campaign_id: str
    seq: int
    leg: TripLeg
    plate: str
    carrier: str
    driver: str
    driver_phone: str
    contract_no: str
    seats: int
    departs_on: date | None
    departs_time: str
    departure_place: str
    destination: str
    stops: list[str]
    seated: int
    boarded: int

    @property
    def missing(self) -> int:
        return self.seated - self.boarded

    @property
    def departs_text(self) -> str:
        day = self.departs_on.isoformat() if self.departs_on else ""
        return f"{day} {self.departs_time}".strip()


# -- registrations and seats ------------------------------------------------------------------

class RegistrationBase(SQLModel):
    name: str = Field(max_length=40)
    id_number: str = Field(max_length=18)
    phone: str = Field(default="", max_length=11)
    employer: str = Field(default="", max_length=100)
    province: str = Field(default="", max_length=20)
    city: str = Field(default="", max_length=30)
    county: str = Field(default="", max_length=30)
    emergency_name: str = Field(default="", max_length=40)
    emergency_phone: str = Field(default="", max_length=20)
    insurance_no: str = Field(default="", max_length=40)
    legs: TripLegs = Field(default=TripLegs.OUTBOUND, sa_type=enum_type(TripLegs))


class Registration(RecordBase, RegistrationBase, table=True):
    __tablename__ = "trip_registration"
    __table_args__ = (
        partial_index("ux_trip_registration_person", "campaign_id", "id_number",
                      where="deleted_at IS NULL AND status = '已登记'"),
        sa.Index("ux_trip_registration_seq", "campaign_id", "seq", unique=True),
        sa.Index("ix_trip_registration_name_key", "name_key"),
        sa.Index("ix_trip_registration_py", "py_initials"),
        sa.Index("ix_trip_registration_py_alt", "py_initials_alt"),
        sa.Index("ix_trip_registration_phone", "phone"),
    )

    campaign_id: str = Field(foreign_key="trip_campaign.id", max_length=32)
    member_id: str | None = Field(default=None, foreign_key="member.id", max_length=32, index=True)
    seq: int = Field(description="registration order within the campaign, never reused")
    status: RegistrationStatus = Field(default=RegistrationStatus.REGISTERED,
                                       sa_type=enum_type(RegistrationStatus))
    cancelled_on: date | None = None
    cancel_reason: str = Field(default="", max_length=200)
    # search columns, computed on write
    name_key: str = Field(default="", max_length=40)
    py_initials: str = Field(default="", max_length=40)  # the surname read as a surname
    py_initials_alt: str = Field(default="", max_length=40)  # the ordinary reading, if another


def registration_search_columns(name: str) -> dict[str, str]:
    """The search columns of a registration (every write of the name sets them)."""
    spelling = person_spelling(name)
    return dict(name_key=name_key(name), py_initials=spelling.initials,
                py_initials_alt=spelling.alt_initials)


class TripSeat(RecordBase, table=True):
    __tablename__ = "trip_seat"
    __table_args__ = (
        partial_index("ux_trip_seat_leg", "registration_id", "leg", where="deleted_at IS NULL"),
        partial_index("ux_trip_seat_bus_seat", "bus_id", "seat_no",
                      where="deleted_at IS NULL AND bus_id IS NOT NULL"),
    )

    registration_id: str = Field(foreign_key="trip_registration.id", max_length=32, index=True)
    leg: TripLeg = Field(sa_type=enum_type(TripLeg))
    bus_id: str | None = Field(default=None, foreign_key="trip_bus.id", max_length=32)
    seat_no: int | None = None
    boarded_at: datetime | None = Field(default=None, sa_type=UTCDateTime(), nullable=True)


class RegistrationCreate(RegistrationBase):
    """As typed (before the service normalises it): room for spaces and hyphens."""

    id_number: str = Field(max_length=24)
    phone: str = Field(default="", max_length=20)
    emergency_phone: str = Field(default="", max_length=24)


class SeatInfo(BaseModel):
    seat_id: str
    leg: TripLeg
    bus_id: str | None
    plate: str | None
    seat_no: int | None
    boarded_at: datetime | None


class RegistrationRow(BaseModel):
    id: str
    campaign_id: str
    seq: int
    member_id: str | None
    name: str
    id_number: IdNumber
    phone: Phone
    employer: str
    province: str
    city: str
    county: str
    emergency_name: str
    emergency_phone: Phone
    insurance_no: str
    legs: TripLegs
    status: RegistrationStatus
    created_at: datetime
    seats: list[SeatInfo] = []

    @property
    def is_member(self) -> bool:
        return self.member_id is not None

    @property
    def destination(self) -> str:
        return "".join(p for p in (self.province, self.city, self.county) if p)


class PassengerRow(BaseModel):
    """One seat with its passenger: what the bus list, manifest and export read."""

    seat_id: str
    registration_id: str
    seq: int
    leg: TripLeg
    bus_id: str | None
    seat_no: int | None
    boarded_at: datetime | None
    name: str
    id_number: IdNumber
    phone: Phone
    employer: str
    destination: str
    emergency_name: str
    emergency_phone: Phone
    insurance_no: str
    is_member: bool


class CancelResult(BaseModel):
    registration: RegistrationRow
    freed: list[str]  # "浙A12345 12号"
    offered_to: list[PassengerRow]  # who took the freed seats from the waiting list


class BusLoad(BaseModel):
    bus: BusRow
    passengers: list[PassengerRow]


class AssignReport(BaseModel):
    campaign: str
    seated_now: int  # seats given by this run
    buses: list[BusLoad]
    waiting: list[PassengerRow]
    unserved: list[str]  # destinations on the waiting list that no bus's route serves


class FigureLine(BaseModel):
    label: str
    registered: int
    seated: int
    waiting: int
    boarded: int


class CampaignFigures(BaseModel):
    """Registered and cancelled count people; seated, waiting and boarded count seats (人次)."""

    campaign: str
    registered: int
    cancelled: int
    members: int
    seated: int
    waiting: int
    boarded: int
    buses: int
    seats: int
    by_province: list[FigureLine]
    by_employer: list[FigureLine]
