"""Add, edit or close a grassroots union. A failing credit-code check warns but does not block."""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit

from union_desk.domain.creditcode import credit_code_problem
from union_desk.models.union import UnionCreate, UnionRow, UnionUpdate
from union_desk.services.changes import Change
from union_desk.services.roster import unions
from union_desk.views.form_dialog import FormDialog
from union_desk.views.roster.member_dialog import from_qdate, to_qdate


class UnionDialog(FormDialog):
    def __init__(self, ops, union: UnionRow | None = None, parent=None):
        if union is None:
            title = self.tr("New grassroots union")
            save = lambda s, data: unions.create_union(s, data=data)  # noqa: E731
        else:
            title = self.tr("Edit union — {0}").format(union.name)
            union_id = union.id
            save = lambda s, data: unions.update_union(s, union_id=union_id, data=data)  # noqa: E731
        super().__init__(ops, title, save, {Change.UNIONS, Change.MEMBERS}, parent)
        self.setObjectName("unionDialog")
        self.union = union
        self.name = self.add_line("unionNameEdit", self.tr("Name"), "name")
        self.credit_code = self.add_line("creditCodeEdit", self.tr("Unified social credit code"),
                                      "credit_code")
        self.credit_warning = QLabel(self)
        self.credit_warning.setObjectName("creditWarning")
        self.credit_warning.setStyleSheet("color: #a15c00")
        self.add_row("", self.credit_warning)
        self.chair = self.add_line("chairEdit", self.tr("Chair"), "chair")
        self.phone = self.add_line("unionPhoneEdit", self.tr("Contact phone"), "phone")
        self.founded = QDateEdit(QDate.currentDate(), self)
        self.founded.setObjectName("foundedEdit")
        self.founded.setCalendarPopup(True)
        self.founded.setDisplayFormat("yyyy-MM-dd")
        self.add_row(self.tr("Founded on"), self.founded, "founded")
        self.credit_code.textChanged.connect(self._on_credit_code_text_changed)
        if union is not None:
            self.name.setText(union.name)
            self.credit_code.setText(union.credit_code)
            self.chair.setText(union.chair)
            self.phone.setText(union.phone)
            self.founded.setDate(to_qdate(union.founded))

    def _on_credit_code_text_changed(self, text: str) -> None:
        problem = credit_code_problem(text) if text.strip() else None
        self.credit_warning.setText(
            self.tr("Warning: {0} (saved anyway)").format(problem) if problem else "")

    def payload(self) -> UnionCreate | UnionUpdate:
        cls = UnionCreate if self.union is None else UnionUpdate
        return cls(name=self.name.text(), credit_code=self.credit_code.text(),
                   chair=self.chair.text(), phone=self.phone.text(),
                   founded=from_qdate(self.founded.date()))


class CloseUnionDialog(FormDialog):
    def __init__(self, ops, union: UnionRow, parent=None):
        union_id = union.id
        super().__init__(ops, self.tr("Close union — {0}").format(union.name),
                         lambda s, p: unions.close_union(s, union_id=union_id, **p),
                         {Change.UNIONS}, parent)
        self.setObjectName("closeUnionDialog")
        self.on = QDateEdit(QDate.currentDate(), self)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.add_row(self.tr("Closed on"), self.on, "on")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reasonEdit")
        self.add_row(self.tr("Reason"), self.reason, "reason")

    def payload(self) -> dict:
        return dict(on=from_qdate(self.on.date()), reason=self.reason.text())
