"""Monthly service counts: people each station served, by kind of outdoor worker; yearly totals."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, select

from union_desk.models.stations import WORKER_KINDS, ServiceCount, ServiceCountRow, Station
from union_desk.services.errors import UserError

KIND_KEYS: tuple[str, ...] = tuple(k for k, _ in WORKER_KINDS)
MAX_PER_MONTH = 1_000_000


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def _row(count: ServiceCount) -> ServiceCountRow:
    return ServiceCountRow(station_id=count.station_id, month=count.month,
                           counts={k: getattr(count, k) for k in KIND_KEYS})


def set_month_counts(session: Session, *, station_id: str, month: date, counts: dict[str, int],
                     today: date | None = None) -> ServiceCountRow:
    """Enter (or correct) one station's counts for one month; kinds left out count as 0."""
    station = session.get(Station, station_id)
    if station is None or station.deleted_at is not None:
        raise UserError("找不到该驿家", field="station_id")
    month = first_of_month(month)
    if month > first_of_month(today or date.today()):
        raise UserError("不能登记将来月份的服务人次", field="month")
    if month < first_of_month(station.registered_on):
        raise UserError("该月份早于驿家登记日期", field="month")
    unknown = sorted(set(counts) - set(KIND_KEYS))
    if unknown:
        raise UserError(f"未知的服务对象类别：{'、'.join(unknown)}", field="counts")
    values = {}
    for key, label in WORKER_KINDS:
        value = counts.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise UserError(f"{label}人次应为不小于0的整数", field=key)
        if value > MAX_PER_MONTH:
            raise UserError(f"{label}人次过大，请核对", field=key)
        values[key] = value
    row = session.exec(select(ServiceCount).where(ServiceCount.station_id == station_id,
                                                  ServiceCount.month == month,
                                                  ServiceCount.deleted_at.is_(None))).first()
    if row is None:
        row = ServiceCount(station_id=station_id, month=month, **values)
        session.add(row)
    else:
        for key, value in values.items():
            setattr(row, key, value)
    session.flush()
    return _row(row)


def station_year(session: Session, *, station_id: str, year: int) -> list[ServiceCountRow]:
    """Twelve rows, January to December; months without an entry count 0."""
    found = {r.month: r for r in session.exec(
        select(ServiceCount).where(ServiceCount.station_id == station_id,
                                   ServiceCount.month >= date(year, 1, 1),
                                   ServiceCount.month <= date(year, 12, 1),
                                   ServiceCount.deleted_at.is_(None))).all()}
    return [_row(found[m]) if m in found else
            ServiceCountRow(station_id=station_id, month=m, counts=dict.fromkeys(KIND_KEYS, 0))
            for m in (date(year, n, 1) for n in range(1, 13))]


@dataclass(frozen=True)
class YearTotal:
    station_id: str
    code: str
    name: str
    counts: dict[str, int]
    months_entered: int

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def year_totals(session: Session, *, year: int) -> list[YearTotal]:
    """Per station (every station on record, by code): people served in `year` by kind."""
    sums = [sa.func.coalesce(sa.func.sum(getattr(ServiceCount, k)), 0) for k in KIND_KEYS]
    counted = sa.func.count(ServiceCount.id)
    query = (select(Station.id, Station.code, Station.name, counted, *sums)
             .outerjoin(ServiceCount, sa.and_(ServiceCount.station_id == Station.id,
                                              ServiceCount.deleted_at.is_(None),
                                              ServiceCount.month >= date(year, 1, 1),
                                              ServiceCount.month <= date(year, 12, 1)))
             .where(Station.deleted_at.is_(None))
             .group_by(Station.id, Station.code, Station.name)
             .order_by(Station.code))
    return [YearTotal(station_id=r[0], code=r[1], name=r[2], months_entered=r[3],
                      counts=dict(zip(KIND_KEYS, r[4:])))
            for r in session.execute(query).all()]
