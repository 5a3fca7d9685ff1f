"""A household's page beside the list: the file (sensitive fields masked), its members, visits,
payments and status history."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QTableWidget, QTableWidgetItem, QTabWidget,
                               QVBoxLayout, QWidget)

from union_desk.domain.money import format_fen
from union_desk.models.hardship import HouseholdDetail
from union_desk.models.payment import PaymentRow, VisitRow
from union_desk.services.hardship import households, payments
from union_desk.services.hardship.payment_search import PaymentFilter, list_payments
from union_desk.views.ops import Ops
from union_desk.views.tables import configure_table, list_table
from union_desk.views.widgets import make_button
from union_desk.views.panel import changes_records


def _day(value) -> str:
    return f"{value:%Y-%m-%d}" if value else ""


def load_page(session, household_id: str):
    return (households.get_household(session, household_id=household_id),
            payments.list_visits(session, household_id=household_id),
            list_payments(session, flt=PaymentFilter(household_id=household_id),
                          sort="paid_on", descending=True, limit=None))


class HouseholdPage(QWidget):
    loaded = Signal(object)            # the HouseholdDetail shown (None: cleared)
    visit_requested = Signal()
    medical_requested = Signal()
    print_requested = Signal(list)     # voucher numbers chosen in the payments table

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("householdPage")
        self.household_id: str | None = None
        self.detail: HouseholdDetail | None = None
        self.payment_rows: list[PaymentRow] = []
        self.header = QLabel(self.tr("Choose a household in the list."), self)
        self.header.setObjectName("householdHeader")
        self.header.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.persons = self._table("pagePersonsTable", [
            self.tr("Name"), self.tr("Relation"), self.tr("ID number"), self.tr("Born"),
            self.tr("Monthly income"), self.tr("Health"), self.tr("School")])
        self.visits = self._table("pageVisitsTable", [
            self.tr("Date"), self.tr("Occasion"), self.tr("Visitors"), self.tr("Voucher no."),
            self.tr("Amount"), self.tr("Notes")])
        self.payments = self._table("pagePaymentsTable", [
            self.tr("Voucher no."), self.tr("Paid on"), self.tr("Occasion"), self.tr("Amount"),
            self.tr("Status"), self.tr("Printed")])
        self.history = self._table("pageHistoryTable", [
            self.tr("Date"), self.tr("Status"), self.tr("Reason")])
        for table, label in ((self.persons, self.tr("Members")), (self.visits, self.tr("Visits")),
                             (self.payments, self.tr("Payments")),
                             (self.history, self.tr("History"))):
            self.tabs.addTab(table, label)
        buttons = QHBoxLayout()
        self.visit_button = make_button(self, "visitButton", self.tr("Record a visit…"),
                                        self.request_visit)
        self.medical_button = make_button(self, "medicalButton", self.tr("Medical aid…"),
                                          self.request_medical_aid)
        self.print_button = make_button(self, "pagePrintButton", self.tr("Print chosen vouchers"),
                                        self._on_print_button_clicked)
        for button in (self.visit_button, self.medical_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self._enable(False)

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        return configure_table(list_table(self, name, headers), sortable=False, multi_select=True)


    @changes_records
    def request_visit(self) -> None:
        self.visit_requested.emit()

    @changes_records
    def request_medical_aid(self) -> None:
        self.medical_requested.emit()

    def _enable(self, on: bool) -> None:
        for button in (self.visit_button, self.medical_button, self.print_button):
            button.setEnabled(on)

    # -- loading ----------------------------------------------------------------------------------
    def show_household(self, household_id: str | None) -> None:
        self.household_id = household_id
        if household_id is None:
            self.detail = None
            self.header.setText(self.tr("Choose a household in the list."))
            for table in (self.persons, self.visits, self.payments, self.history):
                table.setRowCount(0)
            self._enable(False)
            self.loaded.emit(None)
            return
        self.ops.read(lambda s: load_page(s, household_id), parent=self) \
            .success(lambda page: self._show(household_id, *page)).run()

    def refresh(self) -> None:
        self.show_household(self.household_id)

    def _show(self, household_id: str, d: HouseholdDetail, visits: list[VisitRow],
              paid: list[PaymentRow]) -> None:
        if household_id != self.household_id:
            return
        self.detail, self.payment_rows = d, paid
        self.header.setText(self._header_html(d))
        self._fill(self.persons, [(p.name, p.relation, str(p.id_number), str(p.birth_year or ""),
                                   format_fen(p.monthly_income_fen), p.health, p.school)
                                  for p in d.persons])
        self._fill(self.visits, [(_day(v.visited_on), v.occasion, v.visitors,
                                  v.payment.voucher_no if v.payment else "",
                                  format_fen(v.payment.amount_fen) if v.payment else "", v.notes)
                                 for v in visits])
        self._fill(self.payments, [(p.voucher_no, _day(p.paid_on), p.occasion,
                                    format_fen(p.amount_fen), p.status.value,
                                    str(p.printed_count) if p.printed_count else "")
                                   for p in paid])
        self._fill(self.history, [(_day(e.on), e.status.value, e.reason) for e in d.history])
        self._enable(True)
        self.loaded.emit(d)

    def _fill(self, table: QTableWidget, rows: list[tuple]) -> None:
        table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                table.setItem(i, j, QTableWidgetItem(text))
        table.resizeColumnsToContents()

    def _header_html(self, d: HouseholdDetail) -> str:
        category = d.category.value
        if d.suggested_category != d.category:
            suggested = d.suggested_category.value if d.suggested_category else self.tr("none")
            category += " " + self.tr("(suggested: {0}; reason: {1})").format(
                suggested, d.category_reason or "—")
        causes = "、".join(dict.fromkeys(
            c for c in (d.main_cause, *d.secondary_causes.split("、")) if c.strip()))
        pairs = [
            (self.tr("Category"), category),
            (self.tr("Status"), self.tr("{0} since {1}").format(d.status.value,
                                                                _day(d.status_date))),
            (self.tr("Causes"), causes), (self.tr("Health"), d.health_status),
            (self.tr("Disability"), d.disability_type), (self.tr("Work"), d.work_status),
            (self.tr("Income"), self.tr("{0} persons, {1}/month, {2} per head").format(
                d.person_count, format_fen(d.income_total_fen),
                format_fen(d.income_per_head_fen))),
            (self.tr("Housing"), d.housing),
            (self.tr("Bank"), f"{d.bank_name} {d.bank_account}".strip()),
            (self.tr("Last review"), _day(d.reviewed_on)),
        ]
        cells = [f'<td style="color:#555">{escape(k)}</td><td>{escape(v or "—")}</td>'
                 for k, v in pairs]
        rows = "".join(f"<tr>{cells[i]}<td width=12></td>{cells[i + 1]}</tr>"
                       for i in range(0, len(cells), 2))
        return (f"<b>{escape(d.member_name)}</b>&nbsp;&nbsp;{d.member_id_number}"
                f"&nbsp;&nbsp;{escape(d.union_name)}"
                f"<table cellspacing=2 cellpadding=1>{rows}</table>")

    def selected_voucher_numbers(self) -> list[str]:
        rows = sorted({i.row() for i in self.payments.selectionModel().selectedRows()})
        return [self.payment_rows[r].voucher_no for r in rows]

    # -- slots ------------------------------------------------------------------------------------
    def _on_print_button_clicked(self) -> None:
        numbers = self.selected_voucher_numbers()
        if numbers:
            self.print_requested.emit(numbers)
        else:  # show where to choose them
            self.tabs.setCurrentWidget(self.payments)
