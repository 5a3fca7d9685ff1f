"""Registrations' names follow the same rule as members' names, typed or imported; a merged
two-row header is read."""
import pytest
from openpyxl import Workbook

from trips_helpers import list_row, make_id, person, register, write_list
from union_desk.services.errors import UserError
from union_desk.services.trips.importer import check_trips_file


def test_entry_strips_invisible_characters(db, campaign):
    c, _ = campaign
    [reg] = register(db, c.id, person(1, "张\u200b三\u2060"))
    assert reg.name == "张三"


def test_entry_refuses_an_error_value_and_lists_every_problem(db, campaign):
    c, _ = campaign
    bad = person(2, "#VALUE!").model_copy(update={"phone": "123", "province": "火星"})
    with pytest.raises(UserError) as err:
        register(db, c.id, bad)
    assert "错误值" in str(err.value)
    assert [f for f, _ in err.value.problems] == ["name", "phone", "province"]


def test_import_names_and_lists_every_problem_of_a_row(db, campaign, tmp_path):
    c, _ = campaign
    path = write_list(tmp_path / "list.xlsx", [list_row(1, "😀", phone="123", province="火星")])
    with db.session() as s:
        report = check_trips_file(s, campaign_id=c.id, path=path).report()
    assert [(r.field, r.name) for r in report.rejected] == [
        ("姓名", "😀"), ("手机", "😀"), ("目的地省", "😀")]


def test_a_required_column_under_a_merged_parent_is_found(db, campaign, tmp_path):
    # Given 联系方式 merged over 手机 (required) and 紧急联系电话, the other headers over both rows
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "公民身份号码", "联系方式", None, "省份"])
    sheet.append([None, None, "手机", "紧急联系电话", None])
    for column in "ABE":
        sheet.merge_cells(f"{column}1:{column}2")
    sheet.merge_cells("C1:D1")
    sheet.append(["张三", make_id(1), "13800000001", "13900000001", "贵州省"])
    book.save(tmp_path / "list.xlsx")
    c, _ = campaign
    with db.session() as s:
        plan = check_trips_file(s, campaign_id=c.id, path=tmp_path / "list.xlsx")
    assert (plan.rows, plan.rejected) == (1, [])
    assert plan.candidates[0].data.emergency_phone == "13900000001"
