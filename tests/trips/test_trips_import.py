"""Employers' Excel lists: every bad row named with its Excel row; importing twice adds nothing."""
import pytest
from openpyxl import load_workbook

from trips_helpers import list_row, make_id, register, person, write_list
from union_desk.models.personal import Phone
from union_desk.services.errors import UserError
from union_desk.services.trips.importer import (check_trips_file, commit_trips_import,
                                              save_rejections)
from union_desk.services.trips.registrations import cancel_registration, list_registrations

pytestmark = pytest.mark.both_engines  # the services on SQLite and on PostgreSQL


def check(db, campaign_id, path, **kw):
    with db.session() as s:
        return check_trips_file(s, campaign_id=campaign_id, path=path, **kw).report()


def commit(db, campaign_id, path, **kw):
    with db.session(write=True) as s:
        plan = check_trips_file(s, campaign_id=campaign_id, path=path)
        return commit_trips_import(s, campaign_id=campaign_id, plan=plan, **kw)


def names(db, campaign_id):
    with db.session() as s:
        return [(r.seq, r.name) for r in list_registrations(s, campaign_id=campaign_id)]


@pytest.fixture
def mixed(tmp_path):
    rows = [list_row(1, "张三"), list_row(2, "李四", county="黄平县"),
            list_row(3, "王五", phone="1381234567"),
            list_row(4, "赵六", id=make_id(2)),                       # same person as row 4
            list_row(5, "钱七", id=make_id(5)[:17] + ("1" if make_id(5)[17] == "0" else "0")),
            list_row(6, "孙八", id=5.22601199005051e17),               # Excel number: digits lost
            list_row(7, "周九", province="", city="", county=""),
            list_row(8, "吴十", province="湖北省", city="恩施州", county="利川市", ephone="abc"),
            (None,) * 10,                                              # blank rows are skipped
            list_row(9, "郑十一", province="湖北", city="恩施", county="")]
    return write_list(tmp_path / "list.xlsx", rows)


def test_check_names_every_bad_row_and_writes_nothing(db, campaign, mixed):
    c, _ = campaign
    report = check(db, c.id, mixed)
    assert report.to_json() == {
        "rows": 9, "valid": 3, "new": 3, "updated": 0, "unchanged": 0, "rejected_rows": 6,
        "updates": [], "unread_columns": [], "hidden_rows": [], "other_townships": {},
        "rejected": [
            {"row": 5, "name": "王五", "field": "手机",
             "reason": "手机号应为11位数字，以13–19开头：1381234567"},
            {"row": 6, "name": "赵六", "field": "身份证号", "reason": "与第 4 行的身份证号重复"},
            {"row": 7, "name": "钱七", "field": "身份证号",
             "reason": f"身份证号校验位错误，应为 {make_id(5)[17]}"},
            {"row": 8, "name": "孙八", "field": "身份证号",
             "reason": "身份证号被Excel存成了数字，请把该列设为文本"},
            {"row": 9, "name": "周九", "field": "目的地省", "reason": "请填写目的地省份（或市、县）"},
            {"row": 10, "name": "吴十", "field": "紧急联系电话",
             "reason": "紧急联系电话格式错误：abc"}]}
    assert names(db, c.id) == []


def test_commit_imports_the_valid_rows_and_a_second_import_adds_nothing(db, campaign, mixed,
                                                                        tmp_path):
    c, _ = campaign
    register(db, c.id, person(50, "早报名"))
    first = commit(db, c.id, mixed)
    assert (first.new, first.unchanged, len(first.rejected), first.committed) == (3, 0, 6, True)
    assert names(db, c.id) == [(1, "早报名"), (2, "张三"), (3, "李四"), (4, "郑十一")]
    again = commit(db, c.id, mixed)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 3)
    assert len(names(db, c.id)) == 4
    # a corrected list updates what changed; an empty cell erases nothing
    fixed = write_list(tmp_path / "fixed.xlsx", [
        list_row(1, "张三", phone="13900000001"),
        list_row(2, "李四", county="黄平县", insurance="")])
    report = commit(db, c.id, fixed)
    assert (report.new, report.updated, report.unchanged) == (0, 1, 1)
    with db.session() as s:
        rows = {r.name: r for r in list_registrations(s, campaign_id=c.id)}
    assert rows["张三"].phone == Phone("13900000001") and rows["李四"].insurance_no == "PICC000002"
    assert [s.leg.value for s in rows["张三"].seats] == ["去程"]


def test_a_cancelled_worker_on_the_list_is_named_not_registered_again(db, campaign, tmp_path):
    c, _ = campaign
    (reg,) = register(db, c.id, person(1, "张三"))
    with db.session(write=True) as s:
        cancel_registration(s, registration_id=reg.id)
    report = commit(db, c.id, write_list(tmp_path / "a.xlsx", [list_row(1, "张三")]))
    assert report.new == 0 and report.rejected[0].row == 3
    assert "已于" in report.rejected[0].reason and "第 1 号" in report.rejected[0].reason


def test_header_variants_in_any_order_and_missing_columns(db, campaign, tmp_path):
    c, _ = campaign
    headers = ["序号", "手机", "证件号码", "姓名", "目的地省", "县", "乘车方向"]
    path = write_list(tmp_path / "v.xlsx", [("13800000001", make_id(1), "张三", "贵州", "凯里", "往返"),
                                           ("13800000002", make_id(2), "李四", "贵州", "", "来回去")],
                      headers=headers, title=None)
    report = check(db, c.id, path)
    assert (report.new, [(r.row, r.field) for r in report.rejected]) == (1, [(3, "乘车方向")])
    bad = write_list(tmp_path / "bad.xlsx", [("张三",)], headers=["序号", "姓名", "身份证号"])
    with pytest.raises(UserError, match="缺少必需的列：手机、目的地省"):
        check(db, c.id, bad)
    with pytest.raises(UserError, match="找不到文件"):
        check(db, c.id, tmp_path / "list.xls")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    with pytest.raises(UserError, match="无法读取"):
        check(db, c.id, broken)


def test_cancelling_leaves_nothing_half_imported_and_progress_is_reported(db, campaign, tmp_path):
    c, _ = campaign
    path = write_list(tmp_path / "big.xlsx", [list_row(i, f"工人{i}") for i in range(1, 451)])
    seen = []
    with pytest.raises(UserError, match="已取消"), db.session(write=True) as s:
        plan = check_trips_file(s, campaign_id=c.id, path=path,
                                progress=lambda done, total: seen.append((done, total)))
        commit_trips_import(s, campaign_id=c.id, plan=plan, cancelled=lambda: len(seen) > 0)
    assert seen and seen[-1][1] >= 450
    assert names(db, c.id) == []
    assert commit(db, c.id, path).new == 450


def test_rejected_rows_can_be_saved_as_a_workbook(db, campaign, mixed, tmp_path):
    c, _ = campaign
    report = check(db, c.id, mixed)
    out = save_rejections(report, tmp_path / "rejected.xlsx")
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("行号", "字段", "原因", "序号")
    assert [r[0] for r in rows[1:]] == [5, 6, 7, 8, 9, 10]
    assert rows[1][4] == "王五"
