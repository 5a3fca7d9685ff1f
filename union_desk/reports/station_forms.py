"""Printed forms for rest stations (爱心驿家): registration form, inspection record, door sign.

Layouts take plain rows (StationRow, InspectionRow, the Standard in force) and write a PDF to a
path or a binary file object; they never query.
"""
from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from union_desk.domain.station_standard import CHECKLIST, Standard, item_label
from union_desk.models.personal import RevealGrant, shown
from union_desk.models.stations import InspectionRow, StationRow
from union_desk.reports.fonts import register_cjk_font
from union_desk.reports.pdfkit import (draw_box, draw_qr, draw_table, draw_text, fit_text,
                                       new_canvas)

# What each facility offers an outdoor worker, as the door sign says it.
SERVICE_TEXT = {
    "hot_water": "饮用热水",
    "microwave": "微波炉热饭",
    "fridge": "冰箱存放",
    "charging": "手机充电",
    "air_conditioner": "空调纳凉取暖",
    "toilet": "如厕",
    "first_aid": "应急药箱",
    "bp_meter": "血压测量",
    "wifi": "免费Wi-Fi",
}
SIGN_RED = (0.75, 0.08, 0.08)
MARGIN = 18 * mm


def opening_text(station: StationRow) -> str:
    if station.is_24h:
        return "24小时开放" + (f"（{station.opening_hours}）" if station.opening_hours else "")
    return station.opening_hours


def _footer(c, width: float, text: str) -> None:
    draw_text(c, width / 2, 10 * mm, text, 8, "center")


# -- registration form (登记表) -----------------------------------------------------------------

def registration_form(target, *, station: StationRow, standard: Standard, township_name: str,
                      reveal: RevealGrant | None = None) -> None:
    """With `reveal` (an audited grant) the manager's phone prints in full, else masked."""
    width, height = A4
    c = new_canvas(target, A4, f"爱心驿家登记表 {station.code}")
    draw_text(c, width / 2, height - MARGIN - 10, "爱心驿家登记表", 20, "center", bold=True)
    y = height - MARGIN - 40
    draw_text(c, MARGIN, y, f"乡镇（街道）：{township_name}", 10)
    draw_text(c, width - MARGIN, y, f"编号：{station.code}", 10, "right")
    status = station.status.value + (f"（{station.status_date.isoformat()}）"
                                      if station.status_date else "")
    coords = ("" if station.latitude is None else
              f"{station.latitude:.6f}, {station.longitude:.6f}")
    phone = shown(station.manager_phone, reveal)
    code_text = station.host_credit_code + ("（校验未通过）" if station.credit_warning else "")
    inner = width - 2 * MARGIN
    cols = [inner * 0.16, inner * 0.34, inner * 0.16, inner * 0.34]
    rows = [
        ["驿家名称", station.name, "建设方式", station.kind.value],
        ["建设单位", station.host_unit, "信用代码", code_text],
        ["共建工会", station.union_name or "", "当前状态", status],
        ["地址", station.address, "经纬度", coords],
        ["使用面积", f"{station.area_m2}㎡", "开放时间", opening_text(station)],
        ["负责人", station.manager, "联系电话", phone],
        ["登记日期", station.registered_on.isoformat(), "下次检查",
         station.next_inspection_due.isoformat() if station.next_inspection_due else "—"],
    ]
    y = draw_table(c, MARGIN, y - 8, cols, None, rows, row_h=24, size=10)
    if station.credit_warning:
        draw_text(c, MARGIN, y - 14, fit_text(f"注：{station.credit_warning}", 9, inner), 9)
        y -= 14
    draw_text(c, MARGIN, y - 24, "设施配备情况（对照现行建设标准）", 12, bold=True)
    y = draw_table(c, MARGIN, y - 32, [inner * 0.40, inner * 0.20, inner * 0.40],
                   ["项目", "标准要求", "配备情况"],
                   _facility_rows(station, standard), row_h=22, size=10,
                   aligns=["left", "center", "center"])
    missing = "、".join(station.missing_labels) or "无"
    draw_text(c, MARGIN, y - 20, fit_text(f"未达标项目：{missing}", 10, inner), 10)
    box_w = (inner - 20) / 3
    for i, label in enumerate(("填表人签字：", "驿家负责人签字：", "乡镇（街道）总工会（盖章）：")):
        draw_box(c, MARGIN + i * (box_w + 10), y - 130, box_w, 90, label, 10)
    draw_text(c, width - MARGIN, y - 148, "年　　月　　日", 10, "right")
    _footer(c, width, f"{township_name}总工会 · 爱心驿家登记表 · {station.code}")
    c.showPage()
    c.save()


def _facility_rows(station: StationRow, standard: Standard) -> list[list[str]]:
    rows = []
    for item in CHECKLIST:
        need = "必备" if item.key in standard.required else "可选"
        if item.key == "area":
            ok = "达标" if item.key not in station.missing else "不达标"
            have = f"{station.area_m2}㎡（{ok}）"
        else:
            have = "有" if item.key in station.facilities else "无"
        rows.append([item_label(item.key, standard), need, have])
    return rows


# -- inspection record (验收/复验记录) -----------------------------------------------------------

