"""Record a visit (走访慰问) to a household: date, visitors, occasion, notes and, if money was
handed over, the payment — one transaction, the voucher number given on saving."""
from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox

from union_desk.models.hardship import HouseholdRow
from union_desk.models.payment import PaymentCreate, VisitCreate
from union_desk.services.changes import Change
from union_desk.services.hardship import payments
from union_desk.views.hardship.fields import (HardshipFormDialog, PaymentFields, date_edit,
                                              line_edit, occasion_combo)
from union_desk.views.ops import Ops


class VisitDialog(HardshipFormDialog):
    def __init__(self, ops: Ops, household: HouseholdRow, parent=None):
        super().__init__(ops, self.tr("Visit — {0}").format(household.member_name),
                         lambda s, p: payments.record_visit(s, data=p[0], payment=p[1]),
                         {Change.VISITS, Change.PAYMENTS}, parent)
        self.setObjectName("visitDialog")
        self.household = household
        self.visited_on = self.add_row(self.tr("Visited on"), date_edit(self, "visitDateEdit"),
                                       "visited_on")
        self.visitors = self.add_row(self.tr("Visitors"), line_edit(self, "visitorsEdit", "", 100),
                                     "visitors")
        self.visitors.setPlaceholderText(self.tr("e.g. 镇总工会 李主席、王晓燕"))
        self.occasion = self.add_row(self.tr("Occasion"), occasion_combo(self, "occasionCombo"),
                                     "occasion")
        self.notes = self.add_row(self.tr("Notes"), line_edit(self, "notesEdit", "", 500), "notes")
        self.with_payment = QGroupBox(self.tr("Money handed over (prints a voucher)"), self)
        self.with_payment.setObjectName("withPaymentBox")
        self.with_payment.setCheckable(True)
        self.with_payment.setChecked(True)
        form = QFormLayout(self.with_payment)
        self.payment = PaymentFields(self, amount_label=self.tr("Amount"), form=form)
        self.layout_.insertWidget(1, self.with_payment)
        self.visited_on.dateChanged.connect(self._on_visited_on_date_changed)
        self.resize(520, self.sizeHint().height())

    def payload(self) -> tuple[VisitCreate, PaymentCreate | None]:
        visit = VisitCreate(household_id=self.household.id, visited_on=self.visited_on.date()
                            .toPython(), visitors=self.visitors.text().strip(),
                            occasion=self.occasion.currentText().strip(),
                            notes=self.notes.text().strip())
        if not self.with_payment.isChecked():
            return visit, None
        payment = PaymentCreate(household_id=self.household.id, occasion=visit.occasion,
                                **self.payment.values())
        return visit, payment

    def _on_visited_on_date_changed(self, value) -> None:
        self.payment.paid_on.setDate(value)
