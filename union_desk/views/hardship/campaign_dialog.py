"""A campaign paid from the households list: the clerk picks households, gives one amount and
occasion, and every household gets its payment and voucher number at once. Files not in
在档/返困, or already paid for this occasion this year, are skipped and named."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QTableWidgetItem, QVBoxLayout)

from union_desk.domain.money import format_fen
from union_desk.models.hardship import HouseholdRow
from union_desk.models.payment import PaymentCreate
from union_desk.services.changes import Change
from union_desk.services.hardship.campaign import CampaignResult, pay_households
from union_desk.views.hardship.fields import InputProblem, PaymentFields, occasion_combo
from union_desk.views.form_dialog import GuardedDialog
from union_desk.views.ops import Ops, error_text
from union_desk.views.tables import list_table
from union_desk.views.widgets import make_button

SHOWN_NAMES = 12


class PayHouseholdsDialog(GuardedDialog):
    print_requested = Signal(list)  # voucher numbers of the payments just created

    def __init__(self, ops: Ops, chosen: list[HouseholdRow], parent=None):
        super().__init__(parent)
        self.ops, self.chosen = ops, chosen
        self.result: CampaignResult | None = None
        self.setObjectName("payHouseholdsDialog")
        self.setWindowTitle(self.tr("Pay the chosen households"))
        self.resize(620, 560)
        names = "、".join(h.member_name for h in chosen[:SHOWN_NAMES])
        if len(chosen) > SHOWN_NAMES:
            names += self.tr(" and {0} more").format(len(chosen) - SHOWN_NAMES)
        head = QLabel(self.tr("{0} households: {1}").format(len(chosen), names), self)
        head.setObjectName("chosenHouseholdsLabel")
        head.setWordWrap(True)
        form = QFormLayout()
        self.occasion = occasion_combo(self, "campaignOccasionCombo")
        form.addRow(self.tr("Occasion"), self.occasion)
        self.fields = PaymentFields(self, amount_label=self.tr("Amount for each household"),
                                    form=form)
        self.fields.amount.textChanged.connect(self._on_amount_text_changed)
        self.total = QLabel(self)
        self.total.setObjectName("campaignTotalLabel")
        form.addRow(self.tr("Total"), self.total)
        self.summary = QLabel(self)
        self.summary.setObjectName("campaignSummary")
        self.summary.setWordWrap(True)
        self.skipped = list_table(self, "skippedTable",
                                  [self.tr("Household"), self.tr("Skipped because")])
        self.skipped.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.skipped.setVisible(False)
        self.pay_button = make_button(self, "payButton", self.tr("Create {0} payments").format(
            len(chosen)), self._on_pay_button_clicked)
        self.print_button = make_button(
            self, "printCampaignButton", self.tr("Print vouchers and sign-off sheet…"),
            self._on_print_button_clicked)
        self.print_button.setEnabled(False)
        self.close_button = make_button(self, "closeCampaignButton", self.tr("Close"), self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.pay_button, self.print_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.skipped, 1)
        layout.addStretch(0)
        layout.addLayout(buttons)


    def form_state(self) -> tuple:
        return (self.occasion.currentText(),
                *(w.text() if hasattr(w, "text") else w.currentIndex() if hasattr(
                    w, "currentIndex") else w.date() for w in self.fields.widgets()))

    def payment(self) -> PaymentCreate:
        return PaymentCreate(occasion=self.occasion.currentText().strip(), **self.fields.values())

    def _paid(self, result: CampaignResult) -> None:
        self.result = result
        numbers = result.vouchers
        text = self.tr("{0} payments created.").format(len(numbers))
        if numbers:
            text += " " + self.tr("Voucher numbers {0} to {1}.").format(numbers[0], numbers[-1])
        if result.skipped:
            text += " " + self.tr("{0} households skipped (listed below).").format(
                len(result.skipped))
        if numbers and self.fields.waiting_note():
            text += "\n" + self.fields.waiting_note()
        self.summary.setStyleSheet("")
        self.summary.setText(text)
        self.skipped.setVisible(bool(result.skipped))
        self.skipped.setRowCount(len(result.skipped))
        for i, skip in enumerate(result.skipped):
            self.skipped.setItem(i, 0, QTableWidgetItem(skip["name"]))
            self.skipped.setItem(i, 1, QTableWidgetItem(skip["reason"]))
        self.skipped.resizeColumnToContents(0)
        self.print_button.setEnabled(bool(numbers))
        self.mark_clean()  # what was paid is saved: closing loses nothing
        if not numbers:  # every household refused: the clerk may change the form and try again
            self.summary.setStyleSheet("color: #b00020")
            self.pay_button.setEnabled(True)
            return
        for widget in (self.occasion, *self.fields.widgets()):
            widget.setEnabled(False)

    def _failed(self, err: BaseException) -> None:
        self.pay_button.setEnabled(True)
        self.summary.setStyleSheet("color: #b00020")
        self.summary.setText(str(err) if isinstance(err, InputProblem) else error_text(err))

    # -- slots ------------------------------------------------------------------------------------
    def _on_amount_text_changed(self, _text: str) -> None:
        try:
            fen = self.fields.values()["amount_fen"]
        except InputProblem:
            self.total.setText("—")
            return
        self.total.setText(self.tr("{0} × {1} = {2}").format(
            format_fen(fen), len(self.chosen), format_fen(fen * len(self.chosen))))

    def _on_pay_button_clicked(self) -> None:
        try:
            payment = self.payment()
        except InputProblem as err:
            self._failed(err)
            return
        ids = [h.id for h in self.chosen]
        self.pay_button.setEnabled(False)
        self.ops.write(lambda s, progress, cancelled: pay_households(
            s, household_ids=ids, payment=payment, progress=progress, cancelled=cancelled),
            changes={Change.PAYMENTS}, parent=self) \
            .with_progress(self.tr("Creating the payments…"), self) \
            .success(self._paid).failure(self._failed).run()

    def _on_print_button_clicked(self) -> None:
        if self.result is not None:
            self.print_requested.emit(list(self.result.vouchers))
