"""Employers' lists whose destination is one column (目的地 贵州黔东南, 家庭住址 with the whole
address, 籍贯 …), in any format a clerk is sent: each row placed, or rejected alone with why."""
import pytest
from sheet_files import MERGED, write_any
from trips_helpers import make_id

from union_desk.services.errors import UserError
from union_desk.services.trips.importer import check_trips_file, commit_trips_import
from union_desk.services.trips.registrations import list_registrations

HEADERS = ["序号", "姓名", "身份证号", "手机号码", "工作单位", "{}"]
PLACES = [
    ("贵州黔东南", ("贵州省", "黔东南苗族侗族自治州", "")),
    ("贵州省黔东南苗族侗族自治州榕江县古州镇车江大道1号", ("贵州省", "黔东南苗族侗族自治州", "榕江县")),
    ("恩施", ("湖北省", "恩施土家族苗族自治州", "")),
    ("河南信阳", ("河南省", "信阳市", "")),
    ("安徽阜阳", ("安徽省", "阜阳市", "")),
    ("湖北省恩施州利川市团堡镇", ("湖北省", "恩施土家族苗族自治州", "利川市")),
    ("重庆市开县汉丰街道滨湖路", ("重庆市", "", "开州区")),          # as an ID card of 2015 shows it
    ("湖北省襄樊市樊城区米公路", ("湖北省", "襄阳市", "樊城区")),
]


def rows(column: str, places: list[str]) -> list[list]:
    return [["2025年春节返乡专车报名表"], [h.format(column) for h in HEADERS]] + [
        [i, f"工人{i}", make_id(i), f"138{i:08d}", "建德市新安化工集团", place]
        for i, place in enumerate(places, start=1)]


@pytest.mark.parametrize("column", ["目的地", "去向", "家庭住址", "户籍地址", "籍贯"])
@pytest.mark.parametrize("suffix, options", [
    (".xlsx", {}), (".xls", {}), (".csv", {"encoding": "gbk"}), (".csv", {"encoding": "utf-8-sig"}),
])
def test_one_destination_column_is_split_into_province_city_county(db, campaign, tmp_path,
                                                                   column, suffix, options):
    c, _ = campaign
    path = write_any(tmp_path / f"名单{suffix}", {"名单": rows(column, [p for p, _ in PLACES])},
                     **options)
    with db.session() as s:
        plan = check_trips_file(s, campaign_id=c.id, path=path)
    assert (plan.rows, plan.rejected) == (len(PLACES), [])
    with db.session(write=True) as s:
        assert commit_trips_import(s, campaign_id=c.id, plan=plan).new == len(PLACES)
    with db.session() as s:
        got = [(r.province, r.city, r.county)
               for r in list_registrations(s, campaign_id=c.id, sort="seq")]
    assert got == [place for _, place in PLACES]


def test_a_place_that_cannot_be_placed_rejects_only_its_row_with_the_reason(db, campaign, tmp_path):
    c, _ = campaign
    path = write_any(tmp_path / "名单.xlsx", {"名单": rows("目的地", [
        "贵州黔东南", "鼓楼", "火星", "贵州恩施", "", "湖北恩施"])})
    with db.session() as s:
        plan = check_trips_file(s, campaign_id=c.id, path=path)
    got = [(r.row, r.field, r.reason) for r in plan.rejected]
    assert [g[:2] for g in got] == [(4, "目的地"), (5, "目的地"), (6, "目的地"), (7, "目的地")]
    assert "“鼓楼”有 4 处：江苏省南京市鼓楼区、江苏省徐州市鼓楼区、福建省福州市鼓楼区、河南省开封市鼓楼区" in got[0][2]
    assert "无法从“火星”认出" in got[1][2]
    assert "“恩施”不在贵州省" in got[2][2]
    assert "请填写目的地" in got[3][2]
    assert plan.report().new == 2


def test_a_list_with_neither_a_province_nor_a_destination_column_is_refused(db, campaign, tmp_path):
    c, _ = campaign
    path = write_any(tmp_path / "名单.xlsx", {"名单": [["姓名", "身份证号", "手机", "单位"]]})
    with pytest.raises(UserError, match="缺少必需的列：目的地省（或写明去向的一列：目的地、去向、家庭住址"):
        with db.session() as s:
            check_trips_file(s, campaign_id=c.id, path=path)


def test_the_check_shows_where_each_written_destination_was_placed(db, campaign, tmp_path):
    # Given a list whose one destination column says the same place in several ways
    c, _ = campaign
    path = write_any(tmp_path / "名单.xlsx", {"名单": rows("去向", [
        "贵州黔东南", "恩施", "黔东南州", "火星", "贵州黔东南", "重庆市开县汉丰街道", "贵州 黔东南"])})
    with db.session() as s:
        plan = check_trips_file(s, campaign_id=c.id, path=path)
    # Then each place is one line, in file order, with its rows and the ways it was written
    # (the row that could not be placed is a rejection, not a placement)
    assert [(p.place, p.rows, p.first_row, p.written) for p in plan.placements()] == [
        ("贵州省 黔东南苗族侗族自治州", 4, 3, ("贵州黔东南", "黔东南州", "贵州 黔东南")),
        ("湖北省 恩施土家族苗族自治州", 1, 4, ("恩施",)),
        ("重庆市 开州区", 1, 8, ("重庆市开县汉丰街道",)),
    ]
    assert [r.row for r in plan.rejected] == [6]


def test_a_place_written_in_many_ways_shows_the_first_ways_and_counts_the_rest(db, campaign,
                                                                              tmp_path):
    c, _ = campaign
    ways = ["恩施", "湖北恩施", "恩施州", "湖北省恩施州", "恩施土家族苗族自治州", "恩施"]
    path = write_any(tmp_path / "名单.xlsx", {"名单": rows("目的地", ways)})
    with db.session() as s:
        [placed] = check_trips_file(s, campaign_id=c.id, path=path).placements()
    assert (placed.rows, placed.written, placed.more_written) == (
        6, ("恩施", "湖北恩施", "恩施州"), 2)


def test_a_destination_merged_down_over_a_bus_load_places_every_row(db, campaign, tmp_path):
    c, _ = campaign
    rows = [["序号", "姓名", "身份证号", "手机号码", "目的地"],
            [1, "工人1", make_id(1), "13800000001", "贵州黔东南"],
            [2, "工人2", make_id(2), "13800000002", MERGED],
            [3, "工人3", make_id(3), "13800000003", "河南信阳"],
            ["合计", None, None, None, "3人"], ["填表人：王芳"]]
    path = write_any(tmp_path / "名单.xls", {"名单": rows})
    with db.session() as s:
        plan = check_trips_file(s, campaign_id=c.id, path=path)
    assert (plan.rows, plan.rejected) == (3, [])
    assert [(p.data.province, p.data.city) for p in plan.candidates] == [
        ("贵州省", "黔东南苗族侗族自治州")] * 2 + [("河南省", "信阳市")]
