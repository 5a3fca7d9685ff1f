import pytest

from union_desk.domain.errors import RuleError
from union_desk.domain.townships import TOWNSHIPS, Township, township_by_code, township_by_name

EXPECTED = [
    ("XAJ", "新安江街道"), ("YX", "洋溪街道"), ("GL", "更楼街道"), ("LH", "莲花镇"),
    ("QT", "乾潭镇"), ("MC", "梅城镇"), ("YCQ", "杨村桥镇"), ("XY", "下涯镇"),
    ("DY", "大洋镇"), ("SD", "三都镇"), ("SC", "寿昌镇"), ("HT", "航头镇"),
    ("DCY", "大慈岩镇"), ("DT", "大同镇"), ("LJ", "李家镇"), ("QTX", "钦堂乡"),
]


def test_order_and_codes():
    assert [(t.code, t.name) for t in TOWNSHIPS] == EXPECTED
    kinds = [t.name[-2:] == "街道" for t in TOWNSHIPS].count(True)
    assert (kinds, sum(t.name.endswith("镇") for t in TOWNSHIPS), sum(t.name.endswith("乡") for t in TOWNSHIPS)) == (3, 12, 1)


@pytest.mark.parametrize("code, name", EXPECTED)
def test_lookups(code, name):
    assert township_by_code(code) == Township(code, name)
    assert township_by_code(code.lower()) == Township(code, name)
    assert township_by_name(name) == Township(code, name)


@pytest.mark.parametrize("short, code", [("新安江", "XAJ"), ("钦堂", "QTX"), ("乾潭", "QT"), (" 大同 ", "DT")])
def test_short_names(short, code):
    assert township_by_name(short).code == code


@pytest.mark.parametrize("bad", ["", None, "ZZ", "QTXX"])
def test_unknown_code(bad):
    with pytest.raises(RuleError):
        township_by_code(bad)


@pytest.mark.parametrize("bad", ["", None, "建德市", "西湖区", "新安江镇"])
def test_unknown_name(bad):
    with pytest.raises(RuleError):
        township_by_name(bad)


def test_a_code_reads_as_its_name_and_an_unknown_code_as_itself():
    from union_desk.domain.townships import township_name

    assert township_name("DY") == "大洋镇" and township_name(" qt ") == "乾潭镇"
    assert township_name("ZZ") == "ZZ" and township_name("") == ""
