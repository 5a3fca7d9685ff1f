"""The year-end figures the city office asks for ("335 户, 669,500 元"; medical mutual aid;
front-line visits), and the year's issued payments by occasion."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
                               QLabel, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout)

from union_desk.domain.money import format_fen
from union_desk.services.hardship.stats import Totals, YearFigures, payment_totals, year_figures
from union_desk.services.hardship.payment_search import PaymentFilter
from union_desk.views.ops import Ops
from union_desk.views.tables import list_table


def load_figures(session, year: int) -> tuple[YearFigures, Totals]:
    return (year_figures(session, year=year),
            payment_totals(session, by="occasion", flt=PaymentFilter(year=year)))


class YearFiguresDialog(QDialog):
    def __init__(self, ops: Ops, year: int, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("yearFiguresDialog")
        self.setWindowTitle(self.tr("Hardship support — year figures"))
        self.resize(640, 560)
        self.year = QSpinBox(self)
        self.year.setObjectName("figuresYearSpin")
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year"), self))
        top.addWidget(self.year)
        top.addStretch(1)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, label in (
                ("on_file", self.tr("Household files in 在档/返困")),
                ("hardship", self.tr("Hardship households helped")),
                ("medical", self.tr("Medical mutual-aid subsidies")),
                ("epidemic", self.tr("Front-line workers visited (抗疫)"))):
            value = QLabel("—", self)
            value.setObjectName(f"figure_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.values[key] = value
        self.occasions = list_table(self, "occasionTotals", [
            self.tr("Occasion"), self.tr("Payments"), self.tr("People"), self.tr("Amount")])
        self.occasions.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.occasions.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Issued payments by occasion"), self))
        layout.addWidget(self.occasions, 1)
        layout.addWidget(buttons)
        self.year.valueChanged.connect(self._on_year_value_changed)
        self.refresh()

    def refresh(self) -> None:
        year = self.year.value()
        self.ops.read(lambda s: load_figures(s, year), parent=self) \
            .latest((id(self), "figures")).success(lambda done: self._show(year, *done)).run()

    def _show(self, year: int, f: YearFigures, totals: Totals) -> None:
        if year != self.year.value():
            return
        self.values["on_file"].setText(self.tr("{0} households").format(f.households_on_file))
        self.values["hardship"].setText(self.tr("{0} households, {1} payments, {2}").format(
            f.hardship_households, f.hardship_payments, format_fen(f.hardship_amount_fen)))
        self.values["medical"].setText(self.tr("{0} cases, {1}").format(
            f.medical_cases, format_fen(f.medical_amount_fen)))
        self.values["epidemic"].setText(self.tr("{0} people, {1}").format(
            f.epidemic_people, format_fen(f.epidemic_amount_fen)))
        rows = [*totals.rows, totals.total]
        self.occasions.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, text in enumerate((row.key, str(row.count), str(row.recipients),
                                      format_fen(row.amount_fen))):
                item = QTableWidgetItem(text)
                if j:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.occasions.setItem(i, j, item)

    def _on_year_value_changed(self, _value: int) -> None:
        self.refresh()
