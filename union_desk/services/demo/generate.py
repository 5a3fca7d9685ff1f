"""A database full of realistic generated data, so a newcomer sees the app working at once.

The roster comes first (services/demo/roster.py); each working area then adds its records from
its own module listed in DEMO_AREAS, using what the earlier ones made.
"""
from __future__ import annotations

import importlib
import random

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Session

from union_desk.dialect import index_lookups
from union_desk.dialect_bulk import bulk_write_cache
from union_desk.models.member import Member
from union_desk.models.union import GrassrootsUnion
from union_desk.services.errors import UserError
from union_desk.services.settings import is_set_up, set_up

DEMO_AREAS = [
    "union_desk.services.demo.roster",
    "union_desk.services.demo.hardship",
    "union_desk.services.demo.stations",
    "union_desk.services.demo.trips",
]
DEMO_TOWNSHIP = "DY"  # 大洋镇, for a file not set up yet
DEMO_CLERK = "示例经办人"


class DemoSummary(BaseModel):
    unions: int
    members: int


def _count(session: Session, table) -> int:
    return session.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def make_demo(session: Session, *, size: int = 300, seed: int = 2021) -> DemoSummary:
    """Fill a database that holds no member yet (one not set up yet becomes 大洋镇's, with a
    demo clerk); never adds demo people to a real roster. `size` is the number of members."""
    if _count(session, Member):
        raise UserError("数据库中已有会员，不能再生成示例数据")
    if not is_set_up(session):
        set_up(session, township=DEMO_TOWNSHIP, clerk=DEMO_CLERK)
    rng = random.Random(seed)
    roster, *others = DEMO_AREAS
    with bulk_write_cache(session.connection()):  # a million members: indexes built in memory
        importlib.import_module(roster).populate(session, rng=rng, size=size)
        # PostgreSQL has no statistics yet of the roster just loaded: without this, each of
        # the other areas' look-ups of a member could read all of them
        with index_lookups(session):
            for name in others:
                importlib.import_module(name).populate(session, rng=rng, size=size)
    return DemoSummary(unions=_count(session, GrassrootsUnion), members=_count(session, Member))
