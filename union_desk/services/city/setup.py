"""A city database: the same schema as a township's, a setting that says it is the city's, and
the city office's X25519 key pair (the townships encrypt their packages to its public part)."""
from __future__ import annotations

from sqlmodel import Session

from union_desk.services.errors import UserError
from union_desk.services.exchange.keys import CityKey, make_city_key
from union_desk.services.settings import CITY_ROLE, ROLE_KEY, get_setting, is_city, put_setting

CITY_NAME_KEY = "city.name"


def init_city(session: Session, *, name: str, clerk: str) -> CityKey:
    name, clerk = name.strip(), clerk.strip()
    if not name:
        raise UserError("请填写市总工会名称", field="name")
    if not clerk:
        raise UserError("请填写经办人姓名", field="clerk")
    if get_setting(session, key="township"):
        raise UserError("这是乡镇（街道）的数据库，不能改作市总工会数据库：请用一个新文件")
    if is_city(session):
        raise UserError("这已经是市总工会的数据库")
    session.info["actor"] = clerk
    put_setting(session, key=ROLE_KEY, value=CITY_ROLE)
    put_setting(session, key=CITY_NAME_KEY, value=name)
    put_setting(session, key="clerk", value=clerk)
    return make_city_key(session, name=name)


def city_name(session: Session) -> str:
    return get_setting(session, key=CITY_NAME_KEY, default="")
