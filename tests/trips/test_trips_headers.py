"""The bus lists' headers as employers write them: the place in three columns named as notes of
the destination (目的地（省）…), as 省份 / 城市 / 区县, or as an official form's 省（自治区、直辖市）;
the worker as 乘车人姓名, the phone as 移动电话 or 联系方式; and the columns not read named."""
from __future__ import annotations

import pytest
from openpyxl import Workbook

from trips_helpers import make_id
from union_desk.services.trips.importer import check_trips_file

PLACES = [("目的地（省）", "目的地（市）", "目的地（县）"), ("省份", "城市", "区县"),
          ("返乡地点（省份）", "返乡地点（地市）", "返乡地点（县区）"),
          ("省（自治区、直辖市）", "市（州）", "县（市、区）")]


def write(path, header, *rows):
    book = Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def check(db, path):
    with db.session() as s:
        return check_trips_file(s, campaign_id=None, path=path)


@pytest.mark.parametrize("place", PLACES, ids=["notes", "plain", "notes-2", "official"])
def test_a_destination_in_three_columns_under_any_usual_names_is_read(db, tmp_path, place):
    path = write(tmp_path / "名单.xlsx", ["序号", "姓名", "身份证号码", "联系电话", *place],
                 [1, "张三", make_id(1), "13800000001", "贵州省", "黔东南州", "榕江县"])
    plan = check(db, path)
    assert (plan.rows, plan.rejected, plan.unread) == (1, [], [])
    data = plan.candidates[0].data
    assert (data.province, data.city, data.county) == ("贵州省", "黔东南苗族侗族自治州", "榕江县")


def test_an_employers_list_under_its_own_names_is_read_and_the_rest_named(db, tmp_path):
    # Given the worker as 乘车人姓名, the phone as 移动电话, the emergency contact's phone as
    # 紧急联系人手机, the employer as 用人单位, and a ride date the app does not keep
    header = ["序号", "乘车人姓名", "居民身份证号码", "移动电话", "用人单位", "返乡地址（省市县）",
              "紧急联系人", "紧急联系人手机", "乘车日期"]
    path = write(tmp_path / "名单.xlsx", header,
                 [1, "张三", make_id(1), "13800000001", "新安化工集团", "贵州省黔东南州榕江县",
                  "张父", "13900000001", "2027-01-20"])
    plan = check(db, path)
    assert (plan.rows, plan.rejected, plan.unread) == (1, [], ["乘车日期"])
    data = plan.candidates[0].data
    assert (data.name, data.phone, data.employer, data.county, data.emergency_phone) == (
        "张三", "13800000001", "新安化工集团", "榕江县", "13900000001")


def test_a_phone_under_contact_is_read_as_the_phone(db, tmp_path):
    path = write(tmp_path / "名单.xlsx", ["姓名", "身份证号", "联系方式", "目的地"],
                 ["张三", make_id(1), "13800000001", "贵州黔东南"])
    plan = check(db, path)
    assert (plan.rows, plan.rejected) == (1, [])
    assert plan.candidates[0].data.phone == "13800000001"
