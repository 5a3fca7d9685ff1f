"""An employer's Excel list into a campaign: check every row, show each rejected row, then
import the valid ones in one transaction (or cancel)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from union_desk.services.trips_import import (check_trips_file, commit_trips_import,
                                              save_rejections)
from union_desk.views.ops import Ops, error_text


class TripsImportDialog(QDialog):
    def __init__(self, ops: Ops, campaign_id: str, path: Path, parent=None):
        super().__init__(parent)
        self.ops, self.campaign_id, self.path = ops, campaign_id, path
        self.plan = None
        self.report = None
        self.setObjectName("tripsImportDialog")
        self.setWindowTitle(self.tr("Import registrations — {0}").format(path.name))
        self.resize(760, 520)
        self.summary = QLabel(self.tr("Checking every row…"), self)
        self.summary.setObjectName("tripsImportSummary")
        self.summary.setWordWrap(True)
        self.rejections = QTableWidget(0, 3, self)
        self.rejections.setObjectName("tripsRejectionTable")
        self.rejections.setHorizontalHeaderLabels(
            [self.tr("Excel row"), self.tr("Field"), self.tr("Reason")])
        self.rejections.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.rejections.verticalHeader().setVisible(False)
        self.save_button = self._button("tripsSaveRejectionsButton",
                                        self.tr("Save rejected rows…"),
                                        self._on_save_button_clicked)
        self.commit_button = self._button("tripsCommitImportButton",
                                          self.tr("Import the valid rows"),
                                          self._on_commit_button_clicked)
        self.cancel_button = self._button("tripsCancelImportButton", self.tr("Cancel"), self.reject)
        for button in (self.save_button, self.commit_button):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.commit_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.rejections)
        layout.addLayout(buttons)
        self._check()

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _check(self) -> None:
        path, campaign_id = self.path, self.campaign_id
        self.ops.read(lambda s, progress, cancelled: check_trips_file(
            s, campaign_id=campaign_id, path=path, progress=progress, cancelled=cancelled),
            parent=self) \
            .with_progress(self.tr("Checking {0}…").format(path.name), self) \
            .success(self._checked).failure(self._failed).run()

    def _checked(self, plan) -> None:
        self.plan = plan
        report = plan.report()
        self.summary.setText(
            self.tr("{0} rows: {1} new, {2} updated, {3} unchanged, {4} rejected.").format(
                report.rows, report.new, report.updated, report.unchanged, len(report.rejected)))
        self.rejections.setRowCount(len(report.rejected))
        for i, rejection in enumerate(report.rejected):
            for j, value in enumerate((str(rejection.row), rejection.field, rejection.reason)):
                self.rejections.setItem(i, j, QTableWidgetItem(value))
        self.rejections.resizeColumnToContents(0)
        self.rejections.resizeColumnToContents(1)
        self.save_button.setEnabled(bool(report.rejected))
        self.commit_button.setEnabled(report.new + report.updated > 0)

    def _failed(self, err: BaseException) -> None:
        self.summary.setText(error_text(err))
        self.commit_button.setEnabled(False)

    # -- dialogs (methods, so tests can replace them) -------------------------------------------
    def ask_save_path(self) -> Path | None:
        default = str(self.path.with_name(self.path.stem + "-未导入行.xlsx"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save rejected rows"), default,
                                              self.tr("Excel workbook (*.xlsx)"))
        return Path(path) if path else None

    # -- slots ------------------------------------------------------------------------------------
    def _on_save_button_clicked(self) -> None:
        dest = self.ask_save_path()
        if dest is None or self.plan is None:
            return
        report = self.plan.report()
        self.ops.read(lambda _s: save_rejections(report, dest), parent=self) \
            .success(lambda p: self.summary.setText(
                self.summary.text() + "\n" + self.tr("Rejected rows saved to {0}").format(p))) \
            .run()

    def _on_commit_button_clicked(self) -> None:
        plan, campaign_id = self.plan, self.campaign_id
        self.commit_button.setEnabled(False)
        self.ops.write(lambda s, progress, cancelled: commit_trips_import(
            s, campaign_id=campaign_id, plan=plan, progress=progress, cancelled=cancelled),
            changes={"trips"}, parent=self) \
            .with_progress(self.tr("Importing…"), self) \
            .success(self._committed).failure(self._failed).run()

    def _committed(self, report) -> None:
        self.report = report
        self.summary.setText(self.tr("Imported: {0} new, {1} updated, {2} unchanged.").format(
            report.new, report.updated, report.unchanged))
        self.cancel_button.setText(self.tr("Close"))
