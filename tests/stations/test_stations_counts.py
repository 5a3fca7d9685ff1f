"""Monthly service counts, yearly totals, figures, subsidies and the demo data."""
import random
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa

from union_desk.models.stations import (Inspection, ServiceCount, StationKind, StationStatus,
                                        SubsidyKind)
from union_desk.services.demo import roster as demo_roster, stations as demo_stations
from union_desk.services.stations import service_counts as station_service_counts, stats as station_stats, subsidies as station_subsidies, registry as stations
from union_desk.services.errors import UserError

pytestmark = pytest.mark.both_engines  # the services on SQLite and on PostgreSQL


def enter(db, station_id, month, **counts):
    with db.session(write=True) as s:
        return station_service_counts.set_month_counts(s, station_id=station_id, month=month,
                                                       counts=counts)


def test_monthly_counts_one_row_per_station_and_month(db, station):
    row = enter(db, station.id, date(2021, 4, 17), sanitation=120, rider=40)
    assert row.month == date(2021, 4, 1) and row.total == 160
    enter(db, station.id, date(2021, 4, 1), sanitation=130, courier=5)  # a correction
    enter(db, station.id, date(2021, 5, 1), police=8)
    with db.session() as s:
        year = station_service_counts.station_year(s, station_id=station.id, year=2021)
        stored = s.execute(sa.select(sa.func.count()).select_from(ServiceCount)).scalar_one()
    assert stored == 2
    assert [m.month.month for m in year] == list(range(1, 13))
    assert year[3].counts == {"sanitation": 130, "courier": 5, "rider": 0, "police": 0,
                              "other": 0}
    assert [m.total for m in year] == [0, 0, 0, 135, 8, 0, 0, 0, 0, 0, 0, 0]


@pytest.mark.parametrize("month, counts, message", [
    (date(2999, 1, 1), {"rider": 1}, "将来月份"),
    (date(2021, 2, 1), {"rider": 1}, "早于驿家登记"),
    (date(2021, 4, 1), {"rider": -1}, "外卖骑手"),
    (date(2021, 4, 1), {"rider": 1.5}, "整数"),
    (date(2021, 4, 1), {"astronaut": 1}, "未知"),
])
def test_monthly_count_refusals(db, station, month, counts, message):
    with pytest.raises(UserError, match=message):
        enter(db, station.id, month, **counts)


def test_year_totals_per_station(db, make_station):
    a, b = make_station(name="甲"), make_station(name="乙")
    enter(db, a.id, date(2021, 4, 1), sanitation=100, other=1)
    enter(db, a.id, date(2021, 5, 1), sanitation=50)
    enter(db, a.id, date(2022, 1, 1), sanitation=999)  # another year
    with db.session() as s:
        totals = station_service_counts.year_totals(s, year=2021)
    assert [(t.code, t.total, t.months_entered) for t in totals] == [
        (a.code, 151, 2), (b.code, 0, 0)]
    assert totals[0].counts["sanitation"] == 150


def test_figures_by_status_coverage_and_people_served(db, make_station):
    full = make_station()
    bare = make_station(name="简易驿家", area_m2=Decimal("12"), facilities=["toilet", "wifi"])
    closed = make_station(name="老驿家")
    with db.session(write=True) as s:
        stations.change_status(s, station_id=closed.id, status=StationStatus.CLOSED,
                               on=date(2021, 6, 1), reason="拆迁")
    enter(db, full.id, date(2021, 4, 1), sanitation=100, courier=20)
    enter(db, bare.id, date(2021, 4, 1), courier=5)
    enter(db, closed.id, date(2021, 5, 1), police=3)
    with db.session() as s:
        figures = station_stats.station_figures(s, year=2021)
    assert figures.by_status == {StationStatus.IN_SERVICE: 2, StationStatus.SUSPENDED: 0,
                                 StationStatus.CLOSED: 1}
    assert figures.new_in_year == 3 and figures.up_to_standard == 1
    coverage = {c.key: (c.have, c.of, c.required) for c in figures.coverage}
    assert coverage["area"] == (1, 2, True) and coverage["toilet"] == (2, 2, True)
    assert coverage["fridge"] == (1, 2, True) and coverage["wifi"] == (1, 2, False)
    assert [c.label for c in figures.coverage][:2] == ["使用面积≥20㎡", "卫生间"]
    served = {m.month.month: m for m in figures.served}
    assert served[4].counts["courier"] == 25 and served[4].total == 125
    assert served[5].total == 3 and figures.served_total == 128


def test_subsidies_build_grant_once_running_yearly(db, station):
    with db.session(write=True) as s:
        station_subsidies.add_subsidy(s, station_id=station.id, kind=SubsidyKind.BUILD,
                                      amount_fen=3_000_000, paid_on=date(2021, 4, 1))
        running = station_subsidies.add_subsidy(s, station_id=station.id,
                                                kind=SubsidyKind.RUNNING, amount_fen=500_000,
                                                paid_on=date(2022, 4, 1), note=" 2022 年度 ")
    assert running.note == "2022 年度"
    for kind, fen, message in [(SubsidyKind.BUILD, 100, "已有建设补助"),
                               (SubsidyKind.RUNNING, 0, "大于0")]:
        with pytest.raises(UserError, match=message):
            with db.session(write=True) as s:
                station_subsidies.add_subsidy(s, station_id=station.id, kind=kind,
                                              amount_fen=fen, paid_on=date(2022, 5, 1))
    with db.session(write=True) as s:
        station_subsidies.void_subsidy(s, subsidy_id=running.id, reason="金额录错")
    with db.session() as s:
        rows = station_subsidies.list_subsidies(s, station_id=station.id)
    assert [(r.kind, r.amount_fen) for r in rows] == [(SubsidyKind.BUILD, 3_000_000)]


def test_demo_adds_stations_inspections_and_a_year_of_counts(db):
    rng = random.Random(7)
    with db.session(write=True) as s:
        demo_roster.populate(s, rng=rng, size=300)
        demo_stations.populate(s, rng=rng, size=300)
    with db.session() as s:
        rows = stations.list_stations(s)
        inspections = s.execute(sa.select(sa.func.count()).select_from(Inspection)).scalar_one()
        months = s.execute(sa.select(sa.func.count(sa.distinct(ServiceCount.month)))) \
            .scalar_one()
        photos = stations.list_photos(s, station_id=rows[0].id)
    assert 3 <= len(rows) <= 8
    co_built = [r for r in rows if r.kind == StationKind.CO_BUILT]
    assert any(r.union_id for r in co_built)  # co-built with a grassroots union's unit
    assert {r.status for r in rows} == set(StationStatus)
    assert any(r.credit_warning for r in rows) and any(r.missing for r in rows)
    assert inspections >= len(rows) and months == 12 and len(photos) == 1


def test_the_overview_of_a_past_year_counts_stations_in_use_then(db, station):
    from union_desk.models.stations import StationStatus
    from union_desk.services.stations import registry
    from union_desk.services.year_report import year_report

    registered = station.registered_on
    with db.session(write=True) as s:
        registry.change_status(s, station_id=station.id, status=StationStatus.CLOSED,
                               on=date(registered.year + 1, 6, 1), reason="拆迁")
    with db.session() as s:
        that_year = year_report(s, year=registered.year)
        before = year_report(s, year=registered.year - 1)
        now = year_report(s, year=date.today().year)
    assert (before.stations_in_service, that_year.stations_in_service) == (0, 1)
    assert now.stations_in_service == 0
