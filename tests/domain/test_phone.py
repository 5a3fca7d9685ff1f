import pytest

from union_desk.domain.errors import RuleError
from union_desk.domain.phone import parse_mobile


@pytest.mark.parametrize(
    "text",
    ["13800138000", "+86 138 0013 8000", "0086-138-0013-8000", "138-0013-8000", "+8613800138000", "１３８００１３８０００",
     "手机：13800138000", "手机13800138000", "电话 138-0013-8000", "联系电话:13800138000",
     "'13800138000", "＇13800138000"],
)
def test_valid(text):
    assert parse_mobile(text) == "13800138000"


@pytest.mark.parametrize(
    "text",
    ["", None, "12800138000", "1380013800", "138001380001", "0571-64712345", "1380013800a", "+87 13800138000", "８６13800138000",
     "手机：", "13800138000/64712345", "本人手机13800138000"],
)
def test_invalid(text):
    with pytest.raises(RuleError, match="手机号应为11位"):
        parse_mobile(text)
