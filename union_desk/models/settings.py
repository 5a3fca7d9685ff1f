"""Key/value settings kept in the database (township, clerk, policy thresholds...)."""
from __future__ import annotations

from sqlmodel import Field

from union_desk.models.base import RecordBase


class Setting(RecordBase, table=True):
    __tablename__ = "setting"

    key: str = Field(max_length=64, unique=True)
    value: str = Field(default="null", description="JSON text")
