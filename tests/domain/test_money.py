from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from union_desk.domain.errors import RuleError
from union_desk.domain.money import (
    fen_to_plain,
    fen_to_words,
    format_fen,
    words_to_fen,
    yuan_to_fen,
)

WORDS = [
    (140950, "人民币壹仟肆佰零玖元伍角整"),
    (600714, "人民币陆仟零柒元壹角肆分"),
    (1640902, "人民币壹万陆仟肆佰零玖元零贰分"),
    (1000, "人民币壹拾元整"),
    (0, "人民币零元整"),
    (10_000_000_000, "人民币壹亿元整"),
    (10_001_000, "人民币壹拾万零壹拾元整"),
    (100_000_000, "人民币壹佰万元整"),
    (50, "人民币伍角整"),
    (5, "人民币伍分"),
    (10_500_000, "人民币壹拾万伍仟元整"),
    (66_950_000, "人民币陆拾陆万玖仟伍佰元整"),
    (264_150_000, "人民币贰佰陆拾肆万壹仟伍佰元整"),
    # further cases of the same rules
    (55, "人民币伍角伍分"),
    (100, "人民币壹元整"),
    (100_005, "人民币壹仟元零伍分"),
    (100_050, "人民币壹仟元伍角整"),
    (10_000_000_100, "人民币壹亿零壹元整"),
    (10_001_000_000, "人民币壹亿零壹万元整"),
    (10_000_100_000, "人民币壹亿零壹仟元整"),
    (101_000_000, "人民币壹佰零壹万元整"),
    (100_010_000, "人民币壹佰万零壹佰元整"),
    (10_010_000, "人民币壹拾万零壹佰元整"),
    (101_000, "人民币壹仟零壹拾元整"),
    (101_000_000_000, "人民币壹拾亿壹仟万元整"),
    (99_999_999_999_999, "人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    (80_000_000, "人民币捌拾万元整"),
]


@pytest.mark.parametrize("fen, words", WORDS)
def test_fen_to_words(fen, words):
    assert fen_to_words(fen) == words


@pytest.mark.parametrize("fen, words", WORDS)
def test_words_to_fen(fen, words):
    assert words_to_fen(words) == fen


@pytest.mark.parametrize(
    "words, fen",
    [("拾元整", 1000), ("人民币壹仟元零伍角", 100_050), ("壹佰圆整", 10_000), ("人民币 壹元 整", 100)],
)
def test_words_to_fen_accepts_common_variants(words, fen):
    assert words_to_fen(words) == fen


@pytest.mark.parametrize("words", ["", "人民币", "人民币壹贰元", "人民币壹元伍", "人民币ABC", "人民币壹元伍分整", "人民币佰元"])
def test_words_to_fen_rejects(words):
    with pytest.raises(RuleError):
        words_to_fen(words)


@pytest.mark.parametrize("fen", [-1, 10**14])
def test_fen_to_words_out_of_range(fen):
    with pytest.raises(RuleError):
        fen_to_words(fen)


@pytest.mark.parametrize(
    "text, fen",
    [
        ("1409.5", 140950),
        ("1,409.50", 140950),
        ("¥1409.50", 140950),
        ("￥1,409.50", 140950),
        ("1409", 140900),
        (" 1409.50元 ", 140950),
        ("0.05", 5),
        (".5", 50),
        ("0", 0),
        ("１４０９．５", 140950),
        (1409, 140900),
        (Decimal("1409.50"), 140950),
        (Decimal("669500"), 66_950_000),
    ],
)
def test_yuan_to_fen(text, fen):
    assert yuan_to_fen(text) == fen


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("1409.505", "最多两位小数"),
        (Decimal("0.001"), "最多两位小数"),
        ("-1", "不能为负数"),
        ("¥-1.00", "不能为负数"),
        (-5, "不能为负数"),
        (Decimal("-0.5"), "不能为负数"),
        ("", "请填写"),
        ("abc", "格式错误"),
        ("1,40,9", "格式错误"),
        ("1.2.3", "格式错误"),
        (1.5, "格式错误"),
        (True, "格式错误"),
    ],
)
def test_yuan_to_fen_rejects(text, fragment):
    with pytest.raises(RuleError, match=fragment):
        yuan_to_fen(text)


@pytest.mark.parametrize(
    "fen, shown, plain",
    [(140950, "¥1,409.50", "1409.50"), (0, "¥0.00", "0.00"), (5, "¥0.05", "0.05"),
     (-140950, "-¥1,409.50", "-1409.50"), (66_950_000, "¥669,500.00", "669500.00")],
)
def test_format(fen, shown, plain):
    assert format_fen(fen) == shown
    assert fen_to_plain(fen) == plain


def test_float_is_not_money():
    with pytest.raises(TypeError):
        format_fen(1409.5)


ALLOWED = set("人民币零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整")
amounts = st.integers(min_value=0, max_value=10**12)


@given(amounts)
def test_words_round_trip(fen):
    assert words_to_fen(fen_to_words(fen)) == fen


@given(st.integers(min_value=0, max_value=10**14 - 1))
def test_words_round_trip_full_range(fen):
    assert words_to_fen(fen_to_words(fen)) == fen


@given(amounts)
def test_words_use_only_allowed_characters(fen):
    words = fen_to_words(fen)
    assert words.startswith("人民币")
    assert set(words) <= ALLOWED
    assert "零零" not in words
    assert "零万" not in words and "零亿" not in words and "零元" not in words[4:]


@given(amounts)
def test_zheng_exactly_when_no_fen(fen):
    words = fen_to_words(fen)
    assert ("整" in words) == (fen % 10 == 0)
    assert words.count("整") <= 1


@given(amounts)
def test_plain_round_trip(fen):
    assert yuan_to_fen(fen_to_plain(fen)) == fen
    assert yuan_to_fen(format_fen(fen)) == fen
