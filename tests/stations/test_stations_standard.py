"""The standard in force (settings) decides the flags; inspections decide the due dates."""
from datetime import date, timedelta
from decimal import Decimal

import pytest

from union_desk.domain.errors import RuleError
from union_desk.domain.station_standard import (StationFacts, add_months, area_to_tenths,
                                                default_standard, missing_items,
                                                next_inspection_due, parse_standard)
from union_desk.models.stations import InspectionCreate, InspectionKind, StationStatus
from union_desk.services.stations import inspections as station_inspections, standard as station_standard, registry as stations
from union_desk.services.errors import UserError
from union_desk.services.settings import get_setting

pytestmark = pytest.mark.both_engines  # the services on SQLite and on PostgreSQL

EVERYTHING = {"area": True, "toilet": True, "air_conditioner": True, "fridge": True,
              "microwave": True, "hot_water": True, "charging": True, "first_aid": True,
              "bp_meter": True, "wifi": False}


def inspect(db, station_id, on, kind=InspectionKind.ACCEPTANCE, **over):
    data = dict(station_id=station_id, kind=kind, on=on, inspector="张明", results=EVERYTHING,
                fix_by=on + timedelta(days=30))  # kept only when the station fails
    data.update(over)
    with db.session(write=True) as s:
        return station_inspections.record_inspection(s, data=InspectionCreate(**data))


def listed(db, **kw):
    with db.session() as s:
        return {r.code: r for r in stations.list_stations(s, **kw)}


# -- the pure rules ------------------------------------------------------------------------------

@pytest.mark.parametrize("facts, expected", [
    (StationFacts(200, frozenset()), ["toilet", "air_conditioner", "fridge", "microwave",
                                      "hot_water", "charging", "first_aid", "bp_meter"]),
    (StationFacts(199, frozenset(["toilet", "air_conditioner", "fridge", "microwave",
                                  "hot_water", "charging", "first_aid", "bp_meter"])), ["area"]),
    (StationFacts(None, frozenset(["toilet"])), ["area", "air_conditioner", "fridge", "microwave",
                                                  "hot_water", "charging", "first_aid",
                                                  "bp_meter"]),
])
def test_missing_items_against_the_default_standard(facts, expected):
    assert missing_items(facts, default_standard()) == expected


@pytest.mark.parametrize("text, tenths", [("20", 200), ("25.5", 255), (Decimal("0.1"), 1),
                                          ("18 ㎡", 180), (7, 70)])
def test_area_in_tenths(text, tenths):
    assert area_to_tenths(text) == tenths


@pytest.mark.parametrize("bad", ["20.55", "-1", "abc", 20.5, "NaN"])
def test_area_refusals(bad):
    with pytest.raises(RuleError):
        area_to_tenths(bad)


def test_parse_standard_refuses_unknown_items():
    with pytest.raises(RuleError, match="sauna"):
        parse_standard({"min_area_m2": "20", "required": ["toilet", "sauna"]})


@pytest.mark.parametrize("day, months, expected", [
    (date(2021, 3, 15), 12, date(2022, 3, 15)), (date(2021, 1, 31), 1, date(2021, 2, 28)),
    (date(2020, 2, 29), 12, date(2021, 2, 28)), (date(2021, 11, 30), 3, date(2022, 2, 28)),
    (date(2021, 5, 10), -12, date(2020, 5, 10)),
])
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_next_inspection_due_rules():
    reg = date(2021, 3, 1)
    assert next_inspection_due(registered_on=reg, last_on=None, last_passed=None,
                               months=12) == reg
    assert next_inspection_due(registered_on=reg, last_on=date(2021, 3, 15), last_passed=True,
                               months=12) == date(2022, 3, 15)
    assert next_inspection_due(registered_on=reg, last_on=date(2021, 3, 15), last_passed=False,
                               months=12) == date(2021, 3, 15)


# -- settings drive the flags ------------------------------------------------------------------------

def test_checklist_flags_follow_the_standard_in_settings(db, make_station):
    # Given stations of 25.5 m² with everything but Wi-Fi, and one of 18 m² without a fridge
    full = make_station()
    small = make_station(area_m2=Decimal("18"),
                         facilities=["toilet", "air_conditioner", "microwave", "hot_water",
                                     "charging", "first_aid", "bp_meter"])
    rows = listed(db)
    assert rows[full.code].missing == [] and rows[small.code].missing == ["area", "fridge"]
    assert rows[small.code].missing_labels == ["使用面积≥20㎡", "冰箱"]
    with db.session() as s:  # the default applies until the clerk saves one
        assert get_setting(s, key="stations.standard") is None
    # When the township requires Wi-Fi and lowers the area to 18 m² but drops the fridge
    with db.session(write=True) as s:
        required = ["area", "toilet", "air_conditioner", "microwave", "hot_water", "charging",
                    "first_aid", "bp_meter", "wifi"]
        station_standard.put_standard(s, min_area_m2="18", required=required)
    # Then the flags follow at once
    rows = listed(db)
    assert rows[full.code].missing == ["wifi"] and rows[small.code].missing == ["wifi"]
    assert listed(db, missing_only=True).keys() == {full.code, small.code}
    # And raising the area to 30 m² flags both for area, labelled with the new figure
    with db.session(write=True) as s:
        station_standard.put_standard(s, min_area_m2="30", required=["area"])
    rows = listed(db)
    assert rows[full.code].missing_labels == ["使用面积≥30㎡"]
    with db.session() as s:
        assert get_setting(s, key="stations.standard") == {"min_area_m2": "30",
                                                           "required": ["area"]}


