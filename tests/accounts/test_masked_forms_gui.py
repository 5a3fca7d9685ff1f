"""With several accounts a 经办人 edits a household file, a bus registration and a rest station
without seeing their numbers: the masked text stays in the field and the stored numbers stay
in the file; a number typed over replaces the old one."""
import pytest
import sqlalchemy as sa
from PySide6.QtWidgets import QDialog

from accounts_helpers import HANDLER, sign_in, three_clerks
from union_desk.services.hardship.household_search import search_households
from union_desk.services.hardship.households import get_household
from union_desk.services.stations import registry as stations
from union_desk.services.trips import campaigns as trips, registrations
from union_desk.views.hardship.household_dialog import HouseholdDialog
from union_desk.views.ops import Ops
from union_desk.views.stations.dialog import StationDialog
from union_desk.views.trips.dialogs import RegistrationDialog

WAIT = 10_000


@pytest.fixture
def ops(demo):
    runner = Ops(demo)
    yield runner
    runner.wait()


def stored(db, sql: str, **params) -> tuple:
    with db.engine.connect() as conn:
        return tuple(conn.execute(sa.text(sql), params).one())


def save(qtbot, dialog) -> None:
    dialog.save_button().click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted
                    or bool(dialog.error.text()), timeout=WAIT)
    assert dialog.error.text() == ""


def opened(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.ready, timeout=WAIT)
    assert dialog.masked_note.isVisible() and not dialog.reveal_button.isVisible()
    return dialog


@pytest.fixture
def handler(demo):
    three_clerks(demo)
    sign_in(demo, HANDLER)


def test_a_household_file_keeps_its_bank_account_and_persons_numbers(demo, ops, qtbot, handler):
    with demo.session() as s:
        row = next(h for h in search_households(s, limit=50)
                   if get_household(s, household_id=h.id).bank_account
                   and len(get_household(s, household_id=h.id).persons) > 1)
        detail = get_household(s, household_id=row.id)
    sql = ("SELECT bank_account, group_concat(p.id_number) FROM household h JOIN household_person"
           " p ON p.household_id = h.id WHERE h.id = :i GROUP BY h.id")
    before = stored(demo, sql, i=row.id)
    dialog = opened(qtbot, HouseholdDialog(ops, detail))
    assert dialog.bank_account.text() == str(detail.bank_account)
    assert "*" in dialog.bank_account.text() and "*" not in before[0]
    save(qtbot, dialog)
    assert stored(demo, sql, i=row.id) == before
    dialog = opened(qtbot, HouseholdDialog(ops, detail))
    dialog.bank_account.setText("6222020200112233445")
    save(qtbot, dialog)
    assert stored(demo, sql, i=row.id) == ("6222020200112233445", before[1])


def test_a_registration_keeps_its_id_number_and_phones(demo, ops, qtbot, handler):
    with demo.session() as s:
        campaign = trips.list_campaigns(s)[0]
        reg = registrations.list_registrations(s, campaign_id=campaign.id, limit=1)[0]
    sql = "SELECT id_number, phone, emergency_phone FROM trip_registration WHERE id = :i"
    before = stored(demo, sql, i=reg.id)
    dialog = opened(qtbot, RegistrationDialog(ops, campaign.id, reg))
    assert dialog.edits["id_number"].text() == str(reg.id_number)
    save(qtbot, dialog)
    assert stored(demo, sql, i=reg.id) == before
    dialog = opened(qtbot, RegistrationDialog(ops, campaign.id, reg))
    dialog.edits["emergency_phone"].setText("13700137000")
    save(qtbot, dialog)
    assert stored(demo, sql, i=reg.id) == (before[0], before[1], "13700137000")


def test_a_station_keeps_its_managers_phone(demo, ops, qtbot, handler):
    with demo.session() as s:
        station = stations.list_stations(s)[0]
        unions = stations.union_choices(s)
    sql = "SELECT manager_phone FROM station WHERE id = :i"
    before = stored(demo, sql, i=station.id)
    dialog = opened(qtbot, StationDialog(ops, unions, station))
    assert dialog.phone.text() == str(station.manager_phone) and "*" in dialog.phone.text()
    save(qtbot, dialog)
    assert stored(demo, sql, i=station.id) == before
