"""Esc, 取消 or closing the window on a form with changes asks before throwing them away; a form
without changes closes at once. One base (GuardedDialog) gives every form dialog this."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from union_desk.views.form_dialog import GuardedDialog
from union_desk.views.hardship.household_dialog import HouseholdDialog
from union_desk.views.ops import Ops
from union_desk.views.roster.member_dialog import MemberDialog
from union_desk.views.stations.dialog import StationDialog
from union_desk.views.stations.inspection_dialog import InspectionDialog
from union_desk.views.trips.dialogs import CampaignDialog


@pytest.fixture
def ops(db):
    ops = Ops(db)
    yield ops
    ops.wait()


def _station_row(db):
    from datetime import date
    from decimal import Decimal

    from union_desk.models.stations import StationCreate, StationKind
    from union_desk.services.stations import registry

    with db.session(write=True) as s:
        return registry.register_station(s, data=StationCreate(
            name="大洋镇环卫工人爱心驿家", kind=StationKind.SELF_BUILT, host_unit="大洋镇环卫所",
            address="大洋镇新街1号",
            area_m2=Decimal("30"), opening_hours="07:00-19:00", manager="张明",
            manager_phone="13857112345", facilities=["toilet"], registered_on=date(2021, 3, 1)))


def dialogs(ops, db):
    return {
        "member": (MemberDialog(ops, []), "nameEdit"),
        "household": (HouseholdDialog(ops, None), "causeDetailEdit"),
        "station": (StationDialog(ops, []), "stationNameEdit"),
        "inspection": (InspectionDialog(ops, _station_row(db)), "inspectorEdit"),
        "campaign": (CampaignDialog(ops), "campaignName"),
    }


@pytest.mark.parametrize("kind", ["member", "household", "station", "inspection", "campaign"])
def test_esc_and_cancel_ask_before_discarding_changes(ops, db, qtbot, kind, _discard_prompts,
                                                     monkeypatch):
    from PySide6.QtWidgets import QLineEdit

    dialog, field = dialogs(ops, db)[kind]
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible)
    # Given a form the clerk has typed into
    edit = dialog.findChild(QLineEdit, field)
    assert edit is not None, field
    qtbot.keyClicks(edit, "abc")
    # When they press Esc and answer "keep editing"
    monkeypatch.setattr(GuardedDialog, "confirm_discard", lambda d: _discard_prompts.append(
        d.objectName()) or False)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    # Then they were asked, and the dialog stays open with what they typed
    assert _discard_prompts and dialog.isVisible() and edit.text().endswith("abc")
    # When they press 取消 and answer "discard", it closes
    monkeypatch.setattr(GuardedDialog, "confirm_discard", lambda d: _discard_prompts.append(
        d.objectName()) or True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert len(_discard_prompts) == 2 and not dialog.isVisible()


def test_a_form_without_changes_closes_without_asking(ops, db, qtbot, _discard_prompts):
    for dialog, _field in dialogs(ops, db).values():
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitUntil(dialog.isVisible)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
    assert _discard_prompts == []


def test_the_subsidy_and_pay_households_dialogs_ask_too(ops, db, qtbot, _discard_prompts):
    from union_desk.views.stations.subsidy_dialog import StationSubsidyDialog

    dialog = StationSubsidyDialog(ops, _station_row(db))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.amount, "5000")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert _discard_prompts == ["stationSubsidyDialog"] and not dialog.isVisible()

    from union_desk.views.hardship.campaign_dialog import PayHouseholdsDialog

    pay = PayHouseholdsDialog(ops, [])
    qtbot.addWidget(pay)
    pay.open()
    qtbot.waitUntil(pay.isVisible)
    qtbot.keyClicks(pay.fields.amount, "500")
    pay.close_button.click()
    assert _discard_prompts[-1] == "payHouseholdsDialog" and not pay.isVisible()
