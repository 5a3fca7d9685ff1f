"""Masking by type (issue 15): every row type the services hand out, in every form it can leave
in — repr, str, f-strings, logs, model_dump / model_dump_json, the CLI's JSON commands, the
PDFs' text and the Excel exports — carries no person's full ID number, phone or bank account.
The full value comes out only through an audited reveal."""
import io
import json
import logging

import pytest
from openpyxl import load_workbook
from pydantic import BaseModel
from sqlmodel import select

from personal_numbers import full, leaked
from union_desk.cli import main
from union_desk.models.audit import AuditEntry
from union_desk.models.personal import IdNumber, Personal, Phone, grant_reveal
from union_desk.reports.pdfcheck import pdf_text
from union_desk.services.hardship import payments as hardship_payments
from union_desk.services.hardship.household_search import search_households
from union_desk.services.hardship.households import get_household
from union_desk.services.hardship.payment_search import PaymentFilter, list_payments
from union_desk.services.hardship.vouchers import print_signoff, render_vouchers_pdf
from union_desk.services.roster import members, unions
from union_desk.services.roster.export import export_roster
from union_desk.services.stations import inspections, registry as stations
from union_desk.services.stations.printing import StationForm, station_pdf
from union_desk.services.trips import campaigns as trips, registrations, seats
from union_desk.services.trips.assign import assign_seats
from union_desk.services.trips.export import export_manifests_xlsx, manifest_pdf, notices_pdf
from union_desk.services.year_report import year_report


def every_row(s) -> list[BaseModel]:
    """One of every row type the views, reports and CLI read, from a filled demo file."""
    rows: list[BaseModel] = []
    rows += members.search_members(s, limit=1000)
    rows += unions.list_unions(s)
    households = search_households(s, limit=1000)
    rows += households
    rows += [get_household(s, household_id=h.id) for h in households]
    rows += list_payments(s, flt=PaymentFilter(), limit=None)
    rows += hardship_payments.list_visits(s)
    for campaign in trips.list_campaigns(s):
        rows.append(campaign)
        buses = trips.list_buses(s, campaign_id=campaign.id)
        rows += buses
        rows += registrations.list_registrations(s, campaign_id=campaign.id, limit=1000)
        for bus in buses:
            rows += seats.passengers(s, bus_id=bus.id)
        rows += seats.waiting_list(s, campaign_id=campaign.id)
    for station in stations.list_stations(s):
        rows.append(station)
        rows += inspections.list_inspections(s, station_id=station.id)
    rows.append(year_report(s, year=2021))
    return rows


def test_every_row_type_prints_masked_everywhere(demo, full_numbers, caplog):
    with demo.session() as s:
        rows = every_row(s)
    kinds = {type(r).__name__ for r in rows}
    assert {"MemberRow", "HouseholdRow", "HouseholdDetail", "PaymentRow", "VisitRow",
            "RegistrationRow", "PassengerRow", "StationRow"} <= kinds, kinds
    log = logging.getLogger("union_desk.privacy_test")
    with caplog.at_level(logging.INFO):
        for row in rows:
            log.info("row %s / %r", row, row)
    outputs = caplog.text
    for row in rows:
        outputs += "\n".join((repr(row), str(row), f"{row}", row.model_dump_json(),
                              json.dumps(row.model_dump(), default=str, ensure_ascii=False),
                              json.dumps(row.model_dump(mode="json"), ensure_ascii=False)))
    assert leaked(outputs, full_numbers) == set()
    # and the masked forms are there: the search above would find a full number if it were
    shown = {str(v) for row in rows for _, v in row if isinstance(v, Personal)}
    assert any("**********" in text for text in shown) and any("****" in t for t in shown)


def test_the_cli_json_commands_carry_no_full_number(demo_path, full_numbers, capsys, tmp_path):
    commands = [["roster", "search", "", "--limit", "1000", "--json"],
                ["payments", "list", "--json"], ["stations", "list", "--json"],
                ["stats", "--year", "2021", "--json"]]
    db = str(demo_path)
    from union_desk.db import open_database

    with open_database(demo_path) as opened, opened.session() as s:
        names = [c.name for c in trips.list_campaigns(s)]
    commands += [["trips", "assign", "--campaign", name, "--json"] for name in names]
    printed = ""
    for command in commands:
        assert main(["--db", db, *command]) == 0, command
        out = capsys.readouterr().out
        json.loads(out)
        printed += out
    assert "**********" in printed and leaked(printed, full_numbers) == set()


