"""Demo roster: Jiande grassroots unions and members with valid IDs and phones.

Built for a million members within a minute (`union-desk demo --members 1000000`): members go in by
chunks through one executemany each (`dialect.insert_many`) and their 入会 events by one INSERT …
SELECT, with the tables' indexes made once at the end (`dialect.indexes_deferred`); pinyin is spelled once
per distinct name (`person_spellings`); ID numbers reuse the check sums of their parts. The
generated roster is recorded in the audit trail as one entry per table, not one per person.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

import sqlalchemy as sa
from sqlmodel import Session

from union_desk.dialect import indexes_deferred, insert_many, random_id
from union_desk.domain.creditcode import credit_check_char
from union_desk.domain.idcard import check_char_of_sum, weighted_sum
from union_desk.domain.pinyin import name_key, person_spellings, pinyin_full
from union_desk.models.audit import log_action, record_bulk
from union_desk.models.base import new_ids, utcnow
from union_desk.models.member import Member, MemberEvent, MemberEventKind, MemberStatus
from union_desk.models.union import GrassrootsUnion, UnionStatus

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷黎史龙陶贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕红梅晓东丹玉兰春燕文彬鑫宇浩然子涵思远欣怡佳琪梓轩一鸣雨桐晨阳"
EMPLOYERS = ["建德市新安化工集团", "浙江大洋生物科技", "建德市航空小镇运营公司", "千岛湖啤酒建德分厂",
             "建德市严州水泥厂", "浙江寿昌纺织", "建德市环卫服务中心", "杭州建德顺达物流",
             "建德市梅城古镇旅游公司", "浙江乾潭竹木制品", "建德市人民医院", "建德市下涯茶叶合作社"]
HOME_AREAS = ["330182", "330182", "330182", "330182", "522601", "422801", "411302", "411502", "341202"]
HUKOU = ["农业", "非农业", "居民"]
LOCAL = "330182"
BORN_FROM, BORN_DAYS = date(1962, 1, 1), 40 * 365
CHUNK = 20_000

MEMBER_COLUMNS = ("id", "township", "created_at", "updated_at", "deleted_at", "name", "id_number",
                  "gender", "birth_date", "phone", "ethnicity", "employer", "union_id",
                  "join_date", "card_no", "is_migrant", "hukou_type", "status", "status_date",
                  "name_key", "py_initials", "py_full", "py_initials_alt", "py_full_alt",
                  "id_number_rev", "phone_rev")
EVENT_COLUMNS = ("id", "township", "created_at", "updated_at", "deleted_at", "member_id", "kind",
                 "on", "reason", "from_union_id", "to_union_id")


def _credit_code(rng: random.Random) -> str:
    body = "81330182" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return body + credit_check_char(body)


class IdNumbers:
    """Valid, distinct resident ID numbers of people born 1962–2001, mostly local: the check
    character from the sums of the number's parts (GB 11643), each part summed once."""

    def __init__(self, rng: random.Random):
        self.rng, self.used = rng, set()
        self._areas = [(a, weighted_sum(a)) for a in HOME_AREAS]
        self._days: dict[int, tuple[date, str, int]] = {}
        self._sequences = [(f"{n:03d}", weighted_sum(f"{n:03d}", 14)) for n in range(1000)]

    def _day(self, offset: int) -> tuple[date, str, int]:
        day = self._days.get(offset)
        if day is None:
            born = BORN_FROM + timedelta(days=offset)
            text = f"{born:%Y%m%d}"
            day = self._days[offset] = (born, text, weighted_sum(text, 6))
        return day

    def draw(self) -> tuple[str, date]:
        random_ = self.rng.random
        while True:
            area, area_sum = self._areas[int(random_() * len(self._areas))]
            born, born_text, born_sum = self._day(int(random_() * BORN_DAYS))
            sequence, sequence_sum = self._sequences[int(random_() * 1000)]
            number = f"{area}{born_text}{sequence}" + check_char_of_sum(
                area_sum + born_sum + sequence_sum)
            if number not in self.used:
                self.used.add(number)
                return number, born


