"""Rest stations (爱心驿家): register, edit, change status, the list with what each station misses
of the standard in force and when it is next due for inspection."""
from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from pathlib import PurePath

import sqlalchemy as sa
from sqlmodel import Session, select

from union_desk.dialect import contains_ci
from union_desk.domain.creditcode import credit_code_problem, normalise_credit_code
from union_desk.domain.errors import RuleError
from union_desk.domain.phone import parse_mobile
from union_desk.domain.pinyin import name_key, pinyin_initials
from union_desk.domain.station_standard import (StationFacts, area_to_tenths, check_facilities,
                                                item_label, missing_items, next_inspection_due,
                                                tenths_to_text)
from union_desk.models.audit import record_bulk
from union_desk.models.base import new_id, utcnow
from union_desk.models.personal import Phone, full_numbers, kept_or_typed
from union_desk.services.accounts.reveals import Door, authorise_reveal
from union_desk.models.stations import (Inspection, ServiceCount, Station, StationCounter,
                                        StationCreate, StationPhoto, StationPhotoRow,
                                        StationRow, StationStatus, StationStatusEvent,
                                        StationStatusEventRow, StationUpdate)
from union_desk.models.union import GrassrootsUnion, UnionStatus
from union_desk.services.errors import UserError
from union_desk.services.settings import get_setting
from union_desk.services.stations.standard import get_reinspect_months, get_standard

CODE_INFIX = "YJ"  # 驿家
REGISTERED_REASON = "新登记"  # the first status event of every station
_ALLOWED_MOVES = {
    StationStatus.IN_SERVICE: {StationStatus.SUSPENDED, StationStatus.CLOSED},
    StationStatus.SUSPENDED: {StationStatus.IN_SERVICE, StationStatus.CLOSED},
    StationStatus.CLOSED: set(),
}


# -- codes -------------------------------------------------------------------------------------

def _code_prefix(session: Session) -> str:
    township = get_setting(session, key="township")
    if not township:
        raise UserError("请先完成初始设置（乡镇与经办人）")
    return f"{township}-{CODE_INFIX}"


def _issue_code(session: Session) -> str:
    """Next code from the counter, inside the caller's write transaction; never reused."""
    prefix = _code_prefix(session)
    counter = session.exec(select(StationCounter).where(StationCounter.prefix == prefix)).first()
    if counter is None:
        counter = StationCounter(prefix=prefix, last_seq=0)
        session.add(counter)
    while True:
        counter.last_seq += 1
        code = f"{prefix}-{counter.last_seq:03d}"
        taken = session.exec(select(Station.id).where(Station.code == code)).first()
        if taken is None:  # a code already present (e.g. merged in) is skipped, not reused
            break
    session.flush()
    return code


# -- validation --------------------------------------------------------------------------------

def _text(value: str | None, field: str, label: str, *, required: bool, limit: int) -> str:
    text = " ".join((value or "").split())
    if required and not text:
        raise UserError(f"请填写{label}", field=field)
    if len(text) > limit:
        raise UserError(f"{label}不能超过{limit}个字", field=field)
    return text


def _validated(session: Session, data: StationCreate, today: date) -> dict:
    values = {
        "name": _text(data.name, "name", "驿家名称", required=True, limit=100),
        "kind": data.kind,
        "host_unit": _text(data.host_unit, "host_unit", "建设（依托）单位", required=True,
                           limit=100),
        "host_credit_code": normalise_credit_code(data.host_credit_code),
        "address": _text(data.address, "address", "地址", required=True, limit=200),
        "manager": _text(data.manager, "manager", "负责人", required=True, limit=40),
        "is_24h": bool(data.is_24h),
        "opening_hours": _text(data.opening_hours, "opening_hours", "开放时间",
                               required=not data.is_24h, limit=100),
    }
    if len(values["host_credit_code"]) > 18:
        raise UserError("统一社会信用代码不能超过18位", field="host_credit_code")
    try:
        values["manager_phone"] = parse_mobile(data.manager_phone)
    except RuleError as err:
        raise UserError(f"负责人{err}", field="manager_phone") from err
    try:
        values["area_tenths"] = area_to_tenths(data.area_m2)
    except RuleError as err:
        raise UserError(str(err), field="area_m2") from err
    try:
        values["facilities"] = json.dumps(list(check_facilities(data.facilities)))
    except RuleError as err:
        raise UserError(str(err), field="facilities") from err
    if values["area_tenths"] <= 0:
        raise UserError("请填写使用面积（平方米）", field="area_m2")
    lat, lon = data.latitude, data.longitude
    if (lat is None) != (lon is None):
        raise UserError("经度和纬度应同时填写或同时留空", field="latitude")
    if lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise UserError("经纬度超出范围（纬度 -90～90，经度 -180～180）", field="latitude")
    values.update(latitude=lat, longitude=lon)
    if data.registered_on > today:
        raise UserError("登记日期不能晚于今天", field="registered_on")
    values["registered_on"] = data.registered_on
    if data.union_id:
        union = session.get(GrassrootsUnion, data.union_id)
        if union is None or union.deleted_at is not None:
            raise UserError("所选基层工会不存在", field="union_id")
    values["union_id"] = data.union_id or None
    values["name_key"] = name_key(values["name"])
    values["py_initials"] = pinyin_initials(values["name"])
    return values


