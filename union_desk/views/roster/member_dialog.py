"""Add or edit a member. The edit form shows the ID number and phone in full, fetched through
an audited reveal (masked everywhere else) — or, with several accounts, masked until a 审核人 or
负责人 shows them with a reason (views/form_dialog.py)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from shiboken6 import isValid
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QLabel, QTableWidget,
                               QTableWidgetItem)

from union_desk.domain.errors import RuleError
from union_desk.domain.idcard import parse_id_number
from union_desk.models.member import MemberCreate, MemberRow, MemberUpdate
from union_desk.models.personal import masked_numbers
from union_desk.models.union import UnionRow
from union_desk.services.changes import Change
from union_desk.services.roster import members
from union_desk.views.form_dialog import FormDialog
from union_desk.views.tables import list_table


def to_qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else QDate.currentDate()


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class MemberDialog(FormDialog):
    def __init__(self, ops, unions: list[UnionRow], member: MemberRow | None = None, parent=None):
        if member is None:
            title = self.tr("New member")
            save = lambda s, data: members.add_member(s, data=data)  # noqa: E731
        else:
            title = self.tr("Edit member — {0}").format(member.name)
            member_id = member.id
            save = lambda s, data: members.update_member(s, member_id=member_id, data=data)  # noqa: E731
        super().__init__(ops, title, save, {Change.MEMBERS}, parent)
        self.setObjectName("memberDialog")
        self.member = member
        self.name = self.add_line("nameEdit", self.tr("Name"), "name")
        self.id_number = self.add_line("idNumberEdit", self.tr("ID number"), "id_number")
        self.derived = QLabel(self)
        self.derived.setObjectName("derivedLabel")
        self.add_row(self.tr("Birth date / gender"), self.derived)
        self.phone = self.add_line("phoneEdit", self.tr("Mobile phone"), "phone")
        self.ethnicity = self.add_line("ethnicityEdit", self.tr("Ethnicity"), "ethnicity")
        self.employer = self.add_line("employerEdit", self.tr("Employer"), "employer")
        self.union = QComboBox(self)
        self.union.setObjectName("unionCombo")
        for union in unions:
            if union.takes_members or (member and union.id == member.union_id):
                self.union.addItem(union.name, union.id)
        if member and self.union.findData(member.union_id) < 0:
            # the tab's union list is read beside the member list and may not be in yet: the
            # member's own union is always there, so saving never loses it
            self.union.addItem(member.union_name, member.union_id)
        self.add_row(self.tr("Grassroots union"), self.union, "union_id")
        self.join_date = QDateEdit(self)
        self.join_date.setObjectName("joinDateEdit")
        self.join_date.setCalendarPopup(True)
        self.join_date.setDisplayFormat("yyyy-MM-dd")
        self.add_row(self.tr("Joined on"), self.join_date, "join_date")
        self.card_no = self.add_line("cardNoEdit", self.tr("Member card no."), "card_no")
        self.migrant = QCheckBox(self.tr("Migrant worker"), self)
        self.migrant.setObjectName("migrantCheck")
        self.add_row("", self.migrant, "is_migrant")
        self.hukou = QComboBox(self)
        self.hukou.setObjectName("hukouCombo")
        self.hukou.setEditable(True)
        self.hukou.addItems(["", "农业", "非农业", "居民"])
        self.add_row(self.tr("Household registration"), self.hukou, "hukou_type")
        self.id_number.textChanged.connect(self._on_id_number_text_changed)
        self._fill(member)

    def _fill(self, member: MemberRow | None) -> None:
        self.ethnicity.setText("汉族")
        self.join_date.setDate(QDate.currentDate())
        if member is None:
            return
        self.name.setText(member.name)
        member_id = member.id
        self.fill_in_full(
            lambda s, reason: members.member_for_edit(s, member_id=member_id, reason=reason),
            self._fill_numbers, masked_numbers(member))
        self.ethnicity.setText(member.ethnicity)
        self.employer.setText(member.employer)
        self.union.setCurrentIndex(max(0, self.union.findData(member.union_id)))
        self.union.setEnabled(False)  # the union changes through a transfer, with its history
        self.join_date.setDate(to_qdate(member.join_date))
        self.card_no.setText(member.card_no or "")
        self.migrant.setChecked(member.is_migrant)
        self.hukou.setCurrentText(member.hukou_type)
        self.layout_.insertWidget(1, self._history_table(member))

    def _fill_numbers(self, full: dict[str, str]) -> None:
        self.id_number.setText(full["id_number"])
        self.phone.setText(full["phone"])

    def _on_id_number_text_changed(self, text: str) -> None:
        if "*" in text:  # the stored number, shown masked: nothing to derive from it
            self.derived.setText("")
            return
        try:
            card = parse_id_number(text)
        except RuleError as err:
            self.derived.setText(str(err) if len(text.strip()) >= 15 else "")
            return
        self.derived.setText(f"{card.birth_date:%Y-%m-%d} / {card.gender}")

    def payload(self) -> MemberCreate | MemberUpdate:
        cls = MemberCreate if self.member is None else MemberUpdate
        return cls(name=self.name.text(), id_number=self.id_number.text(), phone=self.phone.text(),
                   ethnicity=self.ethnicity.text(), employer=self.employer.text(),
                   union_id=self.union.currentData() or "",
                   join_date=from_qdate(self.join_date.date()), card_no=self.card_no.text() or None,
                   is_migrant=self.migrant.isChecked(), hukou_type=self.hukou.currentText())


    def _history_table(self, member: MemberRow) -> QTableWidget:
        """The member's dated status history, loaded off the GUI thread. (self.tr inside the
        class: lupdate files the strings under MemberDialog, the context Qt looks them up in.)"""
        table = list_table(self, "historyTable", [self.tr("Date"), self.tr("Change"),
                                                  self.tr("Reason"), self.tr("Union")])
        table.setMaximumHeight(140)

        def fill(events) -> None:
            if not isValid(table):  # the clerk closed the dialog before the history came
                return
            table.setRowCount(len(events))
            for i, event in enumerate(events):
                union = " → ".join(x for x in (event.from_union, event.to_union) if x)
                for j, text in enumerate((f"{event.on:%Y-%m-%d}", event.kind.value, event.reason,
                                          union)):
                    table.setItem(i, j, QTableWidgetItem(text))
            table.resizeColumnsToContents()

        member_id = member.id
        self.ops.read(lambda s: members.member_history(s, member_id=member_id)) \
            .success(fill).run()
        return table
