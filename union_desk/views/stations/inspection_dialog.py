"""Record an acceptance (验收) or re-inspection (复验): a result per checklist item, verdict, remarks.
Earlier inspections of the station are listed above the form."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit,
                               QPlainTextEdit, QTableWidgetItem)

from union_desk.domain.station_standard import CHECKLIST
from union_desk.models.stations import InspectionCreate, InspectionKind, InspectionRow, StationRow
from union_desk.services.changes import Change
from union_desk.services.stations import inspections as station_inspections
from union_desk.views.form_dialog import FormDialog
from union_desk.views.stations.dialog import date_edit, from_qdate
from union_desk.views.tables import list_table


class InspectionDialog(FormDialog):
    def __init__(self, ops, station: StationRow, parent=None):
        station_id = station.id
        super().__init__(ops, self.tr("Inspection — {0} {1}").format(station.code, station.name),
                         lambda s, data: station_inspections.record_inspection(s, data=data),
                         {Change.STATIONS, Change.STATION_INSPECTIONS}, parent)
        self.setObjectName("inspectionDialog")
        self.station = station
        self.history = list_table(self, "inspectionHistoryTable", [
            self.tr("Date"), self.tr("Kind"), self.tr("Inspector"), self.tr("Result")])
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setMaximumHeight(130)
        self.layout_.insertWidget(0, self.history)
        self.kind = QComboBox(self)
        self.kind.setObjectName("inspectionKindCombo")
        self.kind.addItem(self.tr("Acceptance (验收)"), InspectionKind.ACCEPTANCE)
        self.kind.addItem(self.tr("Re-inspection (复验)"), InspectionKind.REINSPECTION)
        if station.last_inspection_on is not None:
            self.kind.setCurrentIndex(1)
        self.add_row(self.tr("Kind"), self.kind, "kind")
        self.on = date_edit(self, "inspectionDateEdit")
        self.add_row(self.tr("Date"), self.on, "on")
        self.inspector = QLineEdit(self)
        self.inspector.setObjectName("inspectorEdit")
        self.add_row(self.tr("Inspector(s)"), self.inspector, "inspector")
        self.result_checks: dict[str, QCheckBox] = {}
        self.add_row(self.tr("Items met"), self._results_box(), "results")
        self.verdict = QComboBox(self)
        self.verdict.setObjectName("verdictCombo")
        self.verdict.addItem(self.tr("By the results (all required items met)"), None)
        self.verdict.addItem(self.tr("Passed"), True)
        self.verdict.addItem(self.tr("Failed"), False)
        self.add_row(self.tr("Verdict"), self.verdict, "passed")
        self.fix_by = date_edit(self, "fixByDateEdit", date.today() + timedelta(days=30))
        self.fix_by.setToolTip(self.tr("Kept only when the station fails the inspection"))
        self.add_row(self.tr("Fixes due by (if failed)"), self.fix_by, "fix_by")
        self.remarks = QPlainTextEdit(self)
        self.remarks.setObjectName("remarksEdit")
        self.remarks.setMaximumHeight(70)
        self.add_row(self.tr("Remarks"), self.remarks, "remarks")
        ops.read(lambda s: station_inspections.list_inspections(s, station_id=station_id)) \
            .success(self._show_history).run()

    def _results_box(self) -> QGroupBox:
        box = QGroupBox(self)
        grid = QGridLayout(box)
        for n, item in enumerate(CHECKLIST):
            label = (self.tr("Area ≥ standard ({0} m² here)").format(self.station.area_m2)
                     if item.key == "area" else item.label)
            check = QCheckBox(label, box)
            check.setObjectName(f"result_{item.key}")
            check.setChecked(item.key not in self.station.missing
                             and (item.key == "area" or item.key in self.station.facilities))
            self.result_checks[item.key] = check
            grid.addWidget(check, n // 2, n % 2)
        return box

    def _show_history(self, rows: list[InspectionRow]) -> None:
        self.history.setRowCount(len(rows))
        for i, row in enumerate(rows):
            verdict = self.tr("Passed") if row.passed else self.tr("Failed")
            for j, text in enumerate((f"{row.on:%Y-%m-%d}", row.kind.value, row.inspector,
                                      verdict)):
                self.history.setItem(i, j, QTableWidgetItem(text))
        self.history.resizeColumnsToContents()
        if not rows:
            self.history.hide()
            self.layout_.insertWidget(0, QLabel(self.tr("No inspection yet."), self))

    def payload(self) -> InspectionCreate:
        return InspectionCreate(
            station_id=self.station.id, kind=self.kind.currentData(),
            on=from_qdate(self.on.date()), inspector=self.inspector.text(),
            results={k: c.isChecked() for k, c in self.result_checks.items()},
            passed=self.verdict.currentData(), remarks=self.remarks.toPlainText(),
            fix_by=from_qdate(self.fix_by.date()))