def _live_station(session: Session, station_id: str) -> Station:
    station = session.get(Station, station_id)
    if station is None or station.deleted_at is not None:
        raise UserError("找不到该驿家", field="station_id")
    return station


# -- writes ------------------------------------------------------------------------------------

def register_station(session: Session, *, data: StationCreate,
                     today: date | None = None) -> StationRow:
    """A new station, in service, with the next code from the counter."""
    values = _validated(session, data, today or date.today())
    station = Station(code=_issue_code(session), status=StationStatus.IN_SERVICE,
                      status_date=values["registered_on"], **values)
    session.add(station)
    session.add(StationStatusEvent(station_id=station.id, status=StationStatus.IN_SERVICE,
                                   on=station.registered_on, reason=REGISTERED_REASON))
    session.flush()
    return get_station(session, station_id=station.id)


def update_station(session: Session, *, station_id: str, data: StationUpdate,
                   today: date | None = None) -> StationRow:
    """Edit everything but the code and the status (see change_status)."""
    station = _live_station(session, station_id)
    data = data.model_copy(update={  # a phone left masked in the form keeps the stored one
        "manager_phone": kept_or_typed(Phone, data.manager_phone, station.manager_phone)})
    values = _validated(session, data, today or date.today())
    old_date, new_date = station.registered_on, values["registered_on"]
    if new_date != old_date:
        _move_registration(session, station, old_date, new_date)
    for key, value in values.items():
        setattr(station, key, value)
    session.flush()
    return get_station(session, station_id=station.id)


def _move_registration(session: Session, station: Station, old: date, new: date) -> None:
    """A corrected registration date may not pass anything recorded since; the registration
    event (and the status date, if the status never changed) moves with it."""
    live = dict(station_id=station.id)
    later = [
        session.execute(select(sa.func.min(Inspection.on)).filter_by(**live)
                        .where(Inspection.deleted_at.is_(None))).scalar(),
        session.execute(select(sa.func.min(ServiceCount.month)).filter_by(**live)
                        .where(ServiceCount.deleted_at.is_(None))).scalar(),
        session.execute(select(sa.func.min(StationStatusEvent.on)).filter_by(**live)
                        .where(StationStatusEvent.deleted_at.is_(None),
                               StationStatusEvent.reason != REGISTERED_REASON)).scalar(),
    ]
    first = min((d for d in later if d is not None), default=None)
    if first is not None and new > first:
        raise UserError("登记日期不能晚于已有的检查、服务人次或状态变更记录", field="registered_on")
    for event in session.exec(select(StationStatusEvent).filter_by(**live)
                              .where(StationStatusEvent.reason == REGISTERED_REASON)).all():
        event.on = new
    if station.status_date == old:
        station.status_date = new


def change_status(session: Session, *, station_id: str, status: StationStatus, on: date,
                  reason: str, today: date | None = None) -> StationRow:
    """在用 ⇄ 暂停, either → 关闭. A closed station stays on record and is never reopened:
    a new station gets a new code."""
    station = _live_station(session, station_id)
    status = StationStatus(status)
    if status == station.status:
        raise UserError(f"该驿家已是“{status.value}”状态", field="status")
    if status not in _ALLOWED_MOVES[station.status]:
        raise UserError("已关闭的驿家不能恢复使用；如重新设立，请登记新驿家", field="status")
    reason = _text(reason, "reason", "原因", required=True, limit=200)
    if on > (today or date.today()):
        raise UserError("状态变更日期不能晚于今天", field="on")
    if on < station.registered_on or (station.status_date and on < station.status_date):
        raise UserError("状态变更日期不能早于登记日期或上一次状态变更", field="on")
    station.status, station.status_date = status, on
    session.add(StationStatusEvent(station_id=station.id, status=status, on=on, reason=reason))
    session.flush()
    return get_station(session, station_id=station.id)


