"""Figures for rest stations: stations by status, facilities coverage, people served per month."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QSpinBox, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from union_desk.models.stations import WORKER_KINDS, StationStatus
from union_desk.services.stations import stats as station_stats
from union_desk.services.stations.stats import StationFigures
from union_desk.views.ops import Ops
from union_desk.views.tables import list_table
from union_desk.views.window_state import fit_to_screen


def _table(parent, name: str, headers: list[str], rows: int) -> QTableWidget:
    table = list_table(parent, name, headers, rows=rows)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _set(table: QTableWidget, row: int, values: list, bold: bool = False) -> None:
    for column, value in enumerate(values):
        item = QTableWidgetItem(str(value))
        if isinstance(value, (int, float)) or str(value).endswith("%"):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        table.setItem(row, column, item)


class StationFiguresDialog(QDialog):
    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("stationFiguresDialog")
        self.setWindowTitle(self.tr("Rest station figures"))
        fit_to_screen(self, 980, 700)  # smaller on a laptop screen
        self.year = QSpinBox(self)
        self.year.setObjectName("figuresYearSpin")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.summary = QLabel(self)
        self.summary.setObjectName("figuresSummary")
        self.status_table = _table(self, "statusFigures", [self.tr("Status"), self.tr("Stations")],
                                   len(StationStatus))
        self.coverage_table = _table(self, "coverageFigures",
                                     [self.tr("Item"), self.tr("Required"),
                                      self.tr("Stations having it"), self.tr("Coverage")], 0)
        self.served_table = _table(self, "servedFigures",
                                   [self.tr("Month")] + [label for _, label in WORKER_KINDS]
                                   + [self.tr("Total")], 13)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year"), self))
        top.addWidget(self.year)
        top.addWidget(self.summary, 1)
        grid = QGridLayout()
        grid.addWidget(self._group(self.tr("Stations by status"), self.status_table), 0, 0)
        grid.addWidget(self._group(self.tr("Facilities coverage (stations in service)"),
                                   self.coverage_table), 0, 1)
        grid.setColumnStretch(1, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        layout.addWidget(self._group(self.tr("People served per month"), self.served_table), 2)
        layout.addWidget(buttons)
        self.year.valueChanged.connect(self._on_year_value_changed)
        self.load()

    def _group(self, title: str, widget) -> QGroupBox:
        box = QGroupBox(title, self)
        QVBoxLayout(box).addWidget(widget)
        return box

    def load(self) -> None:
        year = self.year.value()
        self.ops.read(lambda s: station_stats.station_figures(s, year=year)) \
            .success(self._show).run()

    def _show(self, figures: StationFigures) -> None:
        if figures.year != self.year.value():
            return
        total = sum(figures.by_status.values())
        self.summary.setText(self.tr(
            "{0} stations on record; {1} registered in {2}; {3} in service meet the whole "
            "standard; {4} people served in {2}.").format(
            total, figures.new_in_year, figures.year, figures.up_to_standard,
            figures.served_total))
        for row, (status, count) in enumerate(figures.by_status.items()):
            _set(self.status_table, row, [status.value, count])
        self.coverage_table.setRowCount(len(figures.coverage))
        for row, c in enumerate(figures.coverage):
            _set(self.coverage_table, row, [c.label, self.tr("Yes") if c.required else "",
                                            f"{c.have} / {c.of}", f"{c.percent:.0f}%"])
        sums = [0] * len(WORKER_KINDS)
        for row, month in enumerate(figures.served):
            values = [month.counts[k] for k, _ in WORKER_KINDS]
            sums = [a + b for a, b in zip(sums, values)]
            _set(self.served_table, row, [f"{month.month:%Y-%m}"] + values + [month.total])
        _set(self.served_table, 12, [self.tr("Year")] + sums + [sum(sums)], bold=True)

    def _on_year_value_changed(self, _year: int) -> None:
        self.load()
