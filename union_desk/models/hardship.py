"""Hardship household files (困难职工档案, 一户一档), their members and status history."""
from __future__ import annotations

from datetime import date
from enum import Enum

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Field, SQLModel

from union_desk.models.base import RecordBase, enum_type, partial_index
from union_desk.models.personal import BankAccount, IdNumber, birth_year_of


class HardshipCategory(str, Enum):
    DEEP = "深度困难"
    RELATIVE = "相对困难"
    ACCIDENT = "意外致困"


class HouseholdStatus(str, Enum):
    ON_FILE = "在档"
    OUT = "脱困"
    CLOSED = "注销"
    RELAPSED = "返困"


# Statuses in which a household is helped (paid, visited, counted as "in file").
ACTIVE_STATUSES = (HouseholdStatus.ON_FILE, HouseholdStatus.RELAPSED)

# Suggestions for the entry form; the clerk may type another cause.
HARDSHIP_CAUSES = ("疾病", "残疾", "子女就学", "意外事故", "失业", "单亲", "自然灾害", "其他")
SELF_RELATION = "本人"


class HouseholdBase(SQLModel):
    member_id: str = Field(foreign_key="member.id", max_length=32)
    category: HardshipCategory = Field(sa_type=enum_type(HardshipCategory))
    category_reason: str = Field(default="", max_length=200,
                                 description="why the clerk chose another category than suggested")
    main_cause: str = Field(default="", max_length=20)
    secondary_causes: str = Field(default="", max_length=100, description="、-separated")
    cause_detail: str = Field(default="", max_length=500)
    health_status: str = Field(default="", max_length=40)
    disability_type: str = Field(default="", max_length=40)
    work_status: str = Field(default="", max_length=40)
    housing: str = Field(default="", max_length=100)
    bank_name: str = Field(default="", max_length=60)
    bank_account: str = Field(default="", max_length=40)
    built_by: str = Field(default="", max_length=40)
    checked_by: str = Field(default="", max_length=40)
    entered_by: str = Field(default="", max_length=40)
    reviewed_on: date | None = None


class Household(RecordBase, HouseholdBase, table=True):
    __tablename__ = "household"
    __table_args__ = (
        partial_index("ux_household_member", "member_id", where="deleted_at IS NULL"),
        sa.Index("ix_household_category", "category"),
        sa.Index("ix_household_status", "status"),
        sa.Index("ix_household_reviewed_on", "reviewed_on"),
    )

    suggested_category: HardshipCategory | None = Field(
        default=None, sa_type=enum_type(HardshipCategory), nullable=True)
    status: HouseholdStatus = Field(default=HouseholdStatus.ON_FILE,
                                    sa_type=enum_type(HouseholdStatus))
    status_date: date | None = None
    # computed on write from the household persons
    person_count: int = 0
    income_total_fen: int = 0
    income_per_head_fen: int = 0


class HouseholdPersonBase(SQLModel):
    name: str = Field(max_length=40)
    relation: str = Field(max_length=20)
    id_number: str = Field(default="", max_length=18)
    birth_date: date | None = None
    monthly_income_fen: int = 0
    health: str = Field(default="", max_length=40)
    school: str = Field(default="", max_length=60)


class HouseholdPerson(RecordBase, HouseholdPersonBase, table=True):
    __tablename__ = "household_person"
    __table_args__ = (sa.Index("ix_household_person_id_number", "id_number"),)

    household_id: str = Field(foreign_key="household.id", max_length=32, index=True)


class HouseholdEvent(RecordBase, table=True):
    """A dated status change with its reason (history of a household file)."""

    __tablename__ = "household_event"

    household_id: str = Field(foreign_key="household.id", max_length=32, index=True)
    status: HouseholdStatus = Field(sa_type=enum_type(HouseholdStatus))
    on: date
    reason: str = Field(default="", max_length=200)


class HouseholdPersonIn(HouseholdPersonBase):
    """A household person as entered (id: an existing person when editing); for 本人 the
    name, ID number and birth date come from the member."""

    id: str | None = None


class HouseholdCreate(HouseholdBase):
    """category None: take the suggestion from income per head."""

    category: HardshipCategory | None = None
    persons: list[HouseholdPersonIn] = []


class HouseholdUpdate(HouseholdCreate):
    pass


class HouseholdPersonRow(BaseModel):
    id: str
    name: str
    relation: str
    id_number: IdNumber
    birth_year: int | None  # only the year beside the masked ID number (models/personal.py)
    monthly_income_fen: int
    health: str
    school: str

    year_from_birth_date = birth_year_of


class HouseholdEventRow(BaseModel):
    status: HouseholdStatus
    on: date
    reason: str


class HouseholdRow(BaseModel):
    """One line of the households list."""

    id: str
    member_id: str
    member_name: str
    member_id_number: IdNumber
    union_id: str
    union_name: str
    employer: str
    category: HardshipCategory
    suggested_category: HardshipCategory | None
    status: HouseholdStatus
    status_date: date | None
    main_cause: str
    person_count: int
    income_per_head_fen: int
    reviewed_on: date | None


class HouseholdDetail(HouseholdRow):
    """The whole file, as the household page shows it."""

    category_reason: str
    secondary_causes: str
    cause_detail: str
    health_status: str
    disability_type: str
    work_status: str
    housing: str
    bank_name: str
    bank_account: BankAccount
    built_by: str
    checked_by: str
    entered_by: str
    income_total_fen: int
    persons: list[HouseholdPersonRow]
    history: list[HouseholdEventRow]