# -- reads -------------------------------------------------------------------------------------

def _rows_query():
    latest = sa.func.row_number().over(
        partition_by=Inspection.station_id,
        order_by=(Inspection.on.desc(), Inspection.created_at.desc())).label("rn")
    last = (select(Inspection.station_id, Inspection.on.label("last_on"),
                   Inspection.passed.label("last_passed"), latest)
            .where(Inspection.deleted_at.is_(None)).subquery())
    return (select(Station, GrassrootsUnion.name, last.c.last_on, last.c.last_passed)
            .outerjoin(GrassrootsUnion, GrassrootsUnion.id == Station.union_id)
            .outerjoin(last, sa.and_(last.c.station_id == Station.id, last.c.rn == 1))
            .where(Station.deleted_at.is_(None)))


def _to_rows(session: Session, results) -> list[StationRow]:
    standard, months = get_standard(session), get_reinspect_months(session)
    rows = []
    for station, union_name, last_on, last_passed in results:
        facilities = json.loads(station.facilities or "[]")
        missing = missing_items(StationFacts(station.area_tenths, frozenset(facilities)), standard)
        due = None
        if station.status != StationStatus.CLOSED:
            due = next_inspection_due(registered_on=station.registered_on, last_on=last_on,
                                      last_passed=last_passed, months=months)
        rows.append(StationRow(
            id=station.id, code=station.code, name=station.name, kind=station.kind,
            host_unit=station.host_unit, host_credit_code=station.host_credit_code,
            credit_warning=(credit_code_problem(station.host_credit_code)
                            if station.host_credit_code else None),
            union_id=station.union_id, union_name=union_name, address=station.address,
            latitude=station.latitude, longitude=station.longitude,
            area_m2=tenths_to_text(station.area_tenths), opening_hours=station.opening_hours,
            is_24h=station.is_24h, manager=station.manager, manager_phone=station.manager_phone,
            registered_on=station.registered_on, facilities=facilities, status=station.status,
            status_date=station.status_date, missing=missing,
            missing_labels=[item_label(k, standard) for k in missing],
            last_inspection_on=last_on,
            last_inspection_passed=None if last_passed is None else bool(last_passed),
            next_inspection_due=due, updated_at=station.updated_at))
    return rows


def get_station(session: Session, *, station_id: str | None = None,
                code: str | None = None) -> StationRow:
    query = _rows_query()
    if station_id is not None:
        query = query.where(Station.id == station_id)
    elif code is not None:
        query = query.where(Station.code == code.strip().upper())
    else:
        raise UserError("请指定驿家")
    rows = _to_rows(session, session.exec(query).all())
    if not rows:
        raise UserError(f"找不到驿家 {code}" if code else "找不到该驿家", field="station_id")
    return rows[0]


def station_for_edit(session: Session, *, station_id: str, reason: str = "") -> dict[str, str]:
    """The manager's phone in full, for the edit form: an audited reveal (who may, and when with
    a reason: services/accounts/reveals.py), so in a write session."""
    row = get_station(session, station_id=station_id)
    return full_numbers(row, authorise_reveal(
        session, door=Door.EDIT_FORM, reason=reason, what="修改爱心驿家登记",
        table_name="station", record_id=row.id))


def list_stations(session: Session, *, status: StationStatus | None = None, search: str = "",
                  missing_only: bool = False, due_by: date | None = None) -> list[StationRow]:
    """Every station on record (closed ones too unless filtered), by code. `due_by` keeps those
    whose next inspection falls on or before that date; `missing_only` those below standard."""
    query = _rows_query().order_by(Station.code)
    if status is not None:
        query = query.where(Station.status == StationStatus(status))
    text = name_key(search)
    if text:
        query = query.where(sa.or_(*(contains_ci(column, text) for column in (
            Station.name_key, Station.py_initials, Station.code, Station.address))))
    rows = _to_rows(session, session.exec(query).all())
    if missing_only:
        rows = [r for r in rows if r.missing]
    if due_by is not None:
        rows = [r for r in rows if r.next_inspection_due and r.next_inspection_due <= due_by]
    return rows


