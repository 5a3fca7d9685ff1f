"""Demo rest stations: a few self-built and co-built stations (some hosted by the units of the
demo grassroots unions), their inspections, subsidies (paid to the host unit with a voucher), a
photo each and 12 months of service counts. Runs through the same services the clerk uses, so
every rule holds."""
from __future__ import annotations

import random
import struct
import zlib
from datetime import date, timedelta
from decimal import Decimal

from sqlmodel import Session, select

from union_desk.domain.creditcode import credit_check_char
from union_desk.domain.station_standard import add_months
from union_desk.domain.townships import township_by_code
from union_desk.models.payment import PaymentMethod
from union_desk.models.stations import (InspectionCreate, InspectionKind, StationCreate,
                                        StationKind, StationStatus, SubsidyKind)
from union_desk.models.union import GrassrootsUnion
from union_desk.services.stations import inspections as station_inspections, service_counts as station_service_counts, subsidies as station_subsidies, registry as stations
from union_desk.services.settings import get_setting
from union_desk.services.stations.standard import seed_defaults

# subsidies are paid to the host unit by bank transfer, with a voucher (services/unit_payments)
SIGNERS = {"method": PaymentMethod.BANK, "reviewer": "徐丽萍", "approver": "方建平"}
FULL = ["toilet", "air_conditioner", "fridge", "microwave", "hot_water", "charging", "first_aid",
        "bp_meter", "wifi"]
