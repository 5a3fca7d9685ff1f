"""Destinations in one piece of text placed as province / city / county (民政部 2024 table)."""
import pytest

from union_desk.domain.errors import RuleError
from union_desk.domain.places import Place, parse_place, resolve_place

QDN = "黔东南苗族侗族自治州"
ES = "恩施土家族苗族自治州"


@pytest.mark.parametrize("text, place", [
    ("贵州黔东南", ("贵州省", QDN, "")),
    ("贵州省黔东南苗族侗族自治州榕江县古州镇车江大道1号", ("贵州省", QDN, "榕江县")),
    ("恩施", ("湖北省", ES, "")),            # the prefecture holds 恩施市: the prefecture
    ("湖北恩施", ("湖北省", ES, "")),
    ("河南信阳", ("河南省", "信阳市", "")),
    ("河南南阳", ("河南省", "南阳市", "")),
    ("安徽阜阳", ("安徽省", "阜阳市", "")),
    ("榕江", ("贵州省", QDN, "榕江县")),
    ("恩施州巴东县", ("湖北省", ES, "巴东县")),
    ("黔东南州 凯里", ("贵州省", QDN, "凯里市")),
    ("中国河南省南阳市邓州市", ("河南省", "南阳市", "邓州市")),
    ("北京市朝阳区", ("北京市", "", "朝阳区")),       # a municipality has no city level
    ("湖北仙桃", ("湖北省", "", "仙桃市")),           # a county-level city under the province
    ("海南", ("海南省", "", "")),                     # not 青海's 海南藏族自治州
    ("吉林市", ("吉林省", "吉林市", "")),
    ("浙江省杭州市中山路 8 号", ("浙江省", "杭州市", "")),  # the street is not a county
    ("云南", ("云南省", "", "")),
])
def test_short_forms_and_full_addresses_are_placed(text, place):
    assert parse_place(text) == Place(*place)


@pytest.mark.parametrize("text, message", [
    ("鼓楼", "“鼓楼”有 4 处：江苏省南京市鼓楼区、江苏省徐州市鼓楼区、福建省福州市鼓楼区、河南省开封市鼓楼区；"
             "请写明省份或城市"),
    ("朝阳", "“朝阳”有 3 处：北京市朝阳区、辽宁省朝阳市、吉林省长春市朝阳区"),
    ("贵州恩施", "“恩施”不在贵州省（恩施：湖北省恩施土家族苗族自治州）"),
    ("浙江省杭州市鼓楼区", "“鼓楼区”不在浙江省杭州市"),
    ("火星", "无法从“火星”认出省份、城市或县区"),
    ("  ", "请填写目的地"),
])
def test_what_cannot_be_placed_is_refused_with_the_reason(text, message):
    with pytest.raises(RuleError, match=message):
        parse_place(text)


@pytest.mark.parametrize("text, place", [
    ("重庆市开县汉丰街道", ("重庆市", "", "开州区")),          # 开县 became 开州区 in 2016
    ("开县", ("重庆市", "", "开州区")),
    ("湖北省襄樊市樊城区", ("湖北省", "襄阳市", "樊城区")),   # 襄樊 became 襄阳 in 2010
    ("襄樊", ("湖北省", "襄阳市", "")),
    ("贵州省毕节地区织金县", ("贵州省", "毕节市", "织金县")),  # the county is not lost after 地区
    ("云南省思茅市翠云区", ("云南省", "普洱市", "思茅区")),   # 思茅市 the prefecture, now 普洱市
    ("天津蓟县", ("天津市", "", "蓟州区")),
    ("安徽省安庆市郊区", ("安徽省", "安庆市", "宜秀区")),    # not 佳木斯's 郊区 of today
    ("广东省韶关市浈江区", ("广东省", "韶关市", "浈江区")),  # a name of today before a former one
    ("江苏省南京市白下区", ("江苏省", "南京市", "")),      # merged into 秦淮区: placed by its city
])
def test_names_since_2000_that_id_cards_still_show_are_placed_as_today(text, place):
    assert parse_place(text) == Place(*place)


def test_a_former_name_elsewhere_is_refused_with_where_it_is_now():
    with pytest.raises(RuleError, match="“襄樊”不在贵州省（襄樊：湖北省襄阳市）"):
        parse_place("贵州襄樊")
    assert resolve_place("湖北", "襄樊市", "襄阳区") == Place("湖北省", "襄阳市", "襄州区")


def test_every_division_of_today_is_placed_as_itself_and_every_former_name_as_its_successor():
    from union_desk.domain import places
    from union_desk.domain.division_table import FORMER

    table = places._table()
    for division in table.by_code.values():
        assert parse_place(table.path(division)) == places._place(table, division), division
    for line in FORMER.splitlines():
        code, name, _ = line.split("\t")
        successor = table.by_code[code]
        parent = table.city_of(successor) if successor.level == 3 else None
        parent = parent or table.province_of(successor)
        if parent is successor or any(parent.holds(d) for d in table.by_alias.get(name, ())):
            continue  # a division of today has that name there, and is taken first
        assert parse_place(table.path(parent) + name) == places._place(table, successor), line


def test_three_columns_are_checked_each_inside_the_one_before():
    assert resolve_place("贵州", "黔东南州", "凯里") == Place("贵州省", QDN, "凯里市")
    assert resolve_place("", "恩施州", "利川市") == Place("湖北省", ES, "利川市")
    assert resolve_place("北京", "", "朝阳") == Place("北京市", "", "朝阳区")
    with pytest.raises(RuleError, match="“凯里经济开发区”不是行政区划名称"):
        resolve_place("贵州省", "黔东南州", "凯里经济开发区")
    with pytest.raises(RuleError, match="“恩施”不在贵州省"):
        resolve_place("贵州", "恩施", "")


def test_the_table_is_the_2024_one_and_is_not_loaded_at_import():
    import subprocess
    import sys

    code = ("import sys, union_desk.domain.places; "
            "assert 'union_desk.domain.division_table' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
    from union_desk.domain import division_table

    lines = division_table.TABLE.splitlines()
    levels = [sum(1 for line in lines if test(line.split("\t")[0])) for test in (
        lambda c: c.endswith("0000"), lambda c: c.endswith("00") and not c.endswith("0000"),
        lambda c: not c.endswith("00"))]
    assert (division_table.YEAR, levels) == (2024, [34, 333, 2846])
