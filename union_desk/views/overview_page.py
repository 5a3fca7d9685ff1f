"""The body of 年度概况, built the first time the tab is shown (not at start-up): the figures
beside last year's with the change, at the city office the township table, and the charts.
A click on a figure's row or a bar emits its `Link` (models/overview.py); the main window opens
the list behind it (views/overview_links.py)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QHeaderView, QLabel, QScrollArea,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from union_desk.domain.money import format_fen
from union_desk.models.overview import Chart, Figure
from union_desk.services.year_overview import YearOverview
from union_desk.views.charts import BarChart
from union_desk.views.tables import list_table

UP, DOWN = QColor("#1b7f3b"), QColor("#b3261e")
MISSING_BG = QColor("#fff4e0")


def _fixed_height(table: QTableWidget) -> None:
    """The whole table shown, no scroll bar of its own: the page scrolls."""
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    height = table.horizontalHeader().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(height + 2)


class OverviewPage(QScrollArea):
    link_activated = Signal(object)  # a models.overview.Link

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("overviewPage")
        self.setWidgetResizable(True)
        self.view: YearOverview | None = None
        inner = QWidget(self)
        self.table = list_table(inner, "overviewTable", ["", "", "", ""])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setToolTip(self.tr("Click a figure to open the list behind it"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.townships = list_table(inner, "overviewTownships", [])
        self.townships.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.townships.hide()
        self.charts_box = QWidget(inner)
        self.grid = QGridLayout(self.charts_box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.charts: dict[str, BarChart] = {}
        note = QLabel(self.tr(
            "New unions count by founding date, new members by joining date; money counts issued "
            "payments only (voided ones are left out). Households helped: files paid hardship "
            "help in the year. Click a figure or a bar to open the list behind it."), inner)
        note.setWordWrap(True)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.table)
        layout.addWidget(self.townships)
        layout.addWidget(self.charts_box)
        layout.addWidget(note)
        layout.addStretch(1)
        self.setWidget(inner)
        self.table.cellClicked.connect(self._on_table_cell_clicked)
        self.table.activated.connect(lambda index: self._on_table_cell_clicked(index.row(), 0))

    # -- names in the window's language (the service words them in Chinese for the report) ------
    def figure_label(self, figure: Figure) -> str:
        labels = {
            "unions_new": self.tr("New grassroots unions"),
            "unions_on_roll": self.tr("Grassroots unions on roll"),
            "members_new": self.tr("New members"),
            "members_on_roll": self.tr("Members on roll (year end)"),
            "hardship_households": self.tr("Hardship households supported"),
            "hardship_payments": self.tr("Hardship payments"),
            "hardship_amount": self.tr("Hardship money paid"),
            "medical_cases": self.tr("Medical mutual aid"),
            "medical_amount": self.tr("Medical mutual aid paid"),
            "epidemic_people": self.tr("Front-line epidemic workers visited"),
            "epidemic_amount": self.tr("Front-line epidemic money paid"),
            "trip_buses": self.tr("Spring Festival buses home"),
            "trip_registered": self.tr("Registered for the buses"),
            "trip_carried": self.tr("Carried home by bus"),
            "stations_new": self.tr("New rest stations"),
            "stations_in_service": self.tr("Rest stations in use (year end)"),
            "people_served": self.tr("Visits to rest stations"),
        }
        return labels.get(figure.key, figure.label)

    def chart_title(self, chart: Chart) -> str:
        titles = {
            "members_on_roll": self.tr("Members on roll (month end)"),
            "members_new": self.tr("New members by month of joining"),
            "payments_month": self.tr("Payments by month (amount; count)"),
            "payments_occasion": self.tr("Payments by occasion (amount; count)"),
            "households_category": self.tr("Households helped, by category"),
            "households_cause": self.tr("Households helped, by main cause"),
            "passengers_province": self.tr("Bus registrations by destination province"),
            "stations_month": self.tr("Rest station visits by month"),
            "townships_members_new": self.tr("New members per township"),
            "townships_hardship": self.tr("Hardship money per township"),
            "townships_carried": self.tr("Carried home by bus, per township"),
            "townships_served": self.tr("Rest station visits per township"),
        }
        return titles.get(chart.key, chart.title)

    def amount(self, figure: Figure, value: int) -> str:
        return format_fen(value) if figure.money else f"{value:,}"

    # -- showing -------------------------------------------------------------------------------
    def show_overview(self, view: YearOverview) -> None:
        self.view = view
        self.table.setHorizontalHeaderLabels([
            self.tr("Work"), str(view.year), str(view.year - 1), self.tr("Change")])
        self.table.setRowCount(len(view.figures))
        for row, figure in enumerate(view.figures):
            cells = [self.figure_label(figure), self.amount(figure, figure.this_year),
                     self.amount(figure, figure.last_year), figure.change_text()]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 3 and figure.change:
                    item.setForeground(UP if figure.change > 0 else DOWN)
                self.table.setItem(row, column, item)
        _fixed_height(self.table)
        self._show_townships(view)
        self._show_charts(view.charts)

    def _show_townships(self, view: YearOverview) -> None:
        if not view.city:
            self.townships.hide()
            return
        self.townships.setColumnCount(len(view.township_columns))
        self.townships.setHorizontalHeaderLabels(view.township_columns)
        self.townships.setRowCount(len(view.township_rows))
        for r, row in enumerate(view.township_rows):
            missing = row[0] in view.missing
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if 0 < c < len(row) - 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if missing:
                    item.setBackground(MISSING_BG)
                self.townships.setItem(r, c, item)
        self.townships.resizeColumnsToContents()
        _fixed_height(self.townships)
        self.townships.show()

    def _show_charts(self, charts: list[Chart]) -> None:
        keys = [c.key for c in charts]
        if keys != list(self.charts):
            for widget in self.charts.values():
                widget.deleteLater()
            self.charts = {}
            for i, chart in enumerate(charts):
                widget = BarChart(self.charts_box, f"chart_{chart.key}")
                widget.bar_activated.connect(
                    lambda index, key=chart.key: self._on_chart_bar_activated(key, index))
                self.grid.addWidget(widget, i // 2, i % 2, Qt.AlignmentFlag.AlignTop)
                self.charts[chart.key] = widget
        for chart in charts:
            self.charts[chart.key].set_chart(chart, self.chart_title(chart))

    # -- slots ---------------------------------------------------------------------------------
    def _on_table_cell_clicked(self, row: int, _column: int) -> None:
        if self.view is not None and 0 <= row < len(self.view.figures):
            link = self.view.figures[row].link
            if link is not None:
                self.link_activated.emit(link)

    def _on_chart_bar_activated(self, key: str, index: int) -> None:
        chart = next(c for c in self.view.charts if c.key == key)
        link = chart.bars[index].link
        if link is not None:
            self.link_activated.emit(link)
