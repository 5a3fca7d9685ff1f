"""Demo roster: Jiande grassroots unions and their members (services/demo/people.py makes them).

Built for a million members within a minute (`union-desk demo --members 1000000`): members and
their 入会 events go in by chunks, as rows already in the form the database stores, through
`dialect.insert_stored` (SQLite: one executemany a chunk; PostgreSQL: COPY); the tables' indexes,
SQLite's digits index and PostgreSQL's foreign keys are made once at the end
(`dialect_bulk.indexes_deferred`, `search_sql.search_index_deferred`,
`dialect_bulk.foreign_keys_deferred`). The generated roster is recorded in the audit trail as one
entry per table, not one per person.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

import sqlalchemy as sa
from sqlmodel import Session

from union_desk.dialect import insert_stored
from union_desk.dialect_bulk import foreign_keys_deferred, indexes_deferred
from union_desk.domain.creditcode import credit_check_char
from union_desk.domain.pinyin import pinyin_full
from union_desk.models.audit import log_action, record_bulk
from union_desk.models.base import new_ids, utcnow
from union_desk.models.member import Member, MemberEvent
from union_desk.models.union import GrassrootsUnion, UnionStatus
from union_desk.search_sql import search_index_deferred
from union_desk.services.common.bulk import collector_paused
from union_desk.services.demo.people import GIVEN, SURNAMES, MemberRows

EMPLOYERS = ["建德市新安化工集团", "浙江大洋生物科技", "建德市航空小镇运营公司", "千岛湖啤酒建德分厂",
             "建德市严州水泥厂", "浙江寿昌纺织", "建德市环卫服务中心", "杭州建德顺达物流",
             "建德市梅城古镇旅游公司", "浙江乾潭竹木制品", "建德市人民医院", "建德市下涯茶叶合作社"]
CHUNK = 50_000


def _credit_code(rng: random.Random) -> str:
    body = "81330182" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return body + credit_check_char(body)


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
    people = MemberRows(rng, township=township, unions=unions, now=now, card_no=card_no)
    # random ids given out in order: each new row's id goes at the end of the primary key
    # index, never in the middle of a million
    member_ids, event_ids = sorted(new_ids(size)), sorted(new_ids(size))
    conn = session.connection()
    with indexes_deferred(session, Member), indexes_deferred(session, MemberEvent), \
            foreign_keys_deferred(session, Member), foreign_keys_deferred(session, MemberEvent), \
            search_index_deferred(session), collector_paused():
        for start in range(0, size, CHUNK):
            members = people.chunk(member_ids[start:start + CHUNK], start)
            insert_stored(conn, Member.__table__, members)
            insert_stored(conn, MemberEvent.__table__,
                          people.events(event_ids[start:start + CHUNK], members))
    for table in (Member, MemberEvent):  # generated people: one entry per table, not per row
        log_action(session, table_name=table.__tablename__, record_id="", action="demo",
                   detail={"rows": size, "generated": "示例数据"})
