"""Shared helpers for the shuttle-bus tests: valid ID numbers, buses, registrations, Excel lists."""
from __future__ import annotations

from datetime import date

from openpyxl import Workbook

from union_desk.domain.idcard import check_char
from union_desk.models.trips import BusCreate, RegistrationCreate, TripLeg, TripLegs
from union_desk.services.trips import campaigns as trips
from union_desk.services.trips.registrations import add_registration

CAMPAIGN = "2021 春节返乡"
HEADERS = ["序号", "姓名", "公民身份号码", "联系电话", "用工单位", "省份", "市", "区县", "紧急联系人",
           "紧急联系电话", "保险单号"]


def make_id(n: int, area: str = "522601") -> str:
    """A valid 18-digit ID number, different for each n (< 10,000)."""
    first17 = f"{area}1990{1 + n // 28 % 12:02d}{1 + n % 28:02d}{n // 336 % 10}{n % 100:02d}"
    return first17 + check_char(first17)


def bus(plate: str, seats: int, destination: str, stops=(), leg=TripLeg.OUTBOUND) -> BusCreate:
    return BusCreate(leg=leg, plate=plate, seats=seats, destination=destination, stops=list(stops),
                     departs_on=date(2021, 2, 1), departs_time="07:30",
                     departure_place="大洋镇人民政府门前", driver="李师傅",
                     driver_phone="13905710001", carrier="建德市新安江客运有限公司",
                     contract_no="JD-2021-001")


def person(n: int, name: str, province="贵州省", city="黔东南州", county=None,
           legs=TripLegs.OUTBOUND, **extra) -> RegistrationCreate:
    """A worker going home; the county defaults to 凯里市 for 贵州, none elsewhere."""
    if county is None:
        county = "凯里市" if province == "贵州省" else ""
    return RegistrationCreate(name=name, id_number=make_id(n), phone=f"138{n:08d}",
                              employer=extra.pop("employer", "建德市新安化工集团"),
                              province=province, city=city, county=county,
                              emergency_name="张父", emergency_phone=f"139{n:08d}",
                              insurance_no=f"PICC{n:06d}", legs=legs, **extra)


def register(db, campaign_id: str, *people: RegistrationCreate):
    with db.session(write=True) as s:
        return [add_registration(s, campaign_id=campaign_id, data=p) for p in people]


def new_campaign(db, *buses: BusCreate):
    with db.session(write=True) as s:
        campaign = trips.campaign_by_name(s, name=CAMPAIGN, create=True)
        rows = [trips.add_bus(s, campaign_id=campaign.id, data=b) for b in buses]
    return campaign, rows


def write_list(path, rows, headers=HEADERS, title="2021年春节返乡专车报名表"):
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
    sheet.append(list(headers))
    for i, row in enumerate(rows, start=1):
        sheet.append([i, *row] if any(v is not None for v in row) else [])
    book.save(path)
    return path


def list_row(n: int, name: str, province="贵州省", city="黔东南州", county="凯里市", **over):
    row = {"name": name, "id": make_id(n), "phone": f"138{n:08d}", "employer": "建德市新安化工集团",
           "province": province, "city": city, "county": county, "ename": "张父",
           "ephone": f"139{n:08d}", "insurance": f"PICC{n:06d}"}
    row.update(over)
    return tuple(row.values())
