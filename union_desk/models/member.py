"""Members (会员) and their status history."""
from __future__ import annotations

from datetime import date
from enum import Enum

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Field, SQLModel

from union_desk.domain.pinyin import PersonSpelling, name_key, person_spelling
from union_desk.models.base import RecordBase, enum_type, partial_index
from union_desk.models.personal import IdNumber, Phone, birth_year_of


class MemberStatus(str, Enum):
    ACTIVE = "在册"
    TRANSFERRED = "转出"
    LEFT = "退会"
    DECEASED = "死亡"


class MemberEventKind(str, Enum):
    JOINED = "入会"
    TRANSFER = "转会"
    TRANSFERRED_OUT = "转出"
    LEFT = "退会"
    DECEASED = "死亡"
    REINSTATED = "恢复"


class MemberBase(SQLModel):
    name: str = Field(max_length=40)
    id_number: str = Field(max_length=20)
    phone: str = Field(default="", max_length=20)
    ethnicity: str = Field(default="汉族", max_length=20)
    employer: str = Field(default="", max_length=100)
    union_id: str = Field(foreign_key="grassroots_union.id", max_length=32, index=True)
    join_date: date | None = None
    card_no: str | None = Field(default=None, max_length=30)
    is_migrant: bool = False
    hukou_type: str = Field(default="", max_length=20)


# the search's walk in name order (py_full, id) carries every column a search compares, the
# township (the city's window shows one township at a time) and deleted_at (always NULL here,
# but a query names it: without it SQLite would read each member's row to test it)
WALK_COLUMNS = ("py_full", "id", "name_key", "py_initials", "py_initials_alt", "py_full_alt",
                "id_number", "phone", "card_no", "township", "deleted_at")


# made from the name on every write (`search_columns`): kept out of the audit trail, which holds
# what a clerk wrote
SEARCH_COLUMNS = ("name_key", "py_initials", "py_full", "py_initials_alt", "py_full_alt")


class Member(RecordBase, MemberBase, table=True):
    __tablename__ = "member"
    __audit_exclude__ = frozenset(SEARCH_COLUMNS)
    __table_args__ = (
        partial_index("ux_member_id_number", "id_number", "township", where="deleted_at IS NULL"),
        partial_index("ux_member_card_no", "card_no", "township",
                      where="card_no IS NOT NULL AND deleted_at IS NULL"),
        sa.Index("ix_member_card_no", "card_no"),  # a full index, so an OR of prefixes uses it
        sa.Index("ix_member_id_number", "id_number"),  # full, so an OR of prefixes uses it
        sa.Index("ix_member_py_initials", "py_initials"),
        sa.Index("ix_member_status", "status"),
        # the search (services/common/member_search.py, migration 0017): live members in name
        # order with what a search compares, so a search with many hits walks it; a name's
        # characters from the second and third on, so any part of a short name is an index range
        partial_index("ix_member_walk", *WALK_COLUMNS, where="deleted_at IS NULL", unique=False),
        partial_index("ix_member_surname", sa.text("substr(name_key, 1, 1)"), "py_full", "id",
                      "name_key", "township", "deleted_at", where="deleted_at IS NULL",
                      unique=False),
        partial_index("ix_member_alt", "py_full", "id", "py_initials_alt", "py_full_alt",
                      "township", "deleted_at", where="py_full_alt != '' AND deleted_at IS NULL",
                      unique=False, sparse=True),
        # the few members with another reading of their surname, by its initials and its full
        # pinyin: a search's count of them reads a range, not all of them (migration 0018)
        partial_index("ix_member_alt_initials", "py_initials_alt",
                      where="py_full_alt != '' AND deleted_at IS NULL", unique=False, sparse=True),
        partial_index("ix_member_alt_full", "py_full_alt",
                      where="py_full_alt != '' AND deleted_at IS NULL", unique=False, sparse=True),
        sa.Index("ix_member_name_2", sa.text("substr(name_key, 2)")),
        sa.Index("ix_member_name_3", sa.text("substr(name_key, 3)")),
        partial_index("ix_member_name_long", "name_key", where="length(name_key) > 3",
                      unique=False, sparse=True),
        # each union's members on the roll counted from the index alone (migration 0017)
        partial_index("ix_member_union_live", "union_id", "status", "deleted_at",
                      where="deleted_at IS NULL", unique=False),
    )

    gender: str = Field(default="", max_length=2)
    birth_date: date | None = None
    status: MemberStatus = Field(default=MemberStatus.ACTIVE, sa_type=enum_type(MemberStatus))
    status_date: date | None = None
    # search columns, computed on write by `search_columns`
    name_key: str = Field(default="", max_length=40)
    py_initials: str = Field(default="", max_length=40)  # the surname read as a surname
    py_full: str = Field(default="", max_length=200)  # also the sort key of names
    py_initials_alt: str = Field(default="", max_length=40)  # the ordinary reading, if another
    py_full_alt: str = Field(default="", max_length=200)


