"""全市汇总: the whole city's year figures, one row per township (missing ones shown as missing)
with a total, saved as Excel or printed as a PDF report; and the voucher check field where a
scanner types a voucher's QR code."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QSpinBox, QVBoxLayout, QWidget)

from union_desk.domain.money import format_fen
from union_desk.services.city.export import export_city_excel, export_city_pdf
from union_desk.services.city.figures import COLUMNS, CityReport, city_report
from union_desk.services.exchange.vouchers import Verdict, VoucherCheck, verify_voucher
from union_desk.views.exchange.table_fill import fill
from union_desk.views.ops import Ops, show_error
from union_desk.views.tables import list_table
from union_desk.views.widgets import make_button

_VERDICT_COLOURS = {Verdict.GENUINE: "#1b7f3b", Verdict.ALTERED: "#b3261e",
                    Verdict.VOIDED: "#b3261e", Verdict.UNKNOWN: "#8a6d00"}


class CityOverviewTab(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("cityOverviewTab")
        self.report: CityReport | None = None
        self.year = QSpinBox(self)
        self.year.setObjectName("cityYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.heading = QLabel(self)
        self.heading.setObjectName("cityHeading")
        self.lines = list_table(self, "cityLines", [self.tr("Work"), self.tr("Whole city")])
        self.lines.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.lines.setMaximumHeight(230)
        self.table = list_table(self, "cityTable", list(COLUMNS))
        excel = make_button(self, "cityExcelButton", self.tr("Save as Excel…"), self._on_excel_clicked)
        pdf = make_button(self, "cityPdfButton", self.tr("Save PDF report…"), self._on_pdf_clicked)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year"), self))
        top.addWidget(self.year)
        top.addWidget(self.heading, 1)
        top.addWidget(excel)
        top.addWidget(pdf)
        self.qr = QLineEdit(self)
        self.qr.setObjectName("voucherQr")
        self.qr.setPlaceholderText(self.tr("Scan a voucher's QR code here (or type it), then Enter"))
        self.verdict = QLabel(self)
        self.verdict.setObjectName("voucherVerdict")
        self.verdict.setWordWrap(True)
        check = QGroupBox(self.tr("Check a paper voucher"), self)
        box = QVBoxLayout(check)
        box.addWidget(self.qr)
        box.addWidget(self.verdict)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.lines)
        layout.addWidget(self.table, 1)
        layout.addWidget(check)
        self._stale = True
        self.year.valueChanged.connect(self._on_year_value_changed)
        self.qr.returnPressed.connect(self._on_qr_return_pressed)
        ops.changed.connect(self._on_ops_changed)

    def title(self) -> str:
        return self.tr("City overview")

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        year = self.year.value()
        self.ops.read(lambda s: city_report(s, year=year)) \
            .latest((id(self), "city")).success(self._show).run()

    def _show(self, report: CityReport) -> None:
        if report.year != self.year.value():
            return
        self.report = report
        missing = len(report.missing)
        self.heading.setText(self.tr("{0}, {1}: {2} of 16 townships reported").format(
            report.city, report.year, 16 - missing))
        fill(self.lines, [list(line) for line in report.total.lines()])
        self.lines.resizeColumnToContents(0)
        fill(self.table, report.table(), right=set(range(1, len(COLUMNS) - 1)))
        self.table.resizeColumnsToContents()

    # -- saving ------------------------------------------------------------------------------
    def ask_save_path(self, caption: str, suggested: str, pattern: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, caption, suggested, pattern)
        return Path(path) if path else None

    def _save(self, writer, caption: str, suffix: str, pattern: str) -> None:
        report = self.report
        if report is None:
            return
        path = self.ask_save_path(caption, f"{report.city}{report.year}年各乡镇汇总{suffix}", pattern)
        if path is None:
            return
        self.ops.read(lambda _s: writer(report, path), parent=self) \
            .success(lambda p: self.heading.setText(self.tr("Saved to {0}").format(p))) \
            .failure(lambda err: show_error(self, err)).run()

    def _on_excel_clicked(self) -> None:
        self._save(export_city_excel, self.tr("Save as Excel"), ".xlsx", self.tr("Excel (*.xlsx)"))

    def _on_pdf_clicked(self) -> None:
        self._save(export_city_pdf, self.tr("Save PDF report"), ".pdf", self.tr("PDF (*.pdf)"))

    # -- voucher check -------------------------------------------------------------------------
    def _on_qr_return_pressed(self) -> None:
        text = self.qr.text()
        if not text.strip():
            return
        self.ops.read(lambda s: verify_voucher(s, text=text)) \
            .latest((id(self), "qr")).success(self._show_check).run()

    def _show_check(self, check: VoucherCheck) -> None:
        parts = [f"{check.verdict.value}：{check.message}"]
        if check.voucher_no:
            parts.append(self.tr("Voucher {0}, {1}").format(check.voucher_no, check.township))
        if check.recipient:
            parts.append(self.tr("Recipient {0}, amount on file {1}, paid on {2}").format(
                check.recipient, format_fen(check.amount_on_file_fen or 0), check.paid_on))
        if check.amount_fen is not None:
            parts.append(self.tr("Amount in the QR code {0}").format(format_fen(check.amount_fen)))
        self.verdict.setText("\n".join(parts))
        self.verdict.setStyleSheet(f"color: {_VERDICT_COLOURS[check.verdict]}; font-weight: bold")
        self.qr.selectAll()

    def _on_year_value_changed(self, _year: int) -> None:
        self.refresh()

    def _on_ops_changed(self, _changes: set) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True
