"""The headless contract: `stations list [--json]` and `stations print CODE (--form | --sign |
--inspection) --out FILE.pdf`."""
import json
from datetime import date

import pytest

from union_desk.cli import main
from union_desk.models.stations import InspectionCreate, InspectionKind, StationStatus
from union_desk.reports.pdfcheck import pdf_text
from union_desk.services.stations import inspections as station_inspections, registry as stations


def run(capsys, db_path, *args):
    code = main(["--db", str(db_path), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def two_stations(db, make_station):
    good = make_station()
    poor = make_station(name="快递驿家", facilities=["toilet"])
    with db.session(write=True) as s:
        station_inspections.record_inspection(s, data=InspectionCreate(
            station_id=good.id, kind=InspectionKind.ACCEPTANCE, on=date(2021, 3, 15),
            inspector="张明", results={k: True for k in ("area", "toilet", "air_conditioner",
                                                       "fridge", "microwave", "hot_water",
                                                       "charging", "first_aid", "bp_meter")}))
        stations.change_status(s, station_id=poor.id, status=StationStatus.SUSPENDED,
                               on=date(2021, 4, 1), reason="整改")
    db.close()  # the CLI opens the file itself
    return good, poor


def test_list_json(capsys, db_path, two_stations):
    code, out, err = run(capsys, db_path, "stations", "list", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == [
        {"code": "DY-YJ-001", "name": "大洋镇环卫工人爱心驿家", "status": "在用", "missing": [],
         "next_inspection_due": "2022-03-15"},
        {"code": "DY-YJ-002", "name": "快递驿家", "status": "暂停",
         "missing": ["空调", "冰箱", "微波炉", "热水", "充电", "急救箱", "血压计"],
         "next_inspection_due": "2021-03-01"},
    ]


def test_list_text(capsys, db_path, two_stations):
    code, out, _ = run(capsys, db_path, "stations", "list")
    lines = out.splitlines()
    assert code == 0 and lines[-1] == "共 2 个驿家"
    assert lines[0].split("\t") == ["DY-YJ-001", "大洋镇环卫工人爱心驿家", "在用", "未达标：—",
                                    "下次检查：2022-03-15"]


@pytest.mark.parametrize("flag, expected", [("--form", "爱心驿家登记表"), ("--sign", "编号：DY-YJ-001"),
                                            ("--inspection", "爱心驿家验收记录")])
def test_print_each_form(capsys, db_path, two_stations, tmp_path, flag, expected):
    target = tmp_path / "out" / "form.pdf"
    code, out, err = run(capsys, db_path, "stations", "print", "DY-YJ-001", flag, "--out", target)
    assert (code, err, out.strip()) == (0, "", str(target))
    assert expected in "".join(pdf_text(target).split())
    assert [p.name for p in target.parent.iterdir()] == ["form.pdf"]  # no temporary left


def test_print_refusals_write_nothing(capsys, db_path, two_stations, tmp_path):
    target = tmp_path / "none.pdf"
    code, _, err = run(capsys, db_path, "stations", "print", "DY-YJ-002", "--inspection",
                       "--out", target)
    assert code == 1 and "尚无验收或复验记录" in err and not target.exists()
    code, _, err = run(capsys, db_path, "stations", "print", "DY-YJ-999", "--sign",
                       "--out", target)
    assert code == 1 and "找不到驿家 DY-YJ-999" in err and not target.exists()


@pytest.mark.parametrize("args", [["print", "DY-YJ-001", "--out", "x.pdf"],
                                  ["print", "DY-YJ-001", "--form", "--sign", "--out", "x.pdf"],
                                  ["print", "DY-YJ-001", "--form"]])
def test_print_usage_errors(capsys, db_path, args):
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db_path), "stations", *args])
    assert exit_info.value.code == 2
