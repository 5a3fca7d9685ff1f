"""Payments entered on their own: a medical mutual-aid subsidy (职工医疗互助补助: hospital,
dates, total cost, the part reimbursed, the subsidy) and a correction (the old payment voided
with a reason, a new one with a new voucher number — a printed payment is never edited)."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

from union_desk.domain.money import format_fen
from union_desk.models.hardship import HouseholdRow
from union_desk.models.member import MemberRow
from union_desk.models.payment import MEDICAL_AID_OCCASION, PaymentCreate, PaymentRow
from union_desk.services.changes import Change
from union_desk.services.hardship import payments
from union_desk.views.hardship.fields import (HardshipFormDialog, InputProblem, PaymentFields,
                                              date_edit, fen_of, line_edit, occasion_combo)
from union_desk.views.hardship.member_picker import MemberPicker
from union_desk.views.ops import Ops


class MedicalAidDialog(HardshipFormDialog):
    """For a household file, or (household None) for any member picked from the roster."""

    def __init__(self, ops: Ops, household: HouseholdRow | None = None, parent=None):
        name = household.member_name if household else ""
        super().__init__(ops, self.tr("Medical mutual-aid subsidy {0}").format(name).strip(),
                         lambda s, data: payments.record_payment(s, data=data),
                         {Change.PAYMENTS}, parent)
        self.setObjectName("medicalAidDialog")
        self.household = household
        self.member: MemberRow | None = None
        self.picker = None
        if household is None:
            self.picker = MemberPicker(ops, self)
            self.picker.picked.connect(self._on_picker_picked)
            self.add_row(self.tr("Member"), self.picker, "member_id")
        self.hospital = self.add_row(self.tr("Hospital"), line_edit(self, "hospitalEdit", "", 100),
                                     "hospital")
        self.admitted_on = self.add_row(self.tr("Admitted on"),
                                        date_edit(self, "admittedOnEdit"), "admitted_on")
        self.discharged_on = self.add_row(self.tr("Discharged on"),
                                          date_edit(self, "dischargedOnEdit"), "discharged_on")
        self.total_cost = self.add_row(self.tr("Total cost (yuan)"),
                                       line_edit(self, "totalCostEdit", "", 20), "total_cost_fen")
        self.reimbursed = self.add_row(self.tr("Reimbursed by insurance (yuan)"),
                                       line_edit(self, "reimbursedEdit", "", 20), "reimbursed_fen")
        self.self_paid = self.add_row(self.tr("Paid by the patient"), QLabel("—", self))
        self.self_paid.setObjectName("selfPaidLabel")
        self.payment = PaymentFields(self, amount_label=self.tr("Subsidy (yuan)"))
        self.note = self.add_row(self.tr("Note"), line_edit(self, "medicalNoteEdit", "", 200),
                                 "note")
        self.total_cost.textChanged.connect(self._on_costs_text_changed)
        self.reimbursed.textChanged.connect(self._on_costs_text_changed)
        self.resize(520, self.sizeHint().height())

    def payload(self) -> PaymentCreate:
        total = fen_of(self.total_cost.text(), self.tr("Total cost"), "total_cost_fen")
        reimbursed = fen_of(self.reimbursed.text(), self.tr("Reimbursed"), "reimbursed_fen",
                            required=False)
        return PaymentCreate(
            household_id=self.household.id if self.household else None,
            member_id=self.member.id if self.member else None,
            occasion=MEDICAL_AID_OCCASION, hospital=self.hospital.text().strip(),
            admitted_on=self.admitted_on.date().toPython(),
            discharged_on=self.discharged_on.date().toPython(),
            total_cost_fen=total, reimbursed_fen=reimbursed or 0, note=self.note.text().strip(),
            **self.payment.values())

    def _on_picker_picked(self, member: MemberRow | None) -> None:
        self.member = member

    def _on_costs_text_changed(self, _text: str) -> None:
        try:
            total = fen_of(self.total_cost.text(), "", required=False)
            reimbursed = fen_of(self.reimbursed.text(), "", required=False) or 0
        except InputProblem:
            self.self_paid.setText("—")
            return
        self.self_paid.setText("—" if total is None else format_fen(total - reimbursed))


class CorrectionDialog(HardshipFormDialog):
    """Void `payment` (reason required) and record the right one, prefilled from it."""

    def __init__(self, ops: Ops, payment: PaymentRow, parent=None):
        number = payment.voucher_no
        super().__init__(ops, self.tr("Correct voucher {0}").format(number),
                         lambda s, p: payments.correct_payment(s, voucher_no=number, **p),
                         {Change.PAYMENTS, Change.VISITS}, parent)
        self.setObjectName("correctionDialog")
        self.old = payment
        self.add_row(self.tr("Voucher"), QLabel(self.tr("{0}, {1}, {2}, {3}").format(
            number, payment.recipient_name, payment.occasion, format_fen(payment.amount_fen)),
            self))
        self.reason = self.add_row(self.tr("Why it is voided"),
                                   line_edit(self, "voidReasonEdit", "", 200), "reason")
        self.occasion = self.add_row(self.tr("Occasion"),
                                     occasion_combo(self, "occasionCombo", payment.occasion),
                                     "occasion")
        self.payment = PaymentFields(self, amount_label=self.tr("Right amount (yuan)"),
                                     paid_on=payment.paid_on)
        self.payment.set_amount(payment.amount_fen)
        self.payment.method.setCurrentIndex(self.payment.method.findData(payment.method))
        for edit, name in ((self.payment.handler, payment.handler),
                           (self.payment.reviewer, payment.reviewer),
                           (self.payment.approver, payment.approver)):
            edit.setText(name)
        self.resize(520, self.sizeHint().height())

    def payload(self) -> dict:
        old = self.old
        data = PaymentCreate(
            household_id=old.household_id, member_id=old.member_id,
            occasion=self.occasion.currentText().strip(), note=old.note, hospital=old.hospital,
            admitted_on=old.admitted_on, discharged_on=old.discharged_on,
            total_cost_fen=old.total_cost_fen, reimbursed_fen=old.reimbursed_fen,
            **self.payment.values())
        return dict(reason=self.reason.text(), data=data)
