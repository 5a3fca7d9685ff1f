"""The household files (困难职工档案): search and filters, the files due for their yearly
review, and the chosen household's page beside the list."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QLineEdit, QSplitter, QTableView,
                               QVBoxLayout, QWidget)

from union_desk.models.hardship import HardshipCategory, HouseholdRow, HouseholdStatus
from union_desk.models.union import UnionRow
from union_desk.services.changes import Change
from union_desk.services.roster import unions
from union_desk.views.hardship.campaign_dialog import PayHouseholdsDialog
from union_desk.views.hardship.household_dialog import HouseholdDialog
from union_desk.views.hardship.models import HouseholdsModel, count_household_rows
from union_desk.views.hardship.page import HouseholdPage
from union_desk.views.hardship.payment_dialogs import MedicalAidDialog
from union_desk.views.hardship.policy_dialog import PolicyDialog
from union_desk.views.hardship.status_dialog import HouseholdStatusDialog, ReviewDialog
from union_desk.views.hardship.visit_dialog import VisitDialog
from union_desk.views.ops import Ops
from union_desk.views.panel import Panel
from union_desk.views.search_keys import SearchKeys
from union_desk.views.tables import configure_table, select_first
from union_desk.views.widgets import FilterChip, filter_combo, make_button


class HouseholdsPanel(Panel):
    print_requested = Signal(list)     # voucher numbers to print
    campaign_print_requested = Signal(list)  # a campaign's new vouchers, with its sign-off sheet
    counted = Signal(int)              # files matching the filters, after each count

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(ops, "householdsPanel", parent)
        self.unions: list[UnionRow] = []
        self._edit_when_loaded: str | None = None  # a file asked for before its page came
        self.opened = None  # the last household file opened (for tests)
        self.model = HouseholdsModel(ops, self)
        self._build()
        self.refresh_unions()
        self.apply_filters()

    def title(self) -> str:
        return self.tr("Hardship support")

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("householdSearch")
        self.search.setPlaceholderText(
            self.tr("Search by name, pinyin initials (zs), ID number or phone — Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.category_filter = filter_combo(self, "categoryFilter", self.tr("All categories"),
                                            [(c.value, c) for c in HardshipCategory])
        self.status_filter = filter_combo(self, "householdStatusFilter", self.tr("All statuses"),
                                          [(s.value, s) for s in HouseholdStatus])
        self.union_filter = filter_combo(self, "householdUnionFilter", self.tr("All unions"), [])
        self.unreviewed = QCheckBox(self.tr("Not reviewed for a year"), self)
        self.unreviewed.setObjectName("unreviewedCheck")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("householdCount")
        self.linked: dict = {}  # main_cause / supported_in, set by the overview (show_households)
        self.linked_chip = FilterChip(self, "householdLinkedChip", self._on_linked_chip_cleared)
        top = QHBoxLayout()
        for widget in (self.search, self.category_filter, self.status_filter, self.union_filter,
                       self.unreviewed, self.linked_chip, self.count_label):
            top.addWidget(widget, 3 if widget is self.search else 0)

        self.table = QTableView(self)
        self.table.setObjectName("householdTable")
        self.table.setModel(self.model)
        configure_table(self.table, multi_select=True)
        self.page = HouseholdPage(self.ops, self)
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.page)
        splitter.setStretchFactor(0, 2)  # the list wide enough for its columns
        splitter.setStretchFactor(1, 1)

        buttons = QHBoxLayout()
        for name, text, slot in (
                ("newHouseholdButton", self.tr("New file (Ctrl+N)"), self.new_household),
                ("editHouseholdButton", self.tr("Edit file…"), self.edit_household),
                ("householdStatusButton", self.tr("Status…"), self.change_status),
                ("reviewButton", self.tr("Reviewed…"), self.mark_reviewed)):
            buttons.addWidget(make_button(self, name, text, slot))
        buttons.addStretch(1)
        buttons.addWidget(make_button(self, "policyButton", self.tr("Standard (低保)…"),
                                      self.edit_policy))
        buttons.addWidget(make_button(self, "payHouseholdsButton",
                                      self.tr("Pay the chosen households…"),
                                      self.pay_households))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self._on_search_text_changed)
        for combo in (self.category_filter, self.status_filter, self.union_filter):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.unreviewed.toggled.connect(self._on_unreviewed_toggled)
        self.model.loaded.connect(self._on_model_loaded)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.page.loaded.connect(self._on_page_loaded)
        self.page.visit_requested.connect(self.record_visit)
        self.page.medical_requested.connect(self.medical_aid)
        self.page.print_requested.connect(self.print_requested)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_household)
        SearchKeys(self.search, self.table, self.edit_household)
        QShortcut(QKeySequence.StandardKey.Print, self, self.page.print_button.click)

    # -- loading ---------------------------------------------------------------------------------
    def query(self) -> dict:
        if self.unreviewed.isChecked():
            return {"unreviewed": True}
        return dict(text=self.search.text(), category=self.category_filter.currentData(),
                    status=self.status_filter.currentData(),
                    union_id=self.union_filter.currentData(), **self.linked)

    def show_households(self, *, category: str | None = None, cause: str | None = None,
                        supported_in: int | None = None) -> None:
        """The overview's click-through: the files of one category or main cause given hardship
        help in a year; the cause and the year show as one filter the clerk can remove."""
        widgets = (self.search, self.category_filter, self.status_filter, self.union_filter,
                   self.unreviewed)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        self.unreviewed.setChecked(False)
        for combo in (self.status_filter, self.union_filter):
            combo.setCurrentIndex(0)
        self.category_filter.setCurrentIndex(
            max(0, self.category_filter.findData(HardshipCategory(category))) if category else 0)
        for widget in widgets:
            widget.setEnabled(True)
            widget.blockSignals(False)
        self.linked = {k: v for k, v in (("main_cause", cause), ("supported_in", supported_in))
                       if v is not None}
        parts = []
        if supported_in is not None:
            parts.append(self.tr("Helped in {0}").format(supported_in))
        if cause is not None:
            parts.append(self.tr("Main cause: {0}").format(cause or self.tr("(not given)")))
        self.linked_chip.show_filter(", ".join(parts))
        self.apply_filters()

    def _on_linked_chip_cleared(self) -> None:
        self.linked = {}
        self.apply_filters()

    def apply_filters(self) -> None:
        query = self.query()
        self.model.set_query(**query)
        self.ops.read(lambda s: count_household_rows(s, query)) \
            .success(lambda n: self._show_count(query, n)).run()

    def _show_count(self, query: dict, count: int) -> None:
        if query == self.query():
            self.count_label.setText(self.tr("{0} files").format(count))
            self.counted.emit(count)

    def refresh_unions(self) -> None:
        self.ops.read(lambda s: unions.list_unions(s)) \
            .latest((id(self), "unions")).success(self._set_unions).run()

    def _set_unions(self, rows: list[UnionRow]) -> None:
        self.unions = rows
        current = self.union_filter.currentData()
        self.union_filter.blockSignals(True)
        while self.union_filter.count() > 1:
            self.union_filter.removeItem(1)
        for union in rows:
            self.union_filter.addItem(union.name, union.id)
        self.union_filter.setCurrentIndex(max(0, self.union_filter.findData(current)))
        self.union_filter.blockSignals(False)

    # -- selection -------------------------------------------------------------------------------
    def selected_households(self) -> list[HouseholdRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows]

    def current_household(self) -> HouseholdRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_household(self, household_id: str) -> bool:
        return select_first(self.table, self.model.rows(), lambda r: r.id == household_id)

    # -- actions (each returns its dialog, opened non-modally, so tests can drive it) -------------
    def _with_household(self, make):
        household = self.current_household()
        if household is None:
            self.inform(self.tr("Choose a household in the list first."))
            return None
        return self._open(make(household))

    def new_household(self):
        dialog = HouseholdDialog(self.ops, None, self)
        dialog.accepted.connect(lambda: self.page.show_household(dialog.result_row.id))
        return self._open(dialog)

    def edit_household(self):
        """The chosen household's file; if its page is still loading (a double-click opens it
        before the read comes back), the file opens as soon as the page has it."""
        household = self.current_household()
        if household is None:
            self.inform(self.tr("Choose a household in the list first."))
            return None
        detail = self.page.detail
        if detail is not None and detail.id == household.id:
            self.opened = self._open(HouseholdDialog(self.ops, detail, self))
            return self.opened
        self._edit_when_loaded = household.id
        if self.page.household_id != household.id:
            self.page.show_household(household.id)
        return None

    def change_status(self):
        return self._with_household(lambda h: HouseholdStatusDialog(self.ops, h, self))

    def mark_reviewed(self):
        return self._with_household(lambda h: ReviewDialog(self.ops, h, self))

    def record_visit(self):
        return self._with_household(lambda h: VisitDialog(self.ops, h, self))

    def medical_aid(self):
        return self._with_household(lambda h: MedicalAidDialog(self.ops, h, self))

    def edit_policy(self):
        return self._open(PolicyDialog(self.ops, self))

    def pay_households(self):
        chosen = self.selected_households()
        if not chosen:
            self.inform(self.tr("Choose the households to pay in the list first "
                                "(Ctrl+click or Shift+click for several)."))
            return None
        dialog = PayHouseholdsDialog(self.ops, chosen, self)
        dialog.print_requested.connect(self.campaign_print_requested)
        return self._open(dialog)

    # -- slots -------------------------------------------------------------------------------------
    def _on_search_text_changed(self, _text: str) -> None:
        self.apply_filters()

    def _on_filter_changed(self, _index: int) -> None:
        self.apply_filters()

    def _on_unreviewed_toggled(self, checked: bool) -> None:
        for widget in (self.search, self.category_filter, self.status_filter, self.union_filter):
            widget.setEnabled(not checked)
        self.apply_filters()

    def _on_model_loaded(self, rows: int) -> None:
        self.size_columns_once(self.table, rows)
        if self.page.household_id and self.current_household() is None:
            self.select_household(self.page.household_id)

    def _on_table_current_row_changed(self, current, _previous) -> None:
        if current.isValid():
            self.page.show_household(self.model.row_at(current.row()).id)

    def _on_table_double_clicked(self, _index) -> None:
        self.edit_household()

    def _on_page_loaded(self, detail) -> None:
        if detail is not None and detail.id == self._edit_when_loaded:
            self._edit_when_loaded = None
            self.edit_household()

    def _on_ops_changed(self, changes: set) -> None:
        if Change.HOUSEHOLDS in changes:
            self.apply_filters()
        if changes & {Change.HOUSEHOLDS, Change.PAYMENTS, Change.VISITS} and self.page.household_id:
            self.page.refresh()
        if changes & {Change.UNIONS, Change.MEMBERS}:
            self.refresh_unions()