def card_no(township: str, number: int) -> str:
    """The card number of the demo's `number`-th member (from 1): how the other demo areas pick
    members without reading the whole roster."""
    return f"JD{township}{number:06d}"


def _name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) if rng.random() < 0.3 else rng.choice(GIVEN) + rng.choice(GIVEN)
    return rng.choice(SURNAMES) + given[:2]


def _founded(i: int) -> date:
    """Most unions are years old; the first two were founded this year (the 新建工会 figure)."""
    if i >= 2:
        return date(2005 + i % 15, 1 + i % 12, 1 + i % 27)
    today = date.today()
    return today - timedelta(days=30 * (i + 1)) if today.month > 2 else today


def _unions(session: Session, rng: random.Random, size: int, stamp: dict) -> list[dict]:
    unions = []
    for i, employer in enumerate(EMPLOYERS[: max(4, min(len(EMPLOYERS), size // 20 or 4))]):
        name = f"{employer}工会"
        unions.append(dict(stamp, id=new_ids(1)[0], name=name, py_full=pinyin_full(name),
                           credit_code=_credit_code(rng), chair=_name(rng),
                           phone=f"13{rng.randrange(5, 10)}{rng.randrange(10**8):08d}",
                           founded=_founded(i), status=UnionStatus.ACTIVE.value, closed_on=None,
                           closed_reason=""))
    session.execute(sa.insert(GrassrootsUnion), unions)
    record_bulk(session, table_name="grassroots_union", rows=unions)
    return unions


def populate(session: Session, *, rng: random.Random, size: int) -> None:
    now, township = utcnow(), session.info.get("township", "")
    stamp = dict(township=township, created_at=now, updated_at=now, deleted_at=None)
    unions = _unions(session, rng, size, stamp)
    today, adult, earliest = date.today(), timedelta(days=18 * 366), date(2010, 1, 1)
    numbers, spelled = IdNumbers(rng), {}
    active = MemberStatus.ACTIVE.value
    random_ = rng.random
    # random ids given out in order: each new member's id goes at the end of the primary key
    # index, never in the middle of a million
    all_ids = sorted(new_ids(size))
    with indexes_deferred(session, Member), indexes_deferred(session, MemberEvent):
        for start in range(0, size, CHUNK):
            count = min(CHUNK, size - start)
            ids = all_ids[start:start + count]
            people = [(_name(rng), *numbers.draw()) for _ in range(count)]
            spelled.update((n, (name_key(n), *spelling)) for n, spelling in person_spellings(
                n for n, _, _ in people if n not in spelled).items())
            members = []
            for i, (member_id, (name, number, born)) in enumerate(zip(ids, people), start=start):
                union = unions[i % len(unions)]
                joined = max(born + adult, earliest) + timedelta(days=int(random_() * 3000))
                joined = min(max(joined, union["founded"]), today)
                phone = f"1{'3456789'[int(random_() * 7)]}{int(random_() * 10**9):09d}"
                spelling = spelled[name]
                members.append((
                    member_id, township, now, now, None, name, number,
                    "男" if int(number[16]) % 2 else "女", born, phone,
                    "汉族" if random_() < 0.95 else "畲族", union["name"][:-2], union["id"],
                    joined, card_no(township, i + 1), number[:6] != LOCAL,
                    HUKOU[int(random_() * 3)], active, joined, *spelling, number[::-1],
                    phone[::-1]))
            insert_many(session, Member, MEMBER_COLUMNS, members)
        # each member's 入会 event, written by the database from the member rows
        session.execute(sa.insert(MemberEvent).from_select(EVENT_COLUMNS, sa.select(
            random_id(), Member.township, Member.created_at, Member.updated_at, sa.null(),
            Member.id, sa.literal(MemberEventKind.JOINED.value), Member.join_date,
            sa.literal("登记入会"), sa.null(), Member.union_id)))
    for table in (Member, MemberEvent):  # generated people: one entry per table, not per row
        log_action(session, table_name=table.__tablename__, record_id="", action="demo",
                   detail={"rows": size, "generated": "示例数据"})
