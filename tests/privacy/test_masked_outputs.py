"""Masked means masked (issue 16): for every masked output — screens, Excel, JSON, PDF — and every
person in it, at least 1,000 valid ID numbers fit everything that output shows of the person
(the masked number, the birth year, the gender): nobody can rebuild a number from it.

The counting (personal_numbers.consistent_ids) takes the GB 11643 format: six area digits, a
real birth date from 1900 until today, three sequence digits (odd for men), the check
character. The old mask beside the old birth-date column fitted exactly one number."""
import io
import json
import re
from datetime import date

import pytest
from openpyxl import load_workbook

from personal_numbers import consistent_ids
from union_desk.cli import main
from union_desk.domain.masking import mask_id
from union_desk.reports.pdfcheck import pdf_text
from union_desk.services.hardship.household_search import search_households
from union_desk.services.hardship.payment_search import PaymentFilter, list_payments
from union_desk.services.hardship.vouchers import print_signoff, render_vouchers_pdf
from union_desk.services.roster import members
from union_desk.services.roster.export import HEADER, export_roster
from union_desk.services.trips import campaigns as trips, registrations, seats
from union_desk.services.trips.export import export_manifests_xlsx, manifest_pdf, notices_pdf
from union_desk.views.hardship.models import HouseholdsModel, PaymentsModel
from union_desk.views.hardship.page import HouseholdPage
from union_desk.views.ops import Ops
from union_desk.views.roster.tab import RosterTab
from union_desk.views.trips.models import TripsColumns

AT_LEAST = 1000
MASKED = re.compile(r"\d{6}\*{10}[\dX]{2}")


def fits(masked: str, *, year: str | int | None = None, gender: str | None = None) -> int:
    return consistent_ids(masked, year=int(year) if year else None, gender=gender or None)


def test_the_counting_is_right_and_the_old_mask_gave_numbers_away():
    number = "330182198001011231"
    old = number[:6] + "********" + number[-4:]
    assert consistent_ids(old, born=date(1980, 1, 1)) == 1       # the reported leak
    assert consistent_ids(old, year=1980) < AT_LEAST              # year only: still too few
    assert consistent_ids(mask_id(number), born=date(1980, 1, 1)) < AT_LEAST  # hence the year
    assert consistent_ids(mask_id(number), year=1980, gender="男") >= 3000
    assert consistent_ids(mask_id(number), year=1980, gender="女") == 0  # 17th digit 3: a man


@pytest.fixture
def ops(demo, qtbot):
    runner = Ops(demo)
    yield runner
    runner.wait()


def test_screens(demo, ops, qtbot):
    with demo.session() as s:
        people = members.search_members(s, limit=1000)
        files = search_households(s, limit=1000)
        paid = list_payments(s, flt=PaymentFilter(), limit=None)
        campaign = trips.list_campaigns(s)[0]
        regs = registrations.list_registrations(s, campaign_id=campaign.id, limit=1000)
        aboard = [p for b in trips.list_buses(s, campaign_id=campaign.id)
                  for p in seats.passengers(s, bus_id=b.id)]
    # the roster: ID number, birth year and gender side by side
    tab = RosterTab(ops)
    qtbot.addWidget(tab)
    col = {c.sort_key: c for c in tab.model.columns}
    counts = [fits(col["id_number"].text(r), year=col["birth_date"].text(r),
                   gender=col["gender"].text(r)) for r in people]
    assert len(counts) == len(people) > 50 and min(counts) >= AT_LEAST
    assert all(col["birth_date"].text(r) == str(r.birth_year) for r in people)
    # households, payments, registrations, passengers: the masked number alone
    shown = [HouseholdsModel.COL_ID, PaymentsModel.COL_ID]
    for model, rows, column in ((HouseholdsModel(ops), files, shown[0]),
                                (PaymentsModel(ops), paid, shown[1])):
        for row in rows:
            text = model.columns[column].text(row)
            assert not MASKED.fullmatch(text) or fits(text) >= AT_LEAST
    columns = TripsColumns()
    for cols, rows in ((columns.registrations(), regs), (columns.passengers(), aboard),
                       (columns.waiting(), aboard)):
        id_col = next(c for c in cols if c.header in ("ID number", "身份证号"))
        assert rows and min(fits(id_col.text(r)) for r in rows) >= AT_LEAST


