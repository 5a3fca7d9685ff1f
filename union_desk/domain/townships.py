"""Jiande's 16 township-level units (3 街道, 12 镇, 1 乡) with short codes."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import RuleError


@dataclass(frozen=True)
class Township:
    code: str
    name: str


TOWNSHIPS: tuple[Township, ...] = tuple(
    Township(code, name)
    for code, name in (
        ("XAJ", "新安江街道"),
        ("YX", "洋溪街道"),
        ("GL", "更楼街道"),
        ("LH", "莲花镇"),
        ("QT", "乾潭镇"),
        ("MC", "梅城镇"),
        ("YCQ", "杨村桥镇"),
        ("XY", "下涯镇"),
        ("DY", "大洋镇"),
        ("SD", "三都镇"),
        ("SC", "寿昌镇"),
        ("HT", "航头镇"),
        ("DCY", "大慈岩镇"),
        ("DT", "大同镇"),
        ("LJ", "李家镇"),
        ("QTX", "钦堂乡"),
    )
)

_BY_CODE = {t.code: t for t in TOWNSHIPS}
_BY_NAME = {t.name: t for t in TOWNSHIPS}
# Short names without the 街道/镇/乡 suffix, as clerks often type them (all unique).
_BY_SHORT = {t.name.removesuffix("街道").removesuffix("镇").removesuffix("乡"): t for t in TOWNSHIPS}


def township_by_code(code: str | None) -> Township:
    """Look up by short code (case-insensitive)."""
    key = "".join((code or "").split()).upper()
    try:
        return _BY_CODE[key]
    except KeyError:
        raise RuleError(f"未知的乡镇（街道）代码：{code}") from None


def township_name(code: str) -> str:
    """A township's name for its code, for people to read (the code itself if it is not one of
    Jiande's: a package may come from an installation set up elsewhere)."""
    found = _BY_CODE.get("".join(code.split()).upper())
    return found.name if found else code


def township_by_name(name: str | None) -> Township:
    """Look up by full name, or by the name without its 街道/镇/乡 suffix."""
    key = "".join((name or "").split())
    found = _BY_NAME.get(key) or _BY_SHORT.get(key)
    if found is None:
        raise RuleError(f"不是建德市的乡镇（街道）：{name}")
    return found