def test_pdfs_and_excel_exports_carry_no_full_number(demo, full_numbers, tmp_path):
    texts = []
    with demo.session() as s:
        paid = list_payments(s, flt=PaymentFilter(), limit=None)
        out = io.BytesIO()
        render_vouchers_pdf(s, target=out, payments=paid[:40], signoff=True)
        texts.append(pdf_text(out.getvalue()))
        out = io.BytesIO()
        print_signoff(s, target=out, payments=paid)
        texts.append(pdf_text(out.getvalue()))
        for campaign in trips.list_campaigns(s):
            if not trips.list_buses(s, campaign_id=campaign.id):
                continue
            texts.append(pdf_text(manifest_pdf(s, campaign_id=campaign.id, notices=True)[0]))
            texts.append(pdf_text(notices_pdf(s, campaign_id=campaign.id)[0]))
            export_manifests_xlsx(s, campaign_id=campaign.id, path=tmp_path / "m.xlsx")
            texts.append(_cells(tmp_path / "m.xlsx"))
        for station in stations.list_stations(s):
            texts.append(pdf_text(station_pdf(s, form=StationForm.SIGN, station_id=station.id)))
            if inspections.latest_inspection(s, station_id=station.id):
                texts.append(pdf_text(station_pdf(s, form=StationForm.INSPECTION,
                                                  station_id=station.id)))
        export_roster(s, path=tmp_path / "名册.xlsx")
        texts.append(_cells(tmp_path / "名册.xlsx"))
    assert len(texts) >= 6 and all(texts)
    assert leaked("\n".join(texts), full_numbers) == set()


def _cells(path) -> str:
    book = load_workbook(path, read_only=True)
    return "\n".join(str(v) for sheet in book for row in sheet.iter_rows(values_only=True)
                     for v in row if v is not None)


# -- the one door out ---------------------------------------------------------------------------

def test_a_full_value_needs_an_audited_grant_and_the_grant_a_write_session(demo):
    number = IdNumber("330182198001011231")
    with pytest.raises(TypeError):
        number.reveal(None)
    with pytest.raises(TypeError):
        number.reveal("please")
    with demo.session() as s, pytest.raises(RuntimeError, match="write session"):
        grant_reveal(s, what="试一下", table_name="member")
    with demo.session(write=True) as s:
        grant = grant_reveal(s, what="核对身份证号", table_name="member", record_id="m1")
        assert number.reveal(grant) == "330182198001011231" and grant.uses == 1
        grant.record(count=1)
    with demo.session() as s:
        [entry] = s.exec(select(AuditEntry).where(AuditEntry.action == "reveal")).all()
    assert (entry.actor, entry.table_name, entry.record_id) == ("王晓燕", "member", "m1")
    assert json.loads(entry.after) == {"what": "核对身份证号", "count": 1}


def test_a_reveal_rolled_back_leaves_no_audit_entry_and_nothing_else(demo):
    with pytest.raises(ZeroDivisionError), demo.session(write=True) as s:
        grant_reveal(s, what="导出", table_name="member")
        1 / 0  # the export fails: its file is not written, its audit entry not kept
    with demo.session() as s:
        assert s.exec(select(AuditEntry).where(AuditEntry.action == "reveal")).all() == []


def test_the_type_refuses_to_be_text_where_it_would_print_whole():
    phone = Phone("13800138000")
    assert (str(phone), repr(phone), f"{phone:>12}") == (
        "138****8000", "Phone('138****8000')", " 138****8000")
    for attempt in (lambda: phone[3:], lambda: "x" + phone, lambda: json.dumps(phone),
                    lambda: len(phone), lambda: sorted([phone, phone]),
                    lambda: __import__("pickle").dumps(phone)):
        with pytest.raises(TypeError):
            attempt()
    with pytest.raises(AttributeError):
        phone._full = "x"
    with pytest.raises(TypeError):
        IdNumber(phone)  # one kind never passes for another
    assert Phone("13800138000") == phone and Phone("") != phone and not Phone("")
    assert phone != "13800138000"  # never equal to its text: compare like with like
    assert full(IdNumber(IdNumber("330182198001011231"))) == "330182198001011231"


def test_edit_forms_get_the_full_numbers_through_an_audited_reveal(demo):
    with demo.session() as s:
        member = members.search_members(s, limit=1)[0]
        household = search_households(s, limit=1)[0]
        campaign = trips.list_campaigns(s)[0]
        reg = registrations.list_registrations(s, campaign_id=campaign.id, limit=1)[0]
        station = stations.list_stations(s)[0]
    with demo.session(write=True) as s:
        got = members.member_for_edit(s, member_id=member.id)
        assert IdNumber(got["id_number"]) == member.id_number
        assert Phone(got["phone"]) == member.phone
        form = household_for_edit(s, household.id)
        assert form["bank_account"].isdigit() and len(form["persons"]) >= 1
        got = registrations.registration_for_edit(s, registration_id=reg.id)
        assert set(got) == {"id_number", "phone", "emergency_phone"}
        assert stations.station_for_edit(s, station_id=station.id)["manager_phone"].isdigit()
    with demo.session() as s:
        audited = s.exec(select(AuditEntry.table_name).where(AuditEntry.action == "reveal")).all()
    assert sorted(audited) == ["household", "member", "station", "trip_registration"]


