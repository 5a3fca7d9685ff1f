"""Townships full of records, fast: Core inserts of rows whose every column is filled from the
table definition (a plausible value per type), with the keys and unique values set by hand.
For the exchange benchmark only (the demo generator is made for realism, not for 160,000)."""
from __future__ import annotations

import random
from datetime import date, timedelta

import sqlalchemy as sa
from sqlmodel import SQLModel

from union_desk.domain.idcard import check_char
from union_desk.domain.townships import township_by_code
from union_desk.models.base import UTCDateTime, new_id, utcnow


def _default(column: sa.Column, today: date):
    kind = column.type
    if column.nullable:
        return None
    if isinstance(kind, UTCDateTime):
        return utcnow()
    if isinstance(kind, sa.Enum):
        return kind.enums[0]
    if isinstance(kind, sa.Boolean):
        return False
    if isinstance(kind, sa.Integer):
        return 0
    if isinstance(kind, sa.Date):
        return today
    if isinstance(kind, sa.Float):
        return 0.0
    return ""


class Rows:
    """Row dicts per table for one township, every column present."""

    def __init__(self, township: str):
        self.township = township
        self.tables: dict[str, list[dict]] = {}
        self._defaults: dict[str, dict] = {}

    def add(self, table: str, **values) -> dict:
        base = self._defaults.get(table)
        if base is None:
            t = SQLModel.metadata.tables[table]
            base = self._defaults[table] = {c.name: _default(c, date(2025, 6, 1)) for c in t.c}
        row = dict(base, id=new_id(), township=self.township)
        row.update(values)
        self.tables.setdefault(table, []).append(row)
        return row

    def insert(self, conn) -> int:
        n = 0
        for t in SQLModel.metadata.sorted_tables:
            rows = self.tables.get(t.name)
            if rows:
                conn.execute(sa.insert(t), rows)
                n += len(rows)
        return n

    @property
    def count(self) -> int:
        return sum(len(r) for r in self.tables.values())


def _id_number(serial: int) -> str:
    born = date(1960, 1, 1) + timedelta(days=serial // 1000)  # (day, sequence) unique
    first17 = f"330182{born:%Y%m%d}{serial % 1000:03d}"
    return first17 + check_char(first17)


def township_rows(code: str, *, members: int, index: int, shared: int = 20) -> Rows:
    """`members` members in 100 unions; 5 % hardship households (2 persons each) and 3 payments
    per 10 members; a bus campaign (10 buses, 400 seated passengers) and 5 stations with a year of
    monthly counts. The first `shared` ID numbers are also the previous township's last ones
    (people active in two townships, for the review queue)."""
    rng = random.Random(index)
    town = township_by_code(code)
    r = Rows(code)
    unions = [r.add("grassroots_union", name=f"{town.name}第{i}工会", status="在册",
                    founded=date(2000 + i % 26, 1 + i % 12, 1)) for i in range(100)]
    first = index * (members - shared)
    people = []
    for i in range(members):
        serial = first + i
        people.append(r.add("member", name=f"会员{serial}", id_number=_id_number(serial),
                            union_id=unions[i % 100]["id"], status="在册",
                            join_date=date(2015 + i % 11, 1 + i % 12, 1 + i % 28),
                            gender="男" if i % 2 else "女", name_key=f"会员{serial}",
                            py_initials="hy", py_full=f"huiyuan{serial}"))
    households = []
    for m in people[: members // 20]:
        h = r.add("household", member_id=m["id"], category="相对困难", status="在档")
        households.append(h)
        r.add("household_person", household_id=h["id"], name=m["name"], relation="本人")
        r.add("household_person", household_id=h["id"], name="家属", relation="配偶")
    for n in range(members * 3 // 10):
        h = households[n % len(households)] if n % 3 == 0 else None
        m = people[n]
        r.add("payment", voucher_no=f"{town.name}-2025-{n + 1:05d}", member_id=m["id"],
              household_id=h["id"] if h else None, occasion="春节送温暖",
              amount_fen=rng.randrange(20_000, 200_000, 100), method="现金",
              paid_on=date(2025, 1 + n % 12, 1 + n % 28), status="已发放",
              recipient_name=m["name"], recipient_id_number=m["id_number"])
    campaign = r.add("trip_campaign", name="2025春节返乡", starts_on=date(2025, 1, 10))
    buses = [r.add("trip_bus", campaign_id=campaign["id"], plate=f"浙A{code}{b:03d}", leg="去程",
                   seats=40) for b in range(10)]
    for p in range(400):
        m = people[p]
        reg = r.add("trip_registration", campaign_id=campaign["id"], seq=p + 1, name=m["name"],
                    id_number=m["id_number"], status="已登记", member_id=m["id"])
        r.add("trip_seat", registration_id=reg["id"], leg="去程", bus_id=buses[p // 40]["id"],
              seat_no=p % 40 + 1)
    for s in range(5):
        st = r.add("station", code=f"{code}-YJ-{s + 1:03d}", name=f"{town.name}爱心驿家{s}",
                   registered_on=date(2025, 3, 1), status="在用", facilities="[]")
        for month in range(1, 13):
            r.add("station_service_count", station_id=st["id"], month=date(2025, month, 1),
                  sanitation=rng.randrange(100, 900))
    return r
