"""The shared Excel helpers: Chinese headers in any order and the cell readers."""
from datetime import date, datetime

import pytest

from union_desk.services.common import excel_headers as xh
from union_desk.services.errors import UserError

SPEC = {"name": ["姓名"], "id_number": ["身份证号", "公民身份号码", "证件号码"],
        "phone": ["手机", "联系电话", "电话"], "card_no": ["会员证号"]}


@pytest.mark.parametrize("raw, expected", [
    ("姓名", "姓名"), (" 姓　名 ", "姓名"), ("姓名（必填）", "姓名"), ("姓名(必填)", "姓名"),
    ("*姓名", "姓名"), ("姓名*", "姓名"), ("＊姓名（必填）", "姓名"), ("身份证号\n（必填）", "身份证号"),
    ("ＩＤ", "ID"), (None, ""), (12, "12"),
])
def test_header_normalisation(raw, expected):
    assert xh.normalise_header(raw) == expected


def test_columns_match_in_any_order_with_variants():
    header = [None, "联系电话", "会员证号", "公民身份号码（必填）", " 姓 名*"]
    assert xh.match_headers(header, SPEC, required=["name", "id_number"]) == {
        "name": 4, "id_number": 3, "phone": 1, "card_no": 2}


def test_earliest_listed_variant_wins_when_two_columns_name_one_field():
    header = ["姓名", "身份证号", "电话", "手机"]
    assert xh.match_headers(header, SPEC)["phone"] == 3


def test_a_note_in_brackets_after_a_column_name_is_read_past():
    header = ["序号", "姓名（中文）", "公民身份号码(18位)", "手机(本人)", "会员证号（如有）"]
    assert xh.match_headers(header, SPEC, required=["name", "id_number"]) == {
        "name": 1, "id_number": 2, "phone": 3, "card_no": 4}
    assert xh.is_header_row(header, SPEC["name"])


def test_an_exact_name_wins_over_a_noted_one_and_two_noted_ones_match_neither():
    assert xh.match_headers(["姓名", "姓名(拼音)", "手机"], SPEC)["name"] == 0
    assert "phone" not in xh.match_headers(["姓名", "电话(手机)", "电话(座机)"], SPEC)


def test_a_note_naming_money_is_kept_so_a_sum_in_wan_yuan_is_not_read_as_yuan():
    spec = {"amount": ["金额", "金额(元)"]}
    assert xh.match_headers(["姓名", "金额（元）"], spec) == {"amount": 1}
    with pytest.raises(UserError, match="缺少必需的列：金额"):
        xh.match_headers(["姓名", "金额（万元）"], spec, required=["amount"])


def test_missing_required_columns_are_named():
    with pytest.raises(UserError) as err:
        xh.match_headers(["手机", "备注"], SPEC, required=["name", "id_number"])
    assert str(err.value) == "缺少必需的列：姓名、身份证号"


def test_the_same_column_twice_is_refused():
    with pytest.raises(UserError, match="出现了两次"):
        xh.match_headers(["姓名", "身份证号", "姓名（必填）"], SPEC)


def test_a_column_not_read_may_come_twice():
    # a 备注 for the employer and one for the union office: neither is read
    assert xh.match_headers(["姓名", "备注", "身份证号", "备注"], SPEC) == {"name": 0, "id_number": 2}


@pytest.mark.parametrize("value, expected", [
    (datetime(2021, 3, 5), date(2021, 3, 5)), (date(2021, 3, 5), date(2021, 3, 5)),
    ("2021-03-05", date(2021, 3, 5)), ("2021/3/5", date(2021, 3, 5)),
    ("2021.3.5", date(2021, 3, 5)),
    ("20210305", date(2021, 3, 5)), (20210305, date(2021, 3, 5)), ("2021年3月5日", date(2021, 3, 5)),
    (" ２０２１-３-５ ", date(2021, 3, 5)), (44260, date(2021, 3, 5)), (None, None), ("", None),
])
def test_dates_in_the_forms_clerks_type(value, expected):
    assert xh.read_date(value) == expected


@pytest.mark.parametrize("value", ["2021-03-05 00:00:00", "2021/3/5 0:00", "2021-03-05T08:30:00",
                                   "2021-03-05 00:00:00.000", "2021年3月5日 8:30", "20210305 00:00:00",
                                   "2021-3-5 10:00"])
def test_a_date_exported_with_its_time_is_the_date(value):
    # other systems' exports (CSV from a database) write a date cell as a date and time
    assert xh.read_date(value) == date(2021, 3, 5)


@pytest.mark.parametrize("value, reason", [
    ("2021-13-45", "不是有效日期"), ("2021-02-30", "不是有效日期"), ("2021.3", "不是完整日期"),
    ("去年", "不是完整日期"), (-5, "不是日期"), (2021, "不是日期"),
    ("2021-03-05 25:00", "不是完整日期"), ("08:30", "不是完整日期"),
])
def test_bad_dates_give_a_reason(value, reason):
    with pytest.raises(UserError, match=reason):
        xh.read_date(value)


@pytest.mark.parametrize("value, expected", [
    ("是", True), ("否", False), ("Y", True), ("n", False), ("√", True), ("×", False),
    (True, True), (False, False), (1, True), (0, False), ("TRUE", True), (None, None), ("", None),
])
def test_booleans(value, expected):
    assert xh.read_bool(value) is expected


def test_a_word_that_is_not_yes_or_no_is_refused():
    with pytest.raises(UserError, match="应为“是”或“否”"):
        xh.read_bool("可能")


@pytest.mark.parametrize("value", [
    3.30182199001011e17,           # what Excel stores for an 18-digit number typed in a cell
    330182199001011000,            # the same, read back as an integer: the last digits are zeros
    "3.30182199001011E+17",        # the same shown as text
    330182199001011.5,
])
def test_ids_excel_stored_as_numbers_are_refused(value):
    with pytest.raises(UserError) as err:
        xh.read_id_number(value)
    assert str(err.value) == "身份证号被Excel存成了数字，请把该列设为文本"


@pytest.mark.parametrize("value, expected", [
    ("11010519491231002x", "11010519491231002X".lower()),   # case is the ID rule's business
    (" 4405241880 0101 0014 ", "440524188001010014"),
    ("'440524188001010014", "440524188001010014"),
    (440524188001010014, "440524188001010014"),             # a full-precision integer survives
    (440524800101001.0, "440524800101001"),                 # a 15-digit legacy number survives
    ("440524-18800101-0014", "440524188001010014"),          # grouped as it is read out
    ("４４０５２４－１８８００１０１－００１x", "44052418800101001x"),
    ("4405-abc", "4405-abc"),                                # not digits in groups: as written
    (None, ""),
])
def test_ids_as_text(value, expected):
    assert xh.read_id_number(value) == expected


@pytest.mark.parametrize("value, expected", [
    (None, ""), (13800138000, "13800138000"), (13800138000.0, "13800138000"), (" 张三 ", "张三"),
    (datetime(2021, 3, 5), "2021-03-05"), ("ＡＢＣ１", "ABC1"),
])
def test_text_cells(value, expected):
    assert xh.read_text(value) == expected
