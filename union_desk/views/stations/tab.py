"""爱心驿家: the township's rest stations for outdoor workers — list with what each misses of the
standard and when it is next due for inspection; register, inspect, count, print."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QMenu,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from union_desk.models.stations import StationRow, StationStatus
from union_desk.services.changes import Change
from union_desk.services.stations import printing as station_print, registry as stations
from union_desk.views.search_keys import SearchKeys
from union_desk.views.ops import Ops
from union_desk.views.panel import Panel, changes_records
from union_desk.views.stations.counts_dialog import ServiceCountsDialog
from union_desk.views.stations.dialog import StationDialog
from union_desk.views.stations.figures import StationFiguresDialog
from union_desk.views.stations.inspection_dialog import InspectionDialog
from union_desk.views.stations.model import COL_MISSING, COL_NAME, StationsModel
from union_desk.views.stations.photos_dialog import StationPhotosDialog
from union_desk.views.pdf_preview import PdfPreviewDialog
from union_desk.views.stations.standard_dialog import StationStandardDialog
from union_desk.views.stations.status_dialog import StationStatusDialog
from union_desk.views.stations.subsidy_dialog import StationSubsidyDialog
from union_desk.views.tables import configure_table, fit_columns, select_first
from union_desk.views.widgets import make_button
from union_desk.views.tab_titles import tab_title

REFRESH_ON = {Change.STATIONS, Change.STATION_INSPECTIONS, Change.STATION_COUNTS}


class StationsTab(Panel):
    loaded = Signal(int)                # rows shown, after each refresh
    preview_opened = Signal(object)     # the PdfPreviewDialog

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(ops, "stationsTab", parent)
        self.unions: list[tuple[str, str]] = []
        self.last_preview: PdfPreviewDialog | None = None
        self.model = StationsModel(self)
        self._build()
        self.refresh_unions()
        self.refresh()

    def title(self) -> str:
        return tab_title("stationsTab")

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("stationSearch")
        self.search.setPlaceholderText(self.tr("Search by name, pinyin initials, code or "
                                               "address — Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("stationStatusFilter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in StationStatus:
            self.status_filter.addItem(status.value, status)
        self.missing_only = QCheckBox(self.tr("Below standard"), self)
        self.missing_only.setObjectName("missingOnlyCheck")
        self.due_only = QCheckBox(self.tr("Due for inspection"), self)
        self.due_only.setObjectName("dueOnlyCheck")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("stationCount")
        top = QHBoxLayout()
        for widget in (self.search, self.status_filter, self.missing_only, self.due_only,
                       self.count_label):
            top.addWidget(widget, 3 if widget is self.search else 0)

        self.table = QTableView(self)
        self.table.setObjectName("stationTable")
        self.table.setModel(self.model)
        # Qt's first sort indicator (descending), as this list always had it
        configure_table(self.table)
        self.table.doubleClicked.connect(self._on_table_double_clicked)

        buttons = QHBoxLayout()
        for name, text, slot in (
                ("newStationButton", self.tr("Register (Ctrl+N)"), self.new_station),
                ("editStationButton", self.tr("Edit"), self.edit_station),
                ("inspectionButton", self.tr("Inspection…"), self.record_inspection),
                ("countsButton", self.tr("People served…"), self.enter_counts),
                ("stationStatusButton", self.tr("Status…"), self.change_status),
                ("photosButton", self.tr("Photos…"), self.show_photos),
                ("subsidiesButton", self.tr("Subsidies…"), self.show_subsidies)):
            buttons.addWidget(make_button(self, name, text, slot))
        buttons.addStretch(1)
        self.print_button = QPushButton(self.tr("Print (Ctrl+P)"), self)
        self.print_button.setObjectName("printStationButton")
        menu = QMenu(self.print_button)
        for form, text in ((station_print.StationForm.FORM, self.tr("Registration form")),
                           (station_print.StationForm.SIGN, self.tr("Door sign")),
                           (station_print.StationForm.INSPECTION,
                            self.tr("Latest inspection record"))):
            action = menu.addAction(text)
            action.setObjectName(f"print_{form.value}")
            action.triggered.connect(lambda _c=False, f=form: self.print_station(f))
        self.print_button.setMenu(menu)
        buttons.addWidget(self.print_button)
        buttons.addWidget(make_button(self, "figuresButton", self.tr("Figures…"),
                                      self.show_figures))
        buttons.addWidget(make_button(self, "standardButton", self.tr("Standard…"),
                                      self.edit_standard))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self._on_search_text_changed)
        self.status_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.missing_only.toggled.connect(self._on_filter_changed)
        self.due_only.toggled.connect(self._on_filter_changed)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_station)
        SearchKeys(self.search, self.table, self.edit_station)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_button.showMenu)


    # -- loading -----------------------------------------------------------------------------------
    def query(self) -> dict:
        return dict(status=self.status_filter.currentData(), search=self.search.text(),
                    missing_only=self.missing_only.isChecked(),
                    due_by=date.today() if self.due_only.isChecked() else None)

    def refresh(self) -> None:
        query = self.query()
        self.ops.read(lambda s: stations.list_stations(s, **query)) \
            .latest((id(self), "stations")).success(lambda rows: self._show(query, rows)).run()

    def _show(self, query: dict, rows: list[StationRow]) -> None:
        if query != self.query():
            return  # the clerk changed the filters meanwhile; a newer refresh is on its way
        selected = self.selected_station()
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("{0} stations").format(len(rows)))
        fit_columns(self.table)
        self.table.setColumnWidth(COL_NAME, min(self.table.columnWidth(COL_NAME), 260))
        self.table.setColumnWidth(COL_MISSING, min(self.table.columnWidth(COL_MISSING), 260))
        if selected is not None and (row := self.model.index_of(selected.id)) >= 0:
            self.table.selectRow(row)
        self.loaded.emit(len(rows))

    def refresh_unions(self) -> None:
        self.ops.read(stations.union_choices) \
            .latest((id(self), "unions")).success(self._set_unions).run()

    def _set_unions(self, unions: list[tuple[str, str]]) -> None:
        self.unions = unions

    def selected_station(self) -> StationRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_code(self, code: str) -> bool:
        return select_first(self.table, self.model.rows(), lambda r: r.code == code)

    # -- actions (each returns its dialog, opened non-modally, so tests can drive it) ---------------
    def _with_station(self, make, *, open_stations_only: bool = False):
        station = self.selected_station()
        if station is None:
            self.inform(self.tr("Choose a station in the list first."))
            return None
        if open_stations_only and station.status == StationStatus.CLOSED:
            self.inform(self.tr("{0} is closed: it stays on record and cannot be changed.")
                        .format(station.code))
            return None
        return self._open(make(station))

    @changes_records
    def new_station(self):
        return self._open(StationDialog(self.ops, self.unions, None, self))

    @changes_records
    def edit_station(self):
        return self._with_station(lambda st: StationDialog(self.ops, self.unions, st, self))

    @changes_records
    def record_inspection(self):
        return self._with_station(lambda st: InspectionDialog(self.ops, st, self),
                                  open_stations_only=True)

    @changes_records
    def enter_counts(self):
        return self._with_station(lambda st: ServiceCountsDialog(self.ops, st, self))

    @changes_records
    def change_status(self):
        return self._with_station(lambda st: StationStatusDialog(self.ops, st, self),
                                  open_stations_only=True)

    def show_photos(self):
        return self._with_station(lambda st: StationPhotosDialog(self.ops, st, self))

    def show_subsidies(self):
        return self._with_station(lambda st: StationSubsidyDialog(self.ops, st, self))

    def show_figures(self, year: int | None = None):
        """The figures dialog (the overview's click-through opens it on that year)."""
        dialog = StationFiguresDialog(self.ops, self)
        if year is not None:
            dialog.year.setValue(year)  # loads that year
        return self._open(dialog)

    def edit_standard(self):
        return self._open(StationStandardDialog(self.ops, self))

    def print_station(self, form: station_print.StationForm) -> None:
        """Build the form's PDF off the GUI thread, then preview it (Save as PDF / Print)."""
        station = self.selected_station()
        if station is None:
            self.inform(self.tr("Choose a station in the list first."))
            return
        form, station_id, code = station_print.StationForm(form), station.id, station.code
        titles = {station_print.StationForm.FORM: self.tr("Registration form — {0}"),
                  station_print.StationForm.SIGN: self.tr("Door sign — {0}"),
                  station_print.StationForm.INSPECTION: self.tr("Inspection record — {0}")}
        # the registration form carries the manager's phone in full: an audited reveal
        self.ops.read(lambda s: station_print.station_pdf(s, form=form, station_id=station_id),
                      parent=self, audited=station_print.needs_write(form)) \
            .success(lambda pdf: self._preview(pdf, titles[form].format(code),
                                               station_print.default_filename(code, form))).run()

    def _preview(self, pdf: bytes, title: str, filename: str) -> None:
        self.last_preview = PdfPreviewDialog(self.ops, pdf, title, filename, self)
        self.last_preview.open()
        self.preview_opened.emit(self.last_preview)

    # -- slots ------------------------------------------------------------------------------------------
    def _on_search_text_changed(self, _text: str) -> None:
        self.refresh()

    def _on_filter_changed(self, *_args) -> None:
        self.refresh()

    def _on_table_double_clicked(self, _index) -> None:
        self.edit_station()

    def _on_ops_changed(self, changes: set) -> None:
        if changes & REFRESH_ON:
            self.refresh()
        if Change.UNIONS in changes:
            self.refresh_unions()