# The engine's own part of the search (migration 0017), outside the models' metadata: SQLite's
# FTS5 table of ID and phone digits (with its shadow tables and the triggers on member that keep
# it exact) and PostgreSQL's trigram indexes on the same columns (and 0019's by name part).
DIGITS_TABLE = "member_digits"
TRIGRAM_INDEXES = ("ix_member_id_number_trgm", "ix_member_phone_trgm",
                   # one per part of the name order (0019, search_sql.NAME_PARTS)
                   *(f"ix_member_numbers_trgm_{part}" for part in range(8)))


def is_search_structure(name: str) -> bool:
    """A table or index of the engine's own search structures (not a record table)."""
    return name == DIGITS_TABLE or name.startswith(DIGITS_TABLE + "_") or name in TRIGRAM_INDEXES


def autogenerate_includes(_obj, name, kind, reflected, _compare_to) -> bool:
    """Alembic's include_object: comparing the models with a database leaves the engine's own
    search structures alone (migrations/env.py and the schema tests)."""
    return not (reflected and kind in ("table", "index") and is_search_structure(name or ""))


def search_columns(*, name: str, spelling: PersonSpelling | None = None) -> dict[str, str]:
    """The search columns of a member (every write of a name sets them; the digits of its ID
    number and phone are the engine's own index, `search_sql`); `spelling`: the name's
    `person_spelling` when already known (an import spells its names together,
    `person_spellings`)."""
    spelling = spelling or person_spelling(name)
    return dict(name_key=name_key(name), py_initials=spelling.initials, py_full=spelling.full,
                py_initials_alt=spelling.alt_initials, py_full_alt=spelling.alt_full)


class MemberEvent(RecordBase, table=True):
    """A dated status change with its reason (history of a member)."""

    __tablename__ = "member_event"

    member_id: str = Field(foreign_key="member.id", max_length=32, index=True)
    kind: MemberEventKind = Field(sa_type=enum_type(MemberEventKind))
    on: date
    reason: str = Field(default="", max_length=200)
    from_union_id: str | None = Field(default=None, foreign_key="grassroots_union.id", max_length=32)
    to_union_id: str | None = Field(default=None, foreign_key="grassroots_union.id", max_length=32)


class MemberCreate(MemberBase):
    pass


class MemberUpdate(MemberBase):
    pass


class MemberRow(BaseModel):
    """What views, exports and reports read: personal numbers masked (models/personal.py), and
    of the birth date only the year, which is all a masked row may show beside the ID number."""

    id: str
    name: str
    gender: str
    ethnicity: str
    id_number: IdNumber
    birth_year: int | None
    phone: Phone
    employer: str
    union_id: str
    union_name: str
    join_date: date | None
    card_no: str | None
    is_migrant: bool
    hukou_type: str
    status: MemberStatus
    status_date: date | None

    year_from_birth_date = birth_year_of


class MemberEventRow(BaseModel):
    kind: MemberEventKind
    on: date
    reason: str
    from_union: str | None
    to_union: str | None
