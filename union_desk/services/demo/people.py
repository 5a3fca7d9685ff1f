"""Generated members in bulk: a million within seconds of Python.

Every column of a chunk of members is drawn at once (`_draw`: 16 random bits an item, looked up in
a table, at C speed); ID numbers are put together from parts written and summed once for every
value they can take (area and birth date; sequence number and check character), so a member's
number is two lookups; dates, flags and enums are kept in the form the database stores them
(`dialect.stored_form`), each distinct value converted once; pinyin is spelled once per distinct
name (`person_spellings`). Rows come out as tuples in the tables' own column order, ready for
`dialect.insert_stored`. The same seed gives the same people.
"""
from __future__ import annotations

import random
import sys
from array import array
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import cycle, islice, repeat
from operator import add, itemgetter, mul

from union_desk.dialect import stored_form
from union_desk.domain.idcard import check_char_of_sum, weighted_sum
from union_desk.domain.pinyin import name_key, person_spellings
from union_desk.models.member import Member, MemberEvent, MemberEventKind, MemberStatus

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷黎史龙陶贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕红梅晓东丹玉兰春燕文彬鑫宇浩然子涵思远欣怡佳琪梓轩一鸣雨桐晨阳"
HOME_AREAS = ["330182", "330182", "330182", "330182", "522601", "422801", "411302", "411502", "341202"]
HUKOU = ["农业", "非农业", "居民"]
LOCAL = "330182"
BORN_FROM, BORN_YEARS = date(1962, 1, 1), 40
BORN_DAYS = BORN_YEARS * 365  # birth dates: BORN_FROM and the next BORN_DAYS - 1 days
ADULT = timedelta(days=18 * 366)
EARLIEST_JOINED = date(2010, 1, 1)
JOINED_SPREAD = 3000  # days after the member could first join
# drawn uniformly from these: a second given name 7 times in 10, 汉族 19 times in 20
SECOND_GIVEN = tuple(GIVEN) * 7 + ("",) * (3 * len(GIVEN))
ETHNICITIES = ("汉族",) * 19 + ("畲族",)
PHONE_PREFIXES = tuple(f"1{d}" for d in "3456789")
THREE_DIGITS = tuple(f"{n:03d}" for n in range(1000))
JOINED_REASON = "登记入会"
# the order of the tables' columns, in which the rows are made (checked against the models)
MEMBER_COLUMNS = ("name", "id_number", "phone", "ethnicity", "employer", "union_id", "join_date",
                  "card_no", "is_migrant", "hukou_type", "id", "township", "created_at",
                  "updated_at", "deleted_at", "gender", "birth_date", "status", "status_date",
                  "name_key", "py_initials", "py_full", "py_initials_alt", "py_full_alt")
EVENT_COLUMNS = ("id", "township", "created_at", "updated_at", "deleted_at", "member_id", "kind",
                 "on", "reason", "from_union_id", "to_union_id")
_SURNAMES, _GIVEN, _HUKOU = tuple(SURNAMES), tuple(GIVEN), tuple(HUKOU)
_YEAR_STARTS, _DAYS_OF_YEAR = tuple(range(0, BORN_DAYS, 365)), tuple(range(365))
_SEQUENCES, _WAITS = tuple(range(1000)), tuple(range(JOINED_SPREAD))


@lru_cache(maxsize=32)
def _table(population: tuple) -> list:
    """65,536 entries, each item of `population` (at most 4,096) in 65536 // len of them or one
    more: drawn by 16 random bits, no item is more than 1/16 likelier than another."""
    if not 0 < len(population) <= 4096:
        raise ValueError("a population of 1 to 4,096 items")
    return [population[v * len(population) >> 16] for v in range(65536)]


def _draw(rng: random.Random, population: tuple, count: int) -> list:
    """`count` items of `population` drawn with replacement (deterministic for the rng's state,
    the same on every machine)."""
    bits = array("H", rng.randbytes(2 * count))
    if sys.byteorder == "big":
        bits.byteswap()
    return list(map(_table(population).__getitem__, bits))


def _draw_day(rng: random.Random, count: int) -> map:
    """Birth-date offsets, 0 to BORN_DAYS - 1: a year's first (365 days each) and a day of it."""
    return map(add, _draw(rng, _YEAR_STARTS, count), _draw(rng, _DAYS_OF_YEAR, count))


class IdNumbers:
    """Valid, distinct resident ID numbers of people born 1962–2001, mostly local, drawn many at
    a time. A number is `prefix[place] + tail[sequence * 11 + remainder[place]]`: the place —
    area code and birth date, `area * BORN_DAYS + day` — gives the first 14 characters and the
    remainder of their weighted sum (GB 11643); the sequence number and that remainder give the
    last four, check character included."""

    def __init__(self, rng: random.Random):
        self.rng, self.used = rng, set()
        self.codes = list(dict.fromkeys(HOME_AREAS))
        self.areas = tuple(self.codes.index(a) for a in HOME_AREAS)  # LOCAL 4 times in 9
        self.days = [BORN_FROM + timedelta(days=d) for d in range(BORN_DAYS)]
        texts = [f"{d:%Y%m%d}" for d in self.days]
        self.prefix = [a + t for a in self.codes for t in texts]
        self.remainder = [(weighted_sum(a) + weighted_sum(t, 6)) % 11
                          for a in self.codes for t in texts]
        self.tail = [q + check_char_of_sum(r + weighted_sum(q, 14))
                     for q in THREE_DIGITS for r in range(11)]

    def draw(self, count: int) -> tuple[list[str], list[int], list[int]]:
        """`count` new numbers, with the place and sequence number of each."""
        rng = self.rng
        places = list(map(add, map(mul, _draw(rng, self.areas, count), repeat(BORN_DAYS)),
                          _draw_day(rng, count)))
        sequences = _draw(rng, _SEQUENCES, count)
        keys = list(map(add, map(mul, places, repeat(1000)), sequences))
        used, drawn, last = self.used, set(keys), dict(zip(keys, range(count)))
        # the same person twice (drawn before, or twice here): draw another
        for i in [i for i, key in enumerate(keys) if key in used or last[key] != i]:
            while keys[i] in used or keys[i] in drawn and last.get(keys[i]) != i:
                places[i] = rng.choice(self.areas) * BORN_DAYS + rng.randrange(BORN_DAYS)
                sequences[i] = rng.randrange(1000)
                keys[i] = places[i] * 1000 + sequences[i]
            drawn.add(keys[i])
            last[keys[i]] = i
        used.update(keys)
        checked = map(add, map(mul, sequences, repeat(11)), map(self.remainder.__getitem__, places))
        numbers = list(map(add, map(self.prefix.__getitem__, places),
                           map(self.tail.__getitem__, checked)))
        return numbers, places, sequences


