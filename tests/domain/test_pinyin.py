import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from union_desk.domain.pinyin import (name_key, person_spelling, person_spellings, pinyin_full,
                                      pinyin_initials)


@pytest.mark.parametrize(
    "name, key",
    [("张三", "张三"), (" 张\u3000三 ", "张三"), ("ＡＢＣ 张", "abc张"), ("Li Ming", "liming"), (None, "")],
)
def test_name_key(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize(
    "name, initials, full",
    [
        ("张三", "zs", "zhangsan"),
        ("张 三", "zs", "zhangsan"),
        ("李四2", "ls2", "lisi2"),
        ("王Amy", "wamy", "wangamy"),
        ("吕布", "lb", "lvbu"),
        ("买买提·艾力", "mmtal", "maimaitiaili"),
        ("", "", ""),
    ],
)
def test_pinyin(name, initials, full):
    assert pinyin_initials(name) == initials
    assert pinyin_full(name) == full


@pytest.mark.parametrize(
    "name, initials, full, alt_initials",
    [
        ("曾丹伟", "zdw", "zengdanwei", "cdw"),  # 曾 as a surname is zēng, the other reading kept
        ("覃 明", "qm", "qinming", "tm"),
        ("单雄", "sx", "shanxiong", "dx"),
        ("仇英", "qy", "qiuying", "cy"),
        ("解缙", "xj", "xiejin", "jj"),
        ("查良镛", "zly", "zhaliangyong", "cly"),
        ("区华", "oh", "ouhua", "qh"),
        ("盖聂", "gn", "genie", "gn"),
        ("乐小明", "yxm", "yuexiaoming", "lxm"),
        ("缪斯", "ms", "miaosi", "ms"),  # same initials, other full reading,
        ("翟丽", "zl", "zhaili", "dl"),
        ("张三", "zs", "zhangsan", ""),  # no second reading: no alternative
        ("Li Ming", "liming", "liming", ""),
        ("", "", "", ""),
    ],
)
def test_person_spelling_reads_the_surname_as_a_surname(name, initials, full, alt_initials):
    spelling = person_spelling(name)
    assert (spelling.initials, spelling.full, spelling.alt_initials) == (initials, full, alt_initials)
    assert bool(spelling.alt_full) == bool(alt_initials)


def test_plain_text_pinyin_keeps_the_ordinary_reading():
    # a union or station name is not a person: 解放路 is jiefanglu
    assert pinyin_full("解放路社区工会").startswith("jiefanglu")


_NAME_CHARS = "曾单查区盖乐缪覃解仇朴翟张王李陈欧阳长孙丹伟晓兰雄明重庆银行长乐都会行家和平"


@settings(max_examples=200, deadline=None)
@given(names=st.lists(st.text(alphabet=_NAME_CHARS + "a·Ｚ 1", min_size=1, max_size=5),
                      min_size=1, max_size=30))
def test_many_names_at_once_are_spelled_as_one_at_a_time(names):
    """person_spellings (a million-member demo) gives exactly person_spelling's result, phrases
    (重庆, 银行, 长乐), surnames read two ways, Latin and full-width text included."""
    spelled = person_spellings(names)
    assert set(spelled) == set(names)
    for name in names:
        assert spelled[name] == person_spelling(name), name


def test_one_call_per_name_gives_what_one_call_per_style_gave():
    # the initials and the full pinyin come from one pypinyin call (domain/pinyin._spell): the
    # same as pypinyin's FIRST_LETTER and NORMAL styles, Latin letters and digits kept whole
    from pypinyin import Style, lazy_pinyin

    from union_desk.domain.pinyin import _ascii_alnum, _spell, name_key

    names = ["张三", "曾丹伟", "单田芳", "欧阳娜娜", "李Lily2", "吕绿", "长孙无忌", "重庆", "银行行长",
             "王 小明", "Ａ区3号", "朴树", "乐乐", "解晓东", "区伟", "覃海洋", "😀张", "司马光"]
    for name in names:
        key = name_key(name)
        assert _spell(key) == (_ascii_alnum(lazy_pinyin(key, style=Style.FIRST_LETTER)),
                               _ascii_alnum(lazy_pinyin(key, style=Style.NORMAL))), name


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="张王李曾单长重行乐解朴区覃吕绿都阿Aa1 ·-", min_size=1, max_size=6))
def test_one_call_per_name_matches_two_calls_for_any_text(text):
    from pypinyin import Style, lazy_pinyin

    from union_desk.domain.pinyin import _ascii_alnum, _spell, name_key

    key = name_key(text)
    assert _spell(key) == (_ascii_alnum(lazy_pinyin(key, style=Style.FIRST_LETTER)),
                           _ascii_alnum(lazy_pinyin(key, style=Style.NORMAL)))
