"""The household list as a clerk meets it: a double-click opens the file at once, a long name
or union keeps its column narrow (the tooltip has it whole), 人均月收入 is fully in view."""
from datetime import date

from PySide6.QtCore import Qt

from hardship_gui_helpers import gui_id, roster, tab, texts  # noqa: F401
from union_desk.models.hardship import HouseholdCreate, HouseholdPersonIn
from union_desk.models.member import MemberCreate
from union_desk.models.union import UnionCreate
from union_desk.services.hardship.households import create_household
from union_desk.services.roster import members, unions
from union_desk.views.hardship.models import HouseholdsModel
from union_desk.views.tables import COLUMN_CAP

LONG_UNION = "建德市大洋镇某某竹木制品加工有限责任公司第二分公司联合工会委员会"
LONG_NAME = "买买提·艾力江·阿不都热合曼"


def add_files(db, roster):
    with db.session(write=True) as s:
        union = unions.create_union(s, data=UnionCreate(name=LONG_UNION))
        long = members.add_member(s, data=MemberCreate(
            name=LONG_NAME, id_number=gui_id(41), union_id=union.id, join_date=date(2015, 3, 1)))
        for member in (roster["张三"], long):
            create_household(s, data=HouseholdCreate(
                member_id=member.id, main_cause="疾病", reviewed_on=date.today(),
                persons=[HouseholdPersonIn(name=member.name, relation="本人",
                                           monthly_income_fen=123_456)]))


def test_double_clicking_a_household_opens_its_file_at_once(tab, qtbot, roster, db):
    add_files(db, roster)
    panel = tab.households
    panel.apply_filters()
    qtbot.waitUntil(lambda: len(texts(panel.table)) == 2, timeout=5000)
    told = []
    panel.inform = told.append
    # When the clerk double-clicks a row whose page has not been read yet
    rect = panel.table.visualRect(panel.model.index(1, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    # Then that household's file opens, without "choose a household first"
    qtbot.waitUntil(lambda: panel.opened is not None and panel.opened.isVisible(), timeout=5000)
    assert told == []
    assert panel.opened.detail.member_name == texts(panel.table)[1]
    panel.opened.reject()


def test_long_names_keep_their_columns_narrow_and_income_per_head_is_in_view(tab, qtbot,
                                                                             roster, db):
    add_files(db, roster)
    panel = tab.households
    panel.apply_filters()
    qtbot.waitUntil(lambda: len(texts(panel.table)) == 2, timeout=5000)
    header = panel.table.horizontalHeader()
    assert all(header.sectionSize(c) <= COLUMN_CAP for c in range(header.count() - 1))
    row = texts(panel.table).index(LONG_NAME)
    assert panel.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) == LONG_NAME
    income = HouseholdsModel.COL_INCOME
    assert panel.model.headerData(income, Qt.Orientation.Horizontal) == "Income per head"
    right_edge = header.sectionViewportPosition(income) + header.sectionSize(income)
    assert right_edge <= panel.table.viewport().width()  # the column is wholly in view
    assert header.sectionSize(income) >= header.sectionSizeHint(income)  # and not squeezed
