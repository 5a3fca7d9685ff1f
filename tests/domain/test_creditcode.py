import pytest
from hypothesis import given
from hypothesis import strategies as st

from union_desk.domain.creditcode import (
    credit_check_char,
    credit_code_problem,
    normalise_credit_code,
)
from union_desk.domain.errors import RuleError

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@pytest.mark.parametrize("code", ["91110000600037341L", " 91110000600037341l ", "9111 0000 6000 3734 1L"])
def test_valid(code):
    assert credit_code_problem(code) is None


@pytest.mark.parametrize(
    "code, fragment",
    [
        ("91110000600037341N", "校验位错误，应为 L"),
        ("9111000060003734", "应为18位"),
        ("", "应为18位，当前为0位"),
        ("91110000600037341O", "不允许的字符：O"),
        ("9111000060003734IL", "不允许的字符：I"),
    ],
)
def test_problems(code, fragment):
    assert fragment in credit_code_problem(code)


def test_normalise():
    assert normalise_credit_code(" 91110000600037341l\n") == "91110000600037341L"
    assert normalise_credit_code(None) == ""


def test_check_char():
    assert credit_check_char("91110000600037341") == "L"
    with pytest.raises(RuleError):
        credit_check_char("9111000060003734I")


@given(st.text(ALPHABET, min_size=17, max_size=17), st.sampled_from(ALPHABET))
def test_only_computed_check_char_is_valid(first17, last):
    ok = credit_code_problem(first17 + last) is None
    assert ok == (last == credit_check_char(first17))
