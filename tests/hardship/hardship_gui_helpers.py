"""Fixtures and steps shared by the hardship GUI tests: this year's 低保 policy, a union with
members made through the roster services, the tab, and the clerk's usual steps."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from union_desk.domain.idcard import check_char
from union_desk.models.member import MemberCreate
from union_desk.models.union import UnionCreate
from union_desk.services.roster import members, unions
from union_desk.services.hardship.policy import put_policy
from union_desk.views.hardship.fields import PaymentFields
from union_desk.views.hardship.tab import HardshipTab
from union_desk.views.ops import Ops

DIBAO_FEN = 100_000  # 1,000.00 元 per person per month this year


def gui_id(serial: int, born: str = "19800101") -> str:
    first17 = f"330182{born}{serial % 1000:03d}"
    return first17 + check_char(first17)


@pytest.fixture
def roster(db):
    """This year's 低保 (k = 1.5) and one union with 张三, 李四, 王五 on the roll."""
    with db.session(write=True) as s:
        put_policy(s, year=date.today().year, dibao_fen=DIBAO_FEN, multiplier="1.5")
        union = unions.create_union(s, data=UnionCreate(name="大洋镇农机厂工会"))
        people = {name: members.add_member(s, data=MemberCreate(
            name=name, id_number=gui_id(n), union_id=union.id, employer="大洋农机厂",
            join_date=date(2015, 3, 1))) for n, name in ((21, "张三"), (23, "李四"), (25, "王五"))}
    return {"union": union, **people}


@pytest.fixture
def tab(db, qtbot):
    PaymentFields.remembered.clear()
    ops = Ops(db)
    widget = HardshipTab(ops)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    yield widget
    if widget.printing.last_preview is not None:
        widget.printing.last_preview.reject()
    ops.wait()


def texts(view, column: int = 0) -> list[str]:
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible() or bool(dialog.error.text()), timeout=10_000)
    assert dialog.error.text() == "" and dialog.result_row is not None


def pick_member(qtbot, picker, text: str) -> None:
    picker.search.setText(text)
    qtbot.waitUntil(lambda: picker.results.count() == 1, timeout=5000)
    picker.choose(0)
    assert picker.member is not None
