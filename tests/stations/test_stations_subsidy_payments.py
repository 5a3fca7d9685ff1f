"""Station subsidies are paid to the host unit as payments: voucher numbers, void, print,
and the migration that joined them (0006)."""
import sqlite3
from datetime import date

import pytest

from union_desk.db import HEADS, open_database
from union_desk.models.payment import PaymentMethod, PaymentStatus
from union_desk.models.stations import SubsidyKind
from union_desk.reports.pdfcheck import pdf_fonts, pdf_text
from union_desk.services.stations import subsidies as station_subsidies, registry as stations
from union_desk.services.hardship import vouchers
from union_desk.services.errors import UserError
from union_desk.services.hardship.payment_search import PaymentFilter, list_payments
from union_desk.services.hardship.payments import get_payment
from union_desk.services.settings import set_up
from union_desk.services.hardship.unit_payments import is_unit_payment
from stations_helpers import station_data

pytestmark = pytest.mark.both_engines  # the services on SQLite and on PostgreSQL

CODE = "91110000600037341L"


def _add(db, station, kind=SubsidyKind.BUILD, fen=3_000_000, paid_on=date(2021, 4, 1), **kw):
    with db.session(write=True) as s:
        return station_subsidies.add_subsidy(s, station_id=station.id, kind=kind, amount_fen=fen,
                                             paid_on=paid_on, **kw)


def test_a_subsidy_is_a_payment_to_the_host_unit_with_the_next_voucher_number(db, station):
    build = _add(db, station, note="一次性建设补助", method=PaymentMethod.CASH,
                 handler="李会计", reviewer="徐丽萍", approver="方建平")
    running = _add(db, station, SubsidyKind.RUNNING, 500_000, date(2021, 9, 1))
    assert (build.voucher_no, running.voucher_no) == ("大洋镇-2021-0001", "大洋镇-2021-0002")
    with db.session() as s:
        paid = get_payment(s, voucher_no=build.voucher_no)
        listed = list_payments(s, flt=PaymentFilter(year=2021))
        rows = station_subsidies.list_subsidies(s, station_id=station.id)
    assert paid.id == build.payment_id and is_unit_payment(paid)
    assert (paid.recipient_name, paid.recipient_credit_code, paid.recipient_unit) == \
        ("大洋镇总工会", CODE, f"大洋镇环卫工人爱心驿家（{station.code}）")
    assert not paid.recipient_id_number  # a unit's code is public: it is not a person's number
    assert (paid.occasion, paid.amount_fen, paid.paid_on, paid.method, paid.note) == \
        ("爱心驿家建设补助", 3_000_000, date(2021, 4, 1), PaymentMethod.CASH, "一次性建设补助")
    assert (paid.handler, paid.reviewer, paid.approver) == ("李会计", "徐丽萍", "方建平")
    assert paid.status == PaymentStatus.ISSUED and paid.member_id is None
    assert [(p.voucher_no, p.occasion) for p in listed] == [
        ("大洋镇-2021-0001", "爱心驿家建设补助"), ("大洋镇-2021-0002", "爱心驿家运行补助")]
    assert listed[1].handler == "王晓燕"  # blank: the clerk
    assert [r.voucher_no for r in rows] == ["大洋镇-2021-0001", "大洋镇-2021-0002"]


def test_a_host_unit_without_a_credit_code_is_paid_with_the_code_blank(db, make_station):
    station = make_station(host_unit="大洋镇环卫所", host_credit_code="")
    row = _add(db, station)
    with db.session() as s:
        paid = get_payment(s, voucher_no=row.voucher_no)
    assert (paid.recipient_name, paid.recipient_credit_code) == ("大洋镇环卫所", "")


def test_a_refused_subsidy_issues_no_number(db, station):
    _add(db, station)
    with pytest.raises(UserError, match="已有建设补助"):
        _add(db, station)
    assert _add(db, station, SubsidyKind.RUNNING, 500_000).voucher_no == "大洋镇-2021-0002"


def test_withdrawing_a_subsidy_voids_its_payment_with_the_reason(db, station):
    row = _add(db, station)
    with pytest.raises(UserError, match="作废原因"):
        with db.session(write=True) as s:
            station_subsidies.void_subsidy(s, subsidy_id=row.id, reason=" ")
    with db.session(write=True) as s:
        station_subsidies.void_subsidy(s, subsidy_id=row.id, reason="金额录错",
                                       today=date(2021, 5, 1))
    with db.session() as s:
        paid = get_payment(s, voucher_no=row.voucher_no)
        assert station_subsidies.list_subsidies(s, station_id=station.id) == []
        assert len(list_payments(s)) == 1  # kept, marked 作废
    assert (paid.status, paid.void_reason, paid.voided_on) == \
        (PaymentStatus.VOID, "金额录错", date(2021, 5, 1))
    again = _add(db, station, fen=2_000_000)  # the build grant may be entered again
    assert again.voucher_no == "大洋镇-2021-0002"


def test_a_unit_payment_is_not_corrected_from_the_payments_list(db, station):
    from union_desk.models.payment import PaymentCreate
    from union_desk.services.hardship.payments import correct_payment

    row = _add(db, station)
    with pytest.raises(UserError, match="原登记处撤回"), db.session(write=True) as s:
        correct_payment(s, voucher_no=row.voucher_no, reason="改金额", data=PaymentCreate(
            occasion="爱心驿家建设补助", amount_fen=1, paid_on=date(2021, 4, 2)))
    with db.session() as s:  # nothing voided, nothing added
        assert get_payment(s, voucher_no=row.voucher_no).status == PaymentStatus.ISSUED
        assert len(list_payments(s)) == 1


