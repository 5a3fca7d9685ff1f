"""Where a worker goes home to: a destination or address in one piece of text, placed as a
province, a prefecture-level city and a county of China's administrative divisions. Pure.

    parse_place("贵州黔东南")                          # 贵州省 / 黔东南苗族侗族自治州 / ""
    parse_place("贵州省黔东南苗族侗族自治州榕江县古州镇…")  # … / 榕江县 (the street is ignored)
    parse_place("恩施")                                # 湖北省 / 恩施土家族苗族自治州 / ""
    parse_place("鼓楼")    # RuleError: “鼓楼”有 4 处：江苏省南京市鼓楼区、… 请写明省份或城市
    resolve_place("贵州", "黔东南州", "凯里")          # the three columns of a list, checked

The divisions are the 民政部 table of `division_table.YEAR` (`division_table.py`, loaded on the
first use only: start-up does not pay for it). A division is known by its official name, its
short name (贵州, 黔东南, 榕江), the name without its suffix, and for an autonomous prefecture or
county also the short name with 州 / 县 (黔东南州, 恩施州, 松桃县). It is known too by the names it
had since 2000 (`division_table.FORMER`), as ID cards and household registers still show them:

    parse_place("重庆市开县汉丰街道")       # 重庆市 / "" / 开州区
    parse_place("湖北省襄樊市樊城区")       # 湖北省 / 襄阳市 / 樊城区
    parse_place("贵州省毕节地区织金县")     # 贵州省 / 毕节市 / 织金县

Reading goes left to right, from the largest division down: at each point the longest name of a
division below what was found (and inside it) is taken, a name of today before a former name as
long (安徽省安庆市郊区: not 佳木斯's 郊区 of today, but 安庆's former 郊区, now 宜秀区). A name
that fits several divisions is settled when one holds all the others (恩施: the prefecture,
which holds 恩施市) or one is a province (海南); otherwise it is refused with every candidate
named. What follows the last division found is the street address, unless it is itself the
name of a division elsewhere (“贵州恩施”: 恩施 is not in 贵州), which is refused.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .errors import RuleError

_SEPARATORS = re.compile(r"[\s\-_/\\·・、,，.。:：;；()（）\[\]【】<>《》\"'“”‘’]+")
_COUNTRY = ("中华人民共和国", "中国")
_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县",
             "自治旗", "新区", "林区", "特区", "地区", "省", "市", "区", "县", "州", "盟", "旗")
_SHOWN_CANDIDATES = 6


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    short: str

    @property
    def level(self) -> int:
        """1 province, 2 prefecture-level city, 3 county-level division."""
        return 1 if self.code.endswith("0000") else 2 if self.code.endswith("00") else 3

    def holds(self, other: "Division") -> bool:
        return other.code != self.code and other.code.startswith(self.code[: 2 * self.level])


@dataclass(frozen=True)
class Place:
    province: str
    city: str    # "" for a municipality's district or a county-level city under the province
    county: str  # "" when the text names no county

    @property
    def text(self) -> str:
        return "".join((self.province, self.city, self.county))


class _Table:
    def __init__(self) -> None:
        from .division_table import FORMER, TABLE

        self.by_code: dict[str, Division] = {}
        self.by_alias: dict[str, list[Division]] = {}
        for line in TABLE.splitlines():
            code, name, short = line.split("\t")
            division = Division(code, name, short)
            self.by_code[code] = division
            for alias in _aliases(division):
                self.by_alias.setdefault(alias, []).append(division)
        self.by_former: dict[str, list[Division]] = {}  # a former name → the division of today
        for line in FORMER.splitlines():
            code, name, short = line.split("\t")
            division = self.by_code[code]
            for alias in _aliases(Division(code, name, short)) - _aliases(division):
                if division not in self.by_former.setdefault(alias, []):
                    self.by_former[alias].append(division)
        self.lengths = sorted({len(a) for a in (*self.by_alias, *self.by_former)}, reverse=True)

    def province_of(self, d: Division) -> Division:
        return self.by_code[d.code[:2] + "0000"]

    def city_of(self, d: Division) -> Division | None:
        return self.by_code.get(d.code[:4] + "00") if d.level == 3 else (d if d.level == 2 else None)

    def path(self, d: Division) -> str:
        parts = [self.province_of(d), self.city_of(d), d if d.level == 3 else None]
        return "".join(dict.fromkeys(p.name for p in parts if p is not None))


def _aliases(d: Division) -> set[str]:
    names = {d.name, d.short, _strip(d.name)}
    if d.name.endswith(("自治州", "地区")) or (d.level == 2 and d.name.endswith("州")):
        names.add(d.short + "州")
    if d.name.endswith("自治县"):
        names.add(d.short + "县")
    return {n for n in names if len(n) >= 2}


def _strip(name: str) -> str:
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=1)
def _table() -> _Table:
    return _Table()


def _normalise(text: str | None) -> str:
    text = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text or ""))
    for country in _COUNTRY:
        if text.startswith(country):
            return text[len(country):]
    return text


def _longest(table: _Table, text: str, at: int, levels: set[int], inside: Division | None
             ) -> tuple[str, list[Division]]:
    """The longest name at `at` of a division of `levels` inside `inside`, and its divisions
    (by a name of today before a former name as long)."""
    for length in table.lengths:
        if at + length > len(text):
            continue
        alias = text[at:at + length]
        for names in (table.by_alias, table.by_former):
            found = [d for d in names.get(alias, ())
                     if d.level in levels and (inside is None or inside.holds(d))]
            if found:
                return alias, found
    return "", []


def _settle(table: _Table, alias: str, found: list[Division]) -> Division:
    if len(found) == 1:
        return found[0]
    provinces = [d for d in found if d.level == 1]
    if len(provinces) == 1:
        return provinces[0]
    top = min(found, key=lambda d: d.level)
    if all(d is top or top.holds(d) for d in found):
        return top
    outer = [d for d in found if not any(o.holds(d) for o in found)]
    shown = "、".join(table.path(d) for d in outer[:_SHOWN_CANDIDATES])
    more = f"等 {len(outer)} 处" if len(outer) > _SHOWN_CANDIDATES else ""
    raise RuleError(f"“{alias}”有 {len(outer)} 处：{shown}{more}；请写明省份或城市")


def _place(table: _Table, chosen: Division) -> Place:
    city = table.city_of(chosen)
    return Place(table.province_of(chosen).name, city.name if city else "",
                 chosen.name if chosen.level == 3 else "")


def _read(text: str) -> tuple[Division | None, str]:
    """The most specific division the text names from its start, and what follows it."""
    table = _table()
    at, chosen = 0, None
    while at < len(text) and (chosen is None or chosen.level < 3):
        levels = {1, 2, 3} if chosen is None else set(range(chosen.level + 1, 4))
        alias, found = _longest(table, text, at, levels, chosen)
        if not found:
            break
        chosen = _settle(table, alias, found)
        at += len(alias)
    return chosen, text[at:]


def _refuse_elsewhere(chosen: Division, rest: str, whole: bool) -> None:
    """RuleError when what follows the last division found names a division outside it."""
    table = _table()
    alias, found = _longest(table, rest, 0, set(range(chosen.level + 1, 4)), None)
    if found and (whole or alias == rest or any(alias == d.name for d in found)):
        outer = [d for d in found if not any(o.holds(d) for o in found)]
        where = "、".join(table.path(d) for d in outer[:_SHOWN_CANDIDATES])
        raise RuleError(f"“{alias}”不在{table.path(chosen)}（{alias}：{where}）")


@lru_cache(maxsize=4096)  # a list repeats the same few destinations
def parse_place(text: str | None) -> Place:
    """The province, city and county a destination or address names (see the module's doc);
    RuleError with the reason when it cannot be placed."""
    cleaned = _normalise(text)
    if not cleaned:
        raise RuleError("请填写目的地（省、市、县）")
    chosen, rest = _read(cleaned)
    if chosen is None:
        raise RuleError(f"无法从“{(text or '').strip()}”认出省份、城市或县区；请写明省市县，如 贵州黔东南榕江")
    if rest and chosen.level < 3:
        _refuse_elsewhere(chosen, rest, whole=False)
    return _place(_table(), chosen)


@lru_cache(maxsize=4096)
def resolve_place(province: str, city: str = "", county: str = "") -> Place:
    """Three columns of a list (any may be short or empty, e.g. 贵州 / 黔东南州 / 凯里) as one
    place: every column must be a division, each inside the one before."""
    given = [_normalise(p) for p in (province, city, county)]
    whole = "".join(given)
    if not whole:
        raise RuleError("请填写目的地（省、市、县）")
    chosen, rest = _read(whole)
    if chosen is None:
        first = next(p for p in given if p)
        raise RuleError(f"“{first}”不是省、市或县区的名称")
    if rest:
        _refuse_elsewhere(chosen, rest, whole=True)
        part = next((p for p in reversed(given) if p and rest.endswith(p) or p.endswith(rest)),
                    rest)
        raise RuleError(f"“{part}”不是行政区划名称（认出了{_table().path(chosen)}，多出“{rest}”）")
    return _place(_table(), chosen)


@lru_cache(maxsize=4096)  # a campaign's stops and places repeat
def name_of_today(name: str) -> str:
    """The name of today of a division `name` calls only by a former name (开县 → 开州区,
    襄樊 → 襄阳市, 毕节地区 → 毕节市); `name` itself when it is a name of today, names no
    division, or is a former name of several."""
    table = _table()
    key = _normalise(name)
    if key in table.by_alias:
        return name
    found = table.by_former.get(key, [])
    return found[0].name if len(found) == 1 else name


def division_source() -> str:
    """Where the table comes from, for messages and the about box."""
    from .division_table import SOURCE

    return SOURCE
