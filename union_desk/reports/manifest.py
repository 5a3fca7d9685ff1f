"""Shuttle-bus printouts: the manifest per bus (乘车名单, A4 landscape) and a seat notice per
passenger (乘车通知, four A6 notices to an A4 page, cut along the dashed lines).

ID numbers are masked; passengers' and emergency contacts' phones too, unless the manifest is
given an audited `reveal` grant (the driver and the escort call them). The driver's phone is
printed in full: it is the trip's contact number, which passengers need to reach the bus.
"""
from __future__ import annotations

from datetime import date
from typing import Sequence

from reportlab.lib.pagesizes import A4, landscape

from union_desk.models.personal import RevealGrant, shown
from union_desk.models.trips import BusLoad, BusRow, PassengerRow
from union_desk.reports.pdfkit import draw_table, draw_text, fit_text, new_canvas

PAGE = landscape(A4)
MARGIN = 36
ROW_H = 17
COLUMNS = (("座号", 30, "center"), ("姓名", 56, "left"), ("身份证号", 118, "left"),
           ("手机", 76, "left"), ("目的地", 150, "left"), ("工作单位", 128, "left"),
           ("紧急联系人", 56, "left"), ("紧急联系电话", 78, "left"), ("上车签名", 78, "center"))
FIRST_PAGE_ROWS, NEXT_PAGE_ROWS = 22, 28
NOTICE_RULES = ("请于发车前 30 分钟到达发车地点，凭身份证上车，对号入座。",
                "途中听从带车人员安排，系好安全带，不向窗外抛物。",
                "如不能乘车，请尽早告知工会，座位将让给候补人员。")


def bus_title(bus: BusRow) -> str:
    return f"{bus.leg.value}第 {bus.seq} 车  {bus.plate}"


def _route(bus: BusRow) -> str:
    stops = [s for s in bus.stops if s]
    if bus.destination not in stops:
        stops.append(bus.destination)
    return " → ".join(stops)


def _passenger_cells(p: PassengerRow, reveal: RevealGrant | None) -> list[str]:
    return [str(p.seat_no or ""), p.name, str(p.id_number), shown(p.phone, reveal), p.destination,
            p.employer, p.emergency_name, shown(p.emergency_phone, reveal),
            "已上车" if p.boarded_at else ""]


def _bus_details(c, bus: BusRow, y: float) -> float:
    w = PAGE[0] - 2 * MARGIN
    rows = [["车牌号", bus.plate, "承运单位", bus.carrier, "包车合同号", bus.contract_no],
            ["驾驶员", bus.driver, "驾驶员电话", bus.driver_phone, "核定座位", f"{bus.seats} 座"],
            ["发车时间", bus.departs_text, "发车地点", bus.departure_place, "目的地", bus.destination],
            ["途经站点", _route(bus), "", "", "", ""]]
    widths = [64, w / 3 - 64, 64, w / 3 - 64, 70, w / 3 - 70]
    bottom = draw_table(c, MARGIN, y, widths, None, rows[:3], row_h=ROW_H, size=9)
    draw_table(c, MARGIN, bottom, [64, w - 64], None, [rows[3][:2]], row_h=ROW_H, size=9)
    return bottom - ROW_H


def _manifest_pages(c, campaign: str, organiser: str, load: BusLoad, printed_on: date,
                    reveal: RevealGrant | None) -> int:
    bus, people = load.bus, load.passengers
    chunks = [people[:FIRST_PAGE_ROWS]]
    rest = people[FIRST_PAGE_ROWS:]
    while rest:
        chunks.append(rest[:NEXT_PAGE_ROWS])
        rest = rest[NEXT_PAGE_ROWS:]
    header = [name for name, _, _ in COLUMNS]
    widths = [w for _, w, _ in COLUMNS]
    aligns = [a for _, _, a in COLUMNS]
    width, height = PAGE
    for number, chunk in enumerate(chunks, start=1):
        c.setPageSize(PAGE)
        y = height - MARGIN
        draw_text(c, width / 2, y - 16, f"{campaign} 乘车名单", 16, "center", bold=True)
        draw_text(c, MARGIN, y - 34, bus_title(bus), 11, bold=True)
        draw_text(c, width - MARGIN, y - 34, f"{organiser}  打印日期：{printed_on.isoformat()}", 9,
                  "right")
        y -= 42
        if number == 1:
            y = _bus_details(c, bus, y) - 8
        y = draw_table(c, MARGIN, y, widths, header, [_passenger_cells(p, reveal) for p in chunk],
                       row_h=ROW_H, size=9, aligns=aligns)
        if number == len(chunks):
            boarded = sum(1 for p in people if p.boarded_at)
            draw_text(c, MARGIN, y - 16,
                      f"合计：乘客 {len(people)} 人；核定 {bus.seats} 座，空座 "
                      f"{max(0, bus.seats - len(people))} 个；已上车 {boarded} 人，"
                      f"未上车 {len(people) - boarded} 人。", 10)
            draw_text(c, MARGIN, y - 40, "带车人（签字）：______________      驾驶员（签字）："
                      "______________      发车时间：______ 时 ______ 分", 10)
        draw_text(c, width / 2, MARGIN - 18, f"{bus_title(bus)}  第 {number}/{len(chunks)} 页", 8,
                  "center")
        c.showPage()
    return len(chunks)