def due_list(session: Session, *, as_of: date, within_days: int = 0) -> list[StationRow]:
    """Stations (not closed) due for inspection by `as_of` + `within_days`, soonest first."""
    rows = list_stations(session, due_by=as_of + timedelta(days=within_days))
    return sorted(rows, key=lambda r: (r.next_inspection_due, r.code))


def status_history(session: Session, *, station_id: str) -> list[StationStatusEventRow]:
    _live_station(session, station_id)
    events = session.exec(select(StationStatusEvent)
                          .where(StationStatusEvent.station_id == station_id,
                                 StationStatusEvent.deleted_at.is_(None))
                          .order_by(StationStatusEvent.on, StationStatusEvent.created_at)).all()
    return [StationStatusEventRow(status=e.status, on=e.on, reason=e.reason) for e in events]


# -- photos (kept in the database, so backups and exports carry them) -----------------------

MAX_PHOTO_BYTES = 10 * 1024 * 1024
_IMAGE_KINDS = {  # mime → (file signature, suffixes)
    "image/jpeg": (b"\xff\xd8\xff", (".jpg", ".jpeg")),
    "image/png": (b"\x89PNG\r\n\x1a\n", (".png",)),
}


def add_photo(session: Session, *, station_id: str, filename: str, data: bytes,
              taken_on: date | None = None, today: date | None = None) -> StationPhotoRow:
    """Store a JPEG or PNG photo of the station; the type is read from the file itself."""
    _live_station(session, station_id)
    name = _text(PurePath(filename or "").name, "filename", "文件名", required=True, limit=200)
    if not data:
        raise UserError("照片文件是空的", field="filename")
    if len(data) > MAX_PHOTO_BYTES:
        raise UserError("照片不能超过10MB，请先压缩", field="filename")
    mime = next((m for m, (magic, _) in _IMAGE_KINDS.items() if data.startswith(magic)), None)
    if mime is None:
        raise UserError("只能保存 JPG 或 PNG 格式的照片", field="filename")
    if taken_on is not None and taken_on > (today or date.today()):
        raise UserError("拍摄日期不能晚于今天", field="taken_on")
    now = utcnow()
    row = dict(id=new_id(), township=session.info.get("township", ""), created_at=now,
               updated_at=now, deleted_at=None, station_id=station_id, filename=name, mime=mime,
               taken_on=taken_on, size=len(data))
    # Core insert: the audit trail records the photo's size and digest, not its bytes
    session.execute(sa.insert(StationPhoto), [dict(row, data=bytes(data))])
    record_bulk(session, table_name=StationPhoto.__tablename__,
                rows=[dict(row, sha256=hashlib.sha256(data).hexdigest())])
    return StationPhotoRow(id=row["id"], station_id=station_id, filename=name, mime=mime,
                           taken_on=taken_on, size=len(data))


def list_photos(session: Session, *, station_id: str) -> list[StationPhotoRow]:
    """The station's photos without their bytes (see photo_data)."""
    cols = (StationPhoto.id, StationPhoto.station_id, StationPhoto.filename, StationPhoto.mime,
            StationPhoto.taken_on, StationPhoto.size)
    found = session.execute(select(*cols).where(StationPhoto.station_id == station_id,
                                                StationPhoto.deleted_at.is_(None))
                            .order_by(StationPhoto.taken_on, StationPhoto.created_at)).all()
    return [StationPhotoRow(id=r[0], station_id=r[1], filename=r[2], mime=r[3], taken_on=r[4],
                            size=r[5]) for r in found]


def photo_data(session: Session, *, photo_id: str) -> bytes:
    photo = session.get(StationPhoto, photo_id)
    if photo is None or photo.deleted_at is not None:
        raise UserError("找不到该照片", field="photo_id")
    return photo.data


def remove_photo(session: Session, *, photo_id: str) -> None:
    """Tombstone a photo (it stays in the file and in backups, hidden from the list)."""
    photo = session.get(StationPhoto, photo_id)
    if photo is None or photo.deleted_at is not None:
        raise UserError("找不到该照片", field="photo_id")
    photo.deleted_at = utcnow()
    session.flush()



def union_choices(session: Session) -> list[tuple[str, str]]:
    """(id, name) of the grassroots unions on the roll, for co-built stations."""
    return [(r[0], r[1]) for r in session.execute(
        select(GrassrootsUnion.id, GrassrootsUnion.name)
        .where(GrassrootsUnion.deleted_at.is_(None), GrassrootsUnion.status == UnionStatus.ACTIVE)
        .order_by(GrassrootsUnion.py_full, GrassrootsUnion.name)).all()]
