"""Grassroots unions (基层工会)."""
from __future__ import annotations

from datetime import date, datetime
from enum import Enum

from pydantic import BaseModel
from sqlmodel import Field, SQLModel

from union_desk.models.base import RecordBase, enum_type


class UnionStatus(str, Enum):
    ACTIVE = "在册"
    CLOSED = "撤销"


class UnionBase(SQLModel):
    name: str = Field(max_length=100)
    credit_code: str = Field(default="", max_length=18)
    chair: str = Field(default="", max_length=40)
    phone: str = Field(default="", max_length=20)
    founded: date | None = None


class GrassrootsUnion(RecordBase, UnionBase, table=True):
    __tablename__ = "grassroots_union"
    __audit_exclude__ = frozenset({"py_full"})  # made from the name on every write

    status: UnionStatus = Field(default=UnionStatus.ACTIVE, sa_type=enum_type(UnionStatus))
    closed_on: date | None = None
    closed_reason: str = Field(default="", max_length=200)
    py_full: str = Field(default="", max_length=200, description="pinyin of the name, for sorting")


class UnionCreate(UnionBase):
    pass


class UnionUpdate(UnionBase):
    pass


class UnionRow(BaseModel):
    id: str
    name: str
    credit_code: str
    credit_warning: str | None
    chair: str
    phone: str
    founded: date | None
    status: UnionStatus
    closed_on: date | None
    closed_reason: str
    member_count: int
    updated_at: datetime

    @property
    def takes_members(self) -> bool:
        """Open to new members: a closed union keeps its history and takes no one."""
        return self.status == UnionStatus.ACTIVE
