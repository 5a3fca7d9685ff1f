"""The rest-station standard in force and the re-inspection interval, kept in settings.

`stations.standard` holds {"min_area_m2": "20", "required": [item keys]}; when absent the default
from domain.station_standard applies (and is written on the first save). `stations.reinspect_months`
defaults to 12.
"""
from __future__ import annotations

from sqlmodel import Session

from union_desk.domain.errors import RuleError
from union_desk.domain.station_standard import (DEFAULT_REINSPECT_MONTHS, Standard,
                                                parse_standard)
from union_desk.services.errors import UserError
from union_desk.services.settings import get_setting, put_setting

STANDARD_KEY = "stations.standard"
REINSPECT_KEY = "stations.reinspect_months"


def get_standard(session: Session) -> Standard:
    try:
        return parse_standard(get_setting(session, key=STANDARD_KEY, default=None))
    except RuleError as err:
        raise UserError(f"设置中的驿家建设标准有误：{err}", field="standard") from err


def put_standard(session: Session, *, min_area_m2: str, required: list[str]) -> Standard:
    """Replace the standard in force. Stations are flagged against it from now on."""
    try:
        standard = parse_standard({"min_area_m2": min_area_m2, "required": list(required)})
    except RuleError as err:
        raise UserError(str(err), field="standard") from err
    if standard.min_area_tenths <= 0:
        raise UserError("最小使用面积应大于0", field="min_area_m2")
    put_setting(session, key=STANDARD_KEY, value=standard.as_setting())
    return standard


def seed_defaults(session: Session) -> None:
    """Write the default standard and interval if absent (so a clerk sees them in settings)."""
    if get_setting(session, key=STANDARD_KEY) is None:
        put_setting(session, key=STANDARD_KEY, value=parse_standard(None).as_setting())
    if get_setting(session, key=REINSPECT_KEY) is None:
        put_setting(session, key=REINSPECT_KEY, value=DEFAULT_REINSPECT_MONTHS)


def get_reinspect_months(session: Session) -> int:
    value = get_setting(session, key=REINSPECT_KEY, default=DEFAULT_REINSPECT_MONTHS)
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise UserError(f"设置中的复验周期有误：{value!r}", field="reinspect_months")
    return value


def put_reinspect_months(session: Session, *, months: int) -> None:
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= 60:
        raise UserError("复验周期应为1到60个月", field="reinspect_months")
    put_setting(session, key=REINSPECT_KEY, value=months)
