"""The year-end figures gathered across the areas (services/year_report.py), the `stats` command
and the overview tab."""
import json
from datetime import date

import pytest

from union_desk.cli import main
from union_desk.models.member import MemberStatus
from union_desk.models.union import UnionCreate
from union_desk.services.changes import Change
from union_desk.services.roster import members, unions
from union_desk.services.year_report import year_report
from union_desk.views.ops import Ops
from union_desk.views.overview_tab import OverviewTab

pytestmark = pytest.mark.both_engines  # the services on SQLite and on PostgreSQL


@pytest.fixture
def year_2021(db, member_data, ids):
    """Two unions founded in 2021 and one in 2020; two members joined in 2021 (one left since)
    and one in 2020."""
    with db.session(write=True) as s:
        a = unions.create_union(s, data=UnionCreate(name="甲工会", founded=date(2021, 3, 1)))
        unions.create_union(s, data=UnionCreate(name="乙工会", founded=date(2021, 9, 9)))
        unions.create_union(s, data=UnionCreate(name="丙工会", founded=date(2020, 5, 1)))
        first = members.add_member(s, data=member_data(a.id, join_date=date(2021, 4, 1)))
        members.add_member(s, data=member_data(a.id, name="李四", id_number=ids["B"],
                                               card_no=None, join_date=date(2021, 6, 1)))
        members.add_member(s, data=member_data(a.id, name="王五", id_number=ids["C"],
                                               card_no=None, join_date=date(2020, 6, 1)))
        members.change_status(s, member_id=first.id, status=MemberStatus.LEFT,
                              on=date(2022, 1, 1), reason="本人申请")
    return a


def test_roster_counts_by_founding_and_joining_date(db, year_2021):
    with db.session() as s:
        report = year_report(s, year=2021)
    assert (report.unions_new, report.unions_on_roll) == (2, 3)
    # on the roll as it stood at the end of 2021: 张三 left only in 2022
    assert (report.members_new, report.members_on_roll) == (2, 3)
    assert report.township == "大洋镇"
    lines = dict(report.lines())
    assert lines["新建基层工会"].startswith("2 家") and lines["新发展会员"].startswith("2 人")
    assert set(lines) == {"新建基层工会", "新发展会员", "慰问困难职工", "职工医疗互助补助",
                          "慰问抗疫一线人员", "返乡专车", "新建爱心驿家"}


def test_stats_command_prints_the_lines_and_json(db_path, year_2021, capsys):
    assert main(["--db", str(db_path), "stats", "--year", "2021"]) == 0
    out = capsys.readouterr().out
    assert "大洋镇 2021 年" in out and "新建基层工会：2 家" in out
    assert main(["--db", str(db_path), "stats", "--year", "2021", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["members_new"], data["trips"]["buses"]) == (2, 0)


def test_overview_tab_follows_the_year_and_every_change(db, year_2021, member_data, qtbot):
    ops = Ops(db)
    tab = OverviewTab(ops)
    qtbot.addWidget(tab)
    tab.show()  # figures are gathered when the tab is shown
    tab.year.setValue(2021)
    qtbot.waitUntil(lambda: tab.report is not None and tab.report.year == 2021, timeout=5000)
    table = tab.page.table
    assert table.item(2, 0).text() == "New members"  # no translator: English
    assert (table.item(2, 1).text(), table.item(2, 2).text()) == ("2", "1")  # 2021 beside 2020
    from union_desk.domain.idcard import check_char

    with db.session(write=True) as s:
        members.add_member(s, data=member_data(
            year_2021.id, name="赵六", id_number="33018219800101001" + check_char(
                "33018219800101001"), card_no=None, join_date=date(2021, 12, 1)))
    ops.changed.emit({Change.MEMBERS})  # as any write through the runner announces
    qtbot.waitUntil(lambda: table.item(2, 1).text() == "3", timeout=5000)
    # hidden, it only notes that its figures are stale, and gathers them when shown again
    tab.hide()
    with db.session(write=True) as s:
        members.add_member(s, data=member_data(
            year_2021.id, name="钱七", id_number="33018219800101002" + check_char(
                "33018219800101002"), card_no=None, join_date=date(2021, 12, 2)))
    ops.changed.emit({Change.MEMBERS})
    tab.show()
    qtbot.waitUntil(lambda: table.item(2, 1).text() == "4", timeout=5000)
    ops.wait()


def test_a_past_year_shows_that_years_roll_not_todays(db, year_2021, ids):
    with db.session(write=True) as s:
        closed = unions.create_union(s, data=UnionCreate(name="丁工会", founded=date(2019, 1, 1)))
        unions.close_union(s, union_id=closed.id, on=date(2021, 7, 1), reason="企业关闭")
    with db.session() as s:
        y2020, y2021, now = (year_report(s, year=y) for y in (2020, 2021, date.today().year))
        y2019 = year_report(s, year=2019)
    # 2020: 丙 and 丁 existed, 王五 had joined; 2021: 丁 closed, 甲 and 乙 founded
    assert (y2019.unions_on_roll, y2019.members_on_roll) == (1, 0)
    assert (y2020.unions_on_roll, y2020.members_on_roll) == (2, 1)
    assert (y2021.unions_on_roll, y2021.members_on_roll) == (3, 3)
    assert (now.unions_on_roll, now.members_on_roll) == (3, 2)  # 张三 left in 2022
