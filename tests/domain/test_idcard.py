import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from union_desk.domain.errors import RuleError
from union_desk.domain.idcard import IdCard, check_char, parse_id_number


@pytest.mark.parametrize(
    "text, number, born, gender",
    [
        ("11010519491231002X", "11010519491231002X", datetime.date(1949, 12, 31), "女"),
        ("11010519491231002x", "11010519491231002X", datetime.date(1949, 12, 31), "女"),
        (" 110105 19491231 002x ", "11010519491231002X", datetime.date(1949, 12, 31), "女"),
        ("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X", datetime.date(1949, 12, 31), "女"),
        ("440524188001010014", "440524188001010014", datetime.date(1880, 1, 1), "男"),
    ],
)
def test_published_valid(text, number, born, gender):
    assert parse_id_number(text) == IdCard(number, born, gender)


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("110105194912310021", "校验位错误，应为 X"),
        ("", "请填写"),
        ("1101051949123100", "18位"),
        ("1101051949123100A2", "格式错误"),
        ("330182**********34", "遮挡过的"),  # a masked export imported again
        ("110105194913310021", "不是有效日期"),
        ("110105190002290021", "不是有效日期"),  # 1900 is not a leap year
        ("110105187912310021", "早于"),
        ("11010549491231002X", "晚于今天"),
        ("11010549123100A", "15位"),
    ],
)
def test_invalid(text, fragment):
    with pytest.raises(RuleError, match=fragment):
        parse_id_number(text)


def test_check_char_vectors():
    assert check_char("11010519491231002") == "X"
    assert check_char("44052418800101001") == "4"
    with pytest.raises(RuleError):
        check_char("1101051949123100")


def test_area_code_not_validated():
    first17 = "99999919800101001"
    assert parse_id_number(first17 + check_char(first17)).number.startswith("999999")


def test_future_relative_to_today_parameter():
    first17 = "33018220300101001"
    number = first17 + check_char(first17)
    with pytest.raises(RuleError):
        parse_id_number(number, today=datetime.date(2029, 12, 31))
    assert parse_id_number(number, today=datetime.date(2030, 1, 1)).birth_date == datetime.date(2030, 1, 1)


def test_legacy_15_digit():
    card = parse_id_number("330182800101123")
    assert card.number == "33018219800101123" + check_char("33018219800101123")
    assert card.birth_date == datetime.date(1980, 1, 1)
    assert card.gender == "男"


dates = st.dates(min_value=datetime.date(1880, 1, 1), max_value=datetime.date.today())
area = st.text("0123456789", min_size=6, max_size=6)
seq = st.text("0123456789", min_size=3, max_size=3)


@given(area, dates, seq)
def test_generated_numbers_parse(a, born, s):
    first17 = a + born.strftime("%Y%m%d") + s
    card = parse_id_number(first17 + check_char(first17))
    assert card.number == first17 + check_char(first17)
    assert card.birth_date == born
    assert card.gender == ("男" if int(s[-1]) % 2 else "女")


@given(area, dates, seq, st.sampled_from("0123456789X"))
def test_wrong_check_char_fails(a, born, s, wrong):
    first17 = a + born.strftime("%Y%m%d") + s
    if wrong == check_char(first17):
        wrong = "0" if wrong != "0" else "1"
    with pytest.raises(RuleError, match="校验位"):
        parse_id_number(first17 + wrong)


@given(area, st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(1999, 12, 31)), seq)
def test_legacy_round_trip(a, born, s):
    legacy = a + born.strftime("%y%m%d") + s
    card = parse_id_number(legacy)
    assert card.number[:6] + card.number[8:17] == legacy
    assert card.birth_date == born
    assert parse_id_number(card.number) == card
