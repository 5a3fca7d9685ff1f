"""会员名册: grassroots unions on the left, the paged, searchable member table on the right."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMessageBox, QSplitter, QTableView, QTableWidgetItem,
                               QVBoxLayout, QWidget)
from shiboken6 import isValid

from union_desk.models.member import MemberRow, MemberStatus
from union_desk.models.union import UnionRow
from union_desk.services.changes import Change
from union_desk.services.common.search_plan import SearchTotal
from union_desk.services.roster import members, unions
from union_desk.views.ops import Ops
from union_desk.views.paged_model import PagedTableModel
from union_desk.views.panel import Panel, changes_records
from union_desk.views.reveal import ask_reveal_reason
from union_desk.views.roster.columns import member_columns
from union_desk.views.roster.member_dialog import MemberDialog
from union_desk.views.roster.status_dialog import StatusDialog, TransferDialog
from union_desk.views.roster.union_dialog import CloseUnionDialog, UnionDialog
from union_desk.views.search_keys import SearchKeys
from union_desk.views.tables import configure_table, list_table, select_first
from union_desk.views.widgets import FilterChip, make_button
from union_desk.views.tab_titles import tab_title


AFTER_PAINT_MS = 1  # a timer, not a posted call: see _on_model_loaded


def _fetch_members(session, query, offset, limit, sort, descending):
    return members.search_members(session, **query, sort=sort or "name", descending=descending,
                                  offset=offset, limit=limit)


class RosterTab(Panel):
    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(ops, "rosterTab", parent)
        self.unions: list[UnionRow] = []
        self._select_after_load: str | None = None  # a member just saved, to show selected
        self._searched_saved = False
        self.opened = None  # the last member dialog opened (for tests)
        self.model = PagedTableModel(ops, member_columns(), _fetch_members, parent=self)
        self._counted: dict | None = None  # the query whose total was asked for
        self._build()
        self.apply_filters()  # the first page first: the unions list can wait a moment
        self.refresh_unions()

    def title(self) -> str:
        return tab_title("rosterTab")

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("rosterSearch")
        self.search.setPlaceholderText(
            self.tr("Search by name, pinyin initials (zs), ID number, phone or card no. — Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.union_filter = QComboBox(self)
        self.union_filter.setObjectName("rosterUnionFilter")
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("rosterStatusFilter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in MemberStatus:
            self.status_filter.addItem(status.value, status)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("rosterCount")
        self.joined: tuple[date, date] | None = None  # set by the overview (show_members)
        self.joined_chip = FilterChip(self, "rosterJoinedChip", self._on_joined_chip_cleared)
        self.count_all_button = make_button(self, "rosterCountAllButton", self.tr("Count all"),
                                            self.count_all)
        self.count_all_button.setToolTip(self.tr("Count every member this search finds"))
        self.count_all_button.hide()
        top = QHBoxLayout()
        for widget in (self.search, self.union_filter, self.status_filter, self.joined_chip,
                       self.count_label, self.count_all_button):
            top.addWidget(widget, 3 if widget is self.search else 0)

        self.table = QTableView(self)
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.model)
        configure_table(self.table)
        self.table.doubleClicked.connect(self._on_table_double_clicked)

        buttons = QHBoxLayout()
        self.new_button = make_button(self, "newMemberButton", self.tr("New member (Ctrl+N)"),
                                      self.new_member)
        self.edit_button = make_button(self, "editMemberButton", self.tr("Edit"), self.edit_member)
        self.transfer_button = make_button(self, "transferButton", self.tr("Transfer"),
                                           self.transfer_member)
        self.status_button = make_button(self, "statusButton", self.tr("Leave / death…"),
                                         self.change_status)
        self.import_button = make_button(self, "importButton", self.tr("Import Excel…"),
                                         self.import_excel)
        self.export_button = make_button(self, "exportButton", self.tr("Export Excel…"),
                                         self.export_excel)
        for button in (self.new_button, self.edit_button, self.transfer_button, self.status_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(top)
        right_layout.addWidget(self.table)
        right_layout.addLayout(buttons)

        splitter = QSplitter(self)
        splitter.addWidget(self._build_unions())
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.search.textChanged.connect(self._on_search_text_changed)
        self.union_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.status_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.model.loaded.connect(self._on_model_loaded)
        self.model.loaded.connect(self._warm_search, Qt.ConnectionType.SingleShotConnection)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_member)
        SearchKeys(self.search, self.table, self.edit_member)

    def _build_unions(self) -> QWidget:
        box = QWidget(self)
        self.union_table = list_table(box, "unionTable", [
            self.tr("Grassroots union"), self.tr("Members"), self.tr("Status")])
        self.union_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.union_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.union_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        box.setMinimumWidth(340)
        self.union_table.doubleClicked.connect(lambda _i: self.edit_union())
        row = QHBoxLayout()
        row.addWidget(make_button(self, "newUnionButton", self.tr("New union"), self.new_union))
        row.addWidget(make_button(self, "editUnionButton", self.tr("Edit"), self.edit_union))
        row.addWidget(make_button(self, "closeUnionButton", self.tr("Close union…"),
                                  self.close_union))
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.union_table)
        layout.addLayout(row)
        return box


    # -- loading -----------------------------------------------------------------------------------
    def query(self) -> dict:
        query = dict(text=self.search.text(), union_id=self.union_filter.currentData(),
                     status=self.status_filter.currentData())
        if self.joined is not None:
            query["joined"] = self.joined
        return query

    def show_members(self, *, on_roll: bool = False,
                     joined: tuple[date, date] | None = None) -> None:
        """The overview's click-through: every union, no search; only members on the roll, or
        only those who joined in [start, end) (shown as a filter the clerk can remove)."""
        for widget in (self.search, self.union_filter, self.status_filter):
            widget.blockSignals(True)
        self.search.clear()
        self.union_filter.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(
            MemberStatus.ACTIVE)) if on_roll else 0)
        for widget in (self.search, self.union_filter, self.status_filter):
            widget.blockSignals(False)
        self.joined = joined
        self.joined_chip.show_filter(self.tr("Joined {0} – {1}").format(
            joined[0].isoformat(), (joined[1] - timedelta(days=1)).isoformat()) if joined else "")
        self.apply_filters()

    def _on_joined_chip_cleared(self) -> None:
        self.joined = None
        self.apply_filters()

    def _warm_search(self, _rows: int) -> None:
        """Once the first page is in: each kind of search run once in the background."""
        limit = self.model.page_size
        # nothing to tell the clerk if it fails (the window closing meanwhile): a search that
        # meets the same trouble reports it
        self.ops.read(lambda s: members.warm_search(s, limit=limit)) \
            .failure(lambda _err: None).run()

    def apply_filters(self) -> None:
        self._counted = None  # counted once the first page is in (never competing with it)
        self.model.set_query(**self.query())

    def _count_after_first_page(self, loaded: dict) -> None:
        """`loaded`: the query whose rows arrived; typed over since, its count is not wanted
        (and the new query's own count waits for its own rows)."""
        query = self.query()
        if self._counted == query or query != loaded:
            return
        self._counted = query
        self.ops.read(lambda s: members.member_total(s, **query)) \
            .latest((id(self), "count")).success(lambda t: self._show_count(query, t)).run()

    def _show_count(self, query: dict, total) -> None:
        """The exact total; for a search with thousands of hits, as many as have arrived and
        "+" (as the list grows while scrolling) until the clerk asks for the count."""
        if not isValid(self.search) or query != self.query():  # the window closed meanwhile
            return
        if total.more and not self.model.complete():
            self.count_label.setText(self.tr("{0}+ members").format(self.model.rowCount()))
        else:
            count = self.model.rowCount() if total.more else total.count
            self.count_label.setText(self.tr("{0} members").format(count))
        self.count_all_button.setVisible(total.more and not self.model.complete())

    def count_all(self) -> None:
        query = self.query()
        self.ops.read(lambda s, progress, cancelled: members.count_members(s, **query),
                      parent=self).with_progress(self.tr("Counting…"), self) \
            .success(lambda n: self._show_count(query, SearchTotal(n))).run()

    def refresh_unions(self) -> None:
        self.ops.read(lambda s: unions.list_unions(s)) \
            .latest((id(self), "unions")).success(self._show_unions).run()

    def _show_unions(self, rows: list[UnionRow]) -> None:
        self.unions = rows
        self.union_table.setRowCount(len(rows))
        for i, union in enumerate(rows):
            name = QTableWidgetItem(union.name + (" ⚠" if union.credit_warning else ""))
            name.setData(Qt.ItemDataRole.UserRole, union.id)
            if union.credit_warning:
                name.setToolTip(self.tr("Credit code: {0}").format(union.credit_warning))
            self.union_table.setItem(i, 0, name)
            self.union_table.setItem(i, 1, QTableWidgetItem(str(union.member_count)))
            self.union_table.setItem(i, 2, QTableWidgetItem(union.status.value))
        current = self.union_filter.currentData()
        self.union_filter.blockSignals(True)
        self.union_filter.clear()
        self.union_filter.addItem(self.tr("All unions"), None)
        for union in rows:
            self.union_filter.addItem(union.name, union.id)
        self.union_filter.setCurrentIndex(max(0, self.union_filter.findData(current)))
        self.union_filter.blockSignals(False)

    # -- selection helpers ----------------------------------------------------------------------------
    def selected_member(self) -> MemberRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_union(self) -> UnionRow | None:
        row = self.union_table.currentRow()
        return self.unions[row] if 0 <= row < len(self.unions) else None

    # -- actions (each returns its dialog, opened non-modally, so tests can drive it) ---------------
    @changes_records
    def new_member(self):
        dialog = MemberDialog(self.ops, self.unions, None, self)
        dialog.accepted.connect(lambda: self._show_saved(dialog.result_row))
        return self._open(dialog)

    def _show_saved(self, member: MemberRow | None) -> None:
        """After the list reloads, the member just saved is the selected row; if the filters
        or the first page leave them out, the list is searched for them by card or ID number."""
        if member is not None:
            self._select_after_load, self._searched_saved = member.id, False

    @changes_records
    def edit_member(self):
        member = self.selected_member()
        if member is None:
            return None
        self.opened = self._open(MemberDialog(self.ops, self.unions, member, self))
        return self.opened

    @changes_records
    def transfer_member(self):
        member = self.selected_member()
        return self._open(TransferDialog(self.ops, member, self.unions, self)) if member else None

    @changes_records
    def change_status(self):
        member = self.selected_member()
        return self._open(StatusDialog(self.ops, member, self)) if member else None

    @changes_records
    def new_union(self):
        return self._open(UnionDialog(self.ops, None, self))

    @changes_records
    def edit_union(self):
        union = self.selected_union()
        return self._open(UnionDialog(self.ops, union, self)) if union else None

    @changes_records
    def close_union(self):
        union = self.selected_union()
        return self._open(CloseUnionDialog(self.ops, union, self)) if union else None

    @changes_records
    def import_excel(self):
        from union_desk.views.roster.import_dialog import RosterImportDialog

        path = self.ask_open_path()
        if not path:
            return None
        selected = self.selected_union()
        return self._open(RosterImportDialog(
            self.ops, path, self, union_names=[u.name for u in self.unions if u.takes_members],
            union_hint=selected.name if selected else ""))

    def export_excel(self) -> None:
        path = self.ask_save_path()
        if path is None:
            return
        reveal = self.ask_reveal()
        reason = ""
        if reveal:  # a 审核人 or 负责人, with a reason for the audit log (services/accounts)
            reason = self.ask_reveal_reason()
            if reason is None:
                return
        query = self.query()
        from union_desk.services.roster.export import export_roster

        self.ops.read(lambda s, progress, cancelled: export_roster(
            s, path=path, reveal=reveal, reason=reason, progress=progress, cancelled=cancelled,
            **query),
            parent=self, audited=reveal).with_progress(self.tr("Exporting…"), self) \
            .success(lambda n: self.inform(self.tr("{0} members exported to {1}").format(n, path))) \
            .run()

    # -- dialogs (methods, so tests can replace them) -----------------------------------------------
    def ask_open_path(self) -> Path | None:
        return self.open_file_dialog(self.tr("Import roster"), self.import_pattern())

    def ask_save_path(self) -> Path | None:
        return self.save_file_dialog(self.tr("Export roster"), "会员名册.xlsx", self.excel_pattern())

    def ask_reveal(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Export roster"),
            self.tr("Export full ID numbers and phone numbers?\n"
                    "Choose No for the masked export (recommended). A full export is logged."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def ask_reveal_reason(self) -> str | None:
        return ask_reveal_reason(self, self.tr("Export the roster with full ID numbers and "
                                               "phone numbers"))

    # -- slots ------------------------------------------------------------------------------------------
    def _on_search_text_changed(self, _text: str) -> None:
        self.apply_filters()

    def _on_filter_changed(self, _index: int) -> None:
        self.apply_filters()

    def _on_table_double_clicked(self, _index) -> None:
        self.edit_member()

    def _on_model_loaded(self, rows: int) -> None:
        self.size_columns_once(self.table, rows)
        # the count starts once the rows are painted: started here, or by a posted call (a
        # 0 ms single shot, which Qt delivers before its low-priority paint request), its thread
        # took Python's lock from the GUI thread while the rows were painted (2–5 ms at a
        # million members, issue 13); a timer's event comes after the paint
        query = self.query()
        QTimer.singleShot(AFTER_PAINT_MS, self, lambda: self._count_after_first_page(query))
        wanted = self._select_after_load
        if wanted is None:
            return
        if select_first(self.table, self.model.rows(), lambda r: r.id == wanted):
            self._select_after_load = None
            self.table.scrollTo(self.table.currentIndex())
        elif not self._searched_saved:  # filtered out, or beyond the first page
            self._searched_saved = True
            self.ops.read(lambda s: members.get_member(s, member_id=wanted)) \
                .success(self._find_saved).run()
        else:
            self._select_after_load = None

    def _find_saved(self, member: MemberRow) -> None:
        for combo in (self.union_filter, self.status_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        # reloads the list with them in it (the ID number is masked: the card or the name)
        self.search.setText(member.card_no or member.name)

    def _on_ops_changed(self, changes: set) -> None:
        if Change.UNIONS in changes or Change.MEMBERS in changes:
            self.refresh_unions()
        if Change.MEMBERS in changes:
            self.apply_filters()