def test_the_voucher_names_the_unit_and_its_credit_code(db, station, tmp_path):
    row = _add(db, station)
    out = tmp_path / "subsidy.pdf"
    with db.session(write=True) as s:
        payments = vouchers.select_payments(s, numbers=[row.voucher_no])
        vouchers.render_vouchers_pdf(s, target=out, payments=payments, layout="A5")
    text = "".join(pdf_text(out).split())
    assert "大洋镇总工会" in text and CODE in text and "统一社会信用代码" in text
    assert "身份证号" not in text and "慰问金" not in text and "补助资金发放凭证" in text
    assert "爱心驿家建设补助" in text and "叁万元整" in text and row.voucher_no in text
    assert pdf_fonts(out) and all(embedded for _, embedded in pdf_fonts(out))


def test_the_signoff_sheet_shows_a_unit_credit_code_whole_under_its_own_heading(db, station,
                                                                                tmp_path):
    row = _add(db, station)
    out = tmp_path / "signoff.pdf"
    with db.session(write=True) as s:
        payments = vouchers.select_payments(s, numbers=[row.voucher_no])
        vouchers.print_signoff(s, target=out, payments=payments)
    text = "".join(pdf_text(out).split())
    assert "爱心驿家建设补助发放签收表" in text and "领取单位" in text and "信用代码" in text
    assert CODE in text and "慰问金" not in text


def test_migrating_from_0005_keeps_existing_subsidies_without_a_payment(tmp_path):
    from alembic import command

    path = tmp_path / "old.sqlite3"
    old = open_database(path, migrate=False)
    with old.engine.begin() as conn:
        command.upgrade(old._alembic_config(conn), "0005")
    with old.session(write=True) as s:
        set_up(s, township="DY", clerk="王晓燕")
        station = stations.register_station(s, data=station_data())
    old.close()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO station_subsidy (id, township, created_at, updated_at, station_id,"
                " kind, amount_fen, paid_on, note) VALUES ('s1', 'DY', '2021-04-01 00:00:00',"
                " '2021-04-01 00:00:00', ?, '建设补助', 3000000, '2021-04-01', '旧记录')",
                (station.id,))
    con.commit()
    con.close()
    db = open_database(path)
    try:
        assert db.stored_revisions() == set(HEADS)  # upgraded to head
        with db.session() as s:
            rows = station_subsidies.list_subsidies(s, station_id=station.id)
        assert [(r.id, r.amount_fen, r.note, r.payment_id, r.voucher_no) for r in rows] == \
            [("s1", 3_000_000, "旧记录", None, "")]
        with db.session(write=True) as s:  # withdrawn without a payment to void
            station_subsidies.void_subsidy(s, subsidy_id="s1", reason="重复录入")
            assert list_payments(s) == []
    finally:
        db.close()


def test_no_running_subsidy_for_a_station_that_failed_its_inspection_or_is_closed(db, station):
    from union_desk.models.stations import InspectionCreate, InspectionKind, StationStatus
    from union_desk.services.stations import inspections

    results = {k: True for k in ("area", "toilet", "air_conditioner", "fridge", "microwave",
                                 "hot_water", "charging", "first_aid", "bp_meter")}
    with db.session(write=True) as s:
        inspections.record_inspection(s, data=InspectionCreate(
            station_id=station.id, kind=InspectionKind.ACCEPTANCE, on=date(2021, 5, 10),
            inspector="张明", results=dict(results, fridge=False), fix_by=date(2021, 6, 10)))
    # Given a failed acceptance: a running subsidy after it is refused, naming why
    with pytest.raises(UserError, match=r"2021-05-10.*不合格.*2021-06-10.*复验合格"):
        _add(db, station, SubsidyKind.RUNNING, 500_000, date(2021, 5, 20))
    _add(db, station, SubsidyKind.RUNNING, 500_000, date(2021, 5, 1))  # before it: fine
    with db.session(write=True) as s:
        inspections.record_inspection(s, data=InspectionCreate(
            station_id=station.id, kind=InspectionKind.REINSPECTION, on=date(2021, 6, 8),
            inspector="张明", results=results))
    _add(db, station, SubsidyKind.RUNNING, 500_000, date(2021, 6, 20))  # passed since: fine
    # Given the station closed: refused, and no door sign is printed for it
    with db.session(write=True) as s:
        stations.change_status(s, station_id=station.id, status=StationStatus.CLOSED,
                               on=date(2021, 7, 1), reason="拆迁")
    with pytest.raises(UserError, match="已于 2021-07-01 关闭"):
        _add(db, station, SubsidyKind.RUNNING, 500_000, date(2021, 7, 2))
    from union_desk.services.stations.printing import StationForm, station_pdf

    with pytest.raises(UserError, match="已关闭，不再印制门牌"), db.session() as s:
        station_pdf(s, form=StationForm.SIGN, station_id=station.id)
    with db.session(write=True) as s:  # its other forms stay printable (records of what was)
        assert station_pdf(s, form=StationForm.FORM, station_id=station.id)
