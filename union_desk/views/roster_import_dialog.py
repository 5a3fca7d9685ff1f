"""Roster import: check every row first, show each rejected row, then import the valid ones."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from union_desk.services.roster_import import (check_roster_file, commit_roster_import,
                                               save_rejections)
from union_desk.views.ops import Ops


class RosterImportDialog(QDialog):
    def __init__(self, ops: Ops, path: Path, parent=None):
        super().__init__(parent)
        self.ops, self.path = ops, path
        self.plan = None
        self.report = None
        self.setObjectName("rosterImportDialog")
        self.setWindowTitle(self.tr("Import roster — {0}").format(path.name))
        self.resize(760, 520)
        self.summary = QLabel(self.tr("Checking every row…"), self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.rejections = QTableWidget(0, 3, self)
        self.rejections.setObjectName("rejectionTable")
        self.rejections.setHorizontalHeaderLabels(
            [self.tr("Excel row"), self.tr("Field"), self.tr("Reason")])
        self.rejections.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.rejections.verticalHeader().setVisible(False)
        self.save_button = self._button("saveRejectionsButton", self.tr("Save rejected rows…"),
                                        self._on_save_button_clicked)
        self.commit_button = self._button("commitImportButton", self.tr("Import the valid rows"),
                                          self._on_commit_button_clicked)
        self.cancel_button = self._button("cancelImportButton", self.tr("Cancel"), self.reject)
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
        path = self.path
        self.ops.read(lambda s, progress, cancelled: check_roster_file(
            s, path=path, progress=progress, cancelled=cancelled), parent=self) \
            .with_progress(self.tr("Checking {0}…").format(path.name), self) \
            .success(self._checked).failure(self._failed).run()

    def _checked(self, plan) -> None:
        self.plan = plan
        data = plan.to_json()
        text = self.tr("{0} rows: {1} new, {2} updated, {3} unchanged, {4} rejected.").format(
            data["rows"], data["new"], data["updated"], data["unchanged"], len(data["rejected"]))
        if data["unions_created"]:
            text += "\n" + self.tr("Unions to be created: {0}").format("、".join(data["unions_created"]))
        self.summary.setText(text)
        rows = plan.rejected
        self.rejections.setRowCount(len(rows))
        for i, rejection in enumerate(rows):
            for j, value in enumerate((str(rejection.row), rejection.field, rejection.reason)):
                self.rejections.setItem(i, j, QTableWidgetItem(value))
        self.rejections.resizeColumnToContents(0)
        self.rejections.resizeColumnToContents(1)
        self.save_button.setEnabled(bool(rows))
        self.commit_button.setEnabled(data["new"] + data["updated"] > 0)

    def _failed(self, err: BaseException) -> None:
        from union_desk.views.ops import error_text

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
        plan = self.plan
        self.ops.read(lambda _s: save_rejections(plan, dest), parent=self) \
            .success(lambda p: self.summary.setText(
                self.summary.text() + "\n" + self.tr("Rejected rows saved to {0}").format(p))).run()

    def _on_commit_button_clicked(self) -> None:
        plan = self.plan
        self.commit_button.setEnabled(False)
        self.ops.write(lambda s, progress, cancelled: commit_roster_import(
            s, plan=plan, progress=progress, cancelled=cancelled),
            changes={"members", "unions"}, parent=self) \
            .with_progress(self.tr("Importing…"), self) \
            .success(self._committed).failure(self._failed).run()

    def _committed(self, report) -> None:
        self.report = report
        data = report.to_json()
        self.summary.setText(self.tr("Imported: {0} new, {1} updated, {2} unchanged.").format(
            data["new"], data["updated"], data["unchanged"]))
        self.cancel_button.setText(self.tr("Close"))
