"""Rest stations for outdoor workers (爱心驿家): stations, photos, inspections, subsidies,
monthly service counts, and the counter that issues station codes."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Field, SQLModel

from union_desk.models.base import RecordBase, enum_type, partial_index
from union_desk.models.personal import Phone


class StationKind(str, Enum):
    SELF_BUILT = "自建"
    CO_BUILT = "共建"


class StationStatus(str, Enum):
    IN_SERVICE = "在用"
    SUSPENDED = "暂停"
    CLOSED = "关闭"


class InspectionKind(str, Enum):
    ACCEPTANCE = "验收"
    REINSPECTION = "复验"


class SubsidyKind(str, Enum):
    BUILD = "建设补助"
    RUNNING = "运行补助"


# Kinds of outdoor worker counted each month: (column of ServiceCount, Chinese label).
WORKER_KINDS: tuple[tuple[str, str], ...] = (
    ("sanitation", "环卫工人"),
    ("courier", "快递员"),
    ("rider", "外卖骑手"),
    ("police", "交通警察"),
    ("other", "其他"),
)


class StationCounter(RecordBase, table=True):
    """The last sequence issued per code prefix (e.g. DY-YJ); codes are never reused."""

    __tablename__ = "station_counter"
    __table_args__ = (sa.Index("ux_station_counter_prefix", "prefix", "township", unique=True),)

    prefix: str = Field(max_length=16)
    last_seq: int = 0


class StationBase(SQLModel):
    name: str = Field(max_length=100)
    kind: StationKind = Field(sa_type=enum_type(StationKind))
    host_unit: str = Field(default="", max_length=100)
    host_credit_code: str = Field(default="", max_length=18)
    union_id: str | None = Field(default=None, foreign_key="grassroots_union.id", max_length=32)
    address: str = Field(default="", max_length=200)
    latitude: float | None = None
    longitude: float | None = None
    opening_hours: str = Field(default="", max_length=100)
    is_24h: bool = False
    manager: str = Field(default="", max_length=40)
    manager_phone: str = Field(default="", max_length=11)
    registered_on: date


class Station(RecordBase, StationBase, table=True):
    __tablename__ = "station"
    __table_args__ = (
        # unique over every row ever written, tombstoned or closed: a code is never reused
        sa.Index("ux_station_code", "code", "township", unique=True),
        sa.Index("ix_station_status", "status"),
        sa.Index("ix_station_name_key", "name_key"),
        sa.Index("ix_station_py_initials", "py_initials"),
    )

    code: str = Field(max_length=20)
    area_tenths: int = Field(default=0, description="floor area in 0.1 m²")
    facilities: str = Field(default="[]", description="JSON list of facility keys present")
    status: StationStatus = Field(default=StationStatus.IN_SERVICE,
                                  sa_type=enum_type(StationStatus))
    status_date: date | None = None
    # search columns, computed on write
    name_key: str = Field(default="", max_length=100)
    py_initials: str = Field(default="", max_length=100)


class StationStatusEvent(RecordBase, table=True):
    """A dated status change with its reason (the station's history)."""

    __tablename__ = "station_status_event"

    station_id: str = Field(foreign_key="station.id", max_length=32, index=True)
    status: StationStatus = Field(sa_type=enum_type(StationStatus))
    on: date
    reason: str = Field(default="", max_length=200)


class StationPhoto(RecordBase, table=True):
    """A photo kept inside the database, so backups and exports carry it."""

    __tablename__ = "station_photo"

    station_id: str = Field(foreign_key="station.id", max_length=32, index=True)
    filename: str = Field(max_length=200)
    mime: str = Field(max_length=40)
    taken_on: date | None = None
    size: int = 0
    data: bytes = Field(sa_type=sa.LargeBinary(), repr=False)


class Inspection(RecordBase, table=True):
    __tablename__ = "station_inspection"

    station_id: str = Field(foreign_key="station.id", max_length=32, index=True)
    kind: InspectionKind = Field(sa_type=enum_type(InspectionKind))
    on: date
    inspector: str = Field(max_length=100)
    results: str = Field(default="{}", description="JSON {checklist key: true/false}")
    passed: bool = False
    remarks: str = Field(default="", max_length=500)
    fix_by: date | None = None  # a failed inspection: the deadline for the fixes (整改期限)


class StationSubsidy(RecordBase, table=True):
    """Build grant or running subsidy, paid to the host unit as a Payment with its voucher.

    Rows entered before the join (migration 0006) keep payment_id NULL."""

    __tablename__ = "station_subsidy"

    station_id: str = Field(foreign_key="station.id", max_length=32, index=True)
    kind: SubsidyKind = Field(sa_type=enum_type(SubsidyKind))
    amount_fen: int
    paid_on: date
    note: str = Field(default="", max_length=200)
    payment_id: str | None = Field(default=None, foreign_key="payment.id", max_length=32,
                                   index=True)


class ServiceCount(RecordBase, table=True):
    """People served by one station in one month (month = its first day), by kind of worker."""

    __tablename__ = "station_service_count"
    __table_args__ = (
        partial_index("ux_station_service_count_month", "station_id", "month",
                      where="deleted_at IS NULL"),
    )

    station_id: str = Field(foreign_key="station.id", max_length=32, index=True)
    month: date
    sanitation: int = 0
    courier: int = 0
    rider: int = 0
    police: int = 0
    other: int = 0


# -- what services accept and return ---------------------------------------------------------

class StationCreate(BaseModel):
    """What the clerk enters. Plain types only: the service checks lengths and formats and
    answers in Chinese (pydantic's own constraint errors would reach the clerk in English)."""

    name: str
    kind: StationKind
    host_unit: str = ""
    host_credit_code: str = ""
    union_id: str | None = None
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    area_m2: Decimal
    opening_hours: str = ""
    is_24h: bool = False
    manager: str = ""
    manager_phone: str = ""
    registered_on: date
    facilities: list[str] = []


class StationUpdate(StationCreate):
    pass


class StationRow(BaseModel):
    id: str
    code: str
    name: str
    kind: StationKind
    host_unit: str
    host_credit_code: str
    credit_warning: str | None
    union_id: str | None
    union_name: str | None
    address: str
    latitude: float | None
    longitude: float | None
    area_m2: Decimal
    opening_hours: str
    is_24h: bool
    manager: str
    manager_phone: Phone
    registered_on: date
    facilities: list[str]
    status: StationStatus
    status_date: date | None
    missing: list[str]
    missing_labels: list[str]
    last_inspection_on: date | None
    last_inspection_passed: bool | None
    next_inspection_due: date | None
    updated_at: datetime


class StationStatusEventRow(BaseModel):
    status: StationStatus
    on: date
    reason: str


class StationPhotoRow(BaseModel):
    id: str
    station_id: str
    filename: str
    mime: str
    taken_on: date | None
    size: int


class InspectionCreate(BaseModel):
    station_id: str
    kind: InspectionKind
    on: date
    inspector: str
    results: dict[str, bool]
    passed: bool | None = None  # None: passed when every required item is met
    remarks: str = ""
    fix_by: date | None = None  # required when the station fails


class InspectionRow(BaseModel):
    id: str
    station_id: str
    station_code: str
    station_name: str
    kind: InspectionKind
    on: date
    inspector: str
    results: dict[str, bool]
    passed: bool
    remarks: str
    fix_by: date | None = None


class SubsidyRow(BaseModel):
    id: str
    station_id: str
    kind: SubsidyKind
    amount_fen: int
    paid_on: date
    note: str
    payment_id: str | None = None
    voucher_no: str = ""  # of its payment; "" for a subsidy recorded before the join


class ServiceCountRow(BaseModel):
    station_id: str
    month: date
    counts: dict[str, int]  # column key → people

    @property
    def total(self) -> int:
        return sum(self.counts.values())
