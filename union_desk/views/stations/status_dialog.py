"""Change a station's status (在用 / 暂停 / 关闭) with date and reason; its history is listed."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableWidgetItem

from union_desk.models.stations import StationRow, StationStatus, StationStatusEventRow
from union_desk.services.changes import Change
from union_desk.services.stations import registry as stations
from union_desk.views.form_dialog import FormDialog
from union_desk.views.stations.dialog import date_edit, from_qdate
from union_desk.views.tables import list_table


class StationStatusDialog(FormDialog):
    def __init__(self, ops, station: StationRow, parent=None):
        station_id = station.id
        super().__init__(ops, self.tr("Change status — {0} {1}").format(station.code, station.name),
                         lambda s, p: stations.change_status(s, station_id=station_id, **p),
                         {Change.STATIONS}, parent)
        self.setObjectName("stationStatusDialog")
        self.history = list_table(self, "statusHistoryTable",
                                  [self.tr("Date"), self.tr("Status"), self.tr("Reason")])
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setMaximumHeight(130)
        self.layout_.insertWidget(0, self.history)
        self.add_row(self.tr("Current status"), QLabel(station.status.value, self))
        self.status = QComboBox(self)
        self.status.setObjectName("stationStatusCombo")
        labels = {StationStatus.IN_SERVICE: self.tr("In service (在用)"),
                  StationStatus.SUSPENDED: self.tr("Suspended (暂停)"),
                  StationStatus.CLOSED: self.tr("Closed (关闭) — stays on record, not reopened")}
        for status, label in labels.items():
            if status != station.status:
                self.status.addItem(label, status)
        self.add_row(self.tr("New status"), self.status, "status")
        self.on = self.add_row(self.tr("Date"), date_edit(self, "statusDateEdit"), "on")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("statusReasonEdit")
        self.add_row(self.tr("Reason"), self.reason, "reason")
        ops.read(lambda s: stations.status_history(s, station_id=station_id)) \
            .success(self._show_history).run()

    def _show_history(self, events: list[StationStatusEventRow]) -> None:
        self.history.setRowCount(len(events))
        for i, event in enumerate(events):
            for j, text in enumerate((f"{event.on:%Y-%m-%d}", event.status.value, event.reason)):
                self.history.setItem(i, j, QTableWidgetItem(text))
        self.history.resizeColumnsToContents()

    def payload(self) -> dict:
        return dict(status=self.status.currentData(), on=from_qdate(self.on.date()),
                    reason=self.reason.text())
