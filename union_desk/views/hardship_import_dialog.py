"""Campaign import: the city office's Excel list of recipients and amounts. Every row is
checked first (each rejected row shown with its Excel row number, field and reason); then the
valid rows become payments with their voucher numbers, all at once, with progress and cancel."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from union_desk.services.payment_import import (PaymentImportOptions, PaymentImportReport,
                                                check_payment_file, import_payment_file)
from union_desk.views.hardship_fields import PaymentFields, occasion_combo
from union_desk.views.ops import Ops, error_text


class CampaignImportDialog(QDialog):
    print_requested = Signal(list)  # voucher numbers of the payments just created

    def __init__(self, ops: Ops, path: Path, parent=None):
        super().__init__(parent)
        self.ops, self.path = ops, path
        self.report: PaymentImportReport | None = None   # the last check
        self.result: PaymentImportReport | None = None   # the import done
        self._checked_options: PaymentImportOptions | None = None
        self.setObjectName("campaignImportDialog")
        self.setWindowTitle(self.tr("Import a recipients list — {0}").format(path.name))
        self.resize(820, 600)
        form = QFormLayout()
        self.occasion = occasion_combo(self, "importOccasionCombo")
        form.addRow(self.tr("Occasion"), self.occasion)
        self.fields = PaymentFields(self, amount_label=None, form=form)
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.rejections = QTableWidget(0, 3, self)
        self.rejections.setObjectName("rejectionTable")
        self.rejections.setHorizontalHeaderLabels(
            [self.tr("Excel row"), self.tr("Field"), self.tr("Reason")])
        self.rejections.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.rejections.verticalHeader().setVisible(False)
        self.check_button = self._button("checkListButton", self.tr("Check the list"),
                                         self._on_check_button_clicked)
        self.commit_button = self._button("commitImportButton", self.tr("Create the payments"),
                                          self._on_commit_button_clicked)
        self.print_button = self._button(
            "printImportedButton", self.tr("Print vouchers and sign-off sheet…"),
            self._on_print_button_clicked)
        self.close_button = self._button("closeImportButton", self.tr("Close"), self.reject)
        self.commit_button.setEnabled(False)
        self.print_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        for button in (self.commit_button, self.print_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.rejections, 1)
        layout.addLayout(buttons)
        self.occasion.currentTextChanged.connect(self._on_options_changed)
        self.fields.paid_on.dateChanged.connect(self._on_options_changed)
        self.check()

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def options(self) -> PaymentImportOptions:
        return PaymentImportOptions(occasion=self.occasion.currentText().strip(),
                                    **self.fields.values())

    # -- work -------------------------------------------------------------------------------------
    def check(self) -> None:
        path, options = self.path, self.options()
        self.summary.setText(self.tr("Checking every row…"))
        self.commit_button.setEnabled(False)
        self.ops.read(lambda s, progress, cancelled: check_payment_file(
            s, path=path, options=options, progress=progress, cancelled=cancelled), parent=self) \
            .with_progress(self.tr("Checking {0}…").format(path.name), self) \
            .success(lambda report: self._checked(options, report)).failure(self._failed).run()

    def _checked(self, options: PaymentImportOptions, report: PaymentImportReport) -> None:
        self.report, self._checked_options = report, options
        rejected_rows = len({r["row"] for r in report.rejected})
        self.summary.setText(self.tr(
            "{0} rows: {1} valid ({2} to pay, {3} already paid for this occasion this year), "
            "{4} rows with problems (not imported).").format(
            report.rows, report.valid, report.new, report.unchanged, rejected_rows))
        self.rejections.setRowCount(len(report.rejected))
        for i, rejection in enumerate(report.rejected):
            for j, value in enumerate((str(rejection["row"]), rejection["field"],
                                       rejection["reason"])):
                self.rejections.setItem(i, j, QTableWidgetItem(value))
        self.rejections.resizeColumnToContents(0)
        self.rejections.resizeColumnToContents(1)
        self.commit_button.setEnabled(report.new > 0)
        self.commit_button.setText(self.tr("Create {0} payments").format(report.new))

    def _failed(self, err: BaseException) -> None:
        self.summary.setText(error_text(err))
        self.commit_button.setEnabled(False)

    def _committed(self, report: PaymentImportReport) -> None:
        self.result = report
        numbers = report.vouchers
        text = self.tr("{0} payments created.").format(len(numbers))
        if numbers:
            text += " " + self.tr("Voucher numbers {0} to {1}.").format(numbers[0], numbers[-1])
        if report.rejected:
            text += " " + self.tr("Rows with problems were left out (listed below).")
        self.summary.setText(text)
        self.print_button.setEnabled(bool(numbers))
        for widget in (self.occasion, self.check_button, *self.fields.widgets()):
            widget.setEnabled(False)

    # -- slots ------------------------------------------------------------------------------------
    def _on_check_button_clicked(self) -> None:
        self.check()

    def _on_options_changed(self, *_args) -> None:
        if self.report is not None and self.result is None:
            self.commit_button.setEnabled(False)
            self.summary.setText(self.tr("The occasion or date changed: check the list again."))

    def _on_commit_button_clicked(self) -> None:
        options, checked = self.options(), self._checked_options
        if checked is None or (options.occasion, options.paid_on) != (checked.occasion,
                                                                      checked.paid_on):
            self._on_options_changed()
            return
        path = self.path
        self.commit_button.setEnabled(False)
        self.ops.write(lambda s, progress, cancelled: import_payment_file(
            s, path=path, options=options, progress=progress, cancelled=cancelled),
            changes={"payments"}, parent=self) \
            .with_progress(self.tr("Creating the payments…"), self) \
            .success(self._committed).failure(self._commit_failed).run()

    def _commit_failed(self, err: BaseException) -> None:
        self.summary.setText(error_text(err))
        self.commit_button.setEnabled(True)

    def _on_print_button_clicked(self) -> None:
        if self.result is not None:
            self.print_requested.emit(list(self.result.vouchers))
