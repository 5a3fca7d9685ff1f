"""Demo roster: Jiande grassroots unions and members with valid IDs and phones (Core bulk insert)."""
from __future__ import annotations

import random
from datetime import date, timedelta

import sqlalchemy as sa
from sqlmodel import Session

from union_desk.domain.creditcode import credit_check_char
from union_desk.domain.idcard import check_char
from union_desk.domain.pinyin import pinyin_full
from union_desk.models.audit import record_bulk
from union_desk.models.base import new_id, utcnow
from union_desk.models.member import (Member, MemberEvent, MemberEventKind, MemberStatus,
                                      search_columns)
from union_desk.models.union import GrassrootsUnion, UnionStatus

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷黎史龙陶贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕红梅晓东丹玉兰春燕文彬鑫宇浩然子涵思远欣怡佳琪梓轩一鸣雨桐晨阳"
EMPLOYERS = ["建德市新安化工集团", "浙江大洋生物科技", "建德市航空小镇运营公司", "千岛湖啤酒建德分厂",
             "建德市严州水泥厂", "浙江寿昌纺织", "建德市环卫服务中心", "杭州建德顺达物流",
             "建德市梅城古镇旅游公司", "浙江乾潭竹木制品", "建德市人民医院", "建德市下涯茶叶合作社"]
HOME_AREAS = ["330182", "330182", "330182", "330182", "522601", "422801", "411302", "411502", "341202"]
HUKOU = ["农业", "非农业", "居民"]


def _credit_code(rng: random.Random) -> str:
    body = "81330182" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return body + credit_check_char(body)


def _id_number(rng: random.Random, used: set[str]) -> tuple[str, date]:
    while True:
        born = date(1962, 1, 1) + timedelta(days=rng.randrange(0, 40 * 365))
        first17 = f"{rng.choice(HOME_AREAS)}{born:%Y%m%d}{rng.randrange(1000):03d}"
        number = first17 + check_char(first17)
        if number not in used:
            used.add(number)
            return number, born


def _name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) if rng.random() < 0.3 else rng.choice(GIVEN) + rng.choice(GIVEN)
    return rng.choice(SURNAMES) + given[:2]


def _founded(i: int) -> date:
    """Most unions are years old; the first two were founded this year (the 新建工会 figure)."""
    if i >= 2:
        return date(2005 + i % 15, 1 + i % 12, 1 + i % 27)
    today = date.today()
    return today - timedelta(days=30 * (i + 1)) if today.month > 2 else today


def populate(session: Session, *, rng: random.Random, size: int) -> None:
    now, township = utcnow(), session.info.get("township", "")
    stamp = dict(township=township, created_at=now, updated_at=now, deleted_at=None)
    unions = []
    for i, employer in enumerate(EMPLOYERS[: max(4, min(len(EMPLOYERS), size // 20 or 4))]):
        name = f"{employer}工会"
        unions.append(dict(stamp, id=new_id(), name=name, py_full=pinyin_full(name),
                           credit_code=_credit_code(rng),
                           chair=_name(rng), phone=f"13{rng.randrange(5, 10)}{rng.randrange(10**8):08d}",
                           founded=_founded(i),
                           status=UnionStatus.ACTIVE.value, closed_on=None, closed_reason=""))
    session.execute(sa.insert(GrassrootsUnion), unions)
    record_bulk(session, table_name="grassroots_union", rows=unions)
    used: set[str] = set()
    members, events = [], []
    for i in range(size):
        union = unions[i % len(unions)]
        number, born = _id_number(rng, used)
        name = _name(rng)
        joined = max(born + timedelta(days=18 * 366), date(2010, 1, 1)) + timedelta(days=rng.randrange(3000))
        joined = min(max(joined, union["founded"]), date.today())
        member_id = new_id()
        phone = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
        members.append(dict(stamp, id=member_id, name=name, id_number=number,
                            gender="男" if int(number[16]) % 2 else "女", birth_date=born,
                            phone=phone,
                            ethnicity="汉族" if rng.random() < 0.95 else "畲族",
                            employer=union["name"][:-2], union_id=union["id"], join_date=joined,
                            card_no=f"JD{township}{i + 1:06d}", is_migrant=number[:6] != "330182",
                            hukou_type=rng.choice(HUKOU), status=MemberStatus.ACTIVE.value,
                            status_date=joined,
                            **search_columns(name=name, id_number=number, phone=phone)))
        events.append(dict(stamp, id=new_id(), member_id=member_id, kind=MemberEventKind.JOINED.value,
                           on=joined, reason="登记入会", from_union_id=None, to_union_id=union["id"]))
    for start in range(0, len(members), 5000):
        session.execute(sa.insert(Member), members[start:start + 5000])
        session.execute(sa.insert(MemberEvent), events[start:start + 5000])
    record_bulk(session, table_name="member", rows=members)