def _notice(c, x: float, y: float, w: float, h: float, campaign: str, organiser: str,
            bus: BusRow, p: PassengerRow, contact_phone: str = "") -> None:
    """One notice in the box with bottom-left (x, y)."""
    pad = 22
    left, top = x + pad, y + h - pad
    draw_text(c, x + w / 2, top - 20, "乘车通知", 20, "center", bold=True)
    draw_text(c, x + w / 2, top - 40, fit_text(campaign, 11, w - 2 * pad), 11, "center")
    lines = [("姓名", p.name), ("车次", f"{bus.leg.value}第 {bus.seq} 车"), ("车牌号", bus.plate),
             ("发车时间", bus.departs_text or "另行通知"), ("身份证号", str(p.id_number)),
             ("发车地点", bus.departure_place or "另行通知"), ("下车地点", p.destination),
             ("驾驶员", f"{bus.driver} {bus.driver_phone}".strip() or "另行通知")]
    box = 76  # the seat-number box on the right
    ty = top - 72
    for i, (label, value) in enumerate(lines):
        room = w - 2 * pad - 66 - (box + 8 if i < 4 else 0)
        draw_text(c, left, ty, f"{label}：", 11)
        draw_text(c, left + 66, ty, fit_text(value, 11, room), 11)
        ty -= 24
    bx, by = x + w - pad - box, top - 72 - 3 * 24 - 8
    c.rect(bx, by, box, box + 14, stroke=1, fill=0)
    draw_text(c, bx + box / 2, by + box, "座位号", 10, "center")
    draw_text(c, bx + box / 2, by + 18, str(p.seat_no or ""), 40, "center", bold=True)
    ty -= 6
    for rule in NOTICE_RULES:
        draw_text(c, left, ty, fit_text(f"· {rule}", 9, w - 2 * pad), 9)
        ty -= 15
    phone = contact_phone or "____________"  # no number on file: the clerk writes it in
    draw_text(c, left, ty - 4, fit_text(f"工会联系电话：{phone}", 11, w - 2 * pad), 11, bold=True)
    draw_text(c, left, y + pad + 4, "乘客签收：____________", 10)
    draw_text(c, x + w - pad, y + pad + 4, organiser, 10, "right")


def _notice_pages(c, campaign: str, organiser: str, loads: Sequence[BusLoad],
                  contact_phone: str = "") -> int:
    items = [(load.bus, p) for load in loads for p in load.passengers if p.seat_no]
    width, height = A4
    w, h = width / 2, height / 2
    pages = 0
    for start in range(0, len(items), 4):
        c.setPageSize(A4)
        c.saveState()
        c.setDash(4, 3)
        c.setStrokeGray(0.6)
        c.line(w, 12, w, height - 12)
        c.line(12, h, width - 12, h)
        c.restoreState()
        for i, (bus, p) in enumerate(items[start:start + 4]):
            col, row = i % 2, i // 2
            _notice(c, col * w, height - (row + 1) * h, w, h, campaign, organiser, bus, p,
                    contact_phone)
        c.showPage()
        pages += 1
    return pages


def write_manifest(target, *, campaign: str, organiser: str, loads: Sequence[BusLoad],
                   printed_on: date, notices: bool = False, contact_phone: str = "",
                   reveal: RevealGrant | None = None) -> int:
    """Manifests of the given buses (and, if asked, everyone's seat notices) to a PDF path or
    binary file; with `reveal`, phones in full. Returns the number of pages."""
    c = new_canvas(target, PAGE, f"{campaign} 乘车名单")
    pages = sum(_manifest_pages(c, campaign, organiser, load, printed_on, reveal)
                for load in loads)
    if notices:
        pages += _notice_pages(c, campaign, organiser, loads, contact_phone)
    c.save()
    return pages


def write_notices(target, *, campaign: str, organiser: str, loads: Sequence[BusLoad],
                  contact_phone: str = "") -> int:
    """Seat notices only, four to an A4 page, with the union's contact phone. Returns the
    number of pages."""
    c = new_canvas(target, A4, f"{campaign} 乘车通知")
    pages = _notice_pages(c, campaign, organiser, loads, contact_phone)
    c.save()
    return pages
