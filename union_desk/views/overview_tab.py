"""年度概况: the year's figures beside the year before, with charts, for a township — or at the
city office for the whole city with one bar per township — gathered off the GUI thread, and the
year-end report to print (A4 PDF, previewed) or to save as Excel.

Start-up cost: the page (charts, tables) and the services behind it are imported the first time
the tab is shown; until then the tab is the year box and two buttons."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from union_desk.views.ops import Ops, show_error
from union_desk.views.panel import Panel
from union_desk.views.tab_titles import tab_title
from union_desk.views.widgets import make_button


def _gather(session, year: int):
    from union_desk.services.overview.gather import overview

    return overview(session, year=year)


class OverviewTab(Panel):
    link_activated = Signal(object)  # a models.overview.Link: the list behind a figure or bar

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(ops, "overviewTab", parent)
        self.view = None       # the YearOverview shown
        self.page = None       # views/overview_page.OverviewPage, made when first shown
        self.preview = None    # the report's preview, once opened
        self.year = QSpinBox(self)
        self.year.setObjectName("overviewYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.heading = QLabel(self)
        self.heading.setObjectName("overviewHeading")
        year_label = QLabel(self.tr("&Year"), self)
        year_label.setBuddy(self.year)
        self.print_button = make_button(self, "printYearReportButton",
                                        self.tr("Print year report… (Ctrl+P)"), self.print_report)
        self.excel_button = make_button(self, "yearReportExcelButton",
                                        self.tr("Save as Excel…"), self.save_excel)
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addWidget(self.heading, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.excel_button)
        self.body = QVBoxLayout(self)
        self.body.addLayout(top)
        self._stale = True  # figures are gathered when the tab is shown, not at start-up
        self.year.valueChanged.connect(self._on_year_value_changed)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_report)

    def title(self) -> str:
        """年度概况; at the city office 全市汇总: the city's figures with the township table —
        its one place (the voucher check is a tab of its own, views/exchange/voucher_check.py)."""
        return tab_title("overviewTab", city=self.ops.context.city)

    @property
    def report(self):
        """The year's YearReport shown (None before the first figures arrive)."""
        return self.view.report if self.view is not None else None

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.page is None:
            from union_desk.views.overview_page import OverviewPage

            self.page = OverviewPage(self)
            self.page.link_activated.connect(self.link_activated)
            self.body.addWidget(self.page, 1)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        year = self.year.value()
        self.heading.setText(self.tr("Gathering the figures…"))
        self.ops.read(lambda s: _gather(s, year)) \
            .latest((id(self), "overview")).success(self._show).run()

    def _show(self, view) -> None:
        if view.year != self.year.value():
            return  # the clerk has moved on to another year
        self.view = view
        heading = self.tr("{0}, {1}, beside {2}").format(view.place, view.year, view.year - 1)
        if view.city:
            heading += self.tr(" — {0} of 16 townships reported").format(16 - len(view.missing))
        self.heading.setText(heading)
        if self.page is not None:
            self.page.show_overview(view)

    # -- the year-end report --------------------------------------------------------------------
    def _suggested(self, suffix: str) -> str:
        place = self.view.place if self.view is not None else ""
        return f"{place}{self.year.value()}年度工作报告{suffix}"

    def print_report(self) -> None:
        """The A4 report (figures, last year's column, charts, signature line), previewed."""
        from union_desk.services.overview.export import year_report_pdf

        year = self.year.value()
        self.ops.read(lambda s, progress, cancelled: year_report_pdf(s, year=year), parent=self) \
            .with_progress(self.tr("Making the year report…"), self) \
            .success(self._show_preview).failure(lambda err: show_error(self, err)).run()

    def _show_preview(self, pdf: bytes) -> None:
        from union_desk.views.pdf_preview import PdfPreviewDialog

        self.preview = PdfPreviewDialog(self.ops, pdf, self.tr("Year report"),
                                        self._suggested(".pdf"), self)
        self._open(self.preview)

    def save_excel(self) -> None:
        from union_desk.services.overview.export import year_report_excel

        path = self.ask_excel_path()
        if path is None:
            return
        year = self.year.value()
        self.ops.read(lambda s: year_report_excel(s, year=year, path=path), parent=self) \
            .success(lambda p: self.heading.setText(self.tr("Saved to {0}").format(p))) \
            .failure(lambda err: show_error(self, err)).run()

    def ask_excel_path(self) -> Path | None:
        return self.save_file_dialog(self.tr("Save the year report as Excel"),
                                     self._suggested(".xlsx"), self.excel_pattern())

    # -- slots -----------------------------------------------------------------------------------
    def _on_year_value_changed(self, _year: int) -> None:
        self.refresh()

    def _on_ops_changed(self, _changes: set) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True
