"""Printed station forms read back: text, embedded CJK font, and the door sign's QR code."""
import io
import shutil
import subprocess
from datetime import date

import pytest
from sqlmodel import select

from union_desk.models.audit import AuditEntry
from union_desk.models.stations import InspectionCreate, InspectionKind
from union_desk.reports.fonts import FONT_NAME
from union_desk.reports.pdfcheck import pdf_fonts, pdf_page_count, pdf_text
from union_desk.services.stations import inspections as station_inspections
from union_desk.services.errors import UserError
from union_desk.services.stations.printing import (StationForm, default_filename, needs_write,
                                                   station_pdf)


def build(db, form, **kw):
    with db.session(write=needs_write(form)) as s:
        return station_pdf(s, form=form, **kw)


def assert_cjk_embedded(pdf: bytes):
    fonts = pdf_fonts(pdf)
    assert fonts and all(embedded for _, embedded in fonts)
    assert any("WenQuanYi" in name or FONT_NAME in name or "+" in name for name, _ in fonts)


def flat(text: str) -> str:
    return "".join(text.split())


def test_registration_form(db, make_station):
    station = make_station(host_credit_code="91110000600037341N", is_24h=True,
                           facilities=["toilet", "wifi"])
    pdf = build(db, StationForm.FORM, code=station.code)
    text = flat(pdf_text(pdf))
    for expected in ("爱心驿家登记表", "大洋镇", station.code, "大洋镇环卫工人爱心驿家", "自建",
                     "91110000600037341N（校验未通过）", "校验位错误，应为L", "25.5㎡",
                     "24小时开放", "13857112345", "未达标项目：空调、冰箱"):
        assert expected in text  # the manager's phone in full: the form is for the city office
    assert pdf_page_count(pdf) == 1
    assert_cjk_embedded(pdf)
    # making it is an audited reveal, and only in a write session
    with db.session() as s:
        [entry] = s.exec(select(AuditEntry).where(AuditEntry.action == "reveal")).all()
        assert (entry.table_name, entry.record_id, entry.actor) == ("station", station.id, "王晓燕")
        with pytest.raises(RuntimeError, match="write session"):
            station_pdf(s, form=StationForm.FORM, code=station.code)


def test_inspection_record_prints_the_latest_inspection(db, station):
    with pytest.raises(UserError, match="尚无验收或复验记录"):
        build(db, StationForm.INSPECTION, station_id=station.id)
    results = {k: True for k in ("area", "toilet", "air_conditioner", "fridge", "microwave",
                                 "hot_water", "charging", "first_aid", "bp_meter")}
    with db.session(write=True) as s:
        first = station_inspections.record_inspection(s, data=InspectionCreate(
            station_id=station.id, kind=InspectionKind.ACCEPTANCE, on=date(2021, 3, 15),
            inspector="张明", results=dict(results, fridge=False), remarks="冰箱未到位",
            fix_by=date(2021, 4, 15)))
        station_inspections.record_inspection(s, data=InspectionCreate(
            station_id=station.id, kind=InspectionKind.REINSPECTION, on=date(2021, 4, 2),
            inspector="王晓燕", results=results))
    latest = flat(pdf_text(build(db, StationForm.INSPECTION, code=station.code)))
    assert "爱心驿家复验记录" in latest and "2021-04-02" in latest and "检查结论：合格" in latest
    assert "未检查" in latest  # Wi-Fi was not looked at
    chosen = flat(pdf_text(build(db, StationForm.INSPECTION, station_id=station.id,
                                 inspection_id=first.id)))
    for expected in ("爱心驿家验收记录", "2021-03-15", "张明", "冰箱", "不符合", "检查结论：不合格",
                     "冰箱未到位", "整改期限：2021年4月15日前完成整改"):
        assert expected in chosen
    assert "整改期限" not in latest  # a passed inspection has nothing to fix


def test_a_failed_inspection_needs_a_deadline_for_the_fixes(db, station):
    results = {k: True for k in ("area", "toilet", "air_conditioner", "fridge", "microwave",
                                 "hot_water", "charging", "first_aid", "bp_meter")}
    data = InspectionCreate(station_id=station.id, kind=InspectionKind.ACCEPTANCE,
                            on=date(2021, 3, 15), inspector="张明",
                            results=dict(results, fridge=False))
    with pytest.raises(UserError, match="整改期限"), db.session(write=True) as s:
        station_inspections.record_inspection(s, data=data)
    with pytest.raises(UserError, match="晚于检查日期"), db.session(write=True) as s:
        station_inspections.record_inspection(
            s, data=data.model_copy(update={"fix_by": date(2021, 3, 15)}))
    with db.session(write=True) as s:
        row = station_inspections.record_inspection(
            s, data=data.model_copy(update={"fix_by": date(2021, 4, 30)}))
    assert (row.passed, row.fix_by) == (False, date(2021, 4, 30))


def test_door_sign_text(db, station):
    pdf = build(db, StationForm.SIGN, station_id=station.id)
    text = flat(pdf_text(pdf))
    for expected in ("爱心驿家", "大洋镇环卫工人爱心驿家", f"编号：{station.code}",
                     "开放时间：07:00-19:00", "饮用热水", "微波炉热饭", "手机充电", "血压测量",
                     "大洋镇总工会"):
        assert expected in text
    assert "免费Wi-Fi" not in text  # not a facility of this station
    assert_cjk_embedded(pdf)
    assert default_filename(station.code, StationForm.SIGN) == "DY-YJ-001-门牌.pdf"


def test_door_sign_qr_payload_is_the_station_code(db, station, tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed: cannot render the sign")
    import zxingcpp
    from PIL import Image

    path = tmp_path / "sign.pdf"
    path.write_bytes(build(db, StationForm.SIGN, code=station.code))
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(path),
                    str(tmp_path / "sign")], check=True, timeout=60)
    image = Image.open(io.BytesIO((tmp_path / "sign.png").read_bytes()))
    codes = zxingcpp.read_barcodes(image)
    assert [c.text for c in codes] == [station.code]
    assert codes[0].format == zxingcpp.BarcodeFormat.QRCode


def test_unknown_code_is_refused(db):
    with pytest.raises(UserError, match="找不到驿家 DY-YJ-404"):
        build(db, StationForm.SIGN, code="DY-YJ-404")
