"""Fixtures for the hardship tests: the 低保 policy in settings and four members."""
from __future__ import annotations

import pytest

from hardship_helpers import DIBAO_2020, DIBAO_2021, add_member, add_union, make_id
from union_desk.services.hardship.policy import put_policy


@pytest.fixture
def policy(db):
    with db.session(write=True) as s:
        put_policy(s, year=2020, dibao_fen=DIBAO_2020, multiplier="1.5")
        put_policy(s, year=2021, dibao_fen=DIBAO_2021)


@pytest.fixture
def people(db, policy):
    """Four members of one union: 张三, 李四, 王五, 赵六."""
    with db.session(write=True) as s:
        union = add_union(s)
        members = [add_member(s, union, name, make_id(n + 11))
                   for n, name in enumerate(["张三", "李四", "王五", "赵六"])]
        return {"union": union, **{m.name: m for m in members}}
