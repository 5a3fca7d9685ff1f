"""Seat assignment for shuttle buses (返乡专车): destination keys and the packing rule. Pure.

Destinations. A bus's route is an ordered list of stops (凯里, 黄平, …); a registration has a
province, city and county. ``place_key`` reduces a place name to a comparable key (suffixes
such as 省/市/自治州/县 and a leading province name dropped: "贵州黔东南" and
"黔东南苗族侗族自治州" both give "黔东南"; a former name is read as the name of today, so a
stop written 开县 or 襄樊 serves the registrations placed in 开州区 or 襄阳市).
``destination_key`` matches a registration against all stops of the leg, the most specific
level first (county, then city, then province).

Packing (``assign``), deterministic:

1. Passengers are grouped by destination key; within a group, registration order.
2. Groups are placed most constrained first — served by the fewest buses, then the largest,
   then the earliest first registration — each on the first bus (buses already carrying that
   destination first, then bus order) that serves the destination and can take the whole
   group. Only when no single bus can take it whole is the group split, filling the serving
   buses in that same order; whoever is left waits.
3. Inside a bus, seats go from the lowest free number upward in route order (the first stop's
   passengers sit nearest the door), then registration order.

So a bus is never over capacity; a destination is split only when, at that moment, no serving
bus had room for all of it (and then it stays so: a split group's passengers could not be
moved onto any one bus afterwards either); nobody waits while a bus serving their destination
has a free seat; within a destination the earlier registrations get the seats; the waiting list
is in registration order.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .places import name_of_today

PROVINCES = (
    "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江",
    "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆",
    "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾", "香港", "澳门",
)
_ETHNIC = (
    "土家", "布依", "哈尼", "傈僳", "仡佬", "纳西", "蒙古", "朝鲜", "维吾尔", "哈萨克", "柯尔克孜",
    "苗", "侗", "彝", "傣", "壮", "回", "藏", "满", "瑶", "白", "羌", "土", "水", "黎", "畲",
)
_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州",
             "自治县", "地区", "新区", "省", "市", "州", "盟", "县", "区", "旗")
_ETHNIC_TAIL = re.compile("(?:" + "|".join(sorted(_ETHNIC, key=len, reverse=True)) + ")族$")


def _strip_suffixes(text: str) -> str:
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                text, changed = text[: -len(suffix)], True
                break
        while (m := _ETHNIC_TAIL.search(text)) and m.start() >= 2:
            text, changed = text[: m.start()], True
    return text


def place_key(name: str | None) -> str:
    """Comparable key of a place or stop name: 湖北省 → 湖北, 河南信阳 → 信阳, 恩施土家族苗族自治州 → 恩施."""
    text = "".join(unicodedata.normalize("NFKC", name or "").split())
    if (whole := _strip_suffixes(text)) in PROVINCES:
        return whole
    for province in PROVINCES:
        if text.startswith(province) and len(text) > len(province) + 1:
            rest = text[len(province):]
            rest = rest[1:] if rest[0] in "省市" else rest
            if len(rest) > 1:
                text = rest
            break
    return _strip_suffixes(name_of_today(text))


def destination_key(province: str, city: str, county: str, stops: set[str]) -> str:
    """The stop key this registration travels to: its county if some bus stops there, else its
    city, else its province; if no stop matches, the most specific key of its own place."""
    levels = [place_key(county), place_key(city), place_key(province)]
    for key in levels:
        if key and key in stops:
            return key
    return next((k for k in levels if k), "")


@dataclass(frozen=True)
class BusSpec:
    id: str
    seats: int
    stops: tuple[str, ...]  # destination keys along the route, in order
    order: int = 0
    taken: frozenset[int] = frozenset()  # seat numbers already occupied (kept as they are)
    carrying: frozenset[str] = frozenset()  # destination keys of passengers already on board

    @property
    def capacity(self) -> int:
        return max(0, self.seats - len(self.taken))


@dataclass(frozen=True)
class Passenger:
    id: str
    destination: str
    order: int  # registration order, unique within the campaign


@dataclass
class Assignment:
    seats: dict[str, tuple[str, int]] = field(default_factory=dict)  # passenger → (bus, seat no)
    waiting: list[str] = field(default_factory=list)  # passenger ids, registration order
    unserved: list[str] = field(default_factory=list)  # destination keys no bus serves

    def on_bus(self, bus_id: str) -> list[tuple[int, str]]:
        """(seat no, passenger id) on one bus, by seat number."""
        return sorted((seat, pid) for pid, (bus, seat) in self.seats.items() if bus == bus_id)


def assign(buses: list[BusSpec], passengers: list[Passenger]) -> Assignment:
    """Seat ``passengers`` on ``buses`` by the rule in this module's docstring."""
    ordered_buses = sorted(buses, key=lambda b: (b.order, b.id))
    if len({b.id for b in ordered_buses}) != len(ordered_buses):
        raise ValueError("duplicate bus id")
    free = {b.id: b.capacity for b in ordered_buses}
    groups: dict[str, list[Passenger]] = {}
    for p in sorted(passengers, key=lambda p: (p.order, p.id)):
        groups.setdefault(p.destination, []).append(p)
    placed: dict[str, list[Passenger]] = {b.id: [] for b in ordered_buses}
    waiting: list[Passenger] = []
    unserved: list[str] = []
    serving_of = {key: [b for b in ordered_buses if key in b.stops] for key in groups}
    for key, group in sorted(groups.items(), key=lambda kv: (
            len(serving_of[kv[0]]), -len(kv[1]), kv[1][0].order, kv[0])):
        serving = serving_of[key]
        if not serving:
            unserved.append(key)
            waiting.extend(group)
            continue
        serving.sort(key=lambda b: key not in b.carrying)  # stable: bus order kept otherwise
        whole = next((b for b in serving if free[b.id] >= len(group)), None)
        rest = group
        for bus in [whole] if whole else serving:
            take, rest = rest[: free[bus.id]], rest[free[bus.id]:]
            placed[bus.id].extend(take)
            free[bus.id] -= len(take)
            if not rest:
                break
        waiting.extend(rest)
    result = Assignment(unserved=sorted(unserved))
    for bus in ordered_buses:
        numbers = (n for n in range(1, bus.seats + 1) if n not in bus.taken)
        stop_index = {k: i for i, k in reversed(list(enumerate(bus.stops)))}
        for p in sorted(placed[bus.id], key=lambda p: (stop_index[p.destination], p.order, p.id)):
            result.seats[p.id] = (bus.id, next(numbers))
    result.waiting = [p.id for p in sorted(waiting, key=lambda p: (p.order, p.id))]
    return result


def first_waiting_for(bus: BusSpec, waiting: list[Passenger]) -> Passenger | None:
    """The earliest registration on the waiting list that this bus's route serves."""
    for p in sorted(waiting, key=lambda p: (p.order, p.id)):
        if p.destination in bus.stops:
            return p
    return None