def inspection_record(target, *, station: StationRow, inspection: InspectionRow,
                      standard: Standard, township_name: str) -> None:
    width, height = A4
    title = f"爱心驿家{inspection.kind.value}记录"
    c = new_canvas(target, A4, f"{title} {station.code}")
    draw_text(c, width / 2, height - MARGIN - 10, title, 20, "center", bold=True)
    inner = width - 2 * MARGIN
    y = height - MARGIN - 40
    draw_text(c, MARGIN, y, f"乡镇（街道）：{township_name}", 10)
    draw_text(c, width - MARGIN, y, f"编号：{station.code}", 10, "right")
    cols = [inner * 0.16, inner * 0.34, inner * 0.16, inner * 0.34]
    rows = [
        ["驿家名称", station.name, "检查类别", inspection.kind.value],
        ["地址", station.address, "检查日期", inspection.on.isoformat()],
        ["建设单位", station.host_unit, "检查人", inspection.inspector],
        ["使用面积", f"{station.area_m2}㎡", "开放时间", opening_text(station)],
    ]
    y = draw_table(c, MARGIN, y - 8, cols, None, rows, row_h=24, size=10)
    table = []
    for n, item in enumerate(CHECKLIST, 1):
        result = inspection.results.get(item.key)
        shown = "未检查" if result is None else ("符合" if result else "不符合")
        table.append([str(n), item_label(item.key, standard),
                      "必备" if item.key in standard.required else "可选", shown])
    y = draw_table(c, MARGIN, y - 20, [inner * 0.10, inner * 0.45, inner * 0.20, inner * 0.25],
                   ["序号", "检查项目", "标准要求", "检查结果"], table, row_h=22, size=10,
                   aligns=["center", "left", "center", "center"])
    verdict = "合格" if inspection.passed else "不合格"
    verdict_w = draw_text(c, MARGIN, y - 24, f"检查结论：{verdict}", 13, bold=True)
    if not inspection.passed:
        due = (f"{inspection.fix_by.year}年{inspection.fix_by.month}月{inspection.fix_by.day}日前"
               if inspection.fix_by else "　　年　　月　　日前")
        draw_text(c, MARGIN + verdict_w + 24, y - 24, f"整改期限：{due}完成整改，届时复验", 12,
                  bold=True)
    draw_box(c, MARGIN, y - 110, inner, 74, "备注：", 10)
    _draw_wrapped(c, MARGIN + 8, y - 60, inspection.remarks, inner - 16, 10, lines=3)
    box_w = (inner - 20) / 3
    for i, label in enumerate(("检查人签字：", "驿家负责人签字：", "乡镇（街道）总工会（盖章）：")):
        draw_box(c, MARGIN + i * (box_w + 10), y - 210, box_w, 86, label, 10)
    draw_text(c, width - MARGIN, y - 228, "年　　月　　日", 10, "right")
    _footer(c, width, f"{township_name}总工会 · {title} · {station.code}")
    c.showPage()
    c.save()


def _draw_wrapped(c, x: float, y: float, text: str, width: float, size: float,
                  lines: int) -> None:
    """Break `text` into at most `lines` lines that fit `width` (the last one cut with '…')."""
    font = register_cjk_font()
    rest = " ".join((text or "").split())
    for n in range(lines):
        if not rest:
            break
        if n == lines - 1:
            draw_text(c, x, y, fit_text(rest, size, width), size)
            break
        cut = len(rest)
        while cut > 1 and stringWidth(rest[:cut], font, size) > width:
            cut -= 1
        draw_text(c, x, y, rest[:cut], size)
        rest, y = rest[cut:], y - size * 1.5


def _pack(items: list[str], size: float, width: float) -> list[str]:
    """Whole items per line, separated by a full-width space, as many as fit `width`."""
    font, lines = register_cjk_font(), []
    for item in items:
        joined = f"{lines[-1]}　{item}" if lines else item
        if lines and stringWidth(joined, font, size) <= width:
            lines[-1] = joined
        else:
            lines.append(fit_text(item, size, width))
    return lines


# -- door sign (门牌) ----------------------------------------------------------------------------

def door_sign(target, *, station: StationRow, township_name: str) -> None:
    """A4 landscape: big 爱心驿家 title, name, code, opening hours, services, QR of the code."""
    pagesize = landscape(A4)
    width, height = pagesize
    c = new_canvas(target, pagesize, f"爱心驿家门牌 {station.code}")
    c.saveState()
    c.setStrokeColorRGB(*SIGN_RED)
    c.setLineWidth(6)
    c.roundRect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm, 8 * mm)
    c.setFillColorRGB(*SIGN_RED)
    draw_text(c, width / 2, height - 58 * mm, "爱心驿家", 84, "center", bold=True)
    c.restoreState()
    left, text_w = 30 * mm, width - 30 * mm - 105 * mm
    draw_text(c, left, height - 88 * mm, fit_text(station.name, 30, text_w), 30, bold=True)
    draw_text(c, left, height - 104 * mm, f"编号：{station.code}", 16)
    draw_text(c, left, height - 118 * mm, fit_text(f"开放时间：{opening_text(station)}", 16,
                                                   text_w), 16)
    services = [SERVICE_TEXT[k] for k in SERVICE_TEXT if k in station.facilities]
    services.append("歇脚休息")
    draw_text(c, left, height - 134 * mm, "服务项目：", 16)
    for n, line in enumerate(_pack(services, 15, text_w - 4 * mm)[:2]):
        draw_text(c, left + 4 * mm, height - (146 + 9 * n) * mm, line, 15)
    draw_text(c, left, height - 172 * mm,
              fit_text("服务对象：环卫工人、快递员、外卖骑手、交通警察等户外劳动者", 12, text_w), 12)
    qr = 70 * mm
    qr_x, qr_y = width - 30 * mm - qr, height - 175 * mm
    draw_qr(c, qr_x, qr_y, qr, station.code)
    draw_text(c, qr_x + qr / 2, qr_y - 6 * mm, f"扫码识别驿家编号 {station.code}", 10, "center")
    draw_text(c, width / 2, 20 * mm, f"建德市总工会　{township_name}总工会", 14, "center")
    c.showPage()
    c.save()
