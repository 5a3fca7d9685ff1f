"""Acceptance (验收) and re-inspection (复验) of rest stations against the standard in force."""
from __future__ import annotations

import json
from datetime import date

from sqlmodel import Session, select

from union_desk.domain.station_standard import ITEM_KEYS, item_label
from union_desk.models.stations import (Inspection, InspectionCreate, InspectionKind,
                                        InspectionRow, Station, StationStatus)
from union_desk.services.errors import UserError
from union_desk.services.stations.standard import get_standard


def _row(inspection: Inspection, station: Station) -> InspectionRow:
    return InspectionRow(id=inspection.id, station_id=station.id, station_code=station.code,
                         station_name=station.name, kind=inspection.kind, on=inspection.on,
                         inspector=inspection.inspector, results=json.loads(inspection.results),
                         passed=inspection.passed, remarks=inspection.remarks,
                         fix_by=inspection.fix_by)


def _inspections(session: Session, station_id: str) -> list[Inspection]:
    return list(session.exec(select(Inspection)
                             .where(Inspection.station_id == station_id,
                                    Inspection.deleted_at.is_(None))
                             .order_by(Inspection.on, Inspection.created_at)).all())


def record_inspection(session: Session, *, data: InspectionCreate,
                      today: date | None = None) -> InspectionRow:
    """Record an inspection. Every item the standard requires needs a result; `passed` left
    empty means "passed when every required item is met"."""
    station = session.get(Station, data.station_id)
    if station is None or station.deleted_at is not None:
        raise UserError("找不到该驿家", field="station_id")
    if station.status == StationStatus.CLOSED:
        raise UserError("已关闭的驿家不再验收或复验", field="station_id")
    kind = InspectionKind(data.kind)
    inspector = " ".join((data.inspector or "").split())
    if not inspector:
        raise UserError("请填写检查人", field="inspector")
    if len(inspector) > 100:
        raise UserError("检查人不能超过100个字", field="inspector")
    if data.on > (today or date.today()):
        raise UserError("检查日期不能晚于今天", field="on")
    if data.on < station.registered_on:
        raise UserError("检查日期不能早于驿家登记日期", field="on")
    earlier = _inspections(session, station.id)
    if kind == InspectionKind.REINSPECTION and not earlier:
        raise UserError("该驿家尚未验收，请先登记验收", field="kind")
    if kind == InspectionKind.ACCEPTANCE and any(
            i.kind == InspectionKind.ACCEPTANCE and i.passed for i in earlier):
        raise UserError("该驿家已通过验收，以后的检查请登记为复验", field="kind")
    unknown = sorted(set(data.results) - set(ITEM_KEYS))
    if unknown:
        raise UserError(f"未知的检查项目：{'、'.join(unknown)}", field="results")
    standard = get_standard(session)
    unanswered = [k for k in standard.required if k not in data.results]
    if unanswered:
        labels = "、".join(item_label(k, standard) for k in unanswered)
        raise UserError(f"请填写每个必备项目的检查结果：{labels}", field="results")
    results = {k: bool(data.results[k]) for k in ITEM_KEYS if k in data.results}
    all_met = all(results[k] for k in standard.required)
    passed = all_met if data.passed is None else bool(data.passed)
    remarks = (data.remarks or "").strip()
    if passed and not all_met and not remarks:
        raise UserError("有必备项目未达标却判定为合格，请在备注中说明", field="remarks")
    if len(remarks) > 500:
        raise UserError("备注不能超过500个字", field="remarks")
    fix_by = None if passed else _fix_by(data)
    inspection = Inspection(station_id=station.id, kind=kind, on=data.on, inspector=inspector,
                            results=json.dumps(results), passed=passed, remarks=remarks,
                            fix_by=fix_by)
    session.add(inspection)
    session.flush()
    return _row(inspection, station)


def _fix_by(data: InspectionCreate) -> date:
    """A failed station is given a date by which to fix what failed."""
    if data.fix_by is None:
        raise UserError("检查不合格，请填写整改期限", field="fix_by")
    if data.fix_by <= data.on:
        raise UserError("整改期限应晚于检查日期", field="fix_by")
    return data.fix_by


def list_inspections(session: Session, *, station_id: str) -> list[InspectionRow]:
    """The station's inspections, oldest first."""
    station = session.get(Station, station_id)
    if station is None or station.deleted_at is not None:
        raise UserError("找不到该驿家", field="station_id")
    return [_row(i, station) for i in _inspections(session, station_id)]


def get_inspection(session: Session, *, inspection_id: str) -> InspectionRow:
    inspection = session.get(Inspection, inspection_id)
    if inspection is None or inspection.deleted_at is not None:
        raise UserError("找不到该检查记录", field="inspection_id")
    return _row(inspection, session.get(Station, inspection.station_id))


def latest_inspection(session: Session, *, station_id: str) -> InspectionRow | None:
    rows = list_inspections(session, station_id=station_id)
    return rows[-1] if rows else None