def test_the_household_page_shows_persons_with_their_birth_year_only(demo, ops, qtbot):
    with demo.session() as s:
        files = search_households(s, limit=5)
    page = HouseholdPage(ops)
    qtbot.addWidget(page)
    checked = 0
    for file in files:
        with qtbot.waitSignal(page.loaded, timeout=5000):
            page.show_household(file.id)
        assert fits(MASKED.search(page.header.text()).group()) >= AT_LEAST
        for row in range(page.persons.rowCount()):
            masked, born = page.persons.item(row, 2).text(), page.persons.item(row, 3).text()
            if masked:
                assert re.fullmatch(r"\d{4}", born)
                assert fits(masked, year=born) >= AT_LEAST
                checked += 1
    assert checked >= 5


def test_the_masked_roster_export(demo, tmp_path):
    with demo.session() as s:
        export_roster(s, path=tmp_path / "名册.xlsx")
    rows = list(load_workbook(tmp_path / "名册.xlsx", read_only=True).active.iter_rows(
        values_only=True))
    assert rows[0] == tuple(HEADER) and "出生年份" in HEADER
    at = {name: HEADER.index(name) for name in ("身份证号", "出生年份", "性别")}
    counts = [fits(r[at["身份证号"]], year=r[at["出生年份"]], gender=r[at["性别"]])
              for r in rows[1:]]
    assert len(counts) > 50 and min(counts) >= AT_LEAST


def test_manifest_excel_json_and_every_pdf(demo_path, demo, capsys, tmp_path):
    texts = {}
    with demo.session() as s:
        paid = list_payments(s, flt=PaymentFilter(), limit=None)
        out = io.BytesIO()
        render_vouchers_pdf(s, target=out, payments=paid[:30], signoff=True)
        texts["vouchers"] = pdf_text(out.getvalue())
        out = io.BytesIO()
        print_signoff(s, target=out, payments=paid)
        texts["sign-off"] = pdf_text(out.getvalue())
        campaign = next(c for c in trips.list_campaigns(s)
                        if trips.list_buses(s, campaign_id=c.id))
        texts["manifest"] = pdf_text(manifest_pdf(s, campaign_id=campaign.id)[0])
        texts["notices"] = pdf_text(notices_pdf(s, campaign_id=campaign.id)[0])
        export_manifests_xlsx(s, campaign_id=campaign.id, path=tmp_path / "m.xlsx")
    book = load_workbook(tmp_path / "m.xlsx", read_only=True)
    texts["manifest.xlsx"] = "\n".join(str(v) for sheet in book
                                       for row in sheet.iter_rows(values_only=True)
                                       for v in row if v is not None)
    assert main(["--db", str(demo_path), "trips", "assign", "--campaign", campaign.name,
                 "--json"]) == 0
    texts["trips assign --json"] = capsys.readouterr().out
    for what, text in texts.items():
        masked = MASKED.findall(text)
        assert masked, what
        assert min(fits(m) for m in masked) >= AT_LEAST, what
    # the roster search prints the gender beside the number
    assert main(["--db", str(demo_path), "roster", "search", "", "--limit", "1000",
                 "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert len(items) > 50 and "birth_date" not in items[0]
    assert min(fits(i["id_number"], gender=i["gender"]) for i in items) >= AT_LEAST


def test_sorting_by_a_masked_column_follows_what_it_shows(demo):
    # sorted by the full number, members of one area would line up by birth date and the
    # rank would give back what the mask hides
    with demo.session() as s:
        for key in ("id_number", "birth_date", "phone"):
            rows = members.search_members(s, sort=key, limit=1000)
            shown = {"id_number": lambda r: str(r.id_number)[:6] + str(r.id_number)[-2:],
                     "birth_date": lambda r: r.birth_year,
                     "phone": lambda r: str(r.phone)}[key]
            values = [shown(r) for r in rows]
            assert values == sorted(values), key
            # rows showing the same are in the order of their record ids (random), not of
            # their hidden digits
            for value in set(values):
                ids = [r.id for r, v in zip(rows, values) if v == value]
                assert ids == sorted(ids), key
            if key != "phone":  # 80 phones rarely share 7 shown digits
                assert len(set(values)) < len(values), key  # there were ties to look at
