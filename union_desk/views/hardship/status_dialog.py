"""A household file's status change (在档 / 脱困 / 注销 / 返困, dated, with a reason) and its
yearly review (动态管理)."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel

from union_desk.models.hardship import HouseholdRow, HouseholdStatus
from union_desk.services.changes import Change
from union_desk.services.hardship import households
from union_desk.views.hardship.fields import HardshipFormDialog, date_edit, line_edit
from union_desk.views.ops import Ops


class HouseholdStatusDialog(HardshipFormDialog):
    def __init__(self, ops: Ops, household: HouseholdRow, parent=None):
        household_id = household.id
        super().__init__(ops, self.tr("Status of the file — {0}").format(household.member_name),
                         lambda s, p: households.change_household_status(
                             s, household_id=household_id, **p),
                         {Change.HOUSEHOLDS}, parent)
        self.setObjectName("householdStatusDialog")
        since = f" ({household.status_date:%Y-%m-%d})" if household.status_date else ""
        self.add_row(self.tr("Current status"), QLabel(household.status.value + since, self))
        self.status = QComboBox(self)
        self.status.setObjectName("householdStatusCombo")
        labels = {HouseholdStatus.OUT: self.tr("Out of hardship (脱困)"),
                  HouseholdStatus.CLOSED: self.tr("File closed (注销)"),
                  HouseholdStatus.RELAPSED: self.tr("Back in hardship (返困)"),
                  HouseholdStatus.ON_FILE: self.tr("On file (在档)")}
        for status, label in labels.items():
            if status != household.status:
                self.status.addItem(label, status)
        self.add_row(self.tr("New status"), self.status, "status")
        self.on = self.add_row(self.tr("Date"), date_edit(self, "statusDateEdit"), "on")
        self.reason = self.add_row(self.tr("Reason"), line_edit(self, "statusReasonEdit", "", 200),
                                   "reason")
        self.resize(460, self.sizeHint().height())

    def payload(self) -> dict:
        return dict(status=self.status.currentData(), on=self.on.date().toPython(),
                    reason=self.reason.text())


class ReviewDialog(HardshipFormDialog):
    """The file was looked at again: its review date moves on and the category suggestion is
    renewed against that year's 低保."""

    def __init__(self, ops: Ops, household: HouseholdRow, parent=None):
        household_id = household.id
        super().__init__(ops, self.tr("Yearly review — {0}").format(household.member_name),
                         lambda s, p: households.mark_reviewed(s, household_id=household_id, **p),
                         {Change.HOUSEHOLDS}, parent)
        self.setObjectName("reviewDialog")
        last = f"{household.reviewed_on:%Y-%m-%d}" if household.reviewed_on else "—"
        self.add_row(self.tr("Last review"), QLabel(last, self))
        self.on = self.add_row(self.tr("Reviewed on"), date_edit(self, "reviewDateEdit"),
                               "reviewed_on")
        self.checked_by = self.add_row(self.tr("Checked by"),
                                       line_edit(self, "reviewCheckedByEdit", "", 40))
        self.resize(420, self.sizeHint().height())

    def payload(self) -> dict:
        return dict(on=self.on.date().toPython(), checked_by=self.checked_by.text().strip())
