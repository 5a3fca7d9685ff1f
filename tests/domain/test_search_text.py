import pytest

from union_desk.domain.search import SearchText, normalise_search


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("", SearchText("", "")),
        ("   ", SearchText("", "")),
        ("１６５", SearchText("number", "165")),  # full-width digits from an IME
        ("ｚｙ", SearchText("latin", "zy")),
        ("ZDW", SearchText("latin", "zdw")),
        ("138 0000 8000", SearchText("number", "13800008000")),
        ("138-0000-8000", SearchText("number", "13800008000")),
        ("+86 138 0000 8000", SearchText("number", "13800008000")),
        ("0086-13800008000", SearchText("number", "13800008000")),
        ("11010519491231002x", SearchText("number", "11010519491231002X")),
        ("5922", SearchText("number", "5922")),
        ("ＨＹ０１２", SearchText("latin", "hy012")),
        ("张 三", SearchText("name", "张三")),
        ("曾ｄ", SearchText("name", "曾d")),
    ],
)
def test_normalise_search(typed, expected):
    assert normalise_search(typed) == expected