def household_for_edit(s, household_id):
    from union_desk.services.hardship.households import household_for_edit as reveal

    return reveal(s, household_id=household_id)


def test_full_phones_on_the_manifest_are_an_option_and_audited(demo):
    with demo.session() as s:
        campaign = next(c for c in trips.list_campaigns(s)
                        if any(b.seated for b in trips.list_buses(s, campaign_id=c.id)))
        passenger = next(p for b in trips.list_buses(s, campaign_id=campaign.id)
                         for p in seats.passengers(s, bus_id=b.id))
        masked = pdf_text(manifest_pdf(s, campaign_id=campaign.id)[0])
        with pytest.raises(RuntimeError, match="write session"):
            manifest_pdf(s, campaign_id=campaign.id, full_phones=True, reason="司机联系")
    assert str(passenger.phone) in masked and full(passenger.phone) not in masked
    with demo.session(write=True) as s:
        shown = pdf_text(manifest_pdf(s, campaign_id=campaign.id, full_phones=True,
                                      reason="司机联系乘客")[0])
    assert full(passenger.phone) in shown and full(passenger.id_number) not in shown
    with demo.session() as s:
        [entry] = s.exec(select(AuditEntry).where(AuditEntry.action == "reveal")).all()
    assert entry.table_name == "trip_registration" and campaign.name in entry.after
    assert "司机联系乘客" in entry.after  # the reason is kept


def test_manifest_full_phones_from_the_command_line(demo_path, capsys, tmp_path):
    from union_desk.db import open_database

    with open_database(demo_path) as db, db.session() as s:
        campaign = next(c for c in trips.list_campaigns(s)
                        if any(b.seated for b in trips.list_buses(s, campaign_id=c.id)))
        phone = next(p.phone for b in trips.list_buses(s, campaign_id=campaign.id)
                     for p in seats.passengers(s, bus_id=b.id))
    out = tmp_path / "名单.pdf"
    assert main(["--db", str(demo_path), "trips", "manifest", "--campaign", campaign.name,
                 "--out", str(out)]) == 0
    assert full(phone) not in pdf_text(out) and "已隐藏" in capsys.readouterr().out
    assert main(["--db", str(demo_path), "trips", "manifest", "--campaign", campaign.name,
                 "--out", str(out), "--full-phones", "--reason", "带车人联系"]) == 0
    assert full(phone) in pdf_text(out) and "审计" in capsys.readouterr().out


def test_assigning_again_keeps_rows_masked(demo):
    # a service that builds rows from rows (assign → report) keeps the type, never the text
    with demo.session(write=True) as s:
        campaign = trips.list_campaigns(s)[0]
        report = assign_seats(s, campaign_id=campaign.id)
    for load in report.buses:
        for p in load.passengers:
            assert isinstance(p.id_number, IdNumber) and isinstance(p.phone, Phone)


# -- a new row type cannot forget --------------------------------------------------------------

PLAIN_ON_PURPOSE = {("UnionRow", "phone"),         # a grassroots union's contact number
                    ("BusRow", "driver_phone"),    # the trip's contact number, for passengers
                    ("CampaignRow", "contact_phone")}  # the union's number on the seat notices


def test_every_row_model_types_its_personal_numbers():
    import importlib
    import inspect
    import pkgutil
    import re

    import union_desk.models as models_package
    from sqlmodel import SQLModel

    checked = []
    for info in pkgutil.iter_modules(models_package.__path__):
        module = importlib.import_module(f"union_desk.models.{info.name}")
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, BaseModel) or issubclass(cls, SQLModel) \
                    or cls.__module__ != module.__name__ \
                    or name.endswith(("Create", "Update", "In")):
                continue  # tables and the forms the clerk types hold plain text
            for field, spec in cls.model_fields.items():
                if re.search(r"id_number|phone|account", field) \
                        and (name, field) not in PLAIN_ON_PURPOSE:
                    kind = spec.annotation
                    assert isinstance(kind, type) and issubclass(kind, Personal), (name, field)
                    checked.append((name, field))
    assert ("MemberRow", "id_number") in checked and ("HouseholdDetail", "bank_account") in checked
    assert len(checked) >= 12