def test_seed_defaults_and_setting_refusals(db):
    with db.session(write=True) as s:
        station_standard.seed_defaults(s)
        assert get_setting(s, key="stations.reinspect_months") == 12
        assert get_setting(s, key="stations.standard")["required"][-1] == "bp_meter"
    for call, message in [
        (lambda s: station_standard.put_standard(s, min_area_m2="0", required=[]), "大于0"),
        (lambda s: station_standard.put_standard(s, min_area_m2="x", required=[]), "面积格式"),
        (lambda s: station_standard.put_reinspect_months(s, months=0), "1到60"),
    ]:
        with pytest.raises(UserError, match=message):
            with db.session(write=True) as s:
                call(s)


# -- inspections and due dates ------------------------------------------------------------------------

def test_due_dates_follow_inspections_and_the_interval_setting(db, make_station):
    never, passed, failed, closed = (make_station(name=n) for n in ("甲", "乙", "丙", "丁"))
    inspect(db, passed.id, date(2021, 3, 15))
    inspect(db, failed.id, date(2021, 3, 10))
    inspect(db, failed.id, date(2022, 3, 8), kind=InspectionKind.REINSPECTION,
            results=dict(EVERYTHING, fridge=False), remarks="冰箱损坏")
    with db.session(write=True) as s:
        stations.change_status(s, station_id=closed.id, status=StationStatus.CLOSED,
                               on=date(2021, 5, 1), reason="拆迁")
    rows = listed(db)
    assert rows[never.code].next_inspection_due == date(2021, 3, 1)   # acceptance due
    assert rows[passed.code].next_inspection_due == date(2022, 3, 15)  # a year on
    assert rows[failed.code].next_inspection_due == date(2022, 3, 8)   # re-inspect at once
    assert rows[failed.code].last_inspection_passed is False
    assert rows[closed.code].next_inspection_due is None
    with db.session() as s:
        due = stations.due_list(s, as_of=date(2022, 3, 1))
        soon = stations.due_list(s, as_of=date(2022, 3, 1), within_days=10)
    assert [r.code for r in due] == [never.code]
    assert [r.code for r in soon] == [never.code, failed.code]
    # When the interval becomes 6 months, the passed station falls due in September 2021
    with db.session(write=True) as s:
        station_standard.put_reinspect_months(s, months=6)
    assert listed(db)[passed.code].next_inspection_due == date(2021, 9, 15)
    assert listed(db, due_by=date(2021, 9, 15)).keys() == {never.code, passed.code}


def test_inspection_results_and_verdict(db, station):
    with pytest.raises(UserError, match="先登记验收"):
        inspect(db, station.id, date(2021, 3, 15), kind=InspectionKind.REINSPECTION)
    partial = {k: v for k, v in EVERYTHING.items() if k not in ("fridge", "bp_meter")}
    with pytest.raises(UserError, match="冰箱、血压计") as err:
        inspect(db, station.id, date(2021, 3, 15), results=partial)
    assert err.value.field == "results"
    with pytest.raises(UserError, match="说明"):
        inspect(db, station.id, date(2021, 3, 15), results=dict(EVERYTHING, toilet=False),
                passed=True)
    failed = inspect(db, station.id, date(2021, 3, 15), results=dict(EVERYTHING, toilet=False))
    assert failed.passed is False and failed.results["toilet"] is False
    lenient = inspect(db, station.id, date(2021, 3, 20), results=dict(EVERYTHING, wifi=False),
                      inspector="  李  四 ")
    assert lenient.passed is True and lenient.inspector == "李 四"  # Wi-Fi is optional
    with pytest.raises(UserError, match="复验"):
        inspect(db, station.id, date(2021, 4, 1))
    for on, message in [(date(2021, 2, 1), "登记日期"), (date(2999, 1, 1), "晚于今天")]:
        with pytest.raises(UserError, match=message):
            inspect(db, station.id, on, kind=InspectionKind.REINSPECTION)
    with db.session() as s:
        history = station_inspections.list_inspections(s, station_id=station.id)
        latest = station_inspections.latest_inspection(s, station_id=station.id)
    assert [(i.on, i.passed) for i in history] == [(date(2021, 3, 15), False),
                                                   (date(2021, 3, 20), True)]
    assert latest.id == lenient.id and latest.station_code == station.code


def test_closed_stations_are_not_inspected(db, station):
    with db.session(write=True) as s:
        stations.change_status(s, station_id=station.id, status=StationStatus.CLOSED,
                               on=date(2021, 5, 1), reason="拆迁")
    with pytest.raises(UserError, match="已关闭"):
        inspect(db, station.id, date(2021, 6, 1))
