"""Settings kept in the database: first-run setup (township, clerk) and policy values."""
from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session, select

from union_desk.domain.errors import RuleError
from union_desk.domain.townships import township_by_code
from union_desk.models.settings import Setting
from union_desk.services.errors import UserError


def get_setting(session: Session, *, key: str, default: Any = None) -> Any:
    row = session.exec(select(Setting).where(Setting.key == key)).first()
    return default if row is None else json.loads(row.value)


def put_setting(session: Session, *, key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = session.exec(select(Setting).where(Setting.key == key)).first()
    if row is None:
        session.add(Setting(key=key, value=text))
    elif row.value != text:
        row.value = text
    session.flush()


ROLE_KEY = "role"  # "city" for the city office's database; absent for a township's
CITY_ROLE = "city"


def is_city(session: Session) -> bool:
    """A city office database (many townships' rows, read-only) rather than a township's."""
    return get_setting(session, key=ROLE_KEY) == CITY_ROLE


def own_township(session: Session) -> str | None:
    """The name of the township this database belongs to (大洋镇); None for the city office's
    database or one not set up yet."""
    if is_city(session):
        return None
    code = session.info.get("township") or get_setting(session, key="township") or ""
    try:
        return township_by_code(code).name
    except RuleError:
        return None


def is_set_up(session: Session) -> bool:
    place = bool(get_setting(session, key="township")) or is_city(session)
    return place and bool(get_setting(session, key="clerk"))


def set_up(session: Session, *, township: str, clerk: str) -> None:
    """First run: which township this installation belongs to, and who the clerk is."""
    try:
        town = township_by_code(township)
    except RuleError as err:
        raise UserError(str(err), field="township") from err
    clerk = clerk.strip()
    if not clerk:
        raise UserError("请填写经办人姓名", field="clerk")
    if is_city(session):
        raise UserError("这是市总工会的数据库，不能设置为乡镇（街道）", field="township")
    existing = get_setting(session, key="township")
    if existing and existing != town.code:
        raise UserError("本数据库已属于其他乡镇，不能更改所属乡镇", field="township")
    session.info["township"] = town.code
    session.info["actor"] = clerk
    put_setting(session, key="township", value=town.code)
    put_setting(session, key="clerk", value=clerk)
