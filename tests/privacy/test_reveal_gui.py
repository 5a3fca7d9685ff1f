"""The window's doors to full numbers, as a clerk uses them: edit forms, the manifest's full
phones, the station registration form for the city office — each one audited, none by default."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlmodel import select

from personal_numbers import full
from union_desk.models.audit import AuditEntry
from union_desk.reports.pdfcheck import pdf_text
from union_desk.services.roster import members
from union_desk.services.stations import registry as stations
from union_desk.services.stations.printing import StationForm
from union_desk.services.trips import campaigns as trips, registrations
from union_desk.views.ops import Ops
from union_desk.views.roster.tab import RosterTab
from union_desk.views.stations.tab import StationsTab
from union_desk.views.trips.tab import TripsTab

WAIT = 10_000


@pytest.fixture
def ops(demo, qtbot):
    runner = Ops(demo)
    yield runner
    runner.wait()


def reveals(db) -> list[AuditEntry]:
    with db.session() as s:
        return list(s.exec(select(AuditEntry).where(AuditEntry.action == "reveal")))


def test_editing_a_member_shows_the_numbers_in_full_once_audited_and_saves_them(demo, ops,
                                                                               qtbot):
    tab = RosterTab(ops)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=WAIT)
    tab.table.selectRow(0)
    member = tab.selected_member()
    dialog = tab.edit_member()
    assert not dialog.ready and not dialog.save_button().isEnabled()  # numbers on their way
    qtbot.waitUntil(lambda: dialog.ready, timeout=WAIT)
    assert dialog.id_number.text() == full(member.id_number)
    assert dialog.phone.text() == full(member.phone)
    [entry] = reveals(demo)
    assert (entry.table_name, entry.record_id) == ("member", member.id)
    dialog.employer.setText("建德市新单位")
    # click(): in the whole suite the synthetic mouse click on this dialog was now and then lost
    # (already on main before accounts; no other window was open; cause not found)
    dialog.save_button().click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT)
    with demo.session() as s:
        saved = members.get_member(s, member_id=member.id)
    assert (saved.id_number, saved.phone, saved.employer) == (
        member.id_number, member.phone, "建德市新单位")


def test_editing_a_registration_and_a_station_reveal_their_numbers(demo, ops, qtbot):
    with demo.session() as s:
        campaign = trips.list_campaigns(s)[0]
        reg = registrations.list_registrations(s, campaign_id=campaign.id, limit=1)[0]
        station = stations.list_stations(s)[0]
    trips_tab = TripsTab(ops)
    qtbot.addWidget(trips_tab)
    from union_desk.views.trips.dialogs import RegistrationDialog
    from union_desk.views.stations.dialog import StationDialog

    dialog = RegistrationDialog(ops, campaign.id, reg, parent=trips_tab)
    qtbot.waitUntil(lambda: dialog.ready, timeout=WAIT)
    assert dialog.edits["id_number"].text() == full(reg.id_number)
    assert dialog.edits["emergency_phone"].text() == full(reg.emergency_phone)
    station_dialog = StationDialog(ops, [], station, parent=trips_tab)
    qtbot.waitUntil(lambda: station_dialog.ready, timeout=WAIT)
    assert station_dialog.phone.text() == full(station.manager_phone)
    assert sorted(e.table_name for e in reveals(demo)) == ["station", "trip_registration"]


def test_manifest_phones_in_full_only_when_ticked(demo, ops, qtbot):
    tab = TripsTab(ops)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.bus_model.rowCount() > 0, timeout=WAIT)
    with demo.session() as s:
        from union_desk.services.trips import seats

        passenger = next(p for b in trips.list_buses(s, campaign_id=tab.campaign_id)
                         for p in seats.passengers(s, bus_id=b.id))
    assert not tab.full_phones.isChecked()  # off by default
    tab.print_manifests()
    qtbot.waitUntil(lambda: tab.preview is not None, timeout=WAIT)
    text = pdf_text(tab.preview.pdf)
    assert str(passenger.phone) in text and full(passenger.phone) not in text
    assert reveals(demo) == []
    tab.preview = None
    tab.full_phones.setChecked(True)
    tab.ask_reveal_reason = lambda: None  # the clerk cancels the reason: nothing is printed
    tab.print_manifests()
    qtbot.wait(200)
    assert tab.preview is None and reveals(demo) == []
    tab.ask_reveal_reason = lambda: "司机发车前联系乘客"
    tab.print_manifests()
    qtbot.waitUntil(lambda: tab.preview is not None, timeout=WAIT)
    assert full(passenger.phone) in pdf_text(tab.preview.pdf)
    [entry] = reveals(demo)
    assert entry.table_name == "trip_registration" and "司机发车前联系乘客" in entry.after


def test_the_registration_form_for_the_city_office_carries_the_managers_phone(demo, ops, qtbot):
    tab = StationsTab(ops)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=WAIT)
    tab.table.selectRow(0)
    station = tab.selected_station()
    with qtbot.waitSignal(tab.preview_opened, timeout=WAIT):
        tab.print_station(StationForm.SIGN)
    assert full(station.manager_phone) not in pdf_text(tab.last_preview.pdf)
    assert reveals(demo) == []
    with qtbot.waitSignal(tab.preview_opened, timeout=WAIT):
        tab.print_station(StationForm.FORM)
    assert full(station.manager_phone) in pdf_text(tab.last_preview.pdf)
    [entry] = reveals(demo)
    assert (entry.table_name, entry.record_id) == ("station", station.id)


def test_editing_before_the_union_list_arrived_keeps_the_members_union(demo, ops, qtbot):
    # Given a member's edit form opened while the tab's union list is still on its way (it is
    # read beside the member list; under load it can come second)
    from union_desk.views.roster.member_dialog import MemberDialog

    with demo.session() as s:
        [member] = members.search_members(s, limit=1)
    dialog = MemberDialog(ops, [], member)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.ready, timeout=WAIT)
    # Then the member's own union is chosen, and saving keeps it
    assert dialog.union.currentData() == member.union_id
    dialog.employer.setText("建德市另一单位")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    with demo.session() as s:
        saved = members.get_member(s, member_id=member.id)
    assert (saved.union_id, saved.employer) == (member.union_id, "建德市另一单位")