# name suffix, kind, host ("@word": the unit of a demo union whose name has that word),
# area m², 24h, facilities, fate
PLANS = [
    ("总工会爱心驿家", StationKind.SELF_BUILT, "{town}总工会", "32", True, FULL, None),
    ("环卫工人爱心驿家", StationKind.CO_BUILT, "@环卫", "24.5", False, FULL[:8], None),
    ("快递小哥爱心驿家", StationKind.CO_BUILT, "@物流", "18", False,
     ["toilet", "air_conditioner", "microwave", "hot_water", "charging", "wifi"], "failed"),
    ("加油站爱心驿家", StationKind.CO_BUILT, "中国石化{short}加油站", "21", True,
     ["toilet", "air_conditioner", "fridge", "microwave", "hot_water", "charging", "first_aid",
      "bp_meter"], "pilot-code"),
    ("农商银行爱心驿家", StationKind.CO_BUILT, "浙江建德农村商业银行{short}支行", "26", False,
     FULL, None),
    ("便民服务中心爱心驿家", StationKind.SELF_BUILT, "{town}便民服务中心", "40", False, FULL[:8],
     "suspended"),
    ("老街爱心驿家", StationKind.CO_BUILT, "{short}老街商户联合会", "20", False, FULL[:6],
     "closed"),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙朱胡郭何"
GIVEN = ["建国", "丽华", "志强", "海燕", "晓东", "春燕", "文彬", "秀英", "国平", "红梅"]
BASE_COUNTS = {"sanitation": 180, "courier": 90, "rider": 120, "police": 15, "other": 30}


def _credit_code(rng: random.Random, *, valid: bool = True) -> str:
    body = "91330182" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    check = credit_check_char(body)
    if not valid:  # a pilot-era code whose check character fails: kept, with a warning
        check = "0" if check != "0" else "1"
    return body + check


def _png(rng: random.Random, width: int = 96, height: int = 64) -> bytes:
    """A small plain PNG (a coloured card) standing in for a photo."""
    colour = [rng.randrange(90, 230) for _ in range(3)]
    rows = (bytes(int(c * (0.55 + 0.45 * y / height)) for c in colour) for y in range(height))
    raw = b"".join(b"\x00" + row * width for row in rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def populate(session: Session, *, rng: random.Random, size: int) -> None:
    seed_defaults(session)
    today = date.today()
    town = township_by_code(get_setting(session, key="township")).name
    short = town.removesuffix("街道").removesuffix("镇").removesuffix("乡")
    unions = list(session.exec(select(GrassrootsUnion).where(GrassrootsUnion.deleted_at.is_(None))
                               .order_by(GrassrootsUnion.name)).all())
    count = max(3, min(len(PLANS), 4 + size // 100))
    for n, (suffix, kind, host, area, is_24h, facilities, fate) in enumerate(PLANS[:count]):
        union = _union_for(unions, host)
        host_unit = (union.name.removesuffix("工会") if union else
                     host.lstrip("@").format(town=town, short=short))
        # the latest few are new this year, like the seed's "3 new"
        registered = today - timedelta(days=60 + 170 * (count - 1 - n) + rng.randrange(30))
        row = stations.register_station(session, today=today, data=StationCreate(
            name=f"{short}{suffix}", kind=kind, host_unit=host_unit,
            host_credit_code=_credit_code(rng, valid=fate != "pilot-code"),
            union_id=union.id if union else None,
            address=f"建德市{town}{rng.choice(['环城路', '新街', '工业路', '人民路'])}"
                    f"{rng.randrange(1, 200)}号",
            latitude=round(29.45 + rng.random() * 0.2, 6),
            longitude=round(119.15 + rng.random() * 0.3, 6),
            area_m2=Decimal(area), is_24h=is_24h,
            opening_hours="" if is_24h else rng.choice(["07:00-19:00", "06:30-20:00",
                                                        "08:00-18:00"]),
            manager=rng.choice(SURNAMES) + rng.choice(GIVEN),
            manager_phone=f"13{rng.randrange(5, 10)}{rng.randrange(10**8):08d}",
            facilities=facilities, registered_on=registered))
        stations.add_photo(session, station_id=row.id, filename=f"{row.code}-门头.png",
                           data=_png(rng), taken_on=registered, today=today)
        _inspect(session, row, today, fate, rng)
        if kind == StationKind.CO_BUILT:
            station_subsidies.add_subsidy(session, station_id=row.id, kind=SubsidyKind.BUILD,
                                          amount_fen=rng.choice([20000, 30000, 50000]) * 100,
                                          paid_on=registered + timedelta(days=30), today=today,
                                          note="驿家建设一次性补助", **SIGNERS)
        paid = add_months(registered, 12)
        while paid <= today and not _failed_by(session, row.id, paid):
            station_subsidies.add_subsidy(session, station_id=row.id, kind=SubsidyKind.RUNNING,
                                          amount_fen=500000, paid_on=paid, today=today,
                                          note=f"{paid.year}年度运行补助", **SIGNERS)
            paid = add_months(paid, 12)
        _counts(session, row.id, registered, today, rng)
        if fate in ("suspended", "closed"):
            status = StationStatus.SUSPENDED if fate == "suspended" else StationStatus.CLOSED
            reason = "场地装修，暂停开放" if fate == "suspended" else "所在楼宇拆迁，驿家撤除"
            stations.change_status(session, station_id=row.id, status=status,
                                   on=today - timedelta(days=20), reason=reason, today=today)


def _failed_by(session: Session, station_id: str, day: date) -> bool:
    """The station's latest inspection by `day` failed: no running subsidy until it passes."""
    latest = [i for i in station_inspections.list_inspections(session, station_id=station_id)
              if i.on <= day]
    return bool(latest) and not latest[-1].passed


def _union_for(unions: list[GrassrootsUnion], host: str) -> GrassrootsUnion | None:
    if not host.startswith("@") or not unions:
        return None
    word = host[1:]
    return next((u for u in unions if word in u.name), unions[len(word) % len(unions)])


def _inspect(session: Session, row, today: date, fate, rng) -> None:
    """Acceptance two weeks after registration, then yearly re-inspections. Results follow the
    station's facts, except that the "failed" station was up to standard until its latest."""
    on, kind = row.registered_on + timedelta(days=14), InspectionKind.ACCEPTANCE
    while on <= today:
        latest = add_months(on, 12) > today
        results = {"area": "area" not in row.missing, **{k: k in row.facilities for k in FULL}}
        if fate == "failed" and not latest:
            results = dict.fromkeys(results, True)
        failed = not all(v for k, v in results.items() if k != "wifi")
        station_inspections.record_inspection(session, today=today, data=InspectionCreate(
            station_id=row.id, kind=kind, on=on,
            inspector=f"{rng.choice(SURNAMES)}{rng.choice(GIVEN)}", results=results,
            remarks="未达标：" + "、".join(row.missing_labels) if failed else "",
            fix_by=on + timedelta(days=30) if failed else None))
        on, kind = add_months(on, 12) - timedelta(days=rng.randrange(0, 20)), \
            InspectionKind.REINSPECTION


def _counts(session: Session, station_id: str, registered: date, today: date, rng) -> None:
    month = add_months(today.replace(day=1), -12)
    for _ in range(12):
        if month >= registered.replace(day=1):
            season = 1.3 if month.month in (1, 7, 8, 12) else 1.0
            counts = {k: int(v * season * rng.uniform(0.6, 1.4)) for k, v in BASE_COUNTS.items()}
            station_service_counts.set_month_counts(session, station_id=station_id, month=month,
                                                    counts=counts, today=today)
        month = add_months(month, 1)
