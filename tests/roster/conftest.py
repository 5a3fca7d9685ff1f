"""Roster fixtures: a union and a helper to build members."""
from datetime import date

import pytest

from union_desk.models.member import MemberCreate
from union_desk.models.union import UnionCreate
from union_desk.services.roster import members, unions

# valid resident ID numbers (GB 11643 check characters computed)
ID_A = "330182199003071234"
ID_B = "11010519491231002X"
ID_C = "440524188001010014"


def _fix(first17: str) -> str:
    from union_desk.domain.idcard import check_char

    return first17 + check_char(first17)


ID_A = _fix(ID_A[:17])


@pytest.fixture
def union(db):
    with db.session(write=True) as s:
        return unions.create_union(s, data=UnionCreate(name="大洋镇机械厂工会",
                                                       credit_code="91110000600037341L"))


@pytest.fixture
def other_union(db):
    with db.session(write=True) as s:
        return unions.create_union(s, data=UnionCreate(name="大洋镇茶厂工会"))


def _member_data(union_id: str = "", **over) -> MemberCreate:
    fields = dict(name="张三", id_number=ID_A, phone="13800138000", employer="大洋镇机械厂",
                  union_id=union_id, card_no="DY0001", join_date=date(2015, 3, 1))
    fields.update(over)
    return MemberCreate(**fields)


@pytest.fixture
def member_data():
    """member_data(union_id, **overrides) -> MemberCreate for 张三 (valid ID, phone, card)."""
    return _member_data


@pytest.fixture
def ids():
    return {"A": ID_A, "B": ID_B, "C": ID_C}


@pytest.fixture
def add_member(db):
    def add(union_id: str, **over):
        with db.session(write=True) as s:
            return members.add_member(s, data=_member_data(union_id, **over))
    return add


@pytest.fixture
def tab(db, qtbot):
    """The roster tab on the test database, shown; its workers waited for at the end."""
    from union_desk.views.ops import Ops
    from union_desk.views.roster.tab import RosterTab

    ops = Ops(db)
    widget = RosterTab(ops)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    ops.wait()
