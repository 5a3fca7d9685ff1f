"""A database full of realistic generated data, so a newcomer sees the app working at once.

The roster comes first (services/demo/roster.py); each working area then adds its records from
its own module listed in DEMO_AREAS, using what the earlier ones made.
"""
from __future__ import annotations

import importlib
import random

from sqlmodel import Session

from union_desk.services.errors import UserError
from union_desk.services.settings import is_set_up

DEMO_AREAS = [
    "union_desk.services.demo.roster",
    "union_desk.services.demo.hardship",
    "union_desk.services.demo.stations",
    "union_desk.services.demo.trips",
]


def make_demo(session: Session, *, size: int = 300, seed: int = 2021) -> None:
    """Fill a set-up, empty database. `size` is the number of members."""
    if not is_set_up(session):
        raise UserError("请先完成初始设置（乡镇与经办人）")
    rng = random.Random(seed)
    for name in DEMO_AREAS:
        importlib.import_module(name).populate(session, rng=rng, size=size)
