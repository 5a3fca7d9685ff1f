"""Build a station's printed forms (registration form, inspection record, door sign) as PDF bytes,
for the CLI and the preview alike.

The registration form is filed with the city office, which calls the manager: it carries the
manager's phone in full, an audited reveal (models/personal.py), so it is made in a write session
(`needs_write`). The door sign and the inspection record show no personal number."""
from __future__ import annotations

import io
from enum import Enum

from sqlmodel import Session

from union_desk.domain.townships import township_by_code
from union_desk.services.accounts.reveals import Door, authorise_reveal
from union_desk.reports import station_forms
from union_desk.models.stations import StationStatus
from union_desk.services.errors import UserError
from union_desk.services.settings import get_setting
from union_desk.services.stations.inspections import get_inspection, latest_inspection
from union_desk.services.stations.standard import get_standard
from union_desk.services.stations.registry import get_station


class StationForm(str, Enum):
    FORM = "form"
    SIGN = "sign"
    INSPECTION = "inspection"


FORM_TITLES = {StationForm.FORM: "登记表", StationForm.SIGN: "门牌",
               StationForm.INSPECTION: "验收/复验记录"}


def needs_write(form: StationForm) -> bool:
    """Whether making the form writes (an audit entry): run it as a write op."""
    return StationForm(form) == StationForm.FORM


def station_pdf(session: Session, *, form: StationForm, station_id: str | None = None,
                code: str | None = None, inspection_id: str | None = None) -> bytes:
    """The PDF of one form. The inspection record is the latest inspection unless one is named."""
    form = StationForm(form)
    station = get_station(session, station_id=station_id, code=code)
    township = township_by_code(get_setting(session, key="township")).name
    out = io.BytesIO()
    if form == StationForm.FORM:
        grant = authorise_reveal(session, door=Door.FILED_FORM,
                                 what="爱心驿家登记表（负责人完整手机号，报市总工会）",
                                 table_name="station", record_id=station.id, code=station.code)
        station_forms.registration_form(out, station=station, standard=get_standard(session),
                                        township_name=township, reveal=grant)
    elif form == StationForm.SIGN:
        if station.status == StationStatus.CLOSED:
            raise UserError(f"驿家 {station.code} 已关闭，不再印制门牌", field="form")
        station_forms.door_sign(out, station=station, township_name=township)
    else:
        if inspection_id is not None:
            inspection = get_inspection(session, inspection_id=inspection_id)
            if inspection.station_id != station.id:
                raise UserError("该检查记录不属于此驿家", field="inspection_id")
        else:
            inspection = latest_inspection(session, station_id=station.id)
        if inspection is None:
            raise UserError(f"驿家 {station.code} 尚无验收或复验记录", field="inspection_id")
        station_forms.inspection_record(out, station=station, inspection=inspection,
                                        standard=get_standard(session), township_name=township)
    return out.getvalue()


def default_filename(code: str, form: StationForm) -> str:
    return f"{code}-{FORM_TITLES[StationForm(form)].replace('/', '')}.pdf"
