"""Monthly service counts for one station: a year's grid (months × kinds of worker) with totals.
Only the months the clerk changed are saved, all in one transaction."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QSpinBox, QTableWidget, QTableWidgetItem

from union_desk.models.stations import WORKER_KINDS, ServiceCountRow, StationRow
from union_desk.services.changes import Change
from union_desk.services.stations import service_counts as station_service_counts
from union_desk.views.form_dialog import FormDialog

KEYS = [k for k, _ in WORKER_KINDS]


def _save(session, station_id: str, months: dict[date, dict[str, int]]) -> int:
    for month, counts in sorted(months.items()):
        station_service_counts.set_month_counts(session, station_id=station_id, month=month,
                                                counts=counts)
    return len(months)


class ServiceCountsDialog(FormDialog):
    def __init__(self, ops, station: StationRow, parent=None):
        station_id = station.id
        super().__init__(ops, self.tr("People served — {0} {1}").format(station.code, station.name),
                         lambda s, months: _save(s, station_id, months),
                         {Change.STATIONS, Change.STATION_COUNTS}, parent)
        self.setObjectName("serviceCountsDialog")
        self.station = station
        self._dirty: set[int] = set()
        self._loading = False
        self.year = QSpinBox(self)
        self.year.setObjectName("countsYearSpin")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.add_row(self.tr("Year"), self.year)
        self.grid = QTableWidget(13, len(KEYS) + 1, self)
        self.grid.setObjectName("countsGrid")
        self.grid.setHorizontalHeaderLabels([label for _, label in WORKER_KINDS]
                                            + [self.tr("Total")])
        self.grid.setVerticalHeaderLabels([self.tr("Month {0}").format(m) for m in range(1, 13)]
                                          + [self.tr("Year")])
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.setMinimumSize(620, 420)
        self.layout_.insertWidget(1, self.grid)
        self.hint = QLabel(self.tr("Type the number of people served; empty cells count 0."), self)
        self.layout_.insertWidget(2, self.hint)
        self.grid.itemChanged.connect(self._on_grid_item_changed)
        self.year.valueChanged.connect(self._on_year_value_changed)
        self.load()

    def load(self) -> None:
        station_id, year = self.station.id, self.year.value()
        self.ops.read(lambda s: station_service_counts.station_year(
            s, station_id=station_id, year=year)).success(self._show).run()

    def _show(self, rows: list[ServiceCountRow]) -> None:
        self._loading = True
        self._dirty.clear()
        for i, row in enumerate(rows):
            for j, key in enumerate(KEYS):
                item = QTableWidgetItem(str(row.counts[key]) if row.counts[key] else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.grid.setItem(i, j, item)
        self._loading = False
        self._totals()

    def _cell(self, row: int, column: int) -> int:
        item = self.grid.item(row, column)
        text = item.text().strip() if item else ""
        if not text:
            return 0
        if not text.isdigit():
            raise ValueError(self.tr("Month {0}, {1}: “{2}” is not a whole number").format(
                row + 1, WORKER_KINDS[column][1], text))
        return int(text)

    def _totals(self) -> None:
        self._loading = True
        sums = [0] * len(KEYS)
        for i in range(12):
            values = [self._safe(i, j) for j in range(len(KEYS))]
            sums = [a + b for a, b in zip(sums, values)]
            self._readonly(i, len(KEYS), str(sum(values)))
        for j, value in enumerate(sums + [sum(sums)]):
            self._readonly(12, j, str(value))
        self._loading = False

    def _safe(self, row: int, column: int) -> int:
        try:
            return self._cell(row, column)
        except ValueError:
            return 0

    def _readonly(self, row: int, column: int, text: str) -> None:
        item = QTableWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.grid.setItem(row, column, item)

    def set_count(self, month: int, key: str, value: int) -> None:
        """Type one cell (as the clerk would); for tests and keyboard entry alike."""
        self.grid.item(month - 1, KEYS.index(key)).setText(str(value))

    def payload(self) -> dict[date, dict[str, int]]:
        year = self.year.value()
        return {date(year, i + 1, 1): {key: self._cell(i, j) for j, key in enumerate(KEYS)}
                for i in sorted(self._dirty)}

    # -- slots --------------------------------------------------------------------------------------
    def _on_grid_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.row() >= 12 or item.column() >= len(KEYS):
            return
        self._dirty.add(item.row())
        self._totals()

    def _on_year_value_changed(self, _year: int) -> None:
        self.load()
