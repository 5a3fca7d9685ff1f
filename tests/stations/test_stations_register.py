"""Registering, editing and closing stations: codes, validation, status history, photos."""
import json
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from stations_helpers import station_data
from union_desk.models.audit import AuditEntry
from union_desk.models.base import utcnow
from union_desk.models.personal import Phone
from union_desk.models.stations import (Station, StationCounter, StationKind, StationStatus,
                                        StationUpdate)
from union_desk.models.union import GrassrootsUnion
from union_desk.services.stations import registry as stations
from union_desk.services.errors import UserError

pytestmark = pytest.mark.both_engines  # the services on SQLite and on PostgreSQL

PNG = (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 40


def close(db, station_id, on=date(2021, 6, 1), reason="场地拆迁"):
    with db.session(write=True) as s:
        return stations.change_status(s, station_id=station_id, status=StationStatus.CLOSED,
                                      on=on, reason=reason)


def test_codes_are_township_prefixed_sequential_and_never_reused(db, make_station):
    # Given two registered stations
    first, second = make_station(), make_station(name="快递小哥驿家")
    assert (first.code, second.code) == ("DY-YJ-001", "DY-YJ-002")
    # When the last one is closed, and another is tombstoned outright
    close(db, second.id)
    third = make_station(name="加油站驿家")
    with db.session(write=True) as s:
        s.get(Station, third.id).deleted_at = utcnow()
    # Then new stations still get fresh codes: neither closing nor tombstoning frees a code
    fourth = make_station(name="银行驿家")
    assert (third.code, fourth.code) == ("DY-YJ-003", "DY-YJ-004")
    with db.session() as s:
        codes = [c for (c,) in s.execute(sa.select(Station.code).order_by(Station.code))]
        counter = s.execute(sa.select(StationCounter)).scalar_one()
        closed = stations.get_station(s, code="dy-yj-002")
    assert codes == ["DY-YJ-001", "DY-YJ-002", "DY-YJ-003", "DY-YJ-004"]
    assert (counter.prefix, counter.last_seq) == ("DY-YJ", 4)
    assert closed.status == StationStatus.CLOSED  # closed stations stay on record


def test_code_unique_in_the_schema_and_skips_codes_already_present(db, make_station):
    station = make_station()
    with pytest.raises(IntegrityError):
        with db.session(write=True) as s:
            s.add(Station(code=station.code, name="重复", kind=StationKind.SELF_BUILT,
                          registered_on=date(2021, 1, 1)))
    with db.session(write=True) as s:  # e.g. a row merged in from elsewhere
        s.add(Station(code="DY-YJ-002", name="并入", kind=StationKind.SELF_BUILT,
                      registered_on=date(2021, 1, 1)))
    assert make_station(name="新驿家").code == "DY-YJ-003"


def test_failing_credit_code_warns_but_is_stored(make_station):
    station = make_station(host_credit_code=" 91110000600037341n ")
    assert station.host_credit_code == "91110000600037341N"
    assert station.credit_warning == "统一社会信用代码校验位错误，应为 L"
    assert make_station(host_credit_code="91110000600037341L").credit_warning is None
    assert make_station(host_credit_code="").credit_warning is None


def test_register_keeps_every_field(db, make_station):
    with db.session(write=True) as s:
        s.add(GrassrootsUnion(id="u1", name="建德市环卫服务中心工会"))
    station = make_station(kind=StationKind.CO_BUILT, union_id="u1", latitude=29.4321,
                           longitude=119.2345, area_m2=Decimal("19.9"), is_24h=True,
                           opening_hours="", manager_phone="+86 138-5711-2345",
                           facilities=["wifi", "toilet"])
    assert station.union_name == "建德市环卫服务中心工会"
    assert (station.latitude, station.longitude) == (29.4321, 119.2345)
    assert station.area_m2 == Decimal("19.9") and station.is_24h
    assert station.manager_phone == Phone("13857112345")
    assert station.facilities == ["toilet", "wifi"]
    assert station.status == StationStatus.IN_SERVICE and station.status_date == date(2021, 3, 1)
    with db.session() as s:
        assert stations.union_choices(s) == [("u1", "建德市环卫服务中心工会")]
        assert [e.reason for e in stations.status_history(s, station_id=station.id)] == ["新登记"]


@pytest.mark.parametrize("over, field", [
    (dict(name="  "), "name"),
    (dict(host_unit=""), "host_unit"),
    (dict(address=""), "address"),
    (dict(manager=""), "manager"),
    (dict(manager_phone="0571-64123456"), "manager_phone"),
    (dict(area_m2=Decimal("0")), "area_m2"),
    (dict(area_m2=Decimal("20.25")), "area_m2"),
    (dict(latitude=29.5), "latitude"),
    (dict(latitude=95.0, longitude=119.0), "latitude"),
    (dict(facilities=["toilet", "sauna"]), "facilities"),
    (dict(is_24h=False, opening_hours=""), "opening_hours"),
    (dict(registered_on=date(2999, 1, 1)), "registered_on"),
    (dict(union_id="nope"), "union_id"),
    (dict(host_credit_code="91110000600037341L99"), "host_credit_code"),
])
def test_register_refuses_bad_input_and_writes_nothing(db, over, field):
    with pytest.raises(UserError) as err:
        with db.session(write=True) as s:
            stations.register_station(s, data=station_data(**over))
    assert err.value.field == field
    with db.session() as s:
        assert s.execute(sa.select(sa.func.count()).select_from(Station)).scalar_one() == 0
        assert s.execute(sa.select(StationCounter)).first() is None


def test_edit_changes_fields_never_the_code(db, station):
    data = station_data(name="大洋镇户外劳动者驿家", facilities=["toilet"])
    with db.session(write=True) as s:
        edited = stations.update_station(s, station_id=station.id,
                                         data=StationUpdate(**data.model_dump()))
    assert (edited.code, edited.name, edited.facilities) == (station.code, "大洋镇户外劳动者驿家",
                                                             ["toilet"])
    with db.session() as s:
        actions = s.execute(sa.select(AuditEntry.action)
                            .where(AuditEntry.record_id == station.id)).scalars().all()
    assert sorted(actions) == ["insert", "update"]


def test_status_moves_with_dated_reasons_and_closed_is_final(db, station):
    with db.session(write=True) as s:
        stations.change_status(s, station_id=station.id, status=StationStatus.SUSPENDED,
                               on=date(2021, 4, 1), reason="装修")
    for status, on, reason, message in [
        (StationStatus.SUSPENDED, date(2021, 4, 2), "再次", "已是“暂停”"),
        (StationStatus.IN_SERVICE, date(2021, 3, 20), "恢复", "不能早于"),
        (StationStatus.IN_SERVICE, date(2021, 5, 1), " ", "请填写原因"),
    ]:
        with pytest.raises(UserError, match=message):
            with db.session(write=True) as s:
                stations.change_status(s, station_id=station.id, status=status, on=on,
                                       reason=reason)
    close(db, station.id)
    with pytest.raises(UserError, match="不能恢复"):
        with db.session(write=True) as s:
            stations.change_status(s, station_id=station.id, status=StationStatus.IN_SERVICE,
                                   on=date(2021, 7, 1), reason="重开")
    with db.session() as s:
        history = stations.status_history(s, station_id=station.id)
        row = stations.get_station(s, station_id=station.id)
    assert [(e.status.value, e.on, e.reason) for e in history] == [
        ("在用", date(2021, 3, 1), "新登记"), ("暂停", date(2021, 4, 1), "装修"),
        ("关闭", date(2021, 6, 1), "场地拆迁")]
    assert (row.status, row.status_date, row.next_inspection_due) == (
        StationStatus.CLOSED, date(2021, 6, 1), None)


def test_list_filters_in_sql_by_status_and_search(db, make_station):
    make_station(name="环卫工人驿家")
    other = make_station(name="快递驿家", address="大洋镇工业路3号B座")
    close(db, other.id)
    with db.session() as s:
        def names(**kw):
            return [r.name for r in stations.list_stations(s, **kw)]
        assert names() == ["环卫工人驿家", "快递驿家"]
        assert names(status=StationStatus.CLOSED) == ["快递驿家"]
        assert names(search="hwgr") == ["环卫工人驿家"]
        assert names(search="yj-002") == ["快递驿家"]
        assert names(search="工业路") == ["快递驿家"]
        assert names(search="3号b座") == ["快递驿家"]  # Latin letters in either case


def test_photos_are_kept_in_the_database_and_audited_without_their_bytes(db, station):
    with db.session(write=True) as s:
        png = stations.add_photo(s, station_id=station.id, filename="C:/相册/门头.png", data=PNG,
                                 taken_on=date(2021, 3, 1))
        jpg = stations.add_photo(s, station_id=station.id, filename="室内.jpg", data=JPEG)
    assert (png.filename, png.mime, png.size) == ("门头.png", "image/png", len(PNG))
    assert jpg.mime == "image/jpeg"
    for data, message in [(b"GIF89a" + b"\x00" * 10, "JPG 或 PNG"), (b"", "空的")]:
        with pytest.raises(UserError, match=message):
            with db.session(write=True) as s:
                stations.add_photo(s, station_id=station.id, filename="x.gif", data=data)
    with db.session(write=True) as s:
        assert stations.photo_data(s, photo_id=png.id) == PNG
        stations.remove_photo(s, photo_id=jpg.id)
    with db.session() as s:
        assert [p.filename for p in stations.list_photos(s, station_id=station.id)] == ["门头.png"]
        audit = s.execute(sa.select(AuditEntry.after).where(AuditEntry.record_id == png.id)) \
            .scalar_one()
    assert "sha256" in json.loads(audit) and "data" not in json.loads(audit)


def test_correcting_the_registration_date_moves_its_event_but_not_past_records(db, station):
    def edit(on):
        data = station_data(registered_on=on)
        with db.session(write=True) as s:
            return stations.update_station(s, station_id=station.id,
                                           data=StationUpdate(**data.model_dump()))
    moved = edit(date(2021, 2, 20))
    assert (moved.registered_on, moved.status_date) == (date(2021, 2, 20), date(2021, 2, 20))
    with db.session(write=True) as s:
        stations.change_status(s, station_id=station.id, status=StationStatus.SUSPENDED,
                               on=date(2021, 4, 1), reason="装修")
    with pytest.raises(UserError, match="不能晚于已有") as err:
        edit(date(2021, 4, 2))
    assert err.value.field == "registered_on"
    with db.session() as s:
        history = stations.status_history(s, station_id=station.id)
    assert [e.on for e in history] == [date(2021, 2, 20), date(2021, 4, 1)]
