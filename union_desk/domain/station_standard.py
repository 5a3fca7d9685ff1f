"""The local standard for rest stations (爱心驿家): checklist items and what a station misses.

The items are fixed here (keys and Chinese labels); which of them the township requires, and the
minimum floor area, are the *standard in force*, kept in settings and passed in as a plain dict:

    {"min_area_m2": "20", "required": ["area", "toilet", ...]}

Areas are handled as integer tenths of a square metre (25.5 m² → 255), never float.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Iterable, Mapping

from .errors import RuleError

AREA = "area"


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    required_by_default: bool = True


CHECKLIST: tuple[ChecklistItem, ...] = (
    ChecklistItem(AREA, "使用面积"),
    ChecklistItem("toilet", "卫生间"),
    ChecklistItem("air_conditioner", "空调"),
    ChecklistItem("fridge", "冰箱"),
    ChecklistItem("microwave", "微波炉"),
    ChecklistItem("hot_water", "热水"),
    ChecklistItem("charging", "充电"),
    ChecklistItem("first_aid", "急救箱"),
    ChecklistItem("bp_meter", "血压计"),
    ChecklistItem("wifi", "Wi-Fi", required_by_default=False),
)
ITEM_KEYS: tuple[str, ...] = tuple(i.key for i in CHECKLIST)
# What a station can have (everything but the area, which is measured, not ticked).
FACILITY_KEYS: tuple[str, ...] = tuple(k for k in ITEM_KEYS if k != AREA)
DEFAULT_MIN_AREA_M2 = Decimal(20)
_LABELS = {i.key: i.label for i in CHECKLIST}


@dataclass(frozen=True)
class Standard:
    min_area_tenths: int
    required: tuple[str, ...]  # in checklist order

    def as_setting(self) -> dict:
        return {"min_area_m2": tenths_to_text(self.min_area_tenths), "required": list(self.required)}


@dataclass(frozen=True)
class StationFacts:
    """What a station has: floor area (tenths of m², None if unknown) and facility keys."""

    area_tenths: int | None
    facilities: frozenset[str]


def default_standard() -> Standard:
    return Standard(min_area_tenths=area_to_tenths(DEFAULT_MIN_AREA_M2),
                    required=tuple(i.key for i in CHECKLIST if i.required_by_default))


def area_to_tenths(value: str | int | Decimal) -> int:
    """25.5 / "25.5" / Decimal("25.5") → 255. At most one decimal place, not negative."""
    if isinstance(value, bool) or isinstance(value, float):
        raise RuleError("面积应以文字或定点数给出")
    try:
        number = Decimal(str(value).strip().removesuffix("㎡").removesuffix("平方米").strip())
    except InvalidOperation:
        raise RuleError(f"面积格式错误：{value}") from None
    if not number.is_finite():
        raise RuleError(f"面积格式错误：{value}")
    if number < 0:
        raise RuleError("面积不能为负数")
    tenths = number * 10
    if tenths != tenths.to_integral_value():
        raise RuleError("面积最多一位小数")
    return int(tenths)


def tenths_to_text(tenths: int) -> str:
    """255 → "25.5", 200 → "20"."""
    whole, tenth = divmod(int(tenths), 10)
    return f"{whole}.{tenth}" if tenth else str(whole)


def parse_standard(value: Mapping | None) -> Standard:
    """The standard from its settings form; None gives the default. Raises RuleError."""
    if value is None:
        return default_standard()
    if not isinstance(value, Mapping):
        raise RuleError("驿家建设标准的格式错误")
    min_area = area_to_tenths(value.get("min_area_m2", DEFAULT_MIN_AREA_M2))
    required = value.get("required", [])
    if isinstance(required, str) or not isinstance(required, Iterable):
        raise RuleError("驿家建设标准的必备项目应为列表")
    unknown = [k for k in required if k not in _LABELS]
    if unknown:
        raise RuleError(f"驿家建设标准含有未知项目：{'、'.join(map(str, unknown))}")
    wanted = set(required)
    return Standard(min_area_tenths=min_area, required=tuple(k for k in ITEM_KEYS if k in wanted))


def check_facilities(keys: Iterable[str]) -> tuple[str, ...]:
    """Validated facility keys in checklist order. Raises RuleError on an unknown key."""
    keys = set(keys)
    unknown = sorted(keys - set(FACILITY_KEYS))
    if unknown:
        raise RuleError(f"未知的设施项目：{'、'.join(unknown)}")
    return tuple(k for k in FACILITY_KEYS if k in keys)


def missing_items(station_facts: StationFacts, standard: Standard) -> list[str]:
    """Keys of the required items the station lacks, in checklist order."""
    missing = []
    for key in standard.required:
        if key == AREA:
            area = station_facts.area_tenths
            if area is None or area < standard.min_area_tenths:
                missing.append(key)
        elif key not in station_facts.facilities:
            missing.append(key)
    return missing


def item_label(key: str, standard: Standard | None = None) -> str:
    """Chinese label; the area item names the minimum, e.g. 使用面积≥20㎡."""
    if key == AREA:
        min_tenths = (standard or default_standard()).min_area_tenths
        return f"使用面积≥{tenths_to_text(min_tenths)}㎡"
    try:
        return _LABELS[key]
    except KeyError:
        raise RuleError(f"未知的设施项目：{key}") from None


DEFAULT_REINSPECT_MONTHS = 12


def add_months(day: date, months: int) -> date:
    """Same day `months` later; the 31st becomes the month's last day (2021-01-31 + 1 → 02-28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def next_inspection_due(*, registered_on: date, last_on: date | None, last_passed: bool | None,
                        months: int) -> date:
    """When a station must next be inspected.

    Never inspected: acceptance (验收) is due from registration. Latest inspection failed: a
    re-inspection (复验) is due at once, i.e. from that inspection's date. Otherwise `months`
    after the latest inspection.
    """
    if last_on is None:
        return registered_on
    if not last_passed:
        return last_on
    return add_months(last_on, months)
