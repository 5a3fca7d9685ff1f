"""Figures for rest stations: by status, new in a year, facilities coverage, people served."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, select

from union_desk.domain.station_standard import (AREA, CHECKLIST, StationFacts, item_label,
                                                missing_items)
from union_desk.models.stations import ServiceCount, Station, StationStatus
from union_desk.services.stations.service_counts import KIND_KEYS
from union_desk.services.stations.standard import get_standard


@dataclass(frozen=True)
class Coverage:
    key: str
    label: str
    required: bool
    have: int
    of: int

    @property
    def percent(self) -> float:
        return 100.0 * self.have / self.of if self.of else 0.0


@dataclass(frozen=True)
class MonthServed:
    month: date
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class StationFigures:
    year: int
    by_status: dict[StationStatus, int]
    new_in_year: int
    up_to_standard: int
    coverage: list[Coverage]
    served: list[MonthServed]

    @property
    def served_total(self) -> int:
        return sum(m.total for m in self.served)


def stations_by_status(session: Session) -> dict[StationStatus, int]:
    found = dict(session.execute(select(Station.status, sa.func.count())
                                 .where(Station.deleted_at.is_(None))
                                 .group_by(Station.status)).all())
    return {s: found.get(s, 0) for s in StationStatus}


def facilities_coverage(session: Session) -> tuple[list[Coverage], int]:
    """Per checklist item, how many stations in service meet it; and how many meet them all."""
    standard = get_standard(session)
    stations = session.execute(select(Station.area_tenths, Station.facilities)
                               .where(Station.deleted_at.is_(None),
                                      Station.status == StationStatus.IN_SERVICE)).all()
    facts = [StationFacts(area, frozenset(json.loads(fac or "[]"))) for area, fac in stations]
    coverage = []
    for item in CHECKLIST:
        if item.key == AREA:
            have = sum(1 for f in facts if f.area_tenths >= standard.min_area_tenths)
        else:
            have = sum(1 for f in facts if item.key in f.facilities)
        coverage.append(Coverage(key=item.key, label=item_label(item.key, standard),
                                 required=item.key in standard.required, have=have,
                                 of=len(facts)))
    complete = sum(1 for f in facts if not missing_items(f, standard))
    return coverage, complete


def people_served(session: Session, *, year: int) -> list[MonthServed]:
    """All stations together, January to December of `year`, by kind of worker."""
    sums = [sa.func.coalesce(sa.func.sum(getattr(ServiceCount, k)), 0) for k in KIND_KEYS]
    found = {m: dict(zip(KIND_KEYS, rest)) for m, *rest in session.execute(
        select(ServiceCount.month, *sums)
        .join(Station, Station.id == ServiceCount.station_id)
        .where(ServiceCount.deleted_at.is_(None), Station.deleted_at.is_(None),
               ServiceCount.month >= date(year, 1, 1), ServiceCount.month <= date(year, 12, 1))
        .group_by(ServiceCount.month)).all()}
    months = [date(year, n, 1) for n in range(1, 13)]
    return [MonthServed(month=m, counts=found.get(m, dict.fromkeys(KIND_KEYS, 0))) for m in months]


def station_figures(session: Session, *, year: int) -> StationFigures:
    coverage, complete = facilities_coverage(session)
    new = session.execute(select(sa.func.count()).select_from(Station)
                          .where(Station.deleted_at.is_(None),
                                 Station.registered_on >= date(year, 1, 1),
                                 Station.registered_on <= date(year, 12, 31))).scalar_one()
    return StationFigures(year=year, by_status=stations_by_status(session), new_in_year=new,
                          up_to_standard=complete, coverage=coverage,
                          served=people_served(session, year=year))
