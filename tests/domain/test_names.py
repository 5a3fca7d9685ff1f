"""Personal names: invisible characters out, spreadsheet error values, digits and emoji refused."""
import pytest
from hypothesis import given, strategies as st

from union_desk.domain.errors import RuleError
from union_desk.domain.names import clean_name, is_error_value, strip_invisible


@pytest.mark.parametrize("text, name", [
    ("张三", "张三"),
    (" 张 三 ", "张三"),
    ("张\u200b三", "张三"),            # zero-width space
    ("\ufeff李四", "李四"),            # byte-order mark
    ("王\u200d五\u200c", "王五"),      # zero-width joiner / non-joiner
    ("赵\u2060六\u00ad", "赵六"),      # word joiner, soft hyphen
    ("\u202e钱七\u202c", "钱七"),      # direction marks
    ("孙\u3164八", "孙八"),            # Hangul filler: shows nothing
    ("阿卜杜·热合曼", "阿卜杜·热合曼"),
    ("张三😀", "张三😀"),              # letters with an emoji are still a name
])
def test_names_are_cleaned(text, name):
    assert clean_name(text) == name


@pytest.mark.parametrize("text, reason", [
    ("", "请填写姓名"),
    ("\u200b\u200d\ufeff", "请填写姓名"),
    ("#REF!", "错误值"),
    ("#N/A", "错误值"),
    ("＃ＤＩＶ／０！", "错误值"),
    ("#value!", "错误值"),
    ("12345", "不能只是数字"),
    ("１２３", "不能只是数字"),
    ("😀😀", "没有文字"),
    ("👨\u200d👩\u200d👧", "没有文字"),
    ("——", "没有文字"),
])
def test_non_names_are_refused_with_the_reason(text, reason):
    with pytest.raises(RuleError, match=reason):
        clean_name(text)


def test_error_values_are_recognised_in_any_width():
    assert is_error_value("#NAME?") and is_error_value(" #NULL! ") and not is_error_value("#1")


@given(st.text())
def test_cleaning_is_idempotent_and_leaves_nothing_invisible(text):
    try:
        name = clean_name(text)
    except RuleError:
        return
    assert clean_name(name) == name
    assert strip_invisible(name) == name and "".join(name.split()) == name
