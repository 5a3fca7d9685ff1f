"""Transfer a member to another union, or record 转出 / 退会 / 死亡 / 恢复, with date and reason."""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit

from union_desk.models.member import MemberRow, MemberStatus
from union_desk.models.union import UnionRow
from union_desk.services.changes import Change
from union_desk.services.roster import members
from union_desk.views.form_dialog import FormDialog
from union_desk.views.roster.member_dialog import from_qdate


def _date_edit(parent) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate(), parent)
    edit.setObjectName("onDateEdit")
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class TransferDialog(FormDialog):
    def __init__(self, ops, member: MemberRow, unions: list[UnionRow], parent=None):
        member_id = member.id
        super().__init__(ops, self.tr("Transfer — {0}").format(member.name),
                         lambda s, p: members.transfer_member(s, member_id=member_id, **p),
                         {Change.MEMBERS, Change.UNIONS}, parent)
        self.setObjectName("transferDialog")
        self.add_row(self.tr("From"), QLabel(member.union_name, self))
        self.target = QComboBox(self)
        self.target.setObjectName("targetUnionCombo")
        for union in unions:
            if union.id != member.union_id and union.takes_members:
                self.target.addItem(union.name, union.id)
        self.add_row(self.tr("To"), self.target, "union_id")
        self.on = self.add_row(self.tr("Date"), _date_edit(self), "on")
        self.reason = self.add_row(self.tr("Reason"), QLineEdit(self), "reason")
        self.reason.setObjectName("reasonEdit")

    def payload(self) -> dict:
        return dict(to_union_id=self.target.currentData() or "", on=from_qdate(self.on.date()),
                    reason=self.reason.text())


class StatusDialog(FormDialog):
    def __init__(self, ops, member: MemberRow, parent=None):
        member_id = member.id
        super().__init__(ops, self.tr("Change status — {0}").format(member.name),
                         lambda s, p: members.change_status(s, member_id=member_id, **p),
                         {Change.MEMBERS, Change.UNIONS}, parent)
        self.setObjectName("statusDialog")
        self.add_row(self.tr("Current status"), QLabel(member.status.value, self))
        self.status = QComboBox(self)
        self.status.setObjectName("statusCombo")
        labels = {MemberStatus.LEFT: self.tr("Left the union (退会)"),
                  MemberStatus.TRANSFERRED: self.tr("Transferred out of the township (转出)"),
                  MemberStatus.DECEASED: self.tr("Deceased (死亡)"),
                  MemberStatus.ACTIVE: self.tr("Back on the roll (恢复在册)")}
        for status, label in labels.items():
            if status != member.status:
                self.status.addItem(label, status)
        self.add_row(self.tr("New status"), self.status, "status")
        self.on = self.add_row(self.tr("Date"), _date_edit(self), "on")
        self.reason = self.add_row(self.tr("Reason"), QLineEdit(self), "reason")
        self.reason.setObjectName("reasonEdit")

    def payload(self) -> dict:
        return dict(status=self.status.currentData(), on=from_qdate(self.on.date()),
                    reason=self.reason.text())
