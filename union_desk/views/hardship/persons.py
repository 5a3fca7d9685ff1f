"""The household members table of the file dialog: name, relation, ID number (in full here, once
the dialog's audited reveal brings it), monthly income in yuan, health, school. The first row is
the member (本人), whose name and ID number come from the roster (shown masked)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QPushButton,
                               QStyledItemDelegate, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from union_desk.domain.money import fen_to_plain
from union_desk.models.hardship import SELF_RELATION, HouseholdPersonIn, HouseholdPersonRow
from union_desk.models.member import MemberRow
from union_desk.views.hardship.fields import InputProblem, fen_of

COL_NAME, COL_RELATION, COL_ID, COL_INCOME, COL_HEALTH, COL_SCHOOL = range(6)
RELATIONS = ("配偶", "子女", "父母", "兄弟姐妹", "祖父母", "孙子女", "其他")
_ID_ROLE = Qt.ItemDataRole.UserRole


class _RelationDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):  # noqa: N802 - Qt override
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.addItems(list(RELATIONS))
        return combo

    def setEditorData(self, editor, index):  # noqa: N802 - Qt override
        editor.setCurrentText(index.data() or "")

    def setModelData(self, editor, model, index):  # noqa: N802 - Qt override
        model.setData(index, editor.currentText().strip())


class PersonsTable(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("personsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Relation"), self.tr("ID number"),
            self.tr("Monthly income (yuan)"), self.tr("Health"), self.tr("School (students)")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(70)
        self.table.resizeColumnsToContents()  # the headers' widths, at least
        self.table.setColumnWidth(COL_ID, max(self.table.columnWidth(COL_ID), 170))
        header.setStretchLastSection(True)
        self.table.setItemDelegateForColumn(COL_RELATION, _RelationDelegate(self.table))
        self.table.setMinimumHeight(150)
        self.add_button = QPushButton(self.tr("Add a person"), self)
        self.add_button.setObjectName("addPersonButton")
        self.remove_button = QPushButton(self.tr("Remove the person"), self)
        self.remove_button.setObjectName("removePersonButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.table.itemChanged.connect(self._on_table_item_changed)

    # -- filling ------------------------------------------------------------------------------
    def set_member(self, member: MemberRow) -> None:
        """The 本人 row (first) shows the member; its name and ID come from the roster."""
        if self.table.rowCount() == 0 or self._text(0, COL_RELATION) != SELF_RELATION:
            self.table.insertRow(0)
            self._fill(0, HouseholdPersonRow(id="", name=member.name, relation=SELF_RELATION,
                                             id_number=member.id_number, birth_year=None,
                                             monthly_income_fen=0, health="", school=""))
        else:
            self.table.item(0, COL_NAME).setText(member.name)
            self.table.item(0, COL_ID).setText(str(member.id_number))

    def set_id_numbers(self, numbers: dict[str, str]) -> None:
        """The persons' ID numbers in full (by person id), as the audited reveal gives them;
        the 本人 row keeps the roster's, masked (the service takes it from the member)."""
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            person_id = self.table.item(row, COL_NAME).data(_ID_ROLE)
            if person_id in numbers and self._text(row, COL_RELATION) != SELF_RELATION:
                self.table.item(row, COL_ID).setText(numbers[person_id])
        self.table.blockSignals(False)

    def set_persons(self, persons: list[HouseholdPersonRow]) -> None:
        self.table.setRowCount(0)
        for person in persons:
            self.table.insertRow(self.table.rowCount())
            self._fill(self.table.rowCount() - 1, person)

    def add_person(self, name: str = "", relation: str = "", id_number: str = "",
                   income_yuan: str = "", health: str = "", school: str = "") -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.blockSignals(True)
        for column, text in enumerate((name, relation, id_number, income_yuan, health, school)):
            self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.blockSignals(False)
        self.changed.emit()
        return row

    def _fill(self, row: int, p: HouseholdPersonRow) -> None:
        self.table.blockSignals(True)
        income = fen_to_plain(p.monthly_income_fen)
        for column, text in enumerate((p.name, p.relation, str(p.id_number), income, p.health,
                                       p.school)):
            item = QTableWidgetItem(text)
            if p.relation == SELF_RELATION and column in (COL_NAME, COL_RELATION, COL_ID):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, column, item)
        self.table.item(row, COL_NAME).setData(_ID_ROLE, p.id or None)
        self.table.blockSignals(False)
        self.changed.emit()

    # -- reading ------------------------------------------------------------------------------
    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def persons(self) -> list[HouseholdPersonIn]:
        out = []
        for row in range(self.table.rowCount()):
            name = self._text(row, COL_NAME) or self.tr("row {0}").format(row + 1)
            income = fen_of(self._text(row, COL_INCOME) or "0",
                            self.tr("Monthly income of {0}").format(name), "persons")
            out.append(HouseholdPersonIn(
                id=self.table.item(row, COL_NAME).data(_ID_ROLE) if self.table.item(row, COL_NAME)
                else None,
                name=self._text(row, COL_NAME), relation=self._text(row, COL_RELATION),
                id_number=self._text(row, COL_ID), monthly_income_fen=income,
                health=self._text(row, COL_HEALTH), school=self._text(row, COL_SCHOOL)))
        return out

    def income(self) -> tuple[int, int] | None:
        """(household monthly income in fen, persons), or None while an income is unreadable."""
        try:
            persons = self.persons()
        except InputProblem:
            return None
        return sum(p.monthly_income_fen for p in persons), len(persons)

    # -- slots --------------------------------------------------------------------------------
    def _on_add_button_clicked(self) -> None:
        row = self.add_person()
        self.table.setCurrentCell(row, COL_NAME)
        self.table.editItem(self.table.item(row, COL_NAME))

    def _on_remove_button_clicked(self) -> None:
        row = self.table.currentRow()
        if row >= 0 and self._text(row, COL_RELATION) != SELF_RELATION:
            self.table.removeRow(row)
            self.changed.emit()

    def _on_table_item_changed(self, _item) -> None:
        self.changed.emit()