def _check_columns() -> None:
    for table, columns in ((Member.__table__, MEMBER_COLUMNS),
                           (MemberEvent.__table__, EVENT_COLUMNS)):
        if tuple(c.name for c in table.c) != columns:
            raise RuntimeError(f"the demo's columns of {table.name} differ from the model's")


class MemberRows:
    """The demo's members of `unions` (dicts with id, name, founded; member i belongs to union
    i mod their number), chunk by chunk, as rows of stored values."""

    def __init__(self, rng: random.Random, *, township: str, unions: list[dict], now: datetime,
                 card_no):
        _check_columns()
        column = Member.__table__.c
        day, migrant = stored_form(column.birth_date), stored_form(column.is_migrant)
        self.rng, self.township, self.card_no = rng, township, card_no
        self.numbers, self.spelled = IdNumbers(rng), {}
        self.now = stored_form(column.created_at)(now)
        self.active = stored_form(column.status)(MemberStatus.ACTIVE)
        self.joined_kind = stored_form(MemberEvent.__table__.c.kind)(MemberEventKind.JOINED)
        self.union_ids = [u["id"] for u in unions]
        self.employers = [u["name"][:-2] for u in unions]  # the union's name without 工会
        # day numbers from `first`: today, the unions' founding, each place's earliest joining
        self.first = min(EARLIEST_JOINED, *(u["founded"] for u in unions)).toordinal()
        self.today = date.today().toordinal() - self.first
        self.founded = [u["founded"].toordinal() - self.first for u in unions]
        self.dates = [day(date.fromordinal(self.first + n)) for n in range(self.today + 1)]
        earliest = EARLIEST_JOINED.toordinal() - self.first
        adult = [max((d + ADULT).toordinal() - self.first, earliest)
                 for d in self.numbers.days]
        areas = len(self.numbers.codes)
        self.joinable = adult * areas  # by place
        self.born = [day(d) for d in self.numbers.days] * areas
        self.migrant = [migrant(code != LOCAL) for code in self.numbers.codes
                        for _ in range(BORN_DAYS)]
        self.gender = ["男" if q % 2 else "女" for q in range(1000)]  # the sequence's last digit

    def chunk(self, ids: list[str], start: int) -> list[tuple]:
        """Members start + 1 … start + len(ids) (their card numbers), with these ids."""
        rng, count, spelled = self.rng, len(ids), self.spelled
        names = list(map(add, map(add, _draw(rng, _SURNAMES, count),
                                  _draw(rng, _GIVEN, count)),
                         _draw(rng, SECOND_GIVEN, count)))
        new = person_spellings(sorted(set(names).difference(spelled)))
        spelled.update((n, (name_key(n), *spelling)) for n, spelling in new.items())
        spellings = list(map(spelled.__getitem__, names))
        keys, initials, full, alt_initials, alt_full = (map(itemgetter(i), spellings)
                                                        for i in range(5))
        numbers, places, sequences = self.numbers.draw(count)
        phones = list(map(add, map(add, map(add, _draw(rng, PHONE_PREFIXES, count),
                                            _draw(rng, THREE_DIGITS, count)),
                                   _draw(rng, THREE_DIGITS, count)),
                          _draw(rng, THREE_DIGITS, count)))
        offset = start % len(self.union_ids)
        founded = islice(cycle(self.founded), offset, offset + count)
        joined = [self.dates[min(max(j + w, f), self.today)] for j, w, f in zip(
            map(self.joinable.__getitem__, places),
            _draw(rng, _WAITS, count), founded)]
        township, now = self.township, self.now
        return list(zip(
            names, numbers, phones, _draw(rng, ETHNICITIES, count),
            islice(cycle(self.employers), offset, offset + count),
            islice(cycle(self.union_ids), offset, offset + count), joined,
            map(self.card_no, repeat(township), range(start + 1, start + count + 1)),
            map(self.migrant.__getitem__, places), _draw(rng, _HUKOU, count), ids,
            repeat(township), repeat(now), repeat(now), repeat(None),
            map(self.gender.__getitem__, sequences), map(self.born.__getitem__, places),
            repeat(self.active), joined, keys, initials, full, alt_initials, alt_full))

    def events(self, ids: list[str], members: list[tuple]) -> list[tuple]:
        """The 入会 event of each of `members` (rows of `chunk`), with these ids."""
        member_id, joined, union_id = (itemgetter(MEMBER_COLUMNS.index(c))
                                       for c in ("id", "join_date", "union_id"))
        return list(zip(ids, repeat(self.township), repeat(self.now), repeat(self.now),
                        repeat(None), map(member_id, members), repeat(self.joined_kind),
                        map(joined, members), repeat(JOINED_REASON), repeat(None),
                        map(union_id, members)))
