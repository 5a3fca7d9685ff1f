"""Manifests out of the database: PDF (reports/manifest.py) and Excel, masked. The PDF manifest
can carry passengers' and emergency contacts' phones in full (`full_phones`: the driver and the
escort call them), an audited reveal inside a write session."""
from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path

from sqlmodel import Session

from union_desk.domain.errors import RuleError
from union_desk.domain.townships import township_by_code
from union_desk.files import atomic_path, atomic_write_bytes, write_error_text
from union_desk.services.accounts.reveals import Door, authorise_reveal
from union_desk.models.trips import BusLoad
from union_desk.services.common.xlsx_text import safe_row
from union_desk.services.errors import UserError
from union_desk.services.settings import get_setting
from union_desk.services.trips.campaigns import get_campaign, list_buses
from union_desk.services.trips.seats import passengers

XLSX_HEADER = ("座号", "姓名", "身份证号", "手机", "目的地", "工作单位", "紧急联系人", "紧急联系电话",
               "保险单号", "会员", "上车")


def organiser(session: Session) -> str:
    """The printing union: 大洋镇总工会."""
    code = get_setting(session, key="township", default="") or ""
    try:
        return f"{township_by_code(code).name}总工会"
    except RuleError:
        return "总工会"


def manifest_loads(session: Session, *, campaign_id: str,
                   bus_ids: list[str] | None = None) -> list[BusLoad]:
    """The chosen buses (all if None) with their passengers by seat number."""
    buses = list_buses(session, campaign_id=campaign_id)
    if bus_ids is not None:
        wanted = set(bus_ids)
        buses = [b for b in buses if b.id in wanted]
    if not buses:
        raise UserError("没有可打印的车辆")
    return [BusLoad(bus=b, passengers=passengers(session, bus_id=b.id)) for b in buses]


def _check_folder(path: Path) -> None:
    if not path.parent.is_dir():
        raise UserError(f"文件夹不存在：{path.parent}")


def manifest_pdf(session: Session, *, campaign_id: str, bus_ids: list[str] | None = None,
                 notices: bool = False, full_phones: bool = False,
                 reason: str = "") -> tuple[bytes, int]:
    """(PDF, pages): 乘车名单 of the chosen buses; `notices` adds each passenger's 乘车通知.
    `full_phones`: passengers' and emergency contacts' phones in full — audited, so only in a
    write session, with the reason the audit entry keeps (services/accounts/reveals.py)."""
    from union_desk.reports.manifest import write_manifest

    campaign = get_campaign(session, campaign_id=campaign_id)
    loads = manifest_loads(session, campaign_id=campaign_id, bus_ids=bus_ids)
    grant = None
    if full_phones:
        grant = authorise_reveal(session, door=Door.WORK_PHONES, reason=reason,
                                 what="乘车名单（乘客和紧急联系人完整手机号）",
                                 table_name="trip_registration", campaign=campaign.name,
                                 buses=[load.bus.plate for load in loads],
                                 passengers=sum(len(load.passengers) for load in loads))
    out = io.BytesIO()
    pages = write_manifest(out, campaign=campaign.name, organiser=organiser(session),
                           loads=loads, printed_on=date.today(), notices=notices, reveal=grant,
                           contact_phone=campaign.contact_phone)
    return out.getvalue(), pages


def notices_pdf(session: Session, *, campaign_id: str,
                bus_ids: list[str] | None = None) -> tuple[bytes, int]:
    """(PDF, pages): 乘车通知 for every seated passenger of the chosen buses, four to a page."""
    from union_desk.reports.manifest import write_notices

    campaign = get_campaign(session, campaign_id=campaign_id)
    loads = manifest_loads(session, campaign_id=campaign_id, bus_ids=bus_ids)
    if not any(load.passengers for load in loads):
        raise UserError("所选车辆还没有乘客，没有乘车通知可打印")
    out = io.BytesIO()
    pages = write_notices(out, campaign=campaign.name, organiser=organiser(session), loads=loads,
                          contact_phone=campaign.contact_phone)
    return out.getvalue(), pages


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write next to the target, then rename: nobody ever sees half a file."""
    path = Path(path)
    _check_folder(path)
    try:
        atomic_write_bytes(path, data)
    except OSError as err:
        raise UserError(write_error_text(err, path)) from err
    return path


def write_manifest_pdf(session: Session, *, campaign_id: str, path: str | os.PathLike,
                       bus_ids: list[str] | None = None, notices: bool = False,
                       full_phones: bool = False, reason: str = "") -> int:
    """Save the manifests (and notices) as a PDF file; returns the number of pages."""
    data, pages = manifest_pdf(session, campaign_id=campaign_id, bus_ids=bus_ids, notices=notices,
                               full_phones=full_phones, reason=reason)
    write_bytes(path, data)
    return pages


def _sheet_title(load: BusLoad, used: set[str]) -> str:
    base = f"{load.bus.leg.value}{load.bus.seq} {load.bus.plate}"
    title = "".join(ch for ch in base if ch not in "[]:*?/\\")[:31]
    n = 2
    while title in used:
        title = f"{base[:27]}({n})"
        n += 1
    used.add(title)
    return title


def export_manifests_xlsx(session: Session, *, campaign_id: str, path: str | os.PathLike,
                          bus_ids: list[str] | None = None) -> int:
    """One sheet per bus: its details, then its passengers (ID and phones masked), then totals.
    Returns the number of passengers written."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    campaign = get_campaign(session, campaign_id=campaign_id)
    loads = manifest_loads(session, campaign_id=campaign_id, bus_ids=bus_ids)
    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    count = 0
    for load in loads:
        bus = load.bus
        sheet = book.create_sheet(_sheet_title(load, used))
        sheet.append(safe_row(sheet, [f"{campaign.name} 乘车名单  {bus.leg.value}第 {bus.seq} 车"]))
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.append(safe_row(sheet, ["车牌号", bus.plate, "承运单位", bus.carrier, "包车合同号",
                                      bus.contract_no]))
        sheet.append(safe_row(sheet, ["驾驶员", bus.driver, "驾驶员电话", bus.driver_phone,
                                      "核定座位", bus.seats]))
        sheet.append(safe_row(sheet, ["发车时间", bus.departs_text, "发车地点",
                                      bus.departure_place, "目的地", bus.destination]))
        sheet.append(safe_row(sheet, ["途经站点", " → ".join(bus.stops or [bus.destination])]))
        sheet.append([])
        sheet.append(safe_row(sheet, XLSX_HEADER))
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for p in load.passengers:
            sheet.append(safe_row(sheet, [
                p.seat_no, p.name, str(p.id_number), str(p.phone), p.destination, p.employer,
                p.emergency_name, str(p.emergency_phone), p.insurance_no,
                "是" if p.is_member else "否", "已上车" if p.boarded_at else ""]))
        boarded = sum(1 for p in load.passengers if p.boarded_at)
        sheet.append([])
        sheet.append(safe_row(sheet, ["合计", f"乘客 {len(load.passengers)} 人",
                                      f"已上车 {boarded} 人",
                                      f"空座 {max(0, bus.seats - len(load.passengers))} 个"]))
        for column, width in zip("ABCDEFGHIJK", (8, 10, 22, 14, 28, 26, 10, 14, 18, 6, 8)):
            sheet.column_dimensions[column].width = width
        count += len(load.passengers)
    path = Path(path)
    _check_folder(path)
    try:
        with atomic_path(path) as tmp:
            book.save(tmp)
    except OSError as err:
        raise UserError(write_error_text(err, path)) from err
    return count
