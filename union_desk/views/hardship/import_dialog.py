"""Campaign import: the city office's Excel list of recipients and amounts. Every row is
checked first, with the same rules as a payment typed in the form (each rejected row shown with
its Excel row number, the person's name and every problem); then the checked plan's rows become
payments with their voucher numbers, all at once, with progress and cancel."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QPushButton

from union_desk.services.changes import Change
from union_desk.services.hardship.payment_import import (PaymentImportOptions, PaymentImportPlan,
                                                         PaymentImportReport, check_payment_file,
                                                         commit_payment_import)
from union_desk.services.common.import_plan import save_rejections
from union_desk.views.hardship.fields import PaymentFields, occasion_combo
from union_desk.views.import_dialog import CheckOutcome, ImportDialog, long_work, rejected_rows
from union_desk.views.ops import Ops
from union_desk.views.widgets import make_button


class CampaignImportDialog(ImportDialog):
    print_requested = Signal(list)  # voucher numbers of the payments just created
    changes = frozenset({Change.PAYMENTS})
    retry_after_failure = True
    shows_updates = False   # a list only adds payments

    def __init__(self, ops: Ops, path: Path, parent=None):
        super().__init__(ops, path, parent)
        self.plan: PaymentImportPlan | None = None       # the last check
        self.report: PaymentImportReport | None = None   # what it found
        self.result: PaymentImportReport | None = None   # the import done
        self.setObjectName("campaignImportDialog")
        self.setWindowTitle(self.tr("Import a recipients list — {0}").format(path.name))
        self.resize(820, 600)
        self.commit_button.setText(self.tr("Create the payments"))
        self.cancel_button.setObjectName("closeImportButton")
        self.cancel_button.setText(self.tr("Close"))
        self.occasion.currentTextChanged.connect(self._on_options_changed)
        self.fields.paid_on.dateChanged.connect(self._on_options_changed)
        self.check()

    def options(self) -> PaymentImportOptions:
        return PaymentImportOptions(occasion=self.occasion.currentText().strip(),
                                    **self.fields.values())

    # -- hooks ------------------------------------------------------------------------------------
    def build_options(self) -> QFormLayout:
        form = QFormLayout()
        self.occasion = occasion_combo(self, "importOccasionCombo")
        form.addRow(self.tr("Occasion"), self.occasion)
        self.fields = PaymentFields(self, amount_label=None, form=form)
        return form

    def build_leading_buttons(self) -> list[QPushButton]:
        self.check_button = make_button(self, "checkListButton", self.tr("Check the list"),
                                        self._on_check_button_clicked)
        return [self.check_button]

    def build_extra_buttons(self) -> list[QPushButton]:
        self.print_button = make_button(
            self, "printImportedButton", self.tr("Print vouchers and sign-off sheet…"),
            self._on_print_button_clicked)
        self.print_button.setEnabled(False)
        return [self.print_button]

    def check_work(self):
        return long_work(check_payment_file, path=self.path, options=self.options(),
                         sheet=self.sheet)

    def checked(self, plan: PaymentImportPlan) -> CheckOutcome:
        self.plan, self.report = plan, plan.report()
        report = self.report
        self.commit_button.setText(self.tr("Create {0} payments").format(report.new))
        return CheckOutcome(
            self.tr("{0} rows: {1} valid ({2} to pay, {3} already paid for this occasion this "
                    "year), {4} rows with problems (not imported).").format(
                report.rows, report.valid, report.new, report.unchanged, report.rejected_rows),
            rejected_rows(report.rejected), report.new > 0, report=report)

    def save_work(self, dest: Path):
        report = self.report
        return None if report is None else (lambda _s: save_rejections(report, dest))

    def commit_work(self):
        """The checked plan, as long as the options are still the ones it was checked with."""
        plan = self.plan
        if plan is None:
            return None
        if self.options() != plan.options:
            self.commit_button.setEnabled(False)
            self.summary.setText(self.tr(
                "The options changed since the list was checked: check the list again."))
            return None
        return long_work(commit_payment_import, plan=plan)

    def commit_label(self) -> str:
        return self.tr("Creating the payments…")

    def committed(self, report: PaymentImportReport) -> str:
        self.result = report
        numbers = report.vouchers
        text = self.tr("{0} payments created.").format(len(numbers))
        if numbers:
            text += " " + self.tr("Voucher numbers {0} to {1}.").format(numbers[0], numbers[-1])
        if report.rejected:
            text += " " + self.tr("Rows with problems were left out (listed below).")
        if numbers and self.fields.waiting_note():
            text += "\n" + self.fields.waiting_note()
        self.print_button.setEnabled(bool(numbers))
        for widget in (self.occasion, self.check_button, *self.fields.widgets()):
            widget.setEnabled(False)
        return text

    # -- slots ------------------------------------------------------------------------------------
    def _on_check_button_clicked(self) -> None:
        self.check()

    def _on_options_changed(self, *_args) -> None:
        if self.report is not None and self.result is None:
            self.commit_button.setEnabled(False)
            self.summary.setText(self.tr("The occasion or date changed: check the list again."))

    def _on_print_button_clicked(self) -> None:
        if self.result is not None:
            self.print_requested.emit(list(self.result.vouchers))
