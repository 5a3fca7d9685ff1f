import pytest

from union_desk.domain.masking import mask_account, mask_id, mask_phone


@pytest.mark.parametrize(
    "value, masked",
    [
        ("330182198001011234", "330182**********34"),
        ("11010519491231002X", "110105**********2X"),
        ("330182800101123", "33***********23"),
        ("12345", "12*45"),
        ("1234", "****"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_id(value, masked):
    assert mask_id(value) == masked


@pytest.mark.parametrize(
    "value, masked",
    [
        ("13800138000", "138****8000"),
        ("+86 138-0013-8000", "138****8000"),
        ("057164712345", "05********45"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_phone(value, masked):
    assert mask_phone(value) == masked


@pytest.mark.parametrize(
    "value, masked",
    [
        ("6222021202001234", "****1234"),
        ("6222 0212 0200 1234", "****1234"),
        ("123", "****"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_account(value, masked):
    assert mask_account(value) == masked
