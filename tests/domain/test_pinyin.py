import pytest

from union_desk.domain.pinyin import name_key, pinyin_full, pinyin_initials


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
