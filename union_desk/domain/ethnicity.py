"""The 56 ethnic groups by their official names (GB/T 3304, 中国各民族名称的罗马字母拼写法和代码),
so that a 民族 written short ("汉", "维吾尔") is kept as the full name ("汉族", "维吾尔族"), as
the roster's form suggests it and as the city's tables count it.

    normalise_ethnicity(" 汉 ")   # "汉族"
    normalise_ethnicity("穿青人")  # "穿青人": anything else stays as written, spaces aside
"""
from __future__ import annotations

import unicodedata

ETHNIC_GROUPS = (
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
    "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
    "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族",
    "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族",
    "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族",
    "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族",
    "基诺族",
)
_KNOWN = frozenset(ETHNIC_GROUPS)
_BY_SHORT = {name[:-1]: name for name in ETHNIC_GROUPS}


def normalise_ethnicity(text: str | None) -> str:
    """The official name of a group written without its 族; anything else as written, without
    spaces (NFKC)."""
    if text in _KNOWN:   # nearly every row of a roster: no work
        return text
    written = "".join(unicodedata.normalize("NFKC", text or "").split())
    return _BY_SHORT.get(written, written)
