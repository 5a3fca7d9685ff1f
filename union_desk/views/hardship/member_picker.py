"""Pick a member from the roster by name, pinyin initials, ID number or phone (as the roster
searches), for a new household file or a medical-aid claim."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from union_desk.models.member import MemberRow, MemberStatus
from union_desk.services.roster import members
from union_desk.views.ops import Ops

LIMIT = 20


class MemberPicker(QWidget):
    picked = Signal(object)      # the MemberRow chosen, or None when the choice is cleared
    searched = Signal(int)       # hits shown, after each search

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.member: MemberRow | None = None
        self.search = QLineEdit(self)
        self.search.setObjectName("memberSearch")
        self.search.setPlaceholderText(self.tr("Name, pinyin initials, ID number or phone"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("memberResults")
        self.results.setMaximumHeight(120)
        self.chosen = QLabel(self.tr("No member chosen yet."), self)
        self.chosen.setObjectName("chosenMemberLabel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.chosen)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.results.currentItemChanged.connect(self._on_results_current_item_changed)

    def _run_search(self, text: str) -> None:
        if not text.strip():
            self.results.clear()
            self.searched.emit(0)
            return
        self.ops.read(lambda s: members.search_members(
            s, text=text, status=MemberStatus.ACTIVE, limit=LIMIT), parent=self) \
            .success(lambda rows: self._show(text, rows)).run()

    def _show(self, text: str, rows: list[MemberRow]) -> None:
        if text != self.search.text():
            return  # the clerk typed on; a newer search is under way
        self.results.blockSignals(True)
        self.results.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.name}    {row.id_number}    {row.union_name}")
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.results.addItem(item)
        self.results.blockSignals(False)
        self.searched.emit(len(rows))

    def choose(self, row: int) -> None:
        """Take the hit in that row of the results (what a click does)."""
        self.results.setCurrentRow(row)

    def _on_search_text_changed(self, text: str) -> None:
        self._run_search(text)

    def _on_results_current_item_changed(self, current, _previous) -> None:
        self.member = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        if self.member is not None:
            self.chosen.setText(self.tr("Chosen: {0} ({1}), {2}").format(
                self.member.name, str(self.member.id_number), self.member.union_name))
        self.picked.emit(self.member)
